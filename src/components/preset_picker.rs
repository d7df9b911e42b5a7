//! The preset picker: the model's documented scenarios, with a one-line
//! description, and a Reset back to the chosen preset's values.

use crate::i18n::{strings, Lang};
use squeeze_model::Preset;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// What the picker needs.
#[derive(Properties, PartialEq)]
pub struct PresetPickerProps {
    /// The preset chosen last.
    pub preset: &'static Preset,
    /// Whether the levers still equal the preset (Reset disabled).
    pub pristine: bool,
    /// The page language.
    pub lang: Lang,
    /// Called with the preset the reader picks.
    pub on_choose: Callback<&'static Preset>,
    /// Called when the reader asks to reset.
    pub on_reset: Callback<()>,
}

/// A labelled `<select>` of presets, its description and a Reset button.
#[function_component]
pub fn PresetPicker(props: &PresetPickerProps) -> Html {
    let text = strings(props.lang);
    // Keep the control showing the preset also when it changes from elsewhere
    // (back/forward, a host page): after a reader's own choice, browsers ignore
    // changes to the options' `selected` attribute.
    let select = use_node_ref();
    {
        let select = select.clone();
        use_effect_with(props.preset.id, move |id| {
            if let Some(select) = select.cast::<HtmlSelectElement>() {
                select.set_value(id);
            }
        });
    }
    let onchange = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |event: Event| {
            let id = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(preset) = Preset::by_id(&id) {
                on_choose.emit(preset);
            }
        })
    };
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <div class="preset">
            <div class="preset__row">
                <label for="preset">{ text.preset }</label>
                <select id="preset" ref={select} {onchange} aria-describedby="preset-help">
                    { for Preset::all().iter().map(|preset| html! {
                        <option value={preset.id} selected={preset.id == props.preset.id}>
                            { crate::i18n::preset_text(props.lang, preset).0 }
                        </option>
                    }) }
                </select>
                <button type="button" class="button" onclick={on_reset} disabled={props.pristine}>{ text.reset }</button>
            </div>
            <p id="preset-help" class="preset__help">{ crate::i18n::preset_text(props.lang, props.preset).1 }</p>
        </div>
    }
}

//! One lever as a labelled range slider that reports every `input` event, so the
//! outcome recomputes while the reader drags.

use crate::format;
use crate::i18n::{lever_text, Lang};
use squeeze_model::{Lever, LeverId};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What a slider needs: its table row, its value, and where to send changes.
#[derive(Properties, PartialEq)]
pub struct LeverSliderProps {
    /// The lever's row in the model's parameter table.
    pub lever: &'static Lever,
    /// The current value (model units: fractions for percentages).
    pub value: f64,
    /// The page language.
    pub lang: Lang,
    /// Called with the new value on every input event.
    pub on_change: Callback<(LeverId, f64)>,
}

/// A labelled slider showing its value with unit and a one-line meaning.
#[function_component]
pub fn LeverSlider(props: &LeverSliderProps) -> Html {
    let lever = props.lever;
    let id = format!("lever-{}", lever.key);
    let help_id = format!("{id}-help");
    let shown = format::lever_value(lever, props.value, props.lang);
    let (label, explanation) = lever_text(props.lang, lever);
    let oninput = {
        let on_change = props.on_change.clone();
        let lever_id = lever.id;
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlInputElement>().value_as_number();
            if value.is_finite() {
                on_change.emit((lever_id, value));
            }
        })
    };
    html! {
        <div class={classes!("lever", lever.headline.then_some("lever--headline"))}>
            <div class="lever__head">
                <label for={id.clone()}>{ label }</label>
                // Screen readers get the value from aria-valuetext; this is for the eye.
                <span class="lever__value" aria-hidden="true">{ shown.clone() }</span>
            </div>
            <input
                type="range"
                id={id}
                min={lever.min.to_string()}
                max={lever.max.to_string()}
                step={lever.step.to_string()}
                value={props.value.to_string()}
                aria-valuetext={shown}
                aria-describedby={help_id.clone()}
                {oninput}
            />
            <p class="lever__help" id={help_id}>{ explanation }</p>
        </div>
    }
}

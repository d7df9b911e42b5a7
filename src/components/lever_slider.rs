//! One lever as a labelled range slider that reports every `input` event, so the
//! outcome recomputes while the reader drags.

use crate::format;
use crate::hooks::LeverTipping;
use crate::i18n::{lever_text, Lang};
use squeeze_model::{Lever, LeverId, TippingMark};
use std::rc::Rc;
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
    /// Where this lever tips the outcome (headline levers, once computed).
    #[prop_or_default]
    pub tipping: Option<Rc<LeverTipping>>,
}

/// A tipping mark in words, short enough for one line on a phone: en `Squeeze
/// from 32%: CleanSpark first.`
pub fn mark_text(lever: &Lever, mark: &TippingMark, lang: Lang) -> String {
    let value = format::lever_value(lever, mark.value, lang);
    let company = mark.company;
    match (lang, mark.squeezed_above) {
        (Lang::En, true) => format!("Squeeze from {value}: {company} first."),
        (Lang::En, false) => format!("Squeeze at {value} and below: {company} first."),
        (Lang::It, true) => format!("Crisi da {value}: prima {company}."),
        (Lang::It, false) => format!("Crisi a {value} e sotto: prima {company}."),
    }
}

/// The words under a slider: its marks, or that no value changes the outcome.
fn tipping_text(lever: &Lever, tipping: &LeverTipping, lang: Lang) -> String {
    if tipping.marks.is_empty() {
        return match (lang, tipping.squeezed_at_min) {
            (Lang::En, true) => "A squeeze at every value.",
            (Lang::En, false) => "No squeeze at any value.",
            (Lang::It, true) => "Crisi a ogni valore.",
            (Lang::It, false) => "Nessuna crisi a nessun valore.",
        }
        .to_owned();
    }
    let marks: Vec<String> = tipping.marks.iter().map(|m| mark_text(lever, m, lang)).collect();
    marks.join(" ")
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
    let tip_id = format!("{id}-tip");
    let span = (lever.max - lever.min).max(f64::MIN_POSITIVE);
    let tip = props.tipping.as_ref().map(|t| tipping_text(lever, t, props.lang));
    let described_by = if tip.is_some() {
        format!("{tip_id} {help_id}")
    } else {
        help_id.clone()
    };
    html! {
        <div class={classes!("lever", lever.headline.then_some("lever--headline"))}>
            <div class="lever__head">
                <label for={id.clone()}>{ label }</label>
                // Screen readers get the value from aria-valuetext; this is for the eye.
                <span class="lever__value" aria-hidden="true">{ shown.clone() }</span>
            </div>
            <div class="lever__track">
                <input
                    type="range"
                    id={id}
                    min={lever.min.to_string()}
                    max={lever.max.to_string()}
                    step={lever.step.to_string()}
                    value={props.value.to_string()}
                    aria-valuetext={shown}
                    aria-describedby={described_by}
                    {oninput}
                />
                // The marks for the eye (an SVG, as the strict CSP allows no style
                // attributes); the words below say the same to everyone.
                if let Some(t) = props.tipping.as_ref().filter(|t| !t.marks.is_empty()) {
                    <svg class="lever__marks" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true">
                        { for t.marks.iter().map(|m| {
                            let x = format!("{:.1}", ((m.value - lever.min) / span).clamp(0.0, 1.0) * 1000.0);
                            html! {
                                <line class={classes!("lever__mark", (!m.squeezed_above).then_some("lever__mark--below"))}
                                    x1={x.clone()} x2={x} y1="0" y2="10" vector-effect="non-scaling-stroke" />
                            }
                        }) }
                    </svg>
                }
            </div>
            // Headline sliders keep the line for their tipping words even while
            // they are computed, so nothing below moves when they arrive.
            if lever.headline {
                <p class="lever__tip" id={tip_id}>{ tip.unwrap_or_default() }</p>
            }
            <p class="lever__help" id={help_id}>{ explanation }</p>
        </div>
    }
}

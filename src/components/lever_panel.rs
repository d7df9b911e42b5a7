//! All levers from the model's parameter table: the headline ones first and large,
//! the advanced ones in a collapsible panel.

use super::lever_slider::LeverSlider;
use crate::i18n::{strings, Lang};
use squeeze_model::{LeverId, Scenario, LEVERS};
use yew::prelude::*;

/// What the lever panel needs.
#[derive(Properties, PartialEq)]
pub struct LeverPanelProps {
    /// The scenario the sliders show.
    pub scenario: Scenario,
    /// The page language.
    pub lang: Lang,
    /// Called with every slider input.
    pub on_change: Callback<(LeverId, f64)>,
}

/// Headline sliders, then `<details>` with the rest.
#[function_component]
pub fn LeverPanel(props: &LeverPanelProps) -> Html {
    let slider = |lever: &'static squeeze_model::Lever| {
        html! {
            <LeverSlider key={lever.key} {lever} value={props.scenario.get(lever.id)}
                lang={props.lang} on_change={props.on_change.clone()} />
        }
    };
    html! {
        <>
            { for LEVERS.iter().filter(|lever| lever.headline).map(slider) }
            <details class="advanced">
                <summary>{ strings(props.lang).more_levers }</summary>
                <div class="advanced__levers">
                    { for LEVERS.iter().filter(|lever| !lever.headline).map(slider) }
                </div>
            </details>
        </>
    }
}

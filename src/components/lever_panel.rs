//! All levers from the model's parameter table: the headline ones first and large,
//! the advanced ones in a collapsible panel.

use super::lever_slider::LeverSlider;
use crate::hooks::LeverTipping;
use crate::i18n::{strings, Lang};
use squeeze_model::{LeverId, Scenario, LEVERS};
use std::rc::Rc;
use yew::prelude::*;

/// The tipping marks of the headline levers, as far as computed for the current
/// scenario.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeadlineMarks(pub Vec<(LeverId, Option<Rc<LeverTipping>>)>);

impl HeadlineMarks {
    /// The marks of one lever, once computed.
    pub fn for_lever(&self, id: LeverId) -> Option<Rc<LeverTipping>> {
        self.0
            .iter()
            .find(|(lever, _)| *lever == id)
            .and_then(|(_, t)| t.clone())
    }
}

/// What the lever panel needs.
#[derive(Properties, PartialEq)]
pub struct LeverPanelProps {
    /// The scenario the sliders show.
    pub scenario: Scenario,
    /// The page language.
    pub lang: Lang,
    /// Called with every slider input.
    pub on_change: Callback<(LeverId, f64)>,
    /// Where the headline sliders tip the outcome.
    #[prop_or_default]
    pub marks: HeadlineMarks,
}

/// Headline sliders, then `<details>` with the rest.
#[function_component]
pub fn LeverPanel(props: &LeverPanelProps) -> Html {
    let slider = |lever: &'static squeeze_model::Lever| {
        html! {
            <LeverSlider key={lever.key} {lever} value={props.scenario.get(lever.id)}
                lang={props.lang} on_change={props.on_change.clone()} tipping={props.marks.for_lever(lever.id)} />
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

//! Downloads of what the reader sees: the outcome series as CSV and the scenario
//! as JSON (the chart PNG sits beside each chart).

use crate::download;
use crate::i18n::{strings, Lang};
use squeeze_model::{Outcome, Scenario};
use std::rc::Rc;
use yew::prelude::*;

/// What the export buttons need.
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// The current scenario.
    pub scenario: Scenario,
    /// Its outcome.
    pub outcome: Rc<Outcome>,
    /// The page language.
    pub lang: Lang,
}

/// Two download buttons.
#[function_component]
pub fn Export(props: &ExportProps) -> Html {
    let text = strings(props.lang);
    let save_csv = {
        let outcome = props.outcome.clone();
        Callback::from(move |_: MouseEvent| {
            let _ = download::save_text("squeeze-outcome.csv", "text/csv", &outcome.to_csv());
        })
    };
    let save_json = {
        let scenario = props.scenario;
        Callback::from(move |_: MouseEvent| {
            let _ = download::save_text(
                "squeeze-scenario.json",
                "application/json",
                &crate::scenario_json(&scenario),
            );
        })
    };
    html! {
        <div class="export" role="group" aria-label={text.export}>
            <span class="export__label">{ text.export }</span>
            <button type="button" class="button" onclick={save_csv}>{ text.export_csv }</button>
            <button type="button" class="button" onclick={save_json}>{ text.export_json }</button>
        </div>
    }
}

//! The outcome in words, announced to screen readers as it changes.

use crate::format;
use crate::i18n::Lang;
use squeeze_model::{MonteCarloResult, Outcome};
use std::rc::Rc;
use yew::prelude::*;

/// What the summary shows.
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// The outcome of the current scenario.
    pub outcome: Rc<Outcome>,
    /// The Monte Carlo results for the same scenario, once computed.
    #[prop_or_default]
    pub risk: Option<Rc<MonteCarloResult>>,
    /// The page language.
    pub lang: Lang,
}

/// The summary sentence in a `role="status"` live region, with the chance of a
/// squeeze once the simulated paths are in.
#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    // The same sentence the CLI's chart export writes.
    let odds = props.risk.as_ref().map(|mc| {
        let why = squeeze_charts::summary::odds_explanation(mc, &props.outcome, props.lang)
            .map(|why| format!(" {why}"))
            .unwrap_or_default();
        format!(" {}{why}", squeeze_charts::summary::odds_sentence(mc, props.lang))
    });
    html! {
        <p class="summary" role="status">
            { format::summary(&props.outcome, props.lang) }
            if let Some(odds) = odds {
                <span class="summary__odds">{ odds }</span>
            }
        </p>
    }
}

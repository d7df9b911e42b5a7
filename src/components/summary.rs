//! The outcome in words, announced to screen readers as it changes.

use crate::format;
use crate::i18n::Lang;
use squeeze_model::Outcome;
use std::rc::Rc;
use yew::prelude::*;

/// What the summary shows.
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// The outcome of the current scenario.
    pub outcome: Rc<Outcome>,
    /// The page language.
    pub lang: Lang,
}

/// The summary sentence in a `role="status"` live region.
#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    html! {
        <p class="summary" role="status">{ format::summary(&props.outcome, props.lang) }</p>
    }
}

//! The headline figures, each labelled with its unit, with the change against the
//! pinned baseline when there is one.

use crate::format;
use crate::i18n::{strings, Lang};
use squeeze_model::Outcome;
use std::rc::Rc;
use yew::prelude::*;

/// What the metrics need.
#[derive(Properties, PartialEq)]
pub struct MetricsProps {
    /// The current outcome.
    pub outcome: Rc<Outcome>,
    /// The baseline's outcome while one is pinned.
    pub baseline: Option<Rc<Outcome>>,
    /// The page language.
    pub lang: Lang,
}

/// A description list of the five headline figures.
#[function_component]
pub fn Metrics(props: &MetricsProps) -> Html {
    let text = strings(props.lang);
    let figures = format::metrics(&props.outcome, props.baseline.as_deref(), props.lang);
    html! {
        <section class="metrics" aria-label={text.metrics}>
            <dl>
                { for figures.into_iter().map(|figure| html! {
                    <div class="metric">
                        <dt>{ figure.label }</dt>
                        <dd>
                            <span class="metric__value">{ figure.value }</span>
                            if let Some(delta) = figure.delta {
                                <span class={classes!("metric__delta", figure.worse.then_some("metric__delta--worse"))}>
                                    { delta }
                                </span>
                            }
                        </dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}

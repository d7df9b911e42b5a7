//! Why, in dated steps: under the outcome, for each company the scenario
//! squeezes, the events that led there (`squeeze_charts::why_stories`, the same
//! steps `squeeze explain` prints), each company with a link to its company view.

use crate::i18n::{strings, Lang};
use squeeze_charts::{why_heading, why_stories};
use squeeze_model::Outcome;
use std::rc::Rc;
use yew::prelude::*;

/// What the why-timeline needs.
#[derive(Properties, PartialEq)]
pub struct WhyTimelineProps {
    /// The outcome to explain.
    pub outcome: Rc<Outcome>,
    /// The page language.
    pub lang: Lang,
    /// Opens a company's view.
    pub on_company: Callback<Option<&'static str>>,
    /// Shows a month on the outcome charts (months from the start).
    pub on_month: Callback<u32>,
}

/// The why-timeline; nothing when no company is squeezed.
#[function_component]
pub fn WhyTimeline(props: &WhyTimelineProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let stories = why_stories(&props.outcome, lang);
    if stories.is_empty() {
        return Html::default();
    }
    html! {
        <section class="why" aria-labelledby="why-heading">
            <h3 id="why-heading">{ text.why_heading }</h3>
            { for stories.iter().map(|story| {
                let id = story.company;
                let open = props.on_company.reform(move |e: MouseEvent| {
                    e.prevent_default();
                    Some(id)
                });
                let heading_id = format!("why-{id}");
                html! {
                    <article class="why__story" aria-labelledby={heading_id.clone()}>
                        <h4 id={heading_id}>{ why_heading(story, lang) }</h4>
                        <ol class="why__steps">
                            { for story.steps.iter().map(|step| {
                                let month = step.month;
                                let show = props.on_month.reform(move |e: MouseEvent| {
                                    e.prevent_default();
                                    month
                                });
                                html! {
                                    <li data-month={step.month.to_string()}>
                                        <span class="why__text">{ step.text.clone() }</span>{ " " }
                                        <a class="why__chart" href="#outcome-charts" onclick={show}
                                            aria-label={format!("{} {}", lang.pick("On the chart:", "Sul grafico:"), squeeze_charts::locale::format_month(step.date, lang))}>
                                            { lang.pick("on the chart", "sul grafico") }
                                        </a>
                                    </li>
                                }
                            }) }
                        </ol>
                        <a class="why__company" href="#company-heading" onclick={open}>
                            { format!("{} {} →", story.name, text.see_up_close) }
                        </a>
                    </article>
                }
            }) }
        </section>
    }
}

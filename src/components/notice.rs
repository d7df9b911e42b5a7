//! A short, dismissible notice listing what a link or a host page asked for that
//! could not be used as given. Untrusted text is shown as text, never as HTML.

use crate::format;
use crate::i18n::{lever_text, strings, Lang};
use squeeze_charts::locale::{format_month, format_usd_compact};
use squeeze_link::{lever_for_key, LinkFigures, Problem, Stamp};
use squeeze_model::{Outcome, Scenario, MODEL_VERSION};
use std::rc::Rc;
use yew::prelude::*;

/// What the notice needs.
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// What was clamped or dropped.
    pub problems: Vec<Problem>,
    /// The page language.
    pub lang: Lang,
    /// Called when the reader dismisses the notice.
    pub on_dismiss: Callback<()>,
}

/// `role="alert"` box with one line per problem and a Dismiss button.
#[function_component]
pub fn Notice(props: &NoticeProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    let text = strings(props.lang);
    let onclick = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice notice--warning" role="alert">
            <p>{ text.notice_title }</p>
            <ul>
                { for props.problems.iter().map(|problem| html! { <li>{ describe(problem, props.lang) }</li> }) }
            </ul>
            <button type="button" class="button" {onclick}>{ text.dismiss }</button>
        </div>
    }
}

/// One problem in the reader's language, naming the lever by its label.
fn describe(problem: &Problem, lang: Lang) -> String {
    let text = strings(lang);
    let name = |key: &str| {
        let (inner, baseline) = match key.strip_prefix("b.") {
            Some(inner) => (inner, format!(" ({})", text.baseline_word)),
            None => (key, String::new()),
        };
        let label = lever_for_key(inner).map_or_else(|| inner.to_string(), |l| lever_text(lang, l).0.to_string());
        format!("{label}{baseline}")
    };
    match problem {
        Problem::Clamped { key, given, used } => {
            let shown = lever_for_key(key.trim_start_matches("b."))
                .map_or_else(|| used.to_string(), |lever| format::lever_value(lever, *used, lang));
            format!("{}: “{given}” {} {shown}.", name(key), text.notice_clamped)
        }
        Problem::Dropped { key, given } => {
            format!("{}: “{given}” {}.", name(key), text.notice_dropped)
        }
        Problem::TooMany { ignored } => format!("{ignored} {}.", text.notice_too_many),
    }
}

/// What the notice about an older link needs.
#[derive(Properties, PartialEq)]
pub struct LinkNoticeProps {
    /// Which model and data made the link, and what it showed.
    pub stamp: Stamp,
    /// Today's outcome of the same view.
    pub outcome: Rc<Outcome>,
    /// The scenario on screen (for today's data date).
    pub scenario: Scenario,
    /// The page language.
    pub lang: Lang,
    /// Called when the reader dismisses the notice.
    pub on_dismiss: Callback<()>,
}

/// A calm note for a link made by an older model or on older data: which made it,
/// which makes today's figures, and the headline figures then and now.
#[function_component]
pub fn LinkNotice(props: &LinkNoticeProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let then_model = if props.stamp.model.is_empty() {
        lang.pick("an unknown model", "un modello sconosciuto").to_owned()
    } else {
        format!("{} {}", lang.pick("model", "modello"), props.stamp.model)
    };
    let then_data = props.stamp.data_as_of.map(|d| format::date(d, lang));
    let today_data = format::date(props.scenario.era.data().as_of, lang);
    let made = match (lang, then_data) {
        (Lang::En, Some(d)) => format!("This link was made with {then_model} and data as of {d}."),
        (Lang::En, None) => format!("This link was made with {then_model}."),
        (Lang::It, Some(d)) => format!("Questo link è stato creato con il {then_model} e dati al {d}."),
        (Lang::It, None) => format!("Questo link è stato creato con il {then_model}."),
    };
    let today = match lang {
        Lang::En => format!("These are today's figures, from model {MODEL_VERSION} and data as of {today_data}."),
        Lang::It => format!("Queste sono le cifre di oggi, dal modello {MODEL_VERSION} e dati al {today_data}."),
    };
    let now = LinkFigures::of(&props.outcome);
    let squeeze = |f: &LinkFigures| {
        f.first_squeeze
            .map_or_else(|| lang.pick("none", "nessuna").to_owned(), |m| format_month(m, lang))
    };
    let rows = props.stamp.figures.map(|then| {
        vec![
            (lang.pick("First squeeze", "Prima crisi"), squeeze(&then), squeeze(&now)),
            (
                lang.pick("Funding gap", "Fabbisogno scoperto"),
                format_usd_compact(then.funding_gap_usd, lang),
                format_usd_compact(now.funding_gap_usd, lang),
            ),
            (
                lang.pick("Companies squeezed", "Società in crisi"),
                then.squeezed.to_string(),
                now.squeezed.to_string(),
            ),
        ]
    });
    let onclick = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice notice--info" role="note" aria-labelledby="link-notice-text">
            <p id="link-notice-text">{ made }{ " " }{ today }</p>
            if let Some(rows) = rows {
                <table class="notice__figures">
                    <caption class="visually-hidden">{ lang.pick("Headline figures then and now", "Le cifre principali allora e oggi") }</caption>
                    <thead><tr>
                        <th scope="col">{ lang.pick("Figure", "Cifra") }</th>
                        <th scope="col">{ lang.pick("When the link was made", "Quando è stato creato il link") }</th>
                        <th scope="col">{ lang.pick("Today", "Oggi") }</th>
                    </tr></thead>
                    <tbody>
                        { for rows.into_iter().map(|(label, then, now)| html! {
                            <tr><th scope="row">{ label }</th><td>{ then }</td><td>{ now }</td></tr>
                        }) }
                    </tbody>
                </table>
            }
            <button type="button" class="button" {onclick}>{ text.dismiss }</button>
        </div>
    }
}

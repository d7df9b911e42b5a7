//! A short, dismissible notice listing what a link or a host page asked for that
//! could not be used as given. Untrusted text is shown as text, never as HTML.

use crate::format;
use crate::i18n::{lever_text, strings, Lang};
use squeeze_link::{lever_for_key, Problem};
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

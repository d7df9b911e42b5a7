//! What changed against the pinned baseline, and why: each headline figure's
//! change split among the levers that differ (Shapley values from
//! `squeeze_model::Attribution`, computed in slices), as a sentence, a bar per
//! lever and a table whose rows add up to the change.

use crate::i18n::{lever_text, strings, Lang};
use squeeze_charts::locale::{format_number, format_percent, format_usd_compact};
use squeeze_model::{Headline, Lever, Split};
use std::rc::Rc;
use yew::prelude::*;

/// What the attribution needs.
#[derive(Properties, PartialEq)]
pub struct WhatChangedProps {
    /// The splits, once computed (`Some(None)`: the change cannot be split).
    pub splits: Option<Rc<Option<Vec<Split>>>>,
    /// The page language.
    pub lang: Lang,
}

fn label(h: Headline, lang: Lang) -> &'static str {
    match h {
        Headline::MonthsToFirstSqueeze => lang.pick(
            "Months to the first squeeze (the whole horizon: none)",
            "Mesi alla prima crisi (tutto l'orizzonte: nessuna)",
        ),
        Headline::FundingGap => lang.pick("Funding gap", "Fabbisogno scoperto"),
        Headline::SqueezedCompanies => lang.pick("Companies squeezed", "Società in crisi"),
    }
}

/// A figure or a change of it: dollars for the funding gap, counts otherwise (with
/// a decimal where a Shapley share is fractional); changes carry their sign.
fn value(h: Headline, v: f64, lang: Lang, signed: bool) -> String {
    let sign = match (signed, v) {
        (true, v) if v > 1e-9 => "+",
        (true, v) if v < -1e-9 => "−",
        _ => "",
    };
    let magnitude = if signed { v.abs() } else { v };
    let text = match h {
        Headline::FundingGap => format_usd_compact(magnitude, lang),
        _ => {
            let whole = (magnitude - magnitude.round()).abs() < 0.05;
            format_number(magnitude, if whole { 0 } else { 1 }, lang)
        }
    };
    format!("{sign}{text}")
}

fn lever_label(id: squeeze_model::LeverId, lang: Lang) -> &'static str {
    Lever::by_id(id).map_or("", |l| lever_text(lang, l).0)
}

/// One figure: the sentence, the bars and the table.
fn split_view(split: &Split, lang: Lang) -> Html {
    let change = split.current - split.baseline;
    let h = split.headline;
    let biggest = split
        .contributions
        .iter()
        .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()));
    let sentence = biggest.map(|(lever, c)| {
        let share = format_percent((c / change).clamp(-9.99, 9.99), 0, lang);
        match lang {
            Lang::En => format!("{share} of the change comes from {}.", lever_label(*lever, lang)),
            Lang::It => format!("Il {share} della variazione viene da {}.", lever_label(*lever, lang)),
        }
    });
    let scale = split
        .contributions
        .iter()
        .map(|(_, c)| c.abs())
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let heading = format!(
        "{}: {} → {} ({})",
        label(h, lang),
        value(h, split.baseline, lang, false),
        value(h, split.current, lang, false),
        value(h, change, lang, true)
    );
    html! {
        <figure class="what-changed__split">
            <figcaption>
                <strong>{ heading }</strong>
                if let Some(sentence) = sentence { { " " }{ sentence } }
            </figcaption>
            <table class="what-changed__table">
                <thead><tr>
                    <th scope="col">{ lang.pick("Lever", "Leva") }</th>
                    <th scope="col">{ lang.pick("Share of the change", "Quota della variazione") }</th>
                    <th scope="col" aria-hidden="true"></th>
                </tr></thead>
                <tbody>
                    { for split.contributions.iter().map(|(lever, c)| {
                        let width = format!("{:.1}", c.abs() / scale * 100.0);
                        html! {
                            <tr>
                                <th scope="row">{ lever_label(*lever, lang) }</th>
                                <td data-value={c.to_string()}>{ value(h, *c, lang, true) }</td>
                                <td aria-hidden="true">
                                    <svg class="what-changed__bar" viewBox="0 0 100 10" preserveAspectRatio="none">
                                        <rect class={classes!(if *c < 0.0 { "what-changed__bar--down" } else { "what-changed__bar--up" })}
                                            x="0" y="1" width={width} height="8" />
                                    </svg>
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
                <tfoot><tr>
                    <th scope="row">{ lang.pick("Total change", "Variazione totale") }</th>
                    <td data-value={change.to_string()}>{ value(h, change, lang, true) }</td>
                    <td aria-hidden="true"></td>
                </tr></tfoot>
            </table>
        </figure>
    }
}

/// The attribution section: nothing until computed, or when nothing changed.
#[function_component]
pub fn WhatChanged(props: &WhatChangedProps) -> Html {
    let lang = props.lang;
    let Some(splits) = props.splits.as_ref() else {
        return Html::default();
    };
    let text = strings(lang);
    let body = match splits.as_ref() {
        None => html! {
            <p>{ lang.pick(
                "The baseline is of another era (other companies): no lever explains the difference.",
                "Il riferimento è di un'altra epoca (altre società): nessuna leva spiega la differenza.",
            ) }</p>
        },
        Some(splits) => {
            let changed: Vec<&Split> = splits
                .iter()
                .filter(|s| (s.current - s.baseline).abs() > 1e-6)
                .collect();
            if changed.is_empty() {
                html! { <p>{ lang.pick(
                    "The headline figures are as in the baseline.",
                    "Le cifre principali sono come nel riferimento.",
                ) }</p> }
            } else {
                html! { <>{ for changed.into_iter().map(|s| split_view(s, lang)) }</> }
            }
        }
    };
    html! {
        <section class="what-changed" aria-labelledby="what-changed-heading">
            <h3 id="what-changed-heading">{ text.what_changed }</h3>
            <p class="what-changed__note">{ lang.pick(
                "Each lever's share is its average effect over every order in which the levers could have been moved (Shapley values), so the shares add up to the change.",
                "La quota di ogni leva è il suo effetto medio su tutti gli ordini in cui le leve potevano essere mosse (valori di Shapley), così le quote sommano alla variazione.",
            ) }</p>
            { body }
        </section>
    }
}

//! Numbers and sentences for readers, in the page language: lever values with
//! units, the headline figures and the outcome summary. Plain functions over model
//! values (number formatting itself is `squeeze_charts::locale`, shared with the
//! charts and the CLI), so they are testable without a DOM.

use crate::i18n::{strings, Lang};
use squeeze_charts::locale::{
    format_btc, format_month, format_number, format_percent, format_usd, format_usd_compact,
};
use squeeze_model::{Assumption, Lever, Outcome, Unit};

/// A lever's value as a reader sees it, with its unit: `35%`, `4.0×`, `$40/MWh`.
pub fn lever_value(lever: &Lever, value: f64, lang: Lang) -> String {
    // Percent levers with steps finer than one point show two decimals.
    let decimals = if lever.step * 100.0 < 1.0 { 2 } else { 0 };
    match lever.unit {
        Unit::Share => format_percent(value, decimals, lang),
        Unit::RatePerYear => format!(
            "{} {}",
            format_percent(value, decimals, lang),
            lang.pick("a year", "l'anno")
        ),
        Unit::Change => {
            let sign = if value > 0.0 { "+" } else { "" };
            format!("{sign}{}", format_percent(value, decimals, lang))
        }
        Unit::Multiple => format!("{}×", format_number(value, 1, lang)),
        Unit::UsdPerMwh => format!("{}/MWh", format_usd(value, lang)),
        Unit::Number => format_number(value, 2, lang),
    }
}

/// A fixed assumption's value with its unit.
pub fn assumption_value(assumption: &Assumption, lang: Lang) -> String {
    let decimals = if assumption.value.fract() == 0.0 || assumption.value.abs() >= 100.0 {
        0
    } else {
        2
    };
    let estimate = if assumption.estimate {
        format!(" ({})", strings(lang).estimate)
    } else {
        String::new()
    };
    format!(
        "{} {}{estimate}",
        format_number(assumption.value, decimals, lang),
        assumption.unit
    )
}

/// The name of an operator archetype, in the page language, in running text.
fn archetype(outcome: &Outcome, index: usize, lang: Lang) -> String {
    let miner = &outcome.miners[index];
    let name = squeeze_charts::archetype_name(miner.archetype, lang).unwrap_or(miner.name);
    lang.pick(
        format!("the {}", name.to_lowercase()),
        format!("il {}", name.to_lowercase()),
    )
}

fn and_list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.pick("and", "e")),
    }
}

/// The outcome in two sentences a reader understands without the charts: when the
/// first squeeze comes, who is hit, how much bitcoin is dumped, how big the
/// funding gap is; or, without a squeeze, how close the weakest operator comes.
pub fn summary(outcome: &Outcome, lang: Lang) -> String {
    let Some(end) = outcome.series.months.last().copied() else {
        return String::new();
    };
    match (outcome.squeeze_month, outcome.squeeze_date) {
        (Some(month), Some(date)) => {
            let hit: Vec<String> = (0..outcome.miners.len())
                .filter(|&i| outcome.miners[i].squeeze_month.is_some())
                .map(|i| archetype(outcome, i, lang))
                .collect();
            let share = format_percent(outcome.distressed_capacity_share, 0, lang);
            let btc = format_btc(outcome.forced_btc_sales, lang);
            let gap = format_usd_compact(outcome.funding_gap_usd, lang);
            match lang {
                Lang::En => format!(
                    "The first liquidity squeeze hits in {}, {} in: {} cannot meet {} obligations by {end}. \
                     {share} of converted AI capacity ends in distress, forced sales dump {btc} and the funding gap reaches {gap}.",
                    format_month(date, lang),
                    months(month + 1, lang),
                    and_list(&hit, lang),
                    if hit.len() == 1 { "its" } else { "their" },
                    end = format_month(end, lang),
                ),
                Lang::It => format!(
                    "La prima crisi di liquidità arriva a {}, dopo {}: {} entro {end} non {} a far fronte agli impegni. \
                     Il {share} della capacità IA convertita finisce in difficoltà, le vendite forzate scaricano {btc} \
                     e il fabbisogno scoperto arriva a {gap}.",
                    format_month(date, lang),
                    months(month + 1, lang),
                    and_list(&hit, lang),
                    if hit.len() == 1 { "riesce" } else { "riescono" },
                    end = format_month(end, lang),
                ),
            }
        }
        _ => {
            let trough = format_usd(outcome.btc_price_trough_usd, lang);
            let weakest = weakest_cash(outcome);
            let tail = weakest.map(|(i, month, cash)| {
                let who = archetype(outcome, i, lang);
                let when = outcome
                    .series
                    .months
                    .get(month)
                    .map(|m| format_month(*m, lang))
                    .unwrap_or_default();
                let cash = format_usd_compact(cash, lang);
                lang.pick(
                    format!(" The tightest spot: {who} is down to {cash} of cash in {when}."),
                    format!(" Il momento più difficile: {who} scende a {cash} di cassa a {when}."),
                )
            });
            lang.pick(
                format!(
                    "No operator is squeezed before {}. Bitcoin's low is {trough}.{}",
                    format_month(end, lang),
                    tail.clone().unwrap_or_default()
                ),
                format!(
                    "Nessun operatore va in crisi di liquidità prima di {}. Il minimo del bitcoin è {trough}.{}",
                    format_month(end, lang),
                    tail.unwrap_or_default()
                ),
            )
        }
    }
}

/// The operator and month with the lowest cash: `(miner index, month, cash)`.
fn weakest_cash(outcome: &Outcome) -> Option<(usize, usize, f64)> {
    outcome
        .miners
        .iter()
        .enumerate()
        .flat_map(|(i, miner)| {
            miner
                .cash_usd
                .iter()
                .enumerate()
                .map(move |(m, cash)| (i, m, *cash))
        })
        .min_by(|a, b| a.2.total_cmp(&b.2))
}

fn months(count: u32, lang: Lang) -> String {
    match (count, lang) {
        (1, Lang::En) => "1 month".into(),
        (1, Lang::It) => "1 mese".into(),
        (n, Lang::En) => format!("{n} months"),
        (n, Lang::It) => format!("{n} mesi"),
    }
}

/// One headline figure: label with unit, value, and the change against the
/// baseline (with whether it is a change for the worse).
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What the figure is, with its unit.
    pub label: &'static str,
    /// The value as text.
    pub value: String,
    /// The change against the baseline, if one is pinned and it differs.
    pub delta: Option<String>,
    /// Whether the change makes the squeeze worse.
    pub worse: bool,
}

/// The five headline figures of BRIEF.md, with changes against `baseline`.
pub fn metrics(outcome: &Outcome, baseline: Option<&Outcome>, lang: Lang) -> Vec<Figure> {
    let text = strings(lang);
    let figure = |label, value, change: Option<(String, bool)>| Figure {
        label,
        value,
        worse: change.as_ref().is_some_and(|(_, worse)| *worse),
        delta: change.map(|(shown, _)| format!("{shown} {}", text.vs_baseline)),
    };
    // A numeric change, signed, shown only when it is not zero.
    let change =
        |now: f64, then: Option<f64>, higher_is_worse: bool, show: &dyn Fn(f64) -> String| {
            let d = now - then?;
            (d.abs() > 1e-9).then(|| {
                let sign = if d > 0.0 { "+" } else { "−" };
                (
                    format!("{sign}{}", show(d.abs())),
                    (d > 0.0) == higher_is_worse,
                )
            })
        };
    let first_change = baseline.and_then(|b| match (outcome.squeeze_month, b.squeeze_month) {
        (Some(now), Some(then)) if now < then => Some((
            format!(
                "{} {}",
                months(then - now, lang),
                lang.pick("earlier", "prima")
            ),
            true,
        )),
        (Some(now), Some(then)) if now > then => Some((
            format!(
                "{} {}",
                months(now - then, lang),
                lang.pick("later", "dopo")
            ),
            false,
        )),
        (Some(_), None) => Some((lang.pick("new", "nuova").to_string(), true)),
        (None, Some(_)) => Some((lang.pick("averted", "evitata").to_string(), false)),
        _ => None,
    });
    let first = outcome
        .squeeze_date
        .map_or_else(|| text.no_squeeze.to_string(), |d| format_month(d, lang));
    let points = |d: f64| {
        format!(
            "{} {}",
            format_number(d * 100.0, 0, lang),
            lang.pick("pts", "punti")
        )
    };
    vec![
        figure(text.first_squeeze, first, first_change),
        figure(
            text.distressed_share,
            format_percent(outcome.distressed_capacity_share, 0, lang),
            change(
                outcome.distressed_capacity_share,
                baseline.map(|b| b.distressed_capacity_share),
                true,
                &points,
            ),
        ),
        figure(
            text.forced_btc_sales,
            format_btc(outcome.forced_btc_sales, lang),
            change(
                outcome.forced_btc_sales,
                baseline.map(|b| b.forced_btc_sales),
                true,
                &|d| format_btc(d, lang),
            ),
        ),
        figure(
            text.btc_trough,
            format_usd(outcome.btc_price_trough_usd, lang),
            change(
                outcome.btc_price_trough_usd,
                baseline.map(|b| b.btc_price_trough_usd),
                false,
                &|d| format_usd(d, lang),
            ),
        ),
        figure(
            text.funding_gap,
            format_usd_compact(outcome.funding_gap_usd, lang),
            change(
                outcome.funding_gap_usd,
                baseline.map(|b| b.funding_gap_usd),
                true,
                &|d| format_usd_compact(d, lang),
            ),
        ),
    ]
}

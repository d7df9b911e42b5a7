//! Numbers for readers, in the page language: lever values with units and the
//! headline figures. Plain functions over model values, testable without a DOM.
//! Number formatting and the summary sentence live in `squeeze-charts`, shared
//! with the CLI and the no-JavaScript fallback.

use crate::i18n::{strings, Lang};
use squeeze_charts::locale::{format_btc, format_month, format_number, format_percent, format_usd, format_usd_compact};
use squeeze_charts::summary::month_count;
pub use squeeze_charts::summary::summary;
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
    let change = |now: f64, then: Option<f64>, higher_is_worse: bool, show: &dyn Fn(f64) -> String| {
        let d = now - then?;
        (d.abs() > 1e-9).then(|| {
            let sign = if d > 0.0 { "+" } else { "−" };
            (format!("{sign}{}", show(d.abs())), (d > 0.0) == higher_is_worse)
        })
    };
    let first_change = baseline.and_then(|b| match (outcome.squeeze_month, b.squeeze_month) {
        (Some(now), Some(then)) if now < then => Some((
            format!("{} {}", month_count(then - now, lang), lang.pick("earlier", "prima")),
            true,
        )),
        (Some(now), Some(then)) if now > then => Some((
            format!("{} {}", month_count(now - then, lang), lang.pick("later", "dopo")),
            false,
        )),
        (Some(_), None) => Some((lang.pick("new", "nuova").to_string(), true)),
        (None, Some(_)) => Some((lang.pick("averted", "evitata").to_string(), false)),
        _ => None,
    });
    let first = outcome
        .squeeze_date
        .map_or_else(|| text.no_squeeze.to_string(), |d| format_month(d, lang));
    let points = |d: f64| format!("{} {}", format_number(d * 100.0, 0, lang), lang.pick("pts", "punti"));
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

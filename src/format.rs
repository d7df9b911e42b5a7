//! Numbers for readers, in the page language: lever values with units and the
//! headline figures. Plain functions over model values, testable without a DOM.
//! Number formatting and the summary sentence live in `squeeze-charts`, shared
//! with the CLI and the no-JavaScript fallback.

use crate::i18n::{strings, Lang};
use squeeze_charts::locale::{format_btc, format_month, format_number, format_percent, format_usd, format_usd_compact};
use squeeze_charts::summary::month_count;
pub use squeeze_charts::summary::summary;
use squeeze_model::data::Named;
use squeeze_model::{Date, Lever, Outcome, Tipping, Unit};

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

/// A market figure or assumption with its unit, marked when it is an estimate.
pub fn named_value(named: &Named, lang: Lang) -> String {
    let value = named.figure.value;
    let decimals = if value.fract() == 0.0 || value.abs() >= 100.0 {
        0
    } else {
        2
    };
    let estimate = if named.figure.is_estimate() {
        format!(" ({})", strings(lang).estimate)
    } else {
        String::new()
    };
    format!("{} {}{estimate}", format_number(value, decimals, lang), named.unit)
}

/// A company figure's value, its unit read from the field's name (`…_usd`,
/// `…_mw`, `btc_…`, a coupon or a loan-to-value).
pub fn figure_value(path: &str, value: f64, lang: Lang) -> String {
    let field = path.rsplit('.').next().unwrap_or(path);
    if field.ends_with("_usd") || field.ends_with("_usd_per_month") {
        let usd = format_usd_compact(value, lang);
        return if field.ends_with("_per_month") {
            format!("{usd}{}", lang.pick(" a month", " al mese"))
        } else {
            usd
        };
    }
    if field.ends_with("_mw") {
        return format!("{} MW", format_number(value, 1, lang));
    }
    if field.starts_with("btc") || field.ends_with("_btc") {
        return format_btc(value, lang);
    }
    if matches!(field, "coupon" | "margin_call_ltv" | "share_per_year") {
        return format_percent(value, 2, lang);
    }
    if field.ends_with("_eh") {
        return format!("{} EH/s", format_number(value, 1, lang));
    }
    if field.ends_with("_per_mwh") {
        return format!("{}/MWh", format_usd(value, lang));
    }
    let decimals = if value.fract() == 0.0 || value.abs() >= 100.0 {
        0
    } else {
        2
    };
    format_number(value, decimals, lang)
}

/// A date from the data: `30 Sep 2025`, `30 set 2025`; `Sep 2025` when only the
/// month is known.
pub fn date(date: Date, lang: Lang) -> String {
    let month = format_month(date.month(), lang);
    date.day().map_or(month.clone(), |day| format!("{day} {month}"))
}

/// What tips a company, in one or two sentences.
pub fn tipping(t: &Tipping, name: &str, lang: Lang) -> String {
    let slowdown = t.ai_demand_slowdown.map(|v| format_percent(v, 0, lang));
    let btc = t.btc_price_shock.map(|v| format_percent(-v, 0, lang));
    match lang {
        Lang::En => {
            let first = match (t.ai_demand_slowdown, &slowdown) {
                (Some(v), _) if v <= 0.0 => format!("As set, {name} is squeezed even with no AI slowdown."),
                (_, Some(s)) => {
                    format!("{name} is squeezed from an AI demand slowdown of {s}, the other levers as set.")
                }
                _ => format!("No AI slowdown squeezes {name} with the other levers as set."),
            };
            let second = match (t.btc_price_shock, &btc) {
                (Some(v), _) if v >= 0.0 => String::new(),
                (_, Some(b)) => format!(" A bitcoin price {b} lower squeezes it too."),
                _ => " No fall in bitcoin alone squeezes it.".to_owned(),
            };
            first + &second
        }
        Lang::It => {
            let first = match (t.ai_demand_slowdown, &slowdown) {
                (Some(v), _) if v <= 0.0 => {
                    format!("Così com'è impostato, {name} va in crisi anche senza rallentamento dell'IA.")
                }
                (_, Some(s)) => format!(
                    "{name} va in crisi con un rallentamento della domanda di IA del {s}, a parità delle altre leve."
                ),
                _ => format!("Nessun rallentamento dell'IA manda in crisi {name} a parità delle altre leve."),
            };
            let second = match (t.btc_price_shock, &btc) {
                (Some(v), _) if v >= 0.0 => String::new(),
                (_, Some(b)) => format!(" Anche un bitcoin più basso del {b} la manda in crisi."),
                _ => " Un calo del bitcoin da solo non basta.".to_owned(),
            };
            first + &second
        }
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

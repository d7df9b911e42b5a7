//! The uncertainty commands: the Monte Carlo part of `run` (`--paths N --seed S`),
//! `squeeze sensitivity` (the tornado) and `squeeze map` (the squeeze map over two
//! levers). Each prints JSON (default), CSV or a plain-text summary.

use crate::args::{Format, MapOpts, ScenarioOpts};
use crate::UsageError;
use squeeze_model::{squeeze_map, tornado, MonteCarloResult, Outcome, SqueezeMap, Tornado};
use std::fmt::Write as _;

/// `run`'s output with the Monte Carlo added: a `monte_carlo` object in the JSON,
/// its columns after the outcome's in the CSV, its lines after the summary.
pub(crate) fn with_monte_carlo(
    format: Format,
    outcome: &Outcome,
    printed: String,
    mc: &MonteCarloResult,
) -> Result<String, UsageError> {
    match format {
        Format::Json => {
            let mut value = serde_json::to_value(outcome)?;
            if let Some(object) = value.as_object_mut() {
                object.insert("monte_carlo".into(), serde_json::to_value(mc)?);
            }
            Ok(serde_json::to_string_pretty(&value)? + "\n")
        }
        Format::Csv => {
            let mut out = String::new();
            for (left, right) in printed.lines().zip(mc.to_csv().lines()) {
                // Both start with the month column; keep the outcome's.
                let extra = right.split_once(',').map_or("", |(_, rest)| rest);
                let _ = writeln!(out, "{left},{extra}");
            }
            Ok(out)
        }
        Format::Summary => Ok(printed + &monte_carlo_summary(mc, outcome)),
    }
}

/// A few lines on the Monte Carlo: probabilities by year end, per company, why they
/// differ from the central run, and bands.
fn monte_carlo_summary(mc: &MonteCarloResult, outcome: &Outcome) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Monte Carlo: {} paths, seed {} (bitcoin price, AI demand and tenant failures drawn at random)",
        mc.paths, mc.seed
    );
    let by_year: Vec<String> = mc
        .months
        .iter()
        .enumerate()
        .filter(|(i, m)| m.month() == 12 || *i + 1 == mc.months.len())
        .map(|(i, m)| format!("{m} {:.1}%", mc.squeeze_probability[i] * 100.0))
        .collect();
    let _ = writeln!(
        out,
        "probability of a squeeze by: {} (standard error {:.1} points at the end)",
        by_year.join(", "),
        mc.squeeze_probability_standard_error.last().copied().unwrap_or(0.0) * 100.0
    );
    for m in &mc.miners {
        let _ = writeln!(
            out,
            "  {:<30} squeezed by the end in {:.1}% of paths; cash at the end: median ${:.2}B, 5th percentile ${:.2}B",
            m.name,
            m.squeeze_probability.last().copied().unwrap_or(0.0) * 100.0,
            m.cash_usd.p50.last().copied().unwrap_or(0.0) / 1e9,
            m.cash_usd.p5.last().copied().unwrap_or(0.0) / 1e9
        );
    }
    if let Some(why) = squeeze_charts::summary::odds_explanation(mc, outcome, squeeze_charts::Lang::En) {
        let _ = writeln!(out, "{why}");
    }
    if let Some(last) = mc.months.last() {
        let b = &mc.btc_price_usd;
        let _ = writeln!(
            out,
            "bitcoin in {last}: median ${:.0}, 50% band ${:.0}–${:.0}, 90% band ${:.0}–${:.0}",
            b.p50.last().copied().unwrap_or(0.0),
            b.p25.last().copied().unwrap_or(0.0),
            b.p75.last().copied().unwrap_or(0.0),
            b.p5.last().copied().unwrap_or(0.0),
            b.p95.last().copied().unwrap_or(0.0)
        );
    }
    let d = &mc.distressed_capacity_share;
    let _ = writeln!(
        out,
        "distressed capacity share: mean {:.0}%, median {:.0}%, 95th percentile {:.0}%",
        d.mean * 100.0,
        d.p50 * 100.0,
        d.p95 * 100.0
    );
    out
}

/// `squeeze sensitivity`.
pub(crate) fn sensitivity(scenario: &ScenarioOpts, format: Format) -> Result<String, UsageError> {
    let t = tornado(&scenario.scenario()?);
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&t)? + "\n",
        Format::Csv => t.to_csv(),
        Format::Summary => tornado_summary(&t),
    })
}

/// `squeeze map`.
pub(crate) fn map(scenario: &ScenarioOpts, opts: &MapOpts, format: Format) -> Result<String, UsageError> {
    if opts.x == opts.y {
        return Err("map: --x and --y must name two different levers".into());
    }
    let map = squeeze_map(&scenario.scenario()?, opts.x, opts.y, opts.steps, opts.steps);
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&map)? + "\n",
        Format::Csv => map.to_csv(),
        Format::Summary => map_summary(&map),
    })
}

/// "none" or the month, for text tables.
fn month_text(point: &squeeze_model::SensitivityPoint) -> String {
    point.squeeze_date.map_or_else(|| "none".to_string(), |d| d.to_string())
}

fn tornado_summary(t: &Tornado) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "What matters most: each lever from its minimum to its maximum, the rest as in the scenario (first squeeze: {}; distressed share {:.0}%)",
        month_text(&t.base),
        t.base.distressed_capacity_share * 100.0
    );
    let _ = writeln!(
        out,
        "{:<42} {:>9} {:>9}  {:>9} {:>9}  {:>7} {:>10}",
        "lever (low → high)", "squeeze", "squeeze", "distress", "distress", "swing", "swing"
    );
    let _ = writeln!(
        out,
        "{:<42} {:>9} {:>9}  {:>9} {:>9}  {:>7} {:>10}",
        "", "at low", "at high", "at low", "at high", "months", "distress"
    );
    for b in &t.bars {
        let _ = writeln!(
            out,
            "{:<42} {:>9} {:>9}  {:>8.0}% {:>8.0}%  {:>7} {:>9.0}%",
            format!("{} ({} → {})", b.label, b.low_value, b.high_value),
            month_text(&b.low),
            month_text(&b.high),
            b.low.distressed_capacity_share * 100.0,
            b.high.distressed_capacity_share * 100.0,
            b.months_swing,
            b.distressed_share_swing * 100.0
        );
    }
    out
}

fn map_summary(map: &SqueezeMap) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Months to the first squeeze ('-' = none within {} months): {} across, {} down; the scenario's point is at {} = {}, {} = {}",
        map.horizon_months,
        map.x_lever,
        map.y_lever,
        map.x_lever,
        map.scenario.get(map.x()),
        map.y_lever,
        map.scenario.get(map.y()),
    );
    let _ = write!(out, "{:>8} |", "");
    for x in &map.x_values {
        let _ = write!(out, "{x:>6.2}");
    }
    out.push('\n');
    let _ = writeln!(out, "{}", "-".repeat(10 + 6 * map.x_values.len()));
    for (y, row) in map.y_values.iter().zip(&map.squeeze_month) {
        let _ = write!(out, "{y:>8.2} |");
        for cell in row {
            match cell {
                Some(month) => {
                    let _ = write!(out, "{month:>6}");
                }
                None => {
                    let _ = write!(out, "{:>6}", "-");
                }
            }
        }
        out.push('\n');
    }
    out
}

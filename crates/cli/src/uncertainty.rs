//! The uncertainty commands: the Monte Carlo options of `run` (`--paths N --seed S`),
//! `squeeze sensitivity` (the tornado) and `squeeze map` (the squeeze map over two
//! levers). The scenario options are the `run` command's ([`ScenarioArgs`]); each
//! prints JSON (default), CSV or a plain-text summary.

use crate::{Format, ScenarioArgs, UsageError};
use squeeze_model::{
    monte_carlo, squeeze_map, tornado, Lever, LeverId, MonteCarloResult, Outcome, Scenario, SqueezeMap, Tornado,
    DEFAULT_PATHS, LEVERS, MAX_MAP_STEPS,
};
use std::fmt::Write as _;

/// Most Monte Carlo paths the CLI accepts (each keeps ~4 KB of monthly values).
const MAX_PATHS: u32 = 100_000;
/// The map's default lever across, lever down and steps per axis (the explorer's).
pub(crate) const DEFAULT_MAP_X: LeverId = LeverId::AiDemandSlowdown;
pub(crate) const DEFAULT_MAP_Y: LeverId = LeverId::MinerLeverage;
pub(crate) const DEFAULT_MAP_STEPS: u32 = 21;

/// `--paths N` and `--seed S` of `run`: either one turns the Monte Carlo on (the
/// other then takes its default: 1,000 paths, seed 1).
#[derive(Debug, Default)]
pub(crate) struct MonteCarloArgs {
    paths: Option<u32>,
    seed: Option<u32>,
}

impl MonteCarloArgs {
    /// Takes `flag` if it is a Monte Carlo option; `Ok(false)` leaves it to the caller.
    pub(crate) fn accept<'a>(
        &mut self,
        flag: &str,
        value: impl FnOnce() -> Result<&'a String, UsageError>,
    ) -> Result<bool, UsageError> {
        match flag {
            "--paths" => {
                let text = value()?;
                match text.trim().parse::<u32>() {
                    Ok(n) if (1..=MAX_PATHS).contains(&n) => self.paths = Some(n),
                    _ => return Err(format!("--paths {text:?} must be a whole number from 1 to {MAX_PATHS}").into()),
                }
            }
            "--seed" => {
                let text = value()?;
                let seed = text.trim().parse::<u32>().map_err(|_| {
                    UsageError(format!("--seed {text:?} must be a whole number from 0 to {}", u32::MAX))
                })?;
                self.seed = Some(seed);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The Monte Carlo of `scenario`, if asked for.
    pub(crate) fn run(&self, scenario: &Scenario) -> Option<MonteCarloResult> {
        if self.paths.is_none() && self.seed.is_none() {
            return None;
        }
        Some(self.run_always(scenario))
    }

    /// The Monte Carlo of `scenario`, with the defaults for what was not asked.
    pub(crate) fn run_always(&self, scenario: &Scenario) -> MonteCarloResult {
        monte_carlo(scenario, self.seed.unwrap_or(1), self.paths.unwrap_or(DEFAULT_PATHS))
    }
}

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
        Format::Summary => Ok(printed + &monte_carlo_summary(mc)),
    }
}

/// A few lines on the Monte Carlo: probabilities by year end, per operator, and bands.
fn monte_carlo_summary(mc: &MonteCarloResult) -> String {
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

/// `squeeze sensitivity` and `squeeze map`.
pub(crate) fn command(name: &str, args: &[String]) -> Result<String, UsageError> {
    let mut scenario_args = ScenarioArgs::default();
    let mut format = Format::Json;
    let (mut x, mut y, mut steps) = (None, None, None);
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| UsageError(format!("{flag} needs a value")));
        if scenario_args.accept(flag, &mut value)? {
            continue;
        }
        match (name, flag.as_str()) {
            (_, "--format") => format = parse_format(value()?)?,
            ("map", "--x") => x = Some(parse_lever(value()?)?),
            ("map", "--y") => y = Some(parse_lever(value()?)?),
            ("map", "--steps") => steps = Some(parse_steps(value()?)?),
            (_, other) => return Err(format!("{name}: unknown option {other:?}; try `squeeze --help`").into()),
        }
    }
    let scenario = scenario_args.scenario()?;
    if name == "sensitivity" {
        let t = tornado(&scenario);
        return Ok(match format {
            Format::Json => serde_json::to_string_pretty(&t)? + "\n",
            Format::Csv => t.to_csv(),
            Format::Summary => tornado_summary(&t),
        });
    }
    let (x, y) = (x.unwrap_or(DEFAULT_MAP_X), y.unwrap_or(DEFAULT_MAP_Y));
    if x == y {
        return Err("map: --x and --y must name two different levers".into());
    }
    let steps = steps.unwrap_or(DEFAULT_MAP_STEPS);
    let map = squeeze_map(&scenario, x, y, steps, steps);
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&map)? + "\n",
        Format::Csv => map.to_csv(),
        Format::Summary => map_summary(&map),
    })
}

fn parse_format(text: &str) -> Result<Format, UsageError> {
    match text {
        "json" => Ok(Format::Json),
        "csv" => Ok(Format::Csv),
        "summary" => Ok(Format::Summary),
        other => Err(format!("unknown format {other:?}; use json, csv or summary").into()),
    }
}

/// Steps per axis of the squeeze map, 2 to [`MAX_MAP_STEPS`].
pub(crate) fn parse_steps(text: &str) -> Result<u32, UsageError> {
    match text.trim().parse::<u32>() {
        Ok(n) if (2..=MAX_MAP_STEPS).contains(&n) => Ok(n),
        _ => Err(format!("--steps {text:?} must be a whole number from 2 to {MAX_MAP_STEPS}").into()),
    }
}

/// A lever by its JSON key or its short URL key.
pub(crate) fn parse_lever(text: &str) -> Result<LeverId, UsageError> {
    Lever::by_key(text)
        .or_else(|| LEVERS.iter().find(|l| l.short_key == text))
        .map(|l| l.id)
        .ok_or_else(|| {
            let known: Vec<&str> = LEVERS.iter().map(|l| l.key).collect();
            UsageError(format!("unknown lever {text:?}; the levers are: {}", known.join(", ")))
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

//! `squeeze chart`, `squeeze charts` and `squeeze fallback`: the explorer's
//! charts as standalone SVG files, drawn natively by the same plotters code the
//! browser uses (`squeeze-charts` with its `svg` feature).
//!
//! ```text
//! squeeze chart NAME [--preset P | --scenario FILE|-] [--set key=value ...]
//!               [--lang en|it] [--width W --height H] [--theme light|dark]
//!               [--paths N] [--seed S] [--x LEVER] [--y LEVER] [--steps N] --out FILE.svg|-
//! squeeze chart --list [--lang en|it]      (the same as `squeeze charts`)
//! squeeze fallback --out DIR
//! ```
//!
//! NAME is one of the nine figures of the explorer: the four outcome charts
//! ([`ChartKind`]) and the five uncertainty charts ([`UncertaintyChart`]).
//! `--paths` (default 1,000) and `--seed` (default 1) set the Monte Carlo of
//! `squeeze-probability`, `btc-price-fan` and `industry-cash-fan`; `--x`, `--y`
//! and `--steps` the squeeze map (default: AI demand slowdown across, miner
//! leverage up, 21 steps, as in the explorer). Other charts check and ignore
//! them, so one command line serves every chart.
//!
//! The scenario options are the `run` command's ([`ScenarioArgs`]).

mod fallback;

use crate::uncertainty::{parse_lever, parse_steps, MonteCarloArgs, DEFAULT_MAP_STEPS, DEFAULT_MAP_X, DEFAULT_MAP_Y};
use crate::{ScenarioArgs, UsageError};
use squeeze_charts::export::{standalone_svg, StandaloneFigure, DEFAULT_SIZE};
use squeeze_charts::{scenario_name, AnyChart, ChartStyle, ChartView, Figure, Lang, UncertaintyChart};
use squeeze_model::{squeeze_map, tornado};
use std::fmt::Write as _;

/// Runs `squeeze chart`, `squeeze charts` or `squeeze fallback` and returns what
/// goes to stdout.
pub(crate) fn command(name: &str, args: &[String]) -> Result<String, UsageError> {
    match name {
        "charts" => list_command(args),
        "fallback" => fallback::command(args),
        _ => chart_command(args),
    }
}

/// The chart ids, as a list for messages: `cash-runway, btc-hashprice, …`.
fn chart_ids() -> String {
    AnyChart::ALL
        .into_iter()
        .map(AnyChart::id)
        .collect::<Vec<_>>()
        .join(", ")
}

fn parse_lang(value: &str) -> Result<Lang, UsageError> {
    Lang::from_code(value).ok_or_else(|| UsageError(format!("unknown language {value:?}; use en or it")))
}

/// `squeeze charts [--lang en|it]`: one line per chart, its id and its title.
fn list_command(args: &[String]) -> Result<String, UsageError> {
    let lang = match args {
        [] => Lang::En,
        [flag, value] if flag == "--lang" => parse_lang(value)?,
        [flag] if flag == "--lang" => return Err("--lang needs a value".into()),
        [other, ..] => return Err(format!("charts: unknown option {other:?}").into()),
    };
    let mut out = String::new();
    for chart in AnyChart::ALL.into_iter() {
        let _ = writeln!(out, "{:<20} {}", chart.id(), chart.title(lang));
    }
    Ok(out)
}

/// A size in pixels from `--width` or `--height`.
fn parse_pixels(flag: &str, value: &str) -> Result<u32, UsageError> {
    value
        .trim()
        .parse()
        .map_err(|_| UsageError(format!("{flag} needs a whole number of pixels, got {value:?}")))
}

/// Where the SVG goes.
#[derive(Debug, Clone, PartialEq)]
enum Destination {
    Stdout,
    File(String),
}

/// `squeeze chart NAME …`: one chart of one scenario as a standalone SVG.
fn chart_command(args: &[String]) -> Result<String, UsageError> {
    let mut scenario_args = ScenarioArgs::default();
    let mut monte_carlo_args = MonteCarloArgs::default();
    let (mut map_x, mut map_y, mut map_steps) = (DEFAULT_MAP_X, DEFAULT_MAP_Y, DEFAULT_MAP_STEPS);
    let mut kind = None;
    let mut list = false;
    let mut lang = Lang::En;
    let (mut width, mut height) = DEFAULT_SIZE;
    let mut dark = false;
    let mut destination = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| UsageError(format!("{arg} needs a value")));
        if scenario_args.accept(arg, &mut value)? || monte_carlo_args.accept(arg, &mut value)? {
            continue;
        }
        match arg.as_str() {
            "--list" => list = true,
            "--x" => map_x = parse_lever(value()?)?,
            "--y" => map_y = parse_lever(value()?)?,
            "--steps" => map_steps = parse_steps(value()?)?,
            "--lang" => lang = parse_lang(value()?)?,
            "--width" => width = parse_pixels(arg, value()?)?,
            "--height" => height = parse_pixels(arg, value()?)?,
            "--theme" => {
                dark = match value()?.as_str() {
                    "light" => false,
                    "dark" => true,
                    other => return Err(format!("unknown theme {other:?}; use light or dark").into()),
                }
            }
            "--out" => {
                let path = value()?;
                destination = Some(if path == "-" {
                    Destination::Stdout
                } else {
                    Destination::File(path.clone())
                });
            }
            flag if flag.starts_with("--") => {
                return Err(format!("chart: unknown option {flag:?}; try `squeeze --help`").into())
            }
            name if kind.is_none() => {
                kind =
                    Some(AnyChart::from_id(name).ok_or_else(|| {
                        UsageError(format!("unknown chart {name:?}; the charts are: {}", chart_ids()))
                    })?);
            }
            extra => return Err(format!("chart: one chart at a time (got {extra:?} too)").into()),
        }
    }
    if list {
        return list_command(&["--lang".to_owned(), lang.code().to_owned()]);
    }
    let kind =
        kind.ok_or_else(|| UsageError(format!("chart: which chart? name one of: {} (or --list)", chart_ids())))?;
    let destination = destination
        .ok_or_else(|| UsageError("chart: say where to write it: --out FILE.svg, or --out - for stdout".into()))?;
    squeeze_charts::export::check_size((width, height))?;
    if map_x == map_y {
        return Err("chart: --x and --y must name two different levers".into());
    }

    let scenario = scenario_args.scenario()?;
    let outcome = squeeze_model::run(&scenario);
    // What an uncertainty chart draws, computed only for the chart asked for.
    let (mc, sensitivity, map);
    let figure = match kind {
        AnyChart::Outcome(kind) => Figure::Outcome(kind),
        AnyChart::Uncertainty(UncertaintyChart::Tornado) => {
            sensitivity = tornado(&scenario);
            Figure::Tornado(&sensitivity)
        }
        AnyChart::Uncertainty(UncertaintyChart::SqueezeMap) => {
            map = squeeze_map(&scenario, map_x, map_y, map_steps, map_steps);
            Figure::SqueezeMap(&map)
        }
        AnyChart::Uncertainty(chart) => {
            mc = monte_carlo_args.run_always(&scenario);
            Figure::monte_carlo_chart(chart, &mc)
                .ok_or_else(|| UsageError(format!("chart: cannot draw {}", chart.id())))?
        }
    };
    let svg = standalone_svg(StandaloneFigure {
        figure,
        view: ChartView::new(&outcome, lang, ChartStyle::for_theme(dark, 1.0)),
        size: (width, height),
        scenario_name: scenario_name(&scenario, lang),
        show_summary: true,
    })?;
    match destination {
        Destination::Stdout => Ok(svg),
        Destination::File(path) => {
            std::fs::write(&path, svg).map_err(|e| format!("cannot write {path}: {e}"))?;
            Ok(String::new())
        }
    }
}

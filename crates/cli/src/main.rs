//! `squeeze`: the Squeeze model on the command line.
//!
//! ```text
//! squeeze run [--preset NAME | --scenario FILE|-] [--set key=value ...] [--format json|csv|summary] [--paths N] [--seed S]
//! squeeze sensitivity [--preset NAME | --scenario FILE|-] [--set key=value ...] [--format json|csv|summary]
//! squeeze map [--x LEVER] [--y LEVER] [--steps N] [--preset NAME | --scenario FILE|-] [--set key=value ...] [--format json|csv|summary]
//! squeeze presets [--format text|json]
//! squeeze levers [--format json|text]
//! squeeze assumptions
//! squeeze chart NAME [--preset NAME | --scenario FILE|-] [--set key=value ...] [--lang en|it] [--width W --height H] [--theme light|dark] [--paths N] [--seed S] [--x LEVER] [--y LEVER] [--steps N] --out FILE.svg|-
//! squeeze charts [--lang en|it]
//! squeeze fallback --out DIR
//! ```
//!
//! Bad input prints one line on stderr and exits with code 2; it never panics.

use squeeze_model::{
    run, Era, Outcome, Preset, Scenario, ARCHETYPES_2022, ARCHETYPES_LATE_2025, ASSUMPTIONS, ERA_KEY, LEVERS,
};
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::process::ExitCode;

mod chart;
mod uncertainty;

const USAGE: &str = "usage: squeeze run [--preset NAME | --scenario FILE|-] [--set key=value ...] [--format json|csv|summary] [--paths N] [--seed S]
       squeeze sensitivity [--preset NAME | --scenario FILE|-] [--set key=value ...] [--format json|csv|summary]
       squeeze map [--x LEVER] [--y LEVER] [--steps N] [--preset NAME | --scenario FILE|-] [--set key=value ...] [--format json|csv|summary]
       squeeze presets [--format text|json]
       squeeze levers [--format json|text]
       squeeze assumptions
       squeeze chart NAME [--preset NAME | --scenario FILE|-] [--set key=value ...] [--lang en|it] [--width W --height H] [--theme light|dark] [--paths N] [--seed S] [--x LEVER] [--y LEVER] [--steps N] --out FILE.svg|-
       squeeze charts [--lang en|it]
       squeeze fallback --out DIR";

/// A command-line mistake, printed as one line.
#[derive(Debug)]
struct UsageError(String);

impl<T: std::fmt::Display> From<T> for UsageError {
    fn from(message: T) -> Self {
        UsageError(message.to_string())
    }
}

/// How `run` (and `sensitivity`, `map`) print their results.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Json,
    Csv,
    Summary,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match execute(&args) {
        Ok(text) => {
            // A closed pipe (`squeeze run | head`) is not an error worth a panic.
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("squeeze: cannot write the output: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(UsageError(message)) => {
            // One line: the usage text goes on following lines only for --help.
            eprintln!("squeeze: {}", message.lines().next().unwrap_or_default());
            ExitCode::from(2)
        }
    }
}

/// Runs one command and returns what it prints.
fn execute(args: &[String]) -> Result<String, UsageError> {
    match args.first().map(String::as_str) {
        Some("run") => run_command(&args[1..]),
        Some("presets") => presets_command(&args[1..]),
        Some("levers") => levers_command(&args[1..]),
        Some("assumptions") => {
            no_arguments("assumptions", &args[1..])?;
            let table = serde_json::json!({
                "assumptions": ASSUMPTIONS,
                "archetypes": { Era::Late2025.id(): ARCHETYPES_LATE_2025, Era::Crypto2022.id(): ARCHETYPES_2022 },
            });
            Ok(serde_json::to_string_pretty(&table)? + "\n")
        }
        Some(name @ ("chart" | "charts" | "fallback")) => chart::command(name, &args[1..]),
        Some(name @ ("sensitivity" | "map")) => uncertainty::command(name, &args[1..]),
        Some("-h" | "--help" | "help") => Ok(format!("{USAGE}\n")),
        Some(other) => Err(format!("unknown command {other:?}; try `squeeze --help`").into()),
        None => Err("missing command; try `squeeze --help`".into()),
    }
}

fn no_arguments(command: &str, args: &[String]) -> Result<(), UsageError> {
    match args.first() {
        Some(arg) => Err(format!("{command} takes no argument {arg:?}").into()),
        None => Ok(()),
    }
}

/// Reads `--format VALUE` as the only option of a listing command.
fn listing_format<'a>(command: &str, args: &'a [String], allowed: &[&'a str]) -> Result<&'a str, UsageError> {
    match args {
        [] => Ok(allowed[0]),
        [flag, value] if flag == "--format" && allowed.contains(&value.as_str()) => Ok(value),
        [flag, value] if flag == "--format" => {
            Err(format!("{command}: unknown format {value:?}; use {}", allowed.join(" or ")).into())
        }
        [flag] if flag == "--format" => Err("--format needs a value".into()),
        [other, ..] => Err(format!("{command}: unknown option {other:?}").into()),
    }
}

fn presets_command(args: &[String]) -> Result<String, UsageError> {
    match listing_format("presets", args, &["text", "json"])? {
        "json" => Ok(serde_json::to_string_pretty(squeeze_model::PRESETS)? + "\n"),
        _ => {
            let mut out = String::new();
            for preset in squeeze_model::PRESETS {
                let _ = writeln!(out, "{:<18} {} — {}", preset.id, preset.name, preset.description);
            }
            Ok(out)
        }
    }
}

fn levers_command(args: &[String]) -> Result<String, UsageError> {
    match listing_format("levers", args, &["json", "text"])? {
        "text" => {
            let mut out = String::new();
            for lever in LEVERS {
                let _ = writeln!(
                    out,
                    "{:<24} {} [{} to {}, default {}{}] — {}",
                    lever.key,
                    lever.label,
                    lever.min,
                    lever.max,
                    lever.default,
                    if lever.headline { ", headline" } else { "" },
                    lever.explanation
                );
            }
            let eras: Vec<&str> = Era::ALL.iter().map(|e| e.id()).collect();
            let _ = writeln!(
                out,
                "{:<24} Starting point [{}] (not a lever)",
                ERA_KEY,
                eras.join(", ")
            );
            Ok(out)
        }
        _ => Ok(serde_json::to_string_pretty(LEVERS)? + "\n"),
    }
}

fn run_command(args: &[String]) -> Result<String, UsageError> {
    let mut scenario_args = ScenarioArgs::default();
    let mut monte_carlo_args = uncertainty::MonteCarloArgs::default();
    let mut format = Format::Json;
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| UsageError(format!("{flag} needs a value")));
        if scenario_args.accept(flag, &mut value)? || monte_carlo_args.accept(flag, &mut value)? {
            continue;
        }
        match flag.as_str() {
            "--format" => {
                format = match value()?.as_str() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    "summary" => Format::Summary,
                    other => return Err(format!("unknown format {other:?}; use json, csv or summary").into()),
                }
            }
            other => return Err(format!("unknown option {other:?}; try `squeeze --help`").into()),
        }
    }
    let scenario = scenario_args.scenario()?;
    let outcome = run(&scenario);
    let printed = match format {
        Format::Json => serde_json::to_string_pretty(&outcome)? + "\n",
        Format::Csv => outcome.to_csv(),
        Format::Summary => outcome_summary(&scenario, &outcome),
    };
    match monte_carlo_args.run(&scenario) {
        Some(mc) => uncertainty::with_monte_carlo(format, &outcome, printed, &mc),
        None => Ok(printed),
    }
}

/// The options that say which scenario to run, shared by every command that runs
/// the model: `--preset NAME` or `--scenario FILE|-`, and any number of
/// `--set key=value`.
#[derive(Debug, Default)]
struct ScenarioArgs {
    /// The preset or file named, as typed (for messages), and its scenario.
    base: Option<(String, Scenario)>,
    /// Every `--set key=value`, in order.
    sets: Vec<String>,
}

impl ScenarioArgs {
    /// Takes `flag` if it is a scenario option, reading its value with `value`;
    /// `Ok(false)` leaves any other flag to the command.
    fn accept<'a>(
        &mut self,
        flag: &str,
        value: impl FnOnce() -> Result<&'a String, UsageError>,
    ) -> Result<bool, UsageError> {
        match flag {
            "--scenario" | "--preset" => {
                let source = value()?;
                if let Some((previous, _)) = &self.base {
                    return Err(
                        format!("use one of --preset or --scenario (got {previous} and {flag} {source})").into(),
                    );
                }
                let scenario = if flag == "--preset" {
                    preset_scenario(source)?
                } else {
                    read_scenario(source)?
                };
                self.base = Some((format!("{flag} {source}"), scenario));
            }
            "--set" => self.sets.push(value()?.clone()),
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The preset or file (the base case if neither) with every `--set` applied
    /// on top, whatever the order on the command line.
    fn scenario(&self) -> Result<Scenario, UsageError> {
        let mut scenario = self.base.as_ref().map_or_else(Scenario::default, |(_, s)| *s);
        for assignment in &self.sets {
            let (key, value) = assignment
                .split_once('=')
                .ok_or_else(|| UsageError(format!("--set needs key=value, got {assignment:?}")))?;
            scenario.set_text(key.trim(), value)?;
        }
        Ok(scenario)
    }
}

fn preset_scenario(id: &str) -> Result<Scenario, UsageError> {
    Preset::by_id(id).map(|p| p.scenario).ok_or_else(|| {
        let known: Vec<&str> = squeeze_model::PRESETS.iter().map(|p| p.id).collect();
        UsageError(format!("unknown preset {id:?}; the presets are: {}", known.join(", ")))
    })
}

fn read_scenario(path: &str) -> Result<Scenario, UsageError> {
    let text = if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        text
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    let scenario: Scenario = serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))?;
    scenario.validate().map_err(|e| format!("{path}: {e}"))?;
    Ok(scenario)
}

/// A few human-readable lines: the headline numbers and one line per operator.
fn outcome_summary(scenario: &Scenario, outcome: &Outcome) -> String {
    let mut out = String::new();
    let levers: Vec<String> = LEVERS
        .iter()
        .map(|l| format!("{}={}", l.key, scenario.get(l.id)))
        .collect();
    let _ = writeln!(out, "scenario: {}={} {}", ERA_KEY, scenario.era, levers.join(" "));
    let _ = writeln!(out, "{}", outcome.headline());
    let _ = writeln!(
        out,
        "squeeze_date: {}  distressed_capacity_share: {:.2}  forced_btc_sales: {:.0} BTC  btc_price_trough: ${:.0}  funding_gap: ${:.2}B",
        outcome.squeeze_date.map_or_else(|| "none".to_string(), |d| d.to_string()),
        outcome.distressed_capacity_share,
        outcome.forced_btc_sales,
        outcome.btc_price_trough_usd,
        outcome.funding_gap_usd / 1e9
    );
    let s = &outcome.series;
    let last = s.months.len().saturating_sub(1);
    let _ = writeln!(
        out,
        "start: BTC ${:.0}, hashprice ${:.1}/PH/day, hashrate {:.0} EH/s; end: BTC ${:.0}, hashprice ${:.1}/PH/day, hashrate {:.0} EH/s, AI utilisation {:.0}%",
        s.btc_price_usd[0],
        s.hashprice_usd_per_ph_day[0],
        s.network_hashrate_eh[0],
        s.btc_price_usd[last],
        s.hashprice_usd_per_ph_day[last],
        s.network_hashrate_eh[last],
        s.ai_utilisation[last] * 100.0
    );
    let _ = writeln!(
        out,
        "revenue over the horizon: AI ${:.1}B, mining ${:.1}B",
        outcome.total_ai_revenue_usd() / 1e9,
        outcome.total_mining_revenue_usd() / 1e9
    );
    for m in &outcome.miners {
        let min_cash = m.cash_usd.iter().copied().fold(f64::INFINITY, f64::min);
        let _ = writeln!(
            out,
            "  {:<30} ({}) squeeze: {:<8} {:<12} lowest cash ${:.2}B, forced sales {:.0} BTC",
            m.name,
            m.like,
            m.squeeze_date.map_or_else(|| "none".to_string(), |d| d.to_string()),
            m.squeeze_cause.map_or("", |c| match c {
                squeeze_model::SqueezeCause::Liquidity => "(liquidity)",
                squeeze_model::SqueezeCause::Refinancing => "(refinancing)",
            }),
            min_cash / 1e9,
            m.forced_btc_sales
        );
    }
    out
}

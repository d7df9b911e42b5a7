//! `squeeze`: the Squeeze model on the command line.
//!
//! ```text
//! squeeze run [--scenario FILE|-] [--set key=value ...] [--format json|csv]
//! squeeze levers
//! ```
//!
//! Bad input prints one line on stderr and exits with code 2.

use squeeze_model::{run, Scenario, LEVERS};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str =
    "usage: squeeze run [--scenario FILE|-] [--set key=value ...] [--format json|csv]
       squeeze levers";

/// A command-line mistake, printed as one line.
#[derive(Debug)]
struct UsageError(String);

impl<T: std::fmt::Display> From<T> for UsageError {
    fn from(message: T) -> Self {
        UsageError(message.to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Json,
    Csv,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match execute(&args) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(UsageError(message)) => {
            eprintln!("squeeze: {message}");
            ExitCode::from(2)
        }
    }
}

/// Runs one command and returns what it prints.
fn execute(args: &[String]) -> Result<String, UsageError> {
    match args.first().map(String::as_str) {
        Some("run") => run_command(&args[1..]),
        Some("levers") => Ok(serde_json::to_string_pretty(LEVERS)? + "\n"),
        Some("-h" | "--help" | "help") => Ok(format!("{USAGE}\n")),
        Some(other) => Err(format!("unknown command {other:?}\n{USAGE}").into()),
        None => Err(USAGE.into()),
    }
}

fn run_command(args: &[String]) -> Result<String, UsageError> {
    let mut scenario = Scenario::default();
    let mut sets = Vec::new();
    let mut format = Format::Json;
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| UsageError(format!("{flag} needs a value")))
        };
        match flag.as_str() {
            "--scenario" => scenario = read_scenario(value()?)?,
            "--set" => sets.push(value()?.clone()),
            "--format" => {
                format = match value()?.as_str() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => {
                        return Err(format!("unknown format {other:?}; use json or csv").into())
                    }
                }
            }
            other => return Err(format!("unknown option {other:?}\n{USAGE}").into()),
        }
    }
    // `--set` applies on top of the scenario file, whatever the order on the line.
    for assignment in &sets {
        let (key, value) = assignment
            .split_once('=')
            .ok_or_else(|| UsageError(format!("--set needs key=value, got {assignment:?}")))?;
        let number: f64 = value
            .trim()
            .parse()
            .map_err(|_| UsageError(format!("--set {key}: {value:?} is not a number")))?;
        scenario.set_by_key(key.trim(), number)?;
    }
    let outcome = run(&scenario);
    match format {
        Format::Json => Ok(serde_json::to_string_pretty(&outcome)? + "\n"),
        Format::Csv => Ok(outcome_csv(&outcome)),
    }
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

/// The monthly series as CSV, one row a month.
fn outcome_csv(outcome: &squeeze_model::Outcome) -> String {
    let s = &outcome.series;
    let mut out = String::from(
        "month,btc_price_usd,hashprice_usd_per_ph_day,ai_utilisation,spot_rate_usd_per_mw_year,ai_revenue_usd,mining_revenue_usd\n",
    );
    for (i, month) in s.months.iter().enumerate() {
        out += &format!(
            "{month},{},{},{},{},{},{}\n",
            s.btc_price_usd[i],
            s.hashprice_usd_per_ph_day[i],
            s.ai_utilisation[i],
            s.spot_rate_usd_per_mw_year[i],
            s.ai_revenue_usd[i],
            s.mining_revenue_usd[i]
        );
    }
    out
}

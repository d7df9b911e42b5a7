//! `squeeze`: the Squeeze model on the command line.
//!
//! ```text
//! squeeze run [--preset NAME | --scenario FILE|-] [--set key=value ...] [--data FILE] [--format json|csv|summary] [--paths N] [--seed S]
//! squeeze sensitivity | map [--x LEVER --y LEVER --steps N]   (the same scenario options)
//! squeeze company ID [scenario options] [--format text|json]
//! squeeze data check FILE | data show [--data FILE] [--era ERA] [--format text|json]
//! squeeze presets | levers | assumptions | charts
//! squeeze chart NAME [scenario options] [--lang en|it] [--company ID] --out FILE.svg|-
//! squeeze fallback --out DIR
//! ```
//!
//! The options are declared once, in `args.rs`. Bad input prints one line on stderr
//! and exits with code 2; it never panics. Every result is a scenario on filed
//! figures, not a forecast or investment advice.

mod args;
mod chart;
mod company;
mod data;
mod explain;
mod run;
mod uncertainty;

use args::{Cli, Command, TextOrJson};
use clap::Parser;
use squeeze_model::{Dataset, Era, ERA_KEY, LEVERS};
use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

/// A mistake of the reader's, printed as one line, exit code 2.
#[derive(Debug)]
struct UsageError(String);

impl<T: std::fmt::Display> From<T> for UsageError {
    fn from(message: T) -> Self {
        UsageError(message.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_error(&e),
    };
    match execute(cli.command) {
        Ok(text) => print(&text),
        Err(UsageError(message)) => {
            eprintln!("squeeze: {}", message.lines().next().unwrap_or_default());
            ExitCode::from(2)
        }
    }
}

/// Help and version go to stdout with success; every other parsing mistake is one
/// line on stderr and exit code 2.
fn clap_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            print(&e.to_string());
            ExitCode::SUCCESS
        }
        _ => {
            // clap's message, its context lines joined, without the usage block.
            let text = e.to_string();
            let message: Vec<&str> = text
                .lines()
                .take_while(|line| !line.trim().is_empty())
                .map(|line| line.trim().trim_start_matches("error: "))
                .collect();
            let message = match e.kind() {
                ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
                    "missing command; try `squeeze --help`".to_owned()
                }
                _ => format!("{}; try `squeeze --help`", message.join(" ")),
            };
            eprintln!("squeeze: {message}");
            ExitCode::from(2)
        }
    }
}

/// Writes what a command printed; a closed pipe (`squeeze run | head`) is not an error.
fn print(text: &str) -> ExitCode {
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

/// Runs one command and returns what it prints.
fn execute(command: Command) -> Result<String, UsageError> {
    match command {
        Command::Run {
            scenario,
            monte_carlo,
            format,
        } => run::command(&scenario, &monte_carlo, format),
        Command::Sensitivity { scenario, format } => uncertainty::sensitivity(&scenario, format),
        Command::Map { scenario, map, format } => uncertainty::map(&scenario, &map, format),
        Command::Company { id, scenario, format } => company::command(&id, &scenario, format),
        Command::Explain { scenario, lang, format } => explain::command(&scenario, lang, format),
        Command::Presets { format } => Ok(presets(format)?),
        Command::Levers { format } => Ok(levers(format)?),
        Command::Assumptions { data } => {
            let data = match data {
                Some(path) => args::load_data(&path)?.leak(),
                None => Dataset::for_era(Era::Late2025),
            };
            Ok(serde_json::to_string_pretty(data)? + "\n")
        }
        Command::Data { command } => data::command(command),
        Command::Chart(chart) => chart::chart(chart),
        Command::Charts { lang } => Ok(chart::list(lang)),
        Command::Fallback { out } => chart::fallback::command(&out),
    }
}

fn presets(format: TextOrJson) -> Result<String, serde_json::Error> {
    if format == TextOrJson::Json {
        return Ok(serde_json::to_string_pretty(squeeze_model::PRESETS)? + "\n");
    }
    let mut out = String::new();
    for preset in squeeze_model::PRESETS {
        let _ = writeln!(out, "{:<18} {} — {}", preset.id, preset.name, preset.description);
    }
    Ok(out)
}

fn levers(format: TextOrJson) -> Result<String, serde_json::Error> {
    if format == TextOrJson::Json {
        return Ok(serde_json::to_string_pretty(LEVERS)? + "\n");
    }
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

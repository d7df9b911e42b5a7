//! The command line, declared once with clap: every command, its options and how
//! each value is checked. Values are turned into the model's typed ids here, at
//! the edge; the commands never see a lever or chart name as text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use squeeze_charts::{AnyChart, Lang};
use squeeze_model::{Dataset, Lever, LeverId, Preset, Scenario, DEFAULT_PATHS, LEVERS, MAX_MAP_STEPS};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Most Monte Carlo paths the CLI accepts (each keeps ~4 KB of monthly values).
pub(crate) const MAX_PATHS: u32 = 100_000;

/// `squeeze`: the Squeeze model on the command line. Every result is a scenario on
/// filed figures, not a forecast or investment advice.
#[derive(Debug, Parser)]
#[command(name = "squeeze", version, about, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Run the model on one scenario and print the outcome.
    Run {
        #[command(flatten)]
        scenario: ScenarioOpts,
        #[command(flatten)]
        monte_carlo: MonteCarloOpts,
        /// How to print the outcome.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// What matters most: each lever from its minimum to its maximum (the tornado).
    Sensitivity {
        #[command(flatten)]
        scenario: ScenarioOpts,
        /// How to print it.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// The squeeze map: months to the first squeeze over two levers.
    Map {
        #[command(flatten)]
        scenario: ScenarioOpts,
        #[command(flatten)]
        map: MapOpts,
        /// How to print it.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// One company up close: its debt wall, its cash and maturities, what tips it.
    Company {
        /// The company's id (`squeeze data show` lists them), e.g. terawulf.
        id: String,
        #[command(flatten)]
        scenario: ScenarioOpts,
        /// How to print it.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Why, in dated steps: for each company the scenario squeezes, the events that
    /// led there and the causes of the month it broke (the page's why-timeline).
    Explain {
        #[command(flatten)]
        scenario: ScenarioOpts,
        /// The language of the steps.
        #[arg(long, value_parser = parse_lang, default_value = "en")]
        lang: Lang,
        /// How to print them.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// The presets, with what each represents.
    Presets {
        /// How to print them.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// The levers: key, range, default, unit and source.
    Levers {
        /// How to print them.
        #[arg(long, value_enum, default_value_t = TextOrJson::Json)]
        format: TextOrJson,
    },
    /// Every figure of the data (market, assumptions, tenants, companies) as JSON.
    Assumptions {
        /// A data file to show instead of the embedded one.
        #[arg(long, value_name = "FILE")]
        data: Option<PathBuf>,
    },
    /// Check or show a data file.
    Data {
        #[command(subcommand)]
        command: DataCommand,
    },
    /// One chart of the explorer as a standalone SVG.
    Chart(ChartArgs),
    /// The charts `squeeze chart` draws, with their titles.
    Charts {
        /// The language of the titles.
        #[arg(long, value_parser = parse_lang, default_value = "en")]
        lang: Lang,
    },
    /// Write the static fallback (chart and summary per preset and language) the build uses.
    Fallback {
        /// The folder to write `fallback/` into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum DataCommand {
    /// Check a data file: every mistake, with its line and field; exit code 2 if any.
    Check {
        /// The file to check.
        file: PathBuf,
    },
    /// Every figure of a data file with its source and as-of date.
    Show {
        /// A data file to show instead of the embedded one.
        #[arg(long, value_name = "FILE")]
        data: Option<PathBuf>,
        /// Which era's embedded data to show.
        #[arg(long, default_value = "late_2025")]
        era: squeeze_model::Era,
        /// How to print it: text, JSON, or the Markdown tables of MODEL.md.
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// The appendix of MODEL.md: every figure of both eras' embedded data, then every
    /// estimate with its reason (`make docs` writes it into MODEL.md).
    Appendix {
        /// Write it between the `figures:begin` and `figures:end` markers of this
        /// Markdown file instead of printing it.
        #[arg(long, value_name = "FILE")]
        into: Option<PathBuf>,
    },
}

/// How `data show` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ShowFormat {
    Text,
    Json,
    Markdown,
}

/// How `run`, `sensitivity` and `map` print their results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    Json,
    Csv,
    Summary,
}

/// How listings print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TextOrJson {
    Text,
    Json,
}

/// Which scenario to run, shared by every command that runs the model: a preset
/// or a scenario file, any number of `--set key=value` on top, and the data.
#[derive(Debug, Default, Args)]
pub(crate) struct ScenarioOpts {
    /// Start from a preset (`squeeze presets` lists them).
    #[arg(long, value_name = "NAME", conflicts_with = "scenario", value_parser = parse_preset)]
    preset: Option<&'static Preset>,
    /// Start from a scenario JSON file (- for standard input).
    #[arg(long, value_name = "FILE")]
    scenario: Option<String>,
    /// Set one lever (or `era`) on top, e.g. --set miner_leverage=0.8; repeatable.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    sets: Vec<String>,
    /// Run on this data file instead of the embedded one (its era is used).
    #[arg(long, value_name = "FILE")]
    data: Option<PathBuf>,
}

impl ScenarioOpts {
    /// The preset or file (the base case if neither) with every `--set` applied on
    /// top; with `--data`, that data installed for its era and the scenario moved to it.
    pub(crate) fn scenario(&self) -> Result<Scenario, String> {
        let mut scenario = match (&self.preset, &self.scenario) {
            (Some(preset), _) => preset.scenario,
            (None, Some(path)) => read_scenario(path)?,
            (None, None) => Scenario::default(),
        };
        for assignment in &self.sets {
            let (key, value) = assignment
                .split_once('=')
                .ok_or_else(|| format!("--set needs key=value, got {assignment:?}"))?;
            scenario.set_text(key.trim(), value).map_err(|e| e.to_string())?;
        }
        if let Some(path) = &self.data {
            let data = load_data(path)?.install()?;
            scenario.era = data.era;
        }
        Ok(scenario)
    }
}

/// `--paths N` and `--seed S`: either one turns the Monte Carlo on (the other then
/// takes its default: 1,000 paths, seed 1).
#[derive(Debug, Default, Args)]
pub(crate) struct MonteCarloOpts {
    /// Monte Carlo paths to simulate (1 to 100000).
    #[arg(long, allow_negative_numbers = true, value_parser = clap::value_parser!(u32).range(1..=MAX_PATHS as i64))]
    paths: Option<u32>,
    /// The Monte Carlo's seed.
    #[arg(long, allow_negative_numbers = true)]
    seed: Option<u32>,
}

impl MonteCarloOpts {
    /// Whether either option was given.
    pub(crate) fn asked(&self) -> bool {
        self.paths.is_some() || self.seed.is_some()
    }

    /// The paths and seed, with the defaults for what was not given.
    pub(crate) fn paths_and_seed(&self) -> (u32, u32) {
        (self.paths.unwrap_or(DEFAULT_PATHS), self.seed.unwrap_or(1))
    }
}

/// The squeeze map's two levers and steps per axis.
#[derive(Debug, Args)]
pub(crate) struct MapOpts {
    /// The lever across (JSON key or URL key).
    #[arg(long, value_parser = parse_lever, default_value = "ai_demand_slowdown")]
    pub x: LeverId,
    /// The lever up.
    #[arg(long, value_parser = parse_lever, default_value = "miner_leverage")]
    pub y: LeverId,
    /// Steps per axis (2 to 201).
    #[arg(long, value_parser = clap::value_parser!(u32).range(2..=MAX_MAP_STEPS as i64), default_value_t = 21)]
    pub steps: u32,
}

/// `squeeze chart NAME …`.
#[derive(Debug, Args)]
pub(crate) struct ChartArgs {
    /// The chart (`squeeze charts` lists them).
    #[arg(value_parser = parse_chart, required_unless_present = "list")]
    pub name: Option<AnyChart>,
    /// List the charts instead (the same as `squeeze charts`).
    #[arg(long)]
    pub list: bool,
    #[command(flatten)]
    pub scenario: ScenarioOpts,
    #[command(flatten)]
    pub monte_carlo: MonteCarloOpts,
    #[command(flatten)]
    pub map: MapOpts,
    /// The language of every text in the chart.
    #[arg(long, value_parser = parse_lang, default_value = "en")]
    pub lang: Lang,
    /// Width in pixels.
    #[arg(long, allow_negative_numbers = true, default_value_t = squeeze_charts::export::DEFAULT_SIZE.0)]
    pub width: u32,
    /// Height in pixels.
    #[arg(long, allow_negative_numbers = true, default_value_t = squeeze_charts::export::DEFAULT_SIZE.1)]
    pub height: u32,
    /// Light or dark.
    #[arg(long, value_enum, default_value_t = Theme::Light)]
    pub theme: Theme,
    /// The company, for the company charts (debt-wall, company-runway).
    #[arg(long, value_name = "ID")]
    pub company: Option<String>,
    /// Where to write the SVG (- for standard output).
    #[arg(long, value_name = "FILE.svg", required_unless_present = "list")]
    pub out: Option<String>,
}

/// A chart's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Theme {
    Light,
    Dark,
}

fn parse_preset(id: &str) -> Result<&'static Preset, String> {
    Preset::by_id(id).ok_or_else(|| {
        let known: Vec<&str> = squeeze_model::PRESETS.iter().map(|p| p.id).collect();
        format!("unknown preset {id:?}; the presets are: {}", known.join(", "))
    })
}

/// A lever by its JSON key or its short URL key.
pub(crate) fn parse_lever(text: &str) -> Result<LeverId, String> {
    Lever::by_key(text)
        .or_else(|| LEVERS.iter().find(|l| l.short_key == text))
        .map(|l| l.id)
        .ok_or_else(|| {
            let known: Vec<&str> = LEVERS.iter().map(|l| l.key).collect();
            format!("unknown lever {text:?}; the levers are: {}", known.join(", "))
        })
}

fn parse_chart(name: &str) -> Result<AnyChart, String> {
    AnyChart::from_id(name).ok_or_else(|| {
        let ids: Vec<&str> = AnyChart::ALL.iter().map(|c| c.id()).collect();
        format!("unknown chart {name:?}; the charts are: {}", ids.join(", "))
    })
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("unknown language {code:?}; use en or it"))
}

fn read_scenario(path: &str) -> Result<Scenario, String> {
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

/// Reads and checks a data file; a bad one is refused whole, with its first mistake
/// and a pointer to `squeeze data check`.
pub(crate) fn load_data(path: &Path) -> Result<Dataset, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    Dataset::parse(&text).map_err(|e| {
        let first = e.issues.first().map(ToString::to_string).unwrap_or_default();
        format!(
            "{shown} is not valid data ({} mistake{}; `squeeze data check {shown}` lists them): {first}",
            e.issues.len(),
            if e.issues.len() == 1 { "" } else { "s" }
        )
    })
}

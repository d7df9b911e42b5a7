//! Golden-image regression tests: every chart the explorer shows, for every
//! preset, in every language, rendered as the standalone SVG the CLI exports
//! (720×440, light, scale 1, title, summary and source line) and compared byte
//! for byte with a reference: the outcome charts in
//! `tests/golden/<chart>--<preset>--<lang>.svg`, the uncertainty charts in
//! `tests/golden/uncertainty/<chart>--<preset>--<lang>.svg` (Monte Carlo of
//! [`PATHS`] paths with seed [`SEED`], an [`MAP_STEPS`]×[`MAP_STEPS`] squeeze map
//! over the explorer's two levers, to keep the test fast).
//!
//! A change to a chart, to the summary, to the locale formatting or to the
//! model's numbers shows up here as a readable diff. When the change is meant,
//! regenerate the references and review them like any other diff:
//!
//! ```text
//! make golden   # SQUEEZE_UPDATE_GOLDEN=1 cargo test -p squeeze-charts --test golden
//! ```
//!
//! Missing references fail the test; they are only ever written when that
//! variable is set.

use squeeze_charts::export::{standalone_svg, StandaloneFigure, DEFAULT_SIZE};
use squeeze_charts::{preset_name, AnyChart, ChartStyle, ChartView, Figure, Lang, UncertaintyChart};
use squeeze_model::{
    monte_carlo, run, squeeze_map, tornado, CompanyView, LeverId, MonteCarloResult, Outcome, Preset, SqueezeMap,
    Tornado,
};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const UPDATE_VAR: &str = "SQUEEZE_UPDATE_GOLDEN";
const REGENERATE: &str = "make golden";

/// Lines of context shown around the first difference.
const CONTEXT_LINES: usize = 2;
/// Long SVG lines (polyline points) are cut to this many characters in reports.
const MAX_SHOWN_CHARS: usize = 160;

/// Monte Carlo paths and seed of the uncertainty references: few paths keep the
/// test fast; the drawing does not depend on how many.
const PATHS: u32 = 200;
const SEED: u32 = 1;
/// Steps per axis of the reference squeeze maps (the explorer's levers).
const MAP_STEPS: u32 = 11;
const MAP_AXES: (LeverId, LeverId) = (LeverId::AiDemandSlowdown, LeverId::MinerLeverage);

/// The sub-directory of the uncertainty references.
const UNCERTAINTY_DIR: &str = "uncertainty";
/// The company charts' references, under `tests/golden/company`.
const COMPANY_DIR: &str = "company";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Whether to rewrite the references. Never under CI (`CI` set, as `.ci/run`
/// does): a reference that could regenerate itself there would test nothing.
fn updating() -> bool {
    let asked = std::env::var_os(UPDATE_VAR).is_some_and(|value| !value.is_empty() && value != "0");
    let under_ci = std::env::var_os("CI").is_some_and(|value| !value.is_empty() && value != "0");
    assert!(
        !(asked && under_ci),
        "{UPDATE_VAR} is set under CI: golden references are only updated by `make golden` and a reviewed diff"
    );
    asked
}

/// Everything a preset's charts draw, computed once for all the tests.
struct Results {
    outcome: Outcome,
    mc: MonteCarloResult,
    tornado: Tornado,
    map: SqueezeMap,
}

fn results(preset: &Preset) -> &'static Results {
    static RESULTS: OnceLock<Vec<(&'static str, Results)>> = OnceLock::new();
    let all = RESULTS.get_or_init(|| {
        Preset::all()
            .iter()
            .map(|preset| {
                let scenario = &preset.scenario;
                let results = Results {
                    outcome: run(scenario),
                    mc: monte_carlo(scenario, SEED, PATHS),
                    tornado: tornado(scenario),
                    map: squeeze_map(scenario, MAP_AXES.0, MAP_AXES.1, MAP_STEPS, MAP_STEPS),
                };
                (preset.id, results)
            })
            .collect()
    });
    all.iter()
        .find(|(id, _)| *id == preset.id)
        .map(|(_, results)| results)
        .expect("every preset has results")
}

/// One golden image: a chart, a preset and a language.
struct Case {
    chart: AnyChart,
    preset: &'static Preset,
    lang: Lang,
}

impl Case {
    /// The reference's path under `tests/golden`.
    fn file_name(&self) -> String {
        let name = format!("{}--{}--{}.svg", self.chart.id(), self.preset.id, self.lang.code());
        match self.chart {
            AnyChart::Outcome(_) => name,
            AnyChart::Uncertainty(_) => format!("{UNCERTAINTY_DIR}/{name}"),
            AnyChart::Company(_) => format!("{COMPANY_DIR}/{name}"),
        }
    }

    fn describe(&self) -> String {
        format!(
            "chart {} ({:?}), preset {}, language {}",
            self.chart.id(),
            self.chart,
            self.preset.id,
            self.lang.code()
        )
    }

    /// The standalone SVG, drawn by the export the CLI uses.
    fn render(&self) -> String {
        let results = results(self.preset);
        // The company charts show the era's first company (Core Scientific in both).
        let era = self.preset.scenario.era;
        let first = &era.data().companies[0].id;
        let company = CompanyView::of(era.data(), &self.preset.scenario, first).expect("a company");
        let figure = match self.chart {
            AnyChart::Company(chart) => Figure::Company(chart, &company),
            AnyChart::Outcome(kind) => Figure::Outcome(kind),
            AnyChart::Uncertainty(UncertaintyChart::Tornado) => Figure::Tornado(&results.tornado),
            AnyChart::Uncertainty(UncertaintyChart::SqueezeMap) => Figure::SqueezeMap(&results.map),
            AnyChart::Uncertainty(chart) => {
                Figure::monte_carlo_chart(chart, &results.mc).unwrap_or_else(|| panic!("{}", self.describe()))
            }
        };
        standalone_svg(StandaloneFigure {
            figure,
            view: ChartView::new(&results.outcome, self.lang, ChartStyle::light(1.0)),
            size: DEFAULT_SIZE,
            scenario_name: preset_name(self.preset, self.lang),
            show_summary: true,
        })
        .unwrap_or_else(|e| panic!("{}: {e}", self.describe()))
    }
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for chart in AnyChart::ALL.into_iter() {
        for preset in Preset::all() {
            for lang in Lang::ALL {
                cases.push(Case { chart, preset, lang });
            }
        }
    }
    cases
}

/// The `.svg` files under `tests/golden` and `tests/golden/uncertainty`, as
/// paths relative to `tests/golden`.
fn reference_files(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for (sub, prefix) in [
        (dir.to_path_buf(), String::new()),
        (dir.join(UNCERTAINTY_DIR), format!("{UNCERTAINTY_DIR}/")),
        (dir.join(COMPANY_DIR), format!("{COMPANY_DIR}/")),
    ] {
        let Ok(entries) = std::fs::read_dir(&sub) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".svg") {
                files.push(format!("{prefix}{name}"));
            }
        }
    }
    files
}

fn shorten(line: &str) -> String {
    if line.chars().count() <= MAX_SHOWN_CHARS {
        line.to_owned()
    } else {
        let cut: String = line.chars().take(MAX_SHOWN_CHARS).collect();
        format!("{cut}… ({} chars)", line.chars().count())
    }
}

/// Where `actual` first departs from `expected`, with a few lines either side.
fn first_difference(expected: &str, actual: &str) -> String {
    let expected_lines: Vec<&str> = expected.lines().collect();
    let actual_lines: Vec<&str> = actual.lines().collect();
    let Some(index) =
        (0..expected_lines.len().max(actual_lines.len())).find(|&i| expected_lines.get(i) != actual_lines.get(i))
    else {
        return "  the lines agree; the files differ only in line endings or a final newline".to_owned();
    };
    let mut report = format!(
        "  first difference at line {} (reference has {} lines, new render {}):\n",
        index + 1,
        expected_lines.len(),
        actual_lines.len()
    );
    let from = index.saturating_sub(CONTEXT_LINES);
    for (label, lines) in [("reference", &expected_lines), ("new render", &actual_lines)] {
        let _ = writeln!(report, "  --- {label}");
        let to = (index + CONTEXT_LINES + 1).min(lines.len());
        for (i, line) in lines.iter().enumerate().take(to).skip(from) {
            let marker = if i == index { '>' } else { ' ' };
            let _ = writeln!(report, "  {marker}{:>5} | {}", i + 1, shorten(line));
        }
        if index >= lines.len() {
            let _ = writeln!(report, "  >{:>5} | (end of file)", index + 1);
        }
    }
    report
}

#[test]
fn every_chart_preset_and_language_matches_its_golden_svg() {
    let dir = golden_dir();
    let cases = cases();
    assert_eq!(cases.len(), AnyChart::ALL.len() * Preset::all().len() * Lang::ALL.len());

    if updating() {
        std::fs::create_dir_all(dir.join(UNCERTAINTY_DIR)).expect("create tests/golden/uncertainty");
        std::fs::create_dir_all(dir.join(COMPANY_DIR)).expect("create tests/golden/company");
        let expected: BTreeSet<String> = cases.iter().map(Case::file_name).collect();
        for name in reference_files(&dir) {
            if !expected.contains(&name) {
                std::fs::remove_file(dir.join(&name)).expect("remove a stale reference");
            }
        }
        let mut total = 0;
        for case in &cases {
            let svg = case.render();
            total += svg.len();
            std::fs::write(dir.join(case.file_name()), svg).expect("write a reference");
        }
        eprintln!("wrote {} golden SVGs ({total} bytes) to {}", cases.len(), dir.display());
        return;
    }

    let mut missing = Vec::new();
    let mut different = Vec::new();
    for case in &cases {
        let path = dir.join(case.file_name());
        let Ok(expected) = std::fs::read_to_string(&path) else {
            missing.push(case.file_name());
            continue;
        };
        let actual = case.render();
        if actual != expected {
            different.push(format!(
                "{} differs from tests/golden/{}\n{}",
                case.describe(),
                case.file_name(),
                first_difference(&expected, &actual)
            ));
        }
    }

    let mut report = String::new();
    if !missing.is_empty() {
        let _ = writeln!(
            report,
            "{} golden reference(s) missing in {} (first: {}).\n\
             Create them with `{REGENERATE}`, look at them, and commit them.",
            missing.len(),
            dir.display(),
            missing[0]
        );
    }
    if !different.is_empty() {
        let _ = writeln!(
            report,
            "{} of {} charts differ from their golden reference.\n",
            different.len(),
            cases.len()
        );
        for difference in &different {
            let _ = writeln!(report, "{difference}");
        }
        let _ = writeln!(
            report,
            "If the change is intended, regenerate the references with\n  {REGENERATE}\n\
             and review `git diff crates/charts/tests/golden` before committing."
        );
    }
    assert!(report.is_empty(), "\n{report}");
}

#[test]
fn the_golden_directory_holds_only_current_references() {
    let dir = golden_dir();
    // A missing directory gives no files; the comparison test reports it.
    let expected: BTreeSet<String> = cases().iter().map(Case::file_name).collect();
    let stale: Vec<String> = reference_files(&dir)
        .into_iter()
        .filter(|name| !expected.contains(name))
        .collect();
    assert!(
        stale.is_empty() || updating(),
        "stale golden files (no chart, preset or language of that name): {stale:?}; \
         `{REGENERATE}` removes them"
    );
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    for case in cases() {
        assert!(case.render() == case.render(), "{}", case.describe());
    }
}

#[test]
fn references_speak_their_language_and_name_their_preset() {
    for case in cases() {
        let svg = case.render();
        assert!(svg.starts_with("<svg"), "{}", case.describe());
        let title = format!("<title id=\"{}-title\">", case.chart.id());
        assert!(svg.contains(&title), "{}", case.describe());
        assert!(
            svg.contains(&format!("xml:lang=\"{}\"", case.lang.code())),
            "{}",
            case.describe()
        );
        let source = case
            .lang
            .pick("Squeeze model, scenario: ", "Modello Squeeze, scenario: ");
        let name = squeeze_charts::export::escape_markup(preset_name(case.preset, case.lang));
        assert!(
            svg.contains(&format!("{source}{name}")),
            "{}: no source line",
            case.describe()
        );
        // A Monte Carlo chart's summary says how likely a squeeze is, as the app's does.
        let paths = case.lang.pick(
            "Over 200 simulated paths, there is ",
            "Su 200 percorsi simulati, c&#39;è ",
        );
        let monte_carlo = matches!(case.chart, AnyChart::Uncertainty(chart) if chart.uses_monte_carlo());
        assert_eq!(
            svg.contains(paths),
            monte_carlo,
            "{}: the chance of a squeeze",
            case.describe()
        );
    }
}

#[test]
fn the_difference_report_points_at_the_first_changed_line() {
    let expected = "a\nb\nc\nd\ne\nf\n";
    let actual = "a\nb\nc\nD\ne\nf\n";
    let report = first_difference(expected, actual);
    assert!(report.contains("line 4"), "{report}");
    assert!(
        report.contains(">    4 | d") && report.contains(">    4 | D"),
        "{report}"
    );
    assert!(
        report.contains("     2 | b") && !report.contains("     1 | a"),
        "{report}"
    );
    let shorter = first_difference("a\nb\n", "a\n");
    assert!(shorter.contains("(end of file)"), "{shorter}");
    let long = "x".repeat(1000);
    assert!(first_difference(&long, "y").contains("(1000 chars)"));
}

//! Golden-image regression tests: every chart, for every preset, in every
//! language, rendered as the standalone SVG the CLI exports (720×440, light,
//! scale 1, title, summary and source line) and compared byte for byte with a
//! reference in `tests/golden/<chart>--<preset>--<lang>.svg`.
//!
//! A change to a chart, to the summary, to the locale formatting or to the
//! model's numbers shows up here as a readable diff. When the change is meant,
//! regenerate the references and review them like any other diff:
//!
//! ```text
//! SQUEEZE_UPDATE_GOLDEN=1 cargo test -p squeeze-charts --features svg --test golden
//! ```
//!
//! Missing references fail the test; they are only ever written when that
//! variable is set.

use squeeze_charts::export::{standalone_svg, Standalone, DEFAULT_SIZE};
use squeeze_charts::{preset_name, ChartKind, ChartStyle, ChartView, Lang};
use squeeze_model::{run, Preset};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const UPDATE_VAR: &str = "SQUEEZE_UPDATE_GOLDEN";
const REGENERATE: &str = "SQUEEZE_UPDATE_GOLDEN=1 cargo test -p squeeze-charts --features svg --test golden";

/// Lines of context shown around the first difference.
const CONTEXT_LINES: usize = 2;
/// Long SVG lines (polyline points) are cut to this many characters in reports.
const MAX_SHOWN_CHARS: usize = 160;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn updating() -> bool {
    std::env::var_os(UPDATE_VAR).is_some_and(|value| !value.is_empty() && value != "0")
}

/// One golden image: a chart, a preset and a language.
struct Case {
    kind: ChartKind,
    preset: &'static Preset,
    lang: Lang,
}

impl Case {
    fn file_name(&self) -> String {
        format!("{}--{}--{}.svg", self.kind.id(), self.preset.id, self.lang.code())
    }

    fn describe(&self) -> String {
        format!(
            "chart {} ({:?}), preset {}, language {}",
            self.kind.id(),
            self.kind,
            self.preset.id,
            self.lang.code()
        )
    }

    fn render(&self) -> String {
        let outcome = run(&self.preset.scenario);
        standalone_svg(Standalone {
            kind: self.kind,
            view: ChartView::new(&outcome, self.lang, ChartStyle::light(1.0)),
            size: DEFAULT_SIZE,
            scenario_name: preset_name(self.preset, self.lang),
            show_summary: true,
        })
        .unwrap_or_else(|e| panic!("{}: {e}", self.describe()))
    }
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for kind in ChartKind::ALL {
        for preset in Preset::all() {
            for lang in Lang::ALL {
                cases.push(Case { kind, preset, lang });
            }
        }
    }
    cases
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
    assert_eq!(
        cases.len(),
        ChartKind::ALL.len() * Preset::all().len() * Lang::ALL.len()
    );

    if updating() {
        std::fs::create_dir_all(&dir).expect("create tests/golden");
        let expected: BTreeSet<String> = cases.iter().map(Case::file_name).collect();
        for entry in std::fs::read_dir(&dir).expect("read tests/golden").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".svg") && !expected.contains(&name) {
                std::fs::remove_file(entry.path()).expect("remove a stale reference");
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
    let Ok(entries) = std::fs::read_dir(&dir) else {
        // The comparison test reports the missing directory.
        return;
    };
    let expected: BTreeSet<String> = cases().iter().map(Case::file_name).collect();
    let stale: Vec<String> = entries
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".svg") && !expected.contains(name))
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
        let title = format!("<title id=\"{}-title\">", case.kind.id());
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

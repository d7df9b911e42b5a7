//! `squeeze data check` and `--data`: an analyst's edited data file is checked
//! whole (every mistake reported with its line and field, exit code 2) and, once
//! correct, runs.

mod common;

use common::{assert_usage_error, json, squeeze, stdout};
use squeeze_model::data::LATE_2025_TOML;

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("squeeze-data-test-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.toml"));
    std::fs::write(&path, text).expect("write data");
    path
}

/// The embedded file with `line` (1-based) replaced by `new`.
fn replace_line(text: &str, line: usize, new: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, l)| if i + 1 == line { new.to_owned() } else { l.to_owned() })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The 1-based line of the first line at or after `after` that starts with `prefix`.
fn line_of(text: &str, prefix: &str, after: usize) -> usize {
    text.lines()
        .enumerate()
        .skip(after)
        .find(|(_, l)| l.trim_start().starts_with(prefix))
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("no line starting with {prefix:?} after line {after}"))
}

/// Ten kinds of mistake, each on a line we know, each with the field the checker
/// must name.
fn broken_file() -> (String, Vec<(usize, &'static str)>) {
    let mut text = LATE_2025_TOML.to_owned();
    let mut expected = Vec::new();
    let wulf = line_of(&text, "id = \"terawulf\"", 0);
    let mut edit = |prefix: &str, after: usize, new: &str, field: &'static str| {
        let line = line_of(&text, prefix, after);
        text = replace_line(&text, line, new);
        expected.push((line, field));
        line
    };
    // 1. a negative principal;
    let tranche = edit("principal_usd = 3.2e9", wulf, "principal_usd = -3.2e9", "principal_usd");
    // 2. an unknown tranche type;
    edit("type = \"convertible\"", wulf, "type = \"perpetual_bond\"", "type");
    // 3. a maturity before the start;
    edit(
        "maturity = \"2031-09-01\"",
        wulf,
        "maturity = \"2024-09-01\"",
        "maturity",
    );
    // 4. a coupon given in percent instead of a fraction;
    edit("coupon = 0.0775", tranche - 3, "coupon = 7.75", "coupon");
    // 5. a misspelt field;
    edit("ticker = \"WULF\"", wulf, "tickr = \"WULF\"", "tickr");
    // 6. a lease to a tenant that does not exist;
    edit("tenant = \"core42\"", wulf, "tenant = \"core24\"", "tenant");
    // 7. a figure with no source (a table with a value and nothing else);
    edit(
        "share_price_usd = {",
        wulf,
        "share_price_usd = { value = 11.75 }",
        "share_price_usd",
    );
    // 8. a figure dated after the data's cut-off;
    edit(
        "overhead_usd_per_month = {",
        wulf,
        "overhead_usd_per_month = { value = 4.1e6, as_of = \"2026-03-31\", source = \"squeeze-estimates\", estimate = \"x\" }",
        "overhead_usd_per_month",
    );
    // 9. a date that is not a date;
    edit("start = \"2026-", wulf, "start = \"2026-13\"", "start");
    // 10. a source that is cited but not defined.
    edit(
        "cash_usd = {",
        wulf,
        "cash_usd = { value = 1.7e9, as_of = \"2025-12-31\", source = \"wulf-press-release-that-does-not-exist\" }",
        "cash_usd",
    );
    (text, expected)
}

#[test]
fn check_reports_each_of_ten_mistakes_with_its_field_and_line() {
    let (text, expected) = broken_file();
    let path = temp_file("broken", &text);
    let shown = path.to_str().expect("utf-8 path");
    let output = squeeze(&["data", "check", shown]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert!(output.stdout.is_empty());
    for (line, field) in &expected {
        let found = stderr
            .lines()
            .any(|l| l.starts_with(&format!("{shown}:{line}: ")) && l.contains(field));
        assert!(found, "no report of {field} on line {line} in:\n{stderr}");
    }
    let last = stderr.lines().last().unwrap_or_default();
    assert!(last.starts_with("squeeze: ") && last.contains("mistake"), "{last}");
    // The same file never runs half-loaded.
    assert_usage_error(&squeeze(&["run", "--data", shown]), "is not valid data");
}

#[test]
fn a_corrected_copy_checks_clean_and_runs_on_its_own_figures() {
    // An analyst's update: TeraWulf's cash doubled. The copy checks clean, and the
    // run uses it: TeraWulf starts with more cash than on the embedded data.
    let wulf = line_of(LATE_2025_TOML, "id = \"terawulf\"", 0);
    let cash = line_of(LATE_2025_TOML, "cash_usd = {", wulf);
    let old = LATE_2025_TOML.lines().nth(cash - 1).expect("the cash line");
    let written = old
        .split("value = ")
        .nth(1)
        .and_then(|rest| rest.split([',', ' ']).next())
        .expect("a value on the cash line");
    let value: f64 = written.parse().expect("a number");
    let new = old.replacen(&format!("value = {written}"), &format!("value = {}", value * 2.0), 1);
    let path = temp_file("corrected", &replace_line(LATE_2025_TOML, cash, &new));
    let shown = path.to_str().expect("utf-8 path");
    let report = stdout(&squeeze(&["data", "check", shown]));
    assert!(
        report.contains(": ok") && report.contains("data as of 2025-12-31"),
        "{report}"
    );

    let edited = json(&squeeze(&["run", "--data", shown]));
    let embedded = json(&squeeze(&["run"]));
    let cash_at_start = |o: &serde_json::Value| {
        o["miners"]
            .as_array()
            .and_then(|m| m.iter().find(|m| m["id"] == "terawulf"))
            .and_then(|m| m["cash_usd"][0].as_f64())
            .expect("terawulf's cash")
    };
    assert!(cash_at_start(&edited) > cash_at_start(&embedded) + value * 0.9);
    assert_eq!(edited["data_as_of"], "2025-12-31");
}

#[test]
fn show_lists_every_figure_with_its_source_and_date() {
    let text = stdout(&squeeze(&["data", "show"]));
    assert!(text.contains("not forecasts"), "{text}");
    let figures: Vec<&str> = text.lines().filter(|l| l.contains(" (as of ")).collect();
    assert!(figures.len() > 200, "{} figures", figures.len());
    assert!(
        figures.iter().all(|l| l.contains(" — ")),
        "every figure names its source"
    );
    assert!(figures
        .iter()
        .any(|l| l.starts_with("terawulf.debt.wulf-compute-2030.principal_usd = 3200000000")));
    let replay = stdout(&squeeze(&["data", "show", "--era", "crypto_2022"]));
    assert!(replay.contains("core_scientific_2022."), "{replay}");
}

#[test]
fn model_md_tables_of_every_figure_match_the_data() {
    // MODEL.md closes with tables generated from the embedded data; after a data
    // change `make docs` rewrites them. This fails when they have drifted apart.
    let doc = include_str!("../../model/MODEL.md");
    let (begin, end) = ("<!-- figures:begin -->", "<!-- figures:end -->");
    let start = doc.find(begin).expect("MODEL.md has the begin marker") + begin.len();
    let stop = start + doc[start..].find(end).expect("MODEL.md has the end marker");
    let generated = stdout(&squeeze(&["data", "appendix"]));
    assert!(
        doc[start..stop].trim() == generated.trim(),
        "MODEL.md's figure tables differ from the data: run `make docs`"
    );
}

#[test]
fn appendix_into_a_file_without_markers_is_refused() {
    let path = temp_file("no-markers", "# A document without markers\n");
    let out = squeeze(&["data", "appendix", "--into", path.to_str().expect("utf-8 path")]);
    assert_usage_error(&out, "markers");
    assert_eq!(
        std::fs::read_to_string(&path).expect("still there"),
        "# A document without markers\n",
        "left as it was"
    );
}

//! The `squeeze` binary end to end: each command's output, and bad input answered
//! with one line on stderr and exit code 2, never a panic.

mod common;

use common::{assert_usage_error, json, squeeze, squeeze_with_stdin, stdout};

#[test]
fn run_prints_the_base_case_outcome_as_json() {
    let o = json(&squeeze(&["run"]));
    for key in [
        "squeeze_month",
        "squeeze_date",
        "distressed_capacity_share",
        "forced_btc_sales",
        "btc_price_trough_usd",
        "funding_gap_usd",
        "miners",
        "series",
    ] {
        assert!(o.get(key).is_some(), "missing {key}");
    }
    assert_eq!(o["miners"].as_array().map(Vec::len), Some(5));
    assert_eq!(o["series"]["months"][0], "2026-01");
    assert_eq!(o["series"]["months"].as_array().map(Vec::len), Some(60));
}

#[test]
fn run_matches_the_library() {
    let o = json(&squeeze(&[
        "run",
        "--set",
        "miner_leverage=0.85",
        "--set",
        "ai_demand_slowdown=0.5",
    ]));
    let s = squeeze_model::Scenario {
        miner_leverage: 0.85,
        ai_demand_slowdown: 0.5,
        ..Default::default()
    };
    let expected = serde_json::to_value(squeeze_model::run(&s)).expect("outcome serializes");
    assert_eq!(o, expected);
}

#[test]
fn presets_run_by_name_and_the_replay_starts_in_2022() {
    let o = json(&squeeze(&["run", "--preset", "replay_2022"]));
    assert_eq!(o["era"], "crypto_2022");
    assert_eq!(o["series"]["months"][0], "2022-01");
    let date = o["squeeze_date"].as_str().expect("the replay squeezes someone");
    assert!(date.starts_with("2022-"), "{date}");
    // --set applies on top of the preset.
    let o = json(&squeeze(&[
        "run",
        "--preset",
        "replay_2022",
        "--set",
        "btc_price_shock=0.5",
    ]));
    assert_eq!(o["era"], "crypto_2022");
}

#[test]
fn scenario_files_and_stdin_are_read() {
    let dir = std::env::temp_dir().join(format!("squeeze-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("scenario.json");
    std::fs::write(&path, r#"{"ai_demand_slowdown": 0.4, "era": "late_2025"}"#).expect("write scenario");
    let from_file = json(&squeeze(&["run", "--scenario", path.to_str().expect("utf-8 path")]));
    let from_stdin = json(&squeeze_with_stdin(
        &["run", "--scenario", "-"],
        r#"{"ai_demand_slowdown": 0.4}"#,
    ));
    let from_preset = json(&squeeze(&["run", "--preset", "ai_demand_stalls"]));
    assert_eq!(from_file, from_stdin);
    assert_eq!(from_file, from_preset);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn csv_has_a_header_and_one_row_per_month() {
    let output = squeeze(&["run", "--format", "csv"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    assert!(header.starts_with("month,btc_price_usd,hashprice_usd_per_ph_day,"));
    assert!(header.contains("landlord_cash_usd") && header.contains("late_converter_debt_service_usd"));
    let columns = header.split(',').count();
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 60);
    assert!(rows.iter().all(|row| row.split(',').count() == columns));
    assert!(rows[0].starts_with("2026-01,") && rows[59].starts_with("2030-12,"));
}

#[test]
fn summary_names_the_operators() {
    let output = squeeze(&["run", "--preset", "replay_2022", "--format", "summary"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.contains("Leveraged miner (2022)") && text.contains("squeeze_date: 2022-"),
        "{text}"
    );
}

#[test]
fn presets_and_levers_are_listed() {
    let text = stdout(&squeeze(&["presets"]));
    for id in ["base", "ai_demand_stalls", "chip_glut", "soft_landing", "replay_2022"] {
        assert!(text.lines().any(|l| l.starts_with(id)), "{id} missing from:\n{text}");
    }
    let presets = json(&squeeze(&["presets", "--format", "json"]));
    assert_eq!(presets[0]["id"], "base");
    let levers = json(&squeeze(&["levers"]));
    let keys: Vec<&str> = levers
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|l| l["key"].as_str())
        .collect();
    assert_eq!(&keys[..3], ["ai_demand_slowdown", "miner_leverage", "chip_throughput"]);
    assert!(levers[0]["source"].as_str().is_some_and(|s| !s.is_empty()));
    let assumptions = json(&squeeze(&["assumptions"]));
    assert!(assumptions["assumptions"].as_array().is_some_and(|a| a.len() > 20));
    assert_eq!(assumptions["archetypes"]["late_2025"].as_array().map(Vec::len), Some(5));
}

#[test]
fn help_succeeds() {
    let output = squeeze(&["--help"]);
    assert!(output.status.success() && stdout(&output).contains("squeeze run"));
}

#[test]
fn bad_input_is_one_line_and_exit_code_2() {
    assert_usage_error(&squeeze(&[]), "missing command");
    assert_usage_error(&squeeze(&["fly"]), "unknown command");
    assert_usage_error(&squeeze(&["run", "--bogus"]), "unknown option");
    assert_usage_error(&squeeze(&["run", "--format", "xml"]), "unknown format");
    assert_usage_error(&squeeze(&["run", "--format"]), "needs a value");
    assert_usage_error(&squeeze(&["run", "--set", "miner_leverage"]), "key=value");
    assert_usage_error(
        &squeeze(&["run", "--set", "miner_leverage=2"]),
        "miner_leverage = 2 is outside the allowed range 0 to 0.9",
    );
    assert_usage_error(&squeeze(&["run", "--set", "miner_leverage=lots"]), "not a number");
    assert_usage_error(&squeeze(&["run", "--set", "miner_leverge=0.5"]), "unknown lever");
    assert_usage_error(&squeeze(&["run", "--set", "chip_throughput=NaN"]), "chip_throughput");
    assert_usage_error(&squeeze(&["run", "--set", "era=1999"]), "unknown era");
    assert_usage_error(&squeeze(&["run", "--preset", "boom"]), "unknown preset");
    assert_usage_error(
        &squeeze(&["run", "--preset", "base", "--scenario", "-"]),
        "one of --preset or --scenario",
    );
    assert_usage_error(&squeeze(&["run", "--scenario", "/no/such/file.json"]), "cannot read");
    assert_usage_error(&squeeze(&["presets", "--format", "xml"]), "unknown format");
    assert_usage_error(&squeeze(&["assumptions", "extra"]), "no argument");
}

#[test]
fn bad_scenario_json_is_a_clear_error() {
    assert_usage_error(&squeeze_with_stdin(&["run", "--scenario", "-"], "{not json"), "-:");
    assert_usage_error(
        &squeeze_with_stdin(&["run", "--scenario", "-"], r#"{"miner_leverge": 0.5}"#),
        "miner_leverge",
    );
    assert_usage_error(
        &squeeze_with_stdin(&["run", "--scenario", "-"], r#"{"miner_leverage": 5}"#),
        "outside the allowed range",
    );
    assert_usage_error(
        &squeeze_with_stdin(&["run", "--scenario", "-"], r#"{"era": "2022"}"#),
        "era",
    );
    assert_usage_error(&squeeze_with_stdin(&["run", "--scenario", "-"], "[1, 2]"), "-:");
}

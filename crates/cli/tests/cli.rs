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
        "model_version",
        "data_as_of",
    ] {
        assert!(o.get(key).is_some(), "missing {key}");
    }
    assert_eq!(o["model_version"], squeeze_model::MODEL_VERSION);
    assert_eq!(o["data_as_of"], "2025-12-31");
    let ids: Vec<&str> = o["miners"]
        .as_array()
        .expect("miners")
        .iter()
        .filter_map(|m| m["id"].as_str())
        .collect();
    for company in [
        "core_scientific",
        "cleanspark",
        "bitfarms",
        "iren",
        "terawulf",
        "cipher",
    ] {
        assert!(ids.contains(&company), "{company} missing from {ids:?}");
    }
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
    // Iris Energy hands its equipment SPVs to their lender in 2022.
    let iris = (o["miners"].as_array().expect("miners").iter())
        .find(|m| m["id"] == "iris_energy_2022")
        .expect("Iris Energy in the replay");
    let handed = (iris["events"].as_array().expect("events").iter())
        .find(|e| e["kind"] == "project_handed_over")
        .expect("a project handed over");
    assert!(
        handed["date"].as_str().is_some_and(|d| d.starts_with("2022-")),
        "{handed}"
    );
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
    assert!(header.contains("terawulf_cash_usd") && header.contains("cleanspark_debt_service_usd"));
    let columns = header.split(',').count();
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 60);
    assert!(rows.iter().all(|row| row.split(',').count() == columns));
    assert!(rows[0].starts_with("2026-01,") && rows[59].starts_with("2030-12,"));
}

#[test]
fn summary_names_the_companies_with_their_dates() {
    let output = squeeze(&["run", "--preset", "replay_2022", "--format", "summary"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(
        text.contains("Core Scientific") && text.contains("Iris Energy") && text.contains("figures as of 2021-12-31"),
        "{text}"
    );
    assert!(text.contains("not a forecast"), "{text}");
    // Each squeeze says why, with the model's figures.
    assert!(text.contains("Why, in Oct 2022:") && text.contains("short."), "{text}");
    let text = stdout(&squeeze(&["run", "--format", "summary"]));
    assert!(
        text.contains("TeraWulf") && text.contains("figures as of 2025-"),
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
    assert!(assumptions["assumptions"].as_object().is_some_and(|a| a.len() > 20));
    assert!(assumptions["companies"].as_array().is_some_and(|c| c.len() >= 6));
    assert!(assumptions["sources"].as_array().is_some_and(|s| s.len() > 50));
}

#[test]
fn help_succeeds() {
    let output = squeeze(&["--help"]);
    let text = stdout(&output);
    assert!(output.status.success());
    for command in ["run", "company", "data", "chart"] {
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(command)),
            "{command} missing from:\n{text}"
        );
    }
}

#[test]
fn bad_input_is_one_line_and_exit_code_2() {
    assert_usage_error(&squeeze(&[]), "missing command");
    assert_usage_error(&squeeze(&["fly"]), "unrecognized subcommand 'fly'");
    assert_usage_error(&squeeze(&["run", "--bogus"]), "unexpected argument '--bogus'");
    assert_usage_error(
        &squeeze(&["run", "--format", "xml"]),
        "invalid value 'xml' for '--format",
    );
    assert_usage_error(&squeeze(&["run", "--format"]), "a value is required for '--format");
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
        "cannot be used with '--scenario",
    );
    assert_usage_error(&squeeze(&["run", "--scenario", "/no/such/file.json"]), "cannot read");
    assert_usage_error(&squeeze(&["presets", "--format", "xml"]), "invalid value 'xml'");
    assert_usage_error(&squeeze(&["assumptions", "extra"]), "unexpected argument 'extra'");
    assert_usage_error(
        &squeeze(&["company", "enron"]),
        "unknown company \"enron\"; the companies are: ",
    );
    assert_usage_error(&squeeze(&["run", "--data", "/no/such/data.toml"]), "cannot read");
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

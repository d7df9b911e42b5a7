//! The uncertainty commands end to end: `run --paths/--seed`, `sensitivity` and
//! `map` print what the library computes, in every format, and refuse bad input
//! with one line on stderr and exit code 2.

use squeeze_model::{monte_carlo, squeeze_map, tornado, LeverId, Preset, Scenario, DEFAULT_PATHS, LEVERS};

mod common;

use common::{assert_usage_error, json, squeeze, stdout};

#[test]
fn run_with_paths_adds_the_libraries_monte_carlo_to_the_outcome() {
    let plain = json(&squeeze(&["run", "--preset", "ai_demand_stalls"]));
    let o = json(&squeeze(&[
        "run",
        "--preset",
        "ai_demand_stalls",
        "--paths",
        "120",
        "--seed",
        "9",
    ]));
    let s = Preset::by_id("ai_demand_stalls").expect("preset").scenario;
    let expected = serde_json::to_value(monte_carlo(&s, 9, 120)).expect("serializes");
    assert_eq!(o["monte_carlo"], expected);
    assert_eq!(o["monte_carlo"]["paths"], 120);
    // The outcome itself is untouched.
    let mut without = o.clone();
    without.as_object_mut().expect("object").remove("monte_carlo");
    assert_eq!(without, plain);
    assert!(plain.get("monte_carlo").is_none());
}

#[test]
fn a_seed_alone_runs_the_default_number_of_paths() {
    let o = json(&squeeze(&["run", "--seed", "4"]));
    assert_eq!(o["monte_carlo"]["paths"], DEFAULT_PATHS);
    assert_eq!(o["monte_carlo"]["seed"], 4);
}

#[test]
fn run_csv_and_summary_gain_the_monte_carlo() {
    let csv = stdout(&squeeze(&["run", "--paths", "30", "--format", "csv"]));
    let header = csv.lines().next().expect("header");
    assert!(header.starts_with("month,btc_price_usd,"));
    assert!(header.contains(",squeeze_probability,") && header.contains("btc_price_usd_p95"));
    let columns = header.split(',').count();
    assert_eq!(csv.lines().count(), 61);
    assert!(csv.lines().all(|row| row.split(',').count() == columns));

    let text = stdout(&squeeze(&[
        "run", "--paths", "30", "--seed", "2", "--format", "summary",
    ]));
    assert!(text.contains("Monte Carlo: 30 paths, seed 2"), "{text}");
    assert!(text.contains("probability of a squeeze by: 2026-12"), "{text}");
}

#[test]
fn sensitivity_prints_the_libraries_tornado_for_the_scenario() {
    let o = json(&squeeze(&[
        "sensitivity",
        "--preset",
        "soft_landing",
        "--set",
        "miner_leverage=0.8",
    ]));
    let s = Scenario {
        miner_leverage: 0.8,
        ..Preset::by_id("soft_landing").expect("preset").scenario
    };
    assert_eq!(o, serde_json::to_value(tornado(&s)).expect("serializes"));
    let bars = o["bars"].as_array().expect("bars");
    assert_eq!(bars.len(), LEVERS.len());
    let swings: Vec<u64> = bars.iter().filter_map(|b| b["months_swing"].as_u64()).collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");

    let csv = stdout(&squeeze(&["sensitivity", "--format", "csv"]));
    assert_eq!(csv.lines().count(), 1 + LEVERS.len());
    let text = stdout(&squeeze(&["sensitivity", "--format", "summary"]));
    assert!(text.contains("AI demand slowdown"), "{text}");
}

#[test]
fn map_prints_the_grid_over_two_levers() {
    let o = json(&squeeze(&[
        "map",
        "--x",
        "chip",
        "--y",
        "interest_rate",
        "--steps",
        "4",
    ]));
    let expected = squeeze_map(
        &Scenario::default(),
        LeverId::ChipThroughput,
        LeverId::InterestRate,
        4,
        4,
    );
    assert_eq!(o, serde_json::to_value(&expected).expect("serializes"));
    assert_eq!(o["x_lever"], "chip_throughput");

    // Defaults: AI demand slowdown across, miner leverage down, 21 steps.
    let o = json(&squeeze(&["map", "--preset", "chip_glut"]));
    assert_eq!(o["x_lever"], "ai_demand_slowdown");
    assert_eq!(o["y_lever"], "miner_leverage");
    assert_eq!(o["squeeze_month"].as_array().map(Vec::len), Some(21));
    assert_eq!(o["squeeze_month"][0].as_array().map(Vec::len), Some(21));

    let csv = stdout(&squeeze(&["map", "--steps", "3", "--format", "csv"]));
    assert!(csv.starts_with("ai_demand_slowdown,miner_leverage,squeeze_month,"));
    assert_eq!(csv.lines().count(), 1 + 9);
    let text = stdout(&squeeze(&["map", "--steps", "3", "--format", "summary"]));
    assert!(text.contains("Months to the first squeeze"), "{text}");
}

#[test]
fn bad_uncertainty_input_is_one_line_and_exit_code_2() {
    assert_usage_error(&squeeze(&["run", "--paths", "0"]), "--paths");
    assert_usage_error(&squeeze(&["run", "--paths", "many"]), "--paths");
    assert_usage_error(&squeeze(&["run", "--paths", "100001"]), "--paths");
    assert_usage_error(&squeeze(&["run", "--seed", "-1"]), "--seed");
    assert_usage_error(&squeeze(&["run", "--seed"]), "a value is required for '--seed");
    assert_usage_error(&squeeze(&["map", "--x", "nope"]), "unknown lever \"nope\"");
    assert_usage_error(
        &squeeze(&["map", "--x", "lev", "--y", "miner_leverage"]),
        "two different levers",
    );
    assert_usage_error(&squeeze(&["map", "--steps", "1"]), "--steps");
    assert_usage_error(&squeeze(&["map", "--steps", "500"]), "--steps");
    assert_usage_error(
        &squeeze(&["sensitivity", "--steps", "3"]),
        "unexpected argument '--steps'",
    );
    assert_usage_error(&squeeze(&["sensitivity", "--format", "xml"]), "invalid value 'xml'");
    assert_usage_error(
        &squeeze(&["sensitivity", "--set", "miner_leverage=2"]),
        "miner_leverage",
    );
    assert_usage_error(&squeeze(&["map", "--preset", "nope"]), "unknown preset");
}

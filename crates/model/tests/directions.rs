//! Each headline lever pushes the outcome the right way everywhere in the lever space
//! (property tests over every lever and both eras), and scenarios survive a JSON
//! round trip.
//!
//! Squeeze dates are compared in `common::strict_world`: the data with every debt
//! recourse to the parent, no price feedback from forced sales and markets that stay
//! open. A project or
//! collateral-only loan the parent can walk away from is an option, and an option
//! can make a worse world less bad for its holder (`instruments.rs` checks that the
//! project option never hurts); and one company's fire sale lowers every miner's
//! hashprice, so a world where some company sells more can squeeze another sooner
//! (the hashprice property below bounds that feedback). And they are
//! compared on late-2025 bitcoin paths that do not trend down (the 2022 replay
//! follows 2022's falling prices): on a falling path a company
//! forced to sell its bitcoin sooner sells it dearer, so a worse world can squeeze
//! it a month later (MODEL.md, "Directions"). Revenues and prices are compared on
//! the data as filed, on every path.

mod common;

use common::{any_scenario, not_falling_scenario, raised, scenario_with_elasticity, squeeze_rank, strict_world};
use proptest::prelude::*;
use squeeze_model::{run, run_on, LeverId, Scenario};

/// Runs `s` in its era's strict world.
fn run_full(s: &Scenario) -> squeeze_model::Outcome {
    run_on(strict_world(s.era), s)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn more_slowdown_never_raises_ai_revenue(s in any_scenario(), by in 0.0..1.0f64) {
        let slower_s = raised(&s, LeverId::AiDemandSlowdown, by);
        prop_assert!(run(&slower_s).total_ai_revenue_usd() <= run(&s).total_ai_revenue_usd() * (1.0 + 1e-12) + 1e-6);
    }

    #[test]
    fn more_slowdown_never_delays_a_squeeze(s in not_falling_scenario(), by in 0.0..1.0f64) {
        let slower_s = raised(&s, LeverId::AiDemandSlowdown, by);
        let (base, slower) = (run_full(&s), run_full(&slower_s));
        for (m, b) in slower.miners.iter().zip(&base.miners) {
            prop_assert!(squeeze_rank(m.squeeze_month) <= squeeze_rank(b.squeeze_month), "{}", m.id);
        }
    }

    #[test]
    fn more_leverage_never_delays_the_first_squeeze(s in not_falling_scenario(), by in 0.0..0.9f64) {
        let base = run_full(&s);
        let levered = run_full(&raised(&s, LeverId::MinerLeverage, by));
        prop_assert!(squeeze_rank(levered.squeeze_month) <= squeeze_rank(base.squeeze_month));
        for (m, b) in levered.miners.iter().zip(&base.miners) {
            prop_assert!(squeeze_rank(m.squeeze_month) <= squeeze_rank(b.squeeze_month), "{}", m.id);
        }
        prop_assert!(levered.funding_gap_usd >= base.funding_gap_usd - 1e-3);
    }

    #[test]
    fn a_higher_bitcoin_price_never_hastens_a_squeeze(s in any_scenario(), by in 0.0..1.8f64) {
        let richer_s = raised(&s, LeverId::BtcPriceShock, by);
        if s.btc_trend >= 0.0 && s.era == squeeze_model::Era::Late2025 {
            let (base_full, richer_full) = (run_full(&s), run_full(&richer_s));
            prop_assert!(squeeze_rank(richer_full.squeeze_month) >= squeeze_rank(base_full.squeeze_month));
            for (m, b) in richer_full.miners.iter().zip(&base_full.miners) {
                prop_assert!(squeeze_rank(m.squeeze_month) >= squeeze_rank(b.squeeze_month), "{}", m.id);
            }
        }
        let (base, richer) = (run(&s), run(&richer_s));
        // Miners' revenue (hashprice × running hashrate) rises with the price; the one
        // way it can fall is through the price feedback of extra forced sales. (The
        // hashprice alone need not rise: a richer market orders more machines, which
        // share the revenue — as in 2024–25.)
        let impact = squeeze_model::Dataset::for_era(s.era).assumptions.values().forced_sale_impact_per_10k_btc;
        let (mut sold_r, mut sold_b) = (0.0_f64, 0.0_f64);
        let revenue = |o: &squeeze_model::Outcome, i: usize| o.series.hashprice_usd_per_ph_day[i] * o.series.network_hashrate_eh[i];
        for i in 0..base.series.months.len() {
            let extra = (sold_r - sold_b).max(0.0);
            prop_assert!(revenue(&richer, i) >= revenue(&base, i) * (-impact * extra / 1e4).exp() * (1.0 - 1e-9), "month {}", i);
            sold_r += richer.series.forced_btc_sales[i];
            sold_b += base.series.forced_btc_sales[i];
        }
    }

    #[test]
    fn faster_chips_with_partial_elasticity_never_raise_utilisation(s in scenario_with_elasticity(0.0..1.0), by in 0.0..9.0f64) {
        let base = run(&s);
        let faster = run(&raised(&s, LeverId::ChipThroughput, by));
        for (f, b) in faster.series.ai_utilisation.iter().zip(&base.series.ai_utilisation) {
            prop_assert!(*f <= b + 1e-12);
        }
    }

    #[test]
    fn faster_chips_with_strong_elasticity_never_lower_utilisation(s in scenario_with_elasticity(1.0001..1.5), by in 0.0..9.0f64) {
        // Jevons: when demand grows more than one-for-one with cheaper compute, more
        // efficient chips need more megawatts, not fewer.
        let base = run(&s);
        let faster = run(&raised(&s, LeverId::ChipThroughput, by));
        for (f, b) in faster.series.ai_utilisation.iter().zip(&base.series.ai_utilisation) {
            prop_assert!(*f >= b - 1e-12);
        }
    }

    #[test]
    fn scenario_json_round_trips(s in any_scenario()) {
        let json = serde_json::to_string(&s).expect("scenario serializes");
        let back: Scenario = serde_json::from_str(&json).expect("scenario parses");
        prop_assert_eq!(back, s);
    }
}

#[test]
fn unknown_scenario_fields_are_refused() {
    let err = serde_json::from_str::<Scenario>(r#"{"miner_leverge": 0.5}"#).unwrap_err();
    assert!(err.to_string().contains("miner_leverge"), "{err}");
}

#[test]
fn missing_fields_take_their_defaults() {
    let s: Scenario = serde_json::from_str(r#"{"era": "crypto_2022"}"#).unwrap();
    assert_eq!(
        s,
        Scenario {
            era: squeeze_model::Era::Crypto2022,
            ..Scenario::default()
        }
    );
}

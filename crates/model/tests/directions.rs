//! Each headline lever pushes the outcome the right way everywhere in the lever space
//! (property tests over every lever and both eras), and scenarios survive a JSON
//! round trip.

mod common;

use common::{any_scenario, raised, squeeze_rank};
use proptest::prelude::*;
use squeeze_model::{run, LeverId, Scenario};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn more_slowdown_never_raises_ai_revenue_nor_delays_a_squeeze(s in any_scenario(), by in 0.0..1.0f64) {
        let base = run(&s);
        let slower = run(&raised(&s, LeverId::AiDemandSlowdown, by));
        prop_assert!(slower.total_ai_revenue_usd() <= base.total_ai_revenue_usd() * (1.0 + 1e-12) + 1e-6);
        for (m, b) in slower.miners.iter().zip(&base.miners) {
            prop_assert!(squeeze_rank(m.squeeze_month) <= squeeze_rank(b.squeeze_month), "{}", m.id);
        }
    }

    #[test]
    fn more_leverage_never_delays_the_first_squeeze(s in any_scenario(), by in 0.0..0.9f64) {
        let base = run(&s);
        let levered = run(&raised(&s, LeverId::MinerLeverage, by));
        prop_assert!(squeeze_rank(levered.squeeze_month) <= squeeze_rank(base.squeeze_month));
        for (m, b) in levered.miners.iter().zip(&base.miners) {
            prop_assert!(squeeze_rank(m.squeeze_month) <= squeeze_rank(b.squeeze_month), "{}", m.id);
        }
        prop_assert!(levered.funding_gap_usd >= base.funding_gap_usd - 1e-3);
    }

    #[test]
    fn a_higher_bitcoin_price_never_hastens_a_squeeze(s in any_scenario(), by in 0.0..1.8f64) {
        let base = run(&s);
        let richer = run(&raised(&s, LeverId::BtcPriceShock, by));
        prop_assert!(squeeze_rank(richer.squeeze_month) >= squeeze_rank(base.squeeze_month));
        for (m, b) in richer.miners.iter().zip(&base.miners) {
            prop_assert!(squeeze_rank(m.squeeze_month) >= squeeze_rank(b.squeeze_month), "{}", m.id);
        }
        for (r, b) in richer.series.hashprice_usd_per_ph_day.iter().zip(&base.series.hashprice_usd_per_ph_day) {
            prop_assert!(*r >= b * (1.0 - 1e-12));
        }
    }

    #[test]
    fn faster_chips_with_partial_elasticity_never_raise_utilisation(s in any_scenario(), by in 0.0..9.0f64) {
        prop_assume!(s.demand_elasticity < 1.0);
        let base = run(&s);
        let faster = run(&raised(&s, LeverId::ChipThroughput, by));
        for (f, b) in faster.series.ai_utilisation.iter().zip(&base.series.ai_utilisation) {
            prop_assert!(*f <= b + 1e-12);
        }
    }

    #[test]
    fn faster_chips_with_strong_elasticity_never_lower_utilisation(s in any_scenario(), by in 0.0..9.0f64) {
        // Jevons: when demand grows more than one-for-one with cheaper compute, more
        // efficient chips need more megawatts, not fewer.
        prop_assume!(s.demand_elasticity > 1.0);
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

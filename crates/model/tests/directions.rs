//! Each headline lever pushes the outcome the right way, everywhere in the lever
//! space (property tests), and scenarios survive a JSON round trip.

use proptest::prelude::*;
use squeeze_model::{run, LeverId, Scenario, LEVERS};

/// Any valid scenario: every lever drawn from its own range.
fn any_scenario() -> impl Strategy<Value = Scenario> {
    let ranges: Vec<_> = LEVERS.iter().map(|lever| lever.min..=lever.max).collect();
    ranges.prop_map(|values| {
        let mut scenario = Scenario::default();
        for (lever, value) in LEVERS.iter().zip(values) {
            scenario.set(lever.id, value);
        }
        scenario
    })
}

/// `None` (never squeezed) counts as later than any month.
fn squeeze_rank(month: Option<u32>) -> u32 {
    month.unwrap_or(u32::MAX)
}

fn raised(scenario: &Scenario, id: LeverId, by: f64) -> Scenario {
    let lever = LEVERS.iter().find(|l| l.id == id).expect("lever in table");
    let mut higher = *scenario;
    higher.set(id, (scenario.get(id) + by).min(lever.max));
    higher
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn more_slowdown_never_raises_ai_revenue(s in any_scenario(), by in 0.0..1.0f64) {
        let base = run(&s);
        let slower = run(&raised(&s, LeverId::AiDemandSlowdown, by));
        prop_assert!(slower.total_ai_revenue_usd() <= base.total_ai_revenue_usd() + 1e-6);
        prop_assert!(squeeze_rank(slower.squeeze_month) <= squeeze_rank(base.squeeze_month));
    }

    #[test]
    fn more_leverage_never_delays_the_first_squeeze(s in any_scenario(), by in 0.0..0.9f64) {
        let base = run(&s);
        let levered = run(&raised(&s, LeverId::MinerLeverage, by));
        prop_assert!(squeeze_rank(levered.squeeze_month) <= squeeze_rank(base.squeeze_month));
    }

    #[test]
    fn faster_chips_with_partial_elasticity_never_raise_utilisation(s in any_scenario(), by in 0.0..9.0f64) {
        prop_assume!(s.demand_elasticity < 1.0);
        let base = run(&s);
        let faster = run(&raised(&s, LeverId::ChipThroughput, by));
        for (f, b) in faster.series.ai_utilisation.iter().zip(&base.series.ai_utilisation) {
            prop_assert!(f <= &(b + 1e-12));
        }
    }

    #[test]
    fn outcome_is_finite_and_bounded(s in any_scenario()) {
        let o = run(&s);
        prop_assert!((0.0..=1.0).contains(&o.distressed_capacity_share));
        prop_assert!(o.btc_price_trough_usd > 0.0 && o.btc_price_trough_usd.is_finite());
        prop_assert!(o.forced_btc_sales >= 0.0 && o.funding_gap_usd >= 0.0);
        for u in &o.series.ai_utilisation {
            prop_assert!((0.0..=1.0).contains(u));
        }
        let json = serde_json::to_string(&o).expect("outcome serializes");
        prop_assert!(!json.contains("NaN") && !json.contains("inf"));
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

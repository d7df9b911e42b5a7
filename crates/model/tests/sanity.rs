//! No NaN or infinity anywhere in the lever space, and every output within its
//! physical bounds; clamping makes out-of-range input safe.

mod common;

use common::any_scenario;
use proptest::prelude::*;
use squeeze_model::{run, Scenario, LEVERS};

fn all_finite(values: &[f64]) -> bool {
    values.iter().all(|v| v.is_finite())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn outcome_is_finite_and_bounded(s in any_scenario()) {
        let o = run(&s);
        let months = s.era.horizon_months() as usize;
        prop_assert!((0.0..=1.0).contains(&o.distressed_capacity_share));
        prop_assert!(o.btc_price_trough_usd > 0.0 && o.btc_price_trough_usd.is_finite());
        prop_assert!(o.forced_btc_sales >= 0.0 && o.funding_gap_usd >= 0.0);
        let data = s.era.data();
        let btc_owned: f64 = data.companies.iter().map(|c| {
            c.btc_held.value + c.debt.iter().filter_map(|t| t.collateral_btc.as_ref()).map(|f| f.value).sum::<f64>()
        }).sum();
        prop_assert!(o.forced_btc_sales <= btc_owned + 1e-6);
        prop_assert_eq!(o.series.months.len(), months);
        let series = &o.series;
        for values in [
            &series.btc_price_usd, &series.hashprice_usd_per_ph_day, &series.network_hashrate_eh,
            &series.block_subsidy_btc, &series.ai_demand_gw, &series.ai_capacity_gw,
        ] {
            prop_assert_eq!(values.len(), months);
            prop_assert!(values.iter().all(|v| v.is_finite() && *v > 0.0));
        }
        for values in [&series.spot_rate_usd_per_mw_year, &series.gpu_price_index, &series.ai_revenue_usd, &series.mining_revenue_usd, &series.forced_btc_sales] {
            prop_assert!(values.iter().all(|v| v.is_finite() && *v >= 0.0));
        }
        for u in &series.ai_utilisation {
            prop_assert!((0.0..=1.0).contains(u));
        }
        for m in &o.miners {
            prop_assert_eq!(m.cash_usd.len(), months);
            prop_assert!(all_finite(&m.cash_usd) && all_finite(&m.debt_service_usd));
            prop_assert!(m.debt_service_usd.iter().all(|v| *v >= 0.0));
            prop_assert!(m.accounts.btc_held.iter().all(|b| *b >= 0.0) && m.accounts.debt_usd.iter().all(|d| *d >= -1e-6));
            prop_assert_eq!(m.squeeze_month.is_some(), m.squeeze_date.is_some());
            prop_assert_eq!(m.squeeze_month.is_some(), m.squeeze_cause.is_some());
        }
        let json = serde_json::to_string(&o).expect("outcome serializes");
        prop_assert!(!json.contains("NaN") && !json.contains("inf") && !json.contains("null,null"));
    }

    #[test]
    fn out_of_range_levers_are_clamped_not_fatal(values in prop::collection::vec(prop_oneof![
        Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY), -1e12..1e12f64,
    ], LEVERS.len())) {
        let mut s = Scenario::default();
        for (lever, value) in LEVERS.iter().zip(values) {
            s.set(lever.id, value);
        }
        let o = run(&s);
        prop_assert_eq!(&o, &run(&s.clamped()));
        prop_assert!(o.btc_price_trough_usd.is_finite());
    }
}

#[test]
fn runs_are_deterministic() {
    for preset in squeeze_model::PRESETS {
        assert_eq!(run(&preset.scenario), run(&preset.scenario), "{}", preset.id);
    }
}

#[test]
fn squeeze_summary_matches_the_operators() {
    for preset in squeeze_model::PRESETS {
        let o = run(&preset.scenario);
        assert_eq!(
            o.squeeze_month,
            o.miners.iter().filter_map(|m| m.squeeze_month).min(),
            "{}",
            preset.id
        );
        assert_eq!(
            o.squeezed_operators as usize,
            o.miners.iter().filter(|m| m.squeeze_month.is_some()).count()
        );
        let gap: f64 = o.miners.iter().map(|m| m.funding_gap_usd).sum();
        assert!((o.funding_gap_usd - gap).abs() <= 1e-6 * gap.max(1.0));
    }
}

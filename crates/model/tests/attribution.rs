//! What changed, and why: the Shapley split of a change between two scenarios
//! adds up exactly to the change of each headline figure, gives a lone lever the
//! whole change, treats levers that play the same part alike, and refuses to split
//! a change of era. Property tests over pairs of scenarios.

mod common;

use common::any_scenario;
use proptest::prelude::*;
use squeeze_model::{attribution, run, Attribution, Era, Headline, LeverId, Scenario, LEVERS};

/// Two scenarios of one era: `a`, and `a` with some levers taken from `b`.
fn pair() -> impl Strategy<Value = (Scenario, Scenario)> {
    (
        any_scenario(),
        any_scenario(),
        prop::collection::vec(any::<bool>(), LEVERS.len()),
    )
        .prop_map(|(a, b, take)| {
            let mut c = a;
            for (lever, take) in LEVERS.iter().zip(take) {
                if take {
                    c.set(lever.id, b.get(lever.id));
                }
            }
            (a, c)
        })
}

fn figure(o: &squeeze_model::Outcome, h: Headline) -> f64 {
    match h {
        Headline::MonthsToFirstSqueeze => f64::from(o.squeeze_month.unwrap_or(o.series.months.len() as u32)),
        Headline::FundingGap => o.funding_gap_usd,
        Headline::SqueezedCompanies => f64::from(o.squeezed_operators),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_parts_add_up_to_the_change_the_runs_show((base, now) in pair()) {
        let splits = attribution(&base, &now).expect("same era, at most ten levers");
        let (o_base, o_now) = (run(&base), run(&now));
        for split in &splits {
            // The ends are the two scenarios' own runs.
            prop_assert_eq!(split.baseline, figure(&o_base, split.headline));
            prop_assert_eq!(split.current, figure(&o_now, split.headline));
            let sum: f64 = split.contributions.iter().map(|(_, c)| c).sum();
            let change = split.current - split.baseline;
            prop_assert!((sum - change).abs() <= 1e-6 * (1.0 + change.abs() + split.baseline.abs()), "{sum} vs {change}");
            // Only the levers that differ take part.
            for (lever, _) in &split.contributions {
                prop_assert!(base.get(*lever) != now.get(*lever));
            }
        }
    }
}

#[test]
fn a_lone_lever_takes_the_whole_change() {
    let now = Scenario {
        ai_demand_slowdown: 0.8,
        btc_price_shock: -0.5,
        ..Scenario::BASE
    };
    let base = Scenario {
        ai_demand_slowdown: 0.0,
        ..now
    };
    for split in attribution(&base, &now).expect("one lever") {
        assert_eq!(split.contributions.len(), 1);
        assert_eq!(split.contributions[0].0, LeverId::AiDemandSlowdown);
        assert!((split.contributions[0].1 - (split.current - split.baseline)).abs() < 1e-9);
    }
}

#[test]
fn swapping_baseline_and_current_flips_every_contribution() {
    // Swapping which scenario is the baseline flips every contribution's sign.
    let a = Scenario {
        ai_demand_slowdown: 0.6,
        miner_leverage: 0.9,
        btc_price_shock: -0.3,
        ..Scenario::BASE
    };
    let (forward, back) = (
        attribution(&Scenario::BASE, &a).unwrap(),
        attribution(&a, &Scenario::BASE).unwrap(),
    );
    for (f, b) in forward.iter().zip(&back) {
        for ((lf, cf), (lb, cb)) in f.contributions.iter().zip(&b.contributions) {
            assert_eq!(lf, lb);
            assert!((cf + cb).abs() < 1e-6 * (1.0 + cf.abs()), "{lf:?}: {cf} vs {cb}");
        }
    }
}

#[test]
fn a_change_of_era_is_not_split_and_the_stepwise_job_finishes() {
    let replay = Scenario {
        era: Era::Crypto2022,
        ..Scenario::BASE
    };
    assert!(attribution(&Scenario::BASE, &replay).is_none());
    let now = Scenario {
        ai_demand_slowdown: 0.5,
        miner_leverage: 0.9,
        ..Scenario::BASE
    };
    let mut job = Attribution::new(&Scenario::BASE, &now).expect("same era");
    assert!(job.splits().is_none(), "nothing before the runs");
    let mut runs = 1;
    while !job.step() {
        runs += 1;
    }
    assert_eq!(runs, 4, "2^2 subsets of two levers");
    assert_eq!(job.splits(), attribution(&Scenario::BASE, &now));
}

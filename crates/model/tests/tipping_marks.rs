//! Tipping marks on the sliders: each mark sits where the outcome really changes —
//! just past it on its squeezed side the named company is squeezed first, just
//! before it nobody is — and the one-run-a-step search gives the marks of the
//! one-call function. Property tests over the lever space.

mod common;

use common::any_scenario;
use proptest::prelude::*;
use squeeze_model::{run, tipping_marks, LeverId, Scenario, TippingSearch, LEVERS, SCAN_POINTS};

const HEADLINE: [LeverId; 3] = [
    LeverId::AiDemandSlowdown,
    LeverId::MinerLeverage,
    LeverId::ChipThroughput,
];

fn first_squeezed(s: &Scenario, lever: LeverId, value: f64) -> Option<&'static str> {
    let mut s = *s;
    s.set(lever, value);
    let o = run(&s);
    let month = o.squeeze_month?;
    o.miners.iter().find(|m| m.squeeze_month == Some(month)).map(|m| m.name)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn each_mark_sits_where_the_first_squeeze_appears(s in any_scenario(), k in 0usize..3) {
        let lever = HEADLINE[k];
        let row = LEVERS.iter().find(|l| l.id == lever).expect("lever");
        // The bracket a mark is narrowed to: a scan interval halved ten times.
        let width = (row.max - row.min) / f64::from(SCAN_POINTS - 1) / 1024.0;
        let marks = tipping_marks(&s, lever);
        for pair in marks.windows(2) {
            prop_assert!(pair[0].value < pair[1].value);
        }
        for m in &marks {
            prop_assert!((row.min..=row.max).contains(&m.value));
            prop_assert_eq!(first_squeezed(&s, lever, m.value), Some(m.company), "at the mark {}", m.value);
            let safe = if m.squeezed_above { m.value - 1.01 * width } else { m.value + 1.01 * width };
            prop_assert_eq!(first_squeezed(&s, lever, safe), None, "just before the mark {} ({})", m.value, safe);
        }
    }
}

#[test]
fn the_stepwise_search_finds_what_the_function_finds() {
    let s = Scenario {
        btc_price_shock: -0.4,
        ..Scenario::BASE
    };
    let mut any = 0;
    for lever in HEADLINE {
        let mut search = TippingSearch::new(&s, lever);
        let mut steps = 0;
        while !search.step() {
            steps += 1;
        }
        assert!(steps >= SCAN_POINTS as usize, "at least the scan");
        let marks = search.into_marks();
        any += marks.len();
        assert_eq!(marks, tipping_marks(&s, lever));
    }
    assert!(any > 0, "a 40% bitcoin fall has tipping points on the headline levers");
}

#[test]
fn a_deeper_slowdown_is_the_squeezed_side() {
    // With bitcoin 40% lower, some slowdown squeezes a company and more slowdown
    // keeps it squeezed (the direction the property tests check).
    let s = Scenario {
        btc_price_shock: -0.4,
        ..Scenario::BASE
    };
    let marks = tipping_marks(&s, LeverId::AiDemandSlowdown);
    let first = marks.first().expect("a mark");
    assert!(first.squeezed_above);
    assert!(first_squeezed(&s, LeverId::AiDemandSlowdown, 1.0).is_some());
}

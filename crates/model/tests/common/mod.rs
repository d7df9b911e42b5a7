//! Strategies shared by the property tests.
#![allow(dead_code)]

use proptest::prelude::*;
use squeeze_model::{Era, LeverId, Scenario, LEVERS};

/// Any valid scenario: every lever drawn from its own range, either era.
pub fn any_scenario() -> impl Strategy<Value = Scenario> {
    let ranges: Vec<_> = LEVERS.iter().map(|lever| lever.min..=lever.max).collect();
    (ranges, prop::sample::select(Era::ALL.to_vec())).prop_map(|(values, era)| {
        let mut scenario = Scenario {
            era,
            ..Scenario::default()
        };
        for (lever, value) in LEVERS.iter().zip(values) {
            scenario.set(lever.id, value);
        }
        scenario
    })
}

/// Any valid late-2025 scenario whose central bitcoin path does not trend down (the
/// trend lever folded to its non-negative half; the 2022 replay follows 2022's
/// falling prices), so properties that need it are drawn directly, not filtered.
pub fn not_falling_scenario() -> impl Strategy<Value = Scenario> {
    any_scenario().prop_map(|mut s| {
        s.btc_trend = s.btc_trend.abs();
        s.era = Era::Late2025;
        s
    })
}

/// Any valid scenario with the demand elasticity drawn from `range`.
pub fn scenario_with_elasticity(range: std::ops::Range<f64>) -> impl Strategy<Value = Scenario> {
    (any_scenario(), range).prop_map(|(mut s, e)| {
        s.demand_elasticity = e;
        s
    })
}

/// `None` (never squeezed) counts as later than any month.
pub fn squeeze_rank(month: Option<u32>) -> u32 {
    month.unwrap_or(u32::MAX)
}

/// `scenario` with lever `id` raised by `by`, capped at the lever's maximum.
pub fn raised(scenario: &Scenario, id: LeverId, by: f64) -> Scenario {
    let lever = LEVERS.iter().find(|l| l.id == id).expect("lever in table");
    let mut higher = *scenario;
    higher.set(id, (scenario.get(id) + by).min(lever.max));
    higher
}

/// The era's data in the world where strict directions hold: every debt recourse
/// to the parent in full (no project to walk away from, no collateral-only loan),
/// no price feedback from forced sales (one company's fire sale lowering everyone's
/// hashprice) and markets that stay open (a build that waits when they shut is an
/// option as well). Limited recourse is an option the parent holds, checked
/// separately; the feedback is bounded by its own property test.
pub fn strict_world(era: squeeze_model::Era) -> &'static squeeze_model::Dataset {
    use squeeze_model::data::{Guarantee, Recourse};
    use std::sync::OnceLock;
    static LATE: OnceLock<&'static squeeze_model::Dataset> = OnceLock::new();
    static REPLAY: OnceLock<&'static squeeze_model::Dataset> = OnceLock::new();
    let cell = match era {
        squeeze_model::Era::Late2025 => &LATE,
        squeeze_model::Era::Crypto2022 => &REPLAY,
    };
    cell.get_or_init(|| {
        let mut data = era.data().clone();
        for t in data.companies.iter_mut().flat_map(|c| c.debt.iter_mut()) {
            t.recourse = Recourse::Parent;
            t.guarantee = Guarantee::Full;
        }
        data.assumptions.forced_sale_impact_per_10k_btc.figure.value = 0.0;
        // Markets stay open: a build that waits for funding is an option too.
        data.assumptions.credit_open_below_drawdown.figure.value = 0.99;
        data.assumptions.credit_shut_beyond_drawdown.figure.value = 1.0;
        data.leak()
    })
}

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

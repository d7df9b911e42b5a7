//! # squeeze-model
//!
//! The risk and capacity model behind Squeeze: if AI demand slows, do the bitcoin
//! miners who borrowed to become AI data centres face a liquidity squeeze like
//! crypto's in 2022?
//!
//! The crate is pure Rust with no web or UI dependency. Everything else (the CLI,
//! the browser app) turns input into a [`Scenario`], calls [`run`], and reads the
//! [`Outcome`]. Every lever's default, range, unit and source lives in one table,
//! [`LEVERS`]; every fixed assumption in [`ASSUMPTIONS`]; the operators in the
//! archetype tables ([`ARCHETYPES_LATE_2025`], [`ARCHETYPES_2022`]). The equations
//! are documented in `MODEL.md` beside this crate.
//!
//! Where things live:
//! - `levers.rs` — the lever table, [`Scenario`] and its validation;
//! - `assumptions.rs` — fixed constants with units and sources;
//! - `archetypes.rs`, `era.rs` — operators and starting points;
//! - `market.rs` — the AI compute market and bitcoin mining economics;
//! - `engine.rs` — the monthly simulation; `outcome.rs` — what it returns;
//! - `presets.rs` — named scenarios;
//! - uncertainty: `random.rs` (the seeded generator), `shocks.rs` (the random
//!   processes), `monte_carlo.rs` (probabilities and bands over many paths, in
//!   chunks), `sensitivity.rs` (the tornado and the two-lever squeeze map).
//!
//! ```
//! use squeeze_model::{run, Scenario};
//!
//! let base = run(&Scenario::default());
//! let slow = run(&Scenario { ai_demand_slowdown: 0.8, ..Scenario::default() });
//! assert!(slow.total_ai_revenue_usd() <= base.total_ai_revenue_usd());
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod archetypes;
pub mod assumptions;
mod engine;
mod era;
mod levers;
mod market;
mod monte_carlo;
mod outcome;
mod presets;
pub mod random;
mod sensitivity;
mod shocks;
mod time;

pub use archetypes::{AiBusiness, Archetype, DebtTranche, ARCHETYPES_2022, ARCHETYPES_LATE_2025};
pub use assumptions::{Assumption, ASSUMPTIONS, HORIZON_MONTHS};
// `squeeze_model::assumptions::*` gives every named constant (lease rate, subsidy, …).
pub use engine::{run, run_with_shocks};
pub use era::Era;
pub use levers::{Lever, LeverId, Scenario, ScenarioError, Unit, ERA_KEY, LEVERS};
pub use monte_carlo::{
    monte_carlo, simulate_paths, Band, MergeError, MinerRisk, MonteCarlo, MonteCarloResult, PathStats, Quantiles,
    DEFAULT_PATHS,
};
pub use outcome::{Accounts, MinerOutcome, Outcome, Series, SqueezeCause};
pub use presets::{presets, Preset, PRESETS};
pub use sensitivity::{
    squeeze_map, tornado, tornado_bar, SensitivityPoint, SqueezeMap, Tornado, TornadoBar, MAX_MAP_STEPS,
};
pub use shocks::ShockPath;
pub use time::YearMonth;

#[cfg(test)]
mod docs {
    /// MODEL.md must describe every lever, assumption, archetype and preset, so the
    /// documentation cannot silently fall behind the tables.
    #[test]
    fn model_md_covers_every_table_row() {
        let doc = include_str!("../MODEL.md");
        for lever in crate::LEVERS {
            assert!(
                doc.contains(&format!("`{}`", lever.key)),
                "MODEL.md misses lever {}",
                lever.key
            );
        }
        for assumption in crate::ASSUMPTIONS {
            assert!(
                doc.contains(&format!("`{}`", assumption.id)),
                "MODEL.md misses assumption {}",
                assumption.id
            );
        }
        for era in crate::Era::ALL {
            assert!(doc.contains(era.id()), "MODEL.md misses era {era}");
            for archetype in era.archetypes() {
                assert!(
                    doc.contains(archetype.name),
                    "MODEL.md misses archetype {}",
                    archetype.name
                );
            }
        }
        for preset in crate::PRESETS {
            assert!(
                doc.contains(&format!("`{}`", preset.id)),
                "MODEL.md misses preset {}",
                preset.id
            );
        }
    }
}

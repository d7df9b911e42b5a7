//! # squeeze-model
//!
//! The risk and capacity model behind Squeeze: if AI demand slows, do the bitcoin
//! miners who borrowed to become AI data centres face a liquidity squeeze like
//! crypto's in 2022?
//!
//! The crate is pure Rust with no web or UI dependency. Everything else (the CLI,
//! the browser app) turns input into a [`Scenario`], calls [`run`], and reads the
//! [`Outcome`]. Every lever's default, range, unit and source lives in one table,
//! [`LEVERS`]; every company figure, market starting value and assumption lives in
//! a data file (`data/late-2025.toml`, `data/2022.toml` at the repository root),
//! each with its source and as-of date, read into a [`Dataset`]. The equations are
//! documented in `MODEL.md` beside this crate.
//!
//! Where things live:
//! - `levers.rs` — the lever table, [`Scenario`] and its validation;
//! - `data/` — the data file's types, its reader and its checks;
//! - `era.rs` — which data a scenario starts from;
//! - `market.rs` — the AI compute market and bitcoin mining economics;
//! - `engine/` — the monthly simulation: companies (`company.rs`), their sites and
//!   leases (`sites.rs`), shared tenants (`tenants.rs`) and debt (`debt.rs`);
//!   `outcome.rs` — what it returns;
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

mod attribution;
mod company_view;
pub mod data;
mod engine;
mod era;
mod levers;
mod market;
mod monte_carlo;
pub mod network;
mod outcome;
mod presets;
pub mod random;
mod sensitivity;
mod shocks;
mod time;
mod tipping_marks;
pub mod units;

pub use attribution::{attribution, Attribution, Headline, Split, MAX_ATTRIBUTED_LEVERS};
pub use company_view::{
    debt_wall, maturities_in_run, tipping, wall_by_year, CompanyView, Tipping, WallEntry, WallYear,
};
pub use data::{Company, DataError, DataIssue, Dataset, Figure, Source, MODEL_VERSION};
pub use engine::{run, run_on, run_with_shocks, run_with_shocks_on};
pub use era::Era;
pub use levers::{Lever, LeverId, Scenario, ScenarioError, Unit, ERA_KEY, LEVERS};
pub use monte_carlo::{
    monte_carlo, simulate_paths, Band, MergeError, MinerRisk, MonteCarlo, MonteCarloResult, PathStats, Quantiles,
    DEFAULT_PATHS,
};
pub use outcome::{Accounts, AiBusiness, Event, EventKind, MinerOutcome, Outcome, Series, SqueezeCause, SqueezeReason};
pub use presets::{presets, Preset, PRESETS};
pub use sensitivity::{
    squeeze_map, tornado, tornado_bar, SensitivityPoint, SqueezeMap, Tornado, TornadoBar, MAX_MAP_STEPS,
};
pub use shocks::ShockPath;
pub use time::{Date, YearMonth};
pub use tipping_marks::{tipping_marks, TippingMark, TippingSearch, SCAN_POINTS};

#[cfg(test)]
mod docs {
    /// MODEL.md must describe every lever, assumption, company and preset, so the
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
        for era in crate::Era::ALL {
            assert!(doc.contains(era.id()), "MODEL.md misses era {era}");
            let data = era.data();
            for row in data.market.rows().into_iter().chain(data.assumptions.rows()) {
                let named = doc.contains(&format!("`{}`", row.id)) || doc.contains(&format!(".{}`", row.id));
                assert!(named, "MODEL.md misses {}", row.id);
            }
            for company in &data.companies {
                assert!(doc.contains(&company.name), "MODEL.md misses company {}", company.name);
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

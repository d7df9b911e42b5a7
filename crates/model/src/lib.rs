//! # squeeze-model
//!
//! The risk and capacity model behind Squeeze: if AI demand slows, do the bitcoin
//! miners who borrowed to become AI data centres face a liquidity squeeze like
//! crypto's in 2022?
//!
//! The crate is pure Rust with no web or UI dependency. Everything else (the CLI,
//! the browser app) turns input into a [`Scenario`], calls [`run`], and reads the
//! [`Outcome`]. Every lever's default, range, unit and source lives in one table,
//! [`LEVERS`].
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

mod engine;
mod levers;
mod outcome;
mod time;

pub use engine::run;
pub use levers::{Lever, LeverId, Scenario, ScenarioError, Unit, LEVERS};
pub use outcome::{MinerOutcome, Outcome, Series};
pub use time::YearMonth;

//! Unit conversions and calendar constants: facts, not assumptions (those live in
//! the data file with their sources).

/// Average days in a month (365.25 / 12).
pub const DAYS_PER_MONTH: f64 = 365.25 / 12.0;
/// Average hours in a month.
pub const HOURS_PER_MONTH: f64 = DAYS_PER_MONTH * 24.0;
/// Months in a year, for converting annual rates.
pub const MONTHS_PER_YEAR: f64 = 12.0;
/// Hours in a day.
pub const HOURS_PER_DAY: f64 = 24.0;
/// Watts in a megawatt.
pub const W_PER_MW: f64 = 1.0e6;
/// Terahashes in a petahash.
pub const TH_PER_PH: f64 = 1.0e3;
/// Petahashes in an exahash.
pub const PH_PER_EH: f64 = 1.0e3;
/// Terahashes per second in an exahash per second.
pub const TH_PER_EH: f64 = 1.0e6;
/// Bitcoin in the unit of the forced-sale impact (10,000 BTC).
pub const BTC_PER_10K: f64 = 1.0e4;
/// Blocks mined per day (one every ten minutes on average): a protocol constant.
pub const BLOCKS_PER_DAY: f64 = 144.0;

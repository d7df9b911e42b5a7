//! What a run returns: the headline results, one entry per operator archetype, and
//! the monthly series the charts draw. All numbers are finite `f64` or small
//! integers, so the outcome is safe for JSON and serde-wasm-bindgen.

use crate::YearMonth;
use serde::Serialize;

/// The result of one deterministic run of the model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Months from the start until the first liquidity squeeze of any operator
    /// (0 = the first month), `None` if none within the horizon.
    pub squeeze_month: Option<u32>,
    /// The calendar month of the first squeeze.
    pub squeeze_date: Option<YearMonth>,
    /// Share (0–1) of converted AI megawatts held by operators in distress at the end.
    pub distressed_capacity_share: f64,
    /// Bitcoin sold by squeezed operators, in BTC.
    pub forced_btc_sales: f64,
    /// The lowest bitcoin price over the horizon, in US dollars.
    pub btc_price_trough_usd: f64,
    /// The cash squeezed operators lacked to meet their obligations, summed over
    /// the horizon, in US dollars.
    pub funding_gap_usd: f64,
    /// One entry per operator archetype.
    pub miners: Vec<MinerOutcome>,
    /// Monthly series for the charts.
    pub series: Series,
}

/// The result for one operator archetype.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinerOutcome {
    /// Stable id of the archetype (`"landlord"`, …).
    pub archetype: &'static str,
    /// The archetype's name as readers see it.
    pub name: &'static str,
    /// Months from the start until this operator's first squeeze.
    pub squeeze_month: Option<u32>,
    /// The calendar month of this operator's first squeeze.
    pub squeeze_date: Option<YearMonth>,
    /// Megawatts converted (or being converted) to AI.
    pub ai_mw: f64,
    /// Cash at the end of each month, in US dollars (negative once squeezed and
    /// unfunded).
    pub cash_usd: Vec<f64>,
    /// Interest and principal due each month, in US dollars.
    pub debt_service_usd: Vec<f64>,
    /// Bitcoin this operator sold under pressure, in BTC.
    pub forced_btc_sales: f64,
}

/// Monthly series, one value per month of the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// The calendar months, from the start.
    pub months: Vec<YearMonth>,
    /// Bitcoin price, US dollars.
    pub btc_price_usd: Vec<f64>,
    /// Hashprice: mining revenue per PH/s per day, US dollars.
    pub hashprice_usd_per_ph_day: Vec<f64>,
    /// Utilisation of AI-ready capacity, 0–1.
    pub ai_utilisation: Vec<f64>,
    /// Rate of uncontracted (spot) AI capacity, US dollars per MW per year.
    pub spot_rate_usd_per_mw_year: Vec<f64>,
    /// AI revenue of all operators, US dollars per month.
    pub ai_revenue_usd: Vec<f64>,
    /// Mining revenue of all operators, US dollars per month.
    pub mining_revenue_usd: Vec<f64>,
}

impl Outcome {
    /// AI revenue over the whole horizon, in US dollars.
    pub fn total_ai_revenue_usd(&self) -> f64 {
        self.series.ai_revenue_usd.iter().sum()
    }
}

//! The monthly simulation.
//!
//! First version: one representative leveraged hybrid operator (mining plus a
//! contracted AI build-out), enough for every headline lever to move the outcome
//! in the right direction. The full causal chain of the model notes grows here
//! behind the same `run(&Scenario) -> Outcome` signature.

use crate::{MinerOutcome, Outcome, Scenario, Series, YearMonth};

/// Months simulated: 2026-01 to 2030-12, Bain's horizon.
const HORIZON_MONTHS: u32 = 60;
const DAYS_PER_MONTH: f64 = 365.25 / 12.0;
const HOURS_PER_MONTH: f64 = DAYS_PER_MONTH * 24.0;

/// Expected AI compute demand in 2030 as a multiple of 2025 (Bain: ~200 GW of new
/// AI compute by 2030 on a base of roughly 60 GW; an estimate).
const DEMAND_GROWTH_TO_2030: f64 = 3.0;
/// Years for the accelerator fleet to renew (depreciation life, estimate).
const FLEET_RENEWAL_MONTHS: f64 = 48.0;
/// Convexity of the spot rate in utilisation: spot = lease × utilisation^k.
const SPOT_RATE_CONVEXITY: f64 = 4.0;
/// Lease rate per MW of critical IT per year: Cipher–Fluidstack ~$3B / 10 y / 168 MW.
const LEASE_RATE_USD_PER_MW_YEAR: f64 = 1.8e6;

/// Bitcoin price at the start, late Nov 2025 (~$81k–86k).
const BTC_PRICE_START_USD: f64 = 85_000.0;
/// How far a full AI demand slowdown drags bitcoin (risk-asset correlation; seed:
/// bitcoin −17% with the AI sell-off). Estimate.
const BTC_AI_SENTIMENT: f64 = 0.3;
const BLOCK_SUBSIDY_BTC: f64 = 3.125;
const FEES_PER_BLOCK_BTC: f64 = 0.03;
const BLOCKS_PER_DAY: f64 = 144.0;
/// Network hashrate, 7-day average ~930 EH/s on 3 Nov 2025, in PH/s.
const NETWORK_HASHRATE_PH: f64 = 1.0e6;
/// Modern fleet efficiency, joules per terahash.
const FLEET_J_PER_TH: f64 = 18.0;

/// The representative operator's starting balance sheet (estimate).
const MINING_MW: f64 = 300.0;
const AI_MW: f64 = 200.0;
const CONVERSION_CAPEX_USD_PER_MW: f64 = 10.0e6;
const BUILD_MONTHS: u32 = 18;
const START_CASH_USD: f64 = 400.0e6;
const START_BTC: f64 = 2_000.0;
const OPEX_USD_PER_MW_MONTH: f64 = 15_000.0;
/// Months over which build-out debt amortises once the build is done.
const AMORTISATION_MONTHS: f64 = 84.0;

/// Runs the model for one scenario. Deterministic: the same scenario always gives
/// the same outcome. Out-of-range levers are clamped first, so this cannot fail.
pub fn run(scenario: &Scenario) -> Outcome {
    let s = scenario.clamped();
    let start = YearMonth::new(2026, 1);
    let mut series = Series {
        months: Vec::new(),
        btc_price_usd: Vec::new(),
        hashprice_usd_per_ph_day: Vec::new(),
        ai_utilisation: Vec::new(),
        spot_rate_usd_per_mw_year: Vec::new(),
        ai_revenue_usd: Vec::new(),
        mining_revenue_usd: Vec::new(),
    };
    let mut cash_series = Vec::new();
    let mut debt_service_series = Vec::new();

    let mining_ph = MINING_MW * 1e6 / FLEET_J_PER_TH / 1e3;
    let mut cash = START_CASH_USD;
    let mut btc_held = START_BTC;
    let mut debt = 0.0;
    let mut squeeze_month = None;
    let mut forced_btc_sales = 0.0;
    let mut funding_gap_usd: f64 = 0.0;
    let mut btc_trough = f64::INFINITY;

    for month in 0..HORIZON_MONTHS {
        let t = f64::from(month + 1);
        // 1–3. Demand, chip throughput and utilisation.
        let expected_growth = DEMAND_GROWTH_TO_2030.powf(t / f64::from(HORIZON_MONTHS));
        let demand = 1.0 + (expected_growth - 1.0) * (1.0 - s.ai_demand_slowdown);
        let efficiency = |chip: f64| 1.0 + (chip - 1.0) * (t / FLEET_RENEWAL_MONTHS).min(1.0);
        let mw_needed = demand * efficiency(s.chip_throughput).powf(s.demand_elasticity - 1.0);
        let defaults = Scenario::default();
        let mw_built = expected_growth
            * efficiency(defaults.chip_throughput).powf(defaults.demand_elasticity - 1.0);
        let utilisation = (mw_needed / mw_built).min(1.0);
        let spot_rate = LEASE_RATE_USD_PER_MW_YEAR * utilisation.powf(SPOT_RATE_CONVEXITY);

        // 4. AI revenue from the MW built so far.
        let built_share = (t / f64::from(BUILD_MONTHS)).min(1.0);
        let live_mw = AI_MW * built_share;
        let ai_revenue = live_mw
            * (s.contracted_share * LEASE_RATE_USD_PER_MW_YEAR
                + (1.0 - s.contracted_share) * utilisation * spot_rate)
            / 12.0;

        // 5. Mining revenue.
        let btc_price = BTC_PRICE_START_USD
            * (1.0 + s.btc_price_shock)
            * (1.0 - BTC_AI_SENTIMENT * s.ai_demand_slowdown);
        btc_trough = btc_trough.min(btc_price);
        let hashprice = btc_price * (BLOCK_SUBSIDY_BTC + FEES_PER_BLOCK_BTC) * BLOCKS_PER_DAY
            / NETWORK_HASHRATE_PH;
        let power_cost = MINING_MW * HOURS_PER_MONTH * s.power_price_usd_per_mwh;
        let mining_revenue = hashprice * mining_ph * DAYS_PER_MONTH;

        // 6. Balance sheet: capex during the build, funded `miner_leverage` by debt.
        let capex = if month < BUILD_MONTHS {
            AI_MW * CONVERSION_CAPEX_USD_PER_MW / f64::from(BUILD_MONTHS)
        } else {
            0.0
        };
        debt += capex * s.miner_leverage;
        let interest = debt * s.interest_rate / 12.0;
        let build_debt = AI_MW * CONVERSION_CAPEX_USD_PER_MW * s.miner_leverage;
        let principal = if month >= BUILD_MONTHS {
            debt.min(build_debt / AMORTISATION_MONTHS)
        } else {
            0.0
        };
        debt -= principal;
        let opex = (MINING_MW + live_mw) * OPEX_USD_PER_MW_MONTH;
        // The equity share of capex is raised from shareholders or tenants, not
        // paid out of cash on hand.
        cash += ai_revenue + mining_revenue - power_cost - opex - interest - principal;

        // 7. Squeeze: obligations not met from cash plus sellable bitcoin.
        if cash < 0.0 {
            let needed_btc = -cash / btc_price;
            let sold = btc_held.min(needed_btc);
            btc_held -= sold;
            // Exactly zero when the sale covers the gap: no rounding dust may
            // count as a squeeze.
            cash = if sold < needed_btc {
                cash + sold * btc_price
            } else {
                0.0
            };
            if cash < 0.0 {
                squeeze_month.get_or_insert(month);
                funding_gap_usd += -cash;
                forced_btc_sales += sold;
            }
        }

        series.months.push(start.plus_months(month));
        series.btc_price_usd.push(btc_price);
        series.hashprice_usd_per_ph_day.push(hashprice);
        series.ai_utilisation.push(utilisation);
        series.spot_rate_usd_per_mw_year.push(spot_rate);
        series.ai_revenue_usd.push(ai_revenue);
        series.mining_revenue_usd.push(mining_revenue);
        cash_series.push(cash);
        debt_service_series.push(interest + principal);
    }

    let squeeze_date = squeeze_month.map(|m| start.plus_months(m));
    Outcome {
        squeeze_month,
        squeeze_date,
        distressed_capacity_share: if squeeze_month.is_some() { 1.0 } else { 0.0 },
        forced_btc_sales,
        btc_price_trough_usd: btc_trough,
        funding_gap_usd,
        miners: vec![MinerOutcome {
            archetype: "hybrid",
            name: "Leveraged hybrid miner",
            squeeze_month,
            squeeze_date,
            ai_mw: AI_MW,
            cash_usd: cash_series,
            debt_service_usd: debt_service_series,
            forced_btc_sales,
        }],
        series,
    }
}

//! The two markets every operator faces, as pure functions of the month and the
//! scenario: AI compute (demand, capacity, utilisation, spot rates, GPU rental
//! prices) and bitcoin (price path, block reward, hashprice).
//!
//! Units: compute is measured in GW of 2025-vintage accelerators, so chip throughput
//! is a plain multiplier; money in US dollars; hashrate in EH/s.

use crate::assumptions::*;
use crate::{Era, Scenario};

/// Compute per watt of the installed accelerator fleet relative to 2025, as new chips
/// of `chip_throughput` replace old ones evenly over the fleet's renewal period.
pub(crate) fn fleet_efficiency(month: u32, chip_throughput: f64) -> f64 {
    let renewed_share = (f64::from(month + 1) / FLEET_RENEWAL_MONTHS).min(1.0);
    1.0 + (chip_throughput - 1.0) * renewed_share
}

/// The AI compute market in one month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct AiMarket {
    /// Power needed by AI compute demand, GW.
    pub demand_gw: f64,
    /// AI-ready capacity built (committed build-outs), GW.
    pub capacity_gw: f64,
    /// Demand / capacity, capped at 1.
    pub utilisation: f64,
    /// Rate of uncontracted capacity, $ per MW per year.
    pub spot_rate_usd_per_mw_year: f64,
    /// Rental price of a 2025-vintage GPU relative to 2025 (1 = unchanged).
    pub gpu_price_index: f64,
}

/// The AI market in `month` (0 = the era's first month).
///
/// Expected demand grows geometrically from the 2025 base to the 2030 figure (Bain's
/// path); committed capacity follows that path. The slowdown removes its share of the
/// expected growth in compute; faster chips then need fewer GW for the same compute,
/// while cheaper compute raises demand with the given elasticity (Jevons).
///
/// `demand_log_deviation` moves demand by the factor exp(deviation): a Monte Carlo
/// shock, 0 on the scenario's own path. Capacity does not move with it: it was
/// committed for the expected path.
pub(crate) fn ai_market(month: u32, s: &Scenario, demand_log_deviation: f64) -> AiMarket {
    let elapsed_share = f64::from(month + 1) / f64::from(HORIZON_MONTHS);
    let expected_gw = AI_DEMAND_2025_GW * (AI_DEMAND_2030_GW / AI_DEMAND_2025_GW).powf(elapsed_share);
    // The expected path already counts on the expected (default) chip progress.
    let expected_efficiency = fleet_efficiency(month, Scenario::BASE.chip_throughput);
    let efficiency = fleet_efficiency(month, s.chip_throughput);
    let expected_compute = expected_gw * expected_efficiency;
    let compute = AI_DEMAND_2025_GW + (expected_compute - AI_DEMAND_2025_GW) * (1.0 - s.ai_demand_slowdown);
    let compute = compute * (efficiency / expected_efficiency).powf(s.demand_elasticity);
    let demand_gw = compute / efficiency * demand_log_deviation.exp();
    let capacity_gw = expected_gw;
    let utilisation = (demand_gw / capacity_gw).min(1.0);
    let scarcity = utilisation.powf(SPOT_RATE_CONVEXITY);
    AiMarket {
        demand_gw,
        capacity_gw,
        utilisation,
        spot_rate_usd_per_mw_year: LEASE_RATE_USD_PER_MW_YEAR * scarcity,
        gpu_price_index: scarcity / efficiency,
    }
}

/// Probability that an (unbackstopped) AI tenant fails in a month, given utilisation.
pub(crate) fn tenant_default_per_month(utilisation: f64) -> f64 {
    let slack = 1.0 - utilisation;
    let per_year = TENANT_DEFAULT_BASE_PER_YEAR
        + (1.0 - TENANT_DEFAULT_BASE_PER_YEAR) * TENANT_DEFAULT_STRESS_SHARE * slack * slack;
    1.0 - (1.0 - per_year).powf(1.0 / MONTHS_PER_YEAR)
}

/// Block subsidy plus fees in `month`, BTC per block; the subsidy halves at the era's
/// halving.
pub(crate) fn block_reward_btc(era: Era, month: u32) -> f64 {
    let halvings = if month >= era.halving_month() { 2.0 } else { 1.0 };
    era.block_subsidy_btc() / halvings + era.fees_per_block_btc()
}

/// The block subsidy alone in `month`, BTC per block.
pub(crate) fn block_subsidy_btc(era: Era, month: u32) -> f64 {
    block_reward_btc(era, month) - era.fees_per_block_btc()
}

/// Hashprice: what one PH/s of mining earns in a day, $.
/// hashprice = price × reward per block × blocks per day / network hashrate.
pub(crate) fn hashprice_usd_per_ph_day(btc_price_usd: f64, reward_btc: f64, network_eh: f64) -> f64 {
    btc_price_usd * reward_btc * BLOCKS_PER_DAY / (network_eh * PH_PER_EH)
}

/// The power bill of one PH/s for a day at `j_per_th` and `usd_per_mwh`, $.
pub(crate) fn power_cost_usd_per_ph_day(j_per_th: f64, usd_per_mwh: f64) -> f64 {
    let mw_per_ph = j_per_th * TH_PER_PH / W_PER_MW;
    mw_per_ph * HOURS_PER_DAY * usd_per_mwh
}

/// Hashrate (PH/s) of `mining_mw` of machines at `j_per_th`.
pub(crate) fn mining_ph(mining_mw: f64, j_per_th: f64) -> f64 {
    mining_mw * W_PER_MW / j_per_th / TH_PER_PH
}

/// The bitcoin price in `month` before forced sales feed back into it, $.
///
/// History where the era replays one; after it (or from the late-2025 anchor) the
/// median path of a price with no expected gain or loss, which drifts down by
/// exp(−σ²t/2) as volatility σ rises. The one-off shock scales the whole path, and an
/// AI slowdown drags it down as risk assets move together.
pub(crate) fn btc_price_before_feedback(era: Era, s: &Scenario, month: u32) -> f64 {
    let history = era.btc_history_usd();
    let (base_usd, months_on_own_path) = match history.get(month as usize) {
        Some(&close) => (close, 0),
        None => match history.last() {
            Some(&last) => (last, month + 1 - history.len() as u32),
            None => (era.btc_anchor_usd(), month + 1),
        },
    };
    let years = f64::from(months_on_own_path) / MONTHS_PER_YEAR;
    let median_drift = (-0.5 * s.btc_volatility * s.btc_volatility * years).exp();
    let ramp = (f64::from(month + 1) / BTC_AI_SENTIMENT_RAMP_MONTHS).min(1.0);
    let sentiment = 1.0 - BTC_AI_SENTIMENT_AT_FULL_SLOWDOWN * s.ai_demand_slowdown * ramp;
    base_usd * (1.0 + s.btc_price_shock) * median_drift * sentiment
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_case_market_is_tight_and_spot_equals_lease() {
        let s = Scenario::BASE;
        for month in 0..HORIZON_MONTHS {
            let m = ai_market(month, &s, 0.0);
            assert!((m.utilisation - 1.0).abs() < 1e-9, "month {month}: {m:?}");
            assert!((m.spot_rate_usd_per_mw_year - LEASE_RATE_USD_PER_MW_YEAR).abs() < 1e-3);
        }
    }

    #[test]
    fn spot_rate_is_convex_in_utilisation() {
        let rate = |slowdown| {
            ai_market(
                HORIZON_MONTHS - 1,
                &Scenario {
                    ai_demand_slowdown: slowdown,
                    ..Scenario::BASE
                },
                0.0,
            )
            .spot_rate_usd_per_mw_year
        };
        let (a, b, c) = (rate(0.2), rate(0.4), rate(0.6));
        assert!(a > b && b > c);
        assert!(a - b > b - c, "falls steeply first, then flattens");
    }

    #[test]
    fn tenant_default_rises_as_utilisation_falls() {
        assert!(tenant_default_per_month(0.5) > tenant_default_per_month(0.9));
        assert!(tenant_default_per_month(0.0) < 1.0 && tenant_default_per_month(1.0) > 0.0);
    }

    #[test]
    fn halving_halves_the_subsidy() {
        let era = Era::Late2025;
        let h = era.halving_month();
        assert_eq!(block_subsidy_btc(era, h - 1), 3.125);
        assert_eq!(block_subsidy_btc(era, h), 1.5625);
    }

    #[test]
    fn power_cost_matches_hand_calculation() {
        // 1 PH/s at 20 J/TH draws 20 kW: 0.48 MWh a day, $24 at $50/MWh.
        assert!((power_cost_usd_per_ph_day(20.0, 50.0) - 24.0).abs() < 1e-9);
        assert!((mining_ph(1.0, 20.0) - 50.0).abs() < 1e-9);
    }

    #[test]
    fn replay_follows_history_then_its_own_path() {
        let s = Scenario {
            era: Era::Crypto2022,
            ..Scenario::BASE
        };
        assert_eq!(
            btc_price_before_feedback(Era::Crypto2022, &s, 5),
            BTC_MONTHLY_CLOSE_2022_USD[5]
        );
        assert!(btc_price_before_feedback(Era::Crypto2022, &s, 12) < BTC_MONTHLY_CLOSE_2022_USD[11]);
    }
}

//! The two markets every company faces, as pure functions of the month, the
//! scenario and the data's market and assumptions: AI compute (demand, capacity,
//! utilisation, spot rates, GPU rental prices) and bitcoin (price path, block
//! reward, hashprice).
//!
//! Units: compute is measured in GW of 2025-vintage accelerators, so chip throughput
//! is a plain multiplier; money in US dollars; hashrate in EH/s.

use crate::data::{AssumptionValues, Dataset, MarketValues};
use crate::units::*;
use crate::{Scenario, YearMonth};

/// What the engine reads from a dataset, as plain numbers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params {
    pub data: &'static Dataset,
    pub market: MarketValues,
    pub a: AssumptionValues,
    pub start: YearMonth,
    pub months: u32,
    /// Months from the start until the block subsidy halves.
    pub halving_month: u32,
    /// Months from the start until the end of 2030, when AI demand reaches its
    /// expected 2030 level (Bain's horizon).
    pub ai_path_months: u32,
    /// Bitcoin's replayed monthly closes (empty when the era replays none).
    pub history: &'static [f64],
    /// ln(2030 AI demand / 2025 AI demand): the expected path's growth, once.
    pub ln_ai_growth: f64,
}

impl Params {
    pub(crate) fn new(data: &'static Dataset) -> Self {
        Params {
            data,
            market: data.market.values(),
            a: data.assumptions.values(),
            start: data.start,
            months: data.months,
            halving_month: data.start.months_until(data.halving),
            ai_path_months: data.start.months_until(YearMonth::new(2030, 12)) + 1,
            history: data.btc_history_usd.as_deref().unwrap_or(&[]),
            ln_ai_growth: (data.assumptions.ai_demand_2030_gw.figure.value
                / data.assumptions.ai_demand_2025_gw.figure.value)
                .ln(),
        }
    }

    /// The bitcoin price at the start, $ (the first replayed close, or the anchor).
    pub(crate) fn btc_start_usd(&self) -> f64 {
        self.history.first().copied().unwrap_or(self.market.btc_price_usd)
    }
}

/// Compute per watt of the installed accelerator fleet relative to 2025, as new chips
/// of `chip_throughput` replace old ones evenly over the fleet's renewal period.
pub(crate) fn fleet_efficiency(month: u32, chip_throughput: f64, p: &Params) -> f64 {
    let renewed_share = (f64::from(month + 1) / p.a.fleet_renewal_months).min(1.0);
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

/// The AI market in `month` (0 = the data's first month).
///
/// Expected demand grows geometrically from the 2025 base to the 2030 figure (Bain's
/// path); committed capacity follows that path. The slowdown removes its share of the
/// expected growth in compute; faster chips then need fewer GW for the same compute,
/// while cheaper compute raises demand with the given elasticity (Jevons).
///
/// `demand_log_deviation` moves demand by the factor exp(deviation): a Monte Carlo
/// shock, 0 on the scenario's own path. Capacity does not move with it: it was
/// committed for the expected path.
pub(crate) fn ai_market(month: u32, s: &Scenario, demand_log_deviation: f64, p: &Params) -> AiMarket {
    let a = &p.a;
    let elapsed_share = (f64::from(month + 1) / f64::from(p.ai_path_months)).min(1.0);
    let expected_gw = a.ai_demand_2025_gw * (p.ln_ai_growth * elapsed_share).exp();
    // The expected path already counts on the expected (default) chip progress.
    let expected_efficiency = fleet_efficiency(month, Scenario::BASE.chip_throughput, p);
    let efficiency = fleet_efficiency(month, s.chip_throughput, p);
    let expected_compute = expected_gw * expected_efficiency;
    let compute = a.ai_demand_2025_gw + (expected_compute - a.ai_demand_2025_gw) * (1.0 - s.ai_demand_slowdown);
    let compute = compute * (efficiency / expected_efficiency).powf(s.demand_elasticity);
    let demand_gw = compute / efficiency * demand_log_deviation.exp();
    let capacity_gw = expected_gw;
    let utilisation = (demand_gw / capacity_gw).min(1.0);
    let scarcity = utilisation.powf(a.spot_rate_convexity);
    AiMarket {
        demand_gw,
        capacity_gw,
        utilisation,
        spot_rate_usd_per_mw_year: a.lease_rate_usd_per_mw_year * scarcity,
        gpu_price_index: scarcity / efficiency,
    }
}

/// Probability that an AI tenant of average risk fails in a month, given utilisation.
pub(crate) fn tenant_default_per_month(utilisation: f64, a: &AssumptionValues) -> f64 {
    let slack = 1.0 - utilisation;
    let per_year = a.tenant_default_base_per_year
        + (1.0 - a.tenant_default_base_per_year) * a.tenant_default_stress_share * slack * slack;
    // 1 − (1 − p)^(1/12), written so it stays exact for small p.
    -((-per_year).ln_1p() / MONTHS_PER_YEAR).exp_m1()
}

/// Block subsidy plus fees in `month`, BTC per block; the subsidy halves at the
/// data's halving.
pub(crate) fn block_reward_btc(month: u32, p: &Params) -> f64 {
    block_subsidy_btc(month, p) + p.market.fees_per_block_btc
}

/// The block subsidy alone in `month`, BTC per block.
pub(crate) fn block_subsidy_btc(month: u32, p: &Params) -> f64 {
    let halvings = if month >= p.halving_month { 2.0 } else { 1.0 };
    p.market.block_subsidy_btc / halvings
}

/// The power bill of one PH/s for a day at `j_per_th` and `usd_per_mwh`, $.
pub(crate) fn power_cost_usd_per_ph_day(j_per_th: f64, usd_per_mwh: f64) -> f64 {
    let mw_per_ph = j_per_th * TH_PER_PH / W_PER_MW;
    mw_per_ph * HOURS_PER_DAY * usd_per_mwh
}

/// Power drawn by `hashrate_eh` of machines at `j_per_th`, MW.
pub(crate) fn mining_mw(hashrate_eh: f64, j_per_th: f64) -> f64 {
    hashrate_eh * TH_PER_EH * j_per_th / W_PER_MW
}

/// The AI-sentiment factor on risk assets in `month`: 1 with no slowdown, falling to
/// 1 − `btc_ai_sentiment_at_full_slowdown` × slowdown over the ramp.
pub(crate) fn ai_sentiment(month: u32, s: &Scenario, p: &Params) -> f64 {
    let ramp = (f64::from(month + 1) / p.a.btc_ai_sentiment_ramp_months).min(1.0);
    1.0 - p.a.btc_ai_sentiment_at_full_slowdown * s.ai_demand_slowdown * ramp
}

/// The bitcoin price in `month` before forced sales feed back into it, $: the
/// central path.
///
/// History where the data replays one; after it (or from the late-2025 price) the
/// last price, growing by the reader's trend (0 by default: the model does not
/// forecast bitcoin). Volatility does not move it: it lives in the Monte Carlo,
/// whose paths average to this path. The one-off shock scales the whole path, and
/// an AI slowdown drags it down as risk assets move together.
pub(crate) fn btc_price_before_feedback(s: &Scenario, month: u32, p: &Params) -> f64 {
    let history = p.history;
    let (base_usd, months_on_own_path) = match history.get(month as usize) {
        Some(&close) => (close, 0),
        None => match history.last() {
            Some(&last) => (last, month + 1 - history.len() as u32),
            None => (p.market.btc_price_usd, month + 1),
        },
    };
    let years = f64::from(months_on_own_path) / MONTHS_PER_YEAR;
    let trend = (1.0 + s.btc_trend).powf(years);
    base_usd * (1.0 + s.btc_price_shock) * trend * ai_sentiment(month, s, p)
}

/// How open credit and equity markets are to miners, from 0 (shut) to 1 (open), by
/// how far bitcoin has fallen from its high of the past year: open while the
/// drawdown is under `credit_open_below_drawdown`, shut beyond
/// `credit_shut_beyond_drawdown`, in proportion between (in 2022 miners borrowed in
/// the spring at a ~45% drawdown and could not from the summer, at ~70%; in late
/// 2025, ~30% below October's record, they sold billions of notes).
pub(crate) fn credit_openness(btc_price_usd: f64, high_usd: f64, a: &AssumptionValues) -> f64 {
    if high_usd <= 0.0 {
        return 1.0;
    }
    let drawdown = (1.0 - btc_price_usd / high_usd).max(0.0);
    let (open, shut) = (a.credit_open_below_drawdown, a.credit_shut_beyond_drawdown);
    if shut <= open {
        return if drawdown < shut { 1.0 } else { 0.0 };
    }
    ((shut - drawdown) / (shut - open)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dataset, Era};

    fn late() -> Params {
        Params::new(Dataset::for_era(Era::Late2025))
    }

    #[test]
    fn base_case_market_is_tight_and_spot_equals_lease() {
        let (s, p) = (Scenario::BASE, late());
        for month in 0..p.months {
            let m = ai_market(month, &s, 0.0, &p);
            assert!((m.utilisation - 1.0).abs() < 1e-9, "month {month}: {m:?}");
            assert!((m.spot_rate_usd_per_mw_year - p.a.lease_rate_usd_per_mw_year).abs() < 1e-3);
        }
    }

    #[test]
    fn spot_rate_is_convex_in_utilisation() {
        let p = late();
        let rate = |slowdown| {
            let s = Scenario {
                ai_demand_slowdown: slowdown,
                ..Scenario::BASE
            };
            ai_market(p.months - 1, &s, 0.0, &p).spot_rate_usd_per_mw_year
        };
        let (a, b, c) = (rate(0.2), rate(0.4), rate(0.6));
        assert!(a > b && b > c);
        assert!(a - b > b - c, "falls steeply first, then flattens");
    }

    #[test]
    fn tenant_default_rises_as_utilisation_falls() {
        let a = late().a;
        assert!(tenant_default_per_month(0.5, &a) > tenant_default_per_month(0.9, &a));
        assert!(tenant_default_per_month(0.0, &a) < 1.0 && tenant_default_per_month(1.0, &a) > 0.0);
    }

    #[test]
    fn halving_halves_the_subsidy_in_april_2028() {
        let p = late();
        let h = p.halving_month;
        assert_eq!(p.start.plus_months(h), YearMonth::new(2028, 4));
        assert_eq!(block_subsidy_btc(h - 1, &p), 3.125);
        assert_eq!(block_subsidy_btc(h, &p), 1.5625);
    }

    #[test]
    fn power_cost_and_mining_power_match_hand_calculations() {
        // 1 PH/s at 20 J/TH draws 20 kW: 0.48 MWh a day, $24 at $50/MWh.
        assert!((power_cost_usd_per_ph_day(20.0, 50.0) - 24.0).abs() < 1e-9);
        // 10 EH/s at 20 J/TH: 1e7 TH/s × 20 W = 200 MW.
        assert!((mining_mw(10.0, 20.0) - 200.0).abs() < 1e-9);
    }

    #[test]
    fn the_central_path_is_flat_without_a_trend_whatever_the_volatility() {
        let p = late();
        for volatility in [0.1, 0.45, 1.2] {
            let s = Scenario {
                btc_volatility: volatility,
                ..Scenario::BASE
            };
            for month in [0, 24, 59] {
                assert_eq!(
                    btc_price_before_feedback(&s, month, &p),
                    p.market.btc_price_usd,
                    "{volatility} {month}"
                );
            }
        }
        let rising = Scenario {
            btc_trend: 0.1,
            ..Scenario::BASE
        };
        let two_years = btc_price_before_feedback(&rising, 23, &p);
        assert!((two_years / p.market.btc_price_usd - 1.21).abs() < 1e-9, "{two_years}");
    }

    #[test]
    fn replay_follows_history_then_its_own_path() {
        let p = Params::new(Dataset::for_era(Era::Crypto2022));
        let s = Scenario {
            era: Era::Crypto2022,
            ..Scenario::BASE
        };
        assert_eq!(btc_price_before_feedback(&s, 5, &p), p.history[5]);
        let last = p.history.len() as u32;
        assert_eq!(btc_price_before_feedback(&s, last, &p), p.history[last as usize - 1]);
    }
}

#[cfg(test)]
mod openness_tests {
    use super::credit_openness;
    use crate::{Dataset, Era};

    #[test]
    fn markets_are_open_near_the_high_and_shut_after_a_crash() {
        let a = Dataset::for_era(Era::Crypto2022).assumptions.values();
        let high = 68_790.0;
        assert_eq!(credit_openness(high, high, &a), 1.0);
        assert_eq!(credit_openness(0.9 * high, high, &a), 1.0, "a 10% dip");
        let spring = credit_openness(37_714.0, high, &a); // April 2022, −45%
        assert!(spring > 0.0 && spring < 1.0, "{spring}");
        assert_eq!(credit_openness(19_785.0, high, &a), 0.0, "June 2022, −71%: shut");
        let mut last = 1.0;
        for price in (0..=70).map(|k| high * (1.0 - f64::from(k) / 100.0)) {
            let o = credit_openness(price, high, &a);
            assert!(o <= last, "openness falls as bitcoin falls");
            last = o;
        }
    }
}

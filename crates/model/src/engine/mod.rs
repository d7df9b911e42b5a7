//! The monthly simulation: markets first, then each company's books, then the
//! feedback of forced bitcoin sales into next month's price.
//!
//! Order within a month:
//! 1. AI market: demand, capacity, utilisation, spot rate (`market::ai_market`);
//!    every AI tenant's survival moves on at that utilisation (`tenants.rs`).
//! 2. Bitcoin: the price before feedback, the network hashrate (partial adjustment
//!    towards the hashrate the lagged price supports), forced-sale feedback, hashprice.
//! 3. Each company: build-out and its funding, mining, leases, debt, then the
//!    liquidity test (`company.rs`, `sites.rs`, `debt.rs`).
//! 4. Bitcoin sold under pressure this month lowers the price from next month on.

mod company;
mod debt;
mod sites;
mod tenants;

pub(crate) use company::Operator;

use crate::data::{Dataset, MODEL_VERSION};
use crate::market::{self, AiMarket, Params};
use crate::network::{Network, NetworkInputs};
use crate::outcome::{MinerOutcome, Outcome, Series};
use crate::shocks::ShockPath;
use crate::units::{BTC_PER_10K, MONTHS_PER_YEAR};
use crate::Scenario;
use company::MonthPrices;
use tenants::Tenants;

/// Runs the model for one scenario on the embedded data of its era. Deterministic:
/// the same scenario always gives the same outcome. Out-of-range levers are clamped
/// first, so this cannot fail.
///
/// ```
/// use squeeze_model::{run, Scenario};
/// let outcome = run(&Scenario::default());
/// assert_eq!(outcome.series.months.len(), 60); // 2026-01 to 2030-12
/// assert!(outcome.miner("terawulf").is_some());
/// ```
pub fn run(scenario: &Scenario) -> Outcome {
    run_on(Dataset::for_era(scenario.era), scenario)
}

/// Runs the model for one scenario on `data` (an edited data file, say). The
/// scenario's era is ignored: the data says which era it describes.
pub fn run_on(data: &'static Dataset, scenario: &Scenario) -> Outcome {
    run_with_shocks_on(data, scenario, &ShockPath::none())
}

/// Runs the model along one possible future: the scenario's deterministic path
/// moved by `shocks` (a bitcoin price deviation, an AI demand deviation and discrete
/// tenant failures; see [`ShockPath`]). `run(s)` is `run_with_shocks(s,
/// &ShockPath::none())`. The Monte Carlo draws the same engine many times; this
/// returns the full outcome of one of its paths, e.g. to draw a sample future.
///
/// ```
/// use squeeze_model::{run_with_shocks, Scenario, ShockPath};
/// let s = Scenario::default();
/// let one_future = run_with_shocks(&s, &ShockPath::draw(&s, 1, 0));
/// assert_eq!(one_future.series.months.len(), 60);
/// ```
pub fn run_with_shocks(scenario: &Scenario, shocks: &ShockPath) -> Outcome {
    run_with_shocks_on(Dataset::for_era(scenario.era), scenario, shocks)
}

/// [`run_with_shocks`] on `data`.
pub fn run_with_shocks_on(data: &'static Dataset, scenario: &Scenario, shocks: &ShockPath) -> Outcome {
    let s = Scenario {
        era: data.era,
        ..scenario.clamped()
    };
    let p = Params::new(data);
    let mut recorder = FullRecord {
        p,
        series: Series::with_capacity(p.months as usize),
    };
    let operators = simulate(&s, &p, shocks, &mut recorder);
    let miners: Vec<MinerOutcome> = operators.into_iter().map(|op| op.finish(p.start)).collect();
    summarise(&s, &p, miners, recorder.series)
}

/// The markets in one month, as the recorders see them.
pub(crate) struct MarketMonth {
    pub ai: AiMarket,
    pub btc_price: f64,
    pub hashprice: f64,
    pub network_eh: f64,
    pub ai_revenue_usd: f64,
    pub mining_revenue_usd: f64,
    pub forced_btc: f64,
}

/// Whoever keeps what a run produces: the full [`Outcome`] series, or only what the
/// Monte Carlo statistics need.
pub(crate) trait Recorder {
    /// Whether companies keep their full monthly accounts, events and cash series.
    const FULL_ACCOUNTS: bool;
    /// Called once at the end of every month, after every company has moved.
    fn record_month(&mut self, month: u32, market: &MarketMonth, operators: &[Operator]);
}

/// Records everything the [`Outcome`] reports.
struct FullRecord {
    p: Params,
    series: Series,
}

impl Recorder for FullRecord {
    const FULL_ACCOUNTS: bool = true;

    fn record_month(&mut self, month: u32, m: &MarketMonth, _: &[Operator]) {
        let series = &mut self.series;
        series.months.push(self.p.start.plus_months(month));
        series.btc_price_usd.push(m.btc_price);
        series.hashprice_usd_per_ph_day.push(m.hashprice);
        series.network_hashrate_eh.push(m.network_eh);
        series.block_subsidy_btc.push(market::block_subsidy_btc(month, &self.p));
        series.ai_utilisation.push(m.ai.utilisation);
        series.ai_demand_gw.push(m.ai.demand_gw);
        series.ai_capacity_gw.push(m.ai.capacity_gw);
        series.spot_rate_usd_per_mw_year.push(m.ai.spot_rate_usd_per_mw_year);
        series
            .lease_rate_usd_per_mw_year
            .push(self.p.a.lease_rate_usd_per_mw_year);
        series.gpu_price_index.push(m.ai.gpu_price_index);
        series.ai_revenue_usd.push(m.ai_revenue_usd);
        series.mining_revenue_usd.push(m.mining_revenue_usd);
        series.forced_btc_sales.push(m.forced_btc);
    }
}

/// The monthly loop shared by every kind of run: markets, then each company's
/// books, then the feedback of forced sales. `s` must be clamped. Returns the
/// companies in their final state.
pub(crate) fn simulate<R: Recorder>(s: &Scenario, p: &Params, shocks: &ShockPath, recorder: &mut R) -> Vec<Operator> {
    let data = p.data;
    let mut operators: Vec<Operator> = data
        .companies
        .iter()
        .map(|c| Operator::new(c, p, R::FULL_ACCOUNTS))
        .collect();
    let mut tenants = Tenants::new(data, shocks);

    // Selling bitcoin in a hurry realises about one month's standard deviation less.
    let fire_sale_haircut = s.btc_volatility * (1.0 / MONTHS_PER_YEAR).sqrt();
    // The fleet at the start runs the observed hashrate at the observed price.
    let mut network = Network::new(
        NetworkInputs::from_data(&p.market, &p.a),
        p.btc_start_usd(),
        market::block_reward_btc(0, p),
    );
    let mut cumulative_forced_btc = 0.0;
    // The price before forced-sale feedback, moved by this path's bitcoin shock.
    let shocked: Vec<f64> = (0..p.months)
        .map(|month| market::btc_price_before_feedback(s, month, p) * shocks.btc(month).exp())
        .collect();

    // Bitcoin's high of the past twelve months (the data's pre-start high for the
    // first year), for how open credit markets are.
    let mut closes: Vec<f64> = Vec::with_capacity(p.months as usize);
    for month in 0..p.months {
        let ai = market::ai_market(month, s, shocks.ai_demand(month), p);
        tenants.update(month, ai.utilisation, &p.a);
        let reward_btc = market::block_reward_btc(month, p);
        let feedback = (-p.a.forced_sale_impact_per_10k_btc * cumulative_forced_btc / BTC_PER_10K).exp();
        let order_price = shocked[month as usize];
        let btc_price = order_price * feedback;
        // Machines are ordered at the price before forced-sale feedback (a fire sale
        // does not change which machines get ordered); they run at this month's price.
        let hashprice = network.step(month, btc_price, order_price, reward_btc);
        let network_eh = network.running_eh();
        let sentiment = market::ai_sentiment(month, s, p);
        closes.push(btc_price);
        let recent = &closes[closes.len().saturating_sub(MONTHS_PER_YEAR as usize)..];
        let mut high = recent.iter().copied().fold(0.0, f64::max);
        if (month as usize) < MONTHS_PER_YEAR as usize {
            high = high.max(p.market.btc_high_12m_usd);
        }
        let prices = MonthPrices {
            credit_openness: market::credit_openness(btc_price, high, &p.a),
            sentiment,
            ai,
            btc_price,
            hashprice,
            fire_sale_haircut,
            equity_factor: company::equity_factor(btc_price, sentiment, p),
        };

        let (mut ai_revenue, mut mining_revenue, mut forced_btc) = (0.0, 0.0, 0.0);
        for operator in &mut operators {
            let step = operator.step(month, s, &prices, p, &tenants);
            ai_revenue += step.ai_revenue_usd;
            mining_revenue += step.mining_revenue_usd;
            forced_btc += step.btc_sold;
        }
        cumulative_forced_btc += forced_btc;

        let market_month = MarketMonth {
            ai,
            btc_price,
            hashprice,
            network_eh,
            ai_revenue_usd: ai_revenue,
            mining_revenue_usd: mining_revenue,
            forced_btc,
        };
        recorder.record_month(month, &market_month, &operators);
    }
    operators
}

/// Share of AI MW held by squeezed companies (of all their MW when no company has
/// AI capacity, as in 2022), from (AI MW, mining MW, squeezed) triples.
pub(crate) fn distressed_share(miners: impl Iterator<Item = (f64, f64, bool)> + Clone) -> f64 {
    let total_ai_mw = miners.clone().fold(0.0, |sum, (ai, _, _)| sum + ai);
    let squeezed = miners.clone().filter(|&(_, _, squeezed)| squeezed);
    if total_ai_mw > 0.0 {
        squeezed.fold(0.0, |sum, (ai, _, _)| sum + ai) / total_ai_mw
    } else {
        let all_mw = miners.fold(0.0, |sum, (ai, mining, _)| sum + ai + mining);
        if all_mw > 0.0 {
            squeezed.fold(0.0, |sum, (ai, mining, _)| sum + ai + mining) / all_mw
        } else {
            0.0
        }
    }
}

fn summarise(s: &Scenario, p: &Params, miners: Vec<MinerOutcome>, series: Series) -> Outcome {
    let squeeze_month = miners.iter().filter_map(|m| m.squeeze_month).min();
    let squeezed = miners.iter().filter(|m| m.squeeze_month.is_some());
    let distressed_capacity_share =
        distressed_share(miners.iter().map(|m| (m.ai_mw, m.mining_mw, m.squeeze_month.is_some())));
    Outcome {
        model_version: MODEL_VERSION,
        data_id: p.data.id.as_str(),
        data_as_of: p.data.as_of,
        era: s.era,
        halving_date: (p.halving_month < p.months).then(|| p.start.plus_months(p.halving_month)),
        squeeze_month,
        squeeze_date: squeeze_month.map(|m| p.start.plus_months(m)),
        distressed_capacity_share,
        // Sums start from +0.0: `Iterator::sum` of no f64 is −0.0, which reads badly.
        forced_btc_sales: miners.iter().fold(0.0, |sum, m| sum + m.forced_btc_sales),
        btc_price_trough_usd: series.btc_price_usd.iter().copied().fold(f64::INFINITY, f64::min),
        funding_gap_usd: miners.iter().fold(0.0, |sum, m| sum + m.funding_gap_usd),
        squeezed_operators: squeezed.count() as u32,
        miners,
        series,
    }
}

//! The bitcoin network's mining fleet, machine by vintage.
//!
//! The fleet is a handful of cohorts, each with its efficiency (J/TH) and the
//! hashrate installed. Each month:
//!
//! 1. **Retirement.** Running machines wear out over `machine_life_months`;
//!    machines switched off for want of margin are sold or scrapped within a year.
//! 2. **Arrivals.** Machines ordered `hashrate_lag_months` ago arrive as a cohort of
//!    that year's new machines (`new_machine_j_per_th`, improving by
//!    `machine_efficiency_gain_per_year`).
//! 3. **Orders.** Miners order new machines when they pay back: when the hashprice
//!    beats the *investment threshold* of a new machine — its power bill plus other
//!    cash costs (`network_cash_overhead_share`) plus its price
//!    (`new_machine_usd_per_th`, moving by `machine_price_change_per_year`) spread
//!    over `machine_payback_months`. Orders are `hashrate_adjustment_per_month` of the
//!    installed fleet when the hashprice is twice the threshold, in proportion below
//!    that, none below the threshold. Orders follow the price before forced-sale
//!    feedback: a fire sale does not change which machines get ordered.
//! 4. **Running.** A machine runs while the hashprice covers its power bill. Power
//!    prices differ between miners: a cohort's machines pay from (1 − w) to (1 + w)
//!    times `network_power_usd_per_mwh` (w = `network_power_spread_share`), evenly,
//!    so the least efficient machines on the dearest power switch off first. The
//!    hashprice and the running hashrate solve hashprice × running(hashprice) = the
//!    miners' revenue (price × block reward × blocks per day): one equilibrium, found
//!    exactly on the piecewise-linear supply curve.
//!
//! So the network grows when new machines pay back, shrinks only as machines go
//! below their power cost, and a halving switches off the oldest machines rather than
//! half the network.

use crate::data::{AssumptionValues, MarketValues};
use crate::market::power_cost_usd_per_ph_day;
use crate::units::{BLOCKS_PER_DAY, DAYS_PER_MONTH, MONTHS_PER_YEAR, PH_PER_EH, TH_PER_PH};

/// Months within which a machine switched off for want of margin is sold or scrapped
/// (used S19s fetched ~$2.5/TH after the 2024 halving: a machine below its power
/// cost has little value left where it is).
const IDLE_MONTHS: f64 = 12.0;

/// How many cohorts the starting fleet is split into, from the newest machines to
/// the oldest still plugged in.
const START_COHORTS: usize = 3;

/// The inputs of the network model, as plain numbers.
#[derive(Debug, Clone, Copy)]
pub struct NetworkInputs {
    /// Running hashrate at the start, EH/s.
    pub hashrate_eh: f64,
    /// Machines ordered before the start and still to arrive, EH/s.
    pub backlog_eh: f64,
    /// Months over which that backlog arrives, evenly.
    pub backlog_months: f64,
    /// Average efficiency of the running fleet at the start, J/TH.
    pub fleet_j_per_th: f64,
    /// Efficiency of the new machines shipping at the start, J/TH.
    pub new_machine_j_per_th: f64,
    /// Price of new machines at the start, $ per TH/s.
    pub new_machine_usd_per_th: f64,
    /// Average power price of the network's miners, $/MWh.
    pub power_usd_per_mwh: f64,
    /// Half-width of the spread of power prices, as a share of the average.
    pub power_spread_share: f64,
    /// Other cash costs as a share of the power bill (for the investment threshold).
    pub cash_overhead_share: f64,
    /// Yearly fall in the J/TH of new machines, a fraction.
    pub efficiency_gain_per_year: f64,
    /// Yearly change in the price per TH of new machines, a fraction.
    pub price_change_per_year: f64,
    /// Months over which a new machine must pay for itself.
    pub payback_months: f64,
    /// Months a machine lasts.
    pub life_months: f64,
    /// Orders per month, as a share of the installed fleet, at twice the threshold.
    pub order_rate_per_month: f64,
    /// Months between an order and the machines running.
    pub lag_months: u32,
}

impl NetworkInputs {
    /// The inputs of a data file's market and assumptions.
    pub fn from_data(m: &MarketValues, a: &AssumptionValues) -> Self {
        NetworkInputs {
            hashrate_eh: m.network_hashrate_eh,
            backlog_eh: m.network_backlog_eh.max(0.0),
            backlog_months: m.network_backlog_months.max(1.0),
            fleet_j_per_th: m.network_fleet_j_per_th,
            new_machine_j_per_th: m.new_machine_j_per_th,
            new_machine_usd_per_th: m.new_machine_usd_per_th,
            power_usd_per_mwh: m.network_power_usd_per_mwh,
            power_spread_share: a.network_power_spread_share.clamp(0.0, 0.95),
            cash_overhead_share: a.network_cash_overhead_share,
            efficiency_gain_per_year: a.machine_efficiency_gain_per_year.clamp(0.0, 0.9),
            price_change_per_year: a.machine_price_change_per_year.clamp(-0.9, 1.0),
            payback_months: a.machine_payback_months.max(1.0),
            life_months: a.machine_life_months.max(1.0),
            order_rate_per_month: a.hashrate_adjustment_per_month.max(0.0),
            lag_months: a.hashrate_lag_months.max(0.0).round() as u32,
        }
    }

    /// J/TH of the new machines shipping `month` months after the start.
    pub fn new_machine_j_per_th(&self, month: u32) -> f64 {
        let years = f64::from(month) / MONTHS_PER_YEAR;
        self.new_machine_j_per_th * (years * (1.0 - self.efficiency_gain_per_year).ln()).exp()
    }

    /// The hashprice at which a new machine ordered in `month` pays back: its power
    /// bill and other cash costs, plus its price over the payback period, $ per
    /// PH/s per day.
    pub fn investment_threshold(&self, month: u32) -> f64 {
        let years = f64::from(month) / MONTHS_PER_YEAR;
        let running = power_cost_usd_per_ph_day(self.new_machine_j_per_th(month), self.power_usd_per_mwh)
            * (1.0 + self.cash_overhead_share);
        let price_per_th = self.new_machine_usd_per_th * (years * (1.0 + self.price_change_per_year).ln()).exp();
        running + price_per_th * TH_PER_PH / (self.payback_months * DAYS_PER_MONTH)
    }
}

/// Miners' revenue per day, $·EH/PH: hashprice × running EH/s (price × block reward
/// × blocks per day / 1,000).
pub(crate) fn revenue_factor(btc_price_usd: f64, reward_btc: f64) -> f64 {
    btc_price_usd * reward_btc * BLOCKS_PER_DAY / PH_PER_EH
}

/// One month of a market the network runs in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NetworkMonth {
    /// The bitcoin price, $.
    pub btc_price_usd: f64,
    /// Block subsidy plus fees, BTC per block.
    pub reward_btc: f64,
}

/// What the network did in one month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NetworkState {
    /// Hashrate running, EH/s.
    pub running_eh: f64,
    /// Hashrate installed (running or switched off), EH/s.
    pub installed_eh: f64,
    /// Hashprice, $ per PH/s per day.
    pub hashprice: f64,
}

/// Runs the network alone through `months` of prices and rewards (no companies,
/// no feedback): the hindcasts of the 2024 halving use it.
///
/// ```
/// use squeeze_model::network::{run_network, NetworkInputs, NetworkMonth};
/// use squeeze_model::{Dataset, Era};
/// let data = Dataset::for_era(Era::Late2025);
/// let inputs = NetworkInputs::from_data(&data.market.values(), &data.assumptions.values());
/// let flat = vec![NetworkMonth { btc_price_usd: 87_549.0, reward_btc: 3.145 }; 24];
/// let path = run_network(inputs, &flat);
/// assert_eq!(path.len(), 24);
/// assert!((path[0].running_eh - 1050.0).abs() < 1e-6);
/// ```
pub fn run_network(inputs: NetworkInputs, months: &[NetworkMonth]) -> Vec<NetworkState> {
    let Some(first) = months.first() else {
        return Vec::new();
    };
    let mut network = Network::new(inputs, first.btc_price_usd, first.reward_btc);
    (0..)
        .zip(months)
        .map(|(month, m)| {
            let hashprice = network.step(month, m.btc_price_usd, m.btc_price_usd, m.reward_btc);
            NetworkState {
                running_eh: network.running_eh(),
                installed_eh: network.installed_eh(),
                hashprice,
            }
        })
        .collect()
}

/// Machines of one efficiency.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cohort {
    j_per_th: f64,
    installed_eh: f64,
    /// Their power bill per PH/s per day at the average power price, $.
    cost: f64,
}

/// The fleet as it evolves.
#[derive(Debug, Clone)]
pub(crate) struct Network {
    inputs: NetworkInputs,
    /// Sorted from the most efficient (cheapest to run) to the least.
    cohorts: Vec<Cohort>,
    /// Orders waiting to arrive, by months from now (index 0 arrives next).
    pipeline: Vec<f64>,
    /// The month each pipeline slot was ordered in, for its efficiency.
    ordered_in: Vec<u32>,
    running_eh: f64,
    hashprice: f64,
    /// The supply curve's breakpoints, kept to avoid an allocation a month.
    points: Vec<(f64, f64, f64)>,
}

impl Network {
    /// The fleet at the start, sized so that at the starting price and reward it
    /// runs the observed hashrate: cohorts evenly spread from the newest machines
    /// to the oldest, around the observed average efficiency.
    pub(crate) fn new(inputs: NetworkInputs, btc_price_usd: f64, reward_btc: f64) -> Self {
        let best = inputs.new_machine_j_per_th.min(inputs.fleet_j_per_th);
        let worst = 2.0 * inputs.fleet_j_per_th - best;
        let mut cohorts: Vec<Cohort> = (0..START_COHORTS)
            .map(|i| {
                let j_per_th = best + (worst - best) * i as f64 / (START_COHORTS - 1) as f64;
                Cohort {
                    j_per_th,
                    installed_eh: 1.0,
                    cost: power_cost_usd_per_ph_day(j_per_th, inputs.power_usd_per_mwh),
                }
            })
            .collect();
        // Scale the fleet so that it runs the observed hashrate at the observed
        // hashprice: idle machines (switched off) come on top.
        let hashprice = revenue_factor(btc_price_usd, reward_btc) / inputs.hashrate_eh.max(f64::MIN_POSITIVE);
        let running_per_unit: f64 = cohorts
            .iter()
            .map(|c| running_share(hashprice, c.cost, inputs.power_spread_share))
            .sum();
        let scale = inputs.hashrate_eh / running_per_unit.max(f64::MIN_POSITIVE);
        for c in &mut cohorts {
            c.installed_eh *= scale;
        }
        let lag = inputs.lag_months as usize;
        Network {
            inputs,
            cohorts,
            pipeline: vec![0.0; lag],
            ordered_in: vec![0; lag],
            running_eh: inputs.hashrate_eh,
            hashprice,
            points: Vec::new(),
        }
    }

    /// Hashrate running this month, EH/s.
    pub(crate) fn running_eh(&self) -> f64 {
        self.running_eh
    }

    /// Hashrate installed (running or idle), EH/s.
    pub(crate) fn installed_eh(&self) -> f64 {
        self.cohorts.iter().map(|c| c.installed_eh).sum()
    }

    /// Moves the fleet on by one month: retirement, arrivals (the backlog first)
    /// and orders (at the
    /// price before forced-sale feedback, `order_price_usd`), then the running
    /// hashrate and the hashprice at this month's price. Returns the hashprice.
    /// In the first month the fleet is the one observed at the start: nothing is
    /// retired, arrives or is ordered before it runs.
    pub(crate) fn step(&mut self, month: u32, btc_price_usd: f64, order_price_usd: f64, reward_btc: f64) -> f64 {
        if month > 0 {
            self.retire();
            self.arrive(month);
        }
        self.order(month, order_price_usd, reward_btc);
        self.settle(revenue_factor(btc_price_usd, reward_btc));
        self.hashprice
    }

    /// Machines wear out over their life; machines switched off last month (below
    /// their power cost) are sold or scrapped within `IDLE_MONTHS`.
    fn retire(&mut self) {
        let (hashprice, w) = (self.hashprice, self.inputs.power_spread_share);
        for c in &mut self.cohorts {
            let running = running_share(hashprice, c.cost, w);
            let gone = c.installed_eh * (running / self.inputs.life_months + (1.0 - running) / IDLE_MONTHS);
            c.installed_eh -= gone.min(c.installed_eh);
        }
        self.cohorts.retain(|c| c.installed_eh > 0.0);
    }

    /// Machines ordered `lag` months ago start to run, and a month's share of the
    /// backlog ordered before the start.
    fn arrive(&mut self, month: u32) {
        if f64::from(month) <= self.inputs.backlog_months && self.inputs.backlog_eh > 0.0 {
            let share = self.inputs.backlog_eh / self.inputs.backlog_months.ceil();
            self.add(self.inputs.new_machine_j_per_th(0), share);
        }
        if self.pipeline.is_empty() {
            return;
        }
        let eh = self.pipeline.remove(0);
        let ordered = self.ordered_in.remove(0);
        self.pipeline.push(0.0);
        self.ordered_in.push(0);
        if eh > 0.0 {
            self.add(self.inputs.new_machine_j_per_th(ordered), eh);
        }
    }

    /// Orders in proportion to how far the hashprice (at the order price) beats the
    /// investment threshold.
    fn order(&mut self, month: u32, order_price_usd: f64, reward_btc: f64) {
        let signal = revenue_factor(order_price_usd, reward_btc) / self.running_eh.max(f64::MIN_POSITIVE);
        let threshold = self.inputs.investment_threshold(month);
        let attraction = (signal / threshold - 1.0).clamp(0.0, 1.0);
        let eh = self.installed_eh() * self.inputs.order_rate_per_month * attraction;
        if eh <= 0.0 {
            return;
        }
        match self.pipeline.last_mut() {
            Some(last) => {
                *last += eh;
                if let Some(at) = self.ordered_in.last_mut() {
                    *at = month;
                }
            }
            None => self.add(self.inputs.new_machine_j_per_th(month), eh),
        }
    }

    /// Adds `eh` of machines at `j_per_th`, merged into a cohort of nearly the same
    /// efficiency if there is one (so the fleet stays a handful of cohorts).
    fn add(&mut self, j_per_th: f64, eh: f64) {
        const SAME_VINTAGE: f64 = 0.1;
        if let Some(c) = self
            .cohorts
            .iter_mut()
            .find(|c| (c.j_per_th - j_per_th).abs() <= SAME_VINTAGE * j_per_th)
        {
            let total = c.installed_eh + eh;
            c.j_per_th = (c.j_per_th * c.installed_eh + j_per_th * eh) / total;
            c.cost = power_cost_usd_per_ph_day(c.j_per_th, self.inputs.power_usd_per_mwh);
            c.installed_eh = total;
        } else {
            self.cohorts.push(Cohort {
                j_per_th,
                installed_eh: eh,
                cost: power_cost_usd_per_ph_day(j_per_th, self.inputs.power_usd_per_mwh),
            });
        }
        self.cohorts.sort_by(|a, b| a.cost.total_cmp(&b.cost));
    }

    /// Solves hashprice × running(hashprice) = `revenue` on the supply curve.
    fn settle(&mut self, revenue: f64) {
        let w = self.inputs.power_spread_share;
        if self.installed_eh() <= 0.0 || revenue <= 0.0 {
            self.running_eh = 0.0;
            self.hashprice = 0.0;
            return;
        }
        // The supply is piecewise linear: running(h) = α + β·h between breakpoints,
        // where a cohort starts (h = cost·(1 − w)) or finishes (cost·(1 + w))
        // switching on. Walk the breakpoints upwards until revenue is met.
        // Cohorts are kept sorted by cost, so the starts and the ends of their
        // switching-on ranges are each sorted: merge them (no sort, no allocation).
        let mut points = std::mem::take(&mut self.points);
        points.clear();
        let (mut i, mut j) = (0, 0);
        let n = self.cohorts.len();
        while i < n || j < n {
            let take_start = i < n && (j >= n || self.cohorts[i].cost * (1.0 - w) <= self.cohorts[j].cost * (1.0 + w));
            if take_start {
                points.push(self.breakpoint_start(i, w));
                i += 1;
            } else {
                points.push(self.breakpoint_end(j, w));
                j += 1;
            }
        }
        let (mut alpha, mut beta, mut low) = (0.0, 0.0, 0.0);
        let mut settled = false;
        for &(high, d_alpha, d_beta) in &points {
            let at_high = high * (alpha + beta * high);
            if high > low && at_high >= revenue {
                let h = if beta > 0.0 {
                    (-alpha + (alpha * alpha + 4.0 * beta * revenue).sqrt()) / (2.0 * beta)
                } else if alpha > 0.0 {
                    revenue / alpha
                } else {
                    high
                };
                let h = h.clamp(low, high);
                self.hashprice = h;
                self.running_eh = alpha + beta * h;
                settled = true;
                break;
            }
            alpha += d_alpha;
            beta += d_beta;
            low = high;
        }
        self.points = points;
        if !settled {
            // Past the last breakpoint every machine runs.
            let installed = self.installed_eh();
            self.hashprice = (revenue / installed).max(low);
            self.running_eh = installed;
        }
    }

    /// Where cohort `i` starts switching on: (hashprice, Δα, Δβ) of the supply.
    fn breakpoint_start(&self, i: usize, w: f64) -> (f64, f64, f64) {
        let c = &self.cohorts[i];
        let (from, to) = (c.cost * (1.0 - w), c.cost * (1.0 + w));
        if to > from {
            let slope = c.installed_eh / (to - from);
            (from, -slope * from, slope)
        } else {
            (from, c.installed_eh, 0.0)
        }
    }

    /// Where cohort `i` is fully on.
    fn breakpoint_end(&self, i: usize, w: f64) -> (f64, f64, f64) {
        let c = &self.cohorts[i];
        let (from, to) = (c.cost * (1.0 - w), c.cost * (1.0 + w));
        if to > from {
            let slope = c.installed_eh / (to - from);
            (to, slope * to, -slope)
        } else {
            (to, 0.0, 0.0)
        }
    }
}

/// Share of a cohort whose average power bill is `cost` that runs at `hashprice`,
/// with power prices spread evenly ±`w` around the average.
fn running_share(hashprice: f64, cost: f64, w: f64) -> f64 {
    let (from, to) = (cost * (1.0 - w), cost * (1.0 + w));
    if to <= from {
        return if hashprice >= cost { 1.0 } else { 0.0 };
    }
    ((hashprice - from) / (to - from)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> NetworkInputs {
        NetworkInputs {
            hashrate_eh: 1000.0,
            backlog_eh: 0.0,
            backlog_months: 1.0,
            fleet_j_per_th: 20.0,
            new_machine_j_per_th: 14.0,
            new_machine_usd_per_th: 16.0,
            power_usd_per_mwh: 50.0,
            power_spread_share: 0.5,
            cash_overhead_share: 0.4,
            efficiency_gain_per_year: 0.15,
            price_change_per_year: -0.1,
            payback_months: 24.0,
            life_months: 60.0,
            order_rate_per_month: 0.05,
            lag_months: 3,
        }
    }

    #[test]
    fn the_start_runs_the_observed_hashrate_at_the_observed_hashprice() {
        let n = Network::new(inputs(), 87_000.0, 3.145);
        assert!((n.running_eh() - 1000.0).abs() < 1e-9);
        let mut m = n.clone();
        m.settle(revenue_factor(87_000.0, 3.145));
        assert!((m.running_eh - 1000.0).abs() < 1e-6, "{}", m.running_eh);
        assert!((m.hashprice - n.hashprice).abs() < 1e-9);
        assert!(n.installed_eh() >= n.running_eh());
    }

    #[test]
    fn the_equilibrium_balances_revenue_and_is_monotone_in_revenue() {
        let mut n = Network::new(inputs(), 87_000.0, 3.145);
        let mut last = 0.0;
        for revenue in [0.1, 5.0, 20.0, 60.0, 200.0, 1000.0] {
            n.settle(revenue * 1000.0);
            assert!((n.hashprice * n.running_eh - revenue * 1000.0).abs() < 1e-6 * revenue * 1000.0);
            assert!(n.hashprice >= last);
            last = n.hashprice;
        }
    }

    #[test]
    fn a_halving_switches_off_the_least_efficient_machines_not_half_the_network() {
        let n = Network::new(inputs(), 87_000.0, 3.145);
        let mut halved = n.clone();
        halved.settle(revenue_factor(87_000.0, 3.145 / 2.0));
        assert!(halved.running_eh < n.running_eh());
        assert!(halved.running_eh > 0.5 * n.running_eh(), "{}", halved.running_eh);
        assert!(halved.hashprice > 0.5 * n.hashprice);
    }

    #[test]
    fn new_machines_get_better_and_cheaper_to_order() {
        let i = inputs();
        assert!(i.new_machine_j_per_th(24) < i.new_machine_j_per_th(0));
        assert!(i.investment_threshold(24) < i.investment_threshold(0));
    }

    #[test]
    fn idle_machines_leave_faster_than_running_ones_wear_out() {
        let mut n = Network::new(inputs(), 87_000.0, 3.145);
        let before: Vec<f64> = n.cohorts.iter().map(|c| c.installed_eh).collect();
        n.retire();
        let lost: Vec<f64> = n
            .cohorts
            .iter()
            .zip(&before)
            .map(|(c, b)| 1.0 - c.installed_eh / b)
            .collect();
        // The newest machines all run: they only wear out; the oldest are partly idle.
        assert!((lost[0] - 1.0 / 60.0).abs() < 1e-9, "{lost:?}");
        assert!(lost[lost.len() - 1] > lost[0], "{lost:?}");
    }
}

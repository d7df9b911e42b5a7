//! The monthly simulation: markets first, then each operator's books, then the
//! feedback of forced bitcoin sales into next month's price.
//!
//! Order within a month:
//! 1. AI market: demand, capacity, utilisation, spot rate (`market::ai_market`).
//! 2. Bitcoin: the price before feedback, the network hashrate (partial adjustment
//!    towards the hashrate the lagged price supports), forced-sale feedback, hashprice.
//! 3. Each operator: build-out and its funding, revenue, costs, debt service,
//!    maturities and refinancing, then the squeeze test (cash plus sellable bitcoin).
//! 4. Bitcoin sold under pressure this month lowers the price from next month on.

use crate::archetypes::{AiBusiness, Archetype};
use crate::assumptions::*;
use crate::market::{self, AiMarket};
use crate::outcome::{Accounts, MinerOutcome, Outcome, Series, SqueezeCause};
use crate::shocks::ShockPath;
use crate::Scenario;

/// Shortfalls smaller than this are floating-point dust, not a squeeze, $.
const DUST_USD: f64 = 1.0;

/// Runs the model for one scenario. Deterministic: the same scenario always gives
/// the same outcome. Out-of-range levers are clamped first, so this cannot fail.
///
/// ```
/// use squeeze_model::{run, Scenario};
/// let outcome = run(&Scenario::default());
/// assert_eq!(outcome.series.months.len(), 60); // 2026-01 to 2030-12
/// assert_eq!(outcome.miners.len(), 5);
/// ```
pub fn run(scenario: &Scenario) -> Outcome {
    run_with_shocks(scenario, &ShockPath::none())
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
    let s = scenario.clamped();
    let months = s.era.horizon_months() as usize;
    let mut recorder = FullRecord {
        era: s.era,
        start: s.era.start(),
        series: Series::with_capacity(months),
    };
    let operators = simulate(&s, shocks, &mut recorder);
    let miners: Vec<MinerOutcome> = operators.into_iter().map(|op| op.finish(recorder.start)).collect();
    summarise(&s, miners, recorder.series)
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
    /// Whether operators keep their full monthly accounts and cash series.
    const FULL_ACCOUNTS: bool;
    /// Called once at the end of every month, after every operator has moved.
    fn record_month(&mut self, month: u32, market: &MarketMonth, operators: &[Operator]);
}

/// Records everything the [`Outcome`] reports.
struct FullRecord {
    era: crate::Era,
    start: crate::YearMonth,
    series: Series,
}

impl Recorder for FullRecord {
    const FULL_ACCOUNTS: bool = true;

    fn record_month(&mut self, month: u32, m: &MarketMonth, _: &[Operator]) {
        let series = &mut self.series;
        series.months.push(self.start.plus_months(month));
        series.btc_price_usd.push(m.btc_price);
        series.hashprice_usd_per_ph_day.push(m.hashprice);
        series.network_hashrate_eh.push(m.network_eh);
        series
            .block_subsidy_btc
            .push(market::block_subsidy_btc(self.era, month));
        series.ai_utilisation.push(m.ai.utilisation);
        series.ai_demand_gw.push(m.ai.demand_gw);
        series.ai_capacity_gw.push(m.ai.capacity_gw);
        series.spot_rate_usd_per_mw_year.push(m.ai.spot_rate_usd_per_mw_year);
        series.lease_rate_usd_per_mw_year.push(LEASE_RATE_USD_PER_MW_YEAR);
        series.gpu_price_index.push(m.ai.gpu_price_index);
        series.ai_revenue_usd.push(m.ai_revenue_usd);
        series.mining_revenue_usd.push(m.mining_revenue_usd);
        series.forced_btc_sales.push(m.forced_btc);
    }
}

/// The monthly loop shared by every kind of run: markets, then each operator's
/// books, then the feedback of forced sales. `s` must be clamped. Returns the
/// operators in their final state.
pub(crate) fn simulate<R: Recorder>(s: &Scenario, shocks: &ShockPath, recorder: &mut R) -> Vec<Operator> {
    let era = s.era;
    let horizon = era.horizon_months();
    let mut operators: Vec<Operator> = era
        .archetypes()
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let tenant_failure_hazard = shocks.tenant_failure_hazard(i);
            Operator::new(a, horizon, R::FULL_ACCOUNTS, tenant_failure_hazard)
        })
        .collect();

    // Selling bitcoin in a hurry realises about one month's standard deviation less.
    let fire_sale_haircut = s.btc_volatility * (1.0 / MONTHS_PER_YEAR).sqrt();
    let equilibrium_hashprice = era.equilibrium_hashprice_usd_per_ph_day();
    let mut network_eh = era.network_hashrate_eh();
    let mut cumulative_forced_btc = 0.0;
    // The price before forced-sale feedback, moved by this path's bitcoin shock.
    let shocked_price = |month: u32| market::btc_price_before_feedback(era, s, month) * shocks.btc(month).exp();

    for month in 0..horizon {
        let ai = market::ai_market(month, s, shocks.ai_demand(month));
        let reward_btc = market::block_reward_btc(era, month);
        if month > 0 {
            // The hashrate moves towards the level at which the lagged price would pay
            // the marginal miner's cash costs: slowly up (machines must be bought),
            // faster down (machines are unplugged). It follows the price before
            // forced-sale feedback: a fire sale does not change which machines get
            // ordered. The update is increasing and homogeneous in both the hashrate
            // and the target, which keeps hashprice monotone in the price path.
            let lagged = month.saturating_sub(HASHRATE_LAG_MONTHS as u32);
            let lagged_price = shocked_price(lagged);
            let target_eh = lagged_price * reward_btc * BLOCKS_PER_DAY / equilibrium_hashprice / PH_PER_EH;
            let speed = if target_eh > network_eh {
                HASHRATE_ADJUSTMENT_PER_MONTH
            } else {
                HASHRATE_DECLINE_PER_MONTH
            };
            network_eh += speed * (target_eh - network_eh);
        }
        let feedback = (-FORCED_SALE_IMPACT_PER_10K_BTC * cumulative_forced_btc / BTC_PER_10K).exp();
        let btc_price = shocked_price(month) * feedback;
        let hashprice = market::hashprice_usd_per_ph_day(btc_price, reward_btc, network_eh);
        let prices = MonthPrices {
            ai,
            btc_price,
            hashprice,
            fire_sale_haircut,
        };

        let (mut ai_revenue, mut mining_revenue, mut forced_btc) = (0.0, 0.0, 0.0);
        for operator in &mut operators {
            let step = operator.step(month, s, &prices);
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

/// Share of converted AI MW held by squeezed operators (of all their MW when no
/// operator has AI capacity, as in 2022), from (AI MW, mining MW, squeezed) triples.
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

fn summarise(s: &Scenario, miners: Vec<MinerOutcome>, series: Series) -> Outcome {
    let squeeze_month = miners.iter().filter_map(|m| m.squeeze_month).min();
    let squeezed = miners.iter().filter(|m| m.squeeze_month.is_some());
    let distressed_capacity_share =
        distressed_share(miners.iter().map(|m| (m.ai_mw, m.mining_mw, m.squeeze_month.is_some())));
    Outcome {
        era: s.era,
        squeeze_month,
        squeeze_date: squeeze_month.map(|m| s.era.start().plus_months(m)),
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

/// Prices every operator faces in one month.
struct MonthPrices {
    ai: AiMarket,
    btc_price: f64,
    hashprice: f64,
    fire_sale_haircut: f64,
}

/// What one operator's month adds to the market totals.
struct Step {
    ai_revenue_usd: f64,
    mining_revenue_usd: f64,
    btc_sold: f64,
}

/// One slice of debt as it evolves: refinancing changes its rate and due month.
#[derive(Clone, Copy)]
struct Tranche {
    principal_usd: f64,
    rate_per_year: f64,
    amortisation_usd_per_month: f64,
    due_month: Option<u32>,
}

/// One operator's state through the simulation.
pub(crate) struct Operator {
    pub(crate) a: &'static Archetype,
    /// Whether to keep the monthly accounts and series (off in the Monte Carlo).
    keep_accounts: bool,
    /// Cash at the end of the latest month, $.
    pub(crate) cash_usd: f64,
    btc_held: f64,
    tranches: [Tranche; 2],
    /// Build-out debt: interest is capitalised until the build is complete, then it
    /// amortises evenly.
    build_debt_usd: f64,
    build_debt_amortisation_usd_per_month: f64,
    prepayment_unspent_usd: f64,
    built_share: f64,
    /// Share of unbackstopped contracted capacity whose tenant is still paying.
    tenant_survival: f64,
    /// Monte Carlo only: the cumulative default hazard at which the tenant fails
    /// outright (`None`: the deterministic expected-value decay), and the hazard so far.
    tenant_failure_hazard: Option<f64>,
    tenant_hazard: f64,
    /// Operating cash flow of recent months, for the coverage test.
    recent_ebitda: [f64; COVERAGE_TRAILING_MONTHS],
    squeeze: Option<(u32, SqueezeCause)>,
    pub(crate) forced_btc_sales: f64,
    pub(crate) funding_gap_usd: f64,
    cash_series: Vec<f64>,
    debt_service_series: Vec<f64>,
    accounts: Accounts,
}

impl Operator {
    fn new(a: &'static Archetype, horizon: u32, keep_accounts: bool, tenant_failure_hazard: Option<f64>) -> Self {
        let months = if keep_accounts { horizon as usize } else { 0 };
        Operator {
            a,
            keep_accounts,
            cash_usd: a.cash_usd,
            btc_held: a.btc_held,
            tranches: a.debt.map(|d| Tranche {
                principal_usd: d.principal_usd,
                rate_per_year: d.rate_per_year,
                amortisation_usd_per_month: d.amortisation_usd_per_month,
                due_month: d.due_month,
            }),
            build_debt_usd: 0.0,
            build_debt_amortisation_usd_per_month: 0.0,
            prepayment_unspent_usd: a.tenant_prepayment_usd,
            built_share: 0.0,
            tenant_survival: 1.0,
            tenant_failure_hazard,
            tenant_hazard: 0.0,
            recent_ebitda: [0.0; COVERAGE_TRAILING_MONTHS],
            squeeze: None,
            forced_btc_sales: 0.0,
            funding_gap_usd: 0.0,
            cash_series: Vec::with_capacity(months),
            debt_service_series: Vec::with_capacity(months),
            accounts: Accounts::with_capacity(months),
        }
    }

    /// The month this operator was first squeezed, if it has been.
    pub(crate) fn squeeze_month(&self) -> Option<u32> {
        self.squeeze.map(|(month, _)| month)
    }

    fn debt_usd(&self) -> f64 {
        self.tranches.iter().map(|t| t.principal_usd).sum::<f64>() + self.build_debt_usd
    }

    fn step(&mut self, month: u32, s: &Scenario, p: &MonthPrices) -> Step {
        let a = self.a;
        let cash_before = self.cash_usd;
        let debt_before = self.debt_usd();

        // --- Build-out and its funding: debt for `miner_leverage` of what the tenant's
        // prepayment does not cover, equity raised for the rest (not paid from cash).
        let build_was_complete = self.built_share >= 1.0;
        let elapsed = f64::from(month + 1) - f64::from(a.build_start_month);
        let built_share = (elapsed / f64::from(a.build_months.max(1))).clamp(0.0, 1.0);
        let newly_built = built_share - self.built_share;
        self.built_share = built_share;
        let capex = a.capex_to_spend_usd() * newly_built;
        let prepayment_received = capex.min(self.prepayment_unspent_usd);
        self.prepayment_unspent_usd -= prepayment_received;
        let financed = capex - prepayment_received;
        let new_debt = financed * s.miner_leverage;
        let equity_raised = financed - new_debt;

        let ai_mw = a.ai_mw_live + a.ai_mw_build * built_share;
        let mining_mw = a.mining_mw - a.mining_mw_converted * built_share + a.mining_mw_build * built_share;

        // --- AI revenue: contracted capacity earns its contract rate unless the tenant
        // has failed (and no backstop pays); the rest earns utilisation × spot rate.
        let ai_revenue = self.ai_revenue_usd(ai_mw, s, &p.ai);
        let prepayment_credit = a.tenant_prepayment_usd / f64::from(s.era.horizon_months()) * built_share;

        // --- Mining: machines run only while hashprice covers their power bill.
        let power_per_ph_day = market::power_cost_usd_per_ph_day(a.mining_j_per_th, s.power_price_usd_per_mwh);
        let running = p.hashprice > power_per_ph_day;
        let (mining_revenue, mining_power) = if running {
            let ph = market::mining_ph(mining_mw, a.mining_j_per_th);
            (
                ph * p.hashprice * DAYS_PER_MONTH,
                mining_mw * HOURS_PER_MONTH * s.power_price_usd_per_mwh,
            )
        } else {
            (0.0, 0.0)
        };
        let ai_costs = match a.business {
            AiBusiness::None => 0.0,
            AiBusiness::Landlord => ai_mw * LANDLORD_OPEX_USD_PER_MW_YEAR / MONTHS_PER_YEAR,
            AiBusiness::GpuCloud => {
                ai_mw
                    * (GPU_CLOUD_OPEX_USD_PER_MW_YEAR / MONTHS_PER_YEAR
                        + GPU_DATA_CENTRE_PUE * HOURS_PER_MONTH * s.power_price_usd_per_mwh)
            }
        };
        let operating_costs =
            mining_power + mining_mw * MINING_SITE_OPEX_USD_PER_MW_MONTH + ai_costs + a.overhead_usd_per_month;
        let ebitda = ai_revenue + mining_revenue - operating_costs - prepayment_credit;
        self.recent_ebitda.rotate_right(1);
        self.recent_ebitda[0] = ebitda;

        // --- Build-out debt: interest during construction is capitalised; afterwards
        // interest is paid and the principal amortises.
        let build_interest = self.build_debt_usd * s.interest_rate / MONTHS_PER_YEAR;
        let (capitalised_interest, mut interest, mut principal) = if build_was_complete {
            let repay = self.build_debt_amortisation_usd_per_month.min(self.build_debt_usd);
            self.build_debt_usd -= repay;
            (0.0, build_interest, repay)
        } else {
            self.build_debt_usd += build_interest + new_debt;
            if built_share >= 1.0 {
                self.build_debt_amortisation_usd_per_month = self.build_debt_usd / a.new_debt_amortisation_months;
            }
            (build_interest, 0.0, 0.0)
        };

        // --- Existing debt: interest, amortisation, and maturities, refinanced at the
        // new-debt rate only while coverage holds and the operator is not in distress.
        let mut refinancing_failed = false;
        for i in 0..self.tranches.len() {
            let t = self.tranches[i];
            interest += t.principal_usd * t.rate_per_year / MONTHS_PER_YEAR;
            let repay = t.amortisation_usd_per_month.min(t.principal_usd);
            principal += repay;
            self.tranches[i].principal_usd -= repay;
            let balloon = self.tranches[i].principal_usd;
            if t.due_month == Some(month) && balloon > 0.0 {
                if self.squeeze.is_none() && self.can_refinance(i, s) {
                    self.tranches[i] = Tranche {
                        principal_usd: balloon,
                        rate_per_year: s.interest_rate,
                        amortisation_usd_per_month: 0.0,
                        due_month: None,
                    };
                } else {
                    principal += balloon;
                    self.tranches[i].principal_usd = 0.0;
                    refinancing_failed = true;
                }
            }
        }

        // --- Cash: the monthly identity (see `Accounts`).
        self.cash_usd += ebitda + prepayment_received + new_debt + equity_raised - capex - interest - principal;

        // --- Squeeze test: a shortfall below minimum cash is met by selling bitcoin at
        // a fire-sale discount; what bitcoin cannot cover is a squeeze.
        let floor = a.min_liquidity_usd;
        let (mut btc_sold, mut btc_proceeds) = (0.0, 0.0);
        if self.cash_usd < floor {
            let realised_price = p.btc_price * (1.0 - p.fire_sale_haircut);
            let needed_btc = (floor - self.cash_usd) / realised_price;
            if self.btc_held >= needed_btc {
                btc_sold = needed_btc;
                btc_proceeds = floor - self.cash_usd;
                self.cash_usd = floor;
            } else {
                btc_sold = self.btc_held;
                btc_proceeds = btc_sold * realised_price;
                self.cash_usd += btc_proceeds;
            }
            self.btc_held -= btc_sold;
            self.forced_btc_sales += btc_sold;
        }
        let shortfall = floor - self.cash_usd;
        if shortfall > DUST_USD {
            let cause = if refinancing_failed {
                SqueezeCause::Refinancing
            } else {
                SqueezeCause::Liquidity
            };
            self.squeeze.get_or_insert((month, cause));
            self.funding_gap_usd = self.funding_gap_usd.max(shortfall);
        }

        debug_assert!(self.cash_usd.is_finite() && cash_before.is_finite());
        if !self.keep_accounts {
            return Step {
                ai_revenue_usd: ai_revenue,
                mining_revenue_usd: mining_revenue,
                btc_sold,
            };
        }
        let debt_after = self.debt_usd();
        let acc = &mut self.accounts;
        acc.ai_revenue_usd.push(ai_revenue);
        acc.mining_revenue_usd.push(mining_revenue);
        acc.operating_costs_usd.push(operating_costs);
        acc.prepayment_credit_usd.push(prepayment_credit);
        acc.interest_usd.push(interest);
        acc.principal_usd.push(principal);
        acc.capex_usd.push(capex);
        acc.new_debt_usd.push(new_debt);
        acc.capitalised_interest_usd.push(capitalised_interest);
        acc.equity_raised_usd.push(equity_raised);
        acc.prepayment_received_usd.push(prepayment_received);
        acc.btc_sale_proceeds_usd.push(btc_proceeds);
        acc.btc_sold.push(btc_sold);
        acc.btc_held.push(self.btc_held);
        acc.debt_usd.push(debt_after);
        self.cash_series.push(self.cash_usd);
        self.debt_service_series.push(interest + principal);
        debug_assert!(
            (debt_after - (debt_before + new_debt + capitalised_interest - principal)).abs()
                <= 1e-6 * debt_before.max(DUST_USD)
        );

        Step {
            ai_revenue_usd: ai_revenue,
            mining_revenue_usd: mining_revenue,
            btc_sold,
        }
    }

    fn ai_revenue_usd(&mut self, ai_mw: f64, s: &Scenario, ai: &AiMarket) -> f64 {
        let a = self.a;
        let (contract_rate, spot_rate) = match a.business {
            AiBusiness::None => return 0.0,
            AiBusiness::Landlord => (LEASE_RATE_USD_PER_MW_YEAR, ai.spot_rate_usd_per_mw_year),
            AiBusiness::GpuCloud => (
                GPU_CLOUD_RATE_USD_PER_MW_YEAR,
                GPU_CLOUD_RATE_USD_PER_MW_YEAR * ai.gpu_price_index,
            ),
        };
        let default_risk = (market::tenant_default_per_month(ai.utilisation) * a.tenant_risk).min(1.0);
        match self.tenant_failure_hazard {
            // Deterministic: the expected share of tenants still paying.
            None => self.tenant_survival *= 1.0 - default_risk,
            // Monte Carlo: the tenant pays in full until its hazard is used up, then
            // fails outright (P(failed by t) = 1 − Π(1 − default_risk), as above).
            Some(threshold) => {
                self.tenant_hazard -= (1.0 - default_risk).ln();
                if self.tenant_hazard >= threshold {
                    self.tenant_survival = 0.0;
                }
            }
        }
        let contracted_mw = ai_mw * (s.contracted_share * a.contract_coverage).min(1.0);
        let paying_mw = contracted_mw * (a.backstop_share + (1.0 - a.backstop_share) * self.tenant_survival);
        let open_mw = ai_mw - paying_mw;
        (paying_mw * contract_rate + open_mw * ai.utilisation * spot_rate) / MONTHS_PER_YEAR
    }

    /// A lender refinances tranche `i` at the new-debt rate if trailing operating cash
    /// flow covers the next year's cash debt service `REFINANCING_MIN_DSCR` times.
    fn can_refinance(&self, i: usize, s: &Scenario) -> bool {
        let ebitda_per_year =
            self.recent_ebitda.iter().sum::<f64>() / COVERAGE_TRAILING_MONTHS as f64 * MONTHS_PER_YEAR;
        let mut service_per_year = 0.0;
        for (j, t) in self.tranches.iter().enumerate() {
            let rate = if j == i { s.interest_rate } else { t.rate_per_year };
            let amortisation = if j == i { 0.0 } else { t.amortisation_usd_per_month };
            service_per_year += t.principal_usd * rate + amortisation * MONTHS_PER_YEAR;
        }
        if self.built_share >= 1.0 {
            service_per_year +=
                self.build_debt_usd * s.interest_rate + self.build_debt_amortisation_usd_per_month * MONTHS_PER_YEAR;
        }
        service_per_year <= 0.0 || ebitda_per_year >= REFINANCING_MIN_DSCR * service_per_year
    }

    fn finish(self, start: crate::YearMonth) -> MinerOutcome {
        let a = self.a;
        MinerOutcome {
            archetype: a.id,
            name: a.name,
            like: a.like,
            business: a.business,
            squeeze_month: self.squeeze.map(|(m, _)| m),
            squeeze_date: self.squeeze.map(|(m, _)| start.plus_months(m)),
            squeeze_cause: self.squeeze.map(|(_, c)| c),
            ai_mw: a.ai_mw_target(),
            mining_mw: a.mining_mw_target(),
            cash_usd: self.cash_series,
            debt_service_usd: self.debt_service_series,
            forced_btc_sales: self.forced_btc_sales,
            funding_gap_usd: self.funding_gap_usd,
            accounts: self.accounts,
        }
    }
}

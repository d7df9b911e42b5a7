//! One company through the simulation: its build-out and how it is paid for, its
//! mining, its leases, its debt, and the liquidity test at the end of each month.
//!
//! A month, in order (each a method below):
//! 1. [`build`](Operator::build): phases come online; capex is paid from tenant
//!    prepayments, then cash held for construction, then the company's own cash
//!    above a buffer; what is left is raised: `miner_leverage` of it as new debt
//!    tied to the build, the rest as new shares at the share-price proxy.
//! 2. [`mine`](Operator::mine): machines run while hashprice covers their power.
//! 3. [`earn_ai`](Operator::earn_ai): leases pay from their tenant while it
//!    survives, then from its backstop up to the cap; open capacity earns market
//!    rates.
//! 4. [`service_debt`](Operator::service_debt): each tranche as its contract says
//!    (see `debt.rs`).
//! 5. [`test_liquidity`](Operator::test_liquidity): a shortfall is met by selling
//!    bitcoin, then by handing ring-fenced projects that lose money to their
//!    lenders; what remains is a squeeze.

use super::debt::{DebtEvent, DebtMonth, TrancheMonth, TrancheState};
use super::sites::{ai_opex_usd, month_index, open_capacity_revenue, Build, LeaseState, SiteState};
use super::tenants::Tenants;
use crate::data::{Company, Recourse, SiteBusiness};
use crate::market::{self, AiMarket, Params};
use crate::outcome::{Accounts, AiBusiness, Event, EventKind, MinerOutcome, SqueezeCause, SqueezeReason};
use crate::units::{DAYS_PER_MONTH, HOURS_PER_MONTH, MONTHS_PER_YEAR, PH_PER_EH};
use crate::Scenario;

/// Shortfalls smaller than this are floating-point dust, not a squeeze, $.
const DUST_USD: f64 = 1.0;
/// The longest trailing window of the coverage test, months.
const MAX_TRAILING_MONTHS: usize = 12;
/// How far ahead a treasurer looks when deciding whether cash can repay a maturity:
/// cash the other tranches may call for within two years stays in the bank (a
/// modelling choice, MODEL.md "Maturities").
const MATURITY_RESERVE_MONTHS: u32 = 24;

/// Prices every company faces in one month.
pub(crate) struct MonthPrices {
    pub ai: AiMarket,
    pub btc_price: f64,
    pub hashprice: f64,
    pub fire_sale_haircut: f64,
    /// How open credit and equity markets are to miners this month, 0 (shut, as in
    /// H2 2022) to 1 (see `market::credit_openness`).
    pub credit_openness: f64,
    /// The AI-sentiment factor on risk assets (1 = no slowdown).
    pub sentiment: f64,
    /// How far every share price has moved from the start with bitcoin and AI
    /// sentiment (see [`equity_factor`]).
    pub equity_factor: f64,
}

/// The factor by which the share-price proxy moves every company's starting price:
/// (bitcoin price / starting price)^`equity_beta_btc` × sentiment^`equity_beta_ai`.
/// The same for every company in a month, so computed once.
pub(crate) fn equity_factor(btc_price: f64, sentiment: f64, p: &Params) -> f64 {
    (btc_price / p.btc_start_usd()).powf(p.a.equity_beta_btc) * sentiment.powf(p.a.equity_beta_ai)
}

/// The coupon on debt raised for a build: the interest-rate lever on the senior
/// layer of the capital stack, plus the spreads of the mezzanine and junior layers
/// the leverage lever reaches into, blended over the whole loan. Every dollar a
/// scenario raises for builds is split by the same lever, so the blend is the same
/// for all of a company's build debt.
pub(crate) fn build_debt_rate(s: &Scenario, p: &Params) -> f64 {
    let leverage = s.miner_leverage;
    if leverage <= 0.0 {
        return s.interest_rate;
    }
    let a = &p.a;
    let mezzanine = (leverage.min(a.mezzanine_loan_to_cost) - a.senior_loan_to_cost).max(0.0);
    let junior = (leverage - a.mezzanine_loan_to_cost.max(a.senior_loan_to_cost)).max(0.0);
    s.interest_rate + (mezzanine * a.mezzanine_spread + junior * a.junior_spread) / leverage
}

/// What one company's month adds to the market totals.
pub(crate) struct Step {
    pub ai_revenue_usd: f64,
    pub mining_revenue_usd: f64,
    pub btc_sold: f64,
}

/// What could become a ring-fenced project, fixed by the data: a site a project
/// company owns with the debt that finances it, or one project-recourse tranche with
/// no modelled site (a subsidiary's note, an equipment SPV).
struct ProjectShape {
    site: Option<usize>,
    debt: Vec<usize>,
}

/// A ring-fenced project in one month (see [`Operator::project_month`]).
struct Project {
    /// Its index in [`Operator::projects`].
    shape: usize,
    pledged_eh: f64,
    /// The project's own cash flow this month, $.
    net: f64,
    /// Its debt service this month, $.
    service: f64,
    /// Whether the rent still to come under its leases exceeds its debt: an owner
    /// keeps supporting such a project through a bad month.
    worth_keeping: bool,
}

/// One month's flows: the accounts row (see [`Accounts`] for the identities).
#[derive(Debug, Clone, Copy, Default)]
struct Flows {
    ai_revenue: f64,
    mining_revenue: f64,
    operating_costs: f64,
    prepayment_credit: f64,
    interest: f64,
    principal: f64,
    capex: f64,
    restricted_spent: f64,
    new_debt: f64,
    capitalised_interest: f64,
    equity_raised: f64,
    /// New shares sold to meet a shortfall (after the month's other flows), $.
    shares_sold: f64,
    prepayment_received: f64,
    btc_sale_proceeds: f64,
    btc_sold: f64,
    collateral_sold_btc: f64,
    btc_posted: f64,
    converted: f64,
    released: f64,
    collateral_surplus: f64,
    shares_issued: f64,
    refused: bool,
    /// Principal due in cash this month that lenders would not refinance, $, and
    /// the largest such tranche.
    due_in_cash: f64,
    due_label: &'static str,
    due_largest: f64,
    /// Coverage lenders saw for the last refinancing they weighed this month, ×.
    coverage: Option<f64>,
}

impl Flows {
    fn cash_change(&self) -> f64 {
        self.ai_revenue + self.mining_revenue
            - self.operating_costs
            - self.prepayment_credit
            - self.interest
            - self.principal
            - self.capex
            + self.restricted_spent
            + self.new_debt
            + self.equity_raised
            + self.prepayment_received
            + self.btc_sale_proceeds
            + self.collateral_surplus
    }
}

/// One company's state through the simulation.
pub(crate) struct Operator {
    pub(crate) c: &'static Company,
    keep_accounts: bool,
    /// Cash at the end of the latest month, $.
    pub(crate) cash_usd: f64,
    restricted_usd: f64,
    btc_held: f64,
    floor_usd: f64,
    shares_start: f64,
    share_price_start: f64,
    /// (month, EH/s change) of the mining fleet, from retirements and new machines.
    hashrate_steps: Vec<(u32, f64)>,
    hashrate_eh: f64,
    /// This month's mining revenue less power, per EH/s running (for the coverage of
    /// machines pledged to an equipment lender).
    month_mining_margin_per_eh: f64,
    sites: Vec<SiteState>,
    leases: Vec<LeaseState>,
    tranches: Vec<TrancheState>,
    /// Its possible ring-fenced projects.
    projects: Vec<ProjectShape>,
    /// Share of its AI capacity (at full build) under signed leases.
    contracted_share: f64,
    /// Why it was squeezed, once it is.
    reason: Option<SqueezeReason>,
    recent_ebitda: [f64; MAX_TRAILING_MONTHS],
    squeeze: Option<(u32, SqueezeCause)>,
    pub(crate) forced_btc_sales: f64,
    pub(crate) funding_gap_usd: f64,
    shares_issued: f64,
    accelerated_usd: f64,
    events: Vec<Event>,
    cash_series: Vec<f64>,
    debt_service_series: Vec<f64>,
    accounts: Accounts,
}

impl Operator {
    pub(crate) fn new(c: &'static Company, p: &Params, keep_accounts: bool) -> Self {
        let months = if keep_accounts { p.months as usize } else { 0 };
        let mut sites: Vec<SiteState> = c.sites.iter().map(|s| SiteState::from_site(s, p)).collect();
        let mut hashrate_steps = Vec::new();
        if let Some(mining) = &c.mining {
            for step in &mining.retire {
                hashrate_steps.push((month_index(p.start, step.date), -step.hashrate_eh.value));
            }
            for step in &mining.additions {
                let arrival = month_index(p.start, step.date);
                hashrate_steps.push((arrival, step.hashrate_eh.value));
                let capex = step.capex_usd.as_ref().map_or(0.0, |f| f.value);
                sites.push(SiteState::mining_addition(capex, arrival, p));
            }
        }
        let leases = c
            .leases
            .iter()
            .filter_map(|l| LeaseState::new(l, c, p.data, p))
            .collect();
        let tranches: Vec<TrancheState> = c
            .debt
            .iter()
            .map(|t| {
                let site = t.site.as_ref().and_then(|id| c.sites.iter().position(|s| &s.id == id));
                let completion = site.map_or(0, |k| sites[k].completion);
                TrancheState::new(t, site, completion, p)
            })
            .collect();
        let projects = project_shapes(&sites, &tranches);
        let ai_mw = c.ai_mw_target();
        let leased_mw: f64 = c.leases.iter().map(|l| l.mw.value).sum();
        let contracted_share = if ai_mw > 0.0 { (leased_mw / ai_mw).min(1.0) } else { 0.0 };
        Operator {
            c,
            keep_accounts,
            cash_usd: c.cash_usd.value,
            restricted_usd: c.restricted_cash_usd.as_ref().map_or(0.0, |f| f.value),
            btc_held: c.btc_held.value,
            floor_usd: c.min_cash_usd.value,
            shares_start: c.shares_outstanding.value,
            share_price_start: c.share_price_usd.value,
            hashrate_eh: c.mining.as_ref().map_or(0.0, |m| m.hashrate_eh.value),
            hashrate_steps,
            month_mining_margin_per_eh: 0.0,
            sites,
            leases,
            tranches,
            projects,
            contracted_share,
            reason: None,
            recent_ebitda: [0.0; MAX_TRAILING_MONTHS],
            squeeze: None,
            forced_btc_sales: 0.0,
            funding_gap_usd: 0.0,
            shares_issued: 0.0,
            accelerated_usd: 0.0,
            events: Vec::new(),
            cash_series: Vec::with_capacity(months),
            debt_service_series: Vec::with_capacity(months),
            accounts: Accounts::with_capacity(months),
        }
    }

    /// The month this company was first squeezed, if it has been.
    pub(crate) fn squeeze_month(&self) -> Option<u32> {
        self.squeeze.map(|(month, _)| month)
    }

    /// AI capacity once every site is complete (its share), MW.
    pub(crate) fn ai_mw(&self) -> f64 {
        self.c.ai_mw_target()
    }

    /// Power drawn by its mining fleet at the start, MW.
    pub(crate) fn mining_mw(&self) -> f64 {
        self.c.mining.as_ref().map_or(0.0, |m| {
            market::mining_mw(m.hashrate_eh.value, m.efficiency_j_per_th.value)
        })
    }

    fn debt_usd(&self) -> f64 {
        self.tranches.iter().map(|t| t.principal_usd).sum::<f64>()
            + self.sites.iter().map(|s| s.build_debt_usd).sum::<f64>()
    }

    /// The share-price proxy: the starting price moved by bitcoin and AI sentiment.
    fn share_price(&self, m: &MonthPrices) -> f64 {
        self.share_price_start * m.equity_factor
    }

    /// How open markets are to this company: the crypto market's openness, and
    /// beyond it, in proportion to the share of its AI capacity under signed leases,
    /// as far as AI sentiment allows — lenders keep financing builds that creditworthy
    /// tenants have contracted for when crypto markets shut.
    fn openness(&self, m: &MonthPrices) -> f64 {
        let crypto = m.credit_openness.clamp(0.0, 1.0);
        (crypto + (1.0 - crypto) * self.contracted_share * m.sentiment).clamp(0.0, 1.0)
    }

    /// Its power price: its own filed price, scaled by the power-price lever against
    /// the lever's default.
    fn power_price(&self, s: &Scenario) -> f64 {
        let own = self
            .c
            .mining
            .as_ref()
            .map_or(Scenario::BASE.power_price_usd_per_mwh, |m| {
                m.power_cost_usd_per_mwh.value
            });
        own * s.power_price_usd_per_mwh / Scenario::BASE.power_price_usd_per_mwh
    }

    pub(crate) fn step(&mut self, month: u32, s: &Scenario, m: &MonthPrices, p: &Params, tenants: &Tenants) -> Step {
        let mut f = Flows::default();
        let debt_before = if self.keep_accounts { self.debt_usd() } else { 0.0 };
        let share_price = self.share_price(m);
        let power_price = self.power_price(s);
        let openness = self.openness(m);
        self.build(month, s, p, share_price, openness, &mut f);
        self.mine(month, m, p, power_price, &mut f);
        self.earn_ai(month, s, m, p, tenants, power_price, &mut f);
        f.operating_costs += self.c.overhead_usd_per_month.value;
        let ebitda = f.ai_revenue + f.mining_revenue - f.operating_costs - f.prepayment_credit;
        self.recent_ebitda.rotate_right(1);
        self.recent_ebitda[0] = ebitda;
        self.service_debt(month, s, m, p, share_price, &mut f);
        self.cash_usd += f.cash_change();
        self.restricted_usd -= f.restricted_spent;
        self.btc_held -= f.btc_posted;
        self.walk_away_from_losing_projects(month, p, &mut f);
        self.test_liquidity(month, m, p, &mut f);
        self.shares_issued += f.shares_issued;
        self.forced_btc_sales += f.btc_sold;
        self.record(&f, debt_before);
        Step {
            ai_revenue_usd: f.ai_revenue,
            mining_revenue_usd: f.mining_revenue,
            btc_sold: f.btc_sold,
        }
    }

    /// Phases come online; capex is paid and, where the company's own money does not
    /// reach, raised.
    fn build(&mut self, month: u32, s: &Scenario, p: &Params, share_price: f64, m_openness: f64, f: &mut Flows) {
        for site in &mut self.sites {
            f.capex += site.advance(month);
        }
        for lease in &self.leases {
            f.prepayment_received += lease.prepayment_due(month, &self.sites[lease.site]);
        }
        for site in &mut self.sites {
            let (interest, repay, capitalised) = site.service_build_debt(month, build_debt_rate(s, p));
            f.interest += interest;
            f.principal += repay;
            f.capitalised_interest += capitalised;
        }
        let open = m_openness.clamp(0.0, 1.0);
        let (_, raised) = self.funding_need(f.capex - f.prepayment_received, p);
        // What markets will not fund, an AI build does not spend: its schedule slips
        // a month (as Core Scientific delayed construction in October 2022). Machines
        // on order are still paid for.
        let mut unfunded = raised * (1.0 - open);
        for k in 0..self.sites.len() {
            if unfunded <= DUST_USD {
                break;
            }
            let site = &mut self.sites[k];
            if site.kind == Build::Mining || site.month_capex_usd <= 0.0 {
                continue;
            }
            unfunded -= site.month_capex_usd;
            f.capex -= site.month_capex_usd;
            let first = !site.delayed;
            site.pause(month);
            if first {
                let name = self.c.sites.get(k).map_or("", |s| s.name.as_str());
                self.event(month, EventKind::BuildDelayed, 0.0, name);
            }
        }
        let (restricted, raised) = self.funding_need(f.capex - f.prepayment_received, p);
        f.restricted_spent = restricted;
        if raised <= 0.0 || f.capex <= 0.0 {
            return;
        }
        // The leverage share is borrowed and the rest sold as new shares, as far as
        // markets are open. What neither raises is still owed (machines on order):
        // it comes out of cash, below the buffer if need be.
        f.new_debt = raised * s.miner_leverage * open;
        f.equity_raised = raised * (1.0 - s.miner_leverage) * open;
        f.shares_issued += f.equity_raised / share_price.max(f64::MIN_POSITIVE);
        for site in &mut self.sites {
            site.borrow(f.new_debt * site.month_capex_usd / f.capex);
        }
    }

    /// How this month's build capex net of prepayments is met: (restricted cash spent,
    /// money to raise) after restricted cash and cash above the buffer.
    fn funding_need(&self, net_capex: f64, p: &Params) -> (f64, f64) {
        let to_fund = net_capex.max(0.0);
        let restricted = to_fund.min(self.restricted_usd.max(0.0));
        let from_cash = (to_fund - restricted).min((self.cash_usd - self.buffer_usd(p)).max(0.0));
        (restricted, to_fund - restricted - from_cash)
    }

    /// Cash a company keeps before it spends on its build or repays a maturity: its
    /// minimum cash plus `cash_buffer_months` of overhead.
    fn buffer_usd(&self, p: &Params) -> f64 {
        self.floor_usd + p.a.cash_buffer_months * self.c.overhead_usd_per_month.value
    }

    /// Bitcoin mining: machines run while hashprice covers their power bill.
    fn mine(&mut self, month: u32, m: &MonthPrices, p: &Params, power_price: f64, f: &mut Flows) {
        let Some(mining) = &self.c.mining else {
            return;
        };
        for &(at, change) in &self.hashrate_steps {
            if at == month {
                self.hashrate_eh = (self.hashrate_eh + change).max(0.0);
            }
        }
        let j_per_th = mining.efficiency_j_per_th.value;
        let mw = market::mining_mw(self.hashrate_eh, j_per_th);
        let power_per_ph_day = market::power_cost_usd_per_ph_day(j_per_th, power_price);
        self.month_mining_margin_per_eh = 0.0;
        if m.hashprice > power_per_ph_day {
            f.mining_revenue += self.hashrate_eh * PH_PER_EH * m.hashprice * DAYS_PER_MONTH;
            f.operating_costs += mw * HOURS_PER_MONTH * power_price;
            self.month_mining_margin_per_eh = PH_PER_EH * (m.hashprice - power_per_ph_day) * DAYS_PER_MONTH;
        }
        f.operating_costs += mw * p.a.mining_site_opex_usd_per_mw_month;
    }

    /// AI revenue and costs: leases, then open capacity.
    #[allow(clippy::too_many_arguments)]
    fn earn_ai(
        &mut self,
        month: u32,
        s: &Scenario,
        m: &MonthPrices,
        p: &Params,
        tenants: &Tenants,
        power_price: f64,
        f: &mut Flows,
    ) {
        for site in &mut self.sites {
            site.month_revenue_usd = 0.0;
            site.month_opex_usd = 0.0;
            site.month_leased_mw = 0.0;
        }
        for i in 0..self.leases.len() {
            let k = self.leases[i].site;
            let site = &self.sites[k];
            let billing = self.leases[i].billing_mw(month, site);
            let (rent, credit) = self.leases[i].collect(month, billing, site, tenants);
            let site = &mut self.sites[k];
            site.month_leased_mw += billing;
            site.month_revenue_usd += rent;
            f.ai_revenue += rent;
            f.prepayment_credit += credit;
            let lease = &self.leases[i];
            if tenants.failed_in(lease.tenant, month) && billing > 0.0 {
                // One event per tenant, with the rent of all its leases here.
                let name = p.data.tenants[lease.tenant].name.as_str();
                let rent = lease.contracted_rent_per_month();
                match self
                    .events
                    .iter_mut()
                    .find(|e| e.kind == EventKind::TenantFailed && e.detail == name)
                {
                    Some(event) => event.amount += rent,
                    None => self.event(month, EventKind::TenantFailed, rent, name),
                }
            }
        }
        self.note_backstops(month, tenants);
        for site in &mut self.sites {
            if site.kind == Build::Mining || site.lost {
                continue;
            }
            let live = site.live_mw();
            let open = (live - site.month_leased_mw).max(0.0);
            let revenue = open_capacity_revenue(site.kind, open, s, &m.ai, tenants, p);
            let opex = ai_opex_usd(site.kind, live, power_price, p);
            site.month_revenue_usd += revenue;
            site.month_opex_usd = opex;
            f.ai_revenue += revenue;
            f.operating_costs += opex;
        }
    }

    /// Records the first month each backstop pays for a tenant that has failed
    /// outright (in the deterministic run tenants fade in expectation instead).
    fn note_backstops(&mut self, month: u32, tenants: &Tenants) {
        if !self.keep_accounts {
            return;
        }
        for i in 0..self.leases.len() {
            let lease = &self.leases[i];
            let detail = lease.lease.id.as_str();
            let started = lease.month_backstop_usd > 0.0
                && tenants.survival(lease.tenant) == 0.0
                && !self
                    .events
                    .iter()
                    .any(|e| e.kind == EventKind::BackstopPaid && e.detail == detail);
            if started {
                self.event(month, EventKind::BackstopPaid, lease.month_backstop_usd, detail);
            }
        }
    }

    /// Every tranche's interest, repayments, margin calls, puts and maturities.
    fn service_debt(&mut self, month: u32, s: &Scenario, m: &MonthPrices, p: &Params, share_price: f64, f: &mut Flows) {
        for i in 0..self.tranches.len() {
            if self.tranches[i].is_settled() {
                self.tranches[i].month_interest_usd = 0.0;
                self.tranches[i].month_principal_usd = 0.0;
                continue;
            }
            let site_complete = self.tranches[i].site.is_none_or(|k| self.sites[k].complete(month));
            if self.tranches[i].is_quiet(month) {
                // Nothing but interest and scheduled repayments this month.
                let tranche = &mut self.tranches[i];
                let (interest, capitalised, principal) = tranche.accrue_quietly(month, site_complete);
                tranche.month_interest_usd = interest;
                tranche.month_principal_usd = principal;
                f.interest += interest;
                f.capitalised_interest += capitalised;
                f.principal += principal;
                continue;
            }
            let dm = DebtMonth {
                month,
                share_price_usd: share_price,
                btc_price_usd: m.btc_price,
                fire_sale_haircut: m.fire_sale_haircut,
                site_complete,
                new_debt_rate: s.interest_rate,
                equipment_draw_scale: s.miner_leverage / p.a.filed_equipment_leverage.max(f64::MIN_POSITIVE),
            };
            let mut out: TrancheMonth = self.tranches[i].accrue(&dm);
            if out.undrawn_usd > 0.0 {
                // What the scenario does not borrow of a filed equipment draw it
                // funds with new shares, sold when the machines were ordered (the
                // 2022 machines were ordered and prepaid in 2021, when markets were
                // open), counted at this month's share price.
                f.equity_raised += out.undrawn_usd;
                f.shares_issued += out.undrawn_usd / share_price.max(f64::MIN_POSITIVE);
            }
            let btc_free = self.btc_held - f.btc_posted;
            self.tranches[i].margin_check(&dm, btc_free, &mut out);
            // A company repays a maturity from cash it can spare, keeping its buffer
            // and what its other tranches may call for within the reserve horizon; it
            // asks lenders for the rest.
            let due = self.tranches[i].cash_due(&dm);
            let needs_lenders = due && {
                let reserved: f64 = (self.tranches.iter().enumerate())
                    .filter(|&(j, _)| j != i)
                    .map(|(_, t)| t.due_within(month, MATURITY_RESERVE_MONTHS))
                    .sum();
                let spare = self.cash_usd - f.principal - self.buffer_usd(p) - reserved;
                self.tranches[i].principal_usd > spare
            };
            let refinance_share = if needs_lenders && self.squeeze.is_none() {
                f.coverage = Some(self.coverage(i, month, s, p));
                self.refinance_share(i, month, s, p, self.openness(m))
            } else {
                0.0
            };
            let before = self.tranches[i].principal_usd;
            self.tranches[i].settle(&dm, refinance_share, &mut out);
            let tranche = &mut self.tranches[i];
            tranche.month_interest_usd = out.interest_usd;
            tranche.month_principal_usd = out.principal_usd;
            f.interest += out.interest_usd;
            f.capitalised_interest += out.capitalised_usd;
            f.principal += out.principal_usd;
            f.converted += out.converted_usd;
            f.shares_issued += out.shares_issued;
            f.btc_posted += out.btc_posted;
            f.collateral_sold_btc += out.collateral_sold_btc;
            f.btc_sold += out.collateral_sold_btc;
            f.released += out.released_usd;
            f.new_debt += out.drawn_usd;
            f.collateral_surplus += out.surplus_usd;
            if let Some(event) = out.event {
                let label = tranche.t.label.as_str();
                let principal = out.principal_usd.max(out.converted_usd).max(out.released_usd);
                let (kind, amount) = match event {
                    DebtEvent::Converted => (EventKind::Converted, out.converted_usd),
                    DebtEvent::Put => (EventKind::Put, principal),
                    DebtEvent::Repaid { .. } if !needs_lenders => (EventKind::Repaid, principal),
                    DebtEvent::Repaid { .. } => (EventKind::RefinancingRefused, principal),
                    DebtEvent::Refinanced => (EventKind::Refinanced, tranche.principal_usd),
                    DebtEvent::PartlyRefinanced => (EventKind::Refinanced, tranche.principal_usd),
                    DebtEvent::Rolled => (EventKind::Rolled, tranche.principal_usd),
                    DebtEvent::MarginCall => (EventKind::MarginCall, out.btc_posted),
                    DebtEvent::CollateralSold => (EventKind::CollateralSold, out.collateral_sold_btc),
                };
                if needs_lenders
                    && matches!(
                        event,
                        DebtEvent::Put | DebtEvent::Repaid { .. } | DebtEvent::PartlyRefinanced
                    )
                {
                    f.refused = true;
                    let cash_part = if event == DebtEvent::PartlyRefinanced {
                        before - amount
                    } else {
                        amount
                    };
                    f.due_in_cash += cash_part;
                    if cash_part > f.due_largest {
                        f.due_largest = cash_part;
                        f.due_label = label;
                    }
                }
                self.event(month, kind, amount, label);
                if event == DebtEvent::PartlyRefinanced {
                    // The part lenders would not take is due in cash.
                    self.event(month, EventKind::RefinancingRefused, before - amount, label);
                }
            }
        }
    }

    /// Coverage lenders see when weighing tranche `i`: trailing operating cash flow
    /// over the next year's debt service with the tranche refinanced at the new rate.
    fn coverage(&self, i: usize, month: u32, s: &Scenario, p: &Params) -> f64 {
        let trailing = (p.a.coverage_trailing_months as usize).clamp(1, MAX_TRAILING_MONTHS);
        let ebitda_per_year = self.recent_ebitda[..trailing].iter().sum::<f64>() / trailing as f64 * MONTHS_PER_YEAR;
        let mut service = self.tranches[i].principal_usd * s.interest_rate;
        for (j, t) in self.tranches.iter().enumerate() {
            if j != i {
                service += if t.due_within(month, MONTHS_PER_YEAR as u32) > 0.0 {
                    t.service_per_year(s.interest_rate.max(t.rate_per_year))
                } else {
                    t.service_per_year(t.rate_per_year)
                };
            }
        }
        service += self
            .sites
            .iter()
            .map(|site| site.build_service_per_year(build_debt_rate(s, p)))
            .sum::<f64>();
        if service > 0.0 {
            ebitda_per_year / service
        } else {
            f64::INFINITY
        }
    }

    /// The share of tranche `i` lenders will refinance at the new-debt rate: as much
    /// as keeps the company's coverage — trailing operating cash flow over the next
    /// year's debt service — at `refinancing_min_dscr`, scaled by how open credit
    /// markets are this month. The lender looks at the company pro forma: every
    /// tranche that falls due within the year counts at the new-debt rate too.
    fn refinance_share(&self, i: usize, month: u32, s: &Scenario, p: &Params, openness: f64) -> f64 {
        let trailing = (p.a.coverage_trailing_months as usize).clamp(1, MAX_TRAILING_MONTHS);
        let ebitda_per_year = self.recent_ebitda[..trailing].iter().sum::<f64>() / trailing as f64 * MONTHS_PER_YEAR;
        let mut other_service = 0.0;
        for (j, t) in self.tranches.iter().enumerate() {
            if j == i {
                continue;
            }
            other_service += if t.due_within(month, MONTHS_PER_YEAR as u32) > 0.0 {
                t.service_per_year(s.interest_rate.max(t.rate_per_year))
            } else {
                t.service_per_year(t.rate_per_year)
            };
        }
        other_service += self
            .sites
            .iter()
            .map(|site| site.build_service_per_year(build_debt_rate(s, p)))
            .sum::<f64>();
        let principal = self.tranches[i].principal_usd;
        if principal <= 0.0 {
            return 0.0;
        }
        // The most new debt whose interest the coverage can carry.
        let room = ebitda_per_year / p.a.refinancing_min_dscr.max(f64::MIN_POSITIVE) - other_service;
        let capacity = if room <= 0.0 {
            0.0
        } else if s.interest_rate <= 0.0 {
            f64::INFINITY
        } else {
            room / s.interest_rate
        };
        (capacity / principal).min(1.0) * openness.clamp(0.0, 1.0)
    }

    /// A shortfall below minimum cash is met by selling bitcoin at a fire-sale
    /// discount, then by handing ring-fenced projects that lose money to their
    /// lenders; what remains is a squeeze.
    fn test_liquidity(&mut self, month: u32, m: &MonthPrices, p: &Params, f: &mut Flows) {
        if self.cash_usd >= self.floor_usd {
            return;
        }
        let cash_and_btc = self.cash_usd.max(0.0) + self.btc_held.max(0.0) * m.btc_price;
        let realised_price = m.btc_price * (1.0 - m.fire_sale_haircut);
        let needed_btc = (self.floor_usd - self.cash_usd) / realised_price;
        let sold = needed_btc.min(self.btc_held.max(0.0));
        if sold > 0.0 {
            let proceeds = sold * realised_price;
            self.btc_held -= sold;
            self.cash_usd += proceeds;
            f.btc_sold += sold;
            f.btc_sale_proceeds += proceeds;
            self.event(month, EventKind::BitcoinSold, sold, "");
        }
        if self.floor_usd - self.cash_usd > DUST_USD {
            self.unwind_btc_loans(month, m, f);
        }
        if self.floor_usd - self.cash_usd > DUST_USD {
            self.sell_shares(month, m, p, f);
        }
        if self.floor_usd - self.cash_usd > DUST_USD {
            self.hand_over_losing_projects(month, f);
        }
        // A shortfall of under `squeeze_materiality_share_of_debt` of its debt at the
        // start is bridged by stretching payables; more is a squeeze.
        let shortfall = self.floor_usd - self.cash_usd;
        let material = (self.c.debt_usd() * p.a.squeeze_materiality_share_of_debt).max(DUST_USD);
        if shortfall > material {
            let cause = if f.refused {
                SqueezeCause::Refinancing
            } else {
                SqueezeCause::Liquidity
            };
            if self.squeeze.is_none() {
                self.squeeze = Some((month, cause));
                self.reason = Some(SqueezeReason {
                    month,
                    date: crate::YearMonth::new(2000, 1), // set in `finish`
                    due_usd: f.due_in_cash,
                    tranche: f.due_label,
                    coverage: f.coverage.filter(|c| c.is_finite()),
                    market_openness: self.openness(m),
                    cash_and_btc_usd: cash_and_btc,
                    shortfall_usd: shortfall,
                });
                self.event(month, EventKind::Squeezed, shortfall, "");
                self.accelerate(month);
            }
            self.funding_gap_usd = self.funding_gap_usd.max(shortfall);
        }
    }

    /// Project `k` this month, if it is ring-fenced now (its debt cannot reach the
    /// parent) and still has debt: its own cash flow and its debt service.
    fn project_month(&self, k: usize, month: u32) -> Option<Project> {
        let shape = &self.projects[k];
        if shape.site.is_some_and(|j| self.sites[j].lost) {
            return None;
        }
        let complete = shape.site.is_none_or(|j| self.sites[j].complete(month));
        let debt = || shape.debt.iter().map(|&i| &self.tranches[i]);
        // A project whose debt fell due this month is still the company's to hand
        // over until the principal is paid.
        let live = debt().any(|t| t.is_active() || t.month_principal_usd > 0.0);
        if !live || !debt().all(|t| t.ring_fenced(complete)) {
            return None;
        }
        let pledged_eh: f64 = debt().map(|t| t.collateral_hashrate_eh).sum();
        let mut net = pledged_eh * self.month_mining_margin_per_eh;
        let mut contracted_usd = 0.0;
        if let Some(j) = shape.site {
            net += self.sites[j].month_revenue_usd - self.sites[j].month_opex_usd;
            contracted_usd = (self.leases.iter())
                .filter(|l| l.site == j)
                .map(|l| l.remaining_rent_usd(month))
                .sum();
        }
        Some(Project {
            shape: k,
            pledged_eh,
            net,
            service: debt().map(|t| t.month_interest_usd + t.month_principal_usd).sum(),
            worth_keeping: contracted_usd > debt().map(|t| t.principal_usd).sum::<f64>(),
        })
    }

    /// A company walks away from a ring-fenced project whose own cash flow has not
    /// covered its debt service for `project_walkaway_months` months running and
    /// whose remaining contracted rent does not cover its debt, as Iris Energy did
    /// with its equipment SPVs in November 2022: the lenders take the project, the
    /// parent keeps its own cash.
    fn walk_away_from_losing_projects(&mut self, month: u32, p: &Params, f: &mut Flows) {
        for k in 0..self.projects.len() {
            let Some(project) = self.project_month(k, month) else {
                continue;
            };
            if project.worth_keeping {
                continue;
            }
            let debt = &self.projects[k].debt;
            let months = if project.net < project.service {
                self.tranches[debt[0]].shortfall_months + 1
            } else {
                0
            };
            for &i in debt {
                self.tranches[i].shortfall_months = months;
            }
            if f64::from(months) >= p.a.project_walkaway_months.max(1.0) {
                self.hand_over(&project, month, f);
            }
        }
    }

    /// When short of cash, a company sells collateral of its bitcoin-backed loans,
    /// repaying them in step, for the cash it needs (see `TrancheState::unwind_for`).
    fn unwind_btc_loans(&mut self, month: u32, m: &MonthPrices, f: &mut Flows) {
        let dm = DebtMonth {
            month,
            share_price_usd: 0.0,
            btc_price_usd: m.btc_price,
            fire_sale_haircut: m.fire_sale_haircut,
            site_complete: true,
            new_debt_rate: 0.0,
            equipment_draw_scale: 1.0,
        };
        for i in 0..self.tranches.len() {
            if self.cash_usd >= self.floor_usd {
                return;
            }
            let mut out = TrancheMonth::default();
            self.tranches[i].unwind_for(self.floor_usd - self.cash_usd, &dm, &mut out);
            if out.collateral_sold_btc > 0.0 {
                f.collateral_sold_btc += out.collateral_sold_btc;
                f.btc_sold += out.collateral_sold_btc;
                f.released += out.released_usd;
                f.collateral_surplus += out.surplus_usd;
                self.cash_usd += out.surplus_usd;
                let label = self.tranches[i].t.label.as_str();
                self.event(month, EventKind::CollateralSold, out.collateral_sold_btc, label);
            }
        }
    }

    /// When still short of cash, a company sells new shares at the share-price proxy,
    /// up to what the market absorbs in a month (`equity_raise_share_of_market_cap_per_month`
    /// of its market value, as far as markets are open).
    fn sell_shares(&mut self, month: u32, m: &MonthPrices, p: &Params, f: &mut Flows) {
        let share_price = self.share_price(m);
        if share_price <= 0.0 {
            return;
        }
        let shares_now = self.shares_start + self.shares_issued + f.shares_issued;
        let capacity = p.a.equity_raise_share_of_market_cap_per_month * share_price * shares_now * self.openness(m);
        let raised = (self.floor_usd - self.cash_usd).min(capacity).max(0.0);
        if raised <= 0.0 {
            return;
        }
        self.cash_usd += raised;
        f.shares_sold += raised;
        f.shares_issued += raised / share_price;
        self.event(month, EventKind::SharesSold, raised, "");
    }

    /// When the parent itself is short, it stops supporting ring-fenced projects that
    /// lose money this month, until it is not short any more.
    fn hand_over_losing_projects(&mut self, month: u32, f: &mut Flows) {
        for k in 0..self.projects.len() {
            if self.cash_usd >= self.floor_usd {
                return;
            }
            if let Some(project) = self.project_month(k, month).filter(|p| p.net < p.service) {
                self.hand_over(&project, month, f);
            }
        }
    }

    /// Hands a project to its lenders: this month's service on its debt is not paid,
    /// the debt goes with the project, and the project's site (or the machines
    /// pledged to its lenders) earns nothing more.
    fn hand_over(&mut self, project: &Project, month: u32, f: &mut Flows) {
        let mut released = 0.0;
        let shape = &self.projects[project.shape];
        for &i in &shape.debt {
            let t = &mut self.tranches[i];
            let (interest, principal) = (t.month_interest_usd, t.month_principal_usd);
            // Undo this month's service (clamped: a sum less its parts can round below zero).
            f.interest = (f.interest - interest).max(0.0);
            f.principal = (f.principal - principal).max(0.0);
            let gone = principal + t.hand_over();
            f.released += gone;
            released += gone;
            t.month_interest_usd = 0.0;
            t.month_principal_usd = 0.0;
            self.cash_usd += interest + principal;
        }
        self.hashrate_eh = (self.hashrate_eh - project.pledged_eh).max(0.0);
        let name = match shape.site {
            Some(k) => {
                self.sites[k].lost = true;
                self.c.sites.get(k).map_or("", |s| s.name.as_str())
            }
            None => shape.debt.first().map_or("", |&i| self.tranches[i].t.label.as_str()),
        };
        self.event(month, EventKind::ProjectHandedOver, released, name);
    }

    /// Cross-default: the company's other debt with such clauses falls due at once.
    fn accelerate(&mut self, month: u32) {
        let accelerated: f64 = self
            .tranches
            .iter()
            .filter(|t| t.is_active() && t.t.cross_default && t.recourse == Recourse::Parent)
            .map(|t| t.principal_usd)
            .sum();
        if accelerated > 0.0 {
            self.accelerated_usd = accelerated;
            self.event(month, EventKind::Accelerated, accelerated, "");
        }
    }

    fn event(&mut self, month: u32, kind: EventKind, amount: f64, detail: &'static str) {
        if self.keep_accounts {
            self.events.push(Event {
                month,
                date: crate::YearMonth::new(2000, 1), // set in `finish`
                kind,
                amount,
                detail,
            });
        }
    }

    fn record(&mut self, f: &Flows, debt_before: f64) {
        if !self.keep_accounts {
            return;
        }
        let debt_after = self.debt_usd();
        let a = &mut self.accounts;
        a.ai_revenue_usd.push(f.ai_revenue);
        a.mining_revenue_usd.push(f.mining_revenue);
        a.operating_costs_usd.push(f.operating_costs);
        a.prepayment_credit_usd.push(f.prepayment_credit);
        a.interest_usd.push(f.interest);
        a.principal_usd.push(f.principal);
        a.capex_usd.push(f.capex);
        a.restricted_cash_spent_usd.push(f.restricted_spent);
        a.new_debt_usd.push(f.new_debt);
        a.capitalised_interest_usd.push(f.capitalised_interest);
        a.converted_usd.push(f.converted);
        a.debt_released_usd.push(f.released);
        a.collateral_surplus_usd.push(f.collateral_surplus);
        a.btc_posted.push(f.btc_posted);
        a.shares_issued.push(f.shares_issued);
        a.equity_raised_usd.push(f.equity_raised);
        a.shares_sold_usd.push(f.shares_sold);
        a.prepayment_received_usd.push(f.prepayment_received);
        a.btc_sale_proceeds_usd.push(f.btc_sale_proceeds);
        a.btc_sold.push(f.btc_sold);
        a.collateral_sold_btc.push(f.collateral_sold_btc);
        a.btc_held.push(self.btc_held);
        a.debt_usd.push(debt_after);
        self.cash_series.push(self.cash_usd);
        self.debt_service_series.push(f.interest + f.principal);
        debug_assert!(
            (debt_after - (debt_before + f.new_debt + f.capitalised_interest - f.principal - f.converted - f.released))
                .abs()
                <= 1e-6 * debt_before.max(DUST_USD)
        );
    }

    pub(crate) fn finish(self, start: crate::YearMonth) -> MinerOutcome {
        let c = self.c;
        let business = if c.sites.iter().any(|s| s.business == SiteBusiness::GpuCloud) {
            AiBusiness::GpuCloud
        } else if c.sites.is_empty() {
            AiBusiness::None
        } else {
            AiBusiness::Landlord
        };
        let (ai_mw, mining_mw) = (self.ai_mw(), self.mining_mw());
        let events = self
            .events
            .into_iter()
            .map(|e| crate::outcome::Event {
                date: start.plus_months(e.month),
                ..e
            })
            .collect();
        MinerOutcome {
            id: c.id.as_str(),
            name: c.name.as_str(),
            ticker: c.ticker.as_str(),
            as_of: c.as_of,
            business,
            squeeze_month: self.squeeze.map(|(m, _)| m),
            squeeze_date: self.squeeze.map(|(m, _)| start.plus_months(m)),
            squeeze_cause: self.squeeze.map(|(_, c)| c),
            squeeze_reason: self.reason.map(|r| SqueezeReason {
                date: start.plus_months(r.month),
                ..r
            }),
            ai_mw,
            mining_mw,
            cash_usd: self.cash_series,
            debt_service_usd: self.debt_service_series,
            forced_btc_sales: self.forced_btc_sales,
            funding_gap_usd: self.funding_gap_usd,
            dilution: self.shares_issued / self.shares_start,
            accelerated_debt_usd: self.accelerated_usd,
            events,
            accounts: self.accounts,
        }
    }
}

/// The company's possible ring-fenced projects: each site a project company owns,
/// with the tranches that finance it, and each project-recourse tranche with no
/// modelled site on its own.
fn project_shapes(sites: &[SiteState], tranches: &[TrancheState]) -> Vec<ProjectShape> {
    let mut shapes: Vec<ProjectShape> = (sites.iter().enumerate())
        .filter(|(_, site)| site.project)
        .map(|(k, _)| ProjectShape {
            site: Some(k),
            debt: (0..tranches.len()).filter(|&i| tranches[i].site == Some(k)).collect(),
        })
        .filter(|shape| !shape.debt.is_empty())
        .collect();
    shapes.extend(
        (tranches.iter().enumerate())
            .filter(|(_, t)| t.site.is_none() && t.recourse == Recourse::Project)
            .map(|(i, _)| ProjectShape {
                site: None,
                debt: vec![i],
            }),
    );
    shapes
}

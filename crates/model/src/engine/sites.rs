//! A company's AI sites and leases as they evolve: the energisation schedule, the
//! capex still to spend, the debt raised for each build, and the rent each lease
//! brings in (from its tenant while it pays, then from its backstop up to the cap).

use super::tenants::Tenants;
use crate::data::{Company, Lease, Owner, Site, SiteBusiness};
use crate::market::{AiMarket, Params};
use crate::units::{HOURS_PER_MONTH, MONTHS_PER_YEAR};
use crate::{Scenario, YearMonth};

/// What a site (or a mining expansion) earns its keep from; it decides its costs and
/// how long the debt raised for it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Build {
    Colocation,
    GpuCloud,
    Mining,
}

/// One build: an AI site, or new mining machines, with its schedule and its debt.
pub(crate) struct SiteState {
    pub kind: Build,
    /// The company's share of the site.
    pub share: f64,
    pub critical_mw: f64,
    live_mw: f64,
    /// (month, MW) of each remaining phase.
    phases: Vec<(u32, f64)>,
    capex_per_month: f64,
    /// The month the last phase comes online (0 if complete at the start).
    pub completion: u32,
    /// Debt raised for this build (the `miner_leverage` share of what the company
    /// could not pay from its own cash), and its monthly repayment once complete.
    pub build_debt_usd: f64,
    build_amortisation_usd: f64,
    term_months: f64,
    pub project: bool,
    /// Whether its schedule has slipped for want of funding.
    pub delayed: bool,
    /// Handed to its lenders (a project default): earns and costs nothing more.
    pub lost: bool,
    /// This month's capex, revenue, operating cost and MW under signed leases (for
    /// funding the build and for the project's own coverage).
    pub month_capex_usd: f64,
    pub month_revenue_usd: f64,
    pub month_opex_usd: f64,
    pub month_leased_mw: f64,
}

/// Months from `start` until `date`'s month.
pub(crate) fn month_index(start: YearMonth, date: crate::Date) -> u32 {
    start.months_until(date.month())
}

impl SiteState {
    pub(crate) fn from_site(site: &'static Site, p: &Params) -> Self {
        let phases: Vec<(u32, f64)> = site
            .phases
            .iter()
            .map(|ph| (month_index(p.start, ph.date), ph.mw))
            .collect();
        let kind = match site.business {
            SiteBusiness::Colocation => Build::Colocation,
            SiteBusiness::GpuCloud => Build::GpuCloud,
        };
        let completion = phases.iter().map(|&(m, _)| m).max().unwrap_or(0);
        Self::new(
            kind,
            site.ownership_share,
            site.critical_it_mw.value,
            site.live_mw.value,
            phases,
            site.capex_remaining_usd.value * site.ownership_share,
            completion,
            site.owner == Owner::Project,
            p,
        )
    }

    /// New mining machines: capex spread up to their arrival, no MW of AI.
    pub(crate) fn mining_addition(capex_usd: f64, arrival: u32, p: &Params) -> Self {
        Self::new(Build::Mining, 1.0, 0.0, 0.0, Vec::new(), capex_usd, arrival, false, p)
    }

    #[allow(clippy::too_many_arguments)]
    fn new(
        kind: Build,
        share: f64,
        critical_mw: f64,
        live_mw: f64,
        phases: Vec<(u32, f64)>,
        capex_usd: f64,
        completion: u32,
        project: bool,
        p: &Params,
    ) -> Self {
        let term_years = match kind {
            Build::Colocation => p.a.colocation_debt_term_years,
            Build::GpuCloud => p.a.gpu_debt_term_years,
            Build::Mining => p.a.mining_debt_term_years,
        };
        SiteState {
            kind,
            share,
            critical_mw,
            live_mw,
            phases,
            capex_per_month: capex_usd / f64::from(completion + 1),
            completion,
            build_debt_usd: 0.0,
            build_amortisation_usd: 0.0,
            term_months: term_years * MONTHS_PER_YEAR,
            project,
            delayed: false,
            lost: false,
            month_capex_usd: 0.0,
            month_revenue_usd: 0.0,
            month_opex_usd: 0.0,
            month_leased_mw: 0.0,
        }
    }

    /// Energises this month's phases; returns the capex to spend this month.
    pub(crate) fn advance(&mut self, month: u32) -> f64 {
        if month > self.completion {
            // Built: every phase is energised and the capex spent.
            self.month_capex_usd = 0.0;
            return 0.0;
        }
        for &(at, mw) in &self.phases {
            if at == month {
                self.live_mw += mw;
            }
        }
        self.month_capex_usd = if self.lost { 0.0 } else { self.capex_per_month };
        self.month_capex_usd
    }

    /// The build waits a month: nothing is spent this month, and every phase still
    /// to come, and the completion, move a month later.
    pub(crate) fn pause(&mut self, month: u32) {
        self.month_capex_usd = 0.0;
        self.completion = self.completion.saturating_add(1);
        for (at, _) in &mut self.phases {
            if *at > month {
                *at += 1;
            }
        }
        self.delayed = true;
    }

    /// Whether the build is complete in `month`.
    pub(crate) fn complete(&self, month: u32) -> bool {
        month >= self.completion
    }

    /// MW of critical IT energised (the company's share), 0 once lost.
    pub(crate) fn live_mw(&self) -> f64 {
        if self.lost {
            0.0
        } else {
            self.live_mw * self.share
        }
    }

    /// Share of the site energised.
    fn energised_share(&self) -> f64 {
        if self.critical_mw > 0.0 {
            (self.live_mw / self.critical_mw).min(1.0)
        } else {
            0.0
        }
    }

    /// Adds debt raised for this build this month.
    pub(crate) fn borrow(&mut self, usd: f64) {
        self.build_debt_usd += usd;
    }

    /// Interest on the build debt at `rate`, and the principal repaid this month: the
    /// debt pays interest in cash throughout and amortises evenly over its term once
    /// the build is complete. (The third value, interest capitalised, is kept for
    /// terms that capitalise it; new build debt does not.)
    pub(crate) fn service_build_debt(&mut self, month: u32, rate_per_year: f64) -> (f64, f64, f64) {
        if self.build_debt_usd <= 0.0 {
            return (0.0, 0.0, 0.0);
        }
        // New debt raised for a build pays its interest in cash from the first month,
        // as corporate notes and loans do (the filed project notes carry their own
        // terms in the data).
        let interest = self.build_debt_usd * rate_per_year / MONTHS_PER_YEAR;
        if !self.complete(month) {
            return (interest, 0.0, 0.0);
        }
        if self.build_amortisation_usd == 0.0 && self.build_debt_usd > 0.0 {
            self.build_amortisation_usd = self.build_debt_usd / self.term_months;
        }
        let repay = self.build_amortisation_usd.min(self.build_debt_usd);
        self.build_debt_usd -= repay;
        (interest, repay, 0.0)
    }

    /// The yearly service of the build debt once amortising, for coverage tests.
    pub(crate) fn build_service_per_year(&self, rate_per_year: f64) -> f64 {
        if self.build_debt_usd <= 0.0 {
            return 0.0;
        }
        self.build_debt_usd * rate_per_year + self.build_debt_usd / self.term_months * MONTHS_PER_YEAR
    }
}

/// One lease as it runs.
pub(crate) struct LeaseState {
    pub lease: &'static Lease,
    pub site: usize,
    pub tenant: usize,
    mw: f64,
    rent_per_mw_month: f64,
    start: u32,
    end: u32,
    prepayment_credit_per_month: f64,
    prepayment_usd: f64,
    backstop_cap_usd: f64,
    backstop_cap_start_usd: f64,
    backstop_amortising: bool,
    term_months: f64,
    /// Rent this lease brought in this month (tenant and backstop).
    pub month_rent_usd: f64,
    /// Of which from the backstop.
    pub month_backstop_usd: f64,
}

impl LeaseState {
    pub(crate) fn new(lease: &'static Lease, company: &Company, data: &crate::Dataset, p: &Params) -> Option<Self> {
        let site = company.sites.iter().position(|s| s.id == lease.site)?;
        let tenant = data.tenants.iter().position(|t| t.id == lease.tenant)?;
        let term_months = lease.term_years.value * MONTHS_PER_YEAR;
        let start = month_index(p.start, lease.start);
        let cap = lease.backstop.as_ref().map_or(0.0, |b| b.cap_usd.value);
        Some(LeaseState {
            lease,
            site,
            tenant,
            mw: lease.mw.value,
            rent_per_mw_month: lease.contract_value_usd.value / term_months / lease.mw.value,
            start,
            end: start.saturating_add(term_months.round() as u32),
            prepayment_credit_per_month: lease.prepayment_usd / term_months,
            prepayment_usd: lease.prepayment_usd,
            backstop_cap_usd: cap,
            backstop_cap_start_usd: cap,
            backstop_amortising: lease.backstop.as_ref().is_some_and(|b| b.amortising),
            term_months,
            month_rent_usd: 0.0,
            month_backstop_usd: 0.0,
        })
    }

    /// MW billing this month: the lease's MW as far as its site is energised, from
    /// rent commencement to the end of the term.
    pub(crate) fn billing_mw(&self, month: u32, site: &SiteState) -> f64 {
        if month < self.start || month >= self.end || site.lost {
            0.0
        } else {
            self.mw * site.energised_share() * site.share
        }
    }

    /// The rent paid this month on `billing` MW (see [`billing_mw`](Self::billing_mw)):
    /// the tenant pays its surviving share; the backstop
    /// pays the rest up to what is left of its cap (falling evenly over the term if
    /// it amortises). Returns (rent, prepayment credited).
    pub(crate) fn collect(&mut self, month: u32, billing: f64, site: &SiteState, tenants: &Tenants) -> (f64, f64) {
        let rent = billing * self.rent_per_mw_month;
        let survival = tenants.survival(self.tenant);
        let unpaid = rent * (1.0 - survival);
        let mut cap = self.backstop_cap_usd;
        if self.backstop_amortising && month >= self.start {
            let elapsed = f64::from(month - self.start) / self.term_months;
            cap = cap.min(self.backstop_cap_start_usd * (1.0 - elapsed).max(0.0));
        }
        let from_backstop = unpaid.min(cap.max(0.0));
        self.backstop_cap_usd -= from_backstop;
        self.month_rent_usd = rent * survival + from_backstop;
        self.month_backstop_usd = from_backstop;
        let credit = if billing > 0.0 {
            self.prepayment_credit_per_month * billing / (self.mw * site.share).max(f64::MIN_POSITIVE)
        } else {
            0.0
        };
        (self.month_rent_usd, credit)
    }

    /// The prepayment the tenant pays as its site is built: in step with the site's
    /// capex, or all at once at the start if the site is already built.
    pub(crate) fn prepayment_due(&self, month: u32, site: &SiteState) -> f64 {
        if self.prepayment_usd <= 0.0 {
            return 0.0;
        }
        if site.completion == 0 {
            return if month == 0 { self.prepayment_usd } else { 0.0 };
        }
        if month <= site.completion {
            self.prepayment_usd / f64::from(site.completion + 1)
        } else {
            0.0
        }
    }

    /// The lease's full rent a month, $.
    pub(crate) fn contracted_rent_per_month(&self) -> f64 {
        self.mw * self.rent_per_mw_month
    }

    /// Rent still to come under the lease after `month`, $ (what makes a project
    /// worth keeping).
    pub(crate) fn remaining_rent_usd(&self, month: u32) -> f64 {
        f64::from(self.end.saturating_sub(month.max(self.start))) * self.contracted_rent_per_month()
    }
}

/// Revenue and operating cost of a site's capacity that no signed lease covers:
/// a `contracted_share` of it is leased to new tenants at the market rate, the rest
/// earns the spot rate (or, for GPUs, the GPU rental price).
pub(crate) fn open_capacity_revenue(
    kind: Build,
    open_mw: f64,
    s: &Scenario,
    ai: &AiMarket,
    tenants: &Tenants,
    p: &Params,
) -> f64 {
    let (contract_rate, spot_rate) = match kind {
        Build::Colocation => (
            p.a.lease_rate_usd_per_mw_year,
            ai.spot_rate_usd_per_mw_year * ai.utilisation,
        ),
        Build::GpuCloud => (
            p.a.gpu_cloud_rate_usd_per_mw_year,
            p.a.gpu_cloud_rate_usd_per_mw_year * ai.gpu_price_index,
        ),
        Build::Mining => return 0.0,
    };
    let leased = open_mw * s.contracted_share;
    let paying = leased * tenants.survival(tenants.new_tenants());
    (paying * contract_rate + (open_mw - leased) * spot_rate) / MONTHS_PER_YEAR
}

/// Operating cost of `mw` of energised AI capacity for a month.
pub(crate) fn ai_opex_usd(kind: Build, mw: f64, power_usd_per_mwh: f64, p: &Params) -> f64 {
    match kind {
        Build::Colocation => mw * p.a.landlord_opex_usd_per_mw_year / MONTHS_PER_YEAR,
        Build::GpuCloud => {
            mw * (p.a.gpu_cloud_opex_usd_per_mw_year / MONTHS_PER_YEAR
                + p.a.gpu_data_centre_pue * HOURS_PER_MONTH * power_usd_per_mwh)
        }
        Build::Mining => 0.0,
    }
}

//! Each debt tranche as its contract says it behaves:
//! - interest each month, in cash or, for PIK notes, added to principal;
//! - scheduled repayments from a month or from the financed site's completion;
//! - convertibles: at a holders' put, holders put the notes for cash only if the
//!   share price is below the conversion price; at maturity the notes convert into
//!   shares if the share price is at or above it, otherwise they are repaid in cash;
//! - bitcoin-backed loans: a margin call when the loan-to-value crosses its
//!   threshold, met by posting free bitcoin, else by paying the loan down in cash
//!   (parent recourse); a loan whose recourse is limited to its collateral is
//!   closed by selling the collateral when the company needs the cash, or at
//!   maturity if it is not rolled, whatever the proceeds;
//! - a maturity whose cash is due is refinanced at the new-debt rate if the
//!   company's trailing cash flow covers the debt service (see
//!   [`Operator::can_refinance`](super::company::Operator)); otherwise it is repaid
//!   from cash.

use super::sites::month_index;
use crate::data::{AmortisationStart, Guarantee, Recourse, Tranche, TrancheKind};
use crate::market::Params;
use crate::units::MONTHS_PER_YEAR;

/// A month a tranche will never reach within any horizon.
pub(crate) const NEVER: u32 = u32::MAX;

/// One tranche as it evolves.
pub(crate) struct TrancheState {
    pub t: &'static Tranche,
    pub principal_usd: f64,
    /// A tranche issued after the start: the month it is drawn, and how much.
    draw: Option<(u32, f64)>,
    pub rate_per_year: f64,
    pub pik: bool,
    pub maturity: u32,
    pub put: Option<u32>,
    pub conversion_price_usd: Option<f64>,
    pub recourse: Recourse,
    /// The site it finances, by index.
    pub site: Option<usize>,
    pub guarantee: Guarantee,
    amortisation_usd_per_month: f64,
    amortisation_from: Option<u32>,
    amortises_from_completion: bool,
    pub collateral_btc: f64,
    /// Mining hashrate pledged to the lender, EH/s.
    pub collateral_hashrate_eh: f64,
    margin_call_ltv: f64,
    initial_ltv: f64,
    /// This month's cash interest and principal, so a project default can undo them.
    pub month_interest_usd: f64,
    pub month_principal_usd: f64,
    /// Months running in which its project's own cash flow fell short of its service.
    pub shortfall_months: u32,
}

/// What happened to a tranche this month that the company's books and story need.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct TrancheMonth {
    pub interest_usd: f64,
    pub capitalised_usd: f64,
    pub principal_usd: f64,
    pub converted_usd: f64,
    pub shares_issued: f64,
    /// Bitcoin posted from the free holdings to meet a margin call.
    pub btc_posted: f64,
    /// Collateral the lender sold, BTC, and the debt it closed, $.
    pub collateral_sold_btc: f64,
    pub released_usd: f64,
    /// Principal drawn this month (a tranche issued after the start), $.
    pub drawn_usd: f64,
    /// Cash returned to the company after a collateral sale, $.
    pub surplus_usd: f64,
    pub event: Option<DebtEvent>,
}

/// The contractual events of a month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum DebtEvent {
    Converted,
    Put,
    Repaid { refused: bool },
    Refinanced,
    Rolled,
    MarginCall,
    CollateralSold,
}

/// What a tranche needs to know about the month.
pub(crate) struct DebtMonth {
    pub month: u32,
    pub share_price_usd: f64,
    pub btc_price_usd: f64,
    pub fire_sale_haircut: f64,
    /// Whether the financed site is complete (for amortisation from completion).
    pub site_complete: bool,
    pub new_debt_rate: f64,
}

impl TrancheState {
    pub(crate) fn new(t: &'static Tranche, site: Option<usize>, site_completion: u32, p: &Params) -> Self {
        let principal = t.principal_usd.value;
        let draw = t
            .issued
            .map(|d| month_index(p.start, d))
            .filter(|&m| m > 0)
            .map(|m| (m, principal));
        let (amortisation_usd_per_month, amortisation_from, amortises_from_completion) = match &t.amortisation {
            None => (0.0, None, false),
            Some(a) => {
                let per_month = principal * a.share_per_year.value / MONTHS_PER_YEAR;
                match a.from {
                    AmortisationStart::Date(date) => (per_month, Some(month_index(p.start, date)), false),
                    AmortisationStart::Completion => (per_month, Some(site_completion), true),
                }
            }
        };
        let collateral_btc = t.collateral_btc.as_ref().map_or(0.0, |f| f.value);
        let initial_ltv = if collateral_btc > 0.0 {
            principal / (collateral_btc * p.btc_start_usd())
        } else {
            0.0
        };
        TrancheState {
            t,
            principal_usd: if draw.is_some() { 0.0 } else { principal },
            draw,
            rate_per_year: t.coupon.value,
            pik: t.pik,
            maturity: month_index(p.start, t.maturity),
            put: t.put.map(|d| month_index(p.start, d)),
            conversion_price_usd: t.conversion_price_usd.as_ref().map(|f| f.value),
            recourse: t.recourse,
            site,
            guarantee: t.guarantee,
            amortisation_usd_per_month,
            amortisation_from,
            amortises_from_completion,
            collateral_btc,
            collateral_hashrate_eh: t.collateral_hashrate_eh.as_ref().map_or(0.0, |f| f.value),
            margin_call_ltv: t.margin_call_ltv.as_ref().map_or(1.0, |f| f.value),
            initial_ltv,
            month_interest_usd: 0.0,
            month_principal_usd: 0.0,
            shortfall_months: 0,
        }
    }

    pub(crate) fn is_active(&self) -> bool {
        self.principal_usd > 0.0
    }

    /// Whether its lenders can claim only from a project (after any guarantee ends).
    pub(crate) fn ring_fenced(&self, site_complete: bool) -> bool {
        self.recourse == Recourse::Project
            && match self.guarantee {
                Guarantee::None => true,
                Guarantee::Completion => site_complete,
                Guarantee::Full => false,
            }
    }

    /// Interest and scheduled repayment for the month.
    pub(crate) fn accrue(&mut self, m: &DebtMonth) -> TrancheMonth {
        let mut out = TrancheMonth::default();
        if let Some((month, amount)) = self.draw {
            if month == m.month {
                self.principal_usd += amount;
                out.drawn_usd = amount;
                self.draw = None;
            }
            return out;
        }
        let interest = self.principal_usd * self.rate_per_year / MONTHS_PER_YEAR;
        if self.pik {
            self.principal_usd += interest;
            out.capitalised_usd = interest;
        } else {
            out.interest_usd = interest;
        }
        let started = match self.amortisation_from {
            Some(from) => m.month >= from && (!self.amortises_from_completion || m.site_complete),
            None => false,
        };
        if started {
            let repay = self.amortisation_usd_per_month.min(self.principal_usd);
            self.principal_usd -= repay;
            out.principal_usd = repay;
        }
        out
    }

    /// The loan-to-value of a bitcoin-backed loan at `btc_price_usd`.
    fn ltv(&self, btc_price_usd: f64) -> f64 {
        if self.collateral_btc > 0.0 {
            self.principal_usd / (self.collateral_btc * btc_price_usd)
        } else {
            f64::INFINITY
        }
    }

    /// A margin call, if the loan-to-value is over its threshold: post free bitcoin
    /// back to the starting loan-to-value, else pay the loan down with cash (parent
    /// recourse) or let the lender sell the collateral (collateral recourse).
    pub(crate) fn margin_check(&mut self, m: &DebtMonth, btc_free: f64, out: &mut TrancheMonth) {
        if self.t.kind != TrancheKind::BtcBacked
            || !self.is_active()
            || self.ltv(m.btc_price_usd) <= self.margin_call_ltv
        {
            return;
        }
        let target_collateral = self.principal_usd / (self.initial_ltv.max(f64::MIN_POSITIVE) * m.btc_price_usd);
        let needed = (target_collateral - self.collateral_btc).max(0.0);
        // A borrower owes a collateral-only lender nothing beyond the collateral: it
        // posts no more bitcoin into a loan already worth more than its collateral.
        let under_water = self.ltv(m.btc_price_usd) >= 1.0;
        if self.recourse == Recourse::Collateral && under_water {
            return;
        }
        let posted = needed.min(btc_free.max(0.0));
        if posted < needed && self.recourse == Recourse::Collateral {
            // The lender's only claim is the collateral: the loan stays under water
            // until the company unwinds it (when it needs the cash) or it falls due.
            return;
        }
        // Free bitcoin goes in first; a parent-recourse borrower pays the rest of the
        // way back to the starting loan-to-value in cash.
        self.collateral_btc += posted;
        out.btc_posted += posted;
        let repay = self.principal_usd - self.initial_ltv * self.collateral_btc * m.btc_price_usd;
        let repay = repay.clamp(0.0, self.principal_usd);
        self.principal_usd -= repay;
        out.principal_usd += repay;
        out.event = Some(DebtEvent::MarginCall);
    }

    /// Raises up to `needed` dollars from a bitcoin-backed loan's collateral, as a
    /// company short of cash does: it sells collateral at the fire-sale price, the
    /// loan is repaid in step (its loan-to-value unchanged) and the rest is cash. A
    /// loan under water yields nothing. Nothing happens to other kinds of debt.
    pub(crate) fn unwind_for(&mut self, needed: f64, m: &DebtMonth, out: &mut TrancheMonth) {
        if self.t.kind != TrancheKind::BtcBacked || !self.is_active() || self.collateral_btc <= 0.0 || needed <= 0.0 {
            return;
        }
        let realised = m.btc_price_usd * (1.0 - m.fire_sale_haircut);
        let ltv = self.principal_usd / (self.collateral_btc * realised);
        if ltv >= 1.0 {
            return;
        }
        // Each BTC sold repays `ltv` of its proceeds and frees the rest.
        let sold = (needed / (realised * (1.0 - ltv))).min(self.collateral_btc);
        let repaid = (sold * realised * ltv).min(self.principal_usd);
        out.collateral_sold_btc += sold;
        out.released_usd += repaid;
        out.surplus_usd += sold * realised - repaid;
        self.collateral_btc -= sold;
        self.principal_usd -= repaid;
        if self.collateral_btc <= 1e-9 {
            out.released_usd += self.principal_usd;
            self.principal_usd = 0.0;
            self.collateral_btc = 0.0;
        }
        out.event = Some(DebtEvent::CollateralSold);
    }

    /// The lender sells the collateral at a fire-sale price and closes the loan; any
    /// surplus goes back to the company.
    fn sell_collateral(&mut self, m: &DebtMonth, out: &mut TrancheMonth) {
        let proceeds = self.collateral_btc * m.btc_price_usd * (1.0 - m.fire_sale_haircut);
        out.collateral_sold_btc += self.collateral_btc;
        out.surplus_usd += (proceeds - self.principal_usd).max(0.0);
        out.released_usd += self.principal_usd;
        self.collateral_btc = 0.0;
        self.principal_usd = 0.0;
        out.event = Some(DebtEvent::CollateralSold);
    }

    /// A put or a maturity this month: converts, rolls, refinances or falls due in
    /// cash. `can_refinance` is asked only when cash would be due.
    pub(crate) fn settle(&mut self, m: &DebtMonth, can_refinance: bool, out: &mut TrancheMonth) {
        if !self.is_active() {
            return;
        }
        let at_put = self.put == Some(m.month);
        if !(at_put || self.maturity == m.month) {
            return;
        }
        if let Some(conversion) = self.conversion_price_usd {
            let in_the_money = m.share_price_usd >= conversion;
            if at_put && in_the_money {
                // Holders keep notes worth more as shares than their put price.
                return;
            }
            if !at_put && in_the_money {
                out.converted_usd += self.principal_usd;
                out.shares_issued += self.principal_usd / conversion;
                self.principal_usd = 0.0;
                out.event = Some(DebtEvent::Converted);
                return;
            }
        }
        if self.t.kind == TrancheKind::BtcBacked && self.ltv(m.btc_price_usd) <= self.margin_call_ltv {
            // Lenders against collateral roll a loan that is not in margin call.
            self.maturity = self.maturity.saturating_add(MONTHS_PER_YEAR as u32);
            out.event = Some(DebtEvent::Rolled);
            return;
        }
        if can_refinance {
            self.rate_per_year = m.new_debt_rate;
            self.maturity = NEVER;
            self.put = None;
            self.conversion_price_usd = None;
            self.pik = false;
            self.amortisation_usd_per_month = 0.0;
            out.event = Some(DebtEvent::Refinanced);
            return;
        }
        if self.recourse == Recourse::Collateral && self.collateral_btc > 0.0 {
            self.sell_collateral(m, out);
            return;
        }
        out.principal_usd += self.principal_usd;
        self.principal_usd = 0.0;
        out.event = Some(if at_put {
            DebtEvent::Put
        } else {
            DebtEvent::Repaid { refused: true }
        });
    }

    /// Whether a put or maturity falls due this month with cash at stake (for the
    /// refinancing test, asked before [`settle`](Self::settle)).
    pub(crate) fn cash_due(&self, m: &DebtMonth) -> bool {
        if !self.is_active() || !(self.put == Some(m.month) || self.maturity == m.month) {
            return false;
        }
        !self.conversion_price_usd.is_some_and(|c| m.share_price_usd >= c)
    }

    /// The principal this tranche may call for in cash after `month` and up to
    /// `month + horizon`, at a put or at maturity (whatever the share price then).
    pub(crate) fn due_within(&self, month: u32, horizon: u32) -> f64 {
        let soon = |at: u32| at > month && at <= month + horizon;
        if self.is_active() && (self.put.is_some_and(soon) || soon(self.maturity)) {
            self.principal_usd
        } else {
            0.0
        }
    }

    /// This tranche's yearly debt service at `rate` (interest plus scheduled
    /// repayments), for coverage tests.
    pub(crate) fn service_per_year(&self, rate: f64) -> f64 {
        let interest = if self.pik { 0.0 } else { self.principal_usd * rate };
        interest + self.amortisation_usd_per_month.min(self.principal_usd) * MONTHS_PER_YEAR
    }

    /// Debt released without cash: a project handed to its lenders.
    pub(crate) fn hand_over(&mut self) -> f64 {
        let released = self.principal_usd;
        self.principal_usd = 0.0;
        self.collateral_btc = 0.0;
        released
    }
}

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
    /// The part of a filed equipment draw a less levered scenario does not borrow:
    /// the company funds it with new shares, as far as markets are open, or cash.
    pub undrawn_usd: f64,
    /// Cash returned to the company after a collateral sale, $.
    pub surplus_usd: f64,
    pub event: Option<DebtEvent>,
}

/// The contractual events of a month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum DebtEvent {
    Converted,
    Put,
    Repaid {
        refused: bool,
    },
    Refinanced,
    /// Lenders refinanced part of the principal; the rest was due in cash.
    PartlyRefinanced,
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
    /// The share of a filed equipment-loan draw the scenario borrows: the
    /// leverage lever against the leverage the filings reflect, at most 1 (see
    /// [`TrancheState::accrue`]).
    pub equipment_draw_scale: f64,
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

    /// Whether it is repaid, converted or handed over, with nothing left to draw:
    /// nothing more can happen to it.
    pub(crate) fn is_settled(&self) -> bool {
        self.principal_usd <= 0.0 && self.draw.is_none()
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

    /// Whether nothing but interest and scheduled repayments can happen to it in
    /// `month`: drawn, not bitcoin-backed (no margin call), no put or maturity.
    pub(crate) fn is_quiet(&self, month: u32) -> bool {
        self.draw.is_none()
            && self.t.kind != TrancheKind::BtcBacked
            && self.maturity != month
            && self.put != Some(month)
    }

    /// Interest and scheduled repayment for the month; in its issue month, the
    /// draw. An equipment loan drawn after the start paid for machines bought then:
    /// a scenario with less leverage than the filings reflect borrows that share of
    /// it (`equipment_draw_scale`), with repayments in proportion, and the company
    /// pays the rest of the machines' price itself ([`TrancheMonth::undrawn_usd`]).
    pub(crate) fn accrue(&mut self, m: &DebtMonth) -> TrancheMonth {
        let mut out = TrancheMonth::default();
        if let Some((month, amount)) = self.draw {
            if month == m.month {
                let scale = if self.t.kind == TrancheKind::EquipmentLoan {
                    m.equipment_draw_scale.clamp(0.0, 1.0)
                } else {
                    1.0
                };
                self.principal_usd += amount * scale;
                self.amortisation_usd_per_month *= scale;
                out.drawn_usd = amount * scale;
                out.undrawn_usd = amount * (1.0 - scale);
                self.draw = None;
            }
            return out;
        }
        (out.interest_usd, out.capitalised_usd, out.principal_usd) = self.accrue_quietly(m.month, m.site_complete);
        out
    }

    /// The month's (cash interest, capitalised interest, principal repaid) of a
    /// drawn tranche: interest at its rate, in cash or (PIK) added to principal,
    /// and its scheduled repayment once amortisation has started.
    pub(crate) fn accrue_quietly(&mut self, month: u32, site_complete: bool) -> (f64, f64, f64) {
        let interest = self.principal_usd * self.rate_per_year / MONTHS_PER_YEAR;
        let (cash, capitalised) = if self.pik {
            self.principal_usd += interest;
            (0.0, interest)
        } else {
            (interest, 0.0)
        };
        let started = match self.amortisation_from {
            Some(from) => month >= from && (!self.amortises_from_completion || site_complete),
            None => false,
        };
        let mut repaid = 0.0;
        if started {
            repaid = self.amortisation_usd_per_month.min(self.principal_usd);
            self.principal_usd -= repaid;
        }
        (cash, capitalised, repaid)
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
        if posted < needed {
            let repay = self.principal_usd - self.initial_ltv * self.collateral_btc * m.btc_price_usd;
            let repay = repay.clamp(0.0, self.principal_usd);
            self.principal_usd -= repay;
            out.principal_usd += repay;
        }
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
    /// cash. `refinance_share` (0 to 1) is the share of the principal lenders will
    /// refinance, asked only when cash would be due; the rest is due in cash.
    pub(crate) fn settle(&mut self, m: &DebtMonth, refinance_share: f64, out: &mut TrancheMonth) {
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
        let share = refinance_share.clamp(0.0, 1.0);
        if share > 0.0 {
            // The part lenders will not take is due in cash now.
            let cash = self.principal_usd * (1.0 - share);
            out.principal_usd += cash;
            self.principal_usd -= cash;
            self.rate_per_year = m.new_debt_rate;
            self.maturity = NEVER;
            self.put = None;
            self.conversion_price_usd = None;
            self.pik = false;
            self.amortisation_usd_per_month = 0.0;
            out.event = Some(if cash > 0.0 {
                DebtEvent::PartlyRefinanced
            } else {
                DebtEvent::Refinanced
            });
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

#[cfg(test)]
mod tests {
    //! Each instrument against its contract, on tranches of the embedded data.
    use super::*;
    use crate::{Dataset, Era};

    fn params() -> Params {
        Params::new(Dataset::for_era(Era::Late2025))
    }

    fn tranche(id: &str) -> TrancheState {
        let p = params();
        let t = (p.data.companies.iter().flat_map(|c| c.debt.iter()))
            .find(|t| t.id == id)
            .unwrap_or_else(|| panic!("tranche {id} in the data"));
        TrancheState::new(t, None, 12, &p)
    }

    fn month(month: u32, share_price_usd: f64, btc_price_usd: f64) -> DebtMonth {
        DebtMonth {
            month,
            share_price_usd,
            btc_price_usd,
            fire_sale_haircut: 0.1,
            site_complete: false,
            new_debt_rate: 0.08,
            equipment_draw_scale: 1.0,
        }
    }

    #[test]
    fn a_convertible_converts_at_maturity_above_its_conversion_price_and_is_due_in_cash_below() {
        let mut above = tranche("corz-conv-2029");
        let (principal, conversion) = (above.principal_usd, above.conversion_price_usd.expect("a convertible"));
        let at = above.maturity;
        let mut out = TrancheMonth::default();
        above.settle(&month(at, conversion * 1.01, 87_000.0), 0.0, &mut out);
        assert_eq!(out.event, Some(DebtEvent::Converted));
        assert_eq!(out.principal_usd, 0.0, "no cash");
        assert!((out.shares_issued - principal / conversion).abs() < 1e-6);
        assert!(!above.is_active());

        let mut below = tranche("corz-conv-2029");
        assert!(below.cash_due(&month(at, conversion * 0.99, 87_000.0)));
        let mut out = TrancheMonth::default();
        below.settle(&month(at, conversion * 0.99, 87_000.0), 0.0, &mut out);
        assert_eq!(out.event, Some(DebtEvent::Repaid { refused: true }));
        assert_eq!(out.principal_usd, principal, "the whole principal in cash");
    }

    #[test]
    fn holders_put_a_convertible_only_when_it_is_out_of_the_money() {
        let t = tranche("corz-conv-2031");
        let put = t.put.expect("the 2031 notes have a 2027 put");
        let conversion = t.conversion_price_usd.expect("a convertible");
        let mut kept = tranche("corz-conv-2031");
        let mut out = TrancheMonth::default();
        kept.settle(&month(put, conversion * 1.2, 87_000.0), 0.0, &mut out);
        assert_eq!(out.event, None, "in the money, holders keep the notes");
        assert!(kept.is_active());
        let mut put_back = tranche("corz-conv-2031");
        let mut out = TrancheMonth::default();
        put_back.settle(&month(put, conversion * 0.5, 87_000.0), 0.0, &mut out);
        assert_eq!(out.event, Some(DebtEvent::Put));
        assert_eq!(out.principal_usd, t.principal_usd);
    }

    #[test]
    fn a_refinanced_maturity_costs_no_cash_and_pays_the_new_rate() {
        let mut t = tranche("corz-conv-2029");
        let at = t.maturity;
        let mut out = TrancheMonth::default();
        t.settle(&month(at, 0.0, 87_000.0), 1.0, &mut out);
        assert_eq!(out.event, Some(DebtEvent::Refinanced));
        assert_eq!(out.principal_usd, 0.0);
        assert_eq!(t.rate_per_year, 0.08);
        assert_eq!(t.conversion_price_usd, None, "new debt does not convert");
    }

    #[test]
    fn lenders_may_refinance_part_of_a_maturity_and_the_rest_is_due_in_cash() {
        let mut t = tranche("corz-conv-2029");
        let (at, principal) = (t.maturity, t.principal_usd);
        let mut out = TrancheMonth::default();
        t.settle(&month(at, 0.0, 87_000.0), 0.25, &mut out);
        assert_eq!(out.event, Some(DebtEvent::PartlyRefinanced));
        assert!((out.principal_usd - 0.75 * principal).abs() < 1e-6);
        assert!((t.principal_usd - 0.25 * principal).abs() < 1e-6);
        assert_eq!(t.rate_per_year, 0.08);
    }

    #[test]
    fn a_margin_call_posts_free_bitcoin_back_to_the_starting_loan_to_value() {
        let mut t = tranche("hut8-coinbase-2026");
        let start_ltv = t.initial_ltv;
        let price = 0.5 * params().btc_start_usd(); // LTV doubles: over any threshold below 2x
        assert!(t.ltv(price) > t.margin_call_ltv);
        let mut out = TrancheMonth::default();
        t.margin_check(&month(1, 0.0, price), 1e9, &mut out);
        assert_eq!(out.event, Some(DebtEvent::MarginCall));
        assert!(out.btc_posted > 0.0);
        assert!(
            (t.ltv(price) - start_ltv).abs() < 1e-9,
            "back to {start_ltv}, got {}",
            t.ltv(price)
        );
        assert_eq!(out.principal_usd, 0.0, "no cash needed");
    }

    #[test]
    fn a_margin_call_without_enough_bitcoin_is_met_in_cash_by_a_borrower_with_recourse() {
        let mut t = tranche("hut8-coinbase-2026");
        t.recourse = Recourse::Parent; // as if Hut 8 Corp. guaranteed its subsidiary's loan
        let price = 0.5 * params().btc_start_usd();
        let (free, principal) = (100.0, t.principal_usd);
        let mut out = TrancheMonth::default();
        t.margin_check(&month(1, 0.0, price), free, &mut out);
        assert_eq!(out.btc_posted, free, "all the free bitcoin goes in first");
        assert!(out.principal_usd > 0.0 && out.principal_usd < principal);
        assert!((t.ltv(price) - t.initial_ltv).abs() < 1e-9);
    }

    #[test]
    fn a_collateral_only_loan_under_water_gets_no_more_bitcoin() {
        let mut t = tranche("cifr-twoprime");
        assert_eq!(t.recourse, Recourse::Collateral);
        let price = 0.99 * t.principal_usd / t.collateral_btc; // LTV just over 1
        let mut out = TrancheMonth::default();
        t.margin_check(&month(1, 0.0, price), 1e9, &mut out);
        assert_eq!(out, TrancheMonth::default(), "nothing posted, nothing paid");
    }

    #[test]
    fn a_bitcoin_backed_loan_not_in_margin_call_rolls_at_maturity() {
        let mut t = tranche("hut8-coinbase-2026");
        let at = t.maturity;
        let mut out = TrancheMonth::default();
        t.settle(&month(at, 0.0, params().btc_start_usd()), 0.0, &mut out);
        assert_eq!(out.event, Some(DebtEvent::Rolled));
        assert_eq!(t.maturity, at + 12);
        assert_eq!(out.principal_usd, 0.0);
    }

    #[test]
    fn unwinding_a_bitcoin_backed_loan_keeps_its_loan_to_value_and_frees_the_rest_as_cash() {
        let mut t = tranche("hut8-coinbase-2026");
        let m = month(1, 0.0, params().btc_start_usd());
        let realised = m.btc_price_usd * (1.0 - m.fire_sale_haircut);
        let ltv_before = t.principal_usd / (t.collateral_btc * realised);
        let mut out = TrancheMonth::default();
        t.unwind_for(10e6, &m, &mut out);
        assert!(
            (out.surplus_usd - 10e6).abs() < 1e-3,
            "raises what was asked: {}",
            out.surplus_usd
        );
        assert!((out.collateral_sold_btc * realised - out.released_usd - out.surplus_usd).abs() < 1e-3);
        let ltv_after = t.principal_usd / (t.collateral_btc * realised);
        assert!((ltv_after - ltv_before).abs() < 1e-9);
    }

    #[test]
    fn project_notes_amortise_only_once_their_site_is_complete() {
        let mut t = tranche("wulf-compute-2030");
        let before = t.principal_usd;
        let open = DebtMonth {
            site_complete: false,
            ..month(13, 0.0, 87_000.0)
        };
        assert_eq!(t.accrue(&open).principal_usd, 0.0);
        let done = DebtMonth {
            site_complete: true,
            ..month(14, 0.0, 87_000.0)
        };
        let repaid = t.accrue(&done).principal_usd;
        let share = t.t.amortisation.as_ref().expect("amortising").share_per_year.value;
        assert!((repaid - before * share / 12.0).abs() < 1e-3, "{repaid}");
        assert!(
            t.ring_fenced(true) && !t.ring_fenced(false),
            "completion guarantee until complete"
        );
    }

    #[test]
    fn pik_interest_accretes_and_cash_interest_is_paid() {
        let mut cash = tranche("corz-conv-2029");
        let out = cash.accrue(&month(1, 0.0, 87_000.0));
        assert!((out.interest_usd - cash.principal_usd * cash.rate_per_year / 12.0).abs() < 1e-6);
        let mut pik = tranche("corz-conv-2029");
        pik.pik = true;
        let before = pik.principal_usd;
        let out = pik.accrue(&month(1, 0.0, 87_000.0));
        assert_eq!(out.interest_usd, 0.0);
        assert!((pik.principal_usd - before - out.capitalised_usd).abs() < 1e-6 && out.capitalised_usd > 0.0);
    }
}

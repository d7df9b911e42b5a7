//! The monthly accounting identity: every company's cash, debt and bitcoin
//! balances reconcile with the month's flows, everywhere in the lever space.

mod common;

use common::any_scenario;
use proptest::prelude::*;
use squeeze_model::{run, Company, Dataset, MinerOutcome, Scenario};

/// Checks cash, debt and BTC reconciliation for one operator; returns the first
/// month that fails, with a description. `filed_draws[i]` is the principal of the
/// tranches the data draws in month `i`.
#[allow(clippy::needless_range_loop)]
fn reconcile(
    m: &MinerOutcome,
    opening_cash: f64,
    opening_debt: f64,
    opening_btc: f64,
    filed_draws: &[f64],
) -> Result<(), String> {
    let a = &m.accounts;
    let (mut cash, mut debt, mut btc) = (opening_cash, opening_debt, opening_btc);
    for i in 0..m.cash_usd.len() {
        let flows = a.ai_revenue_usd[i] + a.mining_revenue_usd[i]
            - a.operating_costs_usd[i]
            - a.prepayment_credit_usd[i]
            - a.interest_usd[i]
            - a.principal_usd[i]
            - a.capex_usd[i]
            + a.restricted_cash_spent_usd[i]
            + a.new_debt_usd[i]
            + a.equity_raised_usd[i]
            + a.shares_sold_usd[i]
            + a.prepayment_received_usd[i]
            + a.btc_sale_proceeds_usd[i]
            + a.collateral_surplus_usd[i];
        // Rounding is relative to the gross flows, not to their (possibly tiny) net.
        let gross = a.ai_revenue_usd[i]
            + a.mining_revenue_usd[i]
            + a.operating_costs_usd[i]
            + a.interest_usd[i]
            + a.principal_usd[i]
            + a.capex_usd[i]
            + a.new_debt_usd[i]
            + a.equity_raised_usd[i]
            + a.shares_sold_usd[i]
            + a.btc_sale_proceeds_usd[i];
        let scale = 1.0 + cash.abs() + flows.abs() + gross;
        if (m.cash_usd[i] - (cash + flows)).abs() > 1e-9 * scale {
            return Err(format!(
                "{} month {i}: cash {} != {} + {}",
                m.id, m.cash_usd[i], cash, flows
            ));
        }
        let debt_expected = debt + a.new_debt_usd[i] + a.capitalised_interest_usd[i]
            - a.principal_usd[i]
            - a.converted_usd[i]
            - a.debt_released_usd[i];
        if (a.debt_usd[i] - debt_expected).abs() > 1e-9 * (1.0 + debt.abs() + a.principal_usd[i]) {
            return Err(format!(
                "{} month {i}: debt {} != {}",
                m.id, a.debt_usd[i], debt_expected
            ));
        }
        // Bitcoin sold from its own holdings (collateral its lenders sold is not).
        let own_sold = a.btc_sold[i] - a.collateral_sold_btc[i];
        if (a.btc_held[i] - (btc - own_sold - a.btc_posted[i])).abs() > 1e-9 * (1.0 + btc) {
            return Err(format!(
                "{} month {i}: btc {} != {} - {} - {}",
                m.id, a.btc_held[i], btc, own_sold, a.btc_posted[i]
            ));
        }
        if (a.debt_usd[i] > 1.0) && m.debt_service_usd[i] < 0.0 {
            return Err(format!("{} month {i}: negative debt service", m.id));
        }
        if (m.debt_service_usd[i] - (a.interest_usd[i] + a.principal_usd[i])).abs()
            > 1e-9 * (1.0 + m.debt_service_usd[i])
        {
            return Err(format!(
                "{} month {i}: debt service is not interest plus principal",
                m.id
            ));
        }
        // Money raised for the build never exceeds what the build costs, plus the
        // draws the data files this month (debt drawn under a tranche issued during
        // the run, or the shares a less levered scenario sells in its place).
        let raised = a.equity_raised_usd[i] + a.restricted_cash_spent_usd[i];
        if raised > (a.capex_usd[i] + filed_draws[i]) * (1.0 + 1e-9) + 1e-6 {
            return Err(format!(
                "{} month {i}: raised {raised} for capex {}",
                m.id, a.capex_usd[i]
            ));
        }
        (cash, debt, btc) = (m.cash_usd[i], a.debt_usd[i], a.btc_held[i]);
    }
    Ok(())
}

/// Debt outstanding at the start: every tranche not drawn later in the run.
fn opening_debt(company: &Company, data: &Dataset) -> f64 {
    company
        .debt
        .iter()
        .filter(|t| t.issued.is_none_or(|d| d.month() <= data.start))
        .map(|t| t.principal_usd.value)
        .sum()
}

fn check(s: &Scenario) -> Result<(), String> {
    let o = run(s);
    let data = Dataset::for_era(s.era);
    for (m, company) in o.miners.iter().zip(&data.companies) {
        let filed_draws: Vec<f64> = (o.series.months.iter())
            .map(|&month| {
                (company.debt.iter())
                    .filter(|t| t.issued.is_some_and(|d| d.month() == month && month > data.start))
                    .map(|t| t.principal_usd.value)
                    .sum()
            })
            .collect();
        reconcile(
            m,
            company.cash_usd.value,
            opening_debt(company, data),
            company.btc_held.value,
            &filed_draws,
        )?;
        let sold: f64 = m.accounts.btc_sold.iter().sum();
        if (sold - m.forced_btc_sales).abs() > 1e-9 * (1.0 + sold) {
            return Err(format!(
                "{}: forced sales {} != sum of monthly sales {}",
                m.id, m.forced_btc_sales, sold
            ));
        }
    }
    for i in 0..o.series.months.len() {
        let ai: f64 = o.miners.iter().map(|m| m.accounts.ai_revenue_usd[i]).sum();
        let mining: f64 = o.miners.iter().map(|m| m.accounts.mining_revenue_usd[i]).sum();
        if (ai - o.series.ai_revenue_usd[i]).abs() > 1e-6 || (mining - o.series.mining_revenue_usd[i]).abs() > 1e-6 {
            return Err(format!("month {i}: market revenue series do not add up"));
        }
    }
    Ok(())
}

#[test]
fn every_preset_reconciles_every_month() {
    for preset in squeeze_model::PRESETS {
        if let Err(e) = check(&preset.scenario) {
            panic!("{}: {e}", preset.id);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn balances_reconcile_everywhere_in_the_lever_space(s in any_scenario()) {
        if let Err(e) = check(&s) {
            prop_assert!(false, "{}", e);
        }
    }
}

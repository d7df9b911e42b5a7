//! The monthly accounting identity: every operator's cash, debt and bitcoin
//! balances reconcile with the month's flows, everywhere in the lever space.

mod common;

use common::any_scenario;
use proptest::prelude::*;
use squeeze_model::{run, MinerOutcome, Scenario};

/// Checks cash, debt and BTC reconciliation for one operator; returns the first
/// month that fails, with a description.
fn reconcile(m: &MinerOutcome, opening_cash: f64, opening_debt: f64, opening_btc: f64) -> Result<(), String> {
    let a = &m.accounts;
    let (mut cash, mut debt, mut btc) = (opening_cash, opening_debt, opening_btc);
    for i in 0..m.cash_usd.len() {
        let flows = a.ai_revenue_usd[i] + a.mining_revenue_usd[i]
            - a.operating_costs_usd[i]
            - a.prepayment_credit_usd[i]
            - a.interest_usd[i]
            - a.principal_usd[i]
            - a.capex_usd[i]
            + a.new_debt_usd[i]
            + a.equity_raised_usd[i]
            + a.prepayment_received_usd[i]
            + a.btc_sale_proceeds_usd[i];
        let scale = 1.0 + cash.abs() + flows.abs() + a.capex_usd[i] + a.principal_usd[i];
        if (m.cash_usd[i] - (cash + flows)).abs() > 1e-9 * scale {
            return Err(format!(
                "{} month {i}: cash {} != {} + {}",
                m.archetype, m.cash_usd[i], cash, flows
            ));
        }
        let debt_expected = debt + a.new_debt_usd[i] + a.capitalised_interest_usd[i] - a.principal_usd[i];
        if (a.debt_usd[i] - debt_expected).abs() > 1e-9 * (1.0 + debt.abs() + a.principal_usd[i]) {
            return Err(format!(
                "{} month {i}: debt {} != {}",
                m.archetype, a.debt_usd[i], debt_expected
            ));
        }
        if (a.btc_held[i] - (btc - a.btc_sold[i])).abs() > 1e-9 * (1.0 + btc) {
            return Err(format!(
                "{} month {i}: btc {} != {} - {}",
                m.archetype, a.btc_held[i], btc, a.btc_sold[i]
            ));
        }
        if (a.debt_usd[i] > 1.0) && m.debt_service_usd[i] < 0.0 {
            return Err(format!("{} month {i}: negative debt service", m.archetype));
        }
        if (m.debt_service_usd[i] - (a.interest_usd[i] + a.principal_usd[i])).abs()
            > 1e-9 * (1.0 + m.debt_service_usd[i])
        {
            return Err(format!(
                "{} month {i}: debt service is not interest plus principal",
                m.archetype
            ));
        }
        if (a.capex_usd[i] - (a.new_debt_usd[i] + a.equity_raised_usd[i] + a.prepayment_received_usd[i])).abs()
            > 1e-9 * (1.0 + a.capex_usd[i])
        {
            return Err(format!("{} month {i}: capex is not fully funded", m.archetype));
        }
        (cash, debt, btc) = (m.cash_usd[i], a.debt_usd[i], a.btc_held[i]);
    }
    Ok(())
}

fn check(s: &Scenario) -> Result<(), String> {
    let o = run(s);
    for (m, archetype) in o.miners.iter().zip(s.era.archetypes()) {
        let opening_debt: f64 = archetype.debt.iter().map(|d| d.principal_usd).sum();
        reconcile(m, archetype.cash_usd, opening_debt, archetype.btc_held)?;
        let sold: f64 = m.accounts.btc_sold.iter().sum();
        if (sold - m.forced_btc_sales).abs() > 1e-9 * (1.0 + sold) {
            return Err(format!(
                "{}: forced sales {} != sum of monthly sales {}",
                m.archetype, m.forced_btc_sales, sold
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

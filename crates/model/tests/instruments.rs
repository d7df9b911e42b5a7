//! The instruments behave as their contracts say, everywhere in the lever space:
//! - a higher share price never makes a convertible harder to settle (more of the
//!   notes convert into shares, less cash is paid on them, no squeeze comes earlier);
//! - raising a backstop's dollar cap never hastens its landlord's squeeze;
//! - a shared tenant's failure hits every landlord of that tenant in the same month,
//!   each losing the rent its backstop does not cover;
//! - non-recourse project debt loses the project, not the parent, and the option to
//!   hand a project over never hurts the parent;
//! - a squeeze accelerates the debt whose contracts carry cross-default clauses.
//!
//! Each tranche's own rules (conversion, puts, margin calls, rolls, unwinding,
//! amortisation, PIK) are unit-tested beside the code in `engine/debt.rs`.

mod common;

use common::squeeze_rank;
use proptest::prelude::*;
use squeeze_model::data::TrancheKind;
use squeeze_model::{run_on, run_with_shocks_on, Dataset, Era, EventKind, LeverId, Scenario, ShockPath, LEVERS};

/// Any late-2025 scenario (the instruments live in the late-2025 data) whose central
/// bitcoin path does not trend down: on a falling path a company that keeps its
/// bitcoin longer (because it could pay otherwise) sells it cheaper, so a better
/// position can squeeze it later (MODEL.md, "Directions").
fn any_late_scenario() -> impl Strategy<Value = Scenario> {
    let ranges: Vec<_> = LEVERS.iter().map(|lever| lever.min..=lever.max).collect();
    ranges.prop_map(|values| {
        let mut scenario = Scenario::default();
        for (lever, value) in LEVERS.iter().zip(values) {
            scenario.set(lever.id, value);
        }
        scenario.btc_trend = scenario.btc_trend.abs();
        scenario
    })
}

fn late() -> &'static Dataset {
    Dataset::for_era(Era::Late2025)
}

/// The late-2025 data with every company's share price multiplied by `factor`.
fn with_share_prices(factor: f64) -> &'static Dataset {
    let mut data = late().clone();
    for company in &mut data.companies {
        company.share_price_usd.value *= factor;
    }
    data.leak()
}

/// The late-2025 data with every backstop's cap multiplied by `factor`.
fn with_backstop_caps(factor: f64) -> &'static Dataset {
    let mut data = late().clone();
    for lease in data.companies.iter_mut().flat_map(|c| c.leases.iter_mut()) {
        if let Some(backstop) = &mut lease.backstop {
            backstop.cap_usd.value *= factor;
        }
    }
    data.leak()
}

/// Cash paid on convertibles over the run: principal repaid on them, from the
/// events (puts, repayments and refused refinancings of convertible tranches).
fn convertible_cash_paid(o: &squeeze_model::Outcome, data: &Dataset) -> f64 {
    let convertible_labels: Vec<&str> = data
        .companies
        .iter()
        .flat_map(|c| &c.debt)
        .filter(|t| t.kind == TrancheKind::Convertible)
        .map(|t| t.label.as_str())
        .collect();
    o.miners
        .iter()
        .flat_map(|m| &m.events)
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::Put | EventKind::RefinancingRefused | EventKind::Repaid
            )
        })
        .filter(|e| convertible_labels.contains(&e.detail))
        .map(|e| e.amount)
        .sum()
}

fn conversions(o: &squeeze_model::Outcome) -> usize {
    o.miners
        .iter()
        .flat_map(|m| &m.events)
        .filter(|e| e.kind == EventKind::Converted)
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_higher_share_price_never_makes_a_convertible_harder_to_settle(s in any_late_scenario(), factor in 1.0..4.0f64) {
        let (low, high) = (late(), with_share_prices(factor));
        let (base, richer) = (run_on(low, &s), run_on(high, &s));
        prop_assert!(conversions(&richer) >= conversions(&base));
        prop_assert!(convertible_cash_paid(&richer, high) <= convertible_cash_paid(&base, low) + 1.0);
        for (r, b) in richer.miners.iter().zip(&base.miners) {
            prop_assert!(squeeze_rank(r.squeeze_month) >= squeeze_rank(b.squeeze_month), "{}", r.id);
        }
    }

    #[test]
    fn a_bigger_backstop_never_hastens_its_landlords_squeeze(s in any_late_scenario(), factor in 1.0..3.0f64) {
        let (smaller, bigger) = (run_on(with_backstop_caps(1.0 / factor), &s), run_on(late(), &s));
        for (b, m) in bigger.miners.iter().zip(&smaller.miners) {
            prop_assert!(squeeze_rank(b.squeeze_month) >= squeeze_rank(m.squeeze_month), "{}", b.id);
            let (rb, rm): (f64, f64) = (b.accounts.ai_revenue_usd.iter().sum(), m.accounts.ai_revenue_usd.iter().sum());
            prop_assert!(rb >= rm - 1.0, "{}: {rb} < {rm}", b.id);
        }
    }
}

#[test]
fn a_shared_tenants_failure_hits_every_landlord_in_the_same_month() {
    let s = Scenario::default();
    let data = late();
    let fluidstack = data
        .tenants
        .iter()
        .position(|t| t.id == "fluidstack")
        .expect("fluidstack");
    let landlords: Vec<&str> = data
        .companies
        .iter()
        .filter(|c| c.leases.iter().any(|l| l.tenant == "fluidstack"))
        .map(|c| c.id.as_str())
        .collect();
    assert!(
        landlords.len() >= 3,
        "Fluidstack leases from TeraWulf, Cipher and Hut 8: {landlords:?}"
    );
    // 2028-07: every Fluidstack lease is billing by then.
    let month = 30;
    // Without backstops the whole rent goes; with them, only what the cap leaves.
    let no_caps = with_backstop_caps(0.0);
    let failed = run_with_shocks_on(no_caps, &s, &ShockPath::tenant_fails(no_caps, fluidstack, month));
    let healthy = run_on(no_caps, &s);
    for id in &landlords {
        let (f, h) = (
            failed.miner(id).expect("landlord"),
            healthy.miner(id).expect("landlord"),
        );
        let events: Vec<u32> = f
            .events
            .iter()
            .filter(|e| e.kind == EventKind::TenantFailed && e.detail == "Fluidstack")
            .map(|e| e.month)
            .collect();
        assert_eq!(events, [month], "{id}: Fluidstack fails once, in month {month}");
        let m = month as usize;
        assert!(
            (f.accounts.ai_revenue_usd[m - 1] - h.accounts.ai_revenue_usd[m - 1]).abs() < 1.0,
            "{id}: before"
        );
        let lost = h.accounts.ai_revenue_usd[m] - f.accounts.ai_revenue_usd[m];
        let rent: f64 = data
            .company(id)
            .expect("landlord")
            .leases
            .iter()
            .filter(|l| l.tenant == "fluidstack")
            .map(|l| l.contract_value_usd.value / l.term_years.value / 12.0)
            .sum();
        assert!(
            lost > 0.5 * rent,
            "{id}: loses {lost} of {rent} a month in month {month}"
        );
    }
    // With Google's backstops the same failure costs the backstopped landlords little.
    let backstopped = run_with_shocks_on(data, &s, &ShockPath::tenant_fails(data, fluidstack, month));
    for id in &landlords {
        let paid = backstopped
            .miner(id)
            .expect("landlord")
            .events
            .iter()
            .any(|e| e.kind == EventKind::BackstopPaid && e.month == month);
        assert!(paid, "{id}: Google starts paying in month {month}");
    }
}

#[test]
fn the_slowdown_lever_reaches_the_tenants() {
    // More slowdown lowers utilisation, and tenants fail more often: expected rent
    // from Fluidstack falls. (A check that the shared tenant is wired to the market.)
    let no_caps = with_backstop_caps(0.0);
    let rent = |slowdown: f64| {
        let mut s = Scenario {
            ai_demand_slowdown: slowdown,
            ..Scenario::default()
        };
        s.set(LeverId::ContractedShare, 0.0);
        let o = run_on(no_caps, &s);
        o.miner("terawulf")
            .map_or(0.0, |m| m.accounts.ai_revenue_usd.iter().sum::<f64>())
    };
    assert!(rent(0.8) < rent(0.0));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn the_option_to_hand_a_project_over_never_hurts_the_parent(s in any_late_scenario()) {
        // The same world with project debt guaranteed in full by the parent: the
        // option to hand a project to its lenders never squeezes the parent sooner.
        let filed = run_on(late(), &s);
        let full = run_on(projects_with_recourse(), &s);
        for (f, h) in filed.miners.iter().zip(&full.miners) {
            prop_assert!(squeeze_rank(f.squeeze_month) >= squeeze_rank(h.squeeze_month), "{}", f.id);
        }
    }
}

/// The late-2025 data with every project's debt guaranteed in full by its parent.
fn projects_with_recourse() -> &'static Dataset {
    use squeeze_model::data::{Guarantee, Recourse};
    use std::sync::OnceLock;
    static DATA: OnceLock<&'static Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let mut data = late().clone();
        for t in data.companies.iter_mut().flat_map(|c| c.debt.iter_mut()) {
            if t.recourse == Recourse::Project {
                t.recourse = Recourse::Parent;
                t.guarantee = Guarantee::Full;
            }
        }
        data.leak()
    })
}

fn tenant(id: &str) -> usize {
    late()
        .tenants
        .iter()
        .position(|t| t.id == id)
        .expect("tenant in the data")
}

#[test]
fn a_project_without_recourse_is_handed_to_its_lenders_and_the_parent_carries_on() {
    // Fluidstack stops paying in 2027 and no backstop pays: TeraWulf's project
    // companies cannot service their notes, so their lenders take the sites.
    let no_caps = with_backstop_caps(0.0);
    let s = Scenario::default();
    let o = run_with_shocks_on(no_caps, &s, &ShockPath::tenant_fails(no_caps, tenant("fluidstack"), 12));
    let wulf = o.miner("terawulf").expect("TeraWulf");
    let handed: Vec<_> = wulf
        .events
        .iter()
        .filter(|e| e.kind == EventKind::ProjectHandedOver)
        .collect();
    assert!(!handed.is_empty(), "{:?}", wulf.events);
    assert_eq!(
        wulf.squeeze_month, None,
        "the parent is not squeezed by its projects' debt"
    );
    let project_debt: f64 = (no_caps.company("terawulf").expect("TeraWulf").debt.iter())
        .filter(|t| t.recourse == squeeze_model::data::Recourse::Project)
        .map(|t| t.principal_usd.value)
        .sum();
    let released: f64 = wulf.accounts.debt_released_usd.iter().sum();
    assert!(released > 0.5 * project_debt, "released {released} of {project_debt}");
    let month = handed[0].month as usize;
    assert!(
        wulf.accounts.debt_usd[month] < wulf.accounts.debt_usd[month - 1] - 0.5 * handed[0].amount,
        "the debt leaves the balance sheet that month"
    );
}

#[test]
fn a_squeeze_accelerates_debt_with_cross_default_clauses() {
    // CoreWeave stops paying in 2027 and bitcoin falls 60%: Core Scientific cannot
    // pay the holders' put of its 2031 notes; its 2029 notes carry cross-default.
    let s = Scenario {
        btc_price_shock: -0.6,
        ..Scenario::default()
    };
    let data = late();
    let o = run_with_shocks_on(data, &s, &ShockPath::tenant_fails(data, tenant("coreweave"), 12));
    let core = o.miner("core_scientific").expect("Core Scientific");
    let squeezed = core.squeeze_month.expect("squeezed");
    let accelerated: Vec<_> = core
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Accelerated)
        .collect();
    assert_eq!(accelerated.len(), 1, "{:?}", core.events);
    assert_eq!(accelerated[0].month, squeezed, "in the month of the squeeze");
    let cross_default: f64 = (data.company("core_scientific").expect("Core").debt.iter())
        .filter(|t| t.cross_default)
        .map(|t| t.principal_usd.value)
        .sum();
    assert!(core.accelerated_debt_usd > 0.0 && core.accelerated_debt_usd <= cross_default + 1.0);
}

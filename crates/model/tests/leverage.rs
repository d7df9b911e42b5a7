//! The leverage lever means what readers think it means, in both eras: more of
//! what a company builds or buys funded with debt, on the terms that come with
//! more of it (the mezzanine and junior layers of the capital stack in 2025–30,
//! the equipment loans of 2022). Monotonicity over the whole lever space is a
//! property test in `directions.rs`; these check that the effect is there, and
//! large enough to see, where readers look for it.

use squeeze_model::{monte_carlo, run, Preset, Scenario};

fn with_leverage(s: &Scenario, leverage: f64) -> Scenario {
    Scenario {
        miner_leverage: leverage,
        ..*s
    }
}

fn at_slowdown(slowdown: f64) -> Scenario {
    Scenario {
        ai_demand_slowdown: slowdown,
        ..Scenario::BASE
    }
}

#[test]
fn in_the_2022_replay_more_equipment_debt_brings_the_squeeze_forward() {
    let replay = Preset::by_id("replay_2022").expect("the replay preset").scenario;
    let (low, high) = (run(&with_leverage(&replay, 0.3)), run(&with_leverage(&replay, 0.9)));
    let core = |o: &squeeze_model::Outcome| {
        (o.miners.iter().find(|m| m.id == "core_scientific_2022"))
            .expect("Core Scientific in the replay")
            .squeeze_month
    };
    let (low_month, high_month) = (core(&low), core(&high));
    // Squeezed in 2022 either way (months 0–11), and sooner with more debt.
    assert!(high_month.is_some_and(|m| m < 12), "{:?}", high.squeeze_date);
    assert!(low_month.is_some_and(|m| m < 12), "{:?}", low.squeeze_date);
    assert!(
        high_month < low_month,
        "leverage 0.9 squeezes in {:?}, 0.3 in {:?}",
        high.squeeze_date,
        low.squeeze_date
    );
    // Less debt means the machines were paid with shares: more dilution.
    let dilution = |o: &squeeze_model::Outcome| o.miners.iter().map(|m| m.dilution).sum::<f64>();
    assert!(dilution(&low) > dilution(&high));
}

#[test]
fn junior_layers_make_build_debt_dearer_and_more_of_it_is_borrowed() {
    let (low, high) = (
        run(&with_leverage(&Scenario::BASE, 0.3)),
        run(&with_leverage(&Scenario::BASE, 0.9)),
    );
    let total = |o: &squeeze_model::Outcome, f: fn(&squeeze_model::Accounts) -> &Vec<f64>| -> f64 {
        o.miners.iter().map(|m| f(&m.accounts).iter().sum::<f64>()).sum()
    };
    let (debt_low, debt_high) = (total(&low, |a| &a.new_debt_usd), total(&high, |a| &a.new_debt_usd));
    let (interest_low, interest_high) = (total(&low, |a| &a.interest_usd), total(&high, |a| &a.interest_usd));
    assert!(debt_high > 2.0 * debt_low, "new debt {debt_low:.3e} → {debt_high:.3e}");
    // The extra interest outgrows the extra debt at the base rate alone: the
    // layers above 60% of cost pay more.
    let base_rate_interest = (debt_high - debt_low) * Scenario::BASE.interest_rate;
    assert!(interest_high - interest_low > 0.0);
    assert!(
        (interest_high - interest_low) / 5.0 > base_rate_interest * 0.25,
        "{interest_low:.3e} → {interest_high:.3e}"
    );
}

#[test]
fn at_a_deep_slowdown_more_leverage_adds_a_squeezed_company_on_the_central_path() {
    let s = at_slowdown(0.7);
    let squeezed = |o: &squeeze_model::Outcome| o.miners.iter().filter(|m| m.squeeze_month.is_some()).count();
    let (low, high) = (run(&with_leverage(&s, 0.3)), run(&with_leverage(&s, 0.9)));
    let earlier_by_a_year = match (low.squeeze_month, high.squeeze_month) {
        (Some(l), Some(h)) => h + 12 <= l,
        (None, Some(_)) => true,
        _ => false,
    };
    assert!(
        squeezed(&high) > squeezed(&low) || earlier_by_a_year,
        "0.3: {:?} ({} squeezed), 0.9: {:?} ({} squeezed)",
        low.squeeze_date,
        squeezed(&low),
        high.squeeze_date,
        squeezed(&high)
    );
}

/// Across the Monte Carlo's paths (the same seed, so the same bitcoin and AI
/// paths at both leverages), more leverage raises the chance of a squeeze by the
/// end at every slowdown. 400 paths put the standard error of each chance under
/// 2.5 points; the test asks for a rise of at least 5 points, and the two runs
/// share their paths, so the difference is far less noisy than either.
#[test]
fn more_leverage_raises_the_chance_of_a_squeeze_at_every_slowdown() {
    for slowdown in [0.2, 0.4, 0.7] {
        let s = at_slowdown(slowdown);
        let chance = |leverage: f64| {
            let r = monte_carlo(&with_leverage(&s, leverage), 1, 400);
            *r.squeeze_probability.last().expect("a month")
        };
        let (low, high) = (chance(0.3), chance(0.9));
        assert!(
            high >= low + 0.05,
            "slowdown {slowdown}: {low:.3} at 0.3, {high:.3} at 0.9"
        );
    }
}

//! History: the 2022 replay on the 2022 figures of the companies that lived through
//! it (bitcoin's monthly closes, no AI revenue), checked against what happened.
//!
//! Part 1 of model v2 checks what the filed instruments decide: Iris Energy's
//! limited-recourse equipment SPVs are handed to their lender late in 2022 while the
//! parent carries on (acceleration notice 4 Nov 2022, miners switched off 18 Nov);
//! Riot, with no debt, comes through the year; Core Scientific's liquidity drains
//! as bitcoin falls (it held 8,949 BTC and $108M cash at the start of 2022, and
//! $29.5M and 1,051 BTC at 30 Sep 2022). Core Scientific's Chapter 11 filing
//! (21 Dec 2022) is not reproduced on the data that could be sourced: its Q2–Q4
//! 2022 construction and equipment outflows are missing (MODEL.md, "2022 replay"),
//! so neither are its forced sales of mid-2022 (7,202 BTC in June): both are the
//! hindcast of part 2.
//! Tolerances: the SPV hand-over in Nov or Dec 2022; "drains" means Core's cash plus
//! bitcoin at market in Sep 2022 is at least a quarter below its January value (in
//! reality it fell about 90%, from ≈$500M to ≈$50M; the missing outflows above are
//! why the model falls short).

use squeeze_model::{run, EventKind, Preset, YearMonth};

fn replay() -> squeeze_model::Outcome {
    let preset = Preset::by_id("replay_2022").expect("the replay preset");
    run(&preset.scenario)
}

#[test]
fn the_replay_starts_in_january_2022_with_no_ai_revenue() {
    let o = replay();
    assert_eq!(o.series.months.first(), Some(&YearMonth::new(2022, 1)));
    assert_eq!(o.total_ai_revenue_usd(), 0.0, "no AI revenue in 2022");
}

#[test]
fn iris_energy_hands_its_equipment_spvs_to_their_lender_late_in_2022_and_carries_on() {
    let o = replay();
    let iris = o.miner("iris_energy_2022").expect("Iris Energy in the 2022 data");
    let handed: Vec<_> = iris
        .events
        .iter()
        .filter(|e| e.kind == EventKind::ProjectHandedOver)
        .collect();
    assert!(!handed.is_empty(), "the SPVs are handed over: {:?}", iris.events);
    for e in &handed {
        assert!(
            (YearMonth::new(2022, 11)..=YearMonth::new(2022, 12)).contains(&e.date),
            "handed over in {}, expected Nov–Dec 2022",
            e.date
        );
    }
    assert_eq!(
        iris.squeeze_month, None,
        "the parent is not squeezed: the loans had no parent guarantee"
    );
    let released: f64 = iris.accounts.debt_released_usd.iter().sum();
    assert!(
        released > 50e6,
        "the SPV debt (≈$100M) leaves the balance sheet, released {released}"
    );
}

#[test]
fn riot_without_debt_comes_through_2022() {
    let o = replay();
    let riot = o.miner("riot_2022").expect("Riot in the 2022 data");
    assert_eq!(riot.squeeze_month, None);
}

#[test]
fn core_scientific_liquidity_drains_as_bitcoin_falls() {
    let o = replay();
    let core = o
        .miner("core_scientific_2022")
        .expect("Core Scientific in the 2022 data");
    let liquidity = |month: usize| core.cash_usd[month] + core.accounts.btc_held[month] * o.series.btc_price_usd[month];
    let september = o
        .series
        .months
        .iter()
        .position(|m| *m == YearMonth::new(2022, 9))
        .expect("Sep 2022");
    assert!(
        liquidity(september) < 0.75 * liquidity(0),
        "cash plus bitcoin {:.0}M in Sep 2022 vs {:.0}M in Jan",
        liquidity(september) / 1e6,
        liquidity(0) / 1e6
    );
}

#[test]
fn holding_bitcoin_at_its_january_level_spares_every_2022_miner_in_the_first_half() {
    // The strain comes from the 2022 price path: with bitcoin held near its January
    // level (+100% shock roughly offsets the slide to December), no one is squeezed
    // before July.
    let mut s = Preset::by_id("replay_2022").expect("preset").scenario;
    s.btc_price_shock = 1.0;
    let o = run(&s);
    assert!(o.squeeze_month.is_none_or(|m| m >= 6), "{:?}", o.squeeze_date);
}

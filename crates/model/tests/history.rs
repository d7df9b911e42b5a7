//! History: the 2022 replay on the 2022 figures of the companies that lived through
//! it (bitcoin's monthly closes, no AI revenue), checked against what happened.
//!
//! - Core Scientific runs out of cash in the autumn of 2022 at any power price
//!   typical of 2022 for it ($40–61/MWh, the power lever from 30 to 45): it warned of
//!   going concern and stopped paying its lenders in late October and filed for
//!   Chapter 11 on 21 December 2022. Tolerance: a squeeze from September to December
//!   2022. It sells the bitcoin it held at the start of the year under pressure from
//!   mid-2022 (it sold 7,202 BTC in June and held 1,051 BTC at 30 September):
//!   tolerance, a first forced sale from May to August and at least four-fifths of
//!   the starting holding sold by December.
//! - Iris Energy's limited-recourse equipment SPVs are handed to their lender late in
//!   2022 while the parent carries on (acceleration notice 4 Nov 2022, miners switched
//!   off 18 Nov). Tolerance: Nov–Dec 2022.
//! - Riot, with no debt, comes through the year.

use squeeze_model::{run, Dataset, EventKind, Preset, YearMonth};

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
fn core_scientific_runs_out_of_cash_in_the_autumn_of_2022_at_the_power_prices_it_paid() {
    for power in [30.0, 35.0, 40.0, 45.0] {
        let mut s = Preset::by_id("replay_2022").expect("the replay preset").scenario;
        s.power_price_usd_per_mwh = power;
        let o = run(&s);
        let core = o
            .miner("core_scientific_2022")
            .expect("Core Scientific in the 2022 data");
        let date = core
            .squeeze_date
            .unwrap_or_else(|| panic!("power {power}: Core is squeezed in 2022"));
        assert!(
            (YearMonth::new(2022, 9)..=YearMonth::new(2022, 12)).contains(&date),
            "power {power}: squeezed in {date}, expected Sep–Dec 2022"
        );
        let first_sale = core
            .accounts
            .btc_sold
            .iter()
            .position(|&b| b > 0.0)
            .expect("it sells bitcoin");
        let first = o.series.months[first_sale];
        assert!(
            (YearMonth::new(2022, 5)..=YearMonth::new(2022, 8)).contains(&first),
            "power {power}: first forced sale in {first}, expected May–Aug 2022"
        );
        let start = Dataset::for_era(squeeze_model::Era::Crypto2022)
            .company("core_scientific_2022")
            .expect("Core")
            .btc_held
            .value;
        assert!(
            core.forced_btc_sales >= 0.8 * start,
            "power {power}: sold {:.0} of {start:.0} BTC",
            core.forced_btc_sales
        );
    }
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

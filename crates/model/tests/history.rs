//! History: replaying 2022 (bitcoin's monthly closes, a 2022-style leveraged miner,
//! no AI revenue) squeezes the leveraged miner in the second half of 2022, as
//! happened (Core Scientific sold 7,202 BTC in June, missed loan payments in
//! October and filed for Chapter 11 on 21 December 2022), while a miner without
//! legacy debt comes through the year (as Riot Platforms did).
//!
//! Tolerance: any month from 2022-07 to 2022-12.

use squeeze_model::{run, Era, Preset, YearMonth};

#[test]
fn replay_squeezes_the_leveraged_miner_in_the_second_half_of_2022() {
    let preset = Preset::by_id("replay_2022").expect("the replay preset");
    assert_eq!(preset.scenario.era, Era::Crypto2022);
    let o = run(&preset.scenario);
    assert_eq!(o.series.months.first(), Some(&YearMonth::new(2022, 1)));
    assert_eq!(o.total_ai_revenue_usd(), 0.0, "no AI revenue in 2022");

    let leveraged = o.miner("leveraged_miner_2022").expect("leveraged miner");
    let date = leveraged.squeeze_date.expect("the leveraged miner is squeezed in 2022");
    assert!(
        (YearMonth::new(2022, 7)..=YearMonth::new(2022, 12)).contains(&date),
        "squeezed in {date}, expected the second half of 2022"
    );
    assert!(
        leveraged.forced_btc_sales > 0.0,
        "it sells bitcoin under pressure first"
    );
    assert_eq!(o.squeeze_date, Some(date), "it is the first operator squeezed");

    let light = o.miner("lightly_levered_miner_2022").expect("lightly levered miner");
    assert_eq!(light.squeeze_month, None, "the miner without legacy debt survives 2022");
}

#[test]
fn replay_without_the_crash_does_not_squeeze_in_the_first_half() {
    // The squeeze comes from the 2022 price path: with bitcoin held at its January
    // level (+100% shock roughly offsets the slide to December), no one is squeezed
    // before July.
    let mut s = Preset::by_id("replay_2022").expect("preset").scenario;
    s.btc_price_shock = 1.0;
    let o = run(&s);
    assert!(o.squeeze_month.is_none_or(|m| m >= 6), "{:?}", o.squeeze_date);
}

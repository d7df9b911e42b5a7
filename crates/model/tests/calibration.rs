//! The base case reproduces the late-2025 starting point, and the 2022 replay the
//! 2022 mining economy, within stated tolerances of published figures. These compare
//! the model with the outside world, never with its own earlier output.

use squeeze_model::assumptions::{GPU_CLOUD_RATE_USD_PER_MW_YEAR, LEASE_RATE_USD_PER_MW_YEAR};
use squeeze_model::{run, Preset, Scenario};

fn within(value: f64, low: f64, high: f64) -> bool {
    (low..=high).contains(&value)
}

/// Hashprice in the first month against Luxor's November 2025 figures: a record low
/// of $35.06 (22 Nov) and a monthly average of $39.82/PH/day. Tolerance: 15% below
/// the low to 15% above the average (the model starts in January 2026).
#[test]
fn base_case_starts_at_late_2025_hashprice() {
    let o = run(&Scenario::default());
    let hashprice = o.series.hashprice_usd_per_ph_day[0];
    assert!(within(hashprice, 35.06 * 0.85, 39.82 * 1.15), "hashprice {hashprice}");
}

/// Bitcoin ~$81–86k in late November 2025 (after the ~$126k record of 6 October);
/// tolerance 5%. Network hashrate between Hashrate Index's 930 EH/s 7-day average
/// (3 Nov 2025) and the ~1.16 ZH/s record (Oct 2025).
#[test]
fn base_case_starts_at_late_2025_price_and_hashrate() {
    let o = run(&Scenario::default());
    assert!(
        within(o.series.btc_price_usd[0], 81_000.0 * 0.95, 86_000.0 * 1.05),
        "{}",
        o.series.btc_price_usd[0]
    );
    assert!(
        within(o.series.network_hashrate_eh[0], 930.0, 1_160.0),
        "{}",
        o.series.network_hashrate_eh[0]
    );
}

/// Revenue mix at the start: in late 2025 AI was "only a small share of revenue for
/// most" hybrid miners (Bloomberg, Nov 2025) while the big contracts were still being
/// built; once built, contracted AI rent dominates (Core Scientific's ~$8.7B over 12
/// years for ~500 MW alone exceeds its mining revenue). Tolerance: AI below half of
/// revenue in the first month, above half in the last year.
#[test]
fn base_case_revenue_mix_shifts_from_mining_to_ai() {
    let o = run(&Scenario::default());
    let s = &o.series;
    let share = |i: usize| s.ai_revenue_usd[i] / (s.ai_revenue_usd[i] + s.mining_revenue_usd[i]);
    assert!(share(0) > 0.0 && share(0) < 0.5, "AI share at start {}", share(0));
    let last_year: f64 = (48..60).map(share).sum::<f64>() / 12.0;
    assert!(last_year > 0.5, "AI share in 2030 {last_year}");
}

/// The lease and GPU-cloud rates against the deals they come from: Cipher–Fluidstack
/// ~$3B / 10 years / 168 MW; IREN–Microsoft ~$9.7B / 5 years / ~200 MW. Tolerance 5%.
#[test]
fn contract_rates_match_the_2025_deals() {
    let cipher = 3.0e9 / 10.0 / 168.0;
    assert!((LEASE_RATE_USD_PER_MW_YEAR / cipher - 1.0).abs() < 0.05);
    let iren = 9.7e9 / 5.0 / 200.0;
    assert!((GPU_CLOUD_RATE_USD_PER_MW_YEAR / iren - 1.0).abs() < 0.05);
}

/// In the base case (tight AI market) the landlord, once built, earns about the
/// lease-implied rent on its capacity: within 10% of its MW × $1.8M a year.
#[test]
fn built_landlord_earns_its_lease_implied_rent() {
    let o = run(&Scenario::default());
    let landlord = o.miner("landlord").expect("landlord archetype");
    let yearly: f64 = landlord.accounts.ai_revenue_usd[24..36].iter().sum();
    let implied = landlord.ai_mw * LEASE_RATE_USD_PER_MW_YEAR;
    assert!((yearly / implied - 1.0).abs() < 0.1, "{yearly} vs {implied}");
}

/// The 2022 replay against Hashrate Index's 2022 review: average hashprice
/// $123.88/PH/day (tolerance 25%: the model uses monthly closes) and a low of
/// $55.94 in November (tolerance 20%); hashrate ~251–272 EH/s (7-day average) in
/// November 2022, tolerance 15%.
#[test]
fn replay_reproduces_2022_mining_economics() {
    let o = run(&Preset::by_id("replay_2022").expect("preset").scenario);
    let hashprice = &o.series.hashprice_usd_per_ph_day;
    let average = hashprice.iter().sum::<f64>() / hashprice.len() as f64;
    assert!(within(average, 123.88 * 0.75, 123.88 * 1.25), "average {average}");
    let low = hashprice.iter().copied().fold(f64::INFINITY, f64::min);
    assert!(within(low, 55.94 * 0.8, 55.94 * 1.2), "low {low}");
    let november = o.series.network_hashrate_eh[10];
    assert!(within(november, 251.0 * 0.85, 272.0 * 1.15), "hashrate {november}");
}

//! The network model in the main run: a halving switches off the least efficient
//! machines rather than half the network, a fall in bitcoin leaves most of the
//! network running, the network grows when new machines pay back, and a higher
//! bitcoin price never means less hashrate (property over the lever space).
//! The hindcast against 2024 is in `hindcast.rs`.

mod common;

use common::any_scenario;
use proptest::prelude::*;
use squeeze_model::{run, Era, LeverId, Scenario, LEVERS};

fn hashrate(s: &Scenario) -> Vec<f64> {
    run(s).series.network_hashrate_eh
}

/// The month index of the 2028 halving in the late-2025 run.
fn halving_month() -> usize {
    let o = run(&Scenario::default());
    let date = o.halving_date.expect("the halving falls in the run");
    o.series.months.iter().position(|m| *m == date).expect("halving month")
}

#[test]
fn the_2028_halving_switches_off_old_machines_not_half_the_network() {
    let h = halving_month();
    for shock in [0.0, 0.5] {
        let s = Scenario {
            btc_price_shock: shock,
            ..Scenario::default()
        };
        let eh = hashrate(&s);
        let dip = 1.0 - eh[h] / eh[h - 1];
        assert!(dip > 0.0, "shock {shock}: some machines switch off");
        assert!(
            dip < 0.5,
            "shock {shock}: the network loses {:.0}%, not half",
            dip * 100.0
        );
    }
    // The richer the miners before the halving, the smaller the share switched off.
    let dip = |shock: f64| {
        let eh = hashrate(&Scenario {
            btc_price_shock: shock,
            ..Scenario::default()
        });
        1.0 - eh[h] / eh[h - 1]
    };
    assert!(dip(0.5) < dip(0.0), "{} vs {}", dip(0.5), dip(0.0));
}

#[test]
fn half_the_bitcoin_price_leaves_more_than_half_the_network_running_for_a_year() {
    let start = Era::Late2025.data().market.network_hashrate_eh.figure.value;
    let eh = hashrate(&Scenario {
        btc_price_shock: -0.5,
        ..Scenario::default()
    });
    for (m, e) in eh.iter().take(12).enumerate() {
        assert!(*e >= 0.5 * start, "month {m}: {e:.0} of {start:.0} EH/s");
    }
}

#[test]
fn the_network_grows_when_new_machines_pay_back() {
    // At twice the late-2025 price a new machine pays back well within two years:
    // the network is bigger a year on.
    let eh = hashrate(&Scenario {
        btc_price_shock: 1.0,
        ..Scenario::default()
    });
    assert!(eh[12] > eh[0], "{:.0} → {:.0}", eh[0], eh[12]);
    // At the late-2025 price it does not: the network does not grow in 2026.
    let flat = hashrate(&Scenario::default());
    assert!(flat[11] <= flat[0], "{:.0} → {:.0}", flat[0], flat[11]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_higher_bitcoin_price_never_means_less_hashrate(s in any_scenario(), by in 0.0..1.8f64) {
        let lever = LEVERS.iter().find(|l| l.id == LeverId::BtcPriceShock).expect("lever");
        let mut richer = s;
        richer.btc_price_shock = (s.btc_price_shock + by).min(lever.max);
        let (poor, rich) = (run(&s), run(&richer));
        // Forced sales feed back into the price (and so into which machines run);
        // compare months before either run's first forced sale.
        let first_sale = (poor.series.forced_btc_sales.iter().zip(&rich.series.forced_btc_sales))
            .position(|(a, b)| *a > 0.0 || *b > 0.0)
            .unwrap_or(poor.series.months.len());
        for m in 0..first_sale {
            prop_assert!(
                rich.series.network_hashrate_eh[m] >= poor.series.network_hashrate_eh[m] * (1.0 - 1e-9),
                "month {}", m
            );
        }
    }

    #[test]
    fn the_network_stays_finite_and_positive(s in any_scenario()) {
        let o = run(&s);
        for (eh, hp) in o.series.network_hashrate_eh.iter().zip(&o.series.hashprice_usd_per_ph_day) {
            prop_assert!(eh.is_finite() && *eh > 0.0);
            prop_assert!(hp.is_finite() && *hp > 0.0);
        }
    }
}

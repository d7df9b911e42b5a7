//! Hindcast: the network model against the April 2024 halving.
//!
//! From January 2024 the model's network runs on the bitcoin prices and fees that
//! happened (`data/hindcasts/halving-2024.toml`, Coin Metrics) with the late-2025
//! data file's assumptions — power prices, payback, machine life, order rate — and
//! must follow the hashrate's actual path and halve hashprice at the halving, as the
//! real network did. Tolerances (MODEL.md, "Hindcasts"): the running hashrate within
//! 15% of the actual monthly average every month; the post-halving dip no deeper than
//! 20%; hashprice in the first full month after the halving between 35% and 65% of the
//! month before it (actual: 48%).

use squeeze_model::network::{run_network, NetworkInputs, NetworkMonth, NetworkState};
use squeeze_model::{Dataset, Era};
use toml::de::{DeTable, DeValue};

const HINDCAST: &str = include_str!("../../../data/hindcasts/halving-2024.toml");

/// The figure `key` of the hindcast file: its `value`, or its `values`.
fn figure<'a>(table: &'a DeTable<'a>, key: &str) -> &'a DeTable<'a> {
    table
        .get(key)
        .and_then(|v| v.get_ref().as_table())
        .unwrap_or_else(|| panic!("{key} in the hindcast file"))
}

fn number(value: &DeValue) -> f64 {
    match value {
        DeValue::Integer(i) => i.as_str().parse().expect("integer"),
        DeValue::Float(f) => f.as_str().parse().expect("float"),
        other => panic!("not a number: {other:?}"),
    }
}

fn value(table: &DeTable, key: &str) -> f64 {
    number(figure(table, key).get("value").expect("value").get_ref())
}

fn values(table: &DeTable, key: &str) -> Vec<f64> {
    let array = figure(table, key)
        .get("values")
        .expect("values")
        .get_ref()
        .as_array()
        .expect("a list");
    array.iter().map(|v| number(v.get_ref())).collect()
}

struct Hindcast {
    inputs: NetworkInputs,
    months: Vec<NetworkMonth>,
    halving: usize,
    hashrate_actual: Vec<f64>,
    hashprice_actual: Vec<f64>,
    model: Vec<NetworkState>,
}

fn hindcast() -> Hindcast {
    let doc = DeTable::parse(HINDCAST).expect("the hindcast file is TOML");
    let t = doc.get_ref();
    let late = Dataset::for_era(Era::Late2025);
    let mut market = late.market.values();
    market.network_hashrate_eh = value(t, "hashrate_eh");
    market.network_fleet_j_per_th = value(t, "fleet_j_per_th");
    market.new_machine_j_per_th = value(t, "new_machine_j_per_th");
    market.new_machine_usd_per_th = value(t, "new_machine_usd_per_th");
    let inputs = NetworkInputs::from_data(&market, &late.assumptions.values());
    let start: squeeze_model::YearMonth = t
        .get("start")
        .and_then(|v| v.get_ref().as_str())
        .expect("start")
        .parse()
        .expect("a month");
    let halving_at: squeeze_model::YearMonth = t
        .get("halving")
        .and_then(|v| v.get_ref().as_str())
        .expect("halving")
        .parse()
        .expect("a month");
    let halving = start.months_until(halving_at) as usize;
    let subsidy = value(t, "subsidy_before_btc");
    let closes = values(t, "btc_close_usd");
    let fee_share = values(t, "fee_share_of_revenue");
    let months: Vec<NetworkMonth> = (closes.iter().zip(&fee_share).enumerate())
        .map(|(i, (&price, &share))| {
            let subsidy = if i >= halving { subsidy / 2.0 } else { subsidy };
            NetworkMonth {
                btc_price_usd: price,
                reward_btc: subsidy / (1.0 - share),
            }
        })
        .collect();
    let model = run_network(inputs, &months);
    Hindcast {
        inputs,
        halving,
        hashrate_actual: values(t, "hashrate_eh_actual"),
        hashprice_actual: values(t, "hashprice_actual"),
        months,
        model,
    }
}

fn report(h: &Hindcast) -> String {
    (h.model
        .iter()
        .zip(&h.hashrate_actual)
        .zip(&h.hashprice_actual)
        .enumerate())
    .map(|(i, ((m, hr), hp))| {
        format!(
            "month {i:>2}: hashrate {:>6.0} (actual {hr:>6.0}), hashprice {:>6.1} (actual {hp:>6.1}), price {:>7.0}\n",
            m.running_eh, m.hashprice, h.months[i].btc_price_usd
        )
    })
    .collect()
}

#[test]
fn the_hindcast_file_has_a_month_for_every_series() {
    let h = hindcast();
    assert_eq!(h.months.len(), 24);
    assert_eq!(h.hashrate_actual.len(), h.months.len());
    assert_eq!(h.hashprice_actual.len(), h.months.len());
    assert!(h.inputs.hashrate_eh > 0.0);
}

#[test]
fn the_hashrate_follows_its_actual_path_within_fifteen_percent() {
    let h = hindcast();
    for (i, (m, actual)) in h.model.iter().zip(&h.hashrate_actual).enumerate() {
        let off = m.running_eh / actual - 1.0;
        assert!(off.abs() <= 0.15, "month {i}: {:+.0}%\n{}", off * 100.0, report(&h));
    }
}

#[test]
fn the_halving_halves_hashprice_and_switches_off_a_little_of_the_network() {
    let h = hindcast();
    let (before, after) = (h.model[h.halving - 2].hashprice, h.model[h.halving].hashprice);
    let ratio = after / before;
    assert!(
        (0.35..=0.65).contains(&ratio),
        "hashprice after/before the halving {ratio:.2}\n{}",
        report(&h)
    );
    let peak = h.model[..h.halving].iter().map(|m| m.running_eh).fold(0.0, f64::max);
    let low = h.model[h.halving..h.halving + 6]
        .iter()
        .map(|m| m.running_eh)
        .fold(f64::INFINITY, f64::min);
    assert!(low >= 0.8 * peak, "dip to {low:.0} from {peak:.0}\n{}", report(&h));
    assert!(low < peak, "the halving switches some machines off");
}

#[test]
fn every_source_the_hindcast_cites_is_defined_with_a_link() {
    let doc = DeTable::parse(HINDCAST).expect("TOML");
    let t = doc.get_ref();
    let sources = t
        .get("sources")
        .and_then(|v| v.get_ref().as_table())
        .expect("[sources]");
    for (key, value) in t.iter() {
        let Some(figure) = value.get_ref().as_table() else {
            continue;
        };
        let Some(source) = figure.get("source").and_then(|v| v.get_ref().as_str()) else {
            continue;
        };
        let entry = sources
            .get(source)
            .and_then(|v| v.get_ref().as_table())
            .unwrap_or_else(|| panic!("{}: source {source} is not defined", key.get_ref()));
        for field in ["title", "publisher", "date", "link"] {
            assert!(entry.get(field).is_some(), "source {source} has no {field}");
        }
        assert!(figure.get("as_of").is_some(), "{} has no as-of date", key.get_ref());
    }
}

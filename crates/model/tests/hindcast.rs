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

/// The hindcast as a chart for MODEL.md: `make docs` runs this test with
/// `SQUEEZE_HINDCAST_SVG` set to the file to write (`docs/hindcast-2024.svg`);
/// without it the test only checks that the chart draws. Two panels, model
/// against the actual monthly averages: the running hashrate and hashprice.
#[test]
fn the_hindcast_chart_draws() {
    let h = hindcast();
    let hashrate: Vec<f64> = h.model.iter().map(|m| m.running_eh).collect();
    let hashprice: Vec<f64> = h.model.iter().map(|m| m.hashprice).collect();
    let svg = hindcast_svg(&h, &hashrate, &hashprice);
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
    assert_eq!(svg.matches("<polyline").count(), 4, "model and actual in two panels");
    if let Ok(path) = std::env::var("SQUEEZE_HINDCAST_SVG") {
        std::fs::write(&path, &svg).unwrap_or_else(|e| panic!("writing {path}: {e}"));
    }
}

fn hindcast_svg(h: &Hindcast, hashrate: &[f64], hashprice: &[f64]) -> String {
    const W: f64 = 720.0;
    const H: f64 = 300.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" \
         font-family=\"system-ui, sans-serif\" font-size=\"12\" role=\"img\" aria-labelledby=\"t\">\n\
         <title id=\"t\">The April 2024 halving hindcast: the model's network (solid) against the actual \
         monthly averages (dashed), January 2024 to December 2025</title>\n\
         <rect width=\"{W}\" height=\"{H}\" fill=\"#fff\"/>\n"
    );
    let panels = [
        ("Network hashrate, EH/s", hashrate, &h.hashrate_actual),
        ("Hashprice, $ per PH/s per day", hashprice, &h.hashprice_actual),
    ];
    for (k, (title, model, actual)) in panels.iter().enumerate() {
        let (left, top, width, height) = (50.0 + k as f64 * 360.0, 40.0, 270.0, 200.0);
        let max = model.iter().chain(actual.iter()).fold(0.0_f64, |a, &b| a.max(b)) * 1.1;
        let n = model.len().max(2) as f64 - 1.0;
        let x = |i: usize| left + width * i as f64 / n;
        let y = |v: f64| top + height * (1.0 - v / max);
        svg += &format!("<text x=\"{left}\" y=\"24\" font-weight=\"600\">{title}</text>\n");
        svg += &format!(
            "<line x1=\"{left}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#888\"/>\n",
            b = top + height,
            r = left + width
        );
        // Round ticks: a step of 1, 2, 2.5 or 5 times a power of ten, four or so of them.
        let raw = max / 1.1 / 4.0;
        let magnitude = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * magnitude)
            .find(|&s| s >= raw)
            .unwrap_or(10.0 * magnitude);
        let mut v = step;
        while v < max {
            svg += &format!(
                "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#555\">{v:.0}</text>\n\
                 <line x1=\"{left}\" y1=\"{yy:.1}\" x2=\"{}\" y2=\"{yy:.1}\" stroke=\"#eee\"/>\n",
                left - 6.0,
                y(v) + 4.0,
                left + width,
                yy = y(v)
            );
            v += step;
        }
        for (i, label) in [(0, "Jan 2024"), (12, "Jan 2025"), (23, "Dec 2025")] {
            svg += &format!(
                "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555\">{label}</text>\n",
                x(i),
                top + height + 18.0
            );
        }
        let hx = x(h.halving);
        svg += &format!(
            "<line x1=\"{hx:.1}\" y1=\"{top}\" x2=\"{hx:.1}\" y2=\"{b}\" stroke=\"#b00\" stroke-dasharray=\"2 3\"/>\n\
             <text x=\"{:.1}\" y=\"{:.1}\" fill=\"#b00\">halving</text>\n",
            hx + 4.0,
            top + 12.0,
            b = top + height
        );
        for (series, style) in [
            (actual.as_slice(), "stroke-dasharray=\"6 4\" stroke=\"#555\""),
            (*model, "stroke=\"#1f5fa8\""),
        ] {
            let points: Vec<String> = series
                .iter()
                .enumerate()
                .map(|(i, &v)| format!("{:.1},{:.1}", x(i), y(v)))
                .collect();
            svg += &format!(
                "<polyline fill=\"none\" stroke-width=\"2\" {style} points=\"{}\"/>\n",
                points.join(" ")
            );
        }
    }
    svg += "<text x=\"50\" y=\"290\" fill=\"#555\">Solid: the model, on the actual bitcoin prices and fees. Dashed: actual (Coin Metrics).</text>\n</svg>\n";
    svg
}

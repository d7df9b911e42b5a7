//! Numbers and sentences for readers: lever values with units, money, and the
//! outcome summary. Plain functions over model values, so they are testable
//! without a DOM.

use squeeze_model::{Lever, Outcome, Unit};

/// A lever's value as a reader sees it, with its unit: `35%`, `4.0×`, `$40/MWh`.
pub fn lever_value(lever: &Lever, value: f64) -> String {
    // Percent levers with steps finer than one point show two decimals.
    let decimals = if lever.step * 100.0 < 1.0 { 2 } else { 0 };
    let percent = value * 100.0;
    match lever.unit {
        Unit::Share => format!("{percent:.decimals$}%"),
        Unit::RatePerYear => format!("{percent:.decimals$}% a year"),
        Unit::Change => format!("{percent:+.decimals$}%"),
        Unit::Multiple => format!("{value:.1}×"),
        Unit::UsdPerMwh => format!("${value:.0}/MWh"),
        Unit::Number => format!("{value:.2}"),
    }
}

/// US dollars with a scale word: `$850M`, `$1.2B`.
pub fn usd(value: f64) -> String {
    let magnitude = value.abs();
    let sign = if value < 0.0 { "−" } else { "" };
    if magnitude >= 1e9 {
        format!("{sign}${:.1}B", magnitude / 1e9)
    } else if magnitude >= 1e6 {
        format!("{sign}${:.0}M", magnitude / 1e6)
    } else {
        format!("{sign}${}", thousands(magnitude))
    }
}

/// A whole number with thousands separators: `12,345`.
pub fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.abs());
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if value < -0.5 {
        out.insert(0, '−');
    }
    out
}

/// The outcome in one or two sentences a reader understands without the chart.
pub fn summary(outcome: &Outcome) -> String {
    let squeezed: Vec<&str> = outcome
        .miners
        .iter()
        .filter(|miner| miner.squeeze_month.is_some())
        .map(|miner| miner.name)
        .collect();
    match (outcome.squeeze_month, outcome.squeeze_date) {
        (Some(month), Some(date)) => format!(
            "A liquidity squeeze hits in {date}, {} from the start: {} cannot meet {} obligations. \
             Forced sales dump {} BTC and leave a funding gap of {}.",
            months(month + 1),
            list(&squeezed),
            if squeezed.len() == 1 { "its" } else { "their" },
            thousands(outcome.forced_btc_sales),
            usd(outcome.funding_gap_usd),
        ),
        _ => {
            let last = outcome
                .series
                .months
                .last()
                .map(|m| m.to_string())
                .unwrap_or_default();
            format!(
                "No operator runs out of cash before {last}. Bitcoin's lowest price is {}.",
                usd(outcome.btc_price_trough_usd)
            )
        }
    }
}

fn months(count: u32) -> String {
    if count == 1 {
        "1 month".into()
    } else {
        format!("{count} months")
    }
}

fn list(names: &[&str]) -> String {
    match names {
        [] => "no operator".into(),
        [one] => format!("the {}", one.to_lowercase()),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(|n| n.to_lowercase()).collect();
            format!(
                "the {} and the {}",
                rest.join(", the "),
                last.to_lowercase()
            )
        }
    }
}

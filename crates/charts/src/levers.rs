//! The levers as the uncertainty charts name them: labels in each language and
//! values in each lever's unit (`54%`, `3×`, `$40/MWh`). The English labels and
//! the units come from the model's lever table; the Italian labels are the app's
//! (`src/i18n.rs`, `lever_text`), repeated here so the charts can stand alone.

use crate::locale::{format_number, Lang, MISSING};
use squeeze_model::{Lever, Unit};

/// A lever's label in `lang`, by its JSON key (`"miner_leverage"`, …): the model's
/// label in English, the app's Italian label in Italian. An unknown key is
/// returned as it is.
///
/// ```
/// use squeeze_charts::{lever_label, Lang};
/// assert_eq!(lever_label("miner_leverage", Lang::En), "Miner leverage");
/// assert_eq!(lever_label("miner_leverage", Lang::It), "Leva finanziaria dei miner");
/// assert_eq!(lever_label("no_such_lever", Lang::It), "no_such_lever");
/// ```
pub fn lever_label(key: &str, lang: Lang) -> &str {
    let Some(lever) = Lever::by_key(key) else {
        return key;
    };
    match lang {
        Lang::En => lever.label,
        Lang::It => italian_label(key).unwrap_or(lever.label),
    }
}

/// The Italian label of a lever, if this crate has one.
fn italian_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "ai_demand_slowdown" => "Rallentamento della domanda di IA",
        "miner_leverage" => "Leva finanziaria dei miner",
        "chip_throughput" => "Potenza dei chip",
        "btc_price_shock" => "Shock sul prezzo del bitcoin",
        "btc_volatility" => "Volatilità del bitcoin",
        "btc_trend" => "Tendenza del bitcoin",
        "interest_rate" => "Tasso sul nuovo debito",
        "power_price_usd_per_mwh" => "Prezzo dell'energia",
        "contracted_share" => "Quota di capacità IA a contratto",
        "demand_elasticity" => "Elasticità della domanda",
        _ => return None,
    })
}

/// A lever's value in its unit, compact, for axis ticks, tables and sentences:
/// shares and rates as percentages (`54%`, `8,25%`), changes with a sign
/// (`+50%`, `-80%`), multiples as `3×`, power prices as en `$40/MWh`,
/// it `40 $/MWh`, plain numbers as they are. Decimals only where the value has
/// them (at most two). An unknown key formats the plain number.
///
/// ```
/// use squeeze_charts::{format_lever_value, Lang};
/// assert_eq!(format_lever_value("miner_leverage", 0.54, Lang::En), "54%");
/// assert_eq!(format_lever_value("interest_rate", 0.0825, Lang::It), "8,25%");
/// assert_eq!(format_lever_value("btc_price_shock", 0.5, Lang::En), "+50%");
/// assert_eq!(format_lever_value("chip_throughput", 3.5, Lang::It), "3,5×");
/// assert_eq!(format_lever_value("power_price_usd_per_mwh", 40.0, Lang::It), "40 $/MWh");
/// ```
pub fn format_lever_value(key: &str, value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    let unit = Lever::by_key(key).map_or(Unit::Number, |lever| lever.unit);
    match unit {
        Unit::Share | Unit::RatePerYear => format!("{}%", trimmed(value * 100.0, lang)),
        Unit::Change => {
            let text = trimmed(value * 100.0, lang);
            let sign = if value > 0.0 && text != "0" { "+" } else { "" };
            format!("{sign}{text}%")
        }
        Unit::Multiple => format!("{}×", trimmed(value, lang)),
        Unit::UsdPerMwh => lang.pick(
            format!("${}/MWh", trimmed(value, lang)),
            format!("{} $/MWh", trimmed(value, lang)),
        ),
        Unit::Number => trimmed(value, lang),
    }
}

/// `value` with as few decimals (0–2) as show it exactly, else two.
fn trimmed(value: f64, lang: Lang) -> String {
    let decimals = (0..2)
        .find(|&d| {
            let scale = 10f64.powi(d);
            ((value * scale).round() / scale - value).abs() <= 1e-9 * value.abs().max(1.0)
        })
        .unwrap_or(2);
    format_number(value, decimals as usize, lang)
}

/// `label` for use inside a sentence: its first letter in lower case, unless the
/// label starts with an acronym (`AI demand slowdown` stays as it is).
pub(crate) fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use squeeze_model::LEVERS;

    #[test]
    fn every_lever_has_an_italian_label_different_from_the_english_one() {
        for lever in LEVERS {
            let italian = italian_label(lever.key);
            assert!(italian.is_some(), "no Italian label for {}", lever.key);
            assert_eq!(lever_label(lever.key, Lang::En), lever.label);
            assert_ne!(lever_label(lever.key, Lang::It), lever.label, "{}", lever.key);
        }
    }

    #[test]
    fn every_lever_value_formats_in_its_unit_and_non_finite_is_missing() {
        for lever in LEVERS {
            for lang in Lang::ALL {
                let text = format_lever_value(lever.key, lever.default, lang);
                assert!(!text.is_empty() && text != MISSING, "{}", lever.key);
                assert_eq!(format_lever_value(lever.key, f64::NAN, lang), MISSING);
            }
        }
        assert_eq!(format_lever_value("miner_leverage", 0.225, Lang::En), "22.5%");
        assert_eq!(format_lever_value("btc_price_shock", -0.8, Lang::It), "-80%");
        assert_eq!(format_lever_value("btc_price_shock", 0.0, Lang::En), "0%");
        assert_eq!(format_lever_value("demand_elasticity", 0.5, Lang::It), "0,5");
        assert_eq!(format_lever_value("chip_throughput", 10.0, Lang::En), "10×");
        assert_eq!(format_lever_value("unknown", 1.25, Lang::En), "1.25");
    }

    #[test]
    fn labels_in_sentences_keep_acronyms() {
        assert_eq!(in_sentence("Miner leverage"), "miner leverage");
        assert_eq!(in_sentence("AI demand slowdown"), "AI demand slowdown");
        assert_eq!(in_sentence("Leva finanziaria dei miner"), "leva finanziaria dei miner");
        assert_eq!(in_sentence(""), "");
    }
}

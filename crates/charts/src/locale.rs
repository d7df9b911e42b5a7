//! Languages and locale-correct formatting of numbers, money, bitcoin and dates,
//! shared by the charts and the app so that a figure reads the same everywhere.
//!
//! Conventions:
//! - English: `1,234.5`, `12.5%`, `$1.2B`, `$850M`, `$85,000`, `Jan 2027`.
//! - Italian: `1.234,5`, `12,5%`, and money in the journalistic style of the Italian
//!   financial press (Il Sole 24 Ore, ANSA): the amount, the abbreviations `mln`
//!   (milioni) and `mld` (miliardi), then the currency symbol — `1,2 mld $`,
//!   `850 mln $`, `85.000 $`. Trillions are written as thousands of billions
//!   (`2.000 mld $`), as Italian papers do, because *bilione* is ambiguous.
//!   Month abbreviations are lower case (`gen 2027`).
//!
//! Every function is total: a non-finite number formats as [`MISSING`] rather than
//! failing, and the output never depends on the machine's locale.

use squeeze_model::YearMonth;
use std::fmt;

/// What a value that is missing or not a finite number formats as (an en dash).
pub const MISSING: &str = "–";

/// A language the explorer speaks.
///
/// ```
/// use squeeze_charts::Lang;
/// assert_eq!(Lang::from_code("it-IT"), Some(Lang::It));
/// assert_eq!(Lang::default().code(), "en");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Italian.
    It,
}

impl Lang {
    /// Every language, in menu order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::It];

    /// The ISO 639-1 code: `"en"` or `"it"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::It => "it",
        }
    }

    /// The language for a code such as `"it"`, `"IT"` or a browser tag such as
    /// `"it-CH"` or `"en_GB"`; `None` for any other language.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }

    /// The language's own name, for a language menu (`English`, `Italiano`).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::It => "Italiano",
        }
    }

    /// Picks the English or the Italian text.
    pub fn pick<T>(self, en: T, it: T) -> T {
        match self {
            Lang::En => en,
            Lang::It => it,
        }
    }

    fn thousands_separator(self) -> char {
        self.pick(',', '.')
    }

    fn decimal_mark(self) -> char {
        self.pick('.', ',')
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// `value` with `decimals` digits after the decimal mark and the thousands
/// grouped: en `1,234.5`, it `1.234,5`. Negative numbers start with `-`; a value
/// that rounds to zero has no sign.
///
/// ```
/// use squeeze_charts::{locale::format_number, Lang};
/// assert_eq!(format_number(1234.5, 1, Lang::En), "1,234.5");
/// assert_eq!(format_number(1234.5, 1, Lang::It), "1.234,5");
/// ```
pub fn format_number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    let digits = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let negative = value < 0.0 && digits.bytes().any(|b| b.is_ascii_digit() && b != b'0');
    let mut out = String::with_capacity(digits.len() + whole.len() / 3 + 1);
    if negative {
        out.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(lang.thousands_separator());
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(lang.decimal_mark());
        out.push_str(fraction);
    }
    out
}

/// A share (0–1) as a percentage: `0.125` → en `12.5%`, it `12,5%`.
///
/// ```
/// use squeeze_charts::{locale::format_percent, Lang};
/// assert_eq!(format_percent(0.125, 1, Lang::It), "12,5%");
/// ```
pub fn format_percent(share: f64, decimals: usize, lang: Lang) -> String {
    if !share.is_finite() {
        return MISSING.to_owned();
    }
    format!("{}%", format_number(share * 100.0, decimals, lang))
}

/// A whole number of US dollars: en `$85,000`, it `85.000 $`.
pub fn format_usd(usd: f64, lang: Lang) -> String {
    format_usd_decimals(usd, 0, lang)
}

/// US dollars with `decimals` digits after the decimal mark: en `$45.20`,
/// it `45,20 $`.
pub fn format_usd_decimals(usd: f64, decimals: usize, lang: Lang) -> String {
    if !usd.is_finite() {
        return MISSING.to_owned();
    }
    with_dollar(usd < 0.0, &format_number(usd.abs(), decimals, lang), "", lang)
}

/// US dollars in a few characters, for sentences and labels: en `$1.2B`,
/// `$850M`, `$2T`; it `1,2 mld $`, `850 mln $`, `2.000 mld $`. Amounts under a
/// million are written in full (`$85,000`). One decimal under ten units, none
/// above, and no trailing `.0`.
///
/// ```
/// use squeeze_charts::{locale::format_usd_compact, Lang};
/// assert_eq!(format_usd_compact(1.2e9, Lang::En), "$1.2B");
/// assert_eq!(format_usd_compact(8.5e8, Lang::It), "850 mln $");
/// ```
pub fn format_usd_compact(usd: f64, lang: Lang) -> String {
    if !usd.is_finite() {
        return MISSING.to_owned();
    }
    let magnitude = usd.abs();
    // (size of the unit, English suffix, Italian suffix), largest first.
    let units: &[(f64, &str, &str)] = match lang {
        Lang::En => &[(1e12, "T", ""), (1e9, "B", ""), (1e6, "M", "")],
        Lang::It => &[(1e9, "", " mld"), (1e6, "", " mln")],
    };
    let Some(index) = units.iter().position(|unit| magnitude >= unit.0) else {
        return format_usd(usd, lang);
    };
    let mut index = index;
    let mut text = short_amount(magnitude / units[index].0, lang);
    // 999.96 million rounds to "1,000": say "1 billion" instead.
    if index > 0 && magnitude / units[index].0 >= 999.5 {
        index -= 1;
        text = short_amount(magnitude / units[index].0, lang);
    }
    let (_, en_suffix, it_suffix) = units[index];
    with_dollar(usd < 0.0, &text, lang.pick(en_suffix, it_suffix), lang)
}

/// A number of units with one decimal under ten and none above, without `.0`.
fn short_amount(units: f64, lang: Lang) -> String {
    let decimals = if units < 9.95 { 1 } else { 0 };
    let text = format_number(units, decimals, lang);
    let zero_fraction = format!("{}0", lang.decimal_mark());
    match text.strip_suffix(&zero_fraction) {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

fn with_dollar(negative: bool, amount: &str, suffix: &str, lang: Lang) -> String {
    let sign = if negative && amount.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        "-"
    } else {
        ""
    };
    match lang {
        Lang::En => format!("{sign}${amount}{suffix}"),
        Lang::It => format!("{sign}{amount}{suffix} $"),
    }
}

/// An amount of bitcoin: en `1,234 BTC`, it `1.234 BTC`; one decimal under 100
/// BTC and two under 1 BTC.
pub fn format_btc(btc: f64, lang: Lang) -> String {
    if !btc.is_finite() {
        return MISSING.to_owned();
    }
    let decimals = match btc.abs() {
        // None sold is "0 BTC", not "0.00 BTC".
        m if m >= 100.0 || m == 0.0 => 0,
        m if m >= 1.0 => 1,
        _ => 2,
    };
    format!("{} BTC", format_number(btc, decimals, lang))
}

/// The short name of a month of the year (1–12): en `Jan`, it `gen`; an empty
/// string for any other number.
pub fn month_abbreviation(month: u8, lang: Lang) -> &'static str {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const IT: [&str; 12] = [
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    ];
    let names = lang.pick(&EN, &IT);
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| names.get(i))
        .copied()
        .unwrap_or_default()
}

/// A calendar month: en `Jan 2027`, it `gen 2027`.
///
/// ```
/// use squeeze_charts::{locale::format_month, Lang};
/// use squeeze_model::YearMonth;
/// assert_eq!(format_month(YearMonth::new(2027, 1), Lang::It), "gen 2027");
/// ```
pub fn format_month(month: YearMonth, lang: Lang) -> String {
    format!(
        "{} {}",
        month_abbreviation(month.month(), lang),
        format_year(month.year())
    )
}

/// "in" a month, as a phrase: en `in Apr 2027`, it `ad apr 2027` (Italian adds
/// the euphonic *d* before a month starting with *a*: *ad aprile*, *ad agosto*).
///
/// ```
/// use squeeze_charts::{locale::in_month, Lang};
/// use squeeze_model::YearMonth;
/// assert_eq!(in_month(YearMonth::new(2027, 4), Lang::It), "ad apr 2027");
/// assert_eq!(in_month(YearMonth::new(2027, 3), Lang::It), "a mar 2027");
/// ```
pub fn in_month(month: YearMonth, lang: Lang) -> String {
    let name = format_month(month, lang);
    let preposition = match lang {
        Lang::En => "in",
        Lang::It if name.starts_with('a') => "ad",
        Lang::It => "a",
    };
    format!("{preposition} {name}")
}

/// A span of months as a phrase: en `from Jan 2026 to Dec 2030`, it
/// `da gen 2026 a dic 2030` (`ad apr …` before *a*).
pub fn month_span(start: YearMonth, end: YearMonth, lang: Lang) -> String {
    match lang {
        Lang::En => format!("from {} to {}", format_month(start, lang), format_month(end, lang)),
        Lang::It => format!("da {} {}", format_month(start, lang), in_month(end, lang)),
    }
}

/// A year as an axis label: `2027` in every language (no thousands separator).
pub fn format_year(year: i32) -> String {
    year.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip_and_accept_browser_tags() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("IT"), Some(Lang::It));
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code(" it_CH "), Some(Lang::It));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_code(""), None);
        assert_eq!(Lang::default(), Lang::En);
        assert_eq!(Lang::It.to_string(), "it");
    }

    #[test]
    fn numbers_group_thousands_and_use_the_local_decimal_mark() {
        assert_eq!(format_number(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(format_number(1234.5, 1, Lang::It), "1.234,5");
        assert_eq!(format_number(1_234_567.0, 0, Lang::En), "1,234,567");
        assert_eq!(format_number(1_234_567.0, 0, Lang::It), "1.234.567");
        assert_eq!(format_number(123.0, 0, Lang::En), "123");
        assert_eq!(format_number(0.5, 2, Lang::It), "0,50");
        assert_eq!(format_number(-98_765.43, 2, Lang::En), "-98,765.43");
        assert_eq!(format_number(-98_765.43, 2, Lang::It), "-98.765,43");
    }

    #[test]
    fn numbers_that_round_to_zero_have_no_sign_and_non_finite_is_missing() {
        assert_eq!(format_number(-0.0001, 1, Lang::En), "0.0");
        assert_eq!(format_number(-0.0, 0, Lang::It), "0");
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(format_number(bad, 1, Lang::En), MISSING);
            assert_eq!(format_percent(bad, 1, Lang::It), MISSING);
            assert_eq!(format_usd(bad, Lang::En), MISSING);
            assert_eq!(format_usd_compact(bad, Lang::It), MISSING);
            assert_eq!(format_btc(bad, Lang::En), MISSING);
        }
    }

    #[test]
    fn percentages_scale_shares() {
        assert_eq!(format_percent(0.125, 1, Lang::En), "12.5%");
        assert_eq!(format_percent(0.125, 1, Lang::It), "12,5%");
        assert_eq!(format_percent(1.0, 0, Lang::En), "100%");
        assert_eq!(format_percent(-0.05, 0, Lang::It), "-5%");
    }

    #[test]
    fn compact_dollars_follow_each_languages_convention() {
        let cases = [
            (1.2e9, "$1.2B", "1,2 mld $"),
            (8.5e8, "$850M", "850 mln $"),
            (8.5e6, "$8.5M", "8,5 mln $"),
            (2.0e12, "$2T", "2.000 mld $"),
            (8.0e11, "$800B", "800 mld $"),
            (1.0e9, "$1B", "1 mld $"),
            (85_000.0, "$85,000", "85.000 $"),
            (0.0, "$0", "0 $"),
            (-3.4e9, "-$3.4B", "-3,4 mld $"),
            // Rounding up to the next unit says the next unit.
            (999.96e6, "$1B", "1 mld $"),
            (9.96e6, "$10M", "10 mln $"),
        ];
        for (usd, en, it) in cases {
            assert_eq!(format_usd_compact(usd, Lang::En), en, "{usd}");
            assert_eq!(format_usd_compact(usd, Lang::It), it, "{usd}");
        }
    }

    #[test]
    fn whole_dollars_and_bitcoin() {
        assert_eq!(format_usd(85_123.4, Lang::En), "$85,123");
        assert_eq!(format_usd(85_123.4, Lang::It), "85.123 $");
        assert_eq!(format_usd(-1500.0, Lang::En), "-$1,500");
        assert_eq!(format_usd_decimals(45.2, 2, Lang::En), "$45.20");
        assert_eq!(format_usd_decimals(45.2, 2, Lang::It), "45,20 $");
        assert_eq!(format_usd_decimals(-0.001, 2, Lang::En), "$0.00");
        assert_eq!(format_btc(1234.4, Lang::En), "1,234 BTC");
        assert_eq!(format_btc(1234.4, Lang::It), "1.234 BTC");
        assert_eq!(format_btc(12.34, Lang::It), "12,3 BTC");
        assert_eq!(format_btc(0.5, Lang::En), "0.50 BTC");
    }

    #[test]
    fn months_and_years() {
        assert_eq!(format_month(YearMonth::new(2027, 1), Lang::En), "Jan 2027");
        assert_eq!(format_month(YearMonth::new(2027, 1), Lang::It), "gen 2027");
        assert_eq!(format_month(YearMonth::new(2028, 5), Lang::It), "mag 2028");
        assert_eq!(format_month(YearMonth::new(2030, 12), Lang::En), "Dec 2030");
        assert_eq!(format_year(2028), "2028");
        let (jan, aug) = (YearMonth::new(2026, 1), YearMonth::new(2030, 8));
        assert_eq!(month_span(jan, aug, Lang::En), "from Jan 2026 to Aug 2030");
        assert_eq!(month_span(jan, aug, Lang::It), "da gen 2026 ad ago 2030");
        assert_eq!(in_month(aug, Lang::En), "in Aug 2030");
        assert_eq!(in_month(jan, Lang::It), "a gen 2026");
        assert_eq!(month_abbreviation(0, Lang::En), "");
        assert_eq!(month_abbreviation(13, Lang::It), "");
    }
}

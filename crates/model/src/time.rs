//! Calendar months: the model steps one month at a time.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar month, e.g. 2026-01. Serialized as `"YYYY-MM"`.
///
/// ```
/// use squeeze_model::YearMonth;
/// let jan = YearMonth::new(2026, 1);
/// assert_eq!(jan.plus_months(13).to_string(), "2027-02");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    /// 1–12.
    month: u8,
}

impl YearMonth {
    /// A month from its year and its number (1–12; out-of-range numbers wrap into
    /// the following or previous years).
    pub fn new(year: i32, month: u8) -> Self {
        Self::from_index(year * 12 + i32::from(month) - 1)
    }

    fn index(self) -> i32 {
        self.year * 12 + i32::from(self.month) - 1
    }

    fn from_index(index: i32) -> Self {
        Self {
            year: index.div_euclid(12),
            // rem_euclid(12) is in 0..12, so the cast cannot truncate.
            month: index.rem_euclid(12) as u8 + 1,
        }
    }

    /// The month `months` after this one.
    pub fn plus_months(self, months: u32) -> Self {
        Self::from_index(self.index() + months as i32)
    }

    /// Months from this month until `later` (0 if `later` is not after it).
    pub fn months_until(self, later: YearMonth) -> u32 {
        u32::try_from(later.index() - self.index()).unwrap_or(0)
    }

    /// The calendar year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month of the year, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl std::str::FromStr for YearMonth {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || format!("expected a month as YYYY-MM, got {text:?}");
        let (year, month) = text.split_once('-').ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        let month: u8 = month.parse().map_err(|_| bad())?;
        if !(1000..=9999).contains(&year) || !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(Self { year, month })
    }
}

/// A calendar date as filings give it: a day (`"2025-09-30"`) or, where only the
/// month is known, a month (`"2030-10"`). Serialized as written.
///
/// ```
/// use squeeze_model::{Date, YearMonth};
/// let d: Date = "2030-10-15".parse().unwrap();
/// assert_eq!(d.month(), YearMonth::new(2030, 10));
/// assert_eq!(d.to_string(), "2030-10-15");
/// assert_eq!("2031-01".parse::<Date>().unwrap().to_string(), "2031-01");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    month: YearMonth,
    /// 1–31, or 0 when only the month is known.
    day: u8,
}

impl Date {
    /// The calendar month of the date.
    pub fn month(self) -> YearMonth {
        self.month
    }

    /// The day of the month, if the date names one.
    pub fn day(self) -> Option<u8> {
        (self.day > 0).then_some(self.day)
    }
}

impl From<YearMonth> for Date {
    fn from(month: YearMonth) -> Self {
        Date { month, day: 0 }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day() {
            Some(day) => write!(f, "{}-{day:02}", self.month),
            None => write!(f, "{}", self.month),
        }
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || format!("expected a date as YYYY-MM-DD or YYYY-MM, got {text:?}");
        let mut parts = text.splitn(3, '-');
        let (Some(year), Some(month)) = (parts.next(), parts.next()) else {
            return Err(bad());
        };
        let month: YearMonth = format!("{year}-{month}").parse().map_err(|_| bad())?;
        let day = match parts.next() {
            None => 0,
            Some(day) => {
                let day: u8 = day.parse().map_err(|_| bad())?;
                let days_in_month = match month.month() {
                    2 if month.year() % 4 == 0 && (month.year() % 100 != 0 || month.year() % 400 == 0) => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                if !(1..=days_in_month).contains(&day) {
                    return Err(bad());
                }
                day
            }
        };
        Ok(Date { month, day })
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_days_and_months_and_reject_impossible_days() {
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!((d.month(), d.day()), (YearMonth::new(2024, 2), Some(29)));
        for bad in [
            "2025-02-29",
            "2025-04-31",
            "2025-13-01",
            "2025",
            "2025-01-00",
            "2025-1-1x",
            "",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad} should not parse");
        }
        assert!("2025-01".parse::<Date>().unwrap() < "2025-01-01".parse::<Date>().unwrap());
    }

    #[test]
    fn months_roll_over_years() {
        assert_eq!(YearMonth::new(2026, 12).plus_months(1), YearMonth::new(2027, 1));
        assert_eq!(YearMonth::new(2026, 1).plus_months(59).to_string(), "2030-12");
    }

    #[test]
    fn parses_what_it_prints_and_rejects_garbage() {
        let m: YearMonth = "2022-07".parse().unwrap();
        assert_eq!(m.to_string(), "2022-07");
        for bad in ["2022", "2022-13", "22-01", "2022-00", "abcd-01", ""] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad} should not parse");
        }
    }
}

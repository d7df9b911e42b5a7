//! Eras: which data a scenario starts from. The late-2025 era is the base case
//! (`data/late-2025.toml`: the listed companies from their filings); the 2022 era
//! replays crypto's 2022 squeeze (`data/2022.toml`: bitcoin's monthly closes, the
//! miners that lived through it, no AI revenue) so the model can be checked against
//! history.

use crate::data::Dataset;
use crate::YearMonth;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Which starting point a scenario simulates. Serialized as `"late_2025"` or
/// `"crypto_2022"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum Era {
    /// Late 2025: bitcoin near $87.5k, the AI build-out under way; runs 2026-01 to 2030-12.
    #[default]
    #[serde(rename = "late_2025")]
    Late2025,
    /// 2022 replay: bitcoin's 2022 monthly closes, the miners of 2022 from their
    /// filings, no AI revenue; runs 2022-01 to 2022-12.
    #[serde(rename = "crypto_2022")]
    Crypto2022,
}

impl Era {
    /// Every era, the base first.
    pub const ALL: [Era; 2] = [Era::Late2025, Era::Crypto2022];

    /// The JSON id (`"late_2025"`, `"crypto_2022"`).
    pub fn id(self) -> &'static str {
        match self {
            Era::Late2025 => "late_2025",
            Era::Crypto2022 => "crypto_2022",
        }
    }

    /// A short label for readers.
    pub fn label(self) -> &'static str {
        match self {
            Era::Late2025 => "Late 2025",
            Era::Crypto2022 => "2022 replay",
        }
    }

    /// The embedded data of this era.
    pub fn data(self) -> &'static Dataset {
        Dataset::for_era(self)
    }

    /// The first simulated month.
    pub fn start(self) -> YearMonth {
        self.data().start
    }

    /// Months simulated: 60 for late 2025 (to 2030-12, Bain's horizon); 12 for the
    /// 2022 replay, the year whose bitcoin prices it replays.
    pub fn horizon_months(self) -> u32 {
        self.data().months
    }

    /// The month (counted from the start) when the block subsidy halves.
    pub fn halving_month(self) -> u32 {
        self.start().months_until(self.data().halving)
    }
}

impl fmt::Display for Era {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Era {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl std::str::FromStr for Era {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Era::ALL.into_iter().find(|era| era.id() == text).ok_or_else(|| {
            let known: Vec<&str> = Era::ALL.iter().map(|era| era.id()).collect();
            format!("unknown era {text:?}; the eras are: {}", known.join(", "))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halvings_fall_in_april() {
        assert_eq!(
            Era::Late2025.start().plus_months(Era::Late2025.halving_month()),
            YearMonth::new(2028, 4)
        );
        assert_eq!(
            Era::Crypto2022.start().plus_months(Era::Crypto2022.halving_month()),
            YearMonth::new(2024, 4)
        );
    }

    #[test]
    fn ids_round_trip() {
        for era in Era::ALL {
            assert_eq!(era.id().parse::<Era>(), Ok(era));
            assert_eq!(serde_json::to_string(&era).unwrap(), format!("\"{}\"", era.id()));
        }
        assert!("2022".parse::<Era>().is_err());
    }
}

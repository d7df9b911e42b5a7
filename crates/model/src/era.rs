//! Eras: the non-lever state a scenario starts from — the start month, the bitcoin
//! price path, the protocol's block subsidy, the network and the operators.
//!
//! The late-2025 era is the base case. The 2022 era replays crypto's 2022 squeeze
//! (bitcoin's monthly closes, 2022-style miners, no AI revenue) so the model can be
//! checked against history.

use crate::archetypes::{Archetype, ARCHETYPES_2022, ARCHETYPES_LATE_2025};
use crate::assumptions::*;
use crate::YearMonth;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Which starting point a scenario simulates. Serialized as `"late_2025"` or
/// `"crypto_2022"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub enum Era {
    /// Late 2025: bitcoin near $85k, the AI build-out under way; runs 2026-01 to 2030-12.
    #[default]
    #[serde(rename = "late_2025")]
    Late2025,
    /// 2022 replay: bitcoin's 2022 monthly closes, 2022-style miners, no AI revenue;
    /// runs 2022-01 to 2022-12.
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

    /// The first simulated month.
    pub fn start(self) -> YearMonth {
        match self {
            Era::Late2025 => YearMonth::new(2026, 1),
            Era::Crypto2022 => YearMonth::new(2022, 1),
        }
    }

    /// Months simulated: 60 for late 2025 (to 2030-12, Bain's horizon); 12 for the
    /// 2022 replay, the year whose bitcoin prices it replays.
    pub fn horizon_months(self) -> u32 {
        match self {
            Era::Late2025 => HORIZON_MONTHS,
            Era::Crypto2022 => BTC_MONTHLY_CLOSE_2022_USD.len() as u32,
        }
    }

    /// The month (counted from the start) when the block subsidy halves.
    pub fn halving_month(self) -> u32 {
        let halving = match self {
            Era::Late2025 => YearMonth::new(2028, 4),
            Era::Crypto2022 => YearMonth::new(2024, 4),
        };
        self.start().months_until(halving)
    }

    /// Block subsidy before the era's halving, BTC per block.
    pub fn block_subsidy_btc(self) -> f64 {
        match self {
            Era::Late2025 => BLOCK_SUBSIDY_2024_BTC,
            Era::Crypto2022 => BLOCK_SUBSIDY_2020_BTC,
        }
    }

    /// Transaction fees per block, BTC.
    pub fn fees_per_block_btc(self) -> f64 {
        match self {
            Era::Late2025 => FEES_PER_BLOCK_2025_BTC,
            Era::Crypto2022 => FEES_PER_BLOCK_2022_BTC,
        }
    }

    /// Network hashrate at the start, EH/s.
    pub fn network_hashrate_eh(self) -> f64 {
        match self {
            Era::Late2025 => NETWORK_HASHRATE_LATE_2025_EH,
            Era::Crypto2022 => NETWORK_HASHRATE_JAN_2022_EH,
        }
    }

    /// The hashprice at which the network stops growing or shrinking: the marginal
    /// miner's power bill plus its other cash costs, $ per PH/s per day.
    pub fn equilibrium_hashprice_usd_per_ph_day(self) -> f64 {
        let (j_per_th, usd_per_mwh) = match self {
            Era::Late2025 => (NETWORK_FLEET_2025_J_PER_TH, NETWORK_POWER_2025_USD_PER_MWH),
            Era::Crypto2022 => (NETWORK_FLEET_2022_J_PER_TH, NETWORK_POWER_2022_USD_PER_MWH),
        };
        crate::market::power_cost_usd_per_ph_day(j_per_th, usd_per_mwh) * (1.0 + NETWORK_CASH_OVERHEAD_SHARE)
    }

    /// Bitcoin's historical monthly path from the start, if the era replays one.
    pub fn btc_history_usd(self) -> &'static [f64] {
        match self {
            Era::Late2025 => &[],
            Era::Crypto2022 => &BTC_MONTHLY_CLOSE_2022_USD,
        }
    }

    /// The price the model's own path starts from when there is no history.
    pub fn btc_anchor_usd(self) -> f64 {
        match self {
            Era::Late2025 => BTC_PRICE_LATE_2025_USD,
            Era::Crypto2022 => BTC_MONTHLY_CLOSE_2022_USD[0],
        }
    }

    /// The operators simulated in this era.
    pub fn archetypes(self) -> &'static [Archetype] {
        match self {
            Era::Late2025 => ARCHETYPES_LATE_2025,
            Era::Crypto2022 => ARCHETYPES_2022,
        }
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

//! The levers: one table that is the single source of every lever's id, label,
//! unit, default, range, step, explanation and source.
//!
//! The [`Scenario`] struct, the [`LeverId`] enum and the [`LEVERS`] table are all
//! generated from the one `levers!` list below, so adding a lever is one entry here;
//! the UI, the CLI and the docs read the table.

use crate::Era;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The scenario key (JSON field, `--set` key, URL key) of the non-lever [`Era`].
pub const ERA_KEY: &str = "era";

/// How a lever's value is measured and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A fraction 0–1 in JSON, shown as a percentage.
    Share,
    /// A signed change as a fraction (−0.5 = −50 %), shown as a percentage.
    Change,
    /// A rate per year as a fraction (0.09 = 9 % a year).
    RatePerYear,
    /// A multiple of a reference (shown as `4.0×`).
    Multiple,
    /// US dollars per megawatt-hour.
    UsdPerMwh,
    /// A plain number without unit (an elasticity).
    Number,
}

impl Unit {
    /// The unit as a reader sees it, after the number (`%`, `×`, `$/MWh`, …).
    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Share | Unit::Change => "%",
            Unit::RatePerYear => "% a year",
            Unit::Multiple => "×",
            Unit::UsdPerMwh => "$/MWh",
            Unit::Number => "",
        }
    }

    /// Whether the JSON fraction is shown to readers multiplied by 100.
    pub fn is_percent(self) -> bool {
        matches!(self, Unit::Share | Unit::Change | Unit::RatePerYear)
    }
}

/// One row of the parameter table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Lever {
    /// Which lever this is.
    #[serde(skip)]
    pub id: LeverId,
    /// The snake_case field name in scenario JSON (and for `--set`).
    pub key: &'static str,
    /// A short, stable key for URLs.
    pub short_key: &'static str,
    /// The label readers see.
    pub label: &'static str,
    /// How the value is measured.
    pub unit: Unit,
    /// The late-2025 base-case value.
    pub default: f64,
    /// The smallest allowed value.
    pub min: f64,
    /// The largest allowed value.
    pub max: f64,
    /// The slider step.
    pub step: f64,
    /// Shown first and large in the UI.
    pub headline: bool,
    /// One line: what the lever means.
    pub explanation: &'static str,
    /// Where the default and range come from.
    pub source: &'static str,
}

impl Lever {
    /// The table row for `key` (the JSON field name), if there is one.
    pub fn by_key(key: &str) -> Option<&'static Lever> {
        LEVERS.iter().find(|lever| lever.key == key)
    }

    /// The table row for a lever id (every id has one).
    pub fn by_id(id: LeverId) -> Option<&'static Lever> {
        LEVERS.iter().find(|lever| lever.id == id)
    }

    /// `value` pulled into the allowed range (non-finite values become the default).
    pub fn clamp(&self, value: f64) -> f64 {
        if value.is_finite() {
            value.clamp(self.min, self.max)
        } else {
            self.default
        }
    }
}

/// Why a scenario was refused, naming the field, the value and the allowed range.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioError {
    /// A value outside the lever's range (or not a finite number).
    OutOfRange {
        /// The lever's JSON key.
        key: &'static str,
        /// The value given.
        value: f64,
        /// The smallest allowed value.
        min: f64,
        /// The largest allowed value.
        max: f64,
    },
    /// A key that names no lever.
    UnknownLever {
        /// The key given.
        key: String,
    },
    /// A lever value that is not a number.
    NotANumber {
        /// The lever's JSON key.
        key: &'static str,
        /// The text given.
        text: String,
    },
    /// An `era` that names no era.
    UnknownEra {
        /// The text given.
        text: String,
    },
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::OutOfRange { key, value, min, max } => {
                write!(f, "{key} = {value} is outside the allowed range {min} to {max}")
            }
            ScenarioError::UnknownLever { key } => {
                let known: Vec<&str> = LEVERS.iter().map(|l| l.key).collect();
                write!(
                    f,
                    "unknown lever {key:?}; the levers are: {}, and {ERA_KEY}",
                    known.join(", ")
                )
            }
            ScenarioError::NotANumber { key, text } => {
                write!(f, "{key} = {text:?} is not a number")
            }
            ScenarioError::UnknownEra { text } => match text.parse::<Era>() {
                Err(message) => f.write_str(&message),
                Ok(_) => write!(f, "unknown era {text:?}"),
            },
        }
    }
}

impl std::error::Error for ScenarioError {}

macro_rules! levers {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident $key:ident {
            short: $short:literal,
            label: $label:literal,
            unit: $unit:ident,
            default: $default:expr,
            range: $min:expr => $max:expr,
            step: $step:expr,
            headline: $headline:expr,
            explanation: $explanation:literal,
            source: $source:literal $(,)?
        }
    )*) => {
        /// Names every lever; see [`LEVERS`] for what each one is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum LeverId {
            $($(#[doc = $doc])* $variant,)*
        }

        /// A scenario: one value per lever. Fields left out of JSON take their
        /// default; unknown fields are refused.
        ///
        /// ```
        /// use squeeze_model::Scenario;
        /// let s: Scenario = serde_json::from_str(r#"{"miner_leverage": 0.8}"#).unwrap();
        /// assert_eq!(s.miner_leverage, 0.8);
        /// assert_eq!(s.ai_demand_slowdown, Scenario::default().ai_demand_slowdown);
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct Scenario {
            $($(#[doc = $doc])* pub $key: f64,)*
            /// The starting point simulated (not a lever): `"late_2025"` (default) or
            /// `"crypto_2022"` for the 2022 replay.
            pub era: Era,
        }

        impl Default for Scenario {
            fn default() -> Self {
                Self::BASE
            }
        }

        impl Scenario {
            /// The late-2025 base case: every lever at its default. Usable in `const`
            /// context, e.g. `Scenario { miner_leverage: 0.8, ..Scenario::BASE }`.
            pub const BASE: Scenario = Scenario { $($key: $default,)* era: Era::Late2025 };

            /// The value of one lever.
            pub fn get(&self, id: LeverId) -> f64 {
                match id { $(LeverId::$variant => self.$key,)* }
            }

            /// Sets one lever (unchecked; see [`Scenario::validate`]).
            pub fn set(&mut self, id: LeverId, value: f64) {
                match id { $(LeverId::$variant => self.$key = value,)* }
            }
        }

        /// The parameter table: every lever with its id, label, unit, default,
        /// range, step, explanation and source, headline levers first.
        pub const LEVERS: &[Lever] = &[
            $(Lever {
                id: LeverId::$variant,
                key: stringify!($key),
                short_key: $short,
                label: $label,
                unit: Unit::$unit,
                default: $default,
                min: $min,
                max: $max,
                step: $step,
                headline: $headline,
                explanation: $explanation,
                source: $source,
            },)*
        ];
    };
}

levers! {
    /// Share of the expected growth in AI compute demand (the path to Bain's 2030
    /// picture) that fails to materialise, 0–1.
    AiDemandSlowdown ai_demand_slowdown {
        short: "ai",
        label: "AI demand slowdown",
        unit: Share,
        default: 0.0,
        range: 0.0 => 1.0,
        step: 0.01,
        headline: true,
        explanation: "How much of the expected growth in AI compute demand to 2030 never arrives.",
        source: "Bain & Company, Global Technology Report 2025 (23 Sep 2025): ~200 GW of new AI compute and $2T of annual revenue needed by 2030, up to $800B short.",
    }
    /// Share of what miners build or buy that they fund with debt (loan-to-cost),
    /// 0–0.9: the AI build-out in 2025–30, new machines on equipment loans in 2022.
    MinerLeverage miner_leverage {
        short: "lev",
        label: "Miner leverage",
        unit: Share,
        default: 0.6,
        range: 0.0 => 0.9,
        step: 0.01,
        headline: true,
        explanation: "Share of new build-outs (beyond cash, prepayments and restricted cash) paid for with new debt, the rest with new shares; debt beyond 60% of cost pays mezzanine and junior rates. In 2022: the share of new machines bought on equipment loans.",
        source: "Estimate from 2025 financings: TeraWulf's $3.2B secured notes, Macquarie's $300M to Bitfarms, IREN's GPU financing; miners' debt rose from $2.1B to $12.7B in a year (VanEck, Oct 2025). Layers and rates of the data-centre capital stack: OAKRG (2026).",
    }
    /// Compute per watt of new accelerators relative to the 2025 installed base, 1–10.
    ChipThroughput chip_throughput {
        short: "chip",
        label: "Chip throughput",
        unit: Multiple,
        default: 3.0,
        range: 1.0 => 10.0,
        step: 0.1,
        headline: true,
        explanation: "Compute per watt of new AI chips compared with the chips installed in 2025.",
        source: "Amazon Trainium 3: 4x the training speed of Trainium 2 at the same power (AWS, Dec 2025; seed article). Default is an estimate for the whole new fleet against the 2025 base.",
    }
    /// Change in the bitcoin price path against the late-2025 level, −0.8 to +1.
    BtcPriceShock btc_price_shock {
        short: "btc",
        label: "Bitcoin price shock",
        unit: Change,
        default: 0.0,
        range: -0.8 => 1.0,
        step: 0.01,
        headline: false,
        explanation: "A one-off move in the whole bitcoin price path (in the 2022 replay, against 2022's actual prices).",
        source: "BTC traded ~$81k–86k in late Nov 2025 after a record ~$126k on 6 Oct 2025 (seed article: −17% in 30 days).",
    }
    /// Annualised volatility of the bitcoin price, a fraction per year.
    BtcVolatility btc_volatility {
        short: "vol",
        label: "Bitcoin volatility",
        unit: RatePerYear,
        default: 0.45,
        range: 0.1 => 1.2,
        step: 0.01,
        headline: false,
        explanation: "How much the bitcoin price swings in a year, in the simulated paths (their average follows the central path) and in the cash a hurried sale raises.",
        source: "Realised volatility ~43–46% a year in 2025 (K33 Research: 2.24% a day; Glassnode 1-year realised ~46%); ~64% in 2022 (3.34% a day).",
    }
    /// Trend of the central bitcoin price path, a fraction per year (0 = flat).
    BtcTrend btc_trend {
        short: "trend",
        label: "Bitcoin trend",
        unit: RatePerYear,
        default: 0.0,
        range: -0.5 => 0.5,
        step: 0.01,
        headline: false,
        explanation: "How much the central bitcoin price rises or falls each year. 0 keeps it at its late-2025 level (after any shock).",
        source: "Neutral by default: the model does not forecast bitcoin. Bitcoin's yearly moves since 2018 ran from about −65% (2018, 2022) to +300% (2020); a reader sets a trend here.",
    }
    /// Interest rate on new and refinanced debt, a fraction per year.
    InterestRate interest_rate {
        short: "rate",
        label: "Interest rate on new debt",
        unit: RatePerYear,
        default: 0.08,
        range: 0.0 => 0.2,
        step: 0.0025,
        headline: false,
        explanation: "What companies pay a year on new debt for their build-outs and on refinanced maturities.",
        source: "Between 0% convertibles (Cipher $1.1B due 2031, Sep 2025) and 7.75% senior secured notes (TeraWulf $3.2B due 2030, Oct 2025); Macquarie's loan to Bitfarms at 8%.",
    }
    /// Price miners pay for electricity, US dollars per MWh.
    PowerPrice power_price_usd_per_mwh {
        short: "pwr",
        label: "Power price",
        unit: UsdPerMwh,
        default: 40.0,
        range: 15.0 => 120.0,
        step: 1.0,
        headline: false,
        explanation: "Power price of a miner paying the typical $40/MWh; each company's own filed price moves in proportion.",
        source: "Estimate: listed US miners pay roughly $30–50/MWh (2025 filings; CoinShares puts their cash cost at $55–82k per BTC mined, mostly power).",
    }
    /// Share of converted AI capacity under long contracts, 0–1.
    ContractedShare contracted_share {
        short: "ctr",
        label: "Contracted share of AI capacity",
        unit: Share,
        default: 0.8,
        range: 0.0 => 1.0,
        step: 0.01,
        headline: false,
        explanation: "Share of AI capacity with no signed lease yet that finds a long-term tenant at the market rate; the rest earns the spot rate.",
        source: "Estimate from 2025 announcements: anchor-tenant leases of 10–12 years (Cipher–Fluidstack, TeraWulf–Fluidstack, Core Scientific–CoreWeave) and 5 years (IREN–Microsoft, ~200 of ~250 MW); signed leases are in the data file.",
    }
    /// How much cheaper compute raises demand (Jevons), 0–1.5.
    DemandElasticity demand_elasticity {
        short: "el",
        label: "Demand elasticity",
        unit: Number,
        default: 0.5,
        range: 0.0 => 1.5,
        step: 0.05,
        headline: false,
        explanation: "How much demand grows when compute gets cheaper: 0 none, 1 one-for-one (Jevons).",
        source: "Estimate; partial rebound is the central case in studies of efficiency and demand.",
    }
}

impl Scenario {
    /// Checks every lever against its range, naming the first one outside it.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        for lever in LEVERS {
            let value = self.get(lever.id);
            if !(value.is_finite() && lever.min <= value && value <= lever.max) {
                return Err(ScenarioError::OutOfRange {
                    key: lever.key,
                    value,
                    min: lever.min,
                    max: lever.max,
                });
            }
        }
        Ok(())
    }

    /// A copy with every lever pulled into its range.
    pub fn clamped(&self) -> Self {
        let mut out = *self;
        for lever in LEVERS {
            out.set(lever.id, lever.clamp(self.get(lever.id)));
        }
        out
    }

    /// Sets the lever named by its JSON key, checking the range.
    pub fn set_by_key(&mut self, key: &str, value: f64) -> Result<(), ScenarioError> {
        let lever = Lever::by_key(key).ok_or_else(|| ScenarioError::UnknownLever { key: key.into() })?;
        if !(value.is_finite() && lever.min <= value && value <= lever.max) {
            return Err(ScenarioError::OutOfRange {
                key: lever.key,
                value,
                min: lever.min,
                max: lever.max,
            });
        }
        self.set(lever.id, value);
        Ok(())
    }

    /// Sets a lever or the era from text, as typed on a command line or in a URL:
    /// `era` takes an era id, every other key a number within the lever's range.
    ///
    /// ```
    /// use squeeze_model::{Era, Scenario};
    /// let mut s = Scenario::default();
    /// s.set_text("era", "crypto_2022").unwrap();
    /// s.set_text("miner_leverage", "0.8").unwrap();
    /// assert_eq!((s.era, s.miner_leverage), (Era::Crypto2022, 0.8));
    /// assert!(s.set_text("miner_leverage", "lots").is_err());
    /// ```
    pub fn set_text(&mut self, key: &str, text: &str) -> Result<(), ScenarioError> {
        let text = text.trim();
        if key == ERA_KEY {
            self.era = text
                .parse()
                .map_err(|_| ScenarioError::UnknownEra { text: text.into() })?;
            return Ok(());
        }
        let lever = Lever::by_key(key).ok_or_else(|| ScenarioError::UnknownLever { key: key.into() })?;
        let value: f64 = text.parse().map_err(|_| ScenarioError::NotANumber {
            key: lever.key,
            text: text.into(),
        })?;
        self.set_by_key(lever.key, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_consistent() {
        for lever in LEVERS {
            assert!(lever.min < lever.max, "{}", lever.key);
            assert!((lever.min..=lever.max).contains(&lever.default), "{}", lever.key);
            assert!(lever.step > 0.0 && lever.step <= lever.max - lever.min, "{}", lever.key);
            assert!(!lever.label.is_empty() && !lever.source.is_empty(), "{}", lever.key);
        }
        let headline: Vec<_> = LEVERS.iter().take_while(|l| l.headline).map(|l| l.key).collect();
        assert_eq!(headline, ["ai_demand_slowdown", "miner_leverage", "chip_throughput"]);
        let mut short: Vec<_> = LEVERS.iter().map(|l| l.short_key).collect();
        short.sort_unstable();
        short.dedup();
        assert_eq!(short.len(), LEVERS.len(), "short keys must be unique");
    }

    #[test]
    fn default_scenario_is_valid_and_matches_table() {
        let s = Scenario::default();
        assert_eq!(s.validate(), Ok(()));
        for lever in LEVERS {
            assert_eq!(s.get(lever.id), lever.default);
        }
    }

    #[test]
    fn errors_name_field_value_and_range() {
        let s = Scenario {
            miner_leverage: 1.5,
            ..Scenario::default()
        };
        let message = s.validate().unwrap_err().to_string();
        assert!(message.contains("miner_leverage") && message.contains("1.5") && message.contains("0.9"));
        let mut s = Scenario::default();
        assert!(matches!(
            s.set_by_key("nope", 1.0),
            Err(ScenarioError::UnknownLever { .. })
        ));
        assert!(s.set_by_key("chip_throughput", f64::NAN).is_err());
        assert_eq!(s.set_by_key("chip_throughput", 5.0), Ok(()));
        assert_eq!(s.chip_throughput, 5.0);
    }

    #[test]
    fn clamping_pulls_into_range() {
        let s = Scenario {
            ai_demand_slowdown: 7.0,
            chip_throughput: f64::INFINITY,
            ..Scenario::default()
        }
        .clamped();
        assert_eq!(s.ai_demand_slowdown, 1.0);
        assert_eq!(s.chip_throughput, Scenario::default().chip_throughput);
        assert_eq!(s.validate(), Ok(()));
    }
}

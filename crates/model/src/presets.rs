//! Presets: named, documented scenarios the article and the UI can open on.
//! The first is the base case and equals `Scenario::default()`.

use crate::{Era, Scenario};
use serde::Serialize;

/// A named scenario with a one-paragraph description of what it represents.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Preset {
    /// Stable id (`"base"`, `"ai_demand_stalls"`, …).
    pub id: &'static str,
    /// The name readers see.
    pub name: &'static str,
    /// What the scenario represents and where its numbers come from.
    pub description: &'static str,
    /// The scenario itself.
    pub scenario: Scenario,
}

/// Every preset, the base case first.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "base",
        name: "Late-2025 base case",
        description: "The seven listed companies as filed to December 2025; bitcoin at its 31 Dec 2025 close ($87.5k) and flat unless you set a trend; the network near 1,050 EH/s; AI demand on the path to Bain's 2030 picture (~200 GW of new compute); new chips three times as efficient as the 2025 fleet; 60% of new build-outs funded with debt at 8%.",
        scenario: Scenario::BASE,
    },
    Preset {
        id: "ai_demand_stalls",
        name: "AI demand stalls",
        description: "Bain's shortfall: $800B of the $2T of annual revenue needed by 2030 never arrives, so 40% of the expected growth in AI compute fails to materialise; bitcoin falls with AI sentiment.",
        scenario: Scenario { ai_demand_slowdown: 0.4, ..Scenario::BASE },
    },
    Preset {
        id: "chip_glut",
        name: "Chip glut",
        description: "New accelerators deliver eight times the compute per watt of the 2025 fleet (Trainium 3 alone is a 4x step), and cheaper compute barely raises demand (elasticity 0.2): the same work needs far fewer megawatts.",
        scenario: Scenario { chip_throughput: 8.0, demand_elasticity: 0.2, ..Scenario::BASE },
    },
    Preset {
        id: "soft_landing",
        name: "Soft landing",
        description: "AI demand grows a little slower than expected (15% of the growth missing), cheaper compute finds new uses (elasticity 0.8), rates ease to 6.5% and bitcoin recovers 10%.",
        scenario: Scenario {
            ai_demand_slowdown: 0.15,
            demand_elasticity: 0.8,
            interest_rate: 0.065,
            btc_price_shock: 0.1,
            ..Scenario::BASE
        },
    },
    Preset {
        id: "replay_2022",
        name: "2022 replay",
        description: "Crypto's 2022 on the figures of Core Scientific, Iris Energy, Argo, Greenidge and Riot at the start of that year: bitcoin's monthly closes from $38.5k (Jan) to $16.5k (Dec), 64% volatility, each company's own power price, 80% of new machines funded with debt at 10%, no AI revenue. Starts 2022-01. In reality Iris Energy handed its equipment companies to their lender in November 2022 and Core Scientific filed for Chapter 11 in December.",
        scenario: Scenario {
            era: Era::Crypto2022,
            miner_leverage: 0.8,
            interest_rate: 0.10,
            btc_volatility: 0.64,
            ..Scenario::BASE
        },
    },
];

impl Preset {
    /// The preset with this id, if there is one.
    ///
    /// ```
    /// use squeeze_model::{Preset, Scenario};
    /// assert_eq!(Preset::by_id("base").unwrap().scenario, Scenario::default());
    /// assert!(Preset::by_id("nope").is_none());
    /// ```
    pub fn by_id(id: &str) -> Option<&'static Preset> {
        PRESETS.iter().find(|p| p.id == id)
    }

    /// Every preset, the base case first.
    pub fn all() -> &'static [Preset] {
        PRESETS
    }

    /// The late-2025 base case (the first preset; its scenario is `Scenario::default()`).
    pub fn base() -> &'static Preset {
        &PRESETS[0]
    }
}

/// Every preset, the base case first (the same as [`PRESETS`]).
pub fn presets() -> &'static [Preset] {
    PRESETS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_valid_unique_and_start_with_the_base_case() {
        assert_eq!(PRESETS[0].scenario, Scenario::default());
        let mut ids: Vec<_> = PRESETS.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), PRESETS.len());
        for preset in PRESETS {
            assert_eq!(preset.scenario.validate(), Ok(()), "{}", preset.id);
            assert!(!preset.name.is_empty() && !preset.description.is_empty());
        }
    }
}

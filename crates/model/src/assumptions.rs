//! Fixed assumptions: every constant the equations use that is not a lever.
//!
//! Each figure is a named `const` here, and [`ASSUMPTIONS`] lists them with a label,
//! a unit and a source, so the docs and the UI's assumptions panel can show them.
//! The engine reads these consts (never a bare number), and a unit test checks that
//! every const the engine uses appears in the table. Figures marked `estimate` are
//! the project's own judgement, not a published number.

use serde::Serialize;

/// One row of the fixed-assumptions table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Assumption {
    /// Stable snake_case id.
    pub id: &'static str,
    /// What the figure is, for readers.
    pub label: &'static str,
    /// The value the model uses.
    pub value: f64,
    /// The unit, as a reader sees it (`BTC`, `EH/s`, `$/MW/year`, …).
    pub unit: &'static str,
    /// Where the figure comes from.
    pub source: &'static str,
    /// `true` when the figure is the project's estimate rather than a published number.
    pub estimate: bool,
}

// --- Time -------------------------------------------------------------------------

/// Months simulated in the late-2025 era: 2026-01 to 2030-12, Bain's horizon (the
/// 2022 replay runs the 12 months of 2022).
pub const HORIZON_MONTHS: u32 = 60;
/// Average days in a month (365.25 / 12).
pub const DAYS_PER_MONTH: f64 = 365.25 / 12.0;
/// Average hours in a month.
pub const HOURS_PER_MONTH: f64 = DAYS_PER_MONTH * 24.0;
/// Months in a year, for converting annual rates.
pub const MONTHS_PER_YEAR: f64 = 12.0;

// --- Unit conversions (not assumptions; not in the table) ----------------------------

/// Hours in a day.
pub const HOURS_PER_DAY: f64 = 24.0;
/// Watts in a megawatt.
pub const W_PER_MW: f64 = 1.0e6;
/// Terahashes in a petahash.
pub const TH_PER_PH: f64 = 1.0e3;
/// Petahashes in an exahash.
pub const PH_PER_EH: f64 = 1.0e3;
/// Bitcoin in the unit of the forced-sale impact (10,000 BTC).
pub const BTC_PER_10K: f64 = 1.0e4;

// --- Bitcoin protocol and network ---------------------------------------------------

/// Blocks mined per day (one every ten minutes on average).
pub const BLOCKS_PER_DAY: f64 = 144.0;
/// Block subsidy from the April 2024 halving, BTC per block.
pub const BLOCK_SUBSIDY_2024_BTC: f64 = 3.125;
/// Block subsidy before the April 2024 halving (2020–2024), BTC per block.
pub const BLOCK_SUBSIDY_2020_BTC: f64 = 6.25;
/// Transaction fees per block, late 2025 (~0.6% of miner rewards), BTC.
pub const FEES_PER_BLOCK_2025_BTC: f64 = 0.02;
/// Transaction fees per block, 2022 (about 1–2% of miner rewards), BTC.
pub const FEES_PER_BLOCK_2022_BTC: f64 = 0.08;
/// Network hashrate at the start of 2026, EH/s.
pub const NETWORK_HASHRATE_LATE_2025_EH: f64 = 1_050.0;
/// Network hashrate in January 2022, EH/s.
pub const NETWORK_HASHRATE_JAN_2022_EH: f64 = 200.0;
/// Average efficiency of the whole network's fleet, late 2025, J/TH.
pub const NETWORK_FLEET_2025_J_PER_TH: f64 = 20.0;
/// Average efficiency of the whole network's fleet, 2022, J/TH.
pub const NETWORK_FLEET_2022_J_PER_TH: f64 = 38.0;
/// Power price of the marginal miner worldwide, late 2025, $/MWh.
pub const NETWORK_POWER_2025_USD_PER_MWH: f64 = 50.0;
/// Power price of the marginal miner worldwide, 2022 (energy-price spike), $/MWh.
pub const NETWORK_POWER_2022_USD_PER_MWH: f64 = 60.0;
/// Cash costs beyond power (hosting, staff, repairs) as a share of the power bill.
pub const NETWORK_CASH_OVERHEAD_SHARE: f64 = 0.4;
/// Share of the gap to the equilibrium hashrate closed each month while the network
/// grows (machines must be bought, shipped and installed).
pub const HASHRATE_ADJUSTMENT_PER_MONTH: f64 = 0.05;
/// Share of the gap closed each month while the network shrinks (unprofitable
/// machines are switched off within weeks).
pub const HASHRATE_DECLINE_PER_MONTH: f64 = 0.2;
/// Months between a change in miner revenue and the hashrate response (ordering,
/// shipping and plugging in machines).
pub const HASHRATE_LAG_MONTHS: usize = 3;

// --- Bitcoin price -------------------------------------------------------------------

/// Bitcoin price anchoring the late-2025 path (late November 2025), $.
pub const BTC_PRICE_LATE_2025_USD: f64 = 85_000.0;
/// Share by which a complete AI demand slowdown lowers the bitcoin price (risk-asset
/// correlation).
pub const BTC_AI_SENTIMENT_AT_FULL_SLOWDOWN: f64 = 0.3;
/// Months over which an AI slowdown feeds into the bitcoin price.
pub const BTC_AI_SENTIMENT_RAMP_MONTHS: f64 = 12.0;
/// Fall in the bitcoin price per 10,000 BTC sold under pressure by the modelled
/// operators (who stand for the listed sector), as a fraction.
pub const FORCED_SALE_IMPACT_PER_10K_BTC: f64 = 0.05;
/// Monte Carlo: probability that a month is turbulent (bitcoin's monthly move drawn
/// with `TURBULENT_VOLATILITY_MULTIPLE` times the calm volatility).
pub const TURBULENT_MONTH_PROBABILITY: f64 = 0.1;
/// Monte Carlo: volatility of a turbulent month as a multiple of a calm month's; the
/// mixture is scaled so the average variance matches `btc_volatility`.
pub const TURBULENT_VOLATILITY_MULTIPLE: f64 = 2.5;
/// Bitcoin monthly closes for 2022, $ (the 2022 replay's price path).
pub const BTC_MONTHLY_CLOSE_2022_USD: [f64; 12] = [
    38_483.0, 43_194.0, 45_539.0, 37_714.0, 31_792.0, 19_785.0, 23_337.0, 20_050.0, 19_432.0, 20_496.0, 17_168.0,
    16_548.0,
];

// --- AI demand and capacity ----------------------------------------------------------

/// AI compute demand at the end of 2025, GW of 2025-vintage chips.
pub const AI_DEMAND_2025_GW: f64 = 50.0;
/// Expected AI compute demand at the end of 2030, GW (the 2025 base plus Bain's
/// ~200 GW of incremental compute).
pub const AI_DEMAND_2030_GW: f64 = 250.0;
/// Months for the accelerator fleet to renew fully (depreciation life).
pub const FLEET_RENEWAL_MONTHS: f64 = 60.0;
/// Convexity of the spot rate in utilisation: spot = lease rate × utilisation^k.
pub const SPOT_RATE_CONVEXITY: f64 = 3.0;
/// Lease rate of a powered, cooled AI shell, $ per MW of critical IT per year.
pub const LEASE_RATE_USD_PER_MW_YEAR: f64 = 1.8e6;
/// GPU-cloud revenue per MW of critical IT per year (GPUs included), $.
pub const GPU_CLOUD_RATE_USD_PER_MW_YEAR: f64 = 9.7e6;
/// Monte Carlo: volatility of AI compute demand around the scenario's path, a
/// fraction per year (a log-normal random walk).
pub const AI_DEMAND_VOLATILITY_PER_YEAR: f64 = 0.1;
/// Annual default probability of an AI tenant when the market is tight.
pub const TENANT_DEFAULT_BASE_PER_YEAR: f64 = 0.03;
/// Share of the remaining default probability reached when utilisation falls to
/// zero: yearly default = base + (1 − base) × stress × (1 − utilisation)².
pub const TENANT_DEFAULT_STRESS_SHARE: f64 = 0.8;
/// Power usage effectiveness of a GPU data centre (total power / IT power).
pub const GPU_DATA_CENTRE_PUE: f64 = 1.25;
/// Operating cost of a leased AI shell (taxes, insurance, staff), $/MW/year.
pub const LANDLORD_OPEX_USD_PER_MW_YEAR: f64 = 0.25e6;
/// Operating cost of a GPU cloud besides power (staff, network, repairs), $/MW/year.
pub const GPU_CLOUD_OPEX_USD_PER_MW_YEAR: f64 = 1.0e6;

// --- Mining operations and finance --------------------------------------------------

/// Site cost of a mining MW besides power (staff, repairs), $ per MW per month.
pub const MINING_SITE_OPEX_USD_PER_MW_MONTH: f64 = 5_000.0;
/// Debt-service coverage a lender requires to refinance a maturity.
pub const REFINANCING_MIN_DSCR: f64 = 1.25;
/// Months of trailing earnings used for the coverage test.
pub const COVERAGE_TRAILING_MONTHS: usize = 3;

/// The fixed-assumptions table: every constant above, with its unit and source.
pub const ASSUMPTIONS: &[Assumption] = &[
    Assumption {
        id: "horizon_months",
        label: "Months simulated (late 2025; the 2022 replay runs 12)",
        value: HORIZON_MONTHS as f64,
        unit: "months",
        source: "Bain & Company, Global Technology Report 2025 (23 Sep 2025) looks to 2030; 2026-01 to 2030-12.",
        estimate: false,
    },
    Assumption {
        id: "blocks_per_day",
        label: "Blocks per day",
        value: BLOCKS_PER_DAY,
        unit: "blocks",
        source: "Bitcoin protocol: one block every ten minutes on average.",
        estimate: false,
    },
    Assumption {
        id: "block_subsidy_2024_btc",
        label: "Block subsidy since the April 2024 halving (halves to 1.5625 in April 2028)",
        value: BLOCK_SUBSIDY_2024_BTC,
        unit: "BTC per block",
        source: "Bitcoin protocol: the subsidy halves every 210,000 blocks (April 2024, next ~April 2028).",
        estimate: false,
    },
    Assumption {
        id: "block_subsidy_2020_btc",
        label: "Block subsidy 2020–2024 (2022 replay)",
        value: BLOCK_SUBSIDY_2020_BTC,
        unit: "BTC per block",
        source: "Bitcoin protocol (May 2020 to April 2024).",
        estimate: false,
    },
    Assumption {
        id: "fees_per_block_2025_btc",
        label: "Transaction fees per block, late 2025",
        value: FEES_PER_BLOCK_2025_BTC,
        unit: "BTC per block",
        source: "Hashrate Index weekly roundup, 3 Nov 2025: fees were 0.62% of block rewards (~20 BTC a week).",
        estimate: false,
    },
    Assumption {
        id: "fees_per_block_2022_btc",
        label: "Transaction fees per block, 2022",
        value: FEES_PER_BLOCK_2022_BTC,
        unit: "BTC per block",
        source: "Estimate: fees were roughly 1–2% of miner revenue through 2022.",
        estimate: true,
    },
    Assumption {
        id: "network_hashrate_late_2025_eh",
        label: "Network hashrate at the start (late 2025)",
        value: NETWORK_HASHRATE_LATE_2025_EH,
        unit: "EH/s",
        source: "Between Hashrate Index's 7-day average of 930 EH/s (3 Nov 2025) and Luxor's >1.1 ZH/s 7-day average (late Nov 2025); record ~1.16 ZH/s in Oct 2025.",
        estimate: false,
    },
    Assumption {
        id: "network_hashrate_jan_2022_eh",
        label: "Network hashrate, January 2022",
        value: NETWORK_HASHRATE_JAN_2022_EH,
        unit: "EH/s",
        source: "Blockchain.com via ForkLog: 7-day average record of 198.8 EH/s on 20 Jan 2022 (207.5 EH/s on 1 Jan).",
        estimate: false,
    },
    Assumption {
        id: "network_fleet_2025_j_per_th",
        label: "Network fleet efficiency, late 2025",
        value: NETWORK_FLEET_2025_J_PER_TH,
        unit: "J/TH",
        source: "Estimate: a mix of S21-class machines (~15–17.5 J/TH) and older S19s (~30 J/TH).",
        estimate: true,
    },
    Assumption {
        id: "network_fleet_2022_j_per_th",
        label: "Network fleet efficiency, 2022",
        value: NETWORK_FLEET_2022_J_PER_TH,
        unit: "J/TH",
        source: "Estimate: S19-class machines (~29.5 J/TH) alongside older S9s (~84 J/TH).",
        estimate: true,
    },
    Assumption {
        id: "network_power_2025_usd_per_mwh",
        label: "Marginal miner's power price, late 2025",
        value: NETWORK_POWER_2025_USD_PER_MWH,
        unit: "$/MWh",
        source: "Estimate: CoinShares mining reports put listed miners' cash cost per BTC at $55–82k in 2024–25, mostly power.",
        estimate: true,
    },
    Assumption {
        id: "network_power_2022_usd_per_mwh",
        label: "Marginal miner's power price, 2022",
        value: NETWORK_POWER_2022_USD_PER_MWH,
        unit: "$/MWh",
        source: "Estimate from Hashrate Index's 2022 review: hosting rose from $0.05–0.06 to $0.08–0.09 per kWh.",
        estimate: true,
    },
    Assumption {
        id: "network_cash_overhead_share",
        label: "Miners' other cash costs, as a share of power",
        value: NETWORK_CASH_OVERHEAD_SHARE,
        unit: "share",
        source: "Estimate; puts the network's equilibrium hashprice near $34/PH/day in late 2025, below the ~$45 median all-in cost of listed miners (The Miner Mag).",
        estimate: true,
    },
    Assumption {
        id: "hashrate_adjustment_per_month",
        label: "Monthly share of the gap to equilibrium hashrate closed while it grows",
        value: HASHRATE_ADJUSTMENT_PER_MONTH,
        unit: "share per month",
        source: "Estimate: hashrate took 1–2 years to adjust after the 2021 China ban and the 2024 halving.",
        estimate: true,
    },
    Assumption {
        id: "hashrate_decline_per_month",
        label: "Monthly share of the gap closed while hashrate falls",
        value: HASHRATE_DECLINE_PER_MONTH,
        unit: "share per month",
        source: "Estimate: after the 2021 China ban and in late 2022 hashrate fell 10–50% within one or two months as machines were unplugged.",
        estimate: true,
    },
    Assumption {
        id: "hashrate_lag_months",
        label: "Lag of the hashrate response",
        value: HASHRATE_LAG_MONTHS as f64,
        unit: "months",
        source: "Estimate: machine lead times and installation.",
        estimate: true,
    },
    Assumption {
        id: "btc_price_late_2025_usd",
        label: "Bitcoin price at the start (late 2025)",
        value: BTC_PRICE_LATE_2025_USD,
        unit: "$",
        source: "~$81–86k in late Nov 2025 after a record ~$126k on 6 Oct 2025; seed article: −17% in 30 days.",
        estimate: false,
    },
    Assumption {
        id: "btc_ai_sentiment_at_full_slowdown",
        label: "Bitcoin price fall at a complete AI slowdown",
        value: BTC_AI_SENTIMENT_AT_FULL_SLOWDOWN,
        unit: "share",
        source: "Estimate from the seed article: bitcoin −17% and CoinDesk 20 −19.3% in 30 days as AI spending worries hit risk assets.",
        estimate: true,
    },
    Assumption {
        id: "btc_ai_sentiment_ramp_months",
        label: "Months for an AI slowdown to reach the bitcoin price",
        value: BTC_AI_SENTIMENT_RAMP_MONTHS,
        unit: "months",
        source: "Estimate.",
        estimate: true,
    },
    Assumption {
        id: "forced_sale_impact_per_10k_btc",
        label: "Bitcoin price fall per 10,000 BTC of forced sales",
        value: FORCED_SALE_IMPACT_PER_10K_BTC,
        unit: "share",
        source: "Estimate: the modelled operators stand for a listed sector several times their size (miners' debt $12.7B in Oct 2025, VanEck); 2022's miner selling coincided with the June crash.",
        estimate: true,
    },
    Assumption {
        id: "turbulent_month_probability",
        label: "Monte Carlo: share of months that are turbulent for bitcoin",
        value: TURBULENT_MONTH_PROBABILITY,
        unit: "share of months",
        source: "Estimate: bitcoin has had roughly one crash month (−25% or worse) every year or two, e.g. Nov 2018 (−37%), Mar 2020 (−25%), May 2021 (−35%), Jun 2022 (−38%, CoinMarketCap closes).",
        estimate: true,
    },
    Assumption {
        id: "turbulent_volatility_multiple",
        label: "Monte Carlo: volatility of a turbulent month against a calm one",
        value: TURBULENT_VOLATILITY_MULTIPLE,
        unit: "×",
        source: "Estimate: with one turbulent month in ten this gives monthly returns an excess kurtosis of about 3 (a normal has 0), fat tails as in bitcoin's history, at the same overall volatility.",
        estimate: true,
    },
    Assumption {
        id: "btc_monthly_close_2022_usd",
        label: "Bitcoin monthly closes, Jan–Dec 2022 (38,483 → 16,548)",
        value: BTC_MONTHLY_CLOSE_2022_USD[11],
        unit: "$",
        source: "CoinMarketCap monthly historical data, rounded (e.g. May 31,792; June 19,785, the worst month since 2011).",
        estimate: false,
    },
    Assumption {
        id: "ai_demand_2025_gw",
        label: "AI compute demand, end 2025",
        value: AI_DEMAND_2025_GW,
        unit: "GW",
        source: "Estimate: about half of the ~95 GW of global data-centre capacity in 2025 (Morgan Stanley Research).",
        estimate: true,
    },
    Assumption {
        id: "ai_demand_2030_gw",
        label: "Expected AI compute demand, end 2030",
        value: AI_DEMAND_2030_GW,
        unit: "GW",
        source: "Bain & Company, Global Technology Report 2025: ~200 GW of incremental AI compute by 2030 (half in the US), added to the 2025 base.",
        estimate: false,
    },
    Assumption {
        id: "fleet_renewal_months",
        label: "Months for the accelerator fleet to renew",
        value: FLEET_RENEWAL_MONTHS,
        unit: "months",
        source: "Estimate: hyperscalers depreciate servers over 5–6 years; CoreWeave cites ~6 years of useful life.",
        estimate: true,
    },
    Assumption {
        id: "spot_rate_convexity",
        label: "Convexity of the spot rate in utilisation",
        value: SPOT_RATE_CONVEXITY,
        unit: "exponent",
        source: "Estimate: H100 rental fell from ~$8/h (2023) to ~$2/h (2025) as capacity caught up with demand (SemiAnalysis rental index).",
        estimate: true,
    },
    Assumption {
        id: "lease_rate_usd_per_mw_year",
        label: "Lease rate of an AI shell",
        value: LEASE_RATE_USD_PER_MW_YEAR,
        unit: "$/MW of critical IT/year",
        source: "Cipher–Fluidstack: ~$3B over 10 years for 168 MW (~$1.79M); TeraWulf–Fluidstack: ~$1.85M per MW-year (Sep 2025).",
        estimate: false,
    },
    Assumption {
        id: "gpu_cloud_rate_usd_per_mw_year",
        label: "GPU-cloud revenue per MW",
        value: GPU_CLOUD_RATE_USD_PER_MW_YEAR,
        unit: "$/MW of critical IT/year",
        source: "IREN–Microsoft: ~$9.7B over 5 years for ~200 MW of GB300 capacity (3 Nov 2025).",
        estimate: false,
    },
    Assumption {
        id: "ai_demand_volatility_per_year",
        label: "Monte Carlo: volatility of AI compute demand around its path",
        value: AI_DEMAND_VOLATILITY_PER_YEAR,
        unit: "per year",
        source: "Estimate: one standard deviation of about ±22% in 2030 demand around the scenario's path (10% a year over five years), on top of the slowdown lever, which covers Bain's $800B (40%) shortfall.",
        estimate: true,
    },
    Assumption {
        id: "tenant_default_base_per_year",
        label: "AI tenant default probability, tight market",
        value: TENANT_DEFAULT_BASE_PER_YEAR,
        unit: "per year",
        source: "Estimate: a single-B issuer's long-run default rate (tenants such as neoclouds are high-yield credits).",
        estimate: true,
    },
    Assumption {
        id: "tenant_default_stress_share",
        label: "Rise in tenant default risk as utilisation falls",
        value: TENANT_DEFAULT_STRESS_SHARE,
        unit: "share",
        source: "Estimate: at 50% utilisation about a quarter of unbackstopped tenants fail each year.",
        estimate: true,
    },
    Assumption {
        id: "gpu_data_centre_pue",
        label: "Power usage effectiveness of a GPU data centre",
        value: GPU_DATA_CENTRE_PUE,
        unit: "ratio",
        source: "Estimate: liquid-cooled AI halls run ~1.1–1.4 (Google reports 1.1; industry average 1.6–1.8).",
        estimate: true,
    },
    Assumption {
        id: "landlord_opex_usd_per_mw_year",
        label: "Operating cost of a leased AI shell",
        value: LANDLORD_OPEX_USD_PER_MW_YEAR,
        unit: "$/MW/year",
        source: "TeraWulf–Fluidstack JV note offering: ~$42.7M first-year opex for its 168 MW (~$0.25M per MW); NOI margins of 80–85% (Cipher, TeraWulf).",
        estimate: false,
    },
    Assumption {
        id: "gpu_cloud_opex_usd_per_mw_year",
        label: "GPU-cloud operating cost besides power",
        value: GPU_CLOUD_OPEX_USD_PER_MW_YEAR,
        unit: "$/MW/year",
        source: "Estimate: about a tenth of GPU-cloud revenue.",
        estimate: true,
    },
    Assumption {
        id: "mining_site_opex_usd_per_mw_month",
        label: "Mining site cost besides power",
        value: MINING_SITE_OPEX_USD_PER_MW_MONTH,
        unit: "$/MW/month",
        source: "Estimate.",
        estimate: true,
    },
    Assumption {
        id: "refinancing_min_dscr",
        label: "Coverage a lender requires to refinance",
        value: REFINANCING_MIN_DSCR,
        unit: "× debt service",
        source: "Estimate within the usual 1.0–1.25x DSCR covenants of project and equipment finance.",
        estimate: true,
    },
    Assumption {
        id: "coverage_trailing_months",
        label: "Months of earnings in the coverage test",
        value: COVERAGE_TRAILING_MONTHS as f64,
        unit: "months",
        source: "Estimate: a trailing quarter, annualised.",
        estimate: true,
    },
];

impl Assumption {
    /// The row with this id, if there is one.
    pub fn by_id(id: &str) -> Option<&'static Assumption> {
        ASSUMPTIONS.iter().find(|a| a.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_are_unique_finite_and_sourced() {
        let mut ids: Vec<_> = ASSUMPTIONS.iter().map(|a| a.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ASSUMPTIONS.len(), "ids must be unique");
        for a in ASSUMPTIONS {
            assert!(a.value.is_finite() && a.value > 0.0, "{}", a.id);
            assert!(
                !a.source.is_empty() && !a.label.is_empty() && !a.unit.is_empty(),
                "{}",
                a.id
            );
            assert_eq!(
                a.estimate,
                a.source.starts_with("Estimate"),
                "{}: mark estimates in the source",
                a.id
            );
        }
    }

    #[test]
    fn equations_use_no_magic_numbers() {
        // Outside comments and tests, the engine and market code may only write the
        // numbers 0, 1 and 2 (and 1e-… tolerances); every other figure is a named
        // constant of this module or of the archetype and era tables.
        for (name, source) in [
            ("engine.rs", include_str!("engine.rs")),
            ("market.rs", include_str!("market.rs")),
        ] {
            let code = source.split("#[cfg(test)]").next().unwrap_or(source);
            for (number, line) in code.lines().enumerate() {
                let line = line.split("//").next().unwrap_or("");
                let mut chars = line.char_indices().peekable();
                while let Some((start, c)) = chars.next() {
                    let prev = line[..start].chars().last();
                    if !c.is_ascii_digit() || prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '_') {
                        continue;
                    }
                    let mut end = start + c.len_utf8();
                    while let Some(&(i, d)) = chars.peek() {
                        let decimal_point = d == '.' && line[i + 1..].starts_with(|n: char| n.is_ascii_digit());
                        if d.is_ascii_alphanumeric()
                            || decimal_point
                            || d == '_'
                            || (d == '-' && line[..i].ends_with('e'))
                        {
                            end = i + d.len_utf8();
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    let literal = line[start..end]
                        .trim_end_matches("f64")
                        .trim_end_matches("u32")
                        .trim_end_matches("usize");
                    let allowed =
                        ["0", "1", "2", "0.0", "1.0", "2.0", "0.5"].contains(&literal) || literal.starts_with("1e-");
                    assert!(allowed, "{name}:{}: magic number {literal}", number + 1);
                }
            }
        }
    }
}

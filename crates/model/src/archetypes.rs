//! Operator archetypes: stylised composites of listed bitcoin miners, each with its
//! own business mix and balance sheet. They are named as archetypes with a "like …"
//! note and are **not** forecasts for the companies they resemble: figures are
//! rounded, simplified and partly estimated (see each row's `source`).
//!
//! Months are counted from the era's start (month 0 = 2026-01 for late 2025,
//! 2022-01 for the 2022 replay).

use serde::Serialize;

/// How an operator earns money from AI capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AiBusiness {
    /// No AI capacity: bitcoin mining only.
    None,
    /// Leases powered, cooled shells to a tenant who brings the GPUs.
    Landlord,
    /// Owns the GPUs and sells compute (a "neocloud").
    GpuCloud,
}

/// One slice of existing debt.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DebtTranche {
    /// What the debt is, e.g. "0% convertible notes".
    pub label: &'static str,
    /// Outstanding principal at the start, $.
    pub principal_usd: f64,
    /// Cash interest rate, per year (0.0775 = 7.75%).
    pub rate_per_year: f64,
    /// Scheduled principal repayment each month, $.
    pub amortisation_usd_per_month: f64,
    /// Month (from the start) when the rest falls due — a maturity or a holder's put —
    /// or `None` if beyond the horizon.
    pub due_month: Option<u32>,
}

impl DebtTranche {
    /// An empty slot.
    pub const NONE: DebtTranche = DebtTranche {
        label: "",
        principal_usd: 0.0,
        rate_per_year: 0.0,
        amortisation_usd_per_month: 0.0,
        due_month: None,
    };
}

/// One operator archetype: its business mix and starting balance sheet.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Archetype {
    /// Stable id (`"landlord"`, …).
    pub id: &'static str,
    /// The name readers see.
    pub name: &'static str,
    /// Which listed companies it resembles ("like …"), not a forecast for them.
    pub like: &'static str,
    /// One sentence on its business and its key risk.
    pub description: &'static str,
    /// How it earns money from AI capacity.
    pub business: AiBusiness,
    /// Mining capacity at the start, MW.
    pub mining_mw: f64,
    /// Efficiency of its mining fleet, J/TH.
    pub mining_j_per_th: f64,
    /// Mining MW switched off as its sites are converted to AI (in step with the build).
    pub mining_mw_converted: f64,
    /// Mining MW added by the build-out (new machines).
    pub mining_mw_build: f64,
    /// Cost of a new mining MW (machines and site), $.
    pub mining_capex_usd_per_mw: f64,
    /// AI capacity already earning at the start, MW of critical IT.
    pub ai_mw_live: f64,
    /// AI capacity still to build, MW of critical IT.
    pub ai_mw_build: f64,
    /// Conversion cost of an AI MW (shell, power, cooling; GPUs too for a GPU cloud), $.
    pub ai_capex_usd_per_mw: f64,
    /// Month the build-out starts.
    pub build_start_month: u32,
    /// Months the build-out takes (capacity comes online evenly).
    pub build_months: u32,
    /// Prepayment from the anchor tenant that funds capex first, then is credited
    /// against its bills over the horizon, $.
    pub tenant_prepayment_usd: f64,
    /// Multiplies the `contracted_share` lever: 1 = contracted like the market,
    /// 0.25 = little contracted yet.
    pub contract_coverage: f64,
    /// Multiplies the tenant default probability (a hyperscaler tenant is far safer
    /// than a neocloud).
    pub tenant_risk: f64,
    /// Share of contracted rent a third party keeps paying if the tenant fails.
    pub backstop_share: f64,
    /// Cash at the start, $.
    pub cash_usd: f64,
    /// Bitcoin held at the start, BTC.
    pub btc_held: f64,
    /// Existing debt (two slots; unused slots are empty).
    pub debt: [DebtTranche; 2],
    /// Corporate overhead (G&A), $ per month.
    pub overhead_usd_per_month: f64,
    /// Cash a lender requires it to keep at all times, $.
    pub min_liquidity_usd: f64,
    /// Months over which new build-out debt is repaid once the build is complete.
    pub new_debt_amortisation_months: f64,
    /// Where the figures come from.
    pub source: &'static str,
}

impl Archetype {
    /// AI capacity once the build-out is complete, MW.
    pub fn ai_mw_target(&self) -> f64 {
        self.ai_mw_live + self.ai_mw_build
    }

    /// Mining capacity once the build-out is complete, MW.
    pub fn mining_mw_target(&self) -> f64 {
        self.mining_mw - self.mining_mw_converted + self.mining_mw_build
    }

    /// Capex still to spend on the build-out, $.
    pub fn capex_to_spend_usd(&self) -> f64 {
        self.ai_mw_build * self.ai_capex_usd_per_mw + self.mining_mw_build * self.mining_capex_usd_per_mw
    }
}

/// The five late-2025 archetypes.
pub const ARCHETYPES_LATE_2025: &[Archetype] = &[
    Archetype {
        id: "landlord",
        name: "Landlord",
        like: "like Core Scientific or Cipher Mining",
        description: "Leases powered shells to a neocloud on 10–12 year contracts; risk: tenant failure and build-out leverage.",
        business: AiBusiness::Landlord,
        mining_mw: 300.0,
        mining_j_per_th: 18.0,
        mining_mw_converted: 150.0,
        mining_mw_build: 0.0,
        mining_capex_usd_per_mw: 0.0,
        ai_mw_live: 100.0,
        ai_mw_build: 300.0,
        ai_capex_usd_per_mw: 10.0e6,
        build_start_month: 0,
        build_months: 18,
        tenant_prepayment_usd: 0.0,
        contract_coverage: 1.0,
        tenant_risk: 1.0,
        backstop_share: 0.45,
        cash_usd: 600.0e6,
        btc_held: 1_000.0,
        debt: [
            DebtTranche {
                label: "0% convertible notes, holders' put Oct 2029",
                principal_usd: 1.1e9,
                rate_per_year: 0.0,
                amortisation_usd_per_month: 0.0,
                due_month: Some(45),
            },
            DebtTranche::NONE,
        ],
        overhead_usd_per_month: 8.0e6,
        min_liquidity_usd: 0.0,
        new_debt_amortisation_months: 180.0,
        source: "Cipher–Fluidstack 168 MW / $3B / 10 y with a $1.4B Google backstop (~45%), $9–11M per MW, $1.1B 0% convertible due 2031 with a 2029 put (Sep 2025); Core Scientific–CoreWeave ~500 MW / $8.7B / 12 y. Sizes rounded; cash and BTC estimates.",
    },
    Archetype {
        id: "neocloud",
        name: "Neocloud",
        like: "like IREN",
        description: "Owns the GPUs and sells compute to a hyperscaler on a 5-year contract; risk: GPU rental prices, short contracts, big capex.",
        business: AiBusiness::GpuCloud,
        mining_mw: 600.0,
        mining_j_per_th: 15.0,
        mining_mw_converted: 0.0,
        mining_mw_build: 0.0,
        mining_capex_usd_per_mw: 0.0,
        ai_mw_live: 50.0,
        ai_mw_build: 200.0,
        ai_capex_usd_per_mw: 39.0e6,
        build_start_month: 0,
        build_months: 12,
        tenant_prepayment_usd: 1.94e9,
        contract_coverage: 1.0,
        tenant_risk: 0.2,
        backstop_share: 0.0,
        cash_usd: 1.0e9,
        btc_held: 0.0,
        debt: [
            DebtTranche {
                label: "Low-coupon convertible notes due 2031–2032",
                principal_usd: 2.0e9,
                rate_per_year: 0.015,
                amortisation_usd_per_month: 0.0,
                due_month: None,
            },
            DebtTranche::NONE,
        ],
        overhead_usd_per_month: 10.0e6,
        min_liquidity_usd: 0.0,
        new_debt_amortisation_months: 48.0,
        source: "IREN–Microsoft ~$9.7B / 5 y for ~200 MW with a 20% prepayment, $5.8B of Dell GB300 systems (~$29M per MW) plus ~$10M per MW of halls, ~50 EH/s of mining (Nov 2025). Cash and debt rounded estimates.",
    },
    Archetype {
        id: "backstopped_developer",
        name: "Backstopped developer",
        like: "like TeraWulf",
        description: "Builds AI halls for a neocloud whose rent a hyperscaler backstops; risk: high-yield debt and build delays.",
        business: AiBusiness::Landlord,
        mining_mw: 200.0,
        mining_j_per_th: 17.0,
        mining_mw_converted: 100.0,
        mining_mw_build: 0.0,
        mining_capex_usd_per_mw: 0.0,
        ai_mw_live: 0.0,
        ai_mw_build: 370.0,
        ai_capex_usd_per_mw: 11.0e6,
        build_start_month: 0,
        build_months: 24,
        tenant_prepayment_usd: 0.0,
        contract_coverage: 1.0,
        tenant_risk: 1.0,
        backstop_share: 0.8,
        cash_usd: 700.0e6,
        btc_held: 0.0,
        debt: [
            DebtTranche {
                label: "7.75% senior secured notes due Oct 2030, amortising",
                principal_usd: 1.5e9,
                rate_per_year: 0.0775,
                amortisation_usd_per_month: 12.0e6,
                due_month: Some(57),
            },
            DebtTranche {
                label: "0% convertible notes due 2032",
                principal_usd: 1.0e9,
                rate_per_year: 0.0,
                amortisation_usd_per_month: 0.0,
                due_month: None,
            },
        ],
        overhead_usd_per_month: 6.0e6,
        min_liquidity_usd: 0.0,
        new_debt_amortisation_months: 180.0,
        source: "TeraWulf: Lake Mariner 200 MW and Abernathy JV 168 MW for Fluidstack (~$1.85M per MW-year), Google backstops of $3.2B in total; $3.2B 7.75% secured notes due 15 Oct 2030; ~$0.9B 0% convertibles due 2032 (Aug–Oct 2025); the notes amortise semi-annually once buildings complete (the JV's notes fall from $1.275B to $0.7B over five years). Part of the notes is modelled as new build-out debt.",
    },
    Archetype {
        id: "pure_miner",
        name: "Pure miner",
        like: "like CleanSpark (2025)",
        description: "Mostly bitcoin mining with a large bitcoin treasury; risk: hashprice and the 2028 halving.",
        business: AiBusiness::None,
        mining_mw: 800.0,
        mining_j_per_th: 16.5,
        mining_mw_converted: 0.0,
        mining_mw_build: 200.0,
        mining_capex_usd_per_mw: 1.5e6,
        ai_mw_live: 0.0,
        ai_mw_build: 0.0,
        ai_capex_usd_per_mw: 0.0,
        build_start_month: 0,
        build_months: 12,
        tenant_prepayment_usd: 0.0,
        contract_coverage: 0.0,
        tenant_risk: 0.0,
        backstop_share: 0.0,
        cash_usd: 400.0e6,
        btc_held: 12_100.0,
        debt: [
            DebtTranche {
                label: "0% convertible notes due 2032",
                principal_usd: 1.15e9,
                rate_per_year: 0.0,
                amortisation_usd_per_month: 0.0,
                due_month: None,
            },
            DebtTranche {
                label: "Bitcoin-backed credit lines",
                principal_usd: 0.4e9,
                rate_per_year: 0.08,
                amortisation_usd_per_month: 0.0,
                due_month: Some(18),
            },
        ],
        overhead_usd_per_month: 12.0e6,
        min_liquidity_usd: 0.0,
        new_debt_amortisation_months: 36.0,
        source: "CleanSpark: ~50 EH/s, ~12,100 BTC held, $1.15B 0% convertibles due 2032, >$1.7B long-term debt (Nov 2025). New machines at ~$1.5M per MW (S21-class at ~$20–26/TH, Hashrate Index). Cash and credit-line terms estimates.",
    },
    Archetype {
        id: "late_converter",
        name: "Late converter",
        like: "like Bitfarms",
        description: "Winding down mining to build an AI campus with little contracted yet; risk: the funding gap during the build.",
        business: AiBusiness::Landlord,
        mining_mw: 300.0,
        mining_j_per_th: 21.0,
        mining_mw_converted: 300.0,
        mining_mw_build: 0.0,
        mining_capex_usd_per_mw: 0.0,
        ai_mw_live: 0.0,
        ai_mw_build: 350.0,
        ai_capex_usd_per_mw: 10.0e6,
        build_start_month: 3,
        build_months: 24,
        tenant_prepayment_usd: 0.0,
        contract_coverage: 0.25,
        tenant_risk: 1.0,
        backstop_share: 0.0,
        cash_usd: 250.0e6,
        btc_held: 1_150.0,
        debt: [
            DebtTranche {
                label: "8% project loan, 2-year term",
                principal_usd: 0.3e9,
                rate_per_year: 0.08,
                amortisation_usd_per_month: 0.0,
                due_month: Some(15),
            },
            DebtTranche::NONE,
        ],
        overhead_usd_per_month: 5.0e6,
        min_liquidity_usd: 50.0e6,
        new_debt_amortisation_months: 180.0,
        source: "Bitfarms: 350 MW Panther Creek HPC campus, phase 1 energised end-2026, mining to wind down; Macquarie $300M facility at 8% with 2-year tranches and a $50M minimum-cash covenant; ~1,150 BTC (2025). Cash an estimate.",
    },
];

/// The 2022 replay's archetypes: a leveraged miner and a lightly levered one, no AI.
pub const ARCHETYPES_2022: &[Archetype] = &[
    Archetype {
        id: "leveraged_miner_2022",
        name: "Leveraged miner (2022)",
        like: "like Core Scientific in 2022",
        description: "Expanded its fleet on equipment loans and convertible notes in 2021–22; risk: hashprice collapse with debt service due.",
        business: AiBusiness::None,
        mining_mw: 350.0,
        mining_j_per_th: 32.0,
        mining_mw_converted: 0.0,
        mining_mw_build: 150.0,
        mining_capex_usd_per_mw: 2.5e6,
        ai_mw_live: 0.0,
        ai_mw_build: 0.0,
        ai_capex_usd_per_mw: 0.0,
        build_start_month: 0,
        build_months: 12,
        tenant_prepayment_usd: 0.0,
        contract_coverage: 0.0,
        tenant_risk: 0.0,
        backstop_share: 0.0,
        cash_usd: 150.0e6,
        btc_held: 8_000.0,
        debt: [
            DebtTranche {
                label: "Equipment loans",
                principal_usd: 0.6e9,
                rate_per_year: 0.11,
                amortisation_usd_per_month: 25.0e6,
                due_month: None,
            },
            DebtTranche {
                label: "10% convertible notes",
                principal_usd: 0.5e9,
                rate_per_year: 0.10,
                amortisation_usd_per_month: 0.0,
                due_month: None,
            },
        ],
        overhead_usd_per_month: 15.0e6,
        min_liquidity_usd: 0.0,
        new_debt_amortisation_months: 24.0,
        source: "Core Scientific 2022 filings: ~15.7 EH/s of self-mining at year end, ~$1.3B of liabilities at Q3 2022, 7,202 BTC sold in June 2022, missed loan payments in Oct, Chapter 11 on 21 Dec 2022. Rounded; loan terms estimates.",
    },
    Archetype {
        id: "lightly_levered_miner_2022",
        name: "Lightly levered miner (2022)",
        like: "like Riot Platforms in 2022",
        description: "Expanded from cash and equity with no legacy debt; risk: hashprice collapse.",
        business: AiBusiness::None,
        mining_mw: 250.0,
        mining_j_per_th: 30.0,
        mining_mw_converted: 0.0,
        mining_mw_build: 150.0,
        mining_capex_usd_per_mw: 2.5e6,
        ai_mw_live: 0.0,
        ai_mw_build: 0.0,
        ai_capex_usd_per_mw: 0.0,
        build_start_month: 0,
        build_months: 12,
        tenant_prepayment_usd: 0.0,
        contract_coverage: 0.0,
        tenant_risk: 0.0,
        backstop_share: 0.0,
        cash_usd: 300.0e6,
        btc_held: 6_000.0,
        debt: [DebtTranche::NONE, DebtTranche::NONE],
        overhead_usd_per_month: 8.0e6,
        min_liquidity_usd: 0.0,
        new_debt_amortisation_months: 24.0,
        source: "Riot Platforms 2022 filings: no material debt, ~$230M cash and ~6,900 BTC at end 2022. Rounded estimates.",
    },
];

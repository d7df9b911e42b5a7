//! The model's data: every company figure, market starting value and assumption,
//! each with its source and as-of date, read from a human-readable TOML file
//! (`data/late-2025.toml`, `data/2022.toml` at the repository root).
//!
//! The two files are embedded in the binaries at build time and parsed once, on
//! first use ([`Dataset::for_era`]); an edited copy can be loaded with
//! [`Dataset::parse`]. Loading never panics and never returns a half-loaded
//! dataset: it either gives a complete, checked [`Dataset`] or a [`DataError`] that
//! lists every mistake with its line and field.
//!
//! The engine never sees the text: it reads these typed values (and copies the
//! numbers it needs into plain `f64`s at the start of a run).

mod load;
mod reader;

use crate::{Date, Era, YearMonth};
use serde::Serialize;
use std::fmt;
use std::sync::OnceLock;

/// The version of the model's equations, carried in every outcome and link so a
/// reader can tell which model made a figure.
pub const MODEL_VERSION: &str = "2.0";

/// The data format this crate reads (`format = 1` at the top of a data file).
pub const DATA_FORMAT: i64 = 1;

/// The embedded late-2025 data (the default).
pub const LATE_2025_TOML: &str = include_str!("../../../../data/late-2025.toml");
/// The embedded 2022 data (the 2022 replay).
pub const CRYPTO_2022_TOML: &str = include_str!("../../../../data/2022.toml");

/// Where a figure comes from: a document, its publisher, date and link.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// The id figures refer to (`source = "wulf-10k-2025"`).
    pub id: String,
    /// The document's title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// When it was published: `YYYY-MM-DD`, or `YYYY-MM` or `YYYY` where the page
    /// gives no more.
    pub date: String,
    /// Where it can be read.
    pub link: String,
    /// Whether it is a secondary source (news or a summary) rather than the filing.
    pub secondary: bool,
}

/// One number with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The value, in the unit the field's name says.
    pub value: f64,
    /// The id of its [`Source`].
    pub source: String,
    /// The date the figure describes (a balance-sheet date, a closing date).
    pub as_of: Date,
    /// Why and how it was estimated, if it is the project's estimate rather than a
    /// filed number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimate: Option<String>,
    /// The line of the data file it was read from.
    #[serde(skip)]
    pub line: u32,
}

impl Figure {
    /// Whether the figure is an estimate rather than a filed number.
    pub fn is_estimate(&self) -> bool {
        self.estimate.is_some()
    }
}

/// A market figure or assumption: a [`Figure`] with a label and a unit for readers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Named {
    /// The id in the data file (`lease_rate_usd_per_mw_year`).
    pub id: &'static str,
    /// What it is, in words.
    pub label: String,
    /// Its unit as a reader sees it (`$/MW/year`).
    pub unit: String,
    /// The number and where it comes from.
    #[serde(flatten)]
    pub figure: Figure,
}

macro_rules! named_figures {
    ($(#[doc = $doc:literal])* $name:ident / $values:ident { $( $(#[doc = $fdoc:literal])* $field:ident ),* $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub struct $name { $( $(#[doc = $fdoc])* pub $field: Named, )* }

        /// The plain numbers of the table of the same name, as the engine reads them.
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub struct $values { $( $(#[doc = $fdoc])* pub $field: f64, )* }

        impl $name {
            /// Every id the table must have, in order.
            pub const IDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The plain numbers.
            pub fn values(&self) -> $values {
                $values { $( $field: self.$field.figure.value, )* }
            }

            /// Every row, in order.
            pub fn rows(&self) -> Vec<&Named> {
                vec![$( &self.$field ),*]
            }

            fn from_rows(mut rows: Vec<Named>) -> Option<Self> {
                let mut take = |id: &str| {
                    let at = rows.iter().position(|row| row.id == id)?;
                    Some(rows.swap_remove(at))
                };
                Some($name { $( $field: take(stringify!($field))?, )* })
            }
        }
    };
}

named_figures! {
    /// The market the era starts from: bitcoin, the network and the protocol.
    Market / MarketValues {
        /// Bitcoin price the model's own path starts from (after any replayed history), $.
        btc_price_usd,
        /// Bitcoin's high in the twelve months before the start, $.
        btc_high_12m_usd,
        /// Network hashrate at the start, EH/s.
        network_hashrate_eh,
        /// Machines ordered before the start and still to arrive, EH/s.
        network_backlog_eh,
        /// Months over which that backlog arrives.
        network_backlog_months,
        /// Average efficiency of the whole network's fleet, J/TH.
        network_fleet_j_per_th,
        /// Efficiency of the new machines shipping at the start, J/TH.
        new_machine_j_per_th,
        /// Price of new machines at the start, $ per TH/s.
        new_machine_usd_per_th,
        /// Power price of the marginal miner worldwide, $/MWh.
        network_power_usd_per_mwh,
        /// Block subsidy before the era's halving, BTC per block.
        block_subsidy_btc,
        /// Transaction fees per block, BTC.
        fees_per_block_btc,
    }
}

named_figures! {
    /// The fixed assumptions of the equations (see MODEL.md for each one's role).
    Assumptions / AssumptionValues {
        /// Miners' cash costs beyond power, as a share of their power bill.
        network_cash_overhead_share,
        /// Machines ordered per month, as a share of the installed fleet, when the
        /// hashprice is twice a new machine's investment threshold.
        hashrate_adjustment_per_month,
        /// Months between ordering machines and running them.
        hashrate_lag_months,
        /// Half-width of the spread of miners' power prices around the average, a share.
        network_power_spread_share,
        /// Yearly fall in the J/TH of the new machines shipping, a fraction.
        machine_efficiency_gain_per_year,
        /// Yearly change in the price per TH of new machines, a fraction.
        machine_price_change_per_year,
        /// Months over which a new machine must pay for itself for miners to order it.
        machine_payback_months,
        /// Months a mining machine lasts.
        machine_life_months,
        /// Share by which a complete AI slowdown lowers the bitcoin price.
        btc_ai_sentiment_at_full_slowdown,
        /// Months over which an AI slowdown feeds into the bitcoin price.
        btc_ai_sentiment_ramp_months,
        /// Fall in the bitcoin price per 10,000 BTC sold under pressure, a fraction.
        forced_sale_impact_per_10k_btc,
        /// Monte Carlo: probability that a month is turbulent for bitcoin.
        turbulent_month_probability,
        /// Monte Carlo: volatility of a turbulent month against a calm one.
        turbulent_volatility_multiple,
        /// AI compute demand at the end of 2025, GW.
        ai_demand_2025_gw,
        /// Expected AI compute demand at the end of 2030, GW.
        ai_demand_2030_gw,
        /// Months for the accelerator fleet to renew fully.
        fleet_renewal_months,
        /// Convexity of the spot rate in utilisation.
        spot_rate_convexity,
        /// Market lease rate of an AI shell, $ per MW of critical IT per year.
        lease_rate_usd_per_mw_year,
        /// GPU-cloud revenue per MW of critical IT per year, $.
        gpu_cloud_rate_usd_per_mw_year,
        /// Monte Carlo: volatility of AI compute demand around its path, per year.
        ai_demand_volatility_per_year,
        /// Annual default probability of an AI tenant of average risk when the market is tight.
        tenant_default_base_per_year,
        /// Rise in tenant default risk as utilisation falls.
        tenant_default_stress_share,
        /// Power usage effectiveness of a GPU data centre.
        gpu_data_centre_pue,
        /// Operating cost of a leased AI shell, $/MW/year.
        landlord_opex_usd_per_mw_year,
        /// Operating cost of a GPU cloud besides power, $/MW/year.
        gpu_cloud_opex_usd_per_mw_year,
        /// Site cost of a mining MW besides power, $/MW/month.
        mining_site_opex_usd_per_mw_month,
        /// Debt-service coverage a lender requires to refinance a maturity.
        refinancing_min_dscr,
        /// Months of trailing earnings in the coverage test.
        coverage_trailing_months,
        /// Bitcoin drawdown from its recent high below which credit markets are open
        /// to miners, a share.
        credit_open_below_drawdown,
        /// Drawdown beyond which they are shut, a share.
        credit_shut_beyond_drawdown,
        /// New shares a company can sell in a month, as a share of its market value.
        equity_raise_share_of_market_cap_per_month,
        /// Elasticity of miners' share prices to the bitcoin price.
        equity_beta_btc,
        /// Elasticity of miners' share prices to AI sentiment.
        equity_beta_ai,
        /// Cash a company keeps before raising money for its build-out, in months of overhead.
        cash_buffer_months,
        /// Years over which debt raised for an AI shell is repaid after completion.
        colocation_debt_term_years,
        /// Years over which debt raised for GPUs is repaid after completion.
        gpu_debt_term_years,
        /// Years over which debt raised for mining machines is repaid once they run.
        mining_debt_term_years,
        /// Share of the cost of a build senior secured lenders fund at the base rate.
        senior_loan_to_cost,
        /// Share of the cost up to which mezzanine lenders fund the layer above it.
        mezzanine_loan_to_cost,
        /// Coupon of the mezzanine layer over the senior rate, per year.
        mezzanine_spread,
        /// Coupon of the junior (HoldCo, preferred) layer above it over the senior
        /// rate, per year.
        junior_spread,
        /// The share of their machine purchases companies funded with the equipment
        /// loans drawn in the data (the leverage those filings reflect).
        filed_equipment_leverage,
        /// Months running a ring-fenced project may fall short of its debt service
        /// before its owner walks away from it.
        project_walkaway_months,
        /// A shortfall smaller than this share of a company's debt is bridged (by
        /// stretching payables) rather than counted as a squeeze.
        squeeze_materiality_share_of_debt,
    }
}

/// What kind of AI tenant a company leases to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TenantKind {
    /// A hyperscaler (Microsoft, Amazon, Google).
    Hyperscaler,
    /// A GPU cloud provider (CoreWeave, Fluidstack).
    Neocloud,
    /// An AI model developer.
    AiLab,
    /// Anyone else.
    Other,
}

/// An AI tenant: one entity across all its landlords, so that its failure hits
/// them all in the same month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tenant {
    /// Stable id (`fluidstack`).
    pub id: String,
    /// The name readers see.
    pub name: String,
    /// What kind of tenant it is.
    pub kind: TenantKind,
    /// Its default risk as a multiple of an average AI tenant's.
    pub risk: Figure,
    /// One sentence about it.
    pub note: String,
}

/// A company's bitcoin mining.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mining {
    /// Self-mining hashrate at the as-of date, EH/s.
    pub hashrate_eh: Figure,
    /// Efficiency of its fleet, J/TH.
    pub efficiency_j_per_th: Figure,
    /// Its all-in power price, $/MWh (scaled by the power-price lever).
    pub power_cost_usd_per_mwh: Figure,
    /// Hashrate switched off as sites convert to AI or mining winds down.
    pub retire: Vec<HashrateStep>,
    /// New machines bought: the hashrate they add when they arrive, and their cost,
    /// paid as they are built and shipped.
    pub additions: Vec<HashrateStep>,
}

/// Mining hashrate switched off, or added, at a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HashrateStep {
    /// When.
    pub date: Date,
    /// How much, EH/s.
    pub hashrate_eh: Figure,
    /// What the new machines cost, $ (additions only).
    pub capex_usd: Option<Figure>,
}

/// Who owns a site: the listed company itself, or a project company whose debt
/// lenders can only recover from the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Owner {
    /// The listed company (or a subsidiary whose debt it guarantees).
    Parent,
    /// A project company, SPV or joint venture.
    Project,
}

/// How a site earns money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SiteBusiness {
    /// A powered, cooled shell leased to a tenant who brings the GPUs.
    Colocation,
    /// The company owns the GPUs and sells compute.
    GpuCloud,
}

/// A step of a site's energisation schedule.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Phase {
    /// When the MW start to bill.
    pub date: Date,
    /// MW of critical IT energised.
    pub mw: f64,
}

/// An AI or HPC site (or a phase of one).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Site {
    /// Stable id.
    pub id: String,
    /// The name readers see.
    pub name: String,
    /// MW of critical IT when complete.
    pub critical_it_mw: Figure,
    /// MW already energised at the as-of date.
    pub live_mw: Figure,
    /// When the rest comes online.
    pub phases: Vec<Phase>,
    /// Capex still to spend, $.
    pub capex_remaining_usd: Figure,
    /// Who owns it.
    pub owner: Owner,
    /// The company's share of it (1 unless a joint venture).
    pub ownership_share: f64,
    /// How it earns money.
    pub business: SiteBusiness,
}

impl Site {
    /// The month its last phase comes online (the build's completion), or `None` if
    /// it is already complete.
    pub fn completion(&self) -> Option<YearMonth> {
        self.phases.iter().map(|p| p.date.month()).max()
    }
}

/// A guarantor's promise to pay a tenant's rent up to a dollar cap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Backstop {
    /// Who pays (`google`).
    pub guarantor: String,
    /// The most it pays over the lease, $.
    pub cap_usd: Figure,
    /// Whether the cap falls evenly over the lease term.
    pub amortising: bool,
}

/// A lease (or a GPU-cloud contract) of a site's capacity to a tenant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lease {
    /// Stable id.
    pub id: String,
    /// The tenant's id.
    pub tenant: String,
    /// The site's id.
    pub site: String,
    /// MW of critical IT leased.
    pub mw: Figure,
    /// Total contract value over the base term, $.
    pub contract_value_usd: Figure,
    /// Base term, years.
    pub term_years: Figure,
    /// Rent commencement.
    pub start: Date,
    /// Prepayment from the tenant, $.
    pub prepayment_usd: f64,
    /// The guarantor's backstop, if any.
    pub backstop: Option<Backstop>,
}

/// What kind of debt a tranche is; it decides how the tranche behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrancheKind {
    /// Converts into shares if the share price is above the conversion price at
    /// maturity or at a put; otherwise repaid in cash.
    Convertible,
    /// Unsecured notes.
    SeniorNotes,
    /// Notes secured on the company's assets.
    SecuredNotes,
    /// Notes of a project company, secured on the project.
    ProjectBond,
    /// A loan against bitcoin collateral, with margin calls.
    BtcBacked,
    /// Loans against machines or GPUs, amortising.
    EquipmentLoan,
    /// A bank term loan.
    TermLoan,
    /// A drawn revolving facility.
    Revolver,
    /// A promissory note.
    PromissoryNote,
}

impl TrancheKind {
    /// Every kind, with its id in data files.
    pub const ALL: [(TrancheKind, &'static str); 9] = [
        (TrancheKind::Convertible, "convertible"),
        (TrancheKind::SeniorNotes, "senior_notes"),
        (TrancheKind::SecuredNotes, "secured_notes"),
        (TrancheKind::ProjectBond, "project_bond"),
        (TrancheKind::BtcBacked, "btc_backed"),
        (TrancheKind::EquipmentLoan, "equipment_loan"),
        (TrancheKind::TermLoan, "term_loan"),
        (TrancheKind::Revolver, "revolver"),
        (TrancheKind::PromissoryNote, "promissory_note"),
    ];

    /// The id in data files.
    pub fn id(self) -> &'static str {
        TrancheKind::ALL
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("", |(_, id)| id)
    }
}

/// Whom the lenders can claim from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Recourse {
    /// The listed company.
    Parent,
    /// Only the project company and its site.
    Project,
    /// Only the collateral posted (a bitcoin-backed loan without a guarantee).
    Collateral,
}

/// The parent's guarantee of a project's debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Guarantee {
    /// None.
    None,
    /// Until the project is complete.
    Completion,
    /// In full.
    Full,
}

/// When scheduled repayments start.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AmortisationStart {
    /// From a month.
    Date(Date),
    /// Once the financed site is complete.
    Completion,
}

/// A tranche's scheduled repayments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Amortisation {
    /// When they start.
    pub from: AmortisationStart,
    /// Share of the original principal repaid each year.
    pub share_per_year: Figure,
}

/// One tranche of debt, as its filing describes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tranche {
    /// Stable id.
    pub id: String,
    /// What readers see ("7.750% senior secured notes due 2030").
    pub label: String,
    /// What kind it is.
    pub kind: TrancheKind,
    /// The legal issuer.
    pub issuer: String,
    /// Principal outstanding at the company's as-of date (drawn, for a facility), $.
    pub principal_usd: Figure,
    /// Cash (or PIK) interest per year.
    pub coupon: Figure,
    /// Whether interest accretes to principal instead of being paid in cash.
    pub pik: bool,
    /// When it was issued or drawn: a tranche issued after the simulation starts is
    /// drawn in that month (its principal arrives as cash then).
    pub issued: Option<Date>,
    /// When the principal falls due.
    pub maturity: Date,
    /// A holders' put, if any.
    pub put: Option<Date>,
    /// The conversion price, for convertibles, $ per share.
    pub conversion_price_usd: Option<Figure>,
    /// Whether it is secured.
    pub secured: bool,
    /// Whom the lenders can claim from.
    pub recourse: Recourse,
    /// The site a project's debt finances.
    pub site: Option<String>,
    /// The parent's guarantee.
    pub guarantee: Guarantee,
    /// Scheduled repayments, if any.
    pub amortisation: Option<Amortisation>,
    /// Bitcoin posted as collateral (bitcoin-backed loans), BTC.
    pub collateral_btc: Option<Figure>,
    /// Loan-to-value at which the lender calls for more collateral.
    pub margin_call_ltv: Option<Figure>,
    /// Mining hashrate pledged to the lenders (equipment loans): it leaves the
    /// company if the loan's project is handed over, EH/s.
    pub collateral_hashrate_eh: Option<Figure>,
    /// Whether a default on other debt accelerates it.
    pub cross_default: bool,
    /// Anything a credit analyst would want to know.
    pub note: String,
}

/// One listed company, from its filings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Company {
    /// Stable id (`terawulf`).
    pub id: String,
    /// The name readers see.
    pub name: String,
    /// Its ticker.
    pub ticker: String,
    /// The balance-sheet date its figures describe.
    pub as_of: Date,
    /// One sentence: what it is and what decides its fate.
    pub description: String,
    /// Unrestricted cash, $.
    pub cash_usd: Figure,
    /// Cash held for construction or in escrow: spent on the build-out first, $.
    pub restricted_cash_usd: Option<Figure>,
    /// Bitcoin held and not pledged, BTC.
    pub btc_held: Figure,
    /// Bitcoin posted as collateral (the loans say how much each), BTC.
    pub btc_pledged: Option<Figure>,
    /// The share price near the as-of date, $.
    pub share_price_usd: Figure,
    /// Shares outstanding.
    pub shares_outstanding: Figure,
    /// Corporate overhead (cash G&A), $ per month.
    pub overhead_usd_per_month: Figure,
    /// Cash a lender requires it to keep at all times, $.
    pub min_cash_usd: Figure,
    /// Its bitcoin mining, if any.
    pub mining: Option<Mining>,
    /// Its AI and HPC sites.
    pub sites: Vec<Site>,
    /// Its leases and AI contracts.
    pub leases: Vec<Lease>,
    /// Every material debt tranche.
    pub debt: Vec<Tranche>,
}

impl Company {
    /// The site with this id.
    pub fn site(&self, id: &str) -> Option<&Site> {
        self.sites.iter().find(|s| s.id == id)
    }

    /// AI capacity once every site is complete, MW of critical IT (the company's share).
    pub fn ai_mw_target(&self) -> f64 {
        self.sites
            .iter()
            .map(|s| s.critical_it_mw.value * s.ownership_share)
            .sum()
    }

    /// Debt outstanding at the as-of date, $.
    pub fn debt_usd(&self) -> f64 {
        self.debt.iter().map(|t| t.principal_usd.value).sum()
    }

    /// Every figure of the company with a short name for it, in file order (for the
    /// sources table and the checks that every figure is sourced).
    pub fn figures(&self) -> Vec<(String, &Figure)> {
        let mut out: Vec<(String, &Figure)> = vec![
            ("cash_usd".into(), &self.cash_usd),
            ("btc_held".into(), &self.btc_held),
            ("share_price_usd".into(), &self.share_price_usd),
            ("shares_outstanding".into(), &self.shares_outstanding),
            ("overhead_usd_per_month".into(), &self.overhead_usd_per_month),
            ("min_cash_usd".into(), &self.min_cash_usd),
        ];
        for (name, figure) in [
            ("restricted_cash_usd", &self.restricted_cash_usd),
            ("btc_pledged", &self.btc_pledged),
        ] {
            if let Some(figure) = figure {
                out.push((name.into(), figure));
            }
        }
        if let Some(m) = &self.mining {
            out.push(("mining.hashrate_eh".into(), &m.hashrate_eh));
            out.push(("mining.efficiency_j_per_th".into(), &m.efficiency_j_per_th));
            out.push(("mining.power_cost_usd_per_mwh".into(), &m.power_cost_usd_per_mwh));
            for (list, steps) in [("retire", &m.retire), ("additions", &m.additions)] {
                for (i, step) in steps.iter().enumerate() {
                    out.push((format!("mining.{list}[{i}].hashrate_eh"), &step.hashrate_eh));
                    if let Some(capex) = &step.capex_usd {
                        out.push((format!("mining.{list}[{i}].capex_usd"), capex));
                    }
                }
            }
        }
        for s in &self.sites {
            out.push((format!("sites.{}.critical_it_mw", s.id), &s.critical_it_mw));
            out.push((format!("sites.{}.live_mw", s.id), &s.live_mw));
            out.push((format!("sites.{}.capex_remaining_usd", s.id), &s.capex_remaining_usd));
        }
        for l in &self.leases {
            out.push((format!("leases.{}.mw", l.id), &l.mw));
            out.push((format!("leases.{}.contract_value_usd", l.id), &l.contract_value_usd));
            out.push((format!("leases.{}.term_years", l.id), &l.term_years));
            if let Some(b) = &l.backstop {
                out.push((format!("leases.{}.backstop.cap_usd", l.id), &b.cap_usd));
            }
        }
        for t in &self.debt {
            out.push((format!("debt.{}.principal_usd", t.id), &t.principal_usd));
            out.push((format!("debt.{}.coupon", t.id), &t.coupon));
            if let Some(a) = &t.amortisation {
                out.push((format!("debt.{}.amortisation.share_per_year", t.id), &a.share_per_year));
            }
            for (name, figure) in [
                ("conversion_price_usd", &t.conversion_price_usd),
                ("collateral_btc", &t.collateral_btc),
                ("margin_call_ltv", &t.margin_call_ltv),
                ("collateral_hashrate_eh", &t.collateral_hashrate_eh),
            ] {
                if let Some(figure) = figure {
                    out.push((format!("debt.{}.{name}", t.id), figure));
                }
            }
        }
        out
    }
}

/// A whole data file: the market an era starts from, the assumptions, the tenants
/// and the companies, with every source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    /// Stable id (`late-2025`).
    pub id: String,
    /// What the file describes.
    pub title: String,
    /// The era it is for.
    pub era: Era,
    /// The latest date any figure describes (the data's cut-off).
    pub as_of: Date,
    /// The first simulated month.
    pub start: YearMonth,
    /// Months simulated.
    pub months: u32,
    /// The month the block subsidy halves.
    pub halving: YearMonth,
    /// Bitcoin's monthly closes from the start, $, if the era replays history.
    pub btc_history_usd: Option<Vec<f64>>,
    /// Where the history comes from.
    pub btc_history_source: Option<Figure>,
    /// Every source the figures cite.
    pub sources: Vec<Source>,
    /// The market at the start.
    pub market: Market,
    /// The fixed assumptions.
    pub assumptions: Assumptions,
    /// The AI tenants.
    pub tenants: Vec<Tenant>,
    /// The companies, in the order readers see them.
    pub companies: Vec<Company>,
}

impl Dataset {
    /// Reads and checks a data file. Every mistake is reported, each with its line
    /// and field; nothing is returned half-loaded.
    ///
    /// ```
    /// use squeeze_model::data::{Dataset, LATE_2025_TOML};
    /// let data = Dataset::parse(LATE_2025_TOML).unwrap();
    /// assert!(data.companies.iter().any(|c| c.id == "terawulf"));
    /// let broken = LATE_2025_TOML.replacen("principal_usd", "principle_usd", 1);
    /// let error = Dataset::parse(&broken).unwrap_err();
    /// assert!(error.to_string().contains("principle_usd"));
    /// ```
    pub fn parse(text: &str) -> Result<Dataset, DataError> {
        load::read(text)
    }

    /// The embedded data of an era, parsed once on first use.
    ///
    /// # Panics
    /// Never in a released build: the embedded files are checked by the tests.
    /// The data of an era: the one [`install`](Dataset::install)ed for it, or the
    /// embedded file, parsed once on first use.
    ///
    /// # Panics
    /// Never in a released build: the embedded files are checked by the tests.
    pub fn for_era(era: Era) -> &'static Dataset {
        if let Some(installed) = installed(era).get() {
            return installed;
        }
        static LATE_2025: OnceLock<Dataset> = OnceLock::new();
        static CRYPTO_2022: OnceLock<Dataset> = OnceLock::new();
        let (cell, text) = match era {
            Era::Late2025 => (&LATE_2025, LATE_2025_TOML),
            Era::Crypto2022 => (&CRYPTO_2022, CRYPTO_2022_TOML),
        };
        cell.get_or_init(|| match Dataset::parse(text) {
            Ok(data) => data,
            Err(e) => panic!("the embedded {era} data file is invalid:\n{e}"),
        })
    }

    /// Makes this dataset the one every run of its era uses from now on, for a
    /// program that loads one data file and then runs the model (the command line's
    /// `--data FILE`). Refused once any data of that era has been installed.
    pub fn install(self) -> Result<&'static Dataset, String> {
        let era = self.era;
        installed(era)
            .set(self.leak())
            .map_err(|_| format!("data for {era} is already installed"))?;
        Ok(Dataset::for_era(era))
    }

    /// Keeps the dataset for the rest of the program, so that outcomes can refer to
    /// its names (for tests and tools that run edited data with [`run_on`](crate::run_on)).
    pub fn leak(self) -> &'static Dataset {
        Box::leak(Box::new(self))
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The company with this id.
    pub fn company(&self, id: &str) -> Option<&Company> {
        self.companies.iter().find(|c| c.id == id)
    }

    /// The tenant with this id.
    pub fn tenant(&self, id: &str) -> Option<&Tenant> {
        self.tenants.iter().find(|t| t.id == id)
    }

    /// Every figure in the file with its path, in file order.
    pub fn figures(&self) -> Vec<(String, &Figure)> {
        let mut out: Vec<(String, &Figure)> = Vec::new();
        for row in self.market.rows() {
            out.push((format!("market.{}", row.id), &row.figure));
        }
        if let Some(figure) = &self.btc_history_source {
            out.push(("market.btc_monthly_close_usd".into(), figure));
        }
        for row in self.assumptions.rows() {
            out.push((format!("assumptions.{}", row.id), &row.figure));
        }
        for t in &self.tenants {
            out.push((format!("tenants.{}.risk", t.id), &t.risk));
        }
        for c in &self.companies {
            out.extend(c.figures().into_iter().map(|(path, f)| (format!("{}.{path}", c.id), f)));
        }
        out
    }
}

/// The dataset installed for an era, if any.
fn installed(era: Era) -> &'static OnceLock<&'static Dataset> {
    static LATE_2025: OnceLock<&'static Dataset> = OnceLock::new();
    static CRYPTO_2022: OnceLock<&'static Dataset> = OnceLock::new();
    match era {
        Era::Late2025 => &LATE_2025,
        Era::Crypto2022 => &CRYPTO_2022,
    }
}

/// One mistake in a data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataIssue {
    /// The line (1-based; 0 when the file as a whole is at fault).
    pub line: u32,
    /// The field, as a dotted path (`companies[2].debt[0].principal_usd`).
    pub field: String,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for DataIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            write!(f, "line {}: {}: {}", self.line, self.field, self.message)
        }
    }
}

/// Why a data file was refused: every mistake found, in line order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataError {
    /// The mistakes.
    pub issues: Vec<DataIssue>,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataError {}

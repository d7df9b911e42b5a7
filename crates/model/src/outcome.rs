//! What a run returns: the headline results, one entry per company, and the monthly
//! series the charts draw. All numbers are finite `f64` or small integers, so the
//! outcome is safe for JSON and serde-wasm-bindgen.

use crate::{Date, Era, YearMonth};
use serde::Serialize;
use std::fmt::Write as _;

/// How a company earns money from AI capacity.
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

/// The result of one deterministic run of the model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The version of the model's equations ([`MODEL_VERSION`](crate::data::MODEL_VERSION)).
    pub model_version: &'static str,
    /// The id of the data the run used (`late-2025`).
    pub data_id: &'static str,
    /// The data's cut-off: the latest date its figures describe.
    pub data_as_of: Date,
    /// The era simulated.
    pub era: Era,
    /// The month the block subsidy halves, if within the horizon.
    pub halving_date: Option<YearMonth>,
    /// Months from the start until the first liquidity squeeze of any operator
    /// (0 = the first month), `None` if none within the horizon.
    pub squeeze_month: Option<u32>,
    /// The calendar month of the first squeeze.
    pub squeeze_date: Option<YearMonth>,
    /// Share (0–1) of converted AI megawatts held by operators squeezed within the
    /// horizon (of all their megawatts when no operator has AI capacity, as in 2022).
    pub distressed_capacity_share: f64,
    /// Bitcoin sold under pressure by all operators, BTC.
    pub forced_btc_sales: f64,
    /// The lowest bitcoin price over the horizon, $.
    pub btc_price_trough_usd: f64,
    /// New money the squeezed operators would have needed to stay solvent: the sum of
    /// each operator's deepest shortfall below its minimum cash, $.
    pub funding_gap_usd: f64,
    /// How many companies were squeezed.
    pub squeezed_operators: u32,
    /// One entry per company, in the data's order.
    pub miners: Vec<MinerOutcome>,
    /// Monthly series for the charts.
    pub series: Series,
}

/// Why an operator was squeezed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SqueezeCause {
    /// Cash plus sellable bitcoin could not cover the month's obligations.
    Liquidity,
    /// A maturity fell due, coverage was too thin to refinance it, and cash plus
    /// sellable bitcoin could not repay it.
    Refinancing,
}

/// What kind of event a company's story records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Convertible notes converted into shares at maturity (no cash).
    Converted,
    /// Holders put convertible notes for cash (the share price was below conversion).
    Put,
    /// A maturity was repaid in cash because lenders would not refinance it.
    RefinancingRefused,
    /// A maturity was repaid from cash the company could spare (no lenders asked).
    Repaid,
    /// A maturity was refinanced at the new-debt rate.
    Refinanced,
    /// A bitcoin-backed loan was rolled over (its collateral cover held).
    Rolled,
    /// A bitcoin-backed loan's margin call was met.
    MarginCall,
    /// A lender sold the bitcoin collateral and closed the loan.
    CollateralSold,
    /// A tenant stopped paying (Monte Carlo paths, where tenants fail outright).
    TenantFailed,
    /// A guarantor started paying a failed tenant's rent.
    BackstopPaid,
    /// A build's schedule slipped because markets would not fund it.
    BuildDelayed,
    /// A project company was handed to its lenders; the parent lost the site.
    ProjectHandedOver,
    /// Bitcoin was sold to meet obligations.
    BitcoinSold,
    /// New shares were sold to meet obligations.
    SharesSold,
    /// The company could not meet its obligations: a liquidity squeeze.
    Squeezed,
    /// Cross-default clauses made other debt due at once.
    Accelerated,
}

/// Why a company was squeezed: what fell due, what lenders saw, what it had.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SqueezeReason {
    /// Months from the start.
    pub month: u32,
    /// The calendar month.
    pub date: YearMonth,
    /// Principal due in cash that month that lenders would not refinance, $ (0 when
    /// the squeeze came from running costs and capex alone).
    pub due_usd: f64,
    /// The largest tranche among it, as readers see it ("" if none).
    pub tranche: &'static str,
    /// The coverage lenders saw when they weighed it (trailing operating cash flow
    /// over the next year's debt service), ×.
    pub coverage: Option<f64>,
    /// How open markets were to the company, 0 (shut) to 1.
    pub market_openness: f64,
    /// Its cash and bitcoin at market before it sold anything that month, $.
    pub cash_and_btc_usd: f64,
    /// What it was still short after selling bitcoin and shares, $.
    pub shortfall_usd: f64,
}

/// One dated event in a company's story: the raw material of the explanations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// Months from the start.
    pub month: u32,
    /// The calendar month.
    pub date: YearMonth,
    /// What happened.
    pub kind: EventKind,
    /// The money involved, $ (principal, rent, shortfall), or BTC for sales.
    pub amount: f64,
    /// The tranche, tenant or site it concerns, as readers see it.
    pub detail: &'static str,
}

/// The result for one company.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinerOutcome {
    /// Stable id of the company (`"terawulf"`).
    pub id: &'static str,
    /// The company's name.
    pub name: &'static str,
    /// Its ticker.
    pub ticker: &'static str,
    /// The balance-sheet date its starting figures describe.
    pub as_of: Date,
    /// How it earns money from AI capacity.
    pub business: AiBusiness,
    /// Months from the start until this operator's first squeeze.
    pub squeeze_month: Option<u32>,
    /// The calendar month of this operator's first squeeze.
    pub squeeze_date: Option<YearMonth>,
    /// What squeezed it.
    pub squeeze_cause: Option<SqueezeCause>,
    /// The chain of causes in the month it was squeezed, with its figures.
    pub squeeze_reason: Option<SqueezeReason>,
    /// AI capacity once its build-out is complete (its share), MW of critical IT.
    pub ai_mw: f64,
    /// Power drawn by its mining machines at the start, MW.
    pub mining_mw: f64,
    /// Cash at the end of each month, $ (negative once squeezed: the unfunded shortfall).
    pub cash_usd: Vec<f64>,
    /// Interest and principal paid each month, $.
    pub debt_service_usd: Vec<f64>,
    /// Bitcoin this operator sold under pressure, BTC.
    pub forced_btc_sales: f64,
    /// Its deepest shortfall below its minimum cash, $.
    pub funding_gap_usd: f64,
    /// Shares issued by conversions and equity raises, as a share of the shares
    /// outstanding at the start.
    pub dilution: f64,
    /// Debt that cross-default clauses made due at once when it was squeezed, $.
    pub accelerated_debt_usd: f64,
    /// What happened, month by month (conversions, refinancings, margin calls,
    /// tenant failures, the squeeze).
    pub events: Vec<Event>,
    /// Every monthly cash, debt and bitcoin movement (they reconcile each month).
    pub accounts: Accounts,
}

/// One company's monthly accounts. Each month:
///
/// ```text
/// Δcash = ai_revenue + mining_revenue − operating_costs − prepayment_credit − interest
///         − principal − capex + restricted_cash_spent + new_debt + equity_raised + shares_sold
///         + prepayment_received + btc_sale_proceeds + collateral_surplus
/// Δdebt = new_debt + capitalised_interest − principal − converted − debt_released
/// Δbtc_held = −(btc_sold − collateral_sold_btc) − btc_posted
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Accounts {
    /// AI revenue earned (leases or GPU cloud), $.
    pub ai_revenue_usd: Vec<f64>,
    /// Mining revenue (mined coins sold as mined), $.
    pub mining_revenue_usd: Vec<f64>,
    /// Power, site, AI operating costs and overhead, $.
    pub operating_costs_usd: Vec<f64>,
    /// Tenant prepayment credited against this month's bills, $.
    pub prepayment_credit_usd: Vec<f64>,
    /// Cash interest paid, $.
    pub interest_usd: Vec<f64>,
    /// Principal repaid (amortisation and unrefinanced maturities), $.
    pub principal_usd: Vec<f64>,
    /// Build-out capex spent, $.
    pub capex_usd: Vec<f64>,
    /// Capex paid from cash held for construction, $.
    pub restricted_cash_spent_usd: Vec<f64>,
    /// New build-out debt drawn, $.
    pub new_debt_usd: Vec<f64>,
    /// Interest added to principal: during construction, and on PIK notes, $.
    pub capitalised_interest_usd: Vec<f64>,
    /// Convertible notes converted into shares, $.
    pub converted_usd: Vec<f64>,
    /// Debt closed without cash: collateral sold by the lender, a project handed
    /// over, $.
    pub debt_released_usd: Vec<f64>,
    /// Cash returned after a lender sold collateral worth more than its loan, $.
    pub collateral_surplus_usd: Vec<f64>,
    /// Bitcoin posted as collateral to meet margin calls, BTC.
    pub btc_posted: Vec<f64>,
    /// Shares issued (conversions and equity raises).
    pub shares_issued: Vec<f64>,
    /// Equity raised for the build-out share not funded by debt or prepayment, $.
    pub equity_raised_usd: Vec<f64>,
    /// New shares sold to meet a shortfall, $.
    pub shares_sold_usd: Vec<f64>,
    /// Tenant prepayment received to fund capex, $.
    pub prepayment_received_usd: Vec<f64>,
    /// Cash raised by selling bitcoin under pressure, $.
    pub btc_sale_proceeds_usd: Vec<f64>,
    /// Bitcoin sold under pressure, BTC: from its own holdings, and collateral its
    /// lenders sold.
    pub btc_sold: Vec<f64>,
    /// Of which collateral sold by lenders, BTC.
    pub collateral_sold_btc: Vec<f64>,
    /// Debt outstanding at the end of the month, $.
    pub debt_usd: Vec<f64>,
    /// Bitcoin held at the end of the month, BTC.
    pub btc_held: Vec<f64>,
}

/// Monthly series, one value per month of the horizon.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Series {
    /// The calendar months, from the start.
    pub months: Vec<YearMonth>,
    /// Bitcoin price, $.
    pub btc_price_usd: Vec<f64>,
    /// Hashprice: mining revenue per PH/s per day, $.
    pub hashprice_usd_per_ph_day: Vec<f64>,
    /// Network hashrate, EH/s.
    pub network_hashrate_eh: Vec<f64>,
    /// Block subsidy, BTC per block.
    pub block_subsidy_btc: Vec<f64>,
    /// Utilisation of AI-ready capacity, 0–1.
    pub ai_utilisation: Vec<f64>,
    /// Power needed by AI compute demand, GW.
    pub ai_demand_gw: Vec<f64>,
    /// AI-ready capacity built, GW.
    pub ai_capacity_gw: Vec<f64>,
    /// Rate of uncontracted (spot) AI capacity, $ per MW per year.
    pub spot_rate_usd_per_mw_year: Vec<f64>,
    /// Contracted lease rate of an AI shell, $ per MW per year.
    pub lease_rate_usd_per_mw_year: Vec<f64>,
    /// Rental price of a 2025-vintage GPU relative to 2025 (1 = unchanged).
    pub gpu_price_index: Vec<f64>,
    /// AI revenue of all operators, $ per month.
    pub ai_revenue_usd: Vec<f64>,
    /// Mining revenue of all operators, $ per month.
    pub mining_revenue_usd: Vec<f64>,
    /// Bitcoin sold under pressure by all operators, BTC per month.
    pub forced_btc_sales: Vec<f64>,
}

impl Series {
    pub(crate) fn with_capacity(months: usize) -> Self {
        let v = || Vec::with_capacity(months);
        Series {
            months: Vec::with_capacity(months),
            btc_price_usd: v(),
            hashprice_usd_per_ph_day: v(),
            network_hashrate_eh: v(),
            block_subsidy_btc: v(),
            ai_utilisation: v(),
            ai_demand_gw: v(),
            ai_capacity_gw: v(),
            spot_rate_usd_per_mw_year: v(),
            lease_rate_usd_per_mw_year: v(),
            gpu_price_index: v(),
            ai_revenue_usd: v(),
            mining_revenue_usd: v(),
            forced_btc_sales: v(),
        }
    }
}

impl Accounts {
    pub(crate) fn with_capacity(months: usize) -> Self {
        let v = || Vec::with_capacity(months);
        Accounts {
            ai_revenue_usd: v(),
            mining_revenue_usd: v(),
            operating_costs_usd: v(),
            prepayment_credit_usd: v(),
            interest_usd: v(),
            principal_usd: v(),
            capex_usd: v(),
            restricted_cash_spent_usd: v(),
            new_debt_usd: v(),
            capitalised_interest_usd: v(),
            converted_usd: v(),
            debt_released_usd: v(),
            collateral_surplus_usd: v(),
            btc_posted: v(),
            shares_issued: v(),
            equity_raised_usd: v(),
            shares_sold_usd: v(),
            prepayment_received_usd: v(),
            btc_sale_proceeds_usd: v(),
            btc_sold: v(),
            collateral_sold_btc: v(),
            debt_usd: v(),
            btc_held: v(),
        }
    }
}

impl Outcome {
    /// AI revenue over the whole horizon, $.
    pub fn total_ai_revenue_usd(&self) -> f64 {
        self.series.ai_revenue_usd.iter().sum()
    }

    /// Mining revenue over the whole horizon, $.
    pub fn total_mining_revenue_usd(&self) -> f64 {
        self.series.mining_revenue_usd.iter().sum()
    }

    /// The result for one company, by id.
    pub fn miner(&self, id: &str) -> Option<&MinerOutcome> {
        self.miners.iter().find(|m| m.id == id)
    }

    /// The monthly series as CSV (header row, then one row a month), with each
    /// company's cash and debt service as extra columns `<id>_cash_usd`,
    /// `<id>_debt_service_usd`.
    ///
    /// ```
    /// let csv = squeeze_model::run(&Default::default()).to_csv();
    /// assert!(csv.starts_with("month,btc_price_usd,"));
    /// assert_eq!(csv.lines().count(), 61);
    /// ```
    pub fn to_csv(&self) -> String {
        let s = &self.series;
        let columns: [(&str, &[f64]); 13] = [
            ("btc_price_usd", &s.btc_price_usd),
            ("hashprice_usd_per_ph_day", &s.hashprice_usd_per_ph_day),
            ("network_hashrate_eh", &s.network_hashrate_eh),
            ("block_subsidy_btc", &s.block_subsidy_btc),
            ("ai_utilisation", &s.ai_utilisation),
            ("ai_demand_gw", &s.ai_demand_gw),
            ("ai_capacity_gw", &s.ai_capacity_gw),
            ("spot_rate_usd_per_mw_year", &s.spot_rate_usd_per_mw_year),
            ("lease_rate_usd_per_mw_year", &s.lease_rate_usd_per_mw_year),
            ("gpu_price_index", &s.gpu_price_index),
            ("ai_revenue_usd", &s.ai_revenue_usd),
            ("mining_revenue_usd", &s.mining_revenue_usd),
            ("forced_btc_sales", &s.forced_btc_sales),
        ];
        let mut out = String::from("month");
        for (name, _) in &columns {
            out.push(',');
            out.push_str(name);
        }
        for miner in &self.miners {
            let _ = write!(out, ",{0}_cash_usd,{0}_debt_service_usd", miner.id);
        }
        out.push('\n');
        for (i, month) in s.months.iter().enumerate() {
            let _ = write!(out, "{month}");
            for (_, values) in &columns {
                let _ = write!(out, ",{}", values[i]);
            }
            for miner in &self.miners {
                let _ = write!(out, ",{},{}", miner.cash_usd[i], miner.debt_service_usd[i]);
            }
            out.push('\n');
        }
        out
    }

    /// One sentence on the outcome, for summaries and the CLI.
    pub fn headline(&self) -> String {
        match self.squeeze_date {
            Some(date) => {
                let names: Vec<&str> = self
                    .miners
                    .iter()
                    .filter(|m| m.squeeze_month == self.squeeze_month)
                    .map(|m| m.name)
                    .collect();
                let capacity = if self.miners.iter().any(|m| m.ai_mw > 0.0) {
                    "converted AI capacity"
                } else {
                    "capacity"
                };
                format!(
                    "First liquidity squeeze in {date} ({}); {} of {} companies squeezed by the end, holding {:.0}% of the {capacity}.",
                    names.join(", "),
                    self.squeezed_operators,
                    self.miners.len(),
                    self.distressed_capacity_share * 100.0
                )
            }
            None => format!(
                "No company is squeezed before {}.",
                self.series.months.last().map_or_else(String::new, |m| m.to_string())
            ),
        }
    }
}

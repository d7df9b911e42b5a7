//! One company up close: its debt wall (what falls due when, by instrument), its
//! cash and maturities in a run, and what tips it — the lowest AI slowdown, and the
//! smallest fall in bitcoin, at which it is squeezed with the other levers as set.

use crate::data::{Company, Dataset, TrancheKind};
use crate::{run_on, Date, LeverId, Outcome, Scenario, YearMonth, LEVERS};
use serde::Serialize;

/// One date in a company's debt wall: a maturity, or a holders' put.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WallEntry {
    /// The tranche's id.
    pub id: &'static str,
    /// The tranche as readers see it.
    pub label: &'static str,
    /// What kind of debt it is.
    pub kind: TrancheKind,
    /// When it falls due (the maturity, or the put).
    pub date: Date,
    /// Whether the date is a holders' put rather than the maturity.
    pub put: bool,
    /// Principal outstanding at the data's as-of date, $.
    pub principal_usd: f64,
    /// The conversion price, for convertibles, $ per share.
    pub conversion_price_usd: Option<f64>,
    /// Whether lenders can claim only from a project or from collateral.
    pub limited_recourse: bool,
}

/// What a company's debt wall adds up to in one year, by instrument kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WallYear {
    /// The calendar year.
    pub year: i32,
    /// Principal falling due (maturities and puts) by kind, $, in [`TrancheKind::ALL`] order.
    pub by_kind_usd: Vec<(TrancheKind, f64)>,
}

impl WallYear {
    /// Everything falling due that year, $.
    pub fn total_usd(&self) -> f64 {
        self.by_kind_usd.iter().map(|(_, usd)| usd).sum()
    }
}

/// The lever values at which a company tips into a squeeze, the other levers as
/// set. `None`: not within the lever's range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Tipping {
    /// The smallest AI demand slowdown (0–1) at which it is squeezed.
    pub ai_demand_slowdown: Option<f64>,
    /// The smallest fall in bitcoin (a negative price shock, −0.8–0) at which it is
    /// squeezed, or `Some(0.0)`-or-above when it already is.
    pub btc_price_shock: Option<f64>,
}

/// Everything the company view shows, for one company in one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyView {
    /// The company's id.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// Its ticker.
    pub ticker: &'static str,
    /// The balance-sheet date of its figures.
    pub as_of: Date,
    /// One sentence about it.
    pub description: &'static str,
    /// Every maturity and put, in date order.
    pub wall: Vec<WallEntry>,
    /// The wall by year and kind, from the first year of the run to the last date.
    pub wall_by_year: Vec<WallYear>,
    /// What tips it.
    pub tipping: Tipping,
}

/// The debt wall of `company`: every maturity and put, in date order.
pub fn debt_wall(company: &'static Company) -> Vec<WallEntry> {
    let mut wall = Vec::new();
    for t in &company.debt {
        if t.principal_usd.value <= 0.0 {
            continue;
        }
        let entry = |date: Date, put: bool| WallEntry {
            id: t.id.as_str(),
            label: t.label.as_str(),
            kind: t.kind,
            date,
            put,
            principal_usd: t.principal_usd.value,
            conversion_price_usd: t.conversion_price_usd.as_ref().map(|f| f.value),
            limited_recourse: t.recourse != crate::data::Recourse::Parent,
        };
        if let Some(put) = t.put {
            wall.push(entry(put, true));
        }
        wall.push(entry(t.maturity, false));
    }
    wall.sort_by_key(|e| (e.date, e.put));
    wall
}

/// The wall by year from `first_year`: a put counts in its year; the maturity of a
/// tranche with a put is left out (the principal falls due once).
pub fn wall_by_year(wall: &[WallEntry], first_year: i32) -> Vec<WallYear> {
    let last_year = wall.iter().map(|e| e.date.month().year()).max().unwrap_or(first_year);
    let with_put: Vec<&str> = wall.iter().filter(|e| e.put).map(|e| e.id).collect();
    (first_year..=last_year.max(first_year))
        .map(|year| WallYear {
            year,
            by_kind_usd: TrancheKind::ALL
                .iter()
                .map(|&(kind, _)| {
                    let usd = wall
                        .iter()
                        .filter(|e| e.kind == kind && e.date.month().year() == year)
                        .filter(|e| e.put || !with_put.contains(&e.id))
                        .map(|e| e.principal_usd)
                        .sum();
                    (kind, usd)
                })
                .collect(),
        })
        .collect()
}

impl CompanyView {
    /// The view of company `id` under `scenario` on `data`, or `None` if the data
    /// has no such company.
    pub fn of(data: &'static Dataset, scenario: &Scenario, id: &str) -> Option<CompanyView> {
        let company = data.company(id)?;
        let wall = debt_wall(company);
        let wall_by_year = wall_by_year(&wall, data.start.year());
        Some(CompanyView {
            id: company.id.as_str(),
            name: company.name.as_str(),
            ticker: company.ticker.as_str(),
            as_of: company.as_of,
            description: company.description.as_str(),
            wall,
            wall_by_year,
            tipping: tipping(data, scenario, id),
        })
    }
}

/// Bisection steps when searching a lever's tipping point: the answer is within
/// (range) / 2^12, a fraction of a slider step.
const TIPPING_STEPS: u32 = 12;

/// What tips company `id`: the lowest AI slowdown and the smallest bitcoin fall at
/// which it is squeezed within the horizon, the other levers as in `scenario`.
/// Both searches rely on the directions the property tests check (more slowdown,
/// or a lower bitcoin price, never delays a squeeze).
pub fn tipping(data: &'static Dataset, scenario: &Scenario, id: &str) -> Tipping {
    let squeezed = |s: &Scenario| squeezed_in(&run_on(data, s), id);
    let search = |lever: LeverId, worse_is_higher: bool| -> Option<f64> {
        let row = LEVERS.iter().find(|l| l.id == lever)?;
        let at = |value: f64| {
            let mut s = *scenario;
            s.set(lever, value);
            squeezed(&s)
        };
        let (mut safe, mut hit) = if worse_is_higher {
            (row.min, row.max)
        } else {
            (row.max, row.min)
        };
        if at(safe) {
            return Some(safe);
        }
        if !at(hit) {
            return None;
        }
        for _ in 0..TIPPING_STEPS {
            let middle = (safe + hit) / 2.0;
            if at(middle) {
                hit = middle;
            } else {
                safe = middle;
            }
        }
        Some(hit)
    };
    Tipping {
        ai_demand_slowdown: search(LeverId::AiDemandSlowdown, true),
        btc_price_shock: search(LeverId::BtcPriceShock, false),
    }
}

fn squeezed_in(outcome: &Outcome, id: &str) -> bool {
    outcome.miner(id).is_some_and(|m| m.squeeze_month.is_some())
}

/// The months of a run at which `company`'s maturities and puts fall, with their
/// entries (for marking a cash chart).
pub fn maturities_in_run(wall: &[WallEntry], start: YearMonth, months: u32) -> Vec<(u32, &WallEntry)> {
    wall.iter()
        .filter_map(|e| {
            let month = e.date.month();
            (month >= start && start.months_until(month) < months).then(|| (start.months_until(month), e))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Era;

    #[test]
    fn a_put_replaces_its_maturity_in_the_yearly_wall() {
        let data = Dataset::for_era(Era::Late2025);
        for company in &data.companies {
            let wall = debt_wall(company);
            let by_year = wall_by_year(&wall, data.start.year());
            let total: f64 = by_year.iter().map(WallYear::total_usd).sum();
            let debt: f64 = company
                .debt
                .iter()
                .filter(|t| t.maturity.month().year() >= data.start.year())
                .map(|t| t.principal_usd.value)
                .sum();
            assert!(
                (total - debt).abs() < 1.0,
                "{}: wall {total} vs debt {debt}",
                company.id
            );
            assert!(wall.windows(2).all(|w| w[0].date <= w[1].date), "{}", company.id);
        }
    }
}

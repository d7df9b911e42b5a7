//! `squeeze run`: the outcome of one scenario as JSON, CSV or a readable summary,
//! with the Monte Carlo added when `--paths` or `--seed` is given.

use crate::args::{Format, MonteCarloOpts, ScenarioOpts};
use crate::{uncertainty, UsageError};
use squeeze_model::{monte_carlo, run, Outcome, Scenario, SqueezeCause, ERA_KEY, LEVERS};
use std::fmt::Write as _;

pub(crate) fn command(scenario: &ScenarioOpts, mc: &MonteCarloOpts, format: Format) -> Result<String, UsageError> {
    let scenario = scenario.scenario()?;
    let outcome = run(&scenario);
    let printed = match format {
        Format::Json => serde_json::to_string_pretty(&outcome)? + "\n",
        Format::Csv => outcome.to_csv(),
        Format::Summary => summary(&scenario, &outcome),
    };
    if !mc.asked() {
        return Ok(printed);
    }
    let (paths, seed) = mc.paths_and_seed();
    uncertainty::with_monte_carlo(format, &outcome, printed, &monte_carlo(&scenario, seed, paths))
}

/// A few human-readable lines: the headline numbers and one line per company.
fn summary(scenario: &Scenario, outcome: &Outcome) -> String {
    let mut out = String::new();
    let levers: Vec<String> = LEVERS
        .iter()
        .map(|l| format!("{}={}", l.key, scenario.get(l.id)))
        .collect();
    let _ = writeln!(out, "scenario: {}={} {}", ERA_KEY, scenario.era, levers.join(" "));
    let _ = writeln!(
        out,
        "model {}, data {} as of {}: a scenario on filed figures, not a forecast or advice",
        outcome.model_version, outcome.data_id, outcome.data_as_of
    );
    let _ = writeln!(out, "{}", outcome.headline());
    let _ = writeln!(
        out,
        "squeeze_date: {}  distressed_capacity_share: {:.2}  forced_btc_sales: {:.0} BTC  btc_price_trough: ${:.0}  funding_gap: ${:.2}B",
        outcome.squeeze_date.map_or_else(|| "none".to_string(), |d| d.to_string()),
        outcome.distressed_capacity_share,
        outcome.forced_btc_sales,
        outcome.btc_price_trough_usd,
        outcome.funding_gap_usd / 1e9
    );
    let s = &outcome.series;
    let last = s.months.len().saturating_sub(1);
    let _ = writeln!(
        out,
        "start: BTC ${:.0}, hashprice ${:.1}/PH/day, hashrate {:.0} EH/s; end: BTC ${:.0}, hashprice ${:.1}/PH/day, hashrate {:.0} EH/s, AI utilisation {:.0}%",
        s.btc_price_usd[0],
        s.hashprice_usd_per_ph_day[0],
        s.network_hashrate_eh[0],
        s.btc_price_usd[last],
        s.hashprice_usd_per_ph_day[last],
        s.network_hashrate_eh[last],
        s.ai_utilisation[last] * 100.0
    );
    let _ = writeln!(
        out,
        "revenue over the horizon: AI ${:.1}B, mining ${:.1}B",
        outcome.total_ai_revenue_usd() / 1e9,
        outcome.total_mining_revenue_usd() / 1e9
    );
    let name_width = outcome.miners.iter().map(|m| m.name.chars().count()).max().unwrap_or(0);
    for m in &outcome.miners {
        let min_cash = m.cash_usd.iter().copied().fold(f64::INFINITY, f64::min);
        let _ = writeln!(
            out,
            "  {:<name_width$} {:<5} (figures as of {}) squeeze: {:<8} {:<14} lowest cash ${:.2}B, forced sales {:.0} BTC",
            m.name,
            m.ticker,
            m.as_of,
            m.squeeze_date.map_or_else(|| "none".to_string(), |d| d.to_string()),
            m.squeeze_cause.map_or("", |c| match c {
                SqueezeCause::Liquidity => "(liquidity)",
                SqueezeCause::Refinancing => "(refinancing)",
            }),
            min_cash / 1e9,
            m.forced_btc_sales
        );
        if let Some(reason) = &m.squeeze_reason {
            let _ = writeln!(
                out,
                "    {}",
                squeeze_charts::describe_reason(reason, squeeze_charts::Lang::En)
            );
        }
    }
    out
}

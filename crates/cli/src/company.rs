//! `squeeze company ID`: one company up close — its debt wall, what happens to it
//! in the scenario (cash, maturities, events) and what tips it.

use crate::args::{ScenarioOpts, TextOrJson};
use crate::chart::company_ids;
use crate::UsageError;
use squeeze_charts::{describe_event, describe_reason, kind_label, story, Lang};
use squeeze_model::{run, CompanyView, Dataset, MinerOutcome, Scenario};
use std::fmt::Write as _;

/// The view of company `id`, or a one-line error naming the companies there are.
pub(crate) fn view(data: &'static Dataset, scenario: &Scenario, id: &str) -> Result<CompanyView, UsageError> {
    CompanyView::of(data, scenario, id).ok_or_else(|| {
        UsageError(format!(
            "unknown company {id:?}; the companies are: {}",
            company_ids(data)
        ))
    })
}

pub(crate) fn command(id: &str, scenario: &ScenarioOpts, format: TextOrJson) -> Result<String, UsageError> {
    let scenario = scenario.scenario()?;
    let data = Dataset::for_era(scenario.era);
    let company = view(data, &scenario, id)?;
    let outcome = run(&scenario);
    let miner = outcome
        .miner(id)
        .ok_or_else(|| UsageError(format!("no result for company {id:?}")))?;
    Ok(match format {
        TextOrJson::Json => {
            let value = serde_json::json!({
                "model_version": outcome.model_version,
                "data_as_of": outcome.data_as_of,
                "company": company,
                "outcome": miner,
            });
            serde_json::to_string_pretty(&value)? + "\n"
        }
        TextOrJson::Text => text(&company, miner),
    })
}

fn text(company: &CompanyView, miner: &MinerOutcome) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}) — figures as of {}; a scenario on filed figures, not a forecast or investment advice.",
        company.name, company.ticker, company.as_of
    );
    let _ = writeln!(out, "{}", company.description);
    let _ = writeln!(out, "\nDebt wall (principal at the data's date):");
    for e in &company.wall {
        let mut terms = Vec::new();
        if e.put {
            terms.push("holders' put".to_owned());
        }
        if let Some(price) = e.conversion_price_usd {
            terms.push(format!("converts above ${price:.2} a share"));
        }
        if e.limited_recourse {
            terms.push("no recourse to the parent".to_owned());
        }
        let _ = writeln!(
            out,
            "  {:<10} ${:>8.1}M  {:<22} {}{}",
            e.date.to_string(),
            e.principal_usd / 1e6,
            kind_label(e.kind, Lang::En),
            e.label,
            if terms.is_empty() {
                String::new()
            } else {
                format!(" ({})", terms.join("; "))
            }
        );
    }
    let _ = writeln!(out, "\nIn this scenario:");
    let (low_month, low) = miner
        .cash_usd
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(b.1))
        .map_or((0, 0.0), |(m, c)| (m, *c));
    let _ = writeln!(
        out,
        "  squeeze: {}; lowest cash ${:.2}B in month {}; new shares issued: {:.0}% of the shares at the start",
        miner
            .squeeze_date
            .map_or_else(|| "none within the run".to_owned(), |d| d.to_string()),
        low / 1e9,
        low_month + 1,
        miner.dilution * 100.0
    );
    for e in story(&miner.events) {
        let _ = writeln!(out, "  {}", describe_event(&e, Lang::En));
    }
    if let Some(reason) = &miner.squeeze_reason {
        let _ = writeln!(out, "  {}", describe_reason(reason, Lang::En));
    }
    let t = company.tipping;
    let slowdown = t.ai_demand_slowdown.map_or_else(
        || "no AI slowdown within the lever's range squeezes it".to_owned(),
        |v| format!("squeezed from an AI demand slowdown of {:.0}%", v * 100.0),
    );
    let btc = t.btc_price_shock.map_or_else(
        || "no fall in bitcoin within the lever's range squeezes it".to_owned(),
        |v| format!("squeezed from a bitcoin price shock of {:+.0}%", v * 100.0),
    );
    let _ = writeln!(out, "\nWhat tips it (the other levers as set): {slowdown}; {btc}.");
    out
}

//! `squeeze data check FILE` and `squeeze data show`: the data file as an analyst
//! edits it after a filing. `check` lists every mistake with its line and field
//! (and exits with code 2 if there is any); `show` lists every figure with its
//! source and as-of date.

mod markdown;

use crate::args::{load_data, DataCommand, ShowFormat};
use crate::UsageError;
use squeeze_model::{Dataset, Era};
use std::fmt::Write as _;
use std::path::Path;

pub(crate) fn command(command: DataCommand) -> Result<String, UsageError> {
    match command {
        DataCommand::Check { file } => check(&file),
        DataCommand::Show { data, era, format } => {
            let data = match data {
                Some(path) => load_data(&path)?.leak(),
                None => Dataset::for_era(era),
            };
            Ok(match format {
                ShowFormat::Json => serde_json::to_string_pretty(data)? + "\n",
                ShowFormat::Text => show(data),
                ShowFormat::Markdown => markdown::figures(data),
            })
        }
        DataCommand::Appendix { into: None } => Ok(appendix()),
        DataCommand::Appendix { into: Some(path) } => {
            let shown = path.display();
            let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {shown}: {e}"))?;
            let spliced =
                splice(&text, &appendix()).ok_or_else(|| format!("{shown} has no {BEGIN} … {END} markers"))?;
            std::fs::write(&path, spliced).map_err(|e| format!("cannot write {shown}: {e}"))?;
            Ok(format!("{shown}: figure tables rewritten from the embedded data\n"))
        }
    }
}

/// The markers around the generated part of MODEL.md.
pub(crate) const BEGIN: &str = "<!-- figures:begin -->";
pub(crate) const END: &str = "<!-- figures:end -->";

/// `text` with what lies between its markers replaced by `block`, if it has them.
pub(crate) fn splice(text: &str, block: &str) -> Option<String> {
    let start = text.find(BEGIN)? + BEGIN.len();
    let end = start + text[start..].find(END)?;
    Some(format!("{}\n{block}{}", &text[..start], &text[end..]))
}

/// The generated end of MODEL.md, between its `figures:begin` and `figures:end`
/// markers.
pub(crate) fn appendix() -> String {
    let mut out = String::from(
        "## Every figure\n\nGenerated from the embedded data files by `make docs` (`squeeze data appendix`); \
         a test fails if this section differs from the data. Values are in the unit the figure's name \
         says (`_usd` dollars, `_eh` EH/s, `_mw` MW of critical IT, `coupon` a fraction a year).\n\n",
    );
    for era in Era::ALL {
        out.push_str(&markdown::figures(Dataset::for_era(era)));
        out.push('\n');
    }
    out.push_str(
        "## Estimates\n\nEvery figure the project estimated or derived rather than read as filed, with how \
         and why (the `squeeze-estimates` source points here).\n\n",
    );
    for era in Era::ALL {
        out.push_str(&markdown::estimates(Dataset::for_era(era)));
        out.push('\n');
    }
    out
}

/// Every mistake goes to stderr as `FILE:LINE: field: message`, then one summary
/// line; a clean file gets one line on stdout.
fn check(path: &Path) -> Result<String, UsageError> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    match Dataset::parse(&text) {
        Ok(data) => {
            let tranches: usize = data.companies.iter().map(|c| c.debt.len()).sum();
            let leases: usize = data.companies.iter().map(|c| c.leases.len()).sum();
            Ok(format!(
                "{shown}: ok — {} companies, {tranches} debt tranches, {leases} leases, {} figures from {} sources; data as of {} ({})\n",
                data.companies.len(),
                data.figures().len(),
                data.sources.len(),
                data.as_of,
                Era::id(data.era)
            ))
        }
        Err(error) => {
            for issue in &error.issues {
                if issue.field.is_empty() {
                    eprintln!("{shown}:{}: {}", issue.line, issue.message);
                } else {
                    eprintln!("{shown}:{}: {}: {}", issue.line, issue.field, issue.message);
                }
            }
            let count = error.issues.len();
            Err(format!("{shown} has {count} mistake{}", if count == 1 { "" } else { "s" }).into())
        }
    }
}

/// One line per figure: where it is, its value, its as-of date and its source (and
/// whether it is an estimate).
fn show(data: &Dataset) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {} (data as of {})", data.id, data.title, data.as_of);
    let _ = writeln!(
        out,
        "Scenario inputs on filed figures, not forecasts or investment advice."
    );
    for (path, figure) in data.figures() {
        let source = data
            .source(&figure.source)
            .map_or(figure.source.as_str(), |s| s.title.as_str());
        let estimate = if figure.is_estimate() { " [estimate]" } else { "" };
        let _ = writeln!(
            out,
            "{path} = {} (as of {}){estimate} — {source}",
            figure.value, figure.as_of
        );
    }
    out
}

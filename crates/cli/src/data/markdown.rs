//! `squeeze data show --format markdown`: the tables of every figure that close
//! `MODEL.md`, generated from the data so the documentation cannot drift from it
//! (`make docs` writes them; a test fails if `MODEL.md` differs).

use squeeze_model::data::{Recourse, Tranche};
use squeeze_model::{Company, Dataset, Era, Figure};
use std::fmt::Write as _;

/// Where the model's documentation lives, relative to the repository root: links to
/// it become in-page links.
const MODEL_MD: &str = "crates/model/MODEL.md";

/// The era's section of the figures appendix: its market and assumptions, then
/// each company's debt and every figure, each with its as-of date and source.
pub(crate) fn figures(data: &Dataset) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### `{}`: {} (data as of {}, `data/{}.toml`)\n",
        Era::id(data.era),
        data.title,
        data.as_of,
        data.id
    );
    let _ = writeln!(out, "#### Market, assumptions and tenants\n");
    table_head(&mut out);
    for (path, figure) in data.figures() {
        if !data.companies.iter().any(|c| path.starts_with(&format!("{}.", c.id))) {
            row(&mut out, data, &path, figure);
        }
    }
    for company in &data.companies {
        company_section(&mut out, data, company);
    }
    out
}

/// Every estimate of the era with its reason: the target of the
/// `squeeze-estimates` source.
pub(crate) fn estimates(data: &Dataset) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "#### `{}`\n", Era::id(data.era));
    for (path, figure) in data.figures() {
        if let Some(reason) = &figure.estimate {
            let _ = writeln!(out, "- `{path}` = {}: {}", value(figure.value), one_line(reason));
        }
    }
    out
}

fn company_section(out: &mut String, data: &Dataset, c: &Company) {
    let _ = writeln!(out, "\n#### {} ({}), as of {}\n", c.name, c.ticker, c.as_of);
    let _ = writeln!(out, "{}\n", one_line(&c.description));
    if !c.debt.is_empty() {
        let _ = writeln!(
            out,
            "| tranche | kind | principal | coupon | maturity | put | conversion | recourse |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
        for t in &c.debt {
            tranche_row(out, t);
        }
        let _ = writeln!(out);
    }
    table_head(out);
    for (path, figure) in c.figures() {
        row(out, data, &path, figure);
    }
}

fn tranche_row(out: &mut String, t: &Tranche) {
    let recourse = match t.recourse {
        Recourse::Parent => "parent",
        Recourse::Project => "project",
        Recourse::Collateral => "collateral",
    };
    let conversion = t
        .conversion_price_usd
        .as_ref()
        .map_or(String::new(), |f| format!("${}", value(f.value)));
    let _ = writeln!(
        out,
        "| {} | {}{} | ${} | {}%{} | {} | {} | {conversion} | {recourse}{} |",
        cell(&t.label),
        t.kind.id(),
        if t.secured { ", secured" } else { "" },
        value(t.principal_usd.value),
        value(t.coupon.value * 100.0),
        if t.pik { " PIK" } else { "" },
        t.maturity,
        t.put.map_or(String::new(), |d| d.to_string()),
        if t.cross_default { ", cross-default" } else { "" },
    );
}

fn table_head(out: &mut String) {
    let _ = writeln!(out, "| figure | value | as of | source | estimate |");
    let _ = writeln!(out, "|---|---|---|---|---|");
}

fn row(out: &mut String, data: &Dataset, path: &str, figure: &Figure) {
    let source = match data.source(&figure.source) {
        Some(s) => {
            let link = s.link.strip_prefix(MODEL_MD).unwrap_or(&s.link);
            let secondary = if s.secondary { ", secondary" } else { "" };
            format!("[{}, {}]({link}){secondary}", cell(&s.publisher), s.date)
        }
        None => cell(&figure.source),
    };
    let estimate = if figure.is_estimate() { "[yes](#estimates)" } else { "" };
    let _ = writeln!(
        out,
        "| `{path}` | {} | {} | {source} | {estimate} |",
        value(figure.value),
        figure.as_of
    );
}

/// A number as a reader writes it: thousands separated, at most four significant
/// decimals.
fn value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e16 {
        let digits = format!("{}", v.abs() as u64);
        let mut grouped = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        return if v < 0.0 { format!("-{grouped}") } else { grouped };
    }
    let text = format!("{v:.4}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Text safe inside a table cell or a list item: one line, no bare pipes.
fn cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::value;

    #[test]
    fn numbers_read_as_a_reader_writes_them() {
        assert_eq!(value(1_275_000_000.0), "1,275,000,000");
        assert_eq!(value(87_549.0), "87,549");
        assert_eq!(value(0.0775), "0.0775");
        assert_eq!(value(3.125), "3.125");
        assert_eq!(value(-5.0), "-5");
        assert_eq!(value(0.0), "0");
    }
}

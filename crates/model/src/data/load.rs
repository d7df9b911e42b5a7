//! The data file's schema: which tables have which fields, what each may hold, and
//! the checks across the file (every source cited exists, every tenant and site a
//! lease or tranche names exists, no figure is dated after the cut-off).
//!
//! The format is documented with an example in MODEL.md ("The data file").

use super::reader::{Provenance, Reader, Record};
use super::{
    Amortisation, AmortisationStart, Assumptions, Backstop, Company, DataError, DataIssue, Dataset, Figure, Guarantee,
    HashrateStep, Lease, Market, Mining, Named, Owner, Phase, Recourse, Site, SiteBusiness, Source, Tenant, TenantKind,
    Tranche, TrancheKind, DATA_FORMAT,
};
use crate::{Date, Era, YearMonth};
use std::ops::Range;
use toml::de::DeTable;

/// A reference from one record to another (a lease's tenant, a tranche's site),
/// checked once everything is read.
struct Reference {
    span: Range<usize>,
    field: String,
    kind: &'static str,
    id: String,
    /// The ids it may name.
    within: Vec<String>,
}

/// Reads and checks a whole data file.
pub(super) fn read(text: &str) -> Result<Dataset, DataError> {
    let mut r = Reader::new(text);
    let document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(e) => {
            let line = e.span().map_or(0, |span| r.line(span.start));
            let message = e.message().to_owned();
            return Err(DataError {
                issues: vec![DataIssue {
                    line,
                    field: String::new(),
                    message: format!("not valid TOML: {message}"),
                }],
            });
        }
    };
    let root = Record {
        path: String::new(),
        span: 0..0,
        table: document.get_ref(),
        inherit: Provenance::default(),
    };
    let mut refs = Vec::new();
    let dataset = read_root(&mut r, &root, &mut refs);
    check_provenance(&mut r, &root);
    if let Some(dataset) = &dataset {
        check_across(&mut r, dataset, refs);
    }
    match dataset {
        Some(dataset) if r.issues.is_empty() => Ok(dataset),
        _ => {
            let mut issues = r.issues;
            if issues.is_empty() {
                issues.push(DataIssue {
                    line: 0,
                    field: String::new(),
                    message: "the file is incomplete".into(),
                });
            }
            issues.sort_by(|a, b| (a.line, &a.field).cmp(&(b.line, &b.field)));
            issues.dedup();
            Err(DataError { issues })
        }
    }
}

fn read_root(r: &mut Reader, root: &Record, refs: &mut Vec<Reference>) -> Option<Dataset> {
    r.only_keys(
        root,
        &[
            "format",
            "id",
            "title",
            "era",
            "as_of",
            "start",
            "months",
            "halving",
            "sources",
            "market",
            "assumptions",
            "tenants",
            "companies",
        ],
    );
    if let Some(value) = r.require(root, "format") {
        if r.number(value, "format") != Some(DATA_FORMAT as f64) {
            r.issue(
                &value.span(),
                "format",
                format!("this version reads format = {DATA_FORMAT}"),
            );
        }
    }
    let id = r.string(root, "id", true);
    let title = r.string(root, "title", true);
    let era = r.string(root, "era", true).and_then(|text| match text.parse::<Era>() {
        Ok(era) => Some(era),
        Err(message) => {
            let span = root.get("era").map_or(0..0, |v| v.span());
            r.issue(&span, "era", message);
            None
        }
    });
    let as_of = r.date(root, "as_of", true);
    let start = month_field(r, root, "start");
    let halving = month_field(r, root, "halving");
    let months = r.plain_number(root, "months", true).and_then(|n| {
        if n.fract() == 0.0 && (1.0..=240.0).contains(&n) {
            Some(n as u32)
        } else {
            let span = root.get("months").map_or(0..0, |v| v.span());
            r.issue(&span, "months", "must be a whole number of months from 1 to 240");
            None
        }
    });
    let sources = read_sources(r, root);
    let (market, history) = read_market(r, root, months);
    let assumptions = read_named(r, root, "assumptions", Assumptions::IDS).and_then(Assumptions::from_rows);
    let tenants = read_tenants(r, root);
    let companies = read_companies(r, root, start, &tenants, refs);
    let (btc_history_usd, btc_history_source) = match history {
        Some((values, figure)) => (Some(values), Some(figure)),
        None => (None, None),
    };
    Some(Dataset {
        id: id?,
        title: title?,
        era: era?,
        as_of: as_of?,
        start: start?,
        months: months?,
        halving: halving?,
        btc_history_usd,
        btc_history_source,
        sources,
        market: market?,
        assumptions: assumptions?,
        tenants,
        companies,
    })
}

fn month_field(r: &mut Reader, record: &Record, key: &str) -> Option<YearMonth> {
    let date = r.date(record, key, true)?;
    if date.day().is_some() {
        let span = record.get(key).map_or(0..0, |v| v.span());
        r.issue(&span, record.field(key), "must be a month, YYYY-MM");
    }
    Some(date.month())
}

fn read_sources(r: &mut Reader, root: &Record) -> Vec<Source> {
    let Some(table) = r.record(root, "sources") else {
        r.issue(&root.span, "sources", "missing: every figure needs a source");
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in table.table.iter() {
        let id = key.get_ref().to_string();
        let path = format!("sources.{id}");
        let Some(inner) = value.get_ref().as_table() else {
            r.issue(&value.span(), path, "must be a table");
            continue;
        };
        let record = Record {
            path,
            span: value.span(),
            table: inner,
            inherit: Provenance::default(),
        };
        r.only_keys(&record, &["title", "publisher", "date", "link", "secondary", "note"]);
        let (title, publisher) = (r.string(&record, "title", true), r.string(&record, "publisher", true));
        let date = r.string(&record, "date", true).filter(|date| {
            let year_only = date.len() == 4 && date.chars().all(|c| c.is_ascii_digit());
            let ok = year_only || date.parse::<crate::Date>().is_ok();
            if !ok {
                let span = record.get("date").map_or(0..0, |v| v.span());
                r.issue(
                    &span,
                    record.field("date"),
                    format!("expected YYYY-MM-DD, YYYY-MM or YYYY, got {date:?}"),
                );
            }
            ok
        });
        let link = r.string(&record, "link", true).filter(|link| {
            // A web address, or a page of this repository's documentation.
            let in_repository = !link.contains("://") && link.split('#').next().is_some_and(|p| p.ends_with(".md"));
            let ok = link.starts_with("https://") || link.starts_with("http://") || in_repository;
            if !ok {
                let span = record.get("link").map_or(0..0, |v| v.span());
                r.issue(
                    &span,
                    record.field("link"),
                    "must be a web address (https://…) or a .md page of this repository",
                );
            }
            ok
        });
        let secondary = r.flag(&record, "secondary");
        if let (Some(title), Some(publisher), Some(date), Some(link)) = (title, publisher, date, link) {
            out.push(Source {
                id,
                title,
                publisher,
                date,
                link,
                secondary,
            });
        }
    }
    out
}

/// The market table: its named figures and, for a replay, bitcoin's monthly closes.
fn read_market(r: &mut Reader, root: &Record, months: Option<u32>) -> (Option<Market>, Option<(Vec<f64>, Figure)>) {
    const HISTORY: &str = "btc_monthly_close_usd";
    let mut ids: Vec<&str> = Market::IDS.to_vec();
    ids.push(HISTORY);
    let mut history = None;
    if let Some(market) = r.record(root, "market") {
        if let Some(value) = market.get(HISTORY) {
            history = read_history(r, &market, value, months);
        }
    }
    let rows = read_named_except(r, root, "market", &ids, HISTORY);
    (rows.and_then(Market::from_rows), history)
}

fn read_history(
    r: &mut Reader,
    market: &Record,
    value: &super::reader::Value,
    months: Option<u32>,
) -> Option<(Vec<f64>, Figure)> {
    let field = market.field("btc_monthly_close_usd");
    let Some(table) = value.get_ref().as_table() else {
        r.issue(
            &value.span(),
            field,
            "must be a table { values = [...], source, as_of }",
        );
        return None;
    };
    let record = Record {
        path: field.clone(),
        span: value.span(),
        table,
        inherit: Provenance::default(),
    };
    r.only_keys(&record, &["values", "source", "as_of", "label", "unit", "estimate"]);
    let array = r.require(&record, "values")?;
    let Some(items) = array.get_ref().as_array() else {
        r.issue(&array.span(), record.field("values"), "must be a list of prices");
        return None;
    };
    let mut values = Vec::new();
    for item in items.iter() {
        let price = r.number(item, &record.field("values"))?;
        if price <= 0.0 {
            r.issue(&item.span(), record.field("values"), "prices must be positive");
            return None;
        }
        values.push(price);
    }
    if let Some(months) = months {
        if values.len() as u32 > months {
            r.issue(
                &array.span(),
                record.field("values"),
                format!("has more prices than the {months} months simulated"),
            );
        }
    }
    let last = *values.last()?;
    // The figure's value is the last close; the whole path shares its provenance.
    let provenance = Provenance {
        source: r.string(&record, "source", false),
        as_of: r.date(&record, "as_of", false),
    };
    let figure = figure_from(r, last, provenance, &field, &value.span())?;
    Some((values, figure))
}

fn figure_from(r: &mut Reader, value: f64, p: Provenance, field: &str, span: &Range<usize>) -> Option<Figure> {
    let line = r.line(span.start);
    match (p.source, p.as_of) {
        (Some(source), Some(as_of)) => {
            let figure = Figure {
                value,
                source,
                as_of,
                estimate: None,
                line,
            };
            r.seen.push((field.to_owned(), figure.clone()));
            Some(figure)
        }
        _ => {
            r.issue(span, field, "needs a source and an as-of date");
            None
        }
    }
}

fn read_named(r: &mut Reader, root: &Record, key: &str, ids: &[&'static str]) -> Option<Vec<Named>> {
    read_named_except(r, root, key, ids, "")
}

/// A table of named figures (`[market.x]`, `[assumptions.x]`): every id in `ids`
/// (except `skip`, read elsewhere) must be there, and nothing else.
fn read_named_except(r: &mut Reader, root: &Record, key: &str, ids: &[&'static str], skip: &str) -> Option<Vec<Named>> {
    let Some(table) = r.record(root, key) else {
        r.issue(&root.span, key, "missing");
        return None;
    };
    r.only_keys(&table, ids);
    let mut rows = Vec::new();
    let mut complete = true;
    for &id in ids.iter().filter(|&&id| id != skip) {
        let Some(value) = r.require(&table, id) else {
            complete = false;
            continue;
        };
        let field = table.field(id);
        let Some(inner) = value.get_ref().as_table() else {
            r.issue(
                &value.span(),
                field,
                "must be a table { value, label, unit, source, as_of }",
            );
            complete = false;
            continue;
        };
        let record = Record {
            path: field.clone(),
            span: value.span(),
            table: inner,
            inherit: Provenance::default(),
        };
        let label = r.string(&record, "label", true);
        let unit = r.string(&record, "unit", true);
        let figure = r.figure_value(value, &field, &Provenance::default());
        match (label, unit, figure) {
            (Some(label), Some(unit), Some(figure)) => rows.push(Named {
                id,
                label,
                unit,
                figure,
            }),
            _ => complete = false,
        }
    }
    complete.then_some(rows)
}

fn read_tenants(r: &mut Reader, root: &Record) -> Vec<Tenant> {
    let mut out = Vec::new();
    for mut record in r.records(root, "tenants", false) {
        r.only_keys(&record, &["id", "name", "kind", "risk", "note", "source", "as_of"]);
        r.inherit_provenance(&mut record);
        let kind = r.string(&record, "kind", true).and_then(|kind| {
            let parsed = match kind.as_str() {
                "hyperscaler" => Some(TenantKind::Hyperscaler),
                "neocloud" => Some(TenantKind::Neocloud),
                "ai_lab" => Some(TenantKind::AiLab),
                "other" => Some(TenantKind::Other),
                _ => None,
            };
            if parsed.is_none() {
                let span = record.get("kind").map_or(0..0, |v| v.span());
                let message =
                    format!("unknown tenant kind `{kind}`; the kinds are: hyperscaler, neocloud, ai_lab, other");
                r.issue(&span, record.field("kind"), message);
            }
            parsed
        });
        let (id, name) = (r.string(&record, "id", true), r.string(&record, "name", true));
        let risk = positive(r, &record, "risk", true);
        let note = r.string(&record, "note", false).unwrap_or_default();
        if let (Some(id), Some(name), Some(kind), Some(risk)) = (id, name, kind, risk) {
            out.push(Tenant {
                id,
                name,
                kind,
                risk,
                note,
            });
        }
    }
    out
}

/// A figure that must be zero or more.
fn non_negative(r: &mut Reader, record: &Record, key: &str, required: bool) -> Option<Figure> {
    let figure = r.figure(record, key, required)?;
    if figure.value < 0.0 {
        let span = record.get(key).map_or(0..0, |v| v.span());
        r.issue(
            &span,
            record.field(key),
            format!("must not be negative (got {})", figure.value),
        );
        return None;
    }
    Some(figure)
}

/// A figure that must be more than zero.
fn positive(r: &mut Reader, record: &Record, key: &str, required: bool) -> Option<Figure> {
    let figure = r.figure(record, key, required)?;
    if figure.value <= 0.0 {
        let span = record.get(key).map_or(0..0, |v| v.span());
        r.issue(
            &span,
            record.field(key),
            format!("must be more than zero (got {})", figure.value),
        );
        return None;
    }
    Some(figure)
}

/// A figure that must lie in `range` (a share, a rate).
fn within(r: &mut Reader, record: &Record, key: &str, required: bool, range: Range<f64>) -> Option<Figure> {
    let figure = r.figure(record, key, required)?;
    if !(range.start..=range.end).contains(&figure.value) {
        let span = record.get(key).map_or(0..0, |v| v.span());
        let message = format!(
            "must be between {} and {} (got {})",
            range.start, range.end, figure.value
        );
        r.issue(&span, record.field(key), message);
        return None;
    }
    Some(figure)
}

fn read_companies(
    r: &mut Reader,
    root: &Record,
    start: Option<YearMonth>,
    tenants: &[Tenant],
    refs: &mut Vec<Reference>,
) -> Vec<Company> {
    let tenant_ids: Vec<String> = tenants.iter().map(|t| t.id.clone()).collect();
    let mut out = Vec::new();
    for mut record in r.records(root, "companies", true) {
        r.only_keys(
            &record,
            &[
                "id",
                "name",
                "ticker",
                "exchange",
                "fiscal_year_end",
                "as_of",
                "source",
                "description",
                "cash_usd",
                "restricted_cash_usd",
                "btc_held",
                "btc_pledged",
                "share_price_usd",
                "shares_outstanding",
                "overhead_usd_per_month",
                "min_cash_usd",
                "mining",
                "sites",
                "leases",
                "debt",
                "note",
            ],
        );
        r.inherit_provenance(&mut record);
        if let Some(company) = read_company(r, &record, start, &tenant_ids, refs) {
            out.push(company);
        }
    }
    out
}

fn read_company(
    r: &mut Reader,
    record: &Record,
    start: Option<YearMonth>,
    tenant_ids: &[String],
    refs: &mut Vec<Reference>,
) -> Option<Company> {
    let id = r.string(record, "id", true);
    let name = r.string(record, "name", true);
    let ticker = r.string(record, "ticker", true);
    let as_of = r.date(record, "as_of", true);
    let description = r.string(record, "description", true);
    let cash_usd = non_negative(r, record, "cash_usd", true);
    let restricted_cash_usd = non_negative(r, record, "restricted_cash_usd", false);
    let btc_held = non_negative(r, record, "btc_held", true);
    let btc_pledged = non_negative(r, record, "btc_pledged", false);
    let share_price_usd = positive(r, record, "share_price_usd", true);
    let shares_outstanding = positive(r, record, "shares_outstanding", true);
    let overhead = non_negative(r, record, "overhead_usd_per_month", true);
    let min_cash_usd = non_negative(r, record, "min_cash_usd", true);
    let mining = r.record(record, "mining").and_then(|m| read_mining(r, m));
    let sites: Vec<Site> = r
        .records(record, "sites", false)
        .into_iter()
        .filter_map(|s| read_site(r, s, start))
        .collect();
    let site_ids: Vec<String> = sites.iter().map(|s| s.id.clone()).collect();
    let leases: Vec<Lease> = r
        .records(record, "leases", false)
        .into_iter()
        .filter_map(|l| read_lease(r, l, tenant_ids, &site_ids, refs))
        .collect();
    let debt: Vec<Tranche> = r
        .records(record, "debt", false)
        .into_iter()
        .filter_map(|t| read_tranche(r, t, start, &site_ids, refs))
        .collect();
    unique(r, record, "sites", sites.iter().map(|s| s.id.as_str()));
    unique(r, record, "leases", leases.iter().map(|l| l.id.as_str()));
    unique(r, record, "debt", debt.iter().map(|t| t.id.as_str()));
    Some(Company {
        id: id?,
        name: name?,
        ticker: ticker?,
        as_of: as_of?,
        description: description?,
        cash_usd: cash_usd?,
        restricted_cash_usd,
        btc_held: btc_held?,
        btc_pledged,
        share_price_usd: share_price_usd?,
        shares_outstanding: shares_outstanding?,
        overhead_usd_per_month: overhead?,
        min_cash_usd: min_cash_usd?,
        mining,
        sites,
        leases,
        debt,
    })
}

/// Reports ids that appear twice among a company's records.
fn unique<'a>(r: &mut Reader, record: &Record, key: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        if seen.contains(&id) {
            r.issue(&record.span, record.field(key), format!("the id `{id}` is used twice"));
        }
        seen.push(id);
    }
}

fn read_mining(r: &mut Reader, mut record: Record) -> Option<Mining> {
    r.only_keys(
        &record,
        &[
            "as_of",
            "source",
            "hashrate_eh",
            "efficiency_j_per_th",
            "power_cost_usd_per_mwh",
            "retire",
            "additions",
            "note",
        ],
    );
    r.inherit_provenance(&mut record);
    let hashrate_eh = non_negative(r, &record, "hashrate_eh", true);
    let efficiency = within(r, &record, "efficiency_j_per_th", true, 5.0..200.0);
    let power = within(r, &record, "power_cost_usd_per_mwh", true, 1.0..500.0);
    let retire = hashrate_steps(r, &record, "retire");
    let additions = hashrate_steps(r, &record, "additions");
    Some(Mining {
        hashrate_eh: hashrate_eh?,
        efficiency_j_per_th: efficiency?,
        power_cost_usd_per_mwh: power?,
        retire,
        additions,
    })
}

/// `retire = [ { date, hashrate_eh } ]` or `additions = [ { date, hashrate_eh, capex_usd } ]`.
fn hashrate_steps(r: &mut Reader, record: &Record, key: &str) -> Vec<HashrateStep> {
    let mut out = Vec::new();
    let Some(value) = record.get(key) else {
        return out;
    };
    let Some(items) = value.get_ref().as_array() else {
        r.issue(&value.span(), record.field(key), "must be a list of tables");
        return out;
    };
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", record.field(key));
        let Some(table) = item.get_ref().as_table() else {
            r.issue(&item.span(), path, "must be a table { date, hashrate_eh }");
            continue;
        };
        let mut step = Record {
            path,
            span: item.span(),
            table,
            inherit: record.inherit.clone(),
        };
        r.only_keys(
            &step,
            &["date", "hashrate_eh", "capex_usd", "site", "note", "source", "as_of"],
        );
        r.inherit_provenance(&mut step);
        let date = r.date(&step, "date", true);
        let hashrate_eh = non_negative(r, &step, "hashrate_eh", true);
        let capex_usd = non_negative(r, &step, "capex_usd", key == "additions");
        if let (Some(date), Some(hashrate_eh)) = (date, hashrate_eh) {
            out.push(HashrateStep {
                date,
                hashrate_eh,
                capex_usd,
            });
        }
    }
    out
}

fn read_site(r: &mut Reader, mut record: Record, start: Option<YearMonth>) -> Option<Site> {
    r.only_keys(
        &record,
        &[
            "id",
            "name",
            "as_of",
            "source",
            "critical_it_mw",
            "live_mw",
            "phases",
            "capex_remaining_usd",
            "owner",
            "ownership_share",
            "business",
            "note",
        ],
    );
    r.inherit_provenance(&mut record);
    let id = r.string(&record, "id", true);
    let name = r.string(&record, "name", true);
    let critical = positive(r, &record, "critical_it_mw", true);
    let live = non_negative(r, &record, "live_mw", true);
    let capex = non_negative(r, &record, "capex_remaining_usd", true);
    let owner = choice(
        r,
        &record,
        "owner",
        &[("parent", Owner::Parent), ("project", Owner::Project)],
    );
    let business = choice(
        r,
        &record,
        "business",
        &[
            ("colocation", SiteBusiness::Colocation),
            ("gpu_cloud", SiteBusiness::GpuCloud),
        ],
    );
    let ownership_share = match r.plain_number(&record, "ownership_share", false) {
        None => Some(1.0),
        Some(share) if share > 0.0 && share <= 1.0 => Some(share),
        Some(share) => {
            let span = record.get("ownership_share").map_or(0..0, |v| v.span());
            r.issue(
                &span,
                record.field("ownership_share"),
                format!("must be in (0, 1] (got {share})"),
            );
            None
        }
    };
    let phases = read_phases(r, &record, start);
    if let (Some(critical), Some(live), Some(phases)) = (&critical, &live, &phases) {
        let planned: f64 = phases.iter().map(|p| p.mw).sum();
        let remaining = critical.value - live.value;
        if remaining < -0.5 || (planned - remaining).abs() > 0.5 {
            let span = record.get("phases").map_or(record.span.clone(), |v| v.span());
            let message = format!("the phases add up to {planned} MW, but critical_it_mw − live_mw is {remaining} MW");
            r.issue(&span, record.field("phases"), message);
        }
    }
    Some(Site {
        id: id?,
        name: name?,
        critical_it_mw: critical?,
        live_mw: live?,
        phases: phases?,
        capex_remaining_usd: capex?,
        owner: owner?,
        ownership_share: ownership_share?,
        business: business?,
    })
}

fn read_phases(r: &mut Reader, record: &Record, start: Option<YearMonth>) -> Option<Vec<Phase>> {
    let Some(value) = record.get("phases") else {
        return Some(Vec::new());
    };
    let Some(items) = value.get_ref().as_array() else {
        r.issue(&value.span(), record.field("phases"), "must be a list of { date, mw }");
        return None;
    };
    let mut phases = Vec::new();
    let mut complete = true;
    for (i, item) in items.iter().enumerate() {
        let path = format!("{}[{i}]", record.field("phases"));
        let Some(table) = item.get_ref().as_table() else {
            r.issue(&item.span(), path, "must be a table { date, mw }");
            complete = false;
            continue;
        };
        let phase = Record {
            path,
            span: item.span(),
            table,
            inherit: Provenance::default(),
        };
        r.only_keys(&phase, &["date", "mw", "note"]);
        let date = r.date(&phase, "date", true);
        let mw = r.plain_number(&phase, "mw", true);
        match (date, mw) {
            (Some(date), Some(mw)) if mw > 0.0 => {
                if start.is_some_and(|start| date.month() < start) {
                    let message = format!("{date} is before the simulation starts; count it in live_mw");
                    r.issue(&item.span(), phase.field("date"), message);
                }
                phases.push(Phase { date, mw });
            }
            (_, Some(mw)) if mw <= 0.0 => {
                r.issue(&item.span(), phase.field("mw"), "must be more than zero");
                complete = false;
            }
            _ => complete = false,
        }
    }
    complete.then_some(phases)
}

/// A text field that must be one of `options`.
fn choice<T: Copy>(r: &mut Reader, record: &Record, key: &str, options: &[(&str, T)]) -> Option<T> {
    let text = r.string(record, key, true)?;
    let found = options.iter().find(|(id, _)| *id == text).map(|(_, value)| *value);
    if found.is_none() {
        let span = record.get(key).map_or(0..0, |v| v.span());
        let names: Vec<&str> = options.iter().map(|(id, _)| *id).collect();
        r.issue(
            &span,
            record.field(key),
            format!("unknown value `{text}`; expected one of: {}", names.join(", ")),
        );
    }
    found
}

fn reference(record: &Record, key: &str, kind: &'static str, id: &str, within: &[String]) -> Reference {
    Reference {
        span: record.get(key).map_or(record.span.clone(), |v| v.span()),
        field: record.field(key),
        kind,
        id: id.to_owned(),
        within: within.to_vec(),
    }
}

fn read_lease(
    r: &mut Reader,
    mut record: Record,
    tenant_ids: &[String],
    site_ids: &[String],
    refs: &mut Vec<Reference>,
) -> Option<Lease> {
    r.only_keys(
        &record,
        &[
            "id",
            "tenant",
            "site",
            "as_of",
            "source",
            "mw",
            "contract_value_usd",
            "term_years",
            "start",
            "prepayment_usd",
            "escalator_per_year",
            "backstop",
            "note",
        ],
    );
    r.inherit_provenance(&mut record);
    let id = r.string(&record, "id", true);
    let tenant = r.string(&record, "tenant", true);
    let site = r.string(&record, "site", true);
    if let Some(tenant) = &tenant {
        refs.push(reference(&record, "tenant", "tenant", tenant, tenant_ids));
    }
    if let Some(site) = &site {
        refs.push(reference(&record, "site", "site", site, site_ids));
    }
    let mw = positive(r, &record, "mw", true);
    let contract_value = positive(r, &record, "contract_value_usd", true);
    let term = within(r, &record, "term_years", true, 0.5..50.0);
    let start = r.date(&record, "start", true);
    let prepayment = non_negative(r, &record, "prepayment_usd", false).map_or(0.0, |f| f.value);
    let _escalator = r.plain_number(&record, "escalator_per_year", false);
    let backstop = match r.record(&record, "backstop") {
        None => Some(None),
        Some(b) => {
            r.only_keys(&b, &["guarantor", "cap_usd", "amortising", "note", "source", "as_of"]);
            let mut b = b;
            r.inherit_provenance(&mut b);
            let guarantor = r.string(&b, "guarantor", true);
            let cap = non_negative(r, &b, "cap_usd", true);
            let amortising = r.flag(&b, "amortising");
            match (guarantor, cap) {
                (Some(guarantor), Some(cap_usd)) => Some(Some(Backstop {
                    guarantor,
                    cap_usd,
                    amortising,
                })),
                _ => None,
            }
        }
    };
    Some(Lease {
        id: id?,
        tenant: tenant?,
        site: site?,
        mw: mw?,
        contract_value_usd: contract_value?,
        term_years: term?,
        start: start?,
        prepayment_usd: prepayment,
        backstop: backstop?,
    })
}

const TRANCHE_KEYS: &[&str] = &[
    "id",
    "label",
    "type",
    "issuer",
    "as_of",
    "source",
    "principal_usd",
    "drawn_usd",
    "facility_cap_usd",
    "coupon",
    "pik",
    "issued",
    "maturity",
    "put",
    "conversion_price_usd",
    "secured",
    "recourse",
    "site",
    "guarantee",
    "amortisation",
    "collateral_btc",
    "margin_call_ltv",
    "liquidation_ltv",
    "collateral_hashrate_eh",
    "cross_default",
    "note",
];

fn read_tranche(
    r: &mut Reader,
    mut record: Record,
    start: Option<YearMonth>,
    site_ids: &[String],
    refs: &mut Vec<Reference>,
) -> Option<Tranche> {
    r.only_keys(&record, TRANCHE_KEYS);
    r.inherit_provenance(&mut record);
    let kinds: Vec<(&str, TrancheKind)> = TrancheKind::ALL.iter().map(|&(kind, id)| (id, kind)).collect();
    let kind = choice(r, &record, "type", &kinds);
    let id = r.string(&record, "id", true);
    let label = r.string(&record, "label", true);
    let issuer = r.string(&record, "issuer", false).unwrap_or_default();
    let principal = non_negative(r, &record, "principal_usd", true);
    let _cap = non_negative(r, &record, "facility_cap_usd", false);
    let _drawn = non_negative(r, &record, "drawn_usd", false);
    // An undrawn facility (principal 0) may leave out its coupon and maturity.
    let drawn = principal.as_ref().is_none_or(|p| p.value > 0.0);
    let coupon = within(r, &record, "coupon", drawn, 0.0..0.5).or_else(|| {
        principal.as_ref().filter(|_| !drawn).map(|p| Figure {
            value: 0.0,
            ..p.clone()
        })
    });
    let pik = r.flag(&record, "pik");
    let issued = r.date(&record, "issued", false);
    let maturity = r
        .date(&record, "maturity", drawn)
        .or_else(|| start.filter(|_| !drawn).map(Date::from));
    let put = r.date(&record, "put", false);
    if let (Some(start), Some(maturity)) = (start, maturity) {
        if maturity.month() < start {
            let span = record.get("maturity").map_or(0..0, |v| v.span());
            let message = format!("matures {maturity}, before the simulation starts ({start}): leave repaid debt out");
            r.issue(&span, record.field("maturity"), message);
        }
    }
    if let (Some(put), Some(maturity)) = (put, maturity) {
        if put >= maturity {
            let span = record.get("put").map_or(0..0, |v| v.span());
            r.issue(
                &span,
                record.field("put"),
                format!("the put ({put}) must come before maturity ({maturity})"),
            );
        }
    }
    let conversion = positive(r, &record, "conversion_price_usd", false);
    let collateral = non_negative(r, &record, "collateral_btc", false);
    let margin = within(r, &record, "margin_call_ltv", false, 0.01..1.0);
    let collateral_hashrate = non_negative(r, &record, "collateral_hashrate_eh", false);
    let _liquidation = r.plain_number(&record, "liquidation_ltv", false);
    let span = record.span.clone();
    match kind {
        Some(TrancheKind::Convertible) if conversion.is_none() && record.get("conversion_price_usd").is_none() => {
            r.issue(
                &span,
                record.field("conversion_price_usd"),
                "a convertible needs its conversion price",
            );
        }
        Some(k) if k != TrancheKind::Convertible && record.get("conversion_price_usd").is_some() => {
            r.issue(
                &span,
                record.field("conversion_price_usd"),
                "only convertibles have a conversion price",
            );
        }
        Some(TrancheKind::BtcBacked) if drawn => {
            for key in ["collateral_btc", "margin_call_ltv"] {
                if record.get(key).is_none() {
                    r.issue(&span, record.field(key), "a bitcoin-backed loan needs it");
                }
            }
        }
        _ => {}
    }
    let secured = r.flag(&record, "secured");
    let recourse = choice(
        r,
        &record,
        "recourse",
        &[
            ("parent", Recourse::Parent),
            ("project", Recourse::Project),
            ("collateral", Recourse::Collateral),
        ],
    );
    let site = r.string(&record, "site", false);
    if let Some(site) = &site {
        refs.push(reference(&record, "site", "site", site, site_ids));
    }
    let guarantee = match record.get("guarantee") {
        None => Some(Guarantee::None),
        Some(_) => choice(
            r,
            &record,
            "guarantee",
            &[
                ("none", Guarantee::None),
                ("completion", Guarantee::Completion),
                ("full", Guarantee::Full),
            ],
        ),
    };
    let amortisation = read_amortisation(r, &record, principal.as_ref());
    let cross_default = r.flag(&record, "cross_default");
    let note = r.string(&record, "note", false).unwrap_or_default();
    Some(Tranche {
        id: id?,
        label: label?,
        kind: kind?,
        issuer,
        principal_usd: principal?,
        coupon: coupon?,
        pik,
        issued,
        maturity: maturity?,
        put,
        conversion_price_usd: conversion,
        secured,
        recourse: recourse?,
        site,
        guarantee: guarantee?,
        amortisation: amortisation?,
        collateral_btc: collateral,
        margin_call_ltv: margin,
        collateral_hashrate_eh: collateral_hashrate,
        cross_default,
        note,
    })
}

/// `amortisation = { from = "completion" | "YYYY-MM", share_per_year = x }` or
/// `usd_per_month = y` (converted to a share of `principal`); either may be a
/// figure with its own source and estimate. `Some(None)`: none.
fn read_amortisation(r: &mut Reader, record: &Record, principal: Option<&Figure>) -> Option<Option<Amortisation>> {
    let Some(value) = record.get("amortisation") else {
        return Some(None);
    };
    let Some(table) = value.get_ref().as_table() else {
        r.issue(
            &value.span(),
            record.field("amortisation"),
            "must be a table { from, share_per_year }",
        );
        return None;
    };
    let a = Record {
        path: record.field("amortisation"),
        span: value.span(),
        table,
        inherit: record.inherit.clone(),
    };
    r.only_keys(&a, &["from", "share_per_year", "usd_per_month", "note"]);
    let from = match a.get("from") {
        Some(v) if v.get_ref().as_str() == Some("completion") => Some(AmortisationStart::Completion),
        Some(v) => r.date_value(v, &a.field("from")).map(AmortisationStart::Date),
        None => {
            r.issue(&a.span, a.field("from"), "missing: a month or \"completion\"");
            None
        }
    };
    let share = match (a.get("share_per_year"), a.get("usd_per_month")) {
        (Some(_), None) => r.figure(&a, "share_per_year", true),
        (None, Some(_)) => r.figure(&a, "usd_per_month", true).and_then(|usd| {
            let principal = principal.filter(|p| p.value > 0.0)?;
            Some(Figure {
                value: usd.value * 12.0 / principal.value,
                ..usd
            })
        }),
        _ => {
            r.issue(
                &a.span,
                a.field("share_per_year"),
                "give one of share_per_year or usd_per_month",
            );
            None
        }
    };
    // Up to 12: a bridge loan may be repaid within the year.
    let share = share.filter(|s| {
        let ok = s.value > 0.0 && s.value <= 12.0;
        if !ok {
            r.issue(
                &a.span,
                a.field("share_per_year"),
                format!("must be more than 0 and at most 12 a year (got {})", s.value),
            );
        }
        ok
    });
    Some(Some(Amortisation {
        from: from?,
        share_per_year: share?,
    }))
}

/// Every figure read cites a source defined under `[sources]` and, outside the
/// assumptions, is dated no later than the file's cut-off (`as_of`). Runs on what
/// could be read even when other parts of the file are broken, so every mistake is
/// reported at once.
fn check_provenance(r: &mut Reader, root: &Record) {
    let defined: Vec<String> = match root.get("sources").and_then(|v| v.get_ref().as_table()) {
        Some(table) => table.iter().map(|(key, _)| key.get_ref().to_string()).collect(),
        None => Vec::new(),
    };
    let cut_off = root
        .get("as_of")
        .and_then(|v| v.get_ref().as_str())
        .and_then(|text| text.parse::<crate::Date>().ok());
    for (path, figure) in std::mem::take(&mut r.seen) {
        if !defined.contains(&figure.source) {
            r.issues.push(DataIssue {
                line: figure.line,
                field: path.clone(),
                message: format!("cites unknown source `{}`; add it under [sources]", figure.source),
            });
        }
        // Assumptions are the model's parameters, not facts of a date: the cut-off
        // applies to the market, the tenants and the companies.
        let dated = !path.starts_with("assumptions");
        if let Some(cut_off) = cut_off.filter(|&c| dated && figure.as_of > c) {
            r.issues.push(DataIssue {
                line: figure.line,
                field: path,
                message: format!("as-of date {} is after the data's cut-off {cut_off}", figure.as_of),
            });
        }
    }
}

/// Checks across the file: references and duplicate ids.
fn check_across(r: &mut Reader, data: &Dataset, refs: Vec<Reference>) {
    for reference in refs {
        if !reference.within.contains(&reference.id) {
            let known = if reference.within.is_empty() {
                "none is defined".to_owned()
            } else {
                format!("known: {}", reference.within.join(", "))
            };
            let message = format!("unknown {} `{}` ({known})", reference.kind, reference.id);
            r.issue(&reference.span, reference.field, message);
        }
    }
    let mut ids: Vec<&str> = Vec::new();
    for company in &data.companies {
        if ids.contains(&company.id.as_str()) {
            r.issues.push(DataIssue {
                line: company.cash_usd.line,
                field: "companies".into(),
                message: format!("the company id `{}` is used twice", company.id),
            });
        }
        ids.push(&company.id);
    }
}

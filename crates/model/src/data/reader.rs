//! Walking a parsed TOML document with every value's position, collecting every
//! mistake (with its line and field) instead of stopping at the first.
//!
//! [`Reader`] holds the text and the issues found so far; a [`Record`] is one
//! table being read, with the provenance (`source`, `as_of`) its bare numbers
//! inherit. The schema itself (which records have which fields) is in `load.rs`.

use super::{DataIssue, Figure};
use crate::Date;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

pub(super) type Value<'i> = Spanned<DeValue<'i>>;

/// The text being read and the mistakes found in it so far.
pub(super) struct Reader<'t> {
    line_starts: Vec<usize>,
    pub(super) issues: Vec<DataIssue>,
    /// Every figure read, with its path, for the checks of its source and date
    /// (which run even when other parts of the file are broken).
    pub(super) seen: Vec<(String, Figure)>,
    _text: &'t str,
}

/// The provenance a record gives to its bare numbers.
#[derive(Debug, Clone, Default)]
pub(super) struct Provenance {
    pub source: Option<String>,
    pub as_of: Option<Date>,
}

/// One table being read.
pub(super) struct Record<'a, 'i> {
    /// Dotted path of the table (`companies[2].debt[0]`).
    pub path: String,
    /// Where the table starts (its header, or its first key for an inline table).
    pub span: Range<usize>,
    pub table: &'a DeTable<'i>,
    pub inherit: Provenance,
}

impl<'t> Reader<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Reader {
            line_starts,
            issues: Vec::new(),
            seen: Vec::new(),
            _text: text,
        }
    }

    /// The 1-based line of a byte offset.
    pub(super) fn line(&self, offset: usize) -> u32 {
        let index = self.line_starts.partition_point(|&start| start <= offset);
        u32::try_from(index).unwrap_or(u32::MAX)
    }

    /// Records a mistake at `span` in `field`.
    pub(super) fn issue(&mut self, span: &Range<usize>, field: impl Into<String>, message: impl Into<String>) {
        let line = self.line(span.start);
        self.issues.push(DataIssue {
            line,
            field: field.into(),
            message: message.into(),
        });
    }

    /// Reports every key of `record` that is not in `allowed`.
    pub(super) fn only_keys(&mut self, record: &Record, allowed: &[&str]) {
        for (key, value) in record.table.iter() {
            let key = key.get_ref().as_ref();
            if !allowed.contains(&key) {
                let message = format!("unknown field `{key}`; expected one of: {}", allowed.join(", "));
                self.issue(&value.span(), record.field(key), message);
            }
        }
    }

    /// A required value, or an issue saying it is missing.
    pub(super) fn require<'a, 'i>(&mut self, record: &Record<'a, 'i>, key: &str) -> Option<&'a Value<'i>> {
        let value = record.get(key);
        if value.is_none() {
            self.issue(&record.span, record.field(key), "missing");
        }
        value
    }

    /// A string field.
    pub(super) fn string(&mut self, record: &Record, key: &str, required: bool) -> Option<String> {
        let value = if required {
            self.require(record, key)?
        } else {
            record.get(key)?
        };
        match value.get_ref().as_str() {
            Some(text) if !text.trim().is_empty() => Some(text.to_owned()),
            Some(_) => {
                self.issue(&value.span(), record.field(key), "must not be empty");
                None
            }
            None => {
                self.issue(&value.span(), record.field(key), "must be text in quotes");
                None
            }
        }
    }

    /// A boolean field (false when left out).
    pub(super) fn flag(&mut self, record: &Record, key: &str) -> bool {
        match record.get(key) {
            None => false,
            Some(value) => value.get_ref().as_bool().unwrap_or_else(|| {
                self.issue(&value.span(), record.field(key), "must be true or false");
                false
            }),
        }
    }

    /// A plain number (integer or float), or an issue.
    pub(super) fn number(&mut self, value: &Value, field: &str) -> Option<f64> {
        let number = number_of(value.get_ref());
        if number.is_none() {
            self.issue(&value.span(), field, "must be a number");
        }
        number
    }

    /// A number field without provenance of its own (a share, a flag-like figure).
    pub(super) fn plain_number(&mut self, record: &Record, key: &str, required: bool) -> Option<f64> {
        let value = if required {
            self.require(record, key)?
        } else {
            record.get(key)?
        };
        self.number(value, &record.field(key))
    }

    /// A date field: `"YYYY-MM-DD"`, `"YYYY-MM"` or an unquoted TOML date.
    pub(super) fn date(&mut self, record: &Record, key: &str, required: bool) -> Option<Date> {
        let value = if required {
            self.require(record, key)?
        } else {
            record.get(key)?
        };
        self.date_value(value, &record.field(key))
    }

    pub(super) fn date_value(&mut self, value: &Value, field: &str) -> Option<Date> {
        let text = match value.get_ref() {
            DeValue::String(text) => text.to_string(),
            DeValue::Datetime(datetime) => datetime.to_string(),
            _ => String::new(),
        };
        match text.parse::<Date>() {
            Ok(date) => Some(date),
            Err(message) => {
                self.issue(&value.span(), field, message);
                None
            }
        }
    }

    /// A figure: a bare number inheriting the record's provenance, or a table
    /// `{ value, source, as_of, estimate }`. Sources are checked against the
    /// `[sources]` table later (see `load.rs`).
    pub(super) fn figure(&mut self, record: &Record, key: &str, required: bool) -> Option<Figure> {
        let value = if required {
            self.require(record, key)?
        } else {
            record.get(key)?
        };
        self.figure_value(value, &record.field(key), &record.inherit)
    }

    pub(super) fn figure_value(&mut self, value: &Value, field: &str, inherit: &Provenance) -> Option<Figure> {
        let line = self.line(value.span().start);
        if let Some(number) = number_of(value.get_ref()) {
            return self.with_provenance(number, inherit.clone(), None, field, &value.span(), line);
        }
        let Some(table) = value.get_ref().as_table() else {
            self.issue(
                &value.span(),
                field,
                "must be a number or a table { value, source, as_of }",
            );
            return None;
        };
        let record = Record {
            path: field.to_owned(),
            span: value.span(),
            table,
            inherit: inherit.clone(),
        };
        self.only_keys(
            &record,
            &["value", "source", "as_of", "estimate", "note", "label", "unit"],
        );
        let number = self.plain_number(&record, "value", true);
        let own = Provenance {
            source: self.string(&record, "source", false).or(inherit.source.clone()),
            as_of: self.date(&record, "as_of", false).or(inherit.as_of),
        };
        let estimate = self.string(&record, "estimate", false);
        self.with_provenance(number?, own, estimate, field, &value.span(), line)
    }

    fn with_provenance(
        &mut self,
        value: f64,
        provenance: Provenance,
        estimate: Option<String>,
        field: &str,
        span: &Range<usize>,
        line: u32,
    ) -> Option<Figure> {
        if !value.is_finite() {
            self.issue(span, field, "must be a finite number");
            return None;
        }
        let Some(source) = provenance.source else {
            self.issue(
                span,
                field,
                "has no source: add `source = \"<id>\"` to it or to its record",
            );
            return None;
        };
        let Some(as_of) = provenance.as_of else {
            self.issue(
                span,
                field,
                "has no as-of date: add `as_of = \"YYYY-MM-DD\"` to it or to its record",
            );
            return None;
        };
        let figure = Figure {
            value,
            source,
            as_of,
            estimate,
            line,
        };
        self.seen.push((field.to_owned(), figure.clone()));
        Some(figure)
    }

    /// The tables of an array of tables (`[[companies.debt]]`), each a record
    /// inheriting `inherit`. Anything else is an issue.
    pub(super) fn records<'a, 'i>(
        &mut self,
        parent: &Record<'a, 'i>,
        key: &str,
        required: bool,
    ) -> Vec<Record<'a, 'i>> {
        let Some(value) = (if required {
            self.require(parent, key)
        } else {
            parent.get(key)
        }) else {
            return Vec::new();
        };
        let Some(array) = value.get_ref().as_array() else {
            self.issue(&value.span(), parent.field(key), "must be a list of tables ([[...]])");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, item) in array.iter().enumerate() {
            let path = format!("{}[{i}]", parent.field(key));
            match item.get_ref().as_table() {
                Some(table) => out.push(Record {
                    path,
                    span: item.span(),
                    table,
                    inherit: parent.inherit.clone(),
                }),
                None => self.issue(&item.span(), path, "must be a table"),
            }
        }
        out
    }

    /// A sub-table (`[companies.mining]` or an inline table).
    pub(super) fn record<'a, 'i>(&mut self, parent: &Record<'a, 'i>, key: &str) -> Option<Record<'a, 'i>> {
        let value = parent.get(key)?;
        match value.get_ref().as_table() {
            Some(table) => Some(Record {
                path: parent.field(key),
                span: value.span(),
                table,
                inherit: parent.inherit.clone(),
            }),
            None => {
                self.issue(&value.span(), parent.field(key), "must be a table");
                None
            }
        }
    }

    /// Reads a record's own `source` and `as_of`, which its bare numbers inherit.
    pub(super) fn inherit_provenance(&mut self, record: &mut Record) {
        if let Some(source) = self.string(record, "source", false) {
            record.inherit.source = Some(source);
        }
        if let Some(as_of) = self.date(record, "as_of", false) {
            record.inherit.as_of = Some(as_of);
        }
    }
}

impl<'a, 'i> Record<'a, 'i> {
    pub(super) fn get(&self, key: &str) -> Option<&'a Value<'i>> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    pub(super) fn field(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }
}

/// The number a TOML value holds, if it is an integer or a float.
fn number_of(value: &DeValue) -> Option<f64> {
    match value {
        DeValue::Integer(integer) => {
            let digits = integer.as_str().replace('_', "");
            let digits = digits.trim_start_matches('+');
            match integer.radix() {
                10 => digits.parse::<i64>().ok().map(|n| n as f64),
                radix => {
                    let body = digits.get(2..)?;
                    i64::from_str_radix(body, radix).ok().map(|n| n as f64)
                }
            }
        }
        DeValue::Float(float) => float.as_str().replace('_', "").parse::<f64>().ok(),
        _ => None,
    }
}

//! A chart's numbers as a table of text, for the accessible data-table view that
//! sits beside each chart (and for anyone who prefers numbers to lines).

use crate::locale::{format_month, MISSING};
use crate::Lang;
use squeeze_model::YearMonth;

/// A chart's data as formatted text: a caption, column headers and one row per
/// month, every cell already formatted for the language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DataTable {
    /// What the table shows, with units.
    pub caption: String,
    /// Column headers; the first is the month.
    pub headers: Vec<String>,
    /// One row per month, each as long as `headers`.
    pub rows: Vec<Vec<String>>,
}

/// One column: a header and a way to format the value of a month (by index).
pub(crate) struct Column<'a> {
    pub header: String,
    pub cell: Box<dyn Fn(usize) -> Option<String> + 'a>,
}

impl<'a> Column<'a> {
    /// A column of `values[i]` formatted by `format`; missing values are blank.
    pub fn of(header: String, values: &'a [f64], format: impl Fn(f64) -> String + 'a) -> Self {
        Self {
            header,
            cell: Box::new(move |i| values.get(i).map(|v| format(*v))),
        }
    }
}

impl DataTable {
    /// A monthly table: the month, then one cell per column.
    pub(crate) fn monthly(caption: String, months: &[YearMonth], columns: Vec<Column<'_>>, lang: Lang) -> Self {
        let mut headers = Vec::with_capacity(columns.len() + 1);
        headers.push(lang.pick("Month", "Mese").to_owned());
        headers.extend(columns.iter().map(|c| c.header.clone()));
        let rows = months
            .iter()
            .enumerate()
            .map(|(i, month)| {
                std::iter::once(format_month(*month, lang))
                    .chain(
                        columns
                            .iter()
                            .map(|c| (c.cell)(i).unwrap_or_else(|| MISSING.to_owned())),
                    )
                    .collect()
            })
            .collect();
        Self { caption, headers, rows }
    }
}

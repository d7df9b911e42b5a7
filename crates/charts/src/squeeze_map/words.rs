//! The squeeze map in words and numbers: its text alternative (where the
//! squeeze comes soonest, column by column) and its data table.

use super::*;

/// The computed cells as (x index, y index, first squeeze month).
pub(super) fn computed_cells(map: &SqueezeMap) -> impl Iterator<Item = (usize, usize, Option<u32>)> + '_ {
    map.squeeze_month
        .iter()
        .take(map.y_values.len())
        .enumerate()
        .flat_map(move |(j, row)| {
            row.iter()
                .take(map.x_values.len())
                .enumerate()
                .map(move |(i, cell)| (i, j, *cell))
        })
}

/// "with miner leverage at 54%" / "con «Leva finanziaria dei miner» pari a 54%".
pub(super) fn lever_at(key: &str, value: f64, lang: Lang) -> String {
    let value = format_lever_value(key, value, lang);
    match lang {
        Lang::En => format!("with {} at {value}", in_sentence(lever_label(key, lang))),
        Lang::It => format!("con «{}» pari a {value}", lever_label(key, lang)),
    }
}

pub(super) fn months_phrase(months: u32, lang: Lang) -> String {
    match (lang, months) {
        (Lang::En, 1) => "1 month".to_owned(),
        (Lang::En, m) => format!("{m} months"),
        (Lang::It, 1) => "1 mese".to_owned(),
        (Lang::It, m) => format!("{m} mesi"),
    }
}

/// Mean months to the first squeeze ("none" = the horizon) of the computed
/// cells of column `i` (or of row `j`).
pub(super) fn mean_months(map: &SqueezeMap, pick: impl Fn(usize, usize) -> bool) -> Option<f64> {
    let horizon = map.horizon_months;
    let (sum, count) = computed_cells(map)
        .filter(|(i, j, _)| pick(*i, *j))
        .fold((0.0, 0u32), |(sum, count), (_, _, cell)| {
            (sum + f64::from(cell.unwrap_or(horizon)), count + 1)
        });
    (count > 0).then(|| sum / f64::from(count))
}

/// How one column of the map reads: nothing squeezed up to some y value, or the
/// first squeeze in so many months.
pub(super) fn column_clause(map: &SqueezeMap, column: usize, lang: Lang) -> Option<String> {
    let x_value = *map.x_values.get(column)?;
    let cells: Vec<(usize, Option<u32>)> = computed_cells(map)
        .filter(|(i, _, _)| *i == column)
        .map(|(_, j, cell)| (j, cell))
        .collect();
    if cells.is_empty() {
        return None;
    }
    let at = lever_at(map.x_lever, x_value, lang);
    let y_label = lever_label(map.y_lever, lang);
    let safe_run = cells.iter().take_while(|(_, cell)| cell.is_none()).count();
    let soonest = cells
        .iter()
        .filter_map(|(j, cell)| Some((cell.as_ref().copied()?, *j)))
        .min();
    let value = |j: usize| format_lever_value(map.y_lever, map.y_values.get(j).copied().unwrap_or(f64::NAN), lang);
    Some(match (soonest, safe_run) {
        (None, _) => match lang {
            Lang::En => format!("{at}, nothing is squeezed at any {}", in_sentence(y_label)),
            Lang::It => format!("{at} nessuno va in crisi, qualunque sia «{y_label}»"),
        },
        (Some((months, _)), 0) if cells.iter().all(|(_, cell)| *cell == Some(months)) => {
            let months = months_phrase(months, lang);
            match lang {
                Lang::En => format!(
                    "{at}, the first squeeze comes in {months} at every {}",
                    in_sentence(y_label)
                ),
                Lang::It => format!("{at} la prima crisi arriva in {months}, qualunque sia «{y_label}»"),
            }
        }
        (Some((months, j)), 0) => {
            let months = months_phrase(months, lang);
            match lang {
                Lang::En => format!(
                    "{at}, the first squeeze comes in as little as {months} (at {} {})",
                    in_sentence(y_label),
                    value(j)
                ),
                Lang::It => format!(
                    "{at} la prima crisi arriva anche in {months} (con «{y_label}» pari a {})",
                    value(j)
                ),
            }
        }
        (Some((months, _)), safe) => {
            let up_to = value(cells[safe - 1].0);
            let months = months_phrase(months, lang);
            match lang {
                Lang::En => format!(
                    "{at}, nothing is squeezed up to {} {up_to}, and beyond it the first squeeze comes in as little as {months}",
                    in_sentence(y_label)
                ),
                Lang::It => format!(
                    "{at} nessuno va in crisi fino a «{y_label}» pari a {up_to}, e oltre la prima crisi arriva anche in {months}"
                ),
            }
        }
    })
}

/// A text alternative to the squeeze map, derived from its cells: which way the
/// squeeze moves along each lever, how the lowest and highest x columns read,
/// the soonest squeeze on the map, and the cell of the current scenario.
///
/// ```
/// use squeeze_charts::{describe_map, Lang};
/// use squeeze_model::{squeeze_map, LeverId, Scenario};
/// let map = squeeze_map(&Scenario::default(), LeverId::AiDemandSlowdown, LeverId::MinerLeverage, 6, 6);
/// let text = describe_map(&map, Lang::En);
/// assert!(text.starts_with("Squeezes come sooner with more AI demand slowdown and more miner leverage"), "{text}");
/// ```
pub fn describe_map(map: &SqueezeMap, lang: Lang) -> String {
    let total = computed_cells(map).count();
    if total == 0 {
        return lang
            .pick("The map has no cells yet.", "La mappa non ha ancora celle.")
            .to_owned();
    }
    let (x_key, y_key) = (map.x_lever, map.y_lever);
    let (x_label, y_label) = (lever_label(x_key, lang), lever_label(y_key, lang));
    let horizon = map.horizon_months;
    let range = |key: &str, values: &[f64]| {
        let first = values.first().copied().unwrap_or(f64::NAN);
        let last = values.last().copied().unwrap_or(f64::NAN);
        format!(
            "{}–{}",
            format_lever_value(key, first, lang),
            format_lever_value(key, last, lang)
        )
    };
    let squeezed = computed_cells(map).filter(|(_, _, c)| c.is_some()).count();
    if squeezed == 0 {
        return match lang {
            Lang::En => format!(
                "No company is squeezed within {} anywhere on the map ({} {}, {} {}).",
                months_phrase(horizon, lang),
                in_sentence(x_label),
                range(x_key, &map.x_values),
                in_sentence(y_label),
                range(y_key, &map.y_values)
            ),
            Lang::It => format!(
                "Nessuna società va in crisi entro {} in tutta la mappa («{x_label}» {}, «{y_label}» {}).",
                months_phrase(horizon, lang),
                range(x_key, &map.x_values),
                range(y_key, &map.y_values)
            ),
        };
    }

    // Which way each lever moves the squeeze: compare the means of the first
    // and last column (row).
    let (columns, rows) = (map.x_values.len(), map.rows_done().min(map.y_values.len()));
    let direction = |first: Option<f64>, last: Option<f64>| match (first, last) {
        (Some(a), Some(b)) if b < a - 1e-9 => Some(true),
        (Some(a), Some(b)) if b > a + 1e-9 => Some(false),
        _ => None,
    };
    let along_x = direction(
        mean_months(map, |i, _| i == 0),
        mean_months(map, |i, _| i + 1 == columns),
    )
    .filter(|_| columns > 1);
    let along_y =
        direction(mean_months(map, |_, j| j == 0), mean_months(map, |_, j| j + 1 == rows)).filter(|_| rows > 1);
    let mut sentences = Vec::new();
    let phrase = |label: &str, sooner_with_more: bool| match lang {
        Lang::En => format!(
            "{} {}",
            if sooner_with_more { "more" } else { "less" },
            in_sentence(label)
        ),
        Lang::It => format!(
            "{} «{label}»",
            if sooner_with_more {
                "valori più alti di"
            } else {
                "valori più bassi di"
            }
        ),
    };
    let moving: Vec<String> = [(along_x, x_label), (along_y, y_label)]
        .into_iter()
        .filter_map(|(direction, label)| Some(phrase(label, direction?)))
        .collect();
    if !moving.is_empty() {
        let and = lang.pick(" and ", " e ");
        sentences.push(match lang {
            Lang::En => format!("Squeezes come sooner with {}", moving.join(and)),
            Lang::It => format!("Le crisi arrivano prima con {}", moving.join(and)),
        });
    }
    let mut clauses: Vec<String> = Vec::new();
    if let Some(clause) = column_clause(map, 0, lang) {
        clauses.push(clause);
    }
    if columns > 1 {
        if let Some(clause) = column_clause(map, columns - 1, lang) {
            clauses.push(clause);
        }
    }
    let mut text = match sentences.pop() {
        Some(first) if !clauses.is_empty() => format!("{first}: {}.", clauses.join("; ")),
        Some(first) => format!("{first}."),
        None => format!("{}.", capitalise(&clauses.join("; "))),
    };

    // The soonest squeeze anywhere.
    if let Some((months, i, j)) = computed_cells(map).filter_map(|(i, j, cell)| Some((cell?, i, j))).min() {
        let x = format_lever_value(x_key, map.x_values.get(i).copied().unwrap_or(f64::NAN), lang);
        let y = format_lever_value(y_key, map.y_values.get(j).copied().unwrap_or(f64::NAN), lang);
        text.push(' ');
        text.push_str(&match lang {
            Lang::En => format!(
                "The soonest squeeze: {} ({} {x}, {} {y}).",
                months_phrase(months, lang),
                in_sentence(x_label),
                in_sentence(y_label)
            ),
            Lang::It => format!(
                "La crisi più vicina: {} («{x_label}» {x}, «{y_label}» {y}).",
                months_phrase(months, lang)
            ),
        });
    }
    text.push(' ');
    text.push_str(&match lang {
        Lang::En => format!(
            "{squeezed} of {total} combinations squeeze someone within {}.",
            months_phrase(horizon, lang)
        ),
        Lang::It => format!(
            "In {squeezed} combinazioni su {total} qualcuno va in crisi entro {}.",
            months_phrase(horizon, lang)
        ),
    });
    text
}

pub(super) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The map as a table: one row per y value (computed rows only), one column per
/// x value, each cell the months to the first squeeze or `–` for none within the
/// horizon.
pub fn map_table(map: &SqueezeMap, lang: Lang) -> DataTable {
    let (x_label, y_label) = (lever_label(map.x_lever, lang), lever_label(map.y_lever, lang));
    let caption = match lang {
        Lang::En => format!(
            "Months to the first squeeze by {} (rows) and {} (columns); {MISSING} means none within {}",
            in_sentence(y_label),
            in_sentence(x_label),
            months_phrase(map.horizon_months, lang)
        ),
        Lang::It => format!(
            "Mesi alla prima crisi di liquidità per «{y_label}» (righe) e «{x_label}» (colonne); {MISSING} vuol dire nessuna entro {}",
            months_phrase(map.horizon_months, lang)
        ),
    };
    let mut headers = vec![format!("{y_label} \\ {x_label}")];
    headers.extend(map.x_values.iter().map(|x| format_lever_value(map.x_lever, *x, lang)));
    let rows = map
        .y_values
        .iter()
        .zip(&map.squeeze_month)
        .map(|(y, row)| {
            let mut cells = vec![format_lever_value(map.y_lever, *y, lang)];
            cells.extend((0..map.x_values.len()).map(|i| match row.get(i) {
                Some(Some(months)) => months.to_string(),
                _ => MISSING.to_owned(),
            }));
            cells
        })
        .collect();
    DataTable { caption, headers, rows }
}

//! Cash runway: each operator archetype's cash at the end of every month, in
//! US$ millions, with a zero line and a ring at the month each is squeezed.

use crate::locale::{format_month, format_number, format_usd_compact, in_month, month_span, Lang};
use crate::style::palette_colour;
use crate::table::{Column, DataTable};
use crate::timeline::{
    draw_events, draw_mesh, extremes, ghost_lines, label_at, line_style, lines, outcome_frame, time_chart, value_range,
    LegendEntry, Swatch,
};
use crate::{miner_name, ChartView};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use squeeze_model::Outcome;

const MILLION: f64 = 1e6;

/// Squeeze markers closer than this many months share a label column, so their
/// labels are stacked instead of overlapping.
const LABEL_CLEARANCE_MONTHS: i32 = 8;

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &ChartView<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (outcome, lang, style) = (view.outcome, view.lang, &view.style);
    let mut legend: Vec<LegendEntry> = outcome
        .miners
        .iter()
        .enumerate()
        .map(|(i, miner)| LegendEntry::new(miner_name(miner, lang), palette_colour(i), Swatch::Line))
        .collect();
    if outcome.miners.iter().any(|m| m.squeeze_month.is_some()) {
        let label = lang.pick("Squeeze", "Crisi di liquidità");
        legend.push(LegendEntry::new(label, style.foreground, Swatch::Ring));
    }
    let Some((plot, timeline)) = outcome_frame(area, view, legend)? else {
        return Ok(());
    };

    let baseline_miners = view.baseline.map_or(&[][..], |b| &b.miners[..]);
    let all_cash = outcome
        .miners
        .iter()
        .chain(baseline_miners)
        .flat_map(|miner| &miner.cash_usd)
        .map(|cash| cash / MILLION);
    let y_desc = lang.pick("Cash (US$ millions)", "Cassa (mln $)");
    let y_range = value_range(all_cash, true);
    let mut chart = time_chart(&plot, &timeline, y_range.clone(), false, style)?;
    draw_mesh(&mut chart, &timeline, y_desc, view)?;

    // Zero line: below it, an operator cannot pay its way.
    chart.draw_series([PathElement::new(
        [(0, 0.0), (timeline.last(), 0.0)],
        style.foreground.stroke_width(style.px(1.0)),
    )])?;
    draw_events(&mut chart, &timeline, view)?;

    // Rings at each squeeze, labelled with the month; labels of nearby squeezes
    // are stacked upwards. Labels go under the lines so they never hide data,
    // rings over them.
    let mut squeezes: Vec<(i32, usize)> = outcome
        .miners
        .iter()
        .enumerate()
        .filter_map(|(i, miner)| Some((timeline.index_of_offset(miner.squeeze_month?)?, i)))
        .collect();
    squeezes.sort_unstable();
    let mut stacked: Vec<i32> = Vec::with_capacity(squeezes.len());
    let mut rings = Vec::with_capacity(squeezes.len());
    for (x, i) in squeezes {
        let miner = &outcome.miners[i];
        let cash = usize::try_from(x)
            .ok()
            .and_then(|m| miner.cash_usd.get(m))
            .copied()
            .filter(|c| c.is_finite())
            .unwrap_or(0.0)
            / MILLION;
        let cash = cash.clamp(y_range.start, y_range.end);
        let colour = palette_colour(i);
        let row = stacked
            .iter()
            .filter(|&&other| x - other < LABEL_CLEARANCE_MONTHS)
            .count();
        stacked.push(x);
        let label = timeline.month_at(x).map(|m| format_month(m, lang)).unwrap_or_default();
        let offset = (style.offset(6.0), -style.offset(6.0 + 14.0 * row as f64));
        let anchor = (HPos::Left, VPos::Bottom);
        label_at(&mut chart, (x, cash), &label, offset, anchor, style.font(11.0), style)?;
        rings.push(Circle::new(
            (x, cash),
            style.px(6.0),
            colour.stroke_width(style.px(2.5)),
        ));
    }

    if let Some(baseline) = view.baseline {
        for (i, miner) in outcome.miners.iter().enumerate() {
            // Match the baseline's operator by archetype, not by position.
            if let Some(ghost) = baseline.miners.iter().find(|b| b.id == miner.id) {
                let runs = timeline.runs(&baseline.series.months, &ghost.cash_usd, 1.0 / MILLION);
                chart.draw_series(ghost_lines(runs, &y_range, palette_colour(i), style))?;
            }
        }
    }
    for (i, miner) in outcome.miners.iter().enumerate() {
        let runs = timeline.runs(&outcome.series.months, &miner.cash_usd, 1.0 / MILLION);
        chart.draw_series(lines(runs, &y_range, line_style(palette_colour(i), style)))?;
    }

    chart.draw_series(rings)?;
    Ok(())
}

pub(crate) fn table(outcome: &Outcome, lang: Lang) -> DataTable {
    let caption = lang.pick(
        "Cash of each company at the end of each month, US$ millions",
        "Cassa di ciascuna società a fine mese, milioni di dollari",
    );
    let columns = outcome
        .miners
        .iter()
        .map(|miner| {
            Column::of(miner_name(miner, lang).to_owned(), &miner.cash_usd, move |cash| {
                format_number(cash / MILLION, 1, lang)
            })
        })
        .collect();
    DataTable::monthly(caption.to_owned(), &outcome.series.months, columns, lang)
}

pub(crate) fn describe(outcome: &Outcome, lang: Lang) -> String {
    let months = &outcome.series.months;
    let (Some(&start), Some(&end)) = (months.first(), months.last()) else {
        return String::new();
    };
    let count = outcome.miners.len();
    let span = month_span(start, end, lang);
    let mut text = match (lang, count) {
        (Lang::En, 1) => format!("Cash of the company {span}."),
        (Lang::En, n) => format!("Cash of the {n} companies {span}."),
        (Lang::It, 1) => format!("Cassa della società {span}."),
        (Lang::It, n) => format!("Cassa delle {n} società {span}."),
    };

    let mut squeezed: Vec<(u32, &str, String)> = outcome
        .miners
        .iter()
        .filter_map(|miner| {
            let month = miner.squeeze_month?;
            let date = start.plus_months(month);
            Some((month, miner_name(miner, lang), in_month(date, lang)))
        })
        .collect();
    squeezed.sort_by_key(|(month, _, _)| *month);
    if squeezed.is_empty() {
        text.push(' ');
        text.push_str(lang.pick(
            "No company runs short of cash.",
            "Nessuna società resta senza liquidità.",
        ));
    } else {
        let list: Vec<String> = squeezed
            .iter()
            .map(|(_, name, when)| format!("{name} {when}"))
            .collect();
        let solvent = count - squeezed.len();
        text.push(' ');
        text.push_str(&match lang {
            Lang::En => format!("Squeezed: {}", list.join(", ")),
            Lang::It => format!("In crisi di liquidità: {}", list.join(", ")),
        });
        text.push_str(&match (lang, solvent) {
            (_, 0) => ".".to_owned(),
            (Lang::En, 1) => "; the other company stays solvent.".to_owned(),
            (Lang::En, n) => format!("; the other {n} stay solvent."),
            (Lang::It, 1) => "; l'altra società resta solvibile.".to_owned(),
            (Lang::It, n) => format!("; le altre {n} restano solvibili."),
        });
    }

    // The lowest point any operator's cash reaches.
    let lowest = outcome
        .miners
        .iter()
        .filter_map(|miner| Some((extremes(months, &miner.cash_usd)?.low, miner)))
        .min_by(|a, b| a.0 .1.total_cmp(&b.0 .1));
    if let Some(((month, cash), miner)) = lowest {
        text.push(' ');
        text.push_str(&match lang {
            Lang::En => format!(
                "Lowest cash: {}, {} {}.",
                miner_name(miner, lang),
                format_usd_compact(cash, lang),
                in_month(month, lang)
            ),
            Lang::It => format!(
                "Cassa più bassa: {}, {} {}.",
                miner_name(miner, lang),
                format_usd_compact(cash, lang),
                in_month(month, lang)
            ),
        });
    }
    text
}

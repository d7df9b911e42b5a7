//! Revenue mix: the monthly revenue of all operators as two stacked bands, mining
//! below and AI above, in US$ millions; the top edge is total revenue. Bands are
//! plain polygons, so no extra plotters feature is needed.

use crate::locale::{format_number, format_percent, format_usd_compact, in_month, Lang};
use crate::style::series_colour::{AI, BITCOIN};
use crate::table::{Column, DataTable};
use crate::timeline::{
    clip, draw_events, draw_mesh, extremes, ghost_lines, lines, outcome_frame, time_chart, value_range, LegendEntry,
    Point, Swatch, Timeline,
};
use crate::ChartView;
use plotters::coord::Shift;
use plotters::prelude::*;
use squeeze_model::{Outcome, Series, YearMonth};
use std::ops::Range;

const MILLION: f64 = 1e6;
/// Opacity of the bands, so the grid shows through a little.
const BAND_OPACITY: f64 = 0.75;

/// Mining and total revenue per month, US$ millions; a missing or non-finite
/// figure counts as nothing so that the stack stays whole.
fn stack(series: &Series) -> (Vec<f64>, Vec<f64>) {
    let finite = |v: Option<&f64>| v.copied().filter(|v| v.is_finite()).unwrap_or(0.0);
    (0..series.months.len())
        .map(|i| {
            let mining = finite(series.mining_revenue_usd.get(i)) / MILLION;
            let ai = finite(series.ai_revenue_usd.get(i)) / MILLION;
            (mining, mining + ai)
        })
        .unzip()
}

/// The polygon between a lower and an upper edge.
fn band(
    timeline: &Timeline<'_>,
    months: &[YearMonth],
    (lower, upper): (&[f64], &[f64]),
    range: &Range<f64>,
) -> Vec<Point> {
    let upper_runs = clip(timeline.runs(months, upper, 1.0), range);
    let lower_runs = clip(timeline.runs(months, lower, 1.0), range);
    let mut points: Vec<Point> = upper_runs.into_iter().flatten().collect();
    points.extend(lower_runs.into_iter().flatten().rev());
    points
}

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &ChartView<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (outcome, lang, style) = (view.outcome, view.lang, &view.style);
    let legend = vec![
        LegendEntry::new(lang.pick("Mining", "Mining"), BITCOIN, Swatch::Area),
        LegendEntry::new(lang.pick("AI", "IA"), AI, Swatch::Area),
    ];
    let Some((plot, timeline)) = outcome_frame(area, view, legend)? else {
        return Ok(());
    };

    let months = &outcome.series.months;
    let (mining, total) = stack(&outcome.series);
    let baseline = view.baseline.map(|b| (&b.series.months, stack(&b.series)));
    let tops = total
        .iter()
        .chain(baseline.iter().flat_map(|(_, (_, total))| total))
        .copied();
    let y_range = value_range(tops, true);
    let mut chart = time_chart(&plot, &timeline, y_range.clone(), false, style)?;
    draw_mesh(
        &mut chart,
        &timeline,
        lang.pick("Revenue (US$ millions per month)", "Ricavi (mln $ al mese)"),
        view,
    )?;

    let zeros = vec![0.0; mining.len()];
    chart.draw_series([
        Polygon::new(
            band(&timeline, months, (&zeros, &mining), &y_range),
            BITCOIN.mix(BAND_OPACITY).filled(),
        ),
        Polygon::new(
            band(&timeline, months, (&mining, &total), &y_range),
            AI.mix(BAND_OPACITY).filled(),
        ),
    ])?;
    draw_events(&mut chart, &timeline, view)?;
    if let Some((months, (mining, total))) = &baseline {
        chart.draw_series(ghost_lines(
            timeline.runs(months, mining, 1.0),
            &y_range,
            BITCOIN,
            style,
        ))?;
        chart.draw_series(ghost_lines(timeline.runs(months, total, 1.0), &y_range, AI, style))?;
    }
    // Crisp edges on top of the bands.
    let edge = |colour: RGBColor| colour.stroke_width(style.px(1.5));
    chart.draw_series(lines(timeline.runs(months, &mining, 1.0), &y_range, edge(BITCOIN)))?;
    chart.draw_series(lines(timeline.runs(months, &total, 1.0), &y_range, edge(AI)))?;
    Ok(())
}

pub(crate) fn table(outcome: &Outcome, lang: Lang) -> DataTable {
    let series = &outcome.series;
    let (_, total) = stack(series);
    let caption = lang.pick(
        "Monthly revenue of all companies, US$ millions",
        "Ricavi mensili di tutte le società, milioni di dollari",
    );
    let millions = move |usd: f64| format_number(usd / MILLION, 1, lang);
    let columns = vec![
        Column::of(
            lang.pick("Mining (US$ M)", "Mining (mln $)").to_owned(),
            &series.mining_revenue_usd,
            millions,
        ),
        Column::of(
            lang.pick("AI (US$ M)", "IA (mln $)").to_owned(),
            &series.ai_revenue_usd,
            millions,
        ),
        Column {
            header: lang.pick("Total (US$ M)", "Totale (mln $)").to_owned(),
            cell: Box::new(move |i| total.get(i).map(|m| format_number(*m, 1, lang))),
        },
    ];
    DataTable::monthly(caption.to_owned(), &series.months, columns, lang)
}

pub(crate) fn describe(outcome: &Outcome, lang: Lang) -> String {
    let series = &outcome.series;
    let usd = |v| format_usd_compact(v, lang);
    let (Some(ai), Some(mining)) = (
        extremes(&series.months, &series.ai_revenue_usd),
        extremes(&series.months, &series.mining_revenue_usd),
    ) else {
        return String::new();
    };
    let (ai_word, and_mining) = (lang.pick("AI", "IA"), lang.pick("and mining", "e mining"));
    let mut text = format!(
        "{}: {ai_word} {} {and_mining} {} {}; {ai_word} {} {and_mining} {} {}.",
        lang.pick("Monthly revenue of all companies", "Ricavi mensili di tutte le società"),
        usd(ai.first.1),
        usd(mining.first.1),
        in_month(ai.first.0, lang),
        usd(ai.last.1),
        usd(mining.last.1),
        in_month(ai.last.0, lang),
    );
    let finite_sum = |values: &[f64]| values.iter().filter(|v| v.is_finite()).sum::<f64>();
    let (ai_total, mining_total) = (
        finite_sum(&series.ai_revenue_usd),
        finite_sum(&series.mining_revenue_usd),
    );
    let all = ai_total + mining_total;
    if all > 0.0 {
        let share = format_percent(ai_total / all, 0, lang);
        text.push(' ');
        text.push_str(&match lang {
            Lang::En => format!("Over the whole period AI brings {share} of revenue."),
            Lang::It => format!("Quota dell'IA sui ricavi dell'intero periodo: {share}."),
        });
    }
    text
}

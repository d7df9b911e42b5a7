//! AI capacity: how much of the AI-ready capacity is used (left axis, 0–100 %) and
//! what a megawatt earns (right axis, US$ millions per MW per year) uncontracted on
//! the spot market and on a long lease. When demand slows, utilisation and the
//! spot rate fall together while the lease rate holds: the gap is what contracts
//! protect.

use crate::locale::{format_number, format_percent, format_usd_compact, in_month, Lang};
use crate::style::series_colour::{AI, LEASE_RATE, SPOT_RATE};
use crate::table::{Column, DataTable};
use crate::timeline::{
    draw_events, draw_mesh, draw_secondary_axis, extremes, ghost_lines, line_style, lines, outcome_frame, time_chart,
    value_range, LegendEntry, Swatch,
};
use crate::ChartView;
use plotters::coord::Shift;
use plotters::prelude::*;
use squeeze_model::{Outcome, Series};

const MILLION: f64 = 1e6;
const PERCENT: f64 = 100.0;
/// The utilisation axis: 0–100 % with a little headroom so a full line stays
/// visible below the frame.
const UTILISATION_AXIS_PERCENT: std::ops::Range<f64> = 0.0..102.0;

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &ChartView<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (outcome, lang, style) = (view.outcome, view.lang, &view.style);
    let legend = vec![
        LegendEntry::new(lang.pick("Utilisation (left)", "Utilizzo (sinistra)"), AI, Swatch::Line),
        LegendEntry::new(
            lang.pick("Spot rate (right)", "Prezzo spot (destra)"),
            SPOT_RATE,
            Swatch::Line,
        ),
        LegendEntry::new(
            lang.pick("Lease rate (right)", "Canone di locazione (destra)"),
            LEASE_RATE,
            Swatch::Line,
        ),
    ];
    let Some((plot, timeline)) = outcome_frame(area, view, legend)? else {
        return Ok(());
    };

    let all_rates = std::iter::once(outcome)
        .chain(view.baseline)
        .flat_map(|o| rates(&o.series))
        .flat_map(|(values, _)| values)
        .map(|usd| usd / MILLION);
    let (left, right) = (UTILISATION_AXIS_PERCENT, value_range(all_rates, true));
    let chart = time_chart(&plot, &timeline, left.clone(), true, style)?;
    let mut chart = chart.set_secondary_coord(timeline.x_range(), right.clone());
    draw_mesh(
        &mut chart,
        &timeline,
        lang.pick("AI utilisation (%)", "Utilizzo della capacità IA (%)"),
        view,
    )?;
    draw_secondary_axis(
        &mut chart,
        lang.pick(
            "Spot and lease rate (US$ millions per MW per year)",
            "Prezzo spot e canone (mln $ per MW all'anno)",
        ),
        view,
    )?;
    draw_events(&mut chart, &timeline, view)?;

    // Utilisation is a share; anything outside 0–1 is bad data, kept on the axis.
    let utilisation = |values: &[f64]| -> Vec<f64> { values.iter().map(|share| share.clamp(0.0, 1.0)).collect() };
    if let Some(baseline) = view.baseline {
        let series = &baseline.series;
        let shares = utilisation(&series.ai_utilisation);
        let runs = timeline.runs(&series.months, &shares, PERCENT);
        chart.draw_series(ghost_lines(runs, &left, AI, style))?;
        for (rate, colour) in rates(series) {
            let runs = timeline.runs(&series.months, rate, 1.0 / MILLION);
            chart.draw_secondary_series(ghost_lines(runs, &right, colour, style))?;
        }
    }
    let series = &outcome.series;
    for (rate, colour) in rates(series) {
        let runs = timeline.runs(&series.months, rate, 1.0 / MILLION);
        chart.draw_secondary_series(lines(runs, &right, line_style(colour, style)))?;
    }
    let shares = utilisation(&series.ai_utilisation);
    let runs = timeline.runs(&series.months, &shares, PERCENT);
    chart.draw_series(lines(runs, &left, line_style(AI, style)))?;
    Ok(())
}

/// The rates on the right axis with their colours: the lease first, so the spot
/// rate that crosses it is drawn on top.
fn rates(series: &Series) -> [(&[f64], RGBColor); 2] {
    [
        (&series.lease_rate_usd_per_mw_year, LEASE_RATE),
        (&series.spot_rate_usd_per_mw_year, SPOT_RATE),
    ]
}

pub(crate) fn table(outcome: &Outcome, lang: Lang) -> DataTable {
    let series = &outcome.series;
    let caption = lang.pick(
        "Utilisation of AI-ready capacity (%), spot and lease rates (US$ millions per MW per year), monthly",
        "Utilizzo della capacità pronta per l'IA (%), prezzo spot e canone (mln $ per MW all'anno), mese per mese",
    );
    let columns = vec![
        Column::of(
            lang.pick("AI utilisation (%)", "Utilizzo IA (%)").to_owned(),
            &series.ai_utilisation,
            move |share| format_number(share * PERCENT, 1, lang),
        ),
        Column::of(
            lang.pick("Spot rate (US$M/MW/year)", "Prezzo spot (mln $/MW/anno)")
                .to_owned(),
            &series.spot_rate_usd_per_mw_year,
            move |usd| format_number(usd / MILLION, 2, lang),
        ),
        Column::of(
            lang.pick("Lease rate (US$M/MW/year)", "Canone (mln $/MW/anno)")
                .to_owned(),
            &series.lease_rate_usd_per_mw_year,
            move |usd| format_number(usd / MILLION, 2, lang),
        ),
    ];
    DataTable::monthly(caption.to_owned(), &series.months, columns, lang)
}

pub(crate) fn describe(outcome: &Outcome, lang: Lang) -> String {
    let series = &outcome.series;
    let mut sentences = Vec::new();
    if let Some(used) = extremes(&series.months, &series.ai_utilisation) {
        let pct = |share| format_percent(share, 0, lang);
        let (first, last) = (pct(used.first.1), pct(used.last.1));
        let (from, to) = (in_month(used.first.0, lang), in_month(used.last.0, lang));
        let low = used.low_clause(lang, pct);
        sentences.push(match lang {
            Lang::En => {
                format!("Utilisation of AI-ready capacity from {first} {from} to {last} {to}{low}.")
            }
            // A colon list: Italian percentages take articles (dall'89%, al 4%).
            Lang::It => {
                format!("Utilizzo della capacità pronta per l'IA: {first} {from}, {last} {to}{low}.")
            }
        });
    }
    if let Some(rate) = extremes(&series.months, &series.spot_rate_usd_per_mw_year) {
        let usd = |v| format_usd_compact(v, lang);
        sentences.push(format!(
            "{} {} {} {} {}{}.",
            lang.pick(
                "The spot rate for a megawatt goes from",
                "Il prezzo spot di un megawatt passa da"
            ),
            usd(rate.first.1),
            lang.pick("to", "a"),
            usd(rate.last.1),
            lang.pick("a year", "all'anno"),
            rate.low_clause(lang, usd),
        ));
    }
    if let Some(lease) = extremes(&series.months, &series.lease_rate_usd_per_mw_year) {
        let usd = |v| format_usd_compact(v, lang);
        sentences.push(format!(
            "{} {} {} {} {}.",
            lang.pick(
                "The lease rate on a long contract goes from",
                "Il canone di un contratto lungo passa da"
            ),
            usd(lease.first.1),
            lang.pick("to", "a"),
            usd(lease.last.1),
            lang.pick("a year", "all'anno"),
        ));
    }
    sentences.join(" ")
}

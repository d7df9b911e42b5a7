//! Bitcoin price (left axis, US$ thousands) and hashprice (right axis, US$ per
//! PH/s per day): what mining earns, and why the halving matters to it. Both axes
//! start at zero, so a halving of either looks like one.

use crate::locale::{format_month, format_number, format_usd, format_usd_decimals, in_month, Lang};
use crate::style::series_colour::{BITCOIN, HASHPRICE};
use crate::table::{Column, DataTable};
use crate::timeline::{
    draw_events, draw_mesh, draw_secondary_axis, extremes, ghost_lines, line_style, lines, outcome_frame, time_chart,
    value_range, LegendEntry, Swatch, Timeline,
};
use crate::ChartView;
use plotters::coord::Shift;
use plotters::prelude::*;
use squeeze_model::Outcome;

const THOUSAND: f64 = 1e3;

pub(crate) fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &ChartView<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (outcome, lang, style) = (view.outcome, view.lang, &view.style);
    let legend = vec![
        LegendEntry::new(
            lang.pick("Bitcoin price (left)", "Prezzo del bitcoin (sinistra)"),
            BITCOIN,
            Swatch::Line,
        ),
        LegendEntry::new(
            lang.pick("Hashprice (right)", "Hashprice (destra)"),
            HASHPRICE,
            Swatch::Line,
        ),
    ];
    let Some((plot, timeline)) = outcome_frame(area, view, legend)? else {
        return Ok(());
    };

    let both = || std::iter::once(outcome).chain(view.baseline);
    let prices = both().flat_map(|o| &o.series.btc_price_usd).map(|p| p / THOUSAND);
    let hashprices = both().flat_map(|o| o.series.hashprice_usd_per_ph_day.iter().copied());
    let (left, right) = (value_range(prices, true), value_range(hashprices, true));
    let chart = time_chart(&plot, &timeline, left.clone(), true, style)?;
    let mut chart = chart.set_secondary_coord(timeline.x_range(), right.clone());
    draw_mesh(
        &mut chart,
        &timeline,
        lang.pick("Bitcoin price (US$ thousands)", "Prezzo del bitcoin (migliaia di $)"),
        view,
    )?;
    draw_secondary_axis(
        &mut chart,
        lang.pick("Hashprice (US$ per PH/s per day)", "Hashprice ($ per PH/s al giorno)"),
        view,
    )?;
    draw_events(&mut chart, &timeline, view)?;

    if let Some(baseline) = view.baseline {
        let series = &baseline.series;
        let runs = timeline.runs(&series.months, &series.btc_price_usd, 1.0 / THOUSAND);
        chart.draw_series(ghost_lines(runs, &left, BITCOIN, style))?;
        let runs = timeline.runs(&series.months, &series.hashprice_usd_per_ph_day, 1.0);
        chart.draw_secondary_series(ghost_lines(runs, &right, HASHPRICE, style))?;
    }
    let series = &outcome.series;
    let runs = timeline.runs(&series.months, &series.hashprice_usd_per_ph_day, 1.0);
    chart.draw_secondary_series(lines(runs, &right, line_style(HASHPRICE, style)))?;
    let runs = timeline.runs(&series.months, &series.btc_price_usd, 1.0 / THOUSAND);
    chart.draw_series(lines(runs, &left, line_style(BITCOIN, style)))?;
    Ok(())
}

pub(crate) fn table(outcome: &Outcome, lang: Lang) -> DataTable {
    let series = &outcome.series;
    let caption = lang.pick(
        "Bitcoin price (US$) and hashprice (US$ per PH/s per day), monthly",
        "Prezzo del bitcoin ($) e hashprice ($ per PH/s al giorno), mese per mese",
    );
    let columns = vec![
        Column::of(
            lang.pick("Bitcoin price (US$)", "Prezzo del bitcoin ($)").to_owned(),
            &series.btc_price_usd,
            move |usd| format_number(usd, 0, lang),
        ),
        Column::of(
            lang.pick("Hashprice (US$/PH/s/day)", "Hashprice ($/PH/s/giorno)")
                .to_owned(),
            &series.hashprice_usd_per_ph_day,
            move |usd| format_number(usd, 2, lang),
        ),
    ];
    DataTable::monthly(caption.to_owned(), &series.months, columns, lang)
}

pub(crate) fn describe(outcome: &Outcome, lang: Lang) -> String {
    let series = &outcome.series;
    let mut sentences = Vec::new();
    if let Some(price) = extremes(&series.months, &series.btc_price_usd) {
        let usd = |v| format_usd(v, lang);
        sentences.push(format!(
            "{} {} {} {} {} {}{}.",
            lang.pick("Bitcoin price from", "Prezzo del bitcoin da"),
            usd(price.first.1),
            in_month(price.first.0, lang),
            lang.pick("to", "a"),
            usd(price.last.1),
            in_month(price.last.0, lang),
            price.low_clause(lang, usd),
        ));
    }
    if let Some(hashprice) = extremes(&series.months, &series.hashprice_usd_per_ph_day) {
        let usd = |v| format_usd_decimals(v, 2, lang);
        sentences.push(format!(
            "{} {} {} {} {}{}.",
            lang.pick("Hashprice from", "Hashprice da"),
            usd(hashprice.first.1),
            lang.pick("to", "a"),
            usd(hashprice.last.1),
            lang.pick("per PH/s per day", "per PH/s al giorno"),
            hashprice.low_clause(lang, usd),
        ));
    }
    let halving = Timeline::new(&series.months).and_then(|t| t.halving(outcome));
    if let Some((_, halving)) = halving {
        sentences.push(match lang {
            Lang::En => format!(
                "The halving {} cuts the bitcoin mined per block in half.",
                in_month(halving, lang)
            ),
            Lang::It => format!(
                "Con l'halving di {} i bitcoin estratti per blocco si dimezzano.",
                format_month(halving, lang)
            ),
        });
    }
    sentences.join(" ")
}

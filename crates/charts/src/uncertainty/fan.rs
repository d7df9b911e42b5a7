//! Fans: the percentile bands of one series (the bitcoin price, all companies'
//! cash, one company's cash) over the simulated paths, with their words and table.

use super::*;

/// Which series a fan chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FanSeries {
    /// The bitcoin price, US$ (after forced-sale feedback).
    BtcPrice,
    /// Cash of all operators together, US$.
    IndustryCash,
    /// Cash of one operator, by its index in [`MonteCarloResult::miners`].
    OperatorCash(usize),
}

impl FanSeries {
    /// The fan's title; an operator's fan is named after the operator.
    ///
    /// ```
    /// use squeeze_charts::{FanSeries, Lang};
    /// let mc = squeeze_model::monte_carlo(&Default::default(), 1, 0);
    /// assert_eq!(FanSeries::OperatorCash(3).title(&mc, Lang::It), "Cassa di IREN: ventaglio delle simulazioni");
    /// ```
    pub fn title(self, mc: &MonteCarloResult, lang: Lang) -> String {
        match self {
            FanSeries::BtcPrice => UncertaintyChart::BtcPriceFan.title(lang).to_owned(),
            FanSeries::IndustryCash => UncertaintyChart::IndustryCashFan.title(lang).to_owned(),
            FanSeries::OperatorCash(k) => {
                let name = mc.miners.get(k).map_or(MISSING, |miner| risk_name(miner, lang));
                match lang {
                    Lang::En => format!("Cash of {name}: range of simulated paths"),
                    Lang::It => format!("Cassa di {name}: ventaglio delle simulazioni"),
                }
            }
        }
    }

    /// The band of this series, if the result has it.
    fn band(self, mc: &MonteCarloResult) -> Option<&Band> {
        match self {
            FanSeries::BtcPrice => Some(&mc.btc_price_usd),
            FanSeries::IndustryCash => Some(&mc.industry_cash_usd),
            FanSeries::OperatorCash(k) => mc.miners.get(k).map(|miner| &miner.cash_usd),
        }
    }

    fn colour(self, style: &ChartStyle) -> RGBColor {
        match self {
            FanSeries::BtcPrice => BITCOIN,
            FanSeries::IndustryCash => style.foreground,
            FanSeries::OperatorCash(k) => palette_colour(k),
        }
    }

    fn is_cash(self) -> bool {
        !matches!(self, FanSeries::BtcPrice)
    }

    /// The same series in a deterministic outcome, month by month.
    fn deterministic(self, mc: &MonteCarloResult, outcome: &Outcome) -> Option<Vec<f64>> {
        match self {
            FanSeries::BtcPrice => Some(outcome.series.btc_price_usd.clone()),
            FanSeries::IndustryCash => {
                let mut total = vec![0.0; outcome.series.months.len()];
                for miner in &outcome.miners {
                    for (sum, cash) in total.iter_mut().zip(&miner.cash_usd) {
                        *sum += cash;
                    }
                }
                Some(total)
            }
            FanSeries::OperatorCash(k) => {
                let id = mc.miners.get(k)?.id;
                let miner = outcome.miners.iter().find(|m| m.id == id)?;
                Some(miner.cash_usd.clone())
            }
        }
    }
}

/// How a fan's values are scaled for the axis and the table.
pub(super) struct MoneyUnit {
    divisor: f64,
    decimals: usize,
    axis_en: &'static str,
    axis_it: &'static str,
}

impl MoneyUnit {
    /// Thousands for the bitcoin price; millions for cash, or billions when the
    /// band reaches them.
    fn of(which: FanSeries, band: &Band) -> Self {
        if !which.is_cash() {
            return MoneyUnit {
                divisor: 1e3,
                decimals: 1,
                axis_en: "Bitcoin price (US$ thousands)",
                axis_it: "Prezzo del bitcoin (migliaia di $)",
            };
        }
        let largest = [&band.p5, &band.p95]
            .into_iter()
            .flatten()
            .filter(|v| v.is_finite())
            .fold(0.0_f64, |max, v| max.max(v.abs()));
        if largest >= 2e9 {
            MoneyUnit {
                divisor: 1e9,
                decimals: 2,
                axis_en: "Cash (US$ billions)",
                axis_it: "Cassa (mld $)",
            }
        } else {
            MoneyUnit {
                divisor: 1e6,
                decimals: 0,
                axis_en: "Cash (US$ millions)",
                axis_it: "Cassa (mln $)",
            }
        }
    }

    fn axis(&self, lang: Lang) -> &'static str {
        lang.pick(self.axis_en, self.axis_it)
    }
}

/// A fan: the 5–95 % and 25–75 % bands of one series over the simulated paths
/// as faded areas, the median as a line, the halving, and, if `deterministic` is
/// given, that outcome's path of the same series as a dashed line (for the
/// bitcoin price, the median path the random walk is built around). Money on
/// the axis in US$ thousands (bitcoin) or millions or billions (cash), with the
/// unit in the axis title. A result of zero paths, or an operator index out of
/// range, draws the frame and a note.
///
/// ```
/// use plotters::prelude::*;
/// use squeeze_charts::{draw_fan, ChartStyle, FanSeries, Lang};
/// # #[cfg(feature = "svg")] {
/// let scenario = squeeze_model::Scenario::default();
/// let mc = squeeze_model::monte_carlo(&scenario, 1, 50);
/// let outcome = squeeze_model::run(&scenario);
/// let mut svg = String::new();
/// {
///     let area = SVGBackend::with_string(&mut svg, (640, 400)).into_drawing_area();
///     let style = ChartStyle::light(1.0);
///     draw_fan(&area, &mc, FanSeries::BtcPrice, Some(&outcome), Lang::It, &style).expect("drawn");
/// }
/// assert!(svg.contains("Mediana"));
/// # }
/// ```
pub fn draw_fan<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    mc: &MonteCarloResult,
    which: FanSeries,
    deterministic: Option<&Outcome>,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    framed(area, style, |area| {
        draw_fan_plot(area, mc, which, deterministic, lang, style)
    })
}

/// The colour of `colour` at `alpha` over `background`, as an opaque colour.
pub(super) fn blend(colour: RGBColor, background: RGBColor, alpha: f64) -> RGBColor {
    let mix = |c: u8, b: u8| {
        (f64::from(c) * alpha + f64::from(b) * (1.0 - alpha))
            .round()
            .clamp(0.0, 255.0) as u8
    };
    RGBColor(
        mix(colour.0, background.0),
        mix(colour.1, background.1),
        mix(colour.2, background.2),
    )
}

pub(crate) fn draw_fan_plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    mc: &MonteCarloResult,
    which: FanSeries,
    deterministic: Option<&Outcome>,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let colour = which.colour(style);
    let outer = blend(colour, style.background, OUTER_BAND_ALPHA);
    let inner = blend(colour, outer, INNER_BAND_ALPHA);
    let overlay = deterministic.and_then(|outcome| Some((&outcome.series.months, which.deterministic(mc, outcome)?)));
    let mut legend = vec![
        LegendEntry::new(lang.pick("Median", "Mediana"), colour, Swatch::Line),
        LegendEntry::new(
            lang.pick(
                "Middle half of paths (25–75%)",
                "Metà centrale delle simulazioni (25–75%)",
            ),
            inner,
            Swatch::Fill,
        ),
        LegendEntry::new(
            lang.pick("9 paths in 10 (5–95%)", "9 simulazioni su 10 (5–95%)"),
            outer,
            Swatch::Fill,
        ),
    ];
    if overlay.is_some() {
        legend.push(LegendEntry::new(
            lang.pick("Deterministic path", "Percorso deterministico"),
            style.foreground,
            Swatch::Ghost,
        ));
    }
    let plot = legend_strip(area, &legend, style)?;
    let Some(timeline) = Timeline::new(&mc.months) else {
        return Ok(());
    };
    let empty = Band::default();
    let band = which.band(mc).filter(|_| mc.paths > 0);
    let unit = MoneyUnit::of(which, band.unwrap_or(&empty));
    let scale = 1.0 / unit.divisor;
    let overlay_values = overlay.iter().flat_map(|(_, values)| values.iter());
    let y_range = value_range(
        band.into_iter()
            .flat_map(|b| b.p5.iter().chain(&b.p95).chain(&b.p50))
            .chain(overlay_values)
            .map(|v| v * scale),
        true,
    );
    let mut chart = time_chart(&plot, &timeline, y_range.clone(), false, style)?;
    draw_time_mesh(&mut chart, &timeline, unit.axis(lang), style, lang)?;
    let Some(band) = band else {
        return no_paths_note(&mut chart, &timeline, &y_range, lang, style);
    };
    if which.is_cash() && y_range.start < 0.0 {
        // Zero line: below it, cash has run out.
        chart.draw_series([PathElement::new(
            [(0, 0.0), (timeline.last(), 0.0)],
            style.foreground.stroke_width(style.px(1.0)),
        )])?;
    }
    if let Some((x, month)) = timeline.halving_in(mc.era) {
        draw_event(&mut chart, &timeline, x, &halving_label(month, lang), 0, style)?;
    }

    let polygons = |low: &[f64], high: &[f64], alpha: f64| {
        let y_range = &y_range;
        band_runs(&timeline, &mc.months, low, high, scale)
            .into_iter()
            .map(move |(top, bottom)| {
                let mut points = clip(vec![top], y_range).concat();
                points.extend(clip(vec![bottom], y_range).concat().into_iter().rev());
                Polygon::new(points, colour.mix(alpha).filled())
            })
            .collect::<Vec<_>>()
    };
    chart.draw_series(polygons(&band.p5, &band.p95, OUTER_BAND_ALPHA))?;
    chart.draw_series(polygons(&band.p25, &band.p75, INNER_BAND_ALPHA))?;
    if let Some((months, values)) = &overlay {
        let runs = timeline.runs(months, values, scale);
        let shape = style.foreground.stroke_width(style.px(2.0));
        let (dash, gap) = (style.px(6.0), style.px(4.0));
        chart.draw_series(
            clip(runs, &y_range)
                .into_iter()
                .map(|run| DashedPathElement::new(run, dash, gap, shape)),
        )?;
    }
    let runs = timeline.runs(&mc.months, &band.p50, scale);
    chart.draw_series(lines(runs, &y_range, colour.stroke_width(style.px(2.5))))?;
    Ok(())
}

/// Runs of months where both `low` and `high` are finite, as (upper edge, lower
/// edge) point lists on the timeline.
pub(super) fn band_runs(
    timeline: &Timeline<'_>,
    months: &[YearMonth],
    low: &[f64],
    high: &[f64],
    scale: f64,
) -> Vec<(Vec<Point>, Vec<Point>)> {
    let both: Vec<f64> = low
        .iter()
        .zip(high)
        .map(|(l, h)| if l.is_finite() && h.is_finite() { 0.0 } else { f64::NAN })
        .collect();
    let present: Runs = timeline.runs(months, &both, 1.0);
    present
        .into_iter()
        .filter(|run| run.len() > 1)
        .map(|run| {
            let at = |values: &[f64], x: i32| {
                usize::try_from(x)
                    .ok()
                    .and_then(|i| values.get(i))
                    .map_or(0.0, |v| v * scale)
            };
            let top = run.iter().map(|&(x, _)| (x, at(high, x))).collect();
            let bottom = run.iter().map(|&(x, _)| (x, at(low, x))).collect();
            (top, bottom)
        })
        .collect()
}

/// A text alternative to a fan: where the median starts and ends, and the range
/// 9 paths in 10 end within.
pub fn describe_fan(mc: &MonteCarloResult, which: FanSeries, lang: Lang) -> String {
    let Some(band) = which.band(mc) else {
        return no_data(lang).to_owned();
    };
    if mc.months.is_empty() {
        return no_data(lang).to_owned();
    }
    if mc.paths == 0 {
        return no_paths(lang).to_owned();
    }
    let money = |v: f64| {
        if which.is_cash() {
            format_usd_compact(v, lang)
        } else {
            format_usd(v, lang)
        }
    };
    let last = mc.months.len() - 1;
    let at = |values: &[f64], i: usize| values.get(i).copied().unwrap_or(f64::NAN);
    let (first, end) = (at(&band.p50, 0), at(&band.p50, last));
    let (low, high) = (at(&band.p5, last), at(&band.p95, last));
    let (start_month, end_month) = (mc.months[0], mc.months[last]);
    let paths = format_number(f64::from(mc.paths), 0, lang);
    match lang {
        Lang::En => {
            let subject = match which {
                FanSeries::BtcPrice => "bitcoin price".to_owned(),
                FanSeries::IndustryCash => "cash of all companies".to_owned(),
                FanSeries::OperatorCash(k) => {
                    let name = mc.miners.get(k).map_or(MISSING, |m| risk_name(m, lang));
                    format!("cash of {name}")
                }
            };
            format!(
                "Median {subject}: {} {}, {} {}; 9 paths in 10 end between {} and {} (from {paths} simulated paths).",
                money(first),
                in_month(start_month, lang),
                money(end),
                in_month(end_month, lang),
                money(low),
                money(high),
            )
        }
        Lang::It => {
            let subject = match which {
                FanSeries::BtcPrice => "del prezzo del bitcoin".to_owned(),
                FanSeries::IndustryCash => "della cassa di tutte le società".to_owned(),
                FanSeries::OperatorCash(k) => {
                    let name = mc.miners.get(k).map_or(MISSING, |m| risk_name(m, lang));
                    format!("della cassa di {name}")
                }
            };
            format!(
                "Valore mediano {subject}: {} {}, {} {}; 9 simulazioni su 10 finiscono tra {} e {} (su {paths} simulazioni).",
                money(first),
                in_month(start_month, lang),
                money(end),
                in_month(end_month, lang),
                money(low),
                money(high),
            )
        }
    }
}

/// A fan's percentiles at the end of each year (and of the horizon), as a table
/// in the unit of the chart's axis.
pub fn fan_table(mc: &MonteCarloResult, which: FanSeries, lang: Lang) -> DataTable {
    let empty = Band::default();
    let band = which.band(mc).unwrap_or(&empty);
    let unit = MoneyUnit::of(which, band);
    let caption = format!(
        "{}: {}, {}",
        which.title(mc, lang),
        lang.pick("percentiles at the end of each year", "percentili a fine anno"),
        unit.axis(lang)
    );
    let headers = [
        lang.pick("Month", "Mese"),
        lang.pick("5th percentile", "5° percentile"),
        lang.pick("25th percentile", "25° percentile"),
        lang.pick("Median", "Mediana"),
        lang.pick("75th percentile", "75° percentile"),
        lang.pick("95th percentile", "95° percentile"),
    ]
    .map(str::to_owned)
    .to_vec();
    let cell = |values: &[f64], i: usize| match values.get(i) {
        Some(v) if mc.paths > 0 => format_number(v / unit.divisor, unit.decimals, lang),
        _ => MISSING.to_owned(),
    };
    let rows = year_ends(&mc.months)
        .into_iter()
        .map(|i| {
            vec![
                format_month(mc.months[i], lang),
                cell(&band.p5, i),
                cell(&band.p25, i),
                cell(&band.p50, i),
                cell(&band.p75, i),
                cell(&band.p95, i),
            ]
        })
        .collect();
    DataTable { caption, headers, rows }
}

//! The Monte Carlo charts: the probability of a squeeze by each month (the
//! industry's and each operator's), and fans of percentile bands around the
//! median of the bitcoin price and of cash, with their words and tables.
//!
//! Both draw on the time frame of the outcome charts ([`crate::timeline`]): the
//! same month axis, legend strip and halving marker. A result of zero paths (a
//! run not started) draws the empty frame with a note, never a line at zero that
//! would read as "no risk".

use crate::locale::{format_month, format_number, format_percent, format_usd, Lang};
use crate::locale::{format_usd_compact, in_month, MISSING};
use crate::style::series_colour::BITCOIN;
use crate::style::{palette_colour, ChartStyle};
use crate::table::DataTable;
use crate::timeline::{
    clip, draw_event, draw_time_mesh, halving_label, label_at, legend_strip, lines, time_chart, value_range,
    LegendEntry, Point, Runs, Swatch, TimeCoord, Timeline,
};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use squeeze_model::{Band, MinerRisk, MonteCarloResult, Outcome, YearMonth};
use std::ops::Range;

/// The probability the reference line marks, 0–1.
const REFERENCE_PROBABILITY: f64 = 0.5;

/// Opacity of the outer (5–95 %) band of a fan, and of the inner (25–75 %) band
/// laid over it.
const OUTER_BAND_ALPHA: f64 = 0.18;
const INNER_BAND_ALPHA: f64 = 0.3;

/// The charts of the uncertainty section (issue 6), for titles and ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UncertaintyChart {
    /// Probability of a squeeze by each month ([`draw_squeeze_probability`]).
    SqueezeProbability,
    /// Fan of the bitcoin price ([`draw_fan`] with [`FanSeries::BtcPrice`]).
    BtcPriceFan,
    /// Fan of all operators' cash ([`draw_fan`] with [`FanSeries::IndustryCash`]).
    IndustryCashFan,
    /// What moves the first squeeze most ([`draw_tornado`](crate::draw_tornado)).
    Tornado,
    /// Months to the first squeeze over two levers
    /// ([`draw_squeeze_map`](crate::draw_squeeze_map)).
    SqueezeMap,
}

impl UncertaintyChart {
    /// Every uncertainty chart, in display order.
    pub const ALL: [UncertaintyChart; 5] = [
        UncertaintyChart::SqueezeProbability,
        UncertaintyChart::BtcPriceFan,
        UncertaintyChart::IndustryCashFan,
        UncertaintyChart::Tornado,
        UncertaintyChart::SqueezeMap,
    ];

    /// A stable kebab-case id, for element ids, URLs and file names.
    ///
    /// ```
    /// use squeeze_charts::UncertaintyChart;
    /// assert_eq!(UncertaintyChart::Tornado.id(), "tornado");
    /// assert_eq!(UncertaintyChart::from_id("squeeze-map"), Some(UncertaintyChart::SqueezeMap));
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            UncertaintyChart::SqueezeProbability => "squeeze-probability",
            UncertaintyChart::BtcPriceFan => "btc-price-fan",
            UncertaintyChart::IndustryCashFan => "industry-cash-fan",
            UncertaintyChart::Tornado => "tornado",
            UncertaintyChart::SqueezeMap => "squeeze-map",
        }
    }

    /// The chart with this [`id`](UncertaintyChart::id).
    pub fn from_id(id: &str) -> Option<UncertaintyChart> {
        UncertaintyChart::ALL.into_iter().find(|chart| chart.id() == id)
    }

    /// Whether the chart draws the Monte Carlo (the probability and the fans),
    /// rather than the tornado or the squeeze map.
    pub fn uses_monte_carlo(self) -> bool {
        matches!(
            self,
            UncertaintyChart::SqueezeProbability | UncertaintyChart::BtcPriceFan | UncertaintyChart::IndustryCashFan
        )
    }

    /// The chart's title.
    ///
    /// ```
    /// use squeeze_charts::{Lang, UncertaintyChart};
    /// assert_eq!(
    ///     UncertaintyChart::SqueezeProbability.title(Lang::It),
    ///     "Probabilità di una crisi di liquidità"
    /// );
    /// ```
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            UncertaintyChart::SqueezeProbability => {
                lang.pick("Chance of a liquidity squeeze", "Probabilità di una crisi di liquidità")
            }
            UncertaintyChart::BtcPriceFan => lang.pick(
                "Bitcoin price: range of simulated paths",
                "Prezzo del bitcoin: ventaglio delle simulazioni",
            ),
            UncertaintyChart::IndustryCashFan => lang.pick(
                "Cash of all companies: range of simulated paths",
                "Cassa di tutte le società: ventaglio delle simulazioni",
            ),
            UncertaintyChart::Tornado => lang.pick(
                "What moves the first squeeze most",
                "Cosa sposta di più la prima crisi di liquidità",
            ),
            UncertaintyChart::SqueezeMap => lang.pick(
                "Squeeze map: months to the first squeeze",
                "Mappa delle crisi: mesi alla prima crisi di liquidità",
            ),
        }
    }
}

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
struct MoneyUnit {
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

/// A company's name (proper names are the same in every language).
pub(crate) fn risk_name(miner: &MinerRisk, _lang: Lang) -> &'static str {
    miner.name
}

/// Fills `area` with the page colour, draws the chart with `draw_plot` and
/// presents it, as [`crate::draw`] does.
pub(crate) fn framed<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &ChartStyle,
    draw_plot: impl FnOnce(&DrawingArea<DB, Shift>) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&style.background)?;
    draw_plot(area)?;
    area.present()
}

/// The cumulative probability of a squeeze by each month, 0–100 %: a bold line
/// for "at least one operator", a thinner line per operator archetype (in the
/// palette order of the other charts), a dashed reference at 50 %, the halving,
/// and the month the industry line crosses 50 %, if it does. The title is left
/// to the page (see [`UncertaintyChart::title`]). A result of zero paths draws
/// the frame and a note.
///
/// ```
/// use plotters::prelude::*;
/// use squeeze_charts::{draw_squeeze_probability, ChartStyle, Lang};
/// # #[cfg(feature = "svg")] {
/// let mc = squeeze_model::monte_carlo(&Default::default(), 1, 50);
/// let mut svg = String::new();
/// {
///     let area = SVGBackend::with_string(&mut svg, (640, 400)).into_drawing_area();
///     draw_squeeze_probability(&area, &mc, Lang::En, &ChartStyle::light(1.0)).expect("drawn");
/// }
/// assert!(svg.contains("Any company"));
/// # }
/// ```
pub fn draw_squeeze_probability<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    mc: &MonteCarloResult,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    framed(area, style, |area| draw_probability_plot(area, mc, lang, style))
}

pub(crate) fn draw_probability_plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    mc: &MonteCarloResult,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut legend = vec![LegendEntry::new(
        lang.pick("Any company", "Almeno una società"),
        style.foreground,
        Swatch::Line,
    )];
    legend.extend(
        mc.miners
            .iter()
            .enumerate()
            .map(|(i, miner)| LegendEntry::new(risk_name(miner, lang), palette_colour(i), Swatch::Line)),
    );
    let plot = legend_strip(area, &legend, style)?;
    let Some(timeline) = Timeline::new(&mc.months) else {
        return Ok(());
    };
    let y_range = 0.0..100.0;
    let mut chart = time_chart(&plot, &timeline, y_range.clone(), false, style)?;
    let y_desc = lang.pick(
        "Probability of a squeeze by then (%)",
        "Probabilità di una crisi entro quel mese (%)",
    );
    draw_time_mesh(&mut chart, &timeline, y_desc, style, lang)?;
    if mc.paths == 0 {
        return no_paths_note(&mut chart, &timeline, &y_range, lang, style);
    }

    // The 50 % reference, labelled at its left end.
    let reference = REFERENCE_PROBABILITY * 100.0;
    chart.draw_series([DashedPathElement::new(
        [(0, reference), (timeline.last(), reference)],
        style.px(6.0),
        style.px(4.0),
        style.annotation().stroke_width(style.px(1.0)),
    )])?;
    label_at(
        &mut chart,
        (0, reference),
        "50%",
        (style.offset(4.0), -style.offset(3.0)),
        (HPos::Left, VPos::Bottom),
        style.font(11.0),
        style,
    )?;

    let halving = timeline
        .halving_in(mc.era)
        .map(|(x, month)| (x, halving_label(month, lang)));
    let crossing = mc
        .squeeze_probability
        .iter()
        .position(|p| *p >= REFERENCE_PROBABILITY)
        .and_then(|i| i32::try_from(i).ok())
        .and_then(|x| Some((x, timeline.month_at(x)?)))
        .map(|(x, month)| {
            let by = lang.pick("by", "entro");
            (x, format!("50% {by} {}", format_month(month, lang)))
        });
    for (row, event) in [halving, crossing].into_iter().enumerate() {
        if let Some((x, label)) = event {
            draw_event(&mut chart, &timeline, x, &label, row, style)?;
        }
    }

    for (i, miner) in mc.miners.iter().enumerate() {
        let runs = timeline.runs(&mc.months, &miner.squeeze_probability, 100.0);
        let shape = palette_colour(i).stroke_width(style.px(1.75));
        chart.draw_series(lines(runs, &y_range, shape))?;
    }
    let runs = timeline.runs(&mc.months, &mc.squeeze_probability, 100.0);
    let shape = style.foreground.stroke_width(style.px(3.5));
    chart.draw_series(lines(runs, &y_range, shape))?;
    Ok(())
}

/// A note in the middle of an empty time chart: no simulated path yet.
fn no_paths_note<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, TimeCoord>,
    timeline: &Timeline<'_>,
    y_range: &Range<f64>,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let centre = (timeline.last() / 2, (y_range.start + y_range.end) / 2.0);
    chart.draw_series([Text::new(
        no_paths(lang).to_owned(),
        centre,
        style.font(13.0).pos(Pos::new(HPos::Center, VPos::Center)),
    )])?;
    Ok(())
}

fn no_paths(lang: Lang) -> &'static str {
    lang.pick("No simulated paths yet.", "Ancora nessuna simulazione.")
}

fn no_data(lang: Lang) -> &'static str {
    lang.pick("No data to show.", "Nessun dato da mostrare.")
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
fn blend(colour: RGBColor, background: RGBColor, alpha: f64) -> RGBColor {
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
fn band_runs(
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

/// A probability as a percentage of whole points, with "<1%" and ">99%" for
/// probabilities that would round to 0 or 100 without being 0 or 1.
fn percent_text(p: f64, lang: Lang) -> String {
    match p {
        p if p > 0.0 && p < 0.005 => "<1%".to_owned(),
        p if p > 0.995 && p < 1.0 => ">99%".to_owned(),
        p => format_percent(p.clamp(0.0, 1.0), 0, lang),
    }
}

/// Whether a whole-number percentage is read starting with a vowel: en *an 8%*,
/// *an 11%*, *an 18%*, *an 80%*; it *dell'1%*, *dell'8%*, *dell'11%*, *dell'80%*.
fn starts_with_vowel_sound(percent: &str, lang: Lang) -> bool {
    let digits = percent.trim_end_matches('%');
    match lang {
        Lang::En => digits.starts_with('8') || digits == "11" || digits == "18",
        Lang::It => digits.starts_with('8') || digits == "1" || digits == "11",
    }
}

/// "a 54% chance" / "una probabilità del 54%", with the article each number
/// needs and words for the probabilities that round to 0 or 100.
fn chance_phrase(p: f64, lang: Lang) -> String {
    match (lang, p) {
        (Lang::En, p) if p > 0.0 && p < 0.005 => "a less than 1% chance".to_owned(),
        (Lang::En, p) if p > 0.995 && p < 1.0 => "a more than 99% chance".to_owned(),
        (Lang::It, p) if p > 0.0 && p < 0.005 => "una probabilità inferiore all'1%".to_owned(),
        (Lang::It, p) if p > 0.995 && p < 1.0 => "una probabilità superiore al 99%".to_owned(),
        (lang, p) => {
            let text = percent_text(p, lang);
            let vowel = starts_with_vowel_sound(&text, lang);
            match lang {
                Lang::En => format!("{} {text} chance", if vowel { "an" } else { "a" }),
                Lang::It => format!("una probabilità {}{text}", if vowel { "dell'" } else { "del " }),
            }
        }
    }
}

/// A month and the probability of a squeeze by its end.
type MonthProbability = (YearMonth, f64);

/// The last month and, if the horizon reaches that far back, the month a year
/// earlier, with the industry's probability by each.
fn headline_months(mc: &MonteCarloResult) -> Option<(MonthProbability, Option<MonthProbability>)> {
    let count = mc.months.len().min(mc.squeeze_probability.len());
    let last = count.checked_sub(1)?;
    let at = |i: usize| Some((*mc.months.get(i)?, *mc.squeeze_probability.get(i)?));
    let year_earlier = last.checked_sub(12).and_then(at);
    Some((at(last)?, year_earlier))
}

/// One clause for the app's summary sentence: the chance of a squeeze by the
/// last month, and by a year earlier when the horizon reaches back that far.
///
/// ```
/// use squeeze_charts::{probability_clause, Lang};
/// let mc = squeeze_model::monte_carlo(&Default::default(), 1, 200);
/// let en = probability_clause(&mc, Lang::En);
/// assert!(en.starts_with("a ") && en.contains("chance of a squeeze by Dec 2030 ("), "{en}");
/// let it = probability_clause(&mc, Lang::It);
/// assert!(it.starts_with("una probabilità de") && it.contains("entro dic 2030 ("), "{it}");
/// ```
pub fn probability_clause(mc: &MonteCarloResult, lang: Lang) -> String {
    let Some(((end, p_end), earlier)) = headline_months(mc).filter(|_| mc.paths > 0) else {
        return lang
            .pick("no simulated paths yet", "ancora nessuna simulazione")
            .to_owned();
    };
    let (by, squeeze) = lang.pick(("by", "of a squeeze"), ("entro", "di una crisi di liquidità"));
    let mut clause = format!(
        "{} {squeeze} {by} {}",
        chance_phrase(p_end, lang),
        format_month(end, lang)
    );
    if let Some((month, p)) = earlier {
        clause.push_str(&format!(
            " ({} {by} {})",
            percent_text(p, lang),
            format_month(month, lang)
        ));
    }
    clause
}

/// A text alternative to the probability chart: the chance that at least one
/// operator is squeezed by the end of the horizon and a year earlier, the most
/// exposed operator and how many paths the figures rest on.
///
/// ```
/// use squeeze_charts::{describe_probability, Lang};
/// let mc = squeeze_model::monte_carlo(&Default::default(), 1, 200);
/// let text = describe_probability(&mc, Lang::En);
/// assert!(text.contains("at least one company is squeezed by Dec 2030"), "{text}");
/// assert!(text.contains("200 simulated paths"), "{text}");
/// ```
pub fn describe_probability(mc: &MonteCarloResult, lang: Lang) -> String {
    let Some(((end, p_end), earlier)) = headline_months(mc) else {
        return no_data(lang).to_owned();
    };
    if mc.paths == 0 {
        return no_paths(lang).to_owned();
    }
    let paths = format_number(f64::from(mc.paths), 0, lang);
    let end_text = format_month(end, lang);
    if p_end <= 0.0 {
        return match lang {
            Lang::En => format!("No company is squeezed by {end_text} in any of {paths} simulated paths."),
            Lang::It => {
                format!("In nessuna delle {paths} simulazioni una società va in crisi di liquidità entro {end_text}.")
            }
        };
    }
    let mut text = match lang {
        Lang::En => format!(
            "{} that at least one company is squeezed by {end_text}",
            capitalised(&chance_phrase(p_end, lang))
        ),
        Lang::It => format!(
            "{} che almeno una società vada in crisi di liquidità entro {end_text}",
            capitalised(&chance_phrase(p_end, lang))
        ),
    };
    if let Some((month, p)) = earlier {
        let by = lang.pick("by", "entro");
        text.push_str(&format!(
            "; {} {by} {}",
            percent_text(p, lang),
            format_month(month, lang)
        ));
    }
    // The most exposed operators: every one at the highest probability.
    let finals: Vec<(&MinerRisk, f64)> = mc
        .miners
        .iter()
        .filter_map(|m| Some((m, *m.squeeze_probability.last()?)))
        .filter(|(_, p)| p.is_finite() && *p > 0.0)
        .collect();
    let highest = finals.iter().map(|(_, p)| *p).fold(0.0, f64::max);
    let most_exposed: Vec<&str> = finals
        .iter()
        .filter(|(_, p)| *p >= highest)
        .map(|(m, _)| risk_name(m, lang))
        .collect();
    if !most_exposed.is_empty() {
        let p = percent_text(highest, lang);
        let names: Vec<String> = most_exposed.iter().map(|name| (*name).to_owned()).collect();
        let names = match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!("{} {} {last}", rest.join(", "), lang.pick("and", "e"))
            }
            _ => names.concat(),
        };
        text.push_str(&match (lang, most_exposed.len()) {
            (Lang::En, 1) => format!("; {names} is the most exposed ({p})"),
            (Lang::En, _) => format!("; {names} are the most exposed ({p} each)"),
            (Lang::It, 1) => format!("; la società più esposta è {names} ({p})"),
            (Lang::It, _) => format!("; le più esposte sono {names} ({p} ciascuna)"),
        });
    }
    text.push_str(&match lang {
        Lang::En => format!(". From {paths} simulated paths."),
        Lang::It => format!(". Su {paths} simulazioni."),
    });
    text
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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

/// Indices of the months that end a year (December), and the last month if the
/// horizon ends in another month.
fn year_ends(months: &[YearMonth]) -> Vec<usize> {
    let mut ends: Vec<usize> = (0..months.len()).filter(|&i| months[i].month() == 12).collect();
    if let Some(last) = months.len().checked_sub(1) {
        if ends.last() != Some(&last) {
            ends.push(last);
        }
    }
    ends
}

/// The probability of a squeeze by the end of each year (and of the horizon), for
/// at least one operator and for each operator, as a table.
pub fn probability_table(mc: &MonteCarloResult, lang: Lang) -> DataTable {
    let caption = match lang {
        Lang::En => format!(
            "Probability of a liquidity squeeze by the end of each year, from {} simulated paths",
            format_number(f64::from(mc.paths), 0, lang)
        ),
        Lang::It => format!(
            "Probabilità di una crisi di liquidità entro la fine di ogni anno, su {} simulazioni",
            format_number(f64::from(mc.paths), 0, lang)
        ),
    };
    let mut headers = vec![
        lang.pick("By the end of", "Entro la fine di").to_owned(),
        lang.pick("Any company", "Almeno una società").to_owned(),
    ];
    headers.extend(mc.miners.iter().map(|m| risk_name(m, lang).to_owned()));
    let cell = |values: &[f64], i: usize| match values.get(i) {
        Some(p) if mc.paths > 0 => format_percent(*p, 1, lang),
        _ => MISSING.to_owned(),
    };
    let rows = year_ends(&mc.months)
        .into_iter()
        .map(|i| {
            let mut row = vec![format_month(mc.months[i], lang), cell(&mc.squeeze_probability, i)];
            row.extend(mc.miners.iter().map(|m| cell(&m.squeeze_probability, i)));
            row
        })
        .collect();
    DataTable { caption, headers, rows }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_take_the_article_their_sound_needs() {
        assert_eq!(chance_phrase(0.54, Lang::En), "a 54% chance");
        assert_eq!(chance_phrase(0.11, Lang::En), "an 11% chance");
        assert_eq!(chance_phrase(0.83, Lang::En), "an 83% chance");
        assert_eq!(chance_phrase(0.54, Lang::It), "una probabilità del 54%");
        assert_eq!(chance_phrase(0.11, Lang::It), "una probabilità dell'11%");
        assert_eq!(chance_phrase(0.01, Lang::It), "una probabilità dell'1%");
        assert_eq!(chance_phrase(0.18, Lang::It), "una probabilità del 18%");
        assert_eq!(chance_phrase(0.001, Lang::En), "a less than 1% chance");
        assert_eq!(chance_phrase(0.999, Lang::It), "una probabilità superiore al 99%");
        assert_eq!(chance_phrase(1.0, Lang::En), "a 100% chance");
        assert_eq!(percent_text(0.002, Lang::En), "<1%");
        assert_eq!(percent_text(f64::NAN, Lang::En), crate::locale::MISSING);
    }

    #[test]
    fn year_ends_are_decembers_and_the_last_month() {
        let months: Vec<YearMonth> = (0..30).map(|i| YearMonth::new(2026, 1).plus_months(i)).collect();
        assert_eq!(year_ends(&months), vec![11, 23, 29]);
        assert!(year_ends(&[]).is_empty());
    }

    #[test]
    fn blending_at_zero_and_one_gives_the_ends() {
        let (a, b) = (RGBColor(200, 100, 0), RGBColor(0, 50, 250));
        assert_eq!(blend(a, b, 1.0), a);
        assert_eq!(blend(a, b, 0.0), b);
    }
}

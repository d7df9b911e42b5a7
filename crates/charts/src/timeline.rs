//! The frame every time chart shares: the month axis with years at January ticks,
//! safe value ranges, the title and legend strip, the halving and squeeze
//! annotations, and lines that break at missing values instead of failing.

use crate::locale::{format_month, format_number, format_year, in_month, month_abbreviation, Lang};
use crate::style::ChartStyle;
use crate::ChartView;
use plotters::chart::DualCoordChartContext;
use plotters::coord::combinators::WithKeyPoints;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use squeeze_model::{Era, Outcome, YearMonth};
use std::ops::Range;

mod legend;

pub(crate) use legend::*;

/// At most this many year labels on the time axis; longer horizons label every
/// second (third, …) year.
const MAX_YEAR_TICKS: usize = 8;

/// Month index on the x axis, value on the y axis.
pub(crate) type TimeCoord = Cartesian2d<WithKeyPoints<RangedCoordi32>, RangedCoordf64>;

/// A point on a time chart: (month index, value).
pub(crate) type Point = (i32, f64);

/// Runs of consecutive drawable points; a missing or non-finite value ends a run.
pub(crate) type Runs = Vec<Vec<Point>>;

/// The months of the current outcome, as the x axis.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timeline<'a> {
    pub months: &'a [YearMonth],
}

/// Months since year 0, so that two months can be subtracted.
fn ordinal(month: YearMonth) -> i64 {
    i64::from(month.year()) * 12 + i64::from(month.month()) - 1
}

impl<'a> Timeline<'a> {
    /// The timeline of these months; `None` if there are none.
    pub fn new(months: &'a [YearMonth]) -> Option<Self> {
        (!months.is_empty()).then_some(Self { months })
    }

    /// Index of the last month (at least 1, so the axis never has zero width).
    pub fn last(&self) -> i32 {
        i32::try_from(self.months.len().saturating_sub(1))
            .unwrap_or(i32::MAX)
            .max(1)
    }

    /// The x index of `month`, if it lies within the timeline.
    pub fn index_of(&self, month: YearMonth) -> Option<i32> {
        let start = *self.months.first()?;
        let index = ordinal(month) - ordinal(start);
        let last = i64::try_from(self.months.len()).ok()? - 1;
        if (0..=last).contains(&index) {
            i32::try_from(index).ok()
        } else {
            None
        }
    }

    /// The x index of the `months_from_start`-th month of an outcome on this
    /// timeline, if it lies within it.
    pub fn index_of_offset(&self, months_from_start: u32) -> Option<i32> {
        let start = *self.months.first()?;
        self.index_of(start.plus_months(months_from_start))
    }

    /// The month at an x index.
    pub fn month_at(&self, index: i32) -> Option<YearMonth> {
        usize::try_from(index).ok().and_then(|i| self.months.get(i)).copied()
    }

    /// Tick positions: every January (thinned on long horizons); on a horizon
    /// with fewer than two Januaries, the first month of every quarter.
    pub fn ticks(&self) -> Vec<i32> {
        let starting = |months_of_year: &[u8]| -> Vec<i32> {
            (0..self.months.len())
                .filter(|&i| months_of_year.contains(&self.months[i].month()))
                .filter_map(|i| i32::try_from(i).ok())
                .collect()
        };
        let januaries = starting(&[1]);
        if januaries.len() < 2 {
            let quarters = starting(&[1, 4, 7, 10]);
            return if quarters.is_empty() { vec![0] } else { quarters };
        }
        let every = januaries.len().div_ceil(MAX_YEAR_TICKS);
        januaries.into_iter().step_by(every).collect()
    }

    /// The x axis: month indices with ticks at [`Timeline::ticks`].
    pub fn x_range(&self) -> WithKeyPoints<RangedCoordi32> {
        (0..self.last()).with_key_points(self.ticks())
    }

    /// The tick label at an x index: the year at a January, the month and year
    /// at the first month, else the month alone (`Apr`).
    pub fn tick_label(&self, index: i32, lang: Lang) -> String {
        match self.month_at(index) {
            Some(month) if month.month() == 1 => format_year(month.year()),
            Some(month) if index == 0 => format_month(month, lang),
            Some(month) => month_abbreviation(month.month(), lang).to_owned(),
            None => String::new(),
        }
    }

    /// The x index and month of the era's bitcoin halving (April 2028 for late
    /// 2025, as the model assumes), if it falls within the timeline.
    pub fn halving(&self, outcome: &Outcome) -> Option<(i32, YearMonth)> {
        let x = self.index_of(outcome.halving_date?)?;
        Some((x, self.month_at(x)?))
    }

    /// The x index and month of `era`'s bitcoin halving, if it falls within the
    /// timeline (for charts of results that carry an era but no outcome).
    pub fn halving_in(&self, era: Era) -> Option<(i32, YearMonth)> {
        let x = self.index_of_offset(era.halving_month())?;
        Some((x, self.month_at(x)?))
    }

    /// `values` (one per month of `months`, multiplied by `factor`) placed on this
    /// timeline by date, split into runs at missing or non-finite values and at
    /// months outside the timeline.
    pub fn runs(&self, months: &[YearMonth], values: &[f64], factor: f64) -> Runs {
        let mut runs: Runs = Vec::new();
        let mut current: Vec<Point> = Vec::new();
        let mut previous: Option<i32> = None;
        for (month, value) in months.iter().zip(values) {
            let value = value * factor;
            let index = self.index_of(*month).filter(|_| value.is_finite());
            match index {
                Some(x) if previous.is_none_or(|p| p + 1 == x) => current.push((x, value)),
                Some(x) => {
                    runs.push(std::mem::take(&mut current));
                    current.push((x, value));
                }
                None => runs.push(std::mem::take(&mut current)),
            }
            previous = index;
        }
        runs.push(current);
        runs.retain(|run| !run.is_empty());
        runs
    }
}

/// The y range that shows every finite value: padded by 6 % of the span, never of
/// zero height, including zero if asked, and not dipping below zero when no
/// value does. With no finite value it is `0..1`.
pub(crate) fn value_range(values: impl IntoIterator<Item = f64>, include_zero: bool) -> Range<f64> {
    let mut low = f64::INFINITY;
    let mut high = f64::NEG_INFINITY;
    for value in values.into_iter().filter(|v| v.is_finite()) {
        low = low.min(value);
        high = high.max(value);
    }
    if low > high {
        return 0.0..1.0;
    }
    if include_zero {
        low = low.min(0.0);
        high = high.max(0.0);
    }
    let span = high - low;
    let pad = if span.is_finite() && span > high.abs().max(low.abs()) * 1e-9 {
        span * 0.06
    } else {
        (high.abs() * 0.1).max(1.0)
    };
    let bottom = if low >= 0.0 { (low - pad).max(0.0) } else { low - pad };
    let top = high + pad;
    if bottom.is_finite() && top.is_finite() && bottom < top {
        bottom..top
    } else {
        0.0..1.0
    }
}

/// Digits after the decimal mark for axis labels spanning `range`.
pub(crate) fn axis_decimals(range: &Range<f64>) -> usize {
    match range.end - range.start {
        span if span >= 20.0 => 0,
        span if span >= 2.0 => 1,
        _ => 2,
    }
}

/// Writes `title` in a strip at the top of `area` and returns the area below it.
pub(crate) fn title_strip<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    style: &ChartStyle,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    let height = style.offset(28.0);
    area.draw(&Text::new(
        title.to_owned(),
        (style.offset(12.0), height / 2 + style.offset(4.0)),
        style.font(15.0).pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    Ok(area.split_vertically(height).1)
}

/// The plot area under the legend and the timeline to draw on it.
pub(crate) type Framed<'a, DB> = (DrawingArea<DB, Shift>, Timeline<'a>);

/// The frame every outcome chart starts with: the legend strip (with the pinned
/// baseline's ghost entry added when there is one) and the timeline of the
/// outcome's months. Returns the plot area and the timeline, or `None` when the
/// outcome has no months (the chart then stays blank).
pub(crate) fn outcome_frame<'a, DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &ChartView<'a>,
    mut legend: Vec<LegendEntry>,
) -> Result<Option<Framed<'a, DB>>, DrawingAreaErrorKind<DB::ErrorType>> {
    if view.baseline.is_some() {
        let label = view.lang.pick("Baseline", "Riferimento");
        legend.push(LegendEntry::new(label, view.style.foreground, Swatch::Ghost));
    }
    let plot = legend_strip(area, &legend, &view.style)?;
    Ok(Timeline::new(&view.outcome.series.months).map(|timeline| (plot, timeline)))
}

/// The thin, faded line of a baseline series.
pub(crate) fn ghost_style(colour: RGBColor, style: &ChartStyle) -> ShapeStyle {
    colour.mix(0.55).stroke_width(style.px(1.5))
}

/// The line of a current series.
pub(crate) fn line_style(colour: RGBColor, style: &ChartStyle) -> ShapeStyle {
    colour.stroke_width(style.px(2.5))
}

/// `runs` with every value pulled into `range`: a point far outside the axis
/// (bad data) would otherwise overflow the pixel arithmetic.
pub(crate) fn clip(mut runs: Runs, range: &Range<f64>) -> Runs {
    for point in runs.iter_mut().flatten() {
        point.1 = point.1.clamp(range.start, range.end);
    }
    runs
}

/// Solid paths for runs of points, clipped to the y `range`.
pub(crate) fn lines(runs: Runs, range: &Range<f64>, shape: ShapeStyle) -> impl Iterator<Item = PathElement<Point>> {
    clip(runs, range)
        .into_iter()
        .map(move |run| PathElement::new(run, shape))
}

/// A dashed path through one run of points.
pub(crate) type DashedRun = DashedPathElement<std::vec::IntoIter<Point>, u32>;

/// Dashed, faded paths for runs of baseline points, clipped to the y `range`.
pub(crate) fn ghost_lines(
    runs: Runs,
    range: &Range<f64>,
    colour: RGBColor,
    style: &ChartStyle,
) -> impl Iterator<Item = DashedRun> {
    let shape = ghost_style(colour, style);
    let (dash, gap) = (style.px(5.0), style.px(4.0));
    clip(runs, range)
        .into_iter()
        .map(move |run| DashedPathElement::new(run, dash, gap, shape))
}

/// The chart context for a time chart, with room for a right-hand axis if
/// `right_axis`. Set any secondary axis before [`draw_mesh`], so the primary labels
/// stay on the left.
pub(crate) fn time_chart<'a, DB: DrawingBackend>(
    plot: &'a DrawingArea<DB, Shift>,
    timeline: &Timeline<'_>,
    y_range: Range<f64>,
    right_axis: bool,
    style: &ChartStyle,
) -> Result<ChartContext<'a, DB, TimeCoord>, DrawingAreaErrorKind<DB::ErrorType>> {
    let mut builder = ChartBuilder::on(plot);
    builder
        .margin_left(style.px(8.0))
        .margin_right(style.px(if right_axis { 8.0 } else { 16.0 }))
        .margin_top(style.px(8.0))
        .margin_bottom(style.px(4.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(64.0));
    if right_axis {
        builder.right_y_label_area_size(style.px(64.0));
    }
    builder.build_cartesian_2d(timeline.x_range(), y_range)
}

/// Grid, axes, tick labels (years on the time axis, local numbers on the value
/// axis) and axis titles.
pub(crate) fn draw_mesh<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, TimeCoord>,
    timeline: &Timeline<'_>,
    y_desc: &str,
    view: &ChartView<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw_time_mesh(chart, timeline, y_desc, &view.style, view.lang)
}

/// [`draw_mesh`] for charts without a [`ChartView`] (the Monte Carlo charts).
pub(crate) fn draw_time_mesh<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, TimeCoord>,
    timeline: &Timeline<'_>,
    y_desc: &str,
    style: &ChartStyle,
    lang: Lang,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let decimals = axis_decimals(&chart.y_range());
    let x_label = |index: &i32| timeline.tick_label(*index, lang);
    let y_label = |value: &f64| format_number(*value, decimals, lang);
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(style.grid)
        .axis_style(style.foreground)
        .label_style(style.font(12.0))
        .axis_desc_style(style.font(13.0))
        .x_desc(lang.pick("Month", "Mese"))
        .y_desc(y_desc)
        .y_labels(6)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()
}

/// The right-hand axis of a chart with two value scales.
pub(crate) fn draw_secondary_axis<DB: DrawingBackend>(
    chart: &mut DualCoordChartContext<'_, DB, TimeCoord, TimeCoord>,
    y_desc: &str,
    view: &ChartView<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (style, lang) = (&view.style, view.lang);
    let decimals = axis_decimals(&chart.borrow_secondary().y_range());
    let y_label = |value: &f64| format_number(*value, decimals, lang);
    chart
        .configure_secondary_axes()
        .axis_style(style.foreground)
        .label_style(style.font(12.0))
        .axis_desc_style(style.font(13.0))
        .y_desc(y_desc)
        .y_labels(6)
        .y_label_formatter(&y_label)
        .draw()
}

/// The vertical markers every time chart carries: the bitcoin halving (2028 for
/// late 2025), and the first squeeze of the current outcome.
pub(crate) fn draw_events<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, TimeCoord>,
    timeline: &Timeline<'_>,
    view: &ChartView<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let lang = view.lang;
    let halving = timeline
        .halving(view.outcome)
        .map(|(x, month)| (x, halving_label(month, lang)));
    let squeeze = view
        .outcome
        .squeeze_month
        .and_then(|m| timeline.index_of_offset(m))
        .map(|x| {
            let month = timeline.month_at(x).map(|m| format_month(m, lang));
            let label = lang.pick("First squeeze", "Prima crisi di liquidità");
            (x, format!("{label} {}", month.unwrap_or_default()))
        });
    // The month a reader asked to see from the why-timeline.
    let mark = view.mark.and_then(|m| timeline.index_of_offset(m)).map(|x| {
        let month = timeline.month_at(x).map(|m| format_month(m, lang));
        (
            x,
            format!("{} {}", lang.pick("Why:", "Perché:"), month.unwrap_or_default()),
        )
    });
    for (row, event) in [halving, squeeze, mark].into_iter().enumerate() {
        if let Some((x, label)) = event {
            draw_event(chart, timeline, x, &label, row, &view.style)?;
        }
    }
    Ok(())
}

/// The label of the halving marker: en `2028 halving`, it `halving 2028`.
pub(crate) fn halving_label(month: YearMonth, lang: Lang) -> String {
    let year = format_year(month.year());
    match lang {
        Lang::En => format!("{year} halving"),
        Lang::It => format!("halving {year}"),
    }
}

/// A dashed vertical line at month `x` with a label near the top, on the side
/// with more room; `row` stacks labels that might otherwise collide.
pub(crate) fn draw_event<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, TimeCoord>,
    timeline: &Timeline<'_>,
    x: i32,
    label: &str,
    row: usize,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let y_range = chart.y_range();
    let colour = style.annotation();
    chart.draw_series([DashedPathElement::new(
        [(x, y_range.start), (x, y_range.end)],
        style.px(3.0),
        style.px(3.0),
        colour.stroke_width(style.px(1.0)),
    )])?;
    let to_the_left = x > timeline.last() * 3 / 4;
    let (hpos, dx) = if to_the_left {
        (HPos::Right, -style.offset(4.0))
    } else {
        (HPos::Left, style.offset(4.0))
    };
    let dy = style.offset(4.0 + 16.0 * row as f64);
    let at = (x, y_range.end);
    label_at(chart, at, label, (dx, dy), (hpos, VPos::Top), style.font(11.0), style)
}

/// `text` beside the data point `at`, offset by `(dx, dy)` device pixels and
/// anchored there by `(hpos, vpos)`, on a backdrop of the page colour so it stays
/// legible over lines and grid.
pub(crate) fn label_at<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, TimeCoord>,
    at: Point,
    text: &str,
    (dx, dy): (i32, i32),
    (hpos, vpos): (HPos, VPos),
    font: TextStyle<'_>,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, height) = chart.plotting_area().estimate_text_size(text, &font)?;
    let (width, height) = (i32::try_from(width).unwrap_or(0), i32::try_from(height).unwrap_or(0));
    let left = match hpos {
        HPos::Left => dx,
        HPos::Right => dx - width,
        HPos::Center => dx - width / 2,
    };
    let top = match vpos {
        VPos::Top => dy,
        VPos::Bottom => dy - height,
        VPos::Center => dy - height / 2,
    };
    let pad = style.offset(2.0);
    let backdrop = Rectangle::new(
        [(left - pad, top - pad), (left + width + pad, top + height + pad)],
        style.background.mix(0.85).filled(),
    );
    let label = Text::new(text.to_owned(), (dx, dy), font.pos(Pos::new(hpos, vpos)));
    chart.draw_series([EmptyElement::at(at) + backdrop + label])?;
    Ok(())
}

/// The first, last, lowest and highest finite values of a monthly series, with
/// their months, for describing a chart in words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Extremes {
    pub first: (YearMonth, f64),
    pub last: (YearMonth, f64),
    pub low: (YearMonth, f64),
    pub high: (YearMonth, f64),
}

/// The [`Extremes`] of `values` by month; `None` if no value is finite. Ties go to
/// the earliest month.
pub(crate) fn extremes(months: &[YearMonth], values: &[f64]) -> Option<Extremes> {
    let mut points = months
        .iter()
        .copied()
        .zip(values.iter().copied())
        .filter(|(_, v)| v.is_finite());
    let first = points.next()?;
    let mut found = Extremes {
        first,
        last: first,
        low: first,
        high: first,
    };
    for point in points {
        found.last = point;
        if point.1 < found.low.1 {
            found.low = point;
        }
        if point.1 > found.high.1 {
            found.high = point;
        }
    }
    Some(found)
}

impl Extremes {
    /// `, lowest … in …` when the low is clearly below both the first and the
    /// last value (which a sentence has already given); empty otherwise.
    pub fn low_clause(&self, lang: Lang, format: impl Fn(f64) -> String) -> String {
        let (month, value) = self.low;
        let ends = self.first.1.min(self.last.1);
        let tolerance = self.first.1.abs().max(self.last.1.abs()) * 1e-3;
        if value >= ends - tolerance {
            return String::new();
        }
        let lowest = lang.pick("lowest", "minimo");
        format!(", {lowest} {} {}", format(value), in_month(month, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(start: YearMonth, count: u32) -> Vec<YearMonth> {
        (0..count).map(|i| start.plus_months(i)).collect()
    }

    #[test]
    fn ranges_are_never_empty_or_inverted() {
        for values in [
            vec![],
            vec![f64::NAN],
            vec![5.0, 5.0],
            vec![0.0],
            vec![-3.0],
            vec![f64::INFINITY, 1.0],
            vec![1e308, -1e308],
        ] {
            let range = value_range(values.clone(), false);
            assert!(
                range.start.is_finite() && range.end.is_finite() && range.start < range.end,
                "{values:?} gave {range:?}"
            );
        }
        let range = value_range([10.0, 20.0], false);
        assert!(range.start > 0.0 && range.start < 10.0 && range.end > 20.0);
        assert!(value_range([10.0, 20.0], true).start == 0.0);
        assert!(value_range([-10.0, 20.0], false).start < -10.0);
    }

    #[test]
    fn ticks_fall_on_januaries_and_thin_out_on_long_horizons() {
        let five_years = months(YearMonth::new(2026, 1), 60);
        let timeline = Timeline::new(&five_years).expect("months");
        assert_eq!(timeline.ticks(), vec![0, 12, 24, 36, 48]);
        assert_eq!(timeline.tick_label(12, Lang::En), "2027");
        assert_eq!(timeline.tick_label(13, Lang::It), "feb");
        assert_eq!(timeline.tick_label(0, Lang::It), "2026");

        let twenty_years = months(YearMonth::new(2026, 7), 240);
        let ticks = Timeline::new(&twenty_years).expect("months").ticks();
        assert!(ticks.len() <= MAX_YEAR_TICKS && ticks[0] == 6);

        let short = months(YearMonth::new(2026, 3), 6);
        let timeline = Timeline::new(&short).expect("months");
        assert_eq!(timeline.ticks(), vec![1, 4]);
        assert_eq!(timeline.tick_label(0, Lang::It), "mar 2026");
        assert_eq!(timeline.tick_label(1, Lang::En), "Apr");
        let one_year = months(YearMonth::new(2022, 1), 12);
        let timeline = Timeline::new(&one_year).expect("months");
        assert_eq!(timeline.ticks(), vec![0, 3, 6, 9]);
        let two_months = months(YearMonth::new(2026, 5), 2);
        assert_eq!(Timeline::new(&two_months).expect("months").ticks(), vec![0]);
        assert!(Timeline::new(&[]).is_none());
    }

    #[test]
    fn runs_break_at_missing_values_and_align_by_date() {
        let current = months(YearMonth::new(2026, 1), 6);
        let timeline = Timeline::new(&current).expect("months");
        let runs = timeline.runs(&current, &[1.0, 2.0, f64::NAN, 4.0, 5.0], 10.0);
        assert_eq!(runs, vec![vec![(0, 10.0), (1, 20.0)], vec![(3, 40.0), (4, 50.0)]]);
        // A series starting two months later lands two months to the right, and
        // what falls past the end is dropped.
        let later = months(YearMonth::new(2026, 3), 6);
        let runs = timeline.runs(&later, &[1.0; 6], 1.0);
        assert_eq!(runs, vec![vec![(2, 1.0), (3, 1.0), (4, 1.0), (5, 1.0)]]);
    }
}

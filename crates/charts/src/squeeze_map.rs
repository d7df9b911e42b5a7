//! The squeeze map: months to the first squeeze over a grid of two levers, as a
//! heatmap on a colour-blind-safe sequential scale (viridis: dark purple = soon,
//! yellow = late), with a distinct grey for "no squeeze within the horizon", the
//! reader's current point as a ring and an optional focused cell (keyboard
//! navigation) outlined.
//!
//! The plot's place in the area depends only on the area's size and the style,
//! never on measured text, so [`map_cell_at`] can turn a click into a cell
//! without a backend, and agrees with the drawing pixel for pixel: both use
//! [`MapLayout`].

use crate::levers::{format_lever_value, in_sentence, lever_label};
use crate::locale::{format_number, Lang, MISSING};
use crate::style::ChartStyle;
use crate::table::DataTable;
use crate::uncertainty::framed;
use plotters::coord::combinators::WithKeyPoints;
use plotters::coord::types::RangedCoordi32;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use squeeze_model::SqueezeMap;

mod words;

pub use words::*;

/// Viridis (van der Walt and Smith, matplotlib), sampled at nine evenly spaced
/// stops and interpolated linearly: perceptually uniform, readable in grey and
/// by the common colour-vision deficiencies.
const VIRIDIS: [(u8, u8, u8); 9] = [
    (68, 1, 84),
    (71, 44, 122),
    (59, 82, 139),
    (44, 113, 142),
    (33, 145, 140),
    (39, 173, 129),
    (92, 200, 99),
    (170, 220, 50),
    (253, 231, 37),
];

/// The colour of a position `t` (0–1) on the viridis scale; out-of-range and
/// non-finite positions take the nearest end.
///
/// ```
/// use squeeze_charts::viridis;
/// use plotters::style::RGBColor;
/// assert_eq!(viridis(0.0), RGBColor(68, 1, 84));
/// assert_eq!(viridis(1.0), RGBColor(253, 231, 37));
/// ```
pub fn viridis(t: f64) -> RGBColor {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let scaled = t * (VIRIDIS.len() - 1) as f64;
    let index = (scaled.floor() as usize).min(VIRIDIS.len() - 2);
    let fraction = scaled - index as f64;
    let (a, b) = (VIRIDIS[index], VIRIDIS[index + 1]);
    let mix = |x: u8, y: u8| {
        (f64::from(x) + (f64::from(y) - f64::from(x)) * fraction)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// The colour of a cell with no squeeze within the horizon: a neutral grey,
/// lighter on a light page, outside the viridis scale.
pub fn no_squeeze_colour(style: &ChartStyle) -> RGBColor {
    let page = style.background;
    let luma = 0.299 * f64::from(page.0) + 0.587 * f64::from(page.1) + 0.114 * f64::from(page.2);
    if luma > 128.0 {
        RGBColor(204, 207, 212)
    } else {
        RGBColor(128, 132, 140)
    }
}

/// The colour of a cell: viridis by months to the first squeeze over the
/// horizon (sooner = darker), or the no-squeeze grey.
fn cell_colour(squeeze_month: Option<u32>, horizon: u32, style: &ChartStyle) -> RGBColor {
    match squeeze_month {
        Some(m) => viridis(f64::from(m) / f64::from(horizon.max(1))),
        None => no_squeeze_colour(style),
    }
}

/// CSS pixels: the legend strip's rows, margins and label areas of the map.
const LEGEND_ROW: f64 = 20.0;
const LEGEND_PAD: f64 = 6.0;
/// Below this many CSS pixels of width, the legend takes two rows.
const ONE_ROW_LEGEND_WIDTH: f64 = 600.0;
const MARGIN_LEFT: f64 = 8.0;
const MARGIN_RIGHT: f64 = 16.0;
const MARGIN_TOP: f64 = 8.0;
const MARGIN_BOTTOM: f64 = 4.0;
const Y_LABEL_AREA: f64 = 84.0;
const X_LABEL_AREA: f64 = 44.0;
/// Width of the colour scale in the legend.
const SCALE_WIDTH: f64 = 120.0;
/// Cells at least this large (CSS pixels) carry their months as text.
const LABELLED_CELL: (f64, f64) = (30.0, 18.0);

/// Where a squeeze map's cells lie in an area of a given size, in device pixels
/// from the area's top-left corner: computed from the size and the style alone,
/// shared by [`draw_squeeze_map`] and [`map_cell_at`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapLayout {
    /// Height of the legend strip at the top.
    pub legend_height: i32,
    /// Left, top, right and bottom edges of the grid (right and bottom exclusive).
    pub plot: (i32, i32, i32, i32),
    /// Column edges, left to right: column `i` spans `x_edges[i]..x_edges[i + 1]`.
    pub x_edges: Vec<i32>,
    /// Row edges, top to bottom: the top row is the largest y value.
    pub y_edges: Vec<i32>,
}

impl MapLayout {
    /// The layout of `map` in an area of `area_size` device pixels; `None` if the
    /// map has no cells or the area is too small for a grid.
    pub fn new(area_size: (u32, u32), map: &SqueezeMap, style: &ChartStyle) -> Option<Self> {
        let (columns, rows) = (map.x_values.len(), map.y_values.len());
        if columns == 0 || rows == 0 {
            return None;
        }
        let width = i32::try_from(area_size.0).ok()?;
        let height = i32::try_from(area_size.1).ok()?;
        let legend_height = legend_height(area_size.0, style);
        let left = style.offset(MARGIN_LEFT) + style.offset(Y_LABEL_AREA);
        let right = width - style.offset(MARGIN_RIGHT);
        let top = legend_height + style.offset(MARGIN_TOP);
        let bottom = height - style.offset(MARGIN_BOTTOM) - style.offset(X_LABEL_AREA);
        let edges = |start: i32, end: i32, count: usize| -> Option<Vec<i32>> {
            let span = i64::from(end - start);
            let count = i64::try_from(count).ok()?;
            if span < count {
                return None;
            }
            (0..=count)
                .map(|k| i32::try_from(i64::from(start) + k * span / count).ok())
                .collect()
        };
        Some(MapLayout {
            legend_height,
            plot: (left, top, right, bottom),
            x_edges: edges(left, right, columns)?,
            y_edges: edges(top, bottom, rows)?,
        })
    }

    fn rows(&self) -> usize {
        self.y_edges.len().saturating_sub(1)
    }

    /// The cell (x index, y index) under `pixel`, if any.
    pub fn cell_at(&self, (x, y): (i32, i32)) -> Option<(usize, usize)> {
        let find = |edges: &[i32], at: i32| {
            let (first, last) = (*edges.first()?, *edges.last()?);
            if at < first || at >= last {
                return None;
            }
            Some(edges.partition_point(|edge| *edge <= at) - 1)
        };
        let column = find(&self.x_edges, x)?;
        let visual_row = find(&self.y_edges, y)?;
        Some((column, self.rows() - 1 - visual_row))
    }

    /// The cell's top-left and bottom-right (exclusive) corners in pixels.
    pub fn cell_rect(&self, (i, j): (usize, usize)) -> Option<((i32, i32), (i32, i32))> {
        let visual_row = self.rows().checked_sub(1 + j)?;
        let (x0, x1) = (*self.x_edges.get(i)?, *self.x_edges.get(i + 1)?);
        let (y0, y1) = (*self.y_edges.get(visual_row)?, *self.y_edges.get(visual_row + 1)?);
        Some(((x0, y0), (x1, y1)))
    }

    /// The pixel at a position in cell units: `(0.0, 0.0)` is the centre of the
    /// bottom-left cell, `(1.0, 0.0)` the centre of the next one to the right.
    fn pixel_at(&self, (column, row): (f64, f64)) -> (i32, i32) {
        let (left, top, right, bottom) = self.plot;
        let columns = self.x_edges.len().saturating_sub(1).max(1) as f64;
        let rows = self.rows().max(1) as f64;
        let x = f64::from(left) + (column + 0.5) / columns * f64::from(right - left);
        let y = f64::from(bottom) - (row + 0.5) / rows * f64::from(bottom - top);
        (x.round() as i32, y.round() as i32)
    }
}

/// The legend's height: one row on wide areas, two on narrow ones.
fn legend_height(width: u32, style: &ChartStyle) -> i32 {
    let rows = if width < style.px(ONE_ROW_LEGEND_WIDTH) {
        2.0
    } else {
        1.0
    };
    style.offset(LEGEND_PAD * 2.0 + LEGEND_ROW * rows)
}

/// The cell of `map` under `pixel` when the map is drawn by [`draw_squeeze_map`]
/// on an area of `area_size`: `(x index, y index)` into `map.x_values` and
/// `map.y_values`, or `None` outside the grid. Both are in device pixels (CSS
/// pixels × the style's scale), from the area's top-left corner.
///
/// ```
/// use squeeze_charts::{map_cell_at, ChartStyle};
/// use squeeze_model::{squeeze_map, LeverId, Scenario};
/// let map = squeeze_map(&Scenario::default(), LeverId::AiDemandSlowdown, LeverId::MinerLeverage, 3, 3);
/// let style = ChartStyle::light(1.0);
/// assert_eq!(map_cell_at((640, 400), &map, (0, 0), &style), None);
/// assert!(map_cell_at((640, 400), &map, (320, 200), &style).is_some());
/// ```
pub fn map_cell_at(
    area_size: (u32, u32),
    map: &SqueezeMap,
    pixel: (i32, i32),
    style: &ChartStyle,
) -> Option<(usize, usize)> {
    MapLayout::new(area_size, map, style)?.cell_at(pixel)
}

/// Where `value` lies among `values` (ascending), in index units: 1.5 is half
/// way between the second and third; clamped to the ends; `None` if the value is
/// not finite or there are no values.
fn fractional_index(values: &[f64], value: f64) -> Option<f64> {
    if !value.is_finite() || values.is_empty() {
        return None;
    }
    let last = values.len() - 1;
    for k in 0..last {
        let (a, b) = (values[k], values[k + 1]);
        if a.is_finite() && b.is_finite() && b > a && value <= b {
            return Some(if value <= a {
                k as f64
            } else {
                k as f64 + (value - a) / (b - a)
            });
        }
    }
    Some(last as f64)
}

/// An axis in half cells (plotters' key points need integers): cell `k` spans
/// `2k − 1 .. 2k + 1`, its centre `2k` carries the tick.
fn half_cell_axis(count: usize, ticks: &[usize]) -> WithKeyPoints<RangedCoordi32> {
    let end = i32::try_from(count).unwrap_or(i32::MAX / 2).saturating_mul(2) - 1;
    let points = ticks
        .iter()
        .filter_map(|&k| i32::try_from(k).ok())
        .map(|k| k * 2)
        .collect();
    (-1..end).with_key_points(points)
}

/// Indices to label on an axis of `count` values: at most about six, evenly
/// spaced, always the first and the last.
fn tick_indices(count: usize) -> Vec<usize> {
    if count == 0 {
        return Vec::new();
    }
    let last = count - 1;
    let wanted = last.div_ceil(6).max(1);
    // Prefer a step that lands exactly on the last index.
    let step = (wanted..=last.max(1))
        .find(|step| last % step == 0)
        .filter(|step| *step <= wanted * 2)
        .unwrap_or(wanted);
    let mut ticks: Vec<usize> = (0..=last).step_by(step).collect();
    if ticks.last() != Some(&last) {
        if let Some(previous) = ticks.last_mut().filter(|t| last - **t < step / 2) {
            *previous = last;
        } else {
            ticks.push(last);
        }
    }
    ticks
}

/// Draws the squeeze map on `area`: a cell per (x, y) pair of lever values,
/// coloured by months to the first squeeze (rows not computed yet are left
/// blank), a colour legend, the reader's current point `marker` (x and y in the
/// levers' units, as in the scenario) as a ring, and the `focus` cell (x index,
/// y index) outlined. Axis labels in the levers' units. The title is left to the
/// page (see [`UncertaintyChart::SqueezeMap`](crate::UncertaintyChart)).
///
/// ```
/// use plotters::prelude::*;
/// use squeeze_charts::{draw_squeeze_map, ChartStyle, Lang};
/// use squeeze_model::{squeeze_map, LeverId, Scenario};
/// # #[cfg(feature = "svg")] {
/// let map = squeeze_map(&Scenario::default(), LeverId::AiDemandSlowdown, LeverId::MinerLeverage, 4, 4);
/// let mut svg = String::new();
/// {
///     let area = SVGBackend::with_string(&mut svg, (640, 400)).into_drawing_area();
///     let style = ChartStyle::light(1.0);
///     draw_squeeze_map(&area, &map, Some((0.0, 0.6)), Some((1, 2)), Lang::En, &style).expect("drawn");
/// }
/// assert!(svg.contains("Miner leverage"));
/// # }
/// ```
pub fn draw_squeeze_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &SqueezeMap,
    marker: Option<(f64, f64)>,
    focus: Option<(usize, usize)>,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    framed(area, style, |area| draw_plot(area, map, marker, focus, lang, style))
}

pub(crate) fn draw_plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &SqueezeMap,
    marker: Option<(f64, f64)>,
    focus: Option<(usize, usize)>,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let size = area.dim_in_pixel();
    draw_legend(area, map, marker.is_some(), lang, style)?;
    let Some(layout) = MapLayout::new(size, map, style) else {
        let (width, height) = size;
        area.draw(&Text::new(
            lang.pick("No map to show.", "Nessuna mappa da mostrare.").to_owned(),
            (
                i32::try_from(width / 2).unwrap_or(0),
                i32::try_from(height / 2).unwrap_or(0),
            ),
            style.font(13.0).pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
        return Ok(());
    };
    let (columns, rows) = (map.x_values.len(), map.y_values.len());

    // Axes, tick labels and titles, on exactly the layout's grid.
    let (_, below) = area.split_vertically(layout.legend_height);
    let x_ticks = tick_indices(columns);
    let y_ticks = tick_indices(rows);
    let mut chart = ChartBuilder::on(&below)
        .margin_left(style.px(MARGIN_LEFT))
        .margin_right(style.px(MARGIN_RIGHT))
        .margin_top(style.px(MARGIN_TOP))
        .margin_bottom(style.px(MARGIN_BOTTOM))
        .x_label_area_size(style.px(X_LABEL_AREA))
        .y_label_area_size(style.px(Y_LABEL_AREA))
        .build_cartesian_2d(half_cell_axis(columns, &x_ticks), half_cell_axis(rows, &y_ticks))?;
    let value_label = |values: &[f64], key: &str, at: i32| {
        if at.rem_euclid(2) != 0 {
            return String::new();
        }
        usize::try_from(at / 2)
            .ok()
            .and_then(|index| values.get(index))
            .map_or_else(String::new, |v| format_lever_value(key, *v, lang))
    };
    let x_label = |x: &i32| value_label(&map.x_values, map.x_lever, *x);
    let y_label = |y: &i32| value_label(&map.y_values, map.y_lever, *y);

    // Cells first, then the axes over their edges.
    let labelled = f64::from(layout.x_edges[1] - layout.x_edges[0]) >= f64::from(style.px(LABELLED_CELL.0))
        && f64::from(layout.y_edges[1] - layout.y_edges[0]) >= f64::from(style.px(LABELLED_CELL.1));
    for j in 0..rows {
        let row = map.squeeze_month.get(j);
        for i in 0..columns {
            let Some(corners) = layout.cell_rect((i, j)) else {
                continue;
            };
            let Some(cell) = row.and_then(|r| r.get(i)) else {
                // Not computed yet: a faint outline only.
                area.draw(&Rectangle::new([corners.0, corners.1], style.grid.stroke_width(1)))?;
                continue;
            };
            let colour = cell_colour(*cell, map.horizon_months, style);
            area.draw(&Rectangle::new([corners.0, corners.1], colour.filled()))?;
            if labelled {
                let text = cell.map_or_else(|| MISSING.to_owned(), |m| m.to_string());
                let centre = ((corners.0 .0 + corners.1 .0) / 2, (corners.0 .1 + corners.1 .1) / 2);
                area.draw(&Text::new(
                    text,
                    centre,
                    style
                        .coloured_font(11.0, text_colour_on(colour))
                        .pos(Pos::new(HPos::Center, VPos::Center)),
                ))?;
            }
        }
    }

    chart
        .configure_mesh()
        .disable_mesh()
        .axis_style(style.foreground)
        .label_style(style.font(12.0))
        .axis_desc_style(style.font(13.0))
        .x_desc(lever_label(map.x_lever, lang))
        .y_desc(lever_label(map.y_lever, lang))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()?;

    if let Some(rect) = focus.and_then(|cell| layout.cell_rect(cell)) {
        let ((x0, y0), (x1, y1)) = rect;
        let inset = style.offset(1.5);
        area.draw(&Rectangle::new(
            [(x0, y0), (x1 - 1, y1 - 1)],
            style.background.stroke_width(style.px(4.0)),
        ))?;
        area.draw(&Rectangle::new(
            [(x0 + inset, y0 + inset), (x1 - 1 - inset, y1 - 1 - inset)],
            style.foreground.stroke_width(style.px(2.0)),
        ))?;
    }
    if let Some((x, y)) = marker {
        let position = fractional_index(&map.x_values, x).zip(fractional_index(&map.y_values, y));
        if let Some(position) = position {
            let centre = layout.pixel_at(position);
            draw_ring(area, centre, style)?;
        }
    }
    Ok(())
}

/// The current-point ring: a page-coloured halo under a foreground ring, so it
/// shows on every colour of the scale.
fn draw_ring<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    centre: (i32, i32),
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.draw(&Circle::new(
        centre,
        style.px(7.0),
        style.background.stroke_width(style.px(4.5)),
    ))?;
    area.draw(&Circle::new(
        centre,
        style.px(7.0),
        style.foreground.stroke_width(style.px(2.0)),
    ))
}

/// Dark text on light cells, white on dark ones.
fn text_colour_on(cell: RGBColor) -> RGBColor {
    let luma = 0.299 * f64::from(cell.0) + 0.587 * f64::from(cell.1) + 0.114 * f64::from(cell.2);
    if luma > 140.0 {
        RGBColor(20, 20, 20)
    } else {
        RGBColor(255, 255, 255)
    }
}

/// The legend strip: the colour scale from 0 to the horizon, the no-squeeze
/// swatch and, if drawn, the current-point ring; on two rows when narrow.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    map: &SqueezeMap,
    with_marker: bool,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let horizon = map.horizon_months.max(1);
    let font = style.font(12.0);
    let left =
        |text: &str, at: (i32, i32)| Text::new(text.to_owned(), at, font.pos(Pos::new(HPos::Left, VPos::Center)));
    let gap = style.offset(8.0);
    let two_rows = area.dim_in_pixel().0 < style.px(ONE_ROW_LEGEND_WIDTH);
    let row_y = |row: i32| style.offset(LEGEND_PAD + LEGEND_ROW / 2.0) + row * style.offset(LEGEND_ROW);
    let text_width = |text: &str| -> Result<i32, DrawingAreaErrorKind<DB::ErrorType>> {
        Ok(i32::try_from(area.estimate_text_size(text, &font)?.0).unwrap_or(0))
    };

    // Row 1: "Months to the first squeeze: 0 [scale] 60".
    let mut x = style.offset(12.0);
    let y = row_y(0);
    let title = lang.pick("Months to the first squeeze:", "Mesi alla prima crisi:");
    area.draw(&left(title, (x, y)))?;
    x += text_width(title)? + gap;
    area.draw(&left("0", (x, y)))?;
    x += text_width("0")? + style.offset(4.0);
    let (scale_width, half) = (style.offset(SCALE_WIDTH), style.offset(5.0));
    let steps = 40;
    for k in 0..steps {
        let (x0, x1) = (x + scale_width * k / steps, x + scale_width * (k + 1) / steps);
        let t = (f64::from(k) + 0.5) / f64::from(steps);
        area.draw(&Rectangle::new([(x0, y - half), (x1, y + half)], viridis(t).filled()))?;
    }
    x += scale_width + style.offset(4.0);
    let end = format_number(f64::from(horizon), 0, lang);
    area.draw(&left(&end, (x, y)))?;
    x += text_width(&end)? + gap * 2;

    // Then the no-squeeze swatch and the ring, on row 2 when narrow.
    let (mut x, y) = if two_rows {
        (style.offset(12.0), row_y(1))
    } else {
        (x, y)
    };
    let swatch = style.offset(16.0);
    area.draw(&Rectangle::new(
        [(x, y - half), (x + swatch, y + half)],
        no_squeeze_colour(style).filled(),
    ))?;
    x += swatch + style.offset(6.0);
    let none = match lang {
        Lang::En => format!("none within {horizon} months"),
        Lang::It => format!("nessuna entro {horizon} mesi"),
    };
    area.draw(&left(&none, (x, y)))?;
    x += text_width(&none)? + gap * 2;
    if with_marker {
        draw_ring(area, (x + style.offset(7.0), y), style)?;
        x += style.offset(20.0);
        area.draw(&left(lang.pick("current scenario", "scenario attuale"), (x, y)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viridis_runs_from_dark_to_light_and_takes_any_input() {
        let luma = |c: RGBColor| 0.299 * f64::from(c.0) + 0.587 * f64::from(c.1) + 0.114 * f64::from(c.2);
        let steps: Vec<f64> = (0..=20).map(|k| luma(viridis(f64::from(k) / 20.0))).collect();
        assert!(steps.windows(2).all(|w| w[0] < w[1]), "{steps:?}");
        assert_eq!(viridis(f64::NAN), viridis(0.0));
        assert_eq!(viridis(7.0), viridis(1.0));
        for style in [ChartStyle::light(1.0), ChartStyle::dark(1.0)] {
            let none = no_squeeze_colour(&style);
            assert!((0..=20).all(|k| viridis(f64::from(k) / 20.0) != none));
        }
    }

    #[test]
    fn ticks_include_both_ends_and_stay_few() {
        assert_eq!(tick_indices(21), vec![0, 4, 8, 12, 16, 20]);
        assert_eq!(tick_indices(6), vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(tick_indices(2), vec![0, 1]);
        assert_eq!(tick_indices(1), vec![0]);
        assert!(tick_indices(0).is_empty());
        for count in 1..=201 {
            let ticks = tick_indices(count);
            assert_eq!(ticks.first(), Some(&0));
            assert_eq!(ticks.last(), Some(&(count - 1)));
            assert!(ticks.len() <= 8, "{count}: {ticks:?}");
            assert!(ticks.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn fractional_positions_interpolate_and_clamp() {
        let values = [0.0, 0.2, 0.4];
        assert_eq!(fractional_index(&values, 0.1), Some(0.5));
        assert_eq!(fractional_index(&values, 0.4), Some(2.0));
        assert_eq!(fractional_index(&values, -1.0), Some(0.0));
        assert_eq!(fractional_index(&values, 9.0), Some(2.0));
        assert_eq!(fractional_index(&values, f64::NAN), None);
        assert_eq!(fractional_index(&[], 0.1), None);
        assert_eq!(fractional_index(&[0.3], 0.1), Some(0.0));
    }
}

//! The legend strip every time chart shares: one swatch per series (line,
//! dashed line, band, hatched area), wrapped over as many rows as it needs.

use super::*;

/// How a series is drawn, for its legend swatch.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Swatch {
    /// A solid line.
    Line,
    /// A filled band.
    Area,
    /// A dashed, faded line (the baseline).
    Ghost,
    /// A ring (a squeeze marker).
    Ring,
    /// A rectangle filled with exactly the colour (a pre-blended band shade).
    Fill,
    /// A light fill crossed by stripes of the colour (the high end of a tornado bar).
    Hatch,
}

/// One legend entry.
pub(crate) struct LegendEntry {
    pub label: String,
    pub colour: RGBColor,
    pub swatch: Swatch,
}

impl LegendEntry {
    pub fn new(label: impl Into<String>, colour: RGBColor, swatch: Swatch) -> Self {
        Self {
            label: label.into(),
            colour,
            swatch,
        }
    }
}

/// Writes the legend in a strip at the top of `area` (wrapping onto as many rows
/// as the width needs, so it never covers data) and returns the area left for
/// the plot.
pub(crate) fn legend_strip<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    legend: &[LegendEntry],
    style: &ChartStyle,
) -> Result<DrawingArea<DB, Shift>, DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, _) = area.dim_in_pixel();
    let margin = style.offset(12.0);

    // Lay out the legend entries in rows, left to right.
    let font = style.font(12.0);
    let row_height = style.offset(18.0);
    let swatch_width = style.offset(18.0);
    let gap = style.offset(6.0);
    let right_edge = i32::try_from(width).unwrap_or(i32::MAX) - margin;
    let mut placed = Vec::with_capacity(legend.len());
    let (mut x, mut row) = (margin, 0);
    for entry in legend {
        let (text_width, _) = area.estimate_text_size(&entry.label, &font)?;
        let entry_width = swatch_width + gap + i32::try_from(text_width).unwrap_or(0);
        if x > margin && x + entry_width > right_edge {
            x = margin;
            row += 1;
        }
        placed.push((x, row, entry));
        x += entry_width + 2 * gap + style.offset(4.0);
    }
    let rows = if legend.is_empty() { 0 } else { row + 1 };
    let top = style.offset(6.0);
    for (x, row, entry) in placed {
        let y = top + row * row_height + row_height / 2;
        draw_swatch(area, entry, (x, y), swatch_width, style)?;
        area.draw(&Text::new(
            entry.label.clone(),
            (x + swatch_width + gap, y),
            font.pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    let strip = top + rows * row_height + style.offset(4.0);
    let (_, plot) = area.split_vertically(strip);
    Ok(plot)
}

pub(super) fn draw_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entry: &LegendEntry,
    (x, y): (i32, i32),
    width: i32,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let half = style.offset(5.0);
    match entry.swatch {
        Swatch::Line => area.draw(&PathElement::new(
            vec![(x, y), (x + width, y)],
            entry.colour.stroke_width(style.px(3.0)),
        )),
        Swatch::Area => area.draw(&Rectangle::new(
            [(x, y - half), (x + width, y + half)],
            entry.colour.mix(0.75).filled(),
        )),
        Swatch::Ghost => area.draw(&DashedPathElement::new(
            vec![(x, y), (x + width, y)],
            style.px(4.0),
            style.px(3.0),
            ghost_style(entry.colour, style),
        )),
        Swatch::Ring => area.draw(&Circle::new(
            (x + width / 2, y),
            style.px(5.0),
            entry.colour.stroke_width(style.px(2.0)),
        )),
        Swatch::Fill => area.draw(&Rectangle::new(
            [(x, y - half), (x + width, y + half)],
            entry.colour.filled(),
        )),
        Swatch::Hatch => {
            let corners = [(x, y - half), (x + width, y + half)];
            area.draw(&Rectangle::new(corners, hatch_fill(entry.colour)))?;
            let step = style.offset(4.0).max(2);
            let stripes = (x + step / 2..x + width)
                .step_by(usize::try_from(step).unwrap_or(2))
                .map(|sx| PathElement::new(vec![(sx, y - half), (sx, y + half)], hatch_stripe(entry.colour, style)));
            for stripe in stripes {
                area.draw(&stripe)?;
            }
            area.draw(&Rectangle::new(corners, entry.colour.stroke_width(style.px(1.0))))
        }
    }
}

/// The light fill under the stripes of a hatched area.
pub(crate) fn hatch_fill(colour: RGBColor) -> ShapeStyle {
    colour.mix(0.25).filled()
}

/// The stripes of a hatched area.
pub(crate) fn hatch_stripe(colour: RGBColor, style: &ChartStyle) -> ShapeStyle {
    colour.stroke_width(style.px(1.5))
}

//! Squeeze's charts: one plain function per chart, over plain outcome data and any
//! plotters drawing area, so the same code can draw on a canvas in the browser or
//! to SVG natively. No state, no DOM.

use plotters::coord::Shift;
use plotters::prelude::*;
use squeeze_model::Outcome;

/// A colour-blind-safe palette (Okabe & Ito, 2008), one colour per archetype.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(230, 159, 0),   // orange
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(240, 228, 66),  // yellow
];

/// Colours and scale for one drawing: light or dark page, and the device pixel
/// ratio so that text and lines stay the same size on high-DPI screens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartStyle {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// Background colour.
    pub background: RGBColor,
    /// Text and axis colour.
    pub foreground: RGBColor,
    /// Grid line colour.
    pub grid: RGBColor,
}

impl ChartStyle {
    /// Dark text on a white page.
    pub fn light(scale: f64) -> Self {
        Self {
            scale,
            background: WHITE,
            foreground: RGBColor(33, 37, 41),
            grid: RGBColor(222, 226, 230),
        }
    }

    /// Light text on a dark page.
    pub fn dark(scale: f64) -> Self {
        Self {
            scale,
            background: RGBColor(24, 26, 31),
            foreground: RGBColor(222, 226, 230),
            grid: RGBColor(60, 64, 72),
        }
    }

    fn px(&self, css_px: f64) -> u32 {
        (css_px * self.scale).round().max(1.0) as u32
    }

    fn font(&self, css_px: f64) -> TextStyle<'static> {
        ("sans-serif", css_px * self.scale)
            .into_font()
            .color(&self.foreground)
    }
}

/// Cash of each operator archetype over time, in millions of US dollars, with a
/// marker at each operator's first squeeze.
pub fn draw_cash_runway<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    outcome: &Outcome,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&style.background)?;
    let months = &outcome.series.months;
    let Some(last) = months.len().checked_sub(1) else {
        return Ok(());
    };
    let to_millions = |usd: f64| usd / 1e6;
    let (mut low, mut high) = (0.0_f64, 0.0_f64);
    for cash in outcome.miners.iter().flat_map(|miner| &miner.cash_usd) {
        low = low.min(to_millions(*cash));
        high = high.max(to_millions(*cash));
    }
    let pad = ((high - low) * 0.08).max(1.0);
    let year_starts: Vec<i32> = (0..=last)
        .filter(|&i| months[i].month() == 1)
        .map(|i| i as i32)
        .collect();

    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(64.0))
        .build_cartesian_2d(
            (0..last as i32).with_key_points(year_starts),
            (low - pad)..(high + pad),
        )?;
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(style.grid)
        .axis_style(style.foreground)
        .label_style(style.font(12.0))
        .axis_desc_style(style.font(13.0))
        .x_desc("Month")
        .y_desc("Cash (US$ millions)")
        .x_label_formatter(&|&i| {
            months
                .get(i as usize)
                .map(|m| m.year().to_string())
                .unwrap_or_default()
        })
        .y_label_formatter(&|&v| format!("{v:.0}"))
        .draw()?;

    // Zero line: below it, an operator cannot pay its way.
    chart.draw_series(LineSeries::new(
        [(0, 0.0), (last as i32, 0.0)],
        style.foreground.stroke_width(1),
    ))?;

    for (miner, colour) in outcome.miners.iter().zip(PALETTE.iter().cycle()) {
        let points = miner
            .cash_usd
            .iter()
            .enumerate()
            .map(|(i, cash)| (i as i32, to_millions(*cash)));
        chart
            .draw_series(LineSeries::new(points, colour.stroke_width(style.px(2.5))))?
            .label(miner.name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 4), (x + 16, y + 4)], colour.filled()));
        if let Some(month) = miner.squeeze_month {
            let cash = miner.cash_usd.get(month as usize).copied().unwrap_or(0.0);
            chart.draw_series([Circle::new(
                (month as i32, to_millions(cash)),
                style.px(6.0),
                colour.stroke_width(style.px(2.5)),
            )])?;
        }
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(style.background.mix(0.85))
        .border_style(style.grid)
        .label_font(style.font(12.0))
        .draw()?;
    area.present()
}

//! What the chart tests share: drawing to an SVG string, finding text in it, and
//! the stressed scenario that squeezes operators.
// Each test file uses only some of these.
#![allow(dead_code)]

use plotters::coord::Shift;
use plotters::prelude::*;
use squeeze_model::Scenario;

/// The size the tests draw at.
pub const SIZE: (u32, u32) = (720, 440);

/// Draws with `draw` on an SVG area of `size` and returns the SVG; the drawing
/// must succeed.
pub fn render_sized(size: (u32, u32), draw: impl Fn(&DrawingArea<SVGBackend<'_>, Shift>) -> bool) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        assert!(draw(&area), "drawing failed");
    }
    svg
}

/// [`render_sized`] at [`SIZE`].
pub fn render_with(draw: impl Fn(&DrawingArea<SVGBackend<'_>, Shift>) -> bool) -> String {
    render_sized(SIZE, draw)
}

/// SVG text content is XML-escaped; compare against escaped text.
pub fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\'', "&apos;")
        .replace('"', "&quot;")
}

/// Whether the SVG carries `text`, as it is or escaped.
pub fn svg_contains(svg: &str, text: &str) -> bool {
    svg.contains(text) || svg.contains(&escaped(text))
}

/// Demand growth gone, maximum leverage, and chips so efficient that capacity
/// floods the market: operators get squeezed.
pub fn stressed_scenario() -> Scenario {
    Scenario {
        ai_demand_slowdown: 1.0,
        miner_leverage: 0.9,
        chip_throughput: 10.0,
        ..Scenario::default()
    }
}

//! Colours, line widths and type sizes: one [`ChartStyle`] per drawing (light or
//! dark page, device pixel ratio) and the colour-blind-safe [`PALETTE`].

use plotters::style::{Color, FontDesc, IntoFont, RGBAColor, RGBColor, TextStyle, WHITE};

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

/// The palette colour for the `index`-th series, cycling past the last.
pub fn palette_colour(index: usize) -> RGBColor {
    PALETTE[index % PALETTE.len()]
}

/// Fixed colours for the named market series, from [`PALETTE`], so a quantity
/// keeps its colour across charts.
pub(crate) mod series_colour {
    use super::{RGBColor, PALETTE};
    /// Bitcoin price and mining revenue: orange.
    pub const BITCOIN: RGBColor = PALETTE[4];
    /// Hashprice: blue.
    pub const HASHPRICE: RGBColor = PALETTE[0];
    /// AI utilisation and AI revenue: bluish green.
    pub const AI: RGBColor = PALETTE[2];
    /// Spot rate of AI capacity: vermillion.
    pub const SPOT_RATE: RGBColor = PALETTE[1];
    /// Contracted lease rate of AI capacity: reddish purple.
    pub const LEASE_RATE: RGBColor = PALETTE[3];
}

/// Colours and scale for one drawing: light or dark page, and the device pixel
/// ratio so that text and lines stay the same size on high-DPI screens.
///
/// ```
/// use squeeze_charts::ChartStyle;
/// let style = ChartStyle::dark(2.0);
/// assert_ne!(style.background, ChartStyle::light(2.0).background);
/// ```
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

    /// The light or the dark style.
    pub fn for_theme(dark: bool, scale: f64) -> Self {
        if dark {
            Self::dark(scale)
        } else {
            Self::light(scale)
        }
    }

    /// The device pixel ratio, or 1 if it is not a positive finite number.
    fn safe_scale(&self) -> f64 {
        if self.scale.is_finite() && self.scale > 0.0 {
            self.scale.min(8.0)
        } else {
            1.0
        }
    }

    /// A length in CSS pixels as whole device pixels (at least 1).
    pub(crate) fn px(&self, css_px: f64) -> u32 {
        (css_px * self.safe_scale()).round().max(1.0) as u32
    }

    /// A signed offset in CSS pixels as device pixels.
    pub(crate) fn offset(&self, css_px: f64) -> i32 {
        (css_px * self.safe_scale()).round() as i32
    }

    /// Text of `css_px` CSS pixels in the foreground colour.
    pub(crate) fn font(&self, css_px: f64) -> TextStyle<'static> {
        self.coloured_font(css_px, self.foreground)
    }

    /// Text of `css_px` CSS pixels in `colour`.
    pub(crate) fn coloured_font(&self, css_px: f64, colour: RGBColor) -> TextStyle<'static> {
        let font: FontDesc<'static> = ("sans-serif", css_px * self.safe_scale()).into_font();
        font.color(&colour)
    }

    /// The colour of annotations (halving, squeeze markers): the foreground, faded.
    pub(crate) fn annotation(&self) -> RGBAColor {
        self.foreground.mix(0.7)
    }
}

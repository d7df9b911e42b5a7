//! Standalone SVG documents (feature `svg`): a chart with its title and, beneath
//! it, the summary sentence and a source line, wrapped in an outer `<svg>` that
//! carries a `<title>` and a `<desc>`, so the file reads on its own — in an image
//! viewer, on a slide, or as an `<img>` with no page around it.
//!
//! Used by the CLI's `squeeze chart` export, the no-JavaScript fallback images and
//! the golden-image tests, so all three show the same picture. The output is
//! deterministic: the same outcome, language, style and size give the same bytes.
//!
//! [`standalone_svg`] takes an outcome chart ([`Standalone`]) or any [`Figure`],
//! the uncertainty charts included ([`StandaloneFigure`]); for a Monte Carlo
//! figure the summary gains the chance of a squeeze
//! ([`odds_sentence`](crate::summary::odds_sentence)), as in the app.
//!
//! ```
//! use squeeze_charts::export::{standalone_svg, Standalone};
//! use squeeze_charts::{ChartKind, ChartStyle, ChartView, Lang};
//! use squeeze_model::{run, Scenario};
//!
//! let scenario = Scenario::default();
//! let outcome = run(&scenario);
//! let svg = standalone_svg(Standalone {
//!     kind: ChartKind::CashRunway,
//!     view: ChartView::new(&outcome, Lang::En, ChartStyle::light(1.0)),
//!     size: (720, 440),
//!     scenario_name: squeeze_charts::scenario_name(&scenario, Lang::En),
//!     show_summary: true,
//! })
//! .expect("a valid size");
//! assert!(svg.starts_with("<svg") && svg.contains(">Company cash runway</title>"));
//! assert!(svg.contains("Squeeze model, scenario: Late-2025 base case"));
//!
//! // An uncertainty chart: the same document around another figure.
//! use squeeze_charts::export::StandaloneFigure;
//! use squeeze_charts::Figure;
//! let mc = squeeze_model::monte_carlo(&scenario, 1, 50);
//! let svg = standalone_svg(StandaloneFigure {
//!     figure: Figure::SqueezeProbability(&mc),
//!     view: ChartView::new(&outcome, Lang::En, ChartStyle::light(1.0)),
//!     size: (720, 440),
//!     scenario_name: "custom",
//!     show_summary: true,
//! })
//! .expect("a valid size");
//! assert!(svg.contains(">Chance of a liquidity squeeze</title>"));
//! assert!(svg.contains("Over 50 simulated paths, there is "));
//! ```

use crate::summary::{odds_explanation, odds_sentence, summary};
use crate::{ChartKind, ChartStyle, ChartView, Figure, Lang};
use plotters::prelude::*;
use plotters::style::RGBColor;
use std::fmt::{self, Write as _};

/// The smallest image, in pixels (width, height), that still fits a chart.
pub const MIN_SIZE: (u32, u32) = (240, 180);

/// The largest image, in pixels (width, height).
pub const MAX_SIZE: (u32, u32) = (4096, 4096);

/// The size of the exported images and of the fallback, in pixels.
pub const DEFAULT_SIZE: (u32, u32) = (720, 440);

/// The chart keeps at least this share of the image height; a summary that would
/// squeeze it further stays in the `<desc>` only.
const MIN_CHART_SHARE: f64 = 0.6;

/// What a standalone SVG shows.
#[derive(Debug, Clone, Copy)]
pub struct Standalone<'a> {
    /// The chart to draw.
    pub kind: ChartKind,
    /// The outcome, language and style.
    pub view: ChartView<'a>,
    /// Width and height of the whole image in pixels, text strip included;
    /// within [`MIN_SIZE`] and [`MAX_SIZE`].
    pub size: (u32, u32),
    /// The scenario's name in the view's language, for the source line (see
    /// [`scenario_name`](crate::scenario_name)).
    pub scenario_name: &'a str,
    /// Whether to write the summary sentence under the chart. It is always in the
    /// `<desc>`; leave it out of the picture when a caption beside the image says
    /// it already (as the no-JavaScript fallback does).
    pub show_summary: bool,
}

/// What a standalone SVG shows, for any [`Figure`]: the same fields as
/// [`Standalone`], with a figure in place of an outcome chart.
#[derive(Debug, Clone, Copy)]
pub struct StandaloneFigure<'a> {
    /// The figure to draw, with the results it draws.
    pub figure: Figure<'a>,
    /// The outcome (of the same scenario), language and style. The outcome gives
    /// the summary sentence, an outcome chart's lines and a fan's dashed
    /// deterministic path.
    pub view: ChartView<'a>,
    /// Width and height of the whole image in pixels, text strip included;
    /// within [`MIN_SIZE`] and [`MAX_SIZE`].
    pub size: (u32, u32),
    /// The scenario's name in the view's language, for the source line.
    pub scenario_name: &'a str,
    /// Whether to write the summary sentence under the chart (it is always in
    /// the `<desc>`).
    pub show_summary: bool,
}

impl<'a> From<Standalone<'a>> for StandaloneFigure<'a> {
    fn from(doc: Standalone<'a>) -> Self {
        StandaloneFigure {
            figure: Figure::Outcome(doc.kind),
            view: doc.view,
            size: doc.size,
            scenario_name: doc.scenario_name,
            show_summary: doc.show_summary,
        }
    }
}

impl<'a> From<&Standalone<'a>> for StandaloneFigure<'a> {
    fn from(doc: &Standalone<'a>) -> Self {
        (*doc).into()
    }
}

impl<'a> From<&StandaloneFigure<'a>> for StandaloneFigure<'a> {
    fn from(doc: &StandaloneFigure<'a>) -> Self {
        *doc
    }
}

/// Why a standalone SVG could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The requested size is outside [`MIN_SIZE`]..=[`MAX_SIZE`].
    SizeOutOfRange {
        /// The requested width in pixels.
        width: u32,
        /// The requested height in pixels.
        height: u32,
    },
    /// plotters failed to draw (it should not: the charts take any data).
    Drawing(String),
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportError::SizeOutOfRange { width, height } => write!(
                f,
                "size {width}x{height} is out of range; use {}x{} to {}x{} pixels",
                MIN_SIZE.0, MIN_SIZE.1, MAX_SIZE.0, MAX_SIZE.1
            ),
            ExportError::Drawing(message) => write!(f, "cannot draw the chart: {message}"),
        }
    }
}

impl std::error::Error for ExportError {}

/// Checks that `(width, height)` is a size [`standalone_svg`] accepts.
///
/// ```
/// use squeeze_charts::export::check_size;
/// assert!(check_size((720, 440)).is_ok());
/// assert!(check_size((10, 440)).is_err());
/// ```
pub fn check_size((width, height): (u32, u32)) -> Result<(), ExportError> {
    let fits = (MIN_SIZE.0..=MAX_SIZE.0).contains(&width) && (MIN_SIZE.1..=MAX_SIZE.1).contains(&height);
    if fits {
        Ok(())
    } else {
        Err(ExportError::SizeOutOfRange { width, height })
    }
}

/// The source line under an exported chart: en `Squeeze model, scenario: Chip
/// glut`, it `Modello Squeeze, scenario: Eccesso di chip`.
pub fn source_line(scenario_name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Squeeze model, scenario: {scenario_name}"),
        Lang::It => format!("Modello Squeeze, scenario: {scenario_name}"),
    }
}

/// `text` escaped for XML and HTML, in element content and in quoted attributes
/// alike: `&`, `<`, `>`, `"` and `'`.
///
/// ```
/// use squeeze_charts::export::escape_markup;
/// assert_eq!(escape_markup(r#"<a href="x">AT&T's</a>"#),
///            "&lt;a href=&quot;x&quot;&gt;AT&amp;T&#39;s&lt;/a&gt;");
/// ```
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The summary under a figure: the outcome's [`summary`], and for a Monte Carlo
/// figure the chance of a squeeze over its paths ([`odds_sentence`]).
pub fn figure_summary(figure: &Figure<'_>, outcome: &squeeze_model::Outcome, lang: Lang) -> String {
    let mut text = summary(outcome, lang);
    if let Some(mc) = figure.monte_carlo() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&odds_sentence(mc, lang));
        if let Some(why) = odds_explanation(mc, outcome, lang) {
            text.push(' ');
            text.push_str(&why);
        }
    }
    text
}

/// The figure as a standalone SVG document: the titled chart on top and a strip
/// with the summary (if asked and if it fits) and the source line below, inside
/// an outer `<svg>` with `role="img"`, `xml:lang`, `<title>` (the figure's
/// title) and `<desc>` (summary, figure description and source). Takes a
/// [`Standalone`] (an outcome chart) or a [`StandaloneFigure`] (any figure), by
/// value or by reference.
pub fn standalone_svg<'a>(doc: impl Into<StandaloneFigure<'a>>) -> Result<String, ExportError> {
    let doc: StandaloneFigure<'a> = doc.into();
    check_size(doc.size)?;
    let (width, height) = doc.size;
    let figure = &doc.figure;
    let view = &doc.view;
    let style = &view.style;
    let lang = view.lang;
    let summary_text = figure_summary(figure, view.outcome, lang);
    let source = source_line(doc.scenario_name, lang);

    let layout = FooterLayout::new(style);
    let text_width = f64::from(width) - 2.0 * f64::from(layout.margin);
    let mut summary_lines = if doc.show_summary {
        wrap(&summary_text, text_width, f64::from(layout.summary_font))
    } else {
        Vec::new()
    };
    let min_chart = (f64::from(height) * MIN_CHART_SHARE).ceil() as u32;
    if height.saturating_sub(layout.height(summary_lines.len())) < min_chart {
        summary_lines.clear();
    }
    let chart_height = height.saturating_sub(layout.height(summary_lines.len()));

    let mut chart = String::new();
    {
        let area = SVGBackend::with_string(&mut chart, (width, chart_height)).into_drawing_area();
        figure
            .draw_with_title(&area, view)
            .map_err(|e| ExportError::Drawing(e.to_string()))?;
    }

    let id = figure.id();
    let description = [summary_text.as_str(), &figure.description(view.outcome, lang), &source]
        .iter()
        .filter(|text| !text.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");

    let mut svg = String::with_capacity(chart.len() + 2048);
    // Writing to a String cannot fail.
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{id}-title {id}-desc" xml:lang="{lang}">"#,
        lang = lang.code(),
    );
    let _ = writeln!(
        svg,
        r#"<title id="{id}-title">{}</title>"#,
        escape_markup(&figure.title(lang))
    );
    let _ = writeln!(svg, r#"<desc id="{id}-desc">{}</desc>"#, escape_markup(&description));
    let _ = writeln!(
        svg,
        r#"<rect x="0" y="0" width="{width}" height="{height}" fill="{}"/>"#,
        hex(style.background)
    );
    svg.push_str(&chart);
    if !chart.ends_with('\n') {
        svg.push('\n');
    }
    let mut top = chart_height + layout.padding_top;
    for line in &summary_lines {
        push_text(&mut svg, &layout, top, layout.summary_font, 1.0, line, style);
        top += layout.summary_line;
    }
    push_text(&mut svg, &layout, top, layout.source_font, 0.75, &source, style);
    svg.push_str("</svg>\n");
    Ok(svg)
}

/// Sizes of the text strip under the chart, in device pixels.
struct FooterLayout {
    margin: u32,
    padding_top: u32,
    padding_bottom: u32,
    summary_font: u32,
    summary_line: u32,
    source_font: u32,
    source_line: u32,
}

impl FooterLayout {
    fn new(style: &ChartStyle) -> Self {
        Self {
            margin: style.px(12.0),
            padding_top: style.px(4.0),
            padding_bottom: style.px(6.0),
            summary_font: style.px(11.0),
            summary_line: style.px(15.0),
            source_font: style.px(10.0),
            source_line: style.px(14.0),
        }
    }

    /// The strip's height with `summary_lines` lines of summary.
    fn height(&self, summary_lines: usize) -> u32 {
        let lines = u32::try_from(summary_lines).unwrap_or(u32::MAX);
        self.padding_top
            .saturating_add(lines.saturating_mul(self.summary_line))
            .saturating_add(self.source_line)
            .saturating_add(self.padding_bottom)
    }
}

/// One line of text in the strip, its line box starting at `top`.
fn push_text(
    svg: &mut String,
    layout: &FooterLayout,
    top: u32,
    font: u32,
    opacity: f64,
    text: &str,
    style: &ChartStyle,
) {
    // The baseline sits about 0.8 of the font size below the top of the glyphs;
    // centre the glyphs in a line box one and a third times the font size.
    let baseline = top + (font * 4 / 3 + font * 8 / 10) / 2;
    let fade = if opacity < 1.0 {
        format!(r#" fill-opacity="{opacity:.2}""#)
    } else {
        String::new()
    };
    let _ = writeln!(
        svg,
        r#"<text x="{x}" y="{baseline}" font-family="sans-serif" font-size="{font}" fill="{fill}"{fade}>{text}</text>"#,
        x = layout.margin,
        fill = hex(style.foreground),
        text = escape_markup(text),
    );
}

/// `#RRGGBB`, as plotters writes colours.
fn hex(colour: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
}

/// Splits `text` into lines no wider than `max_width` pixels at `font_px`, at
/// spaces; a word longer than a line gets a line of its own.
fn wrap(text: &str, max_width: f64, font_px: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && estimated_width(&candidate, font_px) > max_width {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The width of `text` in pixels at `font_px`, estimated from Helvetica/Arial
/// advance widths plus a margin for wider sans-serif fonts (DejaVu Sans, the
/// usual Linux default). A viewer picks the font, so this errs on the wide side.
fn estimated_width(text: &str, font_px: f64) -> f64 {
    const WIDER_FONTS: f64 = 1.08;
    let em: f64 = text
        .chars()
        .map(|c| match c {
            '\'' => 0.19,
            'i' | 'j' | 'l' => 0.22,
            ' ' | '.' | ',' | ':' | ';' | '!' | 'f' | 't' | 'I' | '/' => 0.28,
            'r' | '(' | ')' | '-' => 0.33,
            'm' | 'M' => 0.83,
            '%' | 'W' => 0.89,
            'w' => 0.72,
            'A'..='Z' => 0.67,
            _ => 0.56,
        })
        .sum();
    em * font_px * WIDER_FONTS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_in_order_and_lines_within_the_width() {
        let text =
            "The first liquidity squeeze hits in Apr 2027, 16 months in: the neocloud cannot meet its obligations.";
        let lines = wrap(text, 200.0, 12.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(estimated_width(line, 12.0) <= 200.0 || !line.contains(' '), "{line}");
        }
        assert_eq!(wrap("", 100.0, 12.0), Vec::<String>::new());
        assert_eq!(wrap("unbreakable", 1.0, 12.0), vec!["unbreakable"]);
    }

    #[test]
    fn wide_letters_are_estimated_wider_than_narrow_ones() {
        assert!(estimated_width("WWW", 12.0) > estimated_width("iii", 12.0));
        assert_eq!(estimated_width("", 12.0), 0.0);
    }

    #[test]
    fn sizes_outside_the_range_are_refused() {
        assert!(check_size(MIN_SIZE).is_ok() && check_size(MAX_SIZE).is_ok());
        assert!(check_size(DEFAULT_SIZE).is_ok());
        for bad in [
            (MIN_SIZE.0 - 1, 440),
            (720, MIN_SIZE.1 - 1),
            (MAX_SIZE.0 + 1, 440),
            (0, 0),
        ] {
            let error = check_size(bad).expect_err("out of range");
            assert!(error.to_string().contains(&format!("{}x{}", bad.0, bad.1)));
        }
    }

    fn export(size: (u32, u32), show_summary: bool) -> (String, String) {
        let outcome = squeeze_model::run(&squeeze_model::Scenario::default());
        let svg = standalone_svg(Standalone {
            kind: ChartKind::RevenueMix,
            view: ChartView::new(&outcome, Lang::It, ChartStyle::dark(1.0)),
            size,
            scenario_name: "prova",
            show_summary,
        })
        .expect("a valid size");
        (svg, summary(&outcome, Lang::It))
    }

    /// The `<text>` lines written in the strip under the chart (after the
    /// chart's own `</svg>`).
    fn strip_lines(svg: &str) -> Vec<&str> {
        let (_, strip) = svg.rsplit_once("</svg>\n<text").expect("a text strip");
        strip.lines().filter(|line| *line != "</svg>").collect()
    }

    /// The height of the nested chart `<svg>`.
    fn chart_height(svg: &str) -> u32 {
        let inner = svg.split("\n<svg width=").nth(1).expect("a nested chart");
        let height = inner.split('"').nth(3).expect("a height");
        height.parse().expect("a number")
    }

    #[test]
    fn the_summary_is_under_the_chart_when_asked_and_always_in_the_description() {
        let (with, summary) = export(DEFAULT_SIZE, true);
        let (without, _) = export(DEFAULT_SIZE, false);
        let desc = format!("<desc id=\"revenue-mix-desc\">{}", escape_markup(&summary));
        assert!(with.contains(&desc) && without.contains(&desc));
        assert!(strip_lines(&with).len() > 1);
        assert_eq!(strip_lines(&without).len(), 1, "only the source line");
        assert!(without.contains("Modello Squeeze, scenario: prova"));
        // The chart gets the height the summary does not use.
        assert!(chart_height(&without) > chart_height(&with));
        assert!(chart_height(&with) >= (f64::from(DEFAULT_SIZE.1) * MIN_CHART_SHARE) as u32);
    }

    #[test]
    fn a_summary_that_would_crowd_the_chart_stays_in_the_description() {
        let (short, summary) = export(MIN_SIZE, true);
        assert_eq!(strip_lines(&short).len(), 1, "only the source line");
        assert!(short.contains(&escape_markup(&summary)));
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape_markup("a & b < c"), "a &amp; b &lt; c");
        assert_eq!(escape_markup("l'IA \"x\""), "l&#39;IA &quot;x&quot;");
        assert_eq!(escape_markup("plain"), "plain");
    }
}

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

mod fan;
mod probability;

pub use fan::*;
pub use probability::*;

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

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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

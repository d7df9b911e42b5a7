//! # squeeze-charts
//!
//! Squeeze's charts: one plain function per chart, over plain outcome data and any
//! plotters drawing area, so the same code draws on a canvas in the browser
//! (plotters-canvas) and to SVG natively (feature `svg`). No state, no DOM.
//!
//! Each [`ChartKind`] comes with its words as well as its lines: a title, a
//! description of what it shows for this outcome, and its data as a [`DataTable`].
//! [`locale`] formats numbers and dates in English and Italian for the charts and
//! the app alike.
//!
//! The uncertainty charts ([`UncertaintyChart`]) draw the model's Monte Carlo
//! ([`draw_squeeze_probability`], [`draw_fan`]), its tornado ([`draw_tornado`])
//! and its squeeze map ([`draw_squeeze_map`], with [`map_cell_at`] for clicks),
//! each with a description and a table beside it.
//!
//! ```
//! use plotters::prelude::*;
//! use squeeze_charts::{draw, ChartKind, ChartStyle, ChartView, Lang};
//! # #[cfg(feature = "svg")] {
//! let outcome = squeeze_model::run(&squeeze_model::Scenario::default());
//! let view = ChartView::new(&outcome, Lang::It, ChartStyle::light(1.0));
//! let mut svg = String::new();
//! {
//!     let area = SVGBackend::with_string(&mut svg, (640, 400)).into_drawing_area();
//!     draw(ChartKind::CashRunway, &area, &view).expect("drawn");
//! }
//! assert!(svg.contains("Cassa"));
//! # }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod ai_capacity;
mod btc_hashprice;
mod cash_runway;
mod company;
mod events;
#[cfg(feature = "svg")]
pub mod export;
mod levers;
pub mod locale;
mod revenue_mix;
mod squeeze_map;
mod style;
pub mod summary;
mod table;
mod timeline;
mod tornado;
mod uncertainty;
mod why;

pub use company::{
    describe_runway, describe_wall, draw_company_runway, draw_debt_wall, kind_label, runway_table, wall_table,
    CompanyChart,
};
pub use events::{describe_event, describe_reason, story};
pub use levers::{format_lever_value, lever_label};
pub use locale::Lang;
pub use squeeze_map::{describe_map, draw_squeeze_map, map_cell_at, map_table, no_squeeze_colour, viridis, MapLayout};
pub use style::{palette_colour, ChartStyle, PALETTE};
pub use table::DataTable;
pub use tornado::{describe_tornado, draw_tornado, tornado_table};
pub use uncertainty::{
    describe_fan, describe_probability, draw_fan, draw_squeeze_probability, fan_table, probability_clause,
    probability_table, FanSeries, UncertaintyChart,
};
pub use why::{why_heading, why_stories, why_text, WhyStep, WhyStory, MAX_WHY_STEPS_BEFORE};

use plotters::coord::Shift;
use plotters::prelude::*;
use squeeze_model::{CompanyView, MonteCarloResult, Outcome, Preset, Scenario, SqueezeMap, Tornado};

/// Any chart Squeeze draws, by name: one of the four outcome charts, one of the
/// five uncertainty charts, or one of the two charts of the company view. The
/// explorer's tabs, `squeeze chart NAME` and the golden tests all list charts
/// through it.
///
/// ```
/// use squeeze_charts::{AnyChart, Lang};
/// assert_eq!(AnyChart::ALL.len(), 11);
/// let map = AnyChart::from_id("squeeze-map").unwrap();
/// assert_eq!(map.id(), "squeeze-map");
/// assert!(!map.title(Lang::It).is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnyChart {
    /// A chart of the deterministic outcome.
    Outcome(ChartKind),
    /// A chart of the uncertainty analysis.
    Uncertainty(UncertaintyChart),
    /// A chart of one company.
    Company(CompanyChart),
}

impl AnyChart {
    /// Every chart, in the explorer's order: the outcome charts, then the uncertainty charts.
    pub const ALL: [AnyChart; 11] = [
        AnyChart::Outcome(ChartKind::ALL[0]),
        AnyChart::Outcome(ChartKind::ALL[1]),
        AnyChart::Outcome(ChartKind::ALL[2]),
        AnyChart::Outcome(ChartKind::ALL[3]),
        AnyChart::Uncertainty(UncertaintyChart::ALL[0]),
        AnyChart::Uncertainty(UncertaintyChart::ALL[1]),
        AnyChart::Uncertainty(UncertaintyChart::ALL[2]),
        AnyChart::Uncertainty(UncertaintyChart::ALL[3]),
        AnyChart::Uncertainty(UncertaintyChart::ALL[4]),
        AnyChart::Company(CompanyChart::ALL[0]),
        AnyChart::Company(CompanyChart::ALL[1]),
    ];

    /// The stable kebab-case id (`cash-runway`, `squeeze-map`, …).
    pub fn id(self) -> &'static str {
        match self {
            AnyChart::Outcome(kind) => kind.id(),
            AnyChart::Uncertainty(chart) => chart.id(),
            AnyChart::Company(chart) => chart.id(),
        }
    }

    /// The chart with this id, if there is one.
    pub fn from_id(id: &str) -> Option<AnyChart> {
        AnyChart::ALL.into_iter().find(|chart| chart.id() == id)
    }

    /// The chart's title in `lang`.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            AnyChart::Outcome(kind) => kind.title(lang),
            AnyChart::Uncertainty(chart) => chart.title(lang),
            AnyChart::Company(chart) => chart.title(lang),
        }
    }
}

/// The charts Squeeze draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChartKind {
    /// Cash of each operator archetype, with its squeeze.
    CashRunway,
    /// Bitcoin price and hashprice.
    BtcHashprice,
    /// Utilisation of AI capacity, and the spot and lease rates of a megawatt.
    AiCapacity,
    /// Revenue of all operators, split into mining and AI.
    RevenueMix,
}

impl ChartKind {
    /// Every chart, in display order.
    pub const ALL: [ChartKind; 4] = [
        ChartKind::CashRunway,
        ChartKind::BtcHashprice,
        ChartKind::AiCapacity,
        ChartKind::RevenueMix,
    ];

    /// A stable kebab-case id, for element ids, URLs and file names.
    ///
    /// ```
    /// use squeeze_charts::ChartKind;
    /// assert_eq!(ChartKind::CashRunway.id(), "cash-runway");
    /// assert_eq!(ChartKind::from_id("revenue-mix"), Some(ChartKind::RevenueMix));
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::CashRunway => "cash-runway",
            ChartKind::BtcHashprice => "btc-hashprice",
            ChartKind::AiCapacity => "ai-capacity",
            ChartKind::RevenueMix => "revenue-mix",
        }
    }

    /// The chart with this [`id`](ChartKind::id).
    pub fn from_id(id: &str) -> Option<ChartKind> {
        ChartKind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// The chart's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            ChartKind::CashRunway => lang.pick("Company cash runway", "Autonomia di cassa delle società"),
            ChartKind::BtcHashprice => lang.pick("Bitcoin price and hashprice", "Prezzo del bitcoin e hashprice"),
            ChartKind::AiCapacity => lang.pick(
                "AI capacity: utilisation, spot and lease rates",
                "Capacità IA: utilizzo, prezzo spot e canone",
            ),
            ChartKind::RevenueMix => lang.pick("Revenue mix: mining and AI", "Ricavi: mining e IA"),
        }
    }

    /// A text alternative to the chart: what it shows for this outcome, in words
    /// (the range of dates, where the lines start and end, who is squeezed when).
    pub fn description(self, outcome: &Outcome, lang: Lang) -> String {
        if outcome.series.months.is_empty() {
            return lang.pick("No data to show.", "Nessun dato da mostrare.").to_owned();
        }
        match self {
            ChartKind::CashRunway => cash_runway::describe(outcome, lang),
            ChartKind::BtcHashprice => btc_hashprice::describe(outcome, lang),
            ChartKind::AiCapacity => ai_capacity::describe(outcome, lang),
            ChartKind::RevenueMix => revenue_mix::describe(outcome, lang),
        }
    }
}

/// What to draw: the current outcome, optionally a pinned baseline drawn as ghost
/// lines beneath it, the language and the style.
#[derive(Debug, Clone, Copy)]
pub struct ChartView<'a> {
    /// The outcome of the current scenario.
    pub outcome: &'a Outcome,
    /// A pinned outcome to compare with, drawn thin, faded and dashed.
    pub baseline: Option<&'a Outcome>,
    /// The language of every text in the chart.
    pub lang: Lang,
    /// Colours and scale.
    pub style: ChartStyle,
    /// A month (from the start) to mark on time charts: the month of a step of the
    /// why-timeline the reader asked to see.
    pub mark: Option<u32>,
}

impl<'a> ChartView<'a> {
    /// A view of `outcome` without a baseline.
    pub fn new(outcome: &'a Outcome, lang: Lang, style: ChartStyle) -> Self {
        Self {
            outcome,
            baseline: None,
            lang,
            style,
            mark: None,
        }
    }

    /// The same view compared with `baseline`.
    pub fn with_baseline(self, baseline: &'a Outcome) -> Self {
        Self {
            baseline: Some(baseline),
            ..self
        }
    }
}

/// Draws one chart on `area`: legend strip, axes with units and dates,
/// annotations (the 2028 halving, the first squeeze) and the series. The title is
/// left to the page around it; see [`draw_with_title`] for a self-contained image.
/// Bad data (no months, NaN, flat series) gives an empty or neutral chart, never
/// a panic.
pub fn draw<DB: DrawingBackend>(
    kind: ChartKind,
    area: &DrawingArea<DB, Shift>,
    view: &ChartView<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&view.style.background)?;
    draw_plot(kind, area, view)?;
    area.present()
}

/// Like [`draw`], with the chart's title written above it: for exported images
/// (PNG, SVG) that must stand on their own.
pub fn draw_with_title<DB: DrawingBackend>(
    kind: ChartKind,
    area: &DrawingArea<DB, Shift>,
    view: &ChartView<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.fill(&view.style.background)?;
    let below = timeline::title_strip(area, kind.title(view.lang), &view.style)?;
    draw_plot(kind, &below, view)?;
    area.present()
}

fn draw_plot<DB: DrawingBackend>(
    kind: ChartKind,
    area: &DrawingArea<DB, Shift>,
    view: &ChartView<'_>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match kind {
        ChartKind::CashRunway => cash_runway::draw(area, view),
        ChartKind::BtcHashprice => btc_hashprice::draw(area, view),
        ChartKind::AiCapacity => ai_capacity::draw(area, view),
        ChartKind::RevenueMix => revenue_mix::draw(area, view),
    }
}

/// Any figure the explorer shows, with the results it draws: one of the outcome
/// charts ([`ChartKind`], drawn from the [`ChartView`]'s outcome) or one of the
/// uncertainty charts ([`UncertaintyChart`]) with its Monte Carlo result, tornado
/// or squeeze map. Gives every figure the same words and the same titled drawing,
/// for exports (`export::standalone_svg`, feature `svg`).
///
/// ```
/// use squeeze_charts::{ChartKind, Figure, Lang, UncertaintyChart};
/// let tornado = squeeze_model::tornado(&Default::default());
/// assert_eq!(Figure::Tornado(&tornado).id(), UncertaintyChart::Tornado.id());
/// assert_eq!(Figure::Outcome(ChartKind::CashRunway).title(Lang::En), "Company cash runway");
/// ```
#[derive(Debug, Clone, Copy)]
pub enum Figure<'a> {
    /// An outcome chart of the view's outcome.
    Outcome(ChartKind),
    /// The probability of a squeeze by each month ([`draw_squeeze_probability`]).
    SqueezeProbability(&'a MonteCarloResult),
    /// A fan of one series ([`draw_fan`]), with the view's outcome as the dashed
    /// deterministic path.
    Fan(&'a MonteCarloResult, FanSeries),
    /// What moves the first squeeze most ([`draw_tornado`]).
    Tornado(&'a Tornado),
    /// The squeeze map ([`draw_squeeze_map`]), with the reader's point (the map's
    /// own scenario) marked.
    SqueezeMap(&'a SqueezeMap),
    /// A chart of one company ([`draw_debt_wall`], [`draw_company_runway`]).
    Company(CompanyChart, &'a CompanyView),
}

impl<'a> Figure<'a> {
    /// A stable kebab-case id: the [`ChartKind`] or [`UncertaintyChart`] id (an
    /// operator's fan is `operator-cash-fan-K`).
    pub fn id(&self) -> String {
        match *self {
            Figure::Outcome(kind) => kind.id().to_owned(),
            Figure::SqueezeProbability(_) => UncertaintyChart::SqueezeProbability.id().to_owned(),
            Figure::Fan(_, FanSeries::BtcPrice) => UncertaintyChart::BtcPriceFan.id().to_owned(),
            Figure::Fan(_, FanSeries::IndustryCash) => UncertaintyChart::IndustryCashFan.id().to_owned(),
            Figure::Fan(_, FanSeries::OperatorCash(k)) => format!("operator-cash-fan-{k}"),
            Figure::Tornado(_) => UncertaintyChart::Tornado.id().to_owned(),
            Figure::SqueezeMap(_) => UncertaintyChart::SqueezeMap.id().to_owned(),
            Figure::Company(chart, _) => chart.id().to_owned(),
        }
    }

    /// The figure's title.
    pub fn title(&self, lang: Lang) -> String {
        match *self {
            Figure::Outcome(kind) => kind.title(lang).to_owned(),
            Figure::SqueezeProbability(_) => UncertaintyChart::SqueezeProbability.title(lang).to_owned(),
            Figure::Fan(mc, which) => which.title(mc, lang),
            Figure::Tornado(_) => UncertaintyChart::Tornado.title(lang).to_owned(),
            Figure::SqueezeMap(_) => UncertaintyChart::SqueezeMap.title(lang).to_owned(),
            Figure::Company(chart, company) => format!("{}: {}", chart.title(lang), company.name),
        }
    }

    /// A text alternative to the figure (`outcome` is the one an outcome chart
    /// draws).
    pub fn description(&self, outcome: &Outcome, lang: Lang) -> String {
        match *self {
            Figure::Outcome(kind) => kind.description(outcome, lang),
            Figure::SqueezeProbability(mc) => describe_probability(mc, lang),
            Figure::Fan(mc, which) => describe_fan(mc, which, lang),
            Figure::Tornado(tornado) => describe_tornado(tornado, lang),
            Figure::SqueezeMap(map) => describe_map(map, lang),
            Figure::Company(CompanyChart::DebtWall, company) => describe_wall(company, lang),
            Figure::Company(CompanyChart::CompanyRunway, company) => outcome
                .miner(company.id)
                .map_or_else(String::new, |m| describe_runway(m, lang)),
        }
    }

    /// The figure of a Monte Carlo chart ([`UncertaintyChart::SqueezeProbability`],
    /// [`BtcPriceFan`](UncertaintyChart::BtcPriceFan),
    /// [`IndustryCashFan`](UncertaintyChart::IndustryCashFan)) drawn from `mc`;
    /// `None` for the tornado and the map, which take their own results.
    ///
    /// ```
    /// use squeeze_charts::{Figure, UncertaintyChart};
    /// let mc = squeeze_model::monte_carlo(&Default::default(), 1, 10);
    /// for chart in UncertaintyChart::ALL {
    ///     let figure = Figure::monte_carlo_chart(chart, &mc);
    ///     assert_eq!(figure.is_some(), chart.uses_monte_carlo());
    ///     assert!(figure.is_none_or(|f| f.id() == chart.id()));
    /// }
    /// ```
    pub fn monte_carlo_chart(chart: UncertaintyChart, mc: &'a MonteCarloResult) -> Option<Figure<'a>> {
        match chart {
            UncertaintyChart::SqueezeProbability => Some(Figure::SqueezeProbability(mc)),
            UncertaintyChart::BtcPriceFan => Some(Figure::Fan(mc, FanSeries::BtcPrice)),
            UncertaintyChart::IndustryCashFan => Some(Figure::Fan(mc, FanSeries::IndustryCash)),
            UncertaintyChart::Tornado | UncertaintyChart::SqueezeMap => None,
        }
    }

    /// The Monte Carlo result the figure draws, if it draws one.
    pub fn monte_carlo(&self) -> Option<&'a MonteCarloResult> {
        match *self {
            Figure::SqueezeProbability(mc) | Figure::Fan(mc, _) => Some(mc),
            _ => None,
        }
    }

    /// Draws the figure on `area` with its title above it, in the view's language
    /// and style, as [`draw_with_title`] does for the outcome charts.
    pub fn draw_with_title<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        view: &ChartView<'_>,
    ) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let (lang, style) = (view.lang, &view.style);
        area.fill(&style.background)?;
        let below = timeline::title_strip(area, &self.title(lang), style)?;
        match *self {
            Figure::Outcome(kind) => draw_plot(kind, &below, view)?,
            Figure::SqueezeProbability(mc) => uncertainty::draw_probability_plot(&below, mc, lang, style)?,
            Figure::Fan(mc, which) => uncertainty::draw_fan_plot(&below, mc, which, Some(view.outcome), lang, style)?,
            Figure::Tornado(tornado) => tornado::draw_plot(&below, tornado, lang, style)?,
            Figure::SqueezeMap(map) => {
                let marker = (map.scenario.get(map.x()), map.scenario.get(map.y()));
                squeeze_map::draw_plot(&below, map, Some(marker), None, lang, style)?;
            }
            Figure::Company(CompanyChart::DebtWall, company) => draw_debt_wall(&below, company, lang, style)?,
            Figure::Company(CompanyChart::CompanyRunway, company) => draw_company_runway(&below, view, company)?,
        }
        area.present()
    }
}

/// The chart's data as a table of formatted text, one row per month, for the
/// accessible data-table view.
pub fn table(kind: ChartKind, outcome: &Outcome, lang: Lang) -> DataTable {
    match kind {
        ChartKind::CashRunway => cash_runway::table(outcome, lang),
        ChartKind::BtcHashprice => btc_hashprice::table(outcome, lang),
        ChartKind::AiCapacity => ai_capacity::table(outcome, lang),
        ChartKind::RevenueMix => revenue_mix::table(outcome, lang),
    }
}

/// A preset's name in `lang`: the model's (English) name, or its Italian name.
///
/// ```
/// use squeeze_charts::{preset_name, Lang};
/// use squeeze_model::Preset;
/// let base = Preset::base();
/// assert_eq!(preset_name(base, Lang::En), base.name);
/// assert_eq!(preset_name(base, Lang::It), "Scenario base di fine 2025");
/// ```
pub fn preset_name(preset: &Preset, lang: Lang) -> &'static str {
    let italian = match preset.id {
        "base" => "Scenario base di fine 2025",
        "ai_demand_stalls" => "La domanda di IA si ferma",
        "chip_glut" => "Eccesso di chip",
        "soft_landing" => "Atterraggio morbido",
        "replay_2022" => "Replica del 2022",
        _ => preset.name,
    };
    lang.pick(preset.name, italian)
}

/// What to call `scenario` in a caption: the name of the preset it equals, or
/// en `custom`, it `personalizzato`.
///
/// ```
/// use squeeze_charts::{scenario_name, Lang};
/// use squeeze_model::Scenario;
/// assert_eq!(scenario_name(&Scenario::default(), Lang::En), "Late-2025 base case");
/// let custom = Scenario { miner_leverage: 0.123, ..Scenario::default() };
/// assert_eq!(scenario_name(&custom, Lang::It), "personalizzato");
/// ```
pub fn scenario_name(scenario: &Scenario, lang: Lang) -> &'static str {
    Preset::all()
        .iter()
        .find(|preset| preset.scenario == *scenario)
        .map_or_else(
            || lang.pick("custom", "personalizzato"),
            |preset| preset_name(preset, lang),
        )
}

/// A company's name as readers see it (proper names are the same in every
/// language).
pub(crate) fn miner_name(miner: &squeeze_model::MinerOutcome, _lang: Lang) -> &'static str {
    miner.name
}

/// Cash of each operator archetype over time, in millions of US dollars, with a
/// marker at each operator's first squeeze: the [`ChartKind::CashRunway`] chart in
/// English, kept for callers written before [`draw`].
pub fn draw_cash_runway<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    outcome: &Outcome,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    draw(ChartKind::CashRunway, area, &ChartView::new(outcome, Lang::En, *style))
}

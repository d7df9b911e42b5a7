//! The company view: pick a company to see its debt wall, its cash with the dates
//! of its maturities, what happens to it in the scenario, and what tips it — with
//! the date of its figures and the reminder that this is a scenario on filed
//! figures, not a forecast.

use super::chart_tabs::{ChartTabs, FigureKind};
use super::figure::Figure;
use crate::canvas::MeasuredCanvas;
use crate::format;
use crate::hooks::use_sliced;
use crate::hooks::SlicedJob;
use crate::i18n::{strings, Lang};
use plotters::prelude::IntoDrawingArea;
use squeeze_charts::locale::{format_month, format_usd_compact};
use squeeze_charts::{self as charts, AnyChart, ChartStyle, ChartView, CompanyChart};
use squeeze_model::{CompanyView, Dataset, Outcome, Scenario, Tipping};
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The company view's figures, in tab order.
pub const COMPANY_FIGURES: [FigureKind; 2] = [
    AnyChart::Company(CompanyChart::DebtWall),
    AnyChart::Company(CompanyChart::CompanyRunway),
];

/// What the company panel needs.
#[derive(Properties, PartialEq)]
pub struct CompanyPanelProps {
    /// The current scenario (for the tipping points).
    pub scenario: Scenario,
    /// Its outcome.
    pub outcome: Rc<Outcome>,
    /// The pinned baseline's outcome.
    pub baseline: Option<Rc<Outcome>>,
    /// The company chosen (the first company when none is).
    pub company: Option<&'static str>,
    /// The page language.
    pub lang: Lang,
    /// Chooses a company.
    pub on_select: Callback<Option<&'static str>>,
}

/// The search for a company's tipping points, run once the input settles.
struct TippingJob {
    scenario: Scenario,
    company: &'static str,
    result: Option<Tipping>,
}

impl SlicedJob for TippingJob {
    type Output = Tipping;
    fn step(&mut self) -> bool {
        let data = Dataset::for_era(self.scenario.era);
        self.result = Some(squeeze_model::tipping(data, &self.scenario, self.company));
        true
    }
    fn finish(self) -> Tipping {
        self.result.unwrap_or(Tipping {
            ai_demand_slowdown: None,
            btc_price_shock: None,
        })
    }
}

fn start_tipping((scenario, company): &(Scenario, &'static str)) -> TippingJob {
    TippingJob {
        scenario: *scenario,
        company,
        result: None,
    }
}

/// The picker, the company's header, its figures, its story and what tips it.
#[function_component]
pub fn CompanyPanel(props: &CompanyPanelProps) -> Html {
    let lang = props.lang;
    let text = strings(lang);
    let data = Dataset::for_era(props.scenario.era);
    let id = props
        .company
        .filter(|id| data.company(id).is_some())
        .or_else(|| data.companies.first().map(|c| c.id.as_str()));
    let tipping = use_sliced((props.scenario, id.unwrap_or_default()), id.is_some(), start_tipping);
    let view = use_memo((props.scenario.era, id.unwrap_or_default()), move |(era, id)| {
        // The wall and the header only; the tipping points come from the job.
        let data = Dataset::for_era(*era);
        let company = data.company(id)?;
        let wall = squeeze_model::debt_wall(company);
        Some(CompanyView {
            id: company.id.as_str(),
            name: company.name.as_str(),
            ticker: company.ticker.as_str(),
            as_of: company.as_of,
            description: company.description.as_str(),
            wall_by_year: squeeze_model::wall_by_year(&wall, data.start.year()),
            wall,
            tipping: Tipping {
                ai_demand_slowdown: None,
                btc_price_shock: None,
            },
        })
    });
    let (Some(id), Some(company)) = (id, (*view).clone()) else {
        return html! {};
    };
    let company = Rc::new(company);
    let on_change = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let chosen = Dataset::for_era(data.era)
                .company(&select.value())
                .map(|c| c.id.as_str());
            on_select.emit(chosen);
        })
    };
    let render = {
        let (company, outcome, baseline) = (company.clone(), props.outcome.clone(), props.baseline.clone());
        Callback::from(move |kind: FigureKind| match kind {
            AnyChart::Company(chart) => html! {
                <CompanyFigure {chart} company={company.clone()} outcome={outcome.clone()}
                    baseline={baseline.clone()} {lang} />
            },
            _ => html! {},
        })
    };
    let miner = props.outcome.miner(id);
    html! {
        <section class="company" aria-labelledby="company-heading">
            <h2 id="company-heading">{ text.company_heading }</h2>
            <div class="company__pick">
                <label for="company-select">{ text.company_label }</label>
                <select id="company-select" onchange={on_change}>
                    { for data.companies.iter().map(|c| html! {
                        <option value={c.id.clone()} selected={c.id == id}>{ format!("{} ({})", c.name, c.ticker) }</option>
                    }) }
                </select>
            </div>
            <p class="company__as-of">
                { format!("{} ({}) · {} {} · {}", company.name, company.ticker, text.figures_as_of,
                    format::date(company.as_of, lang), text.not_a_forecast) }
            </p>
            <p class="company__description">{ company.description }</p>
            <ChartTabs kinds={&COMPANY_FIGURES[..]} label={text.company_charts} {lang} {render} />
            <div class="company__story">
                <h3>{ text.what_happens }</h3>
                { story(miner, lang) }
                <h3>{ text.what_tips_it }</h3>
                <p class="company__tipping" aria-live="polite">{
                    match &tipping {
                        Some(t) => format::tipping(t, company.name, lang),
                        None => text.finding_tipping.to_owned(),
                    }
                }</p>
            </div>
        </section>
    }
}

/// What happens to the company in the run, as a list of dated sentences.
fn story(miner: Option<&squeeze_model::MinerOutcome>, lang: Lang) -> Html {
    let Some(miner) = miner else {
        return html! {};
    };
    let events = charts::story(&miner.events);
    let (low_month, low) = miner
        .cash_usd
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(b.1))
        .map_or((0, 0.0), |(m, c)| (m, *c));
    let low_text = match lang {
        Lang::En => format!(
            "Lowest cash: {} in month {} of the run.",
            format_usd_compact(low, lang),
            low_month + 1
        ),
        Lang::It => format!(
            "Cassa minima: {} al mese {} della simulazione.",
            format_usd_compact(low, lang),
            low_month + 1
        ),
    };
    let quiet = match lang {
        Lang::En => "No maturity, conversion or tenant failure before the end of the run.",
        Lang::It => "Nessuna scadenza, conversione o insolvenza di un inquilino prima della fine.",
    };
    html! {
        <>
            <ol class="company__events">
                { for events.iter().map(|e| html! { <li>{ charts::describe_event(e, lang) }</li> }) }
                if events.is_empty() { <li>{ quiet }</li> }
            </ol>
            <p>{ low_text }{ miner.squeeze_date.map(|d| format!(" {}", squeezed_in(d, lang))).unwrap_or_default() }</p>
            if let Some(reason) = &miner.squeeze_reason {
                <p class="company__reason">{ charts::describe_reason(reason, lang) }</p>
            }
        </>
    }
}

fn squeezed_in(date: squeeze_model::YearMonth, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Squeezed in {}.", format_month(date, lang)),
        Lang::It => format!("In crisi di liquidità a {}.", format_month(date, lang)),
    }
}

#[derive(Properties, PartialEq)]
struct CompanyFigureProps {
    chart: CompanyChart,
    company: Rc<CompanyView>,
    outcome: Rc<Outcome>,
    baseline: Option<Rc<Outcome>>,
    lang: Lang,
}

#[function_component]
fn CompanyFigure(props: &CompanyFigureProps) -> Html {
    let (chart, lang) = (props.chart, props.lang);
    let draw = use_callback(
        (
            chart,
            props.company.clone(),
            props.outcome.clone(),
            props.baseline.clone(),
            lang,
        ),
        |(backend, style): (MeasuredCanvas, ChartStyle), (chart, company, outcome, baseline, lang)| {
            let area = backend.into_drawing_area();
            let _ = area.fill(&style.background);
            let _ = match chart {
                CompanyChart::DebtWall => charts::draw_debt_wall(&area, company, *lang, &style),
                CompanyChart::CompanyRunway => {
                    let view = ChartView {
                        outcome,
                        baseline: baseline.as_deref(),
                        lang: *lang,
                        style,
                        mark: None,
                    };
                    charts::draw_company_runway(&area, &view, company)
                }
            };
            let _ = area.present();
        },
    );
    let table = {
        let (company, outcome) = (props.company.clone(), props.outcome.clone());
        Callback::from(move |()| match chart {
            CompanyChart::DebtWall => charts::wall_table(&company, lang),
            CompanyChart::CompanyRunway => {
                let view = ChartView::new(&outcome, lang, ChartStyle::light(1.0));
                charts::runway_table(&view, &company)
            }
        })
    };
    let description = match chart {
        CompanyChart::DebtWall => charts::describe_wall(&props.company, lang),
        CompanyChart::CompanyRunway => props
            .outcome
            .miner(props.company.id)
            .map(|m| charts::describe_runway(m, lang))
            .unwrap_or_default(),
    };
    let title = format!("{}: {}", chart.title(lang), props.company.name);
    html! { <Figure id={chart.id()} {title} {description} {draw} {table} {lang} /> }
}

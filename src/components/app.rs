//! The page: the full explorer (levers, the outcome in words, figures and charts,
//! assumptions and sources) or, in embed mode, the compact widget for articles.
//! Both are derived from one `State`.

use super::{
    assumptions::Assumptions,
    chart_panel::ChartPanel,
    chart_tabs::{ChartTabs, FigureKind, OUTCOME_FIGURES, RISK_FIGURES},
    company_panel::CompanyPanel,
    compare::Compare,
    export::Export,
    language_switch::LanguageSwitch,
    lever_panel::{HeadlineMarks, LeverPanel},
    lever_slider::LeverSlider,
    metrics::Metrics,
    notice::{LinkNotice, Notice},
    preset_picker::PresetPicker,
    risk_panel::RiskPanel,
    share::Share,
    story::StoryPanel,
    summary::Summary,
    what_changed::WhatChanged,
    why_timeline::WhyTimeline,
};
use crate::hooks::{
    current_fragment, map_input, marks_input, start_attribution, start_map, start_marks, start_monte_carlo,
    start_tornado, use_embed_bridge, use_sliced, use_url_sync,
};
use crate::i18n::strings;
use crate::links;
use crate::state::{Action, State};
use squeeze_charts::AnyChart;
use squeeze_link::decode;
use squeeze_model::{run, LeverId, Preset, LEVERS};
use std::rc::Rc;
use yew::prelude::*;

/// The widget's figures: the cash runway, the chance of a squeeze, the bitcoin fan.
const WIDGET_FIGURES: [FigureKind; 3] = [OUTCOME_FIGURES[0], RISK_FIGURES[0], RISK_FIGURES[1]];

/// Which page this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The full explorer (`index.html`).
    #[default]
    Explorer,
    /// The compact widget for articles (`embed.html`).
    Embed,
}

/// The app's properties.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Explorer or widget.
    #[prop_or_default]
    pub mode: Mode,
    /// The preset to open on when the URL names none (`embed-<preset>.html`).
    #[prop_or_default]
    pub preset: Option<&'static Preset>,
}

/// The whole app.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let embed = props.mode == Mode::Embed;
    let initial_preset = props.preset;
    let state = use_reducer(move || {
        let fragment = current_fragment();
        let decoded = match initial_preset {
            Some(preset) if !fragment.split('&').any(|pair| pair.starts_with("p=")) => {
                decode(&format!("p={}&{fragment}", preset.id))
            }
            _ => decode(&fragment),
        };
        let mut state = State::from_decoded(decoded);
        // `#story=3` opens the guided story at that step (counted from 1).
        if let Some(step) = crate::story::step_in_fragment(&fragment) {
            state.show_story_step(step);
        }
        state
    });
    let view = state.view;
    let lang = view.lang;
    let outcome = use_memo(view.scenario, run);
    let baseline_outcome = use_memo(view.baseline, |baseline| baseline.as_ref().map(|b| Rc::new(run(b))));
    let baseline_outcome = (*baseline_outcome).clone();
    use_effect_with(lang, |lang| crate::set_document_lang(strings(*lang).html_lang));

    // The month a reader chose in the why-timeline, marked on the outcome charts
    // until the scenario changes.
    let why_mark = use_state_eq(|| None::<(u32, squeeze_model::Scenario)>);
    let mark = why_mark.filter(|(_, s)| *s == view.scenario).map(|(m, _)| m);
    let dispatch = state.dispatcher();
    let action = |make: fn(()) -> Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(make(())))
    };
    let on_lever = {
        let dispatch = dispatch.clone();
        Callback::from(move |(id, value): (LeverId, f64)| dispatch.dispatch(Action::SetLever(id, value)))
    };
    let on_load = {
        let dispatch = dispatch.clone();
        Callback::from(move |decoded| dispatch.dispatch(Action::Load(decoded)))
    };
    let on_host_set = {
        let dispatch = dispatch.clone();
        Callback::from(move |(decoded, lang)| dispatch.dispatch(Action::HostSet(decoded, lang)))
    };
    use_url_sync(view, on_load, !embed);
    // The uncertainty analysis, in slices after each change; the widget needs only
    // the chance of a squeeze.
    let monte_carlo = use_sliced(view.scenario, true, start_monte_carlo);
    let tornado = use_sliced(view.scenario, !embed, start_tornado);
    let map = use_sliced(map_input(&view.scenario), !embed, start_map);
    // With a pinned baseline, the change in the headline figures split by lever.
    let attribution = use_sliced(
        (view.baseline.unwrap_or(view.scenario), view.scenario),
        !embed && view.baseline.is_some(),
        start_attribution,
    );
    // Where each headline slider tips the outcome, the other levers as set: one
    // search per lever (a fixed number of hooks), each keyed on the scenario
    // without that lever, so dragging a slider keeps its own marks.
    let slowdown_marks = use_sliced(
        marks_input(&view.scenario, LeverId::AiDemandSlowdown),
        true,
        start_marks,
    );
    let leverage_marks = use_sliced(marks_input(&view.scenario, LeverId::MinerLeverage), true, start_marks);
    let chip_marks = use_sliced(marks_input(&view.scenario, LeverId::ChipThroughput), true, start_marks);
    let marks = HeadlineMarks(vec![
        (LeverId::AiDemandSlowdown, slowdown_marks),
        (LeverId::MinerLeverage, leverage_marks),
        (LeverId::ChipThroughput, chip_marks),
    ]);
    let render_figure = {
        let (outcome, baseline, scenario) = (outcome.clone(), baseline_outcome.clone(), view.scenario);
        let (monte_carlo, tornado, map, on_lever) =
            (monte_carlo.clone(), tornado.clone(), map.clone(), on_lever.clone());
        Callback::from(move |kind: FigureKind| match kind {
            AnyChart::Outcome(kind) => html! {
                <ChartPanel {kind} outcome={outcome.clone()} baseline={baseline.clone()} {lang} {mark} />
            },
            AnyChart::Uncertainty(kind) => html! {
                <RiskPanel {kind} monte_carlo={monte_carlo.clone()} tornado={tornado.clone()} map={map.clone()}
                    outcome={outcome.clone()} {scenario} {lang} on_change={on_lever.clone()} />
            },
            // The company charts live in the company panel, with their company.
            AnyChart::Company(_) => html! {},
        })
    };
    let on_company = {
        let dispatch = dispatch.clone();
        Callback::from(move |company| dispatch.dispatch(Action::SelectCompany(company)))
    };
    // From the why-timeline: mark a month on the cash chart and bring it into sight.
    let on_month_why = {
        let (why_mark, scenario) = (why_mark.clone(), view.scenario);
        Callback::from(move |month: u32| {
            why_mark.set(Some((month, scenario)));
            if let Some(charts) = gloo_utils::document().get_element_by_id("outcome-charts") {
                charts.scroll_into_view();
            }
        })
    };
    // From the why-timeline: open the company's view and bring it into sight.
    let on_company_why = on_company.reform(|company| {
        if let Some(heading) = gloo_utils::document().get_element_by_id("company-heading") {
            heading.scroll_into_view();
        }
        company
    });
    let company_panel = html! {
        <CompanyPanel scenario={view.scenario} outcome={outcome.clone()} baseline={baseline_outcome.clone()}
            company={view.company} {lang} on_select={on_company} />
    };
    let ready = [
        ("monte-carlo", monte_carlo.is_some()),
        ("tornado", tornado.is_some()),
        ("map", map.is_some()),
        ("tipping", marks.0.iter().all(|(_, t)| t.is_some())),
    ]
    .iter()
    .filter(|(_, done)| *done)
    .map(|(name, _)| *name)
    .collect::<Vec<_>>()
    .join(" ");
    let widget = use_node_ref();
    let on_host_story = {
        let dispatch = dispatch.clone();
        Callback::from(move |step| dispatch.dispatch(Action::Story(step)))
    };
    use_embed_bridge(view, outcome.clone(), widget.clone(), on_host_set, on_host_story, embed);

    let text = strings(lang);
    let story = html! {
        <StoryPanel step={state.story} {lang} on_step={{
            let dispatch = dispatch.clone();
            Callback::from(move |step| dispatch.dispatch(Action::Story(step)))
        }} />
    };
    let story_chart = state.story.map(|i| crate::story::STEPS[i].chart);
    let notice = html! {
        <>
            <Notice problems={state.notice.clone()} {lang} on_dismiss={action(|()| Action::DismissNotice)} />
            if let Some(stamp) = state.stamp.clone().filter(|s| !s.is_current(&view.scenario)) {
                <LinkNotice {stamp} outcome={outcome.clone()} scenario={view.scenario} {lang}
                    on_dismiss={action(|()| Action::DismissNotice)} />
            }
        </>
    };

    if embed {
        return html! {
            <div class="widget" ref={widget}>
                // The embed is its own document: one heading names it for screen
                // readers (the article around it has its own).
                <h1 class="visually-hidden">{ text.widget_title }</h1>
                { notice }
                { story.clone() }
                <Summary outcome={outcome.clone()} risk={monte_carlo.clone()} {lang} />
                <div class="widget__levers">
                    { for LEVERS.iter().filter(|lever| lever.headline).map(|lever| html! {
                        <LeverSlider key={lever.key} {lever} value={view.scenario.get(lever.id)} {lang} on_change={on_lever.clone()}
                            tipping={marks.for_lever(lever.id)} />
                    }) }
                </div>
                if view.company.is_some() {
                    { company_panel }
                } else {
                    <ChartTabs kinds={&WIDGET_FIGURES[..]} label={text.charts} {lang} render={render_figure}
                        select={story_chart.filter(|&c| c == 0)} />
                }
                <p class="widget__more">
                    <a href={links::explorer_url(&view)} target="_blank" rel="noopener">{ text.open_explorer }{ " ↗" }</a>
                </p>
            </div>
        };
    }

    let on_preset = {
        let dispatch = dispatch.clone();
        Callback::from(move |preset| dispatch.dispatch(Action::ChoosePreset(preset)))
    };
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |lang| dispatch.dispatch(Action::SetLang(lang)))
    };
    let on_compare = {
        let dispatch = dispatch.clone();
        Callback::from(move |pin: bool| dispatch.dispatch(if pin { Action::Pin } else { Action::Unpin }))
    };
    html! {
        <>
            <header class="masthead">
                <div class="masthead__row">
                    <h1>{ text.title }</h1>
                    <LanguageSwitch {lang} on_change={on_lang} />
                </div>
                <p class="lede">{ text.lede }</p>
                { notice }
                { story.clone() }
            </header>
            // The summary is its own grid area: on phones it sits right above the
            // levers, so the words stay in view while the reader drags.
            <Summary outcome={outcome.clone()} risk={monte_carlo} {lang} />
            <section class="levers" aria-labelledby="levers-heading">
                <h2 id="levers-heading" class="visually-hidden">{ text.levers }</h2>
                <PresetPicker preset={view.preset} pristine={state.is_pristine()} {lang} on_choose={on_preset}
                    on_reset={action(|()| Action::Reset)} />
                <LeverPanel scenario={view.scenario} {lang} on_change={on_lever} marks={marks.clone()} />
            </section>
            <section class="outcome" aria-labelledby="outcome-heading">
                <h2 id="outcome-heading" class="visually-hidden">{ text.outcome }</h2>
                <Metrics outcome={outcome.clone()} baseline={baseline_outcome.clone()} {lang} />
                <WhyTimeline outcome={outcome.clone()} {lang} on_company={on_company_why} on_month={on_month_why} />
                <div class="actions">
                    <Compare pinned={view.baseline.is_some()} {lang} on_toggle={on_compare} />
                    <Share {view} outcome={outcome.clone()} {lang} />
                </div>
                if view.baseline.is_some() {
                    <WhatChanged splits={attribution} {lang} />
                }
                <div id="outcome-charts">
                    <ChartTabs kinds={&OUTCOME_FIGURES[..]} label={text.charts} {lang} render={render_figure.clone()}
                        select={story_chart.or(mark.map(|_| 0))} />
                </div>
                <Export scenario={view.scenario} outcome={outcome.clone()} {lang} />
            </section>
            // `data-ready` lists the analyses complete for the current scenario (for
            // the benchmark and the tests; readers see the figures fill in).
            <section class="risk" aria-labelledby="risk-heading" data-ready={ready}>
                <h2 id="risk-heading">{ text.uncertainty }</h2>
                <ChartTabs kinds={&RISK_FIGURES[..]} label={text.uncertainty_charts} {lang} render={render_figure} />
            </section>
            { company_panel }
            <section class="sources">
                <Assumptions scenario={view.scenario} {lang} />
                <p class="footer-note">
                    { format!("{} {} {} · model {}.", text.footer, text.data_as_of,
                        crate::format::date(view.scenario.era.data().as_of, lang), squeeze_model::MODEL_VERSION) }
                </p>
            </section>
        </>
    }
}

//! A figure of the uncertainty analysis: the chance of a squeeze, the fan charts,
//! the tornado and the squeeze map. The data arrive after the outcome (they are
//! computed in slices); until then the panel says so. The squeeze map is also a
//! control: a click, or arrow keys and Enter, set its two levers.

use super::figure::{CanvasInteraction, Figure};
use crate::canvas::MeasuredCanvas;
use crate::i18n::{strings, Lang};
use plotters::prelude::IntoDrawingArea;
use squeeze_charts::ChartStyle;
use squeeze_charts::{self as charts, FanSeries, UncertaintyChart};
use squeeze_model::{Lever, LeverId, MonteCarloResult, Outcome, Scenario, SqueezeMap, Tornado};
use std::rc::Rc;
use yew::prelude::*;

/// What a risk panel needs.
#[derive(Properties, PartialEq)]
pub struct RiskPanelProps {
    /// Which chart.
    pub kind: UncertaintyChart,
    /// Monte Carlo results for the current scenario, once computed.
    pub monte_carlo: Option<Rc<MonteCarloResult>>,
    /// The tornado for the current scenario, once computed.
    pub tornado: Option<Rc<Tornado>>,
    /// The squeeze map around the current scenario, once computed.
    pub map: Option<Rc<SqueezeMap>>,
    /// The deterministic outcome (drawn over the fans).
    pub outcome: Rc<Outcome>,
    /// The current scenario (the map marks it).
    pub scenario: Scenario,
    /// The page language.
    pub lang: Lang,
    /// Sets a lever (from the squeeze map).
    pub on_change: Callback<(LeverId, f64)>,
}

/// The selected uncertainty chart, or a note that it is being computed.
#[function_component]
pub fn RiskPanel(props: &RiskPanelProps) -> Html {
    let lang = props.lang;
    let pending = html! { <p class="chart__pending" aria-busy="true">{ strings(lang).computing }</p> };
    match props.kind {
        UncertaintyChart::SqueezeProbability | UncertaintyChart::BtcPriceFan | UncertaintyChart::IndustryCashFan => {
            match &props.monte_carlo {
                Some(mc) => {
                    html! { <ProbabilityFigure kind={props.kind} mc={mc.clone()} outcome={props.outcome.clone()} {lang} /> }
                }
                None => pending,
            }
        }
        UncertaintyChart::Tornado => match &props.tornado {
            Some(tornado) => html! { <TornadoFigure tornado={tornado.clone()} {lang} /> },
            None => pending,
        },
        UncertaintyChart::SqueezeMap => match &props.map {
            Some(map) => html! {
                <MapFigure map={map.clone()} scenario={props.scenario} {lang} on_change={props.on_change.clone()} />
            },
            None => pending,
        },
    }
}

#[derive(Properties, PartialEq)]
struct ProbabilityProps {
    kind: UncertaintyChart,
    mc: Rc<MonteCarloResult>,
    outcome: Rc<Outcome>,
    lang: Lang,
}

#[function_component]
fn ProbabilityFigure(props: &ProbabilityProps) -> Html {
    let (kind, lang) = (props.kind, props.lang);
    let fan = match kind {
        UncertaintyChart::BtcPriceFan => Some(FanSeries::BtcPrice),
        UncertaintyChart::IndustryCashFan => Some(FanSeries::IndustryCash),
        _ => None,
    };
    let draw = use_callback(
        (fan, props.mc.clone(), props.outcome.clone(), lang),
        |(backend, style): (MeasuredCanvas, ChartStyle), (fan, mc, outcome, lang)| {
            let area = backend.into_drawing_area();
            let _ = match fan {
                Some(which) => charts::draw_fan(&area, mc, *which, Some(outcome), *lang, &style),
                None => charts::draw_squeeze_probability(&area, mc, *lang, &style),
            };
        },
    );
    let mc = props.mc.clone();
    let table = Callback::from(move |()| match fan {
        Some(which) => charts::fan_table(&mc, which, lang),
        None => charts::probability_table(&mc, lang),
    });
    let description = match fan {
        Some(which) => charts::describe_fan(&props.mc, which, lang),
        None => charts::describe_probability(&props.mc, lang),
    };
    html! { <Figure id={kind.id()} title={kind.title(lang)} {description} {draw} {table} {lang} /> }
}

#[derive(Properties, PartialEq)]
struct TornadoProps {
    tornado: Rc<Tornado>,
    lang: Lang,
}

#[function_component]
fn TornadoFigure(props: &TornadoProps) -> Html {
    let lang = props.lang;
    let draw = use_callback(
        (props.tornado.clone(), lang),
        |(backend, style): (MeasuredCanvas, ChartStyle), (tornado, lang)| {
            let _ = charts::draw_tornado(&backend.into_drawing_area(), tornado, *lang, &style);
        },
    );
    let tornado = props.tornado.clone();
    let table = Callback::from(move |()| charts::tornado_table(&tornado, lang));
    let kind = UncertaintyChart::Tornado;
    html! {
        <Figure id={kind.id()} title={kind.title(lang)} description={charts::describe_tornado(&props.tornado, lang)}
            {draw} {table} {lang} />
    }
}

#[derive(Properties, PartialEq)]
struct MapProps {
    map: Rc<SqueezeMap>,
    scenario: Scenario,
    lang: Lang,
    on_change: Callback<(LeverId, f64)>,
}

/// The map's two levers.
fn map_levers(map: &SqueezeMap) -> Option<(&'static Lever, &'static Lever)> {
    Some((Lever::by_key(map.x_lever)?, Lever::by_key(map.y_lever)?))
}

/// The index of the value nearest `target`.
fn nearest(values: &[f64], target: f64) -> usize {
    values
        .iter()
        .enumerate()
        .min_by(|a, b| (a.1 - target).abs().total_cmp(&(b.1 - target).abs()))
        .map_or(0, |(i, _)| i)
}

#[function_component]
fn MapFigure(props: &MapProps) -> Html {
    let lang = props.lang;
    let map = props.map.clone();
    let levers = map_levers(&map);
    let marker = levers.map(|(x, y)| (props.scenario.get(x.id), props.scenario.get(y.id)));
    // The keyboard cursor; it starts on the reader's point.
    let focus = use_state_eq(|| None::<(usize, usize)>);
    let draw = use_callback(
        (map.clone(), marker, *focus, lang),
        |(backend, style): (MeasuredCanvas, ChartStyle), (map, marker, focus, lang)| {
            let _ = charts::draw_squeeze_map(&backend.into_drawing_area(), map, *marker, *focus, *lang, &style);
        },
    );
    let set_cell = {
        let (map, on_change) = (map.clone(), props.on_change.clone());
        move |(i, j): (usize, usize)| {
            if let (Some((x, y)), Some(&vx), Some(&vy)) = (map_levers(&map), map.x_values.get(i), map.y_values.get(j)) {
                on_change.emit((x.id, vx));
                on_change.emit((y.id, vy));
            }
        }
    };
    let onclick = {
        let (map, set_cell) = (map.clone(), set_cell.clone());
        Callback::from(move |(event, canvas): (MouseEvent, web_sys::HtmlCanvasElement)| {
            let style = super::figure::style_for(false);
            let pixel = (
                (f64::from(event.offset_x()) * style.scale).round() as i32,
                (f64::from(event.offset_y()) * style.scale).round() as i32,
            );
            if let Some(cell) = charts::map_cell_at((canvas.width(), canvas.height()), &map, pixel, &style) {
                set_cell(cell);
            }
        })
    };
    let onkeydown = {
        let (map, focus) = (map.clone(), focus.clone());
        let start = marker.map_or((0, 0), |(x, y)| (nearest(&map.x_values, x), nearest(&map.y_values, y)));
        Callback::from(move |event: KeyboardEvent| {
            let (i, j) = (*focus).unwrap_or(start);
            let (last_x, last_y) = (
                map.x_values.len().saturating_sub(1),
                map.y_values.len().saturating_sub(1),
            );
            let next = match event.key().as_str() {
                "ArrowRight" => (i.saturating_add(1).min(last_x), j),
                "ArrowLeft" => (i.saturating_sub(1), j),
                // Up the screen is up the y lever.
                "ArrowUp" => (i, j.saturating_add(1).min(last_y)),
                "ArrowDown" => (i, j.saturating_sub(1)),
                "Enter" | " " => {
                    event.prevent_default();
                    set_cell((i, j));
                    return;
                }
                _ => return,
            };
            event.prevent_default();
            focus.set(Some(next));
        })
    };
    let text = strings(lang);
    let label = levers.map(|(x, y)| {
        format!(
            "{} ({} × {}). {}",
            UncertaintyChart::SqueezeMap.title(lang),
            charts::lever_label(x.key, lang),
            charts::lever_label(y.key, lang),
            text.map_keys
        )
    });
    let interaction = CanvasInteraction {
        label: label.map(AttrValue::from),
        onclick: Some(onclick),
        onkeydown: Some(onkeydown),
    };
    let table = Callback::from(move |()| charts::map_table(&map, lang));
    let kind = UncertaintyChart::SqueezeMap;
    html! {
        <Figure id={kind.id()} title={kind.title(lang)} description={charts::describe_map(&props.map, lang)}
            {draw} {table} {lang} canvas={interaction} />
    }
}

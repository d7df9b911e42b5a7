//! The cash-runway chart on a canvas, redrawn whenever the outcome changes.

use squeeze_charts::{self as charts, ChartStyle};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use squeeze_model::Outcome;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// What the chart shows.
#[derive(Properties, PartialEq)]
pub struct CashChartProps {
    /// The outcome of the current scenario.
    pub outcome: Rc<Outcome>,
}

/// Operator cash over time, drawn with plotters on a high-DPI canvas.
#[function_component]
pub fn CashChart(props: &CashChartProps) -> Html {
    let canvas_ref = use_node_ref();
    {
        let canvas_ref = canvas_ref.clone();
        use_effect_with(props.outcome.clone(), move |outcome| {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                draw(&canvas, outcome);
            }
        });
    }
    html! {
        <figure class="chart">
            <canvas ref={canvas_ref} role="img"
                aria-label="Cash of each operator over time, in millions of US dollars; circles mark a liquidity squeeze." />
            <figcaption>{ "Operator cash runway (US$ millions). A circle marks the month an operator is squeezed." }</figcaption>
        </figure>
    }
}

/// Sizes the canvas backing store to its CSS box × devicePixelRatio and draws.
fn draw(canvas: &HtmlCanvasElement, outcome: &Outcome) {
    let window = web_sys::window();
    let scale = window
        .as_ref()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let css_width = f64::from(canvas.client_width().max(280));
    let css_height = f64::from(canvas.client_height().max(200));
    canvas.set_width((css_width * scale).round() as u32);
    canvas.set_height((css_height * scale).round() as u32);
    let dark = window
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|query| query.matches());
    let style = if dark {
        ChartStyle::dark(scale)
    } else {
        ChartStyle::light(scale)
    };
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        // A drawing error leaves the previous picture; the summary still updates.
        let _ = charts::draw_cash_runway(&backend.into_drawing_area(), outcome, &style);
    }
}

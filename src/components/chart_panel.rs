//! One chart: drawn with plotters on a high-DPI canvas that follows its container's
//! size and the colour scheme, with a text description, a data-table view and a
//! PNG download.

use crate::canvas::MeasuredCanvas;
use crate::download;
use crate::hooks::{use_element_size, use_prefers_dark};
use crate::i18n::{strings, Lang};
use plotters::prelude::IntoDrawingArea;
use squeeze_charts::{ChartKind, ChartStyle, ChartView};
use squeeze_model::Outcome;
use std::rc::Rc;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// What a chart panel needs.
#[derive(Properties, PartialEq)]
pub struct ChartPanelProps {
    /// Which chart.
    pub kind: ChartKind,
    /// The current outcome.
    pub outcome: Rc<Outcome>,
    /// The pinned baseline's outcome, drawn as ghost lines.
    pub baseline: Option<Rc<Outcome>>,
    /// The page language.
    pub lang: Lang,
}

/// The chart, its description, and a toggle to see its data as a table.
#[function_component]
pub fn ChartPanel(props: &ChartPanelProps) -> Html {
    let text = strings(props.lang);
    let canvas_ref = use_node_ref();
    let size = use_element_size(canvas_ref.clone());
    let dark = use_prefers_dark();
    let show_table = use_state_eq(|| false);
    {
        let canvas_ref = canvas_ref.clone();
        let deps = (
            props.kind,
            props.outcome.clone(),
            props.baseline.clone(),
            props.lang,
            size,
            dark,
            *show_table,
        );
        use_effect_with(deps, move |(kind, outcome, baseline, lang, size, dark, table)| {
            if let (false, Some(canvas)) = (*table, canvas_ref.cast::<HtmlCanvasElement>()) {
                draw(&canvas, *kind, outcome, baseline.as_deref(), *lang, *size, *dark);
            }
        });
    }
    let id = props.kind.id();
    let description_id = format!("{id}-description");
    let toggle = {
        let show_table = show_table.clone();
        Callback::from(move |_: MouseEvent| show_table.set(!*show_table))
    };
    let save_png = {
        let canvas_ref = canvas_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(url) = canvas_ref
                .cast::<HtmlCanvasElement>()
                .and_then(|c| c.to_data_url().ok())
            {
                let _ = download::save_url(&format!("squeeze-{id}.png"), &url);
            }
        })
    };
    let title = props.kind.title(props.lang);
    html! {
        <figure class="chart">
            <figcaption class="chart__title">{ title }</figcaption>
            if *show_table {
                { data_table(props.kind, &props.outcome, props.lang) }
            } else {
                <canvas ref={canvas_ref} role="img" aria-label={title} aria-describedby={description_id.clone()} />
            }
            <p class="chart__description" id={description_id}>{ props.kind.description(&props.outcome, props.lang) }</p>
            <div class="chart__tools">
                <button type="button" class="button" aria-pressed={show_table.to_string()} onclick={toggle}>
                    { text.show_table }
                </button>
                if !*show_table {
                    <button type="button" class="button" onclick={save_png}>{ text.export_png }</button>
                }
            </div>
        </figure>
    }
}

fn data_table(kind: ChartKind, outcome: &Outcome, lang: Lang) -> Html {
    let table = squeeze_charts::table(kind, outcome, lang);
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={table.caption.clone()}>
            <table>
                <caption>{ table.caption }</caption>
                <thead><tr>{ for table.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                    { for table.rows.iter().map(|row| html! {
                        <tr>
                            { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                html! { <th scope="row">{ cell }</th> }
                            } else {
                                html! { <td>{ cell }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// Sizes the canvas backing store to its CSS box × devicePixelRatio and draws.
fn draw(
    canvas: &HtmlCanvasElement,
    kind: ChartKind,
    outcome: &Outcome,
    baseline: Option<&Outcome>,
    lang: Lang,
    (width, height): (u32, u32),
    dark: bool,
) {
    let scale = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    // Before the first measurement, fall back to the layout size.
    let css_width = if width > 0 {
        width
    } else {
        canvas.client_width().max(0) as u32
    }
    .max(240);
    let css_height = if height > 0 {
        height
    } else {
        canvas.client_height().max(0) as u32
    }
    .max(180);
    let (pixel_width, pixel_height) = (
        (f64::from(css_width) * scale).round() as u32,
        (f64::from(css_height) * scale).round() as u32,
    );
    if canvas.width() != pixel_width || canvas.height() != pixel_height {
        canvas.set_width(pixel_width);
        canvas.set_height(pixel_height);
    }
    let style = if dark {
        ChartStyle::dark(scale)
    } else {
        ChartStyle::light(scale)
    };
    if let Some(backend) = MeasuredCanvas::new(canvas) {
        let view = ChartView {
            outcome,
            baseline,
            lang,
            style,
        };
        // A drawing error leaves the previous picture; the summary still updates.
        let _ = squeeze_charts::draw(kind, &backend.into_drawing_area(), &view);
    }
}

//! One figure: a plotters drawing on a high-DPI canvas that follows its
//! container's size and the colour scheme, a text description, a data-table view
//! and a PNG download. What is drawn is the caller's: a chart of the outcome, a
//! fan chart, the tornado, the squeeze map.

use crate::canvas::MeasuredCanvas;
use crate::download;
use crate::hooks::{use_element_size, use_prefers_dark};
use crate::i18n::{strings, Lang};
use squeeze_charts::{ChartStyle, DataTable};
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// Draws on a backend sized to the canvas, in the given style.
pub type Draw = Callback<(MeasuredCanvas, ChartStyle)>;

/// What a figure needs.
#[derive(Properties, PartialEq)]
pub struct FigureProps {
    /// Stable id (element ids, the PNG's file name).
    pub id: &'static str,
    /// The figure's title.
    pub title: AttrValue,
    /// The text alternative: what the figure shows, in words.
    pub description: AttrValue,
    /// Draws the figure (called whenever it, the size or the colour scheme change).
    pub draw: Draw,
    /// Builds the data table (only when the reader asks for it).
    pub table: Callback<(), DataTable>,
    /// The page language.
    pub lang: Lang,
    /// Extra attributes for an interactive canvas (the squeeze map).
    #[prop_or_default]
    pub canvas: CanvasInteraction,
}

/// Event handlers and ARIA for a canvas the reader can act on.
#[derive(Clone, PartialEq, Default)]
pub struct CanvasInteraction {
    /// `Some` makes the canvas focusable with this role description and label.
    pub label: Option<AttrValue>,
    /// Pointer clicks, with the canvas element.
    pub onclick: Option<Callback<(MouseEvent, HtmlCanvasElement)>>,
    /// Keys, while the canvas has focus.
    pub onkeydown: Option<Callback<KeyboardEvent>>,
}

/// The figure with its tools.
#[function_component]
pub fn Figure(props: &FigureProps) -> Html {
    let text = strings(props.lang);
    let canvas_ref = use_node_ref();
    let size = use_element_size(canvas_ref.clone());
    let dark = use_prefers_dark();
    let show_table = use_state_eq(|| false);
    {
        let canvas_ref = canvas_ref.clone();
        use_effect_with(
            (props.draw.clone(), size, dark, *show_table),
            move |(draw, size, dark, table)| {
                if let (false, Some(canvas)) = (*table, canvas_ref.cast::<HtmlCanvasElement>()) {
                    paint(&canvas, draw, *size, *dark);
                }
            },
        );
    }
    let description_id = format!("{}-description", props.id);
    let toggle = {
        let show_table = show_table.clone();
        Callback::from(move |_: MouseEvent| show_table.set(!*show_table))
    };
    let save_png = {
        let canvas_ref = canvas_ref.clone();
        let name = format!("squeeze-{}.png", props.id);
        Callback::from(move |_: MouseEvent| {
            if let Some(url) = canvas_ref
                .cast::<HtmlCanvasElement>()
                .and_then(|c| c.to_data_url().ok())
            {
                let _ = download::save_url(&name, &url);
            }
        })
    };
    // Copy the picture; where the clipboard is unavailable, download it instead.
    let copy_status = use_state(String::new);
    let copy_png = {
        let (canvas_ref, status, lang) = (canvas_ref.clone(), copy_status.clone(), props.lang);
        let name = format!("squeeze-{}.png", props.id);
        Callback::from(move |_: MouseEvent| {
            let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                return;
            };
            let (status, name) = (status.clone(), name.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = strings(lang);
                if crate::clipboard::copy_png(&canvas).await {
                    status.set(text.chart_copied.to_string());
                } else {
                    if let Ok(url) = canvas.to_data_url() {
                        let _ = download::save_url(&name, &url);
                    }
                    status.set(text.chart_downloaded.to_string());
                }
            });
        })
    };
    let interaction = &props.canvas;
    let onclick = interaction.onclick.clone().map(|onclick| {
        let canvas_ref = canvas_ref.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() {
                onclick.emit((event, canvas));
            }
        })
    });
    let canvas = match &interaction.label {
        Some(label) => html! {
            <canvas ref={canvas_ref} role="application" tabindex="0" aria-label={label.clone()}
                aria-describedby={description_id.clone()} {onclick} onkeydown={interaction.onkeydown.clone()} />
        },
        None => html! {
            <canvas ref={canvas_ref} role="img" aria-label={props.title.clone()} aria-describedby={description_id.clone()} />
        },
    };
    html! {
        <figure class="chart">
            <figcaption class="chart__title">{ props.title.clone() }</figcaption>
            if *show_table {
                { data_table(&props.table.emit(())) }
            } else {
                { canvas }
            }
            <p class="chart__description" id={description_id}>{ props.description.clone() }</p>
            <div class="chart__tools">
                <button type="button" class="button" aria-pressed={show_table.to_string()} onclick={toggle}>
                    { text.show_table }
                </button>
                if !*show_table {
                    <button type="button" class="button" onclick={copy_png}>{ text.copy_chart }</button>
                    <button type="button" class="button" onclick={save_png}>{ text.export_png }</button>
                }
                <span class="chart__status" aria-live="polite">{ (*copy_status).clone() }</span>
            </div>
        </figure>
    }
}

fn data_table(table: &DataTable) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={table.caption.clone()}>
            <table>
                <caption>{ table.caption.clone() }</caption>
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

/// The chart style for this canvas: light or dark, scaled to the device pixels.
pub fn style_for(dark: bool) -> ChartStyle {
    let scale = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    if dark {
        ChartStyle::dark(scale)
    } else {
        ChartStyle::light(scale)
    }
}

/// Sizes the canvas backing store to its CSS box × devicePixelRatio and draws.
fn paint(canvas: &HtmlCanvasElement, draw: &Draw, (width, height): (u32, u32), dark: bool) {
    let style = style_for(dark);
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
    let pixels = |css: u32| (f64::from(css) * style.scale).round() as u32;
    if canvas.width() != pixels(css_width) || canvas.height() != pixels(css_height) {
        canvas.set_width(pixels(css_width));
        canvas.set_height(pixels(css_height));
    }
    if let Some(backend) = MeasuredCanvas::new(canvas) {
        draw.emit((backend, style));
    }
}

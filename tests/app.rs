//! Component tests in a real browser (`wasm-pack test --headless --chrome`): mount
//! the explorer, move sliders as a reader would, and check what the page shows.
#![cfg(target_arch = "wasm32")]

use squeeze_app::{format, App};
use squeeze_model::{run, Scenario, LEVERS};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh explorer into its own element and waits for the first render.
async fn mount() -> Element {
    let document = gloo_utils::document();
    let root = document
        .create_element("div")
        .expect("create a root element");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("attach the root");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn summary(root: &Element) -> String {
    root.query_selector("[role=status]")
        .expect("valid selector")
        .expect("a status element")
        .text_content()
        .unwrap_or_default()
}

fn slider(root: &Element, key: &str) -> HtmlInputElement {
    root.query_selector(&format!("input#lever-{key}"))
        .expect("valid selector")
        .unwrap_or_else(|| panic!("slider for {key}"))
        .dyn_into()
        .expect("an input element")
}

/// Sets the slider's value and fires `input`, as dragging does.
async fn drag(root: &Element, key: &str, value: f64) {
    let input = slider(root, key);
    input.set_value(&value.to_string());
    input
        .dispatch_event(&Event::new("input").expect("an input event"))
        .expect("dispatch");
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn shows_the_three_headline_levers_with_labels_and_units() {
    let root = mount().await;
    for lever in LEVERS.iter().filter(|lever| lever.headline) {
        let input = slider(&root, lever.key);
        let label = root
            .query_selector(&format!("label[for=lever-{}]", lever.key))
            .expect("valid selector")
            .expect("a visible label");
        assert_eq!(label.text_content().as_deref(), Some(lever.label));
        let valuetext = input
            .get_attribute("aria-valuetext")
            .expect("aria-valuetext");
        assert_eq!(valuetext, format::lever_value(lever, lever.default));
    }
}

#[wasm_bindgen_test]
async fn dragging_a_slider_recomputes_the_summary_during_input() {
    let root = mount().await;
    let calm = summary(&root);
    assert_eq!(calm, format::summary(&run(&Scenario::default())));

    // A hard slowdown with maximum leverage and a chip glut squeezes someone.
    drag(&root, "ai_demand_slowdown", 1.0).await;
    drag(&root, "miner_leverage", 0.9).await;
    drag(&root, "chip_throughput", 10.0).await;
    let stressed = summary(&root);
    assert_ne!(stressed, calm, "the summary must follow the sliders");
    let expected = Scenario {
        ai_demand_slowdown: 1.0,
        miner_leverage: 0.9,
        chip_throughput: 10.0,
        ..Scenario::default()
    };
    assert_eq!(stressed, format::summary(&run(&expected)));

    // The slider shows its new value with unit.
    let input = slider(&root, "miner_leverage");
    assert_eq!(
        input.get_attribute("aria-valuetext").as_deref(),
        Some("90%")
    );
}

#[wasm_bindgen_test]
async fn out_of_range_input_is_clamped_not_accepted() {
    let root = mount().await;
    // A range input clamps in the browser; the state must agree with what it shows.
    drag(&root, "miner_leverage", 5.0).await;
    let input = slider(&root, "miner_leverage");
    assert_eq!(input.value_as_number(), 0.9);
    assert_eq!(
        input.get_attribute("aria-valuetext").as_deref(),
        Some("90%")
    );
}

#[wasm_bindgen_test]
async fn draws_the_chart_on_a_sized_canvas() {
    let root = mount().await;
    let canvas: web_sys::HtmlCanvasElement = root
        .query_selector("canvas")
        .expect("valid selector")
        .expect("a canvas")
        .dyn_into()
        .expect("canvas");
    assert!(
        canvas.width() >= 280 && canvas.height() >= 200,
        "canvas backing store sized"
    );
    assert!(canvas
        .get_attribute("aria-label")
        .is_some_and(|label| !label.is_empty()));
}

#[wasm_bindgen_test]
fn formats_values_with_units() {
    let by_key = |key: &str| LEVERS.iter().find(|lever| lever.key == key).expect("lever");
    assert_eq!(
        format::lever_value(by_key("ai_demand_slowdown"), 0.35),
        "35%"
    );
    assert_eq!(format::lever_value(by_key("chip_throughput"), 4.0), "4.0×");
    assert_eq!(format::usd(1.25e9), "$1.2B");
    assert_eq!(format::usd(85_000.0), "$85,000");
    assert_eq!(format::thousands(1_234_567.0), "1,234,567");
}

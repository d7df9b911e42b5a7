//! Component tests in a real browser (`wasm-pack test --headless --chrome`): mount
//! the explorer, use it as a reader would (sliders, presets, compare, language),
//! and check what the page shows.
#![cfg(target_arch = "wasm32")]

use squeeze_app::i18n::{lever_text, preset_text, Lang};
use squeeze_app::{format, App};
use squeeze_model::{run, Preset, Scenario, LEVERS};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a fresh explorer into its own element and waits for the first render.
async fn mount() -> Element {
    let document = gloo_utils::document();
    let root = document.create_element("div").expect("create a root element");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("attach the root");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn summary(root: &Element) -> String {
    text(root, "[role=status]")
}

/// The status starts with the deterministic summary; the chance of a squeeze is
/// appended once the simulated paths are in.
fn assert_summary(shown: &str, expected: &str) {
    assert!(
        shown.starts_with(expected),
        "summary {shown:?} should start with {expected:?}"
    );
}

fn slider(root: &Element, key: &str) -> HtmlInputElement {
    find(root, &format!("input#lever-{key}"))
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

async fn click(root: &Element, selector: &str) {
    find(root, selector)
        .dyn_into::<HtmlElement>()
        .expect("an element")
        .click();
    yew::scheduler::flush().await;
}

fn button_with_text(root: &Element, label: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").expect("valid selector");
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .find(|b| b.text_content().is_some_and(|t| t.trim() == label))
        .unwrap_or_else(|| panic!("a button {label:?}"))
        .dyn_into()
        .expect("a button element")
}

#[wasm_bindgen_test]
async fn every_lever_has_a_labelled_slider_headline_ones_first() {
    let root = mount().await;
    for lever in LEVERS {
        let input = slider(&root, lever.key);
        let label = text(&root, &format!("label[for=lever-{}]", lever.key));
        assert_eq!(label, lever.label);
        let valuetext = input.get_attribute("aria-valuetext").expect("aria-valuetext");
        assert_eq!(valuetext, format::lever_value(lever, lever.default, Lang::En));
        // Advanced levers live in the collapsible panel, headline ones outside it.
        let in_panel = input.closest("details").expect("valid selector").is_some();
        assert_eq!(in_panel, !lever.headline, "{}", lever.key);
    }
}

#[wasm_bindgen_test]
async fn dragging_a_slider_recomputes_the_summary_during_input() {
    let root = mount().await;
    let calm = summary(&root);
    assert_summary(&calm, &format::summary(&run(&Scenario::default()), Lang::En));

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
    assert_summary(&stressed, &format::summary(&run(&expected), Lang::En));
    assert_eq!(
        slider(&root, "miner_leverage")
            .get_attribute("aria-valuetext")
            .as_deref(),
        Some("90%")
    );
}

#[wasm_bindgen_test]
async fn out_of_range_input_is_clamped_not_accepted() {
    let root = mount().await;
    drag(&root, "miner_leverage", 5.0).await;
    let input = slider(&root, "miner_leverage");
    assert_eq!(input.value_as_number(), 0.9);
    assert_eq!(input.get_attribute("aria-valuetext").as_deref(), Some("90%"));
}

#[wasm_bindgen_test]
async fn choosing_a_preset_moves_the_sliders_and_reset_returns_to_it() {
    let root = mount().await;
    let glut = Preset::by_id("chip_glut").expect("the chip glut preset");
    let select: HtmlSelectElement = find(&root, "select#preset").dyn_into().expect("a select");
    select.set_value(glut.id);
    select
        .dispatch_event(&Event::new("change").expect("a change event"))
        .expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(
        slider(&root, "chip_throughput").value_as_number(),
        glut.scenario.chip_throughput
    );
    assert_summary(&summary(&root), &format::summary(&run(&glut.scenario), Lang::En));

    drag(&root, "chip_throughput", 2.0).await;
    button_with_text(&root, "Reset").click();
    yew::scheduler::flush().await;
    assert_eq!(
        slider(&root, "chip_throughput").value_as_number(),
        glut.scenario.chip_throughput
    );
}

#[wasm_bindgen_test]
async fn compare_shows_changes_against_the_pinned_baseline_until_unpinned() {
    let root = mount().await;
    let deltas = |root: &Element| {
        root.query_selector_all(".metric__delta")
            .expect("valid selector")
            .length()
    };
    button_with_text(&root, "Pin as baseline").click();
    yew::scheduler::flush().await;
    assert_eq!(deltas(&root), 0, "nothing changed yet");
    drag(&root, "ai_demand_slowdown", 1.0).await;
    assert!(deltas(&root) > 0, "changes appear beside the figures");
    assert!(text(&root, ".metrics").contains("vs baseline"));
    button_with_text(&root, "Unpin baseline").click();
    yew::scheduler::flush().await;
    assert_eq!(deltas(&root), 0, "changes go when the baseline is unpinned");
}

#[wasm_bindgen_test]
async fn the_language_switch_translates_labels_and_summary() {
    let root = mount().await;
    click(&root, "button[lang=it]").await;
    let lever = &LEVERS[0];
    assert_eq!(
        text(&root, &format!("label[for=lever-{}]", lever.key)),
        lever_text(Lang::It, lever).0
    );
    assert_summary(&summary(&root), &format::summary(&run(&Scenario::default()), Lang::It));
    assert_eq!(
        gloo_utils::document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .as_deref(),
        Some("it")
    );
    click(&root, "button[lang=en]").await;
    assert_eq!(text(&root, &format!("label[for=lever-{}]", lever.key)), lever.label);
}

#[wasm_bindgen_test]
async fn draws_the_chart_on_a_sized_canvas() {
    let root = mount().await;
    let canvas: web_sys::HtmlCanvasElement = find(&root, "canvas").dyn_into().expect("a canvas");
    assert!(
        canvas.width() >= 240 && canvas.height() >= 180,
        "canvas backing store sized"
    );
    assert!(canvas
        .get_attribute("aria-label")
        .is_some_and(|label| !label.is_empty()));
}

#[wasm_bindgen_test]
fn every_lever_and_preset_is_translated() {
    for lever in LEVERS {
        assert_ne!(
            lever_text(Lang::It, lever),
            (lever.label, lever.explanation),
            "{} needs Italian text",
            lever.key
        );
    }
    for preset in Preset::all() {
        assert_ne!(
            preset_text(Lang::It, preset).0,
            preset.name,
            "{} needs an Italian name",
            preset.id
        );
    }
}

#[wasm_bindgen_test]
fn formats_values_with_units_in_both_languages() {
    let by_key = |key: &str| LEVERS.iter().find(|lever| lever.key == key).expect("lever");
    assert_eq!(format::lever_value(by_key("ai_demand_slowdown"), 0.35, Lang::En), "35%");
    assert_eq!(format::lever_value(by_key("chip_throughput"), 4.0, Lang::En), "4.0×");
    assert_eq!(format::lever_value(by_key("chip_throughput"), 4.0, Lang::It), "4,0×");
    assert_eq!(format::lever_value(by_key("btc_price_shock"), -0.2, Lang::En), "-20%");
    assert_eq!(format::lever_value(by_key("btc_price_shock"), 0.2, Lang::En), "+20%");
}

#[wasm_bindgen_test]
async fn the_summary_gains_the_chance_of_a_squeeze_once_the_paths_are_in() {
    let root = mount().await;
    // The simulation runs in slices between frames; give it time to finish.
    for _ in 0..200 {
        if root.query_selector(".summary__odds").ok().flatten().is_some() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(25).await;
        yew::scheduler::flush().await;
    }
    let odds = text(&root, ".summary__odds");
    assert!(odds.contains("simulated paths") && odds.contains('%'), "{odds}");
    // A new scenario drops the old odds at once: they never describe another scenario.
    drag(&root, "ai_demand_slowdown", 1.0).await;
    assert!(root.query_selector(".summary__odds").expect("valid selector").is_none());
}

#[wasm_bindgen_test]
fn the_uncertainty_jobs_finish_in_slices_and_agree_with_one_go() {
    use squeeze_app::hooks::{map_input, start_map, start_monte_carlo, start_tornado, SlicedJob};
    let scenario = Scenario {
        ai_demand_slowdown: 0.3,
        ..Scenario::default()
    };
    let mut monte_carlo = start_monte_carlo(&scenario);
    let mut steps = 0;
    while !monte_carlo.step() {
        steps += 1;
    }
    assert!(steps > 10, "the work is cut into many small steps");
    let sliced = monte_carlo.finish();
    let whole = squeeze_model::monte_carlo(
        &scenario,
        squeeze_app::hooks::BROWSER_SEED,
        squeeze_app::hooks::BROWSER_PATHS,
    );
    assert_eq!(sliced, whole, "slices give exactly the whole run's result");
    let mut tornado = start_tornado(&scenario);
    while !tornado.step() {}
    assert!(tornado.finish().is_complete());
    let mut map = start_map(&map_input(&scenario));
    while !map.step() {}
    assert!(map.finish().is_complete());
}

#[wasm_bindgen_test]
fn a_panic_becomes_a_readable_error_box_with_a_reload_link() {
    let document = gloo_utils::document();
    let error_box = squeeze_app::fatal_error_box(&document, "<b>index out of bounds</b>").expect("an error box");
    assert_eq!(error_box.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        error_box
            .text_content()
            .unwrap_or_default()
            .contains("<b>index out of bounds</b>"),
        "detail as text"
    );
    assert!(
        error_box.query_selector("b").expect("valid selector").is_none(),
        "never as markup"
    );
    let link = error_box
        .query_selector("a")
        .expect("valid selector")
        .expect("a reload link");
    assert_eq!(link.get_attribute("href"), gloo_utils::window().location().href().ok());
}

//! The Squeeze explorer: a Yew app over the `squeeze-model` crate.
//!
//! Data flows one way. Reader events become [`state::Action`]s that update the one
//! [`state::State`] (scenario, preset, language, baseline); the outcome is derived
//! from it with `squeeze_model::run` (memoised) and drawn by the components in
//! `components/`, with the chart functions of `squeeze-charts`. Nothing about the
//! DOM leaks into the model.

pub mod components;
mod download;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod state;

pub use components::app::App;
use squeeze_model::Scenario;

/// Mounts the app into the page's `<main id="app">` (or `<body>` if absent).
pub fn start() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<App>::with_root(root).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}

/// Sets `<html lang>` so screen readers and hyphenation follow the page language.
pub fn set_document_lang(lang: &str) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", lang);
    }
}

/// The scenario as pretty JSON (the scenario contract of BRIEF.md), without
/// pulling serde_json into the bundle: serde-wasm-bindgen and the browser's JSON.
pub fn scenario_json(scenario: &Scenario) -> String {
    serde_wasm_bindgen::to_value(scenario)
        .ok()
        .and_then(|value| {
            js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &wasm_bindgen::JsValue::NULL,
                &2.into(),
            )
            .ok()
        })
        .and_then(|json| json.as_string())
        .unwrap_or_default()
}

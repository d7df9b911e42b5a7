//! The Squeeze explorer: a Yew app over the `squeeze-model` crate.
//!
//! Data flows one way. Reader events become [`state::Action`]s that update the one
//! [`state::State`] (scenario, preset, language, baseline); the outcome is derived
//! from it with `squeeze_model::run` (memoised) and drawn by the components in
//! `components/`, with the chart functions of `squeeze-charts`. Nothing about the
//! DOM leaks into the model.

pub mod canvas;
mod clipboard;
pub mod components;
mod download;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod links;
pub mod state;
pub mod story;

pub use components::app::{App, AppProps, Mode};
use squeeze_model::Scenario;

/// Mounts the app into the page's `<main id="app">`: the explorer, or the widget
/// when the element says `data-mode="embed"`. A panic replaces the page with a
/// readable error box and a reload link instead of leaving it blank or frozen.
pub fn start() {
    std::panic::set_hook(Box::new(|info| show_fatal_error(&info.to_string())));
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        show_fatal_error("the page has no element with id \"app\"");
        return;
    };
    let mode = if root.get_attribute("data-mode").as_deref() == Some("embed") {
        Mode::Embed
    } else {
        Mode::Explorer
    };
    // The static fallback (chart and summary for readers without the app) goes
    // as soon as the app takes over.
    root.set_inner_html("");
    let preset = root
        .get_attribute("data-preset")
        .and_then(|id| squeeze_model::Preset::by_id(&id));
    yew::Renderer::<App>::with_root_and_props(root, AppProps { mode, preset }).render();
}

/// Replaces the page content with an error box saying what happened and offering a
/// reload (see [`fatal_error_box`]).
pub fn show_fatal_error(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Some(error_box)) = (document.body(), fatal_error_box(&document, detail)) else {
        return;
    };
    body.set_text_content(None);
    let _ = body.append_child(&error_box);
}

/// The error box: `role="alert"`, what went wrong in the page language, the detail
/// as text, and a link that reloads the page. Built with DOM calls only (the app
/// may be in any state).
pub fn fatal_error_box(document: &web_sys::Document, detail: &str) -> Option<web_sys::Element> {
    let lang = document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default();
    let text = i18n::strings(i18n::Lang::from_code(&lang).unwrap_or_default());
    let make = |tag: &str, content: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(content));
        Some(element)
    };
    let (error_box, title, reason, link) = (
        make("div", "")?,
        make("p", text.crash)?,
        make("p", detail)?,
        make("a", text.reload)?,
    );
    error_box.set_attribute("class", "notice notice--error").ok()?;
    error_box.set_attribute("role", "alert").ok()?;
    reason.set_attribute("class", "notice__detail").ok()?;
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    link.set_attribute("href", &href).ok()?;
    for child in [&title, &reason, &link] {
        error_box.append_child(child).ok()?;
    }
    Some(error_box)
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
            js_sys::JSON::stringify_with_replacer_and_space(&value, &wasm_bindgen::JsValue::NULL, &2.into()).ok()
        })
        .and_then(|json| json.as_string())
        .unwrap_or_default()
}

//! The Squeeze explorer: a Yew app over the `squeeze-model` crate.
//!
//! Data flows one way. Slider events become [`state::Action`]s that update the one
//! [`state::State`] (the scenario); the outcome is derived from it with
//! `squeeze_model::run` (memoised) and drawn by the components. Nothing about the
//! DOM leaks into the model.

pub mod components;
pub mod format;
pub mod state;

pub use components::app::App;

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

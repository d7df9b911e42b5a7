//! One component per file, named after what it shows.

pub mod app;
pub mod assumptions;
pub mod chart_panel;
pub mod chart_tabs;
pub mod company_panel;
pub mod compare;
pub mod export;
pub mod figure;
pub mod language_switch;
pub mod lever_panel;
pub mod lever_slider;
pub mod metrics;
pub mod notice;
pub mod preset_picker;
pub mod risk_panel;
pub mod share;
pub mod story;
pub mod summary;
pub mod what_changed;
pub mod why_timeline;

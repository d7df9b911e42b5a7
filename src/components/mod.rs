//! One component per file, named after what it shows.

pub mod app;
pub mod cash_chart;
pub mod lever_slider;
pub mod summary;

//! Custom hooks: small bridges from browser events to component state.

mod use_color_scheme;
mod use_element_size;
mod use_embed_bridge;
mod use_sliced;
mod use_url_sync;

pub use use_color_scheme::use_prefers_dark;
pub use use_element_size::use_element_size;
pub use use_embed_bridge::use_embed_bridge;
pub use use_sliced::{
    map_input, marks_input, start_attribution, start_map, start_marks, start_monte_carlo, start_tornado, use_sliced,
    LeverTipping, SlicedJob, BROWSER_PATHS, BROWSER_SEED, MAP_AXES, MAP_STEPS,
};
pub use use_url_sync::{current_fragment, use_url_sync};

//! Custom hooks: small bridges from browser events to component state.

mod use_color_scheme;
mod use_element_size;

pub use use_color_scheme::use_prefers_dark;
pub use use_element_size::use_element_size;

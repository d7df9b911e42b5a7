//! Keeps the view and the URL fragment in step: the view is written into the URL
//! (replacing the entry while the reader drags, adding one when the preset,
//! language or baseline changes), and back/forward restores the view the URL
//! describes. Writes are debounced so a drag never floods the history.

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use squeeze_link::{decode, encode, Decoded, View};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Quiet time after the last change before the URL is written, in milliseconds.
const WRITE_DELAY_MS: u32 = 250;

/// The current URL fragment without its `#`.
pub fn current_fragment() -> String {
    gloo_utils::window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// Syncs `view` with the URL while `enabled` (off in the embedded widget, whose
/// sandbox may forbid touching its history). `on_load` receives the view of a
/// back/forward navigation.
#[hook]
pub fn use_url_sync(view: View, on_load: Callback<Decoded>, enabled: bool) {
    // The view the URL shows now, so we only write real changes. At first that is
    // the view itself: the app's state was read from this URL.
    let in_url: Rc<RefCell<View>> = use_mut_ref(|| view);
    {
        let in_url = in_url.clone();
        use_effect_with(enabled, move |&enabled| {
            let listener = enabled.then(|| {
                EventListener::new(&gloo_utils::window(), "popstate", move |_| {
                    let decoded = decode(&current_fragment());
                    *in_url.borrow_mut() = decoded.view;
                    on_load.emit(decoded);
                })
            });
            move || drop(listener)
        });
    }
    use_effect_with((view, enabled), move |&(view, enabled)| {
        // Dropping the timeout (on the next change) cancels the pending write.
        let pending = enabled.then(|| Timeout::new(WRITE_DELAY_MS, move || write(&view, &in_url)));
        move || drop(pending)
    });
}

fn write(view: &View, in_url: &RefCell<View>) {
    let shown = *in_url.borrow();
    if shown == *view {
        return;
    }
    // A new history entry for a new preset, language or baseline; lever moves
    // replace the current one.
    let discrete = shown.preset.id != view.preset.id || shown.lang != view.lang || shown.baseline != view.baseline;
    let window = gloo_utils::window();
    let location = window.location();
    let fragment = encode(view);
    let url = if fragment.is_empty() {
        format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        )
    } else {
        format!("#{fragment}")
    };
    let Ok(history) = window.history() else {
        return;
    };
    let written = if discrete {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if written.is_ok() {
        *in_url.borrow_mut() = *view;
    }
}

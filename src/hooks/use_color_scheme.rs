//! Whether the reader's system asks for a dark colour scheme, kept current when
//! it changes (the charts are drawn in matching colours).

use wasm_bindgen::prelude::*;
use web_sys::MediaQueryList;
use yew::prelude::*;

const DARK: &str = "(prefers-color-scheme: dark)";

fn query() -> Option<MediaQueryList> {
    web_sys::window()?.match_media(DARK).ok().flatten()
}

/// `true` while `prefers-color-scheme: dark` matches.
#[hook]
pub fn use_prefers_dark() -> bool {
    let dark = use_state_eq(|| query().is_some_and(|q| q.matches()));
    {
        let dark = dark.clone();
        use_effect_with((), move |_| {
            let list = query();
            let callback = Closure::<dyn FnMut()>::new(move || {
                dark.set(query().is_some_and(|q| q.matches()));
            });
            if let Some(list) = &list {
                let _ = list.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
            }
            move || {
                if let Some(list) = list {
                    let _ = list.remove_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
                }
            }
        });
    }
    *dark
}

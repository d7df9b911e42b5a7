//! Pin the current scenario as a baseline to compare against, and unpin it.

use crate::i18n::{strings, Lang};
use yew::prelude::*;

/// What the compare control needs.
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// Whether a baseline is pinned.
    pub pinned: bool,
    /// The page language.
    pub lang: Lang,
    /// Called to pin (`true`) or unpin (`false`).
    pub on_toggle: Callback<bool>,
}

/// A toggle button (`aria-pressed`) and, while comparing, a note on what changes.
#[function_component]
pub fn Compare(props: &CompareProps) -> Html {
    let text = strings(props.lang);
    let pinned = props.pinned;
    let onclick = props.on_toggle.reform(move |_: MouseEvent| !pinned);
    html! {
        <div class="compare">
            <button type="button" class="button" aria-pressed={pinned.to_string()} {onclick}>
                { if pinned { text.unpin } else { text.pin } }
            </button>
            if pinned {
                <p class="compare__note">{ text.comparing }</p>
            }
        </div>
    }
}

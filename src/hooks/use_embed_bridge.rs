//! The embedded widget's conversation with the page around it (BRIEF.md,
//! "Embedding"): after every recompute it posts `squeeze:outcome`, whenever its
//! height changes `squeeze:resize`, and it accepts `squeeze:set` from its parent,
//! validated exactly like a URL. Messages go to `window.parent` only and are
//! accepted from it only.

use super::use_element_size;
use gloo_events::EventListener;
use serde::Serialize;
use squeeze_charts::Lang;
use squeeze_link::{apply_pairs, Decoded, View};
use squeeze_model::{Outcome, Preset};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::MessageEvent;
use yew::prelude::*;

/// Posts outcome and height to the parent and listens for `squeeze:set` and
/// `squeeze:story`, while `enabled`. `widget` is the element whose height the
/// parent should give the frame.
#[hook]
pub fn use_embed_bridge(
    view: View,
    outcome: Rc<Outcome>,
    widget: NodeRef,
    on_set: Callback<(Decoded, Option<Lang>)>,
    on_story: Callback<Option<usize>>,
    enabled: bool,
) {
    // Resizes while the frame is on screen; browsers pause this for hidden frames,
    // so each outcome also measures the height directly.
    let (_, observed_height) = use_element_size(widget.clone());
    let measured = widget.clone();
    use_effect_with(
        (view.scenario, outcome, enabled),
        move |(scenario, outcome, enabled)| {
            if *enabled {
                post(&[
                    ("type", to_js(&"squeeze:outcome")),
                    ("scenario", to_js(scenario)),
                    ("outcome", to_js(&**outcome)),
                ]);
                // Again with each outcome: a host script that loaded late (the embed
                // snippet's script is async) still learns the height.
                post_height(&widget);
            }
        },
    );
    use_effect_with((observed_height, enabled), move |&(_, enabled)| {
        if enabled {
            post_height(&measured);
        }
    });
    use_effect_with(enabled, move |&enabled| {
        let listener = enabled.then(|| {
            EventListener::new(&gloo_utils::window(), "message", move |event| {
                let Some(event) = event.dyn_ref::<MessageEvent>() else {
                    return;
                };
                if let Some(decoded) = read_set_message(event) {
                    on_set.emit(decoded);
                } else if let Some(step) = read_story_message(event) {
                    on_story.emit(step);
                }
            })
        });
        move || drop(listener)
    });
}

/// Posts the widget's full height (padding included) if it has one yet.
fn post_height(widget: &NodeRef) {
    let height = widget
        .cast::<web_sys::Element>()
        .map_or(0, |element| element.scroll_height().max(0));
    if height > 0 {
        post(&[("type", to_js(&"squeeze:resize")), ("height", JsValue::from(height))]);
    }
}

/// Serializes for `postMessage`: plain objects and arrays, `null` for `None`.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

fn post(fields: &[(&str, JsValue)]) {
    let message = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), value);
    }
    let window = gloo_utils::window();
    if let Ok(Some(parent)) = window.parent() {
        // Not to ourselves when opened directly rather than in a frame.
        if !JsValue::from(parent.clone()).loose_eq(&JsValue::from(window)) {
            let _ = parent.post_message(&message, "*");
        }
    }
}

/// A message of type `kind` from our parent (from anyone else, or of another
/// type, `None`), as a reader of its fields.
fn parent_message(event: &MessageEvent, kind: &str) -> Option<impl Fn(&str) -> Option<JsValue>> {
    let window = gloo_utils::window();
    let parent: JsValue = window.parent().ok().flatten()?.into();
    if !event
        .source()
        .is_some_and(|source| JsValue::from(source).loose_eq(&parent))
    {
        return None;
    }
    let data = event.data();
    let field = move |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
    (field("type")?.as_string()? == kind).then_some(field)
}

/// `{ type: "squeeze:story", step: 3 }` from our parent: the guided story's step,
/// counted from 1 (0 or `null` leaves the story). Scrollytelling articles send it
/// as the reader scrolls; a step out of range is ignored.
fn read_story_message(event: &MessageEvent) -> Option<Option<usize>> {
    let field = parent_message(event, "squeeze:story")?;
    match field("step").and_then(|s| s.as_f64()) {
        None | Some(0.0) => Some(None),
        Some(n) if n.fract() == 0.0 && (1.0..=crate::story::STEPS.len() as f64).contains(&n) => {
            Some(Some(n as usize - 1))
        }
        Some(_) => None,
    }
}

/// `{ type: "squeeze:set", scenario: {…}, preset?: "id", lang?: "it" }` from our
/// parent, as a view with its notice, and the language if the message names one;
/// anything else is ignored. Scenario fields left out take the preset's values.
fn read_set_message(event: &MessageEvent) -> Option<(Decoded, Option<Lang>)> {
    let field = parent_message(event, "squeeze:set")?;
    let preset = field("preset")
        .and_then(|p| p.as_string())
        .and_then(|id| Preset::by_id(&id))
        .unwrap_or(Preset::base());
    let lang = field("lang")
        .and_then(|l| l.as_string())
        .and_then(|code| Lang::from_code(&code));
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Some(scenario) = field("scenario").filter(|s| s.is_object()) {
        for entry in js_sys::Object::entries(scenario.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let key = entry.get(0).as_string().unwrap_or_default();
            let value = entry.get(1);
            let text = value
                .as_f64()
                .map(|n| n.to_string())
                .or_else(|| value.as_string())
                .unwrap_or_default();
            pairs.push((key, text));
        }
    }
    let (scenario, problems) = apply_pairs(
        preset.scenario,
        pairs.iter().map(|(key, value)| (key.as_str(), value.as_str())),
    );
    let company = field("company")
        .and_then(|c| c.as_string())
        .and_then(|id| scenario.era.data().company(&id).map(|c| c.id.as_str()));
    let view = View {
        scenario,
        preset,
        lang: lang.unwrap_or_default(),
        baseline: None,
        company,
    };
    Some((
        Decoded {
            view,
            problems,
            stamp: None,
        },
        lang,
    ))
}

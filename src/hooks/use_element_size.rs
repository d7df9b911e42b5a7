//! The CSS size of an element, updated by a `ResizeObserver`, so charts redraw
//! when their container changes width (rotation, window resize, column reflow).

use wasm_bindgen::prelude::*;
use web_sys::{Element, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// `(width, height)` of the element behind `node` in CSS pixels; `(0, 0)` until
/// it is mounted and measured.
#[hook]
pub fn use_element_size(node: NodeRef) -> (u32, u32) {
    let size = use_state_eq(|| (0_u32, 0_u32));
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let element = node.cast::<Element>();
            let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
                    let rect = entry.content_rect();
                    size.set((rect.width().round() as u32, rect.height().round() as u32));
                }
            });
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(element)) = (&observer, &element) {
                observer.observe(element);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(callback);
            }
        });
    }
    *size
}

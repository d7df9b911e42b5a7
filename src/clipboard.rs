//! Copying to the clipboard: text (links, embed code) and a chart as PNG. Each
//! returns `false` where the clipboard is unavailable or refuses (insecure
//! origins, sandboxed frames, a denied permission), so the caller can fall back.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Clipboard, ClipboardItem, HtmlCanvasElement};

/// The async clipboard, if this page may use it at all.
fn clipboard() -> Option<Clipboard> {
    let navigator = gloo_utils::window().navigator();
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).is_ok_and(|c| c.is_object());
    present.then(|| navigator.clipboard())
}

/// Writes `text` to the clipboard.
pub async fn copy_text(text: &str) -> bool {
    match clipboard() {
        Some(clipboard) => JsFuture::from(clipboard.write_text(text)).await.is_ok(),
        None => false,
    }
}

/// Writes the canvas's picture to the clipboard as a PNG image.
pub async fn copy_png(canvas: &HtmlCanvasElement) -> bool {
    let Some(clipboard) = clipboard() else { return false };
    // The clipboard item takes a promise of the PNG, so the write starts within the
    // reader's click (some browsers require that) while the image is encoded.
    let canvas = canvas.clone();
    let png = js_sys::Promise::new(&mut |resolve, reject| {
        let refuse = reject.clone();
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = if blob.is_null() {
                reject.call0(&JsValue::NULL)
            } else {
                resolve.call1(&JsValue::NULL, &blob)
            };
        });
        if canvas.to_blob(done.unchecked_ref()).is_err() {
            let _ = refuse.call0(&JsValue::NULL);
        }
    });
    let record = js_sys::Object::new();
    if js_sys::Reflect::set(&record, &JsValue::from_str("image/png"), &png).is_err() {
        return false;
    }
    let Ok(item) = ClipboardItem::new_with_record_from_str_to_blob_promise(&record) else {
        return false;
    };
    JsFuture::from(clipboard.write(&js_sys::Array::of1(&item)))
        .await
        .is_ok()
}

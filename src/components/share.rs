//! Share and embed: a dialog with the link to exactly this view and the embed code
//! for an article, each with a Copy button that falls back to selecting the text
//! where the clipboard is unavailable (sandboxed frames, insecure origins).

use crate::i18n::{strings, Lang};
use crate::links;
use squeeze_link::View;
use squeeze_model::Outcome;
use std::rc::Rc;
use web_sys::{HtmlDialogElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What the share control needs.
#[derive(Properties, PartialEq)]
pub struct ShareProps {
    /// The view to share.
    pub view: View,
    /// Its outcome (the share link carries its headline figures).
    pub outcome: Rc<Outcome>,
    /// The page language.
    pub lang: Lang,
}

/// A button that opens the share dialog.
#[function_component]
pub fn Share(props: &ShareProps) -> Html {
    let text = strings(props.lang);
    let dialog = use_node_ref();
    // The dialog's content is only built while it is open.
    let open = use_state_eq(|| false);
    let link_field = use_node_ref();
    let embed_field = use_node_ref();
    let status = use_state(String::new);
    let show = {
        let (dialog, open, status) = (dialog.clone(), open.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            status.set(String::new());
            open.set(true);
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
        })
    };
    let close = {
        let (dialog, open) = (dialog.clone(), open.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
            open.set(false);
        })
    };
    let on_native_close = {
        let open = open.clone();
        Callback::from(move |_: Event| open.set(false))
    };
    let copy = |field: NodeRef| {
        let status = status.clone();
        let lang = props.lang;
        Callback::from(move |_: MouseEvent| {
            let field = field.clone();
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Some(value) = field_value(&field) else {
                    return;
                };
                let copied = crate::clipboard::copy_text(&value).await;
                if !copied {
                    select(&field);
                }
                let text = strings(lang);
                status.set(if copied { text.copied } else { text.copy_manually }.to_string());
            });
        })
    };
    let link = links::share_url(&props.view, &props.outcome);
    let snippet = links::embed_snippet(&props.view, &props.outcome, text.widget_title);
    html! {
        <>
            <button type="button" class="button" onclick={show} aria-haspopup="dialog">{ text.share }</button>
            <dialog ref={dialog} class="dialog" aria-labelledby="share-title" onclose={on_native_close}>
                if *open {
                    <h2 id="share-title">{ text.share_title }</h2>
                    <label for="share-link">{ text.share_link }</label>
                    <div class="dialog__row">
                        <input id="share-link" ref={link_field.clone()} type="text" readonly=true value={link} />
                        <button type="button" class="button" onclick={copy(link_field)}>{ text.copy }</button>
                    </div>
                    <label for="share-embed">{ text.share_embed }</label>
                    <p class="dialog__help" id="share-embed-help">{ text.share_embed_help }</p>
                    <div class="dialog__row">
                        <textarea id="share-embed" ref={embed_field.clone()} readonly=true rows="5"
                            aria-describedby="share-embed-help" value={snippet} />
                        <button type="button" class="button" onclick={copy(embed_field)}>{ text.copy }</button>
                    </div>
                    <p class="dialog__status" role="status" aria-live="polite">{ (*status).clone() }</p>
                    <button type="button" class="button" onclick={close}>{ text.close }</button>
                }
            </dialog>
        </>
    }
}

fn field_value(field: &NodeRef) -> Option<String> {
    field
        .cast::<HtmlInputElement>()
        .map(|input| input.value())
        .or_else(|| field.cast::<HtmlTextAreaElement>().map(|area| area.value()))
}

fn select(field: &NodeRef) {
    if let Some(input) = field.cast::<HtmlInputElement>() {
        input.select();
    } else if let Some(area) = field.cast::<HtmlTextAreaElement>() {
        area.select();
    }
}

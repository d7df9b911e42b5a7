//! The four charts as tabs (the ARIA tabs pattern: arrow keys, Home and End move
//! between tabs), one visible at a time so each input redraws one chart.

use super::chart_panel::ChartPanel;
use crate::i18n::{strings, Lang};
use squeeze_charts::ChartKind;
use squeeze_model::Outcome;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// What the chart tabs need.
#[derive(Properties, PartialEq)]
pub struct ChartTabsProps {
    /// The current outcome.
    pub outcome: Rc<Outcome>,
    /// The pinned baseline's outcome.
    pub baseline: Option<Rc<Outcome>>,
    /// The page language.
    pub lang: Lang,
}

/// A tablist of the charts and the selected chart's panel.
#[function_component]
pub fn ChartTabs(props: &ChartTabsProps) -> Html {
    let selected = use_state_eq(|| ChartKind::ALL[0]);
    let tablist = use_node_ref();
    let onkeydown = {
        let selected = selected.clone();
        let tablist = tablist.clone();
        Callback::from(move |event: KeyboardEvent| {
            let count = ChartKind::ALL.len();
            let index = ChartKind::ALL.iter().position(|kind| kind == &*selected).unwrap_or(0);
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => (index + 1) % count,
                "ArrowLeft" | "ArrowUp" => (index + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            event.prevent_default();
            selected.set(ChartKind::ALL[next]);
            focus_tab(&tablist, ChartKind::ALL[next]);
        })
    };
    html! {
        <section class="charts" aria-label={strings(props.lang).charts}>
            <div class="tabs" role="tablist" ref={tablist} {onkeydown}>
                { for ChartKind::ALL.iter().map(|&kind| {
                    let is_selected = kind == *selected;
                    let onclick = { let selected = selected.clone(); Callback::from(move |_: MouseEvent| selected.set(kind)) };
                    html! {
                        <button type="button" role="tab" id={format!("tab-{}", kind.id())}
                            aria-selected={is_selected.to_string()} aria-controls="chart-panel"
                            tabindex={if is_selected { "0" } else { "-1" }} {onclick}>
                            { kind.title(props.lang) }
                        </button>
                    }
                }) }
            </div>
            <div id="chart-panel" role="tabpanel" aria-labelledby={format!("tab-{}", selected.id())}>
                <ChartPanel kind={*selected} outcome={props.outcome.clone()} baseline={props.baseline.clone()} lang={props.lang} />
            </div>
        </section>
    }
}

fn focus_tab(tablist: &NodeRef, kind: ChartKind) {
    let tab = tablist
        .cast::<web_sys::Element>()
        .and_then(|list| list.query_selector(&format!("#tab-{}", kind.id())).ok().flatten());
    if let Some(tab) = tab.and_then(|tab| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(tab).ok()) {
        let _ = tab.focus();
    }
}

//! Figures as tabs (the ARIA tabs pattern: arrow keys, Home and End move between
//! tabs), one visible at a time so each input redraws one canvas.

use crate::i18n::Lang;
use squeeze_charts::AnyChart;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Any figure the explorer shows: the charts crate's list of charts.
pub type FigureKind = AnyChart;

/// The outcome charts, in display order.
pub const OUTCOME_FIGURES: [FigureKind; 4] = [AnyChart::ALL[0], AnyChart::ALL[1], AnyChart::ALL[2], AnyChart::ALL[3]];
/// The uncertainty charts, in display order.
pub const RISK_FIGURES: [FigureKind; 5] = [
    AnyChart::ALL[4],
    AnyChart::ALL[5],
    AnyChart::ALL[6],
    AnyChart::ALL[7],
    AnyChart::ALL[8],
];

/// What the tabs need.
#[derive(Properties, PartialEq)]
pub struct ChartTabsProps {
    /// The figures, in tab order.
    pub kinds: &'static [FigureKind],
    /// The accessible name of the group.
    pub label: AttrValue,
    /// The page language.
    pub lang: Lang,
    /// Renders the selected figure.
    pub render: Callback<FigureKind, Html>,
    /// A tab to select from outside (the guided story), whenever it changes.
    #[prop_or_default]
    pub select: Option<usize>,
}

/// A tablist of figures and the selected figure's panel.
#[function_component]
pub fn ChartTabs(props: &ChartTabsProps) -> Html {
    let kinds = props.kinds;
    let selected = use_state_eq(|| props.select.unwrap_or(0));
    {
        let selected = selected.clone();
        use_effect_with(props.select, move |select| {
            if let Some(i) = *select {
                selected.set(i);
            }
        });
    }
    let index = (*selected).min(kinds.len().saturating_sub(1));
    let tablist = use_node_ref();
    let onkeydown = {
        let (selected, tablist) = (selected.clone(), tablist.clone());
        Callback::from(move |event: KeyboardEvent| {
            let count = kinds.len();
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowDown" => (index + 1) % count,
                "ArrowLeft" | "ArrowUp" => (index + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            event.prevent_default();
            selected.set(next);
            focus_tab(&tablist, kinds[next]);
        })
    };
    let Some(&current) = kinds.get(index) else {
        return html! {};
    };
    let panel_id = format!("panel-{}", kinds[0].id());
    html! {
        <section class="charts" aria-label={props.label.clone()}>
            <div class="tabs" role="tablist" ref={tablist} {onkeydown}>
                { for kinds.iter().enumerate().map(|(i, kind)| {
                    let is_selected = i == index;
                    let onclick = { let selected = selected.clone(); Callback::from(move |_: MouseEvent| selected.set(i)) };
                    html! {
                        <button type="button" role="tab" id={format!("tab-{}", kind.id())}
                            aria-selected={is_selected.to_string()} aria-controls={panel_id.clone()}
                            tabindex={if is_selected { "0" } else { "-1" }} {onclick}>
                            { kind.title(props.lang) }
                        </button>
                    }
                }) }
            </div>
            <div id={panel_id.clone()} role="tabpanel" aria-labelledby={format!("tab-{}", current.id())}>
                { props.render.emit(current) }
            </div>
        </section>
    }
}

fn focus_tab(tablist: &NodeRef, kind: FigureKind) {
    let tab = tablist
        .cast::<web_sys::Element>()
        .and_then(|list| list.query_selector(&format!("#tab-{}", kind.id())).ok().flatten());
    if let Some(tab) = tab.and_then(|tab| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(tab).ok()) {
        let _ = tab.focus();
    }
}

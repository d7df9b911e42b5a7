//! Figures as tabs (the ARIA tabs pattern: arrow keys, Home and End move between
//! tabs), one visible at a time so each input redraws one canvas.

use crate::i18n::Lang;
use squeeze_charts::{ChartKind, UncertaintyChart};
use web_sys::HtmlElement;
use yew::prelude::*;

/// Any figure the explorer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// A chart of the deterministic outcome.
    Outcome(ChartKind),
    /// A chart of the uncertainty analysis.
    Risk(UncertaintyChart),
}

impl FigureKind {
    /// The outcome charts, in display order.
    pub const OUTCOME: [FigureKind; 4] = [
        FigureKind::Outcome(ChartKind::ALL[0]),
        FigureKind::Outcome(ChartKind::ALL[1]),
        FigureKind::Outcome(ChartKind::ALL[2]),
        FigureKind::Outcome(ChartKind::ALL[3]),
    ];
    /// The uncertainty charts, in display order.
    pub const RISK: [FigureKind; 5] = [
        FigureKind::Risk(UncertaintyChart::ALL[0]),
        FigureKind::Risk(UncertaintyChart::ALL[1]),
        FigureKind::Risk(UncertaintyChart::ALL[2]),
        FigureKind::Risk(UncertaintyChart::ALL[3]),
        FigureKind::Risk(UncertaintyChart::ALL[4]),
    ];

    /// Stable id for element ids and file names.
    pub fn id(self) -> &'static str {
        match self {
            FigureKind::Outcome(kind) => kind.id(),
            FigureKind::Risk(kind) => kind.id(),
        }
    }

    /// The tab's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            FigureKind::Outcome(kind) => kind.title(lang),
            FigureKind::Risk(kind) => kind.title(lang),
        }
    }
}

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
}

/// A tablist of figures and the selected figure's panel.
#[function_component]
pub fn ChartTabs(props: &ChartTabsProps) -> Html {
    let kinds = props.kinds;
    let selected = use_state_eq(|| 0_usize);
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

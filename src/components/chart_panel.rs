//! A chart of the outcome (one of `squeeze_charts::ChartKind`) as a figure, with
//! the pinned baseline as ghost lines.

use super::figure::Figure;
use crate::canvas::MeasuredCanvas;
use crate::i18n::Lang;
use plotters::prelude::IntoDrawingArea;
use squeeze_charts::ChartStyle;
use squeeze_charts::{ChartKind, ChartView};
use squeeze_model::Outcome;
use std::rc::Rc;
use yew::prelude::*;

/// What a chart panel needs.
#[derive(Properties, PartialEq)]
pub struct ChartPanelProps {
    /// Which chart.
    pub kind: ChartKind,
    /// The current outcome.
    pub outcome: Rc<Outcome>,
    /// The pinned baseline's outcome, drawn as ghost lines.
    pub baseline: Option<Rc<Outcome>>,
    /// The page language.
    pub lang: Lang,
    /// A month (from the start) to mark: a why-timeline step the reader chose.
    #[prop_or_default]
    pub mark: Option<u32>,
}

/// The chart, its description and its data table.
#[function_component]
pub fn ChartPanel(props: &ChartPanelProps) -> Html {
    let (kind, lang) = (props.kind, props.lang);
    let draw = {
        let (outcome, baseline) = (props.outcome.clone(), props.baseline.clone());
        use_callback(
            (kind, outcome, baseline, lang, props.mark),
            |(backend, style): (MeasuredCanvas, ChartStyle), (kind, outcome, baseline, lang, mark)| {
                let view = ChartView {
                    outcome,
                    baseline: baseline.as_deref(),
                    lang: *lang,
                    style,
                    mark: *mark,
                };
                // A drawing error leaves the previous picture; the summary still updates.
                let _ = squeeze_charts::draw(*kind, &backend.into_drawing_area(), &view);
            },
        )
    };
    let table = {
        let outcome = props.outcome.clone();
        Callback::from(move |()| squeeze_charts::table(kind, &outcome, lang))
    };
    let marked = props
        .mark
        .and_then(|m| props.outcome.series.months.get(m as usize))
        .map(|m| m.to_string());
    html! {
        <div class="chart-panel" data-mark={marked}>
            <Figure id={kind.id()} title={kind.title(lang)} description={kind.description(&props.outcome, lang)}
                {draw} {table} {lang} />
        </div>
    }
}

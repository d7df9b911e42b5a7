//! Every lever and fixed assumption with its value, unit and source, straight from
//! the model's tables, so the reader can check where each number comes from.

use crate::format;
use crate::i18n::{lever_text, strings, Lang};
use squeeze_model::{Scenario, ASSUMPTIONS, LEVERS};
use yew::prelude::*;

/// What the assumptions panel needs.
#[derive(Properties, PartialEq)]
pub struct AssumptionsProps {
    /// The current scenario (lever values shown as set).
    pub scenario: Scenario,
    /// The page language.
    pub lang: Lang,
}

/// A collapsible table of levers and assumptions with sources.
#[function_component]
pub fn Assumptions(props: &AssumptionsProps) -> Html {
    let text = strings(props.lang);
    html! {
        <details class="assumptions">
            <summary><h2>{ text.assumptions }</h2></summary>
            <div class="table-scroll" tabindex="0" role="region" aria-label={text.assumptions}>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{ text.col_item }</th>
                            <th scope="col">{ text.col_value }</th>
                            <th scope="col">{ text.col_source }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for LEVERS.iter().map(|lever| html! {
                            <tr>
                                <th scope="row">{ lever_text(props.lang, lever).0 }</th>
                                <td class="num">{ format::lever_value(lever, props.scenario.get(lever.id), props.lang) }</td>
                                <td>{ lever.source }</td>
                            </tr>
                        }) }
                        { for ASSUMPTIONS.iter().map(|assumption| html! {
                            <tr>
                                <th scope="row">{ assumption.label }</th>
                                <td class="num">{ format::assumption_value(assumption, props.lang) }</td>
                                <td>{ assumption.source }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}

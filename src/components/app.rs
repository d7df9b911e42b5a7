//! The explorer page: headline levers, the outcome in words, and the chart.

use super::{cash_chart::CashChart, lever_slider::LeverSlider, summary::Summary};
use crate::state::{Action, State};
use squeeze_model::{run, LeverId, LEVERS};
use yew::prelude::*;

/// The whole explorer.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let scenario = state.scenario;
    let outcome = use_memo(scenario, run);
    let on_change = {
        let state = state.dispatcher();
        Callback::from(move |(id, value): (LeverId, f64)| {
            state.dispatch(Action::SetLever(id, value))
        })
    };
    html! {
        <>
            <header class="masthead">
                <h1>{ "Squeeze" }</h1>
                <p class="lede">
                    { "If AI demand slows, do the bitcoin miners who borrowed to become AI data centres face a liquidity squeeze like crypto's in 2022? Drag the levers." }
                </p>
            </header>
            <section class="levers" aria-label="Levers">
                { for LEVERS.iter().filter(|lever| lever.headline).map(|lever| html! {
                    <LeverSlider key={lever.key} {lever} value={scenario.get(lever.id)} on_change={on_change.clone()} />
                }) }
            </section>
            <section class="outcome" aria-label="Outcome">
                <Summary outcome={outcome.clone()} />
                <CashChart {outcome} />
            </section>
        </>
    }
}

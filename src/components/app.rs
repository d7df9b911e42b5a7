//! The explorer page: levers on one side, the outcome in words, figures and charts
//! on the other, assumptions and sources below. All of it derived from one `State`.

use super::{
    assumptions::Assumptions, chart_tabs::ChartTabs, compare::Compare, export::Export,
    language_switch::LanguageSwitch, lever_panel::LeverPanel, metrics::Metrics,
    preset_picker::PresetPicker, summary::Summary,
};
use crate::i18n::strings;
use crate::state::{Action, State};
use squeeze_model::{run, LeverId};
use yew::prelude::*;

/// The whole explorer.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let State {
        scenario,
        preset,
        lang,
        baseline,
    } = *state;
    let outcome = use_memo(scenario, run);
    let baseline_outcome = use_memo(baseline, |baseline| {
        baseline.as_ref().map(|b| std::rc::Rc::new(run(b)))
    });
    let baseline_outcome = (*baseline_outcome).clone();
    use_effect_with(lang, |lang| {
        crate::set_document_lang(strings(*lang).html_lang)
    });

    let dispatch = state.dispatcher();
    let on_lever = {
        let dispatch = dispatch.clone();
        Callback::from(move |(id, value): (LeverId, f64)| {
            dispatch.dispatch(Action::SetLever(id, value))
        })
    };
    let on_preset = {
        let dispatch = dispatch.clone();
        Callback::from(move |preset| dispatch.dispatch(Action::ChoosePreset(preset)))
    };
    let on_reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(Action::Reset))
    };
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |lang| dispatch.dispatch(Action::SetLang(lang)))
    };
    let on_compare = Callback::from(move |pin: bool| {
        dispatch.dispatch(if pin { Action::Pin } else { Action::Unpin })
    });
    let text = strings(lang);

    html! {
        <>
            <header class="masthead">
                <div class="masthead__row">
                    <h1>{ text.title }</h1>
                    <LanguageSwitch {lang} on_change={on_lang} />
                </div>
                <p class="lede">{ text.lede }</p>
            </header>
            // The summary is its own grid area: on phones it sits right above the
            // levers, so the words stay in view while the reader drags.
            <Summary outcome={outcome.clone()} {lang} />
            <section class="levers" aria-labelledby="levers-heading">
                <h2 id="levers-heading" class="visually-hidden">{ text.levers }</h2>
                <PresetPicker {preset} pristine={state.is_pristine()} {lang} on_choose={on_preset} {on_reset} />
                <LeverPanel {scenario} {lang} on_change={on_lever} />
            </section>
            <section class="outcome" aria-labelledby="outcome-heading">
                <h2 id="outcome-heading" class="visually-hidden">{ text.outcome }</h2>
                <Metrics outcome={outcome.clone()} baseline={baseline_outcome.clone()} {lang} />
                <Compare pinned={baseline.is_some()} {lang} on_toggle={on_compare} />
                <ChartTabs outcome={outcome.clone()} baseline={baseline_outcome} {lang} />
                <Export {scenario} outcome={outcome.clone()} {lang} />
            </section>
            <section class="sources">
                <Assumptions {scenario} {lang} />
                <p class="footer-note">{ text.footer }</p>
            </section>
        </>
    }
}

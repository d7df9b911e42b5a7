//! The guided story on the page: a button to start it, then one step at a time —
//! "The argument, step 2 of 6", a title, two sentences — with Back, Next and
//! Leave, and the arrow keys inside the panel. Each step sets the levers and the
//! chart (see `crate::story`).

use crate::i18n::{strings, Lang};
use crate::story::STEPS;
use yew::prelude::*;

/// What the story panel needs.
#[derive(Properties, PartialEq)]
pub struct StoryPanelProps {
    /// The step on screen, if any.
    pub step: Option<usize>,
    /// The page language.
    pub lang: Lang,
    /// Goes to a step, or leaves the story (`None`).
    pub on_step: Callback<Option<usize>>,
}

/// The start button, or the current step with its navigation.
#[function_component]
pub fn StoryPanel(props: &StoryPanelProps) -> Html {
    let text = strings(props.lang);
    let lang = props.lang;
    let Some(i) = props.step.filter(|&i| i < STEPS.len()) else {
        let start = props.on_step.reform(|_: MouseEvent| Some(0));
        return html! {
            <div class="story story--closed">
                <button type="button" class="button" onclick={start}>{ text.story_start }</button>
            </div>
        };
    };
    let step = &STEPS[i];
    let last = STEPS.len() - 1;
    let go = |to: Option<usize>| props.on_step.reform(move |_: MouseEvent| to);
    let onkeydown = {
        let on_step = props.on_step.clone();
        Callback::from(move |event: KeyboardEvent| {
            let to = match event.key().as_str() {
                "ArrowRight" if i < last => i + 1,
                "ArrowLeft" if i > 0 => i - 1,
                _ => return,
            };
            event.prevent_default();
            on_step.emit(Some(to));
        })
    };
    html! {
        <section class="story" aria-labelledby="story-heading" {onkeydown}>
            <h2 id="story-heading" class="story__counter">
                { format!("{} {} / {}", text.story_step, i + 1, STEPS.len()) }
            </h2>
            <h3 class="story__title">{ lang.pick(step.title.0, step.title.1) }</h3>
            <p class="story__text" aria-live="polite">{ lang.pick(step.text.0, step.text.1) }</p>
            <div class="story__nav">
                <button type="button" class="button" disabled={i == 0} onclick={go(i.checked_sub(1))}>{ text.story_back }</button>
                <button type="button" class="button" disabled={i == last} onclick={go(Some((i + 1).min(last)))}>{ text.story_next }</button>
                <button type="button" class="button" onclick={go(None)}>{ text.story_close }</button>
            </div>
        </section>
    }
}

//! The one piece of UI state: the scenario the reader is exploring, the preset it
//! started from, the language, and the pinned baseline. Everything on screen is
//! derived from it; the outcome is computed from it, never stored beside it.

use crate::i18n::Lang;
use squeeze_model::{Lever, LeverId, Preset, Scenario};
use std::rc::Rc;
use yew::Reducible;

/// The whole UI state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct State {
    /// The scenario the sliders show.
    pub scenario: Scenario,
    /// The preset the reader picked last; Reset returns to it.
    pub preset: &'static Preset,
    /// The language of the page.
    pub lang: Lang,
    /// A pinned scenario to compare against, if any.
    pub baseline: Option<Scenario>,
}

impl Default for State {
    fn default() -> Self {
        let preset = Preset::base();
        Self {
            scenario: preset.scenario,
            preset,
            lang: Lang::En,
            baseline: None,
        }
    }
}

impl State {
    /// Whether the scenario still equals its preset (Reset would change nothing).
    pub fn is_pristine(&self) -> bool {
        self.scenario == self.preset.scenario
    }
}

/// What the reader can do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    /// Move one lever to a value (clamped into its range).
    SetLever(LeverId, f64),
    /// Switch to a preset's scenario.
    ChoosePreset(&'static Preset),
    /// Back to the current preset's values.
    Reset,
    /// Change the page language.
    SetLang(Lang),
    /// Pin the current scenario as the baseline for comparison.
    Pin,
    /// Stop comparing.
    Unpin,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = *self;
        match action {
            Action::SetLever(id, value) => {
                if let Some(lever) = Lever::by_id(id) {
                    next.scenario.set(id, lever.clamp(value));
                }
            }
            Action::ChoosePreset(preset) => {
                next.preset = preset;
                next.scenario = preset.scenario;
            }
            Action::Reset => next.scenario = next.preset.scenario,
            Action::SetLang(lang) => next.lang = lang,
            Action::Pin => next.baseline = Some(next.scenario),
            Action::Unpin => next.baseline = None,
        }
        // Yew skips the render when the same Rc comes back.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

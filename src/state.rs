//! The one piece of UI state: the view the reader is exploring (scenario, preset,
//! language, pinned baseline — the same value a shared link carries) and the
//! notice about anything a link or a host page asked for that could not be used.
//! Everything on screen is derived from it; the outcome is computed from it,
//! never stored beside it.

use squeeze_link::{Decoded, Problem, Stamp, View};
use squeeze_model::{Lever, LeverId, Preset};
use std::rc::Rc;
use yew::Reducible;

pub use squeeze_charts::Lang;

/// The whole UI state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// What the reader sees and a link restores.
    pub view: View,
    /// What the last link or host message asked for that was clamped or dropped.
    pub notice: Vec<Problem>,
    /// Which model and data made the link the page opened on, and what it showed
    /// (until the reader changes the view or dismisses the notice).
    pub stamp: Option<Stamp>,
    /// The step of the guided story on screen, if the reader is following it.
    pub story: Option<usize>,
}

impl State {
    /// The state a link (decoded URL fragment) describes, with its notice.
    pub fn from_decoded(decoded: Decoded) -> Self {
        Self {
            view: decoded.view,
            notice: decoded.problems,
            stamp: decoded.stamp,
            story: None,
        }
    }

    /// Shows step `i` of the guided story: its preset and levers.
    pub fn show_story_step(&mut self, i: usize) {
        let (preset, scenario) = crate::story::STEPS[i].view();
        self.view.preset = preset;
        self.view.scenario = scenario;
        self.story = Some(i);
    }

    /// Whether the scenario still equals its preset (Reset would change nothing).
    pub fn is_pristine(&self) -> bool {
        self.view.scenario == self.view.preset.scenario
    }
}

/// What the reader (or the page around the widget) can do.
#[derive(Debug, Clone, PartialEq)]
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
    /// Show a whole view (back/forward navigation), with its notice.
    Load(Decoded),
    /// Show the scenario a host page sent to the widget, keeping the page
    /// language unless the message names one.
    HostSet(Decoded, Option<Lang>),
    /// Close the notice.
    DismissNotice,
    /// Show a company up close (`None`: the first one).
    SelectCompany(Option<&'static str>),
    /// Go to a step of the guided story (its levers and chart), or leave it.
    Story(Option<usize>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // The link's figures describe the view it opened; once the reader changes
        // the scenario they no longer compare with what is on screen.
        if matches!(action, Action::SetLever(..) | Action::ChoosePreset(_) | Action::Reset) {
            next.stamp = None;
        }
        let view = &mut next.view;
        match action {
            Action::SetLever(id, value) => {
                if let Some(lever) = Lever::by_id(id) {
                    view.scenario.set(id, lever.clamp(value));
                }
            }
            Action::ChoosePreset(preset) => {
                view.preset = preset;
                view.scenario = preset.scenario;
            }
            Action::Reset => view.scenario = view.preset.scenario,
            Action::SetLang(lang) => view.lang = lang,
            Action::Pin => view.baseline = Some(view.scenario),
            Action::Unpin => view.baseline = None,
            Action::Load(decoded) => next = State::from_decoded(decoded),
            Action::HostSet(decoded, lang) => {
                let keep = view.lang;
                next = State::from_decoded(decoded);
                next.view.lang = lang.unwrap_or(keep);
            }
            Action::DismissNotice => {
                next.notice.clear();
                next.stamp = None;
            }
            Action::SelectCompany(company) => view.company = company,
            Action::Story(step) => match step.filter(|&i| i < crate::story::STEPS.len()) {
                Some(i) => {
                    view.baseline = None;
                    next.stamp = None;
                    next.show_story_step(i);
                }
                None => next.story = None,
            },
        }
        // A company belongs to its era's data (the 2022 replay has its own).
        let era = next.view.scenario.era;
        if next.view.company.is_some_and(|id| era.data().company(id).is_none()) {
            next.view.company = None;
        }
        // Yew skips the render when the same Rc comes back.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

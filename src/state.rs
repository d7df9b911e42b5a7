//! The one piece of UI state: the scenario the reader is exploring. Everything on
//! screen is derived from it.

use squeeze_model::{LeverId, Scenario, LEVERS};
use std::rc::Rc;
use yew::Reducible;

/// The whole UI state; the outcome is derived from it, never stored beside it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct State {
    /// The scenario the sliders show.
    pub scenario: Scenario,
}

/// What the reader can do.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    /// Move one lever to a value (clamped into its range).
    SetLever(LeverId, f64),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::SetLever(id, value) => {
                let Some(lever) = LEVERS.iter().find(|lever| lever.id == id) else {
                    return self;
                };
                let value = lever.clamp(value);
                if self.scenario.get(id) == value {
                    return self;
                }
                let mut next = *self;
                next.scenario.set(id, value);
                Rc::new(next)
            }
        }
    }
}

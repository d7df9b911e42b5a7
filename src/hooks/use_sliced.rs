//! Heavy work (Monte Carlo paths, the tornado, the squeeze map) done in short
//! slices between frames, so dragging stays smooth: a job starts once the input
//! has been still for a moment, each slice runs for a few milliseconds, then
//! yields to the browser. A new input cancels the job in flight and starts a
//! fresh one; the result fills in when it completes.

use gloo_timers::future::TimeoutFuture;
use squeeze_model::{
    Attribution, LeverId, MonteCarlo, MonteCarloResult, Scenario, Split, SqueezeMap, TippingMark, TippingSearch,
    Tornado,
};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Longest a slice may run before yielding, in milliseconds: well inside a frame,
/// so an input event waits at most this long.
const SLICE_MS: f64 = 4.0;
/// Quiet time after the last change before a job starts, in milliseconds: while
/// the reader drags, the frames belong to the outcome and its chart.
const SETTLE_MS: u32 = 120;

/// A computation that advances in small steps.
pub trait SlicedJob: 'static {
    /// What the finished job yields.
    type Output: 'static;
    /// Does a small amount of work; `true` once the job is complete.
    fn step(&mut self) -> bool;
    /// The result (called once, when complete).
    fn finish(self) -> Self::Output;
}

impl SlicedJob for MonteCarlo {
    type Output = MonteCarloResult;
    fn step(&mut self) -> bool {
        self.run_chunk(8);
        self.is_done()
    }
    fn finish(self) -> MonteCarloResult {
        self.result()
    }
}

impl SlicedJob for Tornado {
    type Output = Tornado;
    fn step(&mut self) -> bool {
        !self.compute_next_lever()
    }
    fn finish(self) -> Tornado {
        self
    }
}

/// A lever's tipping marks, and whether its lowest value squeezes a company (with
/// no marks: whether every value does, or none).
#[derive(Debug, Clone, PartialEq)]
pub struct LeverTipping {
    /// Where the first squeeze appears or disappears along the lever.
    pub marks: Vec<TippingMark>,
    /// Whether the lever's lowest value squeezes a company.
    pub squeezed_at_min: bool,
}

impl SlicedJob for TippingSearch {
    type Output = LeverTipping;
    fn step(&mut self) -> bool {
        TippingSearch::step(self)
    }
    fn finish(self) -> LeverTipping {
        let squeezed_at_min = self.squeezed_at_min();
        LeverTipping {
            marks: self.into_marks(),
            squeezed_at_min,
        }
    }
}

/// What a lever's tipping marks depend on: the scenario with that lever at its
/// default, so dragging it never invalidates its own marks.
pub fn marks_input(scenario: &Scenario, lever: LeverId) -> (LeverId, Scenario) {
    (lever, at_defaults(scenario, &[lever]))
}

/// `scenario` with `levers` at their defaults: the input of a job whose result
/// does not depend on them.
fn at_defaults(scenario: &Scenario, levers: &[LeverId]) -> Scenario {
    let mut input = *scenario;
    for &id in levers {
        input.set(id, Scenario::default().get(id));
    }
    input
}

/// Starts the search for one lever's tipping marks.
pub fn start_marks(input: &(LeverId, Scenario)) -> TippingSearch {
    TippingSearch::new(&input.1, input.0)
}

/// The split of the change from a pinned baseline among the levers that differ
/// (`None` inside when it cannot be split: the baseline is of another era).
pub struct AttributionJob(Option<Attribution>);

impl SlicedJob for AttributionJob {
    type Output = Option<Vec<Split>>;
    fn step(&mut self) -> bool {
        self.0.as_mut().is_none_or(Attribution::step)
    }
    fn finish(self) -> Option<Vec<Split>> {
        self.0.and_then(|a| a.splits())
    }
}

/// Starts the attribution of the change from `(baseline, current)`.
pub fn start_attribution(input: &(Scenario, Scenario)) -> AttributionJob {
    AttributionJob(Attribution::new(&input.0, &input.1))
}

impl SlicedJob for SqueezeMap {
    type Output = SqueezeMap;
    fn step(&mut self) -> bool {
        !self.compute_next_row() || self.is_complete()
    }
    fn finish(self) -> SqueezeMap {
        self
    }
}

/// The latest finished result for `input` (a scenario, or anything the job is
/// built from), computed in slices; `None` while the job for the current input
/// is still running (a result for an older input is never shown), and always
/// when not `enabled`.
#[hook]
pub fn use_sliced<I, J>(input: I, enabled: bool, start: fn(&I) -> J) -> Option<Rc<J::Output>>
where
    I: PartialEq + Clone + 'static,
    J: SlicedJob,
{
    let finished = use_state(|| None::<(I, Rc<J::Output>)>);
    {
        let finished = finished.clone();
        use_effect_with((input.clone(), enabled), move |(input, enabled)| {
            let cancelled = Rc::new(Cell::new(!enabled));
            let input = input.clone();
            let flag = cancelled.clone();
            wasm_bindgen_futures::spawn_local(async move {
                TimeoutFuture::new(SETTLE_MS).await;
                if flag.get() {
                    return;
                }
                let mut job = start(&input);
                let clock = web_sys::window().and_then(|w| w.performance());
                let now = || clock.as_ref().map_or(0.0, |c| c.now());
                loop {
                    if flag.get() {
                        return;
                    }
                    let slice_start = now();
                    let mut complete = false;
                    while !complete && now() - slice_start < SLICE_MS {
                        complete = job.step();
                    }
                    if complete {
                        finished.set(Some((input, Rc::new(job.finish()))));
                        return;
                    }
                    TimeoutFuture::new(0).await;
                }
            });
            move || cancelled.set(true)
        });
    }
    finished
        .as_ref()
        .filter(|(for_input, _)| *for_input == input)
        .map(|(_, output)| output.clone())
}

/// Monte Carlo paths per scenario in the browser.
pub const BROWSER_PATHS: u32 = 1_000;
/// The seed the browser uses, so every reader sees the same odds.
pub const BROWSER_SEED: u32 = 1;

/// Starts the Monte Carlo job of the explorer for a scenario.
pub fn start_monte_carlo(scenario: &Scenario) -> MonteCarlo {
    MonteCarlo::new(scenario, BROWSER_SEED, BROWSER_PATHS)
}

/// Starts the tornado job for a scenario.
pub fn start_tornado(scenario: &Scenario) -> Tornado {
    Tornado::new(scenario)
}

/// The squeeze map's levers: AI demand slowdown across, miner leverage up.
pub const MAP_AXES: (LeverId, LeverId) = (LeverId::AiDemandSlowdown, LeverId::MinerLeverage);
/// Cells along each axis of the squeeze map.
pub const MAP_STEPS: u32 = 21;

/// What the squeeze map depends on: the scenario with its two map levers put at
/// their defaults, so moving along either axis only moves the marker.
pub fn map_input(scenario: &Scenario) -> Scenario {
    at_defaults(scenario, &[MAP_AXES.0, MAP_AXES.1])
}

/// Starts the squeeze-map job for a [`map_input`].
pub fn start_map(input: &Scenario) -> SqueezeMap {
    SqueezeMap::new(input, MAP_AXES.0, MAP_AXES.1, MAP_STEPS, MAP_STEPS)
}

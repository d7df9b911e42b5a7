//! Tipping points on the sliders: for one lever, with every other lever as the
//! reader set it, the values where the outcome changes — where the first squeeze
//! appears or disappears — and which company tips first there. The page marks
//! them on the slider's track, so a reader sees before dragging how far the cliff
//! is.

use crate::levers::{Lever, LeverId};
use crate::{run, Scenario};

/// Evenly spaced values at which the lever's range is scanned before each change
/// of outcome is narrowed down; a squeeze window narrower than a sixteenth of the
/// range can be missed (the page says the marks are where the *first squeeze*
/// changes, found this way).
pub const SCAN_POINTS: u32 = 17;
/// Bisection steps narrowing each change: within (range) / 16 / 2^10, far under a
/// slider step.
const BISECTION_STEPS: u32 = 10;

/// One place on a lever's range where the outcome changes.
#[derive(Debug, Clone, PartialEq)]
pub struct TippingMark {
    /// The lever.
    pub lever: LeverId,
    /// The value (model units) at which the change happens: the first value on the
    /// squeezed side, within a fraction of a slider step.
    pub value: f64,
    /// Whether values above it are the squeezed side (true for a slowdown: more
    /// slowdown, a squeeze), or values below it.
    pub squeezed_above: bool,
    /// The company squeezed first just past the mark, by name.
    pub company: &'static str,
}

/// The tipping marks of `lever` with the rest of `scenario` as it is (its own
/// value is irrelevant): every change between "some company is squeezed within the
/// horizon" and "none is", in increasing value.
///
/// ```
/// use squeeze_model::{tipping_marks, LeverId, Scenario};
/// let marks = tipping_marks(&Scenario { btc_price_shock: -0.5, ..Scenario::BASE }, LeverId::AiDemandSlowdown);
/// assert!(marks.iter().all(|m| (0.0..=1.0).contains(&m.value)));
/// ```
pub fn tipping_marks(scenario: &Scenario, lever: LeverId) -> Vec<TippingMark> {
    let mut search = TippingSearch::new(scenario, lever);
    while !search.step() {}
    search.into_marks()
}

/// The search behind [`tipping_marks`], one model run a step, so a page can run it
/// in slices between frames.
#[derive(Debug, Clone)]
pub struct TippingSearch {
    scenario: Scenario,
    lever: LeverId,
    min: f64,
    max: f64,
    /// The first squeezed company at each scanned value, as far as scanned.
    scan: Vec<Option<&'static str>>,
    /// The bracket being narrowed: (safe value, squeezed value, company there,
    /// steps done, squeezed above).
    bracket: Option<(f64, f64, &'static str, u32, bool)>,
    /// The next pair of scanned values to look at for a change.
    next_pair: usize,
    marks: Vec<TippingMark>,
}

impl TippingSearch {
    /// A search over `lever`'s whole range, the other levers as in `scenario`.
    pub fn new(scenario: &Scenario, lever: LeverId) -> Self {
        let (min, max) = Lever::by_id(lever).map_or((0.0, 0.0), |row| (row.min, row.max));
        TippingSearch {
            scenario: *scenario,
            lever,
            min,
            max,
            scan: Vec::with_capacity(SCAN_POINTS as usize),
            bracket: None,
            next_pair: 0,
            marks: Vec::new(),
        }
    }

    fn scanned_value(&self, i: usize) -> f64 {
        self.min + (self.max - self.min) * i as f64 / f64::from(SCAN_POINTS - 1)
    }

    fn first_squeezed(&self, value: f64) -> Option<&'static str> {
        let mut s = self.scenario;
        s.set(self.lever, value);
        let o = run(&s);
        let month = o.squeeze_month?;
        o.miners.iter().find(|m| m.squeeze_month == Some(month)).map(|m| m.name)
    }

    /// Does one model run; `true` once the search is complete.
    pub fn step(&mut self) -> bool {
        if self.max <= self.min {
            return true;
        }
        if self.scan.len() < SCAN_POINTS as usize {
            let value = self.scanned_value(self.scan.len());
            let hit = self.first_squeezed(value);
            self.scan.push(hit);
            return false;
        }
        if let Some((safe, hit, company, done, above)) = self.bracket {
            if done == BISECTION_STEPS {
                self.marks.push(TippingMark {
                    lever: self.lever,
                    value: hit,
                    squeezed_above: above,
                    company,
                });
                self.bracket = None;
            } else {
                let middle = (safe + hit) / 2.0;
                self.bracket = Some(match self.first_squeezed(middle) {
                    Some(name) => (safe, middle, name, done + 1, above),
                    None => (middle, hit, company, done + 1, above),
                });
                return false;
            }
        }
        // The next change of outcome between two scanned values, if any.
        while self.next_pair + 1 < self.scan.len() {
            let i = self.next_pair;
            self.next_pair += 1;
            let (low, high) = (self.scan[i], self.scan[i + 1]);
            if low.is_some() == high.is_some() {
                continue;
            }
            let (x_low, x_high) = (self.scanned_value(i), self.scanned_value(i + 1));
            self.bracket = Some(match (low, high) {
                (None, Some(name)) => (x_low, x_high, name, 0, true),
                (Some(name), _) => (x_high, x_low, name, 0, false),
                (None, None) => unreachable!("the two sides differ"),
            });
            return false;
        }
        true
    }

    /// The marks found, in increasing value.
    pub fn into_marks(self) -> Vec<TippingMark> {
        self.marks
    }

    /// Whether the lever's lowest value squeezes a company (with no marks: whether
    /// every value does, or none).
    pub fn squeezed_at_min(&self) -> bool {
        self.scan.first().is_some_and(Option::is_some)
    }

    /// The lever searched.
    pub fn lever(&self) -> LeverId {
        self.lever
    }
}

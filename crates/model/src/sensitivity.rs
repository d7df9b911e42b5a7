//! What matters most, and where the squeeze starts: deterministic sweeps of the
//! levers.
//!
//! - The **tornado** ([`tornado`]): each lever at its minimum and at its maximum,
//!   everything else as in the scenario; bars sorted by how far they move the first
//!   squeeze (then the distressed share).
//! - The **squeeze map** ([`squeeze_map`]): a grid over two levers, each cell the
//!   months to the first squeeze.
//!
//! Both can be computed in slices (lever by lever, row by row) with
//! [`Tornado::compute_next_lever`] and [`SqueezeMap::compute_next_row`]; the result
//! is the same as computing them at once.

use crate::levers::{Lever, LeverId, LEVERS};
use crate::{run, Scenario, YearMonth};
use serde::Serialize;
use std::cmp::Ordering;
use std::fmt::Write as _;

/// Most steps a map axis may have (a 201 × 201 map is ~40,000 runs, about a second).
pub const MAX_MAP_STEPS: u32 = 201;

/// The headline results of one deterministic run, as the sweeps report them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SensitivityPoint {
    /// Months until the first squeeze, `None` if none within the horizon.
    pub squeeze_month: Option<u32>,
    /// The calendar month of the first squeeze.
    pub squeeze_date: Option<YearMonth>,
    /// Months until the first squeeze, counting "none" as the horizon's length, so
    /// points can be compared and bars ordered.
    pub months_to_squeeze: u32,
    /// Share (0–1) of converted AI capacity held by squeezed operators.
    pub distressed_capacity_share: f64,
}

impl SensitivityPoint {
    /// Runs `scenario` and keeps its headline results.
    pub fn of(scenario: &Scenario) -> Self {
        let outcome = run(scenario);
        SensitivityPoint {
            squeeze_month: outcome.squeeze_month,
            squeeze_date: outcome.squeeze_date,
            months_to_squeeze: outcome.squeeze_month.unwrap_or(scenario.era.horizon_months()),
            distressed_capacity_share: outcome.distressed_capacity_share,
        }
    }
}

/// One bar of the tornado: a lever moved from its minimum to its maximum.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TornadoBar {
    /// The lever's JSON key.
    pub lever: &'static str,
    /// The lever's label.
    pub label: &'static str,
    /// Which lever (for code; the JSON has `lever`).
    #[serde(skip)]
    pub id: LeverId,
    /// The scenario's own value of the lever.
    pub base_value: f64,
    /// The lever's minimum.
    pub low_value: f64,
    /// The lever's maximum.
    pub high_value: f64,
    /// Results with the lever at its minimum.
    pub low: SensitivityPoint,
    /// Results with the lever at its maximum.
    pub high: SensitivityPoint,
    /// |months to squeeze at the maximum − at the minimum|.
    pub months_swing: u32,
    /// |distressed share at the maximum − at the minimum|, 0–1.
    pub distressed_share_swing: f64,
}

/// The tornado of one scenario: its own results and one bar per lever, the levers
/// that move the first squeeze most first.
///
/// ```
/// use squeeze_model::{tornado, Scenario, LEVERS};
/// let t = tornado(&Scenario::default());
/// assert_eq!(t.bars.len(), LEVERS.len());
/// assert!(t.bars.windows(2).all(|w| w[0].months_swing >= w[1].months_swing));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tornado {
    /// The (clamped) scenario every bar starts from.
    pub scenario: Scenario,
    /// Months simulated; "no squeeze" counts as this many months.
    pub horizon_months: u32,
    /// The scenario's own results.
    pub base: SensitivityPoint,
    /// One bar per lever computed so far, sorted by `months_swing`, then
    /// `distressed_share_swing` (largest first), then the lever table's order.
    pub bars: Vec<TornadoBar>,
}

/// The bar of one lever: `scenario` with that lever at its minimum and its maximum.
pub fn tornado_bar(scenario: &Scenario, lever: LeverId) -> TornadoBar {
    let s = scenario.clamped();
    let row = lever_row(lever);
    let at = |value: f64| {
        let mut moved = s;
        moved.set(lever, value);
        SensitivityPoint::of(&moved)
    };
    let (low, high) = (at(row.min), at(row.max));
    TornadoBar {
        lever: row.key,
        label: row.label,
        id: lever,
        base_value: s.get(lever),
        low_value: row.min,
        high_value: row.max,
        low,
        high,
        months_swing: low.months_to_squeeze.abs_diff(high.months_to_squeeze),
        distressed_share_swing: (high.distressed_capacity_share - low.distressed_capacity_share).abs(),
    }
}

/// The whole tornado at once: every lever of [`LEVERS`].
pub fn tornado(scenario: &Scenario) -> Tornado {
    let mut t = Tornado::new(scenario);
    while t.compute_next_lever() {}
    t
}

impl Tornado {
    /// A tornado with the scenario's own results and no bars yet.
    pub fn new(scenario: &Scenario) -> Self {
        let s = scenario.clamped();
        Tornado {
            scenario: s,
            horizon_months: s.era.horizon_months(),
            base: SensitivityPoint::of(&s),
            bars: Vec::with_capacity(LEVERS.len()),
        }
    }

    /// Computes the bar of the next lever in table order; `false` when every lever
    /// is done.
    pub fn compute_next_lever(&mut self) -> bool {
        let next = LEVERS
            .iter()
            .find(|lever| !self.bars.iter().any(|bar| bar.id == lever.id));
        match next {
            Some(lever) => {
                self.insert(tornado_bar(&self.scenario, lever.id));
                true
            }
            None => false,
        }
    }

    /// Adds a bar (e.g. computed elsewhere with [`tornado_bar`]) in its sorted place,
    /// replacing any bar of the same lever.
    pub fn insert(&mut self, bar: TornadoBar) {
        self.bars.retain(|b| b.id != bar.id);
        let at = self.bars.partition_point(|b| bar_order(b, &bar) != Ordering::Greater);
        self.bars.insert(at, bar);
    }

    /// Whether every lever has its bar.
    pub fn is_complete(&self) -> bool {
        self.bars.len() == LEVERS.len()
    }

    /// The bars as CSV, one row per lever in the sorted order (an empty squeeze
    /// month or date means none within the horizon).
    ///
    /// ```
    /// let csv = squeeze_model::tornado(&Default::default()).to_csv();
    /// assert!(csv.starts_with("lever,label,base_value,low_value,high_value,"));
    /// assert_eq!(csv.lines().count(), 1 + squeeze_model::LEVERS.len());
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = String::from(
            "lever,label,base_value,low_value,high_value,low_squeeze_month,high_squeeze_month,\
             low_squeeze_date,high_squeeze_date,low_months_to_squeeze,high_months_to_squeeze,\
             months_swing,low_distressed_capacity_share,high_distressed_capacity_share,\
             distressed_share_swing\n",
        );
        for b in &self.bars {
            let _ = writeln!(
                out,
                "{},\"{}\",{},{},{},{},{},{},{},{},{},{},{},{},{}",
                b.lever,
                b.label.replace('"', "\"\""),
                b.base_value,
                b.low_value,
                b.high_value,
                optional(b.low.squeeze_month),
                optional(b.high.squeeze_month),
                optional(b.low.squeeze_date),
                optional(b.high.squeeze_date),
                b.low.months_to_squeeze,
                b.high.months_to_squeeze,
                b.months_swing,
                b.low.distressed_capacity_share,
                b.high.distressed_capacity_share,
                b.distressed_share_swing
            );
        }
        out
    }
}

/// A value for CSV, empty when absent.
fn optional<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

/// Bars with the larger swing first; ties by distressed-share swing, then table order.
fn bar_order(a: &TornadoBar, b: &TornadoBar) -> Ordering {
    b.months_swing
        .cmp(&a.months_swing)
        .then(b.distressed_share_swing.total_cmp(&a.distressed_share_swing))
        .then(table_index(a.id).cmp(&table_index(b.id)))
}

fn table_index(id: LeverId) -> usize {
    LEVERS.iter().position(|l| l.id == id).unwrap_or(LEVERS.len())
}

fn lever_row(id: LeverId) -> &'static Lever {
    // Every LeverId has a row: both come from the same `levers!` list.
    let index = table_index(id).min(LEVERS.len() - 1);
    &LEVERS[index]
}

/// `steps` evenly spaced values from the lever's minimum to its maximum (exactly).
fn axis(id: LeverId, steps: u32) -> Vec<f64> {
    let row = lever_row(id);
    let last = steps - 1;
    (0..steps)
        .map(|i| {
            if i == last {
                row.max
            } else {
                row.min + (row.max - row.min) * f64::from(i) / f64::from(last)
            }
        })
        .collect()
}

/// The squeeze map: a grid over two levers (`x` across, `y` down), everything else
/// as in the scenario; each cell is the months to the first squeeze.
///
/// ```
/// use squeeze_model::{squeeze_map, LeverId, Scenario};
/// let map = squeeze_map(&Scenario::default(), LeverId::AiDemandSlowdown, LeverId::MinerLeverage, 5, 3);
/// assert_eq!((map.x_values.len(), map.y_values.len()), (5, 3));
/// assert_eq!(map.squeeze_month.len(), 3); // one row per y value
/// assert_eq!(map.squeeze_month[0].len(), 5);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SqueezeMap {
    /// The (clamped) scenario the grid varies; its own values of the two levers are
    /// the reader's current point.
    pub scenario: Scenario,
    /// The JSON key of the lever across (x).
    pub x_lever: &'static str,
    /// The JSON key of the lever down (y).
    pub y_lever: &'static str,
    /// The x lever's values, from its minimum to its maximum.
    pub x_values: Vec<f64>,
    /// The y lever's values, from its minimum to its maximum.
    pub y_values: Vec<f64>,
    /// Months simulated; "no squeeze" counts as this many months.
    pub horizon_months: u32,
    /// `squeeze_month[j][i]`: the first squeeze at `y_values[j]`, `x_values[i]`
    /// (`None` if none within the horizon). One row per y value computed so far.
    pub squeeze_month: Vec<Vec<Option<u32>>>,
    /// The same with "none" counted as the horizon's length.
    pub months_to_squeeze: Vec<Vec<u32>>,
    /// Distressed capacity share (0–1) in each cell.
    pub distressed_capacity_share: Vec<Vec<f64>>,
    #[serde(skip)]
    x: LeverId,
    #[serde(skip)]
    y: LeverId,
}

/// The whole map at once. Steps are clamped to 2–[`MAX_MAP_STEPS`]. If `x` and `y`
/// are the same lever, the y value wins in every cell.
pub fn squeeze_map(scenario: &Scenario, x: LeverId, y: LeverId, steps_x: u32, steps_y: u32) -> SqueezeMap {
    let mut map = SqueezeMap::new(scenario, x, y, steps_x, steps_y);
    while map.compute_next_row() {}
    map
}

impl SqueezeMap {
    /// A map with its axes and no rows computed yet.
    pub fn new(scenario: &Scenario, x: LeverId, y: LeverId, steps_x: u32, steps_y: u32) -> Self {
        let s = scenario.clamped();
        let steps = |n: u32| n.clamp(2, MAX_MAP_STEPS);
        let y_values = axis(y, steps(steps_y));
        SqueezeMap {
            scenario: s,
            x_lever: lever_row(x).key,
            y_lever: lever_row(y).key,
            x_values: axis(x, steps(steps_x)),
            horizon_months: s.era.horizon_months(),
            squeeze_month: Vec::with_capacity(y_values.len()),
            months_to_squeeze: Vec::with_capacity(y_values.len()),
            distressed_capacity_share: Vec::with_capacity(y_values.len()),
            y_values,
            x,
            y,
        }
    }

    /// Computes the next row (the next y value); `false` when the map is complete.
    pub fn compute_next_row(&mut self) -> bool {
        let Some(&y_value) = self.y_values.get(self.squeeze_month.len()) else {
            return false;
        };
        let (mut months, mut months_to, mut distressed) = (vec![], vec![], vec![]);
        for &x_value in &self.x_values {
            let mut s = self.scenario;
            s.set(self.x, x_value);
            s.set(self.y, y_value);
            let point = SensitivityPoint::of(&s);
            months.push(point.squeeze_month);
            months_to.push(point.months_to_squeeze);
            distressed.push(point.distressed_capacity_share);
        }
        self.squeeze_month.push(months);
        self.months_to_squeeze.push(months_to);
        self.distressed_capacity_share.push(distressed);
        true
    }

    /// Rows computed so far.
    pub fn rows_done(&self) -> usize {
        self.squeeze_month.len()
    }

    /// Whether every row has been computed.
    pub fn is_complete(&self) -> bool {
        self.rows_done() == self.y_values.len()
    }

    /// The cells as CSV in long form, one row per cell (rows of y, then x):
    /// `<x lever>,<y lever>,squeeze_month,squeeze_date,months_to_squeeze,
    /// distressed_capacity_share`, an empty month or date meaning none.
    ///
    /// ```
    /// use squeeze_model::{squeeze_map, LeverId, Scenario};
    /// let map = squeeze_map(&Scenario::default(), LeverId::AiDemandSlowdown, LeverId::MinerLeverage, 3, 2);
    /// let csv = map.to_csv();
    /// assert!(csv.starts_with("ai_demand_slowdown,miner_leverage,squeeze_month,"));
    /// assert_eq!(csv.lines().count(), 1 + 3 * 2);
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = format!(
            "{},{},squeeze_month,squeeze_date,months_to_squeeze,distressed_capacity_share\n",
            self.x_lever, self.y_lever
        );
        let start = self.scenario.era.start();
        for (j, &y) in self.y_values.iter().enumerate().take(self.rows_done()) {
            for (i, &x) in self.x_values.iter().enumerate() {
                let month = self.squeeze_month[j][i];
                let _ = writeln!(
                    out,
                    "{x},{y},{},{},{},{}",
                    optional(month),
                    optional(month.map(|m| start.plus_months(m))),
                    self.months_to_squeeze[j][i],
                    self.distressed_capacity_share[j][i]
                );
            }
        }
        out
    }

    /// The lever across.
    pub fn x(&self) -> LeverId {
        self.x
    }

    /// The lever down.
    pub fn y(&self) -> LeverId {
        self.y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_run_exactly_from_minimum_to_maximum() {
        for lever in LEVERS {
            let values = axis(lever.id, 7);
            assert_eq!(values.first(), Some(&lever.min));
            assert_eq!(values.last(), Some(&lever.max));
            assert!(values.windows(2).all(|w| w[0] < w[1]), "{}", lever.key);
        }
    }

    #[test]
    fn steps_are_clamped() {
        let s = Scenario::default();
        let map = SqueezeMap::new(&s, LeverId::ChipThroughput, LeverId::InterestRate, 0, 9999);
        assert_eq!(map.x_values.len(), 2);
        assert_eq!(map.y_values.len(), MAX_MAP_STEPS as usize);
    }

    #[test]
    fn inserting_a_bar_again_replaces_it() {
        let s = Scenario::default();
        let mut t = Tornado::new(&s);
        let bar = tornado_bar(&s, LeverId::MinerLeverage);
        t.insert(bar);
        t.insert(bar);
        assert_eq!(t.bars.len(), 1);
        assert!(!t.is_complete());
    }
}

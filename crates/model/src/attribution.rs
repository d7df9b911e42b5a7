//! What changed, and why: the change in the headline figures between a pinned
//! baseline and the current scenario, split among the levers that differ by their
//! Shapley values — each lever's average contribution over every order in which
//! the levers could have been moved — so the parts add up exactly to the whole
//! and no lever is favoured by being moved first.

use crate::levers::{LeverId, LEVERS};
use crate::{run, Outcome, Scenario};

/// Most levers that may differ (2^10 = 1,024 runs at most).
pub const MAX_ATTRIBUTED_LEVERS: usize = 10;

/// A headline figure the attribution splits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headline {
    /// Months until the first squeeze, counting "none" as the horizon's length
    /// (fewer months: an earlier squeeze).
    MonthsToFirstSqueeze,
    /// New money the squeezed companies would have needed, $.
    FundingGap,
    /// Companies squeezed by the end.
    SqueezedCompanies,
}

impl Headline {
    /// Every headline figure, in the order the page shows them.
    pub const ALL: [Headline; 3] = [
        Headline::MonthsToFirstSqueeze,
        Headline::FundingGap,
        Headline::SqueezedCompanies,
    ];

    fn of(self, o: &Outcome) -> f64 {
        match self {
            Headline::MonthsToFirstSqueeze => f64::from(o.squeeze_month.unwrap_or(o.series.months.len() as u32)),
            Headline::FundingGap => o.funding_gap_usd,
            Headline::SqueezedCompanies => f64::from(o.squeezed_operators),
        }
    }
}

/// One headline figure, split.
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// Which figure.
    pub headline: Headline,
    /// Its value in the baseline.
    pub baseline: f64,
    /// Its value now.
    pub current: f64,
    /// Each differing lever's share of the change (they sum to current − baseline).
    pub contributions: Vec<(LeverId, f64)>,
}

/// The attribution of a change, computed one model run a step.
#[derive(Debug, Clone)]
pub struct Attribution {
    baseline: Scenario,
    current: Scenario,
    levers: Vec<LeverId>,
    /// Headline values of each subset of the differing levers moved (by bitmask),
    /// as far as computed.
    values: Vec<[f64; 3]>,
}

impl Attribution {
    /// The attribution from `baseline` to `current`; `None` when they are in
    /// different eras (different companies: no lever explains that) or more than
    /// [`MAX_ATTRIBUTED_LEVERS`] levers differ.
    pub fn new(baseline: &Scenario, current: &Scenario) -> Option<Self> {
        if baseline.era != current.era {
            return None;
        }
        let levers: Vec<LeverId> = (LEVERS.iter())
            .filter(|l| baseline.get(l.id) != current.get(l.id))
            .map(|l| l.id)
            .collect();
        (levers.len() <= MAX_ATTRIBUTED_LEVERS).then(|| Attribution {
            baseline: *baseline,
            current: *current,
            values: Vec::with_capacity(1 << levers.len()),
            levers,
        })
    }

    /// The levers that differ, in the lever table's order.
    pub fn levers(&self) -> &[LeverId] {
        &self.levers
    }

    /// Runs the model for the next subset of levers; `true` once all are done.
    pub fn step(&mut self) -> bool {
        let total = 1usize << self.levers.len();
        if self.values.len() < total {
            let mask = self.values.len();
            let mut s = self.baseline;
            for (i, &lever) in self.levers.iter().enumerate() {
                if mask & (1 << i) != 0 {
                    s.set(lever, self.current.get(lever));
                }
            }
            let o = run(&s);
            self.values.push(Headline::ALL.map(|h| h.of(&o)));
        }
        self.values.len() >= total
    }

    /// The splits, once every step is done (`None` before).
    pub fn splits(&self) -> Option<Vec<Split>> {
        let k = self.levers.len();
        if self.values.len() < 1 << k {
            return None;
        }
        // Shapley weight of a coalition of size s not containing the lever:
        // s! (k − s − 1)! / k!.
        let factorial = |n: usize| (1..=n).map(|i| i as f64).product::<f64>();
        let weight = |s: usize| factorial(s) * factorial(k - s - 1) / factorial(k);
        let full = (1 << k) - 1;
        Some(
            Headline::ALL
                .iter()
                .enumerate()
                .map(|(h, &headline)| {
                    let contributions = (0..k)
                        .map(|i| {
                            let share: f64 = (0..1usize << k)
                                .filter(|mask| mask & (1 << i) == 0)
                                .map(|mask| {
                                    let gain = self.values[mask | (1 << i)][h] - self.values[mask][h];
                                    weight(mask.count_ones() as usize) * gain
                                })
                                .sum();
                            (self.levers[i], share)
                        })
                        .collect();
                    Split {
                        headline,
                        baseline: self.values[0][h],
                        current: self.values[full][h],
                        contributions,
                    }
                })
                .collect(),
        )
    }
}

/// The attribution from `baseline` to `current` in one call (see [`Attribution`]).
///
/// ```
/// use squeeze_model::{attribution, Scenario};
/// let current = Scenario { ai_demand_slowdown: 0.7, miner_leverage: 0.9, btc_price_shock: -0.4, ..Scenario::BASE };
/// let splits = attribution(&Scenario::BASE, &current).unwrap();
/// for split in &splits {
///     let sum: f64 = split.contributions.iter().map(|(_, c)| c).sum();
///     assert!((sum - (split.current - split.baseline)).abs() < 1e-6 * (1.0 + split.current.abs()));
/// }
/// ```
pub fn attribution(baseline: &Scenario, current: &Scenario) -> Option<Vec<Split>> {
    let mut a = Attribution::new(baseline, current)?;
    while !a.step() {}
    a.splits()
}

//! The Monte Carlo: many possible futures of one scenario, each drawn by the same
//! monthly engine along a random [`ShockPath`], summarised as probabilities of a
//! squeeze by each month and percentile bands of the key series.
//!
//! Built to run in slices (a browser's Web Worker or idle callbacks) and to be
//! cancelled by simply not asking for more:
//! - [`simulate_paths`] simulates any range of path indices into [`PathStats`], and
//!   [`PathStats::merge`] combines them. Each path's randomness depends only on
//!   (seed, path index), and the statistics are computed in path-index order, so any
//!   chunking gives the same [`MonteCarloResult`] bit for bit.
//! - [`MonteCarlo`] wraps that as a job: `new`, then `run_chunk(n)` until `is_done`,
//!   reading `result()` at any point for the paths so far.
//!
//! Per path only the squeeze months, three scalars and the monthly values of the
//! banded series are kept (no full `Outcome`): about 4 KB a path in the late-2025
//! era.

use crate::engine::{distressed_share, simulate, MarketMonth, Operator, Recorder};
use crate::market::Params;
use crate::random::Xoshiro256StarStar;
use crate::shocks::ShockPath;
use crate::{Era, Scenario, YearMonth};
use serde::{Deserialize, Serialize};
use std::fmt::{self, Write as _};
use std::ops::Range;

/// Paths a Monte Carlo draws unless told otherwise: the binomial standard error of a
/// probability is then at most 1.6 percentage points.
pub const DEFAULT_PATHS: u32 = 1_000;

/// Banded series kept per path besides one cash series per operator.
const MARKET_SERIES: usize = 3;
const SERIES_BTC_PRICE: usize = 0;
const SERIES_AI_UTILISATION: usize = 1;
const SERIES_INDUSTRY_CASH: usize = 2;

/// The percentiles every band and distribution reports.
const PERCENTILES: [f64; 5] = [0.05, 0.25, 0.5, 0.75, 0.95];

/// Percentile bands of one monthly series over the paths: `p50[t]` is the median of
/// month `t`, and so on. `p5 ≤ p25 ≤ p50 ≤ p75 ≤ p95` every month. The bands are
/// pointwise: no single path need follow the median line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Band {
    /// 5th percentile each month.
    pub p5: Vec<f64>,
    /// 25th percentile each month.
    pub p25: Vec<f64>,
    /// Median each month.
    pub p50: Vec<f64>,
    /// 75th percentile each month.
    pub p75: Vec<f64>,
    /// 95th percentile each month.
    pub p95: Vec<f64>,
}

/// Percentiles and mean of one number over the paths (0 for every figure when no
/// path has been simulated).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Quantiles {
    /// 5th percentile.
    pub p5: f64,
    /// 25th percentile.
    pub p25: f64,
    /// Median.
    pub p50: f64,
    /// 75th percentile.
    pub p75: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Mean.
    pub mean: f64,
}

/// One company's risk over the paths.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MinerRisk {
    /// Stable id of the company (`"terawulf"`).
    pub id: &'static str,
    /// The company's name.
    pub name: &'static str,
    /// Probability (0–1) that this operator has been squeezed by the end of each month.
    pub squeeze_probability: Vec<f64>,
    /// Its cash at the end of each month, $ (negative once squeezed).
    pub cash_usd: Band,
}

/// What the Monte Carlo says about one scenario. All values are finite.
///
/// ```
/// use squeeze_model::{monte_carlo, Scenario};
/// let mc = monte_carlo(&Scenario::default(), 1, 50);
/// assert_eq!(mc.squeeze_probability.len(), 60);
/// assert!(mc.squeeze_probability.windows(2).all(|w| w[0] <= w[1]));
/// assert_eq!(mc.miners.len(), squeeze_model::Era::Late2025.data().companies.len());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonteCarloResult {
    /// The era simulated.
    pub era: Era,
    /// The seed the paths were drawn from.
    pub seed: u32,
    /// How many paths the figures summarise.
    pub paths: u32,
    /// The calendar months, from the start.
    pub months: Vec<YearMonth>,
    /// Probability (0–1) that at least one operator has been squeezed by the end of
    /// each month: the share of paths with a first squeeze in or before it.
    pub squeeze_probability: Vec<f64>,
    /// Binomial standard error of each month's probability, √(p(1 − p)/paths).
    pub squeeze_probability_standard_error: Vec<f64>,
    /// Per company, in the data's order.
    pub miners: Vec<MinerRisk>,
    /// Bitcoin price each month, $ (after forced-sale feedback).
    pub btc_price_usd: Band,
    /// Utilisation of AI-ready capacity each month, 0–1.
    pub ai_utilisation: Band,
    /// Cash of all operators together each month, $.
    pub industry_cash_usd: Band,
    /// Months until the first squeeze, counting "none within the horizon" as the
    /// horizon's length.
    pub months_to_first_squeeze: Quantiles,
    /// Share of converted AI capacity held by squeezed operators at the end.
    pub distressed_capacity_share: Quantiles,
    /// Bitcoin sold under pressure over the horizon, BTC.
    pub forced_btc_sales: Quantiles,
    /// New money the squeezed operators would have needed, $.
    pub funding_gap_usd: Quantiles,
}

/// Why two [`PathStats`] cannot be merged.
#[derive(Debug, Clone, PartialEq)]
pub enum MergeError {
    /// They were simulated for different scenarios.
    DifferentScenario,
    /// They were drawn from different seeds.
    DifferentSeed {
        /// This one's seed.
        ours: u32,
        /// The other's seed.
        theirs: u32,
    },
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::DifferentScenario => f.write_str("cannot merge Monte Carlo paths of different scenarios"),
            MergeError::DifferentSeed { ours, theirs } => {
                write!(f, "cannot merge Monte Carlo paths of seed {theirs} into seed {ours}")
            }
        }
    }
}

impl std::error::Error for MergeError {}

/// The per-path raw results of some paths of one scenario and seed, kept in
/// path-index order; merge chunks with [`PathStats::merge`], summarise with
/// [`PathStats::summarise`]. Serializable, so chunks can cross a worker boundary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PathStats {
    scenario: Scenario,
    seed: u32,
    months: u32,
    operators: u32,
    /// The path indices held, ascending and distinct.
    path_index: Vec<u32>,
    /// Per path, each operator's first squeeze month (`months` = none).
    squeeze_month: Vec<u32>,
    /// Per path: distressed capacity share, forced sales (BTC), funding gap ($).
    distressed_capacity_share: Vec<f64>,
    forced_btc_sales: Vec<f64>,
    funding_gap_usd: Vec<f64>,
    /// Per path, per banded series, per month (series-major within a path).
    series: Vec<f64>,
}

/// Simulates Monte Carlo paths `paths` (path indices) of `scenario` under `seed`.
/// Path `i` is the same whichever range it is simulated in.
///
/// ```
/// use squeeze_model::{simulate_paths, Scenario};
/// let s = Scenario::default();
/// let mut chunked = simulate_paths(&s, 7, 0..10);
/// chunked.merge(simulate_paths(&s, 7, 10..25)).unwrap();
/// assert_eq!(chunked, simulate_paths(&s, 7, 0..25));
/// ```
pub fn simulate_paths(scenario: &Scenario, seed: u32, paths: Range<u32>) -> PathStats {
    let s = scenario.clamped();
    let p = Params::new(crate::Dataset::for_era(s.era));
    let mut stats = PathStats::empty(&s, seed);
    let months = stats.months as usize;
    let mut recorder = PathRecorder {
        months,
        values: vec![0.0; stats.series_per_path() * months],
    };
    let mut shocks = ShockPath::none();
    for path in paths {
        shocks.redraw(&s, p.data, &mut Xoshiro256StarStar::for_path(seed, path));
        let operators = simulate(&s, &p, &shocks, &mut recorder);
        stats.push(path, &operators, &recorder.values);
    }
    stats
}

/// The whole Monte Carlo at once: `paths` paths of `scenario` under `seed`.
pub fn monte_carlo(scenario: &Scenario, seed: u32, paths: u32) -> MonteCarloResult {
    simulate_paths(scenario, seed, 0..paths).summarise()
}

/// A Monte Carlo run as a job done in chunks: call [`MonteCarlo::run_chunk`] until
/// [`MonteCarlo::is_done`]; stop calling to cancel. The result is the same whatever
/// the chunk sizes.
///
/// ```
/// use squeeze_model::{monte_carlo, MonteCarlo, Scenario};
/// let s = Scenario::default();
/// let mut job = MonteCarlo::new(&s, 1, 40);
/// while !job.is_done() {
///     job.run_chunk(15);
/// }
/// assert_eq!(job.result(), monte_carlo(&s, 1, 40));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct MonteCarlo {
    target_paths: u32,
    stats: PathStats,
}

impl MonteCarlo {
    /// A job of `paths` paths of `scenario` under `seed`; nothing is simulated yet.
    pub fn new(scenario: &Scenario, seed: u32, paths: u32) -> Self {
        MonteCarlo {
            target_paths: paths,
            stats: PathStats::empty(&scenario.clamped(), seed),
        }
    }

    /// Simulates up to `n` more paths; returns how many it did (0 when done).
    pub fn run_chunk(&mut self, n: u32) -> u32 {
        let done = self.paths_done();
        let end = done.saturating_add(n).min(self.target_paths);
        if end > done {
            let chunk = simulate_paths(&self.stats.scenario, self.stats.seed, done..end);
            self.stats.append(chunk);
        }
        end - done
    }

    /// Paths simulated so far.
    pub fn paths_done(&self) -> u32 {
        self.stats.paths()
    }

    /// Paths the job will simulate in all.
    pub fn paths(&self) -> u32 {
        self.target_paths
    }

    /// Whether every path has been simulated.
    pub fn is_done(&self) -> bool {
        self.paths_done() >= self.target_paths
    }

    /// Share of the paths simulated, 0–1.
    pub fn progress(&self) -> f64 {
        if self.target_paths == 0 {
            1.0
        } else {
            f64::from(self.paths_done()) / f64::from(self.target_paths)
        }
    }

    /// The statistics of the paths simulated so far.
    pub fn result(&self) -> MonteCarloResult {
        self.stats.summarise()
    }

    /// The raw per-path results so far.
    pub fn stats(&self) -> &PathStats {
        &self.stats
    }
}

/// Keeps, for one path, the monthly values of the banded series.
struct PathRecorder {
    months: usize,
    values: Vec<f64>,
}

impl Recorder for PathRecorder {
    const FULL_ACCOUNTS: bool = false;

    fn record_month(&mut self, month: u32, market: &MarketMonth, operators: &[Operator]) {
        let (m, months) = (month as usize, self.months);
        self.values[SERIES_BTC_PRICE * months + m] = market.btc_price;
        self.values[SERIES_AI_UTILISATION * months + m] = market.ai.utilisation;
        let mut industry_cash = 0.0;
        for (k, operator) in operators.iter().enumerate() {
            industry_cash += operator.cash_usd;
            self.values[(MARKET_SERIES + k) * months + m] = operator.cash_usd;
        }
        self.values[SERIES_INDUSTRY_CASH * months + m] = industry_cash;
    }
}

impl PathStats {
    fn empty(s: &Scenario, seed: u32) -> Self {
        PathStats {
            scenario: *s,
            seed,
            months: s.era.horizon_months(),
            operators: s.era.data().companies.len() as u32,
            path_index: Vec::new(),
            squeeze_month: Vec::new(),
            distressed_capacity_share: Vec::new(),
            forced_btc_sales: Vec::new(),
            funding_gap_usd: Vec::new(),
            series: Vec::new(),
        }
    }

    /// How many paths these statistics hold.
    pub fn paths(&self) -> u32 {
        self.path_index.len() as u32
    }

    /// The seed the paths were drawn from.
    pub fn seed(&self) -> u32 {
        self.seed
    }

    /// The (clamped) scenario simulated.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    fn series_per_path(&self) -> usize {
        MARKET_SERIES + self.operators as usize
    }

    fn push(&mut self, path: u32, operators: &[Operator], values: &[f64]) {
        self.path_index.push(path);
        self.squeeze_month
            .extend(operators.iter().map(|op| op.squeeze_month().unwrap_or(self.months)));
        self.distressed_capacity_share.push(distressed_share(
            operators
                .iter()
                .map(|op| (op.ai_mw(), op.mining_mw(), op.squeeze_month().is_some())),
        ));
        self.forced_btc_sales
            .push(operators.iter().fold(0.0, |sum, op| sum + op.forced_btc_sales));
        self.funding_gap_usd
            .push(operators.iter().fold(0.0, |sum, op| sum + op.funding_gap_usd));
        self.series.extend_from_slice(values);
    }

    /// Appends `other`, whose paths all come after ours (no check of scenario or seed).
    fn append(&mut self, other: PathStats) {
        self.path_index.extend(other.path_index);
        self.squeeze_month.extend(other.squeeze_month);
        self.distressed_capacity_share.extend(other.distressed_capacity_share);
        self.forced_btc_sales.extend(other.forced_btc_sales);
        self.funding_gap_usd.extend(other.funding_gap_usd);
        self.series.extend(other.series);
    }

    /// Adds the paths of `other` (same scenario and seed), in any order: the result
    /// holds each path index once, in ascending order, whatever the merge order.
    pub fn merge(&mut self, other: PathStats) -> Result<(), MergeError> {
        if other.seed != self.seed {
            return Err(MergeError::DifferentSeed {
                ours: self.seed,
                theirs: other.seed,
            });
        }
        if other.scenario != self.scenario {
            return Err(MergeError::DifferentScenario);
        }
        let in_order = match (self.path_index.last(), other.path_index.first()) {
            (Some(ours), Some(theirs)) => ours < theirs,
            _ => true,
        };
        if in_order {
            self.append(other);
            return Ok(());
        }
        // Interleaved chunks: rebuild in path-index order, each index once (a path
        // simulated twice is the same path).
        let mut order: Vec<(u32, bool, usize)> = self
            .path_index
            .iter()
            .enumerate()
            .map(|(i, &p)| (p, false, i))
            .chain(other.path_index.iter().enumerate().map(|(i, &p)| (p, true, i)))
            .collect();
        order.sort_unstable();
        order.dedup_by_key(|entry| entry.0);
        let mut merged = PathStats::empty(&self.scenario, self.seed);
        let (ops, per_path) = (self.operators as usize, self.series_per_path() * self.months as usize);
        for (path, from_other, i) in order {
            let source = if from_other { &other } else { &*self };
            merged.path_index.push(path);
            merged
                .squeeze_month
                .extend_from_slice(&source.squeeze_month[i * ops..(i + 1) * ops]);
            merged
                .distressed_capacity_share
                .push(source.distressed_capacity_share[i]);
            merged.forced_btc_sales.push(source.forced_btc_sales[i]);
            merged.funding_gap_usd.push(source.funding_gap_usd[i]);
            merged
                .series
                .extend_from_slice(&source.series[i * per_path..(i + 1) * per_path]);
        }
        *self = merged;
        Ok(())
    }

    /// The probabilities, bands and distributions of the paths held.
    pub fn summarise(&self) -> MonteCarloResult {
        let n = self.path_index.len();
        let months = self.months as usize;
        let ops = self.operators as usize;
        let era = self.scenario.era;
        let companies = &era.data().companies;

        let first_squeeze: Vec<u32> = (0..n)
            .map(|p| {
                self.squeeze_month[p * ops..(p + 1) * ops]
                    .iter()
                    .copied()
                    .min()
                    .unwrap_or(self.months)
            })
            .collect();
        let squeeze_probability = cumulative_probability(first_squeeze.iter().copied(), months, n);
        let squeeze_probability_standard_error = squeeze_probability
            .iter()
            .map(|&p| if n == 0 { 0.0 } else { (p * (1.0 - p) / n as f64).sqrt() })
            .collect();

        let per_path = self.series_per_path() * months;
        let mut scratch = Vec::with_capacity(n);
        let mut band = |series: usize| -> Band {
            let mut band = Band::default();
            for month in 0..months {
                scratch.clear();
                scratch.extend((0..n).map(|p| self.series[p * per_path + series * months + month]));
                let q = quantiles(&mut scratch);
                band.p5.push(q.p5);
                band.p25.push(q.p25);
                band.p50.push(q.p50);
                band.p75.push(q.p75);
                band.p95.push(q.p95);
            }
            band
        };
        let btc_price_usd = band(SERIES_BTC_PRICE);
        let ai_utilisation = band(SERIES_AI_UTILISATION);
        let industry_cash_usd = band(SERIES_INDUSTRY_CASH);
        let miners = companies
            .iter()
            .enumerate()
            .map(|(k, c)| MinerRisk {
                id: c.id.as_str(),
                name: c.name.as_str(),
                squeeze_probability: cumulative_probability((0..n).map(|p| self.squeeze_month[p * ops + k]), months, n),
                cash_usd: band(MARKET_SERIES + k),
            })
            .collect();

        let mut months_to_first_squeeze: Vec<f64> = first_squeeze.iter().map(|&m| f64::from(m)).collect();
        MonteCarloResult {
            era,
            seed: self.seed,
            paths: n as u32,
            months: (0..self.months).map(|m| era.start().plus_months(m)).collect(),
            squeeze_probability,
            squeeze_probability_standard_error,
            miners,
            btc_price_usd,
            ai_utilisation,
            industry_cash_usd,
            months_to_first_squeeze: quantiles(&mut months_to_first_squeeze),
            distressed_capacity_share: quantiles(&mut self.distressed_capacity_share.clone()),
            forced_btc_sales: quantiles(&mut self.forced_btc_sales.clone()),
            funding_gap_usd: quantiles(&mut self.funding_gap_usd.clone()),
        }
    }
}

impl MonteCarloResult {
    /// Probability (0–1) of a squeeze by the end of the horizon.
    pub fn squeeze_probability_by_end(&self) -> f64 {
        self.squeeze_probability.last().copied().unwrap_or(0.0)
    }

    /// The monthly figures as CSV (header row, then one row a month): the squeeze
    /// probability and its standard error, the bands (`<series>_p5` … `_p95`), and per
    /// operator `<archetype>_squeeze_probability` and its cash bands.
    ///
    /// ```
    /// let mc = squeeze_model::monte_carlo(&Default::default(), 1, 10);
    /// let csv = mc.to_csv();
    /// assert!(csv.starts_with("month,squeeze_probability,"));
    /// assert_eq!(csv.lines().count(), 61);
    /// ```
    pub fn to_csv(&self) -> String {
        let mut columns: Vec<(String, &[f64])> = vec![
            ("squeeze_probability".into(), &self.squeeze_probability),
            (
                "squeeze_probability_standard_error".into(),
                &self.squeeze_probability_standard_error,
            ),
        ];
        fn push_band<'a>(columns: &mut Vec<(String, &'a [f64])>, name: &str, band: &'a Band) {
            for (suffix, values) in [
                ("p5", &band.p5),
                ("p25", &band.p25),
                ("p50", &band.p50),
                ("p75", &band.p75),
                ("p95", &band.p95),
            ] {
                columns.push((format!("{name}_{suffix}"), values));
            }
        }
        push_band(&mut columns, "btc_price_usd", &self.btc_price_usd);
        push_band(&mut columns, "ai_utilisation", &self.ai_utilisation);
        push_band(&mut columns, "industry_cash_usd", &self.industry_cash_usd);
        for miner in &self.miners {
            columns.push((format!("{}_squeeze_probability", miner.id), &miner.squeeze_probability));
            push_band(&mut columns, &format!("{}_cash_usd", miner.id), &miner.cash_usd);
        }
        let mut out = String::from("month");
        for (name, _) in &columns {
            out.push(',');
            out.push_str(name);
        }
        out.push('\n');
        for (i, month) in self.months.iter().enumerate() {
            let _ = write!(out, "{month}");
            for (_, values) in &columns {
                let _ = write!(out, ",{}", values.get(i).copied().unwrap_or(0.0));
            }
            out.push('\n');
        }
        out
    }
}

/// Share of `n` paths whose month (`months` or more = none) is at or before each month.
fn cumulative_probability(first: impl Iterator<Item = u32>, months: usize, n: usize) -> Vec<f64> {
    let mut counts = vec![0u32; months];
    for month in first {
        if let Some(count) = counts.get_mut(month as usize) {
            *count += 1;
        }
    }
    let mut running = 0u32;
    counts
        .into_iter()
        .map(|count| {
            running += count;
            if n == 0 {
                0.0
            } else {
                f64::from(running) / n as f64
            }
        })
        .collect()
}

/// Percentiles (linear interpolation between order statistics, Hyndman and Fan's
/// type 7, as R and NumPy do by default) and the mean of `values`, taken in the
/// given order. Reorders `values`. All zero for an empty sample.
fn quantiles(values: &mut [f64]) -> Quantiles {
    if values.is_empty() {
        return Quantiles::default();
    }
    let n = values.len();
    let mean = values.iter().fold(0.0, |sum, x| sum + x) / n as f64;
    // Only the order statistics the percentiles need, selected left to right on
    // ever smaller slices: a few linear passes instead of a full sort.
    let mut needed: Vec<usize> = PERCENTILES
        .iter()
        .flat_map(|p| {
            let i = ((n - 1) as f64 * p).floor() as usize;
            [i, (i + 1).min(n - 1)]
        })
        .collect();
    needed.sort_unstable();
    needed.dedup();
    let mut start = 0;
    for &k in &needed {
        values[start..].select_nth_unstable_by(k - start, f64::total_cmp);
        start = k + 1;
    }
    let at = |p: f64| {
        let h = (n - 1) as f64 * p;
        let lower = h.floor();
        let i = lower as usize;
        let below = values[i];
        let above = values[(i + 1).min(n - 1)];
        below + (h - lower) * (above - below)
    };
    let [p5, p25, p50, p75, p95] = PERCENTILES.map(at);
    Quantiles {
        p5,
        p25,
        p50,
        p75,
        p95,
        mean,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate_like_r_type_7() {
        let mut v = [4.0, 1.0, 3.0, 2.0, 5.0];
        let q = quantiles(&mut v);
        assert_eq!((q.p5, q.p25, q.p50, q.p75, q.p95), (1.2, 2.0, 3.0, 4.0, 4.8));
        assert_eq!(q.mean, 3.0);
        assert_eq!(quantiles(&mut []), Quantiles::default());
        let one = quantiles(&mut [7.0]);
        assert_eq!((one.p5, one.p95), (7.0, 7.0));
    }

    #[test]
    fn cumulative_probability_counts_months_and_ignores_none() {
        let p = cumulative_probability([0, 2, 2, 5].into_iter(), 4, 4);
        assert_eq!(p, vec![0.25, 0.25, 0.75, 0.75]);
        assert_eq!(cumulative_probability([].into_iter(), 3, 0), vec![0.0; 3]);
    }

    #[test]
    fn merging_refuses_other_seeds_and_scenarios() {
        let s = Scenario::default();
        let mut a = simulate_paths(&s, 1, 0..2);
        assert!(matches!(
            a.merge(simulate_paths(&s, 2, 2..4)),
            Err(MergeError::DifferentSeed { .. })
        ));
        let other = Scenario {
            miner_leverage: 0.1,
            ..s
        };
        assert_eq!(
            a.merge(simulate_paths(&other, 1, 2..4)),
            Err(MergeError::DifferentScenario)
        );
    }

    #[test]
    fn an_empty_run_is_all_zero_and_finite() {
        let r = monte_carlo(&Scenario::default(), 1, 0);
        assert_eq!(r.paths, 0);
        assert_eq!(r.squeeze_probability, vec![0.0; 60]);
        assert!(r.btc_price_usd.p50.iter().all(|x| *x == 0.0));
        assert_eq!(MonteCarlo::new(&Scenario::default(), 1, 0).progress(), 1.0);
    }
}

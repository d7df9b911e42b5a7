//! The random processes of the Monte Carlo: one [`ShockPath`] is one possible
//! future, a set of deviations from the deterministic run that the same monthly
//! engine takes as input ([`run_with_shocks`](crate::run_with_shocks)). The
//! deterministic run is the zero shock path, [`ShockPath::none`].
//!
//! Three sources of randomness (parameters in the data file's `[assumptions]`, justified in
//! MODEL.md, "Uncertainty"):
//! 1. **Bitcoin price**: the log price wanders around the central path by a random
//!    walk whose monthly steps are a scale mixture of normals — most months calm,
//!    one in `turbulent_month_probability⁻¹` turbulent with
//!    `turbulent_volatility_multiple` times the calm volatility — scaled so the
//!    variance per year is exactly the scenario's `btc_volatility`². Each step is
//!    centred so that exp(step) averages 1: the paths' *mean* follows the central
//!    path (their median lies below it, more so at high volatility); the mixture
//!    gives the fat tails (crash months) that a plain log-normal lacks.
//! 2. **AI demand**: demand deviates from the scenario's path by a log-normal random
//!    walk with `ai_demand_volatility_per_year`; committed capacity does not move,
//!    so a shortfall lowers utilisation, spot rates and tenant health.
//! 3. **Tenant failures**: instead of the expected-value decay of the deterministic
//!    run, each AI tenant fails outright — for all its landlords at once — in the
//!    month its cumulative default hazard first exceeds a unit-exponential draw: the
//!    same monthly default probabilities, as discrete events.

use crate::data::Dataset;
use crate::random::Xoshiro256StarStar;
use crate::units::MONTHS_PER_YEAR;
use crate::Scenario;

/// One possible future: deviations from the scenario's deterministic path, month by
/// month. Empty vectors mean no deviation, so `ShockPath::none()` reproduces
/// [`run`](crate::run) exactly.
///
/// ```
/// use squeeze_model::{run, run_with_shocks, Scenario, ShockPath};
/// let s = Scenario::default();
/// assert_eq!(run_with_shocks(&s, &ShockPath::none()), run(&s));
/// let future = ShockPath::draw(&s, 1, 0);
/// assert_eq!(future.btc_log_deviation.len(), 60);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ShockPath {
    /// Log deviation of the bitcoin price (before forced-sale feedback) from the
    /// central path at each month; a random walk whose exponential averages 1, 0 on
    /// replayed history.
    pub btc_log_deviation: Vec<f64>,
    /// Log deviation of AI compute demand from the scenario's path at each month.
    pub ai_demand_log_deviation: Vec<f64>,
    /// Per AI tenant (the data's order, then the pool of new tenants): the cumulative
    /// default hazard at which it fails outright, for every landlord at once. Empty:
    /// the deterministic expected-value decay.
    pub tenant_failure_hazard: Vec<f64>,
    /// Tenants made to fail in a given month whatever their hazard: (tenant index,
    /// month). For "what if this tenant fails" runs.
    pub tenant_failures: Vec<(usize, u32)>,
}

impl ShockPath {
    /// No shock at all: the deterministic run.
    pub fn none() -> Self {
        Self::default()
    }

    /// Monte Carlo path `path` of `seed` for this scenario: depends only on (seed,
    /// path, the scenario's era and volatility), never on other paths.
    pub fn draw(scenario: &Scenario, seed: u32, path: u32) -> Self {
        let mut shocks = Self::none();
        let data = Dataset::for_era(scenario.era);
        shocks.redraw(&scenario.clamped(), data, &mut Xoshiro256StarStar::for_path(seed, path));
        shocks
    }

    /// A path on which tenant `tenant` (its index in the data's tenants) fails in
    /// `month` and nothing else moves: the deterministic path, with one tenant's
    /// failure as a discrete event (the other tenants fade in expectation as usual).
    ///
    /// ```
    /// use squeeze_model::{run_with_shocks, EventKind, Scenario, ShockPath};
    /// let s = Scenario::default();
    /// let data = s.era.data();
    /// let fluidstack = data.tenants.iter().position(|t| t.id == "fluidstack").unwrap();
    /// let o = run_with_shocks(&s, &ShockPath::tenant_fails(data, fluidstack, 30));
    /// assert!(o.miners.iter().any(|m| m.events.iter().any(|e| e.kind == EventKind::TenantFailed && e.month == 30)));
    /// ```
    pub fn tenant_fails(data: &Dataset, tenant: usize, month: u32) -> Self {
        let _ = data;
        ShockPath {
            tenant_failures: vec![(tenant, month)],
            ..Self::none()
        }
    }

    /// Refills this path from `rng`, reusing its buffers (no allocation after the
    /// first path). `s` must be clamped. Draw order is fixed: tenants first, then
    /// for each month the bitcoin step and the demand step.
    pub(crate) fn redraw(&mut self, s: &Scenario, data: &Dataset, rng: &mut Xoshiro256StarStar) {
        let months = data.months;
        let history_months = data.btc_history_usd.as_ref().map_or(0, |h| h.len() as u32);
        let a = data.assumptions.values();

        self.tenant_failure_hazard.clear();
        self.tenant_failure_hazard
            .extend((0..=data.tenants.len()).map(|_| rng.exponential()));

        // Calm-month volatility c such that the mixture's variance per month is σ²/12:
        // (1 − q) c² + q (m c)² = σ²/12.
        let monthly_sd = s.btc_volatility / MONTHS_PER_YEAR.sqrt();
        let q = a.turbulent_month_probability;
        let m = a.turbulent_volatility_multiple;
        let calm_sd = monthly_sd / (1.0 - q + q * m * m).sqrt();
        // ln E[exp(step)] for the mixture: subtracting it centres exp(step) on 1.
        let centring = ((1.0 - q) * (0.5 * calm_sd * calm_sd).exp() + q * (0.5 * m * m * calm_sd * calm_sd).exp()).ln();
        let demand_sd = a.ai_demand_volatility_per_year / MONTHS_PER_YEAR.sqrt();

        self.btc_log_deviation.clear();
        self.ai_demand_log_deviation.clear();
        let (mut btc, mut demand) = (0.0, 0.0);
        for month in 0..months {
            let turbulent = rng.uniform() < q;
            let btc_step = rng.standard_normal() * if turbulent { m * calm_sd } else { calm_sd } - centring;
            // Replayed history is known: the walk starts where the model's own path does.
            if month >= history_months {
                btc += btc_step;
            }
            demand += rng.standard_normal() * demand_sd;
            self.btc_log_deviation.push(btc);
            self.ai_demand_log_deviation.push(demand);
        }
    }

    /// The bitcoin deviation in `month` (0 beyond the stored path).
    pub(crate) fn btc(&self, month: u32) -> f64 {
        self.btc_log_deviation.get(month as usize).copied().unwrap_or(0.0)
    }

    /// The AI demand deviation in `month` (0 beyond the stored path).
    pub(crate) fn ai_demand(&self, month: u32) -> f64 {
        self.ai_demand_log_deviation.get(month as usize).copied().unwrap_or(0.0)
    }

    /// The hazard at which tenant `index` fails, if tenants fail discretely.
    pub(crate) fn tenant_failure_hazard(&self, index: usize) -> Option<f64> {
        self.tenant_failure_hazard.get(index).copied()
    }

    /// The month tenant `index` is made to fail, if any.
    pub(crate) fn forced_failure(&self, index: usize) -> Option<u32> {
        self.tenant_failures.iter().find(|(i, _)| *i == index).map(|(_, m)| *m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Era;

    /// Sample moments of the bitcoin deviation at the last month over many paths:
    /// the mean of exp(deviation), the variance of the deviation, and the first
    /// month's excess kurtosis.
    fn last_month_moments(s: &Scenario, paths: u32) -> (f64, f64, f64) {
        let values: Vec<f64> = (0..paths)
            .map(|p| *ShockPath::draw(s, 7, p).btc_log_deviation.last().unwrap())
            .collect();
        let n = f64::from(paths);
        let mean = values.iter().sum::<f64>() / n;
        let var = values.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
        let level_mean = values.iter().map(|x| x.exp()).sum::<f64>() / n;
        // Monthly steps' excess kurtosis, from the first month alone.
        let steps: Vec<f64> = (0..paths)
            .map(|p| ShockPath::draw(s, 8, p).btc_log_deviation[0])
            .collect();
        let first = steps.iter().sum::<f64>() / n;
        let v2 = steps.iter().map(|x| (x - first).powi(2)).sum::<f64>() / n;
        let v4 = steps.iter().map(|x| (x - first).powi(4)).sum::<f64>() / n;
        (level_mean, var, v4 / (v2 * v2) - 3.0)
    }

    #[test]
    fn bitcoin_paths_average_to_the_central_path_with_the_scenarios_variance_and_fat_tails() {
        let s = Scenario::BASE;
        let paths = 20_000;
        let (level_mean, var, excess_kurtosis) = last_month_moments(&s, paths);
        let years = f64::from(s.era.horizon_months()) / MONTHS_PER_YEAR;
        let expected_var = s.btc_volatility.powi(2) * years;
        let a = Dataset::for_era(s.era).assumptions.values();
        // exp(deviation) has variance e^{σ²t} − 1 ≈ 1.75 at σ = 45%, t = 5 years: the
        // standard error of its mean over 20,000 paths is ≈ 0.009 (more with fat
        // tails); 5% allows for both. The variance of the log is within 5%.
        assert!((level_mean - 1.0).abs() < 0.05, "mean of exp(deviation) {level_mean}");
        assert!(
            (var / expected_var - 1.0).abs() < 0.05,
            "variance {var} vs {expected_var}"
        );
        // The mixture's excess kurtosis is 3 (E[v²]/E[v]² − 1); a normal's is 0.
        let q = a.turbulent_month_probability;
        let m2 = a.turbulent_volatility_multiple.powi(2);
        let theory = 3.0 * ((1.0 - q + q * m2 * m2) / (1.0 - q + q * m2).powi(2) - 1.0);
        assert!(
            theory > 1.0 && excess_kurtosis > 0.5 * theory,
            "{excess_kurtosis} vs {theory}"
        );
    }

    #[test]
    fn replayed_history_is_not_shocked() {
        let s = Scenario {
            era: Era::Crypto2022,
            ..Scenario::BASE
        };
        let shocks = ShockPath::draw(&s, 3, 5);
        assert!(shocks.btc_log_deviation.iter().all(|&x| x == 0.0));
        assert_eq!(shocks.tenant_failure_hazard.len(), s.era.data().tenants.len() + 1);
    }

    #[test]
    fn a_path_depends_only_on_seed_and_index() {
        let s = Scenario::BASE;
        assert_eq!(ShockPath::draw(&s, 1, 42), ShockPath::draw(&s, 1, 42));
        assert_ne!(ShockPath::draw(&s, 1, 42), ShockPath::draw(&s, 1, 43));
        assert_ne!(ShockPath::draw(&s, 2, 42), ShockPath::draw(&s, 1, 42));
    }
}

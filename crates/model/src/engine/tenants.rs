//! AI tenants as shared entities. Each tenant is one entity across all its
//! landlords: its survival is kept once, here, and every lease to it reads the same
//! number, so a failure hits every landlord in the same month.
//!
//! In the deterministic run a tenant's survival is the expected share still paying
//! (it decays with the monthly default probability); in the Monte Carlo each tenant
//! fails outright in the month its cumulative default hazard first exceeds its
//! random threshold, and pays nothing from then on.

use crate::data::{AssumptionValues, Dataset};
use crate::market::tenant_default_per_month;
use crate::shocks::ShockPath;

/// The survival of every tenant of a dataset, plus the pool of new, unnamed tenants
/// who lease capacity that has no tenant yet (average risk).
pub(crate) struct Tenants {
    risk: Vec<f64>,
    survival: Vec<f64>,
    threshold: Vec<Option<f64>>,
    hazard: Vec<f64>,
    forced: Vec<Option<u32>>,
    failed_month: Vec<Option<u32>>,
}

impl Tenants {
    pub(crate) fn new(data: &Dataset, shocks: &ShockPath) -> Self {
        let count = data.tenants.len() + 1;
        let mut risk: Vec<f64> = data.tenants.iter().map(|t| t.risk.value).collect();
        // New tenants are, by definition, of average risk.
        risk.push(1.0);
        Tenants {
            risk,
            survival: vec![1.0; count],
            threshold: (0..count).map(|i| shocks.tenant_failure_hazard(i)).collect(),
            hazard: vec![0.0; count],
            forced: (0..count).map(|i| shocks.forced_failure(i)).collect(),
            failed_month: vec![None; count],
        }
    }

    /// The index of the pool of new, unnamed tenants.
    pub(crate) fn new_tenants(&self) -> usize {
        self.risk.len() - 1
    }

    /// Moves every tenant on by one month at this AI utilisation.
    pub(crate) fn update(&mut self, month: u32, utilisation: f64, a: &AssumptionValues) {
        let base = tenant_default_per_month(utilisation, a);
        for i in 0..self.risk.len() {
            if self.failed_month[i].is_some() {
                continue;
            }
            if self.forced[i] == Some(month) {
                self.survival[i] = 0.0;
                self.failed_month[i] = Some(month);
                continue;
            }
            let default_risk = (base * self.risk[i]).min(1.0);
            match self.threshold[i] {
                None => self.survival[i] *= 1.0 - default_risk,
                Some(threshold) => {
                    self.hazard[i] -= (1.0 - default_risk).max(f64::MIN_POSITIVE).ln();
                    if self.hazard[i] >= threshold {
                        self.survival[i] = 0.0;
                        self.failed_month[i] = Some(month);
                    }
                }
            }
        }
    }

    /// Share of tenant `i`'s rent still being paid.
    pub(crate) fn survival(&self, i: usize) -> f64 {
        self.survival[i]
    }

    /// Whether tenant `i` failed outright in `month` (Monte Carlo only).
    pub(crate) fn failed_in(&self, i: usize, month: u32) -> bool {
        self.failed_month[i] == Some(month)
    }
}

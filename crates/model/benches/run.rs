//! Benchmarks of the model: one deterministic run of the base case (the work done
//! on every slider input in the browser) and a full lever sweep.
//!
//! `cargo bench -p squeeze-model`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use squeeze_model::{run, Preset, Scenario, LEVERS};

/// Steps per lever in the sweep: every lever from its minimum to its maximum.
const SWEEP_STEPS: usize = 21;

fn base_case(c: &mut Criterion) {
    let base = Scenario::default();
    c.bench_function("run/base_case", |b| b.iter(|| run(black_box(&base))));
    let replay = Preset::by_id("replay_2022").expect("preset").scenario;
    c.bench_function("run/replay_2022", |b| b.iter(|| run(black_box(&replay))));
}

/// Every lever swept across its range in `SWEEP_STEPS` steps, the others at their
/// defaults: LEVERS.len() × SWEEP_STEPS runs.
fn lever_sweep(c: &mut Criterion) {
    let scenarios: Vec<Scenario> = LEVERS
        .iter()
        .flat_map(|lever| {
            (0..SWEEP_STEPS).map(move |i| {
                let mut s = Scenario::default();
                let share = i as f64 / (SWEEP_STEPS - 1) as f64;
                s.set(lever.id, lever.min + (lever.max - lever.min) * share);
                s
            })
        })
        .collect();
    let name = format!("run/lever_sweep_{}_runs", scenarios.len());
    c.bench_function(&name, |b| {
        b.iter(|| scenarios.iter().map(|s| run(black_box(s)).funding_gap_usd).sum::<f64>())
    });
}

criterion_group!(benches, base_case, lever_sweep);
criterion_main!(benches);

//! Benchmarks of the uncertainty tools: the Monte Carlo of the base case (1,000
//! paths, the default), the full tornado, and a 21 × 21 squeeze map.
//!
//! `cargo bench -p squeeze-model --bench uncertainty`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use squeeze_model::{monte_carlo, simulate_paths, squeeze_map, tornado, LeverId, Scenario, DEFAULT_PATHS};

/// Steps per axis of the benchmarked map.
const MAP_STEPS: u32 = 21;

fn monte_carlo_base_case(c: &mut Criterion) {
    let base = Scenario::default();
    let mut group = c.benchmark_group("monte_carlo");
    group.sample_size(20);
    group.bench_function("base_case_1000_paths", |b| {
        b.iter(|| monte_carlo(black_box(&base), 1, DEFAULT_PATHS))
    });
    // The two halves: simulating the paths, and summarising them into bands.
    group.bench_function("base_case_1000_paths_simulate_only", |b| {
        b.iter(|| simulate_paths(black_box(&base), 1, 0..DEFAULT_PATHS))
    });
    let stats = simulate_paths(&base, 1, 0..DEFAULT_PATHS);
    group.bench_function("base_case_1000_paths_summarise_only", |b| {
        b.iter(|| black_box(&stats).summarise())
    });
    group.finish();
}

fn sensitivity(c: &mut Criterion) {
    let base = Scenario::default();
    c.bench_function("sensitivity/tornado_base_case", |b| {
        b.iter(|| tornado(black_box(&base)))
    });
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(20);
    group.bench_function("squeeze_map_21x21", |b| {
        b.iter(|| {
            squeeze_map(
                black_box(&base),
                LeverId::AiDemandSlowdown,
                LeverId::MinerLeverage,
                MAP_STEPS,
                MAP_STEPS,
            )
        })
    });
    group.finish();
}

criterion_group!(benches, monte_carlo_base_case, sensitivity);
criterion_main!(benches);

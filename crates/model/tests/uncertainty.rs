//! The Monte Carlo, the tornado and the squeeze map: reproducible and chunkable,
//! statistically consistent, ordered, and monotone where the deterministic model is.

use squeeze_model::{
    monte_carlo, run, run_with_shocks, simulate_paths, squeeze_map, tornado, tornado_bar, Band, Era, LeverId,
    MonteCarlo, MonteCarloResult, Preset, Scenario, ShockPath, Tornado, LEVERS, PRESETS,
};

fn preset(id: &str) -> Scenario {
    Preset::by_id(id).expect("preset exists").scenario
}

#[test]
fn the_zero_shock_path_is_the_deterministic_run() {
    for p in PRESETS {
        assert_eq!(
            run_with_shocks(&p.scenario, &ShockPath::none()),
            run(&p.scenario),
            "{}",
            p.id
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_result_and_chunked_equals_whole() {
    let s = preset("ai_demand_stalls");
    let whole = monte_carlo(&s, 11, 45);
    assert_eq!(whole, monte_carlo(&s, 11, 45));

    // As a job, in uneven chunks.
    let mut job = MonteCarlo::new(&s, 11, 45);
    let mut chunks = 0;
    while !job.is_done() {
        assert!(job.run_chunk(7) > 0);
        chunks += 1;
    }
    assert_eq!(chunks, 7);
    assert_eq!(job.run_chunk(7), 0);
    assert_eq!(job.result(), whole);

    // As separate ranges merged out of order (as parallel workers might finish),
    // with one range simulated twice.
    let mut merged = simulate_paths(&s, 11, 30..45);
    merged.merge(simulate_paths(&s, 11, 0..12)).expect("same run");
    merged.merge(simulate_paths(&s, 11, 12..30)).expect("same run");
    merged.merge(simulate_paths(&s, 11, 5..9)).expect("same run");
    assert_eq!(merged, simulate_paths(&s, 11, 0..45));
    assert_eq!(merged.summarise(), whole);
}

#[test]
fn different_seeds_give_different_paths() {
    let s = Scenario::default();
    let a = monte_carlo(&s, 1, 30);
    let b = monte_carlo(&s, 2, 30);
    assert_ne!(a.btc_price_usd, b.btc_price_usd);
}

/// Estimates at N and 4N paths (independent seeds) agree within four standard
/// errors of their difference, √(p(1 − p)(1/N + 1/4N)) with p the pooled estimate,
/// in every month, for the industry and every operator. With the seeds fixed the
/// test is deterministic; the bound is one a correct estimator would break with
/// probability ~6 × 10⁻⁵ per comparison.
#[test]
fn squeeze_probabilities_converge() {
    let s = preset("ai_demand_stalls");
    let (n, big_n) = (500u32, 2_000u32);
    let small = monte_carlo(&s, 1, n);
    let large = monte_carlo(&s, 2, big_n);
    let compare = |what: &str, a: &[f64], b: &[f64]| {
        for (month, (&pa, &pb)) in a.iter().zip(b).enumerate() {
            let pooled = (pa * f64::from(n) + pb * f64::from(big_n)) / f64::from(n + big_n);
            let se = (pooled * (1.0 - pooled) * (1.0 / f64::from(n) + 1.0 / f64::from(big_n))).sqrt();
            assert!(
                (pa - pb).abs() <= 4.0 * se,
                "{what}, month {month}: {pa} at {n} paths vs {pb} at {big_n} (se {se})"
            );
        }
    };
    compare("industry", &small.squeeze_probability, &large.squeeze_probability);
    for (a, b) in small.miners.iter().zip(&large.miners) {
        compare(a.id, &a.squeeze_probability, &b.squeeze_probability);
    }
    // The scenario is not trivial: the probability is neither 0 nor 1 mid-horizon.
    let mid = large.squeeze_probability[30];
    assert!(mid > 0.05 && mid < 0.95, "{mid}");
}

fn assert_ordered(what: &str, band: &Band, months: usize) {
    for series in [&band.p5, &band.p25, &band.p50, &band.p75, &band.p95] {
        assert_eq!(series.len(), months, "{what}");
        assert!(series.iter().all(|x| x.is_finite()), "{what}");
    }
    for t in 0..months {
        let row = [band.p5[t], band.p25[t], band.p50[t], band.p75[t], band.p95[t]];
        assert!(row.windows(2).all(|w| w[0] <= w[1]), "{what}, month {t}: {row:?}");
    }
}

fn assert_consistent(r: &MonteCarloResult) {
    let months = r.months.len();
    assert_ordered("btc_price_usd", &r.btc_price_usd, months);
    assert_ordered("ai_utilisation", &r.ai_utilisation, months);
    assert_ordered("industry_cash_usd", &r.industry_cash_usd, months);
    for m in &r.miners {
        assert_ordered(m.id, &m.cash_usd, months);
    }
    let industry = &r.squeeze_probability;
    assert!(industry.windows(2).all(|w| w[0] <= w[1]), "cumulative");
    for (t, &any) in industry.iter().enumerate() {
        assert!((0.0..=1.0).contains(&any));
        // "Any operator squeezed" is the union of the operators' events.
        let each = r.miners.iter().map(|m| m.squeeze_probability[t]);
        let (max, sum) = each.fold((0.0f64, 0.0), |(mx, s), p| (mx.max(p), s + p));
        assert!(max <= any && any <= sum + 1e-12, "month {t}");
    }
    for q in [
        r.months_to_first_squeeze,
        r.distressed_capacity_share,
        r.forced_btc_sales,
        r.funding_gap_usd,
    ] {
        let row = [q.p5, q.p25, q.p50, q.p75, q.p95];
        assert!(row.windows(2).all(|w| w[0] <= w[1]) && q.mean.is_finite());
    }
    assert!(r.distressed_capacity_share.p95 <= 1.0 && r.distressed_capacity_share.p5 >= 0.0);
    let json = serde_json::to_value(r).expect("serializes");
    assert!(!json.to_string().contains("null"), "no NaN or infinity");
}

#[test]
fn bands_are_ordered_and_probabilities_consistent_for_every_preset() {
    for p in PRESETS {
        let r = monte_carlo(&p.scenario, 3, 40);
        assert_eq!(r.paths, 40, "{}", p.id);
        assert_consistent(&r);
    }
    let extreme = Scenario {
        btc_volatility: 1.2,
        btc_price_shock: -0.8,
        miner_leverage: 0.9,
        ai_demand_slowdown: 1.0,
        ..Scenario::default()
    };
    assert_consistent(&monte_carlo(&extreme, 3, 40));
}

#[test]
fn the_replay_has_no_randomness_so_it_matches_the_deterministic_run() {
    // 2022's prices are history and its miners have no AI business: every path is
    // the deterministic one.
    let s = preset("replay_2022");
    let r = monte_carlo(&s, 5, 25);
    let d = run(&s);
    assert_eq!(r.era, Era::Crypto2022);
    for (t, &p) in r.squeeze_probability.iter().enumerate() {
        let squeezed = d.squeeze_month.is_some_and(|m| m as usize <= t);
        assert_eq!(p, if squeezed { 1.0 } else { 0.0 }, "month {t}");
    }
    assert_eq!(r.btc_price_usd.p5, d.series.btc_price_usd);
    assert_eq!(r.btc_price_usd.p95, d.series.btc_price_usd);
}

#[test]
fn more_volatility_widens_the_bitcoin_band() {
    let calm = monte_carlo(
        &Scenario {
            btc_volatility: 0.2,
            ..Scenario::default()
        },
        4,
        200,
    );
    let wild = monte_carlo(
        &Scenario {
            btc_volatility: 0.9,
            ..Scenario::default()
        },
        4,
        200,
    );
    let last = calm.months.len() - 1;
    let spread = |r: &MonteCarloResult| (r.btc_price_usd.p95[last] / r.btc_price_usd.p5[last]).ln();
    assert!(spread(&wild) > 2.0 * spread(&calm));
}

#[test]
fn tornado_bars_are_ordered_by_swing_and_add_up() {
    for p in PRESETS {
        let t = tornado(&p.scenario);
        assert!(t.is_complete(), "{}", p.id);
        assert_eq!(t.bars.len(), LEVERS.len());
        for w in t.bars.windows(2) {
            assert!(
                w[0].months_swing > w[1].months_swing
                    || (w[0].months_swing == w[1].months_swing
                        && w[0].distressed_share_swing >= w[1].distressed_share_swing),
                "{}: {} before {}",
                p.id,
                w[0].lever,
                w[1].lever
            );
        }
        for bar in &t.bars {
            for (end, value) in [(&bar.low, bar.low_value), (&bar.high, bar.high_value)] {
                assert_eq!(end.months_to_squeeze, end.squeeze_month.unwrap_or(t.horizon_months));
                let mut s = t.scenario;
                s.set(bar.id, value);
                assert_eq!(end.squeeze_month, run(&s).squeeze_month, "{}", bar.lever);
            }
            assert_eq!(
                bar.months_swing,
                bar.low.months_to_squeeze.abs_diff(bar.high.months_to_squeeze)
            );
        }
    }
}

#[test]
fn tornado_built_lever_by_lever_in_any_order_equals_the_whole() {
    let s = preset("ai_demand_stalls");
    let mut t = Tornado::new(&s);
    for lever in LEVERS.iter().rev() {
        t.insert(tornado_bar(&s, lever.id));
    }
    assert_eq!(t, tornado(&s));
}

#[test]
fn the_map_is_monotone_along_leverage_and_slowdown() {
    for id in ["base", "chip_glut", "soft_landing", "replay_2022"] {
        let map = squeeze_map(&preset(id), LeverId::AiDemandSlowdown, LeverId::MinerLeverage, 9, 9);
        assert!(map.is_complete());
        let grid = &map.months_to_squeeze;
        for j in 1..grid.len() {
            for i in 0..grid[j].len() {
                assert!(
                    grid[j][i] <= grid[j - 1][i],
                    "{id}: more leverage delayed the first squeeze at x = {}",
                    map.x_values[i]
                );
                if i > 0 {
                    assert!(grid[j][i] <= grid[j][i - 1], "{id}: more slowdown delayed it");
                }
            }
        }
    }
}

#[test]
fn map_cells_are_the_deterministic_runs_at_those_levers() {
    let s = preset("soft_landing");
    let map = squeeze_map(&s, LeverId::BtcPriceShock, LeverId::InterestRate, 4, 3);
    for (j, &y) in map.y_values.iter().enumerate() {
        for (i, &x) in map.x_values.iter().enumerate() {
            let point = Scenario {
                btc_price_shock: x,
                interest_rate: y,
                ..s
            };
            let o = run(&point);
            assert_eq!(map.squeeze_month[j][i], o.squeeze_month);
            assert_eq!(map.distressed_capacity_share[j][i], o.distressed_capacity_share);
        }
    }
}

#[test]
fn volatility_leaves_the_central_bitcoin_path_unchanged() {
    // The deterministic path is the late-2025 price times the shock and the trend:
    // volatility lives only in the Monte Carlo (and the fire-sale discount).
    for era in Era::ALL {
        let calm = Scenario {
            era,
            btc_volatility: 0.1,
            ..Scenario::default()
        };
        let wild = Scenario {
            era,
            btc_volatility: 1.2,
            ..Scenario::default()
        };
        let (a, b) = (run(&calm), run(&wild));
        // Before any forced sale feeds back, the paths are the same price for price.
        let first_sale = (a.series.forced_btc_sales.iter().zip(&b.series.forced_btc_sales))
            .position(|(x, y)| *x > 0.0 || *y > 0.0)
            .unwrap_or(a.series.months.len());
        for m in 0..=first_sale.min(a.series.months.len() - 1) {
            assert_eq!(a.series.btc_price_usd[m], b.series.btc_price_usd[m], "{era} month {m}");
        }
    }
}

#[test]
fn the_monte_carlo_mean_bitcoin_path_follows_the_central_path() {
    // Tolerance: four standard errors of the mean of each month's price across the
    // paths (seed 7, 4,000 paths), on a world without forced-sale feedback so that
    // the price path is the scenario's alone.
    let s = Scenario {
        btc_volatility: 0.6,
        ..Scenario::default()
    };
    let central = run(&s).series.btc_price_usd;
    let paths = 4_000;
    let mut sum = vec![0.0; central.len()];
    let mut sum_sq = vec![0.0; central.len()];
    for i in 0..paths {
        let shocks = ShockPath::draw(&s, 7, i);
        let path = run_with_shocks(&s, &shocks).series;
        // Divide out the forced-sale feedback this path's own sales caused: the
        // shocked central price is the path's price before feedback.
        for (m, price) in path.btc_price_usd.iter().enumerate() {
            let before_feedback = price / path_feedback(&path, m);
            sum[m] += before_feedback;
            sum_sq[m] += before_feedback * before_feedback;
        }
    }
    let n = f64::from(paths);
    for (m, c) in central.iter().enumerate() {
        let mean = sum[m] / n;
        let sd = (sum_sq[m] / n - mean * mean).max(0.0).sqrt();
        let se = sd / n.sqrt();
        assert!(
            (mean - c).abs() <= 4.0 * se + 1e-9 * c,
            "month {m}: mean {mean:.0} vs central {c:.0} (se {se:.0})"
        );
    }
}

/// The factor by which forced sales before month `m` lowered the bitcoin price.
fn path_feedback(series: &squeeze_model::Series, m: usize) -> f64 {
    let impact = squeeze_model::Dataset::for_era(Era::Late2025)
        .assumptions
        .values()
        .forced_sale_impact_per_10k_btc;
    let sold: f64 = series.forced_btc_sales[..m].iter().sum();
    (-impact * sold / 1e4).exp()
}

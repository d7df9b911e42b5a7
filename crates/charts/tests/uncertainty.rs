//! The uncertainty charts (issue 6) rendered to SVG for the base case and a
//! stressed scenario, in both languages: drawing succeeds and is deterministic,
//! the text is in the right language, the squeeze map's click mapping agrees with
//! its drawing, descriptions quote values computed from the data, tables have
//! their shape, and degenerate inputs (no paths, empty bands, a 1×1 map, NaN)
//! draw without panicking.
//!
//! `SQUEEZE_PREVIEW_DIR=/tmp/preview cargo test -p squeeze-charts
//! --test uncertainty` also writes every chart there, to look at.

use squeeze_charts::locale::{format_month, format_percent};
use squeeze_charts::{
    describe_fan, describe_map, describe_probability, describe_tornado, draw_fan, draw_squeeze_map,
    draw_squeeze_probability, draw_tornado, fan_table, lever_label, map_cell_at, map_table, probability_clause,
    probability_table, tornado_table, ChartStyle, FanSeries, Lang, MapLayout, UncertaintyChart,
};
use squeeze_model::{
    monte_carlo, run, squeeze_map, tornado, Band, LeverId, MonteCarloResult, Outcome, Preset, Scenario, SqueezeMap,
    Tornado, LEVERS,
};

mod common;

use common::{render_sized, render_with, stressed_scenario, svg_contains, SIZE};

/// Few paths keep the tests fast; the charts do not care how many.
const PATHS: u32 = 120;
const SEED: u32 = 1;

struct Case {
    name: &'static str,
    scenario: Scenario,
    mc: MonteCarloResult,
    outcome: Outcome,
    tornado: Tornado,
    map: SqueezeMap,
}

fn case(name: &'static str, scenario: Scenario) -> Case {
    Case {
        name,
        mc: monte_carlo(&scenario, SEED, PATHS),
        outcome: run(&scenario),
        tornado: tornado(&scenario),
        map: squeeze_map(&scenario, LeverId::AiDemandSlowdown, LeverId::MinerLeverage, 6, 6),
        scenario,
    }
}

fn cases() -> Vec<Case> {
    let stressed = case("stressed", stressed_scenario());
    assert!(
        stressed.mc.squeeze_probability_by_end() > 0.5,
        "the stressed scenario should squeeze most paths, or these tests test little"
    );
    vec![case("base", Scenario::default()), stressed]
}

fn light() -> ChartStyle {
    ChartStyle::light(1.0)
}

/// Every chart of a case in a language, by name.
fn all_charts(case: &Case, lang: Lang) -> Vec<(String, String)> {
    let style = light();
    let mut charts = vec![
        (
            "probability".to_owned(),
            render_with(|area| draw_squeeze_probability(area, &case.mc, lang, &style).is_ok()),
        ),
        (
            "tornado".to_owned(),
            render_with(|area| draw_tornado(area, &case.tornado, lang, &style).is_ok()),
        ),
        (
            "map".to_owned(),
            render_with(|area| {
                let marker = (case.scenario.ai_demand_slowdown, case.scenario.miner_leverage);
                draw_squeeze_map(area, &case.map, Some(marker), Some((2, 3)), lang, &style).is_ok()
            }),
        ),
    ];
    let fans = [
        ("fan-btc", FanSeries::BtcPrice),
        ("fan-cash", FanSeries::IndustryCash),
        ("fan-operator-2", FanSeries::OperatorCash(2)),
    ];
    for (name, which) in fans {
        charts.push((
            name.to_owned(),
            render_with(|area| draw_fan(area, &case.mc, which, Some(&case.outcome), lang, &style).is_ok()),
        ));
    }
    charts
}

#[test]
fn every_uncertainty_chart_draws_in_both_languages_and_can_be_previewed() {
    let preview = std::env::var_os("SQUEEZE_PREVIEW_DIR").map(std::path::PathBuf::from);
    for case in cases() {
        for lang in Lang::ALL {
            for (name, svg) in all_charts(&case, lang) {
                let label = format!("{name} {} {lang}", case.name);
                assert!(svg.starts_with("<svg") && svg.contains("<text"), "{label}");
                if let Some(dir) = &preview {
                    std::fs::create_dir_all(dir).expect("preview dir");
                    let file = dir.join(format!("{name}--{}--{lang}.svg", case.name));
                    std::fs::write(file, &svg).expect("preview written");
                }
            }
        }
    }
}

#[test]
fn drawing_is_deterministic() {
    let case = case("base", Scenario::default());
    for lang in Lang::ALL {
        assert_eq!(all_charts(&case, lang), all_charts(&case, lang), "{lang}");
    }
}

#[test]
fn charts_speak_the_language_asked_for() {
    let case = case("stressed", stressed_scenario());
    let texts = |lang: Lang| -> Vec<(&'static str, Vec<&'static str>)> {
        vec![
            (
                "probability",
                lang.pick(
                    vec!["Any company", "Probability of a squeeze", "2028 halving", "Month"],
                    vec!["Almeno una società", "Probabilità di una crisi", "halving 2028", "Mese"],
                ),
            ),
            (
                "tornado",
                lang.pick(
                    vec![
                        "Lever at its minimum",
                        "Lever at its maximum",
                        "Months to the first squeeze",
                        "\nnone\n",
                        "AI demand slowdown",
                    ],
                    vec![
                        "Leva al minimo",
                        "Leva al massimo",
                        "Mesi alla prima crisi",
                        "\nnessuna\n",
                        "Rallentamento della domanda di IA",
                    ],
                ),
            ),
            (
                "map",
                lang.pick(
                    vec![
                        "Months to the first squeeze:",
                        "none within 60 months",
                        "current scenario",
                        "Miner leverage",
                    ],
                    vec![
                        "Mesi alla prima crisi:",
                        "nessuna entro 60 mesi",
                        "scenario attuale",
                        "Leva finanziaria dei miner",
                    ],
                ),
            ),
            (
                "fan-btc",
                lang.pick(
                    vec![
                        "\nMedian\n",
                        "Bitcoin price (US$ thousands)",
                        "Deterministic path",
                        "(5–95%)",
                    ],
                    vec![
                        "Mediana",
                        "Prezzo del bitcoin (migliaia di $)",
                        "Percorso deterministico",
                        "(5–95%)",
                    ],
                ),
            ),
            ("fan-cash", lang.pick(vec!["Cash (US$"], vec!["Cassa ("])),
        ]
    };
    for lang in Lang::ALL {
        let other = lang.pick(Lang::It, Lang::En);
        let charts = all_charts(&case, lang);
        for (name, expected) in texts(lang) {
            let svg = &charts.iter().find(|(n, _)| n == name).expect("chart").1;
            for text in expected {
                assert!(svg_contains(svg, text), "{name} {lang}: no {text:?}");
            }
            for (other_name, unexpected) in texts(other) {
                if other_name != name {
                    continue;
                }
                for text in unexpected {
                    // Texts both languages share say nothing about the language.
                    if texts(lang).iter().any(|(_, t)| t.contains(&text)) {
                        continue;
                    }
                    assert!(!svg_contains(svg, text), "{name} {lang}: {text:?} from {other}");
                }
            }
        }
    }
}

#[test]
fn titles_and_ids_exist_for_every_chart_in_both_languages() {
    for chart in UncertaintyChart::ALL {
        assert_eq!(UncertaintyChart::from_id(chart.id()), Some(chart));
        assert_ne!(chart.title(Lang::En), chart.title(Lang::It));
    }
    let mc = monte_carlo(&Scenario::default(), SEED, 0);
    let third = &mc.miners[2].name;
    assert!(FanSeries::OperatorCash(2).title(&mc, Lang::En).contains(third));
    assert!(FanSeries::OperatorCash(99).title(&mc, Lang::En).contains('–'));
}

#[test]
fn the_squeeze_map_cell_under_each_cell_centre_is_that_cell() {
    let map = squeeze_map(
        &Scenario::default(),
        LeverId::AiDemandSlowdown,
        LeverId::MinerLeverage,
        6,
        5,
    );
    for (size, scale) in [(SIZE, 1.0), ((480, 360), 1.0), ((1440, 880), 2.0)] {
        let style = ChartStyle::light(scale);
        let layout = MapLayout::new(size, &map, &style).expect("room for a grid");
        for j in 0..map.y_values.len() {
            for i in 0..map.x_values.len() {
                let ((x0, y0), (x1, y1)) = layout.cell_rect((i, j)).expect("a cell");
                let centre = ((x0 + x1) / 2, (y0 + y1) / 2);
                assert_eq!(map_cell_at(size, &map, centre, &style), Some((i, j)), "{size:?}");
                // Corners belong to their cell too (right and bottom exclusive).
                assert_eq!(layout.cell_at((x0, y0)), Some((i, j)));
                assert_eq!(layout.cell_at((x1 - 1, y1 - 1)), Some((i, j)));
            }
        }
        // The first row of values (the lowest y) is at the bottom.
        let (left, top, right, bottom) = layout.plot;
        assert_eq!(layout.cell_at((left, bottom - 1)), Some((0, 0)));
        assert_eq!(layout.cell_at((right - 1, top)), Some((5, 4)));
        for outside in [
            (left - 1, top),
            (left, top - 1),
            (right, bottom - 1),
            (left, bottom),
            (0, 0),
            (-5, -5),
            (i32::MAX, i32::MIN),
        ] {
            assert_eq!(map_cell_at(size, &map, outside, &style), None, "{outside:?}");
        }
    }
}

/// The `<rect>`s of an SVG as (x, y, width, height, fill).
fn rects(svg: &str) -> Vec<(i32, i32, i32, i32, String)> {
    let attribute = |element: &str, name: &str| -> Option<String> {
        let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
        let end = element[start..].find('"')? + start;
        Some(element[start..end].to_owned())
    };
    svg.split("<rect")
        .skip(1)
        .filter_map(|element| {
            let number = |name| attribute(element, name)?.parse::<i32>().ok();
            Some((
                number("x")?,
                number("y")?,
                number("width")?,
                number("height")?,
                attribute(element, "fill").unwrap_or_default(),
            ))
        })
        .collect()
}

#[test]
fn the_squeeze_map_is_drawn_where_map_cell_at_looks() {
    let map = squeeze_map(
        &Scenario::default(),
        LeverId::AiDemandSlowdown,
        LeverId::MinerLeverage,
        6,
        6,
    );
    let style = light();
    let svg = render_with(|area| draw_squeeze_map(area, &map, None, None, Lang::En, &style).is_ok());
    let layout = MapLayout::new(SIZE, &map, &style).expect("a layout");
    let drawn = rects(&svg);
    for j in 0..6 {
        for i in 0..6 {
            let ((x0, y0), (x1, y1)) = layout.cell_rect((i, j)).expect("a cell");
            let filled = drawn.iter().any(|(x, y, w, h, fill)| {
                // plotters draws a filled rectangle's right and bottom edge inclusive.
                *x == x0 && *y == y0 && (x + w - x1).abs() <= 1 && (y + h - y1).abs() <= 1 && fill != "none"
            });
            assert!(filled, "cell ({i}, {j}) not drawn at {:?}", ((x0, y0), (x1, y1)));
        }
    }
}

#[test]
fn descriptions_quote_values_computed_from_the_data() {
    for case in cases() {
        let mc = &case.mc;
        let last = mc.months.len() - 1;
        for lang in Lang::ALL {
            let text = describe_probability(mc, lang);
            let p_end = format_percent(mc.squeeze_probability[last], 0, lang);
            let end = format_month(mc.months[last], lang);
            assert!(text.contains(&end), "{}: {text}", case.name);
            if mc.squeeze_probability[last] > 0.005 && mc.squeeze_probability[last] < 0.995 {
                assert!(text.contains(&p_end), "{}: {text} lacks {p_end}", case.name);
            }
            let year_earlier = format_month(mc.months[last - 12], lang);
            assert!(text.contains(&year_earlier), "{text}");

            let clause = probability_clause(mc, lang);
            assert!(clause.contains(&end) && clause.contains(&year_earlier), "{clause}");
            assert!(clause.starts_with(lang.pick("a", "una probabilità")), "{clause}");

            let text = describe_tornado(&case.tornado, lang);
            let top = &case.tornado.bars[0];
            assert!(text.contains(lever_label(top.lever, lang)), "{text}");
            let sooner = top.low.squeeze_month.min(top.high.squeeze_month);
            let sooner = sooner.or(top.low.squeeze_month.or(top.high.squeeze_month));
            if let Some(months) = sooner {
                assert!(text.contains(&months.to_string()), "{text}");
            }

            let text = describe_map(&case.map, lang);
            let soonest = case.map.squeeze_month.iter().flatten().flatten().min();
            if let Some(months) = soonest {
                assert!(text.contains(&format!("{months} ")), "{text}");
            }

            let fan = describe_fan(mc, FanSeries::BtcPrice, lang);
            assert!(fan.contains(&end), "{fan}");
        }
    }
    // The base map, as the brief's example: sooner with more slowdown and more
    // leverage, nothing squeezed with no slowdown up to some leverage.
    let base = case("base", Scenario::default());
    let text = describe_map(&base.map, Lang::En);
    assert!(
        text.starts_with("Squeezes come sooner with more AI demand slowdown and more miner leverage"),
        "{text}"
    );
    assert!(
        text.contains("with AI demand slowdown at 0%, nothing is squeezed"),
        "{text}"
    );
    let text = describe_map(&base.map, Lang::It);
    assert!(text.contains("«Leva finanziaria dei miner»"), "{text}");
}

#[test]
fn the_probability_clause_reads_like_the_brief() {
    let mc = monte_carlo(&Scenario::default(), SEED, 200);
    let last = mc.months.len() - 1;
    let (p, q) = (
        format_percent(mc.squeeze_probability[last], 0, Lang::En),
        format_percent(mc.squeeze_probability[last - 12], 0, Lang::En),
    );
    let en = probability_clause(&mc, Lang::En);
    assert!(
        en.ends_with(&format!("{p} chance of a squeeze by Dec 2030 ({q} by Dec 2029)")),
        "{en}"
    );
    let (p, q) = (
        format_percent(mc.squeeze_probability[last], 0, Lang::It),
        format_percent(mc.squeeze_probability[last - 12], 0, Lang::It),
    );
    let it = probability_clause(&mc, Lang::It);
    assert!(
        it.ends_with(&format!(
            "{p} di una crisi di liquidità entro dic 2030 ({q} entro dic 2029)"
        )),
        "{it}"
    );
    // The 2022 replay has twelve months: no year-earlier figure.
    let replay = Preset::all().iter().find(|p| p.id == "replay_2022").expect("replay");
    let mc = monte_carlo(&replay.scenario, SEED, 10);
    let p = format_percent(mc.squeeze_probability[mc.months.len() - 1], 0, Lang::En);
    assert_eq!(
        probability_clause(&mc, Lang::En),
        format!("a {p} chance of a squeeze by Dec 2022")
    );
}

#[test]
fn tables_have_their_shape_and_language() {
    let case = case("base", Scenario::default());
    for lang in Lang::ALL {
        let table = probability_table(&case.mc, lang);
        assert_eq!(table.headers.len(), 2 + case.mc.miners.len());
        assert_eq!(table.rows.len(), 5, "one row per year end");
        assert!(table.rows.iter().all(|row| row.len() == table.headers.len()));
        assert_eq!(table.rows[4][0], format_month(case.mc.months[59], lang));
        assert_eq!(
            table.rows[4][1],
            format_percent(case.mc.squeeze_probability[59], 1, lang)
        );

        for which in [FanSeries::BtcPrice, FanSeries::IndustryCash, FanSeries::OperatorCash(0)] {
            let table = fan_table(&case.mc, which, lang);
            assert_eq!(table.headers.len(), 6);
            assert_eq!(table.rows.len(), 5);
            assert!(table.rows.iter().all(|row| row.len() == 6));
        }

        let table = tornado_table(&case.tornado, lang);
        assert_eq!(table.rows.len(), LEVERS.len());
        assert_eq!(table.rows[0][0], lever_label(case.tornado.bars[0].lever, lang));
        assert!(table.rows.iter().all(|row| row.len() == table.headers.len()));

        let table = map_table(&case.map, lang);
        assert_eq!(table.headers.len(), 1 + case.map.x_values.len());
        assert_eq!(table.rows.len(), case.map.y_values.len());
        for (j, row) in table.rows.iter().enumerate() {
            for (i, cell) in row.iter().skip(1).enumerate() {
                let expected = case.map.squeeze_month[j][i].map_or("–".to_owned(), |m| m.to_string());
                assert_eq!(cell, &expected);
            }
        }
    }
    let italian = probability_table(&case.mc, Lang::It);
    assert!(italian.caption.contains("Probabilità"));
    assert!(italian.rows.iter().flatten().any(|cell| cell.contains(',')));
}

fn degenerate_results() -> Vec<(&'static str, MonteCarloResult)> {
    let base = monte_carlo(&Scenario::default(), SEED, 20);
    let mut out = vec![("no paths", monte_carlo(&Scenario::default(), SEED, 0))];
    let mut empty = base.clone();
    empty.months.clear();
    empty.squeeze_probability.clear();
    out.push(("no months", empty));
    let mut bands = base.clone();
    bands.btc_price_usd = Band::default();
    bands.industry_cash_usd = Band::default();
    for miner in &mut bands.miners {
        miner.cash_usd = Band::default();
        miner.squeeze_probability.clear();
    }
    out.push(("empty bands", bands));
    let mut nan = base.clone();
    for value in nan
        .btc_price_usd
        .p50
        .iter_mut()
        .chain(&mut nan.btc_price_usd.p5)
        .chain(&mut nan.squeeze_probability)
        .step_by(3)
    {
        *value = f64::NAN;
    }
    nan.industry_cash_usd.p95[7] = f64::INFINITY;
    nan.industry_cash_usd.p5[8] = -1e308;
    out.push(("nan", nan));
    let mut short = base.clone();
    short.months.truncate(1);
    out.push(("one month", short));
    let mut no_miners = base;
    no_miners.miners.clear();
    out.push(("no miners", no_miners));
    out
}

#[test]
fn degenerate_monte_carlo_results_draw_and_describe_without_panicking() {
    let style = light();
    let outcome = run(&Scenario::default());
    for (name, mc) in degenerate_results() {
        for lang in Lang::ALL {
            let svg = render_with(|area| draw_squeeze_probability(area, &mc, lang, &style).is_ok());
            assert!(svg.starts_with("<svg"), "{name}");
            for which in [FanSeries::BtcPrice, FanSeries::IndustryCash, FanSeries::OperatorCash(9)] {
                for overlay in [None, Some(&outcome)] {
                    let svg = render_with(|area| draw_fan(area, &mc, which, overlay, lang, &style).is_ok());
                    assert!(svg.starts_with("<svg"), "{name}");
                }
                let _ = describe_fan(&mc, which, lang);
                let _ = fan_table(&mc, which, lang);
            }
            assert!(!describe_probability(&mc, lang).is_empty(), "{name}");
            assert!(!probability_clause(&mc, lang).is_empty(), "{name}");
            let _ = probability_table(&mc, lang);
        }
    }
    let none = monte_carlo(&Scenario::default(), SEED, 0);
    assert_eq!(describe_probability(&none, Lang::En), "No simulated paths yet.");
    let svg = render_with(|area| draw_squeeze_probability(area, &none, Lang::It, &style).is_ok());
    assert!(svg.contains("Ancora nessuna simulazione."));
}

#[test]
fn degenerate_tornados_and_maps_draw_without_panicking() {
    let style = light();
    let full = tornado(&Scenario::default());
    let mut tornados = vec![Tornado::new(&Scenario::default())];
    let mut zero_horizon = full.clone();
    zero_horizon.horizon_months = 0;
    tornados.push(zero_horizon);
    let mut one = full.clone();
    one.bars.truncate(1);
    tornados.push(one);
    let mut huge = full;
    huge.horizon_months = u32::MAX;
    tornados.push(huge);
    for t in &tornados {
        for lang in Lang::ALL {
            let svg = render_with(|area| draw_tornado(area, t, lang, &style).is_ok());
            assert!(svg.starts_with("<svg"));
            assert!(!describe_tornado(t, lang).is_empty());
            let _ = tornado_table(t, lang);
        }
    }
    let empty = Tornado::new(&Scenario::default());
    assert!(describe_tornado(&empty, Lang::En).contains("No lever computed yet."));

    let full = squeeze_map(
        &Scenario::default(),
        LeverId::AiDemandSlowdown,
        LeverId::MinerLeverage,
        3,
        3,
    );
    // Two of three rows computed so far.
    let mut pending = SqueezeMap::new(
        &Scenario::default(),
        LeverId::AiDemandSlowdown,
        LeverId::MinerLeverage,
        3,
        3,
    );
    pending.compute_next_row();
    pending.compute_next_row();
    let nothing_yet = SqueezeMap::new(&Scenario::default(), LeverId::InterestRate, LeverId::PowerPrice, 2, 2);
    let mut one_by_one = full.clone();
    one_by_one.x_values.truncate(1);
    one_by_one.y_values.truncate(1);
    one_by_one.squeeze_month.truncate(1);
    one_by_one.squeeze_month[0].truncate(1);
    let mut empty = full.clone();
    empty.x_values.clear();
    empty.y_values.clear();
    empty.squeeze_month.clear();
    let mut nan = full.clone();
    nan.x_values[1] = f64::NAN;
    nan.horizon_months = 0;
    let mut ragged = full;
    ragged.squeeze_month[1].clear();
    ragged.squeeze_month.push(vec![Some(3); 9]);
    for map in [&pending, &nothing_yet, &one_by_one, &empty, &nan, &ragged] {
        for lang in Lang::ALL {
            for size in [SIZE, (1, 1), (120, 80)] {
                let marker = Some((f64::NAN, 0.5));
                let svg = render_sized(size, |area| {
                    draw_squeeze_map(area, map, marker, Some((99, 99)), lang, &style).is_ok()
                        && draw_squeeze_map(area, map, Some((0.3, 0.3)), Some((0, 0)), lang, &style).is_ok()
                });
                assert!(svg.starts_with("<svg"));
                let _ = map_cell_at(size, map, (size.0 as i32 / 2, size.1 as i32 / 2), &style);
            }
            assert!(!describe_map(map, lang).is_empty());
            let _ = map_table(map, lang);
        }
    }
    assert_eq!(map_cell_at(SIZE, &empty, (360, 220), &style), None);
    let style = light();
    let centre = MapLayout::new(SIZE, &one_by_one, &style).expect("one cell").plot;
    let middle = ((centre.0 + centre.2) / 2, (centre.1 + centre.3) / 2);
    assert_eq!(map_cell_at(SIZE, &one_by_one, middle, &style), Some((0, 0)));
}

#[test]
fn dark_and_high_dpi_styles_draw_every_chart() {
    let case = case("stressed", stressed_scenario());
    let preview = std::env::var_os("SQUEEZE_PREVIEW_DIR").map(std::path::PathBuf::from);
    let size = (SIZE.0 * 2, SIZE.1 * 2);
    let style = ChartStyle::dark(2.0);
    let lang = Lang::It;
    let charts = [
        (
            "probability",
            render_sized(size, |area| {
                draw_squeeze_probability(area, &case.mc, lang, &style).is_ok()
            }),
        ),
        (
            "tornado",
            render_sized(size, |area| draw_tornado(area, &case.tornado, lang, &style).is_ok()),
        ),
        (
            "map",
            render_sized(size, |area| {
                draw_squeeze_map(area, &case.map, Some((1.0, 0.9)), Some((0, 0)), lang, &style).is_ok()
            }),
        ),
        (
            "fan-cash",
            render_sized(size, |area| {
                draw_fan(area, &case.mc, FanSeries::IndustryCash, None, lang, &style).is_ok()
            }),
        ),
    ];
    for (name, svg) in charts {
        assert!(svg.contains("#181A1F"), "{name}: no dark background");
        if let Some(dir) = &preview {
            std::fs::write(dir.join(format!("{name}--dark--it.svg")), &svg).expect("preview");
        }
    }
}

/// The sentence that joins the central run and the paths names the company with
/// the highest odds, the month that adds most to them, and a tranche of its filed
/// debt that really falls due (or can be put) that month; it says the central path
/// squeezes no one only when that is so.
#[test]
fn the_odds_explanation_names_the_event_behind_the_largest_jump() {
    use squeeze_charts::summary::odds_explanation;
    for id in ["base", "ai_demand_stalls", "chip_glut", "soft_landing"] {
        let s = Preset::by_id(id).expect("preset").scenario;
        let (outcome, mc) = (run(&s), monte_carlo(&s, SEED, 400));
        for lang in [Lang::En, Lang::It] {
            let Some(text) = odds_explanation(&mc, &outcome, lang) else {
                assert!(*mc.squeeze_probability.last().expect("months") < 0.05, "{id}");
                continue;
            };
            let end = |m: &squeeze_model::MinerRisk| *m.squeeze_probability.last().expect("months");
            let top = mc
                .miners
                .iter()
                .max_by(|a, b| end(a).total_cmp(&end(b)))
                .expect("companies");
            assert!(text.contains(top.name), "{id} {lang:?}: {text}");
            assert!(text.contains(&format_percent(end(top), 0, lang)), "{text}");
            let central_clean = outcome.squeeze_date.is_none();
            let says_clean =
                text.starts_with(lang.pick("The central path squeezes no company", "Il percorso centrale non"));
            assert_eq!(central_clean, says_clean, "{text}");
            // The month named is the one with the largest rise of that company's odds.
            let jump = (1..mc.months.len())
                .max_by(|&a, &b| {
                    let rise = |i: usize| top.squeeze_probability[i] - top.squeeze_probability[i - 1];
                    rise(a).total_cmp(&rise(b))
                })
                .expect("months");
            let month = mc.months[jump];
            // In the base case one maturity carries most of the odds: the words name it.
            let named = text.contains(lang.pick(", when ", ", quando "));
            assert!(named || id != "base", "{text}");
            if named {
                assert!(text.contains(&format_month(month, lang)), "{text}");
                let company = s.era.data().companies.iter().find(|c| c.id == top.id).expect("company");
                let due = company.debt.iter().any(|t| {
                    (t.maturity.month() == month || t.put.is_some_and(|d| d.month() == month))
                        && text.contains(&t.label)
                });
                assert!(due, "{id}: the tranche named is not due in {month}: {text}");
            }
        }
    }
}

//! Renders every chart to SVG, for ordinary and stressed outcomes, with and
//! without a baseline, in both languages, and checks what a reader would: the
//! drawing succeeds, is deterministic, speaks the right language and carries its
//! annotations; the data tables have the right shape; bad data never panics.

use plotters::prelude::*;
use squeeze_charts::locale::{format_month, in_month};
use squeeze_charts::{draw, draw_cash_runway, draw_with_title, table, ChartKind, ChartStyle, ChartView, Lang, PALETTE};
use squeeze_model::{run, Era, Outcome, Scenario, YearMonth};

mod common;

use common::{render_with, stressed_scenario, svg_contains};

fn base() -> Outcome {
    run(&Scenario::default())
}

/// A scenario that squeezes operators: demand growth gone, maximum leverage, and
/// chips so efficient that capacity floods the market.
fn stressed() -> Outcome {
    let outcome = run(&stressed_scenario());
    assert!(
        outcome.squeeze_month.is_some(),
        "the stressed scenario should squeeze someone, or these tests test nothing"
    );
    outcome
}

fn render(kind: ChartKind, view: &ChartView<'_>) -> String {
    render_with(|area| draw(kind, area, view).is_ok())
}

fn render_titled(kind: ChartKind, view: &ChartView<'_>) -> String {
    render_with(|area| draw_with_title(kind, area, view).is_ok())
}

/// The axis titles each chart must carry, per language.
fn axis_texts(kind: ChartKind, lang: Lang) -> Vec<&'static str> {
    let mut texts = vec![lang.pick("Month", "Mese")];
    texts.extend(match (kind, lang) {
        (ChartKind::CashRunway, Lang::En) => vec!["Cash (US$ millions)"],
        (ChartKind::CashRunway, Lang::It) => vec!["Cassa (mln $)"],
        (ChartKind::BtcHashprice, Lang::En) => {
            vec!["Bitcoin price (US$ thousands)", "Hashprice (US$"]
        }
        (ChartKind::BtcHashprice, Lang::It) => {
            vec!["Prezzo del bitcoin (migliaia di $)", "al giorno"]
        }
        (ChartKind::AiCapacity, Lang::En) => vec!["AI utilisation (%)", "Spot and lease rate (US$"],
        (ChartKind::AiCapacity, Lang::It) => {
            vec!["Utilizzo della capacità IA (%)", "Prezzo spot e canone (mln $"]
        }
        (ChartKind::RevenueMix, Lang::En) => vec!["Revenue (US$ millions per month)"],
        (ChartKind::RevenueMix, Lang::It) => vec!["Ricavi (mln $ al mese)"],
    });
    texts
}

fn other(lang: Lang) -> Lang {
    lang.pick(Lang::It, Lang::En)
}

fn contains_2028_halving(outcome: &Outcome) -> bool {
    outcome.series.months.contains(&YearMonth::new(2028, 4))
}

#[test]
fn every_chart_draws_in_both_languages_with_and_without_baseline() {
    let (base, stressed) = (base(), stressed());
    for kind in ChartKind::ALL {
        for lang in Lang::ALL {
            for (outcome, baseline) in [
                (&base, None),
                (&stressed, None),
                (&stressed, Some(&base)),
                (&base, Some(&stressed)),
            ] {
                let view = ChartView {
                    outcome,
                    baseline,
                    lang,
                    style: ChartStyle::light(1.0),
                    mark: None,
                };
                let svg = render(kind, &view);
                let case = format!("{kind:?} {lang} baseline={}", baseline.is_some());
                assert!(svg.starts_with("<svg") && svg.contains("<text"), "{case}");
                for text in axis_texts(kind, lang) {
                    assert!(svg_contains(&svg, text), "{case}: missing {text:?}");
                }
                for text in axis_texts(kind, other(lang)) {
                    assert!(!svg_contains(&svg, text), "{case}: stray {text:?}");
                }
                if contains_2028_halving(outcome) {
                    let halving = lang.pick("2028 halving", "halving 2028");
                    assert!(svg.contains(halving), "{case}: no halving label");
                }
                if let Some(date) = outcome.squeeze_date {
                    let label = lang.pick("First squeeze", "Prima crisi di liquidità");
                    let text = format!("{label} {}", format_month(date, lang));
                    assert!(svg_contains(&svg, &text), "{case}: no {text:?}");
                } else {
                    assert!(!svg.contains(lang.pick("First squeeze", "Prima crisi")), "{case}");
                }
                let ghost = lang.pick("Baseline", "Riferimento");
                assert_eq!(svg.contains(ghost), baseline.is_some(), "{case}: legend");
            }
        }
    }
}

#[test]
fn the_2022_replay_draws_and_marks_a_halving_only_inside_its_horizon() {
    let outcome = run(&Scenario {
        era: Era::Crypto2022,
        ..Scenario::default()
    });
    let halving = outcome.series.months[0].plus_months(outcome.era.halving_month());
    let inside = outcome.series.months.contains(&halving);
    for kind in ChartKind::ALL {
        for lang in Lang::ALL {
            let svg = render(kind, &ChartView::new(&outcome, lang, ChartStyle::light(1.0)));
            let label = match lang {
                Lang::En => format!("{} halving", halving.year()),
                Lang::It => format!("halving {}", halving.year()),
            };
            assert_eq!(svg.contains(&label), inside, "{kind:?} {lang}");
            assert_eq!(table(kind, &outcome, lang).rows.len(), outcome.series.months.len());
        }
    }
}

/// `stroke="#RRGGBB"` for a palette colour, as plotters' SVG backend writes it.
fn stroke(colour: RGBColor) -> String {
    format!("stroke=\"#{:02X}{:02X}{:02X}\"", colour.0, colour.1, colour.2)
}

#[test]
fn every_legend_line_is_drawn_in_the_plot_too() {
    let outcome = stressed();
    // (chart, palette indices of its solid lines): each colour appears in the
    // legend swatch and at least once more in the plot.
    let cases = [
        (ChartKind::BtcHashprice, vec![4, 0]),
        (ChartKind::AiCapacity, vec![2, 1, 3]),
        (ChartKind::CashRunway, (0..outcome.miners.len()).collect::<Vec<_>>()),
    ];
    for (kind, colours) in cases {
        let svg = render(kind, &ChartView::new(&outcome, Lang::En, ChartStyle::light(1.0)));
        for index in colours {
            let count = svg.matches(&stroke(PALETTE[index % PALETTE.len()])).count();
            assert!(count >= 2, "{kind:?}: palette colour {index} drawn {count} times");
        }
    }
}

#[test]
fn drawing_is_deterministic() {
    let (base, stressed) = (base(), stressed());
    for kind in ChartKind::ALL {
        for lang in Lang::ALL {
            let view = ChartView {
                outcome: &stressed,
                baseline: Some(&base),
                lang,
                style: ChartStyle::dark(2.0),
                mark: None,
            };
            assert_eq!(render(kind, &view), render(kind, &view), "{kind:?} {lang}");
            assert_eq!(render_titled(kind, &view), render_titled(kind, &view));
        }
    }
}

#[test]
fn titled_drawing_carries_the_title_and_plain_drawing_leaves_it_to_the_page() {
    let outcome = base();
    for kind in ChartKind::ALL {
        for lang in Lang::ALL {
            let view = ChartView::new(&outcome, lang, ChartStyle::light(1.0));
            let title = kind.title(lang);
            assert!(svg_contains(&render_titled(kind, &view), title), "{kind:?} {lang}");
            assert!(!svg_contains(&render(kind, &view), title), "{kind:?} {lang}");
        }
        assert_ne!(kind.title(Lang::En), kind.title(Lang::It));
    }
}

#[test]
fn cash_runway_names_and_marks_every_squeezed_company() {
    let outcome = stressed();
    for lang in Lang::ALL {
        let view = ChartView::new(&outcome, lang, ChartStyle::light(1.0));
        let svg = render(ChartKind::CashRunway, &view);
        let description = ChartKind::CashRunway.description(&outcome, lang);
        for miner in &outcome.miners {
            let name = miner.name;
            assert!(svg_contains(&svg, name), "{lang}: legend lacks {name}");
            if let Some(date) = miner.squeeze_date {
                let squeezed = format!("{name} {}", in_month(date, lang));
                assert!(description.contains(&squeezed), "{lang}: {description}");
                assert!(svg_contains(&svg, &format_month(date, lang)), "{lang}: marker label");
            }
        }
        // One ring per squeezed operator in the plot, plus the legend's ring.
        let squeezed = outcome.miners.iter().filter(|m| m.squeeze_month.is_some()).count();
        assert_eq!(svg.matches("<circle").count(), squeezed + 1, "{lang}");
    }
}

#[test]
fn descriptions_speak_the_language_and_cover_the_horizon() {
    for outcome in [base(), stressed()] {
        let first = outcome.series.months[0];
        let last = *outcome.series.months.last().expect("months");
        for kind in ChartKind::ALL {
            for lang in Lang::ALL {
                let text = kind.description(&outcome, lang);
                assert!(text.ends_with('.'), "{kind:?} {lang}: {text}");
                assert!(text.contains(&format_month(first, lang)), "{kind:?} {lang}: {text}");
                if kind != ChartKind::BtcHashprice && kind != ChartKind::AiCapacity {
                    assert!(text.contains(&format_month(last, lang)), "{kind:?} {lang}: {text}");
                }
            }
            assert_ne!(
                kind.description(&outcome, Lang::En),
                kind.description(&outcome, Lang::It)
            );
        }
    }
}

#[test]
fn tables_have_one_row_per_month_and_a_cell_per_header() {
    for outcome in [base(), stressed()] {
        for kind in ChartKind::ALL {
            for lang in Lang::ALL {
                let data = table(kind, &outcome, lang);
                let columns = match kind {
                    ChartKind::CashRunway => outcome.miners.len(),
                    ChartKind::BtcHashprice => 2,
                    ChartKind::AiCapacity | ChartKind::RevenueMix => 3,
                };
                assert_eq!(data.headers.len(), columns + 1, "{kind:?}");
                assert_eq!(data.headers[0], lang.pick("Month", "Mese"));
                assert_eq!(data.rows.len(), outcome.series.months.len(), "{kind:?}");
                assert!(!data.caption.is_empty());
                for (row, month) in data.rows.iter().zip(&outcome.series.months) {
                    assert_eq!(row.len(), data.headers.len());
                    assert_eq!(row[0], format_month(*month, lang));
                }
            }
        }
    }
}

#[test]
fn italian_tables_use_the_italian_decimal_comma() {
    let outcome = base();
    let data = table(ChartKind::RevenueMix, &outcome, Lang::It);
    let cell = &data.rows[0][1];
    assert!(
        cell.contains(',') && !cell.contains('.') || cell.contains('.'),
        "{cell}"
    );
    let english = table(ChartKind::RevenueMix, &outcome, Lang::En);
    assert_eq!(
        english.rows[0][1].replace(',', "").replace('.', ","),
        cell.replace('.', ""),
        "the same number, with the separators swapped"
    );
}

/// Every monthly series of an outcome, emptied or replaced through `edit`.
fn edit_series(outcome: &mut Outcome, edit: &dyn Fn(&mut Vec<f64>)) {
    let series = &mut outcome.series;
    for values in [
        &mut series.btc_price_usd,
        &mut series.hashprice_usd_per_ph_day,
        &mut series.ai_utilisation,
        &mut series.spot_rate_usd_per_mw_year,
        &mut series.lease_rate_usd_per_mw_year,
        &mut series.ai_revenue_usd,
        &mut series.mining_revenue_usd,
    ] {
        edit(values);
    }
    for miner in &mut outcome.miners {
        edit(&mut miner.cash_usd);
    }
}

fn degenerate_outcomes() -> Vec<(&'static str, Outcome)> {
    let mut cases = Vec::new();

    let mut empty = stressed();
    empty.series.months.clear();
    edit_series(&mut empty, &|v| v.clear());
    cases.push(("no months", empty));

    let mut no_miners = base();
    no_miners.miners.clear();
    cases.push(("no operators", no_miners));

    let mut flat = stressed();
    edit_series(&mut flat, &|v| v.iter_mut().for_each(|x| *x = 5.0));
    cases.push(("all values equal", flat));

    let mut zero = base();
    edit_series(&mut zero, &|v| v.iter_mut().for_each(|x| *x = 0.0));
    cases.push(("all zero", zero));

    let mut holes = stressed();
    edit_series(&mut holes, &|v| {
        for (i, x) in v.iter_mut().enumerate() {
            if i % 7 == 3 {
                *x = f64::NAN;
            } else if i % 11 == 5 {
                *x = f64::INFINITY;
            }
        }
    });
    cases.push(("NaN and infinity", holes));

    let mut all_nan = stressed();
    edit_series(&mut all_nan, &|v| v.iter_mut().for_each(|x| *x = f64::NAN));
    cases.push(("all NaN", all_nan));

    let mut short = stressed();
    edit_series(&mut short, &|v| v.truncate(3));
    cases.push(("series shorter than months", short));

    let mut one_month = stressed();
    one_month.series.months.truncate(1);
    edit_series(&mut one_month, &|v| v.truncate(1));
    cases.push(("one month", one_month));

    let mut huge = base();
    edit_series(&mut huge, &|v| {
        if let Some(x) = v.first_mut() {
            *x = f64::MAX;
        }
        if let Some(x) = v.last_mut() {
            *x = -f64::MAX;
        }
    });
    cases.push(("extreme magnitudes", huge));

    let mut squeezed_late = stressed();
    squeezed_late.squeeze_month = Some(10_000);
    for miner in &mut squeezed_late.miners {
        miner.squeeze_month = Some(u32::MAX);
    }
    cases.push(("squeeze past the horizon", squeezed_late));
    cases
}

#[test]
fn degenerate_outcomes_draw_without_panicking() {
    let good = base();
    for (case, outcome) in degenerate_outcomes() {
        for kind in ChartKind::ALL {
            for lang in Lang::ALL {
                for (current, baseline) in [(&outcome, None), (&outcome, Some(&good)), (&good, Some(&outcome))] {
                    let view = ChartView {
                        outcome: current,
                        baseline,
                        lang,
                        style: ChartStyle::dark(1.5),
                        mark: None,
                    };
                    render(kind, &view);
                    render_titled(kind, &view);
                }
                let data = table(kind, &outcome, lang);
                assert_eq!(data.rows.len(), outcome.series.months.len(), "{case}");
                assert!(data.rows.iter().all(|row| row.len() == data.headers.len()), "{case}");
                let _ = kind.description(&outcome, lang);
            }
        }
    }
}

#[test]
fn an_empty_outcome_says_so() {
    let (_, empty) = degenerate_outcomes().swap_remove(0);
    for lang in Lang::ALL {
        let text = ChartKind::CashRunway.description(&empty, lang);
        assert_eq!(text, lang.pick("No data to show.", "Nessun dato da mostrare."));
    }
}

#[test]
fn odd_scales_still_draw() {
    let outcome = stressed();
    for scale in [0.0, -1.0, f64::NAN, f64::INFINITY, 0.5, 3.0] {
        for kind in ChartKind::ALL {
            let view = ChartView::new(&outcome, Lang::En, ChartStyle::light(scale));
            render(kind, &view);
        }
    }
}

#[test]
fn light_and_dark_differ_only_in_colour() {
    let outcome = base();
    let light = render(
        ChartKind::AiCapacity,
        &ChartView::new(&outcome, Lang::En, ChartStyle::light(1.0)),
    );
    let dark = render(
        ChartKind::AiCapacity,
        &ChartView::new(&outcome, Lang::En, ChartStyle::dark(1.0)),
    );
    assert_ne!(light, dark);
    let strip_colours = |svg: &str| {
        svg.split('"')
            .filter(|part| !part.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\"")
    };
    assert_eq!(strip_colours(&light), strip_colours(&dark));
}

#[test]
fn the_old_cash_runway_entry_point_still_draws_the_english_chart() {
    let outcome = stressed();
    let old = render_with(|area| draw_cash_runway(area, &outcome, &ChartStyle::light(1.0)).is_ok());
    let new = render(
        ChartKind::CashRunway,
        &ChartView::new(&outcome, Lang::En, ChartStyle::light(1.0)),
    );
    assert_eq!(old, new);
}

#[test]
fn chart_ids_are_stable_and_round_trip() {
    let ids: Vec<&str> = ChartKind::ALL.iter().map(|kind| kind.id()).collect();
    assert_eq!(ids, ["cash-runway", "btc-hashprice", "ai-capacity", "revenue-mix"]);
    for kind in ChartKind::ALL {
        assert_eq!(ChartKind::from_id(kind.id()), Some(kind));
    }
    assert_eq!(ChartKind::from_id("pie"), None);
}

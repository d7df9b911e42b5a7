//! Why, step by step: the stories follow the outcome — one per squeezed company,
//! first squeezed first, steps in date order and within the run, the last step the
//! squeeze month's causes — in both languages, for the presets and for scenarios
//! across the lever space.

use squeeze_charts::{why_stories, why_text, Lang, MAX_WHY_STEPS_BEFORE};
use squeeze_model::{run, Scenario, PRESETS};

fn scenarios() -> Vec<Scenario> {
    let mut out: Vec<Scenario> = PRESETS.iter().map(|p| p.scenario).collect();
    for slowdown in [0.0, 0.4, 0.8] {
        for shock in [0.0, -0.4, -0.7] {
            for leverage in [0.3, 0.9] {
                out.push(Scenario {
                    ai_demand_slowdown: slowdown,
                    btc_price_shock: shock,
                    miner_leverage: leverage,
                    ..Scenario::BASE
                });
            }
        }
    }
    out
}

#[test]
fn one_story_per_squeezed_company_in_date_order_ending_with_its_causes() {
    let mut told = 0;
    for s in scenarios() {
        let o = run(&s);
        for lang in [Lang::En, Lang::It] {
            let stories = why_stories(&o, lang);
            let squeezed = o.miners.iter().filter(|m| m.squeeze_month.is_some()).count();
            assert_eq!(stories.len(), squeezed, "{s:?}");
            told += stories.len();
            for w in stories.windows(2) {
                assert!(w[0].steps.last().map(|s| s.month) <= w[1].steps.last().map(|s| s.month));
            }
            for story in &stories {
                let miner = o.miner(story.company).expect("a company of the outcome");
                let month = miner.squeeze_month.expect("squeezed");
                assert_eq!(story.name, miner.name);
                assert!(story.steps.len() <= MAX_WHY_STEPS_BEFORE + 1);
                assert!(
                    story.steps.windows(2).all(|w| w[0].month <= w[1].month),
                    "{:?}",
                    story.steps
                );
                let last = story.steps.last().expect("at least the squeeze");
                assert_eq!(last.month, month);
                assert!(
                    last.text.starts_with(lang.pick("Why, in ", "Perché, ")),
                    "{}",
                    last.text
                );
                assert!(story
                    .steps
                    .iter()
                    .all(|step| step.month <= month && step.date == o.series.months[step.month as usize]));
            }
            let text = why_text(&stories, lang);
            for story in &stories {
                assert!(text.contains(story.name));
            }
        }
    }
    assert!(told > 10, "the scenarios squeeze companies to explain");
}

/// A step's month, chosen on the page, is marked on every time chart of the
/// outcome with its label, in both languages; without a mark there is none.
#[test]
fn a_chosen_month_is_marked_on_the_time_charts() {
    use plotters::prelude::*;
    use squeeze_charts::{ChartKind, ChartStyle, ChartView};
    let o = run(&squeeze_model::Preset::by_id("replay_2022").expect("preset").scenario);
    for (lang, label) in [(Lang::En, "Why: Aug 2022"), (Lang::It, "Perché: ago 2022")] {
        for kind in ChartKind::ALL {
            let draw = |mark: Option<u32>| {
                let mut svg = String::new();
                {
                    let area = SVGBackend::with_string(&mut svg, (720, 440)).into_drawing_area();
                    let view = ChartView {
                        mark,
                        ..ChartView::new(&o, lang, ChartStyle::light(1.0))
                    };
                    squeeze_charts::draw(kind, &area, &view).expect("draws");
                }
                svg
            };
            assert!(draw(Some(7)).contains(label), "{kind:?} {lang:?}");
            assert!(!draw(None).contains(label), "{kind:?} {lang:?}");
        }
    }
}

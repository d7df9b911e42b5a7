//! The codec's promises over the whole input space: every valid view survives a
//! round trip exactly (stamped share links too), and no string whatsoever makes
//! decoding panic or yield an invalid scenario. `make fuzz` runs 100,000 cases of
//! each (`SQUEEZE_FUZZ_CASES`); `make test` a few hundred.

use proptest::prelude::*;
use squeeze_charts::Lang;
use squeeze_link::{apply_pairs, decode, encode, encode_shared, View};
use squeeze_model::{Era, Preset, Scenario, LEVERS};

fn cases() -> u32 {
    std::env::var("SQUEEZE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(512)
}

fn any_scenario() -> impl Strategy<Value = Scenario> {
    let ranges: Vec<_> = LEVERS.iter().map(|lever| lever.min..=lever.max).collect();
    (ranges, prop::sample::select(Era::ALL.to_vec())).prop_map(|(values, era)| {
        let mut scenario = Scenario {
            era,
            ..Scenario::default()
        };
        for (lever, value) in LEVERS.iter().zip(values) {
            scenario.set(lever.id, value);
        }
        scenario
    })
}

fn any_view() -> impl Strategy<Value = View> {
    (
        any_scenario(),
        prop::sample::select(Preset::all().iter().collect::<Vec<_>>()),
        prop::sample::select(Lang::ALL.to_vec()),
        prop::option::of(any_scenario()),
        any::<Option<prop::sample::Index>>(),
    )
        .prop_map(|(scenario, preset, lang, baseline, company)| {
            // A company of the scenario's era, or none.
            let companies = &scenario.era.data().companies;
            let company = company.map(|i| companies[i.index(companies.len())].id.as_str());
            View {
                scenario,
                preset,
                lang,
                baseline,
                company,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn every_valid_view_round_trips_exactly(view in any_view()) {
        let decoded = decode(&encode(&view));
        prop_assert_eq!(decoded.problems, vec![]);
        prop_assert_eq!(decoded.view, view);
    }

    #[test]
    fn a_stamped_share_link_round_trips_with_its_stamp(view in any_view()) {
        let outcome = squeeze_model::run(&view.scenario);
        let decoded = decode(&encode_shared(&view, &outcome));
        prop_assert_eq!(decoded.problems, vec![]);
        prop_assert_eq!(decoded.view, view);
        let stamp = decoded.stamp.expect("stamped");
        prop_assert!(stamp.is_current(&view.scenario));
        let figures = stamp.figures.expect("figures");
        prop_assert_eq!(figures.first_squeeze, outcome.squeeze_date);
        prop_assert_eq!(figures.squeezed, outcome.squeezed_operators);
        prop_assert!((figures.funding_gap_usd - outcome.funding_gap_usd.max(0.0)).abs() <= 0.5);
    }

    #[test]
    fn key_value_soup_never_panics_and_yields_a_valid_view(
        pairs in prop::collection::vec(
            (
                "(p|l|v|d|h|b|company|era|ai|lev|chip|btc|vol|trend|rate|pwr|ctr|el|b\\.lev|b\\.era|\\PC{0,6})",
                "(\\PC{0,24}|none_[0-9]{0,12}_[0-9]{0,3}|[0-9]{4}-[0-9]{2}(-[0-9]{2})?(_[0-9.e+-]{0,12}_[0-9]{0,12})?|-?[0-9.e+-]{0,24})",
            ),
            0..40,
        ),
    ) {
        let text: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let decoded = decode(&text.join("&"));
        prop_assert_eq!(decoded.view.scenario.validate(), Ok(()));
        if let Some(baseline) = decoded.view.baseline {
            prop_assert_eq!(baseline.validate(), Ok(()));
        }
        if let Some(figures) = decoded.stamp.and_then(|s| s.figures) {
            prop_assert!(figures.funding_gap_usd.is_finite() && figures.funding_gap_usd >= 0.0);
        }
    }

    #[test]
    fn arbitrary_text_never_panics_and_yields_a_valid_view(text in ".{0,300}") {
        let decoded = decode(&text);
        prop_assert_eq!(decoded.view.scenario.validate(), Ok(()));
        if let Some(company) = decoded.view.company {
            prop_assert!(decoded.view.scenario.era.data().company(company).is_some());
        }
        if let Some(baseline) = decoded.view.baseline {
            prop_assert_eq!(baseline.validate(), Ok(()));
        }
    }

    #[test]
    fn hostile_pairs_are_clamped_into_range(
        keys in prop::collection::vec(prop::sample::select(LEVERS.iter().map(|l| l.short_key).collect::<Vec<_>>()), 1..20),
        values in prop::collection::vec("(-?[0-9]{1,30}(\\.[0-9]{0,10})?|NaN|inf|-inf|1e308|<script>|)", 1..20),
    ) {
        let text: Vec<String> = keys.iter().zip(&values).map(|(k, v)| format!("{k}={v}")).collect();
        let decoded = decode(&text.join("&"));
        prop_assert_eq!(decoded.view.scenario.validate(), Ok(()));
        let pairs: Vec<(&str, &str)> = keys.iter().copied().zip(values.iter().map(String::as_str)).collect();
        let (scenario, _) = apply_pairs(Scenario::default(), pairs);
        prop_assert_eq!(scenario.validate(), Ok(()));
    }
}

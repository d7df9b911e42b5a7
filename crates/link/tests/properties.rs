//! The codec's promises over the whole input space: every valid view survives a
//! round trip exactly, and no string whatsoever makes decoding panic or yield an
//! invalid scenario.

use proptest::prelude::*;
use squeeze_charts::Lang;
use squeeze_link::{apply_pairs, decode, encode, View};
use squeeze_model::{Era, Preset, Scenario, LEVERS};

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
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_valid_view_round_trips_exactly(view in any_view()) {
        let decoded = decode(&encode(&view));
        prop_assert_eq!(decoded.problems, vec![]);
        prop_assert_eq!(decoded.view, view);
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

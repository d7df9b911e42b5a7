//! Every squeeze carries its explanation: the month, what fell due in cash, what
//! lenders saw, how open markets were, and what the company had — and the figures
//! agree with the rest of the outcome (property over the lever space).

mod common;

use common::any_scenario;
use proptest::prelude::*;
use squeeze_model::{run, Preset, SqueezeCause, YearMonth};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn every_squeeze_says_why_with_figures_that_agree(s in any_scenario()) {
        let o = run(&s);
        for m in &o.miners {
            prop_assert_eq!(m.squeeze_month.is_some(), m.squeeze_reason.is_some(), "{}", m.id);
            let Some(r) = m.squeeze_reason else { continue };
            prop_assert_eq!(Some(r.date), m.squeeze_date, "{}", m.id);
            prop_assert!(r.shortfall_usd > 0.0, "{}: a squeeze is a shortfall", m.id);
            prop_assert!(r.shortfall_usd <= m.funding_gap_usd + 1e-6, "{}: within the funding gap", m.id);
            prop_assert!(r.cash_and_btc_usd >= 0.0 && r.cash_and_btc_usd.is_finite());
            prop_assert!((0.0..=1.0).contains(&r.market_openness));
            if m.squeeze_cause == Some(SqueezeCause::Refinancing) {
                prop_assert!(r.due_usd > 0.0 && !r.tranche.is_empty(), "{}: a refused maturity names its tranche", m.id);
            }
        }
    }
}

#[test]
fn core_scientific_in_2022_ran_out_while_markets_were_shut() {
    let o = run(&Preset::by_id("replay_2022").expect("preset").scenario);
    let core = o.miner("core_scientific_2022").expect("Core");
    let r = core.squeeze_reason.expect("Core is squeezed in 2022");
    assert!((YearMonth::new(2022, 9)..=YearMonth::new(2022, 12)).contains(&r.date));
    assert!(
        r.market_openness < 0.5,
        "markets were shut to miners in H2 2022: {}",
        r.market_openness
    );
    // By then it had sold its bitcoin: little was left to sell.
    assert!(r.cash_and_btc_usd < r.shortfall_usd * 10.0, "{r:?}");
}

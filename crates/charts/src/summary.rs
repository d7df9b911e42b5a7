//! The outcome in words: the summary sentence a reader understands without the
//! charts, in English or Italian. Shared by the app (its `role="status"` line),
//! the CLI and the no-JavaScript fallback, so all three say the same thing.

use crate::locale::{
    format_btc, format_month, format_number, format_percent, format_usd, format_usd_compact, in_month, Lang,
};
use squeeze_model::{MonteCarloResult, Outcome};

/// A company's name in running text (a proper name: no article, the same in every
/// language).
fn archetype(outcome: &Outcome, index: usize, _lang: Lang) -> String {
    outcome.miners[index].name.to_owned()
}

fn and_list(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.pick("and", "e")),
    }
}

/// The chance of a squeeze over the simulated paths, as the sentence the app
/// appends to the [`summary`]: en `Over 1,000 simulated paths, there is a 54%
/// chance of a squeeze by Dec 2030 (…).`, it `Su 1.000 percorsi simulati, c'è …`.
///
/// ```
/// use squeeze_charts::{summary::odds_sentence, Lang};
/// let mc = squeeze_model::monte_carlo(&Default::default(), 1, 200);
/// assert!(odds_sentence(&mc, Lang::En).starts_with("Over 200 simulated paths, there is "));
/// assert!(odds_sentence(&mc, Lang::It).starts_with("Su 200 percorsi simulati, c'è "));
/// ```
pub fn odds_sentence(mc: &MonteCarloResult, lang: Lang) -> String {
    let clause = crate::probability_clause(mc, lang);
    let paths = format_number(f64::from(mc.paths), 0, lang);
    let plain = (mc.paths > 0)
        .then(|| mc.squeeze_probability.last().copied())
        .flatten()
        .and_then(|p| paths_in_words(p, lang))
        .map(|words| format!(": {words}"))
        .unwrap_or_default();
    match lang {
        Lang::En => format!("Over {paths} simulated paths, there is {clause}{plain}."),
        Lang::It => format!("Su {paths} percorsi simulati, c'è {clause}{plain}."),
    }
}

/// A probability as readers say it: en `about 4 paths in 10`, `about 1 path in
/// 20`, `nearly every path`; it `circa 4 percorsi su 10`. `None` for 0 (the
/// percentage already says "no chance").
///
/// ```
/// use squeeze_charts::{summary::paths_in_words, Lang};
/// assert_eq!(paths_in_words(0.38, Lang::En).unwrap(), "about 4 paths in 10");
/// assert_eq!(paths_in_words(0.05, Lang::En).unwrap(), "about 1 path in 20");
/// assert_eq!(paths_in_words(0.38, Lang::It).unwrap(), "circa 4 percorsi su 10");
/// assert_eq!(paths_in_words(0.0, Lang::En), None);
/// ```
pub fn paths_in_words(p: f64, lang: Lang) -> Option<String> {
    if p.is_nan() || p <= 0.0 {
        return None;
    }
    let tenths = (p * 10.0).round();
    Some(match lang {
        _ if p >= 0.995 => lang.pick("every path", "tutti i percorsi").to_owned(),
        _ if tenths >= 10.0 => lang.pick("nearly every path", "quasi tutti i percorsi").to_owned(),
        Lang::En if p < 0.075 => format!("about 1 path in {}", format_number((1.0 / p).round(), 0, lang)),
        Lang::It if p < 0.075 => format!("circa 1 percorso su {}", format_number((1.0 / p).round(), 0, lang)),
        Lang::En => format!("about {tenths:.0} paths in 10"),
        Lang::It => format!("circa {tenths:.0} percorsi su 10"),
    })
}

/// Where the central run and the simulated paths tell different stories, the one
/// sentence that joins them: which company carries most of the odds and, where
/// its chance jumps in one month, the contractual event of that month (a
/// maturity or a put in its filed debt). `None` when the odds are negligible
/// (under 5%) or there is no company data for the era.
///
/// ```
/// use squeeze_charts::{summary::odds_explanation, Lang};
/// let s = squeeze_model::Scenario::default();
/// let (outcome, mc) = (squeeze_model::run(&s), squeeze_model::monte_carlo(&s, 1, 300));
/// let text = odds_explanation(&mc, &outcome, Lang::En).expect("the base case has real odds");
/// assert!(text.starts_with("The central path"), "{text}");
/// ```
pub fn odds_explanation(mc: &MonteCarloResult, outcome: &Outcome, lang: Lang) -> Option<String> {
    const NEGLIGIBLE: f64 = 0.05;
    let overall = mc.squeeze_probability.last().copied().unwrap_or(0.0);
    if mc.paths == 0 || overall < NEGLIGIBLE {
        return None;
    }
    let last = |m: &squeeze_model::MinerRisk| m.squeeze_probability.last().copied().unwrap_or(0.0);
    let top = mc.miners.iter().max_by(|a, b| last(a).total_cmp(&last(b)))?;
    let share = crate::locale::format_percent(last(top), 0, lang);
    // The month that adds most to its chance, and what fell due then.
    let (jump_index, jump) = (top.squeeze_probability.iter().enumerate())
        .map(|(i, &p)| (i, p - if i == 0 { 0.0 } else { top.squeeze_probability[i - 1] }))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let month = *mc.months.get(jump_index)?;
    let event = (jump >= 0.25 * last(top))
        .then(|| contractual_event(mc.era, top.id, month, lang))
        .flatten();
    let when = match &event {
        Some(event) => {
            let part = part_of(jump, last(top), lang);
            match lang {
                Lang::En => format!(", {part} of them {}, when {event}", in_month(month, lang)),
                Lang::It => format!(", {part} dei quali {}, quando {event}", in_month(month, lang)),
            }
        }
        None => String::new(),
    };
    let name = top.name;
    Some(match (outcome.squeeze_date, lang) {
        (None, Lang::En) => format!(
            "The central path squeezes no company: the odds come from the paths where bitcoin and AI demand move against the miners, and {name} is squeezed in {share} of all paths{when}."
        ),
        (None, Lang::It) => format!(
            "Il percorso centrale non mette in crisi nessuna società: la probabilità viene dai percorsi in cui bitcoin e domanda di IA vanno contro i miner, e {name} è in crisi nel {share} di tutti i percorsi{when}."
        ),
        (Some(_), Lang::En) => format!("Across the paths, {name} is the most exposed, squeezed in {share} of them{when}."),
        (Some(_), Lang::It) => format!("Nei percorsi simulati la più esposta è {name}, in crisi nel {share} di essi{when}."),
    })
}

/// A part of a whole in the words a reader would use: "most", "three
/// quarters", "half", "a quarter".
fn part_of(part: f64, whole: f64, lang: Lang) -> &'static str {
    let quarters = if whole > 0.0 { (part / whole * 4.0).round() } else { 0.0 };
    match quarters {
        q if q >= 4.0 => lang.pick("most", "la maggior parte"),
        q if q >= 3.0 => lang.pick("three quarters", "tre quarti"),
        q if q >= 2.0 => lang.pick("half", "metà"),
        _ => lang.pick("a quarter", "un quarto"),
    }
}

/// What company `id`'s filed debt makes due in `month`: a maturity or a
/// holders' put, in words ("its 0.00% Convertible Senior Notes due 2030 ($1.15B)
/// fall due").
fn contractual_event(era: squeeze_model::Era, id: &str, month: squeeze_model::YearMonth, lang: Lang) -> Option<String> {
    let company = era.data().companies.iter().find(|c| c.id == id)?;
    let tranche = (company.debt.iter())
        .filter(|t| t.maturity.month() == month || t.put.is_some_and(|d| d.month() == month))
        .max_by(|a, b| a.principal_usd.value.total_cmp(&b.principal_usd.value))?;
    let amount = format_usd_compact(tranche.principal_usd.value, lang);
    let label = &tranche.label;
    let put = tranche.maturity.month() != month;
    Some(match (lang, put) {
        (Lang::En, false) => format!("its {label} ({amount}) fall due"),
        (Lang::En, true) => format!("holders of its {label} ({amount}) can ask for their money back"),
        (Lang::It, false) => format!("scadono le sue {label} ({amount})"),
        (Lang::It, true) => format!("i detentori delle sue {label} ({amount}) possono chiederne il rimborso"),
    })
}

/// The outcome in a few sentences a reader understands without the charts: when the
/// first squeeze comes, who is hit, how much bitcoin is dumped, how big the funding
/// gap is, and why the first company broke (its chain of causes with the model's
/// figures); or, without a squeeze, how close the weakest company comes.
pub fn summary(outcome: &Outcome, lang: Lang) -> String {
    let Some(end) = outcome.series.months.last().copied() else {
        return String::new();
    };
    match (outcome.squeeze_month, outcome.squeeze_date) {
        (Some(month), Some(date)) => {
            // The first company squeezed, and why (the model's chain of causes).
            let why = outcome
                .miners
                .iter()
                .filter(|m| m.squeeze_month == Some(month))
                .find_map(|m| m.squeeze_reason.as_ref())
                .map(|r| format!(" {}", crate::describe_reason(r, lang)))
                .unwrap_or_default();
            let hit: Vec<String> = (0..outcome.miners.len())
                .filter(|&i| outcome.miners[i].squeeze_month.is_some())
                .map(|i| archetype(outcome, i, lang))
                .collect();
            let share = format_percent(outcome.distressed_capacity_share, 0, lang);
            // In 2022 nobody had AI capacity; the share is of all the miners' MW.
            let has_ai = outcome.miners.iter().any(|miner| miner.ai_mw > 0.0);
            let btc = format_btc(outcome.forced_btc_sales, lang);
            let gap = format_usd_compact(outcome.funding_gap_usd, lang);
            match lang {
                Lang::En => format!(
                    "The first liquidity squeeze hits {}, {} in; by {end} {} cannot meet {} obligations. \
                     {share} of {capacity} ends in distress, forced sales dump {btc} and the funding gap reaches {gap}.{why}",
                    in_month(date, lang),
                    month_count(month + 1, lang),
                    and_list(&hit, lang),
                    if hit.len() == 1 { "its" } else { "their" },
                    end = format_month(end, lang),
                    capacity = if has_ai { "converted AI capacity" } else { "the miners' capacity" },
                ),
                Lang::It => format!(
                    "La prima crisi di liquidità arriva {}, dopo {}; entro {end} {} non {} a far fronte agli impegni. \
                     {article}{share} {capacity} finisce in difficoltà, le vendite forzate scaricano {btc} \
                     e il fabbisogno scoperto arriva a {gap}.{why}",
                    in_month(date, lang),
                    month_count(month + 1, lang),
                    and_list(&hit, lang),
                    if hit.len() == 1 { "riesce" } else { "riescono" },
                    end = format_month(end, lang),
                    capacity = if has_ai { "della capacità IA convertita" } else { "della capacità dei miner" },
                    article = italian_percent_article(&share),
                ),
            }
        }
        _ => {
            let trough = format_usd(outcome.btc_price_trough_usd, lang);
            let weakest = weakest_cash(outcome);
            let tail = weakest.map(|(i, month, cash)| {
                let who = archetype(outcome, i, lang);
                let when = outcome
                    .series
                    .months
                    .get(month)
                    .map(|m| in_month(*m, lang))
                    .unwrap_or_default();
                let cash = format_usd_compact(cash, lang);
                lang.pick(
                    format!(" The tightest spot: {who} is down to {cash} of cash {when}."),
                    format!(" Il momento più difficile: {who} scende a {cash} di cassa {when}."),
                )
            });
            lang.pick(
                format!(
                    "No company is squeezed before {}. Bitcoin's low is {trough}.{}",
                    format_month(end, lang),
                    tail.clone().unwrap_or_default()
                ),
                format!(
                    "Nessuna società va in crisi di liquidità prima di {}. Il minimo del bitcoin è {trough}.{}",
                    format_month(end, lang),
                    tail.unwrap_or_default()
                ),
            )
        }
    }
}

/// The operator and month with the lowest cash: `(miner index, month, cash)`.
fn weakest_cash(outcome: &Outcome) -> Option<(usize, usize, f64)> {
    outcome
        .miners
        .iter()
        .enumerate()
        .flat_map(|(i, miner)| miner.cash_usd.iter().enumerate().map(move |(m, cash)| (i, m, *cash)))
        .min_by(|a, b| a.2.total_cmp(&b.2))
}

/// A number of months in words: `1 month`, `27 mesi`.
pub fn month_count(count: u32, lang: Lang) -> String {
    match (count, lang) {
        (1, Lang::En) => "1 month".into(),
        (1, Lang::It) => "1 mese".into(),
        (n, Lang::En) => format!("{n} months"),
        (n, Lang::It) => format!("{n} mesi"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use squeeze_model::{run, Scenario};

    #[test]
    fn a_squeeze_is_dated_and_names_who_is_hit() {
        let stressed = run(&Scenario {
            ai_demand_slowdown: 1.0,
            miner_leverage: 0.9,
            chip_throughput: 10.0,
            ..Scenario::default()
        });
        let date = stressed.squeeze_date.expect("the stressed scenario squeezes someone");
        let first = stressed
            .miners
            .iter()
            .find(|m| m.squeeze_month == stressed.squeeze_month)
            .expect("a first miner");
        let en = summary(&stressed, Lang::En);
        assert!(en.contains(&format_month(date, Lang::En)), "{en}");
        assert!(en.to_lowercase().contains(&first.name.to_lowercase()), "{en}");
        let it = summary(&stressed, Lang::It);
        assert!(
            it.contains(&format_month(date, Lang::It)) && it.contains("crisi di liquidità"),
            "{it}"
        );
    }

    #[test]
    fn without_a_squeeze_it_says_so_up_to_the_horizon() {
        let calm = run(&Scenario {
            btc_price_shock: 1.0,
            miner_leverage: 0.0,
            ..Scenario::default()
        });
        assert_eq!(calm.squeeze_month, None);
        let end = *calm.series.months.last().expect("months");
        assert!(summary(&calm, Lang::En).starts_with(&format!(
            "No company is squeezed before {}",
            format_month(end, Lang::En)
        )));
        assert!(summary(&calm, Lang::It).starts_with("Nessuna società"));
    }

    #[test]
    fn month_counts_agree_in_number() {
        assert_eq!(month_count(1, Lang::En), "1 month");
        assert_eq!(month_count(27, Lang::It), "27 mesi");
    }
}

/// The Italian article before a percentage, capitalised: *L'* where the number is
/// read with a leading vowel (uno, otto, undici, ottanta…), *Il* otherwise.
fn italian_percent_article(percent: &str) -> &'static str {
    let whole: String = percent.chars().take_while(char::is_ascii_digit).collect();
    match whole.parse::<u32>() {
        Ok(1 | 8 | 11 | 80..=89) => "L'",
        _ => "Il ",
    }
}

#[cfg(test)]
mod article_tests {
    use super::italian_percent_article;

    #[test]
    fn percentages_take_the_article_they_are_read_with() {
        assert_eq!(italian_percent_article("11%"), "L'");
        assert_eq!(italian_percent_article("8%"), "L'");
        assert_eq!(italian_percent_article("1,5%"), "L'");
        assert_eq!(italian_percent_article("83%"), "L'");
        assert_eq!(italian_percent_article("18%"), "Il ");
        assert_eq!(italian_percent_article("100%"), "Il ");
        assert_eq!(italian_percent_article("<1%"), "Il ");
    }
}

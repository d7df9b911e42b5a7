//! Why, in dated steps: for each company the scenario squeezes, the events that
//! led there, from the model's own records — the halving's cut to its mining
//! revenue, what its lenders, tenants and markets did, what it sold — and, last,
//! the chain of causes of the month it broke. The page's why-timeline, `squeeze
//! explain` and the no-JavaScript fallback all read this one list.

use crate::events::{describe_event, describe_reason, story};
use crate::locale::{format_month, format_usd_compact, in_month, Lang};
use squeeze_model::{EventKind, Outcome, YearMonth};

/// At most this many events before the squeeze are told per company (the latest).
pub const MAX_WHY_STEPS_BEFORE: usize = 6;

/// One dated step.
#[derive(Debug, Clone, PartialEq)]
pub struct WhyStep {
    /// Months from the start (the chart month it refers to).
    pub month: u32,
    /// The calendar month.
    pub date: YearMonth,
    /// The step in words, its date first.
    pub text: String,
}

/// The steps that led one company to its squeeze.
#[derive(Debug, Clone, PartialEq)]
pub struct WhyStory {
    /// The company's id in the data (for its company view).
    pub company: &'static str,
    /// Its name.
    pub name: &'static str,
    /// The month it was squeezed.
    pub date: YearMonth,
    /// The steps, in date order; the last is the squeeze and its causes.
    pub steps: Vec<WhyStep>,
}

/// The why-timeline of an outcome: one story per squeezed company, the first
/// squeezed first. Empty when no company is squeezed.
///
/// ```
/// use squeeze_charts::{why_stories, Lang};
/// use squeeze_model::{run, Preset};
/// let o = run(&Preset::by_id("replay_2022").unwrap().scenario);
/// let stories = why_stories(&o, Lang::En);
/// assert_eq!(stories[0].name, "Core Scientific");
/// assert!(stories[0].steps.last().unwrap().text.starts_with("Why, in Oct 2022:"));
/// ```
pub fn why_stories(outcome: &Outcome, lang: Lang) -> Vec<WhyStory> {
    let halving = outcome
        .halving_date
        .and_then(|date| outcome.series.months.iter().position(|&m| m == date));
    let mut stories: Vec<WhyStory> = (outcome.miners.iter())
        .filter_map(|m| {
            let (month, reason) = (m.squeeze_month?, m.squeeze_reason.as_ref()?);
            let mut steps: Vec<WhyStep> = story(&m.events)
                .into_iter()
                .filter(|e| e.month <= month && e.kind != EventKind::Squeezed)
                .map(|e| WhyStep {
                    month: e.month,
                    date: e.date,
                    text: describe_event(&e, lang),
                })
                .collect();
            // The halving, where it came before the squeeze and cut real revenue.
            let revenue = &m.accounts.mining_revenue_usd;
            if let Some(h) = halving.filter(|&h| h > 0 && (h as u32) <= month && h < revenue.len()) {
                let (before, after) = (revenue[h - 1], revenue[h]);
                if before > 0.0 && after < before {
                    steps.push(WhyStep {
                        month: h as u32,
                        date: outcome.series.months[h],
                        text: halving_text(outcome.series.months[h], before, after, lang),
                    });
                }
            }
            steps.sort_by_key(|s| s.month);
            let keep = steps.len().saturating_sub(MAX_WHY_STEPS_BEFORE);
            steps.drain(..keep);
            steps.push(WhyStep {
                month,
                date: reason.date,
                text: describe_reason(reason, lang),
            });
            Some(WhyStory {
                company: m.id,
                name: m.name,
                date: reason.date,
                steps,
            })
        })
        .collect();
    stories.sort_by_key(|s| s.steps.last().map_or(u32::MAX, |s| s.month));
    stories
}

fn halving_text(date: YearMonth, before: f64, after: f64, lang: Lang) -> String {
    let (when, before, after) = (
        format_month(date, lang),
        format_usd_compact(before, lang),
        format_usd_compact(after, lang),
    );
    match lang {
        Lang::En => format!("{when}: the halving cuts its mining revenue from {before} to {after} a month."),
        Lang::It => format!("{when}: l'halving taglia i suoi ricavi da mining da {before} a {after} al mese."),
    }
}

/// The why-timeline as plain text, as `squeeze explain` prints it: a heading per
/// company, then its steps.
pub fn why_text(stories: &[WhyStory], lang: Lang) -> String {
    if stories.is_empty() {
        return format!(
            "{}\n",
            lang.pick(
                "No company is squeezed in this scenario: there is nothing to explain.",
                "In questo scenario nessuna società va in crisi: non c'è nulla da spiegare."
            )
        );
    }
    let mut out = String::new();
    for s in stories {
        out += &format!("{}\n", why_heading(s, lang));
        for step in &s.steps {
            out += &format!("  - {}\n", step.text);
        }
    }
    out
}

/// The heading of a company's story: en `Why Core Scientific is squeezed in Oct 2022`.
pub fn why_heading(story: &WhyStory, lang: Lang) -> String {
    let when = in_month(story.date, lang);
    match lang {
        Lang::En => format!("Why {} is squeezed {when}", story.name),
        Lang::It => format!("Perché {} va in crisi {when}", story.name),
    }
}

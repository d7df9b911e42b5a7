//! `squeeze explain`: why, in dated steps — for each company the scenario
//! squeezes, the events that led there and the causes of the month it broke.
//! The same steps, from the same function, as the page's why-timeline.

use crate::args::{ScenarioOpts, TextOrJson};
use crate::UsageError;
use squeeze_charts::{why_heading, why_stories, why_text, Lang};
use squeeze_model::run;

pub(crate) fn command(scenario: &ScenarioOpts, lang: Lang, format: TextOrJson) -> Result<String, UsageError> {
    let scenario = scenario.scenario()?;
    let outcome = run(&scenario);
    let stories = why_stories(&outcome, lang);
    Ok(match format {
        TextOrJson::Text => why_text(&stories, lang),
        TextOrJson::Json => {
            let stories: Vec<serde_json::Value> = (stories.iter())
                .map(|s| {
                    serde_json::json!({
                        "company": s.company,
                        "name": s.name,
                        "squeeze_date": s.date,
                        "heading": why_heading(s, lang),
                        "steps": s.steps.iter().map(|step| serde_json::json!({
                            "month": step.month,
                            "date": step.date,
                            "text": step.text,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let value = serde_json::json!({
                "model_version": outcome.model_version,
                "data_as_of": outcome.data_as_of,
                "lang": lang.code(),
                "stories": stories,
            });
            serde_json::to_string_pretty(&value)? + "\n"
        }
    })
}

//! `squeeze fallback --out DIR`: what a reader without JavaScript sees. For every
//! preset and language it writes the headline chart (cash runway, titled, light,
//! 720×440) as `DIR/fallback/<preset>.<lang>.svg` and an HTML fragment
//! `DIR/fallback/<preset>.<lang>.html` — a `<figure>` with that image, its text
//! alternative and the summary sentence — plus `DIR/fallback/index.json` listing
//! them. The site build injects the fragments into its pages; the output is
//! deterministic, so rebuilding changes nothing unless the model or the charts do.

use crate::UsageError;
use squeeze_charts::export::{escape_markup, source_line, standalone_svg, Standalone};
use squeeze_charts::summary::summary;
use squeeze_charts::{preset_name, ChartKind, ChartStyle, ChartView, Lang};
use squeeze_charts::{why_heading, why_stories};
use squeeze_model::{run, Outcome, Preset};
use std::path::Path;

/// The chart the fallback shows: the one that answers the article's question.
const HEADLINE: ChartKind = ChartKind::CashRunway;

/// The fallback images' size in pixels (also the `<img>` width and height).
const SIZE: (u32, u32) = squeeze_charts::export::DEFAULT_SIZE;

/// The sub-directory of `--out` that holds the files, and the prefix of the
/// image paths in the fragments (relative to the page that includes them).
const SUBDIR: &str = "fallback";

/// Runs `squeeze fallback --out DIR`.
pub(crate) fn command(out: &Path) -> Result<String, UsageError> {
    let dir = out.join(SUBDIR);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;

    let mut presets = Vec::new();
    for preset in Preset::all() {
        let outcome = run(&preset.scenario);
        let mut names = serde_json::Map::new();
        let mut files = serde_json::Map::new();
        for lang in Lang::ALL {
            let stem = format!("{}.{}", preset.id, lang.code());
            let svg_path = format!("{SUBDIR}/{stem}.svg");
            let html_path = format!("{SUBDIR}/{stem}.html");
            let svg = standalone_svg(Standalone {
                kind: HEADLINE,
                view: ChartView::new(&outcome, lang, ChartStyle::light(1.0)),
                size: SIZE,
                scenario_name: preset_name(preset, lang),
                // The figure's caption carries the summary.
                show_summary: false,
            })?;
            write(&dir.join(format!("{stem}.svg")), &svg)?;
            let html = fragment(preset, &outcome, lang, &svg_path);
            write(&dir.join(format!("{stem}.html")), &html)?;
            names.insert(lang.code().into(), preset_name(preset, lang).into());
            files.insert(
                lang.code().into(),
                serde_json::json!({ "svg": svg_path, "html": html_path }),
            );
        }
        presets.push(serde_json::json!({ "id": preset.id, "name": names, "files": files }));
    }
    let index = serde_json::json!({
        "chart": HEADLINE.id(),
        "width": SIZE.0,
        "height": SIZE.1,
        "languages": Lang::ALL.iter().map(|lang| lang.code()).collect::<Vec<_>>(),
        "presets": presets,
    });
    write(&dir.join("index.json"), &(serde_json::to_string_pretty(&index)? + "\n"))?;
    Ok(String::new())
}

fn write(path: &Path, text: &str) -> Result<(), UsageError> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()).into())
}

/// The `<figure>` for one preset in one language: the image with the chart's
/// description as its text alternative, the summary sentence, and a note naming
/// the scenario and saying what JavaScript would add.
fn fragment(preset: &Preset, outcome: &Outcome, lang: Lang, svg_path: &str) -> String {
    let alt = format!("{}. {}", HEADLINE.title(lang), HEADLINE.description(outcome, lang));
    let note = format!(
        "{}. {}",
        source_line(preset_name(preset, lang), lang),
        lang.pick(
            "A still picture: the interactive explorer needs JavaScript.",
            "Un'immagine statica: l'esploratore interattivo richiede JavaScript.",
        )
    );
    // Why, in dated steps (the page's why-timeline), for each squeezed company.
    let why: String = why_stories(outcome, lang)
        .iter()
        .map(|story| {
            let steps: String = (story.steps.iter())
                .map(|step| format!("<li>{}</li>", escape_markup(&step.text)))
                .collect();
            format!(
                "<p class=\"fallback__why\">{}</p>\n<ol>{steps}</ol>\n",
                escape_markup(&why_heading(story, lang))
            )
        })
        .collect();
    format!(
        "<figure class=\"fallback\" lang=\"{lang}\">\n\
         <img src=\"{src}\" width=\"{width}\" height=\"{height}\" alt=\"{alt}\">\n\
         <figcaption>\n\
         <p class=\"fallback__summary\">{summary}</p>\n\
         {why}\
         <p class=\"fallback__note\">{note}</p>\n\
         </figcaption>\n\
         </figure>\n",
        lang = lang.code(),
        src = escape_markup(svg_path),
        width = SIZE.0,
        height = SIZE.1,
        alt = escape_markup(&alt),
        summary = escape_markup(&summary(outcome, lang)),
        note = escape_markup(&note),
    )
}

//! `squeeze chart`, `squeeze charts` and `squeeze fallback` end to end: every
//! chart exports a well-formed standalone SVG in the chosen language, the fallback
//! writes every preset in every language with escaped text, and bad input is one
//! line on stderr with exit code 2.

use squeeze_charts::export::escape_markup;
use squeeze_charts::summary::summary;
use squeeze_charts::{preset_name, AnyChart, ChartKind, Lang, UncertaintyChart};
use squeeze_model::{run, Preset, Scenario};
use std::path::PathBuf;

mod common;

use common::{assert_usage_error, squeeze, stdout};

/// Every chart id `squeeze chart` draws, with its title in `lang`.
fn all_charts(lang: Lang) -> Vec<(&'static str, &'static str)> {
    AnyChart::ALL
        .into_iter()
        .map(|chart| (chart.id(), chart.title(lang)))
        .collect()
}

/// A fresh directory for one test's files.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("squeeze-chart-test-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Checks that `xml` is well formed as far as a reader of SVG cares: every tag
/// closed in order, attribute values quoted, no bare `<` or `&` in text, one root.
fn assert_well_formed(xml: &str) {
    let mut open: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = xml;
    while let Some(start) = rest.find(['<', '&']) {
        assert_text_is_clean(&rest[..start]);
        rest = &rest[start..];
        if rest.starts_with('&') {
            let end = rest.find(';').expect("an entity ends with ;");
            let entity = &rest[1..end];
            assert!(
                ["amp", "lt", "gt", "quot", "apos"].contains(&entity)
                    || entity.starts_with('#') && entity[1..].parse::<u32>().is_ok(),
                "unknown entity &{entity};"
            );
            rest = &rest[end + 1..];
            continue;
        }
        let end = tag_end(rest);
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let expected = open.pop().expect("a closing tag closes an open one");
            assert_eq!(name.trim(), expected, "tags close in order");
            continue;
        }
        if open.is_empty() {
            roots += 1;
        }
        let self_closing = tag.ends_with('/');
        let body = tag.trim_end_matches('/');
        let name = body.split_whitespace().next().expect("a tag name");
        assert_attributes_are_quoted(&body[name.len()..]);
        if !self_closing {
            open.push(name.to_owned());
        }
    }
    assert_text_is_clean(rest);
    assert!(open.is_empty(), "unclosed tags: {open:?}");
    assert_eq!(roots, 1, "one root element");
}

/// The index of the `>` that ends the tag at the start of `text`, skipping `>`
/// inside quoted attribute values.
fn tag_end(text: &str) -> usize {
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i,
            _ => {}
        }
    }
    panic!("unterminated tag: {}", &text[..text.len().min(80)]);
}

fn assert_text_is_clean(text: &str) {
    assert!(!text.contains('>'), "bare > in text: {text:?}");
}

fn assert_attributes_are_quoted(attributes: &str) {
    let mut rest = attributes.trim();
    while !rest.is_empty() {
        let (name, after) = rest
            .split_once('=')
            .unwrap_or_else(|| panic!("attribute without a value: {rest:?}"));
        assert!(
            !name.trim().is_empty() && !name.contains(char::is_whitespace),
            "{name:?}"
        );
        let quote = after.chars().next().expect("a value");
        assert!(quote == '"' || quote == '\'', "unquoted value in {rest:?}");
        let close = after[1..]
            .find(quote)
            .unwrap_or_else(|| panic!("unterminated value in {rest:?}"));
        let value = &after[1..=close];
        assert!(!value.contains('<'), "< inside an attribute: {value:?}");
        rest = after[close + 2..].trim_start();
    }
}

#[test]
fn the_well_formedness_check_catches_broken_markup() {
    assert_well_formed(r#"<svg a="1"><g><text x='2'>a &amp; b</text></g><rect/></svg>"#);
    for broken in [
        "<svg><g></svg>",
        "<svg></svg><svg></svg>",
        "<svg a=1></svg>",
        "<svg>a & b</svg>",
        "<svg><text>a > b</text></svg>",
        "<svg",
    ] {
        let result = std::panic::catch_unwind(|| assert_well_formed(broken));
        assert!(result.is_err(), "accepted {broken:?}");
    }
}

#[test]
fn every_chart_exports_a_well_formed_titled_svg_in_each_language() {
    for lang in Lang::ALL {
        let other = lang.pick(Lang::It, Lang::En);
        for ((id, title), (_, other_title)) in all_charts(lang).into_iter().zip(all_charts(other)) {
            // Few paths and a small map: the options are the analyst's, the
            // drawing is the same.
            let args = [
                "chart",
                id,
                "--company",
                "terawulf",
                "--lang",
                lang.code(),
                "--paths",
                "50",
                "--steps",
                "5",
                "--out",
                "-",
            ];
            let svg = stdout(&squeeze(&args));
            let case = format!("{id} {lang}");
            assert!(svg.starts_with("<svg"), "{case}");
            assert!(svg.ends_with("</svg>\n"), "{case}");
            assert_well_formed(&svg);
            assert!(svg.contains(&format!(r#"<title id="{id}-title">"#)), "{case}");
            // Company charts add the company's name: "Debt wall: TeraWulf".
            let titled = svg.contains(&format!(r#"<title id="{id}-title">{}"#, escape_markup(title)));
            assert!(titled, "{case}");
            assert!(
                !svg.contains(&escape_markup(other_title)),
                "{case}: the other language's title"
            );
            assert!(svg.contains(r#"width="720" height="440""#), "{case}: default size");
        }
    }
}

#[test]
fn italian_charts_speak_italian_and_name_the_scenario() {
    let svg = stdout(&squeeze(&[
        "chart",
        "cash-runway",
        "--preset",
        "chip_glut",
        "--lang",
        "it",
        "--out",
        "-",
    ]));
    let chip_glut = Preset::by_id("chip_glut").expect("the chip glut preset");
    assert!(svg.contains("Cassa (mln $)"), "Italian axis");
    assert!(svg.contains("Mese") && !svg.contains(">Month<"));
    assert!(svg.contains(&format!(
        "Modello Squeeze, scenario: {}",
        escape_markup(preset_name(chip_glut, Lang::It))
    )));
    // The summary sentence is the library's, in Italian, in the <desc>.
    let outcome = run(&chip_glut.scenario);
    assert!(svg.contains(&escape_markup(&summary(&outcome, Lang::It))));
    assert!(svg.contains(r#"xml:lang="it""#));
}

#[test]
fn a_changed_scenario_is_called_custom_and_a_preset_by_its_name() {
    let custom = stdout(&squeeze(&[
        "chart",
        "revenue-mix",
        "--preset",
        "base",
        "--set",
        "miner_leverage=0.33",
        "--out",
        "-",
    ]));
    assert!(custom.contains("Squeeze model, scenario: custom"));
    let base = stdout(&squeeze(&["chart", "revenue-mix", "--out", "-"]));
    assert!(base.contains(&format!("Squeeze model, scenario: {}", Preset::base().name)));
    assert_ne!(custom, base, "--set changes the chart");
    let scenario = Scenario {
        miner_leverage: 0.33,
        ..Scenario::default()
    };
    assert!(custom.contains(&escape_markup(&summary(&run(&scenario), Lang::En))));
}

#[test]
fn size_theme_and_file_output_are_honoured() {
    let dir = temp_dir("size");
    let path = dir.join("chart.svg");
    let path_text = path.to_str().expect("utf-8 path");
    let output = squeeze(&[
        "chart",
        "ai-capacity",
        "--width",
        "1000",
        "--height",
        "600",
        "--theme",
        "dark",
        "--out",
        path_text,
    ]);
    assert!(stdout(&output).is_empty(), "nothing on stdout");
    let svg = std::fs::read_to_string(&path).expect("the file was written");
    assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="600""#));
    assert_well_formed(&svg);
    let light = stdout(&squeeze(&[
        "chart",
        "ai-capacity",
        "--width",
        "1000",
        "--height",
        "600",
        "--out",
        "-",
    ]));
    assert_ne!(svg, light, "the dark theme changes the colours");
    // The same command writes the same bytes.
    let again = squeeze(&[
        "chart",
        "ai-capacity",
        "--width",
        "1000",
        "--height",
        "600",
        "--theme",
        "dark",
        "--out",
        "-",
    ]);
    assert_eq!(stdout(&again), svg);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_scenario_file_and_stdin_options_are_shared_with_run() {
    let dir = temp_dir("scenario");
    let path = dir.join("scenario.json");
    std::fs::write(&path, r#"{"ai_demand_slowdown": 0.4}"#).expect("write scenario");
    let from_file = stdout(&squeeze(&[
        "chart",
        "btc-hashprice",
        "--scenario",
        path.to_str().expect("utf-8 path"),
        "--out",
        "-",
    ]));
    let from_preset = stdout(&squeeze(&[
        "chart",
        "btc-hashprice",
        "--preset",
        "ai_demand_stalls",
        "--out",
        "-",
    ]));
    assert_eq!(from_file, from_preset);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_charts_are_listed_with_their_titles() {
    let listed = stdout(&squeeze(&["charts"]));
    let via_flag = stdout(&squeeze(&["chart", "--list"]));
    assert_eq!(listed, via_flag);
    let charts = all_charts(Lang::En);
    assert_eq!(listed.lines().count(), charts.len());
    assert_eq!(charts.len(), 11, "9 industry charts and 2 company charts");
    for (line, (id, title)) in listed.lines().zip(charts) {
        assert!(line.starts_with(&format!("{id} ")), "{line}");
        assert!(line.ends_with(title), "{line}");
    }
    let italian = stdout(&squeeze(&["charts", "--lang", "it"]));
    assert!(italian.contains(ChartKind::AiCapacity.title(Lang::It)));
    assert!(italian.contains(UncertaintyChart::SqueezeMap.title(Lang::It)));
}

#[test]
fn paths_and_seed_set_the_monte_carlo_charts() {
    let chart = |extra: &[&str]| {
        let mut args = vec!["chart", "squeeze-probability", "--preset", "chip_glut"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--out", "-"]);
        stdout(&squeeze(&args))
    };
    let hundred = chart(&["--paths", "100", "--seed", "7"]);
    assert_eq!(
        hundred,
        chart(&["--seed", "7", "--paths", "100"]),
        "same seed, same bytes"
    );
    assert!(
        hundred.contains("Over 100 simulated paths, there is "),
        "the odds in the summary"
    );
    assert!(
        hundred.contains("From 100 simulated paths."),
        "the description counts the paths"
    );
    assert_ne!(
        hundred,
        chart(&["--paths", "200", "--seed", "7"]),
        "more paths, another chart"
    );
    assert_ne!(
        hundred,
        chart(&["--paths", "100", "--seed", "8"]),
        "another seed, other paths"
    );
    // The defaults: the explorer's 1,000 paths and seed 1.
    let default = chart(&[]);
    assert_eq!(default, chart(&["--paths", "1000", "--seed", "1"]));
    assert!(default.contains("Over 1,000 simulated paths, there is "));
    let italian = stdout(&squeeze(&[
        "chart",
        "btc-price-fan",
        "--lang",
        "it",
        "--paths",
        "100",
        "--out",
        "-",
    ]));
    assert!(
        italian.contains("Su 100 percorsi simulati, c&#39;è "),
        "the Italian odds"
    );
    // Charts without a Monte Carlo take the options and draw the same.
    let plain = stdout(&squeeze(&["chart", "cash-runway", "--out", "-"]));
    let with_paths = stdout(&squeeze(&["chart", "cash-runway", "--paths", "100", "--out", "-"]));
    assert_eq!(plain, with_paths);
    assert!(!plain.contains("simulated paths"), "no odds under an outcome chart");
}

#[test]
fn the_squeeze_map_defaults_to_the_explorers_levers_and_marks_the_readers_point() {
    let default = stdout(&squeeze(&["chart", "squeeze-map", "--out", "-"]));
    let explicit = stdout(&squeeze(&[
        "chart",
        "squeeze-map",
        "--x",
        "ai_demand_slowdown",
        "--y",
        "miner_leverage",
        "--steps",
        "21",
        "--out",
        "-",
    ]));
    assert_eq!(default, explicit);
    assert_well_formed(&default);
    // plotters writes each label on a line of its own.
    let label = |svg: &str, text: &str| svg.contains(&format!(">\n{text}\n</text>"));
    assert!(label(&default, "AI demand slowdown") && label(&default, "Miner leverage"));
    assert!(
        label(&default, "current scenario"),
        "the reader's point is in the legend"
    );
    // Two circles for the legend's swatch and two (halo and ring) on the map.
    assert_eq!(default.matches("<circle").count(), 4, "the reader's point is marked");
    let other = stdout(&squeeze(&[
        "chart",
        "squeeze-map",
        "--x",
        "interest_rate",
        "--steps",
        "5",
        "--out",
        "-",
    ]));
    assert_ne!(default, other);
    assert!(label(&other, "Interest rate on new debt"), "the lever asked for");
}

#[test]
fn every_chart_draws_the_2022_replay_in_both_languages() {
    for lang in Lang::ALL {
        for (id, _) in all_charts(lang) {
            let svg = stdout(&squeeze(&[
                "chart",
                id,
                "--preset",
                "replay_2022",
                "--company",
                "core_scientific_2022",
                "--lang",
                lang.code(),
                "--paths",
                "50",
                "--steps",
                "5",
                "--out",
                "-",
            ]));
            assert_well_formed(&svg);
            assert!(
                !svg.contains("NaN") && !svg.contains("=\"inf") && !svg.contains("=\"-inf"),
                "{id} {lang}"
            );
        }
    }
}

#[test]
fn bad_chart_input_is_one_line_and_exit_code_2() {
    let dir = temp_dir("bad");
    let missing_dir = dir.join("no/such/dir/chart.svg");
    let unwritable = missing_dir.to_str().expect("utf-8 path");
    let cases: &[(&[&str], &str)] = &[
        (&["chart", "pie", "--out", "-"], "unknown chart \"pie\""),
        (&["chart", "--out", "-"], "<NAME>"),
        (&["chart", "cash-runway"], "--out"),
        (&["chart", "cash-runway", "--out"], "a value is required for '--out"),
        (
            &["chart", "cash-runway", "--width", "wide", "--out", "-"],
            "invalid value 'wide' for '--width",
        ),
        (
            &["chart", "cash-runway", "--height", "-5", "--out", "-"],
            "invalid value '-5' for '--height",
        ),
        (
            &["chart", "cash-runway", "--width", "10", "--out", "-"],
            "size 10x440 is out of range",
        ),
        (
            &["chart", "cash-runway", "--height", "100000", "--out", "-"],
            "out of range",
        ),
        (
            &["chart", "cash-runway", "--lang", "fr", "--out", "-"],
            "unknown language",
        ),
        (
            &["chart", "cash-runway", "--theme", "sepia", "--out", "-"],
            "invalid value 'sepia' for '--theme",
        ),
        (
            &["chart", "cash-runway", "--preset", "nope", "--out", "-"],
            "unknown preset",
        ),
        (
            &["chart", "cash-runway", "--set", "miner_leverage", "--out", "-"],
            "key=value",
        ),
        (
            &["chart", "cash-runway", "--colour", "red", "--out", "-"],
            "unexpected argument '--colour'",
        ),
        (
            &["chart", "cash-runway", "revenue-mix", "--out", "-"],
            "unexpected argument 'revenue-mix'",
        ),
        (&["chart", "cash-runway", "--out", unwritable], "cannot write"),
        (
            &["chart", "squeeze-probability", "--paths", "0", "--out", "-"],
            "invalid value '0' for '--paths",
        ),
        (&["chart", "btc-price-fan", "--paths", "many", "--out", "-"], "--paths"),
        (
            &["chart", "industry-cash-fan", "--paths", "100001", "--out", "-"],
            "1..=100000",
        ),
        (
            &["chart", "squeeze-probability", "--paths"],
            "a value is required for '--paths",
        ),
        (
            &["chart", "squeeze-probability", "--seed", "-1", "--out", "-"],
            "invalid value '-1' for '--seed",
        ),
        (
            &["chart", "squeeze-map", "--steps", "1", "--out", "-"],
            "invalid value '1' for '--steps",
        ),
        (&["chart", "squeeze-map", "--steps", "202", "--out", "-"], "2..=201"),
        (
            &["chart", "squeeze-map", "--x", "moon_phase", "--out", "-"],
            "unknown lever \"moon_phase\"",
        ),
        (&["chart", "squeeze-map", "--y", "nope", "--out", "-"], "unknown lever"),
        (
            &["chart", "squeeze-map", "--x", "miner_leverage", "--out", "-"],
            "two different levers",
        ),
        (
            &["chart", "tornado", "squeeze-map", "--out", "-"],
            "unexpected argument 'squeeze-map'",
        ),
        (&["charts", "--lang", "de"], "unknown language"),
        (&["fallback"], "--out <DIR>"),
        (&["fallback", "--out"], "a value is required for '--out"),
        (&["fallback", "--dir", "x"], "unexpected argument '--dir'"),
    ];
    for (args, needle) in cases {
        assert_usage_error(&squeeze(args), needle);
    }
    assert!(!missing_dir.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fallback_writes_every_preset_in_every_language_with_escaped_text() {
    let dir = temp_dir("fallback");
    let out = dir.to_str().expect("utf-8 path");
    assert!(stdout(&squeeze(&["fallback", "--out", out])).is_empty());
    let fallback = dir.join("fallback");
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fallback.join("index.json")).expect("index.json"))
            .expect("index.json is JSON");
    assert_eq!(index["chart"], ChartKind::CashRunway.id());
    assert_eq!(index["languages"], serde_json::json!(["en", "it"]));
    let listed = index["presets"].as_array().expect("a list of presets");
    assert_eq!(listed.len(), Preset::all().len());

    for (preset, entry) in Preset::all().iter().zip(listed) {
        assert_eq!(entry["id"], preset.id);
        let outcome = run(&preset.scenario);
        for lang in Lang::ALL {
            let stem = format!("{}.{}", preset.id, lang.code());
            let svg_path = format!("fallback/{stem}.svg");
            assert_eq!(entry["files"][lang.code()]["svg"], svg_path.as_str());
            assert_eq!(
                entry["files"][lang.code()]["html"],
                format!("fallback/{stem}.html").as_str()
            );
            assert_eq!(entry["name"][lang.code()], preset_name(preset, lang));

            let svg = std::fs::read_to_string(dir.join(&svg_path)).expect("the SVG");
            assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="720" height="440""#));
            assert_well_formed(&svg);
            assert!(svg.contains(&escape_markup(ChartKind::CashRunway.title(lang))));

            let html = std::fs::read_to_string(fallback.join(format!("{stem}.html"))).expect("the fragment");
            assert!(html.starts_with("<figure class=\"fallback\""), "{stem}");
            assert!(!html.contains("<html") && !html.contains("<head"), "{stem}");
            assert_well_formed(&html.replace(
                // <img> is a void element in HTML; close it for the XML check.
                "\">\n<figcaption>",
                "\"/>\n<figcaption>",
            ));
            assert!(html.contains(&format!("src=\"{svg_path}\" width=\"720\" height=\"440\"")));
            let expected_summary = format!(
                "<p class=\"fallback__summary\">{}</p>",
                escape_markup(&summary(&outcome, lang))
            );
            assert!(html.contains(&expected_summary), "{stem}: {html}");
            let alt = escape_markup(&ChartKind::CashRunway.description(&outcome, lang));
            assert!(html.contains(&alt), "{stem}: alt text");
            assert!(html.contains(&escape_markup(preset_name(preset, lang))));
            assert!(html.contains(&format!("lang=\"{}\"", lang.code())));
        }
    }
    // The Italian text has apostrophes, so escaping is exercised, not assumed.
    let italian = std::fs::read_to_string(fallback.join("base.it.html")).expect("fragment");
    assert!(italian.contains("&#39;") && !italian.contains("'"), "{italian}");

    // Deterministic: a second run into another directory writes the same bytes.
    let again = temp_dir("fallback-again");
    assert!(stdout(&squeeze(&["fallback", "--out", again.to_str().expect("utf-8")])).is_empty());
    for entry in std::fs::read_dir(&fallback).expect("list") {
        let name = entry.expect("entry").file_name();
        assert_eq!(
            std::fs::read(fallback.join(&name)).expect("first"),
            std::fs::read(again.join("fallback").join(&name)).expect("second"),
            "{name:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&again);
}

#[test]
fn fallback_into_an_unwritable_place_is_a_usage_error() {
    let dir = temp_dir("fallback-bad");
    let file = dir.join("a-file");
    std::fs::write(&file, "not a directory").expect("write");
    let output = squeeze(&["fallback", "--out", file.to_str().expect("utf-8")]);
    assert_usage_error(&output, "cannot create");
    let _ = std::fs::remove_dir_all(&dir);
}

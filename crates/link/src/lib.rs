//! # squeeze-link
//!
//! The whole explorer view — preset, language, every lever that differs from the
//! preset, and the pinned baseline — as a short `key=value&…` string for the URL
//! fragment, and back. Decoding never fails and never panics: unknown keys are
//! ignored, malformed values dropped, out-of-range values clamped, and every change
//! is reported as a [`Problem`] so the page can tell the reader. The same checks
//! apply to scenarios that a host page sends to the embedded widget
//! ([`apply_pairs`]).
//!
//! Keys: `p` preset id, `l` language, a lever's `short_key` (e.g. `lev=0.8`), `era`,
//! `company` (the company the view opens on, by its id in the data), `b` (a
//! baseline is pinned) and `b.<short_key>` / `b.era` for the baseline's
//! differences from the preset. Shared links also carry a [`Stamp`]: `v` the model
//! version, `d` the data's as-of date and `h` the headline figures the view showed
//! (`h=2030-06_155000000_1`: first squeeze or `none`, funding gap in dollars,
//! companies squeezed), so a link opened after the model or the data changed can
//! show both.
//!
//! ```
//! use squeeze_link::{decode, encode, View};
//! let mut view = View::default();
//! view.scenario.miner_leverage = 0.85;
//! let text = encode(&view);
//! assert_eq!(text, "lev=0.85");
//! assert_eq!(decode(&text).view, view);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use squeeze_charts::Lang;
use squeeze_model::{Date, Era, Lever, Outcome, Preset, Scenario, YearMonth, ERA_KEY, LEVERS, MODEL_VERSION};
use std::fmt;

/// At most this many `key=value` pairs are read; the rest are ignored (and reported).
pub const MAX_PAIRS: usize = 64;
/// Values longer than this are malformed whatever they say.
pub const MAX_VALUE_LEN: usize = 40;

const PRESET: &str = "p";
const LANG: &str = "l";
const BASELINE: &str = "b";
const BASELINE_PREFIX: &str = "b.";
/// The key of the company the view shows up close.
pub const COMPANY: &str = "company";
/// The stamp's keys: model version, data as-of date, headline figures.
const MODEL: &str = "v";
const DATA: &str = "d";
const FIGURES: &str = "h";
/// The figure `h` writes for "no squeeze".
const NONE: &str = "none";

/// The headline figures a shared view showed when its link was made.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkFigures {
    /// The first squeeze, if any.
    pub first_squeeze: Option<YearMonth>,
    /// The funding gap, $.
    pub funding_gap_usd: f64,
    /// Companies squeezed by the end.
    pub squeezed: u32,
}

impl LinkFigures {
    /// The headline figures of an outcome.
    pub fn of(outcome: &Outcome) -> Self {
        LinkFigures {
            first_squeeze: outcome.squeeze_date,
            funding_gap_usd: outcome.funding_gap_usd,
            squeezed: outcome.squeezed_operators,
        }
    }
}

/// Which model and data made a shared link, and what it showed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stamp {
    /// The model version (`"2.0"`).
    pub model: String,
    /// The data's as-of date.
    pub data_as_of: Option<Date>,
    /// The headline figures then.
    pub figures: Option<LinkFigures>,
}

impl Stamp {
    /// The stamp of `outcome`: this model, its data's date, its figures.
    pub fn of(outcome: &Outcome) -> Self {
        Stamp {
            model: outcome.model_version.to_owned(),
            data_as_of: Some(outcome.data_as_of),
            figures: Some(LinkFigures::of(outcome)),
        }
    }

    /// Whether the link was made by this model on the data `scenario` runs on.
    pub fn is_current(&self, scenario: &Scenario) -> bool {
        self.model == MODEL_VERSION && self.data_as_of.is_none_or(|d| d == scenario.era.data().as_of)
    }

    fn pairs(&self) -> String {
        let mut pairs = vec![format!("{MODEL}={}", self.model)];
        if let Some(d) = self.data_as_of {
            pairs.push(format!("{DATA}={d}"));
        }
        if let Some(f) = self.figures {
            let first = f.first_squeeze.map_or_else(|| NONE.to_owned(), |m| m.to_string());
            pairs.push(format!(
                "{FIGURES}={first}_{:.0}_{}",
                f.funding_gap_usd.max(0.0),
                f.squeezed
            ));
        }
        pairs.join("&")
    }
}

/// The view as a link to share: [`encode`] plus the [`Stamp`] of its outcome.
///
/// ```
/// use squeeze_link::{decode, encode_shared, View};
/// let view = View::default();
/// let outcome = squeeze_model::run(&view.scenario);
/// let text = encode_shared(&view, &outcome);
/// assert!(text.starts_with("v=2.0&d=2025-12-31&h=none_0_0"), "{text}");
/// let back = decode(&text);
/// assert_eq!(back.view, view);
/// assert!(back.stamp.unwrap().is_current(&view.scenario));
/// ```
pub fn encode_shared(view: &View, outcome: &Outcome) -> String {
    let fragment = encode(view);
    let stamp = Stamp::of(outcome).pairs();
    if fragment.is_empty() {
        stamp
    } else {
        format!("{fragment}&{stamp}")
    }
}

fn parse_figures(text: &str) -> Option<LinkFigures> {
    let mut parts = text.split('_');
    let (first, gap, squeezed) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let first_squeeze = if first == NONE {
        None
    } else {
        Some(first.parse::<YearMonth>().ok()?)
    };
    let funding_gap_usd = gap.parse::<f64>().ok().filter(|g| g.is_finite() && *g >= 0.0)?;
    Some(LinkFigures {
        first_squeeze,
        funding_gap_usd,
        squeezed: squeezed.parse().ok()?,
    })
}

/// A model version as links write it: digits and dots.
fn valid_version(text: &str) -> bool {
    !text.is_empty() && text.len() <= 12 && text.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Everything a shared link restores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// The scenario on screen.
    pub scenario: Scenario,
    /// The preset it started from (Reset returns to it).
    pub preset: &'static Preset,
    /// The page language.
    pub lang: Lang,
    /// The pinned baseline, if any.
    pub baseline: Option<Scenario>,
    /// The company shown up close, by its id in the scenario's data.
    pub company: Option<&'static str>,
}

impl Default for View {
    fn default() -> Self {
        let preset = Preset::base();
        Self {
            scenario: preset.scenario,
            preset,
            lang: Lang::En,
            baseline: None,
            company: None,
        }
    }
}

/// Something in the input that was not used as given.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A number outside its lever's range, pulled to the nearest end.
    Clamped {
        /// The key as given.
        key: String,
        /// The value as given.
        given: String,
        /// The value used instead.
        used: f64,
    },
    /// A value that could not be read (not a number, NaN, unknown era/preset/language).
    Dropped {
        /// The key as given.
        key: String,
        /// The value as given (shortened).
        given: String,
    },
    /// More pairs than [`MAX_PAIRS`]; these many were ignored.
    TooMany {
        /// How many pairs were ignored.
        ignored: usize,
    },
}

impl fmt::Display for Problem {
    /// An English description; the app words its own notice per language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Clamped { key, given, used } => {
                write!(f, "{key}={given} is out of range; used {used}")
            }
            Problem::Dropped { key, given } => {
                write!(f, "{key}={given} could not be read; ignored")
            }
            Problem::TooMany { ignored } => write!(f, "{ignored} extra parameters ignored"),
        }
    }
}

/// The outcome of decoding: a valid view, and what had to change to get it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The view to show; its scenarios always pass `Scenario::validate`.
    pub view: View,
    /// What was clamped or dropped, in input order.
    pub problems: Vec<Problem>,
    /// Which model and data made the link, if it says.
    pub stamp: Option<Stamp>,
}

/// The view as `key=value` pairs joined by `&`; empty for the untouched base case.
/// Numbers use the shortest text that reads back to the same `f64`.
pub fn encode(view: &View) -> String {
    let mut pairs = Vec::new();
    if view.preset.id != Preset::base().id {
        pairs.push(format!("{PRESET}={}", view.preset.id));
    }
    if view.lang != Lang::En {
        pairs.push(format!("{LANG}={}", view.lang.code()));
    }
    push_differences(&mut pairs, "", &view.scenario, &view.preset.scenario);
    if let Some(company) = view.company {
        pairs.push(format!("{COMPANY}={company}"));
    }
    if let Some(baseline) = &view.baseline {
        pairs.push(format!("{BASELINE}=1"));
        push_differences(&mut pairs, BASELINE_PREFIX, baseline, &view.preset.scenario);
    }
    pairs.join("&")
}

fn push_differences(pairs: &mut Vec<String>, prefix: &str, scenario: &Scenario, reference: &Scenario) {
    if scenario.era != reference.era {
        pairs.push(format!("{prefix}{ERA_KEY}={}", scenario.era.id()));
    }
    for lever in LEVERS {
        let value = scenario.get(lever.id);
        if value != reference.get(lever.id) {
            pairs.push(format!("{prefix}{}={value}", lever.short_key));
        }
    }
}

/// Reads a view from `key=value&…` text (a leading `#` or `?` is skipped). Never
/// fails: see the module docs for what happens to bad input.
pub fn decode(text: &str) -> Decoded {
    let text = text.trim_start_matches(['#', '?']);
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut ignored = 0;
    for part in text.split('&').filter(|part| !part.is_empty()) {
        if pairs.len() == MAX_PAIRS {
            ignored += 1;
        } else {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            pairs.push((percent_decode(key), percent_decode(value)));
        }
    }
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut problems = Vec::new();
    let mut view = View::default();
    // The preset first: lever values are differences from it.
    for (key, value) in &pairs {
        if *key == PRESET {
            match Preset::by_id(value) {
                Some(preset) => view.preset = preset,
                None => problems.push(dropped(key, value)),
            }
        }
    }
    view.scenario = view.preset.scenario;
    let mut baseline_pairs = Vec::new();
    let mut scenario_pairs = Vec::new();
    let mut company = None;
    let mut stamp: Option<Stamp> = None;
    for (key, value) in pairs {
        let stamped = Stamp::default;
        match key {
            PRESET => {}
            COMPANY => company = Some(value),
            MODEL if valid_version(value) => stamp.get_or_insert_with(stamped).model = value.to_owned(),
            DATA => match value.parse::<Date>() {
                Ok(date) => stamp.get_or_insert_with(stamped).data_as_of = Some(date),
                Err(_) => problems.push(dropped(key, value)),
            },
            FIGURES => match parse_figures(value) {
                Some(figures) => stamp.get_or_insert_with(stamped).figures = Some(figures),
                None => problems.push(dropped(key, value)),
            },
            MODEL => problems.push(dropped(key, value)),
            LANG => match Lang::from_code(value) {
                Some(lang) => view.lang = lang,
                None => problems.push(dropped(key, value)),
            },
            BASELINE => view.baseline = Some(view.preset.scenario),
            _ => match key.strip_prefix(BASELINE_PREFIX) {
                Some(inner) => baseline_pairs.push((inner, value)),
                None => scenario_pairs.push((key, value)),
            },
        }
    }
    view.scenario = apply(view.scenario, scenario_pairs, "", &mut problems);
    if let Some(id) = company {
        // A company of the scenario's era (the 2022 replay has its own companies).
        match view.scenario.era.data().company(id) {
            Some(c) => view.company = Some(c.id.as_str()),
            None => problems.push(dropped(COMPANY, id)),
        }
    }
    if !baseline_pairs.is_empty() {
        let baseline = view.baseline.unwrap_or(view.preset.scenario);
        view.baseline = Some(apply(baseline, baseline_pairs, BASELINE_PREFIX, &mut problems));
    }
    if ignored > 0 {
        problems.push(Problem::TooMany { ignored });
    }
    Decoded { view, problems, stamp }
}

/// Applies `key=value` pairs to `scenario` with the URL's rules; keys may be a
/// lever's short key or its JSON key, or `era`. Unknown keys are ignored. Used for
/// the embed widget's `squeeze:set` messages as well as URLs.
///
/// ```
/// use squeeze_link::{apply_pairs, Problem};
/// use squeeze_model::Scenario;
/// let (s, problems) = apply_pairs(Scenario::default(), [("miner_leverage", "7"), ("nonsense", "1")]);
/// assert_eq!(s.miner_leverage, 0.9);
/// assert!(matches!(problems[..], [Problem::Clamped { .. }]));
/// ```
pub fn apply_pairs<'a>(
    scenario: Scenario,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> (Scenario, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut pairs: Vec<_> = pairs.into_iter().collect();
    let ignored = pairs.len().saturating_sub(MAX_PAIRS);
    pairs.truncate(MAX_PAIRS);
    let scenario = apply(scenario, pairs, "", &mut problems);
    if ignored > 0 {
        problems.push(Problem::TooMany { ignored });
    }
    (scenario, problems)
}

fn apply<'a>(
    mut scenario: Scenario,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    prefix: &str,
    problems: &mut Vec<Problem>,
) -> Scenario {
    for (key, value) in pairs {
        let shown_key = || format!("{prefix}{key}");
        if key == ERA_KEY {
            match value.parse::<Era>() {
                Ok(era) if value.len() <= MAX_VALUE_LEN => scenario.era = era,
                _ => problems.push(dropped(&shown_key(), value)),
            }
            continue;
        }
        let Some(lever) = LEVERS.iter().find(|lever| lever.short_key == key || lever.key == key) else {
            continue; // unknown keys are ignored
        };
        match read_number(value) {
            Some(number) => {
                let used = lever.clamp(number);
                if used != number {
                    problems.push(Problem::Clamped {
                        key: shown_key(),
                        given: shorten(value),
                        used,
                    });
                }
                scenario.set(lever.id, used);
            }
            None => problems.push(dropped(&shown_key(), value)),
        }
    }
    scenario
}

/// `%XX` escapes (as browsers write them into URLs) decoded; invalid UTF-8 and
/// broken escapes are kept as text, never an error.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                // Two hex digits make one byte (at most 0xff).
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A finite number in plain decimal notation, or `None`.
fn read_number(text: &str) -> Option<f64> {
    let plain = !text.is_empty()
        && text.len() <= MAX_VALUE_LEN
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
    plain
        .then(|| text.parse::<f64>().ok())
        .flatten()
        .filter(|n| n.is_finite())
}

fn dropped(key: &str, value: &str) -> Problem {
    Problem::Dropped {
        key: shorten(key),
        given: shorten(value),
    }
}

/// At most 24 characters of untrusted text, for messages.
fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(24).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// The lever whose short or JSON key is `key`, if any.
pub fn lever_for_key(key: &str) -> Option<&'static Lever> {
    LEVERS.iter().find(|lever| lever.short_key == key || lever.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_view_is_the_empty_string() {
        assert_eq!(encode(&View::default()), "");
        assert_eq!(
            decode(""),
            Decoded {
                view: View::default(),
                problems: vec![],
                stamp: None,
            }
        );
    }

    #[test]
    fn a_full_view_reads_back_with_short_keys() {
        let preset = Preset::by_id("chip_glut").expect("preset");
        let mut scenario = preset.scenario;
        scenario.miner_leverage = 0.75;
        let mut baseline = preset.scenario;
        baseline.ai_demand_slowdown = 0.5;
        let view = View {
            scenario,
            preset,
            lang: Lang::It,
            baseline: Some(baseline),
            company: Some("terawulf"),
        };
        let text = encode(&view);
        assert_eq!(text, "p=chip_glut&l=it&lev=0.75&company=terawulf&b=1&b.ai=0.5");
        assert_eq!(
            decode(&format!("#{text}")),
            Decoded {
                view,
                problems: vec![],
                stamp: None
            }
        );
    }

    #[test]
    fn a_link_made_by_another_model_reads_its_stamp_and_says_it_is_not_current() {
        let d = decode("p=ai_demand_stalls&v=1.0&d=2025-09-30&h=2030-10_900000000_2");
        let stamp = d.stamp.expect("stamped");
        assert_eq!(stamp.model, "1.0");
        assert_eq!(stamp.data_as_of.map(|d| d.to_string()), Some("2025-09-30".to_owned()));
        let figures = stamp.figures.expect("figures");
        assert_eq!(figures.first_squeeze, Some(YearMonth::new(2030, 10)));
        assert_eq!((figures.funding_gap_usd, figures.squeezed), (9e8, 2));
        assert!(!stamp.is_current(&d.view.scenario));
        assert!(d.problems.is_empty());
        // A stamp that cannot be read is reported, and the view still opens.
        let bad = decode("p=chip_glut&v=<script>&d=yesterday&h=soon_x_1");
        assert_eq!(bad.view.preset.id, "chip_glut");
        assert_eq!(bad.problems.len(), 3, "{:?}", bad.problems);
        assert!(bad.stamp.is_none());
    }

    #[test]
    fn bad_values_are_clamped_or_dropped_and_reported() {
        let decoded = decode("lev=5&ai=NaN&chip=abc&p=nope&l=xx&zzz=1&era=1999");
        let s = decoded.view.scenario;
        assert_eq!(s.miner_leverage, 0.9);
        assert_eq!(s.ai_demand_slowdown, Scenario::default().ai_demand_slowdown);
        assert_eq!(s.validate(), Ok(()));
        assert_eq!(decoded.problems.len(), 6, "{:?}", decoded.problems);
        assert!(
            matches!(decoded.problems[0], Problem::Dropped { .. }),
            "the preset is read first"
        );
    }

    #[test]
    fn escaped_text_is_decoded_for_reading_and_reporting() {
        let decoded = decode("lev=%30.5&chip=%3Cb%3E&ai=%zz");
        assert_eq!(decoded.view.scenario.miner_leverage, 0.5);
        assert_eq!(
            decoded.problems[0],
            Problem::Dropped {
                key: "chip".into(),
                given: "<b>".into()
            }
        );
        assert_eq!(
            decoded.problems[1],
            Problem::Dropped {
                key: "ai".into(),
                given: "%zz".into()
            }
        );
    }

    #[test]
    fn a_company_must_be_one_of_the_eras_companies() {
        assert_eq!(decode("company=cipher").view.company, Some("cipher"));
        let unknown = decode("company=enron");
        assert_eq!(unknown.view.company, None);
        assert_eq!(unknown.problems, vec![dropped(COMPANY, "enron")]);
        // TeraWulf did not exist as a data-centre landlord in the 2022 replay.
        let replay = decode("p=replay_2022&company=terawulf");
        assert_eq!(replay.view.company, None);
        assert_eq!(replay.problems.len(), 1);
    }

    #[test]
    fn too_many_pairs_are_cut_and_reported() {
        let text = vec!["x=1"; MAX_PAIRS + 10].join("&");
        assert_eq!(decode(&text).problems, vec![Problem::TooMany { ignored: 10 }]);
    }
}

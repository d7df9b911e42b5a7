//! The chance of a squeeze by each month, for the industry and each company: the
//! chart, the sentence the summary uses, the description and the table.

use super::*;

/// The cumulative probability of a squeeze by each month, 0–100 %: a bold line
/// for "at least one operator", a thinner line per operator archetype (in the
/// palette order of the other charts), a dashed reference at 50 %, the halving,
/// and the month the industry line crosses 50 %, if it does. The title is left
/// to the page (see [`UncertaintyChart::title`]). A result of zero paths draws
/// the frame and a note.
///
/// ```
/// use plotters::prelude::*;
/// use squeeze_charts::{draw_squeeze_probability, ChartStyle, Lang};
/// # #[cfg(feature = "svg")] {
/// let mc = squeeze_model::monte_carlo(&Default::default(), 1, 50);
/// let mut svg = String::new();
/// {
///     let area = SVGBackend::with_string(&mut svg, (640, 400)).into_drawing_area();
///     draw_squeeze_probability(&area, &mc, Lang::En, &ChartStyle::light(1.0)).expect("drawn");
/// }
/// assert!(svg.contains("Any company"));
/// # }
/// ```
pub fn draw_squeeze_probability<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    mc: &MonteCarloResult,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    framed(area, style, |area| draw_probability_plot(area, mc, lang, style))
}

pub(crate) fn draw_probability_plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    mc: &MonteCarloResult,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut legend = vec![LegendEntry::new(
        lang.pick("Any company", "Almeno una società"),
        style.foreground,
        Swatch::Line,
    )];
    legend.extend(
        mc.miners
            .iter()
            .enumerate()
            .map(|(i, miner)| LegendEntry::new(risk_name(miner, lang), palette_colour(i), Swatch::Line)),
    );
    let plot = legend_strip(area, &legend, style)?;
    let Some(timeline) = Timeline::new(&mc.months) else {
        return Ok(());
    };
    let y_range = 0.0..100.0;
    let mut chart = time_chart(&plot, &timeline, y_range.clone(), false, style)?;
    let y_desc = lang.pick(
        "Probability of a squeeze by then (%)",
        "Probabilità di una crisi entro quel mese (%)",
    );
    draw_time_mesh(&mut chart, &timeline, y_desc, style, lang)?;
    if mc.paths == 0 {
        return no_paths_note(&mut chart, &timeline, &y_range, lang, style);
    }

    // The 50 % reference, labelled at its left end.
    let reference = REFERENCE_PROBABILITY * 100.0;
    chart.draw_series([DashedPathElement::new(
        [(0, reference), (timeline.last(), reference)],
        style.px(6.0),
        style.px(4.0),
        style.annotation().stroke_width(style.px(1.0)),
    )])?;
    label_at(
        &mut chart,
        (0, reference),
        "50%",
        (style.offset(4.0), -style.offset(3.0)),
        (HPos::Left, VPos::Bottom),
        style.font(11.0),
        style,
    )?;

    let halving = timeline
        .halving_in(mc.era)
        .map(|(x, month)| (x, halving_label(month, lang)));
    let crossing = mc
        .squeeze_probability
        .iter()
        .position(|p| *p >= REFERENCE_PROBABILITY)
        .and_then(|i| i32::try_from(i).ok())
        .and_then(|x| Some((x, timeline.month_at(x)?)))
        .map(|(x, month)| {
            let by = lang.pick("by", "entro");
            (x, format!("50% {by} {}", format_month(month, lang)))
        });
    for (row, event) in [halving, crossing].into_iter().enumerate() {
        if let Some((x, label)) = event {
            draw_event(&mut chart, &timeline, x, &label, row, style)?;
        }
    }

    for (i, miner) in mc.miners.iter().enumerate() {
        let runs = timeline.runs(&mc.months, &miner.squeeze_probability, 100.0);
        let shape = palette_colour(i).stroke_width(style.px(1.75));
        chart.draw_series(lines(runs, &y_range, shape))?;
    }
    let runs = timeline.runs(&mc.months, &mc.squeeze_probability, 100.0);
    let shape = style.foreground.stroke_width(style.px(3.5));
    chart.draw_series(lines(runs, &y_range, shape))?;
    Ok(())
}

/// A probability as a percentage of whole points, with "<1%" and ">99%" for
/// probabilities that would round to 0 or 100 without being 0 or 1.
pub(super) fn percent_text(p: f64, lang: Lang) -> String {
    match p {
        p if p > 0.0 && p < 0.005 => "<1%".to_owned(),
        p if p > 0.995 && p < 1.0 => ">99%".to_owned(),
        p => format_percent(p.clamp(0.0, 1.0), 0, lang),
    }
}

/// Whether a whole-number percentage is read starting with a vowel: en *an 8%*,
/// *an 11%*, *an 18%*, *an 80%*; it *dell'1%*, *dell'8%*, *dell'11%*, *dell'80%*.
pub(super) fn starts_with_vowel_sound(percent: &str, lang: Lang) -> bool {
    let digits = percent.trim_end_matches('%');
    match lang {
        Lang::En => digits.starts_with('8') || digits == "11" || digits == "18",
        Lang::It => digits.starts_with('8') || digits == "1" || digits == "11",
    }
}

/// "a 54% chance" / "una probabilità del 54%", with the article each number
/// needs and words for the probabilities that round to 0 or 100.
pub(super) fn chance_phrase(p: f64, lang: Lang) -> String {
    match (lang, p) {
        (Lang::En, p) if p > 0.0 && p < 0.005 => "a less than 1% chance".to_owned(),
        (Lang::En, p) if p > 0.995 && p < 1.0 => "a more than 99% chance".to_owned(),
        (Lang::It, p) if p > 0.0 && p < 0.005 => "una probabilità inferiore all'1%".to_owned(),
        (Lang::It, p) if p > 0.995 && p < 1.0 => "una probabilità superiore al 99%".to_owned(),
        (lang, p) => {
            let text = percent_text(p, lang);
            let vowel = starts_with_vowel_sound(&text, lang);
            match lang {
                Lang::En => format!("{} {text} chance", if vowel { "an" } else { "a" }),
                Lang::It => format!("una probabilità {}{text}", if vowel { "dell'" } else { "del " }),
            }
        }
    }
}

/// A month and the probability of a squeeze by its end.
pub(super) type MonthProbability = (YearMonth, f64);

/// The last month and, if the horizon reaches that far back, the month a year
/// earlier, with the industry's probability by each.
pub(super) fn headline_months(mc: &MonteCarloResult) -> Option<(MonthProbability, Option<MonthProbability>)> {
    let count = mc.months.len().min(mc.squeeze_probability.len());
    let last = count.checked_sub(1)?;
    let at = |i: usize| Some((*mc.months.get(i)?, *mc.squeeze_probability.get(i)?));
    let year_earlier = last.checked_sub(12).and_then(at);
    Some((at(last)?, year_earlier))
}

/// One clause for the app's summary sentence: the chance of a squeeze by the
/// last month, and by a year earlier when the horizon reaches back that far.
///
/// ```
/// use squeeze_charts::{probability_clause, Lang};
/// let mc = squeeze_model::monte_carlo(&Default::default(), 1, 200);
/// let en = probability_clause(&mc, Lang::En);
/// assert!(en.starts_with("a ") && en.contains("chance of a squeeze by Dec 2030 ("), "{en}");
/// let it = probability_clause(&mc, Lang::It);
/// assert!(it.starts_with("una probabilità de") && it.contains("entro dic 2030 ("), "{it}");
/// ```
pub fn probability_clause(mc: &MonteCarloResult, lang: Lang) -> String {
    let Some(((end, p_end), earlier)) = headline_months(mc).filter(|_| mc.paths > 0) else {
        return lang
            .pick("no simulated paths yet", "ancora nessuna simulazione")
            .to_owned();
    };
    let (by, squeeze) = lang.pick(("by", "of a squeeze"), ("entro", "di una crisi di liquidità"));
    let mut clause = format!(
        "{} {squeeze} {by} {}",
        chance_phrase(p_end, lang),
        format_month(end, lang)
    );
    if let Some((month, p)) = earlier {
        clause.push_str(&format!(
            " ({} {by} {})",
            percent_text(p, lang),
            format_month(month, lang)
        ));
    }
    clause
}

/// A text alternative to the probability chart: the chance that at least one
/// operator is squeezed by the end of the horizon and a year earlier, the most
/// exposed operator and how many paths the figures rest on.
///
/// ```
/// use squeeze_charts::{describe_probability, Lang};
/// let mc = squeeze_model::monte_carlo(&Default::default(), 1, 200);
/// let text = describe_probability(&mc, Lang::En);
/// assert!(text.contains("at least one company is squeezed by Dec 2030"), "{text}");
/// assert!(text.contains("200 simulated paths"), "{text}");
/// ```
pub fn describe_probability(mc: &MonteCarloResult, lang: Lang) -> String {
    let Some(((end, p_end), earlier)) = headline_months(mc) else {
        return no_data(lang).to_owned();
    };
    if mc.paths == 0 {
        return no_paths(lang).to_owned();
    }
    let paths = format_number(f64::from(mc.paths), 0, lang);
    let end_text = format_month(end, lang);
    if p_end <= 0.0 {
        return match lang {
            Lang::En => format!("No company is squeezed by {end_text} in any of {paths} simulated paths."),
            Lang::It => {
                format!("In nessuna delle {paths} simulazioni una società va in crisi di liquidità entro {end_text}.")
            }
        };
    }
    let mut text = match lang {
        Lang::En => format!(
            "{} that at least one company is squeezed by {end_text}",
            capitalised(&chance_phrase(p_end, lang))
        ),
        Lang::It => format!(
            "{} che almeno una società vada in crisi di liquidità entro {end_text}",
            capitalised(&chance_phrase(p_end, lang))
        ),
    };
    if let Some((month, p)) = earlier {
        let by = lang.pick("by", "entro");
        text.push_str(&format!(
            "; {} {by} {}",
            percent_text(p, lang),
            format_month(month, lang)
        ));
    }
    // The most exposed operators: every one at the highest probability.
    let finals: Vec<(&MinerRisk, f64)> = mc
        .miners
        .iter()
        .filter_map(|m| Some((m, *m.squeeze_probability.last()?)))
        .filter(|(_, p)| p.is_finite() && *p > 0.0)
        .collect();
    let highest = finals.iter().map(|(_, p)| *p).fold(0.0, f64::max);
    let most_exposed: Vec<&str> = finals
        .iter()
        .filter(|(_, p)| *p >= highest)
        .map(|(m, _)| risk_name(m, lang))
        .collect();
    if !most_exposed.is_empty() {
        let p = percent_text(highest, lang);
        let names: Vec<String> = most_exposed.iter().map(|name| (*name).to_owned()).collect();
        let names = match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!("{} {} {last}", rest.join(", "), lang.pick("and", "e"))
            }
            _ => names.concat(),
        };
        text.push_str(&match (lang, most_exposed.len()) {
            (Lang::En, 1) => format!("; {names} is the most exposed ({p})"),
            (Lang::En, _) => format!("; {names} are the most exposed ({p} each)"),
            (Lang::It, 1) => format!("; la società più esposta è {names} ({p})"),
            (Lang::It, _) => format!("; le più esposte sono {names} ({p} ciascuna)"),
        });
    }
    text.push_str(&match lang {
        Lang::En => format!(". From {paths} simulated paths."),
        Lang::It => format!(". Su {paths} simulazioni."),
    });
    text
}

/// The probability of a squeeze by the end of each year (and of the horizon), for
/// at least one operator and for each operator, as a table.
pub fn probability_table(mc: &MonteCarloResult, lang: Lang) -> DataTable {
    let caption = match lang {
        Lang::En => format!(
            "Probability of a liquidity squeeze by the end of each year, from {} simulated paths",
            format_number(f64::from(mc.paths), 0, lang)
        ),
        Lang::It => format!(
            "Probabilità di una crisi di liquidità entro la fine di ogni anno, su {} simulazioni",
            format_number(f64::from(mc.paths), 0, lang)
        ),
    };
    let mut headers = vec![
        lang.pick("By the end of", "Entro la fine di").to_owned(),
        lang.pick("Any company", "Almeno una società").to_owned(),
    ];
    headers.extend(mc.miners.iter().map(|m| risk_name(m, lang).to_owned()));
    let cell = |values: &[f64], i: usize| match values.get(i) {
        Some(p) if mc.paths > 0 => format_percent(*p, 1, lang),
        _ => MISSING.to_owned(),
    };
    let rows = year_ends(&mc.months)
        .into_iter()
        .map(|i| {
            let mut row = vec![format_month(mc.months[i], lang), cell(&mc.squeeze_probability, i)];
            row.extend(mc.miners.iter().map(|m| cell(&m.squeeze_probability, i)));
            row
        })
        .collect();
    DataTable { caption, headers, rows }
}

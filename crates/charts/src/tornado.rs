//! The tornado: what moves the first squeeze most. One horizontal bar per lever,
//! in the order of the model's [`Tornado`] (largest swing on top); each bar runs
//! from the scenario's own months to the first squeeze (a dashed vertical line)
//! to the months with the lever at its minimum (solid) and at its maximum
//! (hatched), so colour is never the only cue. The right edge of the axis is
//! "no squeeze within the horizon".

use crate::levers::{format_lever_value, in_sentence, lever_label};
use crate::locale::{format_month, format_number, format_percent, Lang};
use crate::style::{ChartStyle, PALETTE};
use crate::table::DataTable;
use crate::timeline::{hatch_fill, hatch_stripe, legend_strip, LegendEntry, Swatch};
use crate::uncertainty::framed;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use squeeze_model::{SensitivityPoint, Tornado, TornadoBar};

/// The colour of the lever-at-its-minimum end (blue), and of the maximum end
/// (vermillion, hatched).
const LOW_END: RGBColor = PALETTE[0];
const HIGH_END: RGBColor = PALETTE[1];

/// The chart's units (plotters' key points need integers): a tenth of a month
/// across, a hundredth of a bar's row down.
const PER_MONTH: i32 = 10;
const PER_ROW: i32 = 100;

/// Half a bar's thickness, and the space above the first bar for the scenario
/// line's label, in hundredths of a row.
const HALF_BAR: i32 = 32;
const LABEL_ROOM: i32 = 80;

/// Levers named in the description.
const DESCRIBED_LEVERS: usize = 3;

/// Draws the tornado of `tornado` on `area`: a bar per lever computed so far
/// (labels in `lang`), the scenario's own months to the first squeeze as a
/// dashed line, and a legend for the two ends. The title is left to the page
/// (see [`UncertaintyChart::Tornado`](crate::UncertaintyChart)). With no bars
/// yet it draws the frame and a note.
///
/// ```
/// use plotters::prelude::*;
/// use squeeze_charts::{draw_tornado, ChartStyle, Lang};
/// # #[cfg(feature = "svg")] {
/// let tornado = squeeze_model::tornado(&Default::default());
/// let mut svg = String::new();
/// {
///     let area = SVGBackend::with_string(&mut svg, (640, 400)).into_drawing_area();
///     draw_tornado(&area, &tornado, Lang::It, &ChartStyle::light(1.0)).expect("drawn");
/// }
/// assert!(svg.contains("Leva al massimo"));
/// # }
/// ```
pub fn draw_tornado<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    tornado: &Tornado,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    framed(area, style, |area| draw_plot(area, tornado, lang, style))
}

/// Months to the first squeeze in chart units ("none" = the horizon).
fn months_to(point: &SensitivityPoint, horizon: i32) -> i32 {
    point
        .squeeze_month
        .and_then(|m| i32::try_from(m).ok())
        .map_or(horizon, |m| (m * PER_MONTH).min(horizon))
}

/// Ticks every year (every quarter on horizons under two years), and the
/// horizon itself, in months.
fn ticks(horizon: i32) -> Vec<i32> {
    let step = match horizon {
        h if h >= 24 => 12,
        h if h >= 6 => 3,
        _ => 1,
    };
    let mut ticks: Vec<i32> = (0..horizon).step_by(step).collect();
    ticks.push(horizon);
    ticks
}

pub(crate) fn draw_plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    tornado: &Tornado,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let legend = [
        LegendEntry::new(
            lang.pick("Lever at its minimum", "Leva al minimo"),
            LOW_END,
            Swatch::Area,
        ),
        LegendEntry::new(
            lang.pick("Lever at its maximum", "Leva al massimo"),
            HIGH_END,
            Swatch::Hatch,
        ),
        LegendEntry::new(
            lang.pick("Scenario as set", "Scenario impostato"),
            style.foreground,
            Swatch::Ghost,
        ),
    ];
    let plot = legend_strip(area, &legend, style)?;
    let bars = &tornado.bars;
    let count = bars.len();
    // At most ten years of months, which keeps every product below in i32.
    let horizon_months = i32::try_from(tornado.horizon_months.clamp(1, 1200)).unwrap_or(1);
    let horizon = horizon_months * PER_MONTH;
    let labels: Vec<&str> = bars.iter().map(|bar| lever_label(bar.lever, lang)).collect();

    // Room on the left for the longest label, within reason.
    let font = style.font(12.0);
    let mut label_width = 0;
    for label in &labels {
        label_width = label_width.max(plot.estimate_text_size(label, &font)?.0);
    }
    let (width, _) = plot.dim_in_pixel();
    let label_area = (label_width + style.px(16.0)).clamp(style.px(60.0), (width * 9 / 20).max(style.px(60.0)));

    let rows = i32::try_from(count.clamp(1, 1000)).unwrap_or(1) * PER_ROW;
    let (bottom, top) = (-PER_ROW / 2, rows - PER_ROW / 2 + LABEL_ROOM);
    let y_points: Vec<i32> = (0..rows / PER_ROW).map(|i| i * PER_ROW).collect();
    let x_points = ticks(horizon_months).into_iter().map(|m| m * PER_MONTH).collect();
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(style.px(8.0))
        // Room for the "none" label centred on the right edge.
        .margin_right(style.px(28.0))
        .margin_top(style.px(4.0))
        .margin_bottom(style.px(4.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(label_area)
        .build_cartesian_2d(
            (0..horizon).with_key_points(x_points),
            (bottom..top).with_key_points(y_points),
        )?;
    // Bar i sits at row count − 1 − i, so the first (largest swing) is on top.
    let row_of = |i: usize| rows - PER_ROW - i32::try_from(i).unwrap_or(0) * PER_ROW;
    let label_of_row = |y: &i32| {
        if y.rem_euclid(PER_ROW) != 0 {
            return String::new();
        }
        usize::try_from(y / PER_ROW)
            .ok()
            .and_then(|row| count.checked_sub(1 + row))
            .and_then(|i| labels.get(i))
            .map_or_else(String::new, |label| (*label).to_owned())
    };
    let none = lang.pick("none", "nessuna");
    let x_label = |x: &i32| {
        if *x >= horizon {
            none.to_owned()
        } else {
            format_number(f64::from(*x) / f64::from(PER_MONTH), 0, lang)
        }
    };
    let x_desc = match lang {
        Lang::En => {
            format!("Months to the first squeeze (none: no squeeze within {horizon_months} months)")
        }
        Lang::It => format!("Mesi alla prima crisi di liquidità (nessuna: nessuna crisi entro {horizon_months} mesi)"),
    };
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(style.grid)
        .axis_style(style.foreground)
        .label_style(style.font(12.0))
        .axis_desc_style(style.font(13.0))
        .x_desc(x_desc)
        .x_label_formatter(&x_label)
        .y_label_formatter(&label_of_row)
        .draw()?;

    let base = months_to(&tornado.base, horizon);
    if count == 0 {
        chart.draw_series([Text::new(
            lang.pick("No lever computed yet.", "Nessuna leva ancora calcolata.")
                .to_owned(),
            (horizon / 2, 0),
            style.font(13.0).pos(Pos::new(HPos::Center, VPos::Center)),
        )])?;
    }

    // Stripes about every 5 CSS pixels, whatever the plot's width.
    let plot_width = i64::from(chart.plotting_area().dim_in_pixel().0.max(1));
    let stripe_step = i64::from(horizon) * i64::from(style.px(5.0)) / plot_width;
    let stripe_step = i32::try_from(stripe_step.max(1)).unwrap_or(PER_MONTH);
    for (i, bar) in bars.iter().enumerate() {
        let y = row_of(i);
        let (low, high) = (months_to(&bar.low, horizon), months_to(&bar.high, horizon));
        // The longer segment first, so the shorter stays visible over it.
        let mut ends = [(low, false), (high, true)];
        ends.sort_by_key(|(end, _)| std::cmp::Reverse((end - base).abs()));
        for (end, is_high) in ends {
            if end == base {
                continue;
            }
            let (from, to) = (base.min(end), base.max(end));
            let corners = [(from, y - HALF_BAR), (to, y + HALF_BAR)];
            if is_high {
                chart.draw_series([Rectangle::new(corners, hatch_fill(HIGH_END))])?;
                let stripes = (from + stripe_step..to)
                    .step_by(usize::try_from(stripe_step).unwrap_or(1))
                    .map(|x| {
                        PathElement::new(
                            vec![(x, y - HALF_BAR), (x, y + HALF_BAR)],
                            hatch_stripe(HIGH_END, style),
                        )
                    });
                chart.draw_series(stripes)?;
                let outline = HIGH_END.stroke_width(style.px(1.0));
                chart.draw_series([Rectangle::new(corners, outline)])?;
            } else {
                chart.draw_series([Rectangle::new(corners, LOW_END.mix(0.75).filled())])?;
            }
        }
    }

    // The scenario's own months, with its label above the bars.
    let line_top = rows - PER_ROW / 2;
    chart.draw_series([DashedPathElement::new(
        [(base, bottom), (base, line_top)],
        style.px(4.0),
        style.px(3.0),
        style.foreground.stroke_width(style.px(1.5)),
    )])?;
    let label = match (lang, tornado.base.squeeze_month) {
        (_, Some(m)) => format!("Scenario: {}", months_text(m, lang)),
        (Lang::En, None) => "Scenario: no squeeze".to_owned(),
        (Lang::It, None) => "Scenario: nessuna crisi".to_owned(),
    };
    let (hpos, dx) = if base > horizon * 3 / 5 {
        (HPos::Right, -style.offset(4.0))
    } else {
        (HPos::Left, style.offset(4.0))
    };
    chart.draw_series([EmptyElement::at((base, line_top))
        + Text::new(
            label,
            (dx, -style.offset(4.0)),
            style.font(11.0).pos(Pos::new(hpos, VPos::Bottom)),
        )])?;
    Ok(())
}

/// `15 months` / `15 mesi`, `1 month` / `1 mese`.
fn months_text(months: u32, lang: Lang) -> String {
    match (lang, months) {
        (Lang::En, 1) => "1 month".to_owned(),
        (Lang::En, m) => format!("{m} months"),
        (Lang::It, 1) => "1 mese".to_owned(),
        (Lang::It, m) => format!("{m} mesi"),
    }
}

/// The first squeeze of a point as a phrase: `15 months (Apr 2027)` or
/// `none within 60 months`.
fn squeeze_phrase(point: &SensitivityPoint, horizon: u32, lang: Lang) -> String {
    match (point.squeeze_month, point.squeeze_date) {
        (Some(m), Some(date)) => format!("{} ({})", months_text(m, lang), format_month(date, lang)),
        (Some(m), None) => months_text(m, lang),
        (None, _) => match lang {
            Lang::En => format!("none within {}", months_text(horizon, lang)),
            Lang::It => format!("nessuna entro {}", months_text(horizon, lang)),
        },
    }
}

/// One lever's bar in words: `AI demand slowdown: 15 months (Apr 2027) at 100%,
/// none within 60 months at 0%`, the sooner end first.
fn bar_phrase(bar: &TornadoBar, horizon: u32, lang: Lang) -> String {
    let at = lang.pick("at", "con valore");
    let end = |point: &SensitivityPoint, value: f64| {
        format!(
            "{} {at} {}",
            squeeze_phrase(point, horizon, lang),
            format_lever_value(bar.lever, value, lang)
        )
    };
    let (mut first, mut second) = ((&bar.low, bar.low_value), (&bar.high, bar.high_value));
    if second.0.months_to_squeeze < first.0.months_to_squeeze {
        std::mem::swap(&mut first, &mut second);
    }
    format!(
        "{}: {}, {}",
        lever_label(bar.lever, lang),
        end(first.0, first.1),
        end(second.0, second.1)
    )
}

/// A text alternative to the tornado: the scenario's own first squeeze, the
/// levers that move it most with the months at each end, and how many levers do
/// not move it at all.
///
/// ```
/// use squeeze_charts::{describe_tornado, Lang};
/// let tornado = squeeze_model::tornado(&Default::default());
/// let text = describe_tornado(&tornado, Lang::En);
/// assert!(text.contains("AI demand slowdown"), "{text}");
/// ```
pub fn describe_tornado(tornado: &Tornado, lang: Lang) -> String {
    let horizon = tornado.horizon_months;
    let mut text = match (lang, tornado.base.squeeze_month) {
        (Lang::En, Some(_)) => format!(
            "As set, the first squeeze comes in {}.",
            squeeze_phrase(&tornado.base, horizon, lang)
        ),
        (Lang::It, Some(_)) => format!(
            "Con lo scenario impostato la prima crisi di liquidità arriva in {}.",
            squeeze_phrase(&tornado.base, horizon, lang)
        ),
        (Lang::En, None) => format!("As set, no company is squeezed within {}.", months_text(horizon, lang)),
        (Lang::It, None) => format!(
            "Con lo scenario impostato nessuna società va in crisi di liquidità entro {}.",
            months_text(horizon, lang)
        ),
    };
    if tornado.bars.is_empty() {
        text.push(' ');
        text.push_str(lang.pick("No lever computed yet.", "Nessuna leva ancora calcolata."));
        return text;
    }
    let moving: Vec<&TornadoBar> = tornado.bars.iter().filter(|bar| bar.months_swing > 0).collect();
    if moving.is_empty() {
        text.push(' ');
        text.push_str(lang.pick(
            "No single lever, from its minimum to its maximum, moves the first squeeze.",
            "Nessuna leva, dal minimo al massimo, sposta da sola la prima crisi.",
        ));
        return text;
    }
    let phrases: Vec<String> = moving
        .iter()
        .take(DESCRIBED_LEVERS)
        .map(|bar| bar_phrase(bar, horizon, lang))
        .collect();
    text.push(' ');
    text.push_str(lang.pick("What moves it most: ", "Cosa la sposta di più: "));
    text.push_str(&phrases.join("; "));
    text.push('.');
    let still: Vec<String> = tornado
        .bars
        .iter()
        .filter(|bar| bar.months_swing == 0)
        .map(|bar| in_sentence(lever_label(bar.lever, lang)))
        .collect();
    if !still.is_empty() {
        text.push(' ');
        text.push_str(&match (lang, still.len()) {
            (Lang::En, 1) => format!("It does not move with {}.", still[0]),
            (Lang::En, _) => format!("It does not move with {}.", still.join(", ")),
            (Lang::It, 1) => format!("Non si sposta con: {}.", still[0]),
            (Lang::It, _) => format!("Non si sposta con: {}.", still.join(", ")),
        });
    }
    text
}

/// The tornado as a table, one row per lever in the chart's order: each end's
/// value and first squeeze, and the swing in months.
pub fn tornado_table(tornado: &Tornado, lang: Lang) -> DataTable {
    let horizon = tornado.horizon_months;
    let caption = match lang {
        Lang::En => format!(
            "First squeeze and distressed capacity with each lever at its minimum and at its maximum, everything else as set (as set: {})",
            squeeze_phrase(&tornado.base, horizon, lang)
        ),
        Lang::It => format!(
            "Prima crisi di liquidità e capacità in difficoltà con ogni leva al minimo e al massimo, il resto come impostato (scenario impostato: {})",
            squeeze_phrase(&tornado.base, horizon, lang)
        ),
    };
    let headers = [
        lang.pick("Lever", "Leva"),
        lang.pick("Minimum", "Minimo"),
        lang.pick("First squeeze at the minimum", "Prima crisi al minimo"),
        lang.pick("Maximum", "Massimo"),
        lang.pick("First squeeze at the maximum", "Prima crisi al massimo"),
        lang.pick("Swing (months)", "Escursione (mesi)"),
        lang.pick(
            "AI capacity in distress at the minimum",
            "Capacità IA in difficoltà al minimo",
        ),
        lang.pick(
            "AI capacity in distress at the maximum",
            "Capacità IA in difficoltà al massimo",
        ),
    ]
    .map(str::to_owned)
    .to_vec();
    let rows = tornado
        .bars
        .iter()
        .map(|bar| {
            vec![
                lever_label(bar.lever, lang).to_owned(),
                format_lever_value(bar.lever, bar.low_value, lang),
                squeeze_phrase(&bar.low, horizon, lang),
                format_lever_value(bar.lever, bar.high_value, lang),
                squeeze_phrase(&bar.high, horizon, lang),
                bar.months_swing.to_string(),
                format_percent(bar.low.distressed_capacity_share, 0, lang),
                format_percent(bar.high.distressed_capacity_share, 0, lang),
            ]
        })
        .collect();
    DataTable { caption, headers, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_end_at_the_horizon() {
        assert_eq!(ticks(60), vec![0, 12, 24, 36, 48, 60]);
        assert_eq!(ticks(12), vec![0, 3, 6, 9, 12]);
        assert_eq!(ticks(1), vec![0, 1]);
    }

    #[test]
    fn month_counts_agree_in_number() {
        assert_eq!(months_text(1, Lang::En), "1 month");
        assert_eq!(months_text(15, Lang::It), "15 mesi");
    }
}

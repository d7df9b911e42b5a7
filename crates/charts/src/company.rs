//! The company view's two charts: its debt wall (what falls due each year, by
//! instrument) and its cash runway with the dates of its maturities marked. Each
//! comes with a description and a data table, like every other chart.

use crate::locale::{format_month, format_number, format_usd_compact, in_month, Lang};
use crate::style::{palette_colour, ChartStyle, PALETTE};
use crate::table::{Column, DataTable};
use crate::timeline::{
    draw_event, draw_mesh, ghost_lines, label_at, legend_strip, line_style, lines, outcome_frame, time_chart,
    value_range, LegendEntry, Swatch,
};
use crate::ChartView;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use squeeze_model::data::TrancheKind;
use squeeze_model::{maturities_in_run, CompanyView, MinerOutcome, WallEntry};

const MILLION: f64 = 1e6;

/// The two charts of the company view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompanyChart {
    /// Principal falling due each year, by instrument.
    DebtWall,
    /// The company's cash each month, with its maturities and puts marked.
    CompanyRunway,
}

impl CompanyChart {
    /// Both, in display order.
    pub const ALL: [CompanyChart; 2] = [CompanyChart::DebtWall, CompanyChart::CompanyRunway];

    /// The stable kebab-case id.
    pub fn id(self) -> &'static str {
        match self {
            CompanyChart::DebtWall => "debt-wall",
            CompanyChart::CompanyRunway => "company-runway",
        }
    }

    /// The chart's title, without the company's name.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            CompanyChart::DebtWall => lang.pick("Debt wall", "Muro del debito"),
            CompanyChart::CompanyRunway => lang.pick("Cash and maturities", "Cassa e scadenze"),
        }
    }
}

/// What readers call an instrument kind.
pub fn kind_label(kind: TrancheKind, lang: Lang) -> &'static str {
    match kind {
        TrancheKind::Convertible => lang.pick("Convertible notes", "Obbligazioni convertibili"),
        TrancheKind::SeniorNotes => lang.pick("Senior notes", "Obbligazioni senior"),
        TrancheKind::SecuredNotes => lang.pick("Secured notes", "Obbligazioni garantite"),
        TrancheKind::ProjectBond => lang.pick("Project bonds", "Obbligazioni di progetto"),
        TrancheKind::BtcBacked => lang.pick("Bitcoin-backed loans", "Prestiti garantiti da bitcoin"),
        TrancheKind::EquipmentLoan => lang.pick("Equipment loans", "Finanziamenti su macchinari"),
        TrancheKind::TermLoan => lang.pick("Term loans", "Prestiti a termine"),
        TrancheKind::Revolver => lang.pick("Credit lines", "Linee di credito"),
        TrancheKind::PromissoryNote => lang.pick("Promissory notes", "Pagherò"),
    }
}

/// A fixed colour per instrument kind, so a kind looks the same for every company.
fn kind_colour(kind: TrancheKind) -> RGBColor {
    let index = TrancheKind::ALL.iter().position(|(k, _)| *k == kind).unwrap_or(0);
    PALETTE[index % PALETTE.len()]
}

/// Draws the debt wall of `company`: one stacked bar per year of principal falling
/// due (a holders' put counts in its year), by instrument, in US$ millions.
pub fn draw_debt_wall<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    company: &CompanyView,
    lang: Lang,
    style: &ChartStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let kinds: Vec<TrancheKind> = TrancheKind::ALL
        .iter()
        .map(|(k, _)| *k)
        .filter(|k| {
            company
                .wall_by_year
                .iter()
                .any(|y| y.by_kind_usd.iter().any(|(kk, usd)| kk == k && *usd > 0.0))
        })
        .collect();
    let legend: Vec<LegendEntry> = kinds
        .iter()
        .map(|&k| LegendEntry::new(kind_label(k, lang), kind_colour(k), Swatch::Area))
        .collect();
    let plot = legend_strip(area, &legend, style)?;
    let years = &company.wall_by_year;
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return Ok(());
    };
    let top = years.iter().map(|y| y.total_usd() / MILLION).fold(0.0, f64::max);
    let y_range = value_range([0.0, top * 1.08], true);
    let mut chart = ChartBuilder::on(&plot)
        .margin_left(style.px(8.0))
        .margin_right(style.px(16.0))
        .margin_top(style.px(8.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(64.0))
        .build_cartesian_2d((first.year - 1) * 2 + 1..last.year * 2 + 1, y_range.clone())?;
    let decimals = crate::timeline::axis_decimals(&y_range);
    let x_label = |x: &i32| if x % 2 == 0 { (x / 2).to_string() } else { String::new() };
    let y_label = |v: &f64| format_number(*v, decimals, lang);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(style.grid)
        .axis_style(style.foreground)
        .label_style(style.font(12.0))
        .axis_desc_style(style.font(13.0))
        .x_desc(lang.pick("Year due", "Anno di scadenza"))
        .y_desc(lang.pick("Principal (US$ millions)", "Capitale (mln $)"))
        .x_labels(years.len() * 2 + 2)
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()?;
    for year in years {
        let mut bottom = 0.0;
        let x = year.year * 2;
        for &(kind, usd) in &year.by_kind_usd {
            if usd <= 0.0 {
                continue;
            }
            let top = bottom + usd / MILLION;
            chart.draw_series([Rectangle::new(
                [(x - 1, bottom), (x + 1, top)],
                kind_colour(kind).mix(0.85).filled(),
            )])?;
            chart.draw_series([Rectangle::new(
                [(x - 1, bottom), (x + 1, top)],
                style.background.stroke_width(style.px(1.0)),
            )])?;
            bottom = top;
        }
        if bottom > 0.0 {
            let label = format_usd_compact(bottom * MILLION, lang);
            plot.draw(&Text::new(
                label,
                chart.backend_coord(&(x, bottom)),
                style.font(11.0).pos(Pos::new(HPos::Center, VPos::Bottom)),
            ))?;
        }
    }
    Ok(())
}

/// Draws one company's cash each month in `view`'s outcome (and the pinned
/// baseline's as a ghost), the zero line, a dashed marker at every maturity and
/// put inside the run, and a ring at its squeeze.
pub fn draw_company_runway<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &ChartView<'_>,
    company: &CompanyView,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (lang, style) = (view.lang, &view.style);
    let Some(miner) = view.outcome.miner(company.id) else {
        return Ok(());
    };
    let colour = palette_colour(view.outcome.miners.iter().position(|m| m.id == company.id).unwrap_or(0));
    let mut legend = vec![LegendEntry::new(company.name, colour, Swatch::Line)];
    legend.push(LegendEntry::new(
        lang.pick("Due date", "Scadenza"),
        style.foreground,
        Swatch::Ghost,
    ));
    if miner.squeeze_month.is_some() {
        legend.push(LegendEntry::new(
            lang.pick("Squeeze", "Crisi di liquidità"),
            style.foreground,
            Swatch::Ring,
        ));
    }
    let Some((plot, timeline)) = outcome_frame(area, view, legend)? else {
        return Ok(());
    };
    let ghost = view.baseline.and_then(|b| b.miner(company.id));
    let cash = miner.cash_usd.iter().chain(ghost.map_or(&[][..], |g| &g.cash_usd[..]));
    let y_range = value_range(cash.map(|c| c / MILLION), true);
    let mut chart = time_chart(&plot, &timeline, y_range.clone(), false, style)?;
    draw_mesh(
        &mut chart,
        &timeline,
        lang.pick("Cash (US$ millions)", "Cassa (mln $)"),
        view,
    )?;
    chart.draw_series([PathElement::new(
        [(0, 0.0), (timeline.last(), 0.0)],
        style.foreground.stroke_width(style.px(1.0)),
    )])?;
    let start = view.outcome.series.months[0];
    let months = view.outcome.series.months.len() as u32;
    for (row, (month, entry)) in maturities_in_run(&company.wall, start, months).into_iter().enumerate() {
        if let Some(x) = timeline.index_of_offset(month) {
            draw_event(&mut chart, &timeline, x, &due_label(entry, lang), row % 3, style)?;
        }
    }
    if let Some(ghost) = ghost {
        let base = view.baseline.map_or(&view.outcome.series.months, |b| &b.series.months);
        let runs = timeline.runs(base, &ghost.cash_usd, 1.0 / MILLION);
        chart.draw_series(ghost_lines(runs, &y_range, colour, style))?;
    }
    let runs = timeline.runs(&view.outcome.series.months, &miner.cash_usd, 1.0 / MILLION);
    chart.draw_series(lines(runs, &y_range, line_style(colour, style)))?;
    if let Some(x) = miner.squeeze_month.and_then(|m| timeline.index_of_offset(m)) {
        let cash = usize::try_from(x)
            .ok()
            .and_then(|m| miner.cash_usd.get(m))
            .copied()
            .unwrap_or(0.0)
            / MILLION;
        let at = (x, cash.clamp(y_range.start, y_range.end));
        let label = timeline.month_at(x).map(|m| format_month(m, lang)).unwrap_or_default();
        label_at(
            &mut chart,
            at,
            &label,
            (style.offset(6.0), -style.offset(6.0)),
            (HPos::Left, VPos::Bottom),
            style.font(11.0),
            style,
        )?;
        chart.draw_series([Circle::new(at, style.px(6.0), colour.stroke_width(style.px(2.5)))])?;
    }
    Ok(())
}

/// A marker's label: the amount and whether it is a put.
fn due_label(entry: &WallEntry, lang: Lang) -> String {
    let amount = format_usd_compact(entry.principal_usd, lang);
    if entry.put {
        lang.pick(format!("{amount} put"), format!("{amount} put"))
    } else {
        lang.pick(format!("{amount} due"), format!("{amount} in scadenza"))
    }
}

/// The debt wall as a table: one row per maturity or put.
pub fn wall_table(company: &CompanyView, lang: Lang) -> DataTable {
    let headers = [
        lang.pick("Date", "Data"),
        lang.pick("Debt", "Debito"),
        lang.pick("Kind", "Tipo"),
        lang.pick("Principal", "Capitale"),
        lang.pick("Terms", "Condizioni"),
    ];
    let rows = company
        .wall
        .iter()
        .map(|e| {
            vec![
                e.date.to_string(),
                e.label.to_owned(),
                kind_label(e.kind, lang).to_owned(),
                format_usd_compact(e.principal_usd, lang),
                terms(e, lang),
            ]
        })
        .collect();
    DataTable {
        caption: lang
            .pick(
                "Maturities and holders' puts, principal at the data's date",
                "Scadenze e opzioni put, capitale alla data dei dati",
            )
            .to_owned(),
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows,
    }
}

/// What decides whether an entry costs cash, in words.
fn terms(e: &WallEntry, lang: Lang) -> String {
    let mut parts = Vec::new();
    if e.put {
        parts.push(lang.pick("holders' put", "put degli obbligazionisti").to_owned());
    }
    if let Some(price) = e.conversion_price_usd {
        let price = format_number(price, 2, lang);
        parts.push(lang.pick(
            format!("converts into shares above ${price}"),
            format!("si converte in azioni sopra ${price}"),
        ));
    }
    if e.limited_recourse {
        parts.push(
            lang.pick("no recourse to the parent", "senza rivalsa sulla capogruppo")
                .to_owned(),
        );
    }
    parts.join("; ")
}

/// The company's cash each month as a table.
pub fn runway_table(view: &ChartView<'_>, company: &CompanyView) -> DataTable {
    let lang = view.lang;
    let caption = lang.pick(
        "Cash at the end of each month, US$ millions",
        "Cassa a fine mese, milioni di dollari",
    );
    let columns = view
        .outcome
        .miner(company.id)
        .map(|m| {
            vec![Column::of(company.name.to_owned(), &m.cash_usd, move |c| {
                format_number(c / MILLION, 1, lang)
            })]
        })
        .unwrap_or_default();
    DataTable::monthly(caption.to_owned(), &view.outcome.series.months, columns, lang)
}

/// The debt wall in words: the total, the biggest year, and what is due within the run.
pub fn describe_wall(company: &CompanyView, lang: Lang) -> String {
    let total: f64 = company.wall_by_year.iter().map(|y| y.total_usd()).sum();
    let Some(peak) = company
        .wall_by_year
        .iter()
        .max_by(|a, b| a.total_usd().total_cmp(&b.total_usd()))
    else {
        return lang.pick("No debt falls due.", "Nessun debito in scadenza.").to_owned();
    };
    if total <= 0.0 {
        return lang.pick("No debt falls due.", "Nessun debito in scadenza.").to_owned();
    }
    let (total, peak_usd) = (
        format_usd_compact(total, lang),
        format_usd_compact(peak.total_usd(), lang),
    );
    let converts = company
        .wall
        .iter()
        .filter(|e| e.conversion_price_usd.is_some() && !e.put)
        .count();
    let puts = company.wall.iter().filter(|e| e.put).count();
    let (name, year) = (&company.name, peak.year);
    let first = match lang {
        Lang::En => format!("{name} has {total} of debt falling due, most in {year} ({peak_usd})."),
        Lang::It => format!("{name} ha {total} di debito in scadenza, soprattutto nel {year} ({peak_usd})."),
    };
    let converts_text = match (lang, converts) {
        (_, 0) => String::new(),
        (Lang::En, 1) => " One convertible issue turns into shares if the share price is above its conversion price at maturity.".to_owned(),
        (Lang::En, n) => format!(" {n} convertible issues turn into shares if the share price is above their conversion price at maturity."),
        (Lang::It, 1) => " Un'emissione convertibile si trasforma in azioni se alla scadenza il prezzo dell'azione supera quello di conversione.".to_owned(),
        (Lang::It, n) => format!(" {n} emissioni convertibili si trasformano in azioni se alla scadenza il prezzo dell'azione supera quello di conversione."),
    };
    let puts_text = match (lang, puts) {
        (_, 0) => String::new(),
        (Lang::En, 1) => " Holders can put one issue back for cash earlier (shown at its put date).".to_owned(),
        (Lang::En, n) => format!(" Holders can put {n} issues back for cash earlier (shown at their put dates)."),
        (Lang::It, 1) => " Gli obbligazionisti possono chiedere prima il rimborso di un'emissione (indicata alla data dell'opzione).".to_owned(),
        (Lang::It, n) => format!(" Gli obbligazionisti possono chiedere prima il rimborso di {n} emissioni (indicate alla data dell'opzione)."),
    };
    format!("{first}{converts_text}{puts_text}")
}

/// The runway in words: the lowest cash, the squeeze if any, and what happened at
/// each maturity in this run.
pub fn describe_runway(miner: &MinerOutcome, lang: Lang) -> String {
    let Some((month, low)) = miner
        .cash_usd
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.total_cmp(b.1))
        .map(|(m, c)| (m, *c))
    else {
        return String::new();
    };
    let low = format_usd_compact(low, lang);
    let squeeze = match (miner.squeeze_date, lang) {
        (Some(date), Lang::En) => format!(" It is squeezed {}.", in_month(date, lang)),
        (Some(date), Lang::It) => format!(" Va in crisi di liquidità {}.", in_month(date, lang)),
        (None, Lang::En) => " It is not squeezed within the run.".to_owned(),
        (None, Lang::It) => " Non va in crisi di liquidità nel periodo simulato.".to_owned(),
    };
    match lang {
        Lang::En => format!(
            "{}'s cash is lowest in month {} of the run, at {low}.{squeeze}",
            miner.name,
            month + 1
        ),
        Lang::It => format!(
            "La cassa di {} tocca il minimo al mese {} della simulazione, a {low}.{squeeze}",
            miner.name,
            month + 1
        ),
    }
}

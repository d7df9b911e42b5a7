//! `squeeze chart`, `squeeze charts` and `squeeze fallback`: the explorer's
//! charts as standalone SVG files, drawn natively by the same plotters code the
//! browser uses (`squeeze-charts` with its `svg` feature).
//!
//! NAME is one of the figures of the explorer: the four outcome charts
//! ([`ChartKind`](squeeze_charts::ChartKind)), the five uncertainty charts
//! ([`UncertaintyChart`]) and the two company charts
//! ([`CompanyChart`](squeeze_charts::CompanyChart), with `--company ID`).
//! `--paths` (default 1,000) and `--seed` (default 1) set the Monte Carlo of
//! `squeeze-probability`, `btc-price-fan` and `industry-cash-fan`; `--x`, `--y`
//! and `--steps` the squeeze map. Other charts ignore them, so one command line
//! serves every chart.

pub(crate) mod fallback;

use crate::args::{ChartArgs, Theme};
use crate::UsageError;
use squeeze_charts::export::{standalone_svg, StandaloneFigure};
use squeeze_charts::{scenario_name, AnyChart, ChartStyle, ChartView, Figure, Lang, UncertaintyChart};
use squeeze_model::{monte_carlo, squeeze_map, tornado, Dataset};
use std::fmt::Write as _;

/// `squeeze charts`: one line per chart, its id and its title.
pub(crate) fn list(lang: Lang) -> String {
    let mut out = String::new();
    for chart in AnyChart::ALL {
        let _ = writeln!(out, "{:<20} {}", chart.id(), chart.title(lang));
    }
    out
}

/// `squeeze chart NAME …`: one chart of one scenario as a standalone SVG.
pub(crate) fn chart(args: ChartArgs) -> Result<String, UsageError> {
    let (Some(kind), Some(out)) = (args.name, args.out.as_deref()) else {
        return Ok(list(args.lang));
    };
    squeeze_charts::export::check_size((args.width, args.height))?;
    if args.map.x == args.map.y {
        return Err("chart: --x and --y must name two different levers".into());
    }
    let scenario = args.scenario.scenario()?;
    let outcome = squeeze_model::run(&scenario);
    // What an uncertainty or company chart draws, computed only for the chart asked for.
    let (mc, sensitivity, map, company);
    let figure = match kind {
        AnyChart::Outcome(kind) => Figure::Outcome(kind),
        AnyChart::Uncertainty(UncertaintyChart::Tornado) => {
            sensitivity = tornado(&scenario);
            Figure::Tornado(&sensitivity)
        }
        AnyChart::Uncertainty(UncertaintyChart::SqueezeMap) => {
            map = squeeze_map(&scenario, args.map.x, args.map.y, args.map.steps, args.map.steps);
            Figure::SqueezeMap(&map)
        }
        AnyChart::Uncertainty(chart) => {
            let (paths, seed) = args.monte_carlo.paths_and_seed();
            mc = monte_carlo(&scenario, seed, paths);
            Figure::monte_carlo_chart(chart, &mc)
                .ok_or_else(|| UsageError(format!("chart: cannot draw {}", chart.id())))?
        }
        AnyChart::Company(chart) => {
            let data = Dataset::for_era(scenario.era);
            let id = args.company.as_deref().ok_or_else(|| {
                UsageError(format!(
                    "chart: {} needs --company ID; the companies are: {}",
                    chart.id(),
                    company_ids(data)
                ))
            })?;
            company = crate::company::view(data, &scenario, id)?;
            Figure::Company(chart, &company)
        }
    };
    let svg = standalone_svg(StandaloneFigure {
        figure,
        view: ChartView::new(
            &outcome,
            args.lang,
            ChartStyle::for_theme(args.theme == Theme::Dark, 1.0),
        ),
        size: (args.width, args.height),
        scenario_name: scenario_name(&scenario, args.lang),
        show_summary: true,
    })?;
    if out == "-" {
        return Ok(svg);
    }
    std::fs::write(out, svg).map_err(|e| format!("cannot write {out}: {e}"))?;
    Ok(String::new())
}

/// The companies' ids, for messages.
pub(crate) fn company_ids(data: &Dataset) -> String {
    data.companies
        .iter()
        .map(|c| c.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

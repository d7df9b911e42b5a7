//! Every lever, market figure, assumption and company figure with its value, its
//! as-of date and its source, straight from the model's tables and the data file,
//! so the reader can check where each number comes from.

use crate::format;
use crate::i18n::{lever_text, strings, Lang};
use squeeze_model::{Dataset, Figure, Scenario, LEVERS};
use yew::prelude::*;

/// What the assumptions panel needs.
#[derive(Properties, PartialEq)]
pub struct AssumptionsProps {
    /// The current scenario (lever values shown as set; its era picks the data).
    pub scenario: Scenario,
    /// The page language.
    pub lang: Lang,
}

/// A collapsible panel: the levers, the market and assumptions, and each
/// company's figures (each company in its own collapsible section), with sources.
#[function_component]
pub fn Assumptions(props: &AssumptionsProps) -> Html {
    let (lang, text) = (props.lang, strings(props.lang));
    let data = Dataset::for_era(props.scenario.era);
    let head = html! {
        <thead>
            <tr>
                <th scope="col">{ text.col_item }</th>
                <th scope="col">{ text.col_value }</th>
                <th scope="col">{ text.col_source }</th>
            </tr>
        </thead>
    };
    html! {
        <details class="assumptions">
            <summary><h2>{ text.assumptions }</h2></summary>
            <p class="assumptions__as-of">
                { format!("{} {} — {}.", text.data_as_of, format::date(data.as_of, lang), data.title) }
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={text.assumptions}>
                <table>
                    { head.clone() }
                    <tbody>
                        { for LEVERS.iter().map(|lever| html! {
                            <tr>
                                <th scope="row">{ lever_text(lang, lever).0 }</th>
                                <td class="num">{ format::lever_value(lever, props.scenario.get(lever.id), lang) }</td>
                                <td>{ lever.source }</td>
                            </tr>
                        }) }
                        { for data.market.rows().into_iter().chain(data.assumptions.rows()).map(|row| html! {
                            <tr>
                                <th scope="row">{ row.label.clone() }</th>
                                <td class="num">{ format::named_value(row, lang) }</td>
                                <td>{ source_cell(data, &row.figure, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { for data.companies.iter().map(|company| html! {
                <details class="assumptions__company">
                    <summary>
                        { format!("{}: {} ({}, {} {})", text.company_figures, company.name, company.ticker,
                            text.figures_as_of, format::date(company.as_of, lang)) }
                    </summary>
                    <div class="table-scroll" tabindex="0" role="region"
                        aria-label={format!("{}: {}", text.company_figures, company.name)}>
                        <table>
                            { head.clone() }
                            <tbody>
                                { for company.figures().into_iter().map(|(path, figure)| html! {
                                    <tr>
                                        <th scope="row">{ path.replace('_', " ") }</th>
                                        <td class="num">{ format::figure_value(&path, figure.value, lang) }</td>
                                        <td>{ source_cell(data, figure, lang) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </details>
            }) }
        </details>
    }
}

/// The source of a figure: its title as a link, publisher and date, the figure's
/// as-of date, and the reason if it is an estimate.
fn source_cell(data: &Dataset, figure: &Figure, lang: Lang) -> Html {
    let text = strings(lang);
    let as_of = format!(" · {} {}", text.figures_as_of, format::date(figure.as_of, lang));
    let estimate = figure
        .estimate
        .as_ref()
        .map(|why| html! { <span class="assumptions__estimate">{ format!(" {}: {why}", text.estimate) }</span> });
    match data.source(&figure.source) {
        Some(source) => html! {
            <>
                <a href={source.link.clone()} target="_blank" rel="noopener noreferrer">{ source.title.clone() }</a>
                { format!(" — {}, {}{as_of}", source.publisher, source.date) }
                { for estimate }
            </>
        },
        None => html! { <>{ figure.source.clone() }{ as_of }{ for estimate }</> },
    }
}

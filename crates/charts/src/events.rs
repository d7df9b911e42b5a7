//! A company's events in words, for the company view and the CLI: the raw
//! material of the story of how a company reaches (or escapes) a squeeze.

use crate::locale::{format_btc, format_month, format_number, format_percent, format_usd_compact, Lang};
use squeeze_model::{Event, EventKind, SqueezeReason};

/// One event as a sentence, its date first: en `Jun 2030: $650M of 0% notes
/// convert into shares.`
///
/// ```
/// use squeeze_charts::{describe_event, Lang};
/// use squeeze_model::{Event, EventKind, YearMonth};
/// let e = Event { month: 53, date: YearMonth::new(2030, 6), kind: EventKind::Put, amount: 650e6, detail: "0% notes" };
/// assert_eq!(describe_event(&e, Lang::En), "Jun 2030: holders put $650M of 0% notes for cash.");
/// ```
pub fn describe_event(e: &Event, lang: Lang) -> String {
    let when = format_month(e.date, lang);
    let usd = format_usd_compact(e.amount, lang);
    let btc = format_btc(e.amount, lang);
    let what = e.detail;
    let text = match (e.kind, lang) {
        (EventKind::Converted, Lang::En) => format!("{usd} of {what} convert into shares (no cash)."),
        (EventKind::Converted, Lang::It) => format!("{usd} di {what} si convertono in azioni (senza cassa)."),
        (EventKind::Put, Lang::En) => format!("holders put {usd} of {what} for cash."),
        (EventKind::Put, Lang::It) => format!("gli obbligazionisti chiedono il rimborso di {usd} di {what}."),
        (EventKind::RefinancingRefused, Lang::En) => {
            format!("lenders will not refinance {usd} of {what}: it is due in cash.")
        }
        (EventKind::RefinancingRefused, Lang::It) => {
            format!("i creditori non rifinanziano {usd} di {what}: va rimborsato in contanti.")
        }
        (EventKind::Repaid, Lang::En) => format!("{usd} of {what} is repaid from cash."),
        (EventKind::Repaid, Lang::It) => format!("{usd} di {what} vengono rimborsati con la cassa."),
        (EventKind::Refinanced, Lang::En) => format!("{usd} of {what} is refinanced at the new-debt rate."),
        (EventKind::Refinanced, Lang::It) => format!("{usd} di {what} vengono rifinanziati al tasso del nuovo debito."),
        (EventKind::Rolled, Lang::En) => format!("{what} is rolled over for a year."),
        (EventKind::Rolled, Lang::It) => format!("{what} viene rinnovato per un anno."),
        (EventKind::MarginCall, Lang::En) if e.amount > 0.0 => {
            format!("margin call on {what}: {btc} more posted as collateral.")
        }
        (EventKind::MarginCall, Lang::It) if e.amount > 0.0 => {
            format!("richiesta di margine su {what}: {btc} in più a garanzia.")
        }
        (EventKind::MarginCall, Lang::En) => format!("margin call on {what}: the loan is paid down in cash."),
        (EventKind::MarginCall, Lang::It) => {
            format!("richiesta di margine su {what}: il prestito viene ridotto con la cassa.")
        }
        (EventKind::CollateralSold, Lang::En) => format!("the lender sells {btc} of collateral and closes {what}."),
        (EventKind::CollateralSold, Lang::It) => format!("il creditore vende {btc} di garanzia e chiude {what}."),
        (EventKind::TenantFailed, Lang::En) => format!("{what} stops paying: {usd} a month of rent at stake."),
        (EventKind::TenantFailed, Lang::It) => format!("{what} smette di pagare: {usd} al mese di canoni a rischio."),
        (EventKind::BackstopPaid, Lang::En) => format!("the guarantor starts paying the rent of lease {what}."),
        (EventKind::BackstopPaid, Lang::It) => format!("il garante inizia a pagare i canoni del contratto {what}."),
        (EventKind::BuildDelayed, Lang::En) => {
            format!("markets will not fund the build of {what}: it waits, and its capacity comes later.")
        }
        (EventKind::BuildDelayed, Lang::It) => {
            format!("i mercati non finanziano il cantiere di {what}: si ferma e la capacità arriva più tardi.")
        }
        (EventKind::ProjectHandedOver, Lang::En) => {
            format!("{what} is handed to its lenders with {usd} of its debt.")
        }
        (EventKind::ProjectHandedOver, Lang::It) => {
            format!("{what} passa ai suoi creditori con {usd} di debito.")
        }
        (EventKind::SharesSold, Lang::En) => format!("sells {usd} of new shares to meet its obligations."),
        (EventKind::SharesSold, Lang::It) => format!("vende {usd} di nuove azioni per far fronte agli impegni."),
        (EventKind::BitcoinSold, Lang::En) => format!("sells {btc} to meet its obligations."),
        (EventKind::BitcoinSold, Lang::It) => format!("vende {btc} per far fronte agli impegni."),
        (EventKind::Squeezed, Lang::En) => format!("cannot meet its obligations: {usd} short."),
        (EventKind::Squeezed, Lang::It) => format!("non riesce a far fronte agli impegni: mancano {usd}."),
        (EventKind::Accelerated, Lang::En) => format!("cross-default makes {usd} of other debt due at once."),
        (EventKind::Accelerated, Lang::It) => format!("il cross-default rende esigibili subito {usd} di altro debito."),
    };
    format!("{when}: {text}")
}

/// The events worth telling a reader, in order: forced bitcoin sales and share
/// sales are summed into one line per run rather than one per month.
pub fn story(events: &[Event]) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        if matches!(e.kind, EventKind::BitcoinSold | EventKind::SharesSold) {
            if let Some(last) = out.last_mut().filter(|l| l.kind == e.kind) {
                last.amount += e.amount;
                continue;
            }
        }
        out.push(e.clone());
    }
    out
}

/// Why a company was squeezed, in one sentence with the model's figures: what fell
/// due, what lenders saw, how open markets were, what it had.
///
/// ```
/// use squeeze_charts::{describe_reason, Lang};
/// use squeeze_model::{Preset, run};
/// let o = run(&Preset::by_id("replay_2022").unwrap().scenario);
/// let core = o.miner("core_scientific_2022").unwrap();
/// let why = describe_reason(&core.squeeze_reason.unwrap(), Lang::En);
/// assert!(why.starts_with("Why, in Oct 2022:"), "{why}");
/// ```
pub fn describe_reason(r: &SqueezeReason, lang: Lang) -> String {
    let when = format_month(r.date, lang);
    let usd = |v: f64| format_usd_compact(v, lang);
    let open = format_percent(r.market_openness, 0, lang);
    let coverage = r.coverage.map(|c| format_number(c, 1, lang));
    // A coverage below zero means operating cash flow itself was negative.
    let coverage = coverage.filter(|_| r.coverage.is_some_and(|c| c >= 0.0));
    let negative = r.coverage.is_some_and(|c| c < 0.0);
    let cause = match (lang, r.due_usd > 0.0, coverage) {
        (Lang::En, true, None) if negative => format!(
            "{} of {} fell due in cash, and lenders would refinance none of it as its operating cash flow had turned negative, with markets {open} open",
            usd(r.due_usd),
            r.tranche
        ),
        (Lang::It, true, None) if negative => format!(
            "scadevano {} di {} da rimborsare in contanti, e i creditori non ne rifinanziavano nulla perché il flusso di cassa operativo era diventato negativo, con i mercati aperti al {open}",
            usd(r.due_usd),
            r.tranche
        ),
        (Lang::En, true, Some(c)) => format!(
            "{} of {} fell due in cash, as lenders would refinance only what a coverage of {c}× carried, with markets {open} open",
            usd(r.due_usd),
            r.tranche
        ),
        (Lang::En, true, None) => format!("{} of {} fell due in cash, with markets {open} open", usd(r.due_usd), r.tranche),
        (Lang::En, false, _) => format!("running costs, debt service and building outran its income, with markets {open} open"),
        (Lang::It, true, Some(c)) => format!(
            "scadevano {} di {} da rimborsare in contanti, perché i creditori rifinanziavano solo quanto reggeva una copertura di {c}×, con i mercati aperti al {open}",
            usd(r.due_usd),
            r.tranche
        ),
        (Lang::It, true, None) => {
            format!("scadevano {} di {} da rimborsare in contanti, con i mercati aperti al {open}", usd(r.due_usd), r.tranche)
        }
        (Lang::It, false, _) => {
            format!("costi operativi, servizio del debito e cantieri superavano le entrate, con i mercati aperti al {open}")
        }
    };
    match lang {
        Lang::En => format!(
            "Why, in {when}: {cause}; with {} of cash and bitcoin at the start of the month, it was {} short.",
            usd(r.cash_and_btc_usd),
            usd(r.shortfall_usd)
        ),
        Lang::It => format!(
            "Perché, a {when}: {cause}; con {} tra cassa e bitcoin a inizio mese, mancavano {}.",
            usd(r.cash_and_btc_usd),
            usd(r.shortfall_usd)
        ),
    }
}

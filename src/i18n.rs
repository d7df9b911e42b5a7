//! Every string the page shows, in English and Italian (the source article is
//! Italian). One struct per language: the compiler checks both are complete.
//! Numbers and dates are formatted by `squeeze_charts::locale`, shared with the
//! charts and the CLI.

pub use squeeze_charts::locale::Lang;

/// The page's fixed texts in one language.
#[derive(Debug, PartialEq)]
pub struct Strings {
    /// The BCP 47 tag for the `lang` attribute.
    pub html_lang: &'static str,
    /// The page title.
    pub title: &'static str,
    /// The question under the title.
    pub lede: &'static str,
    /// Heading of the lever panel.
    pub levers: &'static str,
    /// The summary of the collapsible advanced levers.
    pub more_levers: &'static str,
    /// Label of the preset picker.
    pub preset: &'static str,
    /// Button: back to the preset's values.
    pub reset: &'static str,
    /// Heading of the outcome.
    pub outcome: &'static str,
    /// Heading of the headline metrics.
    pub metrics: &'static str,
    /// Metric: the first squeeze.
    pub first_squeeze: &'static str,
    /// Metric value when nobody is squeezed.
    pub no_squeeze: &'static str,
    /// Metric: share of AI MW held by distressed operators.
    pub distressed_share: &'static str,
    /// Metric: bitcoin sold under pressure.
    pub forced_btc_sales: &'static str,
    /// Metric: the lowest bitcoin price.
    pub btc_trough: &'static str,
    /// Metric: the funding gap.
    pub funding_gap: &'static str,
    /// Suffix for a delta against the baseline.
    pub vs_baseline: &'static str,
    /// Button: pin the current scenario as the baseline.
    pub pin: &'static str,
    /// Button: unpin the baseline.
    pub unpin: &'static str,
    /// Shown while a baseline is pinned.
    pub comparing: &'static str,
    /// Heading of the charts.
    pub charts: &'static str,
    /// Toggle: show a chart's data as a table.
    pub show_table: &'static str,
    /// Heading of the assumptions panel.
    pub assumptions: &'static str,
    /// Assumptions table column.
    pub col_item: &'static str,
    /// Assumptions table column.
    pub col_value: &'static str,
    /// Assumptions table column.
    pub col_source: &'static str,
    /// Marks a figure that is an estimate.
    pub estimate: &'static str,
    /// Heading of the export buttons.
    pub export: &'static str,
    /// Button: the current chart as PNG.
    pub export_png: &'static str,
    /// Button: copy the chart to the clipboard.
    pub copy_chart: &'static str,
    /// Status after copying the chart.
    pub chart_copied: &'static str,
    /// Status when the chart could only be downloaded.
    pub chart_downloaded: &'static str,
    /// Button: the outcome series as CSV.
    pub export_csv: &'static str,
    /// Button: the scenario as JSON.
    pub export_json: &'static str,
    /// Label of the language switch.
    pub language: &'static str,
    /// Footer note on what the model is.
    pub footer: &'static str,
    /// Notice heading: a link or host asked for something unusable.
    pub notice_title: &'static str,
    /// Notice: a value was out of range (followed by what was used).
    pub notice_clamped: &'static str,
    /// Notice: a value could not be read.
    pub notice_dropped: &'static str,
    /// Notice: too many parameters.
    pub notice_too_many: &'static str,
    /// Marks a baseline value in the notice.
    pub baseline_word: &'static str,
    /// Button: close the notice.
    pub dismiss: &'static str,
    /// Button: open the share dialog.
    pub share: &'static str,
    /// Share dialog heading.
    pub share_title: &'static str,
    /// Label of the link field.
    pub share_link: &'static str,
    /// Label of the embed code field.
    pub share_embed: &'static str,
    /// Explains the embed code.
    pub share_embed_help: &'static str,
    /// Button: copy.
    pub copy: &'static str,
    /// Status after copying.
    pub copied: &'static str,
    /// Status when the clipboard is not available.
    pub copy_manually: &'static str,
    /// Button: close a dialog.
    pub close: &'static str,
    /// Widget link to the full explorer.
    pub open_explorer: &'static str,
    /// Title of the embedded widget's iframe.
    pub widget_title: &'static str,
    /// Error box: something broke.
    pub crash: &'static str,
    /// Error box: reload link.
    pub reload: &'static str,
    /// Heading of the uncertainty figures.
    pub uncertainty: &'static str,
    /// The uncertainty figures' tab group.
    pub uncertainty_charts: &'static str,
    /// While the uncertainty analysis runs.
    pub computing: &'static str,
    /// How to use the squeeze map with the keyboard.
    pub map_keys: &'static str,
    /// Heading of the company view.
    pub company_heading: &'static str,
    /// Label of the company picker.
    pub company_label: &'static str,
    /// Before a company's balance-sheet date.
    pub figures_as_of: &'static str,
    /// The framing every company result carries.
    pub not_a_forecast: &'static str,
    /// Heading of a company's events.
    pub what_happens: &'static str,
    /// Heading of what tips a company.
    pub what_tips_it: &'static str,
    /// While the tipping points are computed.
    pub finding_tipping: &'static str,
    /// The company figures' tab group.
    pub company_charts: &'static str,
    /// Heading of the why-timeline.
    pub why_heading: &'static str,
    /// The button that starts the guided story.
    pub story_start: &'static str,
    /// The story's heading before "N of M".
    pub story_step: &'static str,
    /// Story navigation.
    pub story_back: &'static str,
    /// Story navigation.
    pub story_next: &'static str,
    /// Leaves the story.
    pub story_close: &'static str,
    /// Heading of the attribution of a change against the pinned baseline.
    pub what_changed: &'static str,
    /// The link from a step of the why-timeline to the company view.
    pub see_up_close: &'static str,
    /// Before the data's cut-off date.
    pub data_as_of: &'static str,
    /// Heading of the market and assumptions rows of the sources panel.
    pub market_and_assumptions: &'static str,
    /// The data's figures for one company, in the sources panel.
    pub company_figures: &'static str,
}

/// English.
pub const EN: Strings = Strings {
    html_lang: "en",
    title: "Squeeze",
    lede: "If AI demand slows, do the bitcoin miners who borrowed to become AI data centres face a liquidity squeeze like crypto's in 2022? Drag the levers.",
    levers: "Levers",
    more_levers: "More levers",
    preset: "Scenario",
    reset: "Reset",
    outcome: "Outcome",
    metrics: "Headline figures",
    first_squeeze: "First squeeze",
    no_squeeze: "none",
    distressed_share: "AI capacity in distress",
    forced_btc_sales: "Forced bitcoin sales",
    btc_trough: "Bitcoin low",
    funding_gap: "Funding gap",
    vs_baseline: "vs baseline",
    pin: "Pin as baseline",
    unpin: "Unpin baseline",
    comparing: "Comparing with the pinned baseline: ghost lines in the charts, changes beside the figures.",
    charts: "Charts",
    show_table: "Show data table",
    assumptions: "Assumptions and sources",
    col_item: "Item",
    col_value: "Value",
    col_source: "Source",
    estimate: "estimate",
    export: "Download",
    export_png: "Chart (PNG)",
    copy_chart: "Copy chart",
    chart_copied: "Chart copied as a picture.",
    chart_downloaded: "Copying pictures is not available here; the chart was downloaded as PNG.",
    export_csv: "Data (CSV)",
    export_json: "Scenario (JSON)",
    language: "Language",
    footer: "A scenario on the listed companies' filed figures, not a forecast or investment advice. Runs entirely in your browser; nothing is sent anywhere.",
    notice_title: "Some settings in the link could not be used as given:",
    notice_clamped: "is out of range; using",
    notice_dropped: "could not be read and was ignored",
    notice_too_many: "extra parameters were ignored",
    baseline_word: "baseline",
    dismiss: "Dismiss",
    share: "Share or embed",
    share_title: "Share this view",
    share_link: "Link to exactly this view",
    share_embed: "Embed code for an article",
    share_embed_help: "Paste both lines into your page: the widget fits columns from 300 to 720 px; the small script resizes it to its content (optional).",
    copy: "Copy",
    copied: "Copied.",
    copy_manually: "Selected: press Ctrl+C (⌘C on a Mac) to copy.",
    close: "Close",
    open_explorer: "Open the full explorer",
    widget_title: "Squeeze: AI slowdown and the miners' liquidity squeeze",
    crash: "Something went wrong and the model stopped.",
    reload: "Reload",
    uncertainty: "How likely, and what matters most",
    uncertainty_charts: "Uncertainty charts",
    computing: "Simulating 1,000 possible paths…",
    map_keys: "Arrow keys move across the map; Enter sets both levers to the chosen cell.",
    company_heading: "The companies up close",
    why_heading: "Why, step by step",
    story_start: "Walk through the argument in 6 steps",
    story_step: "The argument, step",
    story_back: "Back",
    story_next: "Next",
    story_close: "Leave the story",
    what_changed: "What changed against the baseline, and why",
    see_up_close: "up close",
    company_label: "Company",
    figures_as_of: "figures as of",
    not_a_forecast: "a scenario on filed figures, not a forecast or investment advice",
    what_happens: "What happens in this scenario",
    what_tips_it: "What tips it",
    finding_tipping: "Finding where it tips…",
    company_charts: "Company charts",
    data_as_of: "Data as of",
    market_and_assumptions: "Market and assumptions",
    company_figures: "Figures from the filings",
};

/// Italian.
pub const IT: Strings = Strings {
    html_lang: "it",
    title: "Squeeze",
    lede: "Se la domanda di IA rallenta, i miner di bitcoin che si sono indebitati per diventare data center per l'IA rischiano una crisi di liquidità come quella delle cripto nel 2022? Muovi le leve.",
    levers: "Leve",
    more_levers: "Altre leve",
    preset: "Scenario",
    reset: "Ripristina",
    outcome: "Esito",
    metrics: "Cifre principali",
    first_squeeze: "Prima crisi di liquidità",
    no_squeeze: "nessuna",
    distressed_share: "Capacità IA in difficoltà",
    forced_btc_sales: "Vendite forzate di bitcoin",
    btc_trough: "Minimo del bitcoin",
    funding_gap: "Fabbisogno scoperto",
    vs_baseline: "rispetto al riferimento",
    pin: "Fissa come riferimento",
    unpin: "Togli il riferimento",
    comparing: "Confronto con lo scenario di riferimento: linee in trasparenza nei grafici, variazioni accanto alle cifre.",
    charts: "Grafici",
    show_table: "Mostra la tabella dei dati",
    assumptions: "Ipotesi e fonti",
    col_item: "Voce",
    col_value: "Valore",
    col_source: "Fonte",
    estimate: "stima",
    export: "Scarica",
    export_png: "Grafico (PNG)",
    copy_chart: "Copia il grafico",
    chart_copied: "Grafico copiato come immagine.",
    chart_downloaded: "Qui non si possono copiare immagini; il grafico è stato scaricato in PNG.",
    export_csv: "Dati (CSV)",
    export_json: "Scenario (JSON)",
    language: "Lingua",
    footer: "Uno scenario sui dati depositati dalle società quotate, non una previsione né un consiglio di investimento. Funziona interamente nel tuo browser; nulla viene inviato.",
    notice_title: "Alcune impostazioni del link non si potevano usare così come erano:",
    notice_clamped: "è fuori dall'intervallo; uso",
    notice_dropped: "non è leggibile ed è stato ignorato",
    notice_too_many: "parametri in più sono stati ignorati",
    baseline_word: "riferimento",
    dismiss: "Chiudi",
    share: "Condividi o incorpora",
    share_title: "Condividi questa vista",
    share_link: "Link esattamente a questa vista",
    share_embed: "Codice per incorporarlo in un articolo",
    share_embed_help: "Incolla entrambe le righe nella pagina: il widget si adatta a colonne da 300 a 720 px; il piccolo script ne adegua l'altezza al contenuto (facoltativo).",
    copy: "Copia",
    copied: "Copiato.",
    copy_manually: "Selezionato: premi Ctrl+C (⌘C su Mac) per copiare.",
    close: "Chiudi",
    open_explorer: "Apri l'esploratore completo",
    widget_title: "Squeeze: rallentamento dell'IA e crisi di liquidità dei miner",
    crash: "Qualcosa è andato storto e il modello si è fermato.",
    reload: "Ricarica",
    uncertainty: "Quanto è probabile, e cosa conta di più",
    uncertainty_charts: "Grafici dell'incertezza",
    computing: "Simulazione di 1.000 percorsi possibili…",
    map_keys: "Le frecce si muovono sulla mappa; Invio imposta entrambe le leve sulla casella scelta.",
    company_heading: "Le società da vicino",
    why_heading: "Perché, passo per passo",
    story_start: "Segui il ragionamento in 6 passi",
    story_step: "Il ragionamento, passo",
    story_back: "Indietro",
    story_next: "Avanti",
    story_close: "Esci dal racconto",
    what_changed: "Cosa è cambiato rispetto al riferimento, e perché",
    see_up_close: "da vicino",
    company_label: "Società",
    figures_as_of: "dati al",
    not_a_forecast: "uno scenario sui dati depositati, non una previsione né un consiglio di investimento",
    what_happens: "Cosa succede in questo scenario",
    what_tips_it: "Cosa la fa cedere",
    finding_tipping: "Calcolo del punto di rottura…",
    company_charts: "Grafici della società",
    data_as_of: "Dati al",
    market_and_assumptions: "Mercato e ipotesi",
    company_figures: "Dati dai bilanci",
};

/// The strings of one language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::It => &IT,
    }
}

/// A lever's label and one-line explanation in `lang`. English comes from the
/// model's parameter table; Italian labels from `squeeze_charts::lever_label`
/// (shared with the charts), Italian explanations from here, keyed by the lever's
/// JSON key.
pub fn lever_text(lang: Lang, lever: &squeeze_model::Lever) -> (&'static str, &'static str) {
    let explanation = match lever.key {
        "ai_demand_slowdown" => {
            "Quanta parte della crescita attesa della domanda di calcolo per l'IA al 2030 non arriva."
        }
        "miner_leverage" => "Quota dei nuovi cantieri (oltre a cassa, anticipi e fondi vincolati) pagata con nuovo debito, il resto con nuove azioni; il debito oltre il 60% del costo paga i tassi del mezzanino e del debito subordinato. Nel 2022: la quota delle nuove macchine comprate con prestiti sulle attrezzature.",
        "chip_throughput" => "Calcolo per watt dei nuovi chip per l'IA rispetto a quelli installati nel 2025.",
        "btc_price_shock" => "Una variazione una tantum del prezzo del bitcoin rispetto a fine 2025.",
        "btc_volatility" => "Quanto oscilla il prezzo del bitcoin in un anno, nei percorsi simulati (la loro media segue il percorso centrale) e nel ricavo di una vendita affrettata.",
        "btc_trend" => "Quanto sale o scende ogni anno il prezzo centrale del bitcoin. Con 0 resta al livello di fine 2025 (dopo un eventuale shock).",
        "interest_rate" => "Quanto pagano le società ogni anno sul nuovo debito e su quello rifinanziato.",
        "power_price_usd_per_mwh" => "Prezzo dell'energia di un miner che paga i tipici 40 $/MWh; il prezzo dichiarato da ciascuna società si muove in proporzione.",
        "contracted_share" => {
            "Quota della capacità IA ancora senza contratto che trova un inquilino a lungo termine alla tariffa di mercato; il resto incassa la tariffa spot."
        }
        "demand_elasticity" => {
            "Quanto cresce la domanda quando il calcolo costa meno: 0 per niente, 1 in proporzione (Jevons)."
        }
        _ => return (lever.label, lever.explanation),
    };
    match lang {
        Lang::En => (lever.label, lever.explanation),
        Lang::It => (squeeze_charts::lever_label(lever.key, lang), explanation),
    }
}

/// A preset's name and one-line description in `lang` (names from
/// `squeeze_charts::preset_name`, shared with the charts; Italian descriptions kept
/// here, keyed by the preset's id; English from the model).
pub fn preset_text(lang: Lang, preset: &squeeze_model::Preset) -> (&'static str, &'static str) {
    let italian = match preset.id {
        "base" => Some("Le sette società quotate come da bilanci fino a dicembre 2025; bitcoin alla chiusura del 31 dicembre 2025 (87.500 $) e piatto se non si imposta una tendenza; rete vicina a 1.050 EH/s; domanda di IA sulla traiettoria di Bain al 2030 (~200 GW di nuovo calcolo); chip nuovi tre volte più efficienti del parco 2025; nuove conversioni finanziate al 60% con debito all'8%."),
        "ai_demand_stalls" => Some("L'ammanco di Bain: 800 mld $ dei 2.000 mld $ di ricavi annui necessari al 2030 non arrivano, quindi manca il 40% della crescita attesa del calcolo per l'IA; il bitcoin scende con il sentiment sull'IA."),
        "chip_glut" => Some("I nuovi acceleratori danno otto volte il calcolo per watt del parco 2025 (Trainium 3 da solo vale un passo di 4x) e il calcolo più economico alza appena la domanda (elasticità 0,2): lo stesso lavoro richiede molti meno megawatt."),
        "soft_landing" => Some("La domanda di IA cresce un po' meno del previsto (manca il 15% della crescita), il calcolo più economico trova nuovi usi (elasticità 0,8), i tassi scendono al 6,5% e il bitcoin recupera il 10%."),
        "replay_2022" => Some("Il 2022 delle cripto con i conti di inizio anno di Core Scientific, Iris Energy, Argo, Greenidge e Riot: chiusure mensili del bitcoin da 38.500 $ (gennaio) a 16.500 $ (dicembre), volatilità del 64%, il prezzo dell'energia di ciascuna società, nuove macchine finanziate all'80% con debito al 10%, nessun ricavo dall'IA. Inizia a gennaio 2022. Nella realtà Iris Energy ha ceduto le sue società veicolo ai finanziatori a novembre 2022 e Core Scientific ha chiesto il Chapter 11 a dicembre."),
        _ => None,
    };
    let name = squeeze_charts::preset_name(preset, lang);
    match (lang, italian) {
        (Lang::It, Some(description)) => (name, description),
        _ => (name, preset.description),
    }
}

//! The guided story: six steps through the seed article's argument — the
//! conversion, Bain's gap, a deeper slowdown, bitcoin falling with it, 2022
//! compared, and where it tips — each setting the levers, showing one chart and
//! saying one thing in two sentences, in English and Italian.

use squeeze_model::{LeverId, Preset, Scenario};

/// One step of the story.
pub struct Step {
    /// Its title, en and it.
    pub title: (&'static str, &'static str),
    /// What it says, en and it: two sentences.
    pub text: (&'static str, &'static str),
    /// The preset it starts from.
    pub preset: &'static str,
    /// The levers it sets on top.
    pub levers: &'static [(LeverId, f64)],
    /// The outcome chart it shows (an index into the outcome figures).
    pub chart: usize,
}

impl Step {
    /// The preset and scenario this step shows.
    pub fn view(&self) -> (&'static Preset, Scenario) {
        let preset = Preset::by_id(self.preset).unwrap_or(Preset::base());
        let mut scenario = preset.scenario;
        for &(lever, value) in self.levers {
            scenario.set(lever, value);
        }
        (preset, scenario)
    }
}

/// The steps, in order.
pub const STEPS: [Step; 6] = [
    Step {
        title: ("Miners turned AI landlords", "Miner diventati padroni di casa dell'IA"),
        text: (
            "Seven listed bitcoin miners are turning their sites into AI data centres, five of them with signed leases, and have borrowed to build: convertible, secured and project notes, much of it due around 2030. In the base case, with bitcoin flat and AI demand on Bain's path, none of them runs out of cash.",
            "Sette miner di bitcoin quotati stanno trasformando i loro siti in data center per l'IA, cinque con contratti firmati, e si sono indebitati per costruire: obbligazioni convertibili, garantite e di progetto, in buona parte in scadenza intorno al 2030. Nello scenario di base, con il bitcoin fermo e la domanda di IA sulla traiettoria di Bain, a nessuno manca la cassa.",
        ),
        preset: "base",
        levers: &[],
        chart: 0,
    },
    Step {
        title: ("Bain's gap", "Il buco di Bain"),
        text: (
            "Bain reckons AI needs $2 trillion of annual revenue by 2030 and may fall $800 billion short. Here 40% of the expected growth never arrives: spot rates for AI capacity fall, while the signed leases keep paying.",
            "Secondo Bain l'IA avrà bisogno di 2.000 miliardi di dollari di ricavi annui entro il 2030 e potrebbe mancarne 800. Qui il 40% della crescita attesa non arriva: i prezzi spot della capacità di calcolo scendono, mentre i contratti firmati continuano a pagare.",
        ),
        preset: "ai_demand_stalls",
        levers: &[],
        chart: 2,
    },
    Step {
        title: ("A deeper slowdown, more debt", "Un rallentamento più forte, più debito"),
        text: (
            "If 70% of the growth fails and miners borrow 90% of what they still build, the first company runs short when its 2030 notes fall due. The summary and the timeline below say which, and why.",
            "Se manca il 70% della crescita e i miner prendono a prestito il 90% di ciò che devono ancora costruire, la prima società resta senza cassa quando scadono le sue obbligazioni del 2030. Il riepilogo e la cronologia qui sotto dicono quale, e perché.",
        ),
        preset: "base",
        levers: &[(LeverId::AiDemandSlowdown, 0.7), (LeverId::MinerLeverage, 0.9)],
        chart: 0,
    },
    Step {
        title: ("Bitcoin falls with it", "Il bitcoin scende con l'IA"),
        text: (
            "When AI worries also pull bitcoin down, here by 60%, mining revenue shrinks and the miners sell the bitcoin they hold. The squeeze comes years earlier.",
            "Quando i timori sull'IA trascinano giù anche il bitcoin, qui del 60%, i ricavi da mining si riducono e i miner vendono i bitcoin che hanno. La crisi arriva anni prima.",
        ),
        preset: "base",
        levers: &[(LeverId::AiDemandSlowdown, 0.5), (LeverId::BtcPriceShock, -0.6)],
        chart: 1,
    },
    Step {
        title: ("2022 compared", "Il confronto con il 2022"),
        text: (
            "In 2022 bitcoin fell from about $38,500 at the end of January to about $16,500 at the end of December, and credit markets shut to miners. Core Scientific stopped paying its lenders in October and filed for Chapter 11 in December; the replay runs the same machinery on the filings of that year.",
            "Nel 2022 il bitcoin scese da circa 38.500 dollari a fine gennaio a circa 16.500 a fine dicembre, e i mercati del credito si chiusero ai miner. Core Scientific smise di pagare i creditori a ottobre e chiese il Chapter 11 a dicembre; la replica applica lo stesso meccanismo ai bilanci di quell'anno.",
        ),
        preset: "replay_2022",
        levers: &[],
        chart: 0,
    },
    Step {
        title: ("Where it tips", "Dove si rompe"),
        text: (
            "Each headline slider marks where a squeeze starts, with the other levers as set. With bitcoin 40% lower, a slowdown of about a third is enough: drag past the mark and watch the words change.",
            "Ogni cursore principale segna dove inizia una crisi, con le altre leve come sono. Con il bitcoin più basso del 40%, basta un rallentamento di circa un terzo: trascina oltre il segno e guarda cambiare le parole.",
        ),
        preset: "base",
        levers: &[(LeverId::BtcPriceShock, -0.4)],
        chart: 0,
    },
];

/// The step a fragment names (`story=3`, counted from 1), if any.
pub fn step_in_fragment(fragment: &str) -> Option<usize> {
    fragment
        .trim_start_matches(['#', '?'])
        .split('&')
        .find_map(|pair| pair.strip_prefix("story="))
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| (1..=STEPS.len()).contains(n))
        .map(|n| n - 1)
}

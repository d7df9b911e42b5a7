//! Fuzzing the data-file reader with proptest: the real data files, damaged at
//! random — a line dropped, a number replaced by junk, the text cut short, random
//! bytes inserted, a key misspelt — are read without a panic, and a file that is
//! refused says what is wrong with a line number inside the file. `make fuzz` runs
//! 100,000 cases (`SQUEEZE_FUZZ_CASES`); `make test` a few hundred.

use proptest::prelude::*;
use squeeze_model::data::{Dataset, CRYPTO_2022_TOML, LATE_2025_TOML};

fn cases() -> u32 {
    std::env::var("SQUEEZE_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(128)
}

/// One way of damaging a text, chosen at random.
#[derive(Debug, Clone)]
enum Damage {
    DropLine(usize),
    CutAt(usize),
    ReplaceNumber(usize, String),
    Insert(usize, String),
    Misspell(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        any::<usize>().prop_map(Damage::DropLine),
        any::<usize>().prop_map(Damage::CutAt),
        (
            any::<usize>(),
            "(-?[0-9]{0,20}(\\.[0-9]{0,8})?(e-?[0-9]{1,3})?|NaN|inf|\"x\"|\\[\\]|\\{\\}|true|)"
        )
            .prop_map(|(at, junk)| Damage::ReplaceNumber(at, junk)),
        (any::<usize>(), "\\PC{0,12}").prop_map(|(at, text)| Damage::Insert(at, text)),
        any::<usize>().prop_map(Damage::Misspell),
    ]
}

fn apply(text: &str, damage: &Damage) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines.is_empty() {
        // Already cut to nothing: further damage has nothing to work on.
        return text.to_owned();
    }
    let boundary = |at: usize| {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    match damage {
        Damage::DropLine(i) => {
            let i = i % lines.len();
            lines
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != i)
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n")
        }
        Damage::CutAt(at) => text[..boundary(*at)].to_owned(),
        Damage::ReplaceNumber(at, junk) => {
            // The n-th run of digits, counted from a random place.
            let starts: Vec<usize> = (text.char_indices())
                .filter(|&(i, c)| c.is_ascii_digit() && !text[..i].ends_with(|p: char| p.is_ascii_digit()))
                .map(|(i, _)| i)
                .collect();
            let Some(&start) = starts.get(at % starts.len().max(1)) else {
                return text.to_owned();
            };
            let end = text[start..]
                .find(|c: char| !c.is_ascii_digit() && c != '.')
                .map_or(text.len(), |e| start + e);
            format!("{}{junk}{}", &text[..start], &text[end..])
        }
        Damage::Insert(at, junk) => {
            let at = boundary(*at);
            format!("{}{junk}{}", &text[..at], &text[at..])
        }
        Damage::Misspell(i) => {
            let i = i % lines.len();
            let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            if let Some(eq) = out[i].find(" = ") {
                out[i].insert(eq, 'x');
            }
            out.join("\n")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn a_damaged_data_file_is_read_without_a_panic_and_refused_with_its_line(
        late in any::<bool>(),
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let original = if late { LATE_2025_TOML } else { CRYPTO_2022_TOML };
        let text = damages.iter().fold(original.to_owned(), |t, d| apply(&t, d));
        let lines = text.lines().count() as u32 + 1;
        if let Err(error) = Dataset::parse(&text) {
            prop_assert!(!error.issues.is_empty());
            for issue in &error.issues {
                prop_assert!(issue.line <= lines, "{issue} (the file has {lines} lines)");
                prop_assert!(!issue.message.is_empty());
            }
        }
    }
}

#[test]
fn the_files_as_they_are_are_read() {
    assert!(Dataset::parse(LATE_2025_TOML).is_ok());
    assert!(Dataset::parse(CRYPTO_2022_TOML).is_ok());
}

//! The embedded data against what the filings say, and against its own rules:
//! - every in-horizon maturity and put of every company is within 5% of the
//!   principal in the filing, in the right month and year (the table below is
//!   what the filings say, written out independently of the data file);
//! - every number in the files has a source and an as-of date, found by walking
//!   the TOML itself rather than through the model's reader;
//! - every source has a title, a publisher, a date and a link.

use squeeze_model::data::{CRYPTO_2022_TOML, LATE_2025_TOML};
use squeeze_model::{Dataset, Era, YearMonth};
use toml::de::{DeTable, DeValue};

/// One maturity or holders' put as the filing gives it: company, tranche id in the
/// data, principal ($), the month it falls due, and the filing.
struct Filed {
    company: &'static str,
    tranche: &'static str,
    principal_usd: f64,
    due: (i32, u8),
    put: bool,
    filing: &'static str,
}

/// Every maturity or put falling due from January 2026 to December 2030.
const FILED: &[Filed] = &[
    Filed {
        company: "core_scientific",
        tranche: "corz-conv-2031",
        principal_usd: 625.0e6,
        due: (2027, 12),
        put: true,
        filing: "Core Scientific 8-K, 5 Dec 2024 (put 15 Dec 2027); Q4 2024 results (option exercised: $625M)",
    },
    Filed {
        company: "core_scientific",
        tranche: "corz-conv-2029",
        principal_usd: 460.0e6,
        due: (2029, 9),
        put: false,
        filing: "Core Scientific 8-K, 20 Aug 2024: $460M 3.00% notes due 1 Sep 2029",
    },
    Filed {
        company: "cleanspark",
        tranche: "clsk-conv-2030",
        principal_usd: 650.0e6,
        due: (2030, 6),
        put: false,
        filing: "CleanSpark 8-K, 17 Dec 2024: $650M 0% notes due 15 Jun 2030",
    },
    Filed {
        company: "iren",
        tranche: "iren-conv-2029",
        principal_usd: 233.4e6,
        due: (2029, 12),
        put: false,
        filing: "IREN: $550M 3.50% notes due 15 Dec 2029 less $316.6M repurchased in Dec 2025",
    },
    Filed {
        company: "iren",
        tranche: "iren-conv-2030",
        principal_usd: 212.3e6,
        due: (2030, 6),
        put: false,
        filing: "IREN: $440M 3.25% notes due 15 Jun 2030 less $227.7M repurchased in Dec 2025",
    },
    Filed {
        company: "terawulf",
        tranche: "wulf-conv-2030",
        principal_usd: 500.0e6,
        due: (2030, 2),
        put: false,
        filing: "TeraWulf: $500M 2.75% notes due 1 Feb 2030 (Oct 2024 closing release)",
    },
    Filed {
        company: "terawulf",
        tranche: "wulf-compute-2030",
        principal_usd: 3_200.0e6,
        due: (2030, 10),
        put: false,
        filing: "TeraWulf 8-K, 23 Oct 2025: $3.2B 7.750% notes due 15 Oct 2030",
    },
    Filed {
        company: "terawulf",
        tranche: "flash-compute-2030",
        principal_usd: 1_300.0e6,
        due: (2030, 12),
        put: false,
        filing: "TeraWulf 8-K, 29 Dec 2025: $1.3B 7.250% Flash Compute notes due 2030",
    },
    Filed {
        company: "cipher",
        tranche: "cifr-conv-2031",
        principal_usd: 1_300.0e6,
        due: (2029, 10),
        put: true,
        filing: "Cipher 8-K, 1 Oct 2025: $1.3B 0% notes due 2031, holders' put 1 Oct 2029",
    },
    Filed {
        company: "cipher",
        tranche: "cifr-conv-2030",
        principal_usd: 172.5e6,
        due: (2030, 5),
        put: false,
        filing: "Cipher: $172.5M 1.75% notes due 15 May 2030 (May 2025 offering with option)",
    },
    Filed {
        company: "cipher",
        tranche: "cifr-compute-2030",
        principal_usd: 1_733.0e6,
        due: (2030, 11),
        put: false,
        filing: "Cipher 8-Ks, 13 and 24 Nov 2025: $1.4B + $333M 7.125% notes due 15 Nov 2030",
    },
    Filed {
        company: "hut8",
        tranche: "hut8-coinbase-2026",
        principal_usd: 200.0e6,
        due: (2026, 6),
        put: false,
        filing: "Hut 8 10-Q Q2 2025 (maturity 16 Jun 2026); Dec 2025 amendment to $200M, fully drawn",
    },
    Filed {
        company: "hut8",
        tranche: "hut8-tzrc-2027",
        principal_usd: 90.784e6,
        due: (2027, 4),
        put: false,
        filing: "Hut 8 10-Q Q2 2025, note 10: TZRC note $90.8M due 8 Apr 2027",
    },
    Filed {
        company: "hut8",
        tranche: "hut8-coatue-2029",
        principal_usd: 159.287e6,
        due: (2029, 6),
        put: false,
        filing: "Hut 8 10-Q Q2 2025: Coatue note accreted $159.3M due 28 Jun 2029",
    },
    Filed {
        company: "bitfarms",
        tranche: "bitf-macquarie-t1",
        principal_usd: 50.0e6,
        due: (2027, 4),
        put: false,
        filing: "Bitfarms release, 2 Apr 2025: Macquarie tranches of 2 years from each draw; first $50M drawn Apr 2025",
    },
    Filed {
        company: "bitfarms",
        tranche: "bitf-macquarie-t2",
        principal_usd: 50.0e6,
        due: (2027, 10),
        put: false,
        filing: "Bitfarms release, Oct 2025: $50M drawn 10 Oct 2025 under the same terms",
    },
    Filed {
        company: "iren",
        tranche: "iren-gpu-financing-2025",
        principal_usd: 400.0e6,
        due: (2028, 12),
        put: false,
        filing: "IREN Q1 FY26 results: ~$400M of GPU financing (maturity estimated in the data: not disclosed)",
    },
];

fn late() -> &'static Dataset {
    Dataset::for_era(Era::Late2025)
}

#[test]
fn every_in_horizon_maturity_is_within_5_percent_of_its_filing() {
    let data = late();
    let (start, end) = (data.start, data.start.plus_months(data.months - 1));
    for f in FILED {
        let company = data
            .company(f.company)
            .unwrap_or_else(|| panic!("{} is in the data", f.company));
        let t = company
            .debt
            .iter()
            .find(|t| t.id == f.tranche)
            .unwrap_or_else(|| panic!("{}: tranche {} is in the data ({})", f.company, f.tranche, f.filing));
        let principal = t.principal_usd.value;
        assert!(
            (principal / f.principal_usd - 1.0).abs() <= 0.05,
            "{}: {principal} vs the filing's {} ({})",
            f.tranche,
            f.principal_usd,
            f.filing
        );
        let date = if f.put { t.put.expect("a put date") } else { t.maturity };
        assert_eq!(
            date.month(),
            YearMonth::new(f.due.0, f.due.1),
            "{}: {}",
            f.tranche,
            f.filing
        );
    }
    // And nothing falls due in the horizon that the table does not list.
    for company in &data.companies {
        for t in &company.debt {
            for (date, put) in [(Some(t.maturity), false), (t.put, true)] {
                let Some(date) = date else { continue };
                let listed = FILED.iter().any(|f| f.tranche == t.id && f.put == put);
                let in_horizon = (start..=end).contains(&date.month()) && t.principal_usd.value > 0.0;
                assert!(
                    !in_horizon || listed,
                    "{} {} ({date}) is not in the filings table",
                    company.id,
                    t.id
                );
            }
        }
    }
}

/// Walks a TOML document; every number must sit in a table that has, itself or
/// through an enclosing record, both a `source` and an `as_of`.
fn unsourced_numbers(text: &str) -> Vec<String> {
    fn walk(table: &DeTable, path: &str, source: bool, as_of: bool, out: &mut Vec<String>) {
        let has = |key: &str| table.iter().any(|(k, _)| k.get_ref().as_ref() == key);
        let (source, as_of) = (source || has("source"), as_of || has("as_of"));
        for (key, value) in table.iter() {
            let key = key.get_ref().as_ref();
            let path = if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            };
            visit(value.get_ref(), &path, source, as_of, out);
        }
    }
    fn visit(value: &DeValue, path: &str, source: bool, as_of: bool, out: &mut Vec<String>) {
        match value {
            DeValue::Integer(_) | DeValue::Float(_) if !(source && as_of) => out.push(path.to_owned()),
            DeValue::Table(table) => walk(table, path, source, as_of, out),
            DeValue::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    visit(item.get_ref(), &format!("{path}[{i}]"), source, as_of, out);
                }
            }
            _ => {}
        }
    }
    let document = DeTable::parse(text).expect("valid TOML");
    let mut out = Vec::new();
    for (key, value) in document.get_ref().iter() {
        let key = key.get_ref().as_ref();
        // The file's own header (format, months) and the sources themselves.
        if matches!(key, "format" | "months" | "sources") {
            continue;
        }
        visit(value.get_ref(), key, false, false, &mut out);
    }
    out
}

#[test]
fn every_number_in_the_data_files_has_a_source_and_an_as_of_date() {
    let hindcast = include_str!("../../../data/hindcasts/halving-2024.toml");
    for (name, text) in [
        ("late-2025", LATE_2025_TOML),
        ("2022", CRYPTO_2022_TOML),
        ("hindcasts/halving-2024", hindcast),
    ] {
        let missing = unsourced_numbers(text);
        assert!(
            missing.is_empty(),
            "{name}: numbers without a source or as-of date: {missing:?}"
        );
    }
}

#[test]
fn the_walk_finds_a_number_without_provenance() {
    let text = "format = 1\n[market.x]\nvalue = 3\nsource = \"s\"\nas_of = \"2025-01-01\"\n\
                [companies.c]\ncash = 5\nas_of = \"2025-01-01\"\n[companies.c.debt]\nsource = \"s\"\nprincipal = 7\n";
    assert_eq!(unsourced_numbers(text), ["companies.c.cash"]);
}

#[test]
fn every_figure_cites_a_complete_source_and_estimates_say_why() {
    for era in Era::ALL {
        let data = Dataset::for_era(era);
        for source in &data.sources {
            assert!(
                !source.title.trim().is_empty() && !source.publisher.trim().is_empty(),
                "{}",
                source.id
            );
            assert!(
                source.link.starts_with("https://")
                    || source.link.starts_with("http://")
                    || source.link.contains(".md"),
                "{}",
                source.id
            );
            assert!(source.date.len() >= 4, "{}", source.id);
        }
        for (path, figure) in data.figures() {
            assert!(
                data.source(&figure.source).is_some(),
                "{era}: {path} cites {}",
                figure.source
            );
            assert!(
                figure.as_of <= data.as_of || path.starts_with("assumptions."),
                "{era}: {path}"
            );
            if let Some(why) = &figure.estimate {
                assert!(why.trim().len() > 10, "{era}: {path}: an estimate must say why");
            }
        }
    }
}

#[test]
fn the_listed_companies_of_the_article_are_all_there() {
    let ids: Vec<&str> = late().companies.iter().map(|c| c.id.as_str()).collect();
    for id in [
        "core_scientific",
        "cleanspark",
        "bitfarms",
        "iren",
        "terawulf",
        "cipher",
        "hut8",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let replay: Vec<&str> = Dataset::for_era(Era::Crypto2022)
        .companies
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert!(replay.contains(&"core_scientific_2022"), "{replay:?}");
}

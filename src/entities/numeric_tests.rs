//! Unit tests for the numeric rules.

use super::*;

fn found(text: &str) -> Vec<(String, EntityType, f64, Option<String>)> {
    let rec = NumericRecognizer::new().expect("matcher builds");
    rec.scan(text)
        .into_iter()
        .map(|c| {
            let n = c.numeric.clone().expect("numeric attrs");
            (c.span.slice(text).to_owned(), c.kind, n.value, n.unit)
        })
        .collect()
}

fn one(text: &str) -> (String, EntityType, f64, Option<String>) {
    let all = found(text);
    assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
    all.into_iter().next().expect("one")
}

#[test]
fn cardinals_in_digits_and_words() {
    assert_eq!(
        one("between the two countries"),
        ("two".into(), EntityType::Cardinal, 2.0, None)
    );
    assert_eq!(one("some 1,000 troops").2, 1000.0);
    let big = one("about 3.5 million people");
    assert_eq!((big.0.as_str(), big.2), ("3.5 million", 3_500_000.0));
    assert_eq!(one("twenty-five thousand").2, 25_000.0);
    assert_eq!(one("three hundred and twelve").2, 312.0);
}

#[test]
fn ordinals() {
    assert_eq!(
        one("the 75th anniversary"),
        ("75th".into(), EntityType::Ordinal, 75.0, None)
    );
    assert_eq!(one("for the first time").1, EntityType::Ordinal);
    assert_eq!(one("the twenty-first century").2, 21.0);
    assert_eq!(one("the 2nd round").2, 2.0);
}

#[test]
fn percents() {
    assert_eq!(
        one("grew 5% last year"),
        ("5%".into(), EntityType::Percent, 5.0, Some("%".into()))
    );
    assert_eq!(one("by 5 percent").0, "5 percent");
    assert_eq!(one("by 2.5 per cent.").0, "2.5 per cent");
}

#[test]
fn money() {
    let m = one("a $5 million loan");
    assert_eq!(
        m,
        (
            "$5 million".into(),
            EntityType::Money,
            5e6,
            Some("USD".into())
        )
    );
    assert_eq!(one("costs €20 now").3.as_deref(), Some("EUR"));
    assert_eq!(
        one("paid 100 manat"),
        (
            "100 manat".into(),
            EntityType::Money,
            100.0,
            Some("AZN".into())
        )
    );
    assert_eq!(one("5 billion dollars").2, 5e9);
    assert_eq!(one("US$ 7 each").0, "US$ 7");
    assert_eq!(one("AZN 40 fee").3.as_deref(), Some("AZN"));
    assert_eq!(
        one("a $1.5bn deal"),
        (
            "$1.5bn".into(),
            EntityType::Money,
            1.5e9,
            Some("USD".into())
        )
    );
}

#[test]
fn quantities() {
    assert_eq!(
        one("a 50 km border"),
        (
            "50 km".into(),
            EntityType::Quantity,
            50.0,
            Some("km".into())
        )
    );
    assert_eq!(one("3 tons of cargo").3.as_deref(), Some("t"));
    assert_eq!(
        one("10 square kilometres of land").3.as_deref(),
        Some("km2")
    );
    assert_eq!(one("a 50km road").0, "50km");
}

#[test]
fn leaves_years_dates_and_codes_alone() {
    assert!(found("in 2020 the G20 met").is_empty());
    assert!(found("date 2020-02-07 at 10:30 on 07.02.2020").is_empty());
    assert!(found("an F-16 and a 5G network, often tennis").is_empty());
    assert!(found("@user2 #tag5").is_empty());
    assert_eq!(one("Feb. 6").0, "6");
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,80}") {
        let rec = NumericRecognizer::new().expect("matcher builds");
        for c in rec.scan(&s) {
            proptest::prop_assert!(s.get(c.span.start..c.span.end).is_some());
        }
    }
}

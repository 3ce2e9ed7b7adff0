//! Unit tests for the title lexicon and matcher.

use super::*;

fn found(text: &str) -> Vec<(&str, String)> {
    let rec = TitleRecognizer::builtin().expect("lexicon loads");
    rec.scan(text)
        .into_iter()
        .map(|c| {
            (
                c.span.slice(text),
                c.title.map(|t| t.canonical).unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn builtin_lexicon_loads_and_normalizes_variants() {
    let rec = TitleRecognizer::builtin().expect("lexicon loads");
    let chief = rec.lookup("chief of general staff").expect("variant");
    assert_eq!(chief.canonical, "Chief of the General Staff");
    assert_eq!(chief.kind, TitleKind::Office);
    let saceur = rec.lookup("SACEUR").expect("acronym");
    assert_eq!(saceur.canonical, "Supreme Allied Commander Europe");
    assert!(rec.lookup("general public").is_none());
}

#[test]
fn longest_title_wins_and_acronyms_match_exact_case() {
    let t =
        "First Deputy Defense Minister met Supreme Allied Commander Europe (SACEUR), not saceur.";
    let got = found(t);
    assert_eq!(
        got[0],
        (
            "First Deputy Defense Minister",
            "First Deputy Defense Minister".into()
        )
    );
    assert_eq!(got[1].0, "Supreme Allied Commander Europe");
    assert_eq!(got[2], ("SACEUR", "Supreme Allied Commander Europe".into()));
    assert_eq!(got.len(), 3);
}

#[test]
fn case_rules_blocks_and_modifiers() {
    assert_eq!(
        found("The colonel general said"),
        [("colonel general", "Colonel General".into())]
    );
    assert!(found("the general public and a major threat, dr who").is_empty());
    assert!(found("generally, the Generals").is_empty());
    assert_eq!(found("Acting President Smith")[0].1, "Acting President");
    assert_eq!(found("Mr. Smith")[0].0, "Mr.");
}

#[test]
fn malformed_rows_are_reported_with_line_numbers() {
    let err = TitleRecognizer::from_tsv("# c\nGeneral\tRank\t\tmaybe\t\n").expect_err("bad");
    assert!(err.to_string().contains(":2:"), "{err}");
    let err = TitleRecognizer::from_tsv("General\tRank\n").expect_err("bad");
    assert!(err.to_string().contains("columns"), "{err}");
    assert!(TitleRecognizer::from_tsv("Duke\tNoble\t\tyes\t\n").is_err());
}

/// Regression: a curly apostrophe right before an office word put the modifier
/// look-back inside a multi-byte character (`end byte index N is not a char boundary`).
#[test]
fn curly_apostrophe_before_office_word_does_not_panic() {
    // Each look-back for "Vice " / "Deputy " starts inside the quote character.
    assert_eq!(found("“The President said")[0].0, "President");
    assert_eq!(found("Obama’s own President")[0].0, "President");
    assert_eq!(
        found("the nation’s, Secretary of State")[0].0,
        "Secretary of State"
    );
    assert_eq!(found("“Vice President Pence")[0].1, "Vice President");
}

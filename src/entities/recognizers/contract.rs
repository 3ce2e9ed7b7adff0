//! The promises every [`Recognizer`] makes, checked by one macro on awkward input:
//! it never panics, every candidate span lies on char boundaries inside the text,
//! and every confidence is within `[0, 1]`.
//!
//! Each input runs twice: as a bare text ([`Doc::plain`]) and segmented the
//! way the pipeline segments it (tokens, readable sentences, metadata), because
//! some recognizers do nothing without structure and others nothing with it.

use super::{AgencyNames, ContactNames, GazetteerNames, ModelNames};
use crate::doc::Doc;
use crate::entities::companies::{Companies, CompanyNames};
use crate::entities::gazetteer::Gazetteer;
use crate::entities::institutions::InstitutionRecognizer;
use crate::entities::ner::NerModel;
use crate::entities::{Candidate, NumericRecognizer, Recognizer, TitleRecognizer};
use crate::metadata::{self, DateResolver, FoundDate};
use crate::text::Span;
use std::sync::{Arc, OnceLock};

/// Inputs where text code tends to go wrong, each named in failure messages.
const AWKWARD: [(&str, &str); 9] = [
    ("empty", ""),
    ("whitespace", "  \t \n\n \u{a0} \n"),
    (
        "emoji and combining marks",
        "😀👍🏽 Cafe\u{301} in Bak\u{fc} e\u{301}\u{300} 👨‍👩‍👧 Zoe\u{308} Lee met 🇦🇿.",
    ),
    (
        "CRLF",
        "BAKU, Feb 6 (Reuters) -\r\nAnn Lee met\r\nPresident Ilham Aliyev.\r\n\r\nBy Trend\r\n",
    ),
    ("very long word", LONG_WORD),
    (
        "curly quotes",
        "“We will win,” said Gen. Ann O’Neill of Apple Inc. ‘Soon,’ she told AP’s reporter.",
    ),
    ("digits only", "1234567890 3.5 42 000 1,000,000 2020 75"),
    ("news paragraph", NEWS),
    (
        "lone punctuation",
        "“ ” ‘ ’ — – - . , ; : ( ) [ ] @ # $ % & *",
    ),
];

/// Ordinary copy in which every recognizer has something to find.
const NEWS: &str = "WASHINGTON (AP) — President Joe Biden met Azerbaijan's Defense Minister Zakir \
Hasanov on Feb. 6, 2020, at the White House, Reuters reported. Boeing shares rose 3.5% \
to $212 million. The Ministry of Defense said 40 km of road reopened. Follow us on \
Twitter @AzerNewsAz, write to news@example.com or read https://x.example/a?b=1.";

const LONG_WORD: &str = concat!(
    "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
    "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
    "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
    "-Inc. 😀"
);

/// Generates the shared tests for each listed recognizer: `module => constructor`.
/// Every [`Recognizer`] implementation belongs in the list at the end of this file.
macro_rules! recognizer_contract {
    ($($module:ident => $make:expr),+ $(,)?) => {$(
        mod $module {
            use super::*;

            #[test]
            fn never_panics_on_awkward_input() {
                each_candidate(&$make, |_, _, _| {});
            }

            #[test]
            fn spans_lie_on_char_boundaries_inside_the_text() {
                each_candidate(&$make, assert_on_boundaries);
            }

            #[test]
            fn confidence_is_within_0_and_1() {
                each_candidate(&$make, assert_confidence);
            }

            #[test]
            fn finds_something_in_the_news_paragraph() {
                assert_finds_something(&$make);
            }
        }
    )+};
}

/// Runs `r` on every awkward input, bare and segmented, and hands each candidate
/// to `check` with the input's name and text.
fn each_candidate(r: &dyn Recognizer, check: impl Fn(&str, &str, &Candidate)) {
    for (name, text) in AWKWARD {
        for doc in [Doc::plain(text), segmented(text)] {
            for c in r.recognize(&doc) {
                check(name, text, &c);
            }
        }
    }
}

/// The checks above pass vacuously for a recognizer that never proposes anything,
/// so each must propose something on ordinary news text.
fn assert_finds_something(r: &dyn Recognizer) {
    assert!(!r.recognize(&segmented(NEWS)).is_empty(), "no candidates");
}

fn assert_on_boundaries(name: &str, text: &str, c: &Candidate) {
    let Span { start, end } = c.span;
    assert!(
        start <= end && end <= text.len(),
        "{name}: {c:?} outside the text"
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{name}: {c:?} splits a character"
    );
}

fn assert_confidence(name: &str, _text: &str, c: &Candidate) {
    assert!(
        (0.0..=1.0).contains(&c.confidence),
        "{name}: {c:?} confidence"
    );
}

/// The document of `text`, built the way the pipeline builds it.
fn segmented(text: &str) -> Doc<'_> {
    let anchor = crate::time::parse_anchor("2020-02-07").ok();
    Doc::new(text, metadata::analyze(text, &NoDates), anchor)
}

/// Recognizers do not read header dates; the metadata stage needs a resolver.
struct NoDates;

impl DateResolver for NoDates {
    fn first_date(&self, _snippet: &str, _anchor: Option<&str>) -> Option<FoundDate> {
        None
    }
}

/// The embedded resources, loaded once for every test of this file.
fn gazetteer() -> Arc<Gazetteer> {
    static CELL: OnceLock<Arc<Gazetteer>> = OnceLock::new();
    let load = || Arc::new(Gazetteer::embedded().expect("embedded gazetteer loads"));
    Arc::clone(CELL.get_or_init(load))
}

fn model() -> Arc<NerModel> {
    static CELL: OnceLock<Arc<NerModel>> = OnceLock::new();
    let load = || Arc::new(NerModel::embedded().expect("embedded model loads"));
    Arc::clone(CELL.get_or_init(load))
}

fn companies() -> Arc<Companies> {
    static CELL: OnceLock<Arc<Companies>> = OnceLock::new();
    let load = || Arc::new(Companies::builtin().expect("company table loads"));
    Arc::clone(CELL.get_or_init(load))
}

recognizer_contract! {
    model_names => ModelNames::new(model(), gazetteer()),
    gazetteer_names => GazetteerNames::new(gazetteer()),
    numeric => NumericRecognizer::new().expect("unit lexicon loads"),
    titles => TitleRecognizer::builtin().expect("title lexicon loads"),
    institutions => InstitutionRecognizer::builtin().expect("institution lexicon loads"),
    contact_names => ContactNames,
    agency_names => AgencyNames,
    company_names => CompanyNames::new(companies()),
}

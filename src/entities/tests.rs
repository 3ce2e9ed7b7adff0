//! Assembly tests on the Trend fixture, with hand-made candidates standing in for
//! the model, gazetteer, time and metadata stages (`text.find` plays the tagger).

use super::assemble::assemble;
use super::candidate::{Candidate, Source};
use super::numeric::NumericRecognizer;
use super::titles::TitleRecognizer;
use super::types::*;
use crate::doc::Doc;
use crate::text::Span;

const FIXTURE: &str = include_str!("../../tests/fixtures/trend-2020-02-07-sadigov-gerasimov.txt");

/// Whole-word occurrences of `needle`.
pub(super) fn spans(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle)
        .map(|(at, _)| Span::new(at, at + needle.len()))
        .filter(|s| {
            let before = text[..s.start].chars().next_back();
            let after = text[s.end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .collect()
}

fn cands(text: &str, needle: &str, kind: EntityType, source: Source) -> Vec<Candidate> {
    spans(text, needle)
        .into_iter()
        .map(|s| Candidate::new(s, kind, source, 0.8))
        .collect()
}

fn with_country(mut list: Vec<Candidate>, country: &str) -> Vec<Candidate> {
    for c in &mut list {
        c.country = Some(country.to_owned());
    }
    list
}

/// Naive segmentation: paragraphs at blank lines, sentences at ". " and newlines.
pub(super) fn segments(text: &str) -> (Vec<Span>, Vec<Span>) {
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut at = 0;
    for para in text.split("\n\n") {
        paragraphs.push(Span::new(at, at + para.len()));
        let mut s = at;
        for (i, _) in para.match_indices(". ") {
            sentences.push(Span::new(s, at + i + 1));
            s = at + i + 2;
        }
        sentences.push(Span::new(s, at + para.len()));
        at += para.len() + 2;
    }
    (paragraphs, sentences)
}

fn timex(text: &str, needle: &str, value: &str) -> Candidate {
    let span = spans(text, needle)[0];
    let mut c = Candidate::new(span, EntityType::Date, Source::Timex, 0.9);
    c.timex = Some(TimexAttrs {
        timex_type: TimexType::Date,
        value: value.into(),
        modifier: None,
    });
    c
}

fn fixture_candidates(t: &str) -> Vec<Candidate> {
    use EntityType::*;
    use Source::{Gazetteer as G, Metadata, Model as M};
    let mut all = Vec::new();
    all.extend(cands(t, "Colonel General Najmaddin Sadigov", Person, M));
    all.extend(cands(t, "Valery Gerasimov", Person, M));
    all.extend(cands(t, "Sadigov", Person, M).into_iter().skip(1));
    all.extend(cands(t, "Gerasimov", Person, M).into_iter().skip(1));
    all.extend(cands(t, "Trend", Org, M));
    all.extend(cands(t, "Azerbaijan\u{2019}s Defense Ministry", Org, M));
    all.extend(cands(t, "Armed Forces", Org, M).into_iter().take(1));
    all.extend(cands(t, "Russian Armed Forces", Org, M));
    all.extend(cands(t, "Victory in the Great Patriotic War", Misc, M));
    all.extend(cands(t, "Azerbaijan-Russia", Loc, M));
    all.extend(with_country(cands(t, "Azerbaijan", Gpe, G), "Azerbaijan"));
    all.extend(with_country(cands(t, "Russia", Gpe, G), "Russia"));
    all.extend(with_country(cands(t, "Baku", Gpe, G), "Azerbaijan"));
    all.extend(with_country(cands(t, "Moscow", Gpe, G), "Russia"));
    all.extend(with_country(cands(t, "Armenia", Gpe, G), "Armenia"));
    all.extend(with_country(cands(t, "Azerbaijani", Norp, G), "Azerbaijan"));
    all.extend(with_country(cands(t, "Russian", Norp, G), "Russia"));
    all.extend(cands(t, "Nagorno-Karabakh", Loc, G));
    all.extend(cands(t, "Great Patriotic War", Event, G));
    all.extend(cands(t, "@AzerNewsAz", Handle, Metadata));
    all.push(timex(t, "2020-02-07", "2020-02-07"));
    all.push(timex(t, "Feb. 6", "2020-02-06"));
    all.push(timex(t, "May 9", "2020-05-09"));
    all.extend(NumericRecognizer::new().expect("numeric").scan(t));
    all.extend(TitleRecognizer::builtin().expect("titles").scan(t));
    let institutions = crate::entities::institutions::InstitutionRecognizer::builtin();
    all.extend(institutions.expect("institutions").scan(t));
    all
}

fn fixture_entities() -> Vec<Entity> {
    let (paragraphs, sentences) = segments(FIXTURE);
    let doc = Doc::with_sentences(FIXTURE, &paragraphs, &sentences);
    assemble(&doc, fixture_candidates(FIXTURE))
}

fn named<'e>(all: &'e [Entity], name: &str) -> &'e Entity {
    let found = all.iter().find(|e| e.name == name);
    found.unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", names(all)))
}

fn names(all: &[Entity]) -> Vec<(String, &'static str)> {
    all.iter()
        .map(|e| (e.name.clone(), e.kind.as_str()))
        .collect()
}

fn texts(e: &Entity, kind: MentionKind) -> Vec<&'static str> {
    e.mentions
        .iter()
        .filter(|m| m.kind == kind)
        .map(|m| m.span.slice(FIXTURE))
        .collect()
}

#[test]
fn fixture_has_the_expected_entities() {
    let all = fixture_entities();
    let expect = [
        ("Najmaddin Sadigov", "PERSON"),
        ("Valery Gerasimov", "PERSON"),
        ("Azerbaijan", "GPE"),
        ("Russia", "GPE"),
        ("Baku", "GPE"),
        ("Moscow", "GPE"),
        ("Armenia", "GPE"),
        ("Nagorno-Karabakh", "LOC"),
        ("Azerbaijani", "NORP"),
        ("Russian", "NORP"),
        ("Trend", "ORG"),
        ("Azerbaijan\u{2019}s Defense Ministry", "ORG"),
        ("Russian Armed Forces", "ORG"),
        ("Armed Forces", "ORG"),
        ("Great Patriotic War", "EVENT"),
        ("Supreme Allied Commander Europe", "TITLE"),
        ("@AzerNewsAz", "HANDLE"),
        ("75th", "ORDINAL"),
        ("2020-02-07", "DATE"),
        ("Feb. 6", "DATE"),
        ("May 9", "DATE"),
        ("two", "CARDINAL"),
    ];
    let mut got = names(&all);
    got.sort();
    let mut want: Vec<(String, &str)> = expect.iter().map(|(n, k)| (n.to_string(), *k)).collect();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn sadigov_has_rank_offices_country_and_all_mentions() {
    let all = fixture_entities();
    let e = named(&all, "Najmaddin Sadigov");
    let p = e.attributes.person.as_ref().expect("person attrs");
    assert_eq!(p.ranks, ["Colonel General"]);
    assert_eq!(
        p.offices,
        [
            "First Deputy Defense Minister",
            "Chief of the General Staff of the Armed Forces"
        ]
    );
    assert_eq!(p.country.as_deref(), Some("Azerbaijan"));
    assert_eq!(p.affiliations, [named(&all, "Armed Forces").id.clone()]);
    assert_eq!(
        texts(e, MentionKind::Proper),
        ["Najmaddin Sadigov", "Sadigov", "Sadigov"]
    );
    assert_eq!(
        texts(e, MentionKind::Nominal),
        [
            "The colonel general",
            "The chief of the general staff",
            "The Azerbaijani colonel general"
        ]
    );
}

#[test]
fn gerasimov_has_rank_offices_country_and_all_mentions() {
    let all = fixture_entities();
    let e = named(&all, "Valery Gerasimov");
    let p = e.attributes.person.as_ref().expect("person attrs");
    assert_eq!(p.ranks, ["Army General"]);
    assert_eq!(
        p.offices,
        [
            "Chief of General Staff of the Russian Armed Forces",
            "First Deputy Defense Minister"
        ]
    );
    assert_eq!(p.country.as_deref(), Some("Russia"));
    assert_eq!(
        texts(e, MentionKind::Proper),
        ["Valery Gerasimov", "Gerasimov", "Gerasimov"]
    );
    assert_eq!(texts(e, MentionKind::Nominal), ["The Russian general"]);
}

#[test]
fn organisations_carry_their_country() {
    let all = fixture_entities();
    let country = |n: &str| named(&all, n).attributes.country.clone();
    assert_eq!(
        country("Azerbaijan\u{2019}s Defense Ministry").as_deref(),
        Some("Azerbaijan")
    );
    assert_eq!(country("Armed Forces").as_deref(), Some("Azerbaijan"));
    assert_eq!(country("Russian Armed Forces").as_deref(), Some("Russia"));
    assert_eq!(named(&all, "Trend").mentions.len(), 2);
}

#[test]
fn country_parts_are_mentions_of_the_country() {
    let all = fixture_entities();
    let az = named(&all, "Azerbaijan");
    let parts = az
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::CompoundPart)
        .count();
    // "Azerbaijan-Russia", "Armenia-Azerbaijan", "Russia-Azerbaijan", "Azerbaijan's Defense Ministry"
    assert_eq!(parts, 4, "{:?}", az.mentions);
    assert_eq!(az.mentions.len(), 7);
    assert_eq!(named(&all, "Russian").mentions.len(), 2);
}

#[test]
fn saceur_is_one_title_with_acronym() {
    let all = fixture_entities();
    let e = named(&all, "Supreme Allied Commander Europe");
    assert_eq!(texts(e, MentionKind::Acronym), ["SACEUR"]);
    assert_eq!(e.attributes.acronym.as_deref(), Some("SACEUR"));
    assert_eq!(
        all.iter().filter(|e| e.kind == EntityType::Title).count(),
        1
    );
}

#[test]
fn ids_and_salience_are_ordered() {
    let all = fixture_entities();
    assert_eq!(all[0].name, "Najmaddin Sadigov");
    for (i, e) in all.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", i + 1));
        assert!((0.0..=1.0).contains(&e.salience));
    }
    assert!(all.windows(2).all(|w| w[0].salience >= w[1].salience));
    assert!(
        all[0].salience < 0.9,
        "two people share the article: {}",
        all[0].salience
    );
    let json = serde_json::to_string(&all[0]).expect("serializes");
    assert!(json.contains("\"kind\":\"PERSON\""));
}

#[test]
fn noisy_model_spans_give_the_same_result() {
    use EntityType::{Misc, Org, Person};
    let t = FIXTURE;
    let mut noisy = fixture_candidates(t);
    let m = Source::Model;
    noisy.extend(cands(
        t,
        "Chief of General Staff of the Russian Armed Forces",
        Org,
        m,
    ));
    noisy.extend(cands(t, "Army General Valery Gerasimov", Person, m));
    noisy.extend(cands(t, "Supreme Allied Commander Europe", Org, m));
    noisy.extend(cands(t, "First Deputy Defense Minister", Misc, m));
    noisy.extend(cands(t, "Azerbaijan-Russia", Misc, m));
    let (paragraphs, sentences) = segments(t);
    let doc = Doc::with_sentences(t, &paragraphs, &sentences);
    let got = assemble(&doc, noisy);
    assert_eq!(got, fixture_entities());
}

#[path = "tests_rules.rs"]
mod rules;

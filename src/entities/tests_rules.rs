//! Rule tests on small sentences: merge priorities, apposition, acronyms, and a
//! never-panics property over arbitrary text and candidates.

use super::super::assemble::assemble;
use super::super::candidate::{Candidate, Source};
use super::super::numeric::NumericRecognizer;
use super::super::resolve::{merge, resolve};
use super::super::titles::TitleRecognizer;
use super::super::types::*;
use super::spans;
use crate::doc::Doc;
use crate::text::Span;

fn at(text: &str, needle: &str, kind: EntityType, source: Source) -> Candidate {
    Candidate::new(spans(text, needle)[0], kind, source, 0.8)
}

fn titles(text: &str) -> Vec<Candidate> {
    TitleRecognizer::builtin().expect("titles").scan(text)
}

fn kept(text: &str, cands: Vec<Candidate>) -> Vec<(&str, EntityType)> {
    merge(text, cands)
        .into_iter()
        .map(|c| (c.span.slice(text), c.kind))
        .collect()
}

#[test]
fn handles_win_and_longer_names_win() {
    use EntityType::*;
    let t = "Follow @AzerNews now at Azerbaijan's Defense Ministry";
    let got = kept(
        t,
        vec![
            at(t, "@AzerNews", Handle, Source::Metadata),
            at(t, "AzerNews", Org, Source::Model),
            at(t, "Azerbaijan", Gpe, Source::Gazetteer),
            at(t, "Azerbaijan's Defense Ministry", Org, Source::Model),
        ],
    );
    assert_eq!(
        got,
        [
            ("@AzerNews", Handle),
            ("Azerbaijan's Defense Ministry", Org)
        ]
    );
    let parts = resolve(
        t,
        vec![
            at(t, "Azerbaijan", Gpe, Source::Gazetteer),
            at(t, "Azerbaijan's Defense Ministry", Org, Source::Model),
        ],
    )
    .parts;
    assert_eq!(parts.len(), 1);
}

#[test]
fn ordinal_beats_misc_and_title_beats_ordinal_and_date_beats_cardinal() {
    use EntityType::*;
    let t = "the 75th anniversary, First Deputy Prime Minister, in 2020 May";
    let mut cands = titles(t);
    cands.push(at(t, "75th anniversary", Misc, Source::Model));
    cands.push(at(t, "75th", Ordinal, Source::Rule));
    cands.push(at(t, "First", Ordinal, Source::Rule));
    cands.push(at(t, "2020", Cardinal, Source::Rule));
    cands.push(at(t, "2020 May", Date, Source::Timex));
    let got = kept(t, cands);
    assert_eq!(
        got,
        [
            ("75th", Ordinal),
            ("First Deputy Prime Minister", Title),
            ("2020 May", Date)
        ]
    );
}

#[test]
fn model_org_opening_with_an_office_keeps_the_org() {
    use EntityType::*;
    let t = "led by Chief of General Staff of the Russian Armed Forces, Army General X";
    let mut cands = titles(t);
    let whole = "Chief of General Staff of the Russian Armed Forces";
    cands.push(at(t, whole, Org, Source::Model));
    let got = kept(t, cands);
    assert_eq!(
        got,
        [
            ("Chief of General Staff", Title),
            ("Russian Armed Forces", Org),
            ("Army General", Title)
        ]
    );
}

#[test]
fn person_span_loses_its_title_prefix_and_gazetteer_tiles_split_model_span() {
    use EntityType::*;
    let t = "Army General Valery Gerasimov said Azerbaijan-Russia ties grow.";
    let mut cands = titles(t);
    cands.push(at(
        t,
        "Army General Valery Gerasimov",
        Person,
        Source::Model,
    ));
    cands.push(at(t, "Azerbaijan-Russia", Loc, Source::Model));
    cands.push(at(t, "Azerbaijan", Gpe, Source::Gazetteer));
    cands.push(at(t, "Russia", Gpe, Source::Gazetteer));
    let got = kept(t, cands);
    assert_eq!(
        got,
        [
            ("Army General", Title),
            ("Valery Gerasimov", Person),
            ("Azerbaijan", Gpe),
            ("Russia", Gpe)
        ]
    );
}

fn person_of<'e>(all: &'e [Entity], name: &str) -> &'e PersonAttrs {
    let e = all.iter().find(|e| e.name == name).expect("person entity");
    e.attributes.person.as_ref().expect("person attrs")
}

#[test]
fn apposition_and_single_title() {
    let t = "President Ilham Aliyev met Sergei Shoigu, the Russian defense minister, in Baku.";
    let mut cands = titles(t);
    cands.push(at(t, "Ilham Aliyev", EntityType::Person, Source::Model));
    cands.push(at(t, "Sergei Shoigu", EntityType::Person, Source::Model));
    let mut russian = at(t, "Russian", EntityType::Norp, Source::Gazetteer);
    russian.country = Some("Russia".into());
    cands.push(russian);
    let all = assemble(&Doc::plain(t), cands);
    assert_eq!(person_of(&all, "Ilham Aliyev").offices, ["President"]);
    let shoigu = person_of(&all, "Sergei Shoigu");
    assert_eq!(shoigu.offices, ["Defense Minister"]);
    assert_eq!(shoigu.country.as_deref(), Some("Russia"));
    assert!(all.iter().all(|e| e.kind != EntityType::Title));
}

#[test]
fn acronym_definition_links_later_uses() {
    let t = "The North Atlantic Treaty Organization (NATO) met. NATO said so. Later NATO left.";
    let mut cands = vec![at(
        t,
        "North Atlantic Treaty Organization",
        EntityType::Org,
        Source::Model,
    )];
    let last = t.rfind("NATO").expect("NATO");
    cands.push(Candidate::new(
        Span::new(last, last + 4),
        EntityType::Org,
        Source::Model,
        0.7,
    ));
    let all = assemble(&Doc::plain(t), cands);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].name, "North Atlantic Treaty Organization");
    assert_eq!(all[0].attributes.acronym.as_deref(), Some("NATO"));
    let acronyms = all[0]
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Acronym)
        .count();
    assert_eq!(acronyms, 3);
}

#[test]
fn ambiguous_nominal_is_left_alone() {
    let t = "General Ivan Petrov met General Oleg Sidorov. The general spoke.";
    let mut cands = titles(t);
    cands.push(at(t, "Ivan Petrov", EntityType::Person, Source::Model));
    cands.push(at(t, "Oleg Sidorov", EntityType::Person, Source::Model));
    let all = assemble(
        &Doc::with_sentences(t, &[], &[Span::new(0, 45), Span::new(46, 65)]),
        cands,
    );
    assert!(all
        .iter()
        .flat_map(|e| &e.mentions)
        .all(|m| m.kind != MentionKind::Nominal));
}

fn arb_candidate(len: usize) -> impl proptest::strategy::Strategy<Value = Candidate> {
    use proptest::prelude::*;
    let kinds = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Norp,
        EntityType::Title,
        EntityType::Date,
        EntityType::Misc,
        EntityType::Cardinal,
    ];
    let sources = [
        Source::Model,
        Source::Gazetteer,
        Source::Rule,
        Source::Timex,
        Source::Metadata,
    ];
    (
        0..=len,
        0..=len,
        0..kinds.len(),
        0..sources.len(),
        0.0f32..1.0,
    )
        .prop_map(move |(a, b, k, s, conf)| {
            Candidate::new(Span::new(a.min(b), a.max(b)), kinds[k], sources[s], conf)
        })
}

proptest::proptest! {
    #[test]
    fn assemble_never_panics(
        text in proptest::string::string_regex(&format!(
            "[A-Za-z0-9 ,.()$%'é{}-]{{0,60}}",
            crate::text::boundary::TYPOGRAPHIC
        ))
        .expect("regex"),
        raw in proptest::collection::vec(arb_candidate(60), 0..12),
    ) {
        let mut cands: Vec<Candidate> = raw.into_iter()
            .filter(|c| text.get(c.span.start..c.span.end).is_some())
            .collect();
        cands.extend(titles(&text));
        cands.extend(NumericRecognizer::new().expect("numeric").scan(&text));
        let all = assemble(&Doc::plain(&text), cands);
        for e in &all {
            proptest::prop_assert!((0.0..=1.0).contains(&e.salience));
            for m in &e.mentions {
                proptest::prop_assert!(text.get(m.span.start..m.span.end).is_some());
            }
        }
    }
}

#[test]
fn entity_type_all_lists_every_variant_once_in_order() {
    for (i, t) in EntityType::ALL.into_iter().enumerate() {
        assert_eq!(t as usize, i, "{t:?}");
    }
    assert_eq!(EntityType::Misc as usize + 1, EntityType::ALL.len());
}

#[test]
fn entity_type_wire_names_match_serde() {
    for k in EntityType::ALL {
        let json = serde_json::to_string(&k).expect("serializes");
        assert_eq!(json, format!("\"{}\"", k.as_str()));
    }
}

#[test]
fn nationality_before_chain_and_place_after_office_give_the_country() {
    let t = "Russian Defense Minister Sergei Shoigu and President of Azerbaijan Ilham Aliyev met.";
    let mut cands = titles(t);
    cands.push(at(t, "Sergei Shoigu", EntityType::Person, Source::Model));
    cands.push(at(t, "Ilham Aliyev", EntityType::Person, Source::Model));
    let mut russian = at(t, "Russian", EntityType::Norp, Source::Gazetteer);
    russian.country = Some("Russia".into());
    cands.push(russian);
    cands.push(at(t, "Azerbaijan", EntityType::Gpe, Source::Gazetteer));
    let all = assemble(&Doc::plain(t), cands);
    let shoigu = person_of(&all, "Sergei Shoigu");
    assert_eq!(
        (shoigu.offices.as_slice(), shoigu.country.as_deref()),
        (&["Defense Minister".to_string()][..], Some("Russia"))
    );
    let aliyev = person_of(&all, "Ilham Aliyev");
    assert_eq!(aliyev.offices, ["President of Azerbaijan"]);
    assert_eq!(aliyev.country.as_deref(), Some("Azerbaijan"));
    let az = all.iter().find(|e| e.name == "Azerbaijan").expect("GPE");
    assert_eq!(aliyev.affiliations, std::slice::from_ref(&az.id));
}

#[test]
fn names_sharing_a_link_id_are_one_entity() {
    let t = "The Russian Federation said Russia would reply.";
    let link = Links {
        wikidata: Some("Q159".into()),
        ..Links::default()
    };
    let mut a = at(t, "Russian Federation", EntityType::Gpe, Source::Gazetteer);
    a.link = Some(link.clone());
    let mut b = at(t, "Russia", EntityType::Gpe, Source::Gazetteer);
    b.link = Some(link);
    let all = assemble(&Doc::plain(t), vec![a, b]);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].name, "Russian Federation");
    assert_eq!(all[0].attributes.links.wikidata.as_deref(), Some("Q159"));
    assert_eq!(all[0].salience, 1.0);
}

#[test]
fn a_name_the_model_reads_as_club_and_as_city_is_two_entities() {
    use EntityType::{Gpe, Org};
    let t = "Lakeview beat Rivertown 3-1. In Lakeview, fans cheered. Lakeview Council met.";
    let nth = |n: usize| {
        let i = t.match_indices("Lakeview").nth(n).map_or(0, |(i, _)| i);
        Span::new(i, i + 8)
    };
    let cands = vec![
        Candidate::new(nth(0), Org, Source::Model, 0.9),
        Candidate::new(nth(1), Gpe, Source::Model, 0.9),
    ];
    let all = assemble(&Doc::plain(t), cands);
    let kinds: Vec<EntityType> = all.iter().map(|e| e.kind).collect();
    assert_eq!(kinds.len(), 2, "{all:?}");
    // A context-free list reading joins the model's, whatever its family.
    let cands = vec![
        Candidate::new(nth(0), Org, Source::Model, 0.6),
        Candidate::new(nth(1), Gpe, Source::Gazetteer, 0.9),
    ];
    let all = assemble(&Doc::plain(t), cands);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].kind, Gpe);
}

//! Turns the candidates of all recognizers into the document's entity list.
//!
//! Order of passes: resolve overlaps (`super::resolve`, the one place that decides
//! which candidates win); let a nested country name lend its country to
//! the name around it; read title chains around people; group mentions; resolve
//! "the colonel general" phrases; keep free-standing offices as TITLE entities;
//! link acronyms; score salience; sort and number.

use super::candidate::Candidate;
use super::mentions::{norm_key, proper_kind, Groups};
use super::people::{self, country_of, PersonFacts};
use super::resolve::{resolve, Resolved};
use super::salience;
use super::types::{Attributes, Entity, EntityType, Mention, MentionKind, PersonAttrs, TitleKind};
use super::{acronyms, grouping, nominals};
use crate::doc::Doc;
use crate::text::Span;

/// All entities of a document, most salient first (ties: earliest first mention),
/// numbered "e1", "e2", ... in that order.
pub fn assemble(doc: &Doc<'_>, cands: Vec<Candidate>) -> Vec<Entity> {
    let text = doc.text;
    let Resolved {
        mut kept,
        nested,
        parts,
    } = resolve(text, cands);
    lend_part_countries(text, &mut kept, &nested);
    let facts = people::analyze(text, &kept);
    share_person_countries(&mut kept, &facts);
    let mut g = grouping::group(text, &kept, &parts);
    let mut used = vec![false; kept.len()];
    apply_facts(&mut g, &facts, &mut used);
    let sentences: Vec<Span> = doc.body_sentences().map(|(s, _)| s.span).collect();
    for t in nominals::resolve(text, &kept, &used, &sentences, &mut g) {
        used[t] = true;
    }
    add_free_titles(text, &kept, &used, &mut g);
    acronyms::link(text, &kept, &mut g);
    g.settle_kinds();
    finish(doc, &sentences, g)
}

/// "Azerbaijan's Defense Ministry" belongs to Azerbaijan; "Russian Armed Forces"
/// to Russia: a place or nationality opening a longer name gives it its country,
/// and one anywhere inside an ORG does ("Ministry of Defence of Azerbaijan").
fn lend_part_countries(text: &str, kept: &mut [Candidate], parts: &[Candidate]) {
    for part in parts {
        let i = kept.partition_point(|k| k.span.end <= part.span.start);
        let Some(host) = kept.get_mut(i) else {
            continue;
        };
        let opens = host.span.start == part.span.start || host.kind == EntityType::Org;
        if opens && host.kind != EntityType::Person && host.country.is_none() {
            host.country = country_of(text, part);
        }
    }
}

/// An office's organisation without a country takes its holder's country
/// ("the Armed Forces" led by Azerbaijan's chief of staff are Azerbaijan's).
fn share_person_countries(kept: &mut [Candidate], facts: &[PersonFacts]) {
    for f in facts {
        let Some(country) = &f.country else { continue };
        for &a in &f.affiliations {
            if let Some(org) = kept.get_mut(a).filter(|o| o.kind == EntityType::Org) {
                org.country.get_or_insert_with(|| country.clone());
            }
        }
    }
}

fn apply_facts(g: &mut Groups, facts: &[PersonFacts], used: &mut [bool]) {
    for f in facts {
        for &t in &f.consumed {
            used[t] = true;
        }
        let Some(c) = g.cluster_of[f.person].map(|c| g.live(c)) else {
            continue;
        };
        let cluster = &mut g.clusters[c];
        let person = cluster
            .attrs
            .person
            .get_or_insert_with(PersonAttrs::default);
        extend_unique(&mut person.ranks, &f.ranks);
        extend_unique(&mut person.offices, &f.offices);
        if person.country.is_none() {
            person.country.clone_from(&f.country);
        }
        extend_unique(&mut cluster.titles, &f.titles);
        cluster.affiliations.extend(&f.affiliations);
    }
}

fn extend_unique(into: &mut Vec<String>, from: &[String]) {
    for s in from {
        if !into.contains(s) {
            into.push(s.clone());
        }
    }
}

/// Capitalized offices no person or phrase used ("Supreme Allied Commander
/// Europe", "SACEUR") become TITLE entities when multi-word or abbreviated.
fn add_free_titles(text: &str, kept: &[Candidate], used: &[bool], g: &mut Groups) {
    for (t, c) in kept.iter().enumerate() {
        let Some(attrs) = c.title.as_ref().filter(|_| !used[t]) else {
            continue;
        };
        let capital = c.text(text).starts_with(char::is_uppercase);
        let specific = attrs.canonical.contains(' ') || attrs.acronym.is_some();
        if capital && specific && attrs.kind == TitleKind::Office {
            g.add(text, t, c, proper_kind(text, kept, t));
        }
    }
}

/// `sentences` are the body's, in text order.
fn finish(doc: &Doc<'_>, sentences: &[Span], mut g: Groups) -> Vec<Entity> {
    let text = doc.text;
    for c in g.clusters.iter_mut() {
        c.mentions.sort_by_key(|m| m.span);
        c.mentions.dedup_by_key(|m| m.span);
    }
    let (live, scores, order) = rank(doc, sentences, &g);
    let mut id_of = vec![None; g.clusters.len()];
    for (rank, &k) in order.iter().enumerate() {
        id_of[live[k]] = Some(format!("e{}", rank + 1));
    }
    let ids = |cand: usize| {
        g.cluster_of
            .get(cand)
            .copied()
            .flatten()
            .and_then(|c| id_of[g.live(c)].clone())
    };
    let build = |k: usize| {
        let c = &g.clusters[live[k]];
        let mut attrs = c.attrs.clone();
        finish_attrs(
            &mut attrs,
            c.kind,
            c.affiliations.iter().filter_map(|&a| ids(a)),
        );
        Entity {
            id: id_of[live[k]].clone().unwrap_or_default(),
            name: canonical_name(text, c.kind, &c.mentions, &attrs),
            kind: c.kind,
            salience: scores[k],
            mentions: c.mentions.clone(),
            attributes: attrs,
        }
    };
    order.iter().map(|&k| build(k)).collect()
}

/// Live clusters, their saliences, and their order (salience desc, first mention asc).
fn rank(doc: &Doc<'_>, sentences: &[Span], g: &Groups) -> (Vec<usize>, Vec<f32>, Vec<usize>) {
    let paragraphs: Vec<Span> = doc.body_blocks().collect();
    let lead = salience::lead_span(doc.text, doc.lead(), &paragraphs, sentences);
    let live: Vec<usize> = (0..g.clusters.len())
        .filter(|&i| g.clusters[i].merged_into.is_none() && !g.clusters[i].mentions.is_empty())
        .collect();
    let raw: Vec<f32> = live
        .iter()
        .map(|&i| {
            let c = &g.clusters[i];
            salience::raw_score(c.kind, &c.mentions, doc.text.len(), lead)
        })
        .collect();
    let scores = salience::normalize(&raw);
    let first = |k: usize| {
        g.clusters[live[k]]
            .mentions
            .first()
            .map_or(0, |m| m.span.start)
    };
    let mut order: Vec<usize> = (0..live.len()).collect();
    order.sort_by(|&a, &b| {
        scores[b]
            .total_cmp(&scores[a])
            .then(first(a).cmp(&first(b)))
    });
    (live, scores, order)
}

fn finish_attrs(
    attrs: &mut Attributes,
    kind: EntityType,
    affiliations: impl Iterator<Item = String>,
) {
    if let Some(p) = attrs.person.as_mut() {
        for id in affiliations {
            if !p.affiliations.contains(&id) {
                p.affiliations.push(id);
            }
        }
    }
    if kind != EntityType::Title {
        attrs.title = None;
    } else if attrs.acronym.is_none() {
        attrs.acronym = attrs.title.as_ref().and_then(|t| t.acronym.clone());
    }
    if kind == EntityType::Person {
        attrs.country = None;
    }
}

/// The lexicon form for titles, else the longest proper (or any) mention, with
/// white space collapsed and a possessive ending dropped.
fn canonical_name(
    text: &str,
    kind: EntityType,
    mentions: &[Mention],
    attrs: &Attributes,
) -> String {
    if let Some(t) = attrs.title.as_ref().filter(|_| kind == EntityType::Title) {
        return t.canonical.clone();
    }
    let slice = |s: Span| text.get(s.start..s.end).unwrap_or("");
    let longest = |proper: bool| {
        mentions
            .iter()
            .filter(|m| !proper || m.kind == MentionKind::Proper)
            .map(|m| slice(m.span))
            .max_by_key(|s| (norm_key(s).len(), std::cmp::Reverse(s.len())))
    };
    let best = longest(true).or_else(|| longest(false)).unwrap_or("");
    let joined = best.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = ["\u{2019}s", "'s"]
        .iter()
        .find_map(|p| joined.strip_suffix(p));
    trimmed.map_or(joined.clone(), str::to_owned)
}

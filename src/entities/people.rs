//! Ranks, offices, affiliations and country of people, read from the titles
//! written next to their names.
//!
//! Before a name, a chain of titles separated by " - ", "," or "and" is read right
//! to left: "Azerbaijan's First Deputy Defense Minister - Chief of the General
//! Staff of the Armed Forces, Colonel General Najmaddin Sadigov". An office
//! followed by `of (the) <ORG or place>` is extended by it and makes that entity an
//! affiliation. The country comes from a possessive or nationality word before the
//! chain ("Azerbaijan's", "Russian"), else from an affiliation's country. After a
//! name, an apposition "X, the Russian defense minister," is read the same way.

use super::candidate::Candidate;
use super::types::{EntityType, TitleKind};

/// What the titles around one PERSON candidate say about them.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PersonFacts {
    /// Kept-candidate index of the person's name.
    pub person: usize,
    /// Ranks by canonical name ("Colonel General").
    pub ranks: Vec<String>,
    /// Offices as written, with their "of the ..." extension.
    pub offices: Vec<String>,
    /// Lower-case canonical titles, for matching "the colonel general" later.
    pub titles: Vec<String>,
    /// Kept-candidate indices of organisations and places the offices belong to.
    pub affiliations: Vec<usize>,
    /// Country name.
    pub country: Option<String>,
    /// Kept-candidate indices of the TITLE candidates used up.
    pub consumed: Vec<usize>,
}

/// Reads the title chain before and the apposition after every PERSON candidate.
pub(crate) fn analyze(text: &str, cands: &[Candidate]) -> Vec<PersonFacts> {
    let mut out = Vec::new();
    for (p, cand) in cands.iter().enumerate() {
        if cand.kind != EntityType::Person {
            continue;
        }
        let mut facts = PersonFacts {
            person: p,
            ..PersonFacts::default()
        };
        let first = chain_before(text, cands, p, &mut facts);
        if first < p {
            facts.country = country_before(text, cands, first).or(facts.country.take());
        } else {
            apposition_after(text, cands, p, &mut facts);
        }
        if !facts.consumed.is_empty() {
            out.push(facts);
        }
    }
    out
}

fn gap(text: &str, a: &Candidate, b: &Candidate) -> &'static str {
    let g = text.get(a.span.end..b.span.start).unwrap_or("!").trim();
    match g {
        "" => "",
        "," | "-" | "\u{2013}" | "\u{2014}" | "and" | ", and" => ",",
        "of" | "of the" => "of",
        "\u{2019}s" | "'s" => "'s",
        "the" | ", the" => "the",
        _ => "!",
    }
}

/// Walks left from person `p`; returns the index of the leftmost chain element.
fn chain_before(text: &str, cands: &[Candidate], p: usize, facts: &mut PersonFacts) -> usize {
    let mut first = p;
    let mut items: Vec<(usize, Option<usize>)> = Vec::new();
    while let Some(k) = first.checked_sub(1) {
        let (c, right) = (&cands[k], &cands[first]);
        let sep = gap(text, c, right);
        let adjacent = sep.is_empty() || (sep == "," && first != p);
        if !adjacent {
            break;
        }
        if c.kind == EntityType::Title {
            items.push((k, None));
            first = k;
        } else if let Some(t) = office_of(text, cands, k) {
            items.push((t, Some(k)));
            first = t;
        } else {
            break;
        }
    }
    for (t, ext) in items.into_iter().rev() {
        record(text, cands, t, ext, facts);
    }
    first
}

/// If candidate `k` is the `<ORG>` of `<office> of the <ORG>`, the office's index.
fn office_of(text: &str, cands: &[Candidate], k: usize) -> Option<usize> {
    let c = &cands[k];
    let place = matches!(c.kind, EntityType::Org | EntityType::Gpe | EntityType::Loc);
    let t = k.checked_sub(1)?;
    let office = cands[t]
        .title
        .as_ref()
        .is_some_and(|a| a.kind == TitleKind::Office);
    (place && office && gap(text, &cands[t], c) == "of").then_some(t)
}

fn record(text: &str, cands: &[Candidate], t: usize, ext: Option<usize>, f: &mut PersonFacts) {
    let Some(attrs) = cands[t].title.as_ref() else {
        return;
    };
    f.consumed.push(t);
    let surface = cands[t].text(text);
    let written = if surface.starts_with(char::is_uppercase) {
        surface
    } else {
        &attrs.canonical
    };
    let mut name = written.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(e) = ext {
        let tail = text.get(cands[t].span.end..cands[e].span.end).unwrap_or("");
        name.extend(tail.split_whitespace().flat_map(|w| [" ", w]));
        f.affiliations.push(e);
        f.country = f.country.take().or_else(|| country_of(text, &cands[e]));
    }
    match attrs.kind {
        TitleKind::Rank => f.ranks.push(attrs.canonical.clone()),
        TitleKind::Office => f.offices.push(name),
        TitleKind::Honorific => return,
    }
    f.titles.push(attrs.canonical.to_lowercase());
}

/// Country of a candidate: its own country field, else a country's own name.
pub(crate) fn country_of(text: &str, c: &Candidate) -> Option<String> {
    match (c.kind, &c.country) {
        (_, Some(country)) => Some(country.clone()),
        (EntityType::Gpe, None) => Some(c.text(text).to_owned()),
        _ => None,
    }
}

/// "Azerbaijan's" or "Russian" right before the chain starting at `first`.
fn country_before(text: &str, cands: &[Candidate], first: usize) -> Option<String> {
    let k = first.checked_sub(1)?;
    let c = &cands[k];
    let sep = gap(text, c, &cands[first]);
    let ok = match c.kind {
        EntityType::Gpe => sep == "'s",
        EntityType::Norp => sep.is_empty(),
        _ => false,
    };
    ok.then(|| country_of(text, c)).flatten()
}

/// "X, the Russian defense minister," or "X, Russia's defense minister,".
fn apposition_after(text: &str, cands: &[Candidate], p: usize, facts: &mut PersonFacts) {
    let Some(next) = cands.get(p + 1) else { return };
    let opener = text
        .get(cands[p].span.end..next.span.start)
        .unwrap_or("")
        .trim_end();
    if !matches!(opener, "," | ", the" | ", a" | ", an") {
        return;
    }
    let mut t = p + 1;
    let mut country = None;
    if matches!(next.kind, EntityType::Norp | EntityType::Gpe) {
        let sep = cands.get(p + 2).map_or("!", |title| gap(text, next, title));
        if sep.is_empty() || sep == "'s" {
            country = country_of(text, next);
            t = p + 2;
        }
    }
    let Some(title) = cands.get(t).filter(|c| c.kind == EntityType::Title) else {
        return;
    };
    let ext = cands
        .get(t + 1)
        .and_then(|_| office_of(text, cands, t + 1))
        .map(|_| t + 1);
    let end = ext.map_or(title.span.end, |e| cands[e].span.end);
    let closes = text.get(end..).unwrap_or("").trim_start();
    if closes.is_empty() || closes.starts_with([',', '.', ';', ')']) {
        record(text, cands, t, ext, facts);
        facts.country = country.or(facts.country.take());
    }
}

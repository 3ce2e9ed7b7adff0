//! Adapters from each stage's own output to entity [`Candidate`]s.
//!
//! The stages (time, gazetteer, statistical model, metadata) keep their own types
//! so they can be developed and tested alone; this file is the one place that
//! knows how their findings become candidates for `assemble`.

use super::gazetteer::{self, Coarse, EntryId, GazEntry, GazKind, Gazetteer, PlaceKind};
use super::{Candidate, EntityType, Links, Source, TimexAttrs, TimexType};
use crate::text::Span;
use crate::time::{self, Timex};

/// Time expressions become DATE/TIME/DURATION/SET candidates carrying their value.
pub fn timex_candidates(timexes: &[Timex]) -> Vec<Candidate> {
    timexes
        .iter()
        .map(|t| {
            let (kind, timex_type) = match t.kind {
                time::TimexType::Date => (EntityType::Date, TimexType::Date),
                time::TimexType::Time => (EntityType::Time, TimexType::Time),
                time::TimexType::Duration => (EntityType::Duration, TimexType::Duration),
                time::TimexType::Set => (EntityType::Set, TimexType::Set),
            };
            let attrs = TimexAttrs {
                timex_type,
                value: t.value.clone(),
                modifier: t.modifier.map(str::to_owned),
            };
            Candidate {
                timex: Some(attrs),
                ..Candidate::new(t.span, kind, Source::Timex, 1.0)
            }
        })
        .collect()
}

/// Every known name in the text, typed and linked by its best entry.
pub fn gazetteer_candidates(g: &Gazetteer, text: &str) -> Vec<Candidate> {
    g.find_all(text)
        .into_iter()
        .filter_map(|m| {
            let id = *m.entries.first()?;
            let kind = gazetteer::entry_type(g.entry(id));
            // A known multi-word name ("Nagorno-Karabakh", "Great Patriotic War") is far
            // less ambiguous than a single word ("Jordan", "Georgia"): trust it more.
            let confidence = if m.span.slice(text).contains([' ', '-']) {
                0.97
            } else {
                0.9
            };
            let cand = Candidate::new(m.span, kind, Source::Gazetteer, confidence);
            Some(linked(g, cand, Some(id)))
        })
        .collect()
}

/// A statistically found name, fine-typed and linked through the gazetteer.
pub fn model_candidate(
    g: &Gazetteer,
    text: &str,
    span: Span,
    coarse: Coarse,
    confidence: f32,
) -> Candidate {
    let (fine, id) = gazetteer::refine(g, span.slice(text), coarse);
    linked(g, Candidate::new(span, fine, Source::Model, confidence), id)
}

/// Fills links and country from a gazetteer entry.
fn linked(g: &Gazetteer, mut c: Candidate, id: Option<EntryId>) -> Candidate {
    let Some(id) = id else { return c };
    let e = g.entry(id);
    let links = Links {
        iso3166: e.ids.iso3166.map(str::to_owned),
        geonames: e.ids.geonames.map(|n| n.to_string()),
        wikidata: e.ids.wikidata.map(str::to_owned),
    };
    // A demonym names a people, not its country: it carries the country's name
    // but not its ids, or it would be grouped into the country's entity.
    if !links.is_empty() && c.kind != EntityType::Norp {
        c.link = Some(links);
    }
    c.country = country_of(g, e).map(str::to_owned);
    c
}

/// The canonical name of the country an entry belongs to.
pub fn country_of(g: &Gazetteer, e: &GazEntry) -> Option<&'static str> {
    match e.kind {
        GazKind::Place(PlaceKind::Country) => Some(e.name),
        _ => e
            .country
            .and_then(|iso| g.country_by_iso2(iso))
            .map(|id| g.entry(id).name),
    }
}

/// Handles, URLs and e-mail addresses found by the metadata stage.
pub fn metadata_candidates(md: &crate::metadata::Metadata) -> Vec<Candidate> {
    let handles = md.handles.iter().map(|h| (h.span, EntityType::Handle));
    let urls = md.urls.iter().map(|u| (u.span, EntityType::Url));
    let emails = md.emails.iter().map(|e| (e.span, EntityType::Email));
    handles
        .chain(urls)
        .chain(emails)
        .map(|(span, kind)| Candidate::new(span, kind, Source::Metadata, 1.0))
        .collect()
}

/// Repairs model spans that swallow a person title: a rank or honorific that
/// stands for a person ("Colonel General", "President") never lies inside an
/// organization or place name, so a model span containing one is cut before the
/// title, and the capitalized words right after the title become a PERSON
/// candidate ("…, Colonel General Najmaddin Sadigov").
pub fn split_at_person_titles(text: &str, cands: &mut Vec<Candidate>) {
    let titles: Vec<Span> = cands
        .iter()
        .filter(|c| c.title.as_ref().is_some_and(|t| t.person_denoting))
        .map(|c| c.span)
        .collect();
    let mut people = Vec::new();
    for c in cands
        .iter_mut()
        .filter(|c| c.source == Source::Model && c.kind != EntityType::Person)
    {
        let Some(title) = titles
            .iter()
            .find(|t| c.span.start < t.start && t.end < c.span.end)
        else {
            continue;
        };
        if let Some(name) = capitalized_run(text, title.end, c.span.end) {
            people.push(Candidate::new(name, EntityType::Person, Source::Rule, 0.6));
        }
        let left = Span::new(c.span.start, title.start);
        let left = trim_glue(text, left);
        c.span = left;
    }
    cands.retain(|c| !c.span.is_empty());
    cands.extend(people);
}

/// The run of capitalized words starting right after `from` (one space), up to `limit`.
fn capitalized_run(text: &str, from: usize, limit: usize) -> Option<Span> {
    let rest = text.get(from..limit)?;
    let body = rest.strip_prefix(' ')?;
    let start = from + 1;
    let mut end = start;
    for word in body.split(' ') {
        let word = word.trim_end_matches([',', '.', ';', ':']);
        if !word.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        end = start + (word.as_ptr() as usize - body.as_ptr() as usize) + word.len();
    }
    (end > start).then(|| Span::new(start, end))
}

/// Drops trailing separators (", ", " - ") and spaces from a span.
fn trim_glue(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let kept = s.trim_end_matches([' ', ',', '-', '–', '—']);
    Span::new(span.start, span.start + kept.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{TitleAttrs, TitleKind};

    #[test]
    fn a_model_span_swallowing_a_rank_is_cut_and_the_name_becomes_a_person() {
        let text = "of the Armed Forces, Colonel General Najmaddin Sadigov has met";
        let at = |s: &str| {
            let i = text.find(s).unwrap_or_default();
            Span::new(i, i + s.len())
        };
        let rank = TitleAttrs {
            kind: TitleKind::Rank,
            canonical: "Colonel General".into(),
            acronym: None,
            person_denoting: true,
        };
        let mut cands = vec![
            Candidate::new(
                at("Armed Forces, Colonel General Najmaddin Sadigov"),
                EntityType::Org,
                Source::Model,
                0.01,
            ),
            Candidate {
                title: Some(rank),
                ..Candidate::new(at("Colonel General"), EntityType::Title, Source::Rule, 0.9)
            },
        ];
        split_at_person_titles(text, &mut cands);
        let got: Vec<(&str, EntityType)> =
            cands.iter().map(|c| (c.span.slice(text), c.kind)).collect();
        assert!(got.contains(&("Armed Forces", EntityType::Org)), "{got:?}");
        assert!(
            got.contains(&("Najmaddin Sadigov", EntityType::Person)),
            "{got:?}"
        );
    }
}

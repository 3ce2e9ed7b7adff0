//! Known names from the gazetteers: context-free, typed and linked by their best entry.

use crate::doc::Doc;
use crate::entities::gazetteer::{self, EntryId, GazEntry, GazKind, Gazetteer, PlaceKind};
use crate::entities::{Candidate, EntityType, Links, Recognizer, Source};
use std::sync::Arc;

/// Every gazetteer name in the text (places, international bodies, demonyms, events).
#[derive(Debug, Clone)]
pub struct GazetteerNames {
    gazetteer: Arc<Gazetteer>,
}

impl GazetteerNames {
    /// A recognizer over a loaded gazetteer.
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        GazetteerNames { gazetteer }
    }
}

impl Recognizer for GazetteerNames {
    fn recognize(&self, doc: &Doc<'_>) -> Vec<Candidate> {
        gazetteer_candidates(&self.gazetteer, doc.text)
    }
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

/// Fills links and country from a gazetteer entry.
pub(super) fn linked(g: &Gazetteer, mut c: Candidate, id: Option<EntryId>) -> Candidate {
    let Some(id) = id else { return c };
    let e = g.entry(id);
    let links = Links {
        iso3166: e.ids.iso3166.map(str::to_owned),
        geonames: e.ids.geonames,
        wikidata: e.ids.wikidata.map(str::to_owned),
        ..Links::default()
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
fn country_of(g: &Gazetteer, e: &GazEntry) -> Option<&'static str> {
    match e.kind {
        GazKind::Place(PlaceKind::Country) => Some(e.name),
        _ => e
            .country
            .and_then(|iso| g.country_by_iso2(iso))
            .map(|id| g.entry(id).name),
    }
}

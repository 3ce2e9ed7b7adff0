//! Gazetteers: known places, organizations, nationalities and events, with their ids.
//!
//! The data is compiled into the binary from `data/gazetteer/*.tsv` (GeoNames, ISO 3166,
//! keshvar demonyms and curated facts; see `data/gazetteer/SOURCES.md`). [`Gazetteer`] answers
//! three questions for the entity stages:
//!
//! * which known names occur in a text ([`Gazetteer::find_all`], one Aho-Corasick pass),
//! * what a given surface form may refer to ([`Gazetteer::lookup`], best candidate first),
//! * which OntoNotes type a statistically found span has ([`refine`]), and how compounds
//!   such as "Azerbaijan-Russia" or "Azerbaijan’s Defense Ministry" split ([`compound_parts`],
//!   [`possessive`]).
//!
//! Matching is case-sensitive on purpose: "Turkey" is a country, "turkey" a bird, "US" a
//! country and "us" a pronoun. Month names ("May") are never places.

mod compound;
mod entry;
mod error;
mod find;
mod index;
mod load;
mod refine;
mod table;
#[cfg(test)]
mod tests;

pub use compound::{compound_parts, possessive, Possessive};
pub use entry::{EntryId, GazEntry, GazKind, GazMatch, Ids, PlaceKind};
pub use error::GazError;
pub use load::Sources;
pub use refine::{entry_type, refine};

/// The loaded gazetteers plus the automaton that finds their names in text.
pub struct Gazetteer {
    entries: Vec<GazEntry>,
    index: index::SurfaceIndex,
    by_iso2: std::collections::HashMap<&'static str, EntryId>,
    languages: std::collections::HashSet<&'static str>,
}

impl std::fmt::Debug for Gazetteer {
    /// Sizes only: the tables are too large to print usefully.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.entries.len())
            .field("surfaces", &self.index.len())
            .finish()
    }
}

impl Gazetteer {
    /// The entry behind an id this gazetteer handed out.
    pub fn entry(&self, id: EntryId) -> &GazEntry {
        &self.entries[id.0 as usize]
    }

    /// Number of entries, for reports and benchmarks.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing was loaded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries whose surface form is exactly `surface` (case-sensitive), best first.
    pub fn lookup(&self, surface: &str) -> &[EntryId] {
        self.index.lookup(surface)
    }

    /// The country a demonym names: "Azerbaijani" and "Russians" give Azerbaijan and Russia.
    pub fn nationality_country(&self, word: &str) -> Option<EntryId> {
        self.lookup(word)
            .iter()
            .map(|&id| self.entry(id))
            .find(|e| e.kind == GazKind::Nationality && e.country.is_some())
            .and_then(|e| self.country_by_iso2(e.country?))
    }

    /// The country entry for an ISO 3166-1 alpha-2 code ("AZ").
    pub fn country_by_iso2(&self, iso2: &str) -> Option<EntryId> {
        self.by_iso2.get(iso2).copied()
    }

    /// ISO 3166-1 alpha-2 code of the country whose name is exactly `name`
    /// ("Azerbaijan" gives "AZ"); the entity stage names countries, the wire adds codes.
    pub fn country_code(&self, name: &str) -> Option<&'static str> {
        self.lookup(name)
            .iter()
            .map(|&id| self.entry(id))
            .find(|e| e.kind == GazKind::Place(PlaceKind::Country))
            .and_then(|e| e.ids.iso3166)
    }

    /// True when `word` is a language name from ISO 639-2 ("English", "Azerbaijani").
    pub fn is_language(&self, word: &str) -> bool {
        self.languages.contains(word)
    }
}

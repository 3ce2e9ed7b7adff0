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
mod find;
mod index;
mod load;
mod refine;
mod table;
#[cfg(test)]
mod tests;

pub use compound::{compound_parts, possessive, Possessive};
pub use load::{GazError, Sources};
pub use refine::{entry_type, refine, Coarse};

use crate::text::Span;

/// What sort of place an entry is; decides GPE versus LOC together with [`GazEntry::gpe`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A sovereign state or ISO 3166-1 territory.
    Country,
    /// A populated place from GeoNames.
    City,
    /// A subdivision, disputed territory, macro-region or sea.
    Region,
    /// One of the seven continents.
    Continent,
}

/// The gazetteer an entry comes from; the entity stages map it onto their own types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GazKind {
    /// A location of some [`PlaceKind`].
    Place(PlaceKind),
    /// An international organization or agency.
    Organization,
    /// A demonym ("Azerbaijani") or another NORP group ("Muslims"); groups have no country.
    Nationality,
    /// A named historic or recurring event ("Great Patriotic War").
    Event,
}

/// External identifiers, so a linked entity can be joined with other knowledge bases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ids {
    /// ISO 3166-1 alpha-2 for countries, ISO 3166-2 code for subdivisions.
    pub iso3166: Option<&'static str>,
    /// ISO 3166-1 alpha-3, for countries only.
    pub iso3166_alpha3: Option<&'static str>,
    /// GeoNames feature id.
    pub geonames: Option<u32>,
    /// Wikidata item id ("Q227"), only where the curators were certain.
    pub wikidata: Option<&'static str>,
}

/// One known thing: its canonical name, kind and ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazEntry {
    /// Which gazetteer it comes from.
    pub kind: GazKind,
    /// Canonical English name ("Russia", "Azerbaijani", "United Nations").
    pub name: &'static str,
    /// External identifiers.
    pub ids: Ids,
    /// ISO 3166-1 alpha-2 of the country it belongs to (itself for countries).
    pub country: Option<&'static str>,
    /// Population where the source gives one; used to rank homonyms.
    pub population: Option<u64>,
    /// True when the place has its own government, so OntoNotes calls it GPE rather than LOC.
    pub gpe: bool,
    /// True for national capitals, which outrank other cities of the same name.
    pub capital: bool,
}

/// Index of an entry inside one [`Gazetteer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub u32);

/// A known name found in a text, with every entry it may denote, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch<'g> {
    /// Byte range of the name in the searched text.
    pub span: Span,
    /// Candidate entries, best first (country > capital > bigger city).
    pub entries: &'g [EntryId],
}

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
    /// The gazetteer built from the data compiled into the binary. A malformed file is
    /// an error naming file, line and column, for the resource loader to report.
    pub fn embedded() -> Result<Gazetteer, GazError> {
        Gazetteer::from_sources(&Sources::EMBEDDED)
    }

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

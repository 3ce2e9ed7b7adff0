//! What the gazetteer knows about one name: the entry, its kind and ids, and a match in text.

use crate::entities::GeoNamesId;
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
    /// A market benchmark: a stock index or a crude oil grade ("FTSE 100", "WTI").
    Product,
}

/// External identifiers, so a linked entity can be joined with other knowledge bases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ids {
    /// ISO 3166-1 alpha-2 for countries, ISO 3166-2 code for subdivisions.
    pub iso3166: Option<&'static str>,
    /// ISO 3166-1 alpha-3, for countries only.
    pub iso3166_alpha3: Option<&'static str>,
    /// GeoNames feature id.
    pub geonames: Option<GeoNamesId>,
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

/// Index of an entry inside one [`Gazetteer`](super::Gazetteer).
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

//! Fine (OntoNotes) typing of spans a statistical recognizer labelled with CoNLL types.
//!
//! Choices worth knowing:
//! * a known place is GPE when it has its own government (countries, cities, states,
//!   provinces, Nakhchivan) and LOC otherwise (continents, seas, macro-regions, and
//!   territories without a government recognised by any UN member such as Nagorno-Karabakh,
//!   Crimea, Gaza Strip);
//! * an unknown LOC is GPE unless its last word names plain geography or a facility,
//!   because in news most unknown location names are towns;
//! * a country tagged ORG or MISC is still GPE, as OntoNotes annotates it;
//! * PER is never overridden: "Jordan" and "Chad" are also people.

use super::{compound_parts, EntryId, GazKind, Gazetteer, PlaceKind};

/// The coarse label a CoNLL-style recognizer gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Coarse {
    /// Person.
    Per,
    /// Organization.
    Org,
    /// Location.
    Loc,
    /// Miscellaneous name.
    Misc,
}

/// OntoNotes 5 name types (without the numeric ones), the types the service reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FineType {
    /// People, including fictional.
    Person,
    /// Nationalities, religious or political groups.
    Norp,
    /// Buildings, airports, highways, bridges.
    Fac,
    /// Companies, agencies, institutions.
    Org,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Non-GPE locations: mountains, bodies of water, regions.
    Loc,
    /// Objects, vehicles, foods (not titles of works).
    Product,
    /// Named hurricanes, battles, wars, sports events.
    Event,
    /// Titles of books, songs, films.
    WorkOfArt,
    /// Named documents made into laws.
    Law,
    /// Any named language.
    Language,
    /// A name of none of the types above.
    Misc,
}

impl FineType {
    /// The OntoNotes label ("GPE", "WORK_OF_ART"), as clients expect it on the wire.
    pub fn label(self) -> &'static str {
        match self {
            FineType::Person => "PERSON",
            FineType::Norp => "NORP",
            FineType::Fac => "FAC",
            FineType::Org => "ORG",
            FineType::Gpe => "GPE",
            FineType::Loc => "LOC",
            FineType::Product => "PRODUCT",
            FineType::Event => "EVENT",
            FineType::WorkOfArt => "WORK_OF_ART",
            FineType::Law => "LAW",
            FineType::Language => "LANGUAGE",
            FineType::Misc => "MISC",
        }
    }
}

const GEOGRAPHY: [&str; 16] = [
    "River",
    "Mountains",
    "Mountain",
    "Mount",
    "Sea",
    "Lake",
    "Ocean",
    "Gulf",
    "Bay",
    "Valley",
    "Desert",
    "Island",
    "Islands",
    "Peninsula",
    "Strait",
    "Range",
];
const FACILITY: [&str; 14] = [
    "Airport",
    "Bridge",
    "Street",
    "Avenue",
    "Square",
    "Stadium",
    "Arena",
    "Palace",
    "Highway",
    "Station",
    "Port",
    "Tower",
    "Boulevard",
    "Pipeline",
];
const LAW: [&str; 13] = [
    "Act",
    "Law",
    "Code",
    "Constitution",
    "Treaty",
    "Convention",
    "Accord",
    "Accords",
    "Agreement",
    "Charter",
    "Protocol",
    "Declaration",
    "Amendment",
];
const EVENT: [&str; 12] = [
    "War",
    "Games",
    "Olympics",
    "Cup",
    "Championship",
    "Championships",
    "Summit",
    "Forum",
    "Festival",
    "Revolution",
    "Conference",
    "Expo",
];

/// Fine type and, when known, the linked entry of a span's text given its coarse label.
/// Demonyms link to their country ("Azerbaijani" → Azerbaijan).
pub fn refine(g: &Gazetteer, text_of_span: &str, coarse: Coarse) -> (FineType, Option<EntryId>) {
    let text = text_of_span.trim();
    if coarse == Coarse::Per {
        return (FineType::Person, None);
    }
    let bare = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text);
    let known = g.lookup(text).first().or_else(|| g.lookup(bare).first());
    if let Some(&id) = known {
        return (typed(g, id), link(g, id));
    }
    (by_shape(g, text, coarse), None)
}

/// The type of a known entry, whatever the recognizer thought it was.
fn typed(g: &Gazetteer, id: EntryId) -> FineType {
    let e = g.entry(id);
    match e.kind {
        GazKind::Place(PlaceKind::Country) => FineType::Gpe,
        GazKind::Place(_) if e.gpe => FineType::Gpe,
        GazKind::Place(_) => FineType::Loc,
        GazKind::Organization => FineType::Org,
        GazKind::Nationality => FineType::Norp,
        GazKind::Event => FineType::Event,
    }
}

/// Demonyms link to their country; everything else to itself.
fn link(g: &Gazetteer, id: EntryId) -> Option<EntryId> {
    let e = g.entry(id);
    match (e.kind, e.country) {
        (GazKind::Nationality, Some(cc)) => g.country_by_iso2(cc).or(Some(id)),
        _ => Some(id),
    }
}

/// Typing of names the gazetteers do not know, from their last word and compounds.
fn by_shape(g: &Gazetteer, text: &str, coarse: Coarse) -> FineType {
    let last = text.rsplit(' ').next().unwrap_or(text);
    let first = text.split(' ').next().unwrap_or(text);
    match coarse {
        _ if FACILITY.contains(&last) => FineType::Fac,
        Coarse::Loc if GEOGRAPHY.contains(&last) || GEOGRAPHY.contains(&first) => FineType::Loc,
        Coarse::Loc => FineType::Gpe,
        Coarse::Org => FineType::Org,
        _ if g.is_language(text) => FineType::Language,
        _ if LAW.contains(&last) || LAW.contains(&first) => FineType::Law,
        _ if EVENT.contains(&last) => FineType::Event,
        _ if all_demonyms(g, text) => FineType::Norp,
        _ => FineType::Misc,
    }
}

/// "Azerbaijani-Russian": every part is a known nationality.
fn all_demonyms(g: &Gazetteer, text: &str) -> bool {
    let parts = compound_parts(g, text);
    !parts.is_empty()
        && parts
            .iter()
            .all(|&(_, id)| g.entry(id).kind == GazKind::Nationality)
}

//! Fine (OntoNotes) typing of spans a statistical recognizer labelled with CoNLL types.
//!
//! Choices worth knowing:
//! * a known place is GPE when it has its own government (countries, cities, states,
//!   provinces, Nakhchivan) and LOC otherwise (continents, seas, macro-regions, and
//!   territories without a government recognised by any UN member such as Nagorno-Karabakh,
//!   Crimea, Gaza Strip);
//! * an unknown LOC is GPE unless its last word names plain geography or a facility,
//!   because in news most unknown location names are towns; an ORG whose last word
//!   names a facility stays an ORG;
//! * the recognizer's coarse type is kept, because it was read in context and the
//!   lists were not: an entry refines and links a name only when it agrees with it
//!   (a place for LOC, an organization for ORG, a nationality, group, language or
//!   event for MISC), so "Somerset" tagged ORG stays an ORG (the cricket club) and
//!   is not linked to the county;
//! * the one exception is a political or religious group ("Democrats", tagged ORG
//!   by a CoNLL model): OntoNotes calls groups NORP, a difference of type systems,
//!   not of reading;
//! * PER is never overridden: "Jordan" and "Chad" are also people.

use super::compound::compound_parts;
use super::entry::{EntryId, GazEntry, GazKind, PlaceKind};
use super::Gazetteer;
use crate::entities::ner::NerLabel;
use crate::entities::EntityType;

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
/// Heads of organizations that the model, reading a place name in them, calls a
/// place ("Saudi Gazette", "University of Texas", "Catholic Church").
const ORG_OVER_LOC: [&str; 15] = [
    "University",
    "College",
    "Church",
    "Gazette",
    "Institute",
    "Council",
    "Committee",
    "Party",
    "Ministry",
    "Agency",
    "Association",
    "Foundation",
    "Corporation",
    "Company",
    "Federation",
];
/// Heads that make even the model's ORG a facility: an organization is rarely
/// named "... Stadium" or "... Cathedral", while venues often are; news names an
/// airport far more often as the place than as its operator.
const FACILITY_OVER_ORG: [&str; 19] = [
    "Airport",
    "Station",
    "Tower",
    "Towers",
    "Memorial",
    "Hotel",
    "Road",
    "Street",
    "Avenue",
    "Square",
    "Base",
    "Stadium",
    "Arena",
    "Cathedral",
    "Mosque",
    "Circuit",
    "Bridge",
    "Gigafactory",
    "Speedway",
];
/// Heads that make even the model's ORG an event: tournaments and shows take
/// the name of a place or sponsor ("Qatar Open", "Monaco Grand Prix").
const EVENT_OVER_ORG: [&str; 11] = [
    "Open",
    "Championship",
    "Derby",
    "Show",
    "Prix",
    "Airshow",
    "Olympics",
    "Championships",
    "Marathon",
    "Expo",
    "Festival",
];
const EVENT: [&str; 19] = [
    "Open",
    "Fair",
    "Awards",
    "Prix",
    "Airshow",
    "Marathon",
    "Tournament",
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
pub fn refine(
    g: &Gazetteer,
    text_of_span: &str,
    coarse: NerLabel,
) -> (EntityType, Option<EntryId>) {
    let text = text_of_span.trim();
    if coarse == NerLabel::Per {
        return (EntityType::Person, None);
    }
    let bare = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text);
    let agrees = |id: &&EntryId| agrees(coarse, g.entry(**id));
    let known = (g.lookup(text).iter().find(agrees)).or_else(|| g.lookup(bare).iter().find(agrees));
    if let Some(&id) = known {
        return (typed(g, id), link(g, id));
    }
    (by_shape(g, text, coarse), None)
}

/// True when an entry may stand for a name the recognizer typed `coarse`.
fn agrees(coarse: NerLabel, e: &GazEntry) -> bool {
    match (coarse, e.kind) {
        (NerLabel::Loc, GazKind::Place(_)) => true,
        (NerLabel::Org, GazKind::Organization) => true,
        (NerLabel::Org, GazKind::Nationality) => e.country.is_none(),
        (NerLabel::Misc, GazKind::Nationality | GazKind::Event) => true,
        (NerLabel::Org | NerLabel::Misc, GazKind::Product) => true,
        _ => false,
    }
}

/// The type of a known entry, whatever the recognizer thought it was.
fn typed(g: &Gazetteer, id: EntryId) -> EntityType {
    entry_type(g.entry(id))
}

/// The OntoNotes type of a gazetteer entry: places with a government are GPE,
/// other places LOC; organizations ORG; demonyms and groups NORP; events EVENT.
pub fn entry_type(e: &GazEntry) -> EntityType {
    match e.kind {
        GazKind::Place(PlaceKind::Country) => EntityType::Gpe,
        GazKind::Place(_) if e.gpe => EntityType::Gpe,
        GazKind::Place(_) => EntityType::Loc,
        GazKind::Organization => EntityType::Org,
        GazKind::Nationality => EntityType::Norp,
        GazKind::Event => EntityType::Event,
        GazKind::Product => EntityType::Product,
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
fn by_shape(g: &Gazetteer, text: &str, coarse: NerLabel) -> EntityType {
    let last = text.rsplit(' ').next().unwrap_or(text);
    let first = text.split(' ').next().unwrap_or(text);
    match coarse {
        // An ORG named after its building is still the organization (the club
        // "Crystal Palace"); an airport or a stadium is the place (see FACILITY_OVER_ORG).
        NerLabel::Loc | NerLabel::Misc if FACILITY.contains(&last) => EntityType::Fac,
        NerLabel::Loc | NerLabel::Misc | NerLabel::Org
            if FACILITY_OVER_ORG.contains(&last) || venue(text, first, last) =>
        {
            EntityType::Fac
        }
        NerLabel::Org | NerLabel::Loc if EVENT_OVER_ORG.contains(&last) && text.contains(' ') => {
            EntityType::Event
        }
        // "Great Patriotic War", "Gulf War"; not "Institute for the Study of War".
        NerLabel::Org | NerLabel::Loc
            if last == "War"
                && text.contains(' ')
                && !text.contains(" of ")
                && !text.contains(" for ") =>
        {
            EntityType::Event
        }
        // "River Avon", "Lake Geneva": a body of water or a mountain named first is
        // no organization.
        NerLabel::Org if matches!(first, "River" | "Lake" | "Mount") && text.contains(' ') => {
            EntityType::Loc
        }
        // "York City", "Harrogate Town": a town's name with "City" or "Town" that no
        // list knows as a place is its football club ("Mexico City" is listed).
        NerLabel::Loc if matches!(last, "City" | "Town") && text.contains(' ') => EntityType::Org,
        NerLabel::Loc if ORG_OVER_LOC.contains(&last) || ORG_OVER_LOC.contains(&first) => {
            EntityType::Org
        }
        NerLabel::Loc if GEOGRAPHY.contains(&last) || GEOGRAPHY.contains(&first) => EntityType::Loc,
        NerLabel::Loc => EntityType::Gpe,
        NerLabel::Org => EntityType::Org,
        _ if g.is_language(text) => EntityType::Language,
        _ if LAW.contains(&last) || LAW.contains(&first) => EntityType::Law,
        _ if EVENT.contains(&last) => EntityType::Event,
        _ if all_demonyms(g, text) => EntityType::Norp,
        _ => EntityType::Misc,
    }
}

/// Names of sites whose last word alone says little ("Center", "Ground"): a
/// "Space Center" or "Convention Centre" is a place, a "Research Center" an
/// organization; "Recreation Ground" is a pitch; "Circuit de Monaco" and "Stade de
/// France" name the venue first.
fn venue(text: &str, first: &str, last: &str) -> bool {
    let before_last = text
        .rsplit(' ')
        .nth(1)
        .filter(|_| matches!(last, "Center" | "Centre" | "Ground"));
    let site = matches!(
        before_last,
        Some(
            "Space"
                | "Convention"
                | "Exhibition"
                | "Conference"
                | "Science"
                | "Shopping"
                | "Trade"
                | "Recreation"
                | "Cricket"
                | "Sports"
        )
    );
    site || (text.contains(' ') && matches!(first, "Circuit" | "Stade" | "Estadio" | "Stadio"))
}

/// "Azerbaijani-Russian": every part is a known nationality.
fn all_demonyms(g: &Gazetteer, text: &str) -> bool {
    let parts = compound_parts(g, text);
    !parts.is_empty()
        && parts
            .iter()
            .all(|&(_, id)| g.entry(id).kind == GazKind::Nationality)
}

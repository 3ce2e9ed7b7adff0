//! The entity vocabulary the service reports: types, mentions and attributes.
//!
//! These types are the public face of the entity stage (JSON and gRPC are converted
//! from them at the edge), so every field is documented and optional parts are
//! skipped when empty instead of being sent as nulls.

use crate::text::Span;
use serde::Serialize;

/// What an entity is, with OntoNotes 5 names plus the few kinds news parsing needs.
///
/// Kept as one flat enum so clients can filter on a single string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityType {
    /// People, including fictional ones.
    Person,
    /// Nationalities, religious or political groups ("Azerbaijani", "Russian").
    Norp,
    /// Buildings, airports, highways, bridges.
    Fac,
    /// Companies, agencies, institutions, armed forces, news agencies.
    Org,
    /// Countries, cities, states: places with a government.
    Gpe,
    /// Non-GPE locations: regions, mountain ranges, bodies of water.
    Loc,
    /// Objects, vehicles, foods (not services).
    Product,
    /// Named wars, battles, sports events, named hurricanes.
    Event,
    /// Titles of books, songs and other works.
    WorkOfArt,
    /// Named documents made into laws.
    Law,
    /// Any named language.
    Language,
    /// Absolute or relative dates or periods.
    Date,
    /// Times smaller than a day.
    Time,
    /// Lengths of time ("three years").
    Duration,
    /// Recurring times ("every Monday").
    Set,
    /// Percentages, "%" included.
    Percent,
    /// Monetary values, unit included.
    Money,
    /// Measurements, as of weight or distance.
    Quantity,
    /// "first", "75th".
    Ordinal,
    /// Numerals that fall under no other type.
    Cardinal,
    /// A title, rank or office not attached to a named person ("SACEUR").
    Title,
    /// A social-media handle ("@AzerNewsAz").
    Handle,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A name the recognizers could not type more precisely.
    Misc,
}

impl EntityType {
    /// Every type, in declaration order (a test checks each sits at its own index and
    /// `Misc`, the last variant, ends the list).
    pub const ALL: [EntityType; 25] = {
        use EntityType::*;
        [
            Person, Norp, Fac, Org, Gpe, Loc, Product, Event, WorkOfArt, Law, Language, Date, Time,
            Duration, Set, Percent, Money, Quantity, Ordinal, Cardinal, Title, Handle, Url, Email,
            Misc,
        ]
    };

    /// The wire name, identical to the serde form, for logs and the gRPC edge.
    pub const fn as_str(self) -> &'static str {
        use EntityType::*;
        match self {
            Person => "PERSON",
            Norp => "NORP",
            Fac => "FAC",
            Org => "ORG",
            Gpe => "GPE",
            Loc => "LOC",
            Product => "PRODUCT",
            Event => "EVENT",
            WorkOfArt => "WORK_OF_ART",
            Law => "LAW",
            Language => "LANGUAGE",
            Date => "DATE",
            Time => "TIME",
            Duration => "DURATION",
            Set => "SET",
            Percent => "PERCENT",
            Money => "MONEY",
            Quantity => "QUANTITY",
            Ordinal => "ORDINAL",
            Cardinal => "CARDINAL",
            Title => "TITLE",
            Handle => "HANDLE",
            Url => "URL",
            Email => "EMAIL",
            Misc => "MISC",
        }
    }

    /// True for named things (people, places, organisations ...), the kinds that are
    /// grouped by name and can carry links; false for values, titles and metadata.
    pub const fn is_name(self) -> bool {
        use EntityType::*;
        matches!(
            self,
            Person
                | Norp
                | Fac
                | Org
                | Gpe
                | Loc
                | Product
                | Event
                | WorkOfArt
                | Law
                | Language
                | Misc
        )
    }

    /// True for the TimeML kinds produced by the time stage.
    pub const fn is_timex(self) -> bool {
        matches!(self, Self::Date | Self::Time | Self::Duration | Self::Set)
    }

    /// True for the kinds produced by the numeric rules.
    pub const fn is_numeric(self) -> bool {
        use EntityType::*;
        matches!(self, Percent | Money | Quantity | Ordinal | Cardinal)
    }

    /// True for handles, URLs and e-mail addresses found by the metadata stage.
    pub const fn is_metadata(self) -> bool {
        matches!(self, Self::Handle | Self::Url | Self::Email)
    }
}

/// How a mention refers to its entity; lets clients keep only names, or weigh
/// repeated references when they do their own ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MentionKind {
    /// A name or part of one: "Najmaddin Sadigov", "Sadigov", "Baku".
    Proper,
    /// A common-noun phrase resolved to a named entity: "The colonel general".
    Nominal,
    /// An abbreviation of the entity's long name: "SACEUR", "NATO".
    Acronym,
    /// A pronoun resolved to the entity (reserved; no resolver emits it yet).
    Pronoun,
    /// A name inside a longer name or a hyphenated compound: "Azerbaijan" in
    /// "Azerbaijan's Defense Ministry" or in "Azerbaijan-Russia cooperation".
    CompoundPart,
}

/// One place in the text where an entity is referred to. The text itself is sliced
/// from the input by the caller, so offsets can never drift from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Byte range of the mention in the untouched input.
    pub span: Span,
    /// How the mention refers to the entity.
    pub kind: MentionKind,
}

/// A GeoNames feature id (587084 is Baku), a number from the gazetteer file to the
/// wire's `uint32` so nothing on the way has to parse it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct GeoNamesId(pub u32);

impl std::str::FromStr for GeoNamesId {
    type Err = std::num::ParseIntError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(GeoNamesId)
    }
}

impl std::fmt::Display for GeoNamesId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Identifiers in external knowledge bases, so clients can join on them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Links {
    /// ISO 3166 code for countries and subdivisions ("AZ", "RU").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso3166: Option<String>,
    /// GeoNames feature id (587084 for Baku).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames: Option<GeoNamesId>,
    /// Wikidata item id ("Q227").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// English Wikipedia title of a company ("Ford Motor Company").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikipedia: Option<String>,
    /// Legal Entity Identifier (ISO 17442) of a company.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lei: Option<String>,
    /// ISINs of a company's listed shares.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub isins: Vec<String>,
    /// A company's tickers as `EXCHANGE:SYMBOL`, home listing first ("NYSE:BA").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tickers: Vec<String>,
}

impl Links {
    /// True when no identifier is known, so the field can be left out.
    pub fn is_empty(&self) -> bool {
        self.iso3166.is_none()
            && self.geonames.is_none()
            && self.wikidata.is_none()
            && !self.is_company()
    }

    /// True when the ids are a company's (from the company table).
    pub fn is_company(&self) -> bool {
        self.wikipedia.is_some()
            || self.lei.is_some()
            || !self.isins.is_empty()
            || !self.tickers.is_empty()
    }

    /// Fills every id this one lacks from `other`.
    pub fn fill_from(&mut self, other: &Links) {
        let opt = |a: &mut Option<String>, b: &Option<String>| {
            if a.is_none() {
                a.clone_from(b);
            }
        };
        opt(&mut self.iso3166, &other.iso3166);
        self.geonames = self.geonames.or(other.geonames);
        opt(&mut self.wikidata, &other.wikidata);
        opt(&mut self.wikipedia, &other.wikipedia);
        opt(&mut self.lei, &other.lei);
        if self.isins.is_empty() {
            self.isins.clone_from(&other.isins);
        }
        if self.tickers.is_empty() {
            self.tickers.clone_from(&other.tickers);
        }
    }
}

/// What the article says about a person: who they are and whom they serve.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PersonAttrs {
    /// Military or police ranks as written ("Colonel General").
    pub ranks: Vec<String>,
    /// Offices as written, extended by their "of the ..." part ("Chief of the
    /// General Staff of the Armed Forces").
    pub offices: Vec<String>,
    /// Ids of the entities the person's offices belong to ("e7").
    pub affiliations: Vec<String>,
    /// Country the person serves, as the country's name ("Azerbaijan").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2 code of `country` ("AZ"), when the gazetteer knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
}

/// The time stage's own type, so a timex keeps one vocabulary from recognition to the wire.
pub use crate::time::TimexType;

/// The normalized value of a temporal expression, filled by the time stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimexAttrs {
    /// TimeML type.
    pub timex_type: TimexType,
    /// TimeML value ("2020-02-07", "P3Y", "XXXX-05-09").
    pub value: String,
    /// TimeML modifier ("APPROX", "START") when the text qualifies the value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// The normalized value of a number, percentage, amount of money or measurement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumericAttrs {
    /// The value with scale words applied ("3.5 million" is 3500000; "75th" is 75).
    pub value: f64,
    /// ISO 4217 code for MONEY ("USD", "AZN"), a short unit for QUANTITY ("km",
    /// "t", "km2"), "%" for PERCENT, absent for CARDINAL and ORDINAL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// The three families of titles in `data/titles.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TitleKind {
    /// Military or police rank ("Colonel General").
    Rank,
    /// Position held ("Defense Minister", "SACEUR").
    Office,
    /// Form of address ("Mr", "Dr").
    Honorific,
}

/// What the title lexicon knows about a matched title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TitleAttrs {
    /// Rank, office or honorific.
    pub kind: TitleKind,
    /// The lexicon's spelling ("Chief of the General Staff" for "chief of general staff").
    pub canonical: String,
    /// Short form when the lexicon has one ("SACEUR").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// True when the title alone can stand for a person ("the general").
    pub person_denoting: bool,
}

/// Everything beyond the name that the stage could establish about an entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Attributes {
    /// Knowledge-base ids from the gazetteer.
    #[serde(skip_serializing_if = "Links::is_empty")]
    pub links: Links,
    /// Ranks, offices and affiliations of a PERSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonAttrs>,
    /// TimeML value of a DATE, TIME, DURATION or SET.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timex: Option<TimexAttrs>,
    /// Value of a CARDINAL, ORDINAL, PERCENT, MONEY or QUANTITY.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numeric: Option<NumericAttrs>,
    /// Lexicon data of a TITLE.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<TitleAttrs>,
    /// Country an ORG, NORP or place belongs to, by name ("Azerbaijan").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2 code of `country` ("AZ"), when the gazetteer knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// Short form defined in the text or lexicon ("NATO"); the entity's name is
    /// then its expansion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
}

/// One real-world thing the article talks about, with every mention of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Document-local id, "e1" for the most salient entity.
    pub id: String,
    /// Canonical name: the longest proper mention, or the lexicon form of a title.
    pub name: String,
    /// Entity type.
    pub kind: EntityType,
    /// How central the entity is to the article, in `[0, 1]` (see `salience`).
    pub salience: f32,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Typed extras.
    pub attributes: Attributes,
}

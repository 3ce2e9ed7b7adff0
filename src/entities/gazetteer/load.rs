//! Turning the TSV data files into entries and surface forms.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::entry::{EntryId, GazEntry, GazKind, Ids, PlaceKind};
use super::error::GazError;
use super::table::Table;
use super::{index, Gazetteer};
use crate::metadata::agency_rows;

/// Population from which a city's upper-case form ("MOSCOW", as in datelines) is matched too.
const SHOUT_POPULATION: u64 = 1_000_000;

/// The texts of the gazetteer data files; [`Sources::EMBEDDED`] is what ships.
#[derive(Debug, Clone, Copy)]
pub struct Sources {
    /// `countries.tsv` (generated).
    pub countries: &'static str,
    /// `nationalities.tsv` (generated).
    pub nationalities: &'static str,
    /// `cities.tsv` (generated).
    pub cities: &'static str,
    /// `subdivisions.tsv` (generated).
    pub subdivisions: &'static str,
    /// `languages.tsv` (generated).
    pub languages: &'static str,
    /// `curated/places.tsv`: continents, macro and disputed regions, seas.
    pub places: &'static str,
    /// `curated/organizations.tsv`.
    pub organizations: &'static str,
    /// `curated/events.tsv`.
    pub events: &'static str,
    /// `curated/groups.tsv`: religious, political and ethnic groups (NORP).
    pub groups: &'static str,
    /// `curated/markets.tsv`: stock indices and crude oil grades (PRODUCT).
    pub markets: &'static str,
    /// News agencies and publishers in the column order of `data/agencies.tsv`
    /// (`id, name, kind, aliases, handles, qid, country`). They are linked by [`refine`] and
    /// [`Gazetteer::lookup`] but not searched for by [`Gazetteer::find_all`]: the metadata
    /// stage matches them in context, and bare "Trend" or "AA" is too ambiguous.
    ///
    /// [`refine`]: super::refine
    pub agencies: Option<&'static str>,
}

impl Sources {
    /// The data files committed under `data/gazetteer/`, compiled in.
    pub const EMBEDDED: Sources = Sources {
        countries: include_str!("../../../data/gazetteer/countries.tsv"),
        nationalities: include_str!("../../../data/gazetteer/nationalities.tsv"),
        cities: include_str!("../../../data/gazetteer/cities.tsv"),
        subdivisions: include_str!("../../../data/gazetteer/subdivisions.tsv"),
        languages: include_str!("../../../data/gazetteer/languages.tsv"),
        places: include_str!("../../../data/gazetteer/curated/places.tsv"),
        organizations: include_str!("../../../data/gazetteer/curated/organizations.tsv"),
        events: include_str!("../../../data/gazetteer/curated/events.tsv"),
        groups: include_str!("../../../data/gazetteer/curated/groups.tsv"),
        markets: include_str!("../../../data/gazetteer/curated/markets.tsv"),
        agencies: Some(include_str!("../../../data/agencies.tsv")),
    };
}

/// Entries and their surface forms, collected before the index is built.
#[derive(Default)]
struct Loader {
    entries: Vec<GazEntry>,
    names: Vec<(Cow<'static, str>, EntryId)>,
    by_iso2: HashMap<&'static str, EntryId>,
    /// Entries that `find_all` does not search for (agencies).
    quiet: HashSet<EntryId>,
}

impl Gazetteer {
    /// The gazetteer built from the data compiled into the binary. A malformed file is
    /// an error naming file, line and column, for the resource loader to report.
    pub fn embedded() -> Result<Gazetteer, GazError> {
        Gazetteer::from_sources(&Sources::EMBEDDED)
    }

    /// Builds a gazetteer from data file texts; fails with the file, line and column of the
    /// first malformed cell.
    pub fn from_sources(src: &Sources) -> Result<Gazetteer, GazError> {
        let mut l = Loader::default();
        l.countries(&Table::parse("countries.tsv", src.countries)?)?;
        l.nationalities(&Table::parse("nationalities.tsv", src.nationalities)?)?;
        l.places(&Table::parse("places.tsv", src.places)?)?;
        l.cities(&Table::parse("cities.tsv", src.cities)?)?;
        l.subdivisions(&Table::parse("subdivisions.tsv", src.subdivisions)?)?;
        let named = [
            (
                "organizations.tsv",
                src.organizations,
                GazKind::Organization,
            ),
            ("events.tsv", src.events, GazKind::Event),
            ("groups.tsv", src.groups, GazKind::Nationality),
            ("markets.tsv", src.markets, GazKind::Product),
        ];
        for (file, text, kind) in named {
            l.named(&Table::parse(file, text)?, kind)?;
        }
        if let Some(text) = src.agencies {
            l.agencies(text)?;
        }
        let languages = Table::parse("languages.tsv", src.languages)?;
        let languages: HashSet<_> = languages.rows().map(|r| r.get("name")).collect();
        let index = index::SurfaceIndex::build(&l.entries, &l.quiet, l.names)?;
        Ok(Gazetteer {
            entries: l.entries,
            index,
            by_iso2: l.by_iso2,
            languages,
        })
    }
}

impl Loader {
    fn push(&mut self, e: GazEntry, surfaces: impl IntoIterator<Item = &'static str>) -> EntryId {
        let id = EntryId(self.entries.len() as u32);
        self.names.push((Cow::Borrowed(e.name), id));
        self.names
            .extend(surfaces.into_iter().map(|s| (Cow::Borrowed(s), id)));
        self.entries.push(e);
        id
    }

    /// Adds the all-capitals form of an entry's name, as used in datelines and headlines.
    fn shout(&mut self, id: EntryId) {
        let name = self.entries[id.0 as usize].name;
        let upper = name.to_uppercase();
        if upper != name && name.chars().count() >= 4 {
            self.names.push((Cow::Owned(upper), id));
        }
    }

    fn countries(&mut self, t: &Table) -> Result<(), GazError> {
        for r in t.rows() {
            let iso2 = r.req("iso2")?;
            let e = GazEntry {
                kind: GazKind::Place(PlaceKind::Country),
                name: r.req("name")?,
                ids: Ids {
                    iso3166: Some(iso2),
                    iso3166_alpha3: r.opt("iso3"),
                    geonames: r.num("geonames")?,
                    wikidata: r.opt("wikidata"),
                },
                country: Some(iso2),
                population: r.num("population")?,
                gpe: true,
                capital: false,
            };
            let id = self.push(e, r.list("aliases"));
            self.shout(id);
            self.by_iso2.insert(iso2, id);
        }
        Ok(())
    }

    fn nationalities(&mut self, t: &Table) -> Result<(), GazError> {
        for r in t.rows() {
            let e = plain(
                GazKind::Nationality,
                r.req("adjective")?,
                Some(r.req("iso2")?),
            );
            self.push(e, r.list("plurals"));
        }
        Ok(())
    }

    fn places(&mut self, t: &Table) -> Result<(), GazError> {
        for r in t.rows() {
            let kind = match r.req("kind")? {
                "Continent" => PlaceKind::Continent,
                "Region" => PlaceKind::Region,
                _ => return Err(r.bad("kind", "expected Continent or Region")),
            };
            let mut e = plain(GazKind::Place(kind), r.req("name")?, r.opt("country"));
            e.ids.geonames = r.num("geonames")?;
            e.ids.wikidata = r.opt("wikidata");
            e.gpe = r.get("gpe") == "1";
            let id = self.push(e, r.list("aliases"));
            self.shout(id);
        }
        Ok(())
    }

    fn cities(&mut self, t: &Table) -> Result<(), GazError> {
        for r in t.rows() {
            let mut e = plain(
                GazKind::Place(PlaceKind::City),
                r.req("name")?,
                r.opt("country"),
            );
            e.ids.geonames = r.num("geonames")?;
            e.ids.wikidata = r.opt("wikidata");
            e.population = r.num("population")?;
            e.gpe = true;
            e.capital = r.get("capital") == "1";
            let big = e.capital || e.population.unwrap_or(0) >= SHOUT_POPULATION;
            let id = self.push(e, r.list("aliases"));
            if big {
                self.shout(id);
            }
        }
        Ok(())
    }

    fn subdivisions(&mut self, t: &Table) -> Result<(), GazError> {
        for r in t.rows() {
            let code = r.req("code")?;
            let country = code.split('-').next().filter(|c| c.len() == 2);
            let mut e = plain(GazKind::Place(PlaceKind::Region), r.req("name")?, country);
            e.ids.iso3166 = Some(code);
            e.ids.geonames = r.num("geonames")?;
            e.gpe = true;
            self.push(e, None);
        }
        Ok(())
    }

    /// Organizations, events, groups and agencies: `name`, `aliases`, `wikidata`, `country`.
    fn named(&mut self, t: &Table, kind: GazKind) -> Result<(), GazError> {
        for r in t.rows() {
            let mut e = plain(kind, r.req("name")?, r.opt("country"));
            e.ids.wikidata = r.opt("wikidata");
            self.push(e, r.list("aliases"));
        }
        Ok(())
    }
}

impl Loader {
    /// Agencies: linked by lookup, left to the metadata stage in running text.
    /// Read by the metadata stage's reader, so both see the same agencies.
    fn agencies(&mut self, text: &'static str) -> Result<(), GazError> {
        for row in agency_rows(text) {
            let row = row?;
            let country = Some(row.country).filter(|c| !c.is_empty());
            let mut e = plain(GazKind::Organization, row.name, country);
            // Another team owns this file: a malformed qid is dropped, not fatal.
            e.ids.wikidata = Some(row.qid).filter(|q| is_qid(q));
            let id = self.push(e, row.aliases());
            self.quiet.insert(id);
        }
        Ok(())
    }
}

/// True for a Wikidata item id such as "Q227".
fn is_qid(s: &str) -> bool {
    s.strip_prefix('Q')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// An entry with no ids, population or flags yet.
fn plain(kind: GazKind, name: &'static str, country: Option<&'static str>) -> GazEntry {
    GazEntry {
        kind,
        name,
        ids: Ids::default(),
        country,
        population: None,
        gpe: false,
        capital: false,
    }
}

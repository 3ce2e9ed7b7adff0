//! Unit tests on the embedded data, mostly names from the Trend fixture article.

use proptest::strategy::Strategy;

use super::*;
use crate::entities::ner::NerLabel;
use crate::entities::{EntityType, GeoNamesId};

const FIXTURE: &str = "Azerbaijan’s First Deputy Defense Minister met the delegation in Baku, \
referring to Azerbaijan’s Defense Ministry. Azerbaijan-Russia cooperation is based on trust. \
The Azerbaijani army will join the parade for Victory in the Great Patriotic War on May 9 in \
Moscow. The Armenia-Azerbaijan Nagorno-Karabakh conflict. Russia-Azerbaijan relations.";

fn g() -> &'static Gazetteer {
    static CELL: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    CELL.get_or_init(|| Gazetteer::embedded().expect("embedded gazetteer loads"))
}

fn best(surface: &str) -> &'static GazEntry {
    let id = g().lookup(surface).first().copied();
    g().entry(id.unwrap_or_else(|| panic!("{surface} not found")))
}

fn found(text: &str) -> Vec<&str> {
    g().find_all(text)
        .iter()
        .map(|m| m.span.slice(text))
        .collect()
}

#[test]
fn fixture_places_resolve_with_ids() {
    let az = best("Azerbaijan");
    assert_eq!(az.kind, GazKind::Place(PlaceKind::Country));
    assert_eq!(
        (az.ids.iso3166, az.ids.wikidata),
        (Some("AZ"), Some("Q227"))
    );
    assert_eq!(az.ids.geonames, Some(GeoNamesId(587116)));
    assert_eq!(best("Russia").ids.wikidata, Some("Q159"));
    assert_eq!(best("Armenia").ids.wikidata, Some("Q399"));
    let baku = best("Baku");
    assert_eq!(
        (baku.kind, baku.country, baku.capital),
        (GazKind::Place(PlaceKind::City), Some("AZ"), true)
    );
    assert_eq!(baku.ids.wikidata, Some("Q9248"));
    let moscow = best("Moscow");
    assert_eq!(
        (moscow.country, moscow.ids.geonames),
        (Some("RU"), Some(GeoNamesId(524901)))
    );
    let nk = best("Nagorno-Karabakh");
    assert_eq!(
        (nk.kind, nk.country, nk.gpe),
        (GazKind::Place(PlaceKind::Region), Some("AZ"), false)
    );
}

#[test]
fn fixture_find_all_is_leftmost_longest() {
    let got = found(FIXTURE);
    let want = [
        "Azerbaijan",
        "Baku",
        "Azerbaijan",
        "Azerbaijan",
        "Russia",
        "Azerbaijani",
        "Great Patriotic War",
        "Moscow",
        "Armenia",
        "Azerbaijan",
        "Nagorno-Karabakh",
        "Russia",
        "Azerbaijan",
    ];
    assert_eq!(got, want);
    for m in g().find_all(FIXTURE) {
        assert!(!m.entries.is_empty());
    }
}

#[test]
fn nationalities_map_to_countries() {
    let az = g().country_by_iso2("AZ");
    assert!(az.is_some());
    assert_eq!(g().nationality_country("Azerbaijani"), az);
    assert_eq!(g().nationality_country("Azerbaijanis"), az);
    assert_eq!(
        g().nationality_country("Russians"),
        g().country_by_iso2("RU")
    );
    assert_eq!(
        g().nationality_country("American"),
        g().country_by_iso2("US")
    );
    assert_eq!(g().nationality_country("French"), g().country_by_iso2("FR"));
    assert_eq!(g().nationality_country("Azerbaijan"), None);
}

#[test]
fn refine_types_fixture_names() {
    let ru = g().country_by_iso2("RU");
    assert_eq!(
        refine(g(), "Russian", NerLabel::Misc),
        (EntityType::Norp, ru)
    );
    assert_eq!(
        refine(g(), "Azerbaijani", NerLabel::Misc).0,
        EntityType::Norp
    );
    assert_eq!(
        refine(g(), "Great Patriotic War", NerLabel::Misc).0,
        EntityType::Event
    );
    assert_eq!(refine(g(), "Baku", NerLabel::Loc).0, EntityType::Gpe);
    assert_eq!(
        refine(g(), "Azerbaijan", NerLabel::Loc),
        (EntityType::Gpe, g().country_by_iso2("AZ"))
    );
    assert_eq!(
        refine(g(), "Nagorno-Karabakh", NerLabel::Loc).0,
        EntityType::Loc
    );
    assert_eq!(refine(g(), "Europe", NerLabel::Loc).0, EntityType::Loc);
    assert_eq!(refine(g(), "Caspian Sea", NerLabel::Loc).0, EntityType::Loc);
    assert_eq!(
        refine(g(), "English", NerLabel::Misc).0,
        EntityType::Language
    );
    assert_eq!(refine(g(), "Muslims", NerLabel::Misc).0, EntityType::Norp);
    assert_eq!(refine(g(), "Democrats", NerLabel::Org).0, EntityType::Norp);
    assert_eq!(
        refine(g(), "Law on Defense", NerLabel::Misc).0,
        EntityType::Law
    );
    assert_eq!(
        refine(g(), "Constitution", NerLabel::Misc).0,
        EntityType::Law
    );
    assert_eq!(
        refine(g(), "Azerbaijani-Russian", NerLabel::Misc).0,
        EntityType::Norp
    );
    assert_eq!(
        refine(g(), "Jordan", NerLabel::Per),
        (EntityType::Person, None)
    );
    assert_eq!(
        refine(g(), "Heydar Aliyev International Airport", NerLabel::Loc).0,
        EntityType::Fac
    );
    assert_eq!(refine(g(), "Kura River", NerLabel::Loc).0, EntityType::Loc);
}

#[test]
fn a_known_place_read_as_a_club_or_a_title_keeps_the_models_type() {
    // "Essex beat Kent by four wickets": county names as cricket clubs.
    assert_eq!(refine(g(), "Kent", NerLabel::Org), (EntityType::Org, None));
    // "the Moscow Open": a place name as (part of) a tournament.
    assert_eq!(
        refine(g(), "Moscow", NerLabel::Misc),
        (EntityType::Misc, None)
    );
    assert_eq!(refine(g(), "Moscow", NerLabel::Loc).0, EntityType::Gpe);
    // "Lakeside Palace beat Rovers": a club named after its ground.
    assert_eq!(
        refine(g(), "Lakeside Palace", NerLabel::Org).0,
        EntityType::Org
    );
    assert_eq!(
        refine(g(), "Lakeside Palace", NerLabel::Loc).0,
        EntityType::Fac
    );
    // A war the model read as an organization is the event; an institute named for
    // the study of war stays an organization.
    assert_eq!(
        refine(g(), "Great Patriotic War", NerLabel::Org).0,
        EntityType::Event
    );
    assert_eq!(
        refine(g(), "Institute for the Study of War", NerLabel::Org).0,
        EntityType::Org
    );
    // An organization's head outweighs the place name the model read in it; a
    // building's head outweighs the model's organization.
    assert_eq!(
        refine(g(), "Saudi Gazette", NerLabel::Loc).0,
        EntityType::Org
    );
    assert_eq!(refine(g(), "River Avon", NerLabel::Org).0, EntityType::Loc);
    // A town's club, unless the list knows the name as a place.
    assert_eq!(
        refine(g(), "Bradford City", NerLabel::Loc).0,
        EntityType::Org
    );
    assert_eq!(refine(g(), "Mexico City", NerLabel::Loc).0, EntityType::Gpe);
    assert_eq!(
        refine(g(), "Google Science Fair", NerLabel::Misc).0,
        EntityType::Event
    );
    assert_eq!(
        refine(g(), "North Yorkshire Derby", NerLabel::Org).0,
        EntityType::Event
    );
    assert_eq!(
        refine(g(), "Catholic Church", NerLabel::Loc).0,
        EntityType::Org
    );
    assert_eq!(
        refine(g(), "Century City Towers", NerLabel::Org).0,
        EntityType::Fac
    );
    // A site's compound head is the place; a research centre is an organization.
    for venue in [
        "Lakeside Space Center",
        "Harbour Convention Centre",
        "Circuit de Lakeside",
    ] {
        assert_eq!(
            refine(g(), venue, NerLabel::Org).0,
            EntityType::Fac,
            "{venue}"
        );
    }
    assert_eq!(
        refine(g(), "Lakeside Research Center", NerLabel::Org).0,
        EntityType::Org
    );
}

#[test]
fn market_benchmarks_religions_and_the_hajj_have_their_own_types() {
    for index in ["FTSE 100", "S&P 500", "WTI", "Nasdaq Composite"] {
        assert_eq!(
            refine(g(), index, NerLabel::Org).0,
            EntityType::Product,
            "{index}"
        );
        assert_eq!(
            refine(g(), index, NerLabel::Misc).0,
            EntityType::Product,
            "{index}"
        );
    }
    assert_eq!(refine(g(), "Islam", NerLabel::Org).0, EntityType::Norp);
    assert_eq!(refine(g(), "Hajj", NerLabel::Misc).0, EntityType::Event);
    assert_eq!(
        found("The FTSE 100 and the Dow Jones Industrial Average rose."),
        ["FTSE 100", "Dow Jones Industrial Average"]
    );
}

#[test]
fn organizations_carry_ids() {
    let (t, id) = refine(g(), "NATO", NerLabel::Org);
    assert_eq!(t, EntityType::Org);
    let e = g().entry(id.unwrap_or(EntryId(u32::MAX)));
    assert_eq!(
        (e.name, e.ids.wikidata),
        ("North Atlantic Treaty Organization", Some("Q7184"))
    );
    assert_eq!(best("OSCE").ids.wikidata, Some("Q81299"));
    assert_eq!(best("UN").kind, GazKind::Organization);
}

#[test]
fn compounds_split_into_known_parts() {
    let parts = |t: &str| -> Vec<_> {
        compound_parts(g(), t)
            .iter()
            .map(|&(s, id)| (s.slice(t).to_string(), g().entry(id).name))
            .collect()
    };
    let az_ru = parts("Azerbaijan-Russia");
    assert_eq!(
        az_ru,
        [
            ("Azerbaijan".into(), "Azerbaijan"),
            ("Russia".into(), "Russia")
        ]
    );
    assert_eq!(parts("Russia–Azerbaijan").len(), 2);
    assert_eq!(
        parts("Nagorno-Karabakh"),
        [("Nagorno-Karabakh".into(), "Nagorno-Karabakh")]
    );
    assert!(parts("Azerbaijan-Foobar").is_empty());
    assert_eq!(parts("Azerbaijan’s"), [("Azerbaijan".into(), "Azerbaijan")]);
    assert_eq!(
        parts("United States'"),
        [("United States".into(), "United States")]
    );
    assert_eq!(parts("Russia's"), [("Russia".into(), "Russia")]);
    assert!(parts("Azerbaijan").len() == 1);
}

#[test]
fn possessives_tie_head_to_owner() {
    for t in [
        "Azerbaijan’s Defense Ministry",
        "Azerbaijan's Defense Ministry",
    ] {
        let p = possessive(g(), t).unwrap_or_else(|| panic!("{t}"));
        assert_eq!(
            (p.owner.slice(t), p.head.slice(t)),
            ("Azerbaijan", "Defense Ministry")
        );
        assert_eq!(Some(p.entry), g().country_by_iso2("AZ"));
        assert_eq!(compound_parts(g(), t), [(p.owner, p.entry)]);
    }
    let t = "United States’ State Department";
    let p = possessive(g(), t).map(|p| (p.owner.slice(t), p.head.slice(t)));
    assert_eq!(p, Some(("United States", "State Department")));
    let t = "Russian Armed Forces";
    let p = possessive(g(), t).map(|p| (p.entry, p.head.slice(t)));
    assert_eq!(
        p,
        Some((
            g().country_by_iso2("RU").unwrap_or(EntryId(0)),
            "Armed Forces"
        ))
    );
    assert!(possessive(g(), "Russian general").is_none());
    assert!(possessive(g(), "Foo's Ministry").is_none());
}

#[test]
fn case_sensitivity_and_common_words() {
    assert_eq!(best("US").ids.iso3166, Some("US"));
    assert!(g().lookup("us").is_empty());
    assert!(g().lookup("May").is_empty());
    assert!(found("It rained on May 9 and in March.").is_empty());
    assert_eq!(found("Turkey and China"), ["Turkey", "China"]);
    assert!(found("roast turkey on fine china").is_empty());
    assert!(found("Russians, Russian, Russia.").len() == 3);
    assert_eq!(found("Bakunin of Moscovy"), Vec::<&str>::new());
    assert_eq!(found("BAKU, Feb. 7"), ["BAKU"]);
}

#[test]
fn homonyms_rank_country_then_capital_then_population() {
    assert_eq!(best("Georgia").kind, GazKind::Place(PlaceKind::Country));
    let washington = best("Washington");
    assert!(washington.capital && washington.country == Some("US"));
    assert_eq!(best("Moscow").country, Some("RU"));
    assert_eq!(best("Paris").country, Some("FR"));
}

#[test]
fn malformed_data_reports_file_line_and_column() {
    let mut src = Sources::EMBEDDED;
    src.cities = "geonames\tname\tcountry\tpopulation\n12x\tBaku\tAZ\t1\n";
    let err = Gazetteer::from_sources(&src).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("cities.tsv:2: column `geonames`: not a number")
    );
}

#[test]
fn agencies_are_linked_but_not_searched() {
    let e = best("Trend");
    assert_eq!(
        (e.kind, e.name),
        (GazKind::Organization, "Trend News Agency")
    );
    assert!(e.ids.wikidata.is_none_or(|q| q.starts_with('Q')));
    let (t, id) = refine(g(), "Reuters", NerLabel::Org);
    let reuters = id.map(|id| g().entry(id));
    assert_eq!(
        (t, reuters.and_then(|e| e.ids.wikidata)),
        (EntityType::Org, Some("Q130879"))
    );
    assert!(found("Trend reports that Reuters said").is_empty());
}

#[test]
fn every_agency_the_metadata_stage_knows_is_linked() {
    let tsv = Sources::EMBEDDED.agencies.unwrap_or_default();
    for row in crate::metadata::agency_rows(tsv) {
        let row = row.expect("shipped agency table is valid");
        let linked = g().lookup(row.name).iter().any(|&id| {
            let e = g().entry(id);
            (e.kind, e.name) == (GazKind::Organization, row.name)
        });
        assert!(linked, "{} not linked", row.name);
    }
}

#[test]
fn gazetteer_is_shareable_across_threads() {
    fn check<T: Send + Sync>(_: &T) {}
    check(g());
}

/// Known names glued with the characters that matter at token boundaries.
fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
    let piece = proptest::sample::select(vec![
        "Azerbaijan",
        "Russia",
        "Russian",
        "Nagorno-Karabakh",
        "U.S.",
        "US",
        "BAKU",
        "’s",
        "'s",
        "-",
        "–",
        " ",
        "é",
        "ж",
        "\u{1F600}",
        "Baku",
        "Bakunin",
        "New York",
        ".",
        "Q",
        "Azer",
    ]);
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest::proptest! {
    #[test]
    fn matches_are_ordered_disjoint_and_on_boundaries(s in tricky_text()) {
        let mut last_end = 0;
        for m in g().find_all(&s) {
            proptest::prop_assert!(m.span.start >= last_end && m.span.end > m.span.start);
            let word = |c: char| c.is_alphanumeric();
            proptest::prop_assert!(!s[..m.span.start].chars().next_back().is_some_and(word));
            proptest::prop_assert!(!s[m.span.end..].chars().next().is_some_and(word));
            proptest::prop_assert!(!g().lookup(m.span.slice(&s)).is_empty());
            last_end = m.span.end;
        }
        for (span, _) in compound_parts(g(), &s) {
            proptest::prop_assert!(s.get(span.start..span.end).is_some());
        }
    }

    #[test]
    fn never_panics_on_arbitrary_input(s in "\\PC*") {
        let g = g();
        for m in g.find_all(&s) {
            proptest::prop_assert!(s.get(m.span.start..m.span.end).is_some());
        }
        let _ = compound_parts(g, &s);
        let _ = possessive(g, &s);
        for c in NerLabel::ALL {
            let _ = refine(g, &s, c);
        }
    }
}

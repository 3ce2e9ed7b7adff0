//! The acceptance lines of the Trend fixture, asserted field by field through the
//! real server (the golden file pins everything else).

use crate::harness::{fixture, request, TestServer, TREND};
use newsparse::grpc::pb;

async fn parse_trend() -> pb::ParseResponse {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let resp = client
        .parse(request(&fixture(TREND)))
        .await
        .expect("fixture parses")
        .into_inner();
    server.stop().await;
    resp
}

fn entity<'r>(resp: &'r pb::ParseResponse, ty: pb::EntityType, name: &str) -> &'r pb::Entity {
    resp.entities
        .iter()
        .find(|e| e.r#type == ty as i32 && e.name == name)
        .unwrap_or_else(|| panic!("no {ty:?} {name:?} in {:?}", names(resp)))
}

fn names(resp: &pb::ParseResponse) -> Vec<String> {
    resp.entities
        .iter()
        .map(|e| format!("{}:{}", e.r#type, e.name))
        .collect()
}

#[tokio::test]
async fn trend_fixture_metadata() {
    let r = parse_trend().await;
    let md = r.metadata.as_ref().expect("metadata");
    assert_eq!(
        md.publication_date.as_ref().map(|f| f.value.as_str()),
        Some("2020-02-07")
    );
    assert_eq!(
        md.agencies
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["trend"]
    );
    assert_eq!(
        md.publisher.as_ref().map(|p| p.name.as_str()),
        Some("AzerNews")
    );
    assert_eq!(md.handles.len(), 1);
    assert_eq!(
        (md.handles[0].handle.as_str(), md.handles[0].platform()),
        ("@AzerNewsAz", pb::Platform::Twitter)
    );
    let att = md.attributions.first().expect("attribution");
    assert_eq!(
        att.reporter.as_ref().map(|f| f.text.as_str()),
        Some("Trend")
    );
    assert_eq!(
        att.date.as_ref().map(|f| f.value.as_str()),
        Some("2020-02-06")
    );
    assert_eq!(
        att.source.as_ref().map(|f| f.text.as_str()),
        Some("Azerbaijan’s Defense Ministry")
    );
    assert!(md.title.is_none(), "a header line is not a headline");
    assert_eq!(md.language.as_ref().map(|l| l.code.as_str()), Some("en"));
    let kinds: Vec<i32> = r.paragraphs.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds
            .iter()
            .filter(|&&k| k == pb::BlockKind::Body as i32)
            .count(),
        10
    );
    let boiler: Vec<&str> = md.boilerplate.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(boiler, ["---", "Follow us on Twitter @AzerNewsAz"]);
    let lead = md.lead.as_ref().expect("lead");
    assert!(lead
        .text
        .starts_with("Azerbaijan’s First Deputy Defense Minister"));
}

#[tokio::test]
async fn trend_fixture_dates_and_places() {
    let r = parse_trend().await;
    for (name, value) in [
        ("2020-02-07", "2020-02-07"),
        ("Feb. 6", "2020-02-06"),
        ("May 9", "2020-05-09"),
    ] {
        let e = entity(&r, pb::EntityType::Date, name);
        assert_eq!(
            e.timex.as_ref().map(|t| t.value.as_str()),
            Some(value),
            "{name}"
        );
    }
    let recent = entity(&r, pb::EntityType::Date, "recent years");
    assert_eq!(
        recent.timex.as_ref().map(|t| t.value.as_str()),
        Some("PAST_REF")
    );
    assert_eq!(
        entity(&r, pb::EntityType::Date, "Feb. 6")
            .timex
            .as_ref()
            .map(|t| t.r#type()),
        Some(pb::TimexType::Date)
    );
    for gpe in ["Azerbaijan", "Russia", "Baku", "Moscow", "Armenia"] {
        entity(&r, pb::EntityType::Gpe, gpe);
    }
    let az = entity(&r, pb::EntityType::Gpe, "Azerbaijan");
    let links = az.links.as_ref().expect("linked");
    assert_eq!(
        (links.iso3166.as_str(), links.wikidata.as_str()),
        ("AZ", "Q227")
    );
    assert!(r.entities.iter().any(|e| e.name == "Nagorno-Karabakh"
        && (e.r#type == pb::EntityType::Loc as i32 || e.r#type == pb::EntityType::Gpe as i32)));
    entity(&r, pb::EntityType::Norp, "Azerbaijani");
    entity(&r, pb::EntityType::Norp, "Russian");
    entity(&r, pb::EntityType::Event, "Great Patriotic War");
    entity(&r, pb::EntityType::Ordinal, "75th");
    entity(&r, pb::EntityType::Handle, "@AzerNewsAz");
    let saceur = entity(&r, pb::EntityType::Title, "Supreme Allied Commander Europe");
    assert!(saceur
        .mentions
        .iter()
        .any(|m| m.text == "SACEUR" && m.kind == pb::MentionKind::Acronym as i32));
}

#[tokio::test]
async fn trend_fixture_people_and_organizations() {
    let r = parse_trend().await;
    let sadigov = entity(&r, pb::EntityType::Person, "Najmaddin Sadigov");
    let p = sadigov.person.as_ref().expect("person attributes");
    assert_eq!(p.ranks, ["Colonel General"]);
    assert_eq!(
        p.offices,
        [
            "First Deputy Defense Minister",
            "Chief of the General Staff of the Armed Forces"
        ]
    );
    assert_eq!(
        (p.country.as_str(), p.country_code.as_str()),
        ("Azerbaijan", "AZ")
    );
    let texts: Vec<&str> = sadigov.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts.iter().filter(|t| **t == "Sadigov").count(), 2);
    for nominal in [
        "The colonel general",
        "The Azerbaijani colonel general",
        "The chief of the general staff",
    ] {
        assert!(texts.contains(&nominal), "{nominal} missing from {texts:?}");
    }
    let gerasimov = entity(&r, pb::EntityType::Person, "Valery Gerasimov");
    let p = gerasimov.person.as_ref().expect("person attributes");
    assert_eq!(p.ranks, ["Army General"]);
    assert_eq!(
        p.offices,
        [
            "Chief of General Staff of the Russian Armed Forces",
            "First Deputy Defense Minister"
        ]
    );
    assert_eq!(
        (p.country.as_str(), p.country_code.as_str()),
        ("Russia", "RU")
    );
    assert!(gerasimov
        .mentions
        .iter()
        .any(|m| m.text == "The Russian general"));
    let ministry = entity(&r, pb::EntityType::Org, "Azerbaijan’s Defense Ministry");
    assert_eq!(
        (ministry.country.as_str(), ministry.country_code.as_str()),
        ("Azerbaijan", "AZ")
    );
    assert_eq!(
        entity(&r, pb::EntityType::Org, "Russian Armed Forces").country,
        "Russia"
    );
    entity(&r, pb::EntityType::Org, "Armed Forces");
    entity(&r, pb::EntityType::Org, "Trend");
    // "Azerbaijan-Russia cooperation" mentions both countries.
    let az = entity(&r, pb::EntityType::Gpe, "Azerbaijan");
    let ru = entity(&r, pb::EntityType::Gpe, "Russia");
    assert!(az
        .mentions
        .iter()
        .any(|m| m.kind == pb::MentionKind::Part as i32));
    assert!(ru
        .mentions
        .iter()
        .any(|m| m.kind == pb::MentionKind::Part as i32));
    // The two people are the most salient entities, and salience is in [0, 1].
    let top: Vec<&str> = r.entities.iter().take(3).map(|e| e.name.as_str()).collect();
    assert!(
        top.contains(&"Najmaddin Sadigov") && top.contains(&"Valery Gerasimov"),
        "{top:?}"
    );
    assert!(r.entities.iter().all(|e| (0.0..=1.0).contains(&e.salience)));
}

/// The speaker entity of the quote whose cue is `cue` and whose content starts
/// with `content_start`.
fn speaker_of<'r>(resp: &'r pb::ParseResponse, cue: &str, content_start: &str) -> &'r str {
    let q = resp
        .quotes
        .iter()
        .find(|q| {
            q.cue.as_ref().is_some_and(|c| c.text == cue)
                && q.content
                    .first()
                    .is_some_and(|c| c.text.starts_with(content_start))
        })
        .unwrap_or_else(|| panic!("no quote {cue:?} … {content_start:?} in {:?}", resp.quotes));
    &q.speaker_entity_id
}

#[tokio::test]
async fn trend_fixture_quotes_resolve_speakers() {
    let r = parse_trend().await;
    let sadigov = &entity(&r, pb::EntityType::Person, "Najmaddin Sadigov").id;
    let gerasimov = &entity(&r, pb::EntityType::Person, "Valery Gerasimov").id;
    assert_eq!(speaker_of(&r, "stressed", "the important role"), sadigov);
    assert_eq!(speaker_of(&r, "added", "that these relations"), sadigov);
    assert_eq!(
        speaker_of(&r, "also noted", "that Russia-Azerbaijan"),
        gerasimov
    );
    assert_eq!(
        speaker_of(&r, "emphasized", "the importance of organization"),
        gerasimov
    );
    let sources: Vec<&str> = r
        .quotes
        .iter()
        .filter_map(|q| q.source.as_ref().map(|s| s.text.as_str()))
        .collect();
    assert!(sources.contains(&"The colonel general"), "{sources:?}");
    assert!(sources.contains(&"The Russian general"), "{sources:?}");
    assert!(r
        .quotes
        .iter()
        .all(|q| q.kind == pb::QuoteKind::Indirect as i32));
}

#[tokio::test]
async fn quotes_switch_off_and_odd_text_never_fails() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut off = request(&fixture(TREND));
    off.features = Some(pb::Features {
        quotes: Some(false),
        ..Default::default()
    });
    let resp = client.parse(off).await.expect("parses").into_inner();
    assert!(resp.quotes.is_empty(), "{:?}", resp.quotes);
    assert!(!resp.entities.is_empty(), "other stages still run");
    for odd in ["“", "\"\"\"\" said", "”said“ ” ” he said", "said: “"] {
        let resp = client.parse(request(odd)).await.expect("odd text parses");
        for q in resp.into_inner().quotes {
            assert!(!q.content.is_empty(), "{odd:?}: a quote has content");
        }
    }
    server.stop().await;
}

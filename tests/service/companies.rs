//! Companies and products over gRPC: a known company carries its ids, a product
//! is PRODUCT with every mention, and a name that is also a word is linked only
//! when the article settles it.

use crate::harness::{fixture, request, TestServer};
use newsparse::grpc::pb;
use pb::EntityType as T;

async fn parse(stem: &str) -> pb::ParseResponse {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let resp = client
        .parse(request(&fixture(stem)))
        .await
        .expect("fixture parses")
        .into_inner();
    server.stop().await;
    resp
}

fn named<'r>(r: &'r pb::ParseResponse, name: &str) -> &'r pb::Entity {
    r.entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == name))
        .unwrap_or_else(|| panic!("no entity mentioned as {name:?}"))
}

#[tokio::test]
async fn a_listed_company_carries_its_ticker_isin_and_wikipedia_title() {
    let r = parse("business-aircraft-order-ticker").await;
    let boeing = named(&r, "Boeing");
    assert_eq!(boeing.r#type(), T::Org);
    let links = boeing.links.as_ref().expect("Boeing is linked");
    assert!(links.tickers.iter().any(|t| t == "NYSE:BA"), "{links:?}");
    assert!(links.isins.iter().any(|i| i == "US0970231058"), "{links:?}");
    assert_eq!(links.wikipedia, "Boeing");
}

#[tokio::test]
async fn maker_and_model_are_one_product_and_its_later_mentions_join_it() {
    let r = parse("business-aircraft-order-ticker").await;
    for name in ["Boeing 787-9", "Airbus A321neo"] {
        assert_eq!(named(&r, name).r#type(), T::Product, "{name}");
    }
    // "The A321neo options" and "The 787-9s" name the models alone.
    for name in ["A321neo", "787-9s"] {
        assert_eq!(named(&r, name).r#type(), T::Product, "{name}");
    }
}

#[tokio::test]
async fn a_company_name_that_is_a_word_stays_unlinked_without_evidence() {
    let r = parse("business-apple-harvest-no-company").await;
    let linked: Vec<&str> = r
        .entities
        .iter()
        .filter(|e| e.links.as_ref().is_some_and(|l| !l.wikipedia.is_empty()))
        .map(|e| e.name.as_str())
        .collect();
    assert!(linked.is_empty(), "linked to a company: {linked:?}");
}

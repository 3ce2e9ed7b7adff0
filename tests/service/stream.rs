//! ParseStream: order, id echo, a bad article in the middle, many articles.

use crate::harness::{fixture, request, TestServer, TREND};
use newsparse::grpc::pb::parse_stream_response::Result as Item;
use newsparse::grpc::{pb, rpc};
use tokio_stream::StreamExt;

fn with_id(text: &str, id: &str) -> pb::ParseRequest {
    pb::ParseRequest {
        id: id.into(),
        ..request(text)
    }
}

fn wrap(reqs: Vec<pb::ParseRequest>) -> Vec<pb::ParseStreamRequest> {
    reqs.into_iter()
        .map(|r| pb::ParseStreamRequest { request: Some(r) })
        .collect()
}

/// The response of a successful article.
fn parsed(r: &pb::ParseStreamResponse) -> &pb::ParseResponse {
    match &r.result {
        Some(Item::Response(resp)) => resp,
        other => panic!("{} failed: {other:?}", r.id),
    }
}

/// The status of a failed article.
fn failed(r: &pb::ParseStreamResponse) -> &rpc::Status {
    match &r.result {
        Some(Item::Error(status)) => status,
        other => panic!("{} did not fail: {other:?}", r.id),
    }
}

/// Sends `reqs` over one ParseStream and collects every answer.
async fn answers(
    server: &TestServer,
    reqs: Vec<pb::ParseStreamRequest>,
) -> Vec<pb::ParseStreamResponse> {
    let mut client = server.client().await;
    let mut out = client
        .parse_stream(tokio_stream::iter(reqs))
        .await
        .expect("stream opens")
        .into_inner();
    let mut got = Vec::new();
    while let Some(item) = out.next().await {
        got.push(item.expect("per-article errors travel inside responses"));
    }
    got
}

#[tokio::test]
async fn bad_article_in_the_middle_gets_its_own_error_and_the_stream_goes_on() {
    let server = TestServer::start().await;
    let good = fixture(TREND);
    let reqs = vec![
        with_id(&good, "a"),
        with_id("   ", "b"),
        pb::ParseRequest {
            document_date: "not a date".into(),
            ..with_id(&good, "c")
        },
        with_id("Moscow is a city.", "d"),
    ];
    let got = answers(&server, wrap(reqs)).await;
    let ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert!(!parsed(&got[0]).paragraphs.is_empty());
    let err_b = failed(&got[1]);
    assert_eq!(err_b.code, tonic::Code::InvalidArgument as i32);
    assert!(err_b.message.contains("`text`"));
    let err_c = failed(&got[2]);
    assert_eq!(err_c.code, tonic::Code::InvalidArgument as i32);
    assert!(err_c.message.contains("`document_date`"));
    assert_eq!(parsed(&got[3]).paragraphs.len(), 1);
    assert_eq!(
        parsed(&got[3]).id,
        "d",
        "the inner response echoes the id too"
    );
    server.stop().await;
}

#[tokio::test]
async fn many_articles_come_back_in_request_order() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let base = fixture(TREND);
    // Varying sizes make later articles finish before earlier ones if order were lost.
    let reqs: Vec<_> = (0..200)
        .map(|i| with_id(&base.repeat(1 + (199 - i) % 5), &format!("doc-{i}")))
        .collect();
    let mut out = client
        .parse_stream(tokio_stream::iter(wrap(reqs)))
        .await
        .expect("stream opens")
        .into_inner();
    let mut n = 0;
    while let Some(item) = out.next().await {
        let resp = item.expect("ok");
        assert_eq!(resp.id, format!("doc-{n}"));
        parsed(&resp);
        n += 1;
    }
    assert_eq!(n, 200);
    server.stop().await;
}

#[tokio::test]
async fn a_stream_message_without_its_request_is_invalid_argument() {
    let server = TestServer::start().await;
    let mut reqs = wrap(vec![with_id("Moscow is a city.", "a")]);
    reqs.push(pb::ParseStreamRequest { request: None });
    let got = answers(&server, reqs).await;
    assert_eq!(got.len(), 2);
    parsed(&got[0]);
    let err = failed(&got[1]);
    assert_eq!(err.code, tonic::Code::InvalidArgument as i32);
    assert_eq!(
        err.message,
        "field `request` of ParseStreamRequest is not set; wrap each article's ParseRequest in it"
    );
    assert_eq!(got[1].id, "");
    server.stop().await;
}

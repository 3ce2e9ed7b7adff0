//! ParseStream: order, id echo, a bad article in the middle, many articles.

use crate::harness::{fixture, request, TestServer, TREND};
use newsparse::grpc::pb;
use tokio_stream::StreamExt;

fn with_id(text: &str, id: &str) -> pb::ParseRequest {
    pb::ParseRequest {
        id: id.into(),
        ..request(text)
    }
}

#[tokio::test]
async fn bad_article_in_the_middle_gets_its_own_error_and_the_stream_goes_on() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
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
    let mut out = client
        .parse_stream(tokio_stream::iter(reqs))
        .await
        .expect("stream opens")
        .into_inner();
    let mut got = Vec::new();
    while let Some(item) = out.next().await {
        got.push(item.expect("per-article errors travel inside responses"));
    }
    let ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    assert!(got[0].error.is_none() && !got[0].paragraphs.is_empty());
    let err_b = got[1].error.as_ref().expect("b fails");
    assert_eq!(err_b.code, tonic::Code::InvalidArgument as i32);
    assert!(err_b.message.contains("`text`"));
    let err_c = got[2].error.as_ref().expect("c fails");
    assert!(err_c.message.contains("`document_date`"));
    assert!(got[3].error.is_none() && got[3].paragraphs.len() == 1);
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
        .parse_stream(tokio_stream::iter(reqs))
        .await
        .expect("stream opens")
        .into_inner();
    let mut n = 0;
    while let Some(item) = out.next().await {
        let resp = item.expect("ok");
        assert_eq!(resp.id, format!("doc-{n}"));
        assert!(resp.error.is_none());
        n += 1;
    }
    assert_eq!(n, 200);
    server.stop().await;
}

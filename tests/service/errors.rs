//! Every row of the README's error table: a defined code and a message that
//! names the problem, and the server keeps serving afterwards.

use crate::harness::{fixture, one_slot_no_queue, parallel_parses, request, TestServer, TREND};
use newsparse::config::RawConfig;
use newsparse::grpc::pb;
use std::time::Duration;
use tonic::Code;

async fn status_of(server: &TestServer, req: pb::ParseRequest) -> tonic::Status {
    let mut client = server.client().await;
    client.parse(req).await.expect_err("request must fail")
}

#[tokio::test]
async fn empty_and_blank_text_are_invalid_argument_naming_the_field() {
    let server = TestServer::start().await;
    for text in ["", "   ", "\n\t \u{3000}\n"] {
        let st = status_of(&server, request(text)).await;
        assert_eq!(st.code(), Code::InvalidArgument, "{text:?}");
        assert!(st.message().contains("`text`"), "{}", st.message());
    }
    // The server still answers a good request afterwards.
    let mut client = server.client().await;
    assert!(client.parse(request("Baku is a city.")).await.is_ok());
    server.stop().await;
}

#[tokio::test]
async fn text_over_the_limit_is_resource_exhausted() {
    let server = TestServer::with(RawConfig {
        max_text_bytes: 1000,
        ..RawConfig::default()
    })
    .await;
    let st = status_of(&server, request(&"word ".repeat(300))).await;
    assert_eq!(st.code(), Code::ResourceExhausted);
    assert!(
        st.message().contains("1500 bytes") && st.message().contains("1000"),
        "{}",
        st.message()
    );
    server.stop().await;
}

/// Frames over the transport's message limit never reach our code: tonic refuses
/// to decode them and answers OUT_OF_RANGE. Documented in the README.
#[tokio::test]
async fn message_over_the_transport_limit_is_out_of_range() {
    let raw = RawConfig {
        max_text_bytes: 2000,
        max_message_bytes: 4096,
        ..RawConfig::default()
    };
    let server = TestServer::with(raw).await;
    let st = status_of(&server, request(&"x".repeat(10_000))).await;
    assert_eq!(st.code(), Code::OutOfRange, "{st:?}");
    server.stop().await;
}

#[tokio::test]
async fn bad_document_date_is_invalid_argument() {
    let server = TestServer::start().await;
    for bad in [
        "yesterday",
        "2020-13-01",
        "2020-02-30",
        "07/02/2020",
        "2020-02-07T25:00",
    ] {
        let req = pb::ParseRequest {
            document_date: bad.into(),
            ..request("Baku is a city.")
        };
        let st = status_of(&server, req).await;
        assert_eq!(st.code(), Code::InvalidArgument, "{bad}");
        assert!(st.message().contains("`document_date`"), "{}", st.message());
    }
    server.stop().await;
}

#[tokio::test]
async fn unknown_enum_value_is_invalid_argument() {
    let server = TestServer::start().await;
    let req = pb::ParseRequest {
        offset_encoding: 42,
        ..request("Baku is a city.")
    };
    let st = status_of(&server, req).await;
    assert_eq!(st.code(), Code::InvalidArgument);
    assert!(st.message().contains("`offset_encoding`") && st.message().contains("42"));
    server.stop().await;
}

#[tokio::test]
async fn bad_language_hint_is_invalid_argument() {
    let server = TestServer::start().await;
    let req = pb::ParseRequest {
        language_hint: "English".into(),
        ..request("Baku is a city.")
    };
    let st = status_of(&server, req).await;
    assert_eq!(st.code(), Code::InvalidArgument);
    assert!(st.message().contains("`language_hint`"));
    server.stop().await;
}

/// A client deadline shorter than the parse: DEADLINE_EXCEEDED (not CANCELLED),
/// and the server is still healthy afterwards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn passed_deadline_is_deadline_exceeded() {
    let raw = RawConfig {
        max_text_bytes: 16 << 20,
        max_message_bytes: 32 << 20,
        max_concurrent_parses: 1,
        ..RawConfig::default()
    };
    let server = TestServer::with(raw).await;
    let mut client = server.client().await;
    let big = fixture(TREND).repeat(2000); // ~4.5 MB: seconds of work in a debug build
    let mut req = tonic::Request::new(request(&big));
    req.set_timeout(Duration::from_millis(300));
    let st = client.parse(req).await.expect_err("must time out");
    assert_eq!(st.code(), Code::DeadlineExceeded, "{st:?}");
    assert!(st.message().contains("deadline"), "{}", st.message());
    assert!(client.parse(request("Baku is a city.")).await.is_ok());
    server.stop().await;
}

/// More concurrent requests than slots plus queue: the excess is refused at
/// once with RESOURCE_EXHAUSTED instead of waiting in an unbounded queue.
#[tokio::test]
async fn overload_is_resource_exhausted_quickly() {
    let server = TestServer::with(one_slot_no_queue()).await;
    let big = fixture(TREND).repeat(300);
    let mut ok = 0;
    let mut exhausted = 0;
    for result in parallel_parses(&server, &big, 8).await {
        match result {
            Ok(()) => ok += 1,
            Err(st) if st.code() == Code::ResourceExhausted => {
                assert!(st.message().contains("capacity"), "{}", st.message());
                exhausted += 1;
            }
            Err(st) => panic!("unexpected status {st:?}"),
        }
    }
    assert!(ok >= 1, "at least one request is served");
    assert!(exhausted >= 1, "excess requests are refused, got ok={ok}");
    server.stop().await;
}

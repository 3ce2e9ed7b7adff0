//! `--metrics-addr`: Prometheus text over HTTP, scraped after real calls.

use crate::harness::{fixture, one_slot_no_queue, parallel_parses, request, TestServer, TREND};
use newsparse::config::RawConfig;
use newsparse::grpc::pb;
use std::net::SocketAddr;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// GETs `path` over a plain HTTP/1.1 connection; returns status line and body.
pub async fn http_get(addr: SocketAddr, path: &str) -> (String, String) {
    let mut s = tokio::net::TcpStream::connect(addr)
        .await
        .expect("connect to metrics");
    let req = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.expect("send request");
    let mut raw = String::new();
    s.read_to_string(&mut raw).await.expect("read response");
    let (head, body) = raw.split_once("\r\n\r\n").expect("HTTP response");
    let status = head.lines().next().unwrap_or_default().to_owned();
    (status, body.to_owned())
}

/// The value of the series whose name and labels contain every part of `parts`
/// (0 when absent, as Prometheus treats an unseen counter).
pub fn value(body: &str, name: &str, labels: &[&str]) -> f64 {
    body.lines()
        .filter(|l| !l.starts_with('#'))
        .filter(|l| l.split(['{', ' ']).next() == Some(name))
        .filter(|l| labels.iter().all(|p| l.contains(p)))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

#[tokio::test]
async fn metrics_count_real_calls() {
    let server = TestServer::with_metrics(RawConfig::default()).await;
    let addr = server.metrics_addr.expect("metrics listener");
    let (status, before) = http_get(addr, "/metrics").await;
    assert!(status.contains("200"), "{status}");
    assert_eq!(value(&before, "newsparse_articles_parsed_total", &[]), 0.0);
    assert_eq!(
        value(
            &before,
            "newsparse_build_info",
            &[&format!("version=\"{}\"", env!("CARGO_PKG_VERSION"))]
        ),
        1.0,
        "{before}"
    );
    let mut client = server.client().await;
    client.parse(request(&fixture(TREND))).await.expect("parse");
    client
        .parse(request("Moscow is a city."))
        .await
        .expect("parse");
    let bad = client.parse(request("  ")).await.expect_err("empty text");
    assert_eq!(bad.code(), tonic::Code::InvalidArgument);
    let stream = [pb::ParseStreamRequest {
        request: Some(request("Baku is a city.")),
    }];
    let mut out = client
        .parse_stream(tokio_stream::iter(stream))
        .await
        .expect("stream")
        .into_inner();
    while out.message().await.expect("stream item").is_some() {}

    let (_, after) = http_get(addr, "/metrics").await;
    let requests = |method: &str, code: &str| {
        let (m, c) = (format!("method=\"{method}\""), format!("code=\"{code}\""));
        value(&after, "newsparse_requests_total", &[&m, &c])
    };
    assert_eq!(requests("Parse", "OK"), 2.0, "{after}");
    assert_eq!(requests("Parse", "INVALID_ARGUMENT"), 1.0, "{after}");
    assert_eq!(requests("ParseStream", "OK"), 1.0, "{after}");
    assert_eq!(value(&after, "newsparse_articles_parsed_total", &[]), 3.0);
    let words = value(&after, "newsparse_words_parsed_total", &[]);
    assert!(words > 300.0, "words {words}");
    let latency = "newsparse_request_duration_seconds_count";
    assert_eq!(value(&after, latency, &["method=\"Parse\""]), 3.0);
    for stage in ["metadata", "time", "entities", "quotes"] {
        let label = format!("stage=\"{stage}\"");
        let n = value(&after, "newsparse_stage_duration_seconds_count", &[&label]);
        assert_eq!(n, 3.0, "stage {stage}");
    }
    for gauge in ["newsparse_parses_in_flight", "newsparse_parses_queued"] {
        assert!(
            after.contains(&format!("\n{gauge} 0")),
            "{gauge} missing: {after}"
        );
    }
    let (status, _) = http_get(addr, "/other").await;
    assert!(status.contains("404"), "{status}");
    server.stop().await;
}

#[tokio::test]
async fn refusals_are_counted_by_reason() {
    let server = TestServer::with_metrics(one_slot_no_queue()).await;
    let text = fixture(TREND).repeat(400);
    let mut refused = 0;
    for result in parallel_parses(&server, &text, 6).await {
        if let Err(st) = result {
            assert_eq!(st.code(), tonic::Code::ResourceExhausted, "{st:?}");
            refused += 1;
        }
    }
    assert!(
        refused > 0,
        "one slot and no queue must refuse some of 6 parallel calls"
    );
    let (_, body) = http_get(server.metrics_addr.expect("metrics"), "/metrics").await;
    let counted = value(
        &body,
        "newsparse_refusals_total",
        &["reason=\"overloaded\""],
    );
    assert_eq!(counted, f64::from(refused), "{body}");
    let code = "code=\"RESOURCE_EXHAUSTED\"";
    assert_eq!(
        value(&body, "newsparse_requests_total", &[code]),
        f64::from(refused)
    );
    server.stop().await;
}

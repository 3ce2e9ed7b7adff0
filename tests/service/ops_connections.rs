//! Connection lifetime on the server: HTTP/2 keepalive pings, and GOAWAY at the
//! maximum connection age (so long-lived clients reconnect and reach new
//! replicas). Read off the wire with a bare HTTP/2 connection, frame by frame.

use crate::harness::{fixture, request, TestServer, TREND};
use newsparse::config::RawConfig;
use newsparse::grpc::pb;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const PING: u8 = 0x6;
const GOAWAY: u8 = 0x7;
const SETTINGS: u8 = 0x4;

/// Opens an HTTP/2 connection with no calls on it and returns the type of the
/// first frame after the settings exchange that is one of `wanted`, if any
/// arrives within `within`.
async fn first_frame_of(addr: SocketAddr, wanted: &[u8], within: Duration) -> Option<u8> {
    let mut conn = TcpStream::connect(addr).await.expect("connect");
    conn.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\x04\0\0\0\0\0")
        .await
        .expect("preface and empty SETTINGS");
    let read = async {
        loop {
            let mut head = [0u8; 9];
            conn.read_exact(&mut head).await.ok()?;
            let len = usize::from(head[0]) << 16 | usize::from(head[1]) << 8 | usize::from(head[2]);
            let mut payload = vec![0u8; len];
            conn.read_exact(&mut payload).await.ok()?;
            let (kind, flags) = (head[3], head[4]);
            if kind == SETTINGS && flags & 1 == 0 {
                conn.write_all(b"\0\0\0\x04\x01\0\0\0\0").await.ok()?;
            }
            if wanted.contains(&kind) {
                return Some(kind);
            }
        }
    };
    tokio::time::timeout(within, read).await.ok().flatten()
}

#[tokio::test]
async fn keepalive_pings_an_idle_connection() {
    let server = TestServer::with(RawConfig {
        http2_keepalive_secs: 1,
        ..RawConfig::default()
    })
    .await;
    let got = first_frame_of(server.addr, &[PING, GOAWAY], Duration::from_secs(10)).await;
    assert_eq!(got, Some(PING), "a PING frame within 10 s");
    server.stop().await;
}

#[tokio::test]
async fn a_connection_past_its_max_age_is_sent_goaway_and_the_client_carries_on() {
    let server = TestServer::with(RawConfig {
        max_connection_age_secs: 1,
        ..RawConfig::default()
    })
    .await;
    let got = first_frame_of(server.addr, &[GOAWAY], Duration::from_secs(10)).await;
    assert_eq!(got, Some(GOAWAY), "GOAWAY within 10 s of a 1 s max age");
    // A tonic client opens a new connection after GOAWAY: a call made after the
    // age has passed still gets its answer.
    let mut client = server.client().await;
    let req = || request(&fixture(TREND));
    client.parse(req()).await.expect("first call");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    client
        .parse(req())
        .await
        .expect("call after the connection's max age");
    server.stop().await;
}

#[tokio::test]
async fn without_a_max_age_an_idle_connection_is_left_alone() {
    let server = TestServer::start().await;
    let got = first_frame_of(server.addr, &[GOAWAY, PING], Duration::from_millis(2500)).await;
    assert_eq!(got, None, "no GOAWAY or PING in 2.5 s with the defaults");
    server.stop().await;
}

/// GOAWAY must not cut a call that is still running: a ParseStream opened before
/// the age passes keeps answering after it (tonic 0.14.9's `max_connection_age_grace`
/// would instead close the connection at age + grace, so it is not set).
#[tokio::test]
async fn a_stream_open_across_the_max_age_keeps_answering() {
    let server = TestServer::with(RawConfig {
        max_connection_age_secs: 1,
        drain_timeout_secs: 1,
        ..RawConfig::default()
    })
    .await;
    let mut client = server.client().await;
    let (tx, rx) = tokio::sync::mpsc::channel(1);
    let mut answers = client
        .parse_stream(tokio_stream::wrappers::ReceiverStream::new(rx))
        .await
        .expect("stream opens")
        .into_inner();
    let send = |id: &str| pb::ParseStreamRequest {
        request: Some(pb::ParseRequest {
            id: id.into(),
            ..request(&fixture(TREND))
        }),
    };
    tx.send(send("before")).await.expect("send");
    let first = answers.message().await.expect("answer").expect("one");
    assert_eq!(first.id, "before");
    // Past the age and past age + drain: the stream is still being served.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    tx.send(send("after")).await.expect("send");
    let second = answers.message().await.expect("answer").expect("one");
    assert_eq!(second.id, "after");
    drop(tx);
    server.stop().await;
}

//! The CLI runs the same library and prints the same JSON the server returns.

use crate::golden::{check_golden, golden_path};
use crate::harness::{TestServer, TREND};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_newsparse");

#[test]
fn cli_parse_prints_the_golden_json() {
    let file = format!("{}/tests/fixtures/{TREND}.txt", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(BIN)
        .args(["parse", &file, "--pretty"])
        .output()
        .expect("run newsparse parse");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = String::from_utf8(out.stdout).expect("utf8 json");
    if std::env::var_os("UPDATE_GOLDEN").is_none() {
        assert!(golden_path(TREND).exists());
    }
    check_golden(TREND, &got);
}

#[test]
fn cli_parse_rejects_a_bad_document_date_with_the_field_name() {
    let file = format!("{}/tests/fixtures/{TREND}.txt", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(BIN)
        .args(["parse", &file, "--document-date", "soon"])
        .output()
        .expect("run newsparse parse");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("`document_date`"));
}

#[tokio::test]
async fn cli_health_exits_zero_only_while_serving() {
    let server = TestServer::start().await;
    let addr = server.addr.to_string();
    let run = |addr: String| {
        tokio::task::spawn_blocking(move || {
            Command::new(BIN)
                .args(["health", "--addr", &addr, "--timeout-secs", "5"])
                .status()
                .expect("run health")
        })
    };
    assert!(run(addr.clone()).await.expect("join").success());
    server.stop().await;
    assert!(!run(addr).await.expect("join").success());
}

#[tokio::test]
async fn cli_health_takes_a_host_name() {
    let server = TestServer::start().await;
    let addr = format!("localhost:{}", server.addr.port());
    let status = tokio::task::spawn_blocking(move || {
        Command::new(BIN)
            .args(["health", "--addr", &addr, "--timeout-secs", "5"])
            .status()
            .expect("run health")
    })
    .await
    .expect("join");
    assert!(status.success(), "health over localhost:PORT");
    server.stop().await;
}

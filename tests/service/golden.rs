//! Golden JSON per fixture article, through the real server. The JSON is the
//! proto3 JSON a grpcurl user sees. `UPDATE_GOLDEN=1 cargo test` rewrites the files;
//! a mismatch prints a line diff of expected against got.

use crate::harness::{fixtures, request, TestServer};
use std::path::PathBuf;

pub fn golden_path(stem: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{stem}.json"))
}

/// Compares `got` with the golden file, or rewrites it under UPDATE_GOLDEN=1.
pub fn check_golden(stem: &str, got: &str) {
    let path = golden_path(stem);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, got).expect("write golden");
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} missing: run UPDATE_GOLDEN=1 cargo test", path.display()));
    if want != got {
        panic!(
            "golden mismatch for {stem} (- expected, + got):\n{}",
            line_diff(&want, got)
        );
    }
}

/// A minimal LCS line diff, enough to read a golden mismatch.
fn line_diff(a: &str, b: &str) -> String {
    let a: Vec<&str> = a.lines().collect();
    let b: Vec<&str> = b.lines().collect();
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out, mut shown) = (0, 0, String::new(), 0);
    while (i < a.len() || j < b.len()) && shown < 80 {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push_str(&format!("+{:>5}: {}\n", j + 1, b[j]));
            j += 1;
            shown += 1;
        } else {
            out.push_str(&format!("-{:>5}: {}\n", i + 1, a[i]));
            i += 1;
            shown += 1;
        }
    }
    out
}

pub fn to_json(resp: &newsparse::grpc::pb::ParseResponse) -> String {
    let mut s = serde_json::to_string_pretty(resp).expect("response serializes");
    s.push('\n');
    s
}

#[tokio::test]
async fn every_fixture_matches_its_golden_file_over_grpc() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let all = fixtures();
    assert!(!all.is_empty());
    for (stem, text) in all {
        let resp = client
            .parse(request(&text))
            .await
            .expect("fixture parses")
            .into_inner();
        check_golden(&stem, &to_json(&resp));
    }
    server.stop().await;
}

//! One failure policy: `serve` refuses to start, exiting non-zero with a
//! message naming what is broken, instead of serving wrong answers.

use crate::harness::temp_file;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Runs `newsparse serve` on a free port with `args` and returns its output,
/// failing the test if it is still running after a minute (it started serving).
fn serve(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsparse"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn newsparse serve");
    let started = Instant::now();
    while child.try_wait().expect("poll child").is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("serve {args:?} kept running instead of refusing to start");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("collect output")
}

fn refused_with(args: &[&str], needle: &str) -> String {
    let out = serve(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "exit status {:?}", out.status);
    assert!(stderr.contains(needle), "stderr lacks {needle:?}: {stderr}");
    stderr
}

#[test]
fn serve_refuses_a_corrupt_ner_model() {
    let bad = temp_file(
        "corrupt-model.bin",
        b"NPNER\0\0\x03 but then nothing useful",
    );
    let path = bad.to_str().expect("utf-8 path");
    refused_with(&["--ner-model", path], "resource `NER model`");
    let stderr = refused_with(&["--ner-model", path], path);
    assert_eq!(stderr.matches("invalid value").count(), 1, "{stderr}");
}

#[test]
fn serve_refuses_a_missing_ner_model() {
    let stderr = refused_with(
        &["--ner-model", "no-such-dir/model.bin"],
        "resource `NER model`: cannot read no-such-dir/model.bin: ",
    );
    // The cause follows once, as the error chain, not repeated by the message.
    assert_eq!(stderr.matches("os error 2").count(), 1, "{stderr}");
}

#[test]
fn serve_refuses_a_broken_tls_key() {
    let cert = temp_file(
        "junk-cert.pem",
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    );
    let key = temp_file("junk-key.pem", b"not a key\n");
    let (cert, key) = (cert.to_str().expect("utf-8"), key.to_str().expect("utf-8"));
    refused_with(
        &["--tls-cert", cert, "--tls-key", key],
        "TLS certificate or key",
    );
}

#[test]
fn serve_refuses_an_empty_token_file() {
    let tokens = temp_file("empty-tokens.txt", b"# nobody yet\n");
    let path = tokens.to_str().expect("utf-8");
    refused_with(&["--auth-token-file", path], "holds no token");
}

#[test]
fn serve_refuses_a_certificate_without_its_key() {
    let cert = temp_file("lonely-cert.pem", b"unused\n");
    refused_with(&["--tls-cert", cert.to_str().expect("utf-8")], "--tls-key");
}

#[test]
fn serve_refuses_a_limit_out_of_range() {
    refused_with(
        &["--max-text-bytes", "0"],
        "setting `max_text_bytes` = 0: must be between 1 and max_message_bytes",
    );
}

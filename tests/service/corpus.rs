//! Real articles parse over gRPC with no error: by default our fixtures and our
//! 140 news paragraphs in 14 languages (`tests/data/language`), and with
//! `--include-ignored` every article in `../shared` (the Wikinews corpus, PolNeAR
//! train and dev text), read in place and never copied into the repository. Real copy holds
//! what random text rarely does (curly quotes beside lexicon words, odd header lines),
//! and a panic in any stage comes back to the client as INTERNAL.

use crate::harness::{request, TestServer};
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    assert!(
        dir.join("corpus").is_dir(),
        "{} is missing: the corpus smoke test needs ../shared beside the crate",
        dir.display()
    );
    dir
}

/// The `.txt` files directly in `dir`, sorted.
fn texts(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    out.sort();
    out
}

fn articles() -> Vec<PathBuf> {
    let root = shared();
    let mut all = texts(&root.join("corpus/wikinews"));
    let wikinews = all.len();
    for split in ["train", "dev"] {
        all.extend(texts(
            &root
                .join("data/attribution/polnear")
                .join(split)
                .join("text"),
        ));
    }
    assert!(wikinews >= 100, "only {wikinews} Wikinews articles");
    assert!(
        all.len() - wikinews >= 900,
        "only {} PolNeAR articles",
        all.len() - wikinews
    );
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn committed_articles_parse_without_error() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = texts(&root.join("tests/fixtures"));
    let languages = texts(&root.join("tests/data/language"));
    assert_eq!(languages.len(), 14, "the multi-language paragraph set");
    paths.extend(languages);
    parse_all(&paths).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs ../shared/corpus/wikinews and ../shared/data/attribution/polnear: run with --include-ignored"]
async fn every_shared_corpus_article_parses_without_error() {
    parse_all(&articles()).await;
}

/// Sends every file as one Parse call; fails listing each call that did not answer OK.
async fn parse_all(paths: &[PathBuf]) {
    let server = TestServer::start().await;
    let client = server.client().await;
    let mut failures = Vec::new();
    // A few requests in flight keep both cores busy.
    for chunk in paths.chunks(4) {
        let calls = chunk.iter().map(|p| {
            let mut c = client.clone();
            let text =
                std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let p = p.clone();
            async move { (p, c.parse(request(&text)).await) }
        });
        for (p, res) in futures_join(calls).await {
            if let Err(status) = res {
                failures.push(format!(
                    "{}: {:?} {}",
                    p.display(),
                    status.code(),
                    status.message()
                ));
            }
        }
    }
    server.stop().await;
    assert!(
        failures.is_empty(),
        "{} of {} articles failed:\n{}",
        failures.len(),
        paths.len(),
        failures.join("\n")
    );
}

/// Runs the calls concurrently and returns their results in order.
async fn futures_join<F>(calls: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = calls.map(tokio::spawn).collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await.expect("call task"));
    }
    out
}

//! Runs every article of a directory (or files) through `grpc::parse_local` and encodes
//! the answer, as the server would, `PASSES` times; prints words/s and a checksum of the
//! encoded sizes. A profiling harness (perf, callgrind with
//! `--toggle-collect='*parse_local*'`), not a benchmark: BENCHMARKS.md uses criterion,
//! the load generator and h2load.
//!
//! `cargo run --release --example profile_corpus -- ../shared/corpus/wikinews [PASSES]`
use newsparse::grpc::{parse_local, pb};
use newsparse::pipeline::Pipeline;
use prost::Message;
use std::path::PathBuf;
use std::time::Instant;

/// The server's allocator (src/main.rs), so profiles match what it runs.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().expect("a directory or file of articles"));
    let passes: usize = args.next().map_or(1, |p| p.parse().expect("PASSES"));
    let mut paths: Vec<PathBuf> = if root.is_dir() {
        std::fs::read_dir(&root)
            .expect("read dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect()
    } else {
        vec![root]
    };
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read article"))
        .collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let pipeline = Pipeline::shared().expect("embedded resources");
    let start = Instant::now();
    let mut bytes = 0usize;
    for _ in 0..passes {
        for text in &texts {
            let req = pb::ParseRequest {
                text: text.clone(),
                ..Default::default()
            };
            let resp = parse_local(&pipeline, req, usize::MAX).expect("parse");
            bytes += resp.encode_to_vec().len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} articles x {passes}: {:.0} words/s, {:.0} articles/s, {bytes} answer bytes",
        texts.len(),
        (words * passes) as f64 / secs,
        (texts.len() * passes) as f64 / secs
    );
}

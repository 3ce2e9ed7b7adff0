//! Throughput of the library pipeline on real article text, one core.
//!
//! Inputs: the committed fixture and, when present, the 143 CC BY Wikinews articles
//! read at run time from `$NEWSPARSE_WIKINEWS` or `../shared/corpus/wikinews` beside
//! the repository (never committed; the Wikinews groups are skipped without them).
//!
//! Throughput is in words (whitespace-separated tokens, as the corpus index and
//! `scripts/bench/spacy_bench.py` count them) per second, plus articles per second
//! for the whole pipeline. Every iteration checks its output against counts taken
//! before timing, so a fast wrong result fails instead of looking good.
//!
//! Run: `cargo bench --bench pipeline` (see BENCHMARKS.md for the figures).

use criterion::measurement::WallTime;
use criterion::{
    black_box, criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput,
};
use newsparse::entities::gazetteer::Gazetteer;
use newsparse::entities::ner::NerModel;
use newsparse::entities::recognizers::gazetteer_candidates;
use newsparse::entities::{NumericRecognizer, TitleRecognizer};
use newsparse::pipeline::{Analysis, Options, Pipeline, Stages};
use newsparse::quotes::QuoteStage;
use newsparse::text::{split_sentences, tokenize, Span};
use newsparse::time::TimexRecognizer;
use std::path::{Path, PathBuf};
use std::time::Duration;

const FIXTURE: &str = "tests/fixtures/trend-2020-02-07-sadigov-gerasimov.txt";

/// A set of articles with their word count.
struct Corpus {
    name: &'static str,
    texts: Vec<String>,
    words: u64,
}

impl Corpus {
    fn new(name: &'static str, texts: Vec<String>) -> Self {
        let words = texts
            .iter()
            .map(|t| t.split_whitespace().count() as u64)
            .sum();
        Corpus { name, texts, words }
    }
}

fn repo_root() -> PathBuf {
    std::env::var_os("NEWSPARSE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

fn fixture() -> Corpus {
    let path = repo_root().join(FIXTURE);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("committed fixture {}: {e}", path.display()));
    Corpus::new("fixture", vec![text])
}

/// The Wikinews articles in file-name order, or `None` when the corpus is absent.
fn wikinews() -> Option<Corpus> {
    let dir = std::env::var_os("NEWSPARSE_WIKINEWS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/corpus/wikinews"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let texts: Vec<String> = files.iter().filter_map(|p| read(p)).collect();
    if texts.is_empty() {
        eprintln!(
            "no Wikinews articles in {}: skipping those benches",
            dir.display()
        );
        return None;
    }
    Some(Corpus::new("wikinews", texts))
}

fn read(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

/// Blocks separated by blank lines: an independent lower bound on paragraphs.
fn blank_line_blocks(text: &str) -> usize {
    text.split('\n')
        .fold((0, true), |(n, gap), line| {
            match (line.trim().is_empty(), gap) {
                (true, _) => (n, true),
                (false, true) => (n + 1, false),
                (false, false) => (n, false),
            }
        })
        .0
}

/// What one analysis must reproduce on every iteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counts {
    paragraphs: usize,
    sentences: usize,
    entities: usize,
    quotes: usize,
}

impl Counts {
    fn of(a: &Analysis) -> Self {
        Counts {
            paragraphs: a.paragraphs.len(),
            sentences: a.sentences.len(),
            entities: a.entities.len(),
            quotes: a.quotes.len(),
        }
    }
}

/// Counts of a first, untimed pass, checked for sanity against the text itself.
fn expected(p: &Pipeline, corpus: &Corpus, options: &Options) -> Vec<Counts> {
    corpus
        .texts
        .iter()
        .map(|t| {
            let c = Counts::of(&p.analyze(t, options));
            assert!(
                c.paragraphs >= blank_line_blocks(t),
                "{}: lost paragraphs: {c:?}",
                corpus.name
            );
            assert!(c.sentences >= 1, "{}: no sentences: {c:?}", corpus.name);
            c
        })
        .collect()
}

fn run_checked(p: &Pipeline, corpus: &Corpus, options: &Options, want: &[Counts]) {
    for (text, want) in corpus.texts.iter().zip(want) {
        let got = Counts::of(&p.analyze(black_box(text), options));
        assert_eq!(&got, want, "output changed between iterations");
    }
}

fn group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g
}

/// The whole pipeline: words/s and articles/s on one core.
fn whole(c: &mut Criterion, p: &Pipeline, corpus: &Corpus) {
    let options = Options::default();
    let want = expected(p, corpus, &options);
    let entities: usize = want.iter().map(|c| c.entities).sum();
    assert!(
        entities >= corpus.texts.len(),
        "{}: only {entities} entities",
        corpus.name
    );
    let mut g = group(c, &format!("pipeline/{}", corpus.name));
    g.throughput(Throughput::Elements(corpus.words));
    g.bench_function("words", |b| {
        b.iter(|| run_checked(p, corpus, &options, &want))
    });
    g.throughput(Throughput::Elements(corpus.texts.len() as u64));
    g.bench_function("articles", |b| {
        b.iter(|| run_checked(p, corpus, &options, &want))
    });
    g.finish();
}

/// The pipeline with stages switched on one at a time: the differences are stage costs.
fn stage_switches(c: &mut Criterion, p: &Pipeline, corpus: &Corpus) {
    let off = Stages {
        entities: false,
        time: false,
        metadata: false,
        quotes: false,
    };
    let runs = [
        ("structure_only", off),
        (
            "plus_metadata",
            Stages {
                metadata: true,
                ..off
            },
        ),
        ("plus_time", Stages { time: true, ..off }),
        (
            "plus_entities",
            Stages {
                entities: true,
                ..off
            },
        ),
        (
            "all_but_quotes",
            Stages {
                quotes: false,
                ..Stages::default()
            },
        ),
        ("all", Stages::default()),
    ];
    let mut g = group(c, &format!("stages/{}", corpus.name));
    g.throughput(Throughput::Elements(corpus.words));
    for (name, stages) in runs {
        let options = Options {
            stages,
            ..Options::default()
        };
        let want = expected(p, corpus, &options);
        g.bench_function(name, |b| b.iter(|| run_checked(p, corpus, &options, &want)));
    }
    g.finish();
}

/// Benches `f` over every text, checking it returns the same total each iteration.
fn stage<F: Fn(usize, &str) -> usize>(
    g: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    corpus: &Corpus,
    f: F,
) {
    let total = |texts: &[String]| -> usize {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| f(i, black_box(t)))
            .sum()
    };
    let want = total(&corpus.texts);
    assert!(want > 0, "stage {name} found nothing in {}", corpus.name);
    g.bench_function(name, |b| {
        b.iter(|| {
            assert_eq!(total(&corpus.texts), want, "stage {name} output changed");
        })
    });
}

/// Single stages called directly, each on the whole text.
fn stages_direct(c: &mut Criterion, corpus: &Corpus) {
    let timex = TimexRecognizer::new();
    let gazetteer = Gazetteer::embedded().expect("embedded gazetteer");
    let numeric = NumericRecognizer::new().expect("built-in unit lexicon");
    let titles = TitleRecognizer::builtin().expect("data/titles.tsv");
    let tokens: Vec<_> = corpus.texts.iter().map(|t| tokenize(t)).collect();
    let mut g = group(c, &format!("stage/{}", corpus.name));
    g.throughput(Throughput::Elements(corpus.words));
    stage(&mut g, "tokenize", corpus, |_, t| tokenize(t).len());
    stage(&mut g, "sentences", corpus, |i, t| {
        split_sentences(t, &tokens[i], Span::new(0, t.len())).len()
    });
    let whole: Vec<_> = corpus
        .texts
        .iter()
        .zip(&tokens)
        .map(|(t, toks)| split_sentences(t, toks, Span::new(0, t.len())))
        .collect();
    let ner = NerModel::embedded().expect("embedded NER model");
    stage(&mut g, "ner", corpus, |i, t| {
        ner.recognize(t, &tokens[i], &whole[i]).len()
    });
    stage(&mut g, "time", corpus, |_, t| {
        timex.recognize(t, None).len()
    });
    stage(&mut g, "gazetteer", corpus, |_, t| {
        gazetteer_candidates(&gazetteer, t).len()
    });
    stage(&mut g, "numeric", corpus, |_, t| numeric.scan(t).len());
    stage(&mut g, "titles", corpus, |_, t| titles.scan(t).len());
    // The quote stage alone (no entities, so no speaker lookup), on every text.
    let quotes = QuoteStage::embedded().expect("embedded quote model");
    stage(&mut g, "quotes", corpus, |i, t| {
        quotes.extract(t, &tokens[i], &[]).len()
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    let p = Pipeline::shared().expect("embedded resources load");
    let corpora: Vec<Corpus> = std::iter::once(fixture()).chain(wikinews()).collect();
    for corpus in &corpora {
        eprintln!(
            "{}: {} articles, {} words",
            corpus.name,
            corpus.texts.len(),
            corpus.words
        );
        whole(c, &p, corpus);
    }
    let big = corpora.last().expect("the fixture is always there");
    stage_switches(c, &p, big);
    stages_direct(c, big);
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);

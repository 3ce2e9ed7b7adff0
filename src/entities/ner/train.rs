//! Training: CoNLL file -> two-pass averaged perceptron -> model file.
//!
//! Pass 1 is trained on all documents. Pass 2 adds document features built from
//! pass-1 tags; to make those tags as noisy in training as at run time, the pass-1 tags of
//! each training fold come from a model trained on the other folds (jackknifing), decoded
//! as at run time. Both passes are trained with a beam of [`TRAIN_BEAM`] and max-violation
//! updates ([`Update`], `learn_beam.rs`). The perceptrons of the ensemble and of the jackknife
//! folds train on their own threads; everything is deterministic for a given seed.

use super::clusters::Clusters;
use super::conll::{evaluate, read_conll, ConllDoc, ConllError, EvalReport};
use super::decode::{beam_sentence, doc_info, set_pass1, static_feats, tag_sentence_greedy};
use super::decode::{DocInfo, BEAM};
use super::features::Take;
use super::learn_beam::BeamBuffers;
pub use super::learn_beam::Update;
use super::lexicon::Lexicon;
use super::model::{NerModel, Words};
use super::names::NameLists;
use super::perceptron::Perceptron;
use super::tags::{encode, Table};
use crate::text::{split_sentences, tokenize, Span};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What to train on, where to write, and the few knobs that matter.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// CoNLL training file.
    pub train: PathBuf,
    /// Optional CoNLL dev file, scored after training.
    pub dev: Option<PathBuf>,
    /// Optional word-cluster table (`word<TAB>path`), built by `scripts/ner/build_clusters.py`.
    pub clusters: Option<PathBuf>,
    /// Optional GloVe path table (`word<TAB>path`, lower-case words), built by
    /// `scripts/ner/build_glove_codes.py`; merged into the cluster table.
    pub glove: Option<PathBuf>,
    /// Optional hand-written lexicon (`word<TAB>CLASS`), `models/ner/lexicon.tsv`.
    pub lexicon: Option<PathBuf>,
    /// Optional typed name lists (`name<TAB>CLASS`) built by `scripts/ner/build_gazetteer.py`;
    /// off in the committed model (see models/ner/README.md for why).
    pub names: Option<PathBuf>,
    /// Where the model file is written.
    pub output: PathBuf,
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the document shuffling.
    pub seed: u64,
    /// The weight table has `2^hash_bits` rows.
    pub hash_bits: u32,
    /// Train the second, document-level pass.
    pub doc_features: bool,
    /// Folds for the jackknifed pass-1 tags that pass 2 trains on.
    pub folds: usize,
    /// Perceptrons (seeds `seed..seed + ensemble`) whose averaged weights are summed.
    pub ensemble: usize,
    /// Rows whose largest quantized weight is below this are dropped (model size).
    pub prune: i16,
    /// Beam width while training; 1 trains greedily, one update per wrong token, and
    /// decodes the jackknife greedily (an ablation: such weights misread the fixture
    /// article, see [`TRAIN_BEAM`]). Wider beams decode the jackknife
    /// with the run-time pass-1 beam whatever this width. At most 255 (a training
    /// hypothesis keeps its parent's index in a byte).
    pub beam: usize,
    /// Which prefix a beam-training update compares.
    pub update: Update,
}

impl TrainOptions {
    /// The settings of `newsparse train` (max-violation beam training; `beam: 1` trains
    /// greedily, for ablations), with paths relative to `repo`
    /// (the repository root) and `data` (the directory holding `train.conll`/`dev.conll`).
    pub fn standard(repo: &Path, data: &Path) -> TrainOptions {
        TrainOptions {
            train: data.join("train.conll"),
            dev: Some(data.join("dev.conll")),
            clusters: Some(repo.join("models/ner/clusters.tsv")),
            glove: Some(repo.join("models/ner/glove.tsv")),
            lexicon: Some(repo.join("models/ner/lexicon.tsv")),
            names: None,
            output: repo.join("models/ner/model.bin"),
            epochs: 16,
            seed: SEED,
            hash_bits: 20,
            doc_features: true,
            folds: 5,
            prune: 0,
            ensemble: 3,
            beam: TRAIN_BEAM,
            update: Update::MaxViolation,
        }
    }
}

/// The seed of `newsparse train` (the ensemble's perceptrons take it and the next two).
/// Three: of seeds 1, 3 and 7 it scored best on both of our dev sets when beam training was
/// adopted. The spread over seeds is noise, so the mean over them is what to expect of a
/// retraining with another seed; `reports/ner-ablations.txt` keeps the figures per seed.
pub const SEED: u64 = 3;

/// The training beam of `newsparse train`, with max-violation updates. Two (decoded with a
/// beam of two in both passes): served CoNLL dev 93.24 / 93.37 / 93.20 at seeds 1 / 3 / 7
/// (OOD 75.74 / 76.71 / 76.06) with the fixture article right. Greedily trained weights
/// decoded the same way score 93.31 at seed 1 (OOD 75.08) but break the fixture article
/// ("Trend", "Nagorno-Karabakh"), and served with the beam in pass 1 only 93.13 / 93.03 /
/// 92.74 (OOD 74.39 / 74.48 / 74.62). Early update scores less (mean 93.18 against 93.27),
/// a beam of three in training less again (92.97 at seed 1; `reports/ner-ablations.txt`,
/// "beam training (early update, max-violation)"). Its own constant, not
/// `decode::BEAM`, so that a wider run-time beam does not quietly change training.
pub const TRAIN_BEAM: usize = 2;

/// What training produced.
#[derive(Debug)]
pub struct TrainOutcome {
    /// Size of the written model file.
    pub model_bytes: usize,
    /// Wall-clock training time (without the dev evaluation).
    pub train_seconds: f64,
    /// Training documents and tokens seen.
    pub train_docs: usize,
    /// Tokens of the training documents (our tokenizer).
    pub train_tokens: usize,
    /// Dev scores when a dev file was given.
    pub dev: Option<EvalReport>,
}

/// Why training failed.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// A CoNLL file could not be read.
    #[error(transparent)]
    Conll(#[from] ConllError),
    /// The cluster table or the output could not be read or written.
    #[error("{path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// A training document ready for the perceptron.
struct Prepared {
    doc: DocInfo,
    gold: Vec<u8>,
}

/// Trains a model, writes it to `opts.output`, and scores it on the dev file if given.
pub fn train(opts: &TrainOptions) -> Result<TrainOutcome, TrainError> {
    let started = Instant::now();
    let (clusters, lexicon, names) = word_tables(opts)?;
    let docs = read_conll(&opts.train)?;
    let mut prepared: Vec<Prepared> = docs
        .iter()
        .map(|d| prepare(d, (&clusters, &lexicon, &names)))
        .collect();
    let all: Vec<usize> = (0..prepared.len()).collect();
    let pass1 = fit_table(&prepared, &all, opts);
    let pass2 = if opts.doc_features {
        jackknife(&mut prepared, opts);
        Some(fit_table(&prepared, &all, opts))
    } else {
        None
    };
    let model = NerModel::new(pass1, pass2, (clusters, lexicon, names));
    let bytes = model.to_bytes();
    std::fs::write(&opts.output, &bytes).map_err(|source| TrainError::Io {
        path: opts.output.clone(),
        source,
    })?;
    let train_seconds = started.elapsed().as_secs_f64();
    let dev = match &opts.dev {
        Some(p) => Some(evaluate(&model, &read_conll(p)?)),
        None => None,
    };
    Ok(TrainOutcome {
        model_bytes: bytes.len(),
        train_seconds,
        train_docs: prepared.len(),
        train_tokens: prepared.iter().map(|p| p.gold.len()).sum(),
        dev,
    })
}

/// The cluster table, lexicon and name lists named in the options (empty when not given).
fn word_tables(opts: &TrainOptions) -> Result<Words, TrainError> {
    let md = match &opts.clusters {
        Some(p) => read(p)?,
        None => String::new(),
    };
    let mut clusters = Clusters::from_tsv(&md);
    if let Some(p) = &opts.glove {
        let words = md
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, _)| w);
        clusters.add_glove(words, &read(p)?);
    }
    let lexicon = match &opts.lexicon {
        Some(p) => Lexicon::from_tsv(&read(p)?),
        None => Lexicon::default(),
    };
    let names = match &opts.names {
        Some(p) => NameLists::from_tsv(&read(p)?),
        None => NameLists::default(),
    };
    Ok((clusters, lexicon, names))
}

fn read(p: &Path) -> Result<String, TrainError> {
    std::fs::read_to_string(p).map_err(|source| TrainError::Io {
        path: p.to_path_buf(),
        source,
    })
}

/// Tokenizes a document like the service does and projects gold spans onto our tokens.
fn prepare(d: &ConllDoc, words: (&Clusters, &Lexicon, &NameLists)) -> Prepared {
    let tokens = tokenize(&d.text);
    let sentences = split_sentences(&d.text, &tokens, Span::new(0, d.text.len()));
    let ents: Vec<_> = d
        .entities
        .iter()
        .map(|(s, l)| {
            let a = tokens.partition_point(|t| t.span.start < s.start);
            let b = tokens.partition_point(|t| t.span.end <= s.end);
            (a..b.max(a), *l)
        })
        .collect();
    let doc = doc_info(&d.text, &tokens, &sentences, words, None);
    Prepared {
        doc,
        gold: encode(tokens.len(), &ents),
    }
}

/// Sums the averaged weights of `opts.ensemble` perceptrons trained with seeds
/// `seed, seed + 1, ...` (different document orders), then quantizes them.
fn fit_table(prepared: &[Prepared], which: &[usize], opts: &TrainOptions) -> Table {
    let seeds: Vec<u64> = (0..opts.ensemble.max(1) as u64)
        .map(|k| opts.seed + k)
        .collect();
    let mut fits = in_parallel(&seeds, |seed| fit(prepared, which, opts, *seed).averaged());
    let mut sum = fits.remove(0);
    for more in fits {
        sum.iter_mut().zip(more).for_each(|(a, b)| *a += b);
    }
    Table::quantize(opts.hash_bits, &sum, opts.prune)
}

/// `f` of every item, each on its own thread, in the items' order (the results, and so the
/// model, do not depend on the scheduling).
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = items.iter().map(|x| scope.spawn(move || f(x))).collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("training thread panicked"))
            .collect()
    })
}

/// Trains one perceptron on the documents `which` (in a seeded order per epoch).
fn fit(prepared: &[Prepared], which: &[usize], opts: &TrainOptions, seed: u64) -> Perceptron {
    let mut p = Perceptron::new(opts.hash_bits);
    let mut order = which.to_vec();
    let mut rng = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut buf = BeamBuffers::new(opts.beam);
    for _ in 0..opts.epochs {
        shuffle(&mut order, &mut rng);
        for &d in &order {
            let pr = &prepared[d];
            let mut tags = vec![0u8; pr.gold.len()];
            for s in 0..pr.doc.sentences.len() {
                if opts.beam > 1 {
                    p.learn_sentence_beam(&pr.doc, s, &pr.gold, (opts.beam, opts.update), &mut buf);
                } else {
                    p.learn_sentence(&pr.doc, s, &pr.gold, &mut tags);
                }
            }
        }
    }
    p
}

/// Gives every training document pass-1 tags from a model that did not see it, decoded
/// as the first pass is at run time.
fn jackknife(prepared: &mut [Prepared], opts: &TrainOptions) {
    let folds: Vec<usize> = (0..opts.folds.max(2)).collect();
    let n = folds.len();
    let shared: &[Prepared] = prepared;
    let found = in_parallel(&folds, |&k| {
        let train: Vec<usize> = (0..shared.len()).filter(|i| i % n != k).collect();
        let model = fit(shared, &train, opts, opts.seed);
        let model = Table::quantize(model.bits(), &model.averaged(), 0);
        (k..shared.len())
            .step_by(n)
            .map(|i| pass1_tags(&model, &shared[i], opts.beam > 1))
            .collect::<Vec<_>>()
    });
    let mut tags: Vec<Vec<u8>> = vec![Vec::new(); prepared.len()];
    for (k, fold) in found.into_iter().enumerate() {
        for (i, t) in (k..prepared.len()).step_by(n).zip(fold) {
            tags[i] = t;
        }
    }
    for (pr, t) in prepared.iter_mut().zip(&tags) {
        set_pass1(&mut pr.doc, t);
    }
}

/// The pass-1 tags of one document, with the run-time beam or greedily.
fn pass1_tags(model: &Table, pr: &Prepared, beam: bool) -> Vec<u8> {
    let mut tags = vec![0u8; pr.gold.len()];
    let mut probs = vec![0f32; pr.gold.len()];
    for s in 0..pr.doc.sentences.len() {
        if beam {
            let r = pr.doc.sentences[s].clone();
            let take = Take::All;
            beam_sentence::<_, BEAM>(
                model,
                &pr.doc,
                &r,
                take,
                &mut tags,
                &mut probs,
                |i, f, b| {
                    static_feats(&pr.doc, s, i, f);
                    model.add_scores(f.as_slice(), b);
                },
            );
        } else {
            tag_sentence_greedy(model, &pr.doc, s, &mut tags, &mut probs);
        }
    }
    tags
}

/// Fisher-Yates with xorshift64, so training order depends only on the seed.
fn shuffle(v: &mut [usize], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        v.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

//! Training the quote tagger: a structured averaged perceptron (Collins 2002) over
//! the BIO tags of Source, Cue and Content, one sequence per paragraph, decoded by
//! the same constrained Viterbi the server uses. Deterministic: a fixed shuffling
//! seed and single-threaded float sums, so the same data gives the same file.

use super::blocks;
use super::features::{block_features, block_sentences, BlockFeatures, BUCKETS};
use super::marks::quotation;
use super::model::{tag, viterbi, QuoteModel, Role, NTAGS};
use super::polnear::{read_split, Article, CorpusError};
use crate::learn::perceptron::Averaged;
use crate::text::{tokenize, Span, Token};
use std::path::Path;

/// Training settings; [`TrainOptions::default`] is the committed model's.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the order in which paragraphs are visited.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 8,
            seed: 12,
        }
    }
}

/// One paragraph's features and gold tags.
struct Example {
    feats: BlockFeatures,
    gold: Vec<u8>,
}

/// Trains on the PolNeAR split directory `train_dir` (holding `text/` and `attributions/`).
pub(crate) fn train(train_dir: &Path, opts: TrainOptions) -> Result<QuoteModel, CorpusError> {
    let articles = read_split(train_dir)?;
    let examples: Vec<Example> = articles.iter().flat_map(examples).collect();
    Ok(fit(&examples, opts))
}

fn examples(a: &Article) -> Vec<Example> {
    let tokens = tokenize(&a.text);
    let gold = gold_tags(&tokens, a);
    let blocks = blocks(&a.text, &tokens);
    let q = quotation(&a.text, &tokens, &blocks);
    blocks
        .into_iter()
        .map(|b| {
            let sentences = block_sentences(&a.text, &tokens, b.clone());
            Example {
                feats: block_features(&a.text, &tokens, b.clone(), &sentences, &q),
                gold: gold[b].to_vec(),
            }
        })
        .collect()
}

/// Gold tag of every token: contents first, then sources and cues over them, so an
/// attribution nested in another's content keeps its speaker and cue.
fn gold_tags(tokens: &[Token], a: &Article) -> Vec<u8> {
    let mut role: Vec<Option<Role>> = vec![None; tokens.len()];
    let mut begins = vec![false; tokens.len()];
    let mut mark = |spans: &[Span], r: Role| {
        for s in spans {
            let first = tokens.partition_point(|t| t.span.start < s.start);
            let last = tokens.partition_point(|t| t.span.start < s.end);
            for i in first..last {
                role[i] = Some(r);
                begins[i] = i == first;
            }
        }
    };
    for g in &a.quotes {
        mark(&g.content, Role::Content);
    }
    for g in &a.quotes {
        mark(&g.source, Role::Source);
        mark(&g.cue, Role::Cue);
    }
    (0..tokens.len())
        .map(|i| match role[i] {
            None => 0,
            Some(r) => tag(r, begins[i] || i == 0 || role[i - 1] != Some(r)),
        })
        .collect()
}

/// The weights while training: a row per feature bucket, then the transitions, a row
/// per previous tag and one for the block start ([`NTAGS`] rows after the buckets). The
/// averaging clock and sums are `f64`, as the committed model was trained.
struct Weights(Averaged<NTAGS, f64>);

/// The row of the transitions from `prev` (`None`: the block start).
fn trans_row(prev: Option<u8>) -> usize {
    BUCKETS + prev.map_or(NTAGS, usize::from)
}

impl Weights {
    fn bump(&mut self, feats: &[u32], t: u8, by: f32) {
        for &f in feats {
            self.0.add(f as usize, usize::from(t), by);
        }
    }

    fn update(&mut self, ex: &Example, pred: &[u8]) {
        for i in 0..ex.gold.len() {
            let prev = |tags: &[u8]| i.checked_sub(1).map(|j| tags[j]);
            if ex.gold[i] != pred[i] {
                self.bump(ex.feats.of(i), ex.gold[i], 1.0);
                self.bump(ex.feats.of(i), pred[i], -1.0);
            }
            if ex.gold[i] != pred[i] || prev(&ex.gold) != prev(pred) {
                self.0
                    .add(trans_row(prev(&ex.gold)), usize::from(ex.gold[i]), 1.0);
                self.0
                    .add(trans_row(prev(pred)), usize::from(pred[i]), -1.0);
            }
        }
    }

    /// The transitions as the decoder reads them, from weights `w` laid out as these.
    fn trans(w: &[f32]) -> Vec<[f32; NTAGS]> {
        w[BUCKETS * NTAGS..]
            .chunks_exact(NTAGS)
            .map(|r| std::array::from_fn(|t| r[t]))
            .collect()
    }

    fn tag(&self, ex: &Example) -> Vec<u8> {
        let em: Vec<[f32; NTAGS]> = (0..ex.feats.len())
            .map(|i| {
                let mut scores = [0f32; NTAGS];
                let rows = ex.feats.of(i).iter().map(|&b| b as usize);
                self.0.score(rows, &mut scores);
                scores
            })
            .collect();
        viterbi(&em, &Weights::trans(self.0.weights()))
    }

    fn average(&self) -> QuoteModel {
        let w = self.0.averaged();
        let trans = Weights::trans(&w);
        let trans = std::array::from_fn(|p| trans[p]);
        QuoteModel::quantize(&w[..BUCKETS * NTAGS], trans)
    }
}

fn fit(examples: &[Example], opts: TrainOptions) -> QuoteModel {
    let mut m = Weights(Averaged::new(BUCKETS + NTAGS + 1));
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = opts.seed;
    for _ in 0..opts.epochs {
        shuffle(&mut order, &mut rng);
        for &k in &order {
            let ex = &examples[k];
            let pred = m.tag(ex);
            if pred != ex.gold {
                m.update(ex, &pred);
            }
            m.0.tick(1);
        }
    }
    m.average()
}

/// Fisher–Yates with a 64-bit LCG (Knuth's MMIX constants): reproducible everywhere.
fn shuffle(v: &mut [usize], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = ((*state >> 33) as usize) % (i + 1);
        v.swap(i, j);
    }
}

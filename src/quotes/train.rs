//! Training the quote tagger: a structured averaged perceptron (Collins 2002) over
//! the BIO tags of Source, Cue and Content, one sequence per paragraph, decoded by
//! the same constrained Viterbi the server uses. Deterministic: a fixed shuffling
//! seed and single-threaded float sums, so the same data gives the same file.

use super::blocks;
use super::features::{block_features, block_sentences, BlockFeatures, BUCKETS};
use super::marks::quotation;
use super::model::{emission, tag, viterbi, QuoteModel, Role, NTAGS};
use super::polnear::{read_split, Article, CorpusError};
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

/// Averaged weights: `w - acc / steps`, where `acc` sums each update times its step.
struct Averaged {
    w: Vec<f32>,
    acc: Vec<f64>,
    trans: [[f32; NTAGS]; NTAGS + 1],
    trans_acc: [[f64; NTAGS]; NTAGS + 1],
    step: f64,
}

impl Averaged {
    fn bump(&mut self, feats: &[u32], t: u8, by: f32) {
        for &f in feats {
            let k = f as usize * NTAGS + t as usize;
            self.w[k] += by;
            self.acc[k] += f64::from(by) * self.step;
        }
    }

    fn bump_trans(&mut self, prev: Option<u8>, t: u8, by: f32) {
        let row = prev.map_or(NTAGS, usize::from);
        self.trans[row][t as usize] += by;
        self.trans_acc[row][t as usize] += f64::from(by) * self.step;
    }

    fn update(&mut self, ex: &Example, pred: &[u8]) {
        for i in 0..ex.gold.len() {
            let prev = |tags: &[u8]| i.checked_sub(1).map(|j| tags[j]);
            if ex.gold[i] != pred[i] {
                self.bump(ex.feats.of(i), ex.gold[i], 1.0);
                self.bump(ex.feats.of(i), pred[i], -1.0);
            }
            if ex.gold[i] != pred[i] || prev(&ex.gold) != prev(pred) {
                self.bump_trans(prev(&ex.gold), ex.gold[i], 1.0);
                self.bump_trans(prev(pred), pred[i], -1.0);
            }
        }
    }

    fn average(&self) -> QuoteModel {
        let s = self.step;
        let avg = |w: f32, a: f64| (f64::from(w) - a / s) as f32;
        let w: Vec<f32> = self
            .w
            .iter()
            .zip(&self.acc)
            .map(|(&w, &a)| avg(w, a))
            .collect();
        let mut trans = self.trans;
        for (row, acc) in trans.iter_mut().zip(&self.trans_acc) {
            row.iter_mut().zip(acc).for_each(|(t, &a)| *t = avg(*t, a));
        }
        QuoteModel::quantize(&w, trans)
    }
}

fn fit(examples: &[Example], opts: TrainOptions) -> QuoteModel {
    let mut m = Averaged {
        w: vec![0.0; BUCKETS * NTAGS],
        acc: vec![0.0; BUCKETS * NTAGS],
        trans: [[0.0; NTAGS]; NTAGS + 1],
        trans_acc: [[0.0; NTAGS]; NTAGS + 1],
        step: 1.0,
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = opts.seed;
    for _ in 0..opts.epochs {
        shuffle(&mut order, &mut rng);
        for &k in &order {
            let ex = &examples[k];
            let em: Vec<[f32; NTAGS]> = (0..ex.feats.len())
                .map(|i| emission(&m.w, ex.feats.of(i)))
                .collect();
            let pred = viterbi(&em, &m.trans);
            if pred != ex.gold {
                m.update(ex, &pred);
            }
            m.step += 1.0;
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

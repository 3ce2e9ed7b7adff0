//! Averaged perceptron weights used while training (dense `f32`, hashed rows).

use super::decode::{argmax, static_feats, tag_feats, DocInfo, Scorer};
use super::features::Feats;
use super::tags::N_TAGS;
use crate::learn::hash::row;

/// Weights plus the running sums needed for averaging (Daumé's trick: avg = w - acc / c).
pub(crate) struct Perceptron {
    bits: u32,
    w: Vec<f32>,
    acc: Vec<f32>,
    step: f32,
}

impl Perceptron {
    /// Zero weights over `2^bits` rows.
    pub(crate) fn new(bits: u32) -> Perceptron {
        let n = (1usize << bits) * N_TAGS;
        Perceptron {
            bits,
            w: vec![0.0; n],
            acc: vec![0.0; n],
            step: 1.0,
        }
    }

    fn update(&mut self, feats: &[u64], gold: u8, pred: u8) {
        for h in feats {
            let r = row(*h, self.bits) * N_TAGS;
            self.w[r + gold as usize] += 1.0;
            self.acc[r + gold as usize] += self.step;
            self.w[r + pred as usize] -= 1.0;
            self.acc[r + pred as usize] -= self.step;
        }
    }

    /// Adds `sign` to the weights of `feats` for `tag` (an update's half).
    pub(crate) fn add(&mut self, feats: &[u64], tag: u8, sign: f32) {
        for h in feats {
            let r = row(*h, self.bits) * N_TAGS + usize::from(tag);
            self.w[r] += sign;
            self.acc[r] += sign * self.step;
        }
    }

    /// Advances the averaging clock by `n` tokens.
    pub(crate) fn tick(&mut self, n: usize) {
        self.step += n as f32;
    }

    /// Trains on sentence `s` of `doc` with predicted history; returns tokens tagged right.
    pub(crate) fn learn_sentence(
        &mut self,
        doc: &DocInfo,
        s: usize,
        gold: &[u8],
        tags: &mut [u8],
    ) -> usize {
        let r = doc.sentences[s].clone();
        let mut f = Feats::new();
        let mut right = 0;
        for i in r.clone() {
            f.truncate(0);
            static_feats(doc, s, i, &mut f);
            let t1 = if i > r.start { tags[i - 1] } else { 99 };
            let t2 = if i > r.start + 1 { tags[i - 2] } else { 99 };
            tag_feats(doc, i, t1, t2, &mut f);
            let mut scores = [0f32; N_TAGS];
            self.score(f.as_slice(), &mut scores);
            let pred = argmax(&scores);
            if pred == gold[i] {
                right += 1;
            } else {
                self.update(f.as_slice(), gold[i], pred);
            }
            tags[i] = pred;
            self.step += 1.0;
        }
        right
    }

    /// The averaged weights.
    pub(crate) fn averaged(&self) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.acc)
            .map(|(w, a)| w - a / self.step)
            .collect()
    }

    /// Hash bits of the table.
    pub(crate) fn bits(&self) -> u32 {
        self.bits
    }
}

impl Scorer for Perceptron {
    fn score(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        for h in feats {
            let r = row(*h, self.bits) * N_TAGS;
            for (s, w) in scores.iter_mut().zip(&self.w[r..r + N_TAGS]) {
                *s += w;
            }
        }
    }
}

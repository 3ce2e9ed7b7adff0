//! Averaged perceptron weights used while training (dense `f32`, hashed rows).

use super::decode::{argmax, static_feats, tag_feats, DocInfo, Scorer};
use super::features::Feats;
use super::tags::N_TAGS;
use crate::learn::hash::row;
use crate::learn::perceptron::Averaged;

/// The averaged weights of `2^bits` hashed rows (clock and sums in `f32`).
pub(crate) struct Perceptron {
    bits: u32,
    avg: Averaged<N_TAGS, f32>,
}

impl Perceptron {
    /// Zero weights over `2^bits` rows.
    pub(crate) fn new(bits: u32) -> Perceptron {
        Perceptron {
            bits,
            avg: Averaged::new(1 << bits),
        }
    }

    /// Adds `sign` to the weights of `feats` for `tag` (an update's half).
    pub(crate) fn add(&mut self, feats: &[u64], tag: u8, sign: f32) {
        for h in feats {
            self.avg.add(row(*h, self.bits), usize::from(tag), sign);
        }
    }

    /// Advances the averaging clock by `n` tokens.
    pub(crate) fn tick(&mut self, n: usize) {
        self.avg.tick(n);
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
                self.add(f.as_slice(), gold[i], 1.0);
                self.add(f.as_slice(), pred, -1.0);
            }
            tags[i] = pred;
            self.tick(1);
        }
        right
    }

    /// The averaged weights.
    pub(crate) fn averaged(&self) -> Vec<f32> {
        self.avg.averaged()
    }

    /// Hash bits of the table.
    pub(crate) fn bits(&self) -> u32 {
        self.bits
    }
}

impl Scorer for Perceptron {
    fn score(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        let rows = feats.iter().map(|h| row(*h, self.bits));
        self.avg.score(rows, scores);
    }
}

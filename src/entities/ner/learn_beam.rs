//! Beam training of the perceptron: each sentence is decoded with the beam the model is
//! served with, and the update compares the gold prefix with the best hypothesis at the
//! step where the search went wrong (Collins & Roark 2004: early update, where the gold
//! prefix first falls out of the beam; Huang, Fayong & Guo 2012: max-violation, the step
//! where the best hypothesis beats the gold prefix by the most).

use super::decode::{static_feats, tag_feats, DocInfo, Scorer};
use super::features::Feats;
use super::perceptron::Perceptron;
use super::tags::{allowed_mask, N_TAGS};
use crate::learn::beam::Search;

/// Which prefix a beam-training update compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    /// Where the gold prefix first falls out of the beam (or the whole sentence).
    Early,
    /// Where the best hypothesis beats the gold prefix by the most.
    MaxViolation,
}

/// Widest beam trained with a lattice sized for it; wider ones (ablations) take the
/// largest lattice, [`MAX_BEAM`].
const NARROW: usize = 4;
/// Widest beam: a hypothesis keeps its parent's index in a byte.
const MAX_BEAM: usize = 255;

/// Per-sentence buffers reused across sentences.
pub(crate) struct BeamBuffers {
    statics: Statics,
    narrow: Search<NARROW, N_TAGS>,
    wide: Search<MAX_BEAM, N_TAGS>,
}

/// The static features of a sentence's tokens: token `p`'s are `hashes[at[p].0..at[p].1]`.
#[derive(Default)]
struct Statics {
    hashes: Vec<u64>,
    at: Vec<(usize, usize)>,
}

impl BeamBuffers {
    /// Buffers for a training beam of `k` (at most [`MAX_BEAM`]).
    pub(crate) fn new(k: usize) -> BeamBuffers {
        BeamBuffers {
            statics: Statics::default(),
            narrow: Search::new(k, 0),
            wide: Search::new(k, 0),
        }
    }
}

impl Perceptron {
    /// Trains on sentence `s` of `doc` with a beam of `k` (the width `buf` was made for);
    /// returns whether the sentence needed no update.
    pub(crate) fn learn_sentence_beam(
        &mut self,
        doc: &DocInfo,
        s: usize,
        gold: &[u8],
        (k, update): (usize, Update),
        buf: &mut BeamBuffers,
    ) -> bool {
        let kept = &mut buf.statics;
        if k <= NARROW {
            self.learn_with(doc, (s, gold), update, &mut buf.narrow, kept)
        } else {
            self.learn_with(doc, (s, gold), update, &mut buf.wide, kept)
        }
    }

    /// [`Perceptron::learn_sentence_beam`] with the lattice `search`.
    fn learn_with<const K: usize>(
        &mut self,
        doc: &DocInfo,
        (s, gold): (usize, &[u8]),
        update: Update,
        search: &mut Search<K, N_TAGS>,
        kept: &mut Statics,
    ) -> bool {
        let r = doc.sentences[s].clone();
        let n = r.len();
        kept.hashes.clear();
        kept.at.clear();
        search.clear();
        let mut f = Feats::new();
        // Which hypotheses of the last beam extend the gold prefix.
        let mut on_gold = [false; K];
        on_gold[0] = true;
        let (mut gold_score, mut worst) = (0f32, None::<(f32, usize)>);
        let (mut stop, mut best_gold) = (None, true);
        for i in r.clone() {
            f.truncate(0);
            static_feats(doc, s, i, &mut f);
            let from = kept.hashes.len();
            kept.hashes.extend_from_slice(f.as_slice());
            kept.at.push((from, kept.hashes.len()));
            let mut base = [0f32; N_TAGS];
            self.score(f.as_slice(), &mut base);
            let n_static = f.len;
            let (g1, g2) = hist(gold, r.start, i);
            f.truncate(n_static);
            tag_feats(doc, i, g1, g2, &mut f);
            let mut gs = base;
            self.score(&f.as_slice()[n_static..], &mut gs);
            gold_score += gs[usize::from(gold[i])];
            let last = i + 1 == r.end;
            let beam = search.step(|h, sc| {
                f.truncate(n_static);
                tag_feats(doc, i, h.tag, h.prev, &mut f);
                *sc = base;
                self.score(&f.as_slice()[n_static..], sc);
                allowed_mask(h.tag, last)
            });
            let was = on_gold;
            on_gold = [false; K];
            for (g, h) in on_gold.iter_mut().zip(beam.hyps()) {
                *g = was[usize::from(h.parent)] && h.tag == gold[i];
            }
            let j = i - r.start;
            best_gold = on_gold[0];
            if !best_gold {
                let v = beam.hyps()[0].score - gold_score;
                if worst.is_none_or(|(w, _)| v > w) {
                    worst = Some((v, j));
                }
            }
            if update == Update::Early && !on_gold.contains(&true) {
                stop = Some(j);
                break;
            }
        }
        let upto = match update {
            Update::Early => stop.or_else(|| (!best_gold).then_some(n - 1)),
            Update::MaxViolation => worst.map(|(_, j)| j),
        };
        if let Some(j) = upto {
            self.update_prefix(doc, r.start, j, gold, (search, kept));
        }
        self.tick(n);
        upto.is_none()
    }

    /// Rewards the gold tags and penalizes the best hypothesis's tags on tokens `0..=j`
    /// of the sentence starting at `start`.
    fn update_prefix<const K: usize>(
        &mut self,
        doc: &DocInfo,
        start: usize,
        j: usize,
        gold: &[u8],
        (search, kept): (&Search<K, N_TAGS>, &Statics),
    ) {
        let mut pred = vec![0u8; j + 1];
        search.backtrack(j, |p, h, _| pred[p] = h.tag);
        let gold = &gold[start..=start + j];
        let mut f = Feats::new();
        for p in 0..=j {
            let (g, q) = (hist(gold, 0, p), hist(&pred, 0, p));
            if gold[p] == pred[p] && g == q {
                continue;
            }
            let (from, to) = kept.at[p];
            for (tags, (t1, t2), sign) in [(gold, g, 1.0), (&pred[..], q, -1.0)] {
                f.truncate(0);
                f.extend_from_slice(&kept.hashes[from..to]);
                tag_feats(doc, start + p, t1, t2, &mut f);
                self.add(f.as_slice(), tags[p], sign);
            }
        }
    }
}

/// The two tags before token `i` of a sentence starting at `start` (99 before the start).
fn hist(tags: &[u8], start: usize, i: usize) -> (u8, u8) {
    let t1 = if i > start { tags[i - 1] } else { 99 };
    let t2 = if i > start + 1 { tags[i - 2] } else { 99 };
    (t1, t2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::ner::clusters::Clusters;
    use crate::entities::ner::decode::{beam_sentence, doc_info};
    use crate::entities::ner::features::Take;
    use crate::entities::ner::lexicon::Lexicon;
    use crate::entities::ner::names::NameLists;
    use crate::entities::ner::tags::encode;
    use crate::entities::ner::NerLabel;
    use crate::text::{split_sentences, tokenize, Span};

    /// Both updates learn a short sentence: after a few passes the sentence needs no
    /// update, and the run-time beam decodes it to the gold tags.
    #[test]
    fn beam_training_learns_a_sentence() {
        let text = "Alice Smith met Bob in Paris on Monday .";
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens, Span::new(0, text.len()));
        let words = (
            &Clusters::default(),
            &Lexicon::default(),
            &NameLists::default(),
        );
        let doc = doc_info(text, &tokens, &sentences, words, None);
        let gold = encode(
            tokens.len(),
            &[
                (0..2, NerLabel::Per),
                (3..4, NerLabel::Per),
                (5..6, NerLabel::Loc),
            ],
        );
        for update in [Update::Early, Update::MaxViolation] {
            let mut p = Perceptron::new(16);
            let mut buf = BeamBuffers::new(2);
            let clean =
                (0..20).any(|_| p.learn_sentence_beam(&doc, 0, &gold, (2, update), &mut buf));
            assert!(clean, "{update:?} never got the sentence right");
            let (mut tags, mut probs) = (vec![0u8; gold.len()], vec![0f32; gold.len()]);
            let r = doc.sentences[0].clone();
            beam_sentence::<_, 2>(&p, &doc, &r, Take::All, &mut tags, &mut probs, |i, f, b| {
                static_feats(&doc, 0, i, f);
                p.score(f.as_slice(), b);
            });
            assert_eq!(tags, gold, "{update:?}");
        }
    }
}

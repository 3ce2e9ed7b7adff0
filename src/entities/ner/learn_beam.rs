//! Beam training of the perceptron: each sentence is decoded with the beam the model is
//! served with, and the update compares the gold prefix with the best hypothesis at the
//! step where the search went wrong (Collins & Roark 2004: early update, where the gold
//! prefix first falls out of the beam; Huang, Fayong & Guo 2012: max-violation, the step
//! where the best hypothesis beats the gold prefix by the most).

use super::decode::{static_feats, tag_feats, DocInfo, Scorer};
use super::features::Feats;
use super::perceptron::Perceptron;
use super::tags::{allowed, N_TAGS, O};

/// Which prefix a beam-training update compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    /// Where the gold prefix first falls out of the beam (or the whole sentence).
    Early,
    /// Where the best hypothesis beats the gold prefix by the most.
    MaxViolation,
}

/// One hypothesis of the training beam.
#[derive(Clone, Copy)]
struct Hyp {
    tag: u8,
    prev: u8,
    score: f32,
    parent: u8,
    gold: bool,
}

/// Per-sentence buffers reused across sentences.
#[derive(Default)]
pub(crate) struct BeamBuffers {
    statics: Vec<u64>,
    at: Vec<(usize, usize)>,
    lattice: Vec<Vec<Hyp>>,
}

/// Offers `c` to a beam of at most `k` hypotheses kept best first; hypotheses with the same
/// two last tags have the same future, so only the better one stays (as at run time).
fn offer(beam: &mut Vec<Hyp>, k: usize, c: Hyp) {
    if let Some(j) = beam.iter().position(|h| h.tag == c.tag && h.prev == c.prev) {
        if c.score <= beam[j].score {
            return;
        }
        beam.remove(j);
    } else if beam.len() == k {
        if c.score <= beam[k - 1].score {
            return;
        }
        beam.pop();
    }
    let j = beam.partition_point(|h| h.score >= c.score);
    beam.insert(j, c);
}

impl Perceptron {
    /// Trains on sentence `s` of `doc` with a beam of `k`; returns whether the sentence
    /// needed no update.
    pub(crate) fn learn_sentence_beam(
        &mut self,
        doc: &DocInfo,
        s: usize,
        gold: &[u8],
        (k, update): (usize, Update),
        buf: &mut BeamBuffers,
    ) -> bool {
        let r = doc.sentences[s].clone();
        let n = r.len();
        buf.statics.clear();
        buf.at.clear();
        buf.lattice.clear();
        let mut f = Feats::new();
        let mut beam = vec![Hyp {
            tag: 99,
            prev: 99,
            score: 0.0,
            parent: 0,
            gold: true,
        }];
        let (mut gold_score, mut worst) = (0f32, None::<(f32, usize)>);
        let mut stop = None;
        for i in r.clone() {
            f.truncate(0);
            static_feats(doc, s, i, &mut f);
            let from = buf.statics.len();
            buf.statics.extend_from_slice(f.as_slice());
            buf.at.push((from, buf.statics.len()));
            let mut base = [0f32; N_TAGS];
            self.score(f.as_slice(), &mut base);
            let n_static = f.len;
            let (g1, g2) = hist(gold, r.start, i);
            f.truncate(n_static);
            tag_feats(doc, i, g1, g2, &mut f);
            let mut gs = base;
            self.score(&f.as_slice()[n_static..], &mut gs);
            gold_score += gs[usize::from(gold[i])];
            let mut next: Vec<Hyp> = Vec::with_capacity(k + 1);
            for (pi, h) in beam.iter().enumerate() {
                f.truncate(n_static);
                tag_feats(doc, i, h.tag, h.prev, &mut f);
                let mut sc = base;
                self.score(&f.as_slice()[n_static..], &mut sc);
                let prev = if h.tag == 99 { O } else { h.tag };
                for (t, v) in sc.iter().enumerate() {
                    let t = t as u8;
                    if !allowed(prev, t, i + 1 == r.end) {
                        continue;
                    }
                    let c = Hyp {
                        tag: t,
                        prev: h.tag,
                        score: h.score + v,
                        parent: pi as u8,
                        gold: h.gold && t == gold[i],
                    };
                    offer(&mut next, k, c);
                }
            }
            let j = i - r.start;
            buf.lattice.push(next.clone());
            beam = next;
            if !beam[0].gold {
                let v = beam[0].score - gold_score;
                if worst.is_none_or(|(w, _)| v > w) {
                    worst = Some((v, j));
                }
            }
            if update == Update::Early && !beam.iter().any(|h| h.gold) {
                stop = Some(j);
                break;
            }
        }
        let upto = match update {
            Update::Early => stop.or_else(|| (!beam[0].gold).then_some(n - 1)),
            Update::MaxViolation => worst.map(|(_, j)| j),
        };
        if let Some(j) = upto {
            self.update_prefix(doc, r.start, j, gold, buf);
        }
        self.tick(n);
        upto.is_none()
    }

    /// Rewards the gold tags and penalizes the best hypothesis's tags on tokens `0..=j`
    /// of the sentence starting at `start`.
    fn update_prefix(
        &mut self,
        doc: &DocInfo,
        start: usize,
        j: usize,
        gold: &[u8],
        buf: &BeamBuffers,
    ) {
        let mut pred = vec![0u8; j + 1];
        let mut at = 0;
        for (p, step) in buf.lattice[..=j].iter().enumerate().rev() {
            pred[p] = step[at].tag;
            at = usize::from(step[at].parent);
        }
        let gold = &gold[start..=start + j];
        let mut f = Feats::new();
        for p in 0..=j {
            let (g, q) = (hist(gold, 0, p), hist(&pred, 0, p));
            if gold[p] == pred[p] && g == q {
                continue;
            }
            let (from, to) = buf.at[p];
            for (tags, (t1, t2), sign) in [(gold, g, 1.0), (&pred[..], q, -1.0)] {
                f.truncate(0);
                f.extend_from_slice(&buf.statics[from..to]);
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

    fn hyp(tag: u8, prev: u8, score: f32) -> Hyp {
        Hyp {
            tag,
            prev,
            score,
            parent: 0,
            gold: false,
        }
    }

    #[test]
    fn offer_keeps_the_best_k_and_one_hypothesis_per_history() {
        let mut beam = Vec::new();
        for c in [
            hyp(1, 0, 1.0),
            hyp(2, 0, 3.0),
            hyp(1, 0, 2.0),
            hyp(3, 0, 0.5),
        ] {
            offer(&mut beam, 2, c);
        }
        let kept: Vec<(u8, f32)> = beam.iter().map(|h| (h.tag, h.score)).collect();
        assert_eq!(kept, [(2, 3.0), (1, 2.0)]);
        offer(&mut beam, 2, hyp(1, 0, 1.5));
        assert_eq!(beam[1].score, 2.0, "a worse copy of a history is not kept");
    }

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
            let mut buf = BeamBuffers::default();
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

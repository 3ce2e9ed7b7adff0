//! Left-to-right beam search over tags whose scores depend on the tags before them (the
//! tagger's tag-history features), the one search both serving and beam training run: a
//! model is trained with the search it is served with.
//!
//! A hypothesis remembers its last two tags, which is all the history its future scores
//! can see, so of two hypotheses with the same two tags only the better one is kept; which
//! tag may follow which is the tagger's, given as a bit mask per hypothesis.

/// The tag of the history before a sequence's first token.
pub(crate) const NO_TAG: u8 = 99;

/// One hypothesis ending at a token: its tag and the one before (the history the tag
/// features see), the summed score and its parent in the previous beam.
#[derive(Clone, Copy)]
pub(crate) struct Hyp {
    /// The tag at this token ([`NO_TAG`] before the first).
    pub(crate) tag: u8,
    /// The tag at the token before.
    pub(crate) prev: u8,
    /// The summed score of the path.
    pub(crate) score: f32,
    /// Its index in the previous beam.
    pub(crate) parent: u8,
}

const NO_HYP: Hyp = Hyp {
    tag: NO_TAG,
    prev: NO_TAG,
    score: f32::NEG_INFINITY,
    parent: 0,
};

/// The best hypotheses at one token, at most `width <= K` of them, best first.
#[derive(Clone, Copy)]
pub(crate) struct Beam<const K: usize> {
    hyps: [Hyp; K],
    len: usize,
    width: usize,
    /// The score a candidate must beat: the last score once the beam is full. Kept, not
    /// looked up, because it is asked for every tag of every hypothesis and changes only
    /// when a candidate enters.
    floor: f32,
}

impl<const K: usize> Beam<K> {
    fn empty(width: usize) -> Self {
        Beam {
            hyps: [NO_HYP; K],
            len: 0,
            width,
            floor: f32::NEG_INFINITY,
        }
    }

    /// The beam before the first token: the empty history, scoring zero.
    fn start(width: usize) -> Self {
        let mut b = Beam::empty(width);
        b.hyps[0].score = 0.0;
        b.len = 1;
        b.set_floor();
        b
    }

    /// The hypotheses, best first.
    pub(crate) fn hyps(&self) -> &[Hyp] {
        &self.hyps[..self.len]
    }

    /// Offers a candidate: hypotheses with the same two last tags have the same future, so
    /// only the better one is kept; ties keep the earlier candidate.
    fn offer(&mut self, c: Hyp) {
        let hyps = &mut self.hyps[..self.len];
        if let Some(j) = hyps.iter().position(|h| h.tag == c.tag && h.prev == c.prev) {
            if c.score <= hyps[j].score {
                return;
            }
            hyps[j] = c;
            let mut j = j;
            while j > 0 && hyps[j].score > hyps[j - 1].score {
                hyps.swap(j, j - 1);
                j -= 1;
            }
            self.set_floor();
            return;
        }
        let mut j = self.len;
        if j == self.width {
            if c.score <= self.hyps[j - 1].score {
                return;
            }
            j -= 1;
        } else {
            self.len += 1;
        }
        self.hyps[j] = c;
        while j > 0 && self.hyps[j].score > self.hyps[j - 1].score {
            self.hyps.swap(j, j - 1);
            j -= 1;
        }
        self.set_floor();
    }

    fn set_floor(&mut self) {
        if self.len == self.width {
            self.floor = self.hyps[self.len - 1].score;
        }
    }

    /// The score a candidate must beat to enter a full beam.
    #[inline]
    fn floor(&self) -> f32 {
        self.floor
    }
}

/// One token of the lattice: its beam, and the tag scores computed after each hypothesis
/// of the previous beam (`scores[parent]`), kept so that what is wanted of the chosen
/// path's scores (a probability) is computed once, for that path only.
#[derive(Clone, Copy)]
struct Step<const K: usize, const N: usize> {
    beam: Beam<K>,
    scores: [[f32; N]; K],
}

/// The lattice of one sequence over `N` tags, searched with a beam of `width <= K`.
pub(crate) struct Search<const K: usize, const N: usize> {
    width: usize,
    steps: Vec<Step<K, N>>,
}

impl<const K: usize, const N: usize> Search<K, N> {
    /// An empty search with a beam of `width` (clamped to `1..=K`; a parent's index is
    /// kept in a byte, so `K` is at most 256), room for `tokens` steps.
    pub(crate) fn new(width: usize, tokens: usize) -> Self {
        Search {
            width: width.clamp(1, K.min(256)),
            steps: Vec::with_capacity(tokens),
        }
    }

    /// Forgets the sequence, to search another.
    #[cfg(feature = "train")]
    pub(crate) fn clear(&mut self) {
        self.steps.clear();
    }

    /// Extends every hypothesis by one token and keeps the best: `expand(h, scores)` writes
    /// the scores of the token's tags after `h` and returns the mask of the tags that may
    /// follow it (bit `t` for tag `t`). Returns the new beam.
    pub(crate) fn step(&mut self, mut expand: impl FnMut(&Hyp, &mut [f32; N]) -> u32) -> &Beam<K> {
        let prev = self
            .steps
            .last()
            .map_or_else(|| Beam::start(self.width), |s| s.beam);
        let mut next = Step {
            beam: Beam::empty(self.width),
            scores: [[0.0; N]; K],
        };
        for (pi, h) in prev.hyps().iter().enumerate() {
            let mut scores = [0.0; N];
            let mask = expand(h, &mut scores);
            for (t, sc) in scores.iter().enumerate() {
                if mask >> t & 1 == 0 || h.score + sc <= next.beam.floor() {
                    continue;
                }
                next.beam.offer(Hyp {
                    tag: t as u8,
                    prev: h.tag,
                    score: h.score + sc,
                    parent: pi as u8,
                });
            }
            next.scores[pi] = scores;
        }
        self.steps.push(next);
        &self.steps[self.steps.len() - 1].beam
    }

    /// Walks the best path ending at step `last` back to the first step, giving each step's
    /// index, its hypothesis on the path and the scores its tag was chosen from.
    pub(crate) fn backtrack(&self, last: usize, mut visit: impl FnMut(usize, &Hyp, &[f32; N])) {
        let mut at = 0;
        for (j, step) in self.steps[..=last].iter().enumerate().rev() {
            let h = &step.beam.hyps[at];
            visit(j, h, &step.scores[usize::from(h.parent)]);
            at = usize::from(h.parent);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hyp(tag: u8, prev: u8, score: f32) -> Hyp {
        Hyp {
            tag,
            prev,
            score,
            parent: 0,
        }
    }

    #[test]
    fn offer_keeps_the_best_and_one_hypothesis_per_history() {
        let mut beam = Beam::<4>::empty(2);
        for c in [
            hyp(1, 0, 1.0),
            hyp(2, 0, 3.0),
            hyp(1, 0, 2.0),
            hyp(3, 0, 0.5),
        ] {
            beam.offer(c);
        }
        let kept: Vec<(u8, f32)> = beam.hyps().iter().map(|h| (h.tag, h.score)).collect();
        assert_eq!(kept, [(2, 3.0), (1, 2.0)]);
        beam.offer(hyp(1, 0, 1.5));
        assert_eq!(
            beam.hyps()[1].score,
            2.0,
            "a worse copy of a history is not kept"
        );
        beam.offer(hyp(4, 0, 2.0));
        assert_eq!(beam.hyps()[1].tag, 1, "a tie does not enter a full beam");
    }

    /// The search finds the best path when the beam is as wide as the tag set, and masked
    /// tags never appear.
    #[test]
    fn a_wide_beam_finds_the_best_allowed_path() {
        let em = [[1.0, 3.0, 0.0], [2.0, 0.0, 5.0], [0.0, 1.0, 1.0]];
        // Tag 2 may not follow tag 1.
        let mask = |prev: u8| if prev == 1 { 0b011 } else { 0b111 };
        let mut s = Search::<3, 3>::new(3, em.len());
        for row in em {
            s.step(|h, sc| {
                *sc = row;
                mask(h.tag)
            });
        }
        let mut path = [0u8; 3];
        s.backtrack(2, |j, h, _| path[j] = h.tag);
        assert_eq!(path, [0, 2, 1]);
    }
}

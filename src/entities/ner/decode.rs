//! Document context, feature templates and left-to-right decoding (both passes with a beam
//! of three; a greedy decoder for the jackknife of greedily trained ablations,
//! `--train-beam 1`).

pub(crate) use super::context::{doc_info, set_pass1, DocInfo, Pass1};
use super::features::{cl, gl, Feats, Take};
use super::lex::{Lex, GLUED_LEFT, GLUED_RIGHT, PAD};
use super::names::classes;
use super::tags::{allowed_mask, Table, N_TAGS, O};
use super::word_rows::{WordCache, WordRow, NO_SLOT};
use crate::learn::beam::{Search, NO_TAG};
use crate::learn::hash::pair;
use std::ops::Range;

/// Scores the tags for one token's features.
pub(crate) trait Scorer {
    /// Adds the weights of `feats` to `scores`.
    fn score(&self, feats: &[u64], scores: &mut [f32; N_TAGS]);

    /// Appends token `i`'s tag features after the tags `(t1, t2)` to `f` (which holds its
    /// static features) and adds their weights to `scores`.
    fn score_tags(
        &self,
        doc: &DocInfo,
        i: usize,
        (t1, t2): (u8, u8),
        f: &mut Feats,
        scores: &mut [f32; N_TAGS],
    ) {
        score_tag_feats(self, doc, i, (t1, t2), f, scores);
    }
}

/// [`Scorer::score_tags`] feature by feature.
fn score_tag_feats<S: Scorer + ?Sized>(
    m: &S,
    doc: &DocInfo,
    i: usize,
    (t1, t2): (u8, u8),
    f: &mut Feats,
    scores: &mut [f32; N_TAGS],
) {
    let n = f.len;
    tag_feats(doc, i, t1, t2, f);
    m.score(&f.as_slice()[n..], scores);
}

/// The summed weight rows of the tag features that read no word ([`tag_pair_feats`]) for
/// every pair of previous tags, [`NO_TAG`] included: a table of 18 x 18 rows that stays in
/// cache, where each hypothesis at each token hashed and looked up both features.
pub(crate) struct TagPairs {
    rows: Vec<[i32; N_TAGS]>,
}

/// Tag values a [`TagPairs`] indexes: the tags, then [`NO_TAG`].
const PAIR_SIDE: usize = N_TAGS + 1;

impl TagPairs {
    pub(crate) fn new(table: &Table) -> TagPairs {
        let tag = |k: usize| if k == N_TAGS { NO_TAG } else { k as u8 };
        let rows = (0..PAIR_SIDE * PAIR_SIDE)
            .map(|k| {
                let mut f = Feats::taking(Take::All);
                tag_pair_feats(tag(k / PAIR_SIDE), tag(k % PAIR_SIDE), &mut f);
                table.sum_rows(f.as_slice())
            })
            .collect();
        TagPairs { rows }
    }

    #[inline]
    fn get(&self, t1: u8, t2: u8) -> [i32; N_TAGS] {
        let side = |t: u8| usize::from(t).min(N_TAGS);
        self.rows[side(t1) * PAIR_SIDE + side(t2)]
    }
}

/// A served table with its [`TagPairs`]: scores exactly as the table alone (the weights
/// are summed as integers, in any order the same), with two lookups fewer per hypothesis.
#[derive(Clone, Copy)]
pub(crate) struct Served<'a> {
    pub(crate) table: &'a Table,
    pub(crate) pairs: &'a TagPairs,
}

impl Scorer for Served<'_> {
    fn score(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        self.table.add_scores(feats, scores);
    }

    fn score_tags(
        &self,
        doc: &DocInfo,
        i: usize,
        (t1, t2): (u8, u8),
        f: &mut Feats,
        scores: &mut [f32; N_TAGS],
    ) {
        // A list too full for every tag feature keeps only the first few of them, which
        // the pair table cannot tell apart.
        if f.room() < TAG_FEATS {
            return score_tag_feats(self, doc, i, (t1, t2), f, scores);
        }
        let n = f.len;
        tag_word_feats(doc, i, t1, f);
        let pairs = self.pairs.get(t1, t2);
        self.table
            .add_scores_from(pairs, &f.as_slice()[n..], scores);
    }
}

/// Features of token `i` that do not depend on the tags being decided.
pub(crate) fn static_feats(doc: &DocInfo, s: usize, i: usize, f: &mut Feats) {
    let r = &doc.sentences[s];
    let at = |k: isize| -> &Lex {
        let j = i as isize + k;
        if j < r.start as isize || j >= r.end as isize {
            &PAD
        } else {
            &doc.lex[j as usize]
        }
    };
    let (w, p1, n1, p2, n2) = (at(0), at(-1), at(1), at(-2), at(2));
    f.word(0, 0);
    f.word(1, w.form);
    f.word(2, w.lower);
    f.word(3, w.shape);
    f.word(4, w.short);
    for (k, h) in w.pre.iter().enumerate() {
        f.word(5 + k as u64, *h);
    }
    for (k, h) in w.suf.iter().enumerate() {
        f.word(8 + k as u64, *h);
    }
    f.push(12, p1.lower);
    f.push(13, n1.lower);
    f.push(14, p2.lower);
    f.push(15, n2.lower);
    f.push(16, p1.short);
    f.push(17, n1.short);
    f.push(18, pair(p1.lower, w.lower));
    f.push(19, pair(w.lower, n1.lower));
    f.push(20, pair(pair(p1.short, w.short), n1.short));
    context_feats(doc, s, i, (w, p1, n1, p2, n2), f);
}

type Window<'a> = (&'a Lex, &'a Lex, &'a Lex, &'a Lex, &'a Lex);

fn context_feats(doc: &DocInfo, s: usize, i: usize, (w, p1, n1, p2, n2): Window, f: &mut Feats) {
    for d in [2, 3, 4, 5, 6, 8] {
        f.word(21, cl(w, d));
    }
    glove_feats(w, p1, n1, f);
    f.push(57, cl(p1, 8));
    f.push(58, cl(n1, 8));
    f.push(25, cl(p1, 4));
    f.push(26, cl(n1, 4));
    f.push(27, cl(p2, 3));
    f.push(28, cl(n2, 3));
    f.push(29, pair(u64::from(i == doc.sentences[s].start), w.short));
    let headline = u64::from(doc.headline[s]);
    f.push(30, pair(headline, w.short));
    f.push(31, pair(headline, w.lower));
    f.push(32, p1.form);
    f.push(33, n1.form);
    let flags = u64::from(doc.doc_flags[i]);
    f.push(34, pair(flags, w.short));
    f.push(
        35,
        pair(
            flags,
            pair(headline, u64::from(i == doc.sentences[s].start)),
        ),
    );
    doc_feats(doc, i, (w, p1, n1, p2, n2), f);
    name_feats(doc, &doc.sentences[s], i, w, f);
    if let Some(p) = &doc.pass1 {
        pass1_feats(p, doc.sentences[s].end, i, w, f);
    }
}

/// GloVe paths of the word (three depths) and of its neighbours; nothing for a word
/// without one, so a model trained without GloVe paths sees exactly its old features.
fn glove_feats(w: &Lex, p1: &Lex, n1: &Lex, f: &mut Feats) {
    for d in [3, 5, 7] {
        if let Some(g) = gl(w, d) {
            f.word(22, g);
        }
    }
    if let Some(g) = gl(p1, 4) {
        f.push(23, g);
    }
    if let Some(g) = gl(n1, 4) {
        f.push(24, g);
    }
}

/// Document context (runs, other occurrences) and wider lexical combinations.
fn doc_feats(doc: &DocInfo, i: usize, (w, p1, n1, p2, n2): Window, f: &mut Feats) {
    f.push(36, u64::from(doc.cap_run[i]));
    f.push(37, pair(u64::from(doc.cap_run[i]), w.short));
    let (op, on) = doc.other_ctx[i];
    if op != 0 || on != 0 {
        f.push(38, op);
        f.push(39, on);
    }
    f.push(45, pair(cl(p1, 4), cl(w, 4)));
    f.push(46, pair(cl(w, 4), cl(n1, 4)));
    f.push(47, p1.suf[2]);
    f.push(48, n1.suf[2]);
    f.push(49, pair(p1.short, w.short));
    f.push(54, pair(w.short, n1.short));
    f.word(63, u64::from(w.lexicon));
    f.word(64, pair(u64::from(w.lexicon), w.short));
    f.push(65, u64::from(p1.lexicon));
    f.push(66, u64::from(n1.lexicon));
    f.push(67, pair(u64::from(n1.lexicon), u64::from(n2.lexicon)));
    f.push(68, pair(p2.short, p1.short));
    f.push(69, pair(n1.short, n2.short));
    f.push(70, pair(p1.lower, n1.lower));
    let att = u64::from(w.flags & (GLUED_LEFT | GLUED_RIGHT));
    f.push(74, pair(att, w.short));
    f.push(75, pair(att, pair(p1.short, n1.short)));
    f.push(55, cl(p1, 2));
    f.push(56, cl(n1, 2));
}

/// Listed names covering this token (class and BILOU position), and the classes around it.
fn name_feats(doc: &DocInfo, r: &Range<usize>, i: usize, w: &Lex, f: &mut Feats) {
    let marks = doc.names[i];
    push_bits(f, 80, marks);
    let at = |j: Option<usize>| j.filter(|j| r.contains(j)).map_or(0, |j| doc.names[j]);
    let (prev, next) = (at(i.checked_sub(1)), at(Some(i + 1)));
    if prev | next != 0 {
        f.push(81, pair(classes(prev), classes(next)));
    }
    if marks != 0 {
        f.push(82, pair(classes(marks), w.short));
    }
}

/// What the first pass said about this word elsewhere (majority type, and every tag with its
/// BILOU position, so "Pirelli" inside an ORG elsewhere counts) and about the next tokens.
fn pass1_feats(p: &Pass1, end: usize, i: usize, w: &Lex, f: &mut Feats) {
    let t = u64::from(p.types[i] & 7);
    let tag_at = |k: usize| u64::from(if i + k < end { p.tags[i + k] } else { 99 });
    f.push(76, u64::from(p.types[i] >> 3));
    f.push(50, t);
    f.push(51, pair(t, w.short));
    f.push(52, tag_at(1));
    f.push(53, pair(t, tag_at(1)));
    f.push(59, tag_at(0));
    f.push(60, pair(tag_at(0), t));
    f.push(61, pair(tag_at(0), w.short));
    f.push(62, pair(tag_at(1), tag_at(2)));
    push_bits(f, 89, p.other_tags[i]);
}

/// One feature per set bit of `bits` (the bit's index is the value).
fn push_bits(f: &mut Feats, template: u64, mut bits: u32) {
    while bits != 0 {
        f.push(template, u64::from(bits.trailing_zeros()));
        bits &= bits - 1;
    }
}

/// Features of token `i` that depend on the two previous tags.
pub(crate) fn tag_feats(doc: &DocInfo, i: usize, t1: u8, t2: u8, f: &mut Feats) {
    tag_pair_feats(t1, t2, f);
    tag_word_feats(doc, i, t1, f);
}

/// How many features [`tag_feats`] gives.
const TAG_FEATS: usize = 5;

/// The tag features that read the previous tags alone.
fn tag_pair_feats(t1: u8, t2: u8, f: &mut Feats) {
    let (t1, t2) = (u64::from(t1), u64::from(t2));
    f.push(40, t1);
    f.push(41, pair(t1, t2));
}

/// The tag features that read the previous tag with the word.
fn tag_word_feats(doc: &DocInfo, i: usize, t1: u8, f: &mut Feats) {
    let w = &doc.lex[i];
    let t1 = u64::from(t1);
    f.push(42, pair(t1, w.lower));
    f.push(43, pair(t1, w.short));
    f.push(44, pair(t1, cl(w, 4)));
}

/// The best-scoring tag, ignoring transitions (training learns them from tag features).
#[cfg(feature = "train")]
pub(crate) fn argmax(scores: &[f32; N_TAGS]) -> u8 {
    let mut best = 0;
    for (t, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = t;
        }
    }
    best as u8
}

/// The best tag allowed after `prev` (`last`: the sentence ends here).
#[cfg(feature = "train")]
pub(crate) fn best_tag(scores: &[f32; N_TAGS], prev: u8, last: bool) -> u8 {
    let mut best = (O, f32::NEG_INFINITY);
    let mask = allowed_mask(prev, last);
    for (t, s) in scores.iter().enumerate() {
        if *s > best.1 && mask >> t & 1 == 1 {
            best = (t as u8, *s);
        }
    }
    best.0
}

/// Hypotheses kept per token by [`tag_document`] in the first pass, and by the jackknife
/// that gives pass 2 its training tags (so pass 2 learns from pass-1 tags as noisy as at
/// run time). Three, one wider than the weights are trained with (`train::TRAIN_BEAM`):
/// with beam-2 max-violation weights, two in both passes scores served CoNLL dev 93.24 /
/// 93.37 / 93.20 at seeds 1 / 3 / 7 (OOD 75.74 / 76.71 / 76.06), three in both 93.39 /
/// 93.55 / 93.49 (OOD 76.40 / 77.07 / 76.24), for about 15 % more instructions. At three
/// the seed-1 weights read "the Armenia-Azerbaijan Nagorno-Karabakh conflict" in the
/// fixture article as one MISC name, with a probability under 0.001 on one of its
/// tokens; the resolver gives such a doubted run of known names to its parts
/// (`resolve::repairs`). See the beam-training sections of `reports/ner-ablations.txt`.
pub(crate) const BEAM: usize = 3;

/// Hypotheses kept per token by [`tag_document`] in the second pass: three, as in the
/// first (three in pass 1 and two in pass 2 scored 0.02-0.09 less on CoNLL dev over seeds
/// 1, 3, 7).
pub(crate) const BEAM2: usize = 3;

/// Tags sentence `s` greedily into `tags`, writing each chosen tag's softmax probability
/// (the jackknifed pass-1 tags of a greedily trained model, `--train-beam 1`).
#[cfg(feature = "train")]
pub(crate) fn tag_sentence_greedy<S: Scorer>(
    m: &S,
    doc: &DocInfo,
    s: usize,
    tags: &mut [u8],
    probs: &mut [f32],
) {
    let r = doc.sentences[s].clone();
    let mut f = Feats::new();
    for i in r.clone() {
        f.truncate(0);
        static_feats(doc, s, i, &mut f);
        decide(m, doc, &r, i, &mut f, tags, probs);
    }
}

/// Both passes over a whole document: `first` tags every sentence with a beam of
/// [`BEAM`]; then, with a `second` table, the document learns what the first pass said
/// ([`set_pass1`]) and `second` tags it again with a beam of [`BEAM2`]. A token's word
/// features are scored from its word row (module `word_rows`; `doc` was read with
/// `cache`), its other static features are the same in both passes up to the pass-1
/// features, which come last ([`context_feats`]), so the second pass reuses the first
/// pass's hashes instead of computing them again (a seventh of the NER work).
pub(crate) fn tag_document(
    (first, second): (Served, Option<Served>),
    cache: &mut WordCache,
    doc: &mut DocInfo,
    tags: &mut [u8],
    probs: &mut [f32],
) {
    // Sized once for the whole document: grown by doubling, copying the buffer was 2 % of
    // all instructions on CoNLL dev texts.
    let mut kept = second.map(|_| Kept {
        hashes: Vec::with_capacity(tags.len() * STATIC_PER_TOKEN),
        at: vec![(0, 0, 0); tags.len()],
        words: vec![[0; N_TAGS]; tags.len()],
    });
    for s in 0..doc.sentences.len() {
        let r = doc.sentences[s].clone();
        let d: &DocInfo = doc;
        beam_sentence::<_, BEAM>(&first, d, &r, Take::NotWord, tags, probs, |i, f, base| {
            let slot = d.slots.get(i).copied().unwrap_or(NO_SLOT);
            let word = cache.row(slot, || {
                let mut w = Feats::taking(Take::WordOnly);
                static_feats(d, s, i, &mut w);
                WordRow {
                    pass1: first.table.sum_rows(w.as_slice()),
                    pass2: (second.as_ref())
                        .map_or([0; N_TAGS], |t| t.table.sum_rows(w.as_slice())),
                }
            });
            static_feats(d, s, i, f);
            first.table.add_scores_from(word.pass1, f.as_slice(), base);
            if let Some(k) = kept.as_mut() {
                let from = k.hashes.len() as u32;
                k.hashes.extend_from_slice(f.as_slice());
                k.at[i] = (from, k.hashes.len() as u32, f.skipped() as u8);
                k.words[i] = word.pass2;
            }
        });
    }
    let (Some(second), Some(kept)) = (second, kept) else {
        return;
    };
    set_pass1(doc, tags);
    let Some(p) = &doc.pass1 else {
        return;
    };
    for r in &doc.sentences {
        beam_sentence::<_, BEAM2>(&second, doc, r, Take::NotWord, tags, probs, |i, f, base| {
            let (from, to, skipped) = kept.at[i];
            f.skip_words(usize::from(skipped));
            f.extend_from_slice(&kept.hashes[from as usize..to as usize]);
            pass1_feats(p, r.end, i, &doc.lex[i], f);
            second
                .table
                .add_scores_from(kept.words[i], f.as_slice(), base);
        });
    }
}

/// Static feature hashes per token to reserve: the committed templates give about 60 on
/// average (no document of CoNLL dev or Wikinews above 61), 20 of which are in the word
/// row. Only a capacity hint.
const STATIC_PER_TOKEN: usize = 48;

/// The first pass's static feature hashes but the word features: token `i`'s are
/// `hashes[at[i].0..at[i].1]`, `at[i].2` word features were left out, and `words[i]` is
/// its word row in the second table.
struct Kept {
    hashes: Vec<u64>,
    at: Vec<(u32, u32, u8)>,
    words: Vec<[i32; N_TAGS]>,
}

/// Adds the tag features of token `i` (sentence `r`) to its static features `f`, scores
/// them and keeps the best allowed tag and its probability.
#[cfg(feature = "train")]
fn decide<S: Scorer>(
    m: &S,
    doc: &DocInfo,
    r: &Range<usize>,
    i: usize,
    f: &mut Feats,
    tags: &mut [u8],
    probs: &mut [f32],
) {
    let t1 = if i > r.start { tags[i - 1] } else { 99 };
    let t2 = if i > r.start + 1 { tags[i - 2] } else { 99 };
    tag_feats(doc, i, t1, t2, f);
    let mut scores = [0f32; N_TAGS];
    m.score(f.as_slice(), &mut scores);
    let (prev, last) = (if t1 == 99 { O } else { t1 }, i + 1 == r.end);
    let t = best_tag(&scores, prev, last);
    tags[i] = t;
    probs[i] = if t == O {
        1.0
    } else {
        softmax_at(&scores, t as usize, prev, last)
    };
}

/// Tags sentence `r` into `tags`, writing each chosen tag's softmax probability, with a
/// beam of `K` hypotheses (the summed perceptron scores of the chosen tags, under the
/// BILOU constraints). `statics(i, f, base)` writes token `i`'s tag-independent features
/// into `f` (a list that takes the features `take` says) and their scores into `base`,
/// once per token; the five tag features are scored by `m` once per hypothesis.
pub(crate) fn beam_sentence<S: Scorer, const K: usize>(
    m: &S,
    doc: &DocInfo,
    r: &Range<usize>,
    take: Take,
    tags: &mut [u8],
    probs: &mut [f32],
    mut statics: impl FnMut(usize, &mut Feats, &mut [f32; N_TAGS]),
) {
    let mut f = Feats::taking(take);
    let mut search = Search::<K, N_TAGS>::new(K, r.len());
    for i in r.clone() {
        f.clear();
        let mut base = [0f32; N_TAGS];
        statics(i, &mut f, &mut base);
        let n_static = f.len;
        let last = i + 1 == r.end;
        search.step(|h, scores| {
            f.truncate(n_static);
            *scores = base;
            m.score_tags(doc, i, (h.tag, h.prev), &mut f, scores);
            allowed_mask(h.tag, last)
        });
    }
    let Some(last) = r.len().checked_sub(1) else {
        return;
    };
    search.backtrack(last, |j, h, scores| {
        tags[r.start + j] = h.tag;
        let prev = if h.prev == NO_TAG { O } else { h.prev };
        probs[r.start + j] = if h.tag == O {
            1.0
        } else {
            softmax_at(scores, h.tag as usize, prev, r.start + j + 1 == r.end)
        };
    });
}

/// The softmax probability of tag `k` among the tags allowed after `prev` (`last`: at
/// the sentence's end). Beam training never penalizes a tag the constraints rule out, so
/// its score says nothing and is left out.
fn softmax_at(scores: &[f32; N_TAGS], k: usize, prev: u8, last: bool) -> f32 {
    let mask = allowed_mask(prev, last);
    let sum: f32 = scores
        .iter()
        .enumerate()
        .filter(|(t, _)| mask >> t & 1 == 1)
        .map(|(_, s)| ((s - scores[k]) * SOFTMAX_SCALE).exp())
        .sum();
    1.0 / sum
}

/// Temperature for turning perceptron scores into rough probabilities.
const SOFTMAX_SCALE: f32 = 0.05;

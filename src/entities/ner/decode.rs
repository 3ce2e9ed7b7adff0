//! Document context, feature templates and greedy left-to-right decoding.

use super::clusters::Clusters;
use super::features::{cl, lex_all, pair, Feats, Lex, ALL_CAPS, CAP, LOWER, PAD};
use super::tags::{allowed, type_of, N_TAGS, O};
use crate::text::{Sentence, Token};
use std::collections::HashMap;
use std::ops::Range;

/// Scores the tags for one token's features.
pub(crate) trait Scorer {
    /// Adds the weights of `feats` to `scores`.
    fn score(&self, feats: &[u64], scores: &mut [f32; N_TAGS]);
}

/// Everything decoding needs about one document, computed before tagging.
pub(crate) struct DocInfo {
    pub(crate) lex: Vec<Lex>,
    pub(crate) sentences: Vec<Range<usize>>,
    headline: Vec<bool>,
    doc_flags: Vec<u8>,
    /// Per token: the type the first pass gave this word elsewhere (see [`set_pass1`]).
    pass1: Option<(Vec<u8>, Vec<u8>)>,
}

/// Builds the document context: lexical hashes, sentence ranges, headline and casing flags.
pub(crate) fn doc_info(text: &str, tokens: &[Token], sentences: &[Sentence], cl: &Clusters) -> DocInfo {
    let lex = lex_all(text, tokens, cl);
    let ranges: Vec<Range<usize>> = sentences
        .iter()
        .map(|s| {
            let end = s.tokens.end.min(tokens.len());
            s.tokens.start.min(end)..end
        })
        .collect();
    let headline = ranges.iter().map(|r| is_headline(&lex[r.clone()])).collect();
    let doc_flags = casing_flags(&lex, &ranges);
    DocInfo { lex, sentences: ranges, headline, doc_flags, pass1: None }
}

fn is_headline(lex: &[Lex]) -> bool {
    let mixed = lex.iter().any(|l| l.flags & LOWER != 0 || l.flags & (CAP | ALL_CAPS) == CAP);
    !mixed && lex.iter().any(|l| l.flags & ALL_CAPS != 0)
}

/// Bit 0: the word is seen lower-case elsewhere; bit 1: seen title-case elsewhere (mid-sentence).
fn casing_flags(lex: &[Lex], sentences: &[Range<usize>]) -> Vec<u8> {
    let mut seen: HashMap<u64, [u32; 2], super::features::IdBuild> = HashMap::default();
    let kind = |i: usize, s: &Range<usize>| -> Option<usize> {
        let f = lex[i].flags;
        if i == s.start {
            None
        } else if f & LOWER != 0 {
            Some(0)
        } else if f & (CAP | ALL_CAPS) == CAP {
            Some(1)
        } else {
            None
        }
    };
    for s in sentences {
        for i in s.clone() {
            if let Some(k) = kind(i, s) {
                seen.entry(lex[i].lower).or_default()[k] += 1;
            }
        }
    }
    let mut out = vec![0u8; lex.len()];
    for s in sentences {
        for i in s.clone() {
            let mut c = seen.get(&lex[i].lower).copied().unwrap_or_default();
            if let Some(k) = kind(i, s) {
                c[k] -= 1;
            }
            out[i] = u8::from(c[0] > 0) | (u8::from(c[1] > 0) << 1);
        }
    }
    out
}

/// Stores first-pass tags: per token the majority type of the same word elsewhere.
pub(crate) fn set_pass1(doc: &mut DocInfo, tags: &[u8]) {
    let mut counts: HashMap<u64, [u16; 5], super::features::IdBuild> = HashMap::default();
    let capped = |l: &Lex| l.flags & CAP != 0;
    for (l, t) in doc.lex.iter().zip(tags) {
        if capped(l) {
            counts.entry(l.lower).or_default()[type_of(*t) as usize] += 1;
        }
    }
    let mut out = vec![6u8; doc.lex.len()];
    for (i, (l, t)) in doc.lex.iter().zip(tags).enumerate() {
        let Some(mut c) = counts.get(&l.lower).copied().filter(|_| capped(l)) else {
            continue;
        };
        c[type_of(*t) as usize] -= 1;
        let best = (1..5).filter(|&k| c[k] > 0).max_by_key(|&k| (c[k], 5 - k));
        out[i] = best.map_or(if c[0] > 0 { 5 } else { 6 }, |k| k as u8);
    }
    doc.pass1 = Some((out, tags.to_vec()));
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
    f.push(0, 0);
    f.push(1, w.form);
    f.push(2, w.lower);
    f.push(3, w.shape);
    f.push(4, w.short);
    for (k, h) in w.pre.iter().enumerate() {
        f.push(5 + k as u64, *h);
    }
    for (k, h) in w.suf.iter().enumerate() {
        f.push(8 + k as u64, *h);
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
    for d in 2..=5 {
        f.push(21, cl(w, d));
    }
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
    f.push(35, pair(flags, pair(headline, u64::from(i == doc.sentences[s].start))));
    if let Some((types, tags)) = &doc.pass1 {
        let t = u64::from(types[i]);
        f.push(50, t);
        f.push(51, pair(t, w.short));
        let next = if i + 1 < doc.sentences[s].end { tags[i + 1] } else { 99 };
        f.push(52, u64::from(next));
        f.push(53, pair(t, u64::from(next)));
    }
}

/// Features of token `i` that depend on the two previous tags.
pub(crate) fn tag_feats(doc: &DocInfo, i: usize, t1: u8, t2: u8, f: &mut Feats) {
    let w = &doc.lex[i];
    let (t1, t2) = (u64::from(t1), u64::from(t2));
    f.push(40, t1);
    f.push(41, pair(t1, t2));
    f.push(42, pair(t1, w.lower));
    f.push(43, pair(t1, w.short));
    f.push(44, pair(t1, cl(w, 4)));
}

/// The best tag allowed after `prev` (`last`: the sentence ends here).
pub(crate) fn best_tag(scores: &[f32; N_TAGS], prev: u8, last: bool) -> u8 {
    let mut best = (O, f32::NEG_INFINITY);
    for (t, s) in scores.iter().enumerate() {
        if *s > best.1 && allowed(prev, t as u8, last) {
            best = (t as u8, *s);
        }
    }
    best.0
}

/// Tags sentence `s` greedily into `tags`, writing each chosen tag's softmax probability.
pub(crate) fn tag_sentence<S: Scorer>(m: &S, doc: &DocInfo, s: usize, tags: &mut [u8], probs: &mut [f32]) {
    let r = doc.sentences[s].clone();
    let mut f = Feats::new();
    for i in r.clone() {
        f.truncate(0);
        static_feats(doc, s, i, &mut f);
        let t1 = if i > r.start { tags[i - 1] } else { 99 };
        let t2 = if i > r.start + 1 { tags[i - 2] } else { 99 };
        tag_feats(doc, i, t1, t2, &mut f);
        let mut scores = [0f32; N_TAGS];
        m.score(f.as_slice(), &mut scores);
        let t = best_tag(&scores, if t1 == 99 { O } else { t1 }, i + 1 == r.end);
        tags[i] = t;
        probs[i] = if t == O { 1.0 } else { softmax_at(&scores, t as usize) };
    }
}

fn softmax_at(scores: &[f32; N_TAGS], k: usize) -> f32 {
    let sum: f32 = scores.iter().map(|s| ((s - scores[k]) * SOFTMAX_SCALE).exp()).sum();
    1.0 / sum
}

/// Temperature for turning perceptron scores into rough probabilities.
const SOFTMAX_SCALE: f32 = 0.05;

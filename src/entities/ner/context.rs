//! Document context computed before tagging: sentences, headlines, casing elsewhere,
//! runs of capitalised words, other occurrences, and (pass 2) first-pass tags.

use super::clusters::Clusters;
use super::features::lex_all;
use super::lex::{Lex, ALL_CAPS, CAP, LOWER};
use super::lexicon::Lexicon;
use super::names::NameLists;
use super::tags::{type_of, N_TAGS};
use super::word_rows::WordCache;
use crate::learn::hash::IdBuild;
use crate::text::{Sentence, Token};
use std::collections::HashMap;
use std::ops::Range;

/// Everything decoding needs about one document, computed before tagging.
pub(crate) struct DocInfo {
    pub(crate) lex: Vec<Lex>,
    /// Per token: its slot in the word cache the document was read with (empty without one).
    pub(crate) slots: Vec<u32>,
    pub(crate) sentences: Vec<Range<usize>>,
    pub(crate) headline: Vec<bool>,
    /// Per token: seen lower-case (bit 0) / title-case (bit 1) elsewhere in the document.
    pub(crate) doc_flags: Vec<u8>,
    /// Per token: length (high nibble) of the run of capitalised tokens it is in, and its position.
    pub(crate) cap_run: Vec<u8>,
    /// Per capitalised token: previous and next word at another occurrence of the same word.
    pub(crate) other_ctx: Vec<(u64, u64)>,
    /// Per token: class and position bits of listed names covering it ([`NameLists::mark`]).
    pub(crate) names: Vec<u32>,
    /// Per token: the type the first pass gave this word elsewhere (see [`set_pass1`]).
    pub(crate) pass1: Option<Pass1>,
}

/// Builds the document context: lexical hashes, sentence ranges, headline and casing flags.
pub(crate) fn doc_info(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    words: (&Clusters, &Lexicon, &NameLists),
    cache: Option<&mut WordCache>,
) -> DocInfo {
    let (lex, slots) = lex_all(text, tokens, words.0, words.1, cache);
    let ranges: Vec<Range<usize>> = sentences
        .iter()
        .map(|s| {
            let end = s.tokens.end.min(tokens.len());
            s.tokens.start.min(end)..end
        })
        .collect();
    let headline = ranges
        .iter()
        .map(|r| is_headline(&lex[r.clone()]))
        .collect();
    let doc_flags = casing_flags(&lex, &ranges);
    let cap_run = cap_runs(&lex, &ranges);
    let other_ctx = other_contexts(&lex, &ranges);
    let names = words.2.mark(&lex, &ranges);
    DocInfo {
        lex,
        slots,
        sentences: ranges,
        headline,
        doc_flags,
        cap_run,
        other_ctx,
        names,
        pass1: None,
    }
}

fn is_headline(lex: &[Lex]) -> bool {
    let mixed = lex
        .iter()
        .any(|l| l.flags & LOWER != 0 || l.flags & (CAP | ALL_CAPS) == CAP);
    !mixed && lex.iter().any(|l| l.flags & ALL_CAPS != 0)
}

/// Bit 0: the word is seen lower-case elsewhere; bit 1: seen title-case elsewhere (mid-sentence).
fn casing_flags(lex: &[Lex], sentences: &[Range<usize>]) -> Vec<u8> {
    let mut seen: HashMap<u64, [u32; 2], IdBuild> = HashMap::default();
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

/// What the first pass said, as seen from each token.
pub(crate) struct Pass1 {
    /// Majority type (low 3 bits) and set of types (bits 3..7) of the same word elsewhere.
    pub(crate) types: Vec<u8>,
    /// The first-pass tags themselves.
    pub(crate) tags: Vec<u8>,
    /// Bit `t`: the same word got entity tag `t` (type and BILOU position) elsewhere.
    pub(crate) other_tags: Vec<u32>,
}

/// Stores first-pass tags: per token the majority type of the same word elsewhere.
pub(crate) fn set_pass1(doc: &mut DocInfo, tags: &[u8]) {
    let mut counts: HashMap<u64, [u16; 5], IdBuild> = HashMap::default();
    let mut by_tag: HashMap<u64, [u16; N_TAGS], IdBuild> = HashMap::default();
    let capped = |l: &Lex| l.flags & CAP != 0;
    for (l, t) in doc.lex.iter().zip(tags) {
        if capped(l) {
            counts.entry(l.lower).or_default()[type_of(*t) as usize] += 1;
            by_tag.entry(l.lower).or_insert([0; N_TAGS])[usize::from(*t)] += 1;
        }
    }
    let other_tags = doc
        .lex
        .iter()
        .zip(tags)
        .map(|(l, t)| match by_tag.get(&l.lower).filter(|_| capped(l)) {
            Some(c) => (1..N_TAGS)
                .filter(|&k| c[k] > u16::from(usize::from(*t) == k))
                .fold(0u32, |m, k| m | 1 << k),
            None => 0,
        })
        .collect();
    let mut out = vec![6u8; doc.lex.len()];
    for (i, (l, t)) in doc.lex.iter().zip(tags).enumerate() {
        let Some(mut c) = counts.get(&l.lower).copied().filter(|_| capped(l)) else {
            continue;
        };
        c[type_of(*t) as usize] -= 1;
        let best = (1..5).filter(|&k| c[k] > 0).max_by_key(|&k| (c[k], 5 - k));
        let best = best.map_or(if c[0] > 0 { 5 } else { 6 }, |k| k as u8);
        let seen = (1..5)
            .filter(|&k| c[k] > 0)
            .fold(0u8, |m, k| m | 1 << (k + 2));
        out[i] = best | seen;
    }
    doc.pass1 = Some(Pass1 {
        types: out,
        tags: tags.to_vec(),
        other_tags,
    });
}

/// Run length and position of each token inside a run of capitalised tokens (0 outside).
fn cap_runs(lex: &[Lex], sentences: &[Range<usize>]) -> Vec<u8> {
    let mut out = vec![0u8; lex.len()];
    for s in sentences {
        let mut i = s.start;
        while i < s.end {
            let j = (i..s.end)
                .find(|&j| lex[j].flags & CAP == 0)
                .unwrap_or(s.end);
            for (pos, slot) in out[i..j].iter_mut().enumerate() {
                *slot = ((j - i).min(7) as u8) << 4 | pos.min(7) as u8;
            }
            i = j + 1;
        }
    }
    out
}

/// For capitalised tokens: the words around another occurrence (first one that is not this).
fn other_contexts(lex: &[Lex], sentences: &[Range<usize>]) -> Vec<(u64, u64)> {
    let mut first: HashMap<u64, [usize; 2], IdBuild> = HashMap::default();
    let mut around = vec![(1u64, 1u64); lex.len()];
    for s in sentences {
        for i in s.clone() {
            let p = if i > s.start { lex[i - 1].lower } else { 1 };
            let n = if i + 1 < s.end { lex[i + 1].lower } else { 1 };
            around[i] = (p, n);
            if lex[i].flags & CAP != 0 {
                let e = first.entry(lex[i].lower).or_insert([usize::MAX; 2]);
                if e[0] == usize::MAX {
                    e[0] = i;
                } else if e[1] == usize::MAX {
                    e[1] = i;
                }
            }
        }
    }
    let mut out = vec![(0u64, 0u64); lex.len()];
    for (i, l) in lex.iter().enumerate() {
        if let Some(e) = first.get(&l.lower) {
            let other = if e[0] == i { e[1] } else { e[0] };
            if other != usize::MAX {
                out[i] = around[other];
            }
        }
    }
    out
}

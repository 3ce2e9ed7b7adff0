//! Hashed features: per-token lexical hashes computed once, then cheap combinations.
//!
//! Nothing here allocates per token: word forms are hashed while they are read, and a
//! feature is just `mix(template, value)`, a `u64` that the weight table folds to a row.

use super::clusters::{glove_prefix, prefix, Clusters};
use super::lex::{Lex, ALL_CAPS, CAP, GLUED_LEFT, GLUED_RIGHT, LOWER};
use super::lexicon::Lexicon;
use super::word_rows::WordCache;
use crate::learn::hash::{hash_bytes, mix, pair, Fnv};
use crate::text::{Token, TokenKind};

/// Most features one token can have (static + tag + document).
pub(crate) const MAX_FEATS: usize = 112;

/// Lexical hashes of one token.
pub(crate) fn lex(word: &str, kind: TokenKind, clusters: &Clusters, lexicon: &Lexicon) -> Lex {
    let (shape, short) = shapes(word);
    let (lower, pre, suf) = lower_affixes(word);
    let form = hash_bytes(word.as_bytes());
    let first = word.chars().next().unwrap_or(' ');
    let (has_lower, has_upper) = (
        word.chars().any(char::is_lowercase),
        word.chars().any(char::is_uppercase),
    );
    let mut flags = if first.is_uppercase() { CAP } else { 0 };
    flags |= if has_upper && !has_lower { ALL_CAPS } else { 0 };
    flags |= if first.is_lowercase() { LOWER } else { 0 };
    Lex {
        form,
        lower,
        shape: pair(shape, kind as u64),
        short,
        pre,
        suf,
        cluster: clusters.get(form, lower),
        flags,
        lexicon: lexicon.get(lower),
    }
}

/// Hashes of the word shape (`Xxxxx`, runs capped at 4) and short shape (`Xx`).
fn shapes(word: &str) -> (u64, u64) {
    let (mut shape, mut short) = (Fnv::new(), Fnv::new());
    let (mut run, mut prev_class) = (0usize, '\0');
    for c in word.chars() {
        let class = char_class(c);
        run = if class == prev_class { run + 1 } else { 1 };
        if run <= 4 {
            shape.push_char(class);
        }
        if run == 1 {
            short.push_char(class);
        }
        prev_class = class;
    }
    (shape.0, short.0)
}

/// Hashes of the lower-cased word, its first 1..=3 and last 1..=4 characters.
fn lower_affixes(word: &str) -> (u64, [u64; 3], [u64; 4]) {
    let mut lower = Fnv::new();
    let mut pre = [2u64; 3];
    let mut last = ['\0'; 4];
    let mut n = 0usize;
    for lc in word.chars().flat_map(char::to_lowercase) {
        lower.push_char(lc);
        last = [last[1], last[2], last[3], lc];
        if n < 3 {
            pre[n] = lower.0;
        }
        n += 1;
    }
    (lower.0, pre, suffixes(&last, n))
}

fn suffixes(last: &[char; 4], n: usize) -> [u64; 4] {
    let mut out = [2u64; 4];
    for (k, slot) in out.iter_mut().enumerate().take(n.min(4)) {
        let mut h = Fnv::new();
        for c in &last[3 - k..] {
            h.push_char(*c);
        }
        *slot = h.0;
    }
    out
}

fn char_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_ascii() {
        c
    } else {
        'o'
    }
}

/// Lexical hashes for every token of a document, and each token's slot in `cache` (empty
/// without one; module `word_rows`).
pub(crate) fn lex_all(
    text: &str,
    tokens: &[Token],
    clusters: &Clusters,
    lexicon: &Lexicon,
    mut cache: Option<&mut WordCache>,
) -> (Vec<Lex>, Vec<u32>) {
    let glued = |a: usize, b: usize| tokens[a].span.end == tokens[b].span.start;
    let mut slots = Vec::with_capacity(if cache.is_some() { tokens.len() } else { 0 });
    let lex = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let word = text.get(t.span.start..t.span.end).unwrap_or("");
            let compute = || lex(word, t.kind, clusters, lexicon);
            let mut l = match cache.as_deref_mut() {
                Some(c) => {
                    let (l, slot) = c.lex(word, t.kind, compute);
                    slots.push(slot);
                    l
                }
                None => compute(),
            };
            if i > 0 && glued(i - 1, i) {
                l.flags |= GLUED_LEFT;
            }
            if i + 1 < tokens.len() && glued(i, i + 1) {
                l.flags |= GLUED_RIGHT;
            }
            l
        })
        .collect();
    (lex, slots)
}

/// Which features a [`Feats`] takes: the served decoder scores the features that depend
/// on the word alone once per word form (module `word_rows`), so it lists a token's
/// other features apart from them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Take {
    /// Every feature (training, and any scorer without word rows).
    #[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
    All,
    /// All but the word features, which still count against [`MAX_FEATS`] so that a
    /// list that would overflow drops exactly the features it dropped with `All`.
    NotWord,
    /// Only the word features (to compute a word's row).
    WordOnly,
}

/// A fixed-capacity list of feature hashes for one token.
pub(crate) struct Feats {
    pub(crate) items: [u64; MAX_FEATS],
    pub(crate) len: usize,
    /// Word features left out under [`Take::NotWord`], counted for the capacity.
    skipped: usize,
    take: Take,
}

impl Feats {
    #[cfg(feature = "train")]
    pub(crate) fn new() -> Feats {
        Feats::taking(Take::All)
    }
    pub(crate) fn taking(take: Take) -> Feats {
        Feats {
            items: [0; MAX_FEATS],
            len: 0,
            skipped: 0,
            take,
        }
    }
    /// Features that can still be added.
    pub(crate) fn room(&self) -> usize {
        MAX_FEATS - self.len - self.skipped
    }
    /// A feature that depends on more than the token's own word.
    pub(crate) fn push(&mut self, template: u64, value: u64) {
        if self.take != Take::WordOnly {
            self.add(mix(template, value));
        }
    }
    /// A feature that depends on the token's own word alone (its [`Lex`] apart from the
    /// flags): the same for every occurrence of the word form, whatever its context.
    pub(crate) fn word(&mut self, template: u64, value: u64) {
        match self.take {
            Take::NotWord => self.skipped += usize::from(self.room() > 0),
            Take::All | Take::WordOnly => self.add(mix(template, value)),
        }
    }
    fn add(&mut self, hash: u64) {
        if self.room() > 0 {
            self.items[self.len] = hash;
            self.len += 1;
        }
    }
    /// Appends hashes already mixed (as far as capacity allows).
    pub(crate) fn extend_from_slice(&mut self, hashes: &[u64]) {
        let n = hashes.len().min(self.room());
        self.items[self.len..self.len + n].copy_from_slice(&hashes[..n]);
        self.len += n;
    }
    /// Counts `n` word features as present without listing them (pass 2 reuses pass 1's
    /// other hashes, and its word features are in the word row).
    pub(crate) fn skip_words(&mut self, n: usize) {
        self.skipped += n.min(self.room());
    }
    /// Word features counted but not listed.
    pub(crate) fn skipped(&self) -> usize {
        self.skipped
    }
    pub(crate) fn as_slice(&self) -> &[u64] {
        &self.items[..self.len]
    }
    /// Keeps the first `len` listed features (skipped word features stay counted).
    pub(crate) fn truncate(&mut self, len: usize) {
        self.len = len.min(self.len);
    }
    /// Empties the list, skipped features included.
    pub(crate) fn clear(&mut self) {
        self.len = 0;
        self.skipped = 0;
    }
}

/// GloVe path prefix of a token at depth `d`, when its lower-case form has one.
pub(crate) fn gl(l: &Lex, d: u32) -> Option<u64> {
    glove_prefix(l.cluster, d)
}

/// Cluster prefix hash of a token at depth `d`.
pub(crate) fn cl(l: &Lex, d: u32) -> u64 {
    prefix(l.cluster, d)
}

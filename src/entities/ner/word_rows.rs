//! The word cache: what the model computes from a word form alone, computed once per form.
//!
//! Two things about a token depend on nothing but its word (its text and token kind):
//! - its lexical hashes ([`Lex`]: form, lower case, shapes, affixes, cluster, lexicon
//!   class), about a thousand instructions per token;
//! - the weights of its 20 *word features* (the ones [`Feats::word`] lists: bias, form,
//!   lower, shapes, affixes, cluster prefixes, lexicon class) in each pass's table: a
//!   third of the static features, looked up again at every occurrence in both passes.
//!
//! A table sums `i16` weights as `i32` (`Table::add_scores`), and integer sums do not
//! depend on their order, so a word's summed word-feature weights (its [`WordRow`]) added
//! to the sum of the token's other features give, bit for bit, the scores of summing all
//! of them token by token. Nothing the model answers changes.
//!
//! The cache lives per thread (the server parses on a few long-lived threads, and a cache
//! per thread needs no lock) and holds one model's words at a time. It is bounded: once it
//! holds [`CAPACITY`] words it stops taking new ones (the frequent words come early in any
//! stream of news), and a word not in it is computed for that token as if there were no
//! cache. An entry is found by a hash of the word and checked against the word itself, so
//! a hash collision costs a recomputation, never a wrong answer.
//!
//! [`Feats::word`]: super::features::Feats::word

use super::lex::Lex;
use super::tags::N_TAGS;
use crate::learn::hash::IdBuild;
use crate::text::TokenKind;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::Hasher;

/// Words kept per thread: with about 260 bytes an entry, 4 MB. A year of a wire service's
/// English needs more forms than that, but the forms that make up most tokens are far fewer.
pub(crate) const CAPACITY: usize = 1 << 14;

/// A token not in the cache.
pub(crate) const NO_SLOT: u32 = u32::MAX;

/// The summed word-feature weights of one word in each pass's table.
#[derive(Clone, Copy, Default)]
pub(crate) struct WordRow {
    pub(crate) pass1: [i32; N_TAGS],
    pub(crate) pass2: [i32; N_TAGS],
}

struct Entry {
    word: Box<str>,
    kind: TokenKind,
    lex: Lex,
    row: Option<WordRow>,
}

/// One thread's word cache, for one model at a time.
#[derive(Default)]
pub(crate) struct WordCache {
    model: u64,
    index: HashMap<u64, u32, IdBuild>,
    entries: Vec<Entry>,
}

impl WordCache {
    /// Empties the cache unless it holds model `model`'s words.
    pub(crate) fn for_model(&mut self, model: u64) {
        if self.model != model {
            self.index.clear();
            self.entries.clear();
            self.model = model;
        }
    }

    /// The lexical hashes of `word` (computed by `lex` when not kept) and its slot, for
    /// [`WordCache::row`]; [`NO_SLOT`] when the word could not be kept.
    pub(crate) fn lex(
        &mut self,
        word: &str,
        kind: TokenKind,
        lex: impl FnOnce() -> Lex,
    ) -> (Lex, u32) {
        let mut h = rustc_hash::FxHasher::default();
        h.write(word.as_bytes());
        h.write_u8(kind as u8);
        let key = h.finish();
        if let Some(&slot) = self.index.get(&key) {
            let e = &self.entries[slot as usize];
            if *e.word == *word && e.kind == kind {
                return (e.lex, slot);
            }
            return (lex(), NO_SLOT);
        }
        let l = lex();
        if self.entries.len() >= CAPACITY {
            return (l, NO_SLOT);
        }
        let slot = self.entries.len() as u32;
        self.entries.push(Entry {
            word: word.into(),
            kind,
            lex: l,
            row: None,
        });
        self.index.insert(key, slot);
        (l, slot)
    }

    /// The word row of the word in `slot`, computed by `sum` the first time (and every
    /// time for [`NO_SLOT`]).
    pub(crate) fn row(&mut self, slot: u32, sum: impl FnOnce() -> WordRow) -> WordRow {
        match self.entries.get_mut(slot as usize) {
            Some(e) => *e.row.get_or_insert_with(sum),
            None => sum(),
        }
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

thread_local! {
    static CACHE: RefCell<WordCache> = RefCell::default();
}

/// Runs `f` with this thread's word cache.
pub(crate) fn with_cache<R>(f: impl FnOnce(&mut WordCache) -> R) -> R {
    CACHE.with_borrow_mut(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex_of(form: u64) -> impl FnOnce() -> Lex {
        move || Lex {
            form,
            ..Lex::default()
        }
    }

    #[test]
    fn keeps_a_word_per_form_and_kind_for_one_model() {
        let mut c = WordCache::default();
        c.for_model(1);
        let (l, a) = c.lex("Paris", TokenKind::Word, lex_of(7));
        assert_eq!(l.form, 7);
        // Kept: the closure's answer is not asked for again.
        let (l, b) = c.lex("Paris", TokenKind::Word, lex_of(99));
        assert_eq!((l.form, b), (7, a));
        let (_, other) = c.lex("Paris", TokenKind::Symbol, lex_of(8));
        assert_ne!(other, a);
        let mut sums = 0;
        for _ in 0..3 {
            c.row(a, || {
                sums += 1;
                WordRow::default()
            });
        }
        assert_eq!(sums, 1);
        // Another model's weights: nothing kept for the first may be reused.
        c.for_model(2);
        assert_eq!(c.lex("Paris", TokenKind::Word, lex_of(9)).0.form, 9);
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn stops_keeping_at_capacity() {
        let mut c = WordCache::default();
        c.for_model(1);
        for n in 0..CAPACITY + 10 {
            c.lex(&n.to_string(), TokenKind::Number, Lex::default);
        }
        assert_eq!(c.len(), CAPACITY);
        let (_, slot) = c.lex("more", TokenKind::Word, Lex::default);
        assert_eq!(slot, NO_SLOT);
        let mut sums = 0;
        for _ in 0..2 {
            c.row(slot, || {
                sums += 1;
                WordRow::default()
            });
        }
        assert_eq!(sums, 2);
    }
}

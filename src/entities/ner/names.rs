//! Typed name lists (gazetteers) matched as token sequences, as features.
//!
//! Following Ratinov & Roth (2009), every token covered by a listed name learns the list's
//! class *and* its BILOU position inside the name: "New" in "New York" is `CITY-B`, "York"
//! is `CITY-L`. The model weighs each class from training data, so the lists (large and
//! noisy: tens of thousands of first names, surnames, towns, companies) only have to be
//! mostly right. Names are hashed token by token with the same lower-case hash the features
//! use, so matching needs no strings at run time.

use super::lex::{Lex, CAP, LOWER};
#[cfg(any(test, feature = "train"))]
use super::lexicon::lower_hash;
use crate::learn::hash::{pair, IdBuild};
#[cfg(any(test, feature = "train"))]
use crate::text::tokenize;
use std::collections::HashMap;
use std::ops::Range;

/// Class names in bit order; a name may be in several classes.
const CLASSES: [&str; 8] = [
    "FIRST", "LAST", "COUNTRY", "CITY", "REGION", "DEMONYM", "ORG", "EVENT",
];
/// Longest name matched, in tokens.
const MAX_LEN: usize = 8;
/// Value bit: the key is a proper prefix of a longer name (keep extending the match).
const PREFIX: u16 = 1 << 15;
/// Seed of the token-sequence hash.
const SEED: u64 = 0x6a09_e667_f3bc_c908;

/// Map from the hash of a lower-cased token sequence to class bits (and [`PREFIX`]).
#[derive(Debug, Default, Clone)]
pub(crate) struct NameLists {
    map: HashMap<u64, u16, IdBuild>,
}

impl NameLists {
    /// Parses `name<TAB>CLASS` lines; `#` comments and unknown classes are skipped. Each
    /// name is split by the service's own tokenizer so it matches text the same way.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn from_tsv(text: &str) -> NameLists {
        let mut map: HashMap<u64, u16, IdBuild> = HashMap::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((name, class)) = line.split_once('\t') else {
                continue;
            };
            let Some(bit) = CLASSES.iter().position(|c| *c == class.trim()) else {
                continue;
            };
            let words: Vec<&str> = tokenize(name).iter().map(|t| t.span.slice(name)).collect();
            if words.is_empty() || words.len() > MAX_LEN {
                continue;
            }
            let mut h = SEED;
            for (k, w) in words.iter().enumerate() {
                h = pair(h, lower_hash(w));
                let v = map.entry(h).or_default();
                *v |= if k + 1 == words.len() {
                    1 << bit
                } else {
                    PREFIX
                };
            }
        }
        NameLists { map }
    }

    /// Builds from stored entries (as in a model file).
    pub(crate) fn from_entries(entries: impl Iterator<Item = (u64, u16)>) -> NameLists {
        NameLists {
            map: entries.collect(),
        }
    }

    /// Entries, sorted so model files are deterministic.
    pub(crate) fn entries(&self) -> Vec<(u64, u16)> {
        let mut v: Vec<(u64, u16)> = self.map.iter().map(|(k, c)| (*k, *c)).collect();
        v.sort_unstable();
        v
    }

    /// Per token, bit `4 * class + position` (B, I, L, U) for every listed name covering it.
    /// A name must start with a capital and not end in a lower-case word ("Bank of England"
    /// matches, "may" does not), and never crosses a sentence end.
    pub(crate) fn mark(&self, lex: &[Lex], sentences: &[Range<usize>]) -> Vec<u32> {
        let mut out = vec![0u32; lex.len()];
        if self.map.is_empty() {
            return out;
        }
        for s in sentences {
            for i in s.clone().filter(|&i| lex[i].flags & CAP != 0) {
                let mut h = SEED;
                for j in i..s.end.min(i + MAX_LEN) {
                    h = pair(h, lex[j].lower);
                    let Some(&v) = self.map.get(&h) else {
                        break;
                    };
                    if v & 0xff != 0 && lex[j].flags & LOWER == 0 {
                        cover(&mut out[i..=j], v & 0xff);
                    }
                    if v & PREFIX == 0 {
                        break;
                    }
                }
            }
        }
        out
    }
}

/// Sets the position bits of every class in `classes` over the tokens of one match.
fn cover(tokens: &mut [u32], classes: u16) {
    let n = tokens.len();
    for (k, t) in tokens.iter_mut().enumerate() {
        let pos = match (k, n) {
            (_, 1) => 3,
            (0, _) => 0,
            (k, n) if k + 1 == n => 2,
            _ => 1,
        };
        for c in (0..CLASSES.len()).filter(|c| classes & (1 << c) != 0) {
            *t |= 1 << (4 * c + pos);
        }
    }
}

/// The class bits (without positions) of a token's marks.
pub(crate) fn classes(marks: u32) -> u64 {
    (0..CLASSES.len()).fold(0, |m, c| m | u64::from(marks >> (4 * c) & 0xf != 0) << c)
}

#[cfg(test)]
mod tests {
    use super::super::clusters::Clusters;
    use super::super::features::lex_all;
    use super::super::lexicon::Lexicon;
    use super::*;

    fn marks(lists: &str, text: &str) -> Vec<u32> {
        let tokens = tokenize(text);
        let (lex, _) = lex_all(
            text,
            &tokens,
            &Clusters::default(),
            &Lexicon::default(),
            None,
        );
        let whole = vec![Range {
            start: 0,
            end: tokens.len(),
        }];
        NameLists::from_tsv(lists).mark(&lex, &whole)
    }

    #[test]
    fn marks_class_and_bilou_position() {
        let lists = "# c\nNew York\tCITY\nYork\tCITY\nYork\tLAST\nBank of England\tORG\nx\tNOPE\n";
        let m = marks(lists, "The Bank of England left New York .");
        let (city, last, org) = (3 * 4, 4, 6 * 4);
        assert_eq!(m[0], 0);
        assert_eq!(m[1..4], [1 << org, 1 << (org + 1), 1 << (org + 2)]);
        assert_eq!(m[5], 1 << city);
        assert_eq!(m[6], 1 << (city + 2) | 1 << (city + 3) | 1 << (last + 3));
        assert_eq!(classes(m[6]), 0b1010);
    }

    #[test]
    fn needs_capitals_at_the_edges() {
        let lists = "May\tFIRST\nBank of England\tORG\n";
        assert_eq!(marks(lists, "it may rain"), vec![0; 3]);
        assert_eq!(marks(lists, "Bank of england"), vec![0; 3]);
        assert_eq!(marks(lists, "MAY")[0], 1 << 3);
    }
}

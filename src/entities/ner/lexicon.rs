//! A small hand-written lexicon (countries, demonyms, cities, first names, ...) as features.
//!
//! The model learns how much to trust each class; the list only has to be mostly right.

#[cfg(any(test, feature = "train"))]
use crate::learn::hash::Fnv;
use crate::learn::hash::IdBuild;
use std::collections::HashMap;

/// Class names in bit order; a word may be in several classes.
#[cfg(any(test, feature = "train"))]
const CLASSES: [&str; 7] = [
    "COUNTRY", "DEMONYM", "CITY", "REGION", "FIRST", "ORGWORD", "TITLE",
];

/// Map from the hash of a lower-cased word to its class bits.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lexicon {
    map: HashMap<u64, u8, IdBuild>,
}

impl Lexicon {
    /// Parses `word<TAB>CLASS` lines; `#` comments and unknown classes are skipped.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn from_tsv(text: &str) -> Lexicon {
        let mut map: HashMap<u64, u8, IdBuild> = HashMap::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, class)) = line.split_once('\t') else {
                continue;
            };
            if let Some(bit) = CLASSES.iter().position(|c| *c == class.trim()) {
                *map.entry(lower_hash(word)).or_default() |= 1 << bit;
            }
        }
        Lexicon { map }
    }

    /// Builds from stored entries (as in a model file).
    pub(crate) fn from_entries(entries: impl Iterator<Item = (u64, u8)>) -> Lexicon {
        Lexicon {
            map: entries.collect(),
        }
    }

    /// Entries, sorted so model files are deterministic.
    pub(crate) fn entries(&self) -> Vec<(u64, u8)> {
        let mut v: Vec<(u64, u8)> = self.map.iter().map(|(k, c)| (*k, *c)).collect();
        v.sort_unstable();
        v
    }

    /// Class bits of a word given the hash of its lower-cased form.
    pub(crate) fn get(&self, lower: u64) -> u8 {
        self.map.get(&lower).copied().unwrap_or(0)
    }
}

/// Same hash as `Lex::lower`: FNV-1a over the lower-cased characters.
#[cfg(any(test, feature = "train"))]
pub(crate) fn lower_hash(word: &str) -> u64 {
    let mut h = Fnv::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        h.push(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_case_insensitive_bits() {
        let lx = Lexicon::from_tsv("# c\nGeorgia\tCOUNTRY\nGeorgia\tREGION\nX\tNOPE\n");
        assert_eq!(lx.get(lower_hash("GEORGIA")), 0b1001);
        assert_eq!(lx.get(lower_hash("x")), 0);
    }
}

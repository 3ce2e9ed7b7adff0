//! Word clusters (hierarchical k-means over word vectors) looked up by hashed word form.
//!
//! One entry packs two paths: the spaCy-vector path (`clusters.tsv`, cased keys; bits 0-15,
//! bit 31 "known") and the GloVe path of the word's lower-case form (`glove.tsv`; bits 16-29,
//! bit 30 "known"). A table without GloVe paths never sets bit 30, so
//! no GloVe feature fires.

#[cfg(any(test, feature = "train"))]
use crate::learn::hash::hash_bytes;
use crate::learn::hash::IdBuild;
use std::collections::HashMap;

/// Depth of the cluster paths (base-4 digits); prefixes give coarser clusters.
pub(crate) const DEPTH: u32 = 8;
/// Depth of the GloVe paths.
pub(crate) const GLOVE_DEPTH: u32 = 7;
/// The word has a spaCy-vector path.
#[cfg(any(test, feature = "train"))]
pub(crate) const KNOWN: u32 = 0x8000_0000;
/// The word's lower-case form has a GloVe path.
const GLOVE_KNOWN: u32 = 0x4000_0000;

/// Map from the hash of a word form to its packed cluster path.
#[derive(Debug, Default, Clone)]
pub(crate) struct Clusters {
    map: HashMap<u64, u32, IdBuild>,
}

impl Clusters {
    /// Parses `word<TAB>path` lines; lines that do not parse are skipped.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn from_tsv(text: &str) -> Clusters {
        let mut map = HashMap::with_capacity_and_hasher(text.len() / 12, IdBuild::default());
        for line in text.lines() {
            let Some((word, path)) = line.split_once('\t') else {
                continue;
            };
            if let Some(p) = pack(path) {
                map.insert(hash_bytes(word.as_bytes()), p);
            }
        }
        Clusters { map }
    }

    /// Adds the GloVe paths of `glove` (`word<TAB>path`, lower-case words): to every entry
    /// whose word lower-cases to a listed word, and as new entries for listed words the
    /// table lacks. `words` are the table's own words (the keys are hashes).
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn add_glove<'a>(&mut self, words: impl Iterator<Item = &'a str>, glove: &str) {
        let mut codes: HashMap<u64, u32, IdBuild> = HashMap::default();
        for line in glove.lines() {
            let Some((word, path)) = line.split_once('\t') else {
                continue;
            };
            if let Some(p) = pack_digits(path, GLOVE_DEPTH) {
                codes.insert(hash_bytes(word.as_bytes()), (p << 16) | GLOVE_KNOWN);
            }
        }
        for word in words {
            let lower = hash_bytes(word.to_lowercase().as_bytes());
            if let (Some(code), Some(entry)) = (
                codes.get(&lower),
                self.map.get_mut(&hash_bytes(word.as_bytes())),
            ) {
                *entry |= code;
            }
        }
        for (k, code) in codes {
            *self.map.entry(k).or_insert(0) |= code;
        }
    }

    /// Builds from already hashed entries (as stored in a model file).
    pub(crate) fn from_entries(entries: impl ExactSizeIterator<Item = (u64, u32)>) -> Clusters {
        let mut map = HashMap::with_capacity_and_hasher(entries.len(), IdBuild::default());
        map.extend(entries);
        Clusters { map }
    }

    /// Entries for serialization, sorted so model files are deterministic.
    pub(crate) fn entries(&self) -> Vec<(u64, u32)> {
        let mut v: Vec<(u64, u32)> = self.map.iter().map(|(k, p)| (*k, *p)).collect();
        v.sort_unstable();
        v
    }

    /// Path of the exact form, else of the lower-case form; 0 when unknown.
    pub(crate) fn get(&self, form: u64, lower: u64) -> u32 {
        self.map
            .get(&form)
            .or_else(|| self.map.get(&lower))
            .copied()
            .unwrap_or(0)
    }
}

/// Packs a base-4 path of `DEPTH` digits into 16 bits, with bit 31 marking "known".
#[cfg(any(test, feature = "train"))]
fn pack(path: &str) -> Option<u32> {
    pack_digits(path, DEPTH).map(|v| v | KNOWN)
}

/// The value of a base-4 path of exactly `depth` digits.
#[cfg(any(test, feature = "train"))]
fn pack_digits(path: &str, depth: u32) -> Option<u32> {
    if path.len() != depth as usize {
        return None;
    }
    let mut v: u32 = 0;
    for b in path.bytes() {
        let d = b.checked_sub(b'0').filter(|d| *d < 4)?;
        v = v * 4 + u32::from(d);
    }
    Some(v)
}

/// The prefix of depth `d` of a packed path (keeps the "known" bit apart).
pub(crate) fn prefix(packed: u32, d: u32) -> u64 {
    let known = u64::from(packed >> 31);
    let path = u64::from(packed & 0xffff) >> (2 * (DEPTH - d));
    (known << 24) | (u64::from(d) << 16) | path
}

/// The GloVe path prefix of depth `d`, when the word has a GloVe path.
pub(crate) fn glove_prefix(packed: u32, d: u32) -> Option<u64> {
    (packed & GLOVE_KNOWN != 0).then(|| {
        let path = u64::from((packed >> 16) & 0x3fff) >> (2 * (GLOVE_DEPTH - d));
        (u64::from(d) << 16) | path
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_exact_then_lower() {
        let c = Clusters::from_tsv("paris\t01230000\nApple\t33333333\nbad line\n");
        let h = |s: &str| hash_bytes(s.as_bytes());
        assert_eq!(
            c.get(h("Paris"), h("paris")) & 0xffff,
            0b0001_1011_0000_0000
        );
        assert_eq!(c.get(h("Apple"), h("apple")), 0x8000_ffff);
        assert_eq!(c.get(h("zzz"), h("zzz")), 0);
        assert_ne!(prefix(0x8000_0000, 2), prefix(0, 2));
    }

    #[test]
    fn glove_paths_join_cased_and_new_words() {
        let md = "paris\t01230000\nApple\t33333333\n";
        let mut c = Clusters::from_tsv(md);
        c.add_glove(
            ["paris", "Apple"].into_iter(),
            "apple\t0000003\nxbox\t3000000\n",
        );
        let h = |s: &str| hash_bytes(s.as_bytes());
        let apple = c.get(h("Apple"), h("apple"));
        assert_eq!(apple & 0xffff, 0xffff);
        assert_eq!(glove_prefix(apple, 7), Some((7 << 16) | 3));
        let xbox = c.get(h("Xbox"), h("xbox"));
        assert_eq!(xbox & KNOWN, 0);
        assert_eq!(glove_prefix(xbox, 1), Some((1 << 16) | 3));
        assert_eq!(glove_prefix(c.get(h("paris"), h("paris")), 3), None);
    }
}

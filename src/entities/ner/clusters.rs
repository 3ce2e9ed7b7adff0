//! Word clusters (hierarchical k-means over word vectors) looked up by hashed word form.

use super::features::{hash_bytes, IdBuild};
use std::collections::HashMap;

/// Depth of the cluster paths (base-4 digits); prefixes give coarser clusters.
pub(crate) const DEPTH: u32 = 8;

/// Map from the hash of a word form to its packed cluster path.
#[derive(Debug, Default, Clone)]
pub(crate) struct Clusters {
    map: HashMap<u64, u32, IdBuild>,
}

impl Clusters {
    /// Parses `word<TAB>path` lines; lines that do not parse are skipped.
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
fn pack(path: &str) -> Option<u32> {
    if path.len() != DEPTH as usize {
        return None;
    }
    let mut v: u32 = 0;
    for b in path.bytes() {
        let d = b.checked_sub(b'0').filter(|d| *d < 4)?;
        v = v * 4 + u32::from(d);
    }
    Some(v | 0x8000_0000)
}

/// The prefix of depth `d` of a packed path (keeps the "known" bit apart).
pub(crate) fn prefix(packed: u32, d: u32) -> u64 {
    let known = u64::from(packed >> 31);
    let path = u64::from(packed & 0xffff) >> (2 * (DEPTH - d));
    (known << 24) | (u64::from(d) << 16) | path
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
}

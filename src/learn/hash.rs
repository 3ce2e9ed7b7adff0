//! Feature hashing shared by the taggers: word forms, feature ids and maps keyed by them.
//!
//! Every function here is part of the model files' format: a trained weight sits in the row
//! its feature hashes to, so changing one changes what every committed model reads.

use std::hash::{BuildHasherDefault, Hasher};

/// Streaming FNV-1a, the hash of every word form (also keys the cluster table).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(pub(crate) u64);

/// FNV-1a's offset basis.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

impl Fnv {
    /// The empty hash.
    pub(crate) fn new() -> Fnv {
        Fnv(FNV_OFFSET)
    }
    /// The empty hash of a family numbered `seed` (each template hashes its words apart).
    pub(crate) fn seeded(seed: u64) -> Fnv {
        Fnv(FNV_OFFSET ^ seed)
    }
    /// Hashes `bytes` after what was pushed before.
    pub(crate) fn push(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    /// Hashes the UTF-8 bytes of `c`.
    pub(crate) fn push_char(&mut self, c: char) {
        self.push(c.encode_utf8(&mut [0; 4]).as_bytes());
    }
}

/// FNV-1a of a byte string.
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = Fnv::new();
    h.push(b);
    h.0
}

/// Hasher for keys that already are hashes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Build-hasher for maps keyed by word hashes.
pub(crate) type IdBuild = BuildHasherDefault<IdHasher>;

/// Combines a template id with a value into a feature hash (splitmix64 finalizer).
pub(crate) fn mix(template: u64, value: u64) -> u64 {
    let mut x = value ^ (template + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Combines two values into one (order matters).
pub(crate) fn pair(a: u64, b: u64) -> u64 {
    a.rotate_left(21) ^ b.wrapping_mul(0x2545_F491_4F6C_DD1D)
}

/// Row number of a feature hash in a table of `2^bits` rows (its top bits).
#[inline]
pub(crate) fn row(h: u64, bits: u32) -> usize {
    (h >> (64 - bits)) as usize
}

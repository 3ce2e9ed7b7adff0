//! A quantized weight table stored sparsely: only its non-zero rows, found by rank.
//!
//! A model hashes features into `2^bits` rows of `N` weights (one per tag), but training
//! touches only about one row in eight (137k of 1M in pass 1 of the committed NER model).
//! Stored densely, the two tables took 71 MB, far more than the L3 cache, so nearly
//! every feature lookup was a miss to memory (a third of the server's time under load,
//! by `perf`). Here a bitmap says which rows exist, a running count per 64 rows turns
//! a row number into an index into the packed rows, and a feature whose row is empty
//! costs one lookup in the bitmap (256 KB per table, which stays in L2) and nothing
//! more. Scores are bit-for-bit those of the dense table: the same `i16` weights are
//! summed in the same order.

use super::hash::row;

/// One row: a weight per tag.
pub(crate) type Row<const N: usize> = [i16; N];

/// 64 rows of the bitmap and how many rows are present before them, side by side so
/// one cache line answers a lookup.
#[derive(Clone, Copy, Default)]
struct Block {
    present: u64,
    before: u32,
}

/// Why rows could not be packed into a table.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TableError {
    /// `bits` is outside 1..=24.
    Bits(u32),
    /// A row number is past the table or not above the previous one.
    Row(u64),
}

/// A weight table of `2^bits` hashed rows, weights `i16` times `scale`.
pub(crate) struct Table<const N: usize> {
    bits: u32,
    scale: f32,
    blocks: Vec<Block>,
    rows: Vec<Row<N>>,
}

/// Fewest and most hash bits a table may have.
const BITS: std::ops::RangeInclusive<u32> = 1..=24;

impl<const N: usize> Table<N> {
    /// Packs `(row number, weights)` pairs given in increasing row order.
    pub(crate) fn from_rows(
        bits: u32,
        scale: f32,
        rows: impl IntoIterator<Item = (usize, Row<N>)>,
    ) -> Result<Table<N>, TableError> {
        if !BITS.contains(&bits) {
            return Err(TableError::Bits(bits));
        }
        let n_rows = 1usize << bits;
        let mut blocks = vec![Block::default(); n_rows.div_ceil(64)];
        let mut packed = Vec::new();
        let mut last = None;
        for (i, row) in rows {
            if i >= n_rows || last.is_some_and(|l| i <= l) {
                return Err(TableError::Row(i as u64));
            }
            last = Some(i);
            blocks[i / 64].present |= 1 << (i % 64);
            packed.push(row);
        }
        let mut before = 0u32;
        for b in &mut blocks {
            b.before = before;
            before += b.present.count_ones();
        }
        Ok(Table {
            bits,
            scale,
            blocks,
            rows: packed,
        })
    }

    /// Quantizes averaged dense weights (`2^bits * N` of them); rows whose largest
    /// weight rounds below `prune` are dropped, and so are rows that are all zero.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn quantize(bits: u32, w: &[f32], prune: i16) -> Table<N> {
        let scale = scale_for(w, 32000.0);
        let rows = w.chunks_exact(N).enumerate().filter_map(|(i, r)| {
            let mut q = [0i16; N];
            for (d, x) in q.iter_mut().zip(r) {
                *d = quantized(*x, scale);
            }
            let keep = q.iter().any(|x| x.abs() >= prune) && q.iter().any(|x| *x != 0);
            keep.then_some((i, q))
        });
        Table::from_rows(bits, scale, rows).expect("dense weights give ordered rows in range")
    }

    /// Hash bits: the table has `2^bits` rows.
    pub(crate) fn bits(&self) -> u32 {
        self.bits
    }

    /// Weight scale: a weight is `i16 * scale`.
    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    /// The present rows with their row numbers, in increasing order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = (usize, &Row<N>)> + '_ {
        let numbers = self.blocks.iter().enumerate().flat_map(|(b, block)| {
            let mut m = block.present;
            std::iter::from_fn(move || {
                (m != 0).then(|| {
                    let bit = m.trailing_zeros() as usize;
                    m &= m - 1;
                    b * 64 + bit
                })
            })
        });
        numbers.zip(&self.rows)
    }

    /// The row a feature hash falls in, if that row has weights.
    #[inline]
    fn row(&self, h: u64) -> Option<&Row<N>> {
        let r = row(h, self.bits);
        let block = self.blocks[r / 64];
        let bit = 1u64 << (r % 64);
        if block.present & bit == 0 {
            return None;
        }
        let index = block.before + (block.present & (bit - 1)).count_ones();
        self.rows.get(index as usize)
    }

    /// Adds the weights of `feats` to `scores`.
    #[inline]
    pub(crate) fn add_scores(&self, feats: &[u64], scores: &mut [f32; N]) {
        self.add_scores_from([0; N], feats, scores);
    }

    /// The weights of `feats` summed as integers, before scaling: exact, so sums of parts
    /// add up to the sum of the whole in any order (module `word_rows` relies on it).
    #[inline(always)]
    pub(crate) fn sum_rows(&self, feats: &[u64]) -> [i32; N] {
        let mut acc = [0i32; N];
        for row in feats.iter().filter_map(|h| self.row(*h)) {
            // Indexing two fixed-size arrays lets the compiler unroll and vectorize.
            for k in 0..N {
                acc[k] += i32::from(row[k]);
            }
        }
        acc
    }

    /// Adds `sum` (a [`Table::sum_rows`] of other features) and the weights of `feats` to
    /// `scores`: the same floats as [`Table::add_scores`] over both feature lists.
    // Out of line, with the row sum inside it: the shape the decoder was tuned in. Since
    // Table is generic its functions are instantiated in the decoder's code unit, and LLVM
    // otherwise inlines this one there and leaves the sum out of line, where its
    // accumulator goes through memory (callgrind: 2 % more instructions per article).
    #[inline(never)]
    pub(crate) fn add_scores_from(&self, sum: [i32; N], feats: &[u64], scores: &mut [f32; N]) {
        let acc = self.sum_rows(feats);
        for ((s, a), b) in scores.iter_mut().zip(acc).zip(sum) {
            *s += (a + b) as f32 * self.scale;
        }
    }
}

/// The weight scale that maps the largest `|w|` to `top`.
#[cfg(any(test, feature = "train"))]
pub(crate) fn scale_for(w: &[f32], top: f32) -> f32 {
    let max = w.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
    max / top
}

/// `x` in units of `scale`, rounded.
#[cfg(any(test, feature = "train"))]
pub(crate) fn quantized(x: f32, scale: f32) -> i16 {
    (x / scale).round() as i16
}

#[cfg(test)]
mod tests {
    use super::*;

    const N: usize = 17;

    /// The dense scoring the sparse table replaces, as it was.
    fn dense_score(bits: u32, scale: f32, w: &[i16], feats: &[u64]) -> [f32; N] {
        let mut acc = [0i32; N];
        for h in feats {
            let r = row(*h, bits) * N;
            for (a, x) in acc.iter_mut().zip(&w[r..r + N]) {
                *a += i32::from(*x);
            }
        }
        let mut out = [0f32; N];
        for (s, a) in out.iter_mut().zip(acc) {
            *s += a as f32 * scale;
        }
        out
    }

    proptest::proptest! {
        /// Any sparse table scores exactly like the dense table it came from.
        #[test]
        fn scores_equal_the_dense_table(
            present in proptest::collection::btree_map(0usize..1024, proptest::array::uniform17(-300i16..300), 0..200),
            feats in proptest::collection::vec(proptest::num::u64::ANY, 0..100),
        ) {
            let bits = 10;
            let mut dense = vec![0i16; 1024 * N];
            for (i, r) in &present {
                dense[i * N..(i + 1) * N].copy_from_slice(r);
            }
            let t = Table::<N>::from_rows(bits, 0.25, present.iter().map(|(i, r)| (*i, *r))).unwrap();
            let mut got = [0f32; N];
            t.add_scores(&feats, &mut got);
            proptest::prop_assert_eq!(got, dense_score(bits, 0.25, &dense, &feats));
            let back: Vec<(usize, Row<N>)> = t.rows().map(|(i, r)| (i, *r)).collect();
            let want: Vec<(usize, Row<N>)> = present.into_iter().collect();
            proptest::prop_assert_eq!(back, want);
        }
    }

    #[test]
    fn rejects_rows_out_of_order_or_range() {
        let r = [1i16; N];
        assert_eq!(
            Table::<N>::from_rows(6, 1.0, [(3, r), (3, r)]).err(),
            Some(TableError::Row(3))
        );
        assert_eq!(
            Table::<N>::from_rows(6, 1.0, [(5, r), (2, r)]).err(),
            Some(TableError::Row(2))
        );
        assert_eq!(
            Table::<N>::from_rows(6, 1.0, [(64, r)]).err(),
            Some(TableError::Row(64))
        );
        assert_eq!(
            Table::<N>::from_rows(25, 1.0, []).err(),
            Some(TableError::Bits(25))
        );
    }

    #[test]
    fn quantize_drops_empty_and_pruned_rows() {
        let mut w = vec![0f32; 64 * N];
        w[0] = 100.0; // row 0: the largest weight, kept
        w[N] = 0.001; // row 1: rounds to 0
        w[2 * N] = 2.0; // row 2: 640 after scaling, dropped by prune 1000
        let t = Table::<N>::quantize(6, &w, 1000);
        let rows: Vec<usize> = t.rows().map(|(i, _)| i).collect();
        assert_eq!(rows, vec![0]);
    }
}

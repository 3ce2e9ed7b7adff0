//! A quantized weight table stored densely, one row per feature bucket, each row padded
//! to `L` lanes with zeros so that it is one aligned load and summing the rows of a
//! token's features vectorizes. For small tables whose features are bucket numbers
//! already (the quote tagger's), where a row lookup is one index and nothing more.

#[cfg(any(test, feature = "train"))]
use super::table::{quantized, scale_for};

/// `rows` rows of `width` weights (`width <= L`), weights `i16` times `scale`.
#[derive(Debug, Clone)]
pub(crate) struct Dense<const L: usize> {
    rows: Vec<[i16; L]>,
    #[cfg(any(test, feature = "train"))]
    width: usize,
    scale: f32,
}

impl<const L: usize> Dense<L> {
    /// Rows from weights in row-major order, `width` per row; missing weights are zero.
    pub(crate) fn from_weights(
        n_rows: usize,
        width: usize,
        scale: f32,
        weights: impl Iterator<Item = i16>,
    ) -> Self {
        let mut rows = vec![[0i16; L]; n_rows];
        for (k, w) in weights.enumerate().take(n_rows * width) {
            rows[k / width][k % width] = w;
        }
        Dense {
            rows,
            #[cfg(any(test, feature = "train"))]
            width,
            scale,
        }
    }

    /// Quantizes dense `f32` weights (row-major, `width` per row), the largest to `i16::MAX`.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn quantize(n_rows: usize, width: usize, w: &[f32]) -> Self {
        let scale = scale_for(w, f32::from(i16::MAX));
        Dense::from_weights(n_rows, width, scale, w.iter().map(|x| quantized(*x, scale)))
    }

    /// Weight scale: a weight is `i16 * scale`.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    /// The weights, row-major, `width` per row (without the padding).
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn weights(&self) -> impl Iterator<Item = i16> + '_ {
        self.rows
            .iter()
            .flat_map(|r| r[..self.width].iter().copied())
    }

    /// The scaled sums of the rows `feats` in their first `N` lanes (`N` = the width):
    /// integer sums are exact, so the padding lanes change nothing.
    #[inline]
    pub(crate) fn score<const N: usize>(&self, feats: &[u32]) -> [f32; N] {
        let mut acc = [0i32; L];
        for &b in feats {
            let row = &self.rows[b as usize];
            for (a, &w) in acc.iter_mut().zip(row) {
                *a += i32::from(w);
            }
        }
        std::array::from_fn(|t| acc[t] as f32 * self.scale)
    }
}

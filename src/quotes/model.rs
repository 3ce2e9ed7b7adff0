//! The tagger's weights: one row of per-tag weights per feature bucket plus tag
//! transitions, decoded by Viterbi under the BIO constraint (an `I-` tag only after
//! its own `B-` or `I-`). Weights are quantized to `i16` in the model file.

use super::features::{BlockFeatures, BUCKETS};
use crate::learn::bytes::{ReadError, Reader};
use crate::learn::dense::Dense;

/// Number of tags: O, then B/I for Source, Cue and Content.
pub(crate) const NTAGS: usize = 7;

/// A token's role in an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The speaker.
    Source,
    /// The attributing words.
    Cue,
    /// What was said.
    Content,
}

/// Tag index layout: 0 = O, 1 + 2r = B-role, 2 + 2r = I-role.
#[cfg(any(test, feature = "train"))]
pub(crate) fn tag(role: Role, begin: bool) -> u8 {
    1 + 2 * role as u8 + u8::from(!begin)
}

/// The role and begin flag of a tag; `None` for O.
pub(crate) fn untag(t: u8) -> Option<(Role, bool)> {
    let role = match (t.checked_sub(1)?) / 2 {
        0 => Role::Source,
        1 => Role::Cue,
        2 => Role::Content,
        _ => return None,
    };
    Some((role, t % 2 == 1))
}

/// May tag `cur` follow `prev` (`None` = block start)?
pub(crate) fn allowed(prev: Option<u8>, cur: u8) -> bool {
    match untag(cur) {
        Some((_, false)) => prev.is_some_and(|p| p != 0 && (p - 1) / 2 == (cur - 1) / 2),
        _ => true,
    }
}

/// Why a model file was refused.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Wrong magic, sizes or length.
    #[error("quote model file is malformed: {0}")]
    Malformed(&'static str),
}

const MAGIC: &[u8; 8] = b"NPQUOTE1";

/// Lanes of a weight row in memory: [`NTAGS`] padded to eight with a zero, so
/// that a row is one 16-byte load and summing the rows of a token's features
/// vectorizes (the model file keeps seven per row).
const LANES: usize = 8;

/// Weights in a form both training (f32) and serving (dequantized) share.
#[derive(Debug, Clone)]
pub(crate) struct QuoteModel {
    /// One row per feature bucket, per-tag weights in the first [`NTAGS`] lanes.
    rows: Dense<LANES>,
    trans: [[f32; NTAGS]; NTAGS + 1],
}

impl QuoteModel {
    /// Quantizes trained weights (`BUCKETS * NTAGS`, row-major) and transitions.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn quantize(weights: &[f32], trans: [[f32; NTAGS]; NTAGS + 1]) -> Self {
        QuoteModel {
            rows: Dense::quantize(BUCKETS, NTAGS, weights),
            trans,
        }
    }

    /// Reads a model file.
    pub(crate) fn from_bytes(b: &[u8]) -> Result<Self, ModelError> {
        let mut r = Reader::new(b);
        if r.take(MAGIC.len()).ok() != Some(MAGIC.as_slice()) {
            return Err(ModelError::Malformed("magic"));
        }
        let header = |_: ReadError| ModelError::Malformed("header");
        let (buckets, ntags) = (r.u32().map_err(header)?, r.u32().map_err(header)?);
        let scale = r.f32().map_err(header)?;
        if buckets as usize != BUCKETS || ntags as usize != NTAGS {
            return Err(ModelError::Malformed("sizes"));
        }
        let ntrans = (NTAGS + 1) * NTAGS;
        if r.remaining() != ntrans * 4 + BUCKETS * NTAGS * 2 {
            return Err(ModelError::Malformed("length"));
        }
        let length = |_: ReadError| ModelError::Malformed("length");
        let mut trans = [[0f32; NTAGS]; NTAGS + 1];
        for k in 0..ntrans {
            trans[k / NTAGS][k % NTAGS] = r.f32().map_err(length)?;
        }
        let w = r.take(r.remaining()).map_err(length)?;
        let weights = w.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]]));
        let rows = Dense::from_weights(BUCKETS, NTAGS, scale, weights);
        Ok(QuoteModel { rows, trans })
    }

    /// Writes the model file (the inverse of [`QuoteModel::from_bytes`]).
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        for v in [BUCKETS as u32, NTAGS as u32, self.rows.scale().to_bits()] {
            out.extend(v.to_le_bytes());
        }
        for row in &self.trans {
            row.iter().for_each(|x| out.extend(x.to_le_bytes()));
        }
        self.rows
            .weights()
            .for_each(|w| out.extend(w.to_le_bytes()));
        out
    }

    /// The best tag sequence of a block.
    pub(crate) fn tag(&self, f: &BlockFeatures) -> Vec<u8> {
        let em: Vec<[f32; NTAGS]> = (0..f.len()).map(|i| self.rows.score(f.of(i))).collect();
        viterbi(&em, &self.trans)
    }
}

/// The best tag sequence for emission scores `em` and transitions `trans` (row
/// [`NTAGS`] is the start), under [`allowed`].
pub(crate) fn viterbi(em: &[[f32; NTAGS]], trans: &[[f32; NTAGS]]) -> Vec<u8> {
    crate::learn::viterbi::viterbi(em, trans, allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_bio_holds() {
        for role in [Role::Source, Role::Cue, Role::Content] {
            for begin in [true, false] {
                assert_eq!(untag(tag(role, begin)), Some((role, begin)));
            }
        }
        assert!(!allowed(None, tag(Role::Cue, false)));
        assert!(!allowed(
            Some(tag(Role::Source, true)),
            tag(Role::Cue, false)
        ));
        assert!(allowed(Some(tag(Role::Cue, true)), tag(Role::Cue, false)));
        // Emissions favour I-Cue at the start; the constraint forbids it.
        let mut em = [[0f32; NTAGS]; 2];
        em[0][tag(Role::Cue, false) as usize] = 5.0;
        let path = viterbi(&em, &[[0f32; NTAGS]; NTAGS + 1]);
        assert_ne!(path[0], tag(Role::Cue, false));
    }

    #[test]
    fn model_file_round_trips_and_refuses_garbage() {
        let w = vec![0.5f32; BUCKETS * NTAGS];
        let m = QuoteModel::quantize(&w, [[0.25; NTAGS]; NTAGS + 1]);
        let bytes = m.to_bytes();
        assert_eq!(
            QuoteModel::from_bytes(&bytes).map(|m| m.to_bytes()).ok(),
            Some(bytes)
        );
        assert!(QuoteModel::from_bytes(b"NPQUOTE1short").is_err());
        assert!(QuoteModel::from_bytes(b"").is_err());
    }
}

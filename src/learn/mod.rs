//! The tagging toolkit every statistical tagger is built from: feature hashing, weight
//! tables, the averaged perceptron, and decoding under transition constraints.
//!
//! ```text
//! features ─► hash ─► rows of a weight table (table: sparse, hashed; dense: bucketed)
//!          ─► per-token tag scores ─► viterbi (first-order) or beam (tag-history features)
//!          ─► tags
//! training: perceptron (averaged, dense f32) ─► quantized into a table
//! ```
//!
//! A tagger brings what is its own: its feature templates, its tag set and which tag may
//! follow which, given to the decoders as a function or a bit mask. Nothing here knows
//! a tag's meaning. Everything is pure, synchronous and deterministic: a model trained
//! twice on the same data is the same file.

pub(crate) mod beam;
pub(crate) mod bytes;
pub(crate) mod dense;
pub(crate) mod hash;
#[cfg(feature = "train")]
pub(crate) mod perceptron;
pub(crate) mod table;
pub(crate) mod viterbi;

//! Statistical named-entity recognizer trained by our own code on CoNLL-2003.
//!
//! A left-to-right averaged perceptron over BILOU tags with hashed features (word, shape,
//! affixes, context window, word clusters, previous tags) and a second, document-level pass
//! that sees what the first pass said about the same word elsewhere in the article. Both
//! passes are trained with a beam of two and max-violation updates (`learn_beam`) and
//! decoded with a beam of three (`decode::tag_document`); a title-case headline is shown to
//! the model in sentence case (`headline`). Weights are quantized to `i16` and embedded in
//! the binary. Hashing, the weight table, the perceptron and the beam search are the
//! toolkit's (`crate::learn`); the feature templates, the BILOU tag set and its
//! transition rule (`tags::allowed_mask`) are this module's.

mod clusters;
#[cfg(feature = "train")]
pub mod conll;
mod context;
mod decode;
mod features;
mod headline;
#[cfg(feature = "train")]
mod learn_beam;
mod lex;
mod lexicon;
mod model;
mod names;
#[cfg(feature = "train")]
mod perceptron;
mod tags;
#[cfg(feature = "train")]
pub mod train;
mod word_rows;

pub use model::{ModelError, NerModel};

use crate::text::Span;
use std::ops::Range;

/// The four CoNLL-2003 entity types the model predicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerLabel {
    /// A person.
    Per,
    /// An organization.
    Org,
    /// A location.
    Loc,
    /// Other names: nationalities, events, products, works.
    Misc,
}

impl NerLabel {
    /// All labels in tag order, so a label's index is stable across model files.
    pub const ALL: [NerLabel; 4] = [NerLabel::Per, NerLabel::Org, NerLabel::Loc, NerLabel::Misc];

    /// The CoNLL name (`PER`, `ORG`, `LOC`, `MISC`), used in reports and data files.
    pub fn as_str(self) -> &'static str {
        match self {
            NerLabel::Per => "PER",
            NerLabel::Org => "ORG",
            NerLabel::Loc => "LOC",
            NerLabel::Misc => "MISC",
        }
    }

    /// Parses a CoNLL type name; `None` for anything else.
    pub fn from_conll(name: &str) -> Option<NerLabel> {
        NerLabel::ALL.into_iter().find(|l| l.as_str() == name)
    }

    /// Position in [`NerLabel::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One entity mention found by the model.
#[derive(Debug, Clone, PartialEq)]
pub struct NerMention {
    /// Byte range from the start of the first token to the end of the last.
    pub span: Span,
    /// Index range into the token slice given to [`NerModel::recognize`].
    pub tokens: Range<usize>,
    /// The predicted type.
    pub label: NerLabel,
    /// Rough probability in `0..=1`: the least confident token's softmax over tag scores.
    pub confidence: f32,
}

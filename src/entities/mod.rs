//! Entities: recognizers propose candidates, assembly turns them into entities.
//!
//! ```text
//! text ─┬─ ner (model) ─────────┐
//!       ├─ gazetteer ───────────┤
//!       ├─ time (crate::time) ──┤ Vec<Candidate> ── assemble ──> Vec<Entity>
//!       ├─ metadata ────────────┤   merge → people → mentions → nominals
//!       ├─ numeric rules ───────┤   → titles → acronyms → salience → ids
//!       └─ titles lexicon ──────┘
//! ```
//! Every recognizer implements [`Recognizer`] over a [`DocView`]; [`assemble()`]
//! is the only place that knows how their outputs combine.
//!
//! Where things live: `types` (the public vocabulary), `candidate` (the
//! recognizer contract), `merge` (overlap priorities), `numeric` + `units` and
//! `titles` (rule recognizers), `people` (title chains), `grouping` + `mentions`
//! (clusters), `nominals` ("the colonel general"), `acronyms`, `salience`,
//! `assemble` (the order of passes).

pub mod gazetteer;
pub mod ner;

mod acronyms;
pub mod adapters;
pub mod assemble;
pub mod candidate;
pub mod error;
pub mod eval;
mod grouping;
pub mod institutions;
mod mentions;
pub mod merge;
mod nominals;
pub mod numeric;
mod people;
pub mod salience;
pub mod titles;
pub mod types;
mod units;

#[cfg(test)]
mod tests;

pub use assemble::assemble;
pub use candidate::{Candidate, DocView, Recognizer, Source};
pub use error::LexiconError;
pub use merge::{merge, merge_with_parts, Merged};
pub use numeric::NumericRecognizer;
pub use titles::TitleRecognizer;
pub use types::{
    Attributes, Entity, EntityType, Links, Mention, MentionKind, NumericAttrs, PersonAttrs,
    TimexAttrs, TimexType, TitleAttrs, TitleKind,
};

//! Entities: one stage ([`EntityStage`]) whose recognizers propose candidates of
//! one shape, one resolver that decides between them, and assembly into entities.
//!
//! ```text
//!                  ┌─ ModelNames (ner, contextual) ──┐
//!                  ├─ GazetteerNames (lists) ────────┤
//!     Doc ─► stage ├─ numeric, titles, institutions ─┤ Vec<Candidate>
//!                  ├─ ContactNames (metadata) ───────┤      │  + time (crate::time)
//!                  └─ (one file + one line each) ────┘      ▼
//!   resolve: repairs → precedence → parts ─► assemble: people → mentions → nominals
//!                                            → titles → acronyms → salience → ids
//! ```
//! Every recognizer implements [`Recognizer`] over a [`crate::doc::Doc`]; [`resolve()`]
//! is the only place that decides how their outputs combine.
//!
//! Where things live: `types` (the public vocabulary), `candidate` (the
//! recognizer contract), `stage` (the stage), `recognizers` (the registry and the
//! adapters of the model, gazetteer and metadata), `numeric` + `units`, `titles`
//! and `institutions` (rule recognizers), `resolve` (repairs, precedence, nested
//! parts), `people` (title chains), `grouping` + `mentions` (clusters),
//! `nominals` ("the colonel general"), `acronyms`, `salience`, `assemble` (the
//! order of passes). Accuracy as served is measured above the pipeline, in
//! [`crate::eval`].

pub mod gazetteer;
pub mod ner;

mod acronyms;
mod assemble;
mod candidate;
mod companies;
mod error;
mod grouping;
pub(crate) mod institutions;
mod mentions;
mod nominals;
mod numeric;
mod people;
mod product_list;
mod products;
pub mod recognizers;
pub(crate) mod resolve;
mod salience;
mod stage;
mod titles;
mod types;
mod units;
mod words;

#[cfg(test)]
mod tests;

pub use assemble::assemble;
pub use candidate::{Candidate, Recognizer, Source};
pub use companies::Companies;
pub use error::LexiconError;
pub use numeric::NumericRecognizer;
pub use resolve::{merge, resolve, Resolved};
pub use stage::EntityStage;
pub use titles::TitleRecognizer;
pub use types::{
    Attributes, Entity, EntityType, GeoNamesId, Links, Mention, MentionKind, NumericAttrs,
    PersonAttrs, TimexAttrs, TimexType, TitleAttrs, TitleKind,
};

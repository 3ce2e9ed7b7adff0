//! The recognizers of the entity stage, each proposing [`Candidate`]s of one shape.
//!
//! What a candidate's `confidence` means is the same for all of them: the
//! recognizer's estimate that the span *and* its type are right (see
//! [`Candidate::confidence`]); the resolver (`super::resolve`) decides overlaps.
//!
//! # Adding a recognizer
//!
//! A new recognizer is one file here and two lines elsewhere:
//!
//! 1. A struct holding what it loaded (shared tables behind an `Arc`), built once
//!    by `crate::resources` and handed over in [`Parts`]; loading may fail with a
//!    typed error, recognizing may not.
//! 2. `impl Recognizer` whose `recognize(&self, doc: &Doc) -> Vec<Candidate>`
//!    reads only the [`crate::doc::Doc`] and never panics, whatever the text: every
//!    span a byte range on char boundaries inside `doc.text`, every confidence in
//!    `[0, 1]`, and `source` the [`super::Source`] that ranks it in `merge`.
//!    Overlaps with other recognizers are fine; the resolver decides them.
//! 3. One line in [`builtin`], so the pipeline runs it.
//! 4. One line in the `recognizer_contract!` list at the end of `contract.rs`, which
//!    checks those promises on awkward input (empty, emoji, CRLF, curly quotes ...)
//!    for every recognizer; unit tests of what it finds go beside it in its file.

mod contacts;
#[cfg(test)]
mod contract;
mod lists;
mod model;
mod timex;

pub use contacts::{AgencyNames, ContactNames};
pub use lists::{gazetteer_candidates, GazetteerNames};
pub use model::ModelNames;
pub(crate) use timex::timex_candidates;

use super::companies::{Companies, CompanyNames};
use super::gazetteer::Gazetteer;
use super::institutions::InstitutionRecognizer;
use super::ner::NerModel;
use super::{Candidate, NumericRecognizer, Recognizer, TitleRecognizer};
use std::sync::Arc;

/// The loaded models and lexicons the built-in recognizers run on (loaded and
/// validated once by `crate::resources`).
pub struct Parts {
    /// The statistical NER model.
    pub model: Arc<NerModel>,
    /// Places, organizations, nationalities and events with their ids.
    pub gazetteer: Arc<Gazetteer>,
    /// Numbers, money, percentages and units.
    pub numeric: NumericRecognizer,
    /// Ranks, offices and honorifics.
    pub titles: TitleRecognizer,
    /// State institutions.
    pub institutions: InstitutionRecognizer,
    /// Listed and well-known companies with their ids.
    pub companies: Arc<Companies>,
}

/// Every recognizer of names, numbers, titles and contacts, in no particular
/// order (the resolver does not depend on it).
pub fn builtin(parts: Parts) -> Vec<Box<dyn Recognizer>> {
    vec![
        Box::new(ModelNames::new(parts.model, Arc::clone(&parts.gazetteer))),
        Box::new(GazetteerNames::new(parts.gazetteer)),
        Box::new(parts.numeric),
        Box::new(parts.titles),
        Box::new(parts.institutions),
        Box::new(ContactNames),
        Box::new(AgencyNames),
        Box::new(CompanyNames::new(parts.companies)),
    ]
}

/// Runs every recognizer over `doc`.
pub fn recognize_all(
    recognizers: &[Box<dyn Recognizer>],
    doc: &crate::doc::Doc<'_>,
) -> Vec<Candidate> {
    recognizers.iter().flat_map(|r| r.recognize(doc)).collect()
}

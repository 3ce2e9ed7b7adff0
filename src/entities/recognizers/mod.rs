//! The recognizers of the entity stage, each proposing [`Candidate`]s of one shape.
//!
//! A new recognizer is one file here implementing [`Recognizer`] plus one line in
//! [`builtin`]. What a candidate's `confidence` means is the same for all of them:
//! the recognizer's estimate that the span *and* its type are right (see
//! [`Candidate::confidence`]); the resolver (`super::resolve`) decides overlaps.

mod contacts;
mod lists;
mod model;
mod timex;

pub use contacts::ContactNames;
pub use lists::{gazetteer_candidates, GazetteerNames};
pub use model::ModelNames;
pub use timex::timex_candidates;

use super::gazetteer::Gazetteer;
use super::institutions::InstitutionRecognizer;
use super::ner::NerModel;
use super::{Candidate, LexiconError, NumericRecognizer, Recognizer, TitleRecognizer};

/// Every recognizer of names, numbers, titles and contacts, in no particular
/// order (the resolver does not depend on it).
pub fn builtin(
    model: &'static NerModel,
    gazetteer: &'static Gazetteer,
) -> Result<Vec<Box<dyn Recognizer>>, LexiconError> {
    Ok(vec![
        Box::new(ModelNames::new(model, gazetteer)),
        Box::new(GazetteerNames::new(gazetteer)),
        Box::new(NumericRecognizer::new()?),
        Box::new(TitleRecognizer::builtin()?),
        Box::new(InstitutionRecognizer::builtin()?),
        Box::new(ContactNames),
    ])
}

/// Runs every recognizer over `doc`.
pub fn recognize_all(
    recognizers: &[Box<dyn Recognizer>],
    doc: &super::DocView<'_>,
) -> Vec<Candidate> {
    recognizers.iter().flat_map(|r| r.recognize(doc)).collect()
}

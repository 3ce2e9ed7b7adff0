//! Names found by the statistical model (contextual PER/ORG/LOC/MISC), fine-typed
//! and linked through the gazetteer.

use super::lists::linked;
use crate::entities::gazetteer::{self, Coarse, Gazetteer};
use crate::entities::ner::{NerLabel, NerModel};
use crate::entities::{Candidate, DocView, Recognizer, Source};
use std::sync::Arc;

/// The NER model over the readable sentences of a document.
#[derive(Clone)]
pub struct ModelNames {
    model: Arc<NerModel>,
    gazetteer: Arc<Gazetteer>,
}

impl ModelNames {
    /// A recognizer over a loaded model; the gazetteer refines and links its names.
    pub fn new(model: Arc<NerModel>, gazetteer: Arc<Gazetteer>) -> Self {
        ModelNames { model, gazetteer }
    }
}

impl Recognizer for ModelNames {
    /// The model's confidence is its least confident token's tag probability.
    fn recognize(&self, doc: &DocView<'_>) -> Vec<Candidate> {
        let title = doc.metadata.and_then(|m| m.title.as_ref()).map(|t| t.span);
        let found = self
            .model
            .recognize_titled(doc.text, doc.tokens, doc.readable, title);
        found
            .into_iter()
            .map(|m| {
                let coarse = match m.label {
                    NerLabel::Per => Coarse::Per,
                    NerLabel::Org => Coarse::Org,
                    NerLabel::Loc => Coarse::Loc,
                    NerLabel::Misc => Coarse::Misc,
                };
                let (fine, id) = gazetteer::refine(&self.gazetteer, m.span.slice(doc.text), coarse);
                let cand = Candidate::new(m.span, fine, Source::Model, m.confidence);
                linked(&self.gazetteer, cand, id)
            })
            .collect()
    }
}

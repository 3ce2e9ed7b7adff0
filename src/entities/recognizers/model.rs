//! Names found by the statistical model (contextual PER/ORG/LOC/MISC), fine-typed
//! and linked through the gazetteer.

use super::lists::linked;
use crate::doc::Doc;
use crate::entities::gazetteer::{self, Gazetteer};
use crate::entities::ner::{NerLabel, NerModel};
use crate::entities::{Candidate, Recognizer, Source};
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
    /// The model's confidence is its least confident token's tag probability. A name
    /// inside the dateline's place is typed a place.
    fn recognize(&self, doc: &Doc<'_>) -> Vec<Candidate> {
        let found = self
            .model
            .recognize_titled(doc.text, &doc.tokens, &doc.sentences, doc.title());
        let dateline = doc.dateline_place();
        found
            .into_iter()
            .filter(|m| !is_pronoun_contraction(m.span.slice(doc.text)))
            .map(|m| {
                // A dateline names where the story was filed: a place, whatever
                // the model made of the capitals ("NEW ORLEANS (AP) —").
                let in_dateline =
                    dateline.is_some_and(|d| d.start <= m.span.start && m.span.end <= d.end);
                let coarse = if in_dateline { NerLabel::Loc } else { m.label };
                let (fine, id) = gazetteer::refine(&self.gazetteer, m.span.slice(doc.text), coarse);
                let cand = Candidate::new(m.span, fine, Source::Model, m.confidence);
                linked(&self.gazetteer, cand, id)
            })
            .collect()
    }
}

/// "We've", "I'll", "They’re": a pronoun with a contracted verb, one token for our
/// tokenizer but two in CoNLL's (so the model never saw it whole) and never a name.
fn is_pronoun_contraction(word: &str) -> bool {
    let Some((pronoun, verb)) = word.split_once(['\'', '’']) else {
        return false;
    };
    let pronoun = pronoun.to_ascii_lowercase();
    matches!(
        pronoun.as_str(),
        "i" | "you" | "we" | "they" | "he" | "she" | "it" | "that"
    ) && matches!(verb, "ll" | "ve" | "re" | "m" | "d" | "s")
}

#[cfg(test)]
mod tests {
    use super::is_pronoun_contraction;

    #[test]
    fn pronoun_contractions_are_no_names() {
        for w in ["We've", "I'll", "They’re", "I'm", "It's"] {
            assert!(is_pronoun_contraction(w), "{w}");
        }
        for w in ["O'Brien", "D'Angelo", "We", "Ivy's", "Weve"] {
            assert!(!is_pronoun_contraction(w), "{w}");
        }
    }
}

//! The entity stage as one piece: it owns the recognizers (statistical model,
//! gazetteers, rule lexicons), runs them over a document, and hands all their
//! candidates to the one resolver and then to assembly.
//!
//! ```text
//! DocView ─► recognizers (model, gazetteer, numeric, titles, institutions, contacts)
//!                │  + time expressions from the time stage
//!                ▼
//!          Vec<Candidate> ─► resolve (repairs, precedence, parts) ─► assemble ─► Vec<Entity>
//! ```

use super::{assemble, products, recognizers, Candidate, Companies, DocView, Entity, Recognizer};
use std::sync::Arc;

/// Loaded recognizers, built once per process and shared by all requests.
pub struct EntityStage {
    recognizers: Vec<Box<dyn Recognizer>>,
    /// Makers for the product rules.
    companies: Arc<Companies>,
}

impl std::fmt::Debug for EntityStage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntityStage")
            .field("recognizers", &self.recognizers.len())
            .finish()
    }
}

impl EntityStage {
    /// A stage over the given recognizers.
    pub fn new(recognizers: Vec<Box<dyn Recognizer>>, companies: Arc<Companies>) -> Self {
        EntityStage {
            recognizers,
            companies,
        }
    }

    /// The built-in recognizers over loaded models and lexicons.
    pub fn builtin(parts: recognizers::Parts) -> Self {
        let companies = Arc::clone(&parts.companies);
        Self::new(recognizers::builtin(parts), companies)
    }

    /// Every recognizer's candidates for `doc`, unresolved.
    pub fn candidates(&self, doc: &DocView<'_>) -> Vec<Candidate> {
        recognizers::recognize_all(&self.recognizers, doc)
    }

    /// The document's entities: `extra` candidates (time expressions) join the
    /// recognizers' own when `names` is set, else they are resolved alone.
    pub fn entities(&self, doc: &DocView<'_>, names: bool, extra: Vec<Candidate>) -> Vec<Entity> {
        let mut cands = if names {
            self.candidates(doc)
        } else {
            Vec::new()
        };
        if names {
            let makers = self.companies.makers(doc.text, &cands);
            let found = products::propose(doc, &cands, &|n| makers.is_maker(n));
            cands.extend(found);
        }
        cands.extend(extra);
        assemble(doc, cands)
    }
}

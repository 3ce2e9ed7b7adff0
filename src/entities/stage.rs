//! The entity stage as one piece: it owns the recognizers (statistical model,
//! gazetteers, rule lexicons), runs them over a document, and hands all their
//! candidates, with the time stage's expressions, to the one resolver, then to
//! assembly and the country codes of the wire.
//!
//! ```text
//! Doc ─► recognizers (model, gazetteer, numeric, titles, institutions, contacts)
//!          │  + time expressions from the time stage (as candidates)
//!          ▼
//!    Vec<Candidate> ─► resolve (repairs, precedence, parts) ─► assemble
//!                   ─► country codes ─► Vec<Entity>
//! ```

use super::gazetteer::Gazetteer;
use super::recognizers::{self, timex_candidates};
use super::{assemble, products, Candidate, Companies, Entity, Recognizer};
use crate::doc::Doc;
use crate::time::Timex;
use std::sync::Arc;

/// Loaded recognizers, built once per process and shared by all requests.
pub struct EntityStage {
    recognizers: Vec<Box<dyn Recognizer>>,
    /// Makers for the product rules.
    companies: Arc<Companies>,
    /// Country codes of the entities the stage names.
    gazetteer: Arc<Gazetteer>,
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
    pub fn new(
        recognizers: Vec<Box<dyn Recognizer>>,
        companies: Arc<Companies>,
        gazetteer: Arc<Gazetteer>,
    ) -> Self {
        EntityStage {
            recognizers,
            companies,
            gazetteer,
        }
    }

    /// The built-in recognizers over loaded models and lexicons.
    pub fn builtin(parts: recognizers::Parts) -> Self {
        let companies = Arc::clone(&parts.companies);
        let gazetteer = Arc::clone(&parts.gazetteer);
        Self::new(recognizers::builtin(parts), companies, gazetteer)
    }

    /// Every recognizer's candidates for `doc`, unresolved.
    pub fn candidates(&self, doc: &Doc<'_>) -> Vec<Candidate> {
        recognizers::recognize_all(&self.recognizers, doc)
    }

    /// The document's entities: the time stage's `times` join the recognizers'
    /// candidates when `names` is set, else they are resolved alone.
    pub fn entities(&self, doc: &Doc<'_>, names: bool, times: &[Timex]) -> Vec<Entity> {
        let mut cands = if names {
            self.candidates(doc)
        } else {
            Vec::new()
        };
        if names {
            let makers = self.companies.makers(doc.text, &cands);
            let found = products::propose(doc, &cands, &makers);
            cands.extend(found);
        }
        cands.extend(timex_candidates(times));
        let mut entities = assemble(doc, cands);
        self.add_country_codes(&mut entities);
        entities
    }

    /// The wire promises ISO 3166-1 codes beside country names; assembly names
    /// countries, so their codes are looked up once, here.
    fn add_country_codes(&self, entities: &mut [Entity]) {
        let code = |name: &Option<String>| {
            name.as_deref()
                .and_then(|n| self.gazetteer.country_code(n))
                .map(str::to_owned)
        };
        for e in entities {
            e.attributes.country_code = code(&e.attributes.country);
            if let Some(p) = e.attributes.person.as_mut() {
                p.country_code = code(&p.country);
            }
        }
    }
}

//! Handles, URLs and e-mail addresses, as the metadata stage found them.

use crate::entities::{Candidate, DocView, EntityType, Recognizer, Source};

/// Turns the metadata stage's contacts into HANDLE, URL and EMAIL candidates
/// (exact lexical forms: confidence 1).
#[derive(Debug, Clone, Copy, Default)]
pub struct ContactNames;

impl Recognizer for ContactNames {
    fn recognize(&self, doc: &DocView<'_>) -> Vec<Candidate> {
        let Some(md) = doc.metadata else {
            return Vec::new();
        };
        let handles = md.handles.iter().map(|h| (h.span, EntityType::Handle));
        let urls = md.urls.iter().map(|u| (u.span, EntityType::Url));
        let emails = md.emails.iter().map(|e| (e.span, EntityType::Email));
        handles
            .chain(urls)
            .chain(emails)
            .map(|(span, kind)| Candidate::new(span, kind, Source::Metadata, 1.0))
            .collect()
    }
}

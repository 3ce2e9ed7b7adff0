//! Handles, URLs and e-mail addresses, and the news agencies the text credits, as the
//! metadata stage found them.

use crate::doc::Doc;
use crate::entities::{Candidate, EntityType, Links, Recognizer, Source};

/// Turns the metadata stage's contacts into HANDLE, URL and EMAIL candidates
/// (exact lexical forms: confidence 1).
#[derive(Debug, Clone, Copy, Default)]
pub struct ContactNames;

impl Recognizer for ContactNames {
    fn recognize(&self, doc: &Doc<'_>) -> Vec<Candidate> {
        let md = &doc.metadata;
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

/// Agencies the metadata stage found in the text a reader reads ("BEIJING, Feb. 6
/// (Xinhua) --", "Trend reported"): ORG with the agency's Wikidata item. The agency table
/// knows them by exact name, so the metadata's reading outranks the model's, which often
/// calls a bracketed agency a place. Agencies in bylines and header lines are left out:
/// the model never reads those lines.
#[derive(Debug, Clone, Copy, Default)]
pub struct AgencyNames;

/// An agency in a dateline or an attribution is the table's name in the right place,
/// but the name could still be a word that means something else there.
const AGENCY_CONFIDENCE: f32 = 0.95;

impl Recognizer for AgencyNames {
    fn recognize(&self, doc: &Doc<'_>) -> Vec<Candidate> {
        let readable = |span: crate::text::Span| {
            doc.sentences
                .iter()
                .any(|s| s.span.start <= span.start && span.end <= s.span.end)
        };
        doc.metadata
            .agencies
            .iter()
            .filter(|a| readable(a.span))
            .map(|a| Candidate {
                link: a.qid.as_ref().map(|q| Links {
                    wikidata: Some(q.clone()),
                    ..Links::default()
                }),
                ..Candidate::new(a.span, EntityType::Org, Source::Metadata, AGENCY_CONFIDENCE)
            })
            .collect()
    }
}

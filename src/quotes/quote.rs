//! What the quote stage answers: one attribution and how it renders the words.

use crate::text::Span;
use serde::Serialize;

/// How a quote renders what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum QuoteKind {
    /// The source's own words, inside quotation marks.
    Direct,
    /// Reported speech or an inner state, with no quotation marks.
    Indirect,
    /// Reported speech with quoted words inside.
    Mixed,
}

/// One attribution: what was said, the attributing words, and by whom.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// What was said, in text order; several spans when interrupted by the attribution.
    pub content: Vec<Span>,
    /// The attributing words ("said", "according to"), when found.
    pub cue: Option<Span>,
    /// The speaker as written ("he", "Sadigov", "a source"), when named.
    pub source: Option<Span>,
    /// Id of the entity the source refers to, when resolved.
    pub speaker_entity_id: Option<String>,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
}

//! The contract between recognizers and the assembly stage.
//!
//! Every recognizer (statistical model, gazetteer, time expressions, metadata,
//! numeric rules, title lexicon) reads a [`Doc`] and proposes [`Candidate`]s;
//! `merge` then removes overlaps and `assemble` turns the survivors into entities.

use super::types::{EntityType, Links, NumericAttrs, TimexAttrs, TitleAttrs};
use crate::doc::Doc;
use crate::text::Span;

/// Which kind of recognizer proposed a candidate; `merge` ranks them by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// The statistical tagger (PER/ORG/LOC/MISC).
    Model,
    /// A gazetteer lookup, usually with links.
    Gazetteer,
    /// Hand-written rules: numbers, titles.
    Rule,
    /// The time-expression stage.
    Timex,
    /// The metadata stage: handles, URLs, e-mail addresses.
    Metadata,
}

/// A proposed entity mention, before overlaps are resolved and mentions grouped.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Byte range of the mention; must not start or end inside a UTF-8 character.
    pub span: Span,
    /// Proposed type.
    pub kind: EntityType,
    /// Who proposed it.
    pub source: Source,
    /// The recognizer's estimate, in `[0, 1]`, that both the span and the type are
    /// right; it means the same for every recognizer, so the resolver may compare
    /// it across them (it does so only between candidates of equal standing).
    pub confidence: f32,
    /// Knowledge-base ids (gazetteer); also groups mentions sharing an id.
    pub link: Option<Links>,
    /// TimeML value (time stage; required for DATE/TIME/DURATION/SET to group).
    pub timex: Option<TimexAttrs>,
    /// Normalized number (numeric rules).
    pub numeric: Option<NumericAttrs>,
    /// Lexicon data (title rules; required for TITLE).
    pub title: Option<TitleAttrs>,
    /// Country the name belongs to, by name: the country itself for a country,
    /// the containing country for a city, the country of a nationality word.
    pub country: Option<String>,
    /// A key that joins mentions of one thing written differently: a product's
    /// model without its maker ("A321neo" for "Airbus A321neo" and "the A321neos").
    pub group: Option<String>,
}

impl Candidate {
    /// A bare candidate; the optional parts are filled with struct-update syntax.
    pub fn new(span: Span, kind: EntityType, source: Source, confidence: f32) -> Self {
        Candidate {
            span,
            kind,
            source,
            confidence,
            link: None,
            timex: None,
            numeric: None,
            title: None,
            country: None,
            group: None,
        }
    }

    /// The covered text, or "" when the span does not fit `text` (never panics).
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.start..self.span.end).unwrap_or("")
    }
}

/// Anything that proposes entity candidates for a document.
///
/// Implementations are loaded once and shared across request threads.
pub trait Recognizer: Send + Sync {
    /// Proposes candidates; they may overlap each other and other recognizers' output.
    fn recognize(&self, doc: &Doc<'_>) -> Vec<Candidate>;
}

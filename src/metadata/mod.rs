//! Article layout and metadata from plain text (no HTML).
//!
//! ```text
//! text ─ wrap::segment ─> blocks ─ layout::classify ─> Title/Header/Byline/Body/Boilerplate
//!                                       ├─ header   published/updated date, authors, agencies
//!                                       └─ boilerplate  separators, follow-us, copyright ...
//! first Body ─ dateline ─> place/date/agency, then the lead sentence (body.rs)
//! Body blocks ─ attribution ("X reports ... citing Y"), language (prose words only), word count
//! whole text ─ contacts (handles, URLs, emails) ─ publisher (handle table, copyright, rule)
//! ```
//! Every reported value carries a [`Span`](crate::text::Span) into the untouched input.

#![warn(missing_docs)]

mod agencies;
mod analyze;
mod attribution;
mod body;
mod boilerplate;
mod clock;
mod contacts;
mod ctx;
mod cues;
mod dateline;
mod header;
mod language;
mod layout;
mod names;
mod piece;
mod publisher;
mod relative;
mod tables;
mod types;
mod wrap;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fixtures;
#[cfg(test)]
mod tests_layouts;

pub use agencies::{agency_rows, Agency, AgencyRow, AgencyTable, TableError};
#[cfg(test)]
pub(crate) use analyze::analyze;
pub use analyze::{analyze_at, analyze_with};
pub use cues::Cues;
pub(crate) use layout::is_minor;
pub use tables::{Tables, TablesError};
pub use types::*;

/// Finds dates in short snippets; implemented by the time-expression recognizer so this
/// module does not depend on it.
pub trait DateResolver {
    /// Finds the first date in `snippet`, normalized against `anchor` (ISO yyyy-mm-dd) if given.
    fn first_date(&self, snippet: &str, anchor: Option<&str>) -> Option<FoundDate>;
}

/// A date found by a [`DateResolver`] inside the snippet it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte range within the snippet (not the article).
    pub span: std::ops::Range<usize>,
    /// ISO 8601 calendar date, e.g. `2020-02-06`.
    pub value: String,
}

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
//! Every reported value carries a [`Span`] into the untouched input.

#![warn(missing_docs)]

mod agencies;
mod attribution;
mod body;
mod boilerplate;
mod clock;
mod contacts;
mod dateline;
mod header;
mod language;
mod layout;
mod names;
mod piece;
mod publisher;
mod relative;
mod types;
mod wrap;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fixtures;
#[cfg(test)]
mod tests_layouts;

pub use agencies::{Agency, AgencyTable, TableError};
pub use attribution::Cues;
pub(crate) use layout::is_minor;
pub use types::*;

use crate::text::Span;
use piece::Piece;

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

/// The stage's loaded resources: the agency table and the attribution cue matcher.
#[derive(Debug, Clone)]
pub struct Tables {
    /// News agencies and publishers.
    pub agencies: AgencyTable,
    /// Attribution cue phrases.
    pub cues: Cues,
}

/// Why [`Tables`] could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum TablesError {
    /// `data/agencies.tsv` is malformed.
    #[error("agency table (data/agencies.tsv): {0}")]
    Agencies(#[from] TableError),
    /// The attribution cue matcher could not be built.
    #[error("attribution cue matcher: {0}")]
    Cues(#[from] aho_corasick::BuildError),
}

impl Tables {
    /// The tables compiled into the crate.
    pub fn builtin() -> Result<Tables, TablesError> {
        Tables::with_agencies(AgencyTable::builtin()?)
    }

    /// The built-in cues with a caller-supplied agency table.
    pub fn with_agencies(agencies: AgencyTable) -> Result<Tables, TablesError> {
        Ok(Tables {
            agencies,
            cues: Cues::build()?,
        })
    }
}

/// Lays out and extracts metadata from `text` with the built-in tables (tests).
#[cfg(test)]
pub(crate) fn analyze(text: &str, dates: &dyn DateResolver) -> Article {
    static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    let tables = TABLES.get_or_init(|| Tables::builtin().expect("built-in tables load"));
    analyze_with(text, dates, tables)
}

/// Lays out and extracts metadata from `text` with tables loaded once by the caller.
pub fn analyze_with(text: &str, dates: &dyn DateResolver, tables: &Tables) -> Article {
    analyze_at(text, dates, tables, None, None)
}

/// Like [`analyze_with`], with the caller's document date (ISO 8601 date or date-time):
/// relative header dates (`Published 3 hours ago`) resolve against it, and only
/// against it; without it they are reported with an empty value (found, unresolved).
/// A `language_hint` (ISO 639-1, checked by the caller) is taken as the language and
/// the detector is not run: the caller knows, and detection is a tenth of the work.
pub fn analyze_at(
    text: &str,
    dates: &dyn DateResolver,
    tables: &Tables,
    document_date: Option<&str>,
    language_hint: Option<&str>,
) -> Article {
    let ctx = Ctx {
        text,
        dates,
        agencies: &tables.agencies,
        tables,
        document_date,
    };
    let mut meta = Metadata::default();
    let blocks = layout::classify(&ctx, &wrap::segment(text), &mut meta);
    let bodies: Vec<Span> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .map(|b| b.span)
        .collect();
    let anchor = meta.published.as_ref().map(|d| d.value.clone());
    for span in &bodies {
        attribution::scan(&ctx, Piece::of(text, *span), anchor.as_deref(), &mut meta);
    }
    body::fill(text, &bodies, language_hint, &mut meta);
    contacts::scan(text, &mut meta);
    meta.publisher = publisher::derive(&ctx, &blocks, &meta);
    Article {
        layout: Layout { blocks },
        metadata: meta,
    }
}

/// What every stage needs: the input, the date resolver and the agency table.
pub(crate) struct Ctx<'a> {
    text: &'a str,
    dates: &'a dyn DateResolver,
    agencies: &'a AgencyTable,
    tables: &'a Tables,
    /// The caller's document date, the only anchor for `3 hours ago`.
    document_date: Option<&'a str>,
}

impl Ctx<'_> {
    /// First date in `p`, with the resolver's span checked and mapped into the input.
    fn date_in(&self, p: Piece<'_>, anchor: Option<&str>) -> Option<DateField> {
        let found = self.dates.first_date(p.s, anchor)?;
        let r = found.span;
        p.s.get(r.clone())?;
        if r.is_empty() || found.value.is_empty() {
            return None;
        }
        let span = Span::new(p.off + r.start, p.off + r.end);
        Some(DateField {
            value: found.value,
            span,
        })
    }

    /// The agency named exactly by `p` (case-insensitive), as a reference with its span.
    fn agency(&self, p: Piece<'_>) -> Option<AgencyRef> {
        let a = self.agencies.lookup(p.s)?;
        Some(AgencyRef::new(a, p.span()))
    }
}

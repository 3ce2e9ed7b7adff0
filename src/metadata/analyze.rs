//! The stage in order: lines into blocks, blocks into a layout, then each field from the
//! blocks it can come from.

use super::ctx::Ctx;
use super::piece::Piece;
use super::tables::Tables;
use super::types::{Article, BlockKind, Layout, Metadata};
use super::{attribution, body, contacts, layout, publisher, wrap, DateResolver};
use crate::text::Span;

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

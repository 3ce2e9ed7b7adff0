//! Quotes to wire messages, every span in the client's offset unit.

use super::pb;
use super::wire::Wire;
use crate::quotes::{Quote, QuoteKind};
use crate::text::Span;

/// The response's `quotes`.
pub(super) fn quotes(w: &Wire<'_>, quotes: &[Quote]) -> Vec<pb::Quote> {
    quotes.iter().map(|q| quote(w, q)).collect()
}

fn quote(w: &Wire<'_>, q: &Quote) -> pb::Quote {
    let part = |s: Span| pb::QuoteSpan {
        text: w.text_of(s),
        span: Some(w.span(s)),
    };
    pb::Quote {
        content: q.content.iter().map(|&s| part(s)).collect(),
        cue: q.cue.map(part),
        source: q.source.map(part),
        speaker_entity_id: q.speaker_entity_id.clone().unwrap_or_default(),
        kind: kind(q.kind) as i32,
    }
}

fn kind(k: QuoteKind) -> pb::QuoteKind {
    match k {
        QuoteKind::Direct => pb::QuoteKind::Direct,
        QuoteKind::Indirect => pb::QuoteKind::Indirect,
        QuoteKind::Mixed => pb::QuoteKind::Mixed,
    }
}

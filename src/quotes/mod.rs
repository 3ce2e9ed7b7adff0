//! Quotes: who said what, with the speaker resolved to an entity.
//!
//! ```text
//! Doc passages ─► quotation marks ─► features ─► Viterbi tagger
//!        ─► Source / Cue / Content spans ─► grouped around each cue ─► speaker entity
//! ```
//!
//! The tagger is a structured averaged perceptron over BIO tags for Source, Cue and
//! Content, trained by [`train`] on the PolNeAR train split (see NOTICE), built from the
//! tagging toolkit (`crate::learn`: the dense weight table, the averaged perceptron and
//! Viterbi) with its own features and BIO rule. Spans are
//! grouped into attributions around their nearest cue (`assemble`); a source is
//! resolved to an entity through the mentions the entity stage grouped ("the colonel
//! general"), pronouns to the nearest fitting entity before them (`speaker`).
//! The stage is pure and total: any text, empty included, gives a (possibly empty)
//! list, never an error.

mod assemble;
#[cfg(feature = "train")]
pub(crate) mod eval;
mod features;
mod lexicon;
mod marks;
mod model;
#[cfg(feature = "train")]
pub mod polnear;
mod quote;
mod speaker;
#[cfg(feature = "train")]
pub mod train;

pub use model::ModelError;
pub(crate) use model::QuoteModel;
pub use quote::{Quote, QuoteKind};

use crate::doc::Doc;
use crate::entities::Entity;
use crate::metadata::BlockKind;
use crate::text::{passages, Passage, Span, Token};
use std::ops::Range;

/// The embedded model, trained by `newsparse train-quotes` (see [`train`]).
static EMBEDDED: &[u8] = include_bytes!("../../models/quotes/model.bin");

/// The quote stage: the loaded tagger.
#[derive(Debug, Clone)]
pub struct QuoteStage {
    model: QuoteModel,
}

impl QuoteStage {
    /// A stage over the given model.
    pub(crate) fn new(model: QuoteModel) -> Self {
        QuoteStage { model }
    }

    /// The stage with the model embedded in the binary.
    pub fn embedded() -> Result<Self, ModelError> {
        QuoteModel::from_bytes(EMBEDDED).map(QuoteStage::new)
    }

    /// The quotes of the document a reader reads: those whose content starts in the
    /// title or body (a header or footer line is never anyone's statement), with
    /// speakers resolved against `entities`. Quotes come in text order of their first content.
    pub fn read(&self, doc: &Doc<'_>, entities: &[Entity]) -> Vec<Quote> {
        let readable = |at: usize| {
            doc.blocks.iter().any(|b| {
                matches!(b.kind, BlockKind::Body | BlockKind::Title)
                    && b.span.start <= at
                    && at < b.span.end
            })
        };
        let mut quotes = self.find(doc.text, &doc.tokens, &doc.passages, entities);
        quotes.retain(|q| q.content.first().is_some_and(|s| readable(s.start)));
        quotes
    }

    /// Finds the quotes of `text` (tokens from [`crate::text::tokenize`]) wherever they
    /// stand, resolving speakers against `entities`. Quotes come in text order of
    /// their first content.
    pub fn extract(&self, text: &str, tokens: &[Token], entities: &[Entity]) -> Vec<Quote> {
        self.find(text, tokens, &passages(text, tokens), entities)
    }

    fn find(
        &self,
        text: &str,
        tokens: &[Token],
        passages: &[Passage],
        entities: &[Entity],
    ) -> Vec<Quote> {
        let blocks: Vec<Range<usize>> = passages.iter().map(|p| p.tokens.clone()).collect();
        let q = marks::quotation(text, tokens, &blocks);
        let resolver = speaker::Resolver::new(text, entities);
        let mut out: Vec<Quote> = Vec::new();
        for Passage {
            tokens: block,
            sentences,
        } in passages
        {
            let before = out.len();
            let f = features::block_features(text, tokens, block.clone(), sentences, &q);
            let tags = self.model.tag(&f);
            let found = assemble::assemble(tokens, block.start, &tags, sentences);
            for mut quote in found.into_iter().flat_map(|x| split_by_kind(x, tokens, &q)) {
                quote.speaker_entity_id = quote.source.and_then(|s| resolver.resolve(s));
                out.push(quote);
            }
            carry_over(&mut out, before);
        }
        out.sort_by_key(|q| q.content.first().map(|s| (s.start, s.end)));
        out
    }
}

/// A paragraph holding only direct quotes with no cue continues the attribution
/// before it: news prose runs a speaker's quotation over several paragraphs and
/// names the speaker once. When that attribution is itself a direct quote, the
/// paragraph's words join it as further content spans (one statement, as with a
/// quote interrupted by "he said"); otherwise they take its cue and source.
/// Quotes from `from` on are this paragraph's.
fn carry_over(out: &mut Vec<Quote>, from: usize) {
    let lone = |q: &Quote| q.cue.is_none() && q.kind == QuoteKind::Direct;
    if from == 0 || from == out.len() || !out[from..].iter().all(lone) {
        return;
    }
    let last_end = |q: &Quote| q.content.last().map_or(0, |s| s.end);
    let Some(at) = (0..from).max_by_key(|&i| last_end(&out[i])) else {
        return;
    };
    let prev = out[at].clone();
    if prev.cue.is_none() {
        return;
    }
    if prev.kind == QuoteKind::Direct {
        let parts: Vec<Span> = out.drain(from..).flat_map(|q| q.content).collect();
        out[at].content.extend(parts);
        return;
    }
    for q in &mut out[from..] {
        q.cue = prev.cue;
        q.source = prev.source;
        q.speaker_entity_id.clone_from(&prev.speaker_entity_id);
    }
}

/// One quote per rendering: a cue whose contents are partly quoted words and partly
/// reported speech ("she said the plan was sound and added: “We start Monday.”")
/// reports two statements, each with its own kind.
fn split_by_kind(quote: Quote, tokens: &[Token], q: &marks::Quotation) -> Vec<Quote> {
    let kinds: Vec<QuoteKind> = quote
        .content
        .iter()
        .map(|s| marks::kind_of(std::slice::from_ref(s), tokens, q))
        .collect();
    let direct = |k: &QuoteKind| *k == QuoteKind::Direct;
    let mut out = Vec::new();
    for want_direct in [true, false] {
        let parts: Vec<Span> = quote
            .content
            .iter()
            .zip(&kinds)
            .filter(|(_, k)| direct(k) == want_direct)
            .map(|(s, _)| *s)
            .collect();
        if !parts.is_empty() {
            let kind = marks::kind_of(&parts, tokens, q);
            out.push(Quote {
                content: parts,
                kind,
                ..quote.clone()
            });
        }
    }
    out
}

/// The trainer and the scorer cut passages the way the served document does.
#[cfg(any(test, feature = "train"))]
pub(crate) use crate::text::passage::passage_ranges as blocks;

#[cfg(test)]
mod tests;

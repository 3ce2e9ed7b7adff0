//! Quotes: who said what, with the speaker resolved to an entity.
//!
//! ```text
//! tokens ─► blocks (paragraphs) ─► quotation marks ─► features ─► Viterbi tagger
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

use crate::entities::Entity;
use crate::text::{Span, Token};
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

    /// Finds the quotes of `text` (tokens from [`crate::text::tokenize`]), resolving
    /// speakers against `entities`. Quotes come in text order of their first content.
    pub fn extract(&self, text: &str, tokens: &[Token], entities: &[Entity]) -> Vec<Quote> {
        let blocks = blocks(text, tokens);
        let q = marks::quotation(text, tokens, &blocks);
        let resolver = speaker::Resolver::new(text, entities);
        let mut out: Vec<Quote> = Vec::new();
        for block in blocks {
            let before = out.len();
            let sentences = features::block_sentences(text, tokens, block.clone());
            let f = features::block_features(text, tokens, block.clone(), &sentences, &q);
            let tags = self.model.tag(&f);
            let found = assemble::assemble(tokens, block.start, &tags, &sentences);
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

/// Paragraph-like blocks of tokens: a gap holding a blank line ends a block, as
/// does a gap of a single line break before a line that opens with a quotation mark
/// or a dash (transcripts, lists). Blocks are token index ranges in order.
pub(crate) fn blocks(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..tokens.len() {
        let gap = text
            .get(tokens[i - 1].span.end..tokens[i].span.start)
            .unwrap_or("");
        if gap.matches('\n').count() >= 2 {
            out.push(start..i);
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests;

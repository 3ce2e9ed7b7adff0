//! The segmented article: one value that every stage after the metadata reads.
//!
//! ```text
//! text ─► metadata::analyze ─► layout + metadata ─┐
//!   └──► tokenize ───────────────────────────────┴─► Doc ─► time, entities, quotes
//! ```
//! Built once per request, so the time, entity and quote stages see the same tokens,
//! the same blocks and the same sentences, and none of them splits the text again.

use crate::metadata::{Article, Block, BlockKind, Metadata};
use crate::text::{passages, split_sentences, tokenize, Passage, Sentence, Span, Token};
use crate::time::{parse_anchor, Anchor};

/// One article, segmented: every span is a byte range into `text`.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The untouched input.
    pub text: &'a str,
    /// Every token of the text, in order: the one token stream of the request.
    pub tokens: Vec<Token>,
    /// The layout's blocks with their kinds, in text order.
    pub blocks: Vec<Block>,
    /// Sentences of the title, dateline and body blocks (the text a reader reads), in
    /// text order; token ranges index `tokens`.
    pub sentences: Vec<Sentence>,
    /// The index into `blocks` of each of `sentences`.
    pub sentence_blocks: Vec<usize>,
    /// The paragraphs the quote tagger reads, cut at blank lines ([`Passage`] says
    /// why they are not `blocks`).
    pub passages: Vec<Passage>,
    /// What relative dates resolve against: the caller's document date, else the
    /// publication date found in the text, else the date it was last updated (a page
    /// may show only that).
    pub anchor: Option<Anchor>,
    /// What the metadata stage found (title, dateline, lead, language, contacts ...).
    pub metadata: Metadata,
}

impl<'a> Doc<'a> {
    /// The document of `text` as the metadata stage laid it out, anchored at the
    /// caller's `document_date` when there is one.
    pub fn new(text: &'a str, article: Article, document_date: Option<Anchor>) -> Self {
        let tokens = tokenize(text);
        let blocks = article.layout.blocks;
        let md = article.metadata;
        let anchor = document_date.or_else(|| {
            md.published
                .as_ref()
                .or(md.updated.as_ref())
                .and_then(|d| parse_anchor(&d.value).ok())
        });
        let (sentences, sentence_blocks) = readable_sentences(text, &tokens, &blocks);
        Doc {
            text,
            passages: passages(text, &tokens),
            tokens,
            blocks,
            sentences,
            sentence_blocks,
            anchor,
            metadata: md,
        }
    }

    /// A document with no structure: no tokens, blocks, sentences or metadata
    /// (tests, and recognizers that read only the text).
    pub fn plain(text: &'a str) -> Self {
        Doc {
            text,
            tokens: Vec::new(),
            blocks: Vec::new(),
            sentences: Vec::new(),
            sentence_blocks: Vec::new(),
            passages: Vec::new(),
            anchor: None,
            metadata: Metadata::default(),
        }
    }

    /// The headline, when the metadata stage found one.
    pub fn title(&self) -> Option<Span> {
        self.metadata.title.as_ref().map(|t| t.span)
    }

    /// The place the dateline names ("NEW ORLEANS" of "NEW ORLEANS (AP) —").
    pub fn dateline_place(&self) -> Option<Span> {
        self.metadata.dateline.as_ref().map(|d| d.place.span)
    }

    /// Title plus lead paragraph, when the metadata stage found them.
    pub fn lead(&self) -> Option<Span> {
        self.metadata.lead.as_ref().map(|l| l.span)
    }

    /// The article's language (ISO 639-1), detected or given by the caller.
    pub fn language(&self) -> Option<&str> {
        self.metadata.language.as_ref().map(|l| l.code.as_str())
    }

    /// Sentences of body blocks with the index of their block, in text order.
    pub fn body_sentences(&self) -> impl Iterator<Item = (&Sentence, usize)> + '_ {
        self.sentences
            .iter()
            .zip(&self.sentence_blocks)
            .filter(|(_, &b)| self.blocks[b].kind == BlockKind::Body)
            .map(|(s, &b)| (s, b))
    }

    /// Spans of the body blocks, in text order.
    pub fn body_blocks(&self) -> impl Iterator<Item = Span> + '_ {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Body)
            .map(|b| b.span)
    }

    /// A document of body `paragraphs` (one over the whole text when none is given)
    /// and `sentences` without tokens, for tests that stand in for the segmentation.
    #[cfg(test)]
    pub(crate) fn with_sentences(text: &'a str, paragraphs: &[Span], sentences: &[Span]) -> Self {
        let whole = [Span::new(0, text.len())];
        let paragraphs = if paragraphs.is_empty() {
            &whole[..]
        } else {
            paragraphs
        };
        let block_of = |s: &Span| {
            let i = paragraphs.partition_point(|p| p.end <= s.start);
            i.min(paragraphs.len() - 1)
        };
        Doc {
            blocks: (paragraphs.iter())
                .map(|&span| Block {
                    span,
                    kind: BlockKind::Body,
                })
                .collect(),
            sentences: (sentences.iter())
                .map(|&span| Sentence { span, tokens: 0..0 })
                .collect(),
            sentence_blocks: sentences.iter().map(block_of).collect(),
            ..Doc::plain(text)
        }
    }
}

/// Sentences of the title, dateline and body blocks, each with the index of its block.
/// A dateline on a line of its own (`NEW YORK 1996-08-30`) names a place as surely as
/// one that opens the first paragraph. Headers and boilerplate are left out so the
/// model never sees "Follow us on Twitter" as prose.
fn readable_sentences(
    text: &str,
    tokens: &[Token],
    blocks: &[Block],
) -> (Vec<Sentence>, Vec<usize>) {
    let readable =
        |k: BlockKind| matches!(k, BlockKind::Body | BlockKind::Title | BlockKind::Dateline);
    let mut sentences = Vec::new();
    let mut index = Vec::new();
    for (i, b) in blocks.iter().enumerate().filter(|(_, b)| readable(b.kind)) {
        let found = split_sentences(text, tokens, b.span);
        index.extend(std::iter::repeat_n(i, found.len()));
        sentences.extend(found);
    }
    (sentences, index)
}

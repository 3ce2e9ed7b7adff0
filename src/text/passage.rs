//! Passages: the paragraphs the quote tagger reads, cut at blank lines between tokens.
//!
//! They are not the layout's blocks: the layout reads one paragraph per line in
//! scraped copy and joins hard-wrapped lines, while the quote tagger was trained on
//! text cut at blank lines only, with each passage's sentences covering it exactly.

use super::{split_sentences, Span, Token};
use std::ops::Range;

/// One passage: its tokens and its sentences, token index ranges covering it in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Index range into the document's tokens.
    pub tokens: Range<usize>,
    /// Sentences as token ranges that cover `tokens` exactly, in order.
    pub sentences: Vec<Range<usize>>,
}

/// Every passage of `text` (tokens from [`super::tokenize`]), in order.
pub(crate) fn passages(text: &str, tokens: &[Token]) -> Vec<Passage> {
    passage_ranges(text, tokens)
        .into_iter()
        .map(|r| Passage {
            sentences: passage_sentences(text, tokens, r.clone()),
            tokens: r,
        })
        .collect()
}

/// Paragraph-like blocks of tokens: a gap holding a blank line ends a block, as
/// does a gap of a single line break before a line that opens with a quotation mark
/// or a dash (transcripts, lists). Blocks are token index ranges in order.
pub(crate) fn passage_ranges(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
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

/// Sentences of a block as token ranges that cover it exactly, in order (one
/// sentence for the whole block should the splitter leave a token out).
pub(crate) fn passage_sentences(
    text: &str,
    tokens: &[Token],
    block: Range<usize>,
) -> Vec<Range<usize>> {
    let Some(within) = span_of(tokens, block.clone()) else {
        return Vec::new();
    };
    let found: Vec<Range<usize>> = split_sentences(text, tokens, within)
        .into_iter()
        .map(|s| s.tokens)
        .collect();
    let covers = found.first().map(|r| r.start) == Some(block.start)
        && found.last().map(|r| r.end) == Some(block.end)
        && found.windows(2).all(|w| w[0].end == w[1].start);
    if covers {
        found
    } else {
        vec![block]
    }
}

/// The span from the first to the last token of `r`.
fn span_of(tokens: &[Token], r: Range<usize>) -> Option<Span> {
    let last = r.end.checked_sub(1)?;
    Some(tokens.get(r.start)?.span.cover(&tokens.get(last)?.span))
}

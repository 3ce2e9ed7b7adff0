//! Quotation marks: which tokens stand inside a quotation, and from that whether a
//! quote is direct, indirect or mixed.
//!
//! Curly and guillemet marks say which way they face; a straight `"` opens when no
//! quotation is open and closes otherwise. State resets at every block (paragraph),
//! which is also the news convention: a quotation running over several paragraphs
//! reopens each one with a mark.

use super::quote::QuoteKind;
use crate::text::{Span, Token, TokenKind};
use std::ops::Range;

/// The role of a token with respect to quotation marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Not a quotation mark.
    None,
    /// Opens a quotation.
    Open,
    /// Closes one.
    Close,
}

/// Per-token quotation state of a text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Quotation {
    /// The token's mark role, by token index.
    pub(crate) mark: Vec<Mark>,
    /// True for tokens inside a quotation (the marks included).
    pub(crate) inside: Vec<bool>,
}

/// Reads the marks of every block (token ranges, in order, covering the tokens).
pub(crate) fn quotation(text: &str, tokens: &[Token], blocks: &[Range<usize>]) -> Quotation {
    let mut q = Quotation {
        mark: vec![Mark::None; tokens.len()],
        inside: vec![false; tokens.len()],
    };
    for block in blocks {
        let mut open = false;
        for i in block.clone() {
            let m = mark_of(text, &tokens[i], open);
            q.mark[i] = m;
            q.inside[i] = open || m == Mark::Open;
            match m {
                Mark::Open => open = true,
                Mark::Close => open = false,
                Mark::None => {}
            }
        }
    }
    q
}

fn mark_of(text: &str, token: &Token, open: bool) -> Mark {
    if token.kind != TokenKind::Punct {
        return Mark::None;
    }
    match token.span.slice(text).chars().next() {
        Some('“' | '«' | '„') => Mark::Open,
        Some('”' | '»') => Mark::Close,
        Some('"') if open => Mark::Close,
        Some('"') => Mark::Open,
        _ => Mark::None,
    }
}

/// Direct when every word of the content lies inside quotation marks, indirect when
/// none does, mixed otherwise.
pub(crate) fn kind_of(content: &[Span], tokens: &[Token], q: &Quotation) -> QuoteKind {
    let (mut words, mut quoted) = (0usize, 0usize);
    for span in content {
        let first = tokens.partition_point(|t| t.span.end <= span.start);
        for (i, t) in tokens.iter().enumerate().skip(first) {
            if t.span.start >= span.end {
                break;
            }
            if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
                words += 1;
                quoted += usize::from(q.inside.get(i).copied().unwrap_or(false));
            }
        }
    }
    match quoted {
        0 => QuoteKind::Indirect,
        n if n == words => QuoteKind::Direct,
        _ => QuoteKind::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn kinds(text: &str, part: &str) -> QuoteKind {
        let tokens = tokenize(text);
        let whole = [tokens.len()].map(|n| 0..n);
        let q = quotation(text, &tokens, &whole);
        let start = text.find(part).expect("part in text");
        kind_of(&[Span::new(start, start + part.len())], &tokens, &q)
    }

    #[test]
    fn kinds_follow_the_marks() {
        let t = "“We will win,” she said. She said they would “win big” and soon.";
        assert_eq!(kinds(t, "We will win,"), QuoteKind::Direct);
        assert_eq!(kinds(t, "they would “win big” and soon"), QuoteKind::Mixed);
        assert_eq!(kinds(t, "she said"), QuoteKind::Indirect);
        let s = "He said \"no\" and left \"for good\".";
        assert_eq!(kinds(s, "and left"), QuoteKind::Indirect);
        assert_eq!(kinds(s, "for good"), QuoteKind::Direct);
    }
}

//! Sentence splitter over the tokens of one paragraph.
//!
//! A sentence ends after `.`, `!`, `?`, `…` (and any closing quotes or brackets right
//! after them) when the next token does not start in lower case, and at every line
//! break. Abbreviations keep their period inside the word token (`Feb.`, `U.S.`), so they
//! do not end a sentence, except a dotted word such as `U.S.` followed by a capitalised
//! word that usually opens a sentence (`The`, `He`, ...).

use super::{Span, Token, TokenKind};
use std::ops::Range;

/// One sentence: its span and the indices of its tokens in the token slice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From the first byte of its first token to the last byte of its last token.
    pub span: Span,
    /// Index range into the token slice given to [`split_sentences`].
    pub tokens: Range<usize>,
}

/// Splits the tokens lying inside `within` (one paragraph) into sentences.
///
/// `tokens` must come from [`super::tokenize`] on `text`; tokens outside `within` are ignored.
pub fn split_sentences(text: &str, tokens: &[Token], within: Span) -> Vec<Sentence> {
    let first = tokens.partition_point(|t| t.span.start < within.start);
    let last = tokens.partition_point(|t| t.span.end <= within.end);
    let mut out = Vec::new();
    if first >= last {
        return out;
    }
    let mut start = first;
    for i in first..last {
        if i + 1 == last || ends_sentence(text, tokens, i) {
            out.push(Sentence {
                span: tokens[start].span.cover(&tokens[i].span),
                tokens: start..i + 1,
            });
            start = i + 1;
        }
    }
    out
}

/// True when a sentence ends after token `i` (which has a successor).
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let (tok, next) = (&tokens[i], &tokens[i + 1]);
    let gap = text.get(tok.span.end..next.span.start).unwrap_or("");
    if gap.contains(['\n', '\r', '\u{2029}']) {
        return true;
    }
    let word = tok.span.slice(text);
    let next_word = next.span.slice(text);
    if is_closer(word) {
        // `... said." Next`: look through closing marks back to the terminal mark.
        let before = tokens[..i]
            .iter()
            .rev()
            .find(|t| !is_closer(t.span.slice(text)));
        let terminal =
            before.is_some_and(|t| t.kind == TokenKind::Punct && is_terminal(t.span.slice(text)));
        return terminal && !is_closer(next_word) && opens_sentence(next_word);
    }
    match tok.kind {
        TokenKind::Punct if is_terminal(word) => !is_closer(next_word) && opens_sentence(next_word),
        TokenKind::Word if word.len() > 2 && word.ends_with('.') => ends_dotted(word, next_word),
        _ => false,
    }
}

/// An abbreviation such as `U.S.` or `Inc.` ends a sentence only before a typical opener.
fn ends_dotted(word: &str, next: &str) -> bool {
    let stem = word.trim_end_matches('.');
    const TITLES: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Gov", "Prof", "Rev", "St", "Lt", "Col",
        "Capt", "Sgt", "Maj", "Adm", "Cmdr", "Pres", "Messrs",
    ];
    const OPENERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "But",
        "In",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "His",
        "Her",
        "Its",
        "Their",
        "However",
        "Meanwhile",
        "On",
        "At",
        "After",
        "And",
        "Some",
        "Many",
        "Officials",
    ];
    !TITLES.contains(&stem) && OPENERS.contains(&next)
}

fn is_terminal(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closer(word: &str) -> bool {
    matches!(word, "\"" | "'" | "’" | "”" | ")" | "]" | "}" | "»" | "''")
}

/// Whether a token may start a new sentence: anything but a lower-case word or a comma-like mark.
fn opens_sentence(word: &str) -> bool {
    let c = word.chars().next().unwrap_or(' ');
    !(c.is_lowercase() || matches!(c, ',' | ';' | ':' | ')' | '%'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens, Span::new(0, text.len()))
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn keeps_abbreviations_inside() {
        let t = "On Feb. 6 U.S. officials met Gen. Smith of Acme Inc. in Baku. They left.";
        assert_eq!(
            sentences(t),
            vec![
                "On Feb. 6 U.S. officials met Gen. Smith of Acme Inc. in Baku.",
                "They left."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        let t = "“We will win,” he said. “It is over.” Then silence!";
        assert_eq!(
            sentences(t),
            vec!["“We will win,” he said.", "“It is over.”", "Then silence!"]
        );
    }

    #[test]
    fn dotted_acronym_can_end_a_sentence() {
        let t = "He moved to the U.S. The move was quick.";
        assert_eq!(
            sentences(t),
            vec!["He moved to the U.S.", "The move was quick."]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        let t = "BAKU 1996-08-22\nAzerbaijan said on Friday";
        assert_eq!(
            sentences(t),
            vec!["BAKU 1996-08-22", "Azerbaijan said on Friday"]
        );
    }

    #[test]
    fn only_tokens_within_the_paragraph() {
        let t = "First one. Second one.\n\nThird one.";
        let tokens = tokenize(t);
        let got = split_sentences(t, &tokens, Span::new(0, 22));
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].tokens, 3..6);
        assert!(split_sentences(t, &tokens, Span::new(5, 5)).is_empty());
    }
}

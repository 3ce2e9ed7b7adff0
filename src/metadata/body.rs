//! Body-level facts: lead sentence, language, word count and reading time.

use super::piece::{is_abbreviation, Piece};
use super::{Language, Metadata, TextField};
use crate::text::Span;

/// Silent reading speed for non-fiction, words per minute (Brysbaert 2019 meta-analysis).
pub const WORDS_PER_MINUTE: u64 = 238;

/// Fills lead, language, word count and reading time from the Body blocks; the language
/// is the caller's hint when there is one (reliable, confidence 1), else detected.
pub(crate) fn fill(text: &str, bodies: &[Span], language_hint: Option<&str>, meta: &mut Metadata) {
    let start = meta.dateline.as_ref().map_or(0, |d| d.span.end);
    meta.lead = bodies
        .iter()
        .map(|&b| Piece::of(text, b))
        .find_map(|p| first_sentence(p.from(start.saturating_sub(p.off).min(p.s.len()))))
        .map(|p| TextField::at(text, p.span()));
    meta.word_count = bodies.iter().map(|b| count_words(b.slice(text))).sum();
    let words = meta.word_count as u64;
    meta.reading_time_seconds = (words * 60).div_ceil(WORDS_PER_MINUTE);
    meta.language = match language_hint {
        Some(code) => Some(Language {
            code: code.to_string(),
            iso639_3: String::new(),
            confidence: 1.0,
            reliable: true,
        }),
        None => super::language::detect(text, bodies),
    };
}

/// White-space tokens holding at least one letter or digit.
fn count_words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The first sentence of `p`: up to `.!?` followed by space and a capital or an opening
/// quote, skipping abbreviations and initials.
fn first_sentence(p: Piece<'_>) -> Option<Piece<'_>> {
    let p = p.trim();
    if p.s.is_empty() {
        return None;
    }
    for (i, c) in
        p.s.char_indices()
            .filter(|(_, c)| matches!(c, '.' | '!' | '?' | '…'))
    {
        let mut end = i + c.len_utf8();
        end += p.s[end..].len()
            - p.s[end..]
                .trim_start_matches(['"', '”', '’', '\'', ')', '»'])
                .len();
        let rest = &p.s[end..];
        let next = rest.trim_start().chars().next();
        let spaced = rest.starts_with(char::is_whitespace);
        let opens = next.is_some_and(|n| n.is_uppercase() || "\"“‘«(".contains(n));
        let word = p.s[..i].rsplit(char::is_whitespace).next().unwrap_or("");
        if next.is_none() || (spaced && opens && !(c == '.' && is_abbreviation(word))) {
            return Some(p.to(end));
        }
    }
    Some(p)
}

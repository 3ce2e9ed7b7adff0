//! The words of a sentence as the company and product recognizers read them:
//! white-space-separated, trimmed of quotes, brackets, trailing punctuation and a
//! possessive ending, each knowing whether a name may run on past it.

use crate::text::Span;

/// One white-space-separated word of a sentence, trimmed of quotes, brackets,
/// trailing punctuation and a possessive ending.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word<'a> {
    /// Byte range of the trimmed word.
    pub span: Span,
    /// The trimmed word.
    pub text: &'a str,
    /// Punctuation followed the word: a name does not continue past it.
    pub closed: bool,
}

/// The words of `text[within]`.
pub(crate) fn words(text: &str, within: Span) -> Vec<Word<'_>> {
    let Some(s) = text.get(within.start..within.end) else {
        return Vec::new();
    };
    let mut out: Vec<Word<'_>> = Vec::new();
    for raw in s.split_whitespace() {
        // `raw` is a slice of `s`: its offset is a pointer difference, not a search.
        let at = raw.as_ptr() as usize - s.as_ptr() as usize;
        if plain_word(raw) {
            let start = within.start + at;
            out.push(Word {
                span: Span::new(start, start + raw.len()),
                text: raw,
                closed: false,
            });
            continue;
        }
        let lead = raw.len() - raw.trim_start_matches(OPENERS).len();
        let mut body = raw.trim_start_matches(OPENERS);
        let trimmed = body.trim_end_matches(CLOSERS);
        let mut closed = trimmed.len() < body.len();
        body = trimmed;
        for poss in ["'s", "’s", "'", "’"] {
            if let Some(b) = body.strip_suffix(poss) {
                body = b;
                closed = true;
                break;
            }
        }
        if body.is_empty() {
            // Punctuation standing apart ("A-18 , F-14") ends the name before it.
            if let Some(prev) = out.last_mut() {
                prev.closed = true;
            }
            continue;
        }
        // A possessive written apart ("Boeing 's"): it closes the word before.
        if body == "s" && lead > 0 {
            if let Some(prev) = out.last_mut() {
                prev.closed = true;
            }
            continue;
        }
        if lead > 0 {
            // "Stelle (M5S)": a bracket or quote opens a new name.
            if let Some(prev) = out.last_mut() {
                prev.closed = true;
            }
        }
        let start = within.start + at + lead;
        out.push(Word {
            span: Span::new(start, start + body.len()),
            text: body,
            closed,
        });
    }
    out
}

/// Letters and digits only, or with inner hyphens and pluses ("A350-1000",
/// "Disney+"): the common case, which needs no trimming.
fn plain_word(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'+'))
        && !b.ends_with(b"-")
}

const OPENERS: &[char] = &['"', '“', '‘', '\'', '(', '['];
const CLOSERS: &[char] = &[',', '.', ';', ':', '!', '?', ')', ']', '"', '”', '’'];

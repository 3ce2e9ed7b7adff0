//! A light word scanner private to time recognition (no dependency on the main tokenizer).
//!
//! Tokens are runs of letters, runs of digits (a digit/letter boundary splits
//! `1990s` into `1990` + `s`), or single punctuation characters. Lower-casing is
//! ASCII-only so byte offsets in the lowered copy equal those in the input.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (any script).
    Word,
    /// ASCII digits.
    Num,
    /// One non-space, non-alphanumeric character.
    Punct,
}

/// One token: a byte range plus how it relates to its left neighbour.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// White space separates it from the previous token.
    pub space_before: bool,
    /// A blank line (paragraph break) separates it from the previous token.
    pub para_before: bool,
    /// First character is upper case.
    pub cap: bool,
}

/// The scanned text: tokens plus an ASCII-lower-cased copy addressed by the same offsets.
pub(crate) struct Scanned<'t> {
    pub text: &'t str,
    pub lower: String,
    pub toks: Vec<Tok>,
    /// The text talks about quarters (earnings copy): "a year ago" then means that quarter.
    pub quarterly: bool,
}

impl<'t> Scanned<'t> {
    /// Scans `text` once.
    pub fn new(text: &'t str) -> Self {
        let lower = text.to_ascii_lowercase();
        let quarterly = lower.contains("quarter");
        Scanned {
            text,
            lower,
            toks: tokens(text),
            quarterly,
        }
    }

    /// Lower-cased text of token `i` (empty past the end).
    pub fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.lower[t.start..t.end])
    }

    /// The token at `i`, if any.
    pub fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }
}

fn class(c: char) -> Option<Kind> {
    if c.is_ascii_digit() {
        Some(Kind::Num)
    } else if c.is_alphabetic() {
        Some(Kind::Word)
    } else if c.is_whitespace() {
        None
    } else {
        Some(Kind::Punct)
    }
}

fn tokens(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5);
    let mut newlines = 0u32;
    let mut space = true;
    for (i, c) in text.char_indices() {
        let Some(kind) = class(c) else {
            space = true;
            newlines += u32::from(c == '\n');
            continue;
        };
        let end = i + c.len_utf8();
        if let Some(last) = toks.last_mut() {
            if !space && last.kind == kind && kind != Kind::Punct && last.end == i {
                last.end = end;
                continue;
            }
        }
        let cap = c.is_uppercase();
        toks.push(Tok {
            start: i,
            end,
            kind,
            space_before: space,
            para_before: newlines >= 2,
            cap,
        });
        space = false;
        newlines = 0;
    }
    toks
}

/// Token `i` touches its left neighbour (no white space between).
pub(crate) fn glued(s: &Scanned, i: usize) -> bool {
    s.tok(i).is_some_and(|t| !t.space_before)
}

/// The token is a number of at most `max_len` digits.
pub(crate) fn digits(s: &Scanned, i: usize, max_len: usize) -> Option<u32> {
    let t = s.tok(i)?;
    if t.kind != Kind::Num || t.end - t.start > max_len {
        return None;
    }
    s.low(i).parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_digits_from_letters_and_punct() {
        let s = Scanned::new("In the 1990s, Feb. 6\n\nNow");
        let words: Vec<&str> = (0..s.toks.len()).map(|i| s.low(i)).collect();
        assert_eq!(
            words,
            ["in", "the", "1990", "s", ",", "feb", ".", "6", "now"]
        );
        assert!(!s.toks[3].space_before && s.toks[8].para_before && s.toks[8].cap);
    }
}

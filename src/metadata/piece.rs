//! A borrowed slice of the input that remembers where it came from, so every split
//! and trim keeps exact byte offsets into the untouched text.

use crate::text::Span;

/// `s` is `text[off..off + s.len()]` of the original input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece<'t> {
    pub off: usize,
    pub s: &'t str,
}

impl<'t> Piece<'t> {
    /// The part of `text` under `span`; empty when the span does not fit.
    pub fn of(text: &'t str, span: Span) -> Self {
        let s = text.get(span.start..span.end).unwrap_or("");
        Piece { off: span.start, s }
    }

    /// The span in the original input.
    pub fn span(&self) -> Span {
        Span::new(self.off, self.off + self.s.len())
    }

    /// Without leading and trailing white space.
    pub fn trim(self) -> Self {
        let lead = self.s.len() - self.s.trim_start().len();
        Piece {
            off: self.off + lead,
            s: self.s.trim(),
        }
    }

    /// Without the given trailing characters (and white space).
    pub fn trim_end_matches(self, chars: &[char]) -> Self {
        let s = self
            .s
            .trim_end_matches(|c: char| c.is_whitespace() || chars.contains(&c));
        Piece { off: self.off, s }
    }

    /// Relative byte range `a..b`; empty at `a` when not on char boundaries.
    pub fn sub(self, a: usize, b: usize) -> Self {
        match self.s.get(a..b) {
            Some(s) => Piece {
                off: self.off + a,
                s,
            },
            None => Piece {
                off: self.off,
                s: "",
            },
        }
    }

    /// From relative byte `a` to the end.
    pub fn from(self, a: usize) -> Self {
        self.sub(a, self.s.len())
    }

    /// Up to relative byte `b`.
    pub fn to(self, b: usize) -> Self {
        self.sub(0, b)
    }

    /// Pieces between occurrences of any of `seps`, trimmed, empty ones dropped.
    pub fn split_any(self, seps: &[&str]) -> Vec<Piece<'t>> {
        // Header lines are asked with a dozen separators at every character; a byte no
        // separator starts with settles a position with one table lookup.
        let mut opens = [false; 256];
        for sep in seps {
            if let Some(&b) = sep.as_bytes().first() {
                opens[usize::from(b)] = true;
            }
        }
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < self.s.len() {
            let rest = &self.s[i..];
            let found = if opens[usize::from(rest.as_bytes()[0])] {
                seps.iter().find(|sep| rest.starts_with(**sep))
            } else {
                None
            };
            if let Some(sep) = found {
                out.push(self.sub(start, i).trim());
                i += sep.len();
                start = i;
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
        }
        out.push(self.from(start).trim());
        out.retain(|p| !p.s.is_empty());
        out
    }

    /// White-space separated words.
    pub fn words(self) -> impl Iterator<Item = Piece<'t>> {
        self.s.split_whitespace().map(move |w| {
            let at = w.as_ptr() as usize - self.s.as_ptr() as usize;
            Piece {
                off: self.off + at,
                s: w,
            }
        })
    }
}

/// Relative byte index of `word` in `s` as a whole word, ASCII case-insensitive.
pub(crate) fn find_word_ci(s: &str, word: &str) -> Option<usize> {
    let (hay, n) = (s.as_bytes(), word.len());
    (0..=hay.len().checked_sub(n)?).find(|&i| {
        hay[i..i + n].eq_ignore_ascii_case(word.as_bytes())
            && (i == 0 || !hay[i - 1].is_ascii_alphanumeric())
            && hay.get(i + n).is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// True when `s` starts with `prefix`, ASCII case-insensitive.
pub(crate) fn starts_ci(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Words whose trailing period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "mt", "jr", "sr", "inc", "ltd", "co", "corp", "no", "nos", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
    "dept", "est", "fig", "gov", "pres", "ave", "blvd", "calif", "mass", "wash",
];

/// True when `word` (without its final '.') is an abbreviation or an initial.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if w.chars().count() == 1 || w.contains('.') {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

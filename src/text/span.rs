//! Byte ranges into the untouched input text.
//!
//! Every stage reports positions as [`Span`]s over the original request bytes.
//! Normalized forms (lower-cased words, ISO dates, canonical names) live beside a
//! span, never in place of the text it points at, so a client can always slice the
//! reported text back out of what it sent.

use serde::Serialize;

/// A half-open byte range `start..end` into the original UTF-8 input.
///
/// Both ends always fall on `char` boundaries of the text the span was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not exceed `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers. Panics only if the span was not made from `text`.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shrinks the span so it neither starts nor ends with Unicode white space.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_keeps_inner_text() {
        let t = "  Baku \n";
        let s = Span::new(0, t.len()).trim(t);
        assert_eq!(s.slice(t), "Baku");
    }

    #[test]
    fn trim_of_blank_is_empty() {
        let t = " \t ";
        assert!(Span::new(0, t.len()).trim(t).is_empty());
    }
}

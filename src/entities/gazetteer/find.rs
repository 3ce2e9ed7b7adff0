//! Finding every known name in a text: one overlapping Aho-Corasick pass, token-boundary
//! filtering, then leftmost-longest selection.

use std::cmp::Reverse;

use super::entry::GazMatch;
use super::Gazetteer;
use crate::text::Span;

impl Gazetteer {
    /// Every known name in `text`, leftmost-longest, non-overlapping, in text order.
    ///
    /// A name matches only between token boundaries (no letter or digit on either side), so
    /// "Russia" is not found inside "Russian", while "Azerbaijan-Russia" yields both
    /// countries and "Nagorno-Karabakh" one region. Allocates per match, never per token.
    pub fn find_all(&self, text: &str) -> Vec<GazMatch<'_>> {
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        for (start, end, surface) in self.index.occurrences(text) {
            if at_token_boundary(text, start, end) {
                hits.push((start, end, surface));
            }
        }
        hits.sort_unstable_by_key(|&(start, end, _)| (start, Reverse(end)));
        let mut out = Vec::with_capacity(hits.len());
        let mut free_from = 0;
        for (start, end, surface) in hits {
            if start >= free_from {
                out.push(GazMatch {
                    span: Span::new(start, end),
                    entries: self.index.candidates(surface),
                });
                free_from = end;
            }
        }
        out
    }

    /// Number of distinct surface forms known, searched for or lookup-only.
    pub fn surface_count(&self) -> usize {
        self.index.len()
    }
}

/// True when neither the character before `start` nor the one at `end` is a letter or digit.
fn at_token_boundary(text: &str, start: usize, end: usize) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return false;
    };
    let is_word = |c: char| c.is_alphanumeric();
    !before.chars().next_back().is_some_and(is_word) && !after.chars().next().is_some_and(is_word)
}

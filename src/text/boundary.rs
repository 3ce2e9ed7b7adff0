//! Byte positions computed by arithmetic (`len - 3`, `min(HEAD)`, `i + 1`) can land
//! inside a multi-byte character of real copy (’ “ — NBSP), and slicing there
//! panics. These helpers move such a position onto a char boundary, so a computed
//! cut is always safe; one copy for the whole crate.

/// Characters real copy sets beside words that random ASCII never does: curly
/// quotes, dashes, the ellipsis, NBSP, soft hyphen, zero-width joiner, non-joiner
/// and space. Property tests draw from them (a regex class can embed them as is).
pub const TYPOGRAPHIC: &str = "’‘“”—–…\u{a0}\u{ad}\u{200d}\u{200c}\u{200b}";

/// The largest char boundary of `s` at or before `i` (`s.len()` when past the end).
pub fn floor_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    (0..=i).rev().find(|&j| s.is_char_boundary(j)).unwrap_or(0)
}

/// The smallest char boundary of `s` at or after `i` (`s.len()` when past the end).
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    (i..s.len())
        .find(|&j| s.is_char_boundary(j))
        .unwrap_or(s.len())
}

/// At most the first `max` bytes of `s`, cut back to a char boundary.
pub fn head(s: &str, max: usize) -> &str {
    &s[..floor_boundary(s, max)]
}

/// The char just before byte `i` of `s`, or `None` at the start or when `i` is
/// not a char boundary (a look-behind that can never panic).
pub fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// The char starting at byte `i` of `s`, or `None` at the end or off a boundary.
pub fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_inside_a_curly_quote_move_to_its_edges() {
        let s = "a’b"; // ’ is bytes 1..4
        assert_eq!((floor_boundary(s, 2), ceil_boundary(s, 2)), (1, 4));
        assert_eq!((floor_boundary(s, 4), ceil_boundary(s, 4)), (4, 4));
        assert_eq!((floor_boundary(s, 99), ceil_boundary(s, 99)), (5, 5));
        assert_eq!(head(s, 3), "a");
        assert_eq!(head(s, 0), "");
    }

    #[test]
    fn look_around_off_a_boundary_is_none() {
        let s = "“Vice";
        assert_eq!(char_before(s, 1), None);
        assert_eq!(char_before(s, 3), Some('“'));
        assert_eq!(char_at(s, 2), None);
        assert_eq!(char_at(s, 3), Some('V'));
        assert_eq!(char_at(s, 9), None);
    }
}

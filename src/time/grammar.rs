//! The pattern engine: a rule is a short sequence of elements (literal words,
//! token classes, optional groups); matching fills a [`Caps`] record of what was
//! seen (month, day, number, unit, modifier words) for the rule's normalizer.

use super::class::{Caps, Class};
use super::classes::class_at;
use super::scan::{glued, Scanned};

/// One element of a rule pattern.
#[derive(Debug)]
pub(crate) enum E {
    /// A literal lower-case word or punctuation character.
    W(&'static str),
    /// Any one of these literals.
    Any(&'static [&'static str]),
    /// A token class whose value is captured.
    C(Class),
    /// An optional group: the longest of "with it" and "without it" wins.
    Opt(&'static [E]),
    /// An optional hyphen glued to both neighbours (`third-quarter`, `mid-1990s`).
    Hy,
}

/// What the first token of a match of a pattern can be: one of these literal
/// words or a token of one of these classes (or anything, when every element
/// may be absent). The recognizer checks it before trying the pattern, so at
/// most positions a row is rejected by one table lookup instead of by walking
/// its optional groups.
#[derive(Debug, Default)]
pub(crate) struct First {
    pub lits: Vec<&'static str>,
    pub classes: Vec<Class>,
    pub anything: bool,
}

impl First {
    /// The first-token set of `pat`.
    pub fn of(pat: &'static [E]) -> First {
        let mut f = First::default();
        f.anything = f.add(pat);
        f
    }

    /// Adds the possible first tokens of `pat`; true if `pat` can match nothing.
    fn add(&mut self, pat: &'static [E]) -> bool {
        for e in pat {
            match e {
                E::W(w) => {
                    self.lits.push(w);
                    return false;
                }
                E::Any(ws) => {
                    self.lits.extend_from_slice(ws);
                    return false;
                }
                E::C(class) => {
                    if !self.classes.contains(class) {
                        self.classes.push(*class);
                    }
                    return false;
                }
                // Both may be absent: the next element can start the match too.
                E::Hy => self.lits.push("-"),
                E::Opt(group) => {
                    self.add(group);
                }
            }
        }
        true
    }
}

/// Matches `pat` at token `i`; returns the end token (exclusive) of the longest
/// match and leaves what it captured in `caps`.
///
/// The captures are threaded through by reference and copied only where an
/// optional group forks the match in two: passing the record by value copied it
/// at every element, which cost more than the matching itself. On `None` the
/// contents of `caps` are unspecified (a failed branch may have written to it);
/// every caller discards them then, as the by-value version did.
pub(crate) fn match_at(pat: &[E], s: &Scanned, i: usize, caps: &mut Caps) -> Option<usize> {
    let Some((first, rest)) = pat.split_first() else {
        return Some(i);
    };
    if let E::Opt(group) = first {
        // A group that opens with a literal the token is not cannot match: skip
        // the copy its branch would need.
        let with = if literal_fails(group.first(), s, i) {
            None
        } else {
            let mut c = *caps;
            match_at(group, s, i, &mut c)
                .and_then(|j| match_at(rest, s, j, &mut c))
                .map(|j| (j, c))
        };
        let without = match_at(rest, s, i, caps);
        // The longer match wins; on a tie the one with the group.
        return match (with, without) {
            (Some((a, c)), Some(b)) if b <= a => {
                *caps = c;
                Some(a)
            }
            (Some((a, c)), None) => {
                *caps = c;
                Some(a)
            }
            (_, b) => b,
        };
    }
    // Most rows fail on a literal: check it before anything else.
    // Expressions never run across a paragraph break.
    if literal_fails(Some(first), s, i)
        || (s.tok(i).is_some_and(|t| t.para_before) && matched_any(caps))
    {
        return None;
    }
    let n = element(first, s, i, caps)?;
    match_at(rest, s, i + n, caps)
}

/// `e` is a literal (or a choice of literals) that token `i` is not.
fn literal_fails(e: Option<&E>, s: &Scanned, i: usize) -> bool {
    match e {
        Some(E::W(w)) => s.low(i) != *w,
        Some(E::Any(ws)) => !ws.contains(&s.low(i)),
        _ => false,
    }
}

/// True once something has been consumed, so a paragraph break may not be crossed.
fn matched_any(c: &Caps) -> bool {
    c.has_literals()
        || c.month.is_some()
        || c.day.is_some()
        || c.year.is_some()
        || c.weekday.is_some()
        || c.num.is_some()
        || c.ord.is_some()
        || c.unit.is_some()
        || c.hour.is_some()
}

/// Tokens consumed by one element at `i` (0 allowed for an absent hyphen).
fn element(e: &E, s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    match e {
        E::W(w) => (s.low(i) == *w).then(|| c.push(w)).map(|_| 1),
        E::Any(ws) => {
            let w = ws.iter().find(|w| **w == s.low(i))?;
            c.push(w);
            Some(1)
        }
        E::Hy => {
            let hyphen = glued(s, i) && s.low(i) == "-" && glued(s, i + 1);
            if hyphen {
                c.push("-");
            }
            Some(usize::from(hyphen))
        }
        E::C(class) => class_at(*class, s, i, c),
        E::Opt(_) => None,
    }
}

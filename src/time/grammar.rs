//! The pattern engine: a rule is a short sequence of elements (literal words,
//! token classes, optional groups); matching fills a [`Caps`] record of what was
//! seen (month, day, number, unit, modifier words) for the rule's normalizer.

use super::lexicon::Unit;
use super::scan::{Kind, Scanned};

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

/// Token classes with the value each contributes to [`Caps`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Month name, with its abbreviation dot (`Feb.`).
    Month,
    /// Day of month 1–31, with an optional glued `st/nd/rd/th`.
    Day,
    /// A four-digit year 1000–2199 (or `'98`).
    Year,
    /// Decade such as `1990s`, `'80s`.
    Decade,
    /// Weekday name (with abbreviation dot).
    Weekday,
    /// Cardinal amount: digits, words, fractions, or a vague `several`/`few`.
    Num,
    /// Ordinal: `third`, `3rd`.
    Ord,
    /// Unit noun (`day`, `years`).
    Unit,
    /// Season name.
    Season,
    /// Part of day (`morning`, `night`).
    Pod,
    /// Clock time: `5`, `5:30`, `17:45` (hour 0–24).
    Clock,
    /// `a.m.`/`p.m.`/`am`/`pm`.
    Meridiem,
    /// US time zone abbreviation.
    Zone,
    /// Month as a number 1–12 (numeric dates).
    MonthNum,
    /// Year as two or four digits (numeric dates: `11/02/89`).
    YearShort,
}

/// Everything a match captured; plain data so branches can copy it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Caps {
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub year: Option<i32>,
    pub decade: Option<i32>,
    pub weekday: Option<u8>,
    /// Amount; `Some(None)` is a vague amount (`several`, `a few`).
    pub num: Option<Option<f64>>,
    pub ord: Option<u32>,
    pub unit: Option<Unit>,
    pub plural: bool,
    pub season: Option<&'static str>,
    pub pod: Option<&'static str>,
    pub hour: Option<u8>,
    pub minute: Option<u8>,
    pub pm: Option<bool>,
    lits: [&'static str; 8],
    nlits: usize,
}

impl Caps {
    /// Was this literal word part of the match?
    pub fn has(&self, w: &str) -> bool {
        self.lits[..self.nlits].contains(&w)
    }

    /// Was any of these literals part of the match?
    pub fn any(&self, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.has(w))
    }

    /// Records a literal as seen.
    pub fn push(&mut self, w: &'static str) {
        if self.nlits < self.lits.len() {
            self.lits[self.nlits] = w;
            self.nlits += 1;
        }
    }
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
    c.nlits > 0
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
        E::C(class) => super::classes::class_at(*class, s, i, c),
        E::Opt(_) => None,
    }
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

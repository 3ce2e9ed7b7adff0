//! The token classes a rule pattern can name, and the record a match fills.
//!
//! Shared by the pattern engine (`grammar`), the class matchers (`classes`) and the
//! normalizers, so none of them has to import another to name a capture.

use super::lexicon::Unit;

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

    /// Was any literal word part of the match?
    pub fn has_literals(&self) -> bool {
        self.nlits > 0
    }

    /// Records a literal as seen.
    pub fn push(&mut self, w: &'static str) {
        if self.nlits < self.lits.len() {
            self.lits[self.nlits] = w;
            self.nlits += 1;
        }
    }
}

//! What every normalizer sees ([`Ctx`]) and returns ([`Out`]), plus shared helpers.

use super::civil::CivilDate;
use super::context::{direction, Dir};
use super::lexicon::Unit;
use super::scan::Scanned;
use super::TimexType;

/// The match being normalized: where it is and what it is anchored to.
pub(crate) struct Ctx<'a, 't> {
    pub anchor: Option<CivilDate>,
    pub s: &'a Scanned<'t>,
    /// First and one-past-last token of the match.
    pub a: usize,
    pub b: usize,
}

impl Ctx<'_, '_> {
    /// Tense direction of the clause around the match.
    pub fn dir(&self) -> Dir {
        direction(self.s, self.a, self.b)
    }

    /// Lower-cased word `k` tokens after the match (0 = first token after it).
    pub fn after(&self, k: usize) -> &str {
        self.s.low(self.b + k)
    }

    /// Lower-cased word `k` tokens before the match (1 = the token just before).
    pub fn before(&self, k: usize) -> &str {
        self.a.checked_sub(k).map_or("", |j| self.s.low(j))
    }
}

/// A normalized expression (type and TimeML value).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Out {
    pub kind: TimexType,
    pub value: String,
}

/// A DATE value.
pub(crate) fn date(value: String) -> Option<Out> {
    Some(Out {
        kind: TimexType::Date,
        value,
    })
}

/// A TIME value.
pub(crate) fn time(value: String) -> Option<Out> {
    Some(Out {
        kind: TimexType::Time,
        value,
    })
}

/// A DURATION value.
pub(crate) fn dur(value: String) -> Option<Out> {
    Some(Out {
        kind: TimexType::Duration,
        value,
    })
}

/// A SET value.
pub(crate) fn set(value: String) -> Option<Out> {
    Some(Out {
        kind: TimexType::Set,
        value,
    })
}

/// The underspecified value of a unit-granular date when there is no anchor.
pub(crate) fn unknown_at(unit: Unit) -> String {
    match unit {
        Unit::Week | Unit::Weekend => "XXXX-WXX",
        Unit::Month => "XXXX-XX",
        Unit::Quarter => "XXXX-QX",
        Unit::Year => "XXXX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        _ => "XXXX-XX-XX",
    }
    .to_string()
}

//! Time expressions (TimeML TIMEX3): recognition and normalization against the
//! article's own date.
//!
//! ```text
//! text ──scan──▶ tokens ──grammar rows (rules.rs)──▶ matches ──normalizers──▶ Timex
//!                      (prefilter: only near trigger words)   (anchor + tense)
//! ```
//! At each position only the rows whose first element admits the token are tried
//! (an index by first word and token class, built once from the table).
//! Narrative phrases (`the following year`, `earlier that day`) lean on the
//! latest explicit date before them (`discourse.rs`); holidays carry their
//! calendar rule (`holiday.rs`: `Election Day`, `Easter`); time words inside names
//! (`VOA Today`, `"This Week"`) are left alone, as TimeML prescribes.
//! The core is synchronous and allocation-light; [`TimexRecognizer`] is built
//! once and shared (`Send + Sync`). [`eval`] scores it TempEval-3 style.

mod anchor;
mod civil;
mod class;
mod classes;
mod context;
mod coordination;
mod discourse;
pub mod eval;
mod grammar;
mod holiday;
mod lexicon;
mod nontemporal;
mod norm;
mod norm_date;
mod norm_rel;
mod norm_span;
mod recognizer;
mod resolve;
mod rules;
mod scan;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_conventions;
#[cfg(test)]
mod tests_regression;

pub use anchor::{parse_anchor, Anchor, AnchorError};
pub use civil::CivilDate;
pub use recognizer::TimexRecognizer;

use crate::text::Span;
use serde::Serialize;

/// TIMEX3 `type`: what kind of time the expression denotes. The entity stage
/// reports it as is, so its serde form is the TimeML spelling of [`TimexType::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexType {
    /// A calendar date or period (`Feb. 6`, `2020`, `last week`).
    Date,
    /// A time of day (`5 p.m.`, `Friday morning`).
    Time,
    /// A length of time (`three years`).
    Duration,
    /// A repetition (`every Tuesday`, `daily`).
    Set,
}

impl TimexType {
    /// The TimeML spelling (`DATE`, `TIME`, `DURATION`, `SET`).
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One recognized time expression; `span` points into the untouched input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// Byte range of the expression in the input.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TimeML value (`2020-02-06`, `P3Y`, `PAST_REF`, `XXXX-05-09` …).
    pub value: String,
    /// TimeML `mod` (`START`, `END`, `MID`, `APPROX`, …) when a modifier word was seen.
    pub modifier: Option<&'static str>,
}

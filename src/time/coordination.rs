//! A second day coordinated with a full date (`April 24 and 25`): TimeML tags
//! each day as its own DATE, but only the first carries the month.

use super::scan::{Kind, Scanned};
use super::{Timex, TimexType};
use crate::text::Span;

/// The DATE for day `d2` in `<date> and|or d2`, where `date` (value
/// `YYYY-MM-DD`) ends just before token `end`; `None` when the tokens there
/// are anything else (`April 24 and 25 soldiers`, `May 9 or 10,000`).
pub(crate) fn coordinated_day(s: &Scanned, end: usize, date: &Timex) -> Option<Timex> {
    if date.kind != TimexType::Date || !matches!(s.low(end), "and" | "or") {
        return None;
    }
    let tok = s.tok(end + 1).filter(|t| t.kind == Kind::Num)?;
    let day: u8 = s.low(end + 1).parse().ok()?;
    let (prefix, first) = date.value.rsplit_once('-')?;
    let first: u8 = first.parse().ok()?;
    let closes = s.tok(end + 2).is_none_or(|t| t.kind == Kind::Punct)
        && !matches!(s.low(end + 2), "," | "-" | "/" | "%" | "." if glued_digit(s, end + 3));
    let valid = prefix.len() == 7 && day > first && day <= 31;
    (closes && valid).then(|| Timex {
        span: Span::new(tok.start, tok.end),
        kind: TimexType::Date,
        value: format!("{prefix}-{day:02}"),
        modifier: None,
    })
}

/// A digit glued to the previous token (`10,000`, `25.5`).
fn glued_digit(s: &Scanned, j: usize) -> bool {
    s.tok(j)
        .is_some_and(|t| t.kind == Kind::Num && !t.space_before)
}

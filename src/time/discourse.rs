//! Expressions anchored to the narrative rather than the article date:
//! `the following year` (after `in 1995`), `that year`, `the following month`,
//! `earlier that day` (after `Oct. 23, 1998`), `that same day`.
//!
//! They resolve against the latest explicit year or month mentioned before
//! them; with none in reach they fall back to the anchor like `next year`.

use super::civil::CivilDate;
use super::class::{Caps, Class};
use super::classes::class_at;
use super::norm::Ctx;
use super::resolve::{weekday_date, year_for};

/// How many tokens back to look for the reference date (a few paragraphs).
const REACH: usize = 400;

/// The latest explicit year mentioned before the match.
pub(crate) fn last_year(c: &Ctx) -> Option<i32> {
    (c.a.saturating_sub(REACH)..c.a).rev().find_map(|j| {
        let mut caps = Caps::default();
        class_at(Class::Year, c.s, j, &mut caps)?;
        caps.year
    })
}

/// The latest month mentioned before the match, with its year (explicit or
/// resolved against the anchor like a bare month name).
pub(crate) fn last_month(c: &Ctx) -> Option<(i32, u8)> {
    let anchor = c.anchor?;
    (c.a.saturating_sub(REACH)..c.a).rev().find_map(|j| {
        let mut caps = Caps::default();
        let n = class_at(Class::Month, c.s, j, &mut caps)?;
        let month = caps.month?;
        let year = explicit_year_after(c, j + n).unwrap_or_else(|| {
            year_for(
                anchor,
                month,
                None,
                super::context::direction(c.s, j, j + n),
            )
        });
        Some((year, month))
    })
}

/// The latest full month-day date mentioned before the match, resolved
/// against the anchor when it has no year of its own.
pub(crate) fn last_date(c: &Ctx) -> Option<CivilDate> {
    let anchor = c.anchor?;
    (c.a.saturating_sub(REACH)..c.a)
        .rev()
        .find_map(|j| date_at(c, anchor, j))
}

/// The month-day date starting at token `j`, if there is one.
fn date_at(c: &Ctx, anchor: CivilDate, j: usize) -> Option<CivilDate> {
    let mut caps = Caps::default();
    let n = class_at(Class::Month, c.s, j, &mut caps)?;
    let k = class_at(Class::Day, c.s, j + n, &mut caps)?;
    let (month, day) = (caps.month?, caps.day?);
    let dir = super::context::direction(c.s, j, j + n + k);
    let year = explicit_year_after(c, j + n + k)
        .unwrap_or_else(|| year_for(anchor, month, Some(day), dir));
    CivilDate::new(year, month, day)
}

/// How far back `that same day` or `the previous Friday` looks for the day
/// it leans on (a paragraph or two).
const DAY_REACH: usize = 150;

/// A day the narrative named: a full date, or only its month.
pub(crate) enum DayRef {
    Day(CivilDate),
    Month(i32, u8),
}

/// The latest day named before the match: a month-day date, a weekday, or a
/// bare month (`last October`: some day in that October).
pub(crate) fn last_day(c: &Ctx) -> Option<DayRef> {
    let anchor = c.anchor?;
    (c.a.saturating_sub(DAY_REACH)..c.a).rev().find_map(|j| {
        if let Some(d) = date_at(c, anchor, j) {
            return Some(DayRef::Day(d));
        }
        let mut caps = Caps::default();
        let weekday = class_at(Class::Weekday, c.s, j, &mut caps);
        let n = weekday.or_else(|| class_at(Class::Month, c.s, j, &mut caps))?;
        let dir = super::context::direction(c.s, j, j + n);
        if let Some(wd) = caps.weekday {
            return Some(DayRef::Day(weekday_date(anchor, wd, dir)));
        }
        let month = caps.month?;
        let year =
            explicit_year_after(c, j + n).unwrap_or_else(|| year_for(anchor, month, None, dir));
        Some(DayRef::Month(year, month))
    })
}

/// A year right after a month name (`March 1996`, `March 5, 1996`).
fn explicit_year_after(c: &Ctx, j: usize) -> Option<i32> {
    (j..j + 3).find_map(|k| {
        let mut caps = Caps::default();
        class_at(Class::Year, c.s, k, &mut caps)?;
        caps.year
    })
}

/// First day of the month after (`n` = 1) or before (`n` = -1) `(year, month)`.
pub(crate) fn month_shift(year: i32, month: u8, n: i32) -> Option<CivilDate> {
    Some(CivilDate::new(year, month, 1)?.add_months(n))
}

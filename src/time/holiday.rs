//! Holidays named by their day: `Christmas`, `Thanksgiving Day`, `Election
//! Day`, `Easter`, `last Labor Day`. TimeML values them as the calendar date
//! they fall on that year (a DATE), so each one carries its calendar rule.

use super::civil::CivilDate;
use super::class::Caps;
use super::lexicon::Unit;
use super::norm::{date, Ctx, Out};
use super::resolve::{at_unit, year_for};

/// How a holiday's date follows from the year.
#[derive(Clone, Copy)]
enum When {
    /// A fixed month and day.
    Fixed(u8, u8),
    /// The first ISO weekday (third field) on or after a month and day: the
    /// fourth Thursday of November is the first Thursday from Nov. 22.
    OnOrAfter(u8, u8, u8),
    /// Days from Easter Sunday.
    Easter(i64),
}

/// The words that name a holiday (all must be in the match) and its rule; the
/// first row that fits wins, so longer names come first. Only holidays whose
/// name fixes one day are listed (US federal ones, and the Christian feasts
/// English news dates by); `Independence Day` differs from country to country.
const HOLIDAYS: &[(&[&str], When)] = &[
    (&["christmas", "eve"], When::Fixed(12, 24)),
    (&["christmas"], When::Fixed(12, 25)),
    (&["new", "eve"], When::Fixed(12, 31)),
    (&["new"], When::Fixed(1, 1)),
    (&["valentine"], When::Fixed(2, 14)),
    (&["halloween"], When::Fixed(10, 31)),
    (&["veterans"], When::Fixed(11, 11)),
    (&["thanksgiving"], When::OnOrAfter(11, 22, 4)),
    // US federal elections: the Tuesday after the first Monday in November.
    (&["election"], When::OnOrAfter(11, 2, 2)),
    (&["labor"], When::OnOrAfter(9, 1, 1)),
    (&["memorial"], When::OnOrAfter(5, 25, 1)),
    (&["good"], When::Easter(-2)),
    (&["easter"], When::Easter(0)),
];

/// Words that begin a holiday name (the prefilter and the proper-name check).
pub(crate) const HOLIDAY_WORDS: &[&str] = &[
    "christmas",
    "thanksgiving",
    "easter",
    "halloween",
    "valentine",
    "veterans",
    "election",
    "labor",
    "memorial",
    "good",
];

impl When {
    /// The holiday's date in `year`.
    fn date_in(self, year: i32) -> Option<CivilDate> {
        match self {
            When::Fixed(m, d) => CivilDate::new(year, m, d),
            When::OnOrAfter(m, d, wd) => {
                let from = CivilDate::new(year, m, d)?;
                Some(from.add_days(i64::from((wd + 7 - from.weekday()) % 7)))
            }
            When::Easter(offset) => Some(easter(year)?.add_days(offset)),
        }
    }
}

/// Easter Sunday (Gregorian), by the anonymous Gregorian computus.
fn easter(year: i32) -> Option<CivilDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    CivilDate::new(year, month as u8, day as u8)
}

/// `Christmas`, `Thanksgiving Day`, `New Year's Eve`, `Election Day`,
/// `last Easter`, `Easter week` (the ISO week ending on Easter Sunday).
pub(crate) fn holiday(m: &Caps, c: &Ctx) -> Option<Out> {
    // A holiday is a proper name: "a good Friday", "a memorial day" are not.
    c.s.tok(c.a + usize::from(m.any(&["last", "next", "this"])))
        .filter(|t| t.cap)?;
    let when = HOLIDAYS
        .iter()
        .find(|(words, _)| words.iter().all(|w| m.has(w)))?
        .1;
    let Some(year) = year_of(when, m, c) else {
        return date(match when {
            When::Fixed(mo, d) => format!("XXXX-{mo:02}-{d:02}"),
            When::OnOrAfter(mo, _, _) => format!("XXXX-{mo:02}-XX"),
            When::Easter(_) => "XXXX-XX-XX".into(),
        });
    };
    let day = when.date_in(year)?;
    if m.has("week") {
        return date(at_unit(day, Unit::Week));
    }
    date(day.to_string())
}

/// The holiday's year: explicit, the latest before / first after the anchor
/// for `last` / `next`, else the occurrence the clause's tense points to.
fn year_of(when: When, m: &Caps, c: &Ctx) -> Option<i32> {
    if m.year.is_some() {
        return m.year;
    }
    let a = c.anchor?;
    let this_year = when.date_in(a.year)?;
    Some(if m.has("last") {
        a.year - i32::from(this_year >= a)
    } else if m.has("next") {
        a.year + i32::from(this_year <= a)
    } else if m.has("this") {
        a.year
    } else {
        year_for(a, this_year.month, Some(this_year.day), c.dir())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computus_matches_known_easters() {
        for (y, m, d) in [(1998, 4, 12), (2000, 4, 23), (2019, 4, 21), (2024, 3, 31)] {
            assert_eq!(easter(y), CivilDate::new(y, m, d));
        }
    }
}

//! Normalizers for calendar expressions: month/day/year, months, years,
//! decades, numeric dates, weekdays and seasons.

use super::civil::CivilDate;
use super::class::Caps;
use super::context::Dir;
use super::norm::{date, time, Ctx, Out};
use super::resolve::{weekday_date, year_for};

/// `Feb. 6`, `Aug. 7, 1998`, `6 February 2020`, `Thursday, April 6`.
pub(crate) fn month_day(m: &Caps, c: &Ctx) -> Option<Out> {
    let (month, day) = (m.month?, m.day?);
    let year = match (m.year, c.anchor) {
        (Some(y), _) => y,
        // "last Oct. 23": the latest one before the anchor; "next May 9" the first after.
        (None, Some(a)) if m.has("last") => a.year - i32::from((month, day) >= (a.month, a.day)),
        (None, Some(a)) if m.has("next") => a.year + i32::from((month, day) <= (a.month, a.day)),
        (None, Some(a)) if m.has("this") => a.year,
        (None, Some(a)) => year_for(a, month, Some(day), c.dir()),
        (None, None) => {
            CivilDate::new(2000, month, day)?;
            return date(format!("XXXX-{month:02}-{day:02}"));
        }
    };
    date(CivilDate::new(year, month, day)?.to_string())
}

/// `the week of March 6`: the ISO week holding that day.
pub(crate) fn week_of(m: &Caps, c: &Ctx) -> Option<Out> {
    let (month, day) = (m.month?, m.day?);
    let year = m
        .year
        .or_else(|| c.anchor.map(|a| year_for(a, month, Some(day), c.dir())))?;
    let d = CivilDate::new(year, month, day)?;
    date(super::resolve::at_unit(d, super::lexicon::Unit::Week))
}

/// `June 1989`, `last August`, `early November`, `the middle of October`.
pub(crate) fn month(m: &Caps, c: &Ctx) -> Option<Out> {
    let month = m.month?;
    let year = match (m.year, c.anchor) {
        (Some(y), _) => y,
        (None, Some(a)) if m.has("last") => a.year - i32::from(month >= a.month),
        (None, Some(a)) if m.has("next") => a.year + i32::from(month <= a.month),
        (None, Some(a)) if m.has("this") => a.year,
        (None, Some(a)) => year_for(a, month, None, c.dir()),
        (None, None) => return date(format!("XXXX-{month:02}")),
    };
    date(format!("{year:04}-{month:02}"))
}

/// `February this year`, `July last year`, `March of next year`.
pub(crate) fn month_rel_year(m: &Caps, c: &Ctx) -> Option<Out> {
    let month = m.month?;
    let Some(a) = c.anchor else {
        return date(format!("XXXX-{month:02}"));
    };
    let shift = if m.has("last") {
        -1
    } else {
        i32::from(m.has("next"))
    };
    date(format!("{:04}-{month:02}", a.year + shift))
}

/// `1998`, `fiscal 1989`, `the year 2000`, `the end of 1990`.
pub(crate) fn year(m: &Caps, _c: &Ctx) -> Option<Out> {
    date(format!("{:04}", m.year?))
}

/// `the 1990s`, `the early 1980s`, `'80s`.
pub(crate) fn decade(m: &Caps, _c: &Ctx) -> Option<Out> {
    date(format!("{:03}", m.decade?))
}

/// `2020-02-07`, `11/02/89`.
pub(crate) fn numeric(m: &Caps, _c: &Ctx) -> Option<Out> {
    date(CivilDate::new(m.year?, m.month?, m.day?)?.to_string())
}

/// `Friday`, `last Tuesday`, `Friday morning`, `late Monday`.
pub(crate) fn weekday(m: &Caps, c: &Ctx) -> Option<Out> {
    let wd = m.weekday?;
    if let (Some(p), true) = (m.pod, m.plural) {
        return super::norm::set(format!("XXXX-WXX-{wd}T{p}"));
    }
    let Some(a) = c.anchor else {
        return date(format!("XXXX-WXX-{wd}"));
    };
    let d = if m.has("last") || m.has("past") {
        weekday_date(a.add_days(-1), wd, Dir::Past)
    } else if m.any(&["next", "coming"]) {
        weekday_date(a.add_days(1), wd, Dir::Future)
    } else {
        weekday_date(a, wd, c.dir())
    };
    // TimeML: a weekday with a part of day is a TIME (`2020-02-07TEV`).
    with_pod(d.to_string(), m)
}

/// Appends a part of day (`TMO`) when the match had one: that makes it a TIME.
pub(crate) fn with_pod(day: String, m: &Caps) -> Option<Out> {
    match m.pod {
        Some("MI") => time(format!("{day}T12:00")),
        Some(p) => time(format!("{day}T{p}")),
        None => date(day),
    }
}

/// `today`, `yesterday`, `tomorrow`, `tonight`, `yesterday morning`, `last night`.
pub(crate) fn day_word(m: &Caps, c: &Ctx) -> Option<Out> {
    let offset = if m.has("yesterday") || m.has("last") {
        -1
    } else if m.has("tomorrow") {
        1
    } else {
        0
    };
    let day = c
        .anchor
        .map_or("XXXX-XX-XX".into(), |a| a.add_days(offset).to_string());
    if m.has("tonight") && m.pod.is_none() {
        return date(day);
    }
    with_pod(day, m)
}

/// `this morning`, `the morning`, `overnight` (the anchor day).
pub(crate) fn part_of_day(m: &Caps, c: &Ctx) -> Option<Out> {
    day_word(m, c)
}

/// `last fall`, `this summer`, `the winter of 1990`.
pub(crate) fn season(m: &Caps, c: &Ctx) -> Option<Out> {
    let code = m.season?;
    let idx = ["WI", "SP", "SU", "FA"].iter().position(|s| *s == code)? as u8;
    let year = match (m.year, c.anchor) {
        (Some(y), _) => y,
        (None, None) => return date(format!("XXXX-{code}")),
        (None, Some(a)) => {
            let now = (a.month % 12) / 3;
            if m.has("last")
                || (!m.has("this") && !m.has("next") && c.dir() == Dir::Past && idx > now)
            {
                a.year - i32::from(idx >= now)
            } else if m.has("next") || (c.dir() == Dir::Future && idx < now && !m.has("this")) {
                a.year + i32::from(idx <= now)
            } else {
                a.year
            }
        }
    };
    date(format!("{year:04}-{code}"))
}

/// `year-end`, `the end of the year`: the last day of the anchor's year.
pub(crate) fn year_end(m: &Caps, c: &Ctx) -> Option<Out> {
    let y = m.year.or(c.anchor.map(|a| a.year))?;
    if m.has("end") && !m.has("-") {
        return date(format!("{y:04}"));
    }
    date(format!("{y:04}-12-31"))
}

/// `the 20th century`.
pub(crate) fn century(m: &Caps, _c: &Ctx) -> Option<Out> {
    let n = m.ord?;
    (1..=21).contains(&n).then_some(())?;
    date(format!("{:02}", n - 1))
}

/// `the nineties`, `the early sixties`: decades of the 1900s spelled out.
pub(crate) fn decade_word(m: &Caps, _c: &Ctx) -> Option<Out> {
    let i = super::lexicon::DECADE_WORDS.iter().position(|w| m.has(w))?;
    date(format!("19{}", i + 2))
}

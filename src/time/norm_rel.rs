//! Normalizers for expressions relative to the anchor: `last week`, `two years
//! ago`, `the third quarter`, `a year earlier`, `now`, `recently`.

use super::context::Dir;
use super::discourse;
use super::grammar::Caps;
use super::lexicon::Unit;
use super::norm::{date, dur, unknown_at, Ctx, Out};
use super::resolve::{at_unit, duration, last_quarter, shift};

/// `last year`, `this month`, `next week`, `the coming year`, `earlier this year`.
pub(crate) fn rel_unit(m: &Caps, c: &Ctx) -> Option<Out> {
    let unit = m.unit?;
    if m.plural || matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
        return None;
    }
    // "the past year" is a stretch of time, not a calendar year.
    if m.any(&["past", "coming"]) && unit != Unit::Weekend {
        return dur(duration(Some(1.0), unit));
    }
    let Some(a) = c.anchor else {
        return date(unknown_at(unit));
    };
    let narrative = if m.has("following") {
        following(unit, c)
    } else if m.has("that") {
        that_unit(unit, c)
    } else {
        None
    };
    if let Some(v) = narrative {
        return date(v);
    }
    if m.has("latest") && matches!(unit, Unit::Quarter) {
        return date(at_unit(last_quarter(a), unit));
    }
    let n = if m.any(&["last", "previous", "prior"]) {
        -1
    } else if m.any(&["next", "following"]) {
        1
    } else {
        0
    };
    date(at_unit(shift(a, unit, n), unit))
}

/// `the quarter`, `the year`, `the week`, `the weekend`: the current (or, for
/// quarters in earnings news, the just-reported) period.
pub(crate) fn the_unit(m: &Caps, c: &Ctx) -> Option<Out> {
    let unit = m.unit?;
    if m.plural {
        return None;
    }
    // "for the year ended Sept. 30" is a fiscal period's length.
    if matches!(c.after(0), "ended" | "ending") && unit == Unit::Year {
        return dur(duration(Some(1.0), unit));
    }
    let a = c.anchor?;
    let d = match unit {
        Unit::Quarter => last_quarter(a),
        Unit::Weekend if c.dir() == Dir::Future => {
            a.add_days((6 - i64::from(a.weekday())).rem_euclid(7))
        }
        Unit::Weekend => a.add_days(-(i64::from(a.weekday()) - 6).rem_euclid(7)),
        Unit::Year | Unit::Month | Unit::Week => a,
        _ => return None,
    };
    date(at_unit(d, unit))
}

/// `two weeks ago`, `a year earlier`, `three days later`, `a decade ago`.
pub(crate) fn ago(m: &Caps, c: &Ctx) -> Option<Out> {
    let unit = m.unit?;
    // "a few days later" is tagged as the duration alone (the amount rule).
    if m.any(&["later", "after", "before"]) {
        return None;
    }
    // "several years ago": some unspecified time in the past.
    let Some(n) = m.num?.map(|v| v.round() as i64) else {
        return (!m.has("from")).then(|| date("PAST_REF".into()))?;
    };
    let sign = if m.has("from") { 1 } else { -1 };
    let Some(a) = c.anchor else {
        return date(unknown_at(unit));
    };
    // Earnings copy compares with the same quarter a year before.
    if unit == Unit::Year && n == 1 && sign < 0 && c.s.quarterly {
        return date(at_unit(shift(last_quarter(a), unit, -1), Unit::Quarter));
    }
    let shown = match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Unit::Day,
        Unit::Decade | Unit::Century => Unit::Year,
        u => u,
    };
    date(at_unit(shift(a, unit, sign * n), shown))
}

/// `year-earlier`, `the year-ago quarter`, `the year-earlier period`.
pub(crate) fn year_earlier(m: &Caps, c: &Ctx) -> Option<Out> {
    let a = c.anchor?;
    // "the year-earlier third quarter": that quarter (or half) of the year before.
    if let Some(ord) = m.ord {
        let (tag, max) = if m.has("half") { ('H', 2) } else { ('Q', 4) };
        return (1..=max)
            .contains(&ord)
            .then(|| format!("{:04}-{tag}{ord}", a.year - 1))
            .and_then(date);
    }
    if m.any(&["quarter", "period"]) || c.s.quarterly {
        return date(at_unit(
            shift(last_quarter(a), Unit::Year, -1),
            Unit::Quarter,
        ));
    }
    date(at_unit(shift(a, Unit::Year, -1), Unit::Year))
}

/// `the third quarter`, `third-quarter`, `the fiscal first quarter of 1990`, `the second half`.
pub(crate) fn quarter(m: &Caps, c: &Ctx) -> Option<Out> {
    let ord = m.ord?;
    let half = m.has("half");
    if ord == 0 || ord > if half { 2 } else { 4 } {
        return None;
    }
    let tag = if half { 'H' } else { 'Q' };
    match (m.year, c.anchor) {
        (Some(y), _) => date(format!("{y:04}-{tag}{ord}")),
        (None, Some(a)) => {
            // Without a year, a quarter still ahead of the anchor is last
            // year's unless the clause looks forward ("the fourth quarter" in
            // January's earnings copy is the one just reported).
            let now = if half {
                a.month.div_ceil(6)
            } else {
                a.quarter()
            };
            let ahead = ord > u32::from(now);
            let y = match c.dir() {
                Dir::Future => a.year,
                _ if ahead => a.year - 1,
                _ => a.year,
            };
            date(format!("{y:04}-{tag}{ord}"))
        }
        (None, None) => date(format!("XXXX-{tag}{ord}")),
    }
}

/// `now`, `currently`, `recently`, `the past`, `the future`, `soon`.
pub(crate) fn reference(m: &Caps, _c: &Ctx) -> Option<Out> {
    let past = [
        "recently",
        "recent",
        "past",
        "previously",
        "formerly",
        "lately",
        "once",
    ];
    let future = ["future", "soon", "forthcoming", "term"];
    if m.any(&past) {
        return date("PAST_REF".into());
    }
    if m.any(&future) {
        return date("FUTURE_REF".into());
    }
    date("PRESENT_REF".into())
}

/// `this year's third quarter`, `last year's fourth quarter`.
pub(crate) fn year_quarter(m: &Caps, c: &Ctx) -> Option<Out> {
    let a = c.anchor?;
    let shift = if m.has("last") {
        -1
    } else {
        i32::from(m.has("next"))
    };
    let mut caps = *m;
    caps.year = Some(a.year + shift);
    quarter(&caps, c)
}

/// `the 1988 period`, `the 1988 quarter`: that year's edition of the reported quarter.
pub(crate) fn year_period(m: &Caps, c: &Ctx) -> Option<Out> {
    let q = last_quarter(c.anchor?).quarter();
    date(format!("{:04}-Q{q}", m.year?))
}

/// `the latest period`, `the full year`: the reported period of earnings copy.
pub(crate) fn period(m: &Caps, c: &Ctx) -> Option<Out> {
    let a = c.anchor?;
    if m.has("period") {
        return date(at_unit(last_quarter(a), Unit::Quarter));
    }
    date(at_unit(a, Unit::Year))
}

/// `the last half of 1989`, `the first two quarters of 1990`: a half year.
pub(crate) fn half_of_year(m: &Caps, _c: &Ctx) -> Option<Out> {
    // Exactly one of "half" / "two quarters" makes it a half year.
    (m.has("half") != m.has("quarters")).then_some(())?;
    let h = if m.has("first") { 1 } else { 2 };
    date(format!("{:04}-H{h}", m.year?))
}

/// `the following year` / `the following month`: one after the narrative's
/// latest explicit year or month (`None` when there is none to lean on).
fn following(unit: Unit, c: &Ctx) -> Option<String> {
    match unit {
        Unit::Year => Some(format!("{:04}", discourse::last_year(c)? + 1)),
        Unit::Month => {
            let (y, m) = discourse::last_month(c)?;
            Some(at_unit(discourse::month_shift(y, m, 1)?, Unit::Month))
        }
        _ => None,
    }
}

/// `later that year`, `earlier that day`: the narrative's latest explicit date.
fn that_unit(unit: Unit, c: &Ctx) -> Option<String> {
    match unit {
        Unit::Year => Some(format!("{:04}", discourse::last_year(c)?)),
        Unit::Day => Some(discourse::last_date(c)?.to_string()),
        _ => None,
    }
}

/// `that year`: the narrative's latest explicit year.
pub(crate) fn that_year(_m: &Caps, c: &Ctx) -> Option<Out> {
    date(format!("{:04}", discourse::last_year(c)?))
}

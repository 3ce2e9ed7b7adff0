//! Normalizers for expressions relative to the anchor: `last week`, `two years
//! ago`, `the third quarter`, `a year earlier`, `now`, `recently`.

use super::civil::CivilDate;
use super::class::Caps;
use super::context::Dir;
use super::discourse::{self, DayRef};
use super::lexicon::Unit;
use super::norm::{date, dur, unknown_at, Ctx, Out};
use super::resolve::{at_unit, duration, last_quarter, shift, weekday_date};
use super::scan::Kind;

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
pub(crate) fn reference(m: &Caps, c: &Ctx) -> Option<Out> {
    // "for the past three summers": `past` opens a counted stretch of plural
    // units, not the past in general.
    if m.has("past") && counted_plural(c.after(0), c.after(1)) {
        return None;
    }
    let past = ["recently", "recent", "past", "previously", "lately", "once"];
    let future = ["future", "soon", "forthcoming", "term"];
    if m.any(&past) {
        return date("PAST_REF".into());
    }
    if m.any(&future) {
        return date("FUTURE_REF".into());
    }
    date("PRESENT_REF".into())
}

/// `three summers`, `10 seasons`: a cardinal (not the article) before a plural noun.
fn counted_plural(n: &str, noun: &str) -> bool {
    let digits = !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    let cardinal = digits || super::lexicon::number_word(n).is_some_and(|v| v > 1);
    cardinal && noun.ends_with('s')
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

/// `today is the eighth day of the strike`, `it's the second day of talks`: a
/// day counted within an ongoing event, said in the present of the subject
/// `it`/`today`, is the article's own day.
pub(crate) fn nth_day_today(_m: &Caps, c: &Ctx) -> Option<Out> {
    let subject = if c.before(2) == "'" {
        c.before(3)
    } else {
        c.before(2)
    };
    let present = matches!(c.before(1), "is" | "s") && matches!(subject, "it" | "today");
    (present && c.after(0) == "of").then_some(())?;
    date(c.anchor?.to_string())
}

/// `that same day`, `the same day`: the day the narrative last named (TimeML
/// anchors it to that reference time; with only a month named the day is
/// unknown within it), else the article's day.
pub(crate) fn same_day(_m: &Caps, c: &Ctx) -> Option<Out> {
    let anchor = c.anchor?;
    date(match discourse::last_day(c) {
        Some(DayRef::Day(d)) => d.to_string(),
        Some(DayRef::Month(y, m)) => format!("{y:04}-{m:02}-XX"),
        None => anchor.to_string(),
    })
}

/// `the previous Friday`, `the following Monday`: the weekday just before or
/// after the day the narrative last named (else the article's day).
pub(crate) fn weekday_around(m: &Caps, c: &Ctx) -> Option<Out> {
    let wd = m.weekday?;
    let from = match discourse::last_day(c) {
        Some(DayRef::Day(d)) => d,
        _ => c.anchor?,
    };
    let d = if m.has("following") {
        weekday_date(from.add_days(1), wd, Dir::Future)
    } else {
        weekday_date(from.add_days(-1), wd, Dir::Past)
    };
    date(d.to_string())
}

/// Function words that may follow `in the morning` when it ends its phrase;
/// any other word makes it a modifier (`in the morning session`, `the morning
/// of May 3`), which is left alone.
const POD_END: &[&str] = &[
    "to", "and", "but", "or", "as", "when", "while", "before", "after", "until", "with", "at",
    "on", "in", "for", "from", "by", "because", "that", "he", "she", "they", "it", "we",
];

/// `in the morning`, `during the afternoon`: that part of the day the
/// narrative last named (`Friday … in the morning`), else of the article's day.
pub(crate) fn pod_narrative(_m: &Caps, c: &Ctx) -> Option<Out> {
    let pod = super::lexicon::part_of_day(c.s.low(c.b - 1))?;
    let next_is_word = c.s.tok(c.b).is_some_and(|t| t.kind == Kind::Word);
    if next_is_word && !POD_END.contains(&c.after(0)) {
        return None;
    }
    super::norm::time(format!("{}T{pod}", story_day(c)?))
}

/// `overnight losses`, `struck overnight`: the night before the day the
/// narrative last named (else before the article's day), a TIME.
pub(crate) fn overnight(_m: &Caps, c: &Ctx) -> Option<Out> {
    super::norm::time(format!("{}TNI", story_day(c)?.add_days(-1)))
}

/// How many days before the article a named day may lie and still be the
/// story's current day (Monday's paper on Friday's trading).
const STORY_DAYS: i64 = 7;

/// The day a bare part of day or `overnight` belongs to: the day the narrative
/// last named when that is the story's recent present, else the article's day.
/// A background date ("the Aug. 7 bombings" two weeks back) is not it.
fn story_day(c: &Ctx) -> Option<CivilDate> {
    let anchor = c.anchor?;
    Some(match discourse::last_day(c) {
        Some(DayRef::Day(d)) if (0..=STORY_DAYS).contains(&(anchor.to_days() - d.to_days())) => d,
        _ => anchor,
    })
}

//! Normalizers for durations, repetitions (SET) and clock times.

use super::class::Caps;
use super::lexicon::Unit;
use super::norm::{date, dur, set, time, Ctx, Out};
use super::norm_date::with_pod;
use super::resolve::duration;

/// Words before `a year` that make it a rate (`$5 a year`, `twice a year`).
const RATE_CUES: [&str; 10] = [
    "%", "percent", "million", "billion", "cents", "dollars", "times", "twice", "once", "$",
];

/// `three years`, `the past 18 months`, `two-year`, `a week`, `several days`.
pub(crate) fn amount(m: &Caps, c: &Ctx) -> Option<Out> {
    let unit = m.unit?;
    // "a 29-year-old" is an age, not a duration; in "a day-long meeting" the
    // `unit-long` row takes the adjective without the article.
    let suffix = |w: &str| c.after(0) == w || (c.after(0) == "-" && c.after(1) == w);
    if suffix("old") || suffix("long") {
        return None;
    }
    // "a year-earlier loss": the `year-earlier` rule takes it from `year`;
    // "the first two quarters of 1990" is a half year, not a length.
    let of_year = c.after(0) == "of" && c.after(1).len() == 4 && m.num == Some(Some(2.0));
    if of_year || (c.after(0) == "-" && matches!(c.after(1), "earlier" | "ago")) {
        return None;
    }
    let half = if m.has("half") { 0.5 } else { 0.0 };
    let amount = m.num?.map(|n| n + half);
    let prev = c.before(1);
    // "Islam will one day be ...": an indefinite future, not a length.
    let modal = matches!(prev, "will" | "would" | "could" | "may" | "might" | "can");
    if modal && unit == Unit::Day && c.s.low(c.a) == "one" && c.b == c.a + 2 {
        return date("FUTURE_REF".into());
    }
    let rate = m.has("a") || amount == Some(1.0) && !m.any(&["the", "one", "past", "last"]);
    if rate
        && (RATE_CUES.contains(&prev) || prev.bytes().all(|b| b.is_ascii_digit()))
        && !prev.is_empty()
    {
        return set(duration(Some(1.0), unit));
    }
    // "a second time", "three-quarters of the vote".
    if (unit == Unit::Second && m.has("a")) || (unit == Unit::Quarter && (m.has("a") || m.has("-")))
    {
        return None;
    }
    dur(duration(amount, unit))
}

/// `recent years` / `recent days` and bare `past years` read as the past in
/// general, `(the) coming weeks` as the future (TimeML FUTURE_REF); `recent
/// weeks` and `the past weeks` as a vague stretch.
pub(crate) fn vague(m: &Caps, _c: &Ctx) -> Option<Out> {
    let unit = m.unit?;
    if !m.plural {
        return None;
    }
    let bare_past = m.has("past") && !m.has("the");
    if (m.has("recent") && matches!(unit, Unit::Year | Unit::Day)) || bare_past {
        return date("PAST_REF".into());
    }
    if m.any(&["coming", "future"]) {
        return date("FUTURE_REF".into());
    }
    dur(duration(None, unit))
}

/// `the next 12 to 18 months`: a vague stretch.
pub(crate) fn range(m: &Caps, _c: &Ctx) -> Option<Out> {
    dur(duration(None, m.unit?))
}

/// `years`, `decades`, `for weeks`: a plural unit on its own.
pub(crate) fn plural(m: &Caps, _c: &Ctx) -> Option<Out> {
    m.plural.then_some(())?;
    let unit = m.unit?;
    if matches!(unit, Unit::Weekend | Unit::Quarter) {
        return None;
    }
    dur(duration(None, unit))
}

/// `a day-long meeting`, `decades-long battle`, `a two-week-long strike`: an
/// adjective of length (TimeML DURATION); a plural unit leaves the amount open.
pub(crate) fn lasting(m: &Caps, _c: &Ctx) -> Option<Out> {
    let unit = m.unit?;
    let amount = match m.num {
        Some(n) => n,
        None if m.plural => None,
        None => Some(1.0),
    };
    dur(duration(amount, unit))
}

/// `for a while`: a stretch of time whose length and unit are both left open
/// (TimeML `PXX`); `once in a while` is a vague frequency, not a length.
pub(crate) fn unspecified(_m: &Caps, c: &Ctx) -> Option<Out> {
    (c.before(2) != "once").then_some(())?;
    dur("PXX".into())
}

/// `daily`, `weekly`, `annually`, `every month`, `each Thursday`, `per year`.
pub(crate) fn every(m: &Caps, _c: &Ctx) -> Option<Out> {
    if let (Some(mo), None) = (m.month, m.day) {
        return set(format!("XXXX-{mo:02}"));
    }
    if let Some(wd) = m.weekday {
        let v = format!("XXXX-WXX-{wd}");
        return set(m.pod.map_or(v.clone(), |p| format!("{v}T{p}")));
    }
    if let Some(s) = m.season {
        return set(format!("XXXX-{s}"));
    }
    set(duration(Some(1.0), m.unit?))
}

/// Adverbs of frequency (`daily` …) carry their unit in the word.
pub(crate) fn frequency(m: &Caps, _c: &Ctx) -> Option<Out> {
    let unit = [
        ("hourly", Unit::Hour),
        ("daily", Unit::Day),
        ("weekly", Unit::Week),
        ("monthly", Unit::Month),
        ("quarterly", Unit::Quarter),
        ("annually", Unit::Year),
        ("yearly", Unit::Year),
    ]
    .iter()
    .find(|(w, _)| m.has(w))?
    .1;
    set(duration(Some(1.0), unit))
}

/// `5 p.m. EST`, `10:30 a.m.`, `5 p.m. Friday`: the clock time on the anchor day
/// (or on the day named after it).
pub(crate) fn clock(m: &Caps, c: &Ctx) -> Option<Out> {
    let mut h = m.hour?;
    let min = m.minute.unwrap_or(0);
    match m.pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        None if !m.has(":") || h > 24 => return None,
        _ => {}
    }
    if h > 24 || (m.pm.is_some() && m.hour? > 12) {
        return None;
    }
    let day = match day_of(m, c) {
        Some(d) => d,
        None => return time(format!("XXXX-XX-XXT{h:02}:{min:02}")),
    };
    time(format!("{day}T{h:02}:{min:02}"))
}

/// `at 4 in the morning`, `until 3 in the afternoon`: the part of day stands in
/// for a.m./p.m. (a bare hour after `at` is a clock time in ordinary usage).
pub(crate) fn clock_pod(m: &Caps, c: &Ctx) -> Option<Out> {
    let h = m.hour?;
    if m.has(":") || !(1..=12).contains(&h) {
        return None;
    }
    let mut timed = *m;
    timed.pm = Some(!m.has("morning"));
    clock(&timed, c)
}

/// The day a clock time or part of day belongs to: a named date/weekday in the
/// match, else a weekday just after it, else the anchor.
fn day_of(m: &Caps, c: &Ctx) -> Option<String> {
    let mut probe = *m;
    probe.pod = None;
    if m.month.is_some() && m.day.is_some() {
        return super::norm_date::month_day(&probe, c).map(|o| o.value);
    }
    if m.weekday.is_some() {
        return super::norm_date::weekday(&probe, c).map(|o| o.value);
    }
    let day_word = m.any(&["today", "yesterday", "tomorrow", "tonight"]);
    if let Some(day) = (!day_word).then(|| weekday_after(c)).flatten() {
        return Some(day);
    }
    super::norm_date::day_word(&probe, c).map(|o| o.value)
}

/// The weekday a clock time is said to fall on when a parenthetical (another
/// time zone) or `on` separates them: `at 10:35 a.m. (0735 GMT) Friday`,
/// `at 4 in the morning (4 a.m. EDT Thursday)`. TimeML anchors the time to the
/// day the sentence names, not to the article date.
fn weekday_after(c: &Ctx) -> Option<String> {
    let s = c.s;
    let mut k = c.b;
    if s.low(k) == "(" {
        let close = (k + 1..k + 12).find(|&j| s.low(j) == ")")?;
        if let Some(day) = (k + 1..close).find_map(|j| weekday_at(c, j)) {
            return Some(day);
        }
        k = close + 1;
    }
    k += usize::from(s.low(k) == "on");
    weekday_at(c, k)
}

/// The date of a weekday name at token `j`, resolved in the clause of the
/// whole `clock … weekday` stretch (as if it had been one expression).
fn weekday_at(c: &Ctx, j: usize) -> Option<String> {
    let mut caps = Caps::default();
    let n = super::classes::class_at(super::class::Class::Weekday, c.s, j, &mut caps)?;
    let at = Ctx {
        anchor: c.anchor,
        s: c.s,
        a: c.a,
        b: j + n,
    };
    super::norm_date::weekday(&caps, &at).map(|o| o.value)
}

/// `noon`, `midnight`, `midday`.
pub(crate) fn noon(m: &Caps, c: &Ctx) -> Option<Out> {
    let day = day_of(m, c)?;
    if m.has("midnight") {
        return time(format!("{day}T24:00"));
    }
    let mut noon = *m;
    noon.pod = Some("MI");
    with_pod(day, &noon)
}

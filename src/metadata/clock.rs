//! Times of day and relative stamps in header lines. `Updated: Feb 6, 2020 10:35 AM ET`
//! becomes `2020-02-06T10:35:00-05:00`, `Thu 6 Feb 2020 14.07 GMT` becomes
//! `2020-02-06T14:07:00+00:00`: a time is reported only with a zone that fixes
//! its offset, since a bare `10:35 AM` is no instant. `3 hours ago` is resolved
//! only against the caller's document date.

use crate::time::CivilDate;

/// Fixed-offset zone abbreviations (minutes east of UTC). `IST` and `CST` name
/// several zones; the US and Indian readings are the ones English copy means most.
const ZONES: &[(&str, i32)] = &[
    ("gmt", 0),
    ("utc", 0),
    ("z", 0),
    ("wet", 0),
    ("bst", 60),
    ("cet", 60),
    ("cest", 120),
    ("eet", 120),
    ("eest", 180),
    ("msk", 180),
    ("azt", 240),
    ("gst", 240),
    ("pkt", 300),
    ("ist", 330),
    ("ict", 420),
    ("hkt", 480),
    ("sgt", 480),
    ("jst", 540),
    ("kst", 540),
    ("aest", 600),
    ("aedt", 660),
    ("est", -300),
    ("edt", -240),
    ("cst", -360),
    ("cdt", -300),
    ("mst", -420),
    ("mdt", -360),
    ("pst", -480),
    ("pdt", -420),
];

/// US zones named without standard/daylight (`ET`): standard offset, minutes.
const US_ZONES: &[(&str, i32)] = &[("et", -300), ("ct", -360), ("mt", -420), ("pt", -480)];

/// A word that names a zone (`GMT`, `ET`, `UTC+3`).
pub(crate) fn is_zone(w: &str) -> bool {
    zone(w, "2000-01-01").is_some()
}

/// The offset of zone word `w` on `date` (US zones follow daylight saving time).
fn zone(w: &str, date: &str) -> Option<i32> {
    let w = w.to_ascii_lowercase();
    if let Some((_, m)) = ZONES.iter().chain(US_ZONES).find(|(z, _)| *z == w) {
        let dst = US_ZONES.iter().any(|(z, _)| *z == w) && us_daylight(date)?;
        return Some(m + if dst { 60 } else { 0 });
    }
    let rest = w.strip_prefix("utc").or_else(|| w.strip_prefix("gmt"))?;
    let sign = match rest.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = rest[1..].chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (digits[..2].parse().ok()?, digits[2..].parse().ok()?),
        _ => return None,
    };
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// `10:35`, `14.07`, `9:05:30` with an optional glued `am`/`pm`: (hour, minute, second, pm?).
fn clock(w: &str) -> Option<(u32, u32, u32, Option<bool>)> {
    let lower = w.to_ascii_lowercase();
    let (body, half) = match lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("a.m."))
    {
        Some(b) => (b.to_string(), Some(false)),
        None => match lower
            .strip_suffix("pm")
            .or_else(|| lower.strip_suffix("p.m."))
        {
            Some(b) => (b.to_string(), Some(true)),
            None => (lower, None),
        },
    };
    let parts: Vec<&str> = body.split([':', '.']).collect();
    let num = |s: &str| (s.len() <= 2 && !s.is_empty()).then(|| s.parse::<u32>().ok())?;
    let (h, m) = (num(parts.first()?)?, num(parts.get(1)?)?);
    let s = parts.get(2).map_or(Some(0), |s| num(s))?;
    (parts.len() <= 3 && h < 24 && m < 60 && s < 60).then_some((h, m, s, half))
}

/// The date-time for ISO `date` and the words around it, when they hold a clock
/// time and a zone, with the indices of the first and last word it read (clock
/// to zone); `None` leaves the plain date.
pub(crate) fn stamp(date: &str, words: &[&str]) -> Option<(String, usize, usize)> {
    if date.len() != 10 {
        return None;
    }
    let at = words.iter().position(|w| clock(w).is_some())?;
    let (mut h, m, s, mut half) = clock(words[at])?;
    let lower = |i: usize| words.get(i).map(|w| w.to_ascii_lowercase());
    let mut i = at + 1;
    if half.is_none() {
        half = match lower(i).as_deref() {
            Some("am" | "a.m" | "a.m.") => Some(false),
            Some("pm" | "p.m" | "p.m.") => Some(true),
            _ => None,
        };
        i += usize::from(half.is_some());
    }
    if let Some(pm) = half {
        if h == 0 || h > 12 {
            return None;
        }
        h = h % 12 + if pm { 12 } else { 0 };
    }
    if matches!(lower(i).as_deref(), Some("hrs" | "local")) {
        i += 1;
    }
    let off = zone(&lower(i)?, date)?;
    let value = format!("{date}T{h:02}:{m:02}:{s:02}{}", offset(off));
    Some((value, at, i))
}

fn offset(min: i32) -> String {
    let sign = if min < 0 { '-' } else { '+' };
    format!("{sign}{:02}:{:02}", min.abs() / 60, min.abs() % 60)
}

/// US daylight saving time (since 2007): second Sunday of March to first Sunday
/// of November.
fn us_daylight(date: &str) -> Option<bool> {
    let d = civil_date(date)?;
    let sunday_on_or_after = |month: u8, day: u8| {
        let from = CivilDate::new(d.year, month, day)?;
        Some(day + (7 - from.weekday()) % 7)
    };
    Some(match d.month {
        4..=10 => true,
        3 => d.day >= sunday_on_or_after(3, 8)?,
        11 => d.day < sunday_on_or_after(11, 1)?,
        _ => false,
    })
}

/// The calendar date at the start of an ISO `YYYY-MM-DD...` string.
pub(crate) fn civil_date(s: &str) -> Option<CivilDate> {
    let num = |a: usize, b: usize| s.get(a..b)?.parse::<u32>().ok();
    let (y, m, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    CivilDate::new(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

#[cfg(test)]
#[path = "clock_tests.rs"]
mod tests;

//! Relative header stamps: `Published 3 hours ago`, `Updated 20 minutes ago`,
//! `2 days ago`, `yesterday`. They name an instant only relative to when the page
//! was read, so they resolve against the caller's document date and nothing else;
//! without one they are reported as found, with an empty value.

use super::clock::civil_date;
use super::piece::Piece;
use super::DateField;
use crate::time::CivilDate;

/// Seconds per unit word (singular, lower case).
const UNITS: &[(&str, i64)] = &[
    ("second", 1),
    ("sec", 1),
    ("minute", 60),
    ("min", 60),
    ("hour", 3600),
    ("hr", 3600),
    ("day", 86_400),
    ("week", 604_800),
];

/// The relative stamp among `words` (`3 hours ago`, `yesterday`) and the indices
/// of the words it spans, resolved against `anchor` when given.
pub(crate) fn find(words: &[Piece<'_>], anchor: Option<&str>) -> Option<(usize, usize, DateField)> {
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.s.trim_end_matches([',', '.']).to_ascii_lowercase())
        .collect();
    let (from, to, secs) = (0..lower.len()).find_map(|i| shape(&lower, i))?;
    let span = words[from].span().cover(&words[to].span());
    let value = anchor.and_then(|a| shift(a, secs)).unwrap_or_default();
    Some((from, to, DateField { value, span }))
}

/// At word `i`: `N unit(s) ago` or `yesterday`/`today`: (first, last word, seconds back).
fn shape(w: &[String], i: usize) -> Option<(usize, usize, i64)> {
    match w[i].as_str() {
        "yesterday" => return Some((i, i, 86_400)),
        "today" | "now" => return Some((i, i, 0)),
        _ => {}
    }
    let n: i64 = match w[i].as_str() {
        "a" | "an" | "one" => 1,
        s => s.parse().ok().filter(|n| (1..=10_000).contains(n))?,
    };
    let unit = w.get(i + 1)?;
    let unit = unit.strip_suffix('s').unwrap_or(unit);
    let (_, secs) = UNITS.iter().find(|(u, _)| *u == unit)?;
    (w.get(i + 2)?.as_str() == "ago").then_some((i, i + 2, n * secs))
}

/// `anchor` (ISO date or date-time) moved `secs` back. A date-only anchor gives a
/// date: the day `secs` falls on, counting from the end of the anchor day for
/// hours and minutes (`3 hours ago` on 2020-02-07 is 2020-02-07).
fn shift(anchor: &str, secs: i64) -> Option<String> {
    let day = civil_date(anchor)?.to_days();
    let Some(clock) = anchor.get(11..19) else {
        return Some(CivilDate::from_days(day - secs / 86_400).to_string());
    };
    let num = |a: usize, b: usize| clock.get(a..b)?.parse::<i64>().ok();
    let (h, mi, s) = (num(0, 2)?, num(3, 5)?, num(6, 8)?);
    let t = day * 86_400 + h * 3600 + mi * 60 + s - secs;
    let (dd, rem) = (t.div_euclid(86_400), t.rem_euclid(86_400));
    let zone = anchor.get(19..).unwrap_or("");
    let (hh, mm, ss) = (rem / 3600, rem % 3600 / 60, rem % 60);
    let date = CivilDate::from_days(dd);
    Some(format!("{date}T{hh:02}:{mm:02}:{ss:02}{zone}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_cross_midnight_and_keep_the_anchor_zone() {
        assert_eq!(
            shift("2021-05-02T01:00:00", 3 * 3600).as_deref(),
            Some("2021-05-01T22:00:00")
        );
        assert_eq!(
            shift("2021-03-01T01:00:00Z", 3600 * 2).as_deref(),
            Some("2021-02-28T23:00:00Z")
        );
        assert_eq!(
            shift("2021-03-01", 86_400 * 2).as_deref(),
            Some("2021-02-27")
        );
        assert_eq!(shift("2021-03-01", 3 * 3600).as_deref(), Some("2021-03-01"));
        assert_eq!(shift("not a date", 60), None);
    }

    #[test]
    fn only_counted_units_followed_by_ago_are_relative() {
        let w = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(shape(&w("3 hours ago"), 0), Some((0, 2, 10_800)));
        assert_eq!(shape(&w("an hour ago"), 0), Some((0, 2, 3600)));
        assert_eq!(shape(&w("yesterday"), 0), Some((0, 0, 86_400)));
        assert_eq!(shape(&w("3 hours later"), 0), None);
        assert_eq!(shape(&w("3 hours"), 0), None);
        assert_eq!(shape(&w("99999 days ago"), 0), None);
    }
}

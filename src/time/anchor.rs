//! The reference point ("document creation time") relative expressions resolve against.

use super::civil::CivilDate;
use thiserror::Error;

/// The article's own date (and time of day when known) that "Friday" or "last
/// week" are resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    /// Calendar date of the anchor.
    pub date: CivilDate,
    /// Optional time of day as (hour, minute, second).
    pub time: Option<(u8, u8, u8)>,
}

/// Why a document date string could not be used as an anchor.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnchorError {
    /// The text does not start with `YYYY-MM-DD`.
    #[error("document date {input:?} is not an ISO 8601 date (expected YYYY-MM-DD)")]
    Format {
        /// The rejected input.
        input: String,
    },
    /// The fields parse but name no real day (e.g. `2019-02-29`).
    #[error("document date {input:?} names a day that does not exist")]
    NoSuchDay {
        /// The rejected input.
        input: String,
    },
    /// The part after `T` is not `HH:MM[:SS[.fff]]` with an optional `Z` or offset.
    #[error("document date {input:?} has an invalid time of day (expected THH:MM[:SS][Z|+HH:MM])")]
    Time {
        /// The rejected input.
        input: String,
    },
}

/// Parses `2020-02-07`, `1998-06-26T07:07:00`, `1998-06-26T07:07`, with an
/// optional trailing `Z` or UTC offset (which is ignored: the local date counts).
pub fn parse_anchor(s: &str) -> Result<Anchor, AnchorError> {
    let t = s.trim();
    let err = |f: fn(String) -> AnchorError| f(t.to_string());
    let b = t.as_bytes();
    let shape = b.len() >= 10 && b[4] == b'-' && b[7] == b'-';
    let (Some(y), Some(m), Some(d)) = (num(t, 0, 4), num(t, 5, 7), num(t, 8, 10)) else {
        return Err(err(|input| AnchorError::Format { input }));
    };
    if !shape {
        return Err(err(|input| AnchorError::Format { input }));
    }
    let date = CivilDate::new(y as i32, m as u8, d as u8)
        .ok_or_else(|| err(|input| AnchorError::NoSuchDay { input }))?;
    let time = match &t[10..] {
        "" => None,
        rest if rest.starts_with(['T', 't', ' ']) => {
            Some(parse_time(&rest[1..]).ok_or_else(|| err(|input| AnchorError::Time { input }))?)
        }
        _ => return Err(err(|input| AnchorError::Format { input })),
    };
    Ok(Anchor { date, time })
}

/// Digits `s[a..b]` as a number, `None` unless all are ASCII digits.
fn num(s: &str, a: usize, b: usize) -> Option<u32> {
    let part = s.get(a..b)?;
    part.bytes()
        .all(|c| c.is_ascii_digit())
        .then(|| part.parse().ok())?
}

/// `HH:MM[:SS[.fff]][Z|±HH[:MM]]` → (h, m, s).
fn parse_time(s: &str) -> Option<(u8, u8, u8)> {
    let cut = s.find(['Z', 'z', '+', '-']).unwrap_or(s.len());
    let (clock, zone) = s.split_at(cut);
    if !(zone.is_empty() || zone.eq_ignore_ascii_case("z") || valid_offset(zone)) {
        return None;
    }
    let clock = clock.split('.').next().unwrap_or(clock);
    let (h, mi) = (num(clock, 0, 2)?, num(clock, 3, 5)?);
    let sec = match clock.len() {
        5 => 0,
        8 if clock.as_bytes()[5] == b':' => num(clock, 6, 8)?,
        _ => return None,
    };
    let ok = clock.as_bytes()[2] == b':' && h < 24 && mi < 60 && sec < 61;
    ok.then_some((h as u8, mi as u8, sec as u8))
}

/// `+05:00`, `-0800`, `+05`.
fn valid_offset(z: &str) -> bool {
    let digits: String = z[1..].chars().filter(|c| *c != ':').collect();
    matches!(digits.len(), 2 | 4) && digits.bytes().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_date_and_datetime_forms() {
        let a = parse_anchor("2020-02-07").expect("plain date");
        assert_eq!((a.date.to_string(), a.time), ("2020-02-07".into(), None));
        let b = parse_anchor("1998-06-26T07:07:00").expect("datetime");
        assert_eq!(b.time, Some((7, 7, 0)));
        assert_eq!(
            parse_anchor("1998-06-26T07:07").map(|a| a.time),
            Ok(Some((7, 7, 0)))
        );
        assert!(parse_anchor("1998-06-26T07:07:00Z").is_ok());
        assert!(parse_anchor("1998-06-26T07:07:00+05:30").is_ok());
    }

    #[test]
    fn rejects_with_a_reason() {
        assert!(matches!(
            parse_anchor("Feb 7 2020"),
            Err(AnchorError::Format { .. })
        ));
        assert!(matches!(
            parse_anchor("2019-02-29"),
            Err(AnchorError::NoSuchDay { .. })
        ));
        assert!(matches!(
            parse_anchor("2019-02-28T25:00"),
            Err(AnchorError::Time { .. })
        ));
        assert!(parse_anchor("2019-02-28T10:00").is_ok());
        assert!(parse_anchor("").is_err());
    }
}

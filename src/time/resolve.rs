//! Value arithmetic shared by the normalizers: granularity formatting, shifting
//! by units, picking the year of "May 9" or the date of "Friday", durations.

use super::civil::CivilDate;
use super::context::Dir;
use super::lexicon::Unit;

/// Formats `d` at the granularity of `unit` (`2020-02-07`, `2020-W06`, `2020-02`,
/// `2020-Q1`, `2020`, `202`, `20`).
pub(crate) fn at_unit(d: CivilDate, unit: Unit) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => d.to_string(),
        Unit::Week => {
            let (y, w) = d.iso_week();
            format!("{y:04}-W{w:02}")
        }
        Unit::Weekend => {
            let (y, w) = d.iso_week();
            format!("{y:04}-W{w:02}-WE")
        }
        Unit::Month => format!("{:04}-{:02}", d.year, d.month),
        Unit::Quarter => format!("{:04}-Q{}", d.year, d.quarter()),
        Unit::Year => format!("{:04}", d.year),
        Unit::Decade => format!("{:03}", d.year.div_euclid(10)),
        Unit::Century => format!("{:02}", d.year.div_euclid(100)),
    }
}

/// `d` moved by `n` units (weeks are 7 days, quarters 3 months …).
pub(crate) fn shift(d: CivilDate, unit: Unit, n: i64) -> CivilDate {
    let n32 = n.clamp(-100_000, 100_000) as i32;
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => d,
        Unit::Day => d.add_days(n),
        Unit::Week | Unit::Weekend => d.add_days(7 * n),
        Unit::Month => d.add_months(n32),
        Unit::Quarter => d.add_months(3 * n32),
        Unit::Year => d.add_months(12 * n32),
        Unit::Decade => d.add_months(120 * n32),
        Unit::Century => d.add_months(1200 * n32),
    }
}

/// TimeML duration value: `P3Y`, `PT2H`, `P2Y6M`, `P2Q`, `PXY` for a vague amount.
pub(crate) fn duration(amount: Option<f64>, unit: Unit) -> String {
    let (unit, amount) = match unit {
        Unit::Decade => (Unit::Year, amount.map(|a| a * 10.0)),
        Unit::Century => (Unit::Year, amount.map(|a| a * 100.0)),
        Unit::Weekend => (Unit::Day, amount.map(|a| a * 2.0)),
        u => (u, amount),
    };
    let (des, t) = unit.designator();
    let pre = if t { "PT" } else { "P" };
    let Some(a) = amount else {
        return format!("{pre}X{des}");
    };
    if a.fract() == 0.0 {
        return format!("{pre}{}{des}", a as i64);
    }
    let half = a.fract() == 0.5;
    match unit {
        Unit::Year if half => format!("P{}Y6M", a as i64),
        Unit::Day if half => format!("P{}DT12H", a as i64),
        Unit::Hour if half => format!("PT{}H30M", a as i64),
        Unit::Minute if half => format!("PT{}M30S", a as i64),
        _ => format!("{pre}{a}{des}"),
    }
}

/// The date of weekday `wd` nearest the anchor in direction `dir` (the anchor's
/// own weekday resolves to the anchor day itself).
pub(crate) fn weekday_date(anchor: CivilDate, wd: u8, dir: Dir) -> CivilDate {
    let diff = i64::from(wd) - i64::from(anchor.weekday());
    match dir {
        Dir::Future => anchor.add_days(diff.rem_euclid(7)),
        _ => anchor.add_days(-(-diff).rem_euclid(7)),
    }
}

/// Beyond this many days from the anchor, the sentence's tense overrides "nearest".
const TENSE_OVERRIDE_DAYS: i64 = 90;

/// The year of a month (and optional day) without a year: the occurrence nearest
/// the anchor, unless that lies far on the side the sentence's tense rules out
/// (or, for a bare month in a future clause, is already over).
pub(crate) fn year_for(anchor: CivilDate, month: u8, day: Option<u8>, dir: Dir) -> i32 {
    let diff = |y: i32| {
        let d = day.unwrap_or(15).min(super::civil::days_in_month(y, month));
        CivilDate {
            year: y,
            month,
            day: d,
        }
        .to_days()
            - anchor.to_days()
    };
    let years = [anchor.year - 1, anchor.year, anchor.year + 1];
    let nearest = years
        .into_iter()
        .min_by_key(|y| diff(*y).abs())
        .unwrap_or(anchor.year);
    let gap = diff(nearest);
    // A whole month already over cannot be what a future clause means ("will fly
    // a mission in December", said in March). Past cues get no such rule: many
    // are adjectives ("preferred shares"), so they keep the tolerance.
    let month_over = day.is_none() && (nearest, month) < (anchor.year, anchor.month);
    match dir {
        Dir::Future if month_over => nearest + 1,
        Dir::Past if gap > TENSE_OVERRIDE_DAYS => nearest - 1,
        Dir::Future if gap < -TENSE_OVERRIDE_DAYS => nearest + 1,
        _ => nearest,
    }
}

/// The quarter that was most recently completed (what earnings news reports on).
pub(crate) fn last_quarter(anchor: CivilDate) -> CivilDate {
    shift(anchor, Unit::Quarter, -1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> CivilDate {
        CivilDate::new(y, m, day).expect("valid")
    }

    #[test]
    fn granularities() {
        let a = d(1989, 10, 30);
        assert_eq!(at_unit(a, Unit::Week), "1989-W44");
        assert_eq!(at_unit(a, Unit::Quarter), "1989-Q4");
        assert_eq!(at_unit(a, Unit::Decade), "198");
        assert_eq!(at_unit(shift(a, Unit::Month, -1), Unit::Month), "1989-09");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Some(3.0), Unit::Year), "P3Y");
        assert_eq!(duration(Some(2.0), Unit::Hour), "PT2H");
        assert_eq!(duration(Some(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration(None, Unit::Week), "PXW");
        assert_eq!(duration(Some(1.0), Unit::Decade), "P10Y");
    }

    #[test]
    fn weekdays_and_years_follow_tense() {
        let fri = d(2020, 2, 7);
        assert_eq!(weekday_date(fri, 2, Dir::Past), d(2020, 2, 4));
        assert_eq!(weekday_date(fri, 5, Dir::Past), fri);
        assert_eq!(weekday_date(fri, 2, Dir::Future), d(2020, 2, 11));
        assert_eq!(year_for(fri, 5, Some(9), Dir::Future), 2020);
        assert_eq!(year_for(fri, 5, Some(9), Dir::Past), 2019);
        assert_eq!(year_for(fri, 12, Some(9), Dir::Unknown), 2019);
        assert_eq!(year_for(fri, 3, Some(9), Dir::Past), 2020);
        assert_eq!(year_for(fri, 1, None, Dir::Future), 2021);
        assert_eq!(year_for(fri, 2, None, Dir::Future), 2020);
        assert_eq!(year_for(d(2020, 3, 4), 12, None, Dir::Future), 2020);
        assert_eq!(year_for(d(2020, 3, 4), 12, None, Dir::Unknown), 2019);
    }
}

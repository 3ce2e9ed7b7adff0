//! A proleptic Gregorian calendar date with just the arithmetic TIMEX3 needs.
//!
//! Day counting follows Howard Hinnant's days-from-civil algorithm, so no
//! calendar crate is needed for week numbers, weekdays and month shifts.

use std::fmt;

/// A calendar date (year, month 1–12, day 1–31), always valid once built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// Gregorian year (may be negative in theory; news stays within 1000–2999).
    pub year: i32,
    /// Month of the year, 1 = January.
    pub month: u8,
    /// Day of the month, 1-based.
    pub day: u8,
}

/// Number of days in `month` of `year`; 0 for a month outside 1–12.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// True for Gregorian leap years.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl CivilDate {
    /// Builds a date, or `None` when the day does not exist in that month.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(CivilDate { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), so dates can be compared and shifted.
    pub fn to_days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`CivilDate::to_days`].
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CivilDate { year, month, day }
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Self {
        Self::from_days(self.to_days() + n)
    }

    /// The same day `n` months later, clamped to the month's last day.
    pub fn add_months(self, n: i32) -> Self {
        let total = self.year * 12 + i32::from(self.month) - 1 + n;
        let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
        let day = self.day.min(days_in_month(year, month));
        CivilDate { year, month, day }
    }

    /// ISO 8601 week-numbering year and week (1–53).
    pub fn iso_week(self) -> (i32, u8) {
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let jan1 = CivilDate {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u8)
    }

    /// Calendar quarter, 1–4.
    pub fn quarter(self) -> u8 {
        (self.month - 1) / 3 + 1
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> CivilDate {
        CivilDate::new(y, m, day).expect("valid test date")
    }

    #[test]
    fn days_round_trip_and_epoch() {
        assert_eq!(d(1970, 1, 1).to_days(), 0);
        for n in [-800_000, -1, 0, 59, 10_957, 18_299, 400_000] {
            assert_eq!(CivilDate::from_days(n).to_days(), n);
        }
    }

    #[test]
    fn weekday_and_iso_week() {
        assert_eq!(d(2020, 2, 7).weekday(), 5); // a Friday
        assert_eq!(d(2020, 2, 7).iso_week(), (2020, 6));
        assert_eq!(d(2021, 1, 1).iso_week(), (2020, 53));
        assert_eq!(d(2019, 12, 30).iso_week(), (2020, 1));
    }

    #[test]
    fn month_shift_clamps() {
        assert_eq!(d(2020, 1, 31).add_months(1), d(2020, 2, 29));
        assert_eq!(d(2020, 1, 15).add_months(-13), d(2018, 12, 15));
        assert!(CivilDate::new(2019, 2, 29).is_none());
    }
}

//! Word lists: months, weekdays, number words, units, seasons, parts of day.
//!
//! Plain `match` tables keep the vocabulary readable and compile to fast lookups.

/// A calendar unit a duration or shift is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// TimeML duration designator, and whether it sits after `T`.
    pub fn designator(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week => ("W", false),
            Unit::Weekend => ("WE", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }
}

/// Month number for a full or abbreviated English month name.
pub(crate) fn month(w: &str) -> Option<u8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// ISO weekday (1 = Monday) for a weekday name.
pub(crate) fn weekday(w: &str) -> Option<u8> {
    Some(match w {
        "monday" | "mon" => 1,
        "tuesday" | "tues" | "tue" => 2,
        "wednesday" | "wed" => 3,
        "thursday" | "thurs" | "thu" => 4,
        "friday" | "fri" => 5,
        "saturday" | "sat" => 6,
        "sunday" | "sun" => 7,
        _ => return None,
    })
}

/// Value of a cardinal number word.
pub(crate) fn number_word(w: &str) -> Option<u32> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(n) = SMALL.iter().position(|s| *s == w) {
        return Some(n as u32);
    }
    if let Some(n) = TENS.iter().position(|s| *s == w) {
        return Some(20 + 10 * n as u32);
    }
    match w {
        "hundred" => Some(100),
        "dozen" => Some(12),
        "a" | "an" => Some(1),
        _ => None,
    }
}

/// Value of an ordinal word (`first` … `twelfth`, plus round tens).
pub(crate) fn ordinal_word(w: &str) -> Option<u32> {
    const ORD: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    ORD.iter()
        .position(|s| *s == w)
        .map(|n| n as u32 + 1)
        .or(match w {
            "twentieth" => Some(20),
            "thirtieth" => Some(30),
            _ => None,
        })
}

/// The unit a (singular or plural) unit noun names.
pub(crate) fn unit(w: &str) -> Option<Unit> {
    Some(match w {
        "second" | "seconds" | "sec" | "secs" => Unit::Second,
        "minute" | "minutes" | "min" | "mins" => Unit::Minute,
        "hour" | "hours" | "hr" | "hrs" => Unit::Hour,
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "weekend" | "weekends" => Unit::Weekend,
        "month" | "months" => Unit::Month,
        "quarter" | "quarters" => Unit::Quarter,
        "year" | "years" => Unit::Year,
        "decade" | "decades" => Unit::Decade,
        "century" | "centuries" => Unit::Century,
        _ => return None,
    })
}

/// TimeML season code.
pub(crate) fn season(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "fall" | "autumn" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// TimeML part-of-day code.
pub(crate) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "morning" | "mornings" => "MO",
        "afternoon" | "afternoons" => "AF",
        "evening" | "evenings" => "EV",
        "night" | "nights" | "overnight" => "NI",
        "midday" | "noon" => "MI",
        _ => return None,
    })
}

/// Non-lexicon words an expression can hinge on (the prefilter's extra triggers).
const TRIGGERS: &[&str] = &[
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "currently",
    "current",
    "recently",
    "recent",
    "past",
    "future",
    "soon",
    "previously",
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "hourly",
    "quarterly",
    "biweekly",
    "fiscal",
    "nowadays",
    "present",
    "lately",
    "midnight",
    // Holidays without a weekday or `day` in their name (those trigger anyway).
    "christmas",
    "thanksgiving",
    "easter",
    "halloween",
    "half",
    "ago",
    "earlier",
    "overnight",
    "nineteen",
    "period",
    "latest",
    "term",
    "while",
];

/// Cheap prefilter: can a time expression hinge on this lower-cased token?
pub(crate) fn is_trigger(w: &str) -> bool {
    let first = w.as_bytes().first().copied().unwrap_or(0);
    first.is_ascii_digit()
        || month(w).is_some()
        || weekday(w).is_some()
        || unit(w).is_some()
        || season(w).is_some()
        || part_of_day(w).is_some()
        || TRIGGERS.contains(&w)
        || DECADE_WORDS.contains(&w)
}

/// "the twenties" … "the nineties", in decade order (index 0 is the 1920s).
pub(crate) const DECADE_WORDS: &[&str] = &[
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

//! Word lists: months, weekdays, number words, units, seasons, parts of day.
//!
//! Plain tables keep the vocabulary readable; the trigger prefilter merges them
//! into one hash set.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

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

/// Month numbers of full and abbreviated English month names.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// ISO weekdays (1 = Monday) of weekday names and abbreviations.
const WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1),
    ("mon", 1),
    ("tuesday", 2),
    ("tues", 2),
    ("tue", 2),
    ("wednesday", 3),
    ("wed", 3),
    ("thursday", 4),
    ("thurs", 4),
    ("thu", 4),
    ("friday", 5),
    ("fri", 5),
    ("saturday", 6),
    ("sat", 6),
    ("sunday", 7),
    ("sun", 7),
];

/// The value `w` has in `table`, if it is listed (a linear scan, as a `match`
/// on strings compiles to; the tables are short).
fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// Month number for a full or abbreviated English month name.
pub(crate) fn month(w: &str) -> Option<u8> {
    lookup(MONTHS, w)
}

/// ISO weekday (1 = Monday) for a weekday name.
pub(crate) fn weekday(w: &str) -> Option<u8> {
    lookup(WEEKDAYS, w)
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

/// Unit nouns, singular and plural, with the unit they name.
const UNITS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("seconds", Unit::Second),
    ("sec", Unit::Second),
    ("secs", Unit::Second),
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("min", Unit::Minute),
    ("mins", Unit::Minute),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("hr", Unit::Hour),
    ("hrs", Unit::Hour),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("weekend", Unit::Weekend),
    ("weekends", Unit::Weekend),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("quarter", Unit::Quarter),
    ("quarters", Unit::Quarter),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("decade", Unit::Decade),
    ("decades", Unit::Decade),
    ("century", Unit::Century),
    ("centuries", Unit::Century),
];

/// TimeML season codes of season names.
const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("fall", "FA"),
    ("autumn", "FA"),
    ("winter", "WI"),
];

/// TimeML part-of-day codes of part-of-day words.
const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "MO"),
    ("mornings", "MO"),
    ("afternoon", "AF"),
    ("afternoons", "AF"),
    ("evening", "EV"),
    ("evenings", "EV"),
    ("night", "NI"),
    ("nights", "NI"),
    ("overnight", "NI"),
    ("midday", "MI"),
    ("noon", "MI"),
];

/// The unit a (singular or plural) unit noun names.
pub(crate) fn unit(w: &str) -> Option<Unit> {
    lookup(UNITS, w)
}

/// TimeML season code.
pub(crate) fn season(w: &str) -> Option<&'static str> {
    lookup(SEASONS, w)
}

/// TimeML part-of-day code.
pub(crate) fn part_of_day(w: &str) -> Option<&'static str> {
    lookup(PARTS_OF_DAY, w)
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
///
/// Called on every token of a text, so the word lists are merged into one hash
/// set once: one lookup instead of trying each list in turn (more than a hundred
/// string comparisons for a word that is in none of them, which most are).
pub(crate) fn is_trigger(w: &str) -> bool {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let keys = |t: &'static [(&'static str, u8)]| t.iter().map(|(k, _)| *k);
        keys(MONTHS)
            .chain(keys(WEEKDAYS))
            .chain(UNITS.iter().map(|(k, _)| *k))
            .chain(SEASONS.iter().map(|(k, _)| *k))
            .chain(PARTS_OF_DAY.iter().map(|(k, _)| *k))
            .chain(TRIGGERS.iter().copied())
            .chain(DECADE_WORDS.iter().copied())
            .collect()
    });
    let first = w.as_bytes().first().copied().unwrap_or(0);
    first.is_ascii_digit() || words.contains(w)
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

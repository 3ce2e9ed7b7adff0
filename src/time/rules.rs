//! The grammar: one row per pattern family, each with the normalizer that turns
//! what it captured into a TimeML value. Read a row as a phrase template:
//! `C(Month)` is any month name, `Opt(..)` may be absent, `Hy` an optional hyphen.

use super::class::{Caps, Class::*};
use super::grammar::{E, E::*};
use super::norm::{Ctx, Out};
use super::{holiday as h, norm_date as d, norm_rel as r, norm_span as p};

/// A normalizer: captured values + context → type and value (or reject the match).
pub(crate) type Normalize = fn(&Caps, &Ctx) -> Option<Out>;

/// One grammar row.
pub(crate) struct Rule {
    /// Family name, for debugging and tests.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    /// Leading context tokens that must match but stay outside the span.
    pub lead: usize,
    pub pat: &'static [E],
    pub norm: Normalize,
}

const EDGE: &[&str] = &["early", "late", "mid", "middle"];
const APPROX: E = Opt(&[Any(&[
    "around",
    "nearly",
    "almost",
    "approximately",
    "roughly",
])]);
const AT_LEAST: E = Opt(&[
    Any(&["at", "more", "less", "fewer"]),
    Any(&["least", "than", "most"]),
]);
const THE: E = Opt(&[W("the")]);
const EDGE_OPT: E = Opt(&[Any(EDGE), Hy]);
const WEEKDAY_LEAD: E = Opt(&[C(Weekday), Opt(&[W(",")])]);
const YEAR_TAIL: E = Opt(&[Opt(&[W(",")]), C(Year)]);
const PERIOD_OF: E = Opt(&[
    W("the"),
    Any(&["end", "beginning", "start", "middle", "rest"]),
    W("of"),
]);
const REL: &[&str] = &[
    "last",
    "past",
    "previous",
    "prior",
    "next",
    "this",
    "coming",
    "following",
    "current",
    "latest",
    "same",
];
const DURATION_LEAD: &[&str] = &[
    "past",
    "last",
    "next",
    "first",
    "previous",
    "coming",
    "final",
    "remaining",
    "recent",
    "initial",
    "latest",
    "additional",
    "another",
    "full",
    "entire",
    "whole",
    "same",
];

/// Plural unit nouns that may close a vague coordination (`weeks or months`).
const PLURAL_UNITS: &[&str] = &["hours", "days", "weeks", "months", "years", "decades"];

/// Every rule; at each position the longest match wins, ties go to the earlier row.
#[rustfmt::skip]
pub(crate) static RULES: &[Rule] = &[
    rule("month-day", &[WEEKDAY_LEAD, Opt(&[Any(&["last", "next", "this"])]), EDGE_OPT, C(Month), C(Day), YEAR_TAIL], d::month_day),
    rule("week-of", &[THE, W("week"), W("of"), C(Month), C(Day), YEAR_TAIL], d::week_of),
    rule("day-month", &[WEEKDAY_LEAD, C(Day), C(Month), YEAR_TAIL], d::month_day),
    rule("month-year", &[PERIOD_OF, EDGE_OPT, C(Month), Opt(&[Any(&[",", "of"])]), C(Year)], d::month),
    rule("month-rel-year", &[PERIOD_OF, EDGE_OPT, C(Month), Opt(&[W("of")]), Any(&["this", "last", "next"]), W("year")], d::month_rel_year),
    rule("month", &[PERIOD_OF, Opt(&[Any(&["last", "next", "this", "early", "late", "mid"]), Hy]), C(Month)], d::month),
    rule("year", &[PERIOD_OF, Opt(&[Any(&["fiscal", "calendar", "early", "late", "mid"]), Hy]), C(Year)], d::year),
    rule("the-year-n", &[THE, Opt(&[W("fiscal")]), W("year"), C(Year)], d::year),
    rule("decade", &[THE, EDGE_OPT, C(Decade)], d::decade),
    rule("iso-date", &[C(Year), W("-"), C(MonthNum), W("-"), C(Day)], d::numeric),
    rule("us-date", &[C(MonthNum), W("/"), C(Day), W("/"), C(YearShort)], d::numeric),
    rule("weekday", &[Opt(&[Any(&["last", "past", "next", "this", "coming", "early", "late"])]), C(Weekday), Opt(&[C(Pod)])], d::weekday),
    rule("weekday-around", &[THE, Any(&["previous", "preceding", "following"]), C(Weekday)], r::weekday_around),
    rule("day-word", &[Opt(&[Any(&["early", "late", "earlier", "later"])]), Any(&["today", "yesterday", "tomorrow", "tonight"]), Opt(&[C(Pod)])], d::day_word),
    rule("pod-narrative", &[Any(&["in", "during"]), W("the"), Any(&["morning", "afternoon", "evening"])], r::pod_narrative).lead(1),
    rule("pod", &[Any(&["this", "last"]), C(Pod)], d::part_of_day),
    rule("overnight", &[W("overnight")], r::overnight),
    rule("pod-edge", &[Any(&["early", "late", "mid"]), Hy, C(Pod), Opt(&[Any(&["today", "yesterday", "tomorrow"])])], d::part_of_day),
    rule("season", &[Opt(&[Any(&["last", "this", "next", "the", "early", "late"])]), EDGE_OPT, C(Season), Opt(&[Opt(&[W("of")]), C(Year)])], d::season),
    rule("holiday", &[Opt(&[Any(&["last", "next", "this"])]), Any(&["christmas", "thanksgiving", "easter", "halloween"]), Opt(&[Any(&["day", "eve", "sunday", "week"])]), Opt(&[C(Year)])], h::holiday),
    rule("holiday-day", &[Opt(&[Any(&["last", "next", "this"])]), Any(&["election", "labor", "memorial", "veterans", "valentine"]), Opt(&[W("'"), Opt(&[W("s")])]), W("day"), Opt(&[C(Year)])], h::holiday),
    rule("holiday-good-friday", &[Opt(&[Any(&["last", "next", "this"])]), W("good"), W("friday"), Opt(&[C(Year)])], h::holiday),
    rule("holiday-new-year", &[Opt(&[Any(&["last", "next", "this"])]), W("new"), W("year"), W("'"), W("s"), Any(&["day", "eve"]), Opt(&[C(Year)])], h::holiday),
    rule("year-end", &[Opt(&[W("the")]), W("year"), W("-"), W("end")], d::year_end),
    rule("end-of-year", &[W("the"), W("end"), W("of"), Any(&["the", "this"]), W("year")], d::year_end),
    rule("year-end-words", &[W("year"), Opt(&[W("'"), W("s")]), W("end")], d::year_end),
    rule("that-same-day", &[Any(&["that", "the"]), W("same"), W("day")], r::same_day),
    rule("rel-unit", &[EDGE_OPT, THE, PERIOD_OF, Any(REL), Opt(&[W("fiscal")]), C(Unit)], r::rel_unit),
    rule("earlier-this", &[Any(&["earlier", "later"]), Any(&["this", "that"]), C(Unit)], r::rel_unit),
    rule("nth-day-today", &[Any(&["is", "s"]), THE, C(Ord), Opt(&[Any(&["straight", "consecutive"])]), W("day")], r::nth_day_today).lead(1),
    rule("that-year", &[W("that"), W("year")], r::that_year),
    rule("the-unit", &[W("the"), Opt(&[W("fiscal")]), C(Unit)], r::the_unit),
    rule("ago", &[APPROX, AT_LEAST, C(Num), Hy, C(Unit), Opt(&[W("or"), W("so")]), Any(&["ago", "earlier", "later", "before", "hence"])], r::ago),
    rule("from-now", &[C(Num), C(Unit), W("from"), W("now")], r::ago),
    rule("year-earlier", &[THE, W("year"), Hy, Any(&["earlier", "ago"]), Opt(&[Any(&["quarter", "period", "level"])])], r::year_earlier),
    rule("year-earlier-ord", &[THE, W("year"), Hy, Any(&["earlier", "ago"]), C(Ord), Hy, Any(&["quarter", "half"])], r::year_earlier),
    // "the year-earlier nine months": a stretch named by its length (DURATION).
    rule("year-earlier-amount", &[THE, W("year"), W("-"), Any(&["earlier", "ago"]), C(Num), C(Unit)], p::amount),
    rule("quarter-year-ago", &[W("the"), Any(&["quarter", "period"]), W("a"), W("year"), Any(&["ago", "earlier"])], r::year_earlier),
    rule("quarter", &[THE, Opt(&[Any(&["fiscal", "calendar"]), Hy]), C(Ord), Hy, Opt(&[W("fiscal")]), Any(&["quarter", "half"]), Opt(&[W("of"), Opt(&[W("fiscal")]), C(Year)])], r::quarter),
    rule("quarter-adj", &[Any(&["the", "a"]), Opt(&[Any(&["fiscal", "calendar"]), Hy]), C(Ord), W("-"), Any(&["quarter", "half"])], r::quarter).lead(1),
    rule("half-of-year", &[THE, Any(&["first", "last", "second", "latter"]), Opt(&[W("two"), W("quarters")]), Opt(&[W("half")]), W("of"), Opt(&[W("fiscal")]), C(Year)], r::half_of_year),
    rule("rel-year-quarter", &[Any(&["this", "last", "next"]), W("year"), W("'"), W("s"), Opt(&[W("fiscal")]), C(Ord), Hy, Any(&["quarter", "half"])], r::year_quarter),
    rule("year-period", &[W("the"), C(Year), Any(&["quarter", "period"])], r::year_period),
    rule("period", &[W("the"), Any(&["latest", "full"]), Any(&["period", "year"])], r::period),
    rule("century", &[THE, C(Ord), Hy, W("century")], d::century),
    rule("year-quarter", &[Opt(&[W("fiscal")]), C(Year), Opt(&[W("'"), W("s")]), C(Ord), Hy, Any(&["quarter", "half"])], r::quarter),
    // "formerly" is left out like "former": it marks an ex-title ("X, formerly
    // its treasurer"), a change of role rather than a time.
    rule("ref", &[Any(&["now", "currently", "nowadays", "recently", "lately"])], r::reference),
    rule("ref-the", &[W("the"), Any(&["past", "future", "present"])], r::reference),
    rule("ref-these-days", &[W("these"), W("days")], r::reference),
    rule("ref-near-future", &[W("the"), Any(&["near", "short", "foreseeable"]), Any(&["future", "term"])], r::reference),
    rule("decade-word", &[THE, EDGE_OPT, Any(super::lexicon::DECADE_WORDS)], d::decade_word),
    rule("ref-current", &[Any(&["current"])], r::reference),
    rule("amount-adj", &[Any(&["a", "an", "the"]), C(Num), W("-"), C(Unit)], p::amount).lead(1),
    rule("amount", &[APPROX, AT_LEAST, Opt(&[Any(&["the", "each", "all"])]), Opt(&[Any(DURATION_LEAD)]), C(Num), Opt(&[Any(&["more", "additional", "extra"])]), Hy, Opt(&[Any(&["trading", "business", "working"])]), C(Unit), Opt(&[W("and"), W("a"), W("half")])], p::amount),
    rule("amount-of", &[AT_LEAST, Opt(&[W("a")]), W("couple"), W("of"), C(Unit)], p::amount),
    rule("recent-units", &[Opt(&[W("the")]), Any(&["recent", "coming", "past", "future"]), C(Unit)], p::vague),
    rule("range", &[THE, Opt(&[Any(DURATION_LEAD)]), C(Num), Any(&["to", "or", "-"]), C(Num), C(Unit)], p::range),
    // A bare plural unit after a preposition of extent is a vague length
    // ("for weeks", "within days", "within weeks or months": TimeML PXW, PXD).
    rule("plural-after-for", &[Any(&["for", "over", "in", "within"]), C(Unit), Opt(&[W("or"), Any(PLURAL_UNITS)])], p::plural).lead(1),
    // "over the years": the whole span of an unstated number of units.
    rule("plural-over-the", &[Any(&["over", "through"]), W("the"), C(Unit)], p::plural).lead(1),
    // "for a while": a length left open in both amount and unit (PXX).
    rule("a-while", &[Any(&["for", "in", "after"]), Opt(&[W("quite")]), W("a"), Opt(&[Any(&["little", "long"])]), W("while")], p::unspecified).lead(1),
    // "a day-long meeting", "a decades-long feud": adjectives of length.
    rule("unit-long", &[Opt(&[C(Num), W("-")]), C(Unit), W("-"), W("long")], p::lasting),
    rule("every", &[Any(&["every", "each", "per"]), Opt(&[W("other")]), C(Unit)], p::every),
    rule("every-day", &[Any(&["every", "each"]), C(Weekday), Opt(&[C(Pod)])], p::every),
    rule("every-season", &[Any(&["every", "each"]), C(Season)], p::every),
    rule("every-month", &[Any(&["every", "each"]), C(Month)], p::every),
    rule("frequency", &[Any(&["hourly", "daily", "weekly", "monthly", "annually", "yearly"])], p::frequency),
    rule("clock", &[APPROX, C(Clock), C(Meridiem), Opt(&[C(Zone)]), Opt(&[Opt(&[W(",")]), Any(&["today", "yesterday", "tomorrow", "tonight"])])], p::clock),
    rule("clock-date", &[APPROX, C(Clock), C(Meridiem), Opt(&[C(Zone)]), Opt(&[W(",")]), Opt(&[C(Weekday), Opt(&[W(",")])]), C(Month), C(Day)], p::clock),
    rule("clock-weekday", &[APPROX, C(Clock), C(Meridiem), Opt(&[C(Zone)]), Opt(&[W(",")]), C(Weekday)], p::clock),
    rule("clock-pod", &[Any(&["at", "until", "till", "by", "before", "after", "since", "from", "about", "around"]), C(Clock), W("in"), W("the"), Any(&["morning", "afternoon", "evening"])], p::clock_pod).lead(1),
    rule("noon", &[Any(&["noon", "midnight", "midday"]), Opt(&[Any(&["today", "yesterday", "tomorrow"])])], p::noon),
    rule("noon-weekday", &[Any(&["noon", "midnight", "midday"]), C(Weekday)], p::noon),
];

const fn rule(name: &'static str, pat: &'static [E], norm: Normalize) -> Rule {
    Rule {
        name,
        lead: 0,
        pat,
        norm,
    }
}

impl Rule {
    /// Marks the first `n` matched tokens as context outside the span.
    const fn lead(self, n: usize) -> Rule {
        Rule { lead: n, ..self }
    }
}

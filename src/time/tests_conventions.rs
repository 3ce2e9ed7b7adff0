//! Unit tests for the TimeML conventions and narrative anchoring added after
//! the first release (one test per rule family; values per the guidelines).

use super::tests::{check, rec};

#[test]
fn vague_past_and_future_references() {
    let a = "1989-10-27";
    check(
        "Rates may fall in coming weeks.",
        a,
        "coming weeks",
        "DATE",
        "FUTURE_REF",
    );
    check(
        "There were sell programs in past years.",
        a,
        "past years",
        "DATE",
        "PAST_REF",
    );
    check(
        "It rose several years ago.",
        a,
        "several years ago",
        "DATE",
        "PAST_REF",
    );
    check(
        "Sales rose over the past three years.",
        a,
        "the past three years",
        "DURATION",
        "P3Y",
    );
}

#[test]
fn indefinite_future_idioms() {
    let a = "1998-03-03";
    check(
        "Islam will one day be the largest religion.",
        a,
        "one day",
        "DATE",
        "FUTURE_REF",
    );
    check(
        "Losses will cut taxes in future quarters.",
        a,
        "future quarters",
        "DATE",
        "FUTURE_REF",
    );
    check("It lasted one day only.", a, "one day", "DURATION", "P1D");
}

#[test]
fn spoken_years_in_transcripts() {
    let a = "1998-02-27";
    check(
        "January nineteen ninety-seven. Atlanta again.",
        a,
        "January nineteen ninety-seven",
        "DATE",
        "1997-01",
    );
    check(
        "We saw it in the winter of nineteen ninety-four.",
        a,
        "the winter of nineteen ninety-four",
        "DATE",
        "1994-WI",
    );
    check(
        "He promised it by the year two thousand.",
        a,
        "the year two thousand",
        "DATE",
        "2000",
    );
    assert!(rec("About two thousand people came.", a).is_empty());
}

#[test]
fn month_with_relative_year_is_one_expression() {
    check(
        "In July last year he was arrested.",
        "1998-02-19",
        "July last year",
        "DATE",
        "1997-07",
    );
    check(
        "In January this year police came.",
        "1998-02-19",
        "January this year",
        "DATE",
        "1998-01",
    );
}

#[test]
fn year_earlier_adjective_and_half_units() {
    let a = "1989-11-02";
    check(
        "It compared with a year-earlier loss.",
        a,
        "year-earlier",
        "DATE",
        "1988",
    );
    check(
        "But a minute and a half later it fell.",
        a,
        "a minute and a half",
        "DURATION",
        "PT1M30S",
    );
    check(
        "It lost money in the past two quarters.",
        a,
        "the past two quarters",
        "DURATION",
        "P2Q",
    );
}

#[test]
fn weekday_with_part_of_day_is_a_time() {
    check(
        "She was killed Thursday evening.",
        "1998-02-12",
        "Thursday evening",
        "TIME",
        "1998-02-12TEV",
    );
}

#[test]
fn tense_cues_for_weekdays_and_months() {
    // 1989-10-27 and 1989-10-30 are a Friday and a Monday.
    check(
        "It is to resume trading in Paris Tuesday.",
        "1989-10-27",
        "Tuesday",
        "DATE",
        "1989-10-31",
    );
    check(
        "The offer had been scheduled to expire at midnight Friday.",
        "1989-10-30",
        "midnight Friday",
        "TIME",
        "1989-10-27T24:00",
    );
    check(
        "Members had filed reports by Wednesday.",
        "1990-08-16",
        "Wednesday",
        "DATE",
        "1990-08-15",
    );
    check(
        "Closing is expected in December.",
        "1990-04-15",
        "December",
        "DATE",
        "1990-12",
    );
}

#[test]
fn halves_of_a_named_year() {
    let a = "1989-10-26";
    check(
        "Earnings fall in the last half of 1989.",
        a,
        "the last half of 1989",
        "DATE",
        "1989-H2",
    );
    check(
        "Demand slows through the first two quarters of 1990.",
        a,
        "the first two quarters of 1990",
        "DATE",
        "1990-H1",
    );
}

#[test]
fn narrative_anchoring() {
    let a = "1998-04-18";
    let t = "In 1995 he was made a general, and the following year he was appointed attache.";
    assert!(rec(t, a)
        .iter()
        .any(|(s, _, v)| s == "the following year" && v == "1996"));
    let t = "Imports totaled $37 million in 1988, a small share of imports that year.";
    assert!(rec(t, "1989-11-02")
        .iter()
        .any(|(s, _, v)| s == "that year" && v == "1988"));
    let t = "In March, it got an offer. The following month, it put itself up for sale.";
    assert!(rec(t, "1989-10-27")
        .iter()
        .any(|(s, _, v)| s == "The following month" && v == "1989-04"));
    let t = "He was shot Oct. 23, 1998 at home. Earlier that day, police were warned.";
    assert!(rec(t, "1999-10-24")
        .iter()
        .any(|(s, _, v)| s == "Earlier that day" && v == "1998-10-23"));
}

#[test]
fn explicit_month_days() {
    check(
        "He was shot last Oct. 23 at home.",
        "1999-04-19",
        "last Oct. 23",
        "DATE",
        "1998-10-23",
    );
    check(
        "He may stay in Miami until March 6 for hearings.",
        "2000-01-15",
        "March 6",
        "DATE",
        "2000-03-06",
    );
    check(
        "Hearings start the week of March 6.",
        "2000-02-24",
        "the week of March 6",
        "DATE",
        "2000-W10",
    );
}

#[test]
fn time_words_inside_names_are_not_timexes() {
    let a = "1990-08-16";
    assert!(rec("This is VOA Today.", a).is_empty());
    assert!(rec("Baker, speaking on ABC News' \"This Week,\" said.", a).is_empty());
    assert!(rec("Protesters at the annual March for Life gathered.", a).is_empty());
    check(
        "Now we see that edge eroded.",
        a,
        "Now",
        "DATE",
        "PRESENT_REF",
    );
}

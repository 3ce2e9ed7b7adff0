//! Regression tests, each named after the bug it pins.

use super::tests::{check, rec};

/// A date as the very first token of a text (or of a line) is still found and
/// kept apart from a weekday that follows it: "Feb. 6 was a Thursday in Baku."
#[test]
fn date_at_the_very_start_of_a_text_is_found() {
    let got = rec("Feb. 6 was a Thursday in Baku.", "2020-02-07");
    let want = [
        ("Feb. 6".to_string(), "DATE", "2020-02-06".to_string()),
        ("Thursday".to_string(), "DATE", "2020-02-06".to_string()),
    ];
    assert_eq!(got, want);
    let anchor = "2020-02-07";
    for (text, surface, value) in [
        ("May 9 is Victory Day.", "May 9", "2020-05-09"),
        ("2020-02-07 was busy.", "2020-02-07", "2020-02-07"),
        ("Monday's meeting ran late.", "Monday", "2020-02-03"),
        ("Jan. 5, 2020 was cold.", "Jan. 5, 2020", "2020-01-05"),
        ("Baku.\nFeb. 6 they met.", "Feb. 6", "2020-02-06"),
        ("Baku.\n\nMarch 3 they met.", "March 3", "2020-03-03"),
    ] {
        check(text, anchor, surface, "DATE", value);
    }
}

/// "the year-earlier third quarter" is one expression (that quarter of the
/// previous year), not "the year-earlier" plus a current "third quarter".
#[test]
fn year_earlier_quarter_is_one_expression() {
    for (text, surface, value) in [
        (
            "In the year-earlier third quarter, it lost.",
            "the year-earlier third quarter",
            "1988-Q3",
        ),
        (
            "Net in the year-ago first half rose.",
            "the year-ago first half",
            "1988-H1",
        ),
        (
            "For the quarter a year ago, it earned more.",
            "the quarter a year ago",
            "1988-Q3",
        ),
    ] {
        check(text, "1989-10-27", surface, "DATE", value);
    }
}

/// "searching since shortly after the Oct. 23 slaying" (anchor in May): `since`
/// looks back, so the month-day is last year's, not the coming October.
#[test]
fn since_points_to_the_past() {
    check(
        "Police have searched for him since the Oct. 23 slaying.",
        "1999-05-06",
        "Oct. 23",
        "DATE",
        "1998-10-23",
    );
}

/// "the summit on April 24 and 25": the second day is a DATE of its own.
#[test]
fn coordinated_second_day_is_tagged() {
    let got = rec("The summit is on April 24 and 25.", "1999-02-10");
    assert_eq!(got[1], ("25".to_string(), "DATE", "1999-04-25".to_string()));
    for text in ["On May 9 and 10 soldiers died.", "By May 9 or 10,000 left."] {
        assert_eq!(rec(text, "1999-02-10").len(), 1, "{text}");
    }
}

/// Wire copy abbreviates months without a dot: "BAKU, Feb 6 (Reuters) -".
#[test]
fn dotless_month_abbreviation_before_a_number_is_a_date() {
    let got = rec(
        "BAKU, Feb 6 (Reuters) - The bank met. Jan 2019 was cold.",
        "2020-02-07",
    );
    let values: Vec<(String, String)> = got.into_iter().map(|(s, _, v)| (s, v)).collect();
    assert!(
        values.contains(&("Feb 6".to_string(), "2020-02-06".to_string())),
        "{values:?}"
    );
    assert!(
        values.contains(&("Jan 2019".to_string(), "2019-01".to_string())),
        "{values:?}"
    );
    // Without a number, a bare "Jan" stays a name.
    assert!(rec("Jan said hello.", "2020-02-07").is_empty());
}

/// "profits for the fourth quarter" in January's earnings copy is the quarter
/// just reported, not the one eleven months ahead; a forward-looking clause
/// keeps the anchor's year.
#[test]
fn quarter_ahead_of_the_anchor_without_a_year_is_last_years() {
    let anchor = "1998-01-26";
    check(
        "AT&T reported a drop in profits for the fourth quarter.",
        anchor,
        "the fourth quarter",
        "DATE",
        "1997-Q4",
    );
    check(
        "AT&T will report its profits for the fourth quarter.",
        anchor,
        "the fourth quarter",
        "DATE",
        "1998-Q4",
    );
    check(
        "Sales rose in the third quarter.",
        "1989-10-27",
        "the third quarter",
        "DATE",
        "1989-Q3",
    );
}

/// "would" marks a future seen from the past and governs its whole clause, but
/// a possessive date ("Monday's ruling") names an event already reported.
#[test]
fn would_points_forward_across_its_clause_but_not_into_a_possessive() {
    let anchor = "2020-02-05";
    check(
        "Her lawyer announced in Paris that the envoy would be flying to the United Nations Thursday with two aides.",
        anchor,
        "Thursday",
        "DATE",
        "2020-02-06",
    );
    check(
        "They said they would fight Monday's decision in court.",
        anchor,
        "Monday",
        "DATE",
        "2020-02-03",
    );
    // A deadline still points forward, and so does a coming event.
    check(
        "The offer was extended until Friday's deadline.",
        anchor,
        "Friday",
        "DATE",
        "2020-02-07",
    );
    check(
        "Parties will campaign hard ahead of Sunday's vote.",
        anchor,
        "Sunday",
        "DATE",
        "2020-02-09",
    );
}

/// "were planning to block roads": the past auxiliary of a plan does not make
/// the planned event past; the plan word decides.
#[test]
fn past_progressive_plan_points_forward() {
    check(
        "Farmers announced a big march in the old town on Saturday and were planning to block the roads.",
        "2020-02-05",
        "Saturday",
        "DATE",
        "2020-02-08",
    );
}

/// The simple present of a timetabled event is the scheduled future; after an
/// auxiliary ("did not meet") the verb is no cue.
#[test]
fn timetabled_present_points_forward() {
    let anchor = "2020-02-05";
    check(
        "The two ministers meet separately Monday with the mediator.",
        anchor,
        "Monday",
        "DATE",
        "2020-02-10",
    );
    check(
        "The two ministers did not meet Monday.",
        anchor,
        "Monday",
        "DATE",
        "2020-02-03",
    );
}

/// The verb of an `as soon as` clause is back-shifted with the main clause:
/// "likely to sell as soon as trading opened Monday" is the coming Monday.
#[test]
fn as_soon_as_clause_verb_is_not_a_past_cue() {
    check(
        "Analysts said funds were likely to sell as soon as trading opened Monday.",
        "2020-02-05",
        "Monday",
        "DATE",
        "2020-02-10",
    );
}

/// Figures count as one word: "8,189.49" must not push the verb ("rose") out
/// of reach, or "Aug. 6" falls back to the nearer coming August.
#[test]
fn figures_count_as_one_word_in_the_cue_window() {
    check(
        "Shares rose, lifting the composite index 1,072.24 points, or 3.5 percent, to 18,189.49, and leaving it within 70 points of the record high set on Aug. 6.",
        "2020-02-07",
        "Aug. 6",
        "DATE",
        "2019-08-06",
    );
}

/// A bare month already over cannot be what a future clause means: "will fly
/// in December" said in March is the coming December.
#[test]
fn future_clause_skips_a_month_already_over() {
    check(
        "The astronaut will be named to command a shuttle flight in December.",
        "2020-03-04",
        "December",
        "DATE",
        "2020-12",
    );
}

/// "at 9:15 a.m. (0615 GMT) Tuesday": the clock time falls on the weekday the
/// sentence names after the other zone's reading, not on the article date.
#[test]
fn clock_time_takes_the_weekday_after_a_parenthetical() {
    let got = rec(
        "The bomb went off at 9:15 a.m. (0615 GMT) Tuesday near the port.",
        "2001-03-08",
    );
    assert!(
        got.contains(&(
            "9:15 a.m.".to_string(),
            "TIME",
            "2001-03-06T09:15".to_string()
        )),
        "{got:?}"
    );
    let got = rec("Talks will resume at 10 a.m. on Friday.", "2001-03-08");
    assert_eq!(got[0].2, "2001-03-09T10:00", "{got:?}");
}

/// "at 4 in the morning": a bare hour with a part of day is a clock time.
#[test]
fn hour_with_part_of_day_is_a_clock_time() {
    check(
        "The convoy leaves at 5 in the morning.",
        "2001-03-08",
        "5 in the morning",
        "TIME",
        "2001-03-08T05:00",
    );
    let got = rec(
        "They will fly out at 3 in the afternoon (3 p.m. EST Friday).",
        "2001-03-08",
    );
    assert_eq!(
        got[0],
        (
            "3 in the afternoon".to_string(),
            "TIME",
            "2001-03-09T15:00".to_string()
        )
    );
    // Without a preposition of time it is a score, not a clock time.
    assert!(rec("The team scored 4 in the morning game.", "2001-03-08").is_empty());
}

/// US holidays by their calendar rule, and Easter by the computus; lower-case
/// look-alikes ("a good Friday", "a memorial day") are common nouns.
#[test]
fn holidays_follow_their_calendar_rule() {
    for (text, anchor, surface, value) in [
        (
            "Voters go to the polls on Election Day.",
            "2002-10-20",
            "Election Day",
            "2002-11-05",
        ),
        (
            "Stores reopen after Labor Day.",
            "2003-08-20",
            "Labor Day",
            "2003-09-01",
        ),
        (
            "Parades are planned for Memorial Day.",
            "2004-05-10",
            "Memorial Day",
            "2004-05-31",
        ),
        (
            "He died last Easter.",
            "2001-05-01",
            "last Easter",
            "2001-04-15",
        ),
        (
            "Churches filled on Good Friday.",
            "2001-04-20",
            "Good Friday",
            "2001-04-13",
        ),
        (
            "Crowds gathered as Easter week began.",
            "2001-04-09",
            "Easter week",
            "2001-W15",
        ),
        (
            "The party is on New Year's Eve.",
            "2001-12-20",
            "New Year's Eve",
            "2001-12-31",
        ),
        (
            "Shops close on Christmas Eve.",
            "2001-12-20",
            "Christmas Eve",
            "2001-12-24",
        ),
    ] {
        check(text, anchor, surface, "DATE", value);
    }
    assert!(rec("It was a good friday for traders.", "2001-04-20").is_empty());
    assert!(rec("They held a memorial day for the victims.", "2001-04-20").is_empty());
}

/// "Today is the eighth day of the strike": a day counted within an ongoing
/// event, in the present, is the article's day; in the past it is not tagged.
#[test]
fn nth_day_of_an_ongoing_event_is_today() {
    let got = rec("Today is the eighth day of the strike.", "2001-03-08");
    assert_eq!(
        got[1],
        ("the eighth day".into(), "DATE", "2001-03-08".into())
    );
    check(
        "It's the second day of talks in Geneva.",
        "2001-03-08",
        "the second day",
        "DATE",
        "2001-03-08",
    );
    assert!(rec("It was the third day of talks.", "2001-03-08").is_empty());
}

/// "that same day" repeats the day the narrative last named, not the article
/// date; with only a month named, the day is unknown within that month.
#[test]
fn that_same_day_follows_the_narrative() {
    let got = rec(
        "The mayor resigned on March 3, 1999. His deputy quit that same day.",
        "2001-03-08",
    );
    assert_eq!(
        got[1],
        ("that same day".into(), "DATE", "1999-03-03".into())
    );
    let got = rec(
        "He was shot last October. His office closed the same day.",
        "2001-03-08",
    );
    assert_eq!(got[1], ("the same day".into(), "DATE", "2000-10-XX".into()));
    check(
        "Both bills passed the same day.",
        "2001-03-08",
        "the same day",
        "DATE",
        "2001-03-08",
    );
}

/// "the previous Friday" / "the following Monday" count from the day the
/// narrative last named, not from the article date.
#[test]
fn previous_and_following_weekday_lean_on_the_narrative() {
    let got = rec(
        "Shares closed lower Friday, down 2% from the previous Friday.",
        "2001-03-12",
    );
    assert_eq!(
        got[1],
        ("the previous Friday".into(), "DATE", "2001-03-02".into())
    );
    let got = rec(
        "They met on March 3, 1999, and again the following Monday.",
        "2001-03-12",
    );
    assert_eq!(
        got[1],
        ("the following Monday".into(), "DATE", "1999-03-08".into())
    );
}

/// "Stocks fell Friday. … in the morning": the morning of the narrative's day;
/// "in the morning session" modifies a noun and is left alone.
#[test]
fn part_of_day_leans_on_the_narrative_day() {
    let got = rec(
        "Stocks fell Friday. Dealers sold heavily in the morning.",
        "2001-03-12",
    );
    assert_eq!(
        got[1],
        ("the morning".into(), "TIME", "2001-03-09TMO".into())
    );
    check(
        "Dealers sold heavily in the afternoon.",
        "2001-03-12",
        "the afternoon",
        "TIME",
        "2001-03-12TAF",
    );
    assert!(rec("Bids rose in the morning session.", "2001-03-12").is_empty());
}

/// "overnight" is the night before the reference day: a TIME (`…TNI`), not the
/// article's date.
#[test]
fn overnight_is_the_night_before_the_reference_day() {
    check(
        "Shares fell on overnight losses in Tokyo.",
        "2001-03-12",
        "overnight",
        "TIME",
        "2001-03-11TNI",
    );
    let got = rec(
        "London closed lower Friday. Shares were hit by overnight losses.",
        "2001-03-12",
    );
    assert_eq!(got[1], ("overnight".into(), "TIME", "2001-03-08TNI".into()));
}

/// A background date two weeks back is not the story's day: "overnight" then
/// is the night before the article.
#[test]
fn overnight_ignores_a_background_date() {
    let got = rec(
        "The bombings of Aug. 3 killed dozens. Missiles struck camps overnight.",
        "2001-08-20",
    );
    assert_eq!(got[1], ("overnight".into(), "TIME", "2001-08-19TNI".into()));
}

/// "aid could arrive within weeks", "he died within weeks or months of it":
/// a bare plural unit after `within` is a vague DURATION like "for weeks", and
/// a coordinated second unit belongs to the same expression.
#[test]
fn bare_plural_after_within_is_a_vague_duration() {
    let a = "1998-02-19";
    check(
        "Help may arrive within weeks.",
        a,
        "weeks",
        "DURATION",
        "PXW",
    );
    check(
        "She likely left within days or weeks of the storm.",
        a,
        "days or weeks",
        "DURATION",
        "PXD",
    );
    check(
        "Prices have climbed over the years.",
        a,
        "the years",
        "DURATION",
        "PXY",
    );
    check(
        "Over the weekend the fleet sailed.",
        "1998-02-19",
        "the weekend",
        "DATE",
        "1998-W07-WE",
    );
}

/// "they will be without heat for a while": an open-ended stretch (PXX);
/// "once in a while" is a vague frequency and stays unmarked.
#[test]
fn a_while_is_an_unspecified_duration() {
    let a = "1998-01-11";
    check(
        "Roads stay shut for a while.",
        a,
        "a while",
        "DURATION",
        "PXX",
    );
    check(
        "It was quiet for quite a while.",
        a,
        "quite a while",
        "DURATION",
        "PXX",
    );
    assert!(rec("We meet once in a while.", a).is_empty());
    assert!(rec("Stay a while and listen.", a).is_empty());
}

/// "a day-long meeting", "a decades-long feud": adjectives of length are
/// DURATIONs; a plural unit leaves the amount open.
#[test]
fn unit_long_adjectives_are_durations() {
    let a = "2000-04-03";
    check(
        "They ended a day-long meeting.",
        a,
        "day-long",
        "DURATION",
        "P1D",
    );
    check(
        "It is a decades-long feud.",
        a,
        "decades-long",
        "DURATION",
        "PXY",
    );
    check(
        "The two-week-long strike ended.",
        a,
        "two-week-long",
        "DURATION",
        "P2W",
    );
}

/// "Jane Roe, formerly the firm's treasurer": like "former", `formerly` marks
/// an ex-title, a change of role, not a time.
#[test]
fn formerly_before_a_title_is_not_a_time() {
    assert!(rec(
        "Jane Roe, formerly its treasurer, will succeed him.",
        "1989-10-27"
    )
    .is_empty());
    check(
        "It was recently sold.",
        "1989-10-27",
        "recently",
        "DATE",
        "PAST_REF",
    );
}

/// "Net for the year-earlier nine months": the stretch is named by its length,
/// one DURATION, not "the year-earlier" plus a separate "nine months".
#[test]
fn year_earlier_amount_is_one_duration() {
    check(
        "Net for the year-earlier nine months included a gain.",
        "1989-10-26",
        "the year-earlier nine months",
        "DURATION",
        "P9M",
    );
}

/// "the average daily volume": a per-day average is a measure's denominator,
/// not a set of days; "rallies held daily" stays a SET.
#[test]
fn average_daily_is_a_measure_not_a_set() {
    let a = "1989-10-30";
    assert!(rec("The average daily volume was 133 million shares.", a).is_empty());
    check("Rallies were held daily.", a, "daily", "SET", "P1D");
}

/// "Then, a week or so ago, he picked a date": `or so` hedges the amount and the
/// whole phrase is a past DATE, not the DURATION "a week".
#[test]
fn or_so_before_ago_stays_one_date() {
    let got = rec("Then, a week or so ago, he picked a date.", "1991-02-25");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0.as_str(), got[0].1), ("a week or so ago", "DATE"));
}

/// "violence in the region for the past three summers": `the past` followed by a
/// count of plural nouns opens a counted stretch; it is not the vague PAST_REF.
#[test]
fn the_past_before_a_count_is_not_past_ref() {
    let a = "1998-03-22";
    let got = rec("Riots flared for the past three summers.", a);
    assert!(got.iter().all(|(s, _, _)| s != "the past"), "{got:?}");
    check(
        "In the past, Russia claimed it.",
        a,
        "the past",
        "DATE",
        "PAST_REF",
    );
    check(
        "Sales fell over the past two years.",
        a,
        "the past two years",
        "DURATION",
        "P2Y",
    );
}

/// "would not comment Friday" reports a refusal already met, so the weekday
/// is the past one; "would meet Friday" still looks ahead.
#[test]
fn would_not_comment_is_a_past_refusal() {
    let anchor = "2020-02-05";
    check(
        "A spokesman would not comment Monday on the report.",
        anchor,
        "Monday",
        "DATE",
        "2020-02-03",
    );
    check(
        "The ministers would meet Friday in Geneva.",
        anchor,
        "Friday",
        "DATE",
        "2020-02-07",
    );
}

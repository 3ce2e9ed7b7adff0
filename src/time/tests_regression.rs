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

//! Unit tests per pattern family, the fixture article, and a never-panics property.

use super::*;

pub(super) fn rec(text: &str, anchor: &str) -> Vec<(String, &'static str, String)> {
    let a = parse_anchor(anchor).expect("test anchor");
    TimexRecognizer::new()
        .recognize(text, Some(&a))
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t.kind.as_str(), t.value))
        .collect()
}

fn one(text: &str, anchor: &str) -> (String, &'static str, String) {
    let mut all = rec(text, anchor);
    assert_eq!(all.len(), 1, "expected one timex in {text:?}, got {all:?}");
    all.remove(0)
}

pub(super) fn check(text: &str, anchor: &str, surface: &str, kind: &str, value: &str) {
    let (s, k, v) = one(text, anchor);
    assert_eq!(
        (s.as_str(), k, v.as_str()),
        (surface, kind, value),
        "in {text:?}"
    );
}

#[test]
fn absolute_dates() {
    check(
        "It happened on Aug. 7, 1998 in Nairobi.",
        "2000-01-01",
        "Aug. 7, 1998",
        "DATE",
        "1998-08-07",
    );
    check(
        "He was born in June 1989.",
        "2000-01-01",
        "June 1989",
        "DATE",
        "1989-06",
    );
    check("Sales rose in 1988.", "1989-10-30", "1988", "DATE", "1988");
    check(
        "Posted 2020-02-07 by staff",
        "2021-01-01",
        "2020-02-07",
        "DATE",
        "2020-02-07",
    );
    check(
        "Filed 11/02/89 here",
        "1989-11-02",
        "11/02/89",
        "DATE",
        "1989-11-02",
    );
    check(
        "During the 1990s it grew.",
        "2000-01-01",
        "the 1990s",
        "DATE",
        "199",
    );
}

#[test]
fn months_years_decades() {
    check(
        "Sales were weak in early November.",
        "1989-10-30",
        "early November",
        "DATE",
        "1989-11",
    );
    check(
        "It fell last August.",
        "1991-02-25",
        "last August",
        "DATE",
        "1990-08",
    );
    check(
        "It was founded in fiscal 1989.",
        "1990-01-01",
        "fiscal 1989",
        "DATE",
        "1989",
    );
    check(
        "Prices peaked in the early 1980s.",
        "1990-01-01",
        "the early 1980s",
        "DATE",
        "198",
    );
    check(
        "Atlanta, nineteen ninety-six.",
        "1998-02-27",
        "nineteen ninety-six",
        "DATE",
        "1996",
    );
}

#[test]
fn weekdays_follow_tense() {
    // 2020-02-07 is a Friday.
    check(
        "The minister said Tuesday that talks failed.",
        "2020-02-07",
        "Tuesday",
        "DATE",
        "2020-02-04",
    );
    check(
        "The minister will travel on Tuesday.",
        "2020-02-07",
        "Tuesday",
        "DATE",
        "2020-02-11",
    );
    check(
        "Markets closed Friday.",
        "2020-02-07",
        "Friday",
        "DATE",
        "2020-02-07",
    );
    check(
        "They met last Tuesday.",
        "2020-02-07",
        "last Tuesday",
        "DATE",
        "2020-02-04",
    );
}

#[test]
fn relative_days_and_units() {
    check(
        "Shares rose yesterday.",
        "1998-01-11",
        "yesterday",
        "DATE",
        "1998-01-10",
    );
    check(
        "Profit doubled last year.",
        "1989-10-30",
        "last year",
        "DATE",
        "1988",
    );
    check(
        "The vote is next week.",
        "2020-02-07",
        "next week",
        "DATE",
        "2020-W07",
    );
    check(
        "Earlier this month prices fell.",
        "1989-10-27",
        "Earlier this month",
        "DATE",
        "1989-10",
    );
    check(
        "Output fell this morning.",
        "1989-10-26",
        "this morning",
        "TIME",
        "1989-10-26TMO",
    );
}

#[test]
fn shifts_ago_and_earlier() {
    check(
        "He left two months ago.",
        "2000-01-28",
        "two months ago",
        "DATE",
        "1999-11",
    );
    check(
        "It closed nearly four years ago.",
        "1998-02-27",
        "nearly four years ago",
        "DATE",
        "1994",
    );
    check(
        "Revenue was $5 million a year earlier.",
        "1989-11-02",
        "a year earlier",
        "DATE",
        "1988",
    );
}

#[test]
fn quarters_and_halves() {
    check(
        "Net fell in the third quarter.",
        "1989-10-30",
        "the third quarter",
        "DATE",
        "1989-Q3",
    );
    check(
        "It posted a third-quarter loss.",
        "1989-10-30",
        "third-quarter",
        "DATE",
        "1989-Q3",
    );
    check(
        "Sales in the second half of 1990 rose.",
        "1989-10-30",
        "the second half of 1990",
        "DATE",
        "1990-H2",
    );
}

#[test]
fn references_present_past_future() {
    check(
        "Prices are now falling.",
        "2000-01-01",
        "now",
        "DATE",
        "PRESENT_REF",
    );
    check(
        "It has grown in recent years.",
        "2000-01-01",
        "recent years",
        "DATE",
        "PAST_REF",
    );
    check(
        "He was recently promoted.",
        "2000-01-01",
        "recently",
        "DATE",
        "PAST_REF",
    );
    check(
        "We will see in the future.",
        "2000-01-01",
        "the future",
        "DATE",
        "FUTURE_REF",
    );
}

#[test]
fn durations() {
    check(
        "Sales rose over the past three years.",
        "2000-01-01",
        "the past three years",
        "DURATION",
        "P3Y",
    );
    check(
        "He signed a two-year contract.",
        "2000-01-01",
        "two-year",
        "DURATION",
        "P2Y",
    );
    check(
        "It took 2 1/2 years.",
        "2000-01-01",
        "2 1/2 years",
        "DURATION",
        "P2Y6M",
    );
    check(
        "The strike lasted several weeks.",
        "2000-01-01",
        "several weeks",
        "DURATION",
        "PXW",
    );
}

#[test]
fn durations_of_hours_and_not_ages() {
    check(
        "It ran for five hours.",
        "2000-01-01",
        "five hours",
        "DURATION",
        "PT5H",
    );
    assert!(
        rec("The 29-year-old man left.", "2000-01-01").is_empty(),
        "ages are not durations"
    );
}

#[test]
fn sets() {
    check("They meet weekly.", "2000-01-01", "weekly", "SET", "P1W");
    check(
        "It is paid every month.",
        "2000-01-01",
        "every month",
        "SET",
        "P1M",
    );
    check(
        "He visits each Thursday.",
        "2000-01-01",
        "each Thursday",
        "SET",
        "XXXX-WXX-4",
    );
    check("It costs $5 a year.", "2000-01-01", "a year", "SET", "P1Y");
}

#[test]
fn clock_times() {
    check(
        "Trading halts at 5 p.m. EST today.",
        "1989-11-06",
        "5 p.m. EST today",
        "TIME",
        "1989-11-06T17:00",
    );
    check(
        "It exploded at 10:35 a.m. in Nairobi.",
        "1998-08-07",
        "10:35 a.m.",
        "TIME",
        "1998-08-07T10:35",
    );
    check(
        "They met at noon.",
        "1998-08-07",
        "noon",
        "TIME",
        "1998-08-07T12:00",
    );
}

#[test]
fn holidays_and_year_end() {
    check(
        "Shops closed on Thanksgiving Day.",
        "1999-11-29",
        "Thanksgiving Day",
        "DATE",
        "1999-11-25",
    );
    check(
        "The deal will close by year-end.",
        "1989-11-02",
        "year-end",
        "DATE",
        "1989-12-31",
    );
}

#[test]
fn no_anchor_gives_underspecified_values() {
    let t = "The parade is to be held on May 9; talks ended Tuesday.";
    let got: Vec<String> = TimexRecognizer::new()
        .recognize(t, None)
        .into_iter()
        .map(|x| x.value)
        .collect();
    assert_eq!(got, ["XXXX-05-09", "XXXX-WXX-2"]);
}

/// The fixture article's dateline and body, anchored at its own date.
#[test]
fn fixture_trend_sadigov_gerasimov() {
    let text = "date 2020-02-07 By Trend\n\nColonel General Najmaddin Sadigov has met with the \
        delegation in Baku, Trend reports Feb. 6 referring to Azerbaijan's Defense Ministry.\n\n\
        The colonel general added that these relations have developed and reached the level of \
        strategic partnership in recent years.\n\nThe chief of the general staff noted that a \
        decision on the participation of the Azerbaijani army in the military parade to be held \
        on May 9 in Moscow was made at the state level.";
    let got = rec(text, "2020-02-07");
    for (surface, value) in [
        ("2020-02-07", "2020-02-07"),
        ("Feb. 6", "2020-02-06"),
        ("recent years", "PAST_REF"),
        ("May 9", "2020-05-09"),
    ] {
        assert!(
            got.iter().any(|(s, _, v)| s == surface && v == value),
            "{surface} -> {value} in {got:?}"
        );
    }
}

#[test]
fn first_date_reads_a_header_line() {
    let r = TimexRecognizer::new();
    let t = r
        .first_date("Posted on March 3, 2021 by staff", None)
        .expect("a date");
    assert_eq!(
        (
            t.span.slice("Posted on March 3, 2021 by staff"),
            t.value.as_str()
        ),
        ("March 3, 2021", "2021-03-03")
    );
    assert!(r.first_date("No dates here at all.", None).is_none());
}

#[test]
fn spans_are_byte_offsets_sorted_and_disjoint() {
    let text = "Café owners met on Feb. 6 — again last Tuesday for two hours; they meet weekly.";
    let a = parse_anchor("2020-02-07").expect("anchor");
    let got = TimexRecognizer::new().recognize(text, Some(&a));
    let surfaces: Vec<&str> = got.iter().map(|t| t.span.slice(text)).collect();
    assert_eq!(surfaces, ["Feb. 6", "last Tuesday", "two hours", "weekly"]);
    assert!(got.windows(2).all(|w| w[0].span.end <= w[1].span.start));
}

#[test]
fn rule_names_are_unique() {
    let mut names: Vec<&str> = super::rules::RULES.iter().map(|r| r.name).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(before, names.len());
}

#[test]
#[ignore = "needs ../shared/data/timex/TBAQ-cleaned/AQUAINT: run with --include-ignored"]
fn tbaq_aquaint_scores() {
    // `../shared` beside the crate; CI always has it, so a missing directory fails.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/timex/TBAQ-cleaned/AQUAINT");
    assert!(dir.is_dir(), "{} is missing", dir.display());
    let report = eval::run(&dir).expect("evaluation runs");
    let c = report.total();
    let (_, _, relaxed) = eval::prf_of(c.relaxed, c.pred, c.gold);
    assert!(c.gold > 500 && relaxed > 85.0, "relaxed F1 {relaxed:.2}");
}

mod never_panics {
    use super::super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn on_arbitrary_text(s in "\\PC{0,200}", t in "[0-9A-Za-z .,:/'-]{0,80}") {
            let a = parse_anchor("2020-02-29").expect("anchor");
            let r = TimexRecognizer::new();
            for text in [s.as_str(), t.as_str()] {
                for x in r.recognize(text, Some(&a)).iter().chain(r.recognize(text, None).iter()) {
                    prop_assert!(text.get(x.span.start..x.span.end).is_some());
                }
            }
            let _ = parse_anchor(&s);
        }
    }
}

#[test]
fn recognizer_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync + Default>() {}
    assert_send_sync::<TimexRecognizer>();
}

#[test]
fn sentence_final_meridiem_leaves_the_period_and_edges_of_day() {
    check(
        "He was shot at 10 p.m. Police came.",
        "1998-10-24",
        "10 p.m",
        "TIME",
        "1998-10-24T22:00",
    );
    check(
        "By mid-afternoon yesterday it was over.",
        "1989-11-02",
        "mid-afternoon yesterday",
        "TIME",
        "1989-11-01TAF",
    );
}

#[test]
fn timex_type_serializes_as_its_timeml_spelling() {
    for t in [
        TimexType::Date,
        TimexType::Time,
        TimexType::Duration,
        TimexType::Set,
    ] {
        let json = serde_json::to_string(&t).expect("serializes");
        assert_eq!(json, format!("\"{}\"", t.as_str()));
    }
}

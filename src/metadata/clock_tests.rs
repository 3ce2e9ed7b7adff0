use super::*;

#[test]
fn times_with_zones_become_offsets() {
    let w = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let st = |d: &str, s: &str| {
        let words = w(s);
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        stamp(d, &refs).map(|(v, _, _)| v)
    };
    assert_eq!(
        st("2020-02-06", "Updated 10:35 AM ET").as_deref(),
        Some("2020-02-06T10:35:00-05:00")
    );
    assert_eq!(
        st("2020-07-06", "10:35 pm ET").as_deref(),
        Some("2020-07-06T22:35:00-04:00")
    );
    assert_eq!(
        st("2020-02-06", "on Thu 14.07 GMT").as_deref(),
        Some("2020-02-06T14:07:00+00:00")
    );
    assert_eq!(
        st("2021-03-03", "12:30 GMT").as_deref(),
        Some("2021-03-03T12:30:00+00:00")
    );
    assert_eq!(
        st("2021-03-03", "12:30 UTC+3").as_deref(),
        Some("2021-03-03T12:30:00+03:00")
    );
    assert_eq!(
        st("2021-03-03", "9:05am EST").as_deref(),
        Some("2021-03-03T09:05:00-05:00")
    );
    assert_eq!(
        st("2021-03-03", "12:30 hrs GMT").as_deref(),
        Some("2021-03-03T12:30:00+00:00")
    );
    assert_eq!(
        st("2021-03-03", "12 AM ET").as_deref(),
        None,
        "no minutes: no clock"
    );
    assert_eq!(st("2021-03-03", "10:15 AM"), None, "no zone: no instant");
    assert_eq!(st("2021-03-03", "13:15 PM ET"), None);
    assert_eq!(st("2021-03", "10:15 GMT"), None);
}

#[test]
fn the_stamp_names_the_words_it_read() {
    let words = ["Updated:", "10:35", "AM", "ET", "today"];
    let (_, from, to) = stamp("2020-02-06", &words).expect("stamp");
    assert_eq!((from, to), (1, 3));
    let words = ["at", "12:30", "hrs", "GMT"];
    assert_eq!(
        stamp("2020-02-06", &words).map(|s| (s.1, s.2)),
        Some((1, 3))
    );
}

#[test]
fn us_daylight_saving_switches_on_the_right_sundays() {
    // 2020: DST from Sunday March 8 to Sunday November 1.
    assert_eq!(us_daylight("2020-03-07"), Some(false));
    assert_eq!(us_daylight("2020-03-08"), Some(true));
    assert_eq!(us_daylight("2020-10-31"), Some(true));
    assert_eq!(us_daylight("2020-11-01"), Some(false));
    assert_eq!(us_daylight("2020-02-30"), None);
    assert_eq!(
        civil_date("2020-02-29x").map(|d| d.to_string()).as_deref(),
        Some("2020-02-29")
    );
}

#[test]
fn zone_words_never_panic_on_odd_text() {
    for w in [
        "utc+a€",
        "gmt+",
        "utc-99",
        "UTC+05:30",
        "gmt+1234567",
        "ET",
        "et",
    ] {
        let _ = is_zone(w);
    }
    assert!(is_zone("UTC+05:30"));
    assert!(!is_zone("utc+a€"));
}

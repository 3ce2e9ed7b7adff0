//! Unit tests of the stages, with a small test-only date resolver.

use super::*;
use regex::Regex;
use std::sync::OnceLock;

/// Understands `2020-02-07`, `March 3, 2021`, `Feb. 6`, `3 March 2021`, `Friday, July 21, 2017`;
/// a date without a year takes the anchor's year.
pub(crate) struct TestDates;

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let m = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?";
        let p = format!(
            r"\b(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})\b|\b(?P<am>{m})\s+(?P<ad>\d{{1,2}})\b(?:,?\s+(?P<ay>\d{{4}}))?|\b(?P<bd>\d{{1,2}})\s+(?P<bm>{m})\s+(?P<by>\d{{4}})\b"
        );
        Regex::new(&p).expect("test regex")
    })
}

impl DateResolver for TestDates {
    fn first_date(&self, snippet: &str, anchor: Option<&str>) -> Option<FoundDate> {
        let c = re().captures(snippet)?;
        let whole = c.get(0)?;
        let month = |g: &str| {
            let name = c.name(g)?.as_str().to_ascii_lowercase();
            MONTHS
                .iter()
                .position(|m| name.starts_with(m))
                .map(|i| i + 1)
        };
        let (y, m, d): (String, usize, u32) = if let Some(y) = c.name("iy") {
            (
                y.as_str().to_string(),
                c["im"].parse().ok()?,
                c["id"].parse().ok()?,
            )
        } else if let Some(d) = c.name("bd") {
            (c["by"].to_string(), month("bm")?, d.as_str().parse().ok()?)
        } else {
            let y = match c.name("ay") {
                Some(y) => y.as_str().to_string(),
                None => anchor?.get(..4)?.to_string(),
            };
            (y, month("am")?, c["ad"].parse().ok()?)
        };
        let value = format!("{y}-{m:02}-{d:02}");
        Some(FoundDate {
            span: whole.range(),
            value,
        })
    }
}

/// Runs `analyze` with the test resolver.
pub(crate) fn run(text: &str) -> Article {
    analyze(text, &TestDates)
}

/// Every span in the serialized article (objects with `start` and `end`).
pub(crate) fn all_spans(a: &Article) -> Vec<(usize, usize)> {
    fn walk(v: &serde_json::Value, out: &mut Vec<(usize, usize)>) {
        match v {
            serde_json::Value::Object(o) => {
                if let (Some(s), Some(e)) = (o.get("start"), o.get("end")) {
                    out.push((
                        s.as_u64().unwrap_or(0) as usize,
                        e.as_u64().unwrap_or(0) as usize,
                    ));
                }
                o.values().for_each(|x| walk(x, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(a).expect("serializable"), &mut out);
    out
}

#[test]
fn agency_rows_skip_comments_blank_lines_and_a_header() {
    let tsv = "# note\r\nid\tname\tkind\taliases\thandles\tqid\tcountry\r\n\r\n\
ap\t Associated Press \tagency\tAP| |The AP\t@AP\tQ40469\tUS\r\n";
    let rows: Vec<AgencyRow> = agency_rows(tsv)
        .collect::<Result<_, _>>()
        .expect("valid table");
    assert_eq!(rows.len(), 1);
    let ap = rows[0];
    assert_eq!(
        (ap.line, ap.name, ap.country),
        (4, "Associated Press", "US")
    );
    assert_eq!(ap.aliases().collect::<Vec<_>>(), ["AP", "The AP"]);
    assert_eq!(ap.handles().collect::<Vec<_>>(), ["@AP"]);
}

#[test]
fn agency_rows_name_the_bad_line() {
    let short = "# note\nap\tAP\tagency\n";
    let first = agency_rows(short).next().map(|r| r.err());
    let columns = TableError::Columns { line: 2, found: 3 };
    assert_eq!(first, Some(Some(columns)));
    let nameless = "ap\t \tagency\t\t\t\t\n";
    let first = agency_rows(nameless).next().map(|r| r.err());
    assert_eq!(first, Some(Some(TableError::Empty { line: 1 })));
}

#[test]
fn builtin_table_parses_and_knows_agencies() {
    let t = AgencyTable::parse(include_str!("../../data/agencies.tsv")).expect("table parses");
    assert!(t.len() > 40);
    assert_eq!(t.lookup("reuters").map(|a| a.id.as_str()), Some("reuters"));
    assert_eq!(
        t.lookup("The Associated Press").map(|a| a.id.as_str()),
        Some("ap")
    );
    assert_eq!(
        t.by_handle("@azernewsaz").map(|a| a.name.as_str()),
        Some("AzerNews")
    );
}

#[test]
fn table_errors_name_the_line() {
    let e = AgencyTable::parse("# c\nx\tX\n").unwrap_err();
    assert_eq!(e, TableError::Columns { line: 2, found: 2 });
}

#[test]
fn separators_and_follow_lines_are_boilerplate() {
    use BoilerplateKind as K;
    assert_eq!(boilerplate::classify("* * *"), Some(K::Separator));
    assert_eq!(boilerplate::classify("___"), Some(K::Separator));
    assert_eq!(
        boilerplate::classify("Follow us on Twitter @X"),
        Some(K::FollowUs)
    );
    assert_eq!(
        boilerplate::classify("© 2021 Daily Planet"),
        Some(K::Copyright)
    );
    assert_eq!(boilerplate::classify("Subscribers rose 5% in March."), None);
    assert_eq!(boilerplate::classify("A - B"), None);
}

#[test]
fn hard_wrapped_lines_join_but_title_and_date_do_not() {
    let t = "A headline that is long enough to look like a wrapped line of prose\nMarch 3, 2021\n\nThe first line of a paragraph that is wrapped at a fixed width of\nseventy characters goes on here.\n";
    let spans = wrap::segment(t);
    assert_eq!(spans.len(), 3);
    assert!(spans[2].slice(t).ends_with("here."));
}

#[test]
fn byline_forms() {
    let a = run("By Jane Doe and John Roe | AP\n\nThe council voted on Tuesday.");
    let names: Vec<_> = a.metadata.authors.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Jane Doe", "John Roe"]);
    assert_eq!(a.metadata.agencies[0].id, "ap");
    assert_eq!(a.layout.blocks[0].kind, BlockKind::Byline);
    let b = run("By contrast, the council voted on Tuesday.");
    assert!(b.metadata.authors.is_empty());
    assert_eq!(b.layout.blocks[0].kind, BlockKind::Body);
}

#[test]
fn published_and_updated_lines() {
    let a =
        run("Published: 12:30 GMT, 3 March 2021 | Updated: 14:05 GMT, 4 March 2021\n\nText here.");
    assert_eq!(
        a.metadata.published.as_ref().map(|d| d.value.as_str()),
        Some("2021-03-03T12:30:00+00:00")
    );
    assert_eq!(
        a.metadata.updated.as_ref().map(|d| d.value.as_str()),
        Some("2021-03-04T14:05:00+00:00")
    );
    assert_eq!(a.layout.blocks[0].kind, BlockKind::Header);
}

#[test]
fn attribution_forms() {
    let a = run("The ministry said, citing the Central Bank, that rates rose.");
    let x = &a.metadata.attributions[0];
    assert_eq!(
        x.reporter.as_ref().map(|r| r.value.as_str()),
        Some("The ministry")
    );
    assert_eq!(x.source.value, "the Central Bank");
    let b = run("Prices fell, according to the U.S. Labor Department. Others disagree.");
    assert_eq!(
        b.metadata.attributions[0].source.value,
        "the U.S. Labor Department"
    );
    assert!(b.metadata.attributions[0].reporter.is_none());
}

#[test]
fn contacts_are_found() {
    let a = run("Write to news@example.com or see https://example.com/a.\nFollow us on Instagram @xyz_news.");
    assert_eq!(a.metadata.emails[0].value, "news@example.com");
    assert_eq!(a.metadata.urls[0].value, "https://example.com/a");
    assert_eq!(a.metadata.handles[0].value, "@xyz_news");
    assert_eq!(a.metadata.handles[0].platform, Some(Platform::Instagram));
}

#[test]
fn bad_resolver_spans_are_ignored() {
    struct Liar;
    impl DateResolver for Liar {
        fn first_date(&self, s: &str, _: Option<&str>) -> Option<FoundDate> {
            Some(FoundDate {
                span: 1..s.len() + 5,
                value: "2020-01-01".into(),
            })
        }
    }
    let a = analyze("é date é\n\nBody é.", &Liar);
    assert!(a.metadata.published.is_none());
}

#[test]
fn crlf_line_endings() {
    let a = run("Title of the story\r\nMarch 3, 2021\r\n\r\nBody text here.\r\n");
    assert_eq!(
        a.metadata.title.as_ref().map(|t| t.value.as_str()),
        Some("Title of the story")
    );
    assert_eq!(a.layout.blocks.len(), 3);
}

#[test]
fn topic_participle_is_not_an_attribution() {
    let a = run("Referring to the situation in the region, the general noted the risks.");
    assert!(a.metadata.attributions.is_empty());
}

#[test]
fn credit_line_needs_a_role_after_the_body_starts() {
    let a = run(
        "The plan passed.\n\nBy Friday the plan was law, officials said.\n\nReporting by Ann Lee",
    );
    let kinds: Vec<_> = a.layout.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BlockKind::Body, BlockKind::Body, BlockKind::Byline]);
    assert_eq!(a.metadata.authors[0].role, AuthorRole::Reporter);
}

#[test]
fn title_is_never_guessed_from_prose_alone() {
    let a = run("Short first paragraph\n\nThe second paragraph follows here.");
    assert!(a.metadata.title.is_none());
    assert_eq!(a.layout.blocks[0].kind, BlockKind::Body);
}

#[test]
fn language_maps_to_iso_639_1() {
    let a = run("Министерство обороны сообщило во вторник, что учения продлятся до конца недели. Представитель ведомства добавил, что в них участвуют тысячи военнослужащих.");
    assert_eq!(
        a.metadata.language.as_ref().map(|l| l.code.as_str()),
        Some("ru")
    );
    assert_eq!(language::iso639_1("pes"), Some("fa"));
}

#[test]
fn a_language_hint_replaces_detection() {
    let text =
        "The ministry said on Tuesday that the exercise would last until the end of the week.";
    let tables = Tables::builtin().expect("built-in tables");
    let hinted = analyze_at(text, &TestDates, &tables, None, Some("de"));
    let l = hinted.metadata.language.expect("the hint is the language");
    assert_eq!((l.code.as_str(), l.iso639_3.as_str()), ("de", ""));
    assert!(l.reliable && l.confidence == 1.0);
    let detected = analyze_at(text, &TestDates, &tables, None, None);
    let l = detected.metadata.language.expect("detected");
    assert_eq!((l.code.as_str(), l.iso639_3.as_str()), ("en", "eng"));
}

#[test]
fn custom_agency_table() {
    let t = AgencyTable::parse("xyz\tXyz Wire\tagency\tXYZ\t@xyzwire\t\t\n").expect("parses");
    let tables = Tables::with_agencies(t).expect("tables load");
    let a = analyze_with("By Ann Lee, XYZ\n\nText.", &TestDates, &tables);
    assert_eq!(a.metadata.agencies[0].name, "Xyz Wire");
}

#[test]
fn reading_time_uses_238_wpm() {
    let body = "word ".repeat(476);
    let a = run(&body);
    assert_eq!(a.metadata.word_count, 476);
    assert_eq!(a.metadata.reading_time_seconds, 120);
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_slice(s in "\\PC*(\n\n\\PC*){0,4}") {
        let a = run(&s);
        for (start, end) in all_spans(&a) {
            proptest::prop_assert!(s.get(start..end).is_some(), "span {start}..{end}");
        }
    }

    #[test]
    fn never_panics_on_news_like_noise(s in "([A-Z]{2,6}|By|©|@[a-z]{1,4}|\\(AP\\)|—|-|, |\\.|\\n|Feb\\. 6|2020-02-07| |é|according to|citing)*") {
        let a = run(&s);
        for (start, end) in all_spans(&a) {
            proptest::prop_assert!(s.get(start..end).is_some(), "span {start}..{end}");
        }
    }

    /// Header, dateline and byline words glued to typographic characters, one
    /// paragraph per line: where the char-boundary panics of real copy came from.
    #[test]
    fn never_panics_on_typographic_header_noise(s in typographic_header_noise()) {
        let a = run(&s);
        for (start, end) in all_spans(&a) {
            proptest::prop_assert!(s.get(start..end).is_some(), "span {start}..{end}");
        }
    }
}

fn typographic_header_noise() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let words = [
        "By ",
        "Published ",
        "Updated: ",
        "10:35",
        " AM ",
        "ET",
        "14.07",
        "GMT",
        "3 hours ago",
        "LONDON",
        " 1996-08-30",
        "(Reuters)",
        " -- ",
        "/TASS/.",
        "Jane Doe",
        " | ",
        ", Staff Writer",
        "Feb. 6",
        "Image copyright ",
        "Read more:",
        "’s",
        "\n",
        "\n\n",
        " ",
    ];
    let typo: Vec<String> = crate::text::boundary::TYPOGRAPHIC
        .chars()
        .map(String::from)
        .collect();
    let piece = prop_oneof![
        proptest::sample::select(words.map(String::from).to_vec()),
        proptest::sample::select(typo),
        "[A-Za-z0-9]{1,6}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Regression (corpus smoke test, PolNeAR): the glued `10:35AM` check sliced a
/// residue word two bytes from its end, inside the ’ of `Trump’s`.
#[test]
fn header_word_ending_in_curly_apostrophe_s_does_not_panic() {
    for t in [
        "Trump’s March 3, 2021\n\nText.",
        "Published ’s 3 March 2021\n\nText.",
    ] {
        let a = run(t);
        assert!(a.metadata.published.is_none(), "{t:?}");
    }
}

#[test]
fn photo_credits_count_only_at_the_end_of_a_caption() {
    use BoilerplateKind as K;
    let credit = "Protesters march past parliament on Tuesday. REUTERS/Jane Doe";
    assert_eq!(boilerplate::classify(credit), Some(K::PhotoCredit));
    assert_eq!(
        boilerplate::classify("Jane Doe via Getty Images."),
        Some(K::PhotoCredit)
    );
    let prose =
        "The Reuters/Ipsos poll showed the mayor doing better than in other polls this month.";
    assert_eq!(boilerplate::classify(prose), None);
}

#[test]
fn horizontal_bar_closes_a_dateline() {
    let a = run("WASHINGTON ― The council met on Tuesday.\n");
    let d = a.metadata.dateline.as_ref().expect("dateline");
    assert_eq!(d.place.value, "WASHINGTON");
}

#[test]
fn unmarked_names_credit_only_beside_a_credit_and_never_across_a_dash() {
    let a = run("Jane Doe | Reuters\n\nThe council met on Tuesday.");
    let names: Vec<_> = a.metadata.authors.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Jane Doe"]);
    let b = run("Jane Doe, Staff Writer\n\nThe council met on Tuesday.");
    assert_eq!(b.metadata.authors.len(), 1);
    for t in [
        "Storm Hits Coast - Reuters\n\nThe council met on Tuesday.",
        "Storm Hits Coast\n\nThe council met on Tuesday.",
        "Jane Doe\n\nThe council met on Tuesday.",
    ] {
        assert!(run(t).metadata.authors.is_empty(), "{t:?}");
    }
}

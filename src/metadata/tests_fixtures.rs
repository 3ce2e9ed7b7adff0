//! Fixture tests: the real Trend article, invented fixtures for other header, byline,
//! dateline and footer forms, and Wikinews corpus files when present.

use super::tests::{all_spans, run};
use super::*;

const TREND: &str = include_str!("../../tests/fixtures/trend-2020-02-07-sadigov-gerasimov.txt");

fn kinds(a: &Article) -> Vec<BlockKind> {
    a.layout.blocks.iter().map(|b| b.kind).collect()
}

fn text_of(f: &Option<TextField>) -> Option<&str> {
    f.as_ref().map(|t| t.value.as_str())
}

fn count(a: &Article, k: BlockKind) -> usize {
    a.layout.blocks.iter().filter(|b| b.kind == k).count()
}

fn value(f: &Option<DateField>) -> Option<&str> {
    f.as_ref().map(|d| d.value.as_str())
}

#[test]
fn trend_fixture() {
    let a = run(TREND);
    let m = &a.metadata;
    assert_eq!(value(&m.published), Some("2020-02-07"));
    assert_eq!(m.agencies.len(), 1);
    assert_eq!(m.agencies[0].id, "trend");
    assert_eq!(m.agencies[0].span.slice(TREND), "Trend");
    assert!(m.authors.is_empty());
    let p = m.publisher.as_ref().expect("publisher");
    assert_eq!(
        (p.name.as_str(), p.source),
        ("AzerNews", PublisherSource::HandleTable)
    );
    assert_eq!(m.handles.len(), 1);
    assert_eq!(m.handles[0].span.slice(TREND), "@AzerNewsAz");
    assert_eq!(m.handles[0].platform, Some(Platform::Twitter));
    assert!(m.title.is_none());
    assert_eq!(a.layout.blocks[0].kind, BlockKind::Header);
    assert_eq!(count(&a, BlockKind::Body), 10);
    let bp: Vec<_> = m.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(bp, [BoilerplateKind::Separator, BoilerplateKind::FollowUs]);
    assert_eq!(m.language.as_ref().map(|l| l.code.as_str()), Some("en"));
    assert!(m.dateline.is_none());
}

#[test]
fn trend_fixture_attribution_and_lead() {
    let a = run(TREND);
    let m = &a.metadata;
    assert_eq!(m.attributions.len(), 1);
    let x = &m.attributions[0];
    assert_eq!(
        x.reporter.as_ref().map(|r| r.span.slice(TREND)),
        Some("Trend")
    );
    assert_eq!(
        x.reporter_agency.as_ref().map(|r| r.id.as_str()),
        Some("trend")
    );
    assert_eq!(value(&x.date), Some("2020-02-06"));
    assert_eq!(x.date.as_ref().map(|d| d.span.slice(TREND)), Some("Feb. 6"));
    assert_eq!(x.source.span.slice(TREND), "Azerbaijan’s Defense Ministry");
    assert_eq!(x.cue.value, "referring to");
    let lead = m.lead.as_ref().expect("lead");
    assert!(lead.value.starts_with("Azerbaijan’s First Deputy"));
    assert!(lead.value.ends_with("Defense Ministry."));
    assert!(m.word_count > 300 && m.word_count < 400, "{}", m.word_count);
    for (s, e) in all_spans(&a) {
        assert!(TREND.get(s..e).is_some());
    }
}

#[test]
fn reuters_style_dateline() {
    use BlockKind::*;
    let t = include_str!("../../tests/fixtures/reuters-style-dateline.txt");
    let a = run(t);
    let m = &a.metadata;
    assert_eq!(kinds(&a), [Title, Header, Byline, Body, Body, Body, Byline]);
    assert_eq!(
        text_of(&m.title),
        Some("Azerbaijan's central bank keeps key rate at 7.25%")
    );
    assert_eq!(value(&m.published), Some("2020-02-06"));
    let roles: Vec<_> = m
        .authors
        .iter()
        .map(|x| (x.name.as_str(), x.role))
        .collect();
    let expected = [
        ("Jane Doe", AuthorRole::Author),
        ("Jane Doe", AuthorRole::Reporter),
        ("John Roe", AuthorRole::Editor),
    ];
    assert_eq!(roles, expected);
    let d = m.dateline.as_ref().expect("dateline");
    assert_eq!(d.span.slice(t), "BAKU, Feb 6 (Reuters) -");
    assert_eq!(
        (d.place.value.as_str(), value(&d.date)),
        ("BAKU", Some("2020-02-06"))
    );
    assert_eq!(d.agency.as_ref().map(|x| x.id.as_str()), Some("reuters"));
    assert_eq!(m.agencies.len(), 1);
    assert!(text_of(&m.lead).is_some_and(|l| l.starts_with("Azerbaijan's central bank kept")));
    assert!(text_of(&m.lead).is_some_and(|l| l.ends_with("oil-rich country.")));
    assert_eq!(
        m.attributions[0].source.value,
        "the State Statistics Committee"
    );
}

#[test]
fn ap_dateline_emdash() {
    use BlockKind::*;
    let t = include_str!("../../tests/fixtures/ap-dateline-emdash.txt");
    let a = run(t);
    let m = &a.metadata;
    assert_eq!(
        kinds(&a),
        [Title, Byline, Header, Body, Body, Body, Boilerplate]
    );
    assert_eq!(value(&m.published), Some("2021-03-03"));
    let names: Vec<_> = m.authors.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["MARIA GARCIA", "TOM BAKER"]);
    let d = m.dateline.as_ref().expect("dateline");
    assert_eq!(d.span.slice(t), "NEW ORLEANS (AP) —");
    assert_eq!(
        d.agency.as_ref().map(|x| x.qid.as_deref()),
        Some(Some("Q40469"))
    );
    assert!(text_of(&m.lead).is_some_and(|l| l.starts_with("A fast-moving storm")));
    let p = m.publisher.as_ref().expect("publisher");
    assert_eq!(
        (p.name.as_str(), p.source),
        ("Associated Press", PublisherSource::Copyright)
    );
    assert_eq!(m.boilerplate[0].kind, BoilerplateKind::Copyright);
    assert!(m.attributions[0].reporter.is_none());
}

#[test]
fn wikinews_style_title() {
    use BlockKind::*;
    let t = include_str!("../../tests/fixtures/wikinews-style-title.txt");
    let a = run(t);
    let m = &a.metadata;
    assert_eq!(kinds(&a), [Title, Header, Body, Body, Body]);
    assert_eq!(
        text_of(&m.title),
        Some("City council approves new tram line for Springfield")
    );
    assert_eq!(value(&m.published), Some("2021-05-12"));
    assert!(m.dateline.is_none() && m.authors.is_empty());
    assert_eq!(
        m.attributions[0].source.value,
        "the city’s transport department"
    );
}

#[test]
fn posted_on_byline() {
    use BlockKind::*;
    let t = include_str!("../../tests/fixtures/posted-on-byline.txt");
    let a = run(t);
    let m = &a.metadata;
    assert_eq!(
        kinds(&a),
        [
            Title,
            Header,
            Body,
            Body,
            Boilerplate,
            Boilerplate,
            Boilerplate
        ]
    );
    assert_eq!(value(&m.published), Some("2021-03-03"));
    assert!(m.authors.is_empty(), "a site user name is not a person");
    let bp: Vec<_> = m.boilerplate.iter().map(|b| b.kind).collect();
    use BoilerplateKind as K;
    assert_eq!(bp, [K::Share, K::ReadMore, K::FollowUs]);
    let h: Vec<_> = m
        .handles
        .iter()
        .map(|h| (h.value.as_str(), h.platform))
        .collect();
    let expected = [
        ("@CornerTownNews", Some(Platform::Facebook)),
        ("@cornertown.news", Some(Platform::Instagram)),
    ];
    assert_eq!(h, expected);
    let p = m.publisher.as_ref().expect("publisher");
    assert_eq!(
        (p.name.as_str(), p.source),
        ("CornerTownNews", PublisherSource::HandleRule)
    );
    assert_eq!(m.emails[0].value, "orders@cornerbakery.example");
    assert_eq!(m.urls[0].value, "www.cornerbakery.example/order");
}

#[test]
fn copyright_footer() {
    use BlockKind::*;
    let t = include_str!("../../tests/fixtures/copyright-footer.txt");
    let a = run(t);
    let m = &a.metadata;
    let bp = Boilerplate;
    assert_eq!(kinds(&a), [Header, Byline, Body, Body, bp, bp, bp, bp]);
    assert!(m.title.is_none(), "a header line is never a title");
    assert_eq!(value(&m.published), Some("2021-03-03T12:30:00+00:00"));
    assert_eq!(
        m.updated
            .as_ref()
            .map(|d| d.span.start > m.published.as_ref().map_or(0, |p| p.span.end)),
        Some(true)
    );
    assert_eq!(m.authors.len(), 1);
    assert_eq!(m.authors[0].name, "Sarah Connor");
    let d = m.dateline.as_ref().expect("dateline");
    assert_eq!(
        (d.place.value.as_str(), value(&d.date)),
        ("LONDON", Some("2021-03-03"))
    );
    let p = m.publisher.as_ref().expect("publisher");
    assert_eq!(
        (p.name.as_str(), p.source),
        ("Daily Planet Media Ltd", PublisherSource::Copyright)
    );
    let x = &m.attributions[0];
    assert_eq!(text_of(&x.reporter), Some("the finance minister"));
    assert_eq!(
        x.source.value,
        "figures from the Office for Budget Responsibility"
    );
    use BoilerplateKind as K;
    let kinds: Vec<_> = m.boilerplate.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [K::PhotoCredit, K::Subscribe, K::Separator, K::Copyright]
    );
}

#[test]
fn tass_style_dateline() {
    let t = include_str!("../../tests/fixtures/tass-style-dateline.txt");
    let a = run(t);
    let m = &a.metadata;
    let d = m.dateline.as_ref().expect("dateline");
    assert_eq!(d.span.slice(t), "MOSCOW, March 3. /TASS/.");
    assert_eq!(d.agency.as_ref().map(|x| x.id.as_str()), Some("tass"));
    assert!(d.date.is_none(), "no publication date to anchor the year");
    assert!(text_of(&m.lead).is_some_and(|l| l.starts_with("Russia's Foreign Ministry")));
    let x = &m.attributions[0];
    assert_eq!(
        x.reporter_agency.as_ref().map(|r| r.id.as_str()),
        Some("interfax")
    );
    assert_eq!(x.source.value, "a diplomatic source");
    assert_eq!(m.urls[0].value, "https://tass.com/politics");
}

/// Title, publication date and lead of every article listed in `dir/index.jsonl`;
/// returns how many were checked.
fn check_wikinews(dir: &std::path::Path) -> usize {
    let index = std::fs::read_to_string(dir.join("index.jsonl"))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.join("index.jsonl").display()));
    let mut checked = 0;
    for line in index.lines() {
        let row: serde_json::Value = serde_json::from_str(line).expect("index row");
        let (Some(file), Some(title), Some(date)) = (
            row["file"].as_str(),
            row["title"].as_str(),
            row["date"].as_str(),
        ) else {
            continue;
        };
        let path = dir.join(file);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let a = run(&text);
        assert_eq!(text_of(&a.metadata.title), Some(title), "{file}");
        assert_eq!(value(&a.metadata.published), Some(date), "{file}");
        assert!(a.metadata.lead.is_some(), "{file}");
        checked += 1;
    }
    checked
}

/// The whole Wikinews corpus: `../shared` beside the crate, or `$NEWSPARSE_WIKINEWS`.
#[test]
#[ignore = "needs ../shared/corpus/wikinews: run with --include-ignored"]
fn wikinews_corpus_titles_and_dates() {
    let dir = std::env::var_os("NEWSPARSE_WIKINEWS").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/wikinews"),
        std::path::PathBuf::from,
    );
    let checked = check_wikinews(&dir);
    assert!(checked > 100, "{checked}");
}

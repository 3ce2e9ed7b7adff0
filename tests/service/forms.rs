//! One test per header, dateline, byline, boilerplate and layout form of our own
//! fixtures (tests/fixtures, written for this suite), asserted over gRPC. The golden
//! files pin everything else; these name what each fixture is there to show.

use crate::harness::{fixture, request, TestServer};
use newsparse::grpc::pb;
use pb::BlockKind as B;
use pb::BoilerplateKind as K;

async fn parse_at(stem: &str, document_date: &str) -> pb::ParseResponse {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut req = request(&fixture(stem));
    req.document_date = document_date.to_string();
    let resp = client
        .parse(req)
        .await
        .expect("fixture parses")
        .into_inner();
    server.stop().await;
    resp
}

/// What a fixture must yield; `None`/empty means "absent".
#[derive(Default)]
struct Want<'a> {
    title: Option<&'a str>,
    published: Option<&'a str>,
    updated: Option<&'a str>,
    /// Place, date value, agency id.
    dateline: Option<(&'a str, Option<&'a str>, Option<&'a str>)>,
    authors: &'a [&'a str],
    agencies: &'a [&'a str],
    boilerplate: &'a [K],
    /// Every paragraph's kind, in order.
    kinds: &'a [B],
    /// Body dates (entity name, TimeML value) that must be resolved so.
    dates: &'a [(&'a str, &'a str)],
}

fn value(f: &Option<pb::Field>) -> Option<&str> {
    f.as_ref().map(|f| f.value.as_str())
}

async fn check(stem: &str, want: Want<'_>) -> pb::ParseResponse {
    let r = parse_at(stem, "").await;
    let md = r.metadata.as_ref().expect("metadata");
    assert_eq!(
        md.title.as_ref().map(|t| t.text.as_str()),
        want.title,
        "{stem}: title"
    );
    assert_eq!(
        value(&md.publication_date),
        want.published,
        "{stem}: published"
    );
    assert_eq!(value(&md.updated_date), want.updated, "{stem}: updated");
    let dl = md.dateline.as_ref().map(|d| {
        let place = d.place.as_ref().map_or("", |p| p.text.as_str());
        let agency = d.agency.as_ref().map(|a| a.id.as_str());
        (place, value(&d.date), agency)
    });
    assert_eq!(dl, want.dateline, "{stem}: dateline");
    let authors: Vec<&str> = md.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(authors, want.authors, "{stem}: authors");
    let agencies: Vec<&str> = md.agencies.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(agencies, want.agencies, "{stem}: agencies");
    let bp: Vec<i32> = md.boilerplate.iter().map(|b| b.kind).collect();
    let want_bp: Vec<i32> = want.boilerplate.iter().map(|k| *k as i32).collect();
    assert_eq!(bp, want_bp, "{stem}: boilerplate");
    if !want.kinds.is_empty() {
        let kinds: Vec<i32> = r.paragraphs.iter().map(|p| p.kind).collect();
        let want_kinds: Vec<i32> = want.kinds.iter().map(|k| *k as i32).collect();
        assert_eq!(kinds, want_kinds, "{stem}: paragraph kinds");
    }
    for (name, v) in want.dates {
        let found = r.entities.iter().any(|e| {
            e.timex.as_ref().is_some_and(|t| t.value == *v)
                && e.mentions.iter().any(|m| m.text == *name)
        });
        assert!(found, "{stem}: no date {name:?} = {v}");
    }
    r
}

/// The acceptance line: a Reuters-layout document (headline line, `CITY YYYY-MM-DD`
/// line, one paragraph per line) yields title, dateline place and date, and the
/// publication date, which anchors "on Monday" in the body.
#[tokio::test]
async fn reuters_layout_city_iso_date_line_one_paragraph_per_line() {
    let r = parse_at("reuters-layout-bare-dateline", "").await;
    let md = r.metadata.as_ref().expect("metadata");
    let title = md.title.as_ref().expect("title");
    assert_eq!(title.text, "Harbour Workers End Strike After Pay Deal");
    let dl = md.dateline.as_ref().expect("dateline");
    assert_eq!(
        dl.place.as_ref().map(|p| p.text.as_str()),
        Some("ROTTERDAM")
    );
    assert_eq!(value(&dl.date), Some("1996-08-30"));
    assert_eq!(value(&md.publication_date), Some("1996-08-30"));
    let kinds: Vec<i32> = r.paragraphs.iter().map(|p| p.kind).collect();
    let body = B::Body as i32;
    assert_eq!(
        kinds,
        [B::Title as i32, B::Dateline as i32, body, body, body, body]
    );
    let monday = r
        .entities
        .iter()
        .find(|e| e.name == "Monday")
        .expect("Monday");
    assert_eq!(
        monday.timex.as_ref().map(|t| t.value.as_str()),
        Some("1996-09-02")
    );
}

#[tokio::test]
async fn dateline_city_month_day_reuters_dash() {
    check(
        "reuters-layout-comma-dateline",
        Want {
            title: Some("Copper slips as warehouse stocks rise"),
            dateline: Some(("LONDON", Some("XXXX-08-30"), Some("reuters"))),
            authors: &["Anna Berg", "Paul Grant"],
            agencies: &["reuters"],
            kinds: &[B::Title, B::Body, B::Body, B::Body, B::Byline],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn dateline_yearless_date_resolves_against_document_date() {
    let r = parse_at("reuters-layout-comma-dateline", "1996-09-02").await;
    let md = r.metadata.as_ref().expect("metadata");
    let dl = md.dateline.as_ref().expect("dateline");
    assert_eq!(value(&dl.date), Some("1996-08-30"));
    assert_eq!(value(&md.publication_date), Some("1996-08-30"));
}

#[tokio::test]
async fn dateline_city_ap_em_dash_hard_wrapped_with_blank_lines() {
    check(
        "ap-dateline-wrapped-blank-lines",
        Want {
            title: Some("Senate Passes Rural Hospital Funding Bill"),
            dateline: Some(("WASHINGTON", None, Some("ap"))),
            agencies: &["ap"],
            kinds: &[B::Title, B::Body, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn dateline_city_afp_hyphen_one_paragraph_per_line() {
    check(
        "afp-dateline-per-line",
        Want {
            title: Some("Paris Museum Reopens Wing After Three-Year Renovation"),
            dateline: Some(("PARIS", None, Some("afp"))),
            agencies: &["afp"],
            kinds: &[B::Title, B::Body, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn dateline_tass_slashes_one_paragraph_per_line() {
    check(
        "tass-slash-dateline-per-line",
        Want {
            dateline: Some(("MOSCOW", Some("XXXX-02-06"), Some("tass"))),
            agencies: &["tass"],
            kinds: &[B::Body, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn dateline_xinhua_double_hyphen_hard_wrapped_without_blank_lines() {
    check(
        "xinhua-dateline-wrapped-no-blank-lines",
        Want {
            dateline: Some(("BEIJING", Some("XXXX-02-06"), Some("xinhua"))),
            agencies: &["xinhua"],
            kinds: &[B::Body, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn dateline_two_word_city_bloomberg() {
    check(
        "bloomberg-dateline-blank-lines",
        Want {
            title: Some("Chipmaker Shares Jump on Strong Forecast"),
            dateline: Some(("NEW YORK", None, Some("bloomberg"))),
            agencies: &["bloomberg"],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn byline_by_two_authors() {
    check(
        "byline-two-authors",
        Want {
            title: Some("Flood Defences Hold as River Peaks"),
            published: Some("2021-03-03"),
            authors: &["Jane Doe", "John Roe"],
            kinds: &[B::Title, B::Byline, B::Header, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn byline_by_name_comma_agency() {
    check(
        "byline-name-comma-agency",
        Want {
            title: Some("Tram strike halts city traffic"),
            published: Some("2021-03-03"),
            authors: &["Jane Doe"],
            agencies: &["reuters"],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn byline_name_pipe_agency_without_by() {
    check(
        "byline-pipe-agency",
        Want {
            title: Some("Wildfire Forces Evacuation of Hillside Villages"),
            published: Some("2021-08-12"),
            authors: &["Jane Doe"],
            agencies: &["reuters"],
            boilerplate: &[K::Share],
            kinds: &[
                B::Title,
                B::Byline,
                B::Header,
                B::Body,
                B::Body,
                B::Boilerplate,
            ],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn byline_name_comma_staff_writer() {
    check(
        "byline-staff-writer",
        Want {
            title: Some("Library Extends Opening Hours for Exam Season"),
            published: Some("2022-05-04"),
            authors: &["Jane Doe"],
            dates: &[("Tuesday", "2022-05-03")],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn published_hours_ago_is_found_but_unresolved_without_document_date() {
    let r = check(
        "published-hours-ago",
        Want {
            title: Some("Ferry Service Suspended in High Winds"),
            published: Some(""),
            authors: &["Tom Baker"],
            ..Want::default()
        },
    )
    .await;
    let md = r.metadata.as_ref().expect("metadata");
    let found = md.publication_date.as_ref().expect("found");
    assert_eq!(found.text, "3 hours ago");
}

#[tokio::test]
async fn published_hours_ago_resolves_against_document_date() {
    let r = parse_at("published-hours-ago", "2021-05-02T15:20:00").await;
    let md = r.metadata.as_ref().expect("metadata");
    assert_eq!(value(&md.publication_date), Some("2021-05-02T12:20:00"));
    let r = parse_at("published-hours-ago", "2021-05-02").await;
    let md = r.metadata.as_ref().expect("metadata");
    assert_eq!(value(&md.publication_date), Some("2021-05-02"));
}

#[tokio::test]
async fn updated_date_with_time_and_eastern_zone_is_iso_with_offset() {
    check(
        "updated-time-eastern",
        Want {
            title: Some("City Council Approves Budget After Late Session"),
            updated: Some("2020-02-06T10:35:00-05:00"),
            boilerplate: &[K::Advertisement],
            // The updated date anchors the body when it is the only date.
            dates: &[("Friday", "2020-02-07")],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn last_modified_with_weekday_dotted_time_and_gmt() {
    check(
        "last-modified-gmt",
        Want {
            title: Some("Rail Fares to Rise by 2.7% in March"),
            updated: Some("2020-02-06T14:07:00+00:00"),
            boilerplate: &[K::Subscribe, K::Copyright],
            dates: &[("March", "2020-03")],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn header_publication_date_anchors_relative_body_dates() {
    check(
        "publication-date-anchors-body",
        Want {
            title: Some("Regional Airline Orders Twelve New Jets"),
            published: Some("2020-02-07"),
            dates: &[("Thursday", "2020-02-06"), ("last year", "2019")],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn boilerplate_share_and_advertisement() {
    check(
        "boilerplate-share-advertisement",
        Want {
            title: Some("Bakery Chain Opens Its Fiftieth Shop"),
            authors: &["Maria Garcia"],
            boilerplate: &[K::Share, K::Advertisement, K::Share],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn boilerplate_read_more_and_related_between_paragraphs() {
    check(
        "boilerplate-read-more-related",
        Want {
            title: Some("Council Plans Cycle Lane on High Street"),
            published: Some("2021-10-14"),
            boilerplate: &[K::ReadMore, K::ReadMore],
            kinds: &[
                B::Title,
                B::Header,
                B::Body,
                B::Boilerplate,
                B::Body,
                B::Boilerplate,
                B::Body,
            ],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn boilerplate_image_copyright_caption_and_photo_credit() {
    check(
        "boilerplate-image-captions",
        Want {
            title: Some("Storm Damage Closes Coastal Road"),
            boilerplate: &[K::PhotoCredit, K::PhotoCredit, K::PhotoCredit],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn boilerplate_newsletter_and_all_rights_reserved() {
    check(
        "boilerplate-newsletter-rights",
        Want {
            title: Some("Zoo Welcomes Twin Red Panda Cubs"),
            published: Some("2022-06-02"),
            authors: &["Sarah Connor"],
            boilerplate: &[K::Subscribe, K::Copyright],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn boilerplate_cookie_notice_before_the_headline_and_click_here() {
    check(
        "boilerplate-click-cookies",
        Want {
            title: Some("Swimming Pool Reopens After Roof Repairs"),
            published: Some("2021-09-09"),
            boilerplate: &[K::Notice, K::ReadMore],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn boilerplate_originally_published_on() {
    check(
        "boilerplate-originally-published",
        Want {
            title: Some("Students Build Solar Car for Desert Race"),
            published: Some("2022-04-20"),
            authors: &["John Roe"],
            boilerplate: &[K::Notice],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn layout_hard_wrapped_without_blank_lines_all_caps_headline() {
    check(
        "wrapped-no-blank-lines-all-caps-headline",
        Want {
            title: Some("RIVER BRIDGE TO CLOSE FOR REPAIRS"),
            kinds: &[B::Title, B::Body, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn layout_blank_lines_title_case_headline_alone() {
    check(
        "blank-lines-title-case-headline",
        Want {
            title: Some("Orchestra Announces New Season of Free Concerts"),
            kinds: &[B::Title, B::Body, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn layout_crlf_one_paragraph_per_line() {
    check(
        "crlf-one-paragraph-per-line",
        Want {
            title: Some("Hospital Opens New Children's Ward"),
            published: Some("2021-11-18"),
            authors: &["Maria Garcia"],
            kinds: &[B::Title, B::Byline, B::Header, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn layout_prose_first_line_is_never_a_title() {
    check(
        "no-headline-prose-first",
        Want {
            kinds: &[B::Body, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn site_layout_pipe_byline_updated_time_and_inline_boilerplate() {
    check(
        "site-layout-mixed",
        Want {
            title: Some("Heat Wave Breaks Records Across the Region"),
            updated: Some("2022-07-19T16:05:00-04:00"),
            authors: &["Jane Doe"],
            agencies: &["reuters"],
            boilerplate: &[K::PhotoCredit, K::ReadMore, K::Copyright],
            ..Want::default()
        },
    )
    .await;
}

/// Reuters copy as archived: a headline in capitals closed by a full stop, a line with
/// nothing but the reporter's name, then the `CITY YYYY-MM-DD` line.
#[tokio::test]
async fn archived_caps_headline_with_full_stop_name_line_and_dateline() {
    check(
        "reuters-archived-caps-headline-stop-byline",
        Want {
            title: Some("TENNIS - HOLDERS KNOCKED OUT IN OPENING ROUND OF CLUB CUP."),
            published: Some("1996-12-06"),
            dateline: Some(("LONDON", Some("1996-12-06"), None)),
            authors: &["Jane Doe"],
            kinds: &[B::Title, B::Byline, B::Dateline, B::Body, B::Body, B::Body],
            dates: &[("Friday", "1996-12-06"), ("Saturday", "1996-12-07")],
            ..Want::default()
        },
    )
    .await;
}

/// A sentence-case headline closed by a full stop, confirmed by the dateline line under
/// it, whose place names its state.
#[tokio::test]
async fn archived_sentence_case_headline_with_full_stop_and_region_dateline() {
    check(
        "reuters-archived-sentence-headline-stop-region",
        Want {
            title: Some("Grain exporters see slower shipments in week."),
            published: Some("1996-08-29"),
            dateline: Some(("MILWAUKEE, Wisconsin", Some("1996-08-29"), None)),
            kinds: &[B::Title, B::Dateline, B::Body, B::Body],
            dates: &[("Thursday", "1996-08-29")],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn sentence_case_headline_alone_above_blank_line_paragraphs() {
    check(
        "sentence-case-headline-blank-lines",
        Want {
            title: Some("Council delays vote on new bus lanes after traders protest"),
            kinds: &[B::Title, B::Body, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

#[tokio::test]
async fn sentence_case_headline_above_one_paragraph_per_line() {
    check(
        "sentence-case-headline-one-paragraph-per-line",
        Want {
            title: Some("Library extends opening hours for exam season"),
            kinds: &[B::Title, B::Body, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

/// A first paragraph that is a sentence (a verb and a full stop) stays body, however short.
#[tokio::test]
async fn short_sentence_first_is_never_a_title() {
    check(
        "prose-first-short-sentence",
        Want {
            kinds: &[B::Body, B::Body, B::Body],
            ..Want::default()
        },
    )
    .await;
}

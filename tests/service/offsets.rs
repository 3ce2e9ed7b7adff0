//! Every span, in each of the three encodings, slices the request text back to
//! exactly the reported text. Property-tested over arbitrary Unicode (emoji,
//! combining marks, curly quotes) in-process, and checked over the network.

use crate::harness::{fixture, TestServer, TREND};
use newsparse::grpc::{parse_local, pb};
use newsparse::pipeline::Pipeline;
use proptest::prelude::*;

/// Slices `text` by offsets counted in `enc`; None when they are not valid there.
pub fn slice(text: &str, enc: pb::OffsetEncoding, start: u32, end: u32) -> Option<String> {
    let (s, e) = (start as usize, end as usize);
    if s > e {
        return None;
    }
    match enc {
        pb::OffsetEncoding::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(units.get(s..e)?).ok()
        }
        pb::OffsetEncoding::CodePoint => {
            (e <= text.chars().count()).then(|| text.chars().skip(s).take(e - s).collect())
        }
        _ => text.get(s..e).map(str::to_owned),
    }
}

/// Every span in a response with the text it must slice to (None: no text reported).
pub fn spans(resp: &pb::ParseResponse) -> Vec<(pb::Span, Option<String>)> {
    let mut out = Vec::new();
    out.extend(
        resp.paragraphs
            .iter()
            .filter_map(|p| p.span)
            .map(|s| (s, None)),
    );
    out.extend(
        resp.sentences
            .iter()
            .filter_map(|p| p.span)
            .map(|s| (s, None)),
    );
    for e in &resp.entities {
        for m in &e.mentions {
            let span = m.span.expect("every mention has a span");
            out.push((span, Some(m.text.clone())));
        }
    }
    if let Some(md) = &resp.metadata {
        let fields = [&md.publication_date, &md.updated_date, &md.title, &md.lead]
            .into_iter()
            .flatten()
            .chain(md.urls.iter())
            .chain(md.emails.iter())
            .chain(
                md.attributions
                    .iter()
                    .flat_map(|a| [&a.reporter, &a.date, &a.source, &a.cue])
                    .flatten(),
            )
            .chain(
                md.dateline
                    .iter()
                    .flat_map(|d| [&d.place, &d.date])
                    .flatten(),
            );
        out.extend(fields.filter_map(|f| f.span.map(|s| (s, Some(f.text.clone())))));
        out.extend(
            md.authors
                .iter()
                .filter_map(|a| a.span.map(|s| (s, Some(a.text.clone())))),
        );
        out.extend(
            md.agencies
                .iter()
                .filter_map(|a| a.span.map(|s| (s, Some(a.text.clone())))),
        );
        out.extend(
            md.publisher
                .iter()
                .filter_map(|p| p.span.map(|s| (s, Some(p.text.clone())))),
        );
        out.extend(
            md.boilerplate
                .iter()
                .filter_map(|b| b.span.map(|s| (s, Some(b.text.clone())))),
        );
        out.extend(
            md.handles
                .iter()
                .filter_map(|h| h.span.map(|s| (s, Some(h.handle.clone())))),
        );
    }
    out
}

/// Checks one text in all three encodings against the UTF-8 answer.
pub fn assert_round_trip(text: &str, parse: impl Fn(pb::ParseRequest) -> pb::ParseResponse) {
    let req = |enc: pb::OffsetEncoding| pb::ParseRequest {
        text: text.to_owned(),
        offset_encoding: enc as i32,
        ..Default::default()
    };
    let utf8 = parse(req(pb::OffsetEncoding::Utf8));
    let reference: Vec<String> = spans(&utf8)
        .into_iter()
        .map(|(s, t)| {
            let got = slice(text, pb::OffsetEncoding::Utf8, s.start, s.end)
                .expect("utf8 span on char boundary");
            if let Some(t) = t {
                assert_eq!(got, t, "utf8 span text");
            }
            got
        })
        .collect();
    for enc in [pb::OffsetEncoding::Utf16, pb::OffsetEncoding::CodePoint] {
        let resp = parse(req(enc));
        assert_eq!(resp.offset_encoding, enc as i32);
        let got = spans(&resp);
        assert_eq!(got.len(), reference.len());
        for ((s, t), want) in got.into_iter().zip(&reference) {
            let sliced = slice(text, enc, s.start, s.end)
                .unwrap_or_else(|| panic!("{enc:?} span {s:?} invalid"));
            assert_eq!(&sliced, want, "{enc:?}");
            if let Some(t) = t {
                assert_eq!(&sliced, &t, "{enc:?} reported text");
            }
        }
    }
}

fn local(req: pb::ParseRequest) -> pb::ParseResponse {
    parse_local(
        &Pipeline::shared().expect("resources load"),
        req,
        usize::MAX,
    )
    .expect("valid request")
}

const LEXICON: [&str; 14] = [
    "President",
    "Vice ",
    "Deputy ",
    "First Deputy Defense Minister",
    "Colonel General",
    "Secretary of State",
    "Feb",
    "December",
    "Christmas",
    "Thanksgiving Day",
    "(Reuters) -",
    "WASHINGTON (AP) —",
    "By ",
    "Mr.",
];

fn typographic() -> Vec<String> {
    newsparse::text::boundary::TYPOGRAPHIC
        .chars()
        .map(String::from)
        .collect()
}

fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Baku".to_owned()),
        Just("Azerbaijan’s Defense Ministry".to_owned()),
        Just("Feb. 6".to_owned()),
        Just(" ".to_owned()),
        Just("\n\n".to_owned()),
        Just("“quoted”".to_owned()),
        Just("😀👍🏽".to_owned()),
        Just("e\u{301}\u{0300}".to_owned()),
        Just("@AzerNewsAz https://x.example/a?b=1".to_owned()),
        Just("---".to_owned()),
        "\\PC{0,12}",
        "[A-Z][a-z]{1,8}",
        // Lexicon words (titles, months, holidays, agencies) beside typographic
        // characters, as real copy sets them.
        proptest::sample::select(LEXICON.map(str::to_owned).to_vec()),
        proptest::sample::select(typographic()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_back_in_every_encoding(text in article_like()) {
        prop_assume!(!text.trim().is_empty());
        assert_round_trip(&text, local);
    }

    #[test]
    fn arbitrary_input_never_panics(text in "\\PC{0,400}|[\\x00-\\x7f]{0,400}|(.|\\n){0,300}") {
        let req = pb::ParseRequest { text, ..Default::default() };
        let _ = parse_local(&Pipeline::shared().expect("resources load"), req, usize::MAX);
    }
}

#[tokio::test]
async fn fixture_round_trips_in_every_encoding_over_grpc() {
    let server = TestServer::start().await;
    let client = server.client().await;
    let text = format!("{}\n\nEmoji 😀👍🏽 and cafe\u{301} in Baku.", fixture(TREND));
    let handle = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        assert_round_trip(&text, |req| {
            let mut c = client.clone();
            handle.block_on(async move { c.parse(req).await.expect("parse").into_inner() })
        });
    })
    .await
    .expect("round trip");
    server.stop().await;
}

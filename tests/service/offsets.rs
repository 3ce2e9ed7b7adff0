//! Every span, in each of the three encodings, slices the request text back to
//! exactly the reported text. Property-tested over arbitrary Unicode (emoji,
//! combining marks, curly quotes) in-process, and checked over the network.

use crate::harness::{fixture, TestServer, TREND};
use newsparse::grpc::{parse_local, pb};
use newsparse::pipeline::Pipeline;
use proptest::prelude::*;
use prost::Message;
use prost_reflect::{DescriptorPool, DynamicMessage, MessageDescriptor, ReflectMessage, Value};
use std::sync::OnceLock;

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

/// The message every offset range of the wire format travels in.
const SPAN: &str = "newsparse.v1.Span";

/// The string field a message reports its spanned text in: `text` everywhere,
/// `handle` on `Handle`.
const TEXT_FIELDS: [&str; 2] = ["text", "handle"];

/// A span found in a response.
#[derive(Debug)]
pub struct Found {
    /// Field path from the response, e.g. `quotes.content.span`.
    pub path: String,
    /// The range itself.
    pub span: pb::Span,
    /// The text it must slice to; None when its message reports no text.
    pub text: Option<String>,
}

fn response_descriptor() -> MessageDescriptor {
    static POOL: OnceLock<DescriptorPool> = OnceLock::new();
    POOL.get_or_init(|| {
        DescriptorPool::decode(pb::FILE_DESCRIPTOR_SET).expect("descriptor set decodes")
    })
    .get_message_by_name("newsparse.v1.ParseResponse")
    .expect("ParseResponse is in the descriptor set")
}

/// Every span in a response, found by walking the proto descriptor rather than
/// a hand-written field list, so a new field can never escape the round trip.
pub fn spans(resp: &pb::ParseResponse) -> Vec<Found> {
    let msg = DynamicMessage::decode(response_descriptor(), resp.encode_to_vec().as_slice())
        .expect("a response decodes by its own descriptor");
    let mut out = Vec::new();
    walk(&msg, "", &mut out);
    out
}

fn walk(msg: &DynamicMessage, path: &str, out: &mut Vec<Found>) {
    for (field, value) in msg.fields() {
        let path = match path {
            "" => field.name().to_owned(),
            _ => format!("{path}.{}", field.name()),
        };
        let items = value.as_list().unwrap_or(std::slice::from_ref(value));
        for child in items.iter().filter_map(Value::as_message) {
            if child.descriptor().full_name() != SPAN {
                walk(child, &path, out);
                continue;
            }
            let span = child.transcode_to().expect("a Span transcodes");
            let text = reported_text(msg);
            out.push(Found {
                path: path.clone(),
                span,
                text,
            });
        }
    }
}

fn reported_text(msg: &DynamicMessage) -> Option<String> {
    let value = TEXT_FIELDS
        .iter()
        .find_map(|name| msg.get_field_by_name(name))?;
    value.as_str().map(str::to_owned)
}

/// Fails unless the walk found spans at each of `paths`, so a walk that
/// silently finds nothing cannot pass the round trip.
pub fn assert_walk_reaches(resp: &pb::ParseResponse, paths: &[&str]) {
    let found = spans(resp);
    for path in paths {
        assert!(
            found.iter().any(|f| f.path == *path),
            "no span at {path}; found {:?}",
            found.iter().map(|f| &f.path).collect::<Vec<_>>()
        );
    }
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
        .map(|f| {
            let got = slice(text, pb::OffsetEncoding::Utf8, f.span.start, f.span.end)
                .unwrap_or_else(|| panic!("utf8 span at {} not on char boundaries", f.path));
            if let Some(t) = f.text {
                assert_eq!(got, t, "utf8 span text at {}", f.path);
            }
            got
        })
        .collect();
    for enc in [pb::OffsetEncoding::Utf16, pb::OffsetEncoding::CodePoint] {
        let resp = parse(req(enc));
        assert_eq!(resp.offset_encoding, enc as i32);
        let got = spans(&resp);
        assert_eq!(got.len(), reference.len());
        for (f, want) in got.into_iter().zip(&reference) {
            let (s, path) = (f.span, &f.path);
            let sliced = slice(text, enc, s.start, s.end)
                .unwrap_or_else(|| panic!("{enc:?} span {s:?} at {path} invalid"));
            assert_eq!(&sliced, want, "{enc:?} at {path}");
            if let Some(t) = f.text {
                assert_eq!(&sliced, &t, "{enc:?} reported text at {path}");
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

#[test]
fn walk_reaches_mentions_sentences_paragraphs_and_quotes() {
    let resp = local(pb::ParseRequest {
        text: fixture(TREND),
        ..Default::default()
    });
    let paths = [
        "paragraphs.span",
        "sentences.span",
        "entities.mentions.span",
        "quotes.content.span",
        "quotes.cue.span",
        "quotes.source.span",
        "metadata.agencies.span",
    ];
    assert_walk_reaches(&resp, &paths);
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

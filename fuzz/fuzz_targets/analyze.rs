//! Any UTF-8 text through the served pipeline: `Pipeline::analyze` with every
//! stage on, then the gRPC edge's conversion of its spans into the client's unit
//! (`parse_local` is what the server runs off the async runtime). Nothing may
//! panic, and in UTF-8 every mention must slice the input back to its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsparse::grpc::{parse_local, pb};
use newsparse::pipeline::Pipeline;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::embedded().expect("the embedded resources load"))
}

const ENCODINGS: [pb::OffsetEncoding; 3] = [
    pb::OffsetEncoding::Utf8,
    pb::OffsetEncoding::Utf16,
    pb::OffsetEncoding::CodePoint,
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let encoding = ENCODINGS[text.len() % 3];
    let req = pb::ParseRequest {
        text: text.to_owned(),
        offset_encoding: encoding as i32,
        ..Default::default()
    };
    // Empty or blank text is refused with INVALID_ARGUMENT, which is no bug.
    let Ok(resp) = parse_local(pipeline(), req, 1 << 20) else {
        return;
    };
    if encoding != pb::OffsetEncoding::Utf8 {
        return;
    }
    for e in &resp.entities {
        for m in &e.mentions {
            let span = m.span.unwrap_or_default();
            let got = text.get(span.start as usize..span.end as usize);
            assert_eq!(got, Some(m.text.as_str()), "{m:?}");
        }
    }
});

//! Any UTF-8 text through the served pipeline (`Pipeline::analyze`, all stages on)
//! must come back without a panic, and every span must slice the input on char
//! boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsparse::pipeline::{Options, Pipeline};
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(Pipeline::new)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if Pipeline::validate(text, 1 << 20).is_err() {
        return;
    }
    let a = pipeline().analyze(text, &Options::default());
    for p in &a.paragraphs {
        assert!(text.get(p.span.start..p.span.end).is_some(), "{p:?}");
    }
    for s in &a.sentences {
        assert!(text.get(s.span.start..s.span.end).is_some(), "{s:?}");
    }
    for e in &a.entities {
        for m in &e.mentions {
            assert!(text.get(m.span.start..m.span.end).is_some(), "{m:?}");
        }
    }
});

//! The pipeline: raw text in, [`Analysis`] out. Pure, synchronous, `Send + Sync`.
//!
//! ```text
//! text ─► layout/metadata ─► sentences ─► time ─┐
//!                             │                 ├─► merge ─► group ─► salience ─► Analysis
//!                             └─► tokens ─► ner ┘   (+ gazetteer, numeric, titles, contacts)
//! ```

use crate::error::RequestError;
use crate::text::Span;
use serde::Serialize;

/// Stage switches. Every stage is on unless a request turns it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stages {
    /// Named, numeric, title and contact entities.
    pub entities: bool,
    /// Time expressions (DATE, TIME, DURATION, SET entities).
    pub time: bool,
    /// Header, byline, dateline, attribution, boilerplate, language.
    pub metadata: bool,
}

impl Default for Stages {
    fn default() -> Self {
        Stages {
            entities: true,
            time: true,
            metadata: true,
        }
    }
}

/// Per-request options, already validated.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Anchor for relative dates; overrides any date found in the text.
    pub document_date: Option<crate::time::Anchor>,
    /// Which stages to run.
    pub stages: Stages,
}

/// The role of a paragraph-like block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A header line such as ` date 2020-02-07 By Trend`.
    Header,
    /// A headline.
    Title,
    /// A byline.
    Byline,
    /// A wire dateline on its own line.
    Dateline,
    /// Story text.
    Body,
    /// Separators, "Follow us ...", copyright lines.
    Boilerplate,
}

/// A paragraph of the input.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: BlockKind,
}

/// A sentence of a body paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct SentenceSpan {
    /// Where it is.
    pub span: Span,
    /// Index into [`Analysis::paragraphs`].
    pub paragraph: usize,
}

/// Everything the pipeline found in one article.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// Blocks in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of body paragraphs, in text order.
    pub sentences: Vec<SentenceSpan>,
}

/// Loaded models and tables, built once per process and shared by all requests.
#[derive(Debug, Default)]
pub struct Pipeline {}

/// Identifies the models and rules in answers, so a consumer can tell which
/// release produced a stored result.
pub const MODEL_VERSION: &str = concat!("newsparse-", env!("CARGO_PKG_VERSION"));

impl Pipeline {
    /// Loads every embedded resource.
    pub fn new() -> Self {
        Pipeline {}
    }

    /// The process-wide pipeline, loaded on first use (CLI, benches, tests).
    pub fn shared() -> std::sync::Arc<Pipeline> {
        static SHARED: std::sync::OnceLock<std::sync::Arc<Pipeline>> = std::sync::OnceLock::new();
        std::sync::Arc::clone(SHARED.get_or_init(|| std::sync::Arc::new(Pipeline::new())))
    }

    /// Checks a request's text against the limits before any work is done.
    pub fn validate(text: &str, max_bytes: usize) -> Result<(), RequestError> {
        if text.len() > max_bytes {
            return Err(RequestError::TextTooLarge {
                len: text.len(),
                limit: max_bytes,
            });
        }
        if text.trim().is_empty() {
            return Err(RequestError::EmptyText);
        }
        Ok(())
    }

    /// Analyses one article.
    pub fn analyze(&self, text: &str, _options: &Options) -> Analysis {
        let paragraphs = split_paragraphs(text)
            .into_iter()
            .map(|span| Paragraph {
                span,
                kind: BlockKind::Body,
            })
            .collect();
        Analysis {
            paragraphs,
            sentences: Vec::new(),
        }
    }
}

/// Splits at blank lines; each paragraph span is trimmed of surrounding white space.
pub fn split_paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            push_trimmed(text, Span::new(start, pos), &mut out);
            start = pos + line.len();
        }
        pos += line.len();
    }
    push_trimmed(text, Span::new(start, text.len()), &mut out);
    out
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let t = span.trim(text);
    if !t.is_empty() {
        out.push(t);
    }
}

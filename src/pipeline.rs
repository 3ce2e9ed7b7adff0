//! The pipeline: raw text in, [`Analysis`] out. Pure, synchronous, `Send + Sync`.
//!
//! ```text
//! text ─► layout/metadata ─► sentences ─► time ─┐
//!                             │                 ├─► merge ─► group ─► salience ─► Analysis
//!                             └─► tokens ─► ner ┘   (+ gazetteer, numeric, titles, contacts)
//! ```

use crate::entities::gazetteer::Gazetteer;
use crate::entities::{adapters, assemble, DocView, Entity, NumericRecognizer, TitleRecognizer};
use crate::error::RequestError;
use crate::text::{split_sentences, tokenize, Span, Token};
use crate::time::TimexRecognizer;
use serde::Serialize;
use std::time::Instant;

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
    /// Entities, most salient first.
    pub entities: Vec<Entity>,
}

/// Why an analysis stopped before the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the deadline passed before the analysis finished")]
pub struct DeadlinePassed;

/// Loaded models and tables, built once per process and shared by all requests.
#[derive(Debug)]
pub struct Pipeline {
    timex: TimexRecognizer,
    gazetteer: &'static Gazetteer,
    numeric: NumericRecognizer,
    titles: TitleRecognizer,
}

/// Identifies the models and rules in answers, so a consumer can tell which
/// release produced a stored result.
pub const MODEL_VERSION: &str = concat!("newsparse-", env!("CARGO_PKG_VERSION"));

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Pipeline {
    /// Loads every embedded resource. Panics only if committed data is malformed,
    /// which the test suite rules out.
    pub fn new() -> Self {
        Pipeline {
            timex: TimexRecognizer::new(),
            gazetteer: Gazetteer::embedded(),
            numeric: NumericRecognizer::new().expect("built-in unit lexicon is valid"),
            titles: TitleRecognizer::builtin().expect("data/titles.tsv is valid"),
        }
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
    pub fn analyze(&self, text: &str, options: &Options) -> Analysis {
        match self.analyze_before(text, options, None) {
            Ok(a) => a,
            Err(DeadlinePassed) => unreachable!("no deadline was given"),
        }
    }

    /// Analyses one article, giving up between stages once `deadline` has passed,
    /// so work nobody waits for any more is dropped rather than finished.
    pub fn analyze_before(
        &self,
        text: &str,
        options: &Options,
        deadline: Option<Instant>,
    ) -> Result<Analysis, DeadlinePassed> {
        let check = || match deadline {
            Some(d) if Instant::now() >= d => Err(DeadlinePassed),
            _ => Ok(()),
        };
        let paragraphs: Vec<Paragraph> = split_paragraphs(text)
            .into_iter()
            .map(|span| Paragraph {
                span,
                kind: BlockKind::Body,
            })
            .collect();
        let tokens = tokenize(text);
        let sentences = body_sentences(text, &tokens, &paragraphs);
        check()?;
        let mut cands = Vec::new();
        if options.stages.time {
            let anchor = options.document_date.as_ref();
            cands.extend(adapters::timex_candidates(
                &self.timex.recognize(text, anchor),
            ));
            check()?;
        }
        if options.stages.entities {
            cands.extend(adapters::gazetteer_candidates(self.gazetteer, text));
            cands.extend(self.numeric.scan(text));
            cands.extend(self.titles.scan(text));
            check()?;
        }
        let sentence_spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
        let body: Vec<Span> = body_spans(&paragraphs);
        let anchor_date = options.document_date.as_ref().map(|a| a.date.to_string());
        let doc = DocView {
            text,
            sentences: &sentence_spans,
            paragraphs: &body,
            anchor_date: anchor_date.as_deref(),
            lead: None,
        };
        let entities = assemble(&doc, cands);
        Ok(Analysis {
            paragraphs,
            sentences,
            entities,
        })
    }
}

fn body_spans(paragraphs: &[Paragraph]) -> Vec<Span> {
    paragraphs
        .iter()
        .filter(|p| p.kind == BlockKind::Body)
        .map(|p| p.span)
        .collect()
}

/// Sentences of the body paragraphs, each tagged with its paragraph index.
fn body_sentences(text: &str, tokens: &[Token], paragraphs: &[Paragraph]) -> Vec<SentenceSpan> {
    let mut out = Vec::new();
    for (i, p) in paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == BlockKind::Body)
    {
        out.extend(
            split_sentences(text, tokens, p.span)
                .into_iter()
                .map(|s| SentenceSpan {
                    span: s.span,
                    paragraph: i,
                }),
        );
    }
    out
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

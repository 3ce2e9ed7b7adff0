//! The pipeline: raw text in, [`Analysis`] out. Pure, synchronous, `Send + Sync`.
//!
//! ```text
//! text ─► metadata (layout, header, dateline, contacts ...) ─► Doc (tokens, blocks,
//!         sentences, passages, anchor) ─► time ─► EntityStage (recognizers + time
//!         expressions ─► resolve ─► assemble ─► country codes) ─► QuoteStage ─► Analysis
//! ```

use crate::doc::Doc;
use crate::entities::ner::NerModel;
use crate::entities::recognizers::Parts;
use crate::entities::{Entity, EntityStage};
use crate::error::{RequestError, ResourceError};
pub use crate::metadata::BlockKind;
use crate::metadata::{self, DateResolver, FoundDate, Metadata, Tables};
use crate::quotes::{Quote, QuoteStage};
use crate::resources::Resources;
use crate::text::Span;
use crate::time::TimexRecognizer;
use serde::Serialize;
use std::sync::Arc;
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
    /// Quotes with their speakers (speakers resolve only when entities are on).
    pub quotes: bool,
}

impl Default for Stages {
    fn default() -> Self {
        Stages {
            entities: true,
            time: true,
            metadata: true,
            quotes: true,
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
    /// The caller's ISO 639-1 language; replaces detection in the metadata,
    /// for texts too short or too mixed for the detector.
    pub language_hint: Option<String>,
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
#[derive(Debug, Clone, Default, Serialize)]
pub struct Analysis {
    /// Blocks in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of body paragraphs, in text order.
    pub sentences: Vec<SentenceSpan>,
    /// Article-level facts; `None` when the metadata stage was switched off.
    pub metadata: Option<Metadata>,
    /// Entities, most salient first.
    pub entities: Vec<Entity>,
    /// Quotes in text order; empty when the quote stage was switched off.
    pub quotes: Vec<Quote>,
    /// Wall time of each stage, in order (for the server's metrics).
    #[serde(skip)]
    pub stage_times: Vec<(&'static str, std::time::Duration)>,
}

impl Analysis {
    /// The segmentation of `doc` (and its metadata when `metadata` is set), with
    /// no entities or quotes yet.
    fn of(doc: Doc<'_>, metadata: bool) -> Self {
        let paragraphs = (doc.blocks.iter())
            .map(|b| Paragraph {
                span: b.span,
                kind: b.kind,
            })
            .collect();
        let sentences = (doc.body_sentences())
            .map(|(s, paragraph)| SentenceSpan {
                span: s.span,
                paragraph,
            })
            .collect();
        Analysis {
            paragraphs,
            sentences,
            metadata: metadata.then_some(doc.metadata),
            ..Analysis::default()
        }
    }
}

/// Times stages and stops between them once the deadline has passed.
struct StageClock {
    deadline: Option<Instant>,
    last: Instant,
    times: Vec<(&'static str, std::time::Duration)>,
}

impl StageClock {
    fn new(deadline: Option<Instant>) -> Self {
        StageClock {
            deadline,
            last: Instant::now(),
            times: Vec::with_capacity(6),
        }
    }

    /// Ends stage `name`: records its time, then gives up if the deadline passed.
    fn lap(&mut self, name: &'static str) -> Result<(), DeadlinePassed> {
        let now = Instant::now();
        self.times.push((name, now - self.last));
        self.last = now;
        match self.deadline {
            Some(d) if now >= d => Err(DeadlinePassed),
            _ => Ok(()),
        }
    }
}

/// Why an analysis stopped before the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the deadline passed before the analysis finished")]
pub struct DeadlinePassed;

/// Loaded models and tables, built once per process and shared by all requests.
pub struct Pipeline {
    timex: TimexRecognizer,
    tables: Tables,
    /// Also held here for the bare-model line of `newsparse eval`.
    ner: Arc<NerModel>,
    entities: EntityStage,
    quotes: QuoteStage,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("entities", &self.entities)
            .finish_non_exhaustive()
    }
}

/// The metadata stage finds header and dateline dates through the time stage,
/// so both read dates by one grammar.
struct TimexDates<'a>(&'a TimexRecognizer);

impl DateResolver for TimexDates<'_> {
    fn first_date(&self, snippet: &str, anchor: Option<&str>) -> Option<FoundDate> {
        let anchor = anchor.and_then(|a| crate::time::parse_anchor(a).ok());
        let t = self.0.first_date(snippet, anchor.as_ref())?;
        Some(FoundDate {
            span: t.span.start..t.span.end,
            value: t.value,
        })
    }
}

/// Identifies the models and rules in answers, so a consumer can tell which
/// release produced a stored result.
pub const MODEL_VERSION: &str = concat!("newsparse-", env!("CARGO_PKG_VERSION"));

impl Pipeline {
    /// A pipeline over resources loaded (and validated) by [`Resources::load`].
    pub fn new(r: Resources) -> Self {
        let ner = Arc::new(r.ner);
        let entities = EntityStage::builtin(Parts {
            model: Arc::clone(&ner),
            gazetteer: Arc::new(r.gazetteer),
            numeric: r.numeric,
            titles: r.titles,
            institutions: r.institutions,
            companies: Arc::new(r.companies),
        });
        Pipeline {
            timex: TimexRecognizer::new(),
            tables: r.tables,
            ner,
            entities,
            quotes: r.quotes,
        }
    }

    /// The same pipeline with another quote model (`eval-quotes --model`).
    pub fn with_quote_stage(self, quotes: QuoteStage) -> Self {
        Pipeline { quotes, ..self }
    }

    /// A pipeline over the resources compiled into the binary.
    pub fn embedded() -> Result<Self, ResourceError> {
        Ok(Pipeline::new(Resources::embedded()?))
    }

    /// The process-wide embedded pipeline, loaded on first success (a server config
    /// without overrides, CLI, benches, tests).
    pub fn shared() -> Result<std::sync::Arc<Pipeline>, ResourceError> {
        static SHARED: std::sync::OnceLock<std::sync::Arc<Pipeline>> = std::sync::OnceLock::new();
        if let Some(p) = SHARED.get() {
            return Ok(std::sync::Arc::clone(p));
        }
        let loaded = std::sync::Arc::new(Pipeline::embedded()?);
        Ok(std::sync::Arc::clone(SHARED.get_or_init(|| loaded)))
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
        let mut clock = StageClock::new(deadline);
        let document_date = options.document_date.as_ref().map(anchor_iso);
        let article = metadata::analyze_at(
            text,
            &TimexDates(&self.timex),
            &self.tables,
            document_date.as_deref(),
            options.language_hint.as_deref(),
        );
        let doc = Doc::new(text, article, options.document_date);
        clock.lap("metadata")?;
        let mut times = Vec::new();
        if options.stages.time {
            times = self.timex.recognize(text, doc.anchor.as_ref());
            clock.lap("time")?;
        }
        let entities = self
            .entities
            .entities(&doc, options.stages.entities, &times);
        clock.lap("entities")?;
        let quotes = match options.stages.quotes {
            true => self.quotes.read(&doc, &entities),
            false => Vec::new(),
        };
        // The work is done now: a deadline passing here is the edge's to judge.
        let _ = clock.lap("quotes");
        let mut analysis = Analysis::of(doc, options.stages.metadata);
        analysis.entities = entities;
        analysis.quotes = quotes;
        analysis.stage_times = clock.times;
        Ok(analysis)
    }

    /// The statistical model the entity stage runs (for the bare-model line of
    /// `newsparse eval`, scored beside the served pipeline).
    pub fn ner_model(&self) -> &NerModel {
        &self.ner
    }
}

/// The caller's document date as ISO 8601, for the metadata stage.
fn anchor_iso(a: &crate::time::Anchor) -> String {
    match a.time {
        Some((h, m, s)) => format!("{}T{h:02}:{m:02}:{s:02}", a.date),
        None => a.date.to_string(),
    }
}

//! The pipeline: raw text in, [`Analysis`] out. Pure, synchronous, `Send + Sync`.
//!
//! ```text
//! text ─► layout/metadata ─► sentences ─► time ─┐
//!                             │                 ├─► merge ─► group ─► salience ─► Analysis
//!                             └─► tokens ─► ner ┘   (+ gazetteer, numeric, titles, contacts)
//! ```

use crate::entities::gazetteer::{Coarse, Gazetteer};
use crate::entities::institutions::{self, InstitutionRecognizer};
use crate::entities::ner::{NerLabel, NerModel};
use crate::entities::{
    adapters, assemble, Candidate, DocView, Entity, NumericRecognizer, TitleRecognizer,
};
use crate::error::RequestError;
pub use crate::metadata::BlockKind;
use crate::metadata::{self, AgencyTable, DateResolver, FoundDate, Metadata};
use crate::quotes::{Quote, QuoteStage};
use crate::text::{split_sentences, tokenize, Sentence, Span, Token};
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
#[derive(Debug, Clone, Serialize)]
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
}

/// Why an analysis stopped before the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the deadline passed before the analysis finished")]
pub struct DeadlinePassed;

/// Loaded models and tables, built once per process and shared by all requests.
pub struct Pipeline {
    timex: TimexRecognizer,
    gazetteer: &'static Gazetteer,
    numeric: NumericRecognizer,
    titles: TitleRecognizer,
    agencies: &'static AgencyTable,
    ner: &'static NerModel,
    institutions: InstitutionRecognizer,
    quotes: QuoteStage,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("gazetteer", self.gazetteer)
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
            agencies: AgencyTable::builtin(),
            ner: NerModel::embedded(),
            institutions: InstitutionRecognizer::builtin().expect("data/institutions.tsv is valid"),
            quotes: QuoteStage::embedded().expect("models/quotes/model.bin is valid"),
        }
    }

    /// The same pipeline with another quote model (`eval-quotes --model`).
    pub fn with_quote_stage(self, quotes: QuoteStage) -> Self {
        Pipeline { quotes, ..self }
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
        let article = metadata::analyze_with(text, &TimexDates(&self.timex), self.agencies);
        let paragraphs: Vec<Paragraph> = article
            .layout
            .blocks
            .iter()
            .map(|b| Paragraph {
                span: b.span,
                kind: b.kind,
            })
            .collect();
        let mut md = article.metadata;
        if let Some(code) = &options.language_hint {
            md.language = Some(metadata::Language {
                code: code.clone(),
                iso639_3: String::new(),
                confidence: 1.0,
                reliable: true,
            });
        }
        // The caller's date wins; else the publication date found in the text.
        let anchor = options.document_date.or_else(|| {
            md.published
                .as_ref()
                .and_then(|d| crate::time::parse_anchor(&d.value).ok())
        });
        let tokens = tokenize(text);
        let read = readable_sentences(text, &tokens, &paragraphs);
        check()?;
        let mut cands = Vec::new();
        if options.stages.time {
            cands.extend(adapters::timex_candidates(
                &self.timex.recognize(text, anchor.as_ref()),
            ));
            check()?;
        }
        if options.stages.entities {
            cands.extend(self.entity_candidates(text, &md));
            check()?;
            cands.extend(self.model_candidates(text, &tokens, &read));
            adapters::split_at_person_titles(text, &mut cands);
            institutions::attach_country_modifiers(text, &mut cands);
            check()?;
        }
        let sentences: Vec<SentenceSpan> = read
            .iter()
            .filter(|(_, p)| paragraphs[*p].kind == BlockKind::Body)
            .map(|(s, p)| SentenceSpan {
                span: s.span,
                paragraph: *p,
            })
            .collect();
        let sentence_spans: Vec<Span> = sentences.iter().map(|s| s.span).collect();
        let body = body_spans(&paragraphs);
        let anchor_date = anchor.as_ref().map(|a| a.date.to_string());
        let doc = DocView {
            text,
            sentences: &sentence_spans,
            paragraphs: &body,
            anchor_date: anchor_date.as_deref(),
            lead: md.lead.as_ref().map(|l| l.span),
        };
        let entities = assemble(&doc, cands);
        check()?;
        let quotes = match options.stages.quotes {
            true => readable_quotes(self.quotes.extract(text, &tokens, &entities), &paragraphs),
            false => Vec::new(),
        };
        let metadata = options.stages.metadata.then_some(md);
        Ok(Analysis {
            paragraphs,
            sentences,
            metadata,
            entities,
            quotes,
        })
    }

    /// Names found by the statistical model, fine-typed and linked by the gazetteer.
    fn model_candidates(
        &self,
        text: &str,
        tokens: &[Token],
        read: &[(Sentence, usize)],
    ) -> Vec<Candidate> {
        let sentences: Vec<Sentence> = read.iter().map(|(s, _)| s.clone()).collect();
        self.ner
            .recognize(text, tokens, &sentences)
            .into_iter()
            .map(|m| {
                let coarse = match m.label {
                    NerLabel::Per => Coarse::Per,
                    NerLabel::Org => Coarse::Org,
                    NerLabel::Loc => Coarse::Loc,
                    NerLabel::Misc => Coarse::Misc,
                };
                adapters::model_candidate(self.gazetteer, text, m.span, coarse, m.confidence)
            })
            .collect()
    }

    /// Names, numbers, titles and contacts (everything but time expressions).
    fn entity_candidates(&self, text: &str, md: &Metadata) -> Vec<Candidate> {
        let mut cands = adapters::gazetteer_candidates(self.gazetteer, text);
        cands.extend(self.numeric.scan(text));
        cands.extend(self.titles.scan(text));
        cands.extend(self.institutions.scan(text));
        cands.extend(adapters::metadata_candidates(md));
        cands
    }
}

/// Quotes whose content starts in the title or body: a header or footer line is
/// never anyone's statement.
fn readable_quotes(quotes: Vec<Quote>, paragraphs: &[Paragraph]) -> Vec<Quote> {
    let readable = |at: usize| {
        paragraphs.iter().any(|p| {
            matches!(p.kind, BlockKind::Body | BlockKind::Title)
                && p.span.start <= at
                && at < p.span.end
        })
    };
    quotes
        .into_iter()
        .filter(|q| q.content.first().is_some_and(|s| readable(s.start)))
        .collect()
}

fn body_spans(paragraphs: &[Paragraph]) -> Vec<Span> {
    paragraphs
        .iter()
        .filter(|p| p.kind == BlockKind::Body)
        .map(|p| p.span)
        .collect()
}

/// Sentences of the title and body paragraphs (the text a reader reads), each
/// with the index of its paragraph. Headers and boilerplate are left out so the
/// model never sees "Follow us on Twitter" as prose.
fn readable_sentences(
    text: &str,
    tokens: &[Token],
    paragraphs: &[Paragraph],
) -> Vec<(Sentence, usize)> {
    let readable = |k: BlockKind| matches!(k, BlockKind::Body | BlockKind::Title);
    let mut out = Vec::new();
    for (i, p) in paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| readable(p.kind))
    {
        out.extend(
            split_sentences(text, tokens, p.span)
                .into_iter()
                .map(|s| (s, i)),
        );
    }
    out
}

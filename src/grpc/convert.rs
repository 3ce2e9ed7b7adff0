//! Wire ↔ domain conversion. Requests are validated here into [`ParseInput`];
//! analyses become responses with every offset converted to the client's unit.

use super::pb;
use crate::error::RequestError;
use crate::pipeline::{Analysis, BlockKind, Options, Pipeline, Stages, MODEL_VERSION};
use crate::text::offsets::{OffsetMap, OffsetUnit};
use crate::text::Span;

/// A validated request.
#[derive(Debug)]
pub struct ParseInput {
    /// Echoed back.
    pub id: String,
    /// The untouched article text.
    pub text: String,
    /// Pipeline options.
    pub options: Options,
    /// Unit for response offsets.
    pub unit: OffsetUnit,
}

impl ParseInput {
    /// Validates a request against the schema and the server's limits.
    pub fn from_request(
        req: pb::ParseRequest,
        max_text_bytes: usize,
    ) -> Result<Self, RequestError> {
        Pipeline::validate(&req.text, max_text_bytes)?;
        let unit = offset_unit(req.offset_encoding)?;
        let document_date = match req.document_date.trim() {
            "" => None,
            d => Some(
                crate::time::parse_anchor(d).map_err(|e| RequestError::BadDocumentDate {
                    value: d.to_owned(),
                    reason: e.to_string(),
                })?,
            ),
        };
        let hint = req.language_hint.trim();
        if !hint.is_empty() && !(hint.len() == 2 && hint.bytes().all(|b| b.is_ascii_lowercase())) {
            return Err(RequestError::BadLanguageHint(req.language_hint));
        }
        let stages = req.features.map_or_else(Stages::default, |f| Stages {
            entities: f.entities.unwrap_or(true),
            time: f.time_expressions.unwrap_or(true),
            metadata: f.metadata.unwrap_or(true),
        });
        Ok(ParseInput {
            id: req.id,
            text: req.text,
            options: Options {
                document_date,
                stages,
            },
            unit,
        })
    }
}

fn offset_unit(raw: i32) -> Result<OffsetUnit, RequestError> {
    match pb::OffsetEncoding::try_from(raw) {
        Ok(pb::OffsetEncoding::Unspecified | pb::OffsetEncoding::Utf8) => Ok(OffsetUnit::Utf8),
        Ok(pb::OffsetEncoding::Utf16) => Ok(OffsetUnit::Utf16),
        Ok(pb::OffsetEncoding::CodePoint) => Ok(OffsetUnit::CodePoint),
        Err(_) => Err(RequestError::UnknownEnumValue {
            field: "offset_encoding",
            value: raw,
        }),
    }
}

fn encoding(unit: OffsetUnit) -> pb::OffsetEncoding {
    match unit {
        OffsetUnit::Utf8 => pb::OffsetEncoding::Utf8,
        OffsetUnit::Utf16 => pb::OffsetEncoding::Utf16,
        OffsetUnit::CodePoint => pb::OffsetEncoding::CodePoint,
    }
}

/// Converts spans of one text into wire messages in the client's unit.
pub struct Wire<'t> {
    text: &'t str,
    map: OffsetMap<'t>,
}

impl<'t> Wire<'t> {
    fn new(text: &'t str, unit: OffsetUnit) -> Self {
        Wire {
            text,
            map: OffsetMap::new(text, unit),
        }
    }

    fn span(&self, s: Span) -> pb::Span {
        pb::Span {
            start: self.pos(s.start),
            end: self.pos(s.end),
        }
    }

    fn pos(&self, byte: usize) -> u32 {
        u32::try_from(self.map.convert(byte)).unwrap_or(u32::MAX)
    }

    fn text_of(&self, s: Span) -> String {
        s.slice(self.text).to_owned()
    }
}

/// Builds the response for one analysed article.
pub fn response(input: &ParseInput, analysis: &Analysis) -> pb::ParseResponse {
    let w = Wire::new(&input.text, input.unit);
    let _ = w.text_of(Span::default());
    pb::ParseResponse {
        id: input.id.clone(),
        metadata: None,
        paragraphs: analysis
            .paragraphs
            .iter()
            .map(|p| pb::Paragraph {
                span: Some(w.span(p.span)),
                kind: block_kind(p.kind) as i32,
            })
            .collect(),
        sentences: analysis
            .sentences
            .iter()
            .map(|s| pb::Sentence {
                span: Some(w.span(s.span)),
                paragraph: u32::try_from(s.paragraph).unwrap_or(u32::MAX),
            })
            .collect(),
        entities: Vec::new(),
        model_version: MODEL_VERSION.to_owned(),
        offset_encoding: encoding(input.unit) as i32,
        error: None,
    }
}

/// A ParseStream response that carries a per-article error.
pub fn error_response(id: String, code: tonic::Code, message: String) -> pb::ParseResponse {
    pb::ParseResponse {
        id,
        model_version: MODEL_VERSION.to_owned(),
        error: Some(pb::Error {
            code: code as i32,
            message,
        }),
        ..Default::default()
    }
}

fn block_kind(k: BlockKind) -> pb::BlockKind {
    match k {
        BlockKind::Header => pb::BlockKind::Header,
        BlockKind::Title => pb::BlockKind::Title,
        BlockKind::Byline => pb::BlockKind::Byline,
        BlockKind::Dateline => pb::BlockKind::Dateline,
        BlockKind::Body => pb::BlockKind::Body,
        BlockKind::Boilerplate => pb::BlockKind::Boilerplate,
    }
}

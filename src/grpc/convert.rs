//! Wire ↔ domain conversion. Requests are validated here into [`ParseInput`];
//! analyses become responses with every offset converted to the client's unit.

use super::convert_quotes::quotes;
use super::pb;
use super::wire::Wire;
use crate::entities::{Entity, EntityType, Links, Mention, MentionKind, TimexType};
use crate::error::RequestError;
use crate::pipeline::{Analysis, BlockKind, Options, Pipeline, Stages, MODEL_VERSION};
use crate::text::offsets::OffsetUnit;

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
        let iso639_1 = hint.len() == 2 && hint.bytes().all(|b| b.is_ascii_lowercase());
        if !hint.is_empty() && !iso639_1 {
            return Err(RequestError::BadLanguageHint(req.language_hint));
        }
        let language_hint = (!hint.is_empty()).then(|| hint.to_owned());
        let stages = req.features.map_or_else(Stages::default, |f| Stages {
            entities: f.entities.unwrap_or(true),
            time: f.time_expressions.unwrap_or(true),
            metadata: f.metadata.unwrap_or(true),
            quotes: f.quotes.unwrap_or(true),
        });
        Ok(ParseInput {
            id: req.id,
            text: req.text,
            options: Options {
                document_date,
                stages,
                language_hint,
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

impl Wire<'_> {
    fn entity(&self, e: &Entity) -> pb::Entity {
        let a = &e.attributes;
        pb::Entity {
            id: e.id.clone(),
            name: e.name.clone(),
            r#type: entity_type(e.kind) as i32,
            salience: e.salience,
            mentions: e.mentions.iter().map(|m| self.mention(m)).collect(),
            links: (!a.links.is_empty()).then(|| links(&a.links)),
            person: a.person.as_ref().map(|p| pb::PersonAttributes {
                ranks: p.ranks.clone(),
                offices: p.offices.clone(),
                affiliations: p.affiliations.clone(),
                country: p.country.clone().unwrap_or_default(),
                country_code: p.country_code.clone().unwrap_or_default(),
            }),
            timex: a.timex.as_ref().map(|t| pb::Timex {
                r#type: timex_type(t.timex_type) as i32,
                value: t.value.clone(),
                modifier: t.modifier.clone().unwrap_or_default(),
            }),
            numeric: a.numeric.as_ref().map(|n| pb::Numeric {
                value: n.value,
                unit: n.unit.clone().unwrap_or_default(),
            }),
            country: a.country.clone().unwrap_or_default(),
            acronym: a.acronym.clone().unwrap_or_default(),
            country_code: a.country_code.clone().unwrap_or_default(),
        }
    }

    fn mention(&self, m: &Mention) -> pb::Mention {
        pb::Mention {
            span: Some(self.span(m.span)),
            text: self.text_of(m.span),
            kind: mention_kind(m.kind) as i32,
        }
    }
}

fn links(l: &Links) -> pb::Links {
    pb::Links {
        iso3166: l.iso3166.clone().unwrap_or_default(),
        geonames_id: l.geonames.map_or(0, |id| id.0),
        wikidata: l.wikidata.clone().unwrap_or_default(),
        wikipedia: l.wikipedia.clone().unwrap_or_default(),
        lei: l.lei.clone().unwrap_or_default(),
        isins: l.isins.clone(),
        tickers: l.tickers.clone(),
    }
}

/// Exhaustive on purpose: a new entity type does not compile until it has a wire value.
fn entity_type(t: EntityType) -> pb::EntityType {
    match t {
        EntityType::Person => pb::EntityType::Person,
        EntityType::Norp => pb::EntityType::Norp,
        EntityType::Fac => pb::EntityType::Fac,
        EntityType::Org => pb::EntityType::Org,
        EntityType::Gpe => pb::EntityType::Gpe,
        EntityType::Loc => pb::EntityType::Loc,
        EntityType::Product => pb::EntityType::Product,
        EntityType::Event => pb::EntityType::Event,
        EntityType::WorkOfArt => pb::EntityType::WorkOfArt,
        EntityType::Law => pb::EntityType::Law,
        EntityType::Language => pb::EntityType::Language,
        EntityType::Date => pb::EntityType::Date,
        EntityType::Time => pb::EntityType::Time,
        EntityType::Duration => pb::EntityType::Duration,
        EntityType::Set => pb::EntityType::Set,
        EntityType::Percent => pb::EntityType::Percent,
        EntityType::Money => pb::EntityType::Money,
        EntityType::Quantity => pb::EntityType::Quantity,
        EntityType::Ordinal => pb::EntityType::Ordinal,
        EntityType::Cardinal => pb::EntityType::Cardinal,
        EntityType::Title => pb::EntityType::Title,
        EntityType::Handle => pb::EntityType::Handle,
        EntityType::Url => pb::EntityType::Url,
        EntityType::Email => pb::EntityType::Email,
        EntityType::Misc => pb::EntityType::Misc,
    }
}

fn timex_type(t: TimexType) -> pb::TimexType {
    match t {
        TimexType::Date => pb::TimexType::Date,
        TimexType::Time => pb::TimexType::Time,
        TimexType::Duration => pb::TimexType::Duration,
        TimexType::Set => pb::TimexType::Set,
    }
}

fn mention_kind(k: MentionKind) -> pb::MentionKind {
    match k {
        MentionKind::Proper => pb::MentionKind::Proper,
        MentionKind::Nominal => pb::MentionKind::Nominal,
        MentionKind::Acronym => pb::MentionKind::Acronym,
        MentionKind::Pronoun => pb::MentionKind::Pronoun,
        MentionKind::CompoundPart => pb::MentionKind::Part,
    }
}

/// Builds the response for one analysed article.
pub fn response(input: &ParseInput, analysis: &Analysis) -> pb::ParseResponse {
    let w = Wire::new(&input.text, input.unit);
    pb::ParseResponse {
        id: input.id.clone(),
        metadata: analysis.metadata.as_ref().map(|m| w.metadata(m)),
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
        entities: analysis.entities.iter().map(|e| w.entity(e)).collect(),
        model_version: MODEL_VERSION.to_owned(),
        offset_encoding: encoding(input.unit) as i32,
        quotes: quotes(&w, &analysis.quotes),
    }
}

/// A ParseStream answer for one article: its response, or the status a unary
/// Parse would have answered.
pub fn stream_response(
    id: String,
    result: Result<pb::ParseResponse, tonic::Status>,
) -> pb::ParseStreamResponse {
    use pb::parse_stream_response::Result as Item;
    let result = match result {
        Ok(resp) => Item::Response(resp),
        Err(status) => Item::Error(super::rpc::Status {
            code: status.code() as i32,
            message: status.message().to_owned(),
            details: Vec::new(),
        }),
    };
    pb::ParseStreamResponse {
        id,
        result: Some(result),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every type keeps the wire value its name gives it (`ENTITY_TYPE_<serde name>`).
    #[test]
    fn entity_types_map_to_the_wire_value_of_their_name() {
        for t in EntityType::ALL {
            assert_eq!(
                entity_type(t).as_str_name(),
                format!("ENTITY_TYPE_{}", t.as_str())
            );
        }
    }
}

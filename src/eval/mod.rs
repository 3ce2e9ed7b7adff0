//! Entity accuracy as a client gets it: CoNLL-2003 files scored through the whole
//! served pipeline, with the bare statistical model on the same text beside it.
//!
//! ```text
//! CoNLL file ─► EvalDoc (text one sentence per line, token byte offsets, gold token ranges)
//!                 ├─► Pipeline::analyze ─► mentions (not NOMINAL), authors ─► served_names ─┐
//!                 └─► NerModel::recognize ─────────────────────────► (span, label) ─┤
//!                                                       to token ranges ─► Scorer ◄─┘
//! ```
//! Served types map onto CoNLL's: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC,
//! NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE/MISC→MISC; other types are ignored.
//! A reporter's name on a byline line is answered in `metadata.authors`, not among the
//! entities (a byline is not the story), and is scored as the PER it is.
//! A mention counts only when its span is exactly a gold entity's tokens.

pub mod fine;
mod score;

pub use score::{Labelled, Scorer, SpanErrors};

use crate::entities::ner::conll::{read_conll, ConllError};
use crate::entities::ner::{NerLabel, NerModel};
use crate::entities::{Entity, EntityType, MentionKind};
use crate::pipeline::{Analysis, Options, Pipeline};
use crate::text::{split_sentences, tokenize, Span};

/// One CoNLL document as a client would send it, with its tokens' offsets.
#[derive(Debug, Clone)]
pub struct EvalDoc {
    /// Tokens joined by spaces, one CoNLL sentence (a headline, the dateline, a
    /// paragraph of Reuters copy) per line.
    pub text: String,
    /// Byte span of every CoNLL token in `text`.
    pub tokens: Vec<Span>,
    /// Gold entities as token ranges.
    pub gold: Vec<Labelled>,
}

impl EvalDoc {
    /// Builds the token index of a document whose tokens are separated by white space.
    pub fn new(text: String, gold_spans: &[(Span, NerLabel)]) -> EvalDoc {
        let tokens = whitespace_tokens(&text);
        let mut doc = EvalDoc {
            text,
            tokens,
            gold: Vec::new(),
        };
        doc.gold = gold_spans
            .iter()
            .filter_map(|&(s, l)| Some((doc.token_range(s)?, l)))
            .collect();
        doc
    }

    /// The tokens a byte span covers exactly, or `None` when an end falls inside a token.
    pub fn token_range(&self, span: Span) -> Option<std::ops::Range<usize>> {
        let first = self.tokens.binary_search_by_key(&span.start, |t| t.start);
        let last = self.tokens.binary_search_by_key(&span.end, |t| t.end);
        match (first, last) {
            (Ok(a), Ok(b)) if a <= b => Some(a..b + 1),
            _ => None,
        }
    }
}

fn whitespace_tokens(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// Reads a CoNLL file into scorable documents.
pub fn load(path: &std::path::Path) -> Result<Vec<EvalDoc>, ConllError> {
    Ok(read_conll(path)?
        .into_iter()
        .map(|d| EvalDoc::new(d.text, &d.entities))
        .collect())
}

/// The CoNLL type a served entity type is scored as, if any.
pub fn conll_label(kind: EntityType) -> Option<NerLabel> {
    use EntityType::*;
    match kind {
        Person => Some(NerLabel::Per),
        Org => Some(NerLabel::Org),
        Gpe | Loc | Fac => Some(NerLabel::Loc),
        Norp | Event | Product | WorkOfArt | Law | Language | Misc => Some(NerLabel::Misc),
        _ => None,
    }
}

/// Every named mention the service returns, with its CoNLL type; nominal
/// mentions ("the general") are not names and are left out.
pub fn served_labels(entities: &[Entity]) -> Vec<(Span, NerLabel)> {
    let mut out = Vec::new();
    for e in entities {
        let Some(label) = conll_label(e.kind) else {
            continue;
        };
        let named = e.mentions.iter().filter(|m| m.kind != MentionKind::Nominal);
        out.extend(named.map(|m| (m.span, label)));
    }
    out
}

/// Every name the response gives a type: [`served_labels`] of the entities, and the
/// authors the metadata stage read off byline lines, as PER.
pub fn served_names(analysis: &Analysis) -> Vec<(Span, NerLabel)> {
    let mut out = served_labels(&analysis.entities);
    let authors = analysis.metadata.iter().flat_map(|m| &m.authors);
    out.extend(authors.map(|a| (a.span, NerLabel::Per)));
    out
}

/// The served line and the bare model's line over the same documents.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// What `Pipeline::analyze` returns, as the server runs it.
    pub served: Scorer,
    /// The statistical model alone, on the same text.
    pub bare: Scorer,
}

impl Comparison {
    /// Scores both lines on every document.
    pub fn run(pipeline: &Pipeline, model: &NerModel, docs: &[EvalDoc]) -> Comparison {
        let mut out = Comparison::default();
        for doc in docs {
            let analysis = pipeline.analyze(&doc.text, &Options::default());
            score(&mut out.served, doc, served_names(&analysis));
            score(&mut out.bare, doc, bare_labels(model, &doc.text));
        }
        out
    }
}

impl std::fmt::Display for Comparison {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "served: Pipeline::analyze as the server runs it; PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, \
             NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE/MISC→MISC, NOMINAL mentions left out, exact spans"
        )?;
        writeln!(f, "{}", self.served)?;
        writeln!(f, "bare model: NerModel::recognize on the same text")?;
        write!(f, "{}", self.bare)
    }
}

/// The model over the whole document, split into sentences by our splitter.
fn bare_labels(model: &NerModel, text: &str) -> Vec<(Span, NerLabel)> {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens, Span::new(0, text.len()));
    let found = model.recognize(text, &tokens, &sentences);
    found.into_iter().map(|m| (m.span, m.label)).collect()
}

/// Aligns predictions with the tokens and scores them; a prediction ending inside
/// a token can match no gold entity and counts as a false positive of its type.
fn score(scorer: &mut Scorer, doc: &EvalDoc, mut predicted: Vec<(Span, NerLabel)>) {
    predicted.sort_unstable();
    predicted.dedup();
    let mut aligned = Vec::with_capacity(predicted.len());
    for (span, label) in predicted {
        match doc.token_range(span) {
            Some(r) => aligned.push((r, label)),
            None => {
                scorer.misaligned += 1;
                scorer.report.per_type[label.index()].fp += 1;
            }
        }
    }
    scorer.report.tokens += doc.tokens.len();
    scorer.add(&doc.gold, &aligned);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_ranges_need_exact_token_ends() {
        let doc = EvalDoc::new(
            "Air France flew\nLONDON 1996-08-30".into(),
            &[(Span::new(0, 10), NerLabel::Org)],
        );
        assert_eq!(doc.tokens.len(), 5);
        assert_eq!(doc.gold, vec![(0..2, NerLabel::Org)]);
        assert_eq!(doc.token_range(Span::new(4, 10)), Some(1..2));
        assert_eq!(doc.token_range(Span::new(4, 9)), None);
        assert_eq!(doc.token_range(Span::new(16, 22)), Some(3..4));
    }

    #[test]
    fn served_types_map_onto_conll_types() {
        assert_eq!(conll_label(EntityType::Fac), Some(NerLabel::Loc));
        assert_eq!(conll_label(EntityType::Norp), Some(NerLabel::Misc));
        assert_eq!(conll_label(EntityType::Title), None);
        assert_eq!(conll_label(EntityType::Date), None);
    }
}

//! Entity accuracy per OntoNotes name type (PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT,
//! EVENT, WORK_OF_ART, LAW, LANGUAGE), on a CoNLL file labelled with those types
//! (`tests/data/ner-fine`). The served line scores `Pipeline::analyze` with exact spans
//! and exact types (byline authors as PERSON, as `super` scores them); a served MISC has no gold type to match and counts against
//! precision. The bare model knows only CoNLL's four types, so its line is the share of
//! each type's gold names it finds with the exact span, whatever label it gives.

use super::{EvalDoc, Labelled};
use crate::entities::ner::conll::{read_labelled, ConllError, Counts};
use crate::entities::ner::NerModel;
use crate::entities::{EntityType, MentionKind};
use crate::pipeline::{Options, Pipeline};
use crate::text::Span;
use std::ops::Range;

/// The name types a fine-typed file may carry, in report order.
pub const FINE_TYPES: [EntityType; 11] = [
    EntityType::Person,
    EntityType::Norp,
    EntityType::Fac,
    EntityType::Org,
    EntityType::Gpe,
    EntityType::Loc,
    EntityType::Product,
    EntityType::Event,
    EntityType::WorkOfArt,
    EntityType::Law,
    EntityType::Language,
];

/// Report rows: the fine types, then MISC, which the service may answer and gold never holds.
const ROWS: usize = FINE_TYPES.len() + 1;

fn row(kind: EntityType) -> Option<usize> {
    match kind {
        EntityType::Misc => Some(FINE_TYPES.len()),
        k => FINE_TYPES.iter().position(|t| *t == k),
    }
}

fn fine_type(name: &str) -> Option<EntityType> {
    FINE_TYPES.into_iter().find(|t| t.as_str() == name)
}

/// One fine-typed document: its text, tokens and gold names as token ranges.
#[derive(Debug, Clone)]
pub struct FineDoc {
    tokens: EvalDoc,
    gold: Vec<(Range<usize>, EntityType)>,
}

/// Reads a CoNLL file tagged with [`FINE_TYPES`] (IOB2).
pub fn load(path: &std::path::Path) -> Result<Vec<FineDoc>, ConllError> {
    Ok(read_labelled(path, &fine_type)?
        .into_iter()
        .map(|d| {
            let tokens = EvalDoc::new(d.text, &[]);
            let gold = d
                .entities
                .iter()
                .filter_map(|&(s, t)| Some((tokens.token_range(s)?, t)))
                .collect();
            FineDoc { tokens, gold }
        })
        .collect())
}

/// Served counts per row and the bare model's exact-span finds per fine type.
#[derive(Debug, Clone, Default)]
pub struct FineReport {
    docs: usize,
    served: [Counts; ROWS],
    /// Per fine type: (gold names whose exact span the bare model found, gold names).
    bare: [(usize, usize); ROWS],
    /// Every served error, one line each: document, `missed` or `wrong`, type, text.
    pub errors: Vec<String>,
}

impl FineReport {
    /// Scores the served pipeline and the bare model on every document.
    pub fn run(pipeline: &Pipeline, model: &NerModel, docs: &[FineDoc]) -> FineReport {
        let mut out = FineReport::default();
        for doc in docs {
            let text = &doc.tokens.text;
            let analysis = pipeline.analyze(text, &Options::default());
            let mut served: Vec<(Range<usize>, EntityType)> = Vec::new();
            for e in analysis.entities.iter().filter(|e| row(e.kind).is_some()) {
                for m in e.mentions.iter().filter(|m| m.kind != MentionKind::Nominal) {
                    match doc.tokens.token_range(m.span) {
                        Some(r) => served.push((r, e.kind)),
                        // Ends inside a token: can match nothing.
                        None => out.served[row(e.kind).unwrap_or(0)].fp += 1,
                    }
                }
            }
            // Reporters named on byline lines come back as authors: people, as in CoNLL.
            let authors = analysis.metadata.iter().flat_map(|m| &m.authors);
            served.extend(
                authors.filter_map(|a| Some((doc.tokens.token_range(a.span)?, EntityType::Person))),
            );
            out.add_served(doc, served);
            let bare: Vec<Labelled> = super::bare_labels(model, text)
                .into_iter()
                .filter_map(|(s, l): (Span, _)| Some((doc.tokens.token_range(s)?, l)))
                .collect();
            for (r, t) in &doc.gold {
                let i = row(*t).unwrap_or(0);
                out.bare[i].1 += 1;
                out.bare[i].0 += usize::from(bare.iter().any(|(b, _)| b == r));
            }
            out.docs += 1;
        }
        out
    }

    fn add_served(&mut self, doc: &FineDoc, mut served: Vec<(Range<usize>, EntityType)>) {
        let gold = &doc.gold;
        let n = self.docs + 1;
        let words = |r: &(usize, usize, usize)| {
            let (a, b) = (doc.tokens.tokens[r.0].start, doc.tokens.tokens[r.1 - 1].end);
            let name = if r.2 == FINE_TYPES.len() {
                "MISC"
            } else {
                FINE_TYPES[r.2].as_str()
            };
            format!("{name}\t{}", &doc.tokens.text[a..b])
        };
        let key = |(r, t): &(Range<usize>, EntityType)| (r.start, r.end, row(*t).unwrap_or(0));
        served.sort_by_key(key);
        served.dedup();
        let gold_keys: Vec<_> = gold.iter().map(key).collect();
        let served_keys: Vec<_> = served.iter().map(key).collect();
        for k in &served_keys {
            if gold_keys.contains(k) {
                self.served[k.2].tp += 1;
            } else {
                self.served[k.2].fp += 1;
                self.errors.push(format!("{n}\twrong\t{}", words(k)));
            }
        }
        for k in &gold_keys {
            if !served_keys.contains(k) {
                self.served[k.2].fn_ += 1;
                self.errors.push(format!("{n}\tmissed\t{}", words(k)));
            }
        }
    }

    /// Micro-averaged served counts over every row.
    pub fn overall(&self) -> Counts {
        self.served.iter().fold(Counts::default(), |a, c| Counts {
            tp: a.tp + c.tp,
            fp: a.fp + c.fp,
            fn_: a.fn_ + c.fn_,
        })
    }

    /// Served counts for one type.
    pub fn served(&self, kind: EntityType) -> Option<Counts> {
        row(kind).map(|i| self.served[i])
    }
}

impl std::fmt::Display for FineReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pct = |x: f64| 100.0 * x;
        writeln!(
            f,
            "fine types: {} documents; served = Pipeline::analyze, exact span and type, NOMINAL \
             mentions left out; bare = the model's exact-span finds of each type's gold names, any label",
            self.docs
        )?;
        writeln!(
            f,
            "type          precision    recall       FB1   found    gold   bare found"
        )?;
        let overall = self.overall();
        let bare_all = self.bare.iter().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        let mut line = |name: &str, c: Counts, bare: (usize, usize)| {
            let (p, r, f1) = c.prf();
            let bare = if bare.1 == 0 {
                "-".to_string()
            } else {
                format!("{:.2}%", pct(bare.0 as f64 / bare.1 as f64))
            };
            writeln!(
                f,
                "{name:<12} {:>9.2}% {:>8.2}% {:>9.2} {:>7} {:>7} {:>12}",
                pct(p),
                pct(r),
                pct(f1),
                c.tp + c.fp,
                c.tp + c.fn_,
                bare
            )
        };
        line("overall", overall, bare_all)?;
        for (i, t) in FINE_TYPES.iter().enumerate() {
            line(t.as_str(), self.served[i], self.bare[i])?;
        }
        line("MISC", self.served[FINE_TYPES.len()], (0, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_span_and_type_count_and_misc_is_always_wrong() {
        use EntityType::{Misc, Org, Product};
        let mut r = FineReport::default();
        let text = "Galaxy S25 by Samsung in Seoul".to_owned();
        let tokens = EvalDoc::new(text, &[]);
        let gold = vec![(0..2, Product), (3..4, Org)];
        let doc = FineDoc { tokens, gold };
        r.add_served(&doc, vec![(0..2, Product), (3..4, Misc), (5..6, Org)]);
        assert!(
            r.errors.contains(&"1\tmissed\tORG\tSamsung".to_owned()),
            "{:?}",
            r.errors
        );
        let c = |t| r.served(t).expect("a row");
        assert_eq!((c(Product).tp, c(Product).fp, c(Product).fn_), (1, 0, 0));
        assert_eq!((c(Org).tp, c(Org).fp, c(Org).fn_), (0, 1, 1));
        assert_eq!((c(Misc).tp, c(Misc).fp), (0, 1));
        assert_eq!(r.overall().tp, 1);
    }

    /// Both fine-typed files read whole: every gold name lands on whole tokens.
    #[test]
    fn the_committed_fine_typed_sets_read_whole() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ner-fine");
        for (file, docs, names) in [
            ("ner-ood-fine.conll", 37, 1824),
            ("ner-fine-new.conll", 34, 1082),
        ] {
            let read = load(&dir.join(file)).expect("the file reads");
            assert_eq!(read.len(), docs, "{file}");
            assert_eq!(
                read.iter().map(|d| d.gold.len()).sum::<usize>(),
                names,
                "{file}"
            );
        }
    }

    #[test]
    fn every_fine_type_reads_back_from_its_tag_name() {
        for t in FINE_TYPES {
            assert_eq!(fine_type(t.as_str()), Some(t));
        }
        assert_eq!(fine_type("MISC"), None);
    }
}

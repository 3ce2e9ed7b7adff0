//! CoNLL-2003 files: reading them as plain-text documents, and conlleval-style scoring.
//!
//! A document's text is its tokens joined by single spaces, sentences joined by `"\n"`;
//! gold entities become byte spans in that text. Evaluation runs the whole raw-text
//! pipeline (our tokenizer, sentence splitter and model) and scores exact span matches.

use super::{NerLabel, NerModel};
use crate::text::{split_sentences, tokenize, Span};
use std::fmt;
use std::path::{Path, PathBuf};

/// One document as plain text with gold entity spans, labelled with CoNLL's four types
/// or, for a fine-typed file, another label set.
#[derive(Debug, Clone)]
pub struct ConllDoc<L = NerLabel> {
    /// Tokens joined by spaces, sentences by newlines.
    pub text: String,
    /// Gold entities, sorted by position.
    pub entities: Vec<(Span, L)>,
}

impl<L> Default for ConllDoc<L> {
    fn default() -> Self {
        ConllDoc {
            text: String::new(),
            entities: Vec::new(),
        }
    }
}

/// Why a CoNLL file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConllError {
    /// The file could not be read.
    #[error("cannot read {path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line has an unknown NER tag.
    #[error("{path}:{line}: unknown NER tag {tag:?}")]
    BadTag {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The tag found.
        tag: String,
    },
}

/// Reads an IOB1/IOB2 CoNLL file (NER tag in the last column; other columns ignored).
pub fn read_conll(path: &Path) -> Result<Vec<ConllDoc>, ConllError> {
    read_labelled(path, &NerLabel::from_conll)
}

/// Reads a CoNLL file whose tags carry the labels `label` names (`B-PRODUCT` with
/// OntoNotes types); a tag it does not know is an error.
pub fn read_labelled<L: Copy + PartialEq>(
    path: &Path,
    label: &dyn Fn(&str) -> Option<L>,
) -> Result<Vec<ConllDoc<L>>, ConllError> {
    let data = std::fs::read_to_string(path).map_err(|source| ConllError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_labelled(&data, label).map_err(|(line, tag)| ConllError::BadTag {
        path: path.to_path_buf(),
        line,
        tag,
    })
}

/// Parses CoNLL text; the error is the 1-based line and the bad tag.
pub fn parse_conll(data: &str) -> Result<Vec<ConllDoc>, (usize, String)> {
    parse_labelled(data, &NerLabel::from_conll)
}

fn parse_labelled<L: Copy + PartialEq>(
    data: &str,
    label_of: &dyn Fn(&str) -> Option<L>,
) -> Result<Vec<ConllDoc<L>>, (usize, String)> {
    let mut docs = vec![ConllDoc::default()];
    let mut open: Option<(usize, L)> = None;
    let mut sentence_open = false;
    for (n, line) in data.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let doc = docs.last_mut().expect("docs is never empty");
        let (Some(word), Some(tag)) = (cols.first(), cols.last()) else {
            close(doc, &mut open);
            sentence_open = false;
            continue;
        };
        if *word == "-DOCSTART-" {
            close(doc, &mut open);
            docs.push(ConllDoc::default());
            sentence_open = false;
            continue;
        }
        let (prefix, label) = parse_tag(tag, label_of).ok_or((n + 1, tag.to_string()))?;
        let continues = prefix == 'I' && open.is_some_and(|(_, l)| Some(l) == label);
        if !continues {
            close(doc, &mut open);
        }
        if !doc.text.is_empty() {
            doc.text.push(if sentence_open { ' ' } else { '\n' });
        }
        sentence_open = true;
        if let (false, Some(l)) = (continues, label) {
            open = Some((doc.text.len(), l));
        }
        doc.text.push_str(word);
    }
    if let Some(doc) = docs.last_mut() {
        close(doc, &mut open);
    }
    docs.retain(|d| !d.text.is_empty());
    Ok(docs)
}

/// Ends the open entity at the current end of the text.
fn close<L>(doc: &mut ConllDoc<L>, open: &mut Option<(usize, L)>) {
    if let Some((start, label)) = open.take() {
        let end = doc.text.trim_end().len();
        if end > start {
            doc.entities.push((Span::new(start, end), label));
        }
    }
}

fn parse_tag<L>(tag: &str, label_of: &dyn Fn(&str) -> Option<L>) -> Option<(char, Option<L>)> {
    if tag == "O" {
        return Some(('O', None));
    }
    let (prefix, name) = tag.split_once('-')?;
    let p = match prefix {
        "B" | "I" => prefix.chars().next()?,
        _ => return None,
    };
    Some((p, Some(label_of(name)?)))
}

/// True-positive, false-positive and false-negative counts for one type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and gold (exact span and type).
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision, recall and F1 (0 where undefined).
    pub fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// Scores per type and overall; `Display` prints a conlleval-style table.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    /// Counts per type, indexed like [`NerLabel::ALL`].
    pub per_type: [Counts; 4],
    /// Documents scored.
    pub docs: usize,
    /// Tokens produced by our tokenizer over all documents.
    pub tokens: usize,
}

impl EvalReport {
    /// Micro-averaged counts over all types.
    pub fn overall(&self) -> Counts {
        self.per_type.iter().fold(Counts::default(), |a, c| Counts {
            tp: a.tp + c.tp,
            fp: a.fp + c.fp,
            fn_: a.fn_ + c.fn_,
        })
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let all = self.overall();
        writeln!(
            f,
            "processed {} documents, {} tokens with {} phrases; found: {} phrases; correct: {}.",
            self.docs,
            self.tokens,
            all.tp + all.fn_,
            all.tp + all.fp,
            all.tp
        )?;
        writeln!(
            f,
            "{:<8} {:>9} {:>9} {:>9} {:>7}",
            "type", "precision", "recall", "FB1", "found"
        )?;
        let rows = std::iter::once(("overall", all)).chain(
            NerLabel::ALL
                .iter()
                .map(|l| (l.as_str(), self.per_type[l.index()])),
        );
        for (name, c) in rows {
            let (p, r, f1) = c.prf();
            writeln!(
                f,
                "{:<8} {:>8.2}% {:>8.2}% {:>9.2} {:>7}",
                name,
                p * 100.0,
                r * 100.0,
                f1 * 100.0,
                c.tp + c.fp
            )?;
        }
        Ok(())
    }
}

/// Runs the raw-text pipeline on every document and scores exact entity matches.
pub fn evaluate(model: &NerModel, docs: &[ConllDoc]) -> EvalReport {
    let mut report = EvalReport {
        docs: docs.len(),
        ..EvalReport::default()
    };
    for doc in docs {
        let tokens = tokenize(&doc.text);
        let sentences = split_sentences(&doc.text, &tokens, Span::new(0, doc.text.len()));
        report.tokens += tokens.len();
        let mut predicted: Vec<(Span, NerLabel)> = model
            .recognize(&doc.text, &tokens, &sentences)
            .into_iter()
            .map(|m| (m.span, m.label))
            .collect();
        predicted.sort();
        let mut gold = doc.entities.clone();
        gold.sort();
        for (span, label) in &predicted {
            let c = &mut report.per_type[label.index()];
            if gold.binary_search(&(*span, *label)).is_ok() {
                c.tp += 1;
            } else {
                c.fp += 1;
            }
        }
        for g in &gold {
            if predicted.binary_search(g).is_err() {
                report.per_type[g.1.index()].fn_ += 1;
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nEU NNP I-NP B-ORG\nrejects VBZ I-VP O\n\
        German JJ I-NP B-MISC\ncall NN I-NP O\n\nPeter NNP I-NP B-PER\nBlackburn NNP I-NP I-PER\n\n\
        -DOCSTART- -X- O O\n\nBRUSSELS NNP I-NP I-LOC\n";

    #[test]
    fn builds_text_and_spans() {
        let docs = parse_conll(SAMPLE).expect("valid sample");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].text, "EU rejects German call\nPeter Blackburn");
        let got: Vec<(&str, NerLabel)> = docs[0]
            .entities
            .iter()
            .map(|(s, l)| (s.slice(&docs[0].text), *l))
            .collect();
        assert_eq!(
            got,
            vec![
                ("EU", NerLabel::Org),
                ("German", NerLabel::Misc),
                ("Peter Blackburn", NerLabel::Per)
            ]
        );
        assert_eq!(docs[1].entities, vec![(Span::new(0, 8), NerLabel::Loc)]);
    }

    #[test]
    fn bad_tag_is_reported_with_its_line() {
        assert_eq!(
            parse_conll("x X X B-FOO\n").err(),
            Some((1, "B-FOO".to_string()))
        );
    }

    #[test]
    fn report_prints_conlleval_table() {
        let mut r = EvalReport::default();
        r.per_type[0] = Counts {
            tp: 9,
            fp: 1,
            fn_: 1,
        };
        let s = r.to_string();
        assert!(s.contains("overall     90.00%    90.00%     90.00"), "{s}");
    }
}

//! The evaluation report: figures overall and per part, printed like `timexeval.py`.

use super::score::{score_doc, to_predicted, Counts};
use super::tml::GoldDoc;
use crate::time::Timex;
use std::fmt;

/// Scores for the whole folder and for each sub-corpus.
#[derive(Debug, Clone)]
pub struct EvalReport {
    /// What was scored (the folder given to [`super::run`]).
    pub source: String,
    /// ("all", counts, documents) first, then one entry per part.
    pub parts: Vec<(String, Counts, usize)>,
}

impl EvalReport {
    /// Scores `preds[i]` against `docs[i]`; `source` names what was scored.
    pub fn new(source: &str, docs: &[GoldDoc], preds: &[Vec<Timex>]) -> Self {
        let mut parts: Vec<(String, Counts, usize)> = vec![("all".into(), Counts::default(), 0)];
        for (doc, pred) in docs.iter().zip(preds) {
            let c = score_doc(&doc.timexes, &to_predicted(pred));
            parts[0].1.add(&c);
            parts[0].2 += 1;
            if doc.part.is_empty() {
                continue;
            }
            match parts.iter_mut().find(|p| p.0 == doc.part) {
                Some(p) => {
                    p.1.add(&c);
                    p.2 += 1;
                }
                None => parts.push((doc.part.clone(), c, 1)),
            }
        }
        EvalReport {
            source: source.to_string(),
            parts,
        }
    }

    /// Overall counts.
    pub fn total(&self) -> &Counts {
        &self.parts[0].1
    }
}

/// (precision, recall, F1) in percent.
pub fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred > 0 {
        tp as f64 / pred as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        tp as f64 / gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (100.0 * p, 100.0 * r, 100.0 * f)
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn write_part(f: &mut fmt::Formatter<'_>, name: &str, c: &Counts, docs: usize) -> fmt::Result {
    writeln!(
        f,
        "== {name}: documents {docs}   gold timexes {}   system timexes {}",
        c.gold, c.pred
    )?;
    writeln!(f, "              P       R      F1")?;
    for (label, tp) in [
        ("strict", c.strict),
        ("relaxed", c.relaxed),
        ("value", c.value),
        ("type", c.kind),
    ] {
        let (p, r, f1) = prf(tp, c.pred, c.gold);
        writeln!(f, "{label:<8} {p:6.2}  {r:6.2}  {f1:6.2}   ({tp})")?;
    }
    let (_, _, s) = prf(c.strict, c.pred, c.gold);
    let (_, _, r) = prf(c.relaxed, c.pred, c.gold);
    let (_, _, v) = prf(c.value, c.pred, c.gold);
    let (_, _, t) = prf(c.kind, c.pred, c.gold);
    writeln!(
        f,
        "TE3 summary: strict F1 {s:.2} | relaxed F1 {r:.2} | value F1 {v:.2} | type F1 {t:.2}"
    )?;
    write_types(f, c)
}

/// One row per gold type: recall and accuracies.
fn write_types(f: &mut fmt::Formatter<'_>, c: &Counts) -> fmt::Result {
    writeln!(
        f,
        "by gold type   gold  relaxed-R  strict-R  value-acc  type-acc"
    )?;
    for (ty, [g, rel, st, val, typ]) in &c.by_type {
        let row = (
            pct(*rel, *g),
            pct(*st, *g),
            pct(*val, *rel),
            pct(*typ, *rel),
        );
        writeln!(
            f,
            "  {ty:<10} {g:6}   {:6.2}    {:6.2}    {:6.2}    {:6.2}",
            row.0, row.1, row.2, row.3
        )?;
    }
    Ok(())
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "TIMEX3 recognition + normalization, TempEval-3 scoring (timexeval.py rules)"
        )?;
        writeln!(
            f,
            "gold: {}; anchor = each document's DCT; P/R/F1 in %\n",
            self.source
        )?;
        for (i, (name, c, docs)) in self.parts.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write_part(f, name, c, *docs)?;
        }
        Ok(())
    }
}

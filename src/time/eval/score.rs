//! TempEval-3 entity scoring, mirroring `timexeval.py`: one-to-one alignment
//! (exact spans first, then largest overlap), strict/relaxed/value/type counts.

use super::tml::GoldTimex;
use crate::time::Timex;
use std::collections::BTreeMap;

/// A system prediction in the scorer's terms (byte span, type, value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicted {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// TIMEX3 type (`DATE` …).
    pub kind: String,
    /// TimeML value.
    pub value: String,
}

/// Raw counts behind every figure; they add up across documents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub pred: usize,
    /// Aligned pairs with identical spans.
    pub strict: usize,
    /// Aligned (overlapping) pairs.
    pub relaxed: usize,
    /// Aligned pairs with identical values.
    pub value: usize,
    /// Aligned pairs with identical types.
    pub kind: usize,
    /// Per gold type: (gold, relaxed, strict, value, type).
    pub by_type: BTreeMap<String, [usize; 5]>,
}

impl Counts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.value += o.value;
        self.kind += o.kind;
        for (k, v) in &o.by_type {
            let e = self.by_type.entry(k.clone()).or_default();
            e.iter_mut().zip(v).for_each(|(a, b)| *a += b);
        }
    }
}

/// Scores one document.
pub fn score_doc(gold: &[GoldTimex], pred: &[Predicted]) -> Counts {
    let pairs = align(gold, pred);
    let mut c = Counts {
        gold: gold.len(),
        pred: pred.len(),
        ..Counts::default()
    };
    for g in gold {
        c.by_type.entry(g.kind.clone()).or_default()[0] += 1;
    }
    for (i, j) in pairs {
        let (g, p) = (&gold[i], &pred[j]);
        let exact = g.start == p.start && g.end == p.end;
        let value = g.value.trim() == p.value.trim();
        let kind = g.kind.eq_ignore_ascii_case(&p.kind);
        c.relaxed += 1;
        c.strict += usize::from(exact);
        c.value += usize::from(value);
        c.kind += usize::from(kind);
        let t = c.by_type.entry(g.kind.clone()).or_default();
        t[1] += 1;
        t[2] += usize::from(exact);
        t[3] += usize::from(value);
        t[4] += usize::from(kind);
    }
    c
}

/// One-to-one alignment: exact spans first, then by largest overlap (ties: closer start).
fn align(gold: &[GoldTimex], pred: &[Predicted]) -> Vec<(usize, usize)> {
    let mut used_g = vec![false; gold.len()];
    let mut used_p = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        if let Some(j) = (0..pred.len())
            .find(|&j| !used_p[j] && pred[j].start == g.start && pred[j].end == g.end)
        {
            used_g[i] = true;
            used_p[j] = true;
            pairs.push((i, j));
        }
    }
    let mut cands = Vec::new();
    for (i, g) in gold.iter().enumerate().filter(|(i, _)| !used_g[*i]) {
        for (j, p) in pred.iter().enumerate().filter(|(j, _)| !used_p[*j]) {
            let ov = g.end.min(p.end) as i64 - g.start.max(p.start) as i64;
            if ov > 0 {
                cands.push((-ov, g.start.abs_diff(p.start), i, j));
            }
        }
    }
    cands.sort_unstable();
    for (_, _, i, j) in cands {
        if !used_g[i] && !used_p[j] {
            used_g[i] = true;
            used_p[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// Converts recognizer output to scorer predictions.
pub fn to_predicted(timexes: &[Timex]) -> Vec<Predicted> {
    timexes
        .iter()
        .map(|t| Predicted {
            start: t.span.start,
            end: t.span.end,
            kind: t.kind.as_str().to_string(),
            value: t.value.clone(),
        })
        .collect()
}

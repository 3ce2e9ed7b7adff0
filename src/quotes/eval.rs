//! Scoring attributions against PolNeAR gold, one-to-one.
//!
//! Predicted and gold attributions are paired one-to-one, greedily by content
//! Jaccard (character overlap over union, all content spans together), best pair
//! first, among the pairs each measure admits:
//! - content (any): the contents overlap at all;
//! - content (J≥0.5): Jaccard at least 0.5;
//! - attribution: Jaccard at least 0.5 and the predicted source overlaps a gold
//!   source span, or neither has a source.
//!
//! "Direct" repeats each measure over direct quotes alone: gold attributions whose
//! every content word lies inside quotation marks (the same rule that sets
//! [`QuoteKind::Direct`] on predictions, see `marks`) against predictions of that kind.

use super::blocks;
use super::marks::{kind_of, quotation};
use super::polnear::{Article, GoldQuote};
use super::quote::{Quote, QuoteKind};
use crate::text::{tokenize, Span};
use std::fmt::Write as _;

/// True-positive, predicted and gold counts of one measure.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Counts {
    /// Pairs matched.
    pub(crate) tp: usize,
    /// Predictions.
    pub(crate) pred: usize,
    /// Gold attributions.
    pub(crate) gold: usize,
}

impl Counts {
    /// Precision, recall and F1.
    pub(crate) fn prf(&self) -> (f64, f64, f64) {
        let p = ratio(self.tp, self.pred);
        let r = ratio(self.tp, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The three measures, for all attributions and for direct quotes.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Scores {
    /// Content overlap, Jaccard ≥ 0.5, attribution; over all attributions.
    pub(crate) all: [Counts; 3],
    /// The same over direct quotes.
    pub(crate) direct: [Counts; 3],
}

/// Row names of [`Scores`] measures, in order.
pub(crate) const MEASURES: [&str; 3] = [
    "content (any overlap)",
    "content (Jaccard>=0.5)",
    "attribution",
];

/// Scores `predict`'s output over `articles`.
pub(crate) fn score(articles: &[Article], predict: impl Fn(&str) -> Vec<Quote>) -> Scores {
    let mut s = Scores::default();
    for a in articles {
        let pred = predict(&a.text);
        let direct_gold = direct_gold(a);
        let gold: Vec<&GoldQuote> = a.quotes.iter().collect();
        let dgold: Vec<&GoldQuote> = gold
            .iter()
            .zip(&direct_gold)
            .filter(|(_, &d)| d)
            .map(|(g, _)| *g)
            .collect();
        let all: Vec<&Quote> = pred.iter().collect();
        let dpred: Vec<&Quote> = pred
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .collect();
        for m in 0..3 {
            add(&mut s.all[m], &all, &gold, m);
            add(&mut s.direct[m], &dpred, &dgold, m);
        }
    }
    s
}

fn direct_gold(a: &Article) -> Vec<bool> {
    let tokens = tokenize(&a.text);
    let q = quotation(&a.text, &tokens, &blocks(&a.text, &tokens));
    a.quotes
        .iter()
        .map(|g| kind_of(&g.content, &tokens, &q) == QuoteKind::Direct)
        .collect()
}

fn add(c: &mut Counts, pred: &[&Quote], gold: &[&GoldQuote], measure: usize) {
    c.pred += pred.len();
    c.gold += gold.len();
    let mut pairs = Vec::new();
    for (i, p) in pred.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            let (inter, jac) = jaccard(&p.content, &g.content);
            let admitted = match measure {
                0 => inter > 0,
                1 => jac >= 0.5,
                _ => jac >= 0.5 && source_agrees(p.source, &g.source),
            };
            if admitted {
                pairs.push((jac, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let (mut used_p, mut used_g) = (vec![false; pred.len()], vec![false; gold.len()]);
    for (_, i, j) in pairs {
        if !used_p[i] && !used_g[j] {
            used_p[i] = true;
            used_g[j] = true;
            c.tp += 1;
        }
    }
}

fn source_agrees(pred: Option<Span>, gold: &[Span]) -> bool {
    match pred {
        None => gold.is_empty(),
        Some(p) => gold.iter().any(|g| p.start < g.end && g.start < p.end),
    }
}

/// Overlap in bytes and Jaccard of two span sets (each sorted, non-overlapping inside).
fn jaccard(a: &[Span], b: &[Span]) -> (usize, f64) {
    let len = |v: &[Span]| v.iter().map(|s| s.end - s.start).sum::<usize>();
    let inter: usize = a
        .iter()
        .flat_map(|x| b.iter().map(move |y| (x, y)))
        .map(|(x, y)| x.end.min(y.end).saturating_sub(x.start.max(y.start)))
        .sum();
    let union = len(a) + len(b) - inter.min(len(a) + len(b));
    (
        inter,
        if union == 0 {
            0.0
        } else {
            inter as f64 / union as f64
        },
    )
}

/// The report as committed in `reports/quotes-dev.txt`.
pub(crate) fn report(s: &Scores, header: &str) -> String {
    let mut out = String::from(header);
    for (title, rows) in [("all attributions", &s.all), ("direct quotes", &s.direct)] {
        let _ = writeln!(
            out,
            "\n{title} (gold {}, predicted {})",
            rows[0].gold, rows[0].pred
        );
        let _ = writeln!(
            out,
            "{:<24} {:>8} {:>8} {:>8} {:>6}",
            "measure", "P", "R", "F1", "TP"
        );
        for (name, c) in MEASURES.iter().zip(rows.iter()) {
            let (p, r, f) = c.prf();
            let _ = writeln!(out, "{name:<24} {p:>8.3} {r:>8.3} {f:>8.3} {:>6}", c.tp);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaccard_counts_shared_bytes() {
        let a = [Span::new(0, 10)];
        let b = [Span::new(5, 15)];
        let (i, j) = jaccard(&a, &b);
        assert_eq!(i, 5);
        assert!((j - 5.0 / 15.0).abs() < 1e-9);
        assert_eq!(jaccard(&a, &[Span::new(20, 30)]).0, 0);
    }

    #[test]
    fn matching_is_one_to_one() {
        let q = |s, e| Quote {
            content: vec![Span::new(s, e)],
            cue: None,
            source: None,
            speaker_entity_id: None,
            kind: QuoteKind::Indirect,
        };
        let g = GoldQuote {
            content: vec![Span::new(0, 10)],
            ..GoldQuote::default()
        };
        let (p1, p2) = (q(0, 10), q(0, 9));
        let mut c = Counts::default();
        add(&mut c, &[&p1, &p2], &[&g], 2);
        assert_eq!(
            c,
            Counts {
                tp: 1,
                pred: 2,
                gold: 1
            }
        );
        assert!((c.prf().0 - 0.5).abs() < 1e-9 && (c.prf().1 - 1.0).abs() < 1e-9);
    }
}

//! The one scorer behind both lines of `newsparse eval`: exact token spans and
//! CoNLL types, counted per type, plus the confusions that show where points go.

use crate::entities::ner::conll::{Counts, EvalReport};
use crate::entities::ner::NerLabel;
use std::ops::Range;

/// A labelled token range (`tokens[start..end]` of the scored document).
pub type Labelled = (Range<usize>, NerLabel);

/// Per-type counts and error kinds, accumulated document by document.
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    /// The conlleval-style counts.
    pub report: EvalReport,
    /// `confusions[gold][predicted]`: same span, wrong type.
    pub confusions: [[usize; 4]; 4],
    /// Gold entities overlapped by a prediction of another extent, by how it differs.
    pub spans: SpanErrors,
    /// Predicted mentions whose ends fall inside a token (never correct).
    pub misaligned: usize,
}

/// How predicted extents differ from gold ones that they overlap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanErrors {
    /// The prediction lies strictly inside the gold name ("France" in "Air France").
    pub shorter: usize,
    /// The prediction strictly contains the gold name.
    pub longer: usize,
    /// Neither contains the other.
    pub crossing: usize,
}

impl Scorer {
    /// Scores one document; `predicted` may be unsorted and may repeat itself.
    pub fn add(&mut self, gold: &[Labelled], predicted: &[Labelled]) {
        let key = |(r, l): &Labelled| (r.start, r.end, *l);
        let mut pred: Vec<_> = predicted.iter().map(key).collect();
        pred.sort_unstable();
        pred.dedup();
        let mut gold: Vec<_> = gold.iter().map(key).collect();
        gold.sort_unstable();
        for p in &pred {
            let c = &mut self.report.per_type[p.2.index()];
            match gold.binary_search(p) {
                Ok(_) => c.tp += 1,
                Err(_) => c.fp += 1,
            }
        }
        for g in &gold {
            if pred.binary_search(g).is_err() {
                self.report.per_type[g.2.index()].fn_ += 1;
                self.classify_miss(*g, &pred);
            }
        }
        self.report.docs += 1;
    }

    /// Records why a gold entity was missed: a wrong type on its exact span, or a
    /// prediction of another extent over it.
    fn classify_miss(&mut self, g: (usize, usize, NerLabel), pred: &[(usize, usize, NerLabel)]) {
        let same = pred.iter().find(|p| (p.0, p.1) == (g.0, g.1));
        if let Some(p) = same {
            self.confusions[g.2.index()][p.2.index()] += 1;
            return;
        }
        let Some(p) = pred.iter().find(|p| p.0 < g.1 && g.0 < p.1) else {
            return;
        };
        let s = &mut self.spans;
        match (p.0 >= g.0 && p.1 <= g.1, p.0 <= g.0 && p.1 >= g.1) {
            (true, _) => s.shorter += 1,
            (_, true) => s.longer += 1,
            _ => s.crossing += 1,
        }
    }

    /// Micro-averaged counts over all types.
    pub fn overall(&self) -> Counts {
        self.report.overall()
    }
}

impl std::fmt::Display for Scorer {
    /// The conlleval table, then the error breakdown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.report)?;
        let mut wrong: Vec<(usize, NerLabel, NerLabel)> = Vec::new();
        for g in NerLabel::ALL {
            for p in NerLabel::ALL {
                let n = self.confusions[g.index()][p.index()];
                if n > 0 {
                    wrong.push((n, g, p));
                }
            }
        }
        wrong.sort_by_key(|w| std::cmp::Reverse(w.0));
        let list: Vec<String> = wrong
            .iter()
            .map(|(n, g, p)| format!("{}→{} {n}", g.as_str(), p.as_str()))
            .collect();
        writeln!(
            f,
            "wrong type on the gold span (gold→predicted): {}",
            list.join(", ")
        )?;
        let s = self.spans;
        writeln!(
            f,
            "wrong extent over a gold name: shorter {}, longer {}, crossing {}; misaligned predictions {}",
            s.shorter, s.longer, s.crossing, self.misaligned
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NerLabel::{Loc, Org, Per};

    #[test]
    fn counts_exact_matches_type_confusions_and_span_errors() {
        let gold = vec![(0..2, Org), (3..4, Per), (5..6, Loc), (7..8, Org)];
        let pred = vec![
            (0..2, Org),
            (3..4, Loc),
            (5..7, Loc),
            (9..10, Per),
            (0..2, Org),
        ];
        let mut s = Scorer::default();
        s.add(&gold, &pred);
        let all = s.overall();
        assert_eq!((all.tp, all.fp, all.fn_), (1, 3, 3));
        assert_eq!(s.confusions[Per.index()][Loc.index()], 1);
        assert_eq!(s.spans.longer, 1);
        assert_eq!(s.report.docs, 1);
    }
}

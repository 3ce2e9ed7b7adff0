//! The recognizer: scan once, try grammar rows only near trigger words, keep the
//! longest match at each position, normalize it against the anchor.

use super::class::{Caps, Class};
use super::classes::class_at;
use super::coordination::coordinated_day;
use super::grammar::{match_at, First};
use super::lexicon::{self, is_trigger};
use super::nontemporal::non_temporal;
use super::norm::{Ctx, Out};
use super::rules::{Rule, RULES};
use super::scan::{Kind, Scanned};
use super::{Anchor, Timex, TimexType};
use crate::text::Span;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// How many tokens before a trigger word a rule may start (`at least the past 18 months`).
const LOOKBACK: usize = 5;

/// Compiled time-expression grammar; build once, share across threads.
#[derive(Debug, Clone, Copy, Default)]
pub struct TimexRecognizer {
    _private: (),
}

impl TimexRecognizer {
    /// Builds the recognizer (the grammar tables are static, so this is cheap).
    pub fn new() -> Self {
        TimexRecognizer { _private: () }
    }

    /// All time expressions in `text`, sorted and non-overlapping, with values
    /// resolved against `anchor` (underspecified `XXXX-…` values without one).
    pub fn recognize(&self, text: &str, anchor: Option<&Anchor>) -> Vec<Timex> {
        let s = Scanned::new(text);
        let near = trigger_window(&s);
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.toks.len() {
            if !near[i] {
                i += 1;
                continue;
            }
            match best_at(&s, i, anchor) {
                Some((end, timex)) => {
                    let second = coordinated_day(&s, end, &timex);
                    out.push(timex);
                    i = end + 2 * usize::from(second.is_some());
                    out.extend(second);
                }
                None => i += 1,
            }
        }
        out
    }

    /// The first DATE in a short snippet (header line, dateline, "Posted on March 3, 2021").
    pub fn first_date(&self, text: &str, anchor: Option<&Anchor>) -> Option<Timex> {
        self.recognize(text, anchor)
            .into_iter()
            .find(|t| t.kind == TimexType::Date)
    }
}

/// `near[i]`: a trigger word lies within `LOOKBACK` tokens at or after `i`.
fn trigger_window(s: &Scanned) -> Vec<bool> {
    let n = s.toks.len();
    let mut near = vec![false; n];
    let mut next_trigger = usize::MAX;
    for i in (0..n).rev() {
        if is_trigger(s.low(i)) {
            next_trigger = i;
        }
        near[i] = next_trigger.saturating_sub(i) <= LOOKBACK;
    }
    near
}

/// Which grammar rows can start at a token, indexed by that token: rows keyed
/// by a literal first word, rows keyed by a token class, and rows that may start
/// anywhere. One lookup per position replaces trying all rows (most of which
/// fail on their first word), with the same result.
struct RowIndex {
    /// Fx, not SipHash: looked up at every position near a trigger word.
    by_word: FxHashMap<&'static str, Rows>,
    by_class: Vec<(Class, Rows)>,
    anywhere: Rows,
}

/// A set of rows of [`RULES`], bit `k` for row `k`.
type Rows = u128;

impl RowIndex {
    fn get() -> &'static RowIndex {
        static INDEX: OnceLock<RowIndex> = OnceLock::new();
        INDEX.get_or_init(|| {
            assert!(RULES.len() <= Rows::BITS as usize, "widen `Rows`");
            let mut ix = RowIndex {
                by_word: FxHashMap::default(),
                by_class: Vec::new(),
                anywhere: 0,
            };
            for (k, rule) in RULES.iter().enumerate() {
                let bit: Rows = 1 << k;
                let first = First::of(rule.pat);
                if first.anything {
                    ix.anywhere |= bit;
                }
                for w in first.lits {
                    *ix.by_word.entry(w).or_default() |= bit;
                }
                for class in first.classes {
                    match ix.by_class.iter_mut().find(|(c, _)| *c == class) {
                        Some((_, rows)) => *rows |= bit,
                        None => ix.by_class.push((class, bit)),
                    }
                }
            }
            ix
        })
    }

    /// The rows whose first element admits token `i`.
    fn rows_at(&self, s: &Scanned, i: usize) -> Rows {
        let mut rows = self.anywhere | self.by_word.get(s.low(i)).copied().unwrap_or(0);
        // Class matchers only write captures, never read them, so one scratch
        // record serves every class (building a fresh one per class cost more
        // than most of the checks).
        let mut scratch = Caps::default();
        for &(class, more) in &self.by_class {
            if more & !rows != 0 && class_at(class, s, i, &mut scratch).is_some() {
                rows |= more;
            }
        }
        rows
    }
}

/// The rows in `rows`, in table order (lowest bit first): visiting only the set
/// bits instead of testing the bit of every row of the table.
fn set_rows(mut rows: Rows) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let k = rows.trailing_zeros() as usize;
        (rows != 0).then(|| {
            rows &= rows - 1;
            k
        })
    })
}

/// The longest rule match starting at token `i` whose normalizer accepts it.
fn best_at(s: &Scanned, i: usize, anchor: Option<&Anchor>) -> Option<(usize, Timex)> {
    let rows = RowIndex::get().rows_at(s, i);
    let mut cands: Vec<(usize, &Rule, Caps)> = set_rows(rows)
        .map(|k| &RULES[k])
        .filter_map(|r| {
            let mut caps = Caps::default();
            let j = match_at(r.pat, s, i, &mut caps)?;
            (j > i + r.lead).then_some((j, r, caps))
        })
        .collect();
    // Longest first; the sort is stable so earlier rows win ties.
    cands.sort_by_key(|(j, _, _)| std::cmp::Reverse(*j));
    cands.into_iter().find_map(|(j, rule, caps)| {
        let a = i + rule.lead;
        let ctx = Ctx {
            anchor: anchor.map(|x| x.date),
            s,
            a,
            b: j,
        };
        if in_proper_name(s, a, j) || non_temporal(s, a, j) {
            return None;
        }
        let Out { kind, value } = (rule.norm)(&caps, &ctx)?;
        let span = Span::new(s.toks[a].start, s.toks[j - 1].end);
        Some((
            j,
            Timex {
                span,
                kind,
                value,
                modifier: modifier(&caps),
            },
        ))
    })
}

/// A time word capitalised inside a sentence belongs to a title or name
/// (`VOA Today`, `ABC's "This Week"`, `the "Spring of Life" rallies`), which
/// TimeML leaves unannotated; month and weekday names are always capitalised.
fn in_proper_name(s: &Scanned, a: usize, b: usize) -> bool {
    let name_like = |j: usize| {
        s.tok(j)
            .is_some_and(|t| t.kind == Kind::Word && t.cap && !always_capitalised(s.low(j)))
    };
    if lexicon::month(s.low(a)).is_some() && b == a + 1 {
        // A month in a name: "March for Life", "the March of the Mothers".
        let k = b + usize::from(s.low(b + 1) == "the");
        return matches!(s.low(b), "for" | "of") && name_like(k + 1);
    }
    let prev = a.checked_sub(1).and_then(|p| s.tok(p));
    let mid_sentence = prev.is_some_and(|p| p.kind == Kind::Word) && !s.toks[a].para_before;
    // "Thanksgiving Day", "Saturday Night": capitals that follow a proper noun.
    let holiday = always_capitalised(s.low(a));
    // "This Week": a capitalised inner word ("EST" and other all-caps codes aside).
    let title_word = |j: usize| {
        name_like(j)
            && s.text[s.toks[j].start..s.toks[j].end]
                .chars()
                .skip(1)
                .all(char::is_lowercase)
    };
    let inner_cap = !holiday && (a + 1..b).any(title_word);
    let titled = matches!(s.low(b), "for" | "of") && name_like(b + 1);
    (name_like(a) && !holiday && (mid_sentence || titled)) || inner_cap
}

/// Month and weekday names (and holidays) are capitalised wherever they stand.
fn always_capitalised(w: &str) -> bool {
    lexicon::month(w).is_some()
        || lexicon::weekday(w).is_some()
        || super::holiday::HOLIDAY_WORDS.contains(&w)
        || matches!(w, "new" | "year" | "eve")
}

/// TimeML `mod` from the modifier words a match contained.
fn modifier(c: &Caps) -> Option<&'static str> {
    const TABLE: [(&str, &str); 12] = [
        ("early", "START"),
        ("beginning", "START"),
        ("start", "START"),
        ("late", "END"),
        ("end", "END"),
        ("mid", "MID"),
        ("middle", "MID"),
        ("about", "APPROX"),
        ("around", "APPROX"),
        ("nearly", "LESS_THAN"),
        ("almost", "LESS_THAN"),
        ("least", "EQUAL_OR_MORE"),
    ];
    TABLE.iter().find(|(w, _)| c.has(w)).map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The row index may only skip rows that cannot match: at every token of
    /// these texts, every row that matches there is among the indexed rows.
    #[test]
    fn row_index_never_skips_a_matching_row() {
        let texts = [
            include_str!("../../tests/fixtures/trend-2020-02-07-sadigov-gerasimov.txt"),
            include_str!("../../tests/fixtures/ap-dateline-emdash.txt"),
            include_str!("../../tests/fixtures/reuters-style-dateline.txt"),
            "At least the past 18 months, nearly two years ago, the year-earlier third quarter, \
             around 5:30 p.m. EST Friday, noon Tuesday, mid-1990s, the '80s, 11/02/89, \
             1989-10-27, early this week, for a while, within weeks or months, a day-long \
             meeting, every other Thursday, twice a year, Christmas Eve, New Year's Day 2001, \
             the previous Friday, that same day, overnight, in the morning, at 4 in the \
             afternoon, it's the third day of talks, the first two quarters of 1990, the \
             fiscal first quarter of 1990, from now, three weeks from now, later that year.",
        ];
        let index = RowIndex::get();
        for text in texts {
            let s = Scanned::new(text);
            for i in 0..s.toks.len() {
                let rows = index.rows_at(&s, i);
                for (k, rule) in RULES.iter().enumerate() {
                    if match_at(rule.pat, &s, i, &mut Caps::default()).is_some() {
                        assert!(
                            rows >> k & 1 == 1,
                            "row {} skipped at {:?}",
                            rule.name,
                            s.low(i)
                        );
                    }
                }
            }
        }
    }
}

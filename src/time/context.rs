//! Which way a relative expression points, read from the verbs around it.
//!
//! News convention: "on Tuesday" in a past-tense sentence is the most recent
//! Tuesday; with a future marker ("will", "to be held", "next") it is the coming one.

use super::scan::{Kind, Scanned};

/// Temporal direction of the sentence around an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    Past,
    Future,
    Unknown,
}

/// How far (in tokens) to look either side for a tense cue.
const WINDOW: usize = 30;

/// Direction of the clause around tokens `a..b`: the nearest cue in the
/// sentence wins; weak cues ("said", "would") only count close by.
pub(crate) fn direction(s: &Scanned, a: usize, b: usize) -> Dir {
    let (lo, hi) = sentence(s, a, b);
    let left = (lo..a).rev().map(|j| (a - j, j));
    let right = (b..hi).map(|j| (j + 1 - b, j));
    let mut best: Option<(usize, Dir)> = None;
    for (dist, j) in left.chain(right) {
        let (dir, reach) = cue(s, j);
        // Deadline words only point forward from before the expression.
        let left_only = matches!(s.low(j), "by" | "until");
        if left_only && j >= b {
            continue;
        }
        if dir != Dir::Unknown && dist <= reach && best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, dir));
        }
    }
    best.map_or(Dir::Unknown, |(_, d)| d)
}

/// Token range of the sentence holding `a..b` (bounded by the window).
pub(crate) fn sentence(s: &Scanned, a: usize, b: usize) -> (usize, usize) {
    let mut lo = a;
    while lo > 0 && a - lo < WINDOW && !is_boundary(s, lo - 1) && !s.toks[lo].para_before {
        lo -= 1;
    }
    let mut hi = b;
    while hi < s.toks.len() && hi - b < WINDOW && !is_boundary(s, hi) {
        hi += 1;
        if s.tok(hi).is_some_and(|t| t.para_before) {
            break;
        }
    }
    (lo, hi)
}

pub(crate) fn is_boundary(s: &Scanned, j: usize) -> bool {
    matches!(s.low(j), "." | "?" | "!" | ";")
        && s.tok(j + 1).is_none_or(|t| t.space_before && t.cap)
}

/// The direction a word points to, and how far (in tokens) it may act.
fn cue(s: &Scanned, j: usize) -> (Dir, usize) {
    const NEAR: usize = 4;
    let w = s.low(j);
    let to_follows = s.low(j + 1) == "to";
    if w == "held" && s.low(j.wrapping_sub(1)) == "be" {
        return (Dir::Future, WINDOW);
    }
    if matches!(w, "soon" | "early") && s.low(j.wrapping_sub(1)) == "as" && s.low(j + 1) == "as" {
        return (Dir::Future, WINDOW);
    }
    match w {
        "will" | "shall" | "ll" | "next" | "upcoming" | "coming" | "scheduled" | "tomorrow" => {
            (Dir::Future, WINDOW)
        }
        "plans" | "plan" | "planned" | "planning" | "expected" | "expects" | "expect" | "hopes"
        | "intends" | "going" | "due" | "set"
            if to_follows =>
        {
            (Dir::Future, WINDOW)
        }
        "would" | "payable" | "effective" | "forecast" => (Dir::Future, NEAR),
        // A deadline right before the expression: "by August", "until March 6".
        "by" | "until" => (Dir::Future, 1),
        "said" | "says" | "told" | "announced" | "reported" => (Dir::Past, NEAR),
        "was" | "were" | "had" | "did" | "ago" | "last" | "earlier" | "yesterday" | "rose"
        | "fell" | "came" | "went" | "took" | "made" | "met" | "began" | "left" | "won"
        | "lost" | "saw" | "got" | "gave" | "held" | "sold" | "paid" | "found" | "killed" => {
            (Dir::Past, WINDOW)
        }
        _ if past_participle(s, j, w) => (Dir::Past, WINDOW),
        _ => (Dir::Unknown, 0),
    }
}

/// A word ending in `-ed` that is a verb rather than `need`, `red`, `hundred`.
fn past_participle(s: &Scanned, j: usize, w: &str) -> bool {
    let verbish = w.len() > 4
        && w.ends_with("ed")
        && !matches!(
            w,
            "hundred" | "need" | "indeed" | "speed" | "based" | "united" | "related"
        );
    let after_be = matches!(s.low(j.wrapping_sub(1)), "be" | "to");
    verbish && !after_be && s.tok(j).is_some_and(|t| t.kind == Kind::Word)
}

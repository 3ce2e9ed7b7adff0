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

/// How far (in words) to look either side for a tense cue.
const WINDOW: usize = 30;

/// The reach of weak cues ("said", "meet").
const NEAR: usize = 4;

/// Direction of the clause around tokens `a..b`: the nearest cue in the
/// sentence wins; weak cues ("said", "meet") only count close by.
pub(crate) fn direction(s: &Scanned, a: usize, b: usize) -> Dir {
    let (lo, hi) = sentence(s, a, b);
    let words = |d: &mut usize, j: usize| {
        *d += weight(s, j);
        Some((*d, j))
    };
    let left = (lo..a).rev().scan(0, words);
    let right = (b..hi).scan(0, words);
    let mut best: Option<(usize, Dir)> = None;
    for (dist, j) in left.chain(right) {
        let (dir, reach) = cue(s, j);
        if dir != Dir::Unknown && dist <= reach && best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, dir));
        }
    }
    // A deadline right before the expression ("postponed until Tuesday") points
    // forward unless the clause is in the past perfect ("had filed by Wednesday").
    if matches!(s.low(a.wrapping_sub(1)), "by" | "until") {
        let near = lo.max(a.saturating_sub(2 * NEAR))..hi.min(b + 2 * NEAR);
        let perfect = near.into_iter().any(|j| s.low(j) == "had");
        return if perfect { Dir::Past } else { Dir::Future };
    }
    if possessive(s, b) && !looks_ahead(s, a) {
        return Dir::Past;
    }
    best.map_or(Dir::Unknown, |(_, d)| d)
}

/// "Thursday's ruling": a possessive date names an event the news reports on,
/// which has already happened whatever the tense of the clause around it.
fn possessive(s: &Scanned, b: usize) -> bool {
    matches!(s.low(b), "'" | "\u{2019}") && s.low(b + 1) == "s"
}

/// "ahead of Sunday's vote", "before Friday's deadline": a possessive date
/// introduced as something still to come keeps the clause's direction.
fn looks_ahead(s: &Scanned, a: usize) -> bool {
    let prev = s.low(a.wrapping_sub(1));
    prev == "before" || (prev == "of" && s.low(a.wrapping_sub(2)) == "ahead")
}

/// How many words token `j` adds to a distance: a figure is one word however
/// it is punctuated ("8,189.49" scans as five tokens), so numbers do not push
/// the verb of the clause out of reach.
fn weight(s: &Scanned, j: usize) -> usize {
    let num = |k: usize| s.tok(k).is_some_and(|t| t.kind == Kind::Num);
    let glued = |k: usize, kind: Kind| s.tok(k).is_some_and(|t| t.kind == kind && !t.space_before);
    let p = j.wrapping_sub(1);
    let separator = glued(j, Kind::Punct) && num(p) && glued(j + 1, Kind::Num);
    let tail = glued(j, Kind::Num) && glued(p, Kind::Punct) && num(p.wrapping_sub(1));
    usize::from(!(separator || tail))
}

/// Token range of the sentence holding `a..b` (bounded by the window, in words).
pub(crate) fn sentence(s: &Scanned, a: usize, b: usize) -> (usize, usize) {
    let (mut lo, mut n) = (a, 0);
    while lo > 0 && n < WINDOW && !is_boundary(s, lo - 1) && !s.toks[lo].para_before {
        lo -= 1;
        n += weight(s, lo);
    }
    let (mut hi, mut n) = (b, 0);
    while hi < s.toks.len() && n < WINDOW && !is_boundary(s, hi) {
        n += weight(s, hi);
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
    if let Some(c) = phrase_cue(s, j) {
        return c;
    }
    let w = s.low(j);
    let to_follows = s.low(j + 1) == "to";
    match w {
        "will" | "shall" | "ll" | "next" | "upcoming" | "coming" | "scheduled" | "tomorrow"
        | "expected" | "supposed" | "slated" => (Dir::Future, WINDOW),
        "plans" | "plan" | "planned" | "planning" | "expects" | "expect" | "hopes" | "intends"
        | "going" | "due" | "set"
            if to_follows =>
        {
            (Dir::Future, WINDOW)
        }
        // Future-in-the-past ("he would be travelling to Washington Thursday")
        // governs its whole clause like "will"; reported speech is caught by "said".
        "would" => (Dir::Future, WINDOW),
        "payable" | "effective" | "forecast" => (Dir::Future, NEAR),
        "said" | "says" | "told" | "announced" | "reported" => (Dir::Past, NEAR),
        _ if timetabled(s, j, w) => (Dir::Future, NEAR),
        _ if PAST_FORMS.contains(&w) || past_participle(s, j, w) => (Dir::Past, WINDOW),
        _ => (Dir::Unknown, 0),
    }
}

/// Irregular past forms (and other past markers) that act across the sentence.
#[rustfmt::skip]
const PAST_FORMS: &[&str] = &[
    "was", "were", "had", "did", "ago", "last", "earlier", "yesterday", "rose", "fell", "came",
    "went", "took", "made", "met", "began", "left", "won", "lost", "saw", "got", "gave", "held",
    "sold", "paid", "found", "killed", "brought", "bought", "sent", "spent", "built", "led",
    "became", "wrote", "spoke", "chose", "grew", "knew", "struck", "sought", "fought", "caught",
    "kept", "felt", "stood", "thought", "fled", "flew", "ran", "drove", "since",
];

/// Cues that depend on the neighbouring words: `to be held`, `is to`,
/// `had been scheduled to`, `as soon as`, and the non-temporal `next to`, `due to the`.
fn phrase_cue(s: &Scanned, j: usize) -> Option<(Dir, usize)> {
    let w = s.low(j);
    let (prev, next) = (s.low(j.wrapping_sub(1)), s.low(j + 1));
    if (w == "held" && prev == "be") || (matches!(w, "is" | "are") && next == "to") {
        return Some((Dir::Future, WINDOW));
    }
    // "a spokesman would not comment Friday": a refusal the reporter met, not a
    // future event.
    if w == "would" && next == "not" && REFUSED.contains(&s.low(j + 2)) {
        return Some((Dir::Past, WINDOW));
    }
    // "had been scheduled to expire Friday": a plan seen from the past.
    let planned = matches!(w, "scheduled" | "due" | "expected" | "set" | "planned");
    if planned && prev == "been" && s.low(j.wrapping_sub(2)) == "had" {
        return Some((Dir::Past, WINDOW));
    }
    // "were planning to march Saturday": the plan lies in the past, the event ahead
    // of it; the plan word after `was`/`were` decides, not the past auxiliary.
    if matches!(w, "was" | "were") && INTENT.contains(&next) {
        return Some((Dir::Unknown, 0));
    }
    // "likely to buy as soon as trading opened Monday": the verb of an `as soon
    // as` clause is only back-shifted with the main clause, so it is no cue.
    if as_soon_as_before(s, j) {
        return Some((Dir::Unknown, 0));
    }
    if matches!(w, "soon" | "early") && prev == "as" && next == "as" {
        return Some((Dir::Future, WINDOW));
    }
    // "next to the embassy" is a place, "due to the strike" a cause.
    let noun_after = determiner(s.low(j + 2)) || s.tok(j + 2).is_some_and(|t| t.cap);
    ((w == "next" && next == "to") || (w == "due" && next == "to" && noun_after))
        .then_some((Dir::Unknown, 0))
}

/// Verbs of a reported refusal after `would not` ("would not comment").
#[rustfmt::skip]
const REFUSED: &[&str] = &[
    "comment", "say", "confirm", "disclose", "elaborate", "discuss", "identify", "specify",
    "speculate", "reveal", "release", "give", "answer",
];

/// Future cues that a `was`/`were` before them turns into a plan seen from the past.
#[rustfmt::skip]
const INTENT: &[&str] = &[
    "planning", "going", "expected", "scheduled", "due", "set", "supposed", "slated",
];

/// Token `j` is the verb of an `as soon as` clause (at most two words in).
fn as_soon_as_before(s: &Scanned, j: usize) -> bool {
    (2..=4).any(|k| {
        let i = j.wrapping_sub(k);
        s.low(i.wrapping_sub(1)) == "as" && s.low(i) == "soon" && s.low(i + 1) == "as"
    })
}

/// The simple present of a timetabled event ("the two leaders meet Monday"):
/// English uses it for the scheduled future. Only verbs seldom used as nouns,
/// and not after an auxiliary or `to` ("did not meet", "agreed to meet").
fn timetabled(s: &Scanned, j: usize, w: &str) -> bool {
    #[rustfmt::skip]
    const VERBS: &[&str] = &[
        "meet", "meets", "begin", "begins", "opens", "arrives", "leaves", "travels", "resumes",
        "convenes", "departs",
    ];
    #[rustfmt::skip]
    const AUXILIARIES: &[&str] = &[
        "to", "not", "t", "did", "do", "does", "will", "would", "could", "can", "might", "may",
        "must", "should", "shall", "ll", "d",
    ];
    let prev = s.low(j.wrapping_sub(1));
    VERBS.contains(&w) && !AUXILIARIES.contains(&prev) && !determiner(prev)
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

/// Words that start a noun phrase (so a preceding "to" is a preposition).
fn determiner(w: &str) -> bool {
    #[rustfmt::skip]
    const WORDS: &[&str] = &[
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
        "lower", "higher", "weak", "strong", "poor", "heavy", "continued",
    ];
    WORDS.contains(&w)
}

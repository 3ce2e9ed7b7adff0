//! Which of two overlapping candidates wins (see the precedence list in
//! `super`), and what is left of a name that loses only at one edge.

use crate::entities::{Candidate, EntityType, Links, Source};
use crate::text::Span;
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// Sorts the candidates strongest first and keeps each one that does not overlap a
/// stronger one (possibly trimmed, see [`trimmed_rest`]); returns the kept ones in
/// text order and the losers.
pub(super) fn select(text: &str, mut cands: Vec<Candidate>) -> (Vec<Candidate>, Vec<Candidate>) {
    cands.sort_by_cached_key(|c| Reverse(rank(text, c)));
    let mut taken = Taken::default();
    let mut kept = Vec::with_capacity(cands.len());
    let mut lost = Vec::new();
    for mut cand in cands {
        if taken.hits(cand.span).is_empty() {
            taken.insert(cand.span);
            kept.push(cand);
        } else if let Some(span) = trimmed_rest(text, &cand, &taken) {
            cand.span = span;
            taken.insert(span);
            kept.push(cand);
        } else {
            lost.push(cand);
        }
    }
    kept.sort_by_key(|c| c.span);
    (kept, lost)
}

type RankKey = (u8, usize, u8, u8, u32, u8, Reverse<usize>);

/// The precedence key of the module docs of `super`, compared field by field.
fn rank(text: &str, c: &Candidate) -> RankKey {
    let tier = match c.source {
        Source::Metadata => 3,
        Source::Model if !well_formed(c.text(text)) => 0,
        Source::Rule if c.kind.is_numeric() => 1,
        _ => 2,
    };
    let class = u8::from(matches!(c.source, Source::Timex | Source::Rule));
    let order = match c.source {
        Source::Metadata => 4,
        Source::Timex => 3,
        Source::Rule => 2,
        Source::Gazetteer => 1,
        Source::Model => 0,
    };
    let conf = (c.confidence.clamp(0.0, 1.0) * 1_000_000.0) as u32;
    (
        tier,
        c.span.len(),
        class,
        evidence(text, c),
        conf,
        order,
        Reverse(c.span.start),
    )
}

/// How much a name's recognizer knows beyond the surface: an exact multi-word
/// list name ("Nagorno-Karabakh", "Great Patriotic War") is specific (2); the
/// model read the name in context (1); a single list word ("Kent", "Jordan") is
/// the same string whatever it names (0). The model's ORG outranks even a
/// specific list name (3): places regularly stand for organizations (teams,
/// governments, firms: "Kansas City beat Detroit"), which only context can tell,
/// while a known multi-word place read as a person is the model's mistake.
fn evidence(text: &str, c: &Candidate) -> u8 {
    match c.source {
        Source::Model if c.kind == EntityType::Org => 3,
        Source::Gazetteer if c.text(text).contains([' ', '-']) => 2,
        // A known company is as specific as a multi-word list name: "Boeing" read
        // as a person by the model is the model's mistake.
        Source::Gazetteer if c.link.as_ref().is_some_and(Links::is_company) => 2,
        Source::Gazetteer => 0,
        _ => 1,
    }
}

/// Lower-case words a name may hold between its capitalized words ("Bank of
/// England", "Tour of the Netherlands", "Juan de la Cruz", "Marks and Spencer");
/// the particles from "de" on may open one too ("de Gaulle").
/// "in" only right before the last word, a scope ("Organisation for Security
/// and Cooperation in Europe", "Human Rights in China"): elsewhere it joins
/// phrases around names ("Victory in the Great Patriotic War").
const NAME_GLUE: [&str; 16] = [
    "of", "the", "and", "for", "de", "del", "della", "di", "da", "do", "du", "des", "van", "von",
    "der", "la",
];

/// True when every word of `name` reads as part of a name: it has a capital or a
/// digit, is punctuation ("'s", quotes, "&"), or is a glue word inside the name.
/// "Hong Kong Open" and "Euro 96" are names; "75th anniversary" and "Victory in
/// the Great Patriotic War" are phrases around names.
fn well_formed(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    words.iter().enumerate().all(|(i, w)| {
        let capital = w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit());
        let punct = !w.starts_with(char::is_alphanumeric);
        // A surname particle may also open a name ("de Gaulle", "van Gogh").
        let particle = i == 0 && i < last && NAME_GLUE[4..].contains(w);
        let glue = particle || (i > 0 && i < last && NAME_GLUE.contains(w));
        let scope = i > 0 && i + 1 == last && *w == "in";
        capital || punct || glue || scope
    })
}

/// Accepted spans, pairwise disjoint, keyed by start: sorted by end as well.
#[derive(Default)]
struct Taken(BTreeMap<usize, usize>);

impl Taken {
    /// Accepted spans overlapping `span`, in text order.
    fn hits(&self, span: Span) -> Vec<Span> {
        let mut out: Vec<Span> = (self.0.range(..span.end).rev())
            .map(|(&s, &e)| Span::new(s, e))
            .take_while(|t| t.end > span.start)
            .collect();
        out.reverse();
        out
    }

    fn insert(&mut self, span: Span) {
        self.0.insert(span.start, span.end);
    }
}

/// The part of a name left of or right of the spans that beat it, if that part
/// still starts with a capital letter or digit after trimming.
fn trimmed_rest(text: &str, cand: &Candidate, taken: &Taken) -> Option<Span> {
    let name = cand.kind.is_name() && cand.kind != EntityType::Misc;
    if !matches!(cand.source, Source::Model | Source::Gazetteer) || !name {
        return None;
    }
    let s = cand.span;
    let hits = taken.hits(s);
    let (lo, hi) = (hits.first()?, hits.last()?);
    let rest = if lo.start <= s.start && hi.end < s.end {
        Span::new(hi.end, s.end)
    } else if hi.end >= s.end && lo.start > s.start {
        Span::new(s.start, lo.start)
    } else {
        return None;
    };
    let rest = trim_name(text, rest);
    let ok = text.get(rest.start..rest.end)?.chars().next()?;
    (ok.is_uppercase() || ok.is_ascii_digit()).then_some(rest)
}

/// Strips separators, possessive endings and leading lower-case function words.
pub(super) fn trim_name(text: &str, span: Span) -> Span {
    let Some(s) = text.get(span.start..span.end) else {
        return span;
    };
    let junk = |c: char| !c.is_alphanumeric();
    let mut body = s.trim_matches(junk);
    loop {
        let lower = ["of ", "the ", "and ", "s "];
        match lower.iter().find(|w| body.starts_with(*w)) {
            Some(w) => body = body[w.len()..].trim_start_matches(junk),
            None => break,
        }
    }
    loop {
        let tail = [" of", " the", " in", " and", " for", " on", " at", " to"];
        match tail.iter().find(|w| body.ends_with(*w)) {
            Some(w) => body = body[..body.len() - w.len()].trim_end_matches(junk),
            None => break,
        }
    }
    let start = span.start + (body.as_ptr() as usize - s.as_ptr() as usize);
    Span::new(start, start + body.len())
}

#[cfg(test)]
mod tests {
    use super::well_formed;

    #[test]
    fn names_may_hold_glue_words_and_a_final_scope() {
        for name in [
            "Hong Kong Open",
            "Bank of England",
            "Euro 96",
            "Duke of Norfolk 's XI",
        ] {
            assert!(well_formed(name), "{name}");
        }
        assert!(well_formed("League for Fair Trade in Asia"));
        assert!(well_formed("van Rijn") && well_formed("de la Torre"));
        for phrase in [
            "75th anniversary",
            "Victory in the Great Patriotic War",
            "of Spain",
        ] {
            assert!(!well_formed(phrase), "{phrase}");
        }
    }
}

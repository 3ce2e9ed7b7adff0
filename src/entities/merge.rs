//! Combines candidates from all recognizers into one set without overlaps.
//!
//! Priorities, strongest first (the key is compared field by field):
//! 1. **Tier**: metadata (handles, URLs, e-mails) > names, titles and time
//!    expressions > numeric rules > model MISC. So "@AzerNewsAz" beats any name in
//!    it, "First" in "First Deputy Defense Minister" stays in the title, "2020" in a
//!    DATE is not a CARDINAL, and a vague MISC loses to the "75th" ORDINAL in it.
//! 2. **Length**: within a tier the longer span wins ("Azerbaijan's Defense
//!    Ministry" over "Azerbaijan"; "Theresa May" over the DATE "May").
//! 3. **Class**: time expressions and titles beat model and gazetteer names of the
//!    same length.
//! 4. **Confidence**: decides model against gazetteer on the same length.
//! 5. Then gazetteer over model, then the earlier span, so the result is stable.
//!
//! Before ranking, three repairs: a PERSON span that starts inside or at a title
//! loses the title part ("Colonel General Najmaddin Sadigov" becomes the TITLE plus
//! "Najmaddin Sadigov"); a model span opening with `<office> of` keeps only what
//! follows ("Chief of General Staff of the Russian Armed Forces" tagged ORG becomes
//! "Russian Armed Forces"); and a model span exactly tiled by hyphen-joined gazetteer
//! names ("Azerbaijan-Russia") gives way to them. A model or gazetteer name that
//! loses only at one edge is trimmed to the rest when that still looks like a name.

use super::candidate::{Candidate, Source};
use super::types::EntityType;
use crate::text::Span;
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// Result of [`merge_with_parts`].
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// Winning candidates, sorted by start, pairwise non-overlapping.
    pub kept: Vec<Candidate>,
    /// Losing GPE/NORP/LOC candidates lying inside a kept name: they become
    /// compound-part mentions ("Azerbaijan" in "Azerbaijan's Defense Ministry").
    pub parts: Vec<Candidate>,
}

/// Resolves overlaps (see the module docs) and returns the winners sorted by start.
pub fn merge(text: &str, cands: Vec<Candidate>) -> Vec<Candidate> {
    merge_with_parts(text, cands).kept
}

/// Like [`merge`], but also returns the nested place and nationality names.
pub fn merge_with_parts(text: &str, mut cands: Vec<Candidate>) -> Merged {
    cands.retain(|c| c.span.start < c.span.end && text.get(c.span.start..c.span.end).is_some());
    trim_title_prefixes(text, &mut cands);
    drop_split_compounds(text, &mut cands);
    cands.sort_by_key(|c| Reverse(rank(c)));
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
    let parts = nested_parts(&kept, lost);
    Merged { kept, parts }
}

type RankKey = (u8, usize, u8, u32, u8, Reverse<usize>);

fn rank(c: &Candidate) -> RankKey {
    let tier = match (c.source, c.kind) {
        (Source::Metadata, _) => 3,
        (Source::Model, EntityType::Misc) => 0,
        (Source::Rule, k) if k.is_numeric() => 1,
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
        conf,
        order,
        Reverse(c.span.start),
    )
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
pub(crate) fn trim_name(text: &str, span: Span) -> Span {
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

fn trim_title_prefixes(text: &str, cands: &mut Vec<Candidate>) {
    let mut titles: Vec<Span> = cands
        .iter()
        .filter(|c| c.kind == EntityType::Title)
        .map(|c| c.span)
        .collect();
    titles.sort();
    for cand in cands.iter_mut() {
        if cand.kind != EntityType::Person {
            trim_office_of(text, &titles, cand);
            continue;
        }
        let mut start = cand.span.start;
        let end = cand.span.end;
        while let Some(t) = title_at(&titles, start) {
            start = skip_spaces(text, t.end).min(end);
            if start == end {
                break;
            }
        }
        if start != cand.span.start {
            cand.span = trim_name(text, Span::new(start, cand.span.end));
        }
    }
    cands.retain(|c| !c.span.is_empty());
}

/// A model name opening with `<office> of` ("Chief of General Staff of the Russian
/// Armed Forces" tagged ORG) keeps only what follows ("Russian Armed Forces").
fn trim_office_of(text: &str, titles: &[Span], cand: &mut Candidate) {
    let Some(t) = title_at(titles, cand.span.start).filter(|_| cand.source == Source::Model) else {
        return;
    };
    let rest = text.get(t.end..cand.span.end).unwrap_or("");
    if rest.starts_with(" of ") && cand.kind != EntityType::Title {
        cand.span = trim_name(text, Span::new(t.end, cand.span.end));
    }
}

/// The title covering byte `at`; titles from one lexicon scan never overlap.
fn title_at(titles: &[Span], at: usize) -> Option<Span> {
    let i = titles.partition_point(|t| t.start <= at);
    let t = titles.get(i.checked_sub(1)?)?;
    (at < t.end).then_some(*t)
}

fn skip_spaces(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    at + (rest.len() - rest.trim_start().len())
}

fn drop_split_compounds(text: &str, cands: &mut Vec<Candidate>) {
    let mut gaz: Vec<Span> = cands
        .iter()
        .filter(|c| c.source == Source::Gazetteer)
        .map(|c| c.span)
        .collect();
    gaz.sort();
    cands.retain(|c| c.source != Source::Model || !is_tiled(text, c.span, &gaz));
}

/// True when `span` is exactly covered by two or more `parts` joined by hyphens.
fn is_tiled(text: &str, span: Span, parts: &[Span]) -> bool {
    let mut at = span.start;
    let mut count = 0;
    let mut i = parts.partition_point(|p| p.start < span.start);
    while let Some(p) = parts.get(i).filter(|p| p.end <= span.end) {
        let gap = text.get(at..p.start).unwrap_or("x");
        let joined = if count == 0 {
            gap.is_empty()
        } else {
            is_hyphen(gap)
        };
        if p.start >= at && joined {
            at = p.end;
            count += 1;
        }
        i += 1;
    }
    count >= 2 && at == span.end
}

fn is_hyphen(gap: &str) -> bool {
    matches!(gap, "-" | "\u{2010}" | "\u{2011}" | "\u{2013}")
}

fn nested_parts(kept: &[Candidate], mut lost: Vec<Candidate>) -> Vec<Candidate> {
    use EntityType::{Gpe, Loc, Norp};
    lost.retain(|c| matches!(c.kind, Gpe | Norp | Loc));
    let mut parts: Vec<Candidate> = Vec::new();
    for cand in lost {
        let i = kept.partition_point(|k| k.span.end <= cand.span.start);
        let Some(host) = kept.get(i) else { continue };
        let inside = host.span.contains(&cand.span) && host.span != cand.span;
        let fresh = !parts.iter().any(|p| p.span.overlaps(&cand.span));
        if inside && host.kind.is_name() && fresh {
            parts.push(cand);
        }
    }
    parts.sort_by_key(|c| c.span);
    parts
}

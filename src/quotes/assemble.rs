//! Tags to attributions: every content span and every source span joins its
//! nearest cue, sentences apart counting as far. A cue with content makes a quote;
//! a content with no cue in its paragraph makes a quote of its own (no cue, no source).

use super::model::{untag, Role};
use super::quote::{Quote, QuoteKind};
use crate::text::{Span, Token};
use std::ops::Range;

/// Tokens one sentence boundary counts as, when measuring how far a span is from a cue.
const SENTENCE_COST: usize = 30;

struct Piece {
    role: Role,
    tokens: Range<usize>,
    sentence: usize,
}

/// Attributions of one block: `tags` for the tokens `offset..offset + tags.len()`.
/// Kinds and speakers are filled in by the caller.
pub(crate) fn assemble(
    tokens: &[Token],
    offset: usize,
    tags: &[u8],
    sentences: &[Range<usize>],
) -> Vec<Quote> {
    let pieces = pieces(offset, tags, sentences);
    let cues: Vec<&Piece> = pieces.iter().filter(|p| p.role == Role::Cue).collect();
    let mut content: Vec<Vec<Span>> = vec![Vec::new(); cues.len()];
    let mut source: Vec<Option<(usize, Span)>> = vec![None; cues.len()];
    let mut out = Vec::new();
    for p in &pieces {
        let span = span(tokens, &p.tokens);
        match (p.role, nearest(&cues, p)) {
            (Role::Content, Some((c, _))) => content[c].push(span),
            (Role::Content, None) => out.push(quote(vec![span], None, None)),
            (Role::Source, Some((c, cost)))
                if cues[c].sentence == p.sentence
                    && source[c].is_none_or(|(best, _)| cost < best) =>
            {
                source[c] = Some((cost, span));
            }
            _ => {}
        }
    }
    inherit_sources(&cues, &mut source);
    for (c, parts) in content.into_iter().enumerate() {
        if !parts.is_empty() {
            let cue = Some(span(tokens, &cues[c].tokens));
            out.push(quote(parts, cue, source[c].map(|(_, s)| s)));
        }
    }
    out
}

/// A cue with no source of its own takes the source of the cue before it in its
/// sentence: coordinated and participle reporting verbs share the subject ("Sadigov
/// stressed … and noted that …", "she said, adding that …").
fn inherit_sources(cues: &[&Piece], source: &mut [Option<(usize, Span)>]) {
    for c in 1..cues.len() {
        if source[c].is_none() && cues[c - 1].sentence == cues[c].sentence {
            source[c] = source[c - 1];
        }
    }
}

fn quote(content: Vec<Span>, cue: Option<Span>, source: Option<Span>) -> Quote {
    Quote {
        content,
        cue,
        source,
        speaker_entity_id: None,
        kind: QuoteKind::Indirect,
    }
}

fn span(tokens: &[Token], r: &Range<usize>) -> Span {
    tokens[r.start].span.cover(&tokens[r.end - 1].span)
}

/// The index of the cue nearest `p` and its cost.
fn nearest(cues: &[&Piece], p: &Piece) -> Option<(usize, usize)> {
    cues.iter()
        .enumerate()
        .map(|(i, c)| {
            let gap = if c.tokens.start >= p.tokens.end {
                c.tokens.start - p.tokens.end
            } else {
                p.tokens.start.saturating_sub(c.tokens.end)
            };
            (i, gap + SENTENCE_COST * c.sentence.abs_diff(p.sentence))
        })
        .min_by_key(|&(_, cost)| cost)
}

/// Maximal runs of one role (a `B-` starts a new run), with the sentence each starts in.
fn pieces(offset: usize, tags: &[u8], sentences: &[Range<usize>]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for (k, &t) in tags.iter().enumerate() {
        let i = offset + k;
        let Some((role, begin)) = untag(t) else {
            continue;
        };
        match out.last_mut() {
            Some(p) if !begin && p.role == role && p.tokens.end == i => p.tokens.end = i + 1,
            _ => out.push(Piece {
                role,
                tokens: i..i + 1,
                sentence: sentences.partition_point(|s| s.end <= i),
            }),
        }
    }
    out
}

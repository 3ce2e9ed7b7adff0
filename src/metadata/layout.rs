//! Splits the text into paragraph-like blocks and gives each block its role.

use super::{boilerplate, dateline, header, Block, BlockKind, Boilerplate, Ctx, Metadata};
use super::{piece::Piece, TextField};
use crate::text::Span;

/// Trimmed non-blank lines grouped into blocks: a blank line always separates; a single
/// line break joins only lines that look hard-wrapped (see [`continues`]).
pub(crate) fn segment(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut gap = true;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(start, start + line.len()).trim(text);
        start += line.len();
        if span.is_empty() {
            gap = true;
            continue;
        }
        match out.last_mut() {
            Some(last) if !gap && continues(last.slice(text), span.slice(text)) => {
                *last = last.cover(&span)
            }
            _ => out.push(span),
        }
        gap = false;
    }
    out
}

/// True when `next` reads as the continuation of a hard-wrapped `prev` line.
fn continues(prev: &str, next: &str) -> bool {
    let last_line = prev.rsplit('\n').next().unwrap_or(prev);
    if ends_sentence(last_line) || starts_special(next) {
        return false;
    }
    let lower = next.chars().next().is_some_and(char::is_lowercase);
    lower || (last_line.len() >= 60 && next.len() >= 40)
}

/// True when the line ends with sentence-final punctuation (possibly before a quote).
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', '»']);
    t.ends_with(['.', '!', '?', '…', ':'])
}

fn starts_special(line: &str) -> bool {
    line.starts_with("By ") || boilerplate::classify(line).is_some()
}

/// Gives every block a kind and fills the layout-level metadata.
pub(crate) fn classify(ctx: &Ctx<'_>, spans: &[Span], meta: &mut Metadata) -> Vec<Block> {
    let mut blocks = Vec::with_capacity(spans.len());
    let mut bodies = 0;
    for &span in spans {
        let p = Piece::of(ctx.text, span);
        let head_open = bodies == 0 || (bodies == 1 && title_index(ctx.text, &blocks).is_some());
        let kind = block_kind(ctx, p, head_open, meta);
        bodies += usize::from(kind == BlockKind::Body);
        blocks.push(Block { span, kind });
    }
    mark_title(ctx.text, &mut blocks, meta);
    if let Some(first) = blocks.iter_mut().find(|b| b.kind == BlockKind::Body) {
        meta.dateline = dateline::parse(ctx, Piece::of(ctx.text, first.span), meta);
        let agency = meta.dateline.as_ref().and_then(|d| d.agency.clone());
        if let Some(a) = agency.filter(|a| meta.agencies.iter().all(|x| x.id != a.id)) {
            meta.agencies.push(a);
        }
        if meta
            .dateline
            .as_ref()
            .is_some_and(|d| d.span.end >= first.span.end)
        {
            first.kind = BlockKind::Dateline;
        }
    }
    blocks
}

fn block_kind(ctx: &Ctx<'_>, p: Piece<'_>, head_open: bool, meta: &mut Metadata) -> BlockKind {
    if let Some(kind) = boilerplate::classify(p.s) {
        meta.boilerplate.push(Boilerplate {
            span: p.span(),
            kind,
        });
        return BlockKind::Boilerplate;
    }
    let parsed = if head_open {
        header::parse(ctx, p)
    } else {
        header::parse_credits(ctx, p)
    };
    match parsed {
        Some(h) => h.apply(meta),
        None => BlockKind::Body,
    }
}

/// Index of the first Body block when it is title-like and nothing but boilerplate
/// precedes it; the caller decides whether what follows confirms it.
fn title_index(text: &str, blocks: &[Block]) -> Option<usize> {
    let i = blocks
        .iter()
        .position(|b| b.kind != BlockKind::Boilerplate)?;
    let b = blocks[i];
    (b.kind == BlockKind::Body && title_like(b.span.slice(text))).then_some(i)
}

/// A headline: one line, 1..=30 words, not ending like a sentence or a clause.
fn title_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    !s.contains('\n')
        && (1..=30).contains(&words)
        && s.len() <= 300
        && (!ends_sentence(s) || s.ends_with(['?', '!']))
        && !s.ends_with([',', ';'])
}

/// The first block becomes the title when a header/byline line follows it, or when the
/// next body block opens with a dateline: a headline is never guessed from prose alone.
fn mark_title(text: &str, blocks: &mut [Block], meta: &mut Metadata) {
    let Some(i) = title_index(text, blocks) else {
        return;
    };
    let next = blocks[i + 1..]
        .iter()
        .find(|b| b.kind != BlockKind::Boilerplate);
    let confirmed = match next {
        Some(b) if matches!(b.kind, BlockKind::Header | BlockKind::Byline) => true,
        Some(b) if b.kind == BlockKind::Body => dateline::opens(text, b.span),
        _ => false,
    };
    if confirmed {
        blocks[i].kind = BlockKind::Title;
        meta.title = Some(TextField::at(text, blocks[i].span));
    }
}

//! Splits the text into paragraph-like blocks and gives each block its role.

use super::ctx::Ctx;
use super::{boilerplate, dateline, header, Block, BlockKind, Boilerplate, Metadata};
use super::{piece::Piece, TextField};
use crate::text::Span;

/// True when the line ends with sentence-final punctuation (possibly before a quote).
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '”', '’', '\'', ')', '»']);
    t.ends_with(['.', '!', '?', '…', ':'])
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
    mark_title(ctx, &mut blocks, meta);
    if let Some(first) = blocks.iter_mut().find(|b| b.kind == BlockKind::Body) {
        meta.dateline = dateline::parse(ctx, Piece::of(ctx.text, first.span), meta);
        let agency = meta.dateline.as_ref().and_then(|d| d.agency.clone());
        if let Some(a) = agency.filter(|a| meta.agencies.iter().all(|x| x.id != a.id)) {
            meta.agencies.push(a);
        }
        // With no header date, a dateline with a full date (`LONDON 1996-08-30`, or
        // `Feb 6` resolved against the document date) dates the story.
        if meta.published.is_none() {
            let date = meta.dateline.as_ref().and_then(|d| d.date.clone());
            meta.published = date.filter(|d| full_date(&d.value));
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

/// `YYYY-MM-DD`, all digits (not `XXXX-08-30`).
fn full_date(v: &str) -> bool {
    let b = v.as_bytes();
    let digit_or_dash = |(i, c): (usize, &u8)| (i == 4 || i == 7) == (*c == b'-');
    b.len() >= 10
        && b[..10]
            .iter()
            .enumerate()
            .all(|(i, c)| digit_or_dash((i, c)) && (i == 4 || i == 7 || c.is_ascii_digit()))
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

/// A headline: one line, 1..=30 words, not ending like a sentence or a clause, or a
/// short line closed by one full stop, as Reuters copy is archived
/// (`TENNIS - HOLDERS KNOCKED OUT IN OPENING ROUND.`): only a header, byline or
/// dateline after such a line makes it the title (see [`mark_title`]).
fn title_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    !s.contains('\n')
        && (1..=30).contains(&words)
        && s.len() <= 300
        && (!ends_sentence(s) || s.ends_with(['?', '!']) || stopped_line(s))
        && !s.ends_with([',', ';'])
}

/// At most [`SENTENCE_HEADLINE_WORDS`] words closed by one full stop (also detached,
/// as in tokenized copy: `ROUND .`).
fn stopped_line(s: &str) -> bool {
    s.strip_suffix('.').is_some_and(|head| {
        !head.ends_with('.') && head.split_whitespace().count() <= SENTENCE_HEADLINE_WORDS
    })
}

/// Words of letters a headline closed by a full stop needs before prose alone under it
/// confirms it: a short capitalised line with a stop is as often a score or a label
/// (`FULL-TIME: Liverpool 2-0 Real Madrid.`).
const STOPPED_HEADLINE_WORDS: usize = 5;

/// A headline set in title case or capitals that ends with one full stop (also
/// detached, as in tokenized copy: `ROUND .`), with at least
/// [`STOPPED_HEADLINE_WORDS`] words of letters.
fn stopped_headline(s: &str) -> bool {
    let Some(head) = s.strip_suffix('.').filter(|_| stopped_line(s)) else {
        return false;
    };
    let head = head.trim_end();
    let letter_words = head
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_alphabetic))
        .count();
    letter_words >= STOPPED_HEADLINE_WORDS && headline_set(head)
}

/// Words a sentence-case headline holds at most: longer lines are prose.
const SENTENCE_HEADLINE_WORDS: usize = 20;

/// A headline set in sentence case (`Council delays vote on new bus lanes`): 3 to
/// [`SENTENCE_HEADLINE_WORDS`] words, opening with a capital or a digit, no closing
/// punctuation, no list marker, no address. Whether it is one depends on what follows.
fn sentence_headline(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let first = s
        .trim_start_matches(['"', '“', '‘', '\'', '«'])
        .chars()
        .next();
    let closed = s
        .trim_end_matches(['"', '”', '’', '\'', ')', '»'])
        .ends_with(['.', '!', '?', '…', ':', ';', ',', '-', '—', '–', '/', '|']);
    (3..=SENTENCE_HEADLINE_WORDS).contains(&words)
        && s.len() <= 200
        && !s.contains('\n')
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !closed
        && !s.contains(['@', '|', '•'])
        && !s.contains("://")
        && !s.split_whitespace().next().is_some_and(list_marker)
}

/// `1.`, `2)`, `a)`: an item of a numbered list, not a headline.
fn list_marker(w: &str) -> bool {
    let Some(body) = w.strip_suffix(['.', ')']) else {
        return false;
    };
    !body.is_empty() && (body.chars().all(|c| c.is_ascii_digit()) || body.len() == 1)
}

/// Prose under a headline: a paragraph that ends like a sentence and runs longer than
/// the headline (at least eight words).
fn prose_under(text: &str, head: Span, next: Span) -> bool {
    let s = next.slice(text);
    let words = s.split_whitespace().count();
    ends_sentence(s) && words >= 8 && words > head.slice(text).split_whitespace().count()
}

/// The first block becomes the title when a header/byline line follows it, when the
/// next body block opens with a dateline (a name-only line between the two is the
/// byline), or when prose follows and it is set as a headline: title case or all caps
/// with no closing punctuation, or a short sentence-case line. Never guessed from prose.
fn mark_title(ctx: &Ctx<'_>, blocks: &mut [Block], meta: &mut Metadata) {
    let text = ctx.text;
    let Some(i) = title_index(text, blocks) else {
        return;
    };
    let rest: Vec<usize> = (i + 1..blocks.len())
        .filter(|&j| blocks[j].kind != BlockKind::Boilerplate)
        .take(2)
        .collect();
    let own = blocks[i].span;
    let head = own.slice(text);
    let confirmed = match rest.first().map(|&j| (j, blocks[j])) {
        Some((_, b)) if matches!(b.kind, BlockKind::Header | BlockKind::Byline) => true,
        Some((j, b)) if b.kind == BlockKind::Body => {
            if dateline::opens(text, b.span) {
                true
            } else if rest
                .get(1)
                .is_some_and(|&k| dateline::opens(text, blocks[k].span))
                && header::byline_names(ctx, Piece::of(text, b.span), meta)
            {
                blocks[j].kind = BlockKind::Byline;
                true
            } else {
                let prose = || prose_under(text, own, b.span);
                !dateline::opens(text, own)
                    && (headline_set(head)
                        || (sentence_headline(head) || stopped_headline(head)) && prose())
            }
        }
        _ => false,
    };
    if confirmed {
        blocks[i].kind = BlockKind::Title;
        meta.title = Some(TextField::at(text, own));
    }
}

/// Words a title-case headline leaves in lower case (also what the NER's headline view
/// leaves alone, `entities::ner::headline`).
pub(crate) const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "vs.", "into", "over", "after", "amid", "is", "are", "be",
];

/// Whether `w` is one of [`MINOR_WORDS`], in any case.
pub(crate) fn is_minor(w: &str) -> bool {
    MINOR_WORDS.iter().any(|m| m.eq_ignore_ascii_case(w))
}

/// Three or more words, no sentence-final punctuation, and every word of letters
/// either capitalized or a minor word (`Storm Hits Gulf Coast as Crews Wait`), or
/// every letter upper case (`JAPAN GET LUCKY WIN`).
pub(crate) fn headline_set(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() < 3 || ends_sentence(s) || s.ends_with(['?', '!', ',', ';']) {
        return false;
    }
    let letters: Vec<&str> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_alphabetic))
        .collect();
    let capital = |w: &&str| w.starts_with(char::is_uppercase);
    let minor = |w: &&str| is_minor(w);
    letters.iter().filter(|w| capital(w)).count() >= 2
        && letters.iter().all(|w| capital(w) || minor(w))
}

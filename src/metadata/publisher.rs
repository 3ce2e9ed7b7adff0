//! Who published the article, most reliable evidence first:
//! 1. a handle in a header or boilerplate block that the agency table lists
//!    (`Follow us on Twitter @AzerNewsAz` → AzerNews);
//! 2. the holder named by a copyright line (`© 2021 Daily Planet. All rights reserved.`);
//! 3. the general handle rule: a follow-us handle containing a news word (News, Times,
//!    Post, Press, Daily, Herald, Journal, Gazette, Tribune, Agency, Media, TV, Radio)
//!    names the publisher, cut after the last news word when at most three characters
//!    follow it (a country or language suffix): `@XyzNews` → XyzNews, `@DailyPlanetUK` →
//!    DailyPlanet, `@TheDailyStar` → TheDailyStar.

use super::ctx::Ctx;
use super::piece::{starts_ci, Piece};
use super::{Block, BlockKind, BoilerplateKind, Metadata, Publisher, PublisherSource};
use crate::text::Span;

const NEWS_WORDS: &[&str] = &[
    "news", "times", "post", "press", "daily", "herald", "journal", "gazette", "tribune", "agency",
    "media", "tv", "radio",
];

/// The publisher, if the text reveals it.
pub(crate) fn derive(ctx: &Ctx<'_>, blocks: &[Block], meta: &Metadata) -> Option<Publisher> {
    let in_frame = |s: Span| {
        blocks
            .iter()
            .any(|b| b.span.contains(&s) && !matches!(b.kind, BlockKind::Body | BlockKind::Title))
    };
    let framed: Vec<_> = meta.handles.iter().filter(|h| in_frame(h.span)).collect();
    let from_table = framed.iter().find_map(|h| {
        let a = ctx.agencies.by_handle(&h.value)?;
        Some(publisher(
            a.name.clone(),
            a.qid.clone(),
            h.span,
            PublisherSource::HandleTable,
        ))
    });
    from_table
        .or_else(|| copyright(ctx, meta))
        .or_else(|| framed.iter().find_map(|h| handle_rule(&h.value, h.span)))
}

fn publisher(name: String, qid: Option<String>, span: Span, source: PublisherSource) -> Publisher {
    Publisher {
        name,
        qid,
        span,
        source,
    }
}

/// The holder of the first copyright line: after `©`/`(c)`/`Copyright` and the years,
/// up to `.`, `,`, `|` or `All rights`.
fn copyright(ctx: &Ctx<'_>, meta: &Metadata) -> Option<Publisher> {
    let b = meta
        .boilerplate
        .iter()
        .find(|b| b.kind == BoilerplateKind::Copyright)?;
    let p = Piece::of(ctx.text, b.span);
    let mut rest = p;
    for w in p.words() {
        let t = w.s.trim_matches(|c: char| !c.is_alphanumeric());
        let marker =
            t.eq_ignore_ascii_case("copyright") || t.eq_ignore_ascii_case("c") || t.is_empty();
        let year = !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '–');
        if !(marker || year) {
            rest = p.from(w.off - p.off);
            break;
        }
    }
    let end = rest
        .s
        .find(['.', ',', '|', ';', '\n'])
        .unwrap_or(rest.s.len());
    let end = rest.s[..end].find(" All rights").unwrap_or(end);
    let holder = rest.to(end).trim();
    let words = holder.s.split_whitespace().count();
    let upper = holder.s.starts_with(char::is_uppercase);
    if !(1..=6).contains(&words) || !upper || starts_ci(holder.s, "all rights") {
        return None;
    }
    Some(match ctx.agency(holder) {
        Some(a) => publisher(a.name, a.qid, holder.span(), PublisherSource::Copyright),
        None => publisher(
            holder.s.to_string(),
            None,
            holder.span(),
            PublisherSource::Copyright,
        ),
    })
}

/// Rule 3 of the module docs.
fn handle_rule(handle: &str, span: Span) -> Option<Publisher> {
    let name = handle.trim_start_matches('@');
    let lower = name.to_ascii_lowercase();
    let cut = NEWS_WORDS
        .iter()
        .filter_map(|w| lower.rfind(w).map(|i| i + w.len()))
        .max()?;
    let end = if name.len() - cut <= 3 {
        cut
    } else {
        name.len()
    };
    let name = name.get(..end)?.trim_end_matches('_');
    Some(publisher(
        name.to_string(),
        None,
        span,
        PublisherSource::HandleRule,
    ))
}

//! Wire datelines at the start of the body: `BAKU, Feb 6 (Reuters) -`,
//! `WASHINGTON (AP) —`, `LONDON, March 3 —`, `KYIV, Ukraine (AP) —`, `MOSCOW, March 3. /TASS/.`,
//! `BEIJING, Feb. 6 (Xinhua) --`, and a line of its own with no separator, as Reuters
//! copy sets it under the headline: `LONDON 1996-08-30`.

use super::ctx::Ctx;
use super::piece::Piece;
use super::{AgencyRef, DateField, Dateline, Metadata, TextField};
use crate::text::{boundary, Span};

/// Dashes that close a dateline, longest first at each position.
const DASHES: &[&str] = &[" -- ", " - ", " — ", " – ", " ― ", "—", "–"];

/// A dateline is looked for only in this many leading bytes.
const HEAD: usize = 160;

/// The dateline opening `first` (the first body block), if any.
pub(crate) fn parse(ctx: &Ctx<'_>, first: Piece<'_>, meta: &Metadata) -> Option<Dateline> {
    let anchor = meta
        .published
        .as_ref()
        .map(|d| d.value.as_str())
        .or(ctx.document_date);
    let Some(cut) = split(first) else {
        return bare(ctx, first, anchor);
    };
    let (pre, agency) = agency_of(ctx, &cut)?;
    let segs = pre.split_any(&[","]);
    let (first_seg, rest) = segs.split_first()?;
    let caps = all_caps(first_seg.s);
    if !(caps || agency.is_some() && title_case(first_seg.s, 4)) {
        return None;
    }
    let (mut place, mut date) = (first_seg.span(), None);
    for seg in rest {
        match date_segment(ctx, *seg, anchor) {
            Some(d) if date.is_none() => date = Some(d),
            None if date.is_none() && title_case(seg.s, 3) => place = place.cover(&seg.span()),
            // "March 3" with no anchor year to resolve against: a date, value unknown.
            None if date.is_none() && day_shaped(seg.s) => {}
            _ => return None,
        }
    }
    if agency.is_none() && date.is_none() && !(caps && cut.long_dash) {
        return None;
    }
    let span = Piece::of(ctx.text, Span::new(first.off, first.off + cut.end))
        .trim()
        .span();
    let place = TextField::at(ctx.text, place);
    Some(Dateline {
        span,
        place,
        date,
        agency,
    })
}

/// The text before the agency, and the agency from `/TASS/` or a trailing `(Reuters)`.
fn agency_of<'t>(ctx: &Ctx<'_>, cut: &Cut<'t>) -> Option<(Piece<'t>, Option<AgencyRef>)> {
    let pre = cut.pre;
    if let Some(inner) = cut.agency {
        return Some((pre, ctx.agency(inner)));
    }
    if !pre.s.ends_with(')') {
        return Some((pre, None));
    }
    let open = pre.s.rfind('(')?;
    let agency = ctx.agency(pre.sub(open + 1, pre.s.len() - 1).trim());
    Some((pre.to(open).trim(), agency))
}

/// True when the block at `span` opens with an all-caps place and a dateline separator.
pub(crate) fn opens(text: &str, span: Span) -> bool {
    let p = Piece::of(text, span);
    if bare_shaped(p.s) {
        return true;
    }
    let Some(cut) = split(p) else {
        return false;
    };
    let pre = cut.pre.s.split([',', '(']).next().unwrap_or("");
    all_caps(pre.trim())
}

/// True when `s` is a place and an ISO date (`LONDON 1996-08-30`,
/// `MILWAUKEE, Wisconsin 1996-08-29`).
fn bare_shaped(s: &str) -> bool {
    let Some((place, date)) = s.trim().rsplit_once(' ') else {
        return false;
    };
    let b = date.as_bytes();
    let iso = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    let digits = b
        .iter()
        .enumerate()
        .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    iso && digits && bare_place(place.trim_end_matches(','))
}

/// An all-caps place, optionally followed by its region or country in title case
/// (`KHASAVYURT, Russia`).
fn bare_place(s: &str) -> bool {
    let mut segs = s.split(',');
    let city = segs.next().unwrap_or("").trim();
    all_caps(city) && segs.all(|seg| title_case(seg.trim(), 3))
}

/// `LONDON 1996-08-30` standing alone as the first body block.
fn bare(ctx: &Ctx<'_>, first: Piece<'_>, anchor: Option<&str>) -> Option<Dateline> {
    if !bare_shaped(first.s) {
        return None;
    }
    let date = ctx.date_in(first, anchor)?;
    let place = first
        .to(date.span.start.saturating_sub(first.off))
        .trim_end_matches(&[',']);
    if !bare_place(place.s) {
        return None;
    }
    Some(Dateline {
        span: first.span(),
        place: TextField::at(ctx.text, place.span()),
        date: Some(date),
        agency: None,
    })
}

/// Where a dateline candidate ends.
struct Cut<'t> {
    pre: Piece<'t>,
    agency: Option<Piece<'t>>,
    /// Relative end, just after the separator.
    end: usize,
    long_dash: bool,
}

fn split(p: Piece<'_>) -> Option<Cut<'_>> {
    let head = boundary::head(p.s, HEAD);
    let dash = DASHES
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, *d)))
        .min()
        .or_else(|| closing_dash(p.s));
    let slash = slash_agency(head);
    match (dash, slash) {
        (Some((i, d)), s) if s.is_none_or(|(j, _, _)| i < j) => Some(Cut {
            pre: p.to(i).trim(),
            agency: None,
            end: i + d.len(),
            long_dash: d.contains(['—', '–', '―']) || d.contains("--"),
        }),
        (_, Some((j, a, e))) => Some(Cut {
            pre: p.to(j).trim_end_matches(&['.']),
            agency: Some(p.sub(a.0, a.1)),
            end: e,
            long_dash: false,
        }),
        _ => None,
    }
}

/// A dash closing a dateline that stands on a line of its own
/// (`BEIJING, Feb. 6 (Xinhua) --`): (its position, the dash).
fn closing_dash(s: &str) -> Option<(usize, &'static str)> {
    if s.len() > HEAD {
        return None;
    }
    [" --", " -", " —", " –", " ―"]
        .iter()
        .find(|d| s.ends_with(**d))
        .map(|d| (s.len() - d.len(), *d))
}

/// `/TASS/` or `/TASS/.`: (start of `/`, inner range, end after it).
fn slash_agency(head: &str) -> Option<(usize, (usize, usize), usize)> {
    let i = head.find(" /")? + 1;
    let close = head[i + 1..].find('/')? + i + 1;
    let inner = &head[i + 1..close];
    if inner.is_empty()
        || !inner
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == ' ')
    {
        return None;
    }
    let end = close + 1 + usize::from(head[close + 1..].starts_with('.'));
    Some((i, (i + 1, close), end))
}

fn date_segment(ctx: &Ctx<'_>, seg: Piece<'_>, anchor: Option<&str>) -> Option<DateField> {
    let d = ctx.date_in(seg, anchor)?;
    let residue = seg.words().filter(|w| !w.span().overlaps(&d.span)).count();
    (residue <= 1).then_some(d)
}

/// At least two letters, all upper case (`BAKU`, `NEW YORK`, `ST. LOUIS`).
fn all_caps(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && s.chars().all(|c| c.is_uppercase() || " .'’-".contains(c))
}

/// One to `max` words each starting with a capital letter.
fn title_case(s: &str, max: usize) -> bool {
    let n = s.split_whitespace().count();
    (1..=max).contains(&n)
        && s.split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && s.chars().all(|c| c.is_alphabetic() || " .'’-".contains(c))
}

/// A capitalized word and a number, at most four words (`March 3`, `Feb. 6`).
fn day_shaped(s: &str) -> bool {
    let n = s.split_whitespace().count();
    (2..=4).contains(&n)
        && s.starts_with(char::is_uppercase)
        && s.split_whitespace()
            .any(|w| w.trim_end_matches(['.', ',']).parse::<u16>().is_ok())
}

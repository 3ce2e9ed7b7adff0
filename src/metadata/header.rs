//! Header and byline lines: ` date 2020-02-07 By Trend`, `By Jane Doe, Reuters`,
//! `Jane Doe | Reuters`, `Jane Doe, Staff Writer`, `Posted on March 3, 2021 by admin`,
//! `Published: 12:30 GMT, 3 March 2021`, `Published 3 hours ago`,
//! `Updated: Feb 6, 2020 10:35 AM ET`, `Last modified on Thu 6 Feb 2020 14.07 GMT`,
//! `Reporting by X; Editing by Y`.
//!
//! A line is split into fields at `|`, `•`, `;`, dashes and line breaks; it is a header
//! only when every field is recognized, so prose that merely contains "by" is never one.

use super::ctx::Ctx;
use super::piece::{find_word_ci, Piece};
use super::{clock, names, relative};
use super::{AgencyRef, Author, AuthorRole, BlockKind, DateField, Metadata};

/// What one header or byline block says.
#[derive(Debug, Default)]
pub(crate) struct HeaderLine {
    pub published: Option<DateField>,
    pub updated: Option<DateField>,
    pub authors: Vec<Author>,
    pub agencies: Vec<AgencyRef>,
}

impl HeaderLine {
    /// Moves the findings into `meta`; a block with a date is a Header, else a Byline.
    pub fn apply(self, meta: &mut Metadata) -> BlockKind {
        let dated = self.published.is_some() || self.updated.is_some();
        if meta.published.is_none() {
            meta.published = self.published;
        }
        if meta.updated.is_none() {
            meta.updated = self.updated;
        }
        meta.authors.extend(self.authors);
        meta.agencies.extend(self.agencies);
        if dated {
            BlockKind::Header
        } else {
            BlockKind::Byline
        }
    }
}

const SEPARATORS: &[&str] = &["|", "•", "·", ";", "\n", " — ", " – ", " - ", "—", "–"];

/// Parses a block at the top of the article as a header/byline line.
pub(crate) fn parse(ctx: &Ctx<'_>, p: Piece<'_>) -> Option<HeaderLine> {
    parse_fields(ctx, p, false)
}

/// Parses a block after the body started: only role credits (`Reporting by X`).
pub(crate) fn parse_credits(ctx: &Ctx<'_>, p: Piece<'_>) -> Option<HeaderLine> {
    parse_fields(ctx, p, true)
}

/// A line of nothing but names (`Jane Doe`, `Jane Doe and John Roe`) standing between a
/// headline and a dateline, where wire copy puts the byline: its people become authors.
pub(crate) fn byline_names(ctx: &Ctx<'_>, p: Piece<'_>, meta: &mut Metadata) -> bool {
    if p.s.contains('\n') || p.s.split_whitespace().count() > 12 {
        return false;
    }
    let (mut authors, mut agencies) = (Vec::new(), Vec::new());
    let p = p.trim();
    if !names::parse_unmarked(ctx, p, true, &mut authors, &mut agencies) || authors.is_empty() {
        return false;
    }
    meta.authors.extend(authors);
    meta.agencies.extend(agencies);
    true
}

fn parse_fields(ctx: &Ctx<'_>, p: Piece<'_>, credits_only: bool) -> Option<HeaderLine> {
    if p.s.len() > 240 || p.s.split_whitespace().count() > 30 {
        return None;
    }
    let mut out = HeaderLine::default();
    let p = match p.s.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(_) => p.sub(1, p.s.len() - 1),
        None => p,
    };
    let fields = p.split_any(SEPARATORS);
    let mut unmarked = Vec::new();
    for f in &fields {
        if !field(ctx, *f, credits_only, &mut out) {
            unmarked.push(*f);
        }
    }
    // `Jane Doe | Reuters`, `Jane Doe, Staff Writer`: a name with no `By` is a credit
    // only beside an agency, a date or a job title, and never across a dash, which
    // page titles use for their site (`Storm Hits Coast - Reuters`).
    let dashed = [" - ", " — ", " – ", " -- "]
        .iter()
        .any(|d| p.s.contains(d));
    let credited = unmarked.len() < fields.len() && !dashed;
    for f in unmarked {
        if credits_only
            || !names::parse_unmarked(ctx, f, credited, &mut out.authors, &mut out.agencies)
        {
            return None;
        }
    }
    Some(out)
}

fn field(ctx: &Ctx<'_>, f: Piece<'_>, credits_only: bool, out: &mut HeaderLine) -> bool {
    if let Some(i) = find_word_ci(f.s, "by") {
        let (prefix, names) = (f.to(i).trim(), f.from(i + 2).trim());
        let role = match role_of(prefix.s) {
            Some(role) => role,
            None if credits_only => return false,
            None if prefix.s.is_empty() || date_field(ctx, prefix, out) => AuthorRole::Author,
            None => return false,
        };
        return names::parse(ctx, names, role, &mut out.authors, &mut out.agencies);
    }
    if credits_only {
        return false;
    }
    if date_field(ctx, f, out) {
        return true;
    }
    match ctx.agency(f.trim_end_matches(&['.'])) {
        Some(a) => {
            out.agencies.push(a);
            true
        }
        None => false,
    }
}

/// The credit role named before `by` (`Reporting`, `Editing`, ...).
fn role_of(prefix: &str) -> Option<AuthorRole> {
    let p = prefix.trim_end_matches(':').trim();
    let is = |w: &str| p.eq_ignore_ascii_case(w);
    if is("reporting") || is("reported") {
        Some(AuthorRole::Reporter)
    } else if is("additional reporting") {
        Some(AuthorRole::Contributor)
    } else if is("editing") || is("edited") {
        Some(AuthorRole::Editor)
    } else if ["written", "writing", "story", "posted", "compiled", "text"]
        .iter()
        .any(|w| is(w))
    {
        Some(AuthorRole::Author)
    } else {
        None
    }
}

/// Words allowed around the date of a date line.
const DATE_LINE_WORDS: &[&str] = &[
    "published",
    "publish",
    "posted",
    "updated",
    "update",
    "last",
    "modified",
    "date",
    "dated",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "est",
    "edt",
    "pst",
    "pdt",
    "cst",
    "cdt",
    "msk",
    "ist",
    "jst",
    "azt",
    "local",
    "time",
    "hrs",
    "h",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "first",
];

/// A field that is a date (or a relative stamp such as `3 hours ago`) plus only
/// date-line words, times and zones; fills published/updated. A time with a zone
/// makes the value an ISO 8601 date-time with its offset.
fn date_field(ctx: &Ctx<'_>, f: Piece<'_>, out: &mut HeaderLine) -> bool {
    let words: Vec<Piece<'_>> = f.words().collect();
    let (date, residue): (DateField, Vec<Piece<'_>>) =
        match relative::find(&words, ctx.document_date) {
            Some((from, to, d)) => {
                let rest = words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i < from || *i > to);
                (d, rest.map(|(_, w)| *w).collect())
            }
            None => {
                let Some(d) = ctx.date_in(f, ctx.document_date) else {
                    return false;
                };
                let rest = words.iter().filter(|w| !w.span().overlaps(&d.span));
                let rest = rest.copied().collect();
                (d, rest)
            }
        };
    let mut updated = false;
    let mut plain = Vec::new();
    for w in &residue {
        let t =
            w.s.trim_matches(|c: char| !c.is_alphanumeric() && !".:+-".contains(c));
        let t = t.trim_end_matches(['.', ':']);
        let clock = |s: &str| {
            s.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        };
        let glued = ["am", "pm", "AM", "PM"]
            .iter()
            .find_map(|x| t.strip_suffix(x));
        let time = clock(t) || glued.is_some_and(clock);
        let known = DATE_LINE_WORDS.iter().any(|k| k.eq_ignore_ascii_case(t));
        if !time && !known && !clock::is_zone(t) {
            return false;
        }
        updated |= ["updated", "update", "modified"]
            .iter()
            .any(|k| k.eq_ignore_ascii_case(t));
        plain.push(t);
    }
    let date = match clock::stamp(&date.value, &plain) {
        // The span grows to cover the time and zone the value now includes.
        Some((value, from, to)) => {
            let edge = |w: Piece<'_>| w.trim_end_matches(&[',', ';', ')']).span();
            let span = date
                .span
                .cover(&edge(residue[from]))
                .cover(&edge(residue[to]));
            DateField { value, span }
        }
        None => date,
    };
    let slot = if updated {
        &mut out.updated
    } else {
        &mut out.published
    };
    if slot.is_none() {
        *slot = Some(date);
    }
    true
}

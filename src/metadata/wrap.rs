//! Lines into paragraph-like blocks, whatever the layout: one paragraph per line
//! (most scrapers, Reuters copy), paragraphs between blank lines (Wikinews), or
//! prose hard-wrapped at a fixed width (e-mail, wire terminals), with or without
//! blank lines. A blank line always separates; a single line break joins two lines
//! only when the first was wrapped rather than ended.

use super::boilerplate;
use super::layout::{ends_sentence, headline_set};
use crate::text::Span;

/// Lines longer than this are never the product of a fixed-width wrap.
const MAX_WRAP: usize = 100;

/// Trimmed non-blank lines grouped into blocks.
pub(crate) fn segment(text: &str) -> Vec<Span> {
    let lines = lines(text);
    let mode = mode(text, &lines);
    let mut out: Vec<Span> = Vec::new();
    let mut last_line: Option<Span> = None;
    for line in lines {
        let Some(span) = line else {
            last_line = None;
            continue;
        };
        let (prev, next) = (last_line.map(|l| l.slice(text)), span.slice(text));
        // A headline standing alone at the top is never the start of a wrapped paragraph.
        let headline =
            out.len() <= 2 && last_line == out.last().copied() && prev.is_some_and(headline_set);
        match out.last_mut() {
            Some(block) if !headline && prev.is_some_and(|p| continues(p, next, mode)) => {
                *block = block.cover(&span)
            }
            _ => out.push(span),
        }
        last_line = Some(span);
    }
    out
}

/// Every line, trimmed; `None` for a blank one.
fn lines(text: &str) -> Vec<Option<Span>> {
    let mut start = 0;
    text.split_inclusive('\n')
        .map(|line| {
            let span = Span::new(start, start + line.len()).trim(text);
            start += line.len();
            (!span.is_empty()).then_some(span)
        })
        .collect()
}

/// How the lines of a text were laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Hard-wrapped at this many columns.
    Wrapped(usize),
    /// Some lines are longer than any wrap: one paragraph per line.
    PerLine,
    /// Too few lines to tell.
    Unknown,
}

/// Wrapped when most lines fit within [`MAX_WRAP`] columns, several reach close
/// to the widest of them, and some of those break in mid-sentence (text with one
/// paragraph per line ends nearly every line).
fn mode(text: &str, lines: &[Option<Span>]) -> Mode {
    let lens: Vec<(usize, bool)> = lines
        .iter()
        .flatten()
        .map(|s| (columns(s.slice(text)), ends_sentence(s.slice(text))))
        .collect();
    let long = lens.iter().filter(|(n, _)| *n > MAX_WRAP).count();
    let Some(width) = lens
        .iter()
        .map(|(n, _)| *n)
        .filter(|&n| n <= MAX_WRAP)
        .max()
    else {
        return Mode::PerLine;
    };
    let full: Vec<bool> = lens
        .iter()
        .filter(|(n, _)| *n + 15 >= width && *n <= width)
        .map(|(_, end)| *end)
        .collect();
    let open = full.iter().filter(|end| !**end).count();
    let wrapped = width >= 50
        && long * 10 <= lens.len()
        && full.len() >= 3
        && full.len() * 10 >= lens.len() * 3
        && open * 3 >= full.len();
    match (wrapped, long) {
        (true, _) => Mode::Wrapped(width),
        (false, 0) => Mode::Unknown,
        (false, _) => Mode::PerLine,
    }
}

fn columns(s: &str) -> usize {
    s.chars().count()
}

/// True when `next` reads as the continuation of the line `prev`.
fn continues(prev: &str, next: &str, mode: Mode) -> bool {
    let lower = next.chars().next().is_some_and(char::is_lowercase);
    if lower && !ends_sentence(prev) {
        return true;
    }
    if starts_special(next) {
        return false;
    }
    match mode {
        // The next line's first word would not have fitted: the break is a wrap.
        Mode::Wrapped(w) => {
            let word = next.split_whitespace().next().map_or(0, columns);
            let full = columns(prev) + 1 + word > w;
            let standalone = columns(next) < 40 && !ends_sentence(next) && !lower;
            full && !standalone
        }
        Mode::PerLine => false,
        Mode::Unknown => !ends_sentence(prev) && columns(prev) >= 60 && columns(next) >= 40,
    }
}

fn starts_special(line: &str) -> bool {
    line.starts_with("By ") || boilerplate::classify(line).is_some()
}

//! Attribution clauses: "Trend reports Feb. 6 referring to Azerbaijan’s Defense Ministry",
//! "X said, citing Y", "X reported, quoting Y", "according to Y".

use super::ctx::Ctx;
use super::piece::{is_abbreviation, Piece};
use super::{Attribution, Metadata, TextField};

/// Reporting verbs that may precede a cue, within the same clause.
const VERBS: &[&str] = &[
    "reports",
    "reported",
    "said",
    "says",
    "writes",
    "wrote",
    "informs",
    "informed",
    "announced",
    "stated",
    "told",
    "added",
    "noted",
    "reporting",
];

/// Words that end a source phrase: linking words and finite verbs of the main clause
/// ("According to the bank rates will rise").
const STOP_WORDS: &[&str] = &[
    "that", "which", "who", "said", "says", "as", "on", "while", "is", "are", "was", "were",
    "will", "would", "has", "have", "had", "can", "could", "may", "might", "should",
];

const MAX_SOURCE_WORDS: usize = 12;
const MAX_BACK_WORDS: usize = 10;
const LOOK_BACK: usize = 240;

/// Finds attributions in one body block.
pub(crate) fn scan(ctx: &Ctx<'_>, block: Piece<'_>, anchor: Option<&str>, meta: &mut Metadata) {
    for m in ctx.tables.cues.0.find_iter(block.s) {
        let bytes = block.s.as_bytes();
        let bounded = (m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric())
            && bytes
                .get(m.end())
                .is_none_or(|c| !c.is_ascii_alphanumeric());
        if !bounded {
            continue;
        }
        let Some(source) = source_after(block.from(m.end())) else {
            continue;
        };
        let cue = block.sub(m.start(), m.end());
        let mut a = Attribution {
            span: cue.span().cover(&source.span()),
            reporter: None,
            reporter_agency: None,
            date: None,
            source: TextField::at(ctx.text, source.span()),
            cue: TextField::at(ctx.text, cue.span()),
        };
        let according = cue.s.eq_ignore_ascii_case("according to");
        match reporter_before(tail(block.to(m.start()))).filter(|_| !according) {
            Some((reporter, between)) => {
                a.span = reporter.span().cover(&a.span);
                a.reporter_agency = ctx.agency(reporter);
                a.reporter = Some(TextField::at(ctx.text, reporter.span()));
                a.date = ctx.date_in(between, anchor);
            }
            // "Referring to the situation, X noted ...": a topic, not a source.
            None if !according => continue,
            None => {}
        }
        meta.attributions.push(a);
    }
}

/// The cited source: up to a clause boundary, a sentence end or a linking word.
fn source_after(rest: Piece<'_>) -> Option<Piece<'_>> {
    let rest = rest.trim();
    let mut end = 0;
    for (n, w) in rest.words().enumerate() {
        let rel = w.off - rest.off;
        if n >= MAX_SOURCE_WORDS || w.s.starts_with(['(', '"', '“', '«']) {
            break;
        }
        if n > 0 && STOP_WORDS.contains(&w.s) {
            break;
        }
        let stop = w.s.find([',', ';', ':', '(', ')', '"', '“', '”', '»']);
        if let Some(i) = stop {
            end = rel + i;
            break;
        }
        end = rel + w.s.len();
        if w.s.ends_with(['.', '!', '?']) && !is_abbreviation(w.s.trim_end_matches('.')) {
            end -= 1;
            break;
        }
    }
    let src = rest.to(end).trim_end_matches(&['.', '\'', '’']);
    src.s
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
        .then_some(src)
}

/// The last [`LOOK_BACK`] bytes of `p`: bounds the work per cue on huge blocks.
fn tail(p: Piece<'_>) -> Piece<'_> {
    let mut from = p.s.len().saturating_sub(LOOK_BACK);
    while !p.s.is_char_boundary(from) {
        from += 1;
    }
    p.from(from)
}

/// The reporter clause before a cue: `(reporter, text between verb and cue)`.
fn reporter_before(before: Piece<'_>) -> Option<(Piece<'_>, Piece<'_>)> {
    let clause = clause_tail(before.trim_end_matches(&[',']));
    let words: Vec<Piece<'_>> = clause.words().collect();
    let v = words
        .iter()
        .rposition(|w| VERBS.contains(&w.s.trim_end_matches(',')))?;
    let first = words.first()?;
    // The verb leads the clause's tail: "X reports Feb. 6 referring to", "X said, citing".
    if v == 0 || v > 6 || words.len() - v > 4 {
        return None;
    }
    let reporter = clause.sub(
        first.off - clause.off,
        words[v - 1].off - clause.off + words[v - 1].s.len(),
    );
    let verb_end = words[v].off + words[v].s.len() - clause.off;
    Some((
        reporter.trim_end_matches(&[',']),
        clause.from(verb_end).trim(),
    ))
}

/// The last clause of `p` (after `,;:` quotes or a sentence end), at most a few words.
fn clause_tail(p: Piece<'_>) -> Piece<'_> {
    let words: Vec<Piece<'_>> = p.words().collect();
    let mut start = p.s.len();
    for (n, w) in words.iter().enumerate().rev() {
        let boundary = w.s.ends_with([',', ';', ':', '"', '”', '“'])
            || (w.s.ends_with(['.', '!', '?']) && !is_abbreviation(w.s.trim_end_matches('.')));
        if n + 1 < words.len() && boundary || words.len() - n > MAX_BACK_WORDS {
            break;
        }
        start = w.off - p.off;
    }
    p.from(start)
}

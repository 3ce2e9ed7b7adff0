//! Rule-based CARDINAL, ORDINAL, PERCENT, MONEY and QUANTITY recognition.
//!
//! One pass collects number tokens (digit runs by a byte scan, number words by one
//! Aho-Corasick automaton), joins them into phrases ("three hundred", "3.5
//! million"), then looks at the text just before and after each phrase for a
//! currency, percent sign or unit. Nothing is allocated per word. Four-digit
//! numbers that look like years are left to the time stage, and digits glued to
//! letters or dates ("G20", "F-16", "10:30", "07.02.2020") are not numbers here.

use super::candidate::{Candidate, Recognizer, Source};
use super::error::LexiconError;
use super::types::{EntityType, NumericAttrs};
use super::units::{self, WordRole};
use crate::doc::Doc;
use crate::text::Span;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// Finds numeric entities; build once, share across threads.
#[derive(Debug, Clone)]
pub struct NumericRecognizer {
    words: AhoCorasick,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    span: Span,
    role: WordRole,
    digits: bool,
}

impl NumericRecognizer {
    /// Builds the number-word matcher.
    pub fn new() -> Result<Self, LexiconError> {
        let words = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(units::NUMBER_WORDS.iter().map(|(w, _)| w))?;
        Ok(NumericRecognizer { words })
    }

    /// All numeric candidates in `text`, in text order.
    pub fn scan(&self, text: &str) -> Vec<Candidate> {
        let mut toks = Vec::new();
        digit_tokens(text, &mut toks);
        self.word_tokens(text, &mut toks);
        toks.sort_by_key(|t| t.span.start);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let n = phrase_len(text, &toks[i..]);
            if let Some(c) = classify(text, &toks[i..i + n]) {
                out.push(c);
            }
            i += n;
        }
        out
    }

    fn word_tokens(&self, text: &str, out: &mut Vec<Tok>) {
        for m in self.words.find_iter(text) {
            let span = Span::new(m.start(), m.end());
            let role = units::NUMBER_WORDS[m.pattern().as_usize()].1;
            if is_word_start(text, span.start) && !continues_word(text, span.end) {
                out.push(Tok {
                    span,
                    role,
                    digits: false,
                });
            }
        }
    }
}

impl Recognizer for NumericRecognizer {
    fn recognize(&self, doc: &Doc<'_>) -> Vec<Candidate> {
        self.scan(doc.text)
    }
}

fn is_word_start(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '#')
}

fn continues_word(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

fn digit_tokens(text: &str, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let (start, mut dots) = (i, 0);
        while i < b.len() {
            let sep = matches!(b[i], b',' | b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(b[i].is_ascii_digit() || sep) {
                break;
            }
            dots += usize::from(b[i] == b'.');
            i += 1;
        }
        if let Some(tok) = digit_token(text, Span::new(start, i), dots) {
            out.push(tok);
        }
    }
}

fn digit_token(text: &str, span: Span, dots: usize) -> Option<Tok> {
    let before = &text[..span.start];
    let mut back = before.chars().rev();
    let prev = back.next();
    let glued = matches!(prev, Some('-' | '/' | ':' | '.' | ','))
        && back.next().is_some_and(char::is_alphanumeric);
    if dots > 1 || glued || prev.is_some_and(|c| c.is_alphabetic() || c == '@' || c == '#') {
        return None;
    }
    let value = parse_digits(span.slice(text));
    let rest = &text[span.end..];
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(':' | '/' | '-'), Some(c)) if c.is_alphanumeric() => None,
        (Some(c), _) if c.is_alphabetic() => suffixed(rest, span, value),
        _ => Some(Tok {
            span,
            role: WordRole::Add(value),
            digits: true,
        }),
    }
}

/// "75th" becomes an ordinal, "5bn" a scaled number; "50km" keeps the number for
/// the unit to attach; other glued letters
/// ("5G", "3D") reject it.
fn suffixed(rest: &str, span: Span, value: f64) -> Option<Tok> {
    let suffix = rest.get(..2).filter(|s| {
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(s))
            && !rest[2..].chars().next().is_some_and(char::is_alphanumeric)
    });
    if suffix.is_some() {
        let span = Span::new(span.start, span.end + 2);
        return Some(Tok {
            span,
            role: WordRole::Ordinal(value),
            digits: true,
        });
    }
    for (glued, scale) in [("bn", 1e9), ("mln", 1e6)] {
        if units::prefix_in(rest, &[(glued, "")]).is_some() {
            let span = Span::new(span.start, span.end + glued.len());
            let role = WordRole::Add(value * scale);
            return Some(Tok {
                span,
                role,
                digits: true,
            });
        }
    }
    let known = units::prefix_in(rest, units::UNITS).is_some();
    known.then_some(Tok {
        span,
        role: WordRole::Add(value),
        digits: true,
    })
}

/// Digits with "," grouping and "." decimals, parsed without allocating.
fn parse_digits(s: &str) -> f64 {
    let (mut value, mut scale, mut frac) = (0.0_f64, 1.0_f64, false);
    for b in s.bytes() {
        match b {
            b'.' => frac = true,
            b'0'..=b'9' if frac => {
                scale /= 10.0;
                value += f64::from(b - b'0') * scale;
            }
            b'0'..=b'9' => value = value * 10.0 + f64::from(b - b'0'),
            _ => {}
        }
    }
    value
}

/// How many tokens from the first one form one number phrase.
fn phrase_len(text: &str, toks: &[Tok]) -> usize {
    let mut n = 1;
    while let (Some(prev), Some(next)) = (toks.get(n - 1), toks.get(n)) {
        let gap = text.get(prev.span.end..next.span.start).unwrap_or("x");
        let joined = matches!(gap, " " | "-" | " and ") && !(gap == " and " && prev.digits);
        let fits = match (prev.role, next.role) {
            (WordRole::Ordinal(_), _) => false,
            (_, WordRole::Scale(_) | WordRole::Hundred) => true,
            _ => !prev.digits && !next.digits,
        };
        if !(joined && fits) {
            break;
        }
        n += 1;
    }
    n
}

/// Value of a phrase and whether it is ordinal.
fn phrase_value(toks: &[Tok]) -> (f64, bool) {
    let (mut total, mut group, mut ordinal) = (0.0, 0.0, false);
    for t in toks {
        match t.role {
            WordRole::Add(v) => group += v,
            WordRole::Hundred => group = if group == 0.0 { 100.0 } else { group * 100.0 },
            WordRole::Scale(s) => {
                total += if group == 0.0 { s } else { group * s };
                group = 0.0;
            }
            WordRole::Ordinal(v) => {
                group = if group >= 100.0 || v >= 100.0 {
                    group.max(1.0) * v
                } else {
                    group + v
                };
                ordinal = true;
            }
        }
    }
    (total + group, ordinal)
}

fn classify(text: &str, toks: &[Tok]) -> Option<Candidate> {
    let (first, last) = (toks.first()?, toks.last()?);
    let (value, ordinal) = phrase_value(toks);
    let span = Span::new(first.span.start, last.span.end);
    let mut found = if ordinal {
        None
    } else {
        unit_around(text, span)
    };
    if found.is_none() && toks.len() == 1 && looks_like_year(span.slice(text)) {
        return None;
    }
    let kind = if ordinal {
        EntityType::Ordinal
    } else {
        EntityType::Cardinal
    };
    let (kind, span, unit) = found.take().unwrap_or((kind, span, None));
    let confidence = if first.digits { 0.9 } else { 0.7 };
    let mut cand = Candidate::new(span, kind, Source::Rule, confidence);
    cand.numeric = Some(NumericAttrs {
        value,
        unit: unit.map(str::to_owned),
    });
    Some(cand)
}

fn looks_like_year(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && ("1800".."2101").contains(&s)
}

/// Currency before, or currency / percent / unit after the number phrase.
fn unit_around(text: &str, span: Span) -> Option<(EntityType, Span, Option<&'static str>)> {
    let before = text[..span.start]
        .strip_suffix(' ')
        .unwrap_or(&text[..span.start]);
    if let Some((len, code)) = units::suffix_in(before, units::CURRENCY_BEFORE) {
        return Some((
            EntityType::Money,
            Span::new(before.len() - len, span.end),
            Some(code),
        ));
    }
    let rest = &text[span.end..];
    let spaced = rest.strip_prefix(' ').unwrap_or(rest);
    let at = span.end + (rest.len() - spaced.len());
    let tables: [(EntityType, &[(&'static str, &'static str)]); 3] = [
        (EntityType::Percent, units::PERCENT_AFTER),
        (EntityType::Money, units::CURRENCY_AFTER),
        (EntityType::Quantity, units::UNITS),
    ];
    tables.iter().find_map(|(kind, table)| {
        let (len, unit) = units::prefix_in(spaced, table)?;
        Some((*kind, Span::new(span.start, at + len), Some(unit)))
    })
}

#[cfg(test)]
#[path = "numeric_tests.rs"]
mod tests;

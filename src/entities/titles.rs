//! Ranks, offices and honorifics from `data/titles.tsv`, found as TITLE candidates.
//!
//! One case-insensitive Aho-Corasick automaton (leftmost-longest, so "First Deputy
//! Defense Minister" beats "Defense Minister") runs over the text; matches must sit
//! on word boundaries. Acronyms ("SACEUR") must match case exactly, honorifics
//! must be capitalized, and a lower-case title is kept only when it can stand for a
//! person ("the colonel general"). "Block" rows ("general public") are matched only
//! so that the title word inside them is skipped. An office may be widened to the
//! left by "Deputy", "First Deputy", "Acting" or "Vice".

use super::candidate::{Candidate, Recognizer, Source};
use super::error::LexiconError;
use super::types::{EntityType, TitleAttrs, TitleKind};
use crate::doc::Doc;
use crate::text::Span;
use aho_corasick::{AhoCorasick, MatchKind};

const FILE: &str = "data/titles.tsv";
const BUILTIN: &str = include_str!("../../data/titles.tsv");
const MODIFIERS: &[&str] = &["First Deputy ", "Deputy ", "Acting ", "Vice "];

/// What a lexicon pattern stands for.
#[derive(Debug, Clone)]
enum Pattern {
    Title { entry: usize, acronym: bool },
    Block,
}

/// The title lexicon and its matcher; build once, share across threads.
#[derive(Debug, Clone)]
pub struct TitleRecognizer {
    entries: Vec<TitleAttrs>,
    patterns: Vec<Pattern>,
    matcher: AhoCorasick,
}

impl TitleRecognizer {
    /// Loads the lexicon compiled into the binary.
    pub fn builtin() -> Result<Self, LexiconError> {
        Self::from_tsv(BUILTIN)
    }

    /// Loads a lexicon in the `data/titles.tsv` format.
    pub fn from_tsv(src: &str) -> Result<Self, LexiconError> {
        let (mut entries, mut patterns, mut phrases) = (Vec::new(), Vec::new(), Vec::new());
        for (i, line) in src.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (phrase, attrs) = parse_row(line, i + 1)?;
            phrases.push(phrase.to_owned());
            let Some(attrs) = attrs else {
                patterns.push(Pattern::Block);
                continue;
            };
            patterns.push(Pattern::Title {
                entry: entries.len(),
                acronym: false,
            });
            if let Some(acro) = &attrs.acronym {
                phrases.push(acro.clone());
                patterns.push(Pattern::Title {
                    entry: entries.len(),
                    acronym: true,
                });
            }
            entries.push(attrs);
        }
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)?;
        Ok(TitleRecognizer {
            entries,
            patterns,
            matcher,
        })
    }

    /// The lexicon entry whose phrase, variant or acronym is `phrase` (any case).
    pub fn lookup(&self, phrase: &str) -> Option<&TitleAttrs> {
        let m = self
            .matcher
            .find(phrase)
            .filter(|m| m.start() == 0 && m.end() == phrase.len())?;
        match self.patterns.get(m.pattern().as_usize())? {
            Pattern::Title { entry, .. } => self.entries.get(*entry),
            Pattern::Block => None,
        }
    }

    /// All TITLE candidates in `text`, in text order.
    pub fn scan(&self, text: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(text) {
            let span = Span::new(m.start(), m.end());
            if !on_word_boundaries(text, span) {
                continue;
            }
            let Some(Pattern::Title { entry, acronym }) = self.patterns.get(m.pattern().as_usize())
            else {
                continue;
            };
            let Some(attrs) = self.entries.get(*entry) else {
                continue;
            };
            if let Some(cand) = title_candidate(text, span, attrs, *acronym) {
                out.push(cand);
            }
        }
        out
    }
}

impl Recognizer for TitleRecognizer {
    fn recognize(&self, doc: &Doc<'_>) -> Vec<Candidate> {
        self.scan(doc.text)
    }
}

fn parse_row(line: &str, no: usize) -> Result<(&str, Option<TitleAttrs>), LexiconError> {
    let bad = |reason: String| LexiconError::BadRow {
        file: FILE,
        line: no,
        reason,
    };
    let cols: Vec<&str> = line.split('\t').collect();
    let [phrase, kind, acronym, person, canonical] = cols[..] else {
        return Err(bad(format!("{} columns, expected 5", cols.len())));
    };
    if phrase.trim().is_empty() {
        return Err(bad("empty phrase".into()));
    }
    let Some(kind) = parse_kind(kind).map_err(bad)? else {
        return Ok((phrase, None));
    };
    let person_denoting = match person {
        "yes" => true,
        "no" => false,
        other => return Err(bad(format!("person must be yes or no, got {other:?}"))),
    };
    let canonical = Some(canonical)
        .filter(|c| !c.is_empty())
        .unwrap_or(phrase)
        .to_owned();
    let acronym = (!acronym.is_empty()).then(|| acronym.to_owned());
    Ok((
        phrase,
        Some(TitleAttrs {
            kind,
            canonical,
            acronym,
            person_denoting,
        }),
    ))
}

/// `None` for a Block row.
fn parse_kind(kind: &str) -> Result<Option<TitleKind>, String> {
    match kind {
        "Rank" => Ok(Some(TitleKind::Rank)),
        "Office" => Ok(Some(TitleKind::Office)),
        "Honorific" => Ok(Some(TitleKind::Honorific)),
        "Block" => Ok(None),
        other => Err(format!("unknown kind {other:?}")),
    }
}

fn on_word_boundaries(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '@' || c == '-')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

fn title_candidate(text: &str, span: Span, attrs: &TitleAttrs, acronym: bool) -> Option<Candidate> {
    let surface = span.slice(text);
    let capital = surface.starts_with(|c: char| c.is_uppercase());
    if acronym && attrs.acronym.as_deref() != Some(surface) {
        return None;
    }
    if !capital && (attrs.kind == TitleKind::Honorific || !attrs.person_denoting) {
        return None;
    }
    let mut attrs = attrs.clone();
    let mut span = span;
    if attrs.kind == TitleKind::Office && !acronym {
        widen_with_modifier(text, &mut span, &mut attrs);
    }
    if attrs.kind == TitleKind::Honorific && text[span.end..].starts_with('.') {
        span.end += 1;
    }
    let confidence = if capital { 0.9 } else { 0.6 };
    let mut cand = Candidate::new(span, EntityType::Title, Source::Rule, confidence);
    cand.title = Some(attrs);
    Some(cand)
}

fn widen_with_modifier(text: &str, span: &mut Span, attrs: &mut TitleAttrs) {
    let before = &text[..span.start];
    for m in MODIFIERS {
        let Some(at) = before.len().checked_sub(m.len()) else {
            continue;
        };
        // `at` may fall inside a multi-byte character (`nation’s President`):
        // `get` refuses such a cut instead of panicking.
        let head = before.get(at..).filter(|h| h.eq_ignore_ascii_case(m));
        let clean = !before
            .get(..at)
            .and_then(|b| b.chars().next_back())
            .is_some_and(char::is_alphanumeric);
        if head.is_some() && clean && !attrs.canonical.starts_with(m.trim_end()) {
            attrs.canonical = format!("{m}{}", attrs.canonical);
            span.start = at;
            return;
        }
    }
}

#[cfg(test)]
#[path = "titles_tests.rs"]
mod tests;

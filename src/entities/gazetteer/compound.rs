//! Splitting compounds ("Azerbaijan-Russia") and possessive heads ("Azerbaijan’s Defense
//! Ministry") so the entity stages can tie each part to a known entry.

use super::entry::{EntryId, GazKind};
use super::Gazetteer;
use crate::text::Span;

/// Characters that join two names into one compound token.
const JOINERS: [char; 4] = ['-', '\u{2013}', '\u{2014}', '/'];

/// Possessive markers, typographic and plain apostrophe; the plural forms come second.
const MARKERS: [&str; 4] = ["\u{2019}s", "'s", "s\u{2019}", "s'"];

/// "Azerbaijan’s Defense Ministry" split into its owner and the thing owned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Possessive {
    /// Where the owner's name is, relative to the analysed text ("Azerbaijan").
    pub owner: Span,
    /// The owner's entry; a country for demonym owners ("Russian Armed Forces" → Russia).
    pub entry: EntryId,
    /// The owned head ("Defense Ministry"), relative to the analysed text.
    pub head: Span,
}

/// Known parts of a compound name, spans relative to `text`.
///
/// A name that is itself known ("Nagorno-Karabakh") comes back whole; "Azerbaijan-Russia"
/// and "Russia/Azerbaijan" give both countries; a possessive ("Azerbaijan’s Defense
/// Ministry", or "Azerbaijan’s" alone) gives its owner. Anything with
/// an unknown part gives nothing, so callers never get a half-split.
pub fn compound_parts(g: &Gazetteer, text: &str) -> Vec<(Span, EntryId)> {
    if let Some(&id) = g.lookup(text).first() {
        return vec![(Span::new(0, text.len()), id)];
    }
    if let Some(p) = possessive(g, text) {
        return vec![(p.owner, p.entry)];
    }
    if let Some(owner) = MARKERS.iter().find_map(|m| text.strip_suffix(m)) {
        // "Azerbaijan’s" alone; "States’" keeps its final s.
        let owner = if text.ends_with('s') {
            owner
        } else {
            &text[..owner.len() + 1]
        };
        if let Some(&id) = g.lookup(owner).first() {
            return vec![(Span::new(0, owner.len()), id)];
        }
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices().filter(|(_, c)| JOINERS.contains(c)) {
        parts.push(Span::new(start, at));
        start = at + c.len_utf8();
    }
    parts.push(Span::new(start, text.len()));
    if parts.len() < 2 {
        return Vec::new();
    }
    let found: Vec<_> = parts
        .into_iter()
        .filter_map(|s| Some((s, *g.lookup(s.slice(text)).first()?)))
        .collect();
    if found.len() == text.split(JOINERS).count() {
        found
    } else {
        Vec::new()
    }
}

/// The owner and head of "X’s Y" / "X's Y" / "Xs' Y" when X is known, or of "DEMONYM Y"
/// when Y starts with a capital ("Russian Armed Forces"); `None` otherwise.
pub fn possessive(g: &Gazetteer, text: &str) -> Option<Possessive> {
    apostrophe_owner(g, text).or_else(|| demonym_owner(g, text))
}

fn apostrophe_owner(g: &Gazetteer, text: &str) -> Option<Possessive> {
    for marker in MARKERS {
        let Some(at) = text.find(marker) else {
            continue;
        };
        // For "States’" the final s belongs to the owner's name.
        let owner_end = if marker.starts_with('s') { at + 1 } else { at };
        let after = at + marker.len();
        let owner = Span::new(0, owner_end).trim(text);
        let head = Span::new(after, text.len()).trim(text);
        if head.is_empty() || head.start == after {
            continue;
        }
        if let Some(&entry) = g.lookup(owner.slice(text)).first() {
            return Some(Possessive { owner, entry, head });
        }
    }
    None
}

fn demonym_owner(g: &Gazetteer, text: &str) -> Option<Possessive> {
    let (word, rest) = text.split_once(' ')?;
    let head = Span::new(word.len() + 1, text.len()).trim(text);
    if !rest.trim_start().starts_with(char::is_uppercase) || head.is_empty() {
        return None;
    }
    let nationality = g
        .lookup(word)
        .iter()
        .find(|&&id| g.entry(id).kind == GazKind::Nationality)?;
    let entry = g.nationality_country(word).unwrap_or(*nationality);
    Some(Possessive {
        owner: Span::new(0, word.len()),
        entry,
        head,
    })
}

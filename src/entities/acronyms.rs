//! Acronym definitions written as "Long Name (ACRO)", and later uses of ACRO.
//!
//! The letters of ACRO must appear in order in the long name, starting with its
//! first letter ("North Atlantic Treaty Organization (NATO)"). The long name's
//! entity gets the acronym attribute; every later whole-word, exact-case use of
//! ACRO joins it: a kept candidate with that text has its cluster folded in, and a
//! bare occurrence no recognizer saw is added as an Acronym mention.

use super::candidate::Candidate;
use super::mentions::{looks_like_acronym, Groups};
use super::types::{Mention, MentionKind};
use crate::text::Span;
use std::collections::HashSet;

/// Finds definitions after kept names and titles and links their acronym uses.
pub(crate) fn link(text: &str, cands: &[Candidate], g: &mut Groups) {
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, c) in cands.iter().enumerate() {
        let Some(host) = g.cluster_of[i].map(|h| g.live(h)) else {
            continue;
        };
        let Some(acro) = defined_after(text, c).filter(|a| seen.insert(a)) else {
            continue;
        };
        if g.clusters[host].attrs.acronym.is_none() {
            g.clusters[host].attrs.acronym = Some(acro.to_owned());
        }
        uses(text, cands, g, host, acro);
    }
}

/// The ACRO in `<candidate> (ACRO)`, when it abbreviates the candidate's text.
fn defined_after<'t>(text: &'t str, c: &Candidate) -> Option<&'t str> {
    let rest = text.get(c.span.end..)?.trim_start().strip_prefix('(')?;
    let acro = &rest[..rest.find(')')?];
    let ok = looks_like_acronym(acro) && abbreviates(acro, c.text(text));
    ok.then_some(acro)
}

fn abbreviates(acro: &str, long: &str) -> bool {
    let mut letters = long
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let mut wanted = acro
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase);
    let first_ok = wanted.next().is_some_and(|w| letters.next() == Some(w));
    first_ok && wanted.all(|w| letters.any(|l| l == w))
}

fn uses(text: &str, cands: &[Candidate], g: &mut Groups, host: usize, acro: &str) {
    for (at, _) in text.match_indices(acro) {
        let span = Span::new(at, at + acro.len());
        let before = text[..at].chars().next_back();
        let after = text[span.end..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let i = cands.partition_point(|c| c.span.end <= span.start);
        match cands.get(i).filter(|c| c.span.overlaps(&span)) {
            Some(c) if c.span == span => {
                if let Some(other) = g.cluster_of[i] {
                    g.fold(other, host);
                }
            }
            Some(_) => {}
            None => {
                let mention = Mention {
                    span,
                    kind: MentionKind::Acronym,
                };
                g.clusters[host].mentions.push(mention);
            }
        }
    }
}

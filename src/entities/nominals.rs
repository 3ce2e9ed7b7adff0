//! Resolves definite title phrases ("The colonel general", "The Russian general")
//! to a person named earlier.
//!
//! A phrase qualifies when a person-denoting title that no name used up follows
//! "the", optionally with a nationality or country word in between. A person is
//! compatible when one of their titles is the phrase's title or ends with it
//! ("army general" for "general"), and, if the phrase names a country, when the
//! person's country is that one. The most recently mentioned compatible person is
//! chosen; the phrase is left alone when the runner-up was last mentioned in the
//! same sentence (no way to tell them apart) or when nobody is compatible.

use super::candidate::Candidate;
use super::mentions::Groups;
use super::people::country_of;
use super::types::{EntityType, Mention, MentionKind};
use crate::text::Span;

/// One title phrase waiting for an antecedent.
struct Phrase {
    span: Span,
    title: String,
    country: Option<String>,
}

/// Adds a Nominal mention to the right person for each resolvable phrase and
/// returns the kept-candidate indices of the titles it used.
pub(crate) fn resolve(
    text: &str,
    cands: &[Candidate],
    used: &[bool],
    sentences: &[Span],
    g: &mut Groups,
) -> Vec<usize> {
    let mut resolved = Vec::new();
    for c in g
        .clusters
        .iter_mut()
        .filter(|c| c.kind == EntityType::Person)
    {
        c.mentions.sort_by_key(|m| m.span);
    }
    for (t, _) in used.iter().enumerate().filter(|(_, done)| !**done) {
        let Some(phrase) = phrase_at(text, cands, t) else {
            continue;
        };
        if let Some(c) = antecedent(g, &phrase, sentences) {
            let mention = Mention {
                span: phrase.span,
                kind: MentionKind::Nominal,
            };
            g.clusters[c].mentions.push(mention);
            resolved.push(t);
        }
    }
    resolved
}

fn phrase_at(text: &str, cands: &[Candidate], t: usize) -> Option<Phrase> {
    let title = cands[t].title.as_ref().filter(|a| a.person_denoting)?;
    let mut start = cands[t].span.start;
    let mut country = None;
    let adj = t.checked_sub(1).map(|a| &cands[a]);
    if let Some(a) = adj.filter(|a| matches!(a.kind, EntityType::Norp | EntityType::Gpe)) {
        if text
            .get(a.span.end..start)
            .is_some_and(|g| g.trim().is_empty())
        {
            country = Some(country_of(text, a)?);
            start = a.span.start;
        }
    }
    let before = text.get(..start)?.trim_end();
    let det = before.len().checked_sub(3).and_then(|i| before.get(i..))?;
    let word_start = !before[..before.len() - 3].ends_with(char::is_alphanumeric);
    if !det.eq_ignore_ascii_case("the") || !word_start {
        return None;
    }
    let span = Span::new(before.len() - 3, cands[t].span.end);
    Some(Phrase {
        span,
        title: title.canonical.to_lowercase(),
        country,
    })
}

fn compatible(titles: &[String], country: Option<&str>, phrase: &Phrase) -> bool {
    let fits = titles.iter().any(|t| {
        t == &phrase.title
            || t.strip_suffix(phrase.title.as_str())
                .is_some_and(|head| head.ends_with(' '))
    });
    let same_country = match (&phrase.country, country) {
        (None, _) => true,
        (Some(want), Some(have)) => want.eq_ignore_ascii_case(have),
        (Some(_), None) => false,
    };
    fits && same_country
}

fn antecedent(g: &Groups, phrase: &Phrase, sentences: &[Span]) -> Option<usize> {
    let mut ranked: Vec<(usize, usize)> = Vec::new();
    for (i, c) in g.clusters.iter().enumerate() {
        let person = c.merged_into.is_none() && c.kind == EntityType::Person;
        let country = c.attrs.person.as_ref().and_then(|p| p.country.as_deref());
        if !person || !compatible(&c.titles, country, phrase) {
            continue;
        }
        // Mentions are kept sorted (see `resolve`), so the last one before is found by bisection.
        let before = c
            .mentions
            .partition_point(|m| m.span.start < phrase.span.start);
        if let Some(last) = before.checked_sub(1).map(|b| c.mentions[b].span.start) {
            ranked.push((last, i));
        }
    }
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    let (best, runner) = (ranked.first()?, ranked.get(1));
    let sentence = |pos: usize| sentences.partition_point(|s| s.end <= pos);
    let tie = runner.is_some_and(|r| sentence(r.0) == sentence(best.0));
    (!tie).then_some(best.1)
}

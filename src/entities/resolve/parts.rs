//! Names inside names: which losing place and nationality names stay as
//! compound-part mentions of the name around them.
//!
//! A place inside a longer name is a mention of that place only where the
//! name's grammar says the name is the place's: a possessive ("Azerbaijan’s
//! Defense Ministry"), a compound of names ("Azerbaijan-Russia talks"), or a
//! nationality adjective opening an organization ("Russian Armed Forces"). A
//! name that merely contains a place word is about something else: "Air
//! France", "Real Madrid", "Hong Kong Open", and never a person ("Anthony
//! Washington"). A place joined to a lower-case affix ("Bergamo-based",
//! "U.S.-led", "pro-Beijing") is one adjective: flat annotation (CoNLL's MISC)
//! names the whole word once, so the place inside it is no second mention.

use crate::entities::{Candidate, EntityType};
use crate::text::Span;

/// Losing GPE/NORP/LOC candidates lying strictly inside a kept name. Returns
/// `(nested, parts)`: every such candidate inside a kept non-person name (they
/// may lend the name their country: "Air France" is French), and the subset that
/// the name belongs to grammatically, which are mentions of their place.
pub(super) fn nested_parts(
    text: &str,
    kept: &[Candidate],
    lost: Vec<Candidate>,
) -> (Vec<Candidate>, Vec<Candidate>) {
    use EntityType::{Gpe, Loc, Norp};
    let institutions: Vec<Span> = (lost.iter().chain(kept))
        .filter(|c| is_institution(c))
        .map(|c| c.span)
        .collect();
    let mut nested: Vec<Candidate> = Vec::new();
    let mut parts: Vec<Candidate> = Vec::new();
    for cand in lost
        .into_iter()
        .filter(|c| matches!(c.kind, Gpe | Norp | Loc))
    {
        let i = kept.partition_point(|k| k.span.end <= cand.span.start);
        let Some(host) = kept.get(i) else { continue };
        let inside = host.span.contains(&cand.span) && host.span != cand.span;
        let fresh = !nested.iter().any(|p| p.span.overlaps(&cand.span));
        let named = host.kind.is_name() && host.kind != EntityType::Person;
        if !(inside && named && fresh) {
            continue;
        }
        if belongs(text, host, &cand, &institutions) {
            parts.push(cand.clone());
        }
        nested.push(cand);
    }
    nested.sort_by_key(|c| c.span);
    parts.sort_by_key(|c| c.span);
    (nested, parts)
}

/// A body from the institution lexicon ("Armed Forces", "Defense Ministry").
fn is_institution(c: &Candidate) -> bool {
    c.kind == EntityType::Org && c.source == crate::entities::Source::Rule
}

/// True when the host name says it is the part's (see the module docs); a
/// nationality adjective counts only before a generic institution.
fn belongs(text: &str, host: &Candidate, part: &Candidate, institutions: &[Span]) -> bool {
    let after = text.get(part.span.end..host.span.end).unwrap_or("");
    let before = text.get(host.span.start..part.span.start).unwrap_or("");
    let hyphen = |c: char| matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}');
    let possessive = after.starts_with("’s ") || after.starts_with("'s ");
    // The other element of a compound must be a name itself: "Azerbaijan-Russia",
    // not the affix of an adjective ("-based", "pro-").
    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let compound = after.strip_prefix(hyphen).is_some_and(capital)
        || before
            .strip_suffix(hyphen)
            .is_some_and(|head| capital(head.rsplit(hyphen).next().unwrap_or(head)));
    let opens = part.kind == EntityType::Norp
        && host.kind == EntityType::Org
        && part.span.start == host.span.start
        && part.span.end < host.span.end;
    let generic = || {
        let rest = Span::new(part.span.end + 1, host.span.end);
        is_institution(host) || institutions.contains(&rest)
    };
    let adjective = opens && generic();
    possessive || compound || adjective
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Source;

    fn at(text: &str, s: &str, kind: EntityType) -> Candidate {
        let i = text.find(s).unwrap_or_default();
        Candidate::new(Span::new(i, i + s.len()), kind, Source::Gazetteer, 0.9)
    }

    fn parts_of(text: &str, host: (&str, EntityType), part: (&str, EntityType)) -> usize {
        let mut host = at(text, host.0, host.1);
        if host.kind == EntityType::Org {
            host.source = Source::Rule;
        }
        nested_parts(text, &[host], vec![at(text, part.0, part.1)])
            .1
            .len()
    }

    #[test]
    fn a_place_is_a_part_only_where_the_name_says_it_is_the_places() {
        use EntityType::{Gpe, Misc, Norp, Org, Person};
        let t = "Peru’s Health Ministry and the Chilean Navy met at the Lima Open.";
        // ("Chilean Navy" is the lexicon's "Navy" joined with its country.)
        assert_eq!(
            parts_of(t, ("Peru’s Health Ministry", Org), ("Peru", Gpe)),
            1
        );
        assert_eq!(parts_of(t, ("Chilean Navy", Org), ("Chilean", Norp)), 1);
        assert_eq!(parts_of(t, ("Lima Open", Misc), ("Lima", Gpe)), 0);
        let t = "Oslo-based Nordic Air and the sprinter Anna Paris";
        assert_eq!(parts_of(t, ("Oslo-based", Misc), ("Oslo", Gpe)), 0);
        let t = "the Norway-Sweden talks and a pro-Beijing paper";
        assert_eq!(parts_of(t, ("Norway-Sweden", Misc), ("Norway", Gpe)), 1);
        assert_eq!(parts_of(t, ("Norway-Sweden", Misc), ("Sweden", Gpe)), 1);
        assert_eq!(parts_of(t, ("pro-Beijing", Misc), ("Beijing", Gpe)), 0);
        assert_eq!(parts_of(t, ("Anna Paris", Person), ("Paris", Gpe)), 0);
    }
}

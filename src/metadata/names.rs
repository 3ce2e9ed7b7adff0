//! The name list after `by`: people, known agencies, and generic user names to skip.

use super::ctx::Ctx;
use super::piece::Piece;
use super::{AgencyRef, Author, AuthorRole};

/// Site user names and desk labels that are not people.
const GENERIC: &[&str] = &[
    "admin",
    "administrator",
    "webmaster",
    "guest",
    "anonymous",
    "staff",
];

/// Words that make a name slot a job title (`Staff Writer`) rather than a person.
const JOB_WORDS: &[&str] = &[
    "writer",
    "reporter",
    "correspondent",
    "correspondents",
    "editor",
    "staff",
    "contributor",
    "columnist",
    "analyst",
    "bureau",
    "desk",
    "newsroom",
    "chief",
    "senior",
    "team",
    "editorial",
];

/// Lower-case words allowed inside personal names.
const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "der", "van", "von", "al", "el", "bin", "ibn", "la", "le",
];

/// Parses `Jane Doe and John Roe`, `Jane Doe, Reuters`, `Trend`; false when any slot is
/// neither a person, a known agency, a job title nor a generic user name.
pub(crate) fn parse(
    ctx: &Ctx<'_>,
    names: Piece<'_>,
    role: AuthorRole,
    authors: &mut Vec<Author>,
    agencies: &mut Vec<AgencyRef>,
) -> bool {
    let slots = names.split_any(&[",", " and ", " AND ", " & ", "&", " / "]);
    if slots.is_empty() {
        return false;
    }
    for slot in slots {
        let slot = slot.trim_end_matches(&['.', ':']);
        if let Some(a) = ctx.agency(slot) {
            agencies.push(a);
        } else if is_any(slot.s, GENERIC) || slot.s.split_whitespace().any(|w| is_any(w, JOB_WORDS))
        {
            continue;
        } else if person_like(slot.s) {
            let name = slot.s.to_string();
            authors.push(Author {
                name,
                span: slot.span(),
                role,
            });
        } else {
            return false;
        }
    }
    true
}

fn is_any(w: &str, list: &[&str]) -> bool {
    list.iter().any(|k| k.eq_ignore_ascii_case(w))
}

/// One to five capitalized words of letters (particles such as `van` allowed).
fn person_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let ok = |w: &&str| {
        let name_chars = w.chars().all(|c| c.is_alphabetic() || ".-’'".contains(c));
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        name_chars && (capital || is_any(w, PARTICLES))
    };
    words.iter().all(ok) && words.iter().any(|w| !is_any(w, PARTICLES))
}

/// A name list with no `By` (`Jane Doe`, `Jane Doe, Staff Writer`): every slot a
/// person of two or three words, a job title or an agency, at least one person, and
/// some credit beside it (a job title or agency here, or `credited`: another field
/// of the line was recognized). A bare `Storm Hits Coast` is no byline.
pub(crate) fn parse_unmarked(
    ctx: &Ctx<'_>,
    names: Piece<'_>,
    credited: bool,
    authors: &mut Vec<Author>,
    agencies: &mut Vec<AgencyRef>,
) -> bool {
    let slots = names.split_any(&[",", " and ", " & "]);
    let mut people = Vec::new();
    let mut credit = credited;
    for slot in slots {
        let slot = slot.trim_end_matches(&['.', ':']);
        let words = slot.s.split_whitespace().count();
        if let Some(a) = ctx.agency(slot) {
            agencies.push(a);
            credit = true;
        } else if slot.s.split_whitespace().any(|w| is_any(w, JOB_WORDS)) {
            credit = true;
        } else if (2..=3).contains(&words) && person_like(slot.s) {
            people.push(slot);
        } else {
            return false;
        }
    }
    if !credit || people.is_empty() {
        return false;
    }
    authors.extend(people.into_iter().map(|p| Author {
        name: p.s.to_string(),
        span: p.span(),
        role: AuthorRole::Author,
    }));
    true
}

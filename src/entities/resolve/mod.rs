//! The one resolver: all recognizers' candidates in, one set of non-overlapping
//! names, numbers, titles and times out, plus the names nested inside them.
//!
//! ```text
//! candidates ─► repairs ─────────────► precedence ─────────► kept (text order)
//!               person titles cut,      strongest first;      └─► parts: losing places and
//!               modifiers joined,       a loser trimmed to        nationalities inside a
//!               title prefixes cut,     its rest when that        kept name that is theirs
//!               compounds split,        still reads as a name
//!               unsupported sentence-initial institution words dropped
//! ```
//!
//! Precedence, strongest first (the key is compared field by field):
//! 1. **Tier**: metadata (handles, URLs, e-mails) > names, titles and time
//!    expressions > numeric rules > model spans that are not well-formed names
//!    (a lower-case word that is no name glue: "75th anniversary", "Victory in the
//!    Great Patriotic War"). So "@AzerNewsAz" beats any name in it, "First" in
//!    "First Deputy Defense Minister" stays in the title, "2020" in a DATE is not
//!    a CARDINAL, and a phrase loses to the "75th" ORDINAL and the EVENT in it.
//! 2. **Length**: within a tier the longer span wins: a well-formed longer name
//!    beats its parts ("Air France" over "France", "Hong Kong Open" over "Hong
//!    Kong", "Azerbaijan's Defense Ministry" over "Azerbaijan"; "Theresa May" over
//!    the DATE "May").
//! 3. **Class**: time expressions and rule lexicons (titles, institutions) beat
//!    model and gazetteer names of the same length.
//! 4. **Evidence** on the same span: the model's ORG (places stand for teams,
//!    governments and firms, which only context tells) > an exact multi-word list
//!    name ("Nagorno-Karabakh" read as PER by the model) > the contextual model >
//!    a single context-free list word. So the model's "Kent" (ORG, a cricket club) and "Jordan" (PER) keep
//!    their type against the county and the country; the list still links the
//!    model's name when they agree (see `gazetteer::refine`).
//! 5. **Confidence** (the same scale for every recognizer, see
//!    [`Candidate::confidence`]), then the recognizer's class, then the earlier
//!    span, so the result is stable.

mod parts;
mod precedence;
mod repairs;

use super::Candidate;

/// Result of [`resolve`].
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Winning candidates, sorted by start, pairwise non-overlapping.
    pub kept: Vec<Candidate>,
    /// Losing GPE/NORP/LOC candidates inside a kept name other than a person's:
    /// they may lend it their country ("Air France" is French).
    pub nested: Vec<Candidate>,
    /// The subset of `nested` inside a kept name that is grammatically
    /// theirs: compound-part mentions ("Azerbaijan" in "Azerbaijan's Defense
    /// Ministry"; not "France" in "Air France").
    pub parts: Vec<Candidate>,
}

/// Repairs, then resolves overlaps by precedence (see the module docs).
pub fn resolve(text: &str, mut cands: Vec<Candidate>) -> Resolved {
    cands.retain(|c| c.span.start < c.span.end && text.get(c.span.start..c.span.end).is_some());
    repairs::apply(text, &mut cands);
    let (mut kept, lost) = precedence::select(text, cands);
    lend_links(&mut kept, &lost);
    let (nested, parts) = parts::nested_parts(text, &kept, lost);
    Resolved {
        kept,
        nested,
        parts,
    }
}

/// A list that read the same span with the same type lends the winner its ids and
/// country:
/// the model's ORG "Boeing" carries the company table's links.
fn lend_links(kept: &mut [Candidate], lost: &[Candidate]) {
    for l in lost
        .iter()
        .filter(|l| l.link.is_some() || l.country.is_some())
    {
        let same = kept.binary_search_by_key(&l.span, |k| k.span);
        if let Ok(i) = same {
            let k = &mut kept[i];
            if k.kind == l.kind && k.link.is_none() {
                k.link.clone_from(&l.link);
            }
            if k.kind == l.kind && k.country.is_none() {
                k.country.clone_from(&l.country);
            }
        }
    }
}

/// The winners of [`resolve`] alone.
pub fn merge(text: &str, cands: Vec<Candidate>) -> Vec<Candidate> {
    resolve(text, cands).kept
}

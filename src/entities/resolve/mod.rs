//! The one resolver: all recognizers' candidates in, one set of non-overlapping
//! names, numbers, titles and times out, plus the names nested inside them.
//!
//! ```text
//! candidates ─► repairs ─────────────► precedence ─────────► kept (text order)
//!               person titles cut,      strongest first;      └─► parts: losing places and
//!               modifiers joined,       a loser trimmed to        nationalities inside a
//!               title prefixes cut,     its rest when that        kept name
//!               compounds split         still reads as a name
//! ```
//!
//! Precedence, strongest first (the key is compared field by field):
//! 1. **Tier**: metadata (handles, URLs, e-mails) > names, titles and time
//!    expressions > numeric rules > model MISC. So "@AzerNewsAz" beats any name in
//!    it, "First" in "First Deputy Defense Minister" stays in the title, "2020" in a
//!    DATE is not a CARDINAL, and a vague MISC loses to the "75th" ORDINAL in it.
//! 2. **Length**: within a tier the longer span wins ("Azerbaijan's Defense
//!    Ministry" over "Azerbaijan"; "Theresa May" over the DATE "May").
//! 3. **Class**: time expressions and titles beat model and gazetteer names of the
//!    same length.
//! 4. **Confidence**: decides model against gazetteer on the same length.
//! 5. Then gazetteer over model, then the earlier span, so the result is stable.

mod parts;
mod precedence;
mod repairs;

use super::Candidate;

/// Result of [`resolve`].
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Winning candidates, sorted by start, pairwise non-overlapping.
    pub kept: Vec<Candidate>,
    /// Losing GPE/NORP/LOC candidates lying inside a kept name: they become
    /// compound-part mentions ("Azerbaijan" in "Azerbaijan's Defense Ministry").
    pub parts: Vec<Candidate>,
}

/// Repairs, then resolves overlaps by precedence (see the module docs).
pub fn resolve(text: &str, mut cands: Vec<Candidate>) -> Resolved {
    cands.retain(|c| c.span.start < c.span.end && text.get(c.span.start..c.span.end).is_some());
    repairs::apply(text, &mut cands);
    let (kept, lost) = precedence::select(text, cands);
    let parts = parts::nested_parts(&kept, lost);
    Resolved { kept, parts }
}

/// The winners of [`resolve`] alone.
pub fn merge(text: &str, cands: Vec<Candidate>) -> Vec<Candidate> {
    resolve(text, cands).kept
}

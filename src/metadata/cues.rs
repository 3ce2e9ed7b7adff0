//! The phrases that introduce a cited source ("citing", "according to"), and their matcher.

use aho_corasick::{AhoCorasick, MatchKind};

const CUES: &[&str] = &[
    "referring to",
    "with reference to",
    "citing",
    "quoting",
    "according to",
];

/// The cue matcher, built once with the other resources ([`super::Tables`]), so
/// a failure stops start-up instead of silently turning attribution off.
#[derive(Debug, Clone)]
pub struct Cues(pub(super) AhoCorasick);

impl Cues {
    /// Builds the matcher over the cue phrases.
    pub fn build() -> Result<Cues, aho_corasick::BuildError> {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(CUES)
            .map(Cues)
    }
}

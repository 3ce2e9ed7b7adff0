//! Errors from loading the entity stage's built-in resources.
//!
//! They can only happen at start-up (a malformed data file), never per request,
//! so the server refuses to start instead of answering with a broken stage.

/// A resource of the entity stage could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A row of a TSV lexicon has the wrong shape or an unknown value.
    #[error("{file}:{line}: {reason}")]
    BadRow {
        /// Name of the data file.
        file: &'static str,
        /// One-based line number.
        line: usize,
        /// What is wrong with the row.
        reason: String,
    },
    /// The string-matching automaton could not be built.
    #[error("building matcher: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

//! The one failure of the gazetteer: a malformed data file.

/// A malformed gazetteer data file, with where and what.
#[derive(Debug, thiserror::Error)]
pub enum GazError {
    /// The file has no header line.
    #[error("{file}: no header line")]
    Empty {
        /// Data file name.
        file: &'static str,
    },
    /// A cell is missing or does not parse.
    #[error("{file}:{line}: column `{column}`: {problem}")]
    Field {
        /// Data file name.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// Header name of the offending column.
        column: &'static str,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// The agency table is malformed.
    #[error("agencies.tsv: {0}")]
    Agencies(#[from] crate::metadata::TableError),
    /// The surface-form automaton could not be built.
    #[error("building the name automaton: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
}

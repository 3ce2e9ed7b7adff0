//! The one failure of an evaluation run: a file it could not read or understand.

use std::path::PathBuf;
use thiserror::Error;

/// Why an evaluation could not run.
#[derive(Debug, Error)]
pub enum EvalError {
    /// A file or folder could not be read or written.
    #[error("cannot access {path}")]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A `.tml` file is not the TimeML we expect.
    #[error("{path}: {why}")]
    Format {
        /// The offending file.
        path: PathBuf,
        /// What was wrong.
        why: String,
    },
    /// No `.tml` files were found.
    #[error("no .tml files under {0}")]
    Empty(PathBuf),
}

//! The stage's loaded resources, built once at start-up so a broken one stops the server.

use super::agencies::{AgencyTable, TableError};
use super::cues::Cues;

/// The stage's loaded resources: the agency table and the attribution cue matcher.
#[derive(Debug, Clone)]
pub struct Tables {
    /// News agencies and publishers.
    pub agencies: AgencyTable,
    /// Attribution cue phrases.
    pub cues: Cues,
}

/// Why [`Tables`] could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum TablesError {
    /// `data/agencies.tsv` is malformed.
    #[error("agency table (data/agencies.tsv): {0}")]
    Agencies(#[from] TableError),
    /// The attribution cue matcher could not be built.
    #[error("attribution cue matcher: {0}")]
    Cues(#[from] aho_corasick::BuildError),
}

impl Tables {
    /// The tables compiled into the crate.
    pub fn builtin() -> Result<Tables, TablesError> {
        Tables::with_agencies(AgencyTable::builtin()?)
    }

    /// The built-in cues with a caller-supplied agency table.
    pub fn with_agencies(agencies: AgencyTable) -> Result<Tables, TablesError> {
        Ok(Tables {
            agencies,
            cues: Cues::build()?,
        })
    }
}

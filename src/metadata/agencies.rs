//! The agency table (`data/agencies.tsv`): names, aliases, handles and Wikidata items
//! of news agencies and publishers, looked up by exact phrase.

use std::collections::HashMap;

/// The table shipped with the crate.
const BUILTIN: &str = include_str!("../../data/agencies.tsv");

/// One agency or publisher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    /// Stable key, e.g. `reuters`.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// `agency`, `publisher` or `broadcaster`.
    pub kind: String,
    /// Wikidata item when known.
    pub qid: Option<String>,
    /// ISO 3166-1 alpha-2 country, when given.
    pub country: Option<String>,
}

/// Why a table could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TableError {
    /// A data line without the seven tab-separated columns.
    #[error("agency table line {line}: expected 7 tab-separated columns, found {found}")]
    Columns {
        /// 1-based line number.
        line: usize,
        /// Columns found.
        found: usize,
    },
    /// A data line with an empty id or name.
    #[error("agency table line {line}: empty id or name")]
    Empty {
        /// 1-based line number.
        line: usize,
    },
}

/// Agencies with case-insensitive indexes by alias and by handle.
#[derive(Debug, Clone, Default)]
pub struct AgencyTable {
    agencies: Vec<Agency>,
    by_alias: HashMap<String, usize>,
    by_handle: HashMap<String, usize>,
}

impl AgencyTable {
    /// The table compiled into the crate (`data/agencies.tsv`); a malformed file
    /// is an error for the loader to report, never an empty table.
    pub fn builtin() -> Result<AgencyTable, TableError> {
        AgencyTable::parse(BUILTIN)
    }

    /// Parses the TSV format described at the top of `data/agencies.tsv`.
    pub fn parse(tsv: &str) -> Result<AgencyTable, TableError> {
        let mut t = AgencyTable::default();
        for (i, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 7 {
                return Err(TableError::Columns {
                    line: i + 1,
                    found: cols.len(),
                });
            }
            t.push(&cols, i + 1)?;
        }
        Ok(t)
    }

    fn push(&mut self, c: &[&str], line: usize) -> Result<(), TableError> {
        let (id, name) = (c[0].trim(), c[1].trim());
        if id.is_empty() || name.is_empty() {
            return Err(TableError::Empty { line });
        }
        let idx = self.agencies.len();
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        for alias in c[3].split('|').chain(std::iter::once(name)) {
            let key = alias.trim().to_lowercase();
            if !key.is_empty() {
                self.by_alias.entry(key).or_insert(idx);
            }
        }
        for h in c[4].split('|').filter(|h| !h.trim().is_empty()) {
            let key = h.trim().trim_start_matches('@').to_lowercase();
            self.by_handle.entry(key).or_insert(idx);
        }
        self.agencies.push(Agency {
            id: id.to_string(),
            name: name.to_string(),
            kind: c[2].trim().to_string(),
            qid: opt(c[5]),
            country: opt(c[6]),
        });
        Ok(())
    }

    /// The agency whose name or alias is exactly `phrase` (case-insensitive).
    pub fn lookup(&self, phrase: &str) -> Option<&Agency> {
        let p = phrase.trim();
        if p.is_empty() || p.len() > 64 {
            return None;
        }
        self.by_alias
            .get(&p.to_lowercase())
            .map(|&i| &self.agencies[i])
    }

    /// The agency owning social handle `handle` (with or without `@`).
    pub fn by_handle(&self, handle: &str) -> Option<&Agency> {
        let key = handle.trim_start_matches('@').to_lowercase();
        self.by_handle.get(&key).map(|&i| &self.agencies[i])
    }

    /// Number of agencies.
    pub fn len(&self) -> usize {
        self.agencies.len()
    }

    /// True when the table holds no agency.
    pub fn is_empty(&self) -> bool {
        self.agencies.is_empty()
    }
}

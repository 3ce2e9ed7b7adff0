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

/// Column order of `data/agencies.tsv`, which documents it in comments only; a
/// line naming these columns is a header and skipped.
const COLUMNS: [&str; 7] = ["id", "name", "kind", "aliases", "handles", "qid", "country"];

/// One data line of the agency table, every cell trimmed and borrowed from the text
/// (so the gazetteer keeps `&'static str` names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgencyRow<'a> {
    /// 1-based line number.
    pub line: usize,
    /// Stable key, never empty.
    pub id: &'a str,
    /// Canonical name, never empty.
    pub name: &'a str,
    /// `agency`, `publisher` or `broadcaster`.
    pub kind: &'a str,
    aliases: &'a str,
    handles: &'a str,
    /// Wikidata item as written; empty when unknown.
    pub qid: &'a str,
    /// ISO 3166-1 alpha-2 country as written; empty when not given.
    pub country: &'a str,
}

impl<'a> AgencyRow<'a> {
    /// The `|`-separated aliases, trimmed, empty items skipped.
    pub fn aliases(&self) -> impl Iterator<Item = &'a str> {
        list(self.aliases)
    }

    /// The `|`-separated social handles as written (with or without `@`).
    pub fn handles(&self) -> impl Iterator<Item = &'a str> {
        list(self.handles)
    }
}

fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// The data lines of an agency table in file order: the one reader of its format,
/// for the metadata stage's [`AgencyTable`] and for the gazetteer's links alike.
/// Comments (`#`), blank lines and a header line are skipped.
pub fn agency_rows(tsv: &str) -> impl Iterator<Item = Result<AgencyRow<'_>, TableError>> {
    let header = |l: &str| l.split('\t').eq(COLUMNS);
    tsv.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(move |(_, l)| !l.trim().is_empty() && !l.starts_with('#') && !header(l))
        .map(|(line, l)| row(line, l))
}

fn row(line: usize, l: &str) -> Result<AgencyRow<'_>, TableError> {
    let c: Vec<&str> = l.split('\t').map(str::trim).collect();
    let [id, name, kind, aliases, handles, qid, country] = c[..] else {
        return Err(TableError::Columns {
            line,
            found: c.len(),
        });
    };
    if id.is_empty() || name.is_empty() {
        return Err(TableError::Empty { line });
    }
    Ok(AgencyRow {
        line,
        id,
        name,
        kind,
        aliases,
        handles,
        qid,
        country,
    })
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
        for row in agency_rows(tsv) {
            t.push(row?);
        }
        Ok(t)
    }

    fn push(&mut self, row: AgencyRow<'_>) {
        let idx = self.agencies.len();
        let opt = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
        for alias in row.aliases().chain(std::iter::once(row.name)) {
            self.by_alias.entry(alias.to_lowercase()).or_insert(idx);
        }
        for h in row.handles() {
            let key = h.trim_start_matches('@').to_lowercase();
            self.by_handle.entry(key).or_insert(idx);
        }
        self.agencies.push(Agency {
            id: row.id.to_string(),
            name: row.name.to_string(),
            kind: row.kind.to_string(),
            qid: opt(row.qid),
            country: opt(row.country),
        });
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

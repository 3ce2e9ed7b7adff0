//! A tiny header-driven TSV reader over `&'static str`, so every field stays a borrowed slice.

use super::error::GazError;

/// One data file: its name (for errors), header cells and data lines.
pub(crate) struct Table {
    file: &'static str,
    header: Vec<&'static str>,
    lines: Vec<(usize, &'static str)>,
}

/// One data line, with enough context to report a bad field precisely.
pub(crate) struct Row<'t> {
    table: &'t Table,
    line: usize,
    cells: Vec<&'static str>,
}

impl Table {
    /// Splits `text`: lines starting with `#` and blank lines are skipped, the first other
    /// line is the header.
    pub(crate) fn parse(file: &'static str, text: &'static str) -> Result<Table, GazError> {
        let mut lines = data_lines(text);
        let (_, head) = lines.next().ok_or(GazError::Empty { file })?;
        Ok(Table {
            file,
            header: head.split('\t').collect(),
            lines: lines.collect(),
        })
    }

    /// The rows in file order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.lines.iter().map(|&(line, l)| Row {
            table: self,
            line,
            cells: l.split('\t').collect(),
        })
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| *h == name)
    }
}

/// Numbered lines that are neither comments nor blank.
fn data_lines(text: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
}

impl Row<'_> {
    /// The trimmed cell under `column`; empty when the column or the cell is missing.
    pub(crate) fn get(&self, column: &str) -> &'static str {
        self.table
            .column(column)
            .and_then(|i| self.cells.get(i))
            .map_or("", |c| c.trim())
    }

    /// A cell that must not be empty.
    pub(crate) fn req(&self, column: &'static str) -> Result<&'static str, GazError> {
        match self.get(column) {
            "" => Err(self.bad(column, "missing value")),
            v => Ok(v),
        }
    }

    /// `Some(value)` for a non-empty cell.
    pub(crate) fn opt(&self, column: &str) -> Option<&'static str> {
        Some(self.get(column)).filter(|v| !v.is_empty())
    }

    /// An optional cell parsed as a number.
    pub(crate) fn num<T: std::str::FromStr>(
        &self,
        column: &'static str,
    ) -> Result<Option<T>, GazError> {
        self.opt(column)
            .map(|v| v.parse().map_err(|_| self.bad(column, "not a number")))
            .transpose()
    }

    /// A `|`-separated list cell; empty items are skipped.
    pub(crate) fn list(&self, column: &str) -> impl Iterator<Item = &'static str> {
        self.get(column)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// A typed error pointing at this row and column.
    pub(crate) fn bad(&self, column: &'static str, problem: &'static str) -> GazError {
        GazError::Field {
            file: self.table.file,
            line: self.line,
            column,
            problem,
        }
    }
}

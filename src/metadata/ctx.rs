//! What every part of the stage reads: the input, the date resolver and the tables.

use super::agencies::AgencyTable;
use super::piece::Piece;
use super::tables::Tables;
use super::types::{AgencyRef, DateField};
use super::DateResolver;
use crate::text::Span;

/// What every stage needs: the input, the date resolver and the agency table.
pub(crate) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) dates: &'a dyn DateResolver,
    pub(super) agencies: &'a AgencyTable,
    pub(super) tables: &'a Tables,
    /// The caller's document date, the only anchor for `3 hours ago`.
    pub(super) document_date: Option<&'a str>,
}

impl Ctx<'_> {
    /// First date in `p`, with the resolver's span checked and mapped into the input.
    pub(super) fn date_in(&self, p: Piece<'_>, anchor: Option<&str>) -> Option<DateField> {
        let found = self.dates.first_date(p.s, anchor)?;
        let r = found.span;
        p.s.get(r.clone())?;
        if r.is_empty() || found.value.is_empty() {
            return None;
        }
        let span = Span::new(p.off + r.start, p.off + r.end);
        Some(DateField {
            value: found.value,
            span,
        })
    }

    /// The agency named exactly by `p` (case-insensitive), as a reference with its span.
    pub(super) fn agency(&self, p: Piece<'_>) -> Option<AgencyRef> {
        let a = self.agencies.lookup(p.s)?;
        Some(AgencyRef::new(a, p.span()))
    }
}

//! Converting byte offsets into the unit a client asked for.
//!
//! Spans are byte ranges everywhere inside the library. Clients in Java or
//! JavaScript index strings by UTF-16 code units and Python by code points, so the
//! gRPC edge converts every offset once, at the very end, with an [`OffsetMap`].
//! The map keeps one checkpoint per 256 bytes, so a conversion costs at most
//! one short scan and the map itself stays tiny even for megabyte articles.

/// The unit an offset is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    /// UTF-8 bytes: what the library uses internally.
    #[default]
    Utf8,
    /// UTF-16 code units.
    Utf16,
    /// Unicode scalar values (Python `str` indices).
    CodePoint,
}

/// Bytes between two checkpoints.
const STRIDE: usize = 256;

/// Converts byte offsets of one text into another [`OffsetUnit`].
#[derive(Debug)]
pub struct OffsetMap<'t> {
    text: &'t str,
    unit: OffsetUnit,
    /// Units before byte `i * STRIDE` (rounded down to a char boundary).
    checkpoints: Vec<(usize, usize)>,
}

impl<'t> OffsetMap<'t> {
    /// Builds the map; O(n) once, then each conversion is O(STRIDE).
    pub fn new(text: &'t str, unit: OffsetUnit) -> Self {
        let identity = unit == OffsetUnit::Utf8 || text.is_ascii();
        let mut checkpoints = Vec::new();
        if !identity {
            let mut units = 0;
            let mut next = 0;
            for (i, c) in text.char_indices() {
                if i >= next {
                    checkpoints.push((i, units));
                    next = i + STRIDE;
                }
                units += unit_len(c, unit);
            }
        }
        let unit = if identity { OffsetUnit::Utf8 } else { unit };
        OffsetMap {
            text,
            unit,
            checkpoints,
        }
    }

    /// The offset of `byte` (a char boundary of the text) in the map's unit.
    pub fn convert(&self, byte: usize) -> usize {
        if self.unit == OffsetUnit::Utf8 {
            return byte;
        }
        let idx = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        let (base, units) = match idx.checked_sub(1) {
            Some(i) => self.checkpoints[i],
            None => (0, 0),
        };
        let end = byte.min(self.text.len());
        units
            + self.text[base..end]
                .chars()
                .map(|c| unit_len(c, self.unit))
                .sum::<usize>()
    }
}

fn unit_len(c: char, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Utf8 => c.len_utf8(),
        OffsetUnit::Utf16 => c.len_utf16(),
        OffsetUnit::CodePoint => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_counts_surrogate_pairs() {
        let t = "a😀b’c";
        let m = OffsetMap::new(t, OffsetUnit::Utf16);
        let b = t.find('b').unwrap_or_default();
        assert_eq!(m.convert(b), 3);
        assert_eq!(m.convert(t.len()), 6);
    }

    #[test]
    fn code_points_across_many_checkpoints() {
        let t = "é".repeat(1000);
        let m = OffsetMap::new(&t, OffsetUnit::CodePoint);
        assert_eq!(m.convert(1200), 600);
        assert_eq!(m.convert(t.len()), 1000);
    }
}

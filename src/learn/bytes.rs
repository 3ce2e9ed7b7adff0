//! The pieces of the model files every tagger reads: a bounds-checked little-endian reader
//! (fixed-size integers and floats, LEB128 varints) and the varint writer. A tagger lays
//! out its own file and maps a [`ReadError`] into its own error, naming what was read.

/// Why bytes could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// The bytes end before what was asked for, which starts at `at`.
    Truncated {
        /// Offset where more bytes were needed.
        at: usize,
    },
    /// A varint runs past 64 bits; `value` is what it read so far.
    Varint {
        /// The bits read.
        value: u64,
    },
}

/// Reads `b` from the front, each read checked against its end.
pub(crate) struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `b`.
    pub(crate) fn new(b: &'a [u8]) -> Self {
        Reader { b, at: 0 }
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], ReadError> {
        let s = self
            .at
            .checked_add(n)
            .and_then(|end| self.b.get(self.at..end))
            .ok_or(ReadError::Truncated { at: self.at })?;
        self.at += n;
        Ok(s)
    }

    /// The next `N` bytes as an array.
    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], ReadError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    /// A little-endian `u32`.
    pub(crate) fn u32(&mut self) -> Result<u32, ReadError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    /// A little-endian `u64`.
    pub(crate) fn u64(&mut self) -> Result<u64, ReadError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    /// A little-endian `f32`.
    pub(crate) fn f32(&mut self) -> Result<f32, ReadError> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    /// An unsigned LEB128 varint (see [`write_varint`]).
    pub(crate) fn varint(&mut self) -> Result<u64, ReadError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.array::<1>()?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ReadError::Varint { value: v })
    }

    /// The offset of the next read.
    pub(crate) fn at(&self) -> usize {
        self.at
    }

    /// How many bytes are left.
    pub(crate) fn remaining(&self) -> usize {
        self.b.len() - self.at
    }

    /// The length of the whole input (a bound for what a count in it may announce).
    pub(crate) fn total(&self) -> usize {
        self.b.len()
    }
}

/// LEB128: seven bits per byte, low bits first, high bit set on all but the last.
pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_reads_stop_at_the_end() {
        let mut out = Vec::new();
        for v in [0, 1, 127, 128, 300, u64::MAX] {
            write_varint(&mut out, v);
        }
        out.extend(7u32.to_le_bytes());
        let mut r = Reader::new(&out);
        for v in [0, 1, 127, 128, 300, u64::MAX] {
            assert_eq!(r.varint(), Ok(v));
        }
        assert_eq!(r.remaining(), 4);
        assert_eq!(r.u32(), Ok(7));
        let at = out.len();
        assert_eq!(r.u32(), Err(ReadError::Truncated { at }));
        assert_eq!(Reader::new(&[0xff; 10]).varint().map_err(|_| ()), Err(()));
    }
}

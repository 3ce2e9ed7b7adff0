//! Spans of one text as wire messages, in the offset unit the client asked for; shared by
//! the converters of every part of the response.

use super::pb;
use crate::text::offsets::{OffsetMap, OffsetUnit};
use crate::text::Span;

/// Converts spans of one text into wire messages in the client's unit.
pub struct Wire<'t> {
    text: &'t str,
    map: OffsetMap<'t>,
}

impl<'t> Wire<'t> {
    pub(super) fn new(text: &'t str, unit: OffsetUnit) -> Self {
        Wire {
            text,
            map: OffsetMap::new(text, unit),
        }
    }

    pub(super) fn span(&self, s: Span) -> pb::Span {
        pb::Span {
            start: self.pos(s.start),
            end: self.pos(s.end),
        }
    }

    fn pos(&self, byte: usize) -> u32 {
        u32::try_from(self.map.convert(byte)).unwrap_or(u32::MAX)
    }

    pub(super) fn text_of(&self, s: Span) -> String {
        s.slice(self.text).to_owned()
    }
}

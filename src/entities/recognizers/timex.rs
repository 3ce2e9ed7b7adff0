//! Time expressions of the time stage as DATE/TIME/DURATION/SET candidates.
//!
//! The time stage runs on its own switch and also serves the metadata stage, so
//! the entity stage takes its output instead of running it.

use crate::entities::{Candidate, EntityType, Source, TimexAttrs, TimexType};
use crate::time::{self, Timex};

/// Time expressions become candidates carrying their TimeML value (a grammar
/// match with its value: confidence 1).
pub fn timex_candidates(timexes: &[Timex]) -> Vec<Candidate> {
    timexes
        .iter()
        .map(|t| {
            let (kind, timex_type) = match t.kind {
                time::TimexType::Date => (EntityType::Date, TimexType::Date),
                time::TimexType::Time => (EntityType::Time, TimexType::Time),
                time::TimexType::Duration => (EntityType::Duration, TimexType::Duration),
                time::TimexType::Set => (EntityType::Set, TimexType::Set),
            };
            let attrs = TimexAttrs {
                timex_type,
                value: t.value.clone(),
                modifier: t.modifier.map(str::to_owned),
            };
            Candidate {
                timex: Some(attrs),
                ..Candidate::new(t.span, kind, Source::Timex, 1.0)
            }
        })
        .collect()
}

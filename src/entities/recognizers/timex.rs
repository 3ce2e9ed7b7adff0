//! Time expressions of the time stage as DATE/TIME/DURATION/SET candidates.
//!
//! The time stage runs on its own switch and also serves the metadata stage, so
//! the entity stage takes its output instead of running it.

use crate::entities::{Candidate, EntityType, Source, TimexAttrs, TimexType};
use crate::time::Timex;

/// Time expressions become candidates carrying their TimeML value (a grammar
/// match with its value: confidence 1).
pub fn timex_candidates(timexes: &[Timex]) -> Vec<Candidate> {
    timexes
        .iter()
        .map(|t| {
            let kind = match t.kind {
                TimexType::Date => EntityType::Date,
                TimexType::Time => EntityType::Time,
                TimexType::Duration => EntityType::Duration,
                TimexType::Set => EntityType::Set,
            };
            let attrs = TimexAttrs {
                timex_type: t.kind,
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

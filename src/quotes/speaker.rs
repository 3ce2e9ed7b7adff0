//! Source span to entity. A source that contains a mention of a speaking kind of
//! entity (a person, organization, country, group) is that entity, which covers
//! descriptions such as "the colonel general" that the entity stage already grouped
//! with a name. A pronoun source is the nearest fitting entity mentioned before it:
//! a person for "he", "she", "I", "who"; an organization, country or group for "it",
//! "they", "we", "which"; the usual antecedent of a reporting clause in news prose,
//! where the speaker is named before being referred back to.

use super::lexicon::is_pronoun;
use crate::entities::{Entity, EntityType};
use crate::text::Span;

/// Mentions of speaking entities in text order, each with its entity.
pub(crate) struct Resolver<'a> {
    text: &'a str,
    mentions: Vec<(Span, &'a Entity)>,
}

fn speaks(kind: EntityType) -> bool {
    use EntityType::*;
    matches!(kind, Person | Org | Gpe | Norp | Title | Misc | Fac)
}

impl<'a> Resolver<'a> {
    /// Indexes the mentions of `entities` in `text`.
    pub(crate) fn new(text: &'a str, entities: &'a [Entity]) -> Self {
        let mut mentions: Vec<(Span, &Entity)> = entities
            .iter()
            .filter(|e| speaks(e.kind))
            .flat_map(|e| e.mentions.iter().map(move |m| (m.span, e)))
            .collect();
        mentions.sort_by_key(|(s, _)| (s.start, s.end));
        Resolver { text, mentions }
    }

    /// The id of the entity `source` refers to, if any.
    pub(crate) fn resolve(&self, source: Span) -> Option<String> {
        self.within(source)
            .or_else(|| self.antecedent(source))
            .map(|e| e.id.clone())
    }

    /// The entity with the longest mention inside the source, persons first.
    fn within(&self, source: Span) -> Option<&'a Entity> {
        self.mentions
            .iter()
            .filter(|(m, _)| m.start < source.end && source.start < m.end)
            .max_by_key(|(m, e)| (e.kind == EntityType::Person, m.end - m.start))
            .map(|(_, e)| *e)
    }

    /// For a pronoun source, the nearest fitting entity mentioned before it.
    fn antecedent(&self, source: Span) -> Option<&'a Entity> {
        let word = source.slice(self.text).trim().to_lowercase();
        if !is_pronoun(&word) {
            return None;
        }
        let person = matches!(word.as_str(), "he" | "she" | "i" | "who" | "his" | "her");
        let before = self
            .mentions
            .partition_point(|(m, _)| m.end <= source.start);
        self.mentions[..before]
            .iter()
            .rev()
            .map(|(_, e)| *e)
            .find(|e| (e.kind == EntityType::Person) == person && e.kind != EntityType::Title)
    }
}

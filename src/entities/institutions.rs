//! State institutions ("Defense Ministry", "Armed Forces", "General Staff") as ORG
//! candidates, and the modifiers that tie an ORG to its country: a possessive
//! country ("Azerbaijan’s Defense Ministry") or a demonym ("Russian Armed Forces").
//!
//! A statistical model trained on CoNLL finds such bodies unreliably, because
//! Reuters text names them in many shapes; news consumers care most about exactly
//! these organizations, so a curated lexicon backs the model up.

use super::{Candidate, EntityType, Recognizer, Source};
use crate::doc::Doc;
use crate::text::Span;
use aho_corasick::{AhoCorasick, MatchKind};

const LEXICON: &str = include_str!("../../data/institutions.tsv");

/// Finds institution names from `data/institutions.tsv`.
#[derive(Debug)]
pub struct InstitutionRecognizer {
    automaton: AhoCorasick,
}

impl InstitutionRecognizer {
    /// Builds the automaton over the embedded lexicon.
    pub fn builtin() -> Result<Self, aho_corasick::BuildError> {
        let phrases = LEXICON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases)?;
        Ok(InstitutionRecognizer { automaton })
    }

    /// ORG candidates on word boundaries.
    pub fn scan(&self, text: &str) -> Vec<Candidate> {
        self.automaton
            .find_iter(text)
            .filter(|m| on_word_boundaries(text, m.start(), m.end()))
            .map(|m| {
                Candidate::new(
                    Span::new(m.start(), m.end()),
                    EntityType::Org,
                    Source::Rule,
                    0.8,
                )
            })
            .collect()
    }
}

impl Recognizer for InstitutionRecognizer {
    fn recognize(&self, doc: &Doc<'_>) -> Vec<Candidate> {
        self.scan(doc.text)
    }
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Extends each institution candidate over a country modifier right before it: a GPE
/// followed by `’s`/`'s` ("Azerbaijan’s Defense Ministry") or a NORP adjective
/// ("Russian Armed Forces"). The ORG takes the modifier's country; the modifier
/// stays a candidate of its own, so it remains a mention of that country.
pub fn attach_country_modifiers(text: &str, cands: &mut [Candidate]) {
    let modifiers: Vec<(Span, EntityType, Option<String>)> = cands
        .iter()
        .filter(|c| matches!(c.kind, EntityType::Gpe | EntityType::Norp))
        .map(|c| (c.span, c.kind, c.country.clone()))
        .collect();
    // Only the lexicon's generic bodies need their country to be named ("the
    // Defense Ministry" of whom?); before a proper name ("pro-Socialist CFDT",
    // "Russia's Gazprom") the modifier is not part of the name.
    let institution = |c: &Candidate| c.kind == EntityType::Org && c.source == Source::Rule;
    for c in cands.iter_mut().filter(|c| institution(c)) {
        let found = modifiers
            .iter()
            .find(|(span, kind, _)| joins(text, *span, *kind, c.span));
        if let Some((span, _, country)) = found {
            c.span = Span::new(span.start, c.span.end);
            if c.country.is_none() {
                c.country.clone_from(country);
            }
        }
    }
}

/// True when `modifier` ends right before `org` with the right glue between.
fn joins(text: &str, modifier: Span, kind: EntityType, org: Span) -> bool {
    if modifier.end > org.start {
        return false;
    }
    let Some(glue) = text.get(modifier.end..org.start) else {
        return false;
    };
    match kind {
        EntityType::Gpe => matches!(glue, "’s " | "'s "),
        EntityType::Norp => glue == " ",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str, s: &str, kind: EntityType, country: Option<&str>) -> Candidate {
        let start = text.find(s).unwrap_or_default();
        let source = match kind {
            EntityType::Org => Source::Rule,
            _ => Source::Gazetteer,
        };
        Candidate {
            country: country.map(str::to_owned),
            ..Candidate::new(Span::new(start, start + s.len()), kind, source, 0.9)
        }
    }

    #[test]
    fn a_modifier_before_a_proper_name_stays_outside_it() {
        let text = "the Chilean Codelco and Peru’s Petroperu grew.";
        let mut cands = vec![
            cand(text, "Chilean", EntityType::Norp, Some("Chile")),
            Candidate::new(Span::new(12, 19), EntityType::Org, Source::Model, 0.9),
            cand(text, "Peru", EntityType::Gpe, Some("Peru")),
        ];
        let i = text.find("Petroperu").unwrap_or_default();
        cands.push(Candidate::new(
            Span::new(i, i + 9),
            EntityType::Org,
            Source::Model,
            0.9,
        ));
        attach_country_modifiers(text, &mut cands);
        assert_eq!(cands[1].span.slice(text), "Codelco");
        assert_eq!(cands[3].span.slice(text), "Petroperu");
    }

    #[test]
    fn finds_institutions_on_word_boundaries_only() {
        let r = InstitutionRecognizer::builtin().expect("lexicon builds");
        let text = "the Defense Ministry and the Navy, not Navyseals or the Policeman";
        let found: Vec<&str> = r.scan(text).iter().map(|c| c.span.slice(text)).collect();
        assert_eq!(found, ["Defense Ministry", "Navy"]);
    }

    #[test]
    fn possessive_country_and_demonym_attach_to_the_org() {
        let text = "Azerbaijan’s Defense Ministry and the Russian Armed Forces met.";
        let mut cands = vec![
            cand(text, "Azerbaijan", EntityType::Gpe, Some("Azerbaijan")),
            cand(text, "Defense Ministry", EntityType::Org, None),
            cand(text, "Russian", EntityType::Norp, Some("Russia")),
            cand(text, "Armed Forces", EntityType::Org, None),
        ];
        attach_country_modifiers(text, &mut cands);
        assert_eq!(cands[1].span.slice(text), "Azerbaijan’s Defense Ministry");
        assert_eq!(cands[1].country.as_deref(), Some("Azerbaijan"));
        assert_eq!(cands[3].span.slice(text), "Russian Armed Forces");
        assert_eq!(cands[3].country.as_deref(), Some("Russia"));
    }

    #[test]
    fn distant_or_unglued_modifiers_do_not_attach() {
        let text = "Azerbaijan said the Defense Ministry agreed.";
        let mut cands = vec![
            cand(text, "Azerbaijan", EntityType::Gpe, Some("Azerbaijan")),
            cand(text, "Defense Ministry", EntityType::Org, None),
        ];
        attach_country_modifiers(text, &mut cands);
        assert_eq!(cands[1].span.slice(text), "Defense Ministry");
    }
}

//! How central each entity is to the article.
//!
//! For an entity with mentions `M` in a text of `L` bytes:
//!
//! ```text
//! count = sum over M of w(kind)      w: Proper, Acronym 1.0; Nominal 0.8;
//!                                       Pronoun, CompoundPart 0.5
//! pos   = 1 - first_mention_start / L                  (in [0, 1])
//! lead  = 1 if a mention lies in the lead, else 0
//! raw   = f(type) * (ln(1 + count) + 0.5 * pos + 0.75 * lead)
//!         f: 1.0 for named things, 0.6 for MISC and TITLE,
//!            0.3 for dates, numbers, handles, URLs and e-mails
//! ```
//!
//! With `r1 >= r2` the two largest raw scores (`r2 = 0` for a single entity), the
//! dominance `d = r1 / (r1 + r2)` lies in `[0.5, 1]`, and
//! `salience = d * raw / r1`. The top entity therefore scores `d`: close to 1 when
//! it dominates the article, 0.5 when another entity is just as prominent; every
//! other entity scales with its raw score.

use super::types::{EntityType, Mention, MentionKind};
use crate::text::Span;

/// Raw (unnormalized) prominence of one entity; see the module docs.
pub fn raw_score(kind: EntityType, mentions: &[Mention], text_len: usize, lead: Span) -> f32 {
    let count: f32 = mentions.iter().map(|m| kind_weight(m.kind)).sum();
    let first = mentions
        .iter()
        .map(|m| m.span.start)
        .min()
        .unwrap_or(text_len);
    let pos = 1.0 - first as f32 / text_len.max(1) as f32;
    let in_lead = mentions
        .iter()
        .any(|m| lead.contains(&m.span) && !lead.is_empty());
    let lead_bonus = if in_lead { 0.75 } else { 0.0 };
    type_factor(kind) * ((1.0 + count).ln() + 0.5 * pos.clamp(0.0, 1.0) + lead_bonus)
}

/// Turns raw scores into saliences in `[0, 1]`; see the module docs.
pub fn normalize(raw: &[f32]) -> Vec<f32> {
    let (mut r1, mut r2) = (0.0_f32, 0.0_f32);
    for &r in raw {
        if r > r1 {
            r2 = r1;
            r1 = r;
        } else if r > r2 {
            r2 = r;
        }
    }
    if r1 <= 0.0 {
        return vec![0.0; raw.len()];
    }
    let d = r1 / (r1 + r2);
    raw.iter().map(|r| (d * r / r1).clamp(0.0, 1.0)).collect()
}

/// The lead region: the given one, else the first paragraph of at least twelve
/// words, else the first sentence, else nothing.
pub fn lead_span(text: &str, lead: Option<Span>, paragraphs: &[Span], sentences: &[Span]) -> Span {
    let long = |s: &&Span| {
        text.get(s.start..s.end)
            .is_some_and(|p| p.split_whitespace().count() >= 12)
    };
    lead.or_else(|| paragraphs.iter().find(long).copied())
        .or_else(|| sentences.first().copied())
        .unwrap_or_default()
}

fn kind_weight(kind: MentionKind) -> f32 {
    match kind {
        MentionKind::Proper | MentionKind::Acronym => 1.0,
        MentionKind::Nominal => 0.8,
        MentionKind::Pronoun | MentionKind::CompoundPart => 0.5,
    }
}

fn type_factor(kind: EntityType) -> f32 {
    match kind {
        EntityType::Misc | EntityType::Title => 0.6,
        k if k.is_name() => 1.0,
        _ => 0.3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proper(start: usize) -> Mention {
        Mention {
            span: Span::new(start, start + 4),
            kind: MentionKind::Proper,
        }
    }

    #[test]
    fn dominant_entity_scores_near_one_and_tie_scores_half() {
        let lead = Span::new(0, 50);
        let big = raw_score(
            EntityType::Person,
            &[proper(0), proper(60), proper(80)],
            100,
            lead,
        );
        let small = raw_score(EntityType::Cardinal, &[proper(90)], 100, lead);
        let s = normalize(&[big, small]);
        assert!(s[0] > 0.8 && s[1] < 0.2, "{s:?}");
        assert_eq!(normalize(&[1.0, 1.0]), vec![0.5, 0.5]);
        assert_eq!(normalize(&[2.0]), vec![1.0]);
        assert!(normalize(&[]).is_empty());
    }

    #[test]
    fn earlier_and_lead_mentions_score_higher() {
        let lead = Span::new(0, 10);
        let early = raw_score(EntityType::Org, &[proper(0)], 100, lead);
        let late = raw_score(EntityType::Org, &[proper(90)], 100, lead);
        assert!(early > late);
    }
}

//! First grouping pass: every kept candidate except titles becomes a mention.
//!
//! Full person names are grouped first so that a lone surname can join the full
//! name ending with it; when several do, the most recently mentioned one wins.

use super::candidate::Candidate;
use super::mentions::{norm_key, proper_kind, Groups};
use super::types::{EntityType, MentionKind};
use rustc_hash::FxHashMap;

/// Groups the kept candidates (titles excluded) and the nested parts.
pub(crate) fn group(text: &str, cands: &[Candidate], parts: &[Candidate]) -> Groups {
    let mut g = Groups::new(cands.len());
    let mut surnames: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, c) in cands.iter().enumerate() {
        if c.kind == EntityType::Person && word_count(c.text(text)) >= 2 {
            g.add(text, i, c, MentionKind::Proper);
            let key = norm_key(last_word(c.text(text)));
            if let Some(cl) = g.cluster_of[i] {
                let list = surnames.entry(key).or_default();
                if !list.contains(&cl) {
                    list.push(cl);
                }
            }
        }
    }
    for (i, c) in cands.iter().enumerate() {
        if c.kind == EntityType::Title || g.cluster_of[i].is_some() {
            continue;
        }
        let kind = proper_kind(text, cands, i);
        let known = (c.kind == EntityType::Person)
            .then(|| surnames.get(&norm_key(c.text(text))))
            .flatten();
        match known.and_then(|list| pick_recent(&g, list, c.span.start)) {
            Some(cl) => g.add_to(cl, i, c, kind),
            None => g.add(text, i, c, kind),
        }
    }
    for p in parts {
        g.add_extra(text, p, MentionKind::CompoundPart);
    }
    g
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn last_word(s: &str) -> &str {
    s.split_whitespace().next_back().unwrap_or(s)
}

/// Among clusters sharing a surname, the one mentioned last before `pos`.
fn pick_recent(g: &Groups, list: &[usize], pos: usize) -> Option<usize> {
    if let [only] = list {
        return Some(g.live(*only));
    }
    let last_before = |&c: &usize| {
        let ms = &g.clusters[g.live(c)].mentions;
        ms.iter().map(|m| m.span.start).filter(|&s| s < pos).max()
    };
    list.iter()
        .max_by_key(|c| last_before(c))
        .or(list.first())
        .map(|&c| g.live(c))
}

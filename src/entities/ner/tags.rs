//! BILOU tag set: `O` plus Begin/Inside/Last/Unit for each of the four labels.

use super::NerLabel;
use std::ops::Range;
use std::sync::OnceLock;

/// Number of tags: `O` + 4 positions x 4 labels.
pub(crate) const N_TAGS: usize = 17;
/// The outside tag.
pub(crate) const O: u8 = 0;

/// A weight table over this tag set.
pub(crate) type Table = crate::learn::table::Table<N_TAGS>;
/// One row of a [`Table`]: a weight per tag.
pub(crate) type Row = crate::learn::table::Row<N_TAGS>;

/// Position of a token inside its entity.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    B = 0,
    I = 1,
    L = 2,
    U = 3,
}

/// The tag for `label` at `pos`.
#[cfg(any(test, feature = "train"))]
pub(crate) fn tag(label: NerLabel, pos: Pos) -> u8 {
    1 + (label.index() as u8) * 4 + pos as u8
}

/// Label and position of a tag; `None` for `O`.
pub(crate) fn split(t: u8) -> Option<(NerLabel, Pos)> {
    let k = t.checked_sub(1)? as usize;
    let pos = [Pos::B, Pos::I, Pos::L, Pos::U][k % 4];
    Some((*NerLabel::ALL.get(k / 4)?, pos))
}

/// Entity type index 1..=4 of a tag, 0 for `O` (used by document features).
pub(crate) fn type_of(t: u8) -> u8 {
    split(t).map_or(0, |(l, _)| l.index() as u8 + 1)
}

/// Whether `next` may follow `prev`; `last` forbids tags that leave an entity open. The
/// decoders read it through [`allowed_mask`].
pub(crate) fn allowed(prev: u8, next: u8, last: bool) -> bool {
    let open = |t: u8| matches!(split(t), Some((_, Pos::B | Pos::I)));
    let next_split = split(next);
    if last && open(next) {
        return false;
    }
    match (split(prev), next_split) {
        (Some((pl, Pos::B | Pos::I)), Some((nl, Pos::I | Pos::L))) => pl == nl,
        (Some((_, Pos::B | Pos::I)), _) => false,
        (_, Some((_, Pos::I | Pos::L))) => false,
        _ => true,
    }
}

/// Bit `t` set: tag `t` may follow `prev` ([`allowed`] tabulated once, for the decoders'
/// inner loops; `prev` outside the tag set counts as `O`).
pub(crate) fn allowed_mask(prev: u8, last: bool) -> u32 {
    static MASKS: OnceLock<[[u32; 2]; N_TAGS]> = OnceLock::new();
    let masks = MASKS.get_or_init(|| {
        let mut out = [[0u32; 2]; N_TAGS];
        for (p, row) in out.iter_mut().enumerate() {
            for (l, mask) in row.iter_mut().enumerate() {
                *mask = (0..N_TAGS as u8)
                    .filter(|&t| allowed(p as u8, t, l == 1))
                    .fold(0, |m, t| m | 1 << t);
            }
        }
        out
    });
    let p = if usize::from(prev) < N_TAGS { prev } else { O };
    masks[usize::from(p)][usize::from(last)]
}

/// BILOU tags for `n` tokens given entity token ranges (assumed disjoint and sorted).
#[cfg(any(test, feature = "train"))]
pub(crate) fn encode(n: usize, entities: &[(Range<usize>, NerLabel)]) -> Vec<u8> {
    let mut out = vec![O; n];
    for (r, label) in entities {
        if r.is_empty() || r.end > n {
            continue;
        }
        if r.len() == 1 {
            out[r.start] = tag(*label, Pos::U);
            continue;
        }
        out[r.start] = tag(*label, Pos::B);
        for t in &mut out[r.start + 1..r.end - 1] {
            *t = tag(*label, Pos::I);
        }
        out[r.end - 1] = tag(*label, Pos::L);
    }
    out
}

/// Entity token ranges from a tag sequence; lenient like conlleval: an `I`/`L` that
/// does not continue an open entity of its label starts one, `O` or `B` closes one.
pub(crate) fn decode(tags: &[u8]) -> Vec<(Range<usize>, NerLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerLabel)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let cur = split(t);
        let continues =
            matches!((open, cur), (Some((_, ol)), Some((l, Pos::I | Pos::L))) if ol == l);
        if !continues {
            if let Some((s, l)) = open.take() {
                out.push((s..i, l));
            }
            open = cur.map(|(l, _)| (i, l));
        }
        if let Some((l, Pos::L | Pos::U)) = cur {
            let start = open.take().map_or(i, |(s, _)| s);
            out.push((start..i + 1, l));
        }
    }
    if let Some((s, l)) = open {
        out.push((s..tags.len(), l));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_round_trip() {
        let ents = vec![
            (0..2, NerLabel::Per),
            (3..4, NerLabel::Loc),
            (5..8, NerLabel::Org),
        ];
        let tags = encode(9, &ents);
        assert_eq!(decode(&tags), ents);
        for w in tags.windows(2) {
            assert!(allowed(w[0], w[1], false));
        }
    }

    #[test]
    fn the_mask_table_is_the_transition_rule() {
        for prev in (0..N_TAGS as u8).chain([99]) {
            for next in 0..N_TAGS as u8 {
                for last in [false, true] {
                    let bit = allowed_mask(prev, last) >> next & 1 == 1;
                    assert_eq!(bit, allowed(prev, next, last), "{prev} {next} {last}");
                }
            }
        }
    }

    #[test]
    fn transitions_keep_entities_closed() {
        let b = tag(NerLabel::Per, Pos::B);
        assert!(!allowed(b, O, false));
        assert!(!allowed(O, tag(NerLabel::Per, Pos::I), false));
        assert!(!allowed(b, tag(NerLabel::Org, Pos::L), false));
        assert!(!allowed(O, b, true));
        assert!(allowed(b, tag(NerLabel::Per, Pos::L), true));
    }
}

//! Names inside names: which losing place and nationality names stay as
//! compound-part mentions of the name around them.

use crate::entities::{Candidate, EntityType};

/// Losing GPE/NORP/LOC candidates lying strictly inside a kept name: they become
/// compound-part mentions ("Azerbaijan" in "Azerbaijan's Defense Ministry").
pub(super) fn nested_parts(kept: &[Candidate], mut lost: Vec<Candidate>) -> Vec<Candidate> {
    use EntityType::{Gpe, Loc, Norp};
    lost.retain(|c| matches!(c.kind, Gpe | Norp | Loc));
    let mut parts: Vec<Candidate> = Vec::new();
    for cand in lost {
        let i = kept.partition_point(|k| k.span.end <= cand.span.start);
        let Some(host) = kept.get(i) else { continue };
        let inside = host.span.contains(&cand.span) && host.span != cand.span;
        let fresh = !parts.iter().any(|p| p.span.overlaps(&cand.span));
        if inside && host.kind.is_name() && fresh {
            parts.push(cand);
        }
    }
    parts.sort_by_key(|c| c.span);
    parts
}

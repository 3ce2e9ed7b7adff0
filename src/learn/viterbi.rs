//! First-order Viterbi under a transition constraint, for taggers whose features do not
//! see the tags (the quote tagger): each token's tag scores are fixed before decoding, and
//! a learned transition weight links each pair of tags.

/// The best tag sequence for emission scores `em` and transitions `trans` (`trans[p][t]`:
/// tag `p` followed by `t`; row `N` is the sequence start), where `allowed(prev, t)` says
/// whether `t` may follow `prev` (`None` at the start).
///
/// `allowed` is folded into the transitions once per call rather than asked for each of
/// the `N²` pairs at every token, and only the previous token's scores are kept; every
/// allowed sum is still computed, in the same order as a pair-by-pair decode would, so the
/// path is the same.
pub(crate) fn viterbi<const N: usize>(
    em: &[[f32; N]],
    trans: &[[f32; N]],
    allowed: impl Fn(Option<u8>, u8) -> bool,
) -> Vec<u8> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    debug_assert_eq!(trans.len(), N + 1, "a transition row per tag and the start");
    // step[t][p]: the transition p -> t, minus infinity where `allowed` forbids it. A
    // forbidden step then sums to minus infinity (or NaN), which is never greater than
    // `best`, exactly as skipping it was; so is an unreachable `prev[p]`, which needs no
    // test of its own either.
    let step: [[f32; N]; N] = std::array::from_fn(|t| {
        std::array::from_fn(|p| {
            if allowed(Some(p as u8), t as u8) {
                trans[p][t]
            } else {
                f32::NEG_INFINITY
            }
        })
    });
    let mut score = [f32::NEG_INFINITY; N];
    let mut back = vec![[0u8; N]; n];
    for t in 0..N {
        if allowed(None, t as u8) {
            score[t] = em[0][t] + trans[N][t];
        }
    }
    for i in 1..n {
        let prev = score;
        for t in 0..N {
            let mut best = (f32::NEG_INFINITY, 0u8);
            for (p, (&from, &w)) in prev.iter().zip(&step[t]).enumerate() {
                let s = from + w;
                if s > best.0 {
                    best = (s, p as u8);
                }
            }
            score[t] = best.0 + em[i][t];
            back[i][t] = best.1;
        }
    }
    let mut t = (0..N)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
        .unwrap_or(0) as u8;
    let mut out = vec![0u8; n];
    for i in (0..n).rev() {
        out[i] = t;
        t = back[i][t as usize];
    }
    out
}

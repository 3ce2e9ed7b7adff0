//! The averaged perceptron's weights while training: dense `f32` rows of `N` weights (one
//! per tag) plus the running sums that average them (Daumé's trick: the average of the
//! weights over every step is `w - acc / step`, where `acc` sums each update times the
//! step it was made at). Which row a feature updates is the tagger's: a hashed row or a
//! bucket number.

use std::ops::AddAssign;

/// The number type of the averaging clock and the running sums. The quote tagger keeps
/// them in `f64` and the NER tagger in `f32`; each model file was trained with its own, so
/// each keeps it (the averages, and so the files, depend on the rounding).
pub(crate) trait Clock: Copy + Default + AddAssign {
    /// The clock before the first update.
    const START: Self;
    /// Moves the clock on by `n` steps.
    fn advance(&mut self, n: usize);
    /// An update `by` made at this step, as it enters the running sum.
    fn times(self, by: f32) -> Self;
    /// The average of a weight `w` with running sum `acc` at `step`.
    fn average(w: f32, acc: Self, step: Self) -> f32;
}

impl Clock for f32 {
    const START: f32 = 1.0;
    fn advance(&mut self, n: usize) {
        *self += n as f32;
    }
    fn times(self, by: f32) -> f32 {
        by * self
    }
    fn average(w: f32, acc: f32, step: f32) -> f32 {
        w - acc / step
    }
}

impl Clock for f64 {
    const START: f64 = 1.0;
    fn advance(&mut self, n: usize) {
        *self += n as f64;
    }
    fn times(self, by: f32) -> f64 {
        f64::from(by) * self
    }
    fn average(w: f32, acc: f64, step: f64) -> f32 {
        (f64::from(w) - acc / step) as f32
    }
}

/// Weights of `rows` rows of `N` tags with their running sums, on clock type `C`.
pub(crate) struct Averaged<const N: usize, C: Clock> {
    w: Vec<f32>,
    acc: Vec<C>,
    step: C,
}

impl<const N: usize, C: Clock> Averaged<N, C> {
    /// Zero weights over `rows` rows.
    pub(crate) fn new(rows: usize) -> Self {
        Averaged {
            w: vec![0.0; rows * N],
            acc: vec![C::default(); rows * N],
            step: C::START,
        }
    }

    /// Adds `by` to the weight of `tag` in `row`.
    #[inline]
    pub(crate) fn add(&mut self, row: usize, tag: usize, by: f32) {
        let k = row * N + tag;
        self.w[k] += by;
        self.acc[k] += self.step.times(by);
    }

    /// Advances the averaging clock by `n` steps.
    pub(crate) fn tick(&mut self, n: usize) {
        self.step.advance(n);
    }

    /// Adds the current weights of `rows` to `scores`, row after row.
    #[inline]
    pub(crate) fn score(&self, rows: impl IntoIterator<Item = usize>, scores: &mut [f32; N]) {
        for r in rows {
            for (s, w) in scores.iter_mut().zip(&self.w[r * N..r * N + N]) {
                *s += w;
            }
        }
    }

    /// The current weights, row-major.
    pub(crate) fn weights(&self) -> &[f32] {
        &self.w
    }

    /// The averaged weights, row-major.
    pub(crate) fn averaged(&self) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.acc)
            .map(|(w, a)| C::average(*w, *a, self.step))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A weight of 3 added at step 1 and taken back at step 3 was held for two of the
    /// four steps the clock has counted: it averages to 1.5, in either clock type.
    #[test]
    fn averages_over_the_steps_a_weight_was_held() {
        fn run<C: Clock>() -> Vec<f32> {
            let mut p = Averaged::<2, C>::new(1);
            p.add(0, 1, 3.0);
            p.tick(2);
            p.add(0, 1, -3.0);
            p.tick(1);
            p.averaged()
        }
        assert_eq!(run::<f32>(), [0.0, 1.5]);
        assert_eq!(run::<f64>(), [0.0, 1.5]);
    }
}

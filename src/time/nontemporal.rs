//! Time words that TimeML leaves unannotated although the grammar matches them:
//! show titles (`60 Minutes`), newspapers (`the party daily Granma`),
//! measurement rates (`instructions per second`) and period-to-period
//! comparisons (`quarter-to-quarter`).

use super::lexicon;
use super::scan::{Kind, Scanned};

/// Tokens `a..b` matched a rule but do not denote a time here.
pub(crate) fn non_temporal(s: &Scanned, a: usize, b: usize) -> bool {
    titled_unit(s, b) || newspaper(s, a, b) || measurement_rate(s, a, b) || comparison(s, b)
}

/// `the Communist Party daily Granma`: "daily" as a noun before the paper's name.
fn newspaper(s: &Scanned, a: usize, b: usize) -> bool {
    b == a + 1
        && s.low(a) == "daily"
        && s.tok(b)
            .is_some_and(|t| t.kind == Kind::Word && t.cap && t.space_before)
}

/// `CBS's "60 Minutes"`, `"48 Hours"`: a number before a capitalised unit
/// mid-sentence is a programme title, not an amount of time.
fn titled_unit(s: &Scanned, b: usize) -> bool {
    let number_last = b > 0 && s.tok(b - 1).is_some_and(|t| t.kind == Kind::Num);
    let capitalised_unit = s
        .tok(b)
        .is_some_and(|t| t.kind == Kind::Word && t.cap && t.space_before && !t.para_before);
    number_last && capitalised_unit && lexicon::unit(s.low(b)).is_some()
}

/// `15 million instructions per second`, `60 miles per hour`, `average daily
/// volume`: the unit is the denominator of a measure (speed, throughput, a
/// per-day average), not a recurring time.
fn measurement_rate(s: &Scanned, a: usize, b: usize) -> bool {
    let per_unit = s.low(a) == "per" && b == a + 2;
    let averaged = a > 0 && s.low(a - 1) == "average" && b == a + 1;
    (per_unit && matches!(s.low(a + 1), "second" | "minute" | "hour"))
        || (averaged && matches!(s.low(a), "daily" | "weekly" | "monthly" | "yearly"))
}

/// `the quarter-to-quarter comparison`, `year-over-year growth`, `day-to-day
/// operations`: a comparison between any two periods, not a particular one.
fn comparison(s: &Scanned, b: usize) -> bool {
    let glued = |j: usize| s.tok(j).is_some_and(|t| !t.space_before);
    s.low(b) == "-"
        && glued(b)
        && matches!(s.low(b + 1), "to" | "over" | "on")
        && s.low(b + 2) == "-"
        && lexicon::unit(s.low(b + 3)).is_some()
}

#[cfg(test)]
mod tests {
    use crate::time::TimexRecognizer;

    fn texts(text: &str) -> Vec<String> {
        let anchor = crate::time::parse_anchor("1989-10-27").ok();
        TimexRecognizer::new()
            .recognize(text, anchor.as_ref())
            .iter()
            .map(|t| t.span.slice(text).to_string())
            .collect()
    }

    #[test]
    fn show_titles_with_a_unit_are_not_times() {
        assert!(texts("He said on CBS's ''60 Minutes.'' that it was over.").is_empty());
        assert_eq!(texts("He waited 60 minutes."), ["60 minutes"]);
    }

    #[test]
    fn a_daily_newspaper_is_not_a_set() {
        assert!(texts("The Communist Party daily Granma said so.").is_empty());
        assert_eq!(texts("Rallies were held daily. Granma said so."), ["daily"]);
    }

    #[test]
    fn measurement_rates_are_not_sets() {
        assert!(texts("It runs 15 million instructions per second.").is_empty());
        assert_eq!(texts("They meet once per week."), ["per week"]);
        assert!(texts("Average daily volume was 133 million shares.").is_empty());
        assert_eq!(texts("Prices are set daily."), ["daily"]);
    }

    #[test]
    fn period_comparisons_are_not_dates() {
        assert!(texts("The quarter-to-quarter comparison was enhanced.").is_empty());
        assert_eq!(texts("The quarter was terrible."), ["The quarter"]);
    }
}

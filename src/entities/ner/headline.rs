//! Title-case headlines shown to the model in sentence case.
//!
//! In a title-case headline ("Senate Passes Rural Hospital Funding Bill") every content
//! word is capitalised by the style guide, not because it is a name, so capitalisation there
//! carries no evidence, yet it is the model's strongest cue: the model runs such a line
//! into one long ORG. CoNLL-2003 has no title-case lines to learn this from (its headlines
//! are in capitals), so it is handled here, before the model, with what the rest of the
//! article says about each word. News style names in the body whoever the headline names,
//! so a headline word keeps its capital only when the body writes it capitalised in
//! mid-sentence more often than in lower case, or when the word is unknown to the cluster
//! vocabulary (an unknown capitalised word is most likely a name). Every other word
//! is shown to the model with a lower-case first letter; the function words title case
//! leaves alone are the metadata stage's, which found the title with them.
//!
//! The result is a *view*: a copy of the text with the same length and the same `char`
//! boundaries (only first letters whose lower case has the same UTF-8 length change), so
//! the model's token spans index the untouched input unchanged.

use crate::metadata::is_minor;
use crate::text::{Sentence, Span, Token, TokenKind};
use rustc_hash::FxHashMap;

/// Content words a headline needs to count as title case (besides its first word).
const MIN_CONTENT: usize = 2;

/// How the body writes one word (its lower-case form).
#[derive(Default, Clone, Copy)]
struct Seen {
    /// Capitalised, not at the start of a sentence or line.
    capital: u32,
    /// Starting with a lower-case letter.
    lower: u32,
}

/// The text with the title's content words lower-cased where the body shows no sign that
/// they are names; `None` when the title is not in title case (nothing to change).
/// `known(lower)` says whether a lower-case word is in the model's vocabulary.
pub(crate) fn sentence_case_view(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    title: Span,
    known: impl Fn(&str) -> bool,
) -> Option<String> {
    let inside = |t: &Token| t.span.start >= title.start && t.span.end <= title.end;
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| inside(t) && t.kind == TokenKind::Word)
        .collect();
    if !is_title_case(text, &words) {
        return None;
    }
    let seen = body_usage(text, tokens, sentences, title);
    let mut view: Option<String> = None;
    for t in words.iter().skip(1) {
        let w = t.span.slice(text);
        if !capitalised_only_first(w) || is_minor(w) {
            continue;
        }
        let lower = w.to_lowercase();
        let keep = match seen.get(&lower) {
            Some(s) if s.capital > 0 || s.lower > 0 => s.capital > s.lower,
            _ => !known(&lower),
        };
        if keep {
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        let mut low = first.to_lowercase();
        let (Some(l), None) = (low.next(), low.next()) else {
            continue;
        };
        if l.len_utf8() != first.len_utf8() {
            continue;
        }
        let v = view.get_or_insert_with(|| text.to_string());
        let at = t.span.start;
        v.replace_range(at..at + first.len_utf8(), l.encode_utf8(&mut [0; 4]));
    }
    view
}

/// A headline of at least [`MIN_CONTENT`] content words after the first, all of them
/// capitalised, and not written in capitals throughout (the model knows capitals).
fn is_title_case(text: &str, words: &[&Token]) -> bool {
    let mut content = 0;
    let mut has_lower = false;
    for (i, t) in words.iter().enumerate() {
        let w = t.span.slice(text);
        has_lower |= w.chars().any(char::is_lowercase);
        // "iPhone" and "eBay" write their own capitals: no sign of the style either way.
        let own_case = w.chars().skip(1).any(char::is_uppercase);
        // A clitic ("'s") or a number is no word of the style either way.
        let no_letter_first = !w.chars().next().is_some_and(char::is_alphabetic);
        if i == 0 || own_case || no_letter_first || is_minor(w) {
            continue;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        content += 1;
    }
    has_lower && content >= MIN_CONTENT
}

/// A word whose first letter alone is a capital ("Funding", not "NASA", "McCain" or
/// "iPhone"): only those are style, the others carry their capitals themselves.
fn capitalised_only_first(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && !chars.any(char::is_uppercase)
}

/// How the text outside the title writes each word. A capital at the start of a
/// sentence, of a line or after an opening quote or colon is no evidence either way.
fn body_usage(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    title: Span,
) -> FxHashMap<String, Seen> {
    let mut starts = vec![false; tokens.len()];
    for s in sentences {
        if let Some(first) = tokens[s.tokens.clone()]
            .iter()
            .position(|t| t.kind == TokenKind::Word)
        {
            starts[s.tokens.start + first] = true;
        }
    }
    let mut seen: FxHashMap<String, Seen> = FxHashMap::default();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word || (t.span.start < title.end && t.span.end > title.start) {
            continue;
        }
        let w = t.span.slice(text);
        let Some(first) = w.chars().next() else {
            continue;
        };
        let entry = seen.entry(w.to_lowercase()).or_default();
        if first.is_lowercase() {
            entry.lower += 1;
        } else if first.is_uppercase() && !starts[i] && !after_break(text, tokens, i) {
            entry.capital += 1;
        }
    }
    seen
}

/// Whether token `i` opens a line or follows an opening quote, bracket, colon or dash.
fn after_break(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| tokens[p]) else {
        return true;
    };
    if text[prev.span.end..tokens[i].span.start].contains('\n') {
        return true;
    }
    matches!(
        prev.span.slice(text),
        "\"" | "“" | "‘" | "'" | "(" | "[" | ":" | "—" | "–" | "-" | "--" | "«"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{split_sentences, tokenize};

    fn view(text: &str, known: &[&str]) -> Option<String> {
        let tokens = tokenize(text);
        let title_end = text.find('\n').unwrap_or(text.len());
        let title = Span::new(0, title_end);
        let body = Span::new(title_end.min(text.len()), text.len());
        let mut sentences = split_sentences(text, &tokens, title);
        sentences.extend(split_sentences(text, &tokens, body));
        sentence_case_view(text, &tokens, &sentences, title, |w| known.contains(&w))
    }

    #[test]
    fn content_words_lose_their_style_capitals_but_body_names_keep_theirs() {
        let text = "Senate Passes Rural Hospital Funding Bill\n\nWASHINGTON (AP) — The Senate \
                    on Tuesday passed a bill on funding for rural hospitals.";
        let v = view(text, &["passes", "hospital", "senate"]).expect("title case");
        assert!(
            v.starts_with("Senate passes rural hospital funding bill\n"),
            "{v}"
        );
        assert_eq!(v.len(), text.len());
        assert_eq!(&v[41..], &text[41..], "the body is untouched");
    }

    #[test]
    fn unknown_words_keep_their_capitals_and_sentence_starts_are_no_evidence() {
        let text = "Army Chief Meets Sadigov in Baku\nSadigov said the army chief \
                    met him. Baku was calm.";
        let v = view(text, &["army", "chief", "meets", "baku"]).expect("title case");
        assert!(v.starts_with("Army chief meets Sadigov in baku\n"), "{v}");
    }

    #[test]
    fn sentence_case_and_capitals_are_left_alone() {
        assert_eq!(
            view("Senate passes rural hospital bill\nThe bill.", &["bill"]),
            None
        );
        assert_eq!(view("SENATE PASSES RURAL BILL\nThe bill.", &["bill"]), None);
        assert_eq!(view("Two Words\nThe words.", &["words"]), None);
    }

    #[test]
    fn inner_capitals_and_acronyms_keep_their_case() {
        let text = "Apple Unveils New iPhone at NASA Event\nThe phone was shown.";
        let v = view(
            text,
            &["unveils", "new", "iphone", "nasa", "event", "apple"],
        )
        .unwrap();
        assert!(
            v.starts_with("Apple unveils new iPhone at NASA event\n"),
            "{v}"
        );
    }

    #[test]
    fn a_clitic_does_not_hide_title_case() {
        let text = "Hospital Opens New Children's Ward\nA hospital opened a new children's ward.";
        let v = view(text, &["opens", "new", "children", "ward"]).expect("title case");
        assert!(v.starts_with("Hospital opens new children's ward\n"), "{v}");
    }

    #[test]
    fn the_word_after_a_dateline_dash_is_no_evidence() {
        let text = "Chipmaker Shares Jump on Forecast\n\nNEW YORK (Bloomberg) -- Shares of a \
                    chipmaker rose.";
        let v = view(text, &["shares", "jump", "forecast"]).expect("title case");
        assert!(v.starts_with("Chipmaker shares jump on forecast\n"), "{v}");
    }
}

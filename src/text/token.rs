//! Tokenizer for news text: byte-span tokens over the untouched input.
//!
//! Decisions that later stages rely on:
//! - White space never yields a token; every token span lies on `char` boundaries.
//! - URLs, e-mail addresses and `@handles` stay whole.
//! - Possessive `'s`/`’s` and the `n't` of contractions are tokens of their own, so
//!   `Azerbaijan’s` gives `Azerbaijan` + `’s`.
//! - A hyphen between letters is its own `Punct` token: `Azerbaijan-Russia` gives
//!   `Azerbaijan` `-` `Russia`, so each country can be matched on its own, while the NER
//!   model still tags `Nagorno - Karabakh` as one place (entities may span the hyphen).
//!   Hyphens between digits stay inside numbers (`2020-02-07`, `1996-97`).
//! - A period belongs to the word before it for initials (`J.`), dotted acronyms
//!   (`U.S.`, `a.m.`) and a fixed list of abbreviations (`Feb.`, `Gen.`, `Inc.`).
//! - Combining marks, variation selectors and zero-width joiners stick to the token
//!   before them, so accents and emoji sequences are never cut apart.

use super::Span;
use regex::Regex;
use std::sync::OnceLock;

/// What a token is made of; lets later stages skip punctuation or treat links whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (with digits, inner apostrophes or periods), abbreviations, `'s`, `n't`.
    Word,
    /// Starts with a digit: `1,000.5`, `75th`, `2020-02-07`, `1990s`.
    Number,
    /// Punctuation marks; a run of one repeated mark (`...`, `--`) is one token.
    Punct,
    /// Anything else that is not white space: currency, math, emoji.
    Symbol,
    /// A web address starting with a scheme or `www.`.
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle such as `@Reuters`.
    Handle,
}

/// One token: where it is in the input and what kind it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte range into the text given to [`tokenize`].
    pub span: Span,
    /// The token's class.
    pub kind: TokenKind,
}

/// Cuts `text` into tokens; never panics, never returns white space tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut chunk_start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), chunk_start) {
            (true, Some(s)) => {
                tokenize_chunk(text, s, i, &mut out);
                chunk_start = None;
            }
            (false, None) => chunk_start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = chunk_start {
        tokenize_chunk(text, s, text.len(), &mut out);
    }
    out
}

/// Tokenizes one white-space-free chunk `text[start..end]`.
fn tokenize_chunk(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let mut i = start;
    let mut prev_alnum = false;
    while i < end {
        let rest = &text[i..end];
        let (len, kind) = next_token(rest, prev_alnum);
        let len = len.max(first_char_len(rest));
        out.push(Token {
            span: Span::new(i, i + len),
            kind,
        });
        prev_alnum = rest[..len]
            .chars()
            .last()
            .is_some_and(char::is_alphanumeric);
        i += len;
    }
}

/// Length in bytes and kind of the token at the start of `rest`.
fn next_token(rest: &str, prev_alnum: bool) -> (usize, TokenKind) {
    if !prev_alnum {
        if let Some(found) = special_len(rest) {
            return found;
        }
    }
    if let Some(len) = clitic_len(rest) {
        return (len, TokenKind::Word);
    }
    let mut chars = rest.chars();
    let c = chars.next().unwrap_or(' ');
    if c.is_ascii_digit() {
        number_len(rest)
    } else if c.is_alphanumeric() {
        (word_len(rest), TokenKind::Word)
    } else if is_punct(c) {
        let run = rest.chars().take_while(|&d| d == c).count() * c.len_utf8();
        (run + joiners_len(&rest[run..]), TokenKind::Punct)
    } else {
        let n = c.len_utf8();
        (n + joiners_len(&rest[n..]), TokenKind::Symbol)
    }
}

/// URL, e-mail or handle at the start of `rest`.
fn special_len(rest: &str) -> Option<(usize, TokenKind)> {
    let lower_prefix = |p: &str| {
        rest.get(..p.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(p))
    };
    if lower_prefix("http://") || lower_prefix("https://") || lower_prefix("www.") {
        let len = rest.trim_end_matches(is_url_trailer).len();
        return (len > 4).then_some((len, TokenKind::Url));
    }
    if rest.contains('@') {
        if let Some(m) = email_re().find(rest) {
            return Some((m.end(), TokenKind::Email));
        }
        if let Some(m) = handle_re().find(rest) {
            return Some((m.end(), TokenKind::Handle));
        }
    }
    None
}

fn is_url_trailer(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | ')' | ']' | '}' | '>'
    ) || matches!(c, '’' | '”' | '»')
}

fn email_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[\p{L}]{2,}").expect("valid e-mail regex")
    })
}

fn handle_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^@[A-Za-z0-9_]{1,30}").expect("valid handle regex"))
}

/// `'s`, `’s` or `n't` standing at the start of `rest` as a clitic.
fn clitic_len(rest: &str) -> Option<usize> {
    let mut it = rest.char_indices();
    let (_, c0) = it.next()?;
    let (i1, c1) = it.next()?;
    let after = |idx: usize| {
        rest[idx..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    if is_apostrophe(c0) && matches!(c1, 's' | 'S') && after(i1 + 1) {
        return Some(i1 + 1);
    }
    let (i2, c2) = it.next()?;
    let is_nt = matches!(c0, 'n' | 'N') && is_apostrophe(c1) && matches!(c2, 't' | 'T');
    (is_nt && after(i2 + 1)).then_some(i2 + 1)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// A number: digits with inner `, . : / -` before more digits, then an optional
/// letter suffix (`75th`, `1990s`); a long or capitalised suffix makes it a word (`3M`).
fn number_len(rest: &str) -> (usize, TokenKind) {
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            i += 1;
        } else if matches!(b[i], b',' | b'.' | b':' | b'/' | b'-')
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            i += 2;
        } else {
            break;
        }
    }
    let digits = i;
    let word = alnum_len(&rest[i..]);
    let total = i + word + joiners_len(&rest[i + word..]);
    let suffix = &rest[digits..digits + word];
    let is_num = suffix.len() <= 3 && suffix.chars().all(|c| c.is_ascii_lowercase());
    let kind = if is_num {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (total, kind)
}

/// A word: letters and digits, joined by inner periods (`U.S`), apostrophes
/// (`O'Neill`) or `&` (`AT&T`), plus a trailing period when it is an abbreviation.
fn word_len(rest: &str) -> usize {
    let mut end = 0;
    let mut dotted = false;
    loop {
        end += alnum_len(&rest[end..]);
        let mut it = rest[end..].chars();
        let (Some(c), Some(next)) = (it.next(), it.next()) else {
            break;
        };
        let joins = match c {
            '.' => next.is_alphanumeric(),
            '&' => next.is_alphanumeric() && rest[..end].chars().all(|d| d.is_uppercase()),
            _ if is_apostrophe(c) => {
                next.is_alphanumeric() && clitic_len(&rest[end..]).is_none() && !is_nt(rest, end)
            }
            _ => false,
        };
        if !joins {
            break;
        }
        dotted |= c == '.';
        end += c.len_utf8();
    }
    if end > 1 && is_nt(rest, end) {
        // `don't`: the `n` before the apostrophe belongs to `n't`.
        end -= 1;
    }
    end + abbreviation_period(&rest[..end], &rest[end..], dotted)
}

/// 1 when the `.` after `word` is part of it.
fn abbreviation_period(word: &str, after: &str, dotted: bool) -> usize {
    if !after.starts_with('.') || after.starts_with("..") {
        return 0;
    }
    let mut chars = word.chars();
    let single_initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    let short_dotted = dotted && word.split('.').all(|s| s.chars().count() <= 2);
    usize::from(single_initial || short_dotted || is_abbreviation(word))
}

/// Abbreviations written with a period in news copy; ambiguous words (`ill`, `no`) are left out.
const ABBREVIATIONS: &[&str] = &[
    "adm", "approx", "apr", "aug", "ave", "blvd", "bros", "calif", "capt", "cmdr", "co", "col",
    "corp", "dec", "dept", "dr", "est", "feb", "fla", "gen", "gov", "inc", "jan", "jr", "jul",
    "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "nov", "oct", "pres",
    "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "vs", "univ",
];

fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Bytes of letters, digits and attached marks at the start of `s`.
fn alnum_len(s: &str) -> usize {
    let mut len = 0;
    let mut after_zwj = false;
    for c in s.chars() {
        if !(c.is_alphanumeric() || is_joiner(c) || after_zwj) {
            break;
        }
        after_zwj = c == '\u{200D}';
        len += c.len_utf8();
    }
    len
}

/// Bytes of combining marks, joiners and variation selectors at the start of `s`.
fn joiners_len(s: &str) -> usize {
    let mut len = 0;
    let mut after_zwj = false;
    for c in s.chars() {
        if !(is_joiner(c) || (after_zwj && !c.is_whitespace())) {
            break;
        }
        after_zwj = c == '\u{200D}';
        len += c.len_utf8();
    }
    len
}

fn first_char_len(s: &str) -> usize {
    s.chars().next().map_or(0, char::len_utf8)
}

/// Characters that modify the one before them and must not start a token.
pub(crate) fn is_joiner(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

/// Punctuation (as opposed to symbols such as `$`, `%`, `+` or emoji).
pub(crate) fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation() && !"$%&*+<=>^`|~#@".contains(c);
    }
    matches!(c as u32,
        0x00A1 | 0x00AB | 0x00B7 | 0x00BB | 0x00BF | 0x2010..=0x2027 | 0x2030..=0x205E
        | 0x3001..=0x3003 | 0x3008..=0x3011 | 0xFF01..=0xFF0F)
}

/// True when `rest[..end]` ends in `n` and `n't` starts one byte earlier.
fn is_nt(rest: &str, end: usize) -> bool {
    end >= 1 && rest[..end].ends_with(['n', 'N']) && clitic_len(&rest[end - 1..]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn splits_possessives_and_curly_quotes() {
        let t = "“Azerbaijan’s army,” Russia's envoy said. Don't.";
        assert_eq!(
            words(t),
            vec![
                "“",
                "Azerbaijan",
                "’s",
                "army",
                ",",
                "”",
                "Russia",
                "'s",
                "envoy",
                "said",
                ".",
                "Do",
                "n't",
                "."
            ]
        );
    }

    #[test]
    fn hyphens_between_letters_are_tokens() {
        assert_eq!(
            words("Azerbaijan-Russia"),
            vec!["Azerbaijan", "-", "Russia"]
        );
        assert_eq!(words("Nagorno-Karabakh"), vec!["Nagorno", "-", "Karabakh"]);
        assert_eq!(words("O'Neill AT&T"), vec!["O'Neill", "AT&T"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        let t = "Gen. J. Smith of the U.S. and Acme Inc. met Feb. 6 at 10 a.m. today.";
        let w = words(t);
        for a in ["Gen.", "J.", "U.S.", "Inc.", "Feb.", "a.m."] {
            assert!(w.contains(&a), "{a} missing in {w:?}");
        }
        assert_eq!(w.last(), Some(&"."));
    }

    #[test]
    fn numbers_stay_whole() {
        let t = "$1,000.5 on 2020-02-07, the 75th in the 1990s, 3-1 win, 50%";
        let toks = tokenize(t);
        let nums: Vec<&str> = toks
            .iter()
            .filter(|t| t.kind == TokenKind::Number)
            .map(|t| t.span.slice(t_ref(t)))
            .collect();
        fn t_ref(_: &Token) -> &'static str {
            "$1,000.5 on 2020-02-07, the 75th in the 1990s, 3-1 win, 50%"
        }
        assert_eq!(
            nums,
            vec!["1,000.5", "2020-02-07", "75th", "1990s", "3-1", "50"]
        );
    }

    #[test]
    fn links_addresses_and_handles_stay_whole() {
        let t = "See https://example.com/a?b=1, mail info@example.org or @Reuters_World.";
        let toks = tokenize(t);
        let kinds: Vec<(TokenKind, &str)> =
            toks.iter().map(|k| (k.kind, k.span.slice(t))).collect();
        assert!(kinds.contains(&(TokenKind::Url, "https://example.com/a?b=1")));
        assert!(kinds.contains(&(TokenKind::Email, "info@example.org")));
        assert!(kinds.contains(&(TokenKind::Handle, "@Reuters_World")));
    }

    #[test]
    fn emoji_and_combining_marks_are_not_cut() {
        let t = "Cafe\u{301} 👩\u{200D}🚀 ok 👍🏽!";
        assert_eq!(
            words(t),
            vec!["Cafe\u{301}", "👩\u{200D}🚀", "ok", "👍🏽", "!"]
        );
    }

    #[test]
    fn ellipsis_is_one_token() {
        assert_eq!(words("Wait... what"), vec!["Wait", "...", "what"]);
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_aligned(s in prop_oneof![
            proptest::string::string_regex("\\PC*").expect("regex"),
            proptest::string::string_regex(&format!(
                "[a-zA-Z0-9'.\\-@:/ {}]{{0,40}}",
                crate::text::boundary::TYPOGRAPHIC
            ))
            .expect("regex"),
        ]) {
            let toks = tokenize(&s);
            let mut last = 0;
            for t in &toks {
                prop_assert!(t.span.start >= last && t.span.start < t.span.end);
                prop_assert!(s.is_char_boundary(t.span.start) && s.is_char_boundary(t.span.end));
                prop_assert!(!t.span.slice(&s).chars().any(char::is_whitespace));
                last = t.span.end;
            }
        }
    }
}

//! Recognizes boilerplate blocks: separators, follow-us and share lines, read-more links,
//! subscription prompts, copyright lines, photo credits and captions, ad markers,
//! cookie and republication notices.

use super::piece::starts_ci;
use super::BoilerplateKind as K;
use crate::text::boundary;

/// Prefixes (ASCII case-insensitive) that mark a short block as boilerplate.
const PREFIXES: &[(&str, K)] = &[
    ("follow us", K::FollowUs),
    ("follow @", K::FollowUs),
    ("like us on", K::FollowUs),
    ("join us on", K::FollowUs),
    ("find us on", K::FollowUs),
    ("connect with us", K::FollowUs),
    ("read more", K::ReadMore),
    ("also read", K::ReadMore),
    ("read also", K::ReadMore),
    ("see also", K::ReadMore),
    ("related:", K::ReadMore),
    ("related articles", K::ReadMore),
    ("related stories", K::ReadMore),
    ("more:", K::ReadMore),
    ("more news", K::ReadMore),
    ("continue reading", K::ReadMore),
    ("subscribe", K::Subscribe),
    ("sign up for", K::Subscribe),
    ("get our newsletter", K::Subscribe),
    ("©", K::Copyright),
    ("(c) ", K::Copyright),
    ("copyright", K::Copyright),
    ("share this", K::Share),
    ("share on", K::Share),
    ("share:", K::Share),
    ("click to share", K::Share),
    ("photo:", K::PhotoCredit),
    ("photos:", K::PhotoCredit),
    ("photo by", K::PhotoCredit),
    ("photo credit", K::PhotoCredit),
    ("photograph:", K::PhotoCredit),
    ("image:", K::PhotoCredit),
    ("image credit", K::PhotoCredit),
    ("picture:", K::PhotoCredit),
    ("(photo", K::PhotoCredit),
    ("credit:", K::PhotoCredit),
    ("advertisement", K::Advertisement),
    ("sponsored", K::Advertisement),
    ("ad feature", K::Advertisement),
    ("image copyright", K::PhotoCredit),
    ("image caption", K::PhotoCredit),
    ("media caption", K::PhotoCredit),
    ("caption:", K::PhotoCredit),
    ("pictured:", K::PhotoCredit),
    ("file photo", K::PhotoCredit),
    ("click here", K::ReadMore),
    ("tap here", K::ReadMore),
    ("read the full", K::ReadMore),
    ("recommended:", K::ReadMore),
    ("watch:", K::ReadMore),
    ("we use cookies", K::Notice),
    ("this site uses cookies", K::Notice),
    ("this website uses cookies", K::Notice),
    ("by continuing to use", K::Notice),
    ("accept cookies", K::Notice),
    ("this article was originally published", K::Notice),
    ("this story was originally published", K::Notice),
    ("this article originally appeared", K::Notice),
    ("originally published", K::Notice),
    ("a version of this", K::Notice),
];

/// Phrases that mark a short block as boilerplate wherever they occur in it.
const INFIXES: &[(&str, K)] = &[
    ("all rights reserved", K::Copyright),
    ("follow us on", K::FollowUs),
    ("subscribe to our", K::Subscribe),
    ("sign up for our", K::Subscribe),
    ("our newsletter", K::Subscribe),
    ("uses cookies", K::Notice),
    ("cookie policy", K::Notice),
    ("was originally published", K::Notice),
];

/// Photo credits: boilerplate only at the end of a short block (a caption's
/// credit), so "The Reuters/Ipsos poll showed ..." stays prose.
const CREDIT_TAILS: &[&str] = &[
    "ap photo/",
    "reuters/",
    "getty images",
    "(photo:",
    "/getty",
    "/afp",
    "/ap)",
    "photo/",
];

/// How far from the end of a block a credit may start, in bytes.
const CREDIT_TAIL: usize = 60;

/// The boilerplate kind of `block`, if it is boilerplate.
pub(crate) fn classify(block: &str) -> Option<K> {
    let s = block.trim();
    if is_separator(s) {
        return Some(K::Separator);
    }
    let words = s.split_whitespace().count();
    if words > 40 {
        return None;
    }
    if let Some((_, k)) = PREFIXES.iter().find(|(p, _)| starts_word(s, p)) {
        return Some(*k);
    }
    if words > 25 {
        return None;
    }
    let lower = s.to_lowercase();
    let tail = &lower[boundary::ceil_boundary(&lower, lower.len().saturating_sub(CREDIT_TAIL))..];
    if CREDIT_TAILS.iter().any(|c| tail.contains(c)) {
        return Some(K::PhotoCredit);
    }
    INFIXES
        .iter()
        .find(|(p, _)| lower.contains(p))
        .map(|(_, k)| *k)
}

/// `prefix` at the start of `s`, not running on into a longer word (`Subscribers`).
fn starts_word(s: &str, prefix: &str) -> bool {
    let open_end = !prefix.ends_with(|c: char| c.is_ascii_alphabetic());
    starts_ci(s, prefix)
        && (open_end || !s[prefix.len()..].starts_with(|c: char| c.is_alphanumeric()))
}

/// Three or more rule characters and nothing else but spaces.
fn is_separator(s: &str) -> bool {
    let rule = |c: char| matches!(c, '-' | '*' | '_' | '=' | '~' | '•' | '·' | '—' | '–' | '#');
    // Every block is asked, so the test that fails at the first letter goes first.
    s.chars().all(|c| rule(c) || c == ' ') && s.chars().filter(|&c| rule(c)).count() >= 3
}

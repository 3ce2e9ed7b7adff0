//! Social handles (with their platform from context), URLs and e-mail addresses, found by
//! scanning for `@`, `http` and `www.` rather than running a regex over the whole text.

use super::{Handle, Metadata, Platform, TextField};
use crate::text::{boundary, Span};

/// Platform names looked for before a handle on its line (lower case).
const PLATFORMS: &[(&str, Platform)] = &[
    ("twitter", Platform::Twitter),
    ("instagram", Platform::Instagram),
    ("facebook", Platform::Facebook),
    ("telegram", Platform::Telegram),
    ("youtube", Platform::Youtube),
    ("tiktok", Platform::Tiktok),
    ("linkedin", Platform::Linkedin),
    ("threads", Platform::Threads),
    ("mastodon", Platform::Mastodon),
    ("bluesky", Platform::Bluesky),
    ("vkontakte", Platform::Vk),
];

/// How far back on the line a platform name may stand.
const CONTEXT: usize = 80;

/// Fills `handles`, `urls` and `emails`.
pub(crate) fn scan(text: &str, meta: &mut Metadata) {
    let urls = urls(text);
    let mut next_url = 0;
    for (at, _) in text.match_indices('@') {
        // Both lists are in text order, so one cursor skips `@` inside URLs in linear time.
        while urls.get(next_url).is_some_and(|u| u.end <= at) {
            next_url += 1;
        }
        if urls.get(next_url).is_some_and(|u| u.start <= at) {
            continue;
        }
        if let Some(email) = email(text, at) {
            if meta.emails.last().is_none_or(|e| e.span != email) {
                meta.emails.push(TextField::at(text, email));
            }
        } else if let Some(span) = handle(text, at) {
            let platform = platform_before(text, at);
            let value = span.slice(text).to_string();
            meta.handles.push(Handle {
                value,
                span,
                platform,
            });
        }
    }
    meta.urls = urls.into_iter().map(|u| TextField::at(text, u)).collect();
}

fn urls(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(rel) = text[i..].find(['h', 'H', 'w', 'W']) {
        let at = i + rel;
        i = at + 1;
        let rest = &b[at..];
        let scheme = ["http://", "https://", "www."]
            .iter()
            .any(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes()));
        if !scheme || (at > 0 && b[at - 1].is_ascii_alphanumeric()) {
            continue;
        }
        let len = text[at..]
            .find(|c: char| c.is_whitespace() || "<>\"“”‘’".contains(c))
            .unwrap_or(text.len() - at);
        let url = text[at..at + len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
        if url.len() > 4 {
            out.push(Span::new(at, at + url.len()));
            i = at + url.len();
        }
    }
    out
}

fn is_local(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"._%+-".contains(&c)
}

/// `local@domain.tld` around the `@` at `at`.
fn email(text: &str, at: usize) -> Option<Span> {
    let b = text.as_bytes();
    let start = at - b[..at].iter().rev().take_while(|&&c| is_local(c)).count();
    let dom = b[at + 1..]
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'.' || c == b'-')
        .count();
    let domain = text[at + 1..at + 1 + dom].trim_end_matches(['.', '-']);
    let tld = domain.rsplit('.').next().unwrap_or("");
    let ok = start < at
        && domain.contains('.')
        && tld.len() >= 2
        && tld.bytes().all(|c| c.is_ascii_alphabetic());
    ok.then(|| Span::new(start, at + 1 + domain.len()))
}

/// `@name` (letters, digits, `_`, inner `.`) not glued to a preceding word.
fn handle(text: &str, at: usize) -> Option<Span> {
    let b = text.as_bytes();
    if at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_') {
        return None;
    }
    let n = b[at + 1..]
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
        .count();
    let name = text[at + 1..at + 1 + n].trim_end_matches('.');
    let ok = (1..=30).contains(&name.len()) && name.bytes().any(|c| c.is_ascii_alphabetic());
    ok.then(|| Span::new(at, at + 1 + name.len()))
}

/// The platform named last before `at` on the same line (`X` only as a whole word).
fn platform_before(text: &str, at: usize) -> Option<Platform> {
    let mut from = boundary::ceil_boundary(text, at.saturating_sub(CONTEXT));
    // Only the window is searched for the line start: linear time over many handles.
    if let Some(nl) = text[from..at].rfind('\n') {
        from += nl + 1;
    }
    let window = text[from..at].to_lowercase();
    let named = PLATFORMS
        .iter()
        .filter_map(|(k, p)| window.rfind(k).map(|i| (i, *p)))
        .max_by_key(|(i, _)| *i);
    let x = text[from..at]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "X")
        .then_some(Platform::Twitter);
    named.map(|(_, p)| p).or(x)
}

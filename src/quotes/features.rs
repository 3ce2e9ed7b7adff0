//! Hashed features of each token for the quote tagger.
//!
//! Besides the usual word window and shape, the tagger needs to know what a reader
//! uses to find a quote: whether the token is inside quotation marks, where the
//! nearest reporting verb of its sentence is (left or right, how far), whether the
//! sentence opens with a mark, and whether the word could name a speaker (a pronoun,
//! a capitalised word). Each feature is a bucket index into the weight table.

use super::lexicon::{is_cue_word, is_pronoun};
use super::marks::{Mark, Quotation};
use crate::learn::hash::Fnv;
/// The trainer cuts sentences the way the served document does.
#[cfg(feature = "train")]
pub(crate) use crate::text::passage::passage_sentences as block_sentences;
use crate::text::{Token, TokenKind};
use std::ops::Range;

/// Number of weight rows; a power of two so a hash is masked into range.
pub(crate) const BUCKETS: usize = 1 << 18;

/// What the features need to know about one token, computed once.
#[derive(Debug, Clone, Copy)]
struct Info {
    word: u64,
    suffix: u64,
    shape: u8,
    cue: bool,
    pron: bool,
    mark: Mark,
    inside: bool,
}

/// Features of one block: `feats[offsets[i]..offsets[i + 1]]` belong to its token `i`.
#[derive(Debug, Clone, Default)]
pub(crate) struct BlockFeatures {
    /// Bucket indices, token after token.
    pub(crate) feats: Vec<u32>,
    /// Start of each token's features, plus one end marker.
    pub(crate) offsets: Vec<usize>,
}

impl BlockFeatures {
    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The features of token `i`.
    pub(crate) fn of(&self, i: usize) -> &[u32] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// Features of the tokens `block` of `tokens` (a paragraph) whose sentences are
/// `sentences` (token ranges covering the block in order).
pub(crate) fn block_features(
    text: &str,
    tokens: &[Token],
    block: Range<usize>,
    sentences: &[Range<usize>],
    q: &Quotation,
) -> BlockFeatures {
    let mut lower = String::new();
    let infos: Vec<Info> = block
        .clone()
        .map(|i| info(text, tokens, i, q, &mut lower))
        .collect();
    let mut out = BlockFeatures {
        feats: Vec::with_capacity(infos.len() * 40),
        offsets: Vec::with_capacity(infos.len() + 1),
    };
    for s in sentences {
        sentence_features(&infos, s.start - block.start..s.end - block.start, &mut out);
    }
    out.offsets.push(out.feats.len());
    out
}

fn info(text: &str, tokens: &[Token], i: usize, q: &Quotation, lower: &mut String) -> Info {
    let t = tokens[i];
    let raw = t.span.slice(text);
    // One buffer for the whole block: lower-casing every token into a fresh String was
    // an allocation per token.
    // `str::to_lowercase` (what the model was trained with) differs from lower-casing
    // char by char only for a final capital sigma.
    lower.clear();
    if raw.is_ascii() {
        // Nearly every token: ASCII lower-casing is what `to_lowercase` does to it,
        // without decoding and re-encoding char by char.
        lower.push_str(raw);
        lower.make_ascii_lowercase();
    } else if raw.contains('Σ') {
        lower.push_str(&raw.to_lowercase());
    } else {
        lower.extend(raw.chars().flat_map(char::to_lowercase));
    }
    let lower = lower.as_str();
    let suffix_start = lower.char_indices().rev().nth(2).map_or(0, |(at, _)| at);
    Info {
        word: hash(1, lower.as_bytes()),
        suffix: hash(2, &lower.as_bytes()[suffix_start..]),
        shape: shape(raw, t.kind),
        cue: is_cue_word(lower),
        pron: is_pronoun(lower),
        mark: q.mark[i],
        inside: q.inside[i],
    }
}

fn shape(raw: &str, kind: TokenKind) -> u8 {
    let first = raw.chars().next().unwrap_or(' ');
    match kind {
        TokenKind::Word if raw.chars().all(char::is_uppercase) && raw.len() > 1 => 1,
        TokenKind::Word if first.is_uppercase() => 2,
        TokenKind::Word => 3,
        TokenKind::Number => 4,
        TokenKind::Punct => 5 + u8::from(matches!(first, ',' | ':' | ';')),
        _ => 7,
    }
}

/// How many features every token has.
const PER_TOKEN: usize = 36;

/// Features of the tokens `s` (local indices) of one sentence.
///
/// A token's features are written to an array and appended in one go (pushing
/// them one by one checked the vector's capacity each time), and its window of
/// neighbours is looked up once, not once per feature that reads it.
fn sentence_features(infos: &[Info], s: Range<usize>, out: &mut BlockFeatures) {
    let cues: Vec<usize> = s.clone().filter(|&i| infos[i].cue).collect();
    let has_mark = s.clone().any(|i| infos[i].mark != Mark::None) as u64;
    let opens_quoted = infos[s.start].mark == Mark::Open;
    for i in s.clone() {
        out.offsets.push(out.feats.len());
        let me = infos[i];
        // win[k] is the token at offset k - 2, when inside the sentence.
        let win: [Option<&Info>; 5] = std::array::from_fn(|k| {
            let j = (i + k).checked_sub(2)?;
            s.contains(&j).then(|| &infos[j])
        });
        let word_at = |k: usize| win[k].map_or(0, |x| x.word);
        let mut buf = [0u32; PER_TOKEN];
        let mut n = 0;
        let mut f = |tpl: u64, a: u64, b: u64| {
            buf[n] = bucket(tpl, a, b);
            n += 1;
        };
        f(0, 0, 0);
        for (k, x) in win.iter().enumerate() {
            f(10 + k as u64, x.map_or(0, |x| x.word), 0);
            f(20 + k as u64, x.map_or(9, |x| x.shape as u64), 0);
            f(30 + k as u64, x.map_or(2, |x| x.cue as u64), 0);
        }
        f(40, word_at(1), me.word);
        f(41, me.word, word_at(3));
        f(42, me.suffix, 0);
        f(43, me.shape as u64, word_at(1));
        f(44, me.shape as u64, word_at(3));
        let inside = me.inside as u64;
        f(50, inside, me.mark as u64);
        f(51, inside, me.word);
        f(52, inside, has_mark);
        f(53, opens_quoted as u64, inside);
        f(54, win[1].map_or(3, |x| x.inside as u64), inside);
        let (dir, dist) = nearest_cue(&cues, i);
        f(60, dir, dist);
        f(61, dir * 8 + dist, inside);
        f(62, dir * 8 + dist, me.shape as u64);
        f(63, dir, me.word);
        f(64, dir * 2 + me.pron as u64, me.shape as u64);
        f(65, cues.len().min(3) as u64, inside);
        f(66, bucketed(i - s.start), me.shape as u64);
        f(67, bucketed(s.end - 1 - i), inside);
        f(68, me.pron as u64, word_at(3));
        let cue_word = nearest_cue_word(&cues, infos, i);
        f(69, cue_word, dir);
        debug_assert_eq!(n, PER_TOKEN);
        out.feats.extend_from_slice(&buf);
    }
}

/// Direction (0 none, 1 cue to the left, 2 to the right, 3 this token) and bucketed
/// distance of the nearest cue word in the sentence.
fn nearest_cue(cues: &[usize], i: usize) -> (u64, u64) {
    cues.iter()
        .map(|&c| match c.cmp(&i) {
            std::cmp::Ordering::Less => (i - c, 1),
            std::cmp::Ordering::Greater => (c - i, 2),
            std::cmp::Ordering::Equal => (0, 3),
        })
        .min()
        .map_or((0, 0), |(d, dir)| (dir, bucketed(d)))
}

fn nearest_cue_word(cues: &[usize], infos: &[Info], i: usize) -> u64 {
    cues.iter()
        .min_by_key(|&&c| c.abs_diff(i))
        .map_or(0, |&c| infos[c].word)
}

fn bucketed(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=6 => 4,
        7..=10 => 5,
        11..=20 => 6,
        _ => 7,
    }
}

/// FNV-1a of `bytes` in family `seed`.
fn hash(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = Fnv::seeded(seed);
    h.push(bytes);
    h.0
}

fn bucket(tpl: u64, a: u64, b: u64) -> u32 {
    let mut x = tpl
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(a)
        .rotate_left(23)
        .wrapping_mul(0xbf58_476d_1ce4_e5b9)
        .wrapping_add(b);
    x ^= x >> 31;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 29;
    (x as usize & (BUCKETS - 1)) as u32
}

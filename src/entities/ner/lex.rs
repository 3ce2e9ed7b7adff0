//! The per-token record the features read, and its flag bits.

/// Flag: first character is upper case.
pub(crate) const CAP: u8 = 1;
/// Flag: has letters and none of them is lower case.
pub(crate) const ALL_CAPS: u8 = 2;
/// Flag: first character is lower case.
pub(crate) const LOWER: u8 = 4;
/// Flag: no white space between this token and the previous one (`Serb` `-` `held`).
pub(crate) const GLUED_LEFT: u8 = 8;
/// Flag: no white space between this token and the next one.
pub(crate) const GLUED_RIGHT: u8 = 16;

/// What the features need to know about one token, computed once per document.
#[derive(Clone, Copy, Default)]
pub(crate) struct Lex {
    pub(crate) form: u64,
    pub(crate) lower: u64,
    pub(crate) shape: u64,
    pub(crate) short: u64,
    pub(crate) pre: [u64; 3],
    pub(crate) suf: [u64; 4],
    pub(crate) cluster: u32,
    pub(crate) flags: u8,
    pub(crate) lexicon: u8,
}

/// The stand-in for positions outside the sentence.
pub(crate) const PAD: Lex = Lex {
    form: 1,
    lower: 1,
    shape: 1,
    short: 1,
    pre: [1; 3],
    suf: [1; 4],
    cluster: 0,
    flags: 0,
    lexicon: 0,
};

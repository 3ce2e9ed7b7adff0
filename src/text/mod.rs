//! The document as offsets: spans, tokens and sentences over the untouched input.
//!
//! Every stage below works on byte ranges into the request text; nothing here
//! rewrites it. [`tokenize`] cuts the text into word, number, punctuation and symbol
//! tokens (plus URLs, e-mail addresses and @handles kept whole), and
//! [`split_sentences`] groups the tokens of one paragraph into sentences.

pub mod boundary;
pub mod offsets;
pub(crate) mod passage;
mod sentence;
mod span;
mod token;

pub(crate) use passage::passages;
pub use passage::Passage;
pub use sentence::{split_sentences, Sentence};
pub use span::Span;
pub use token::{tokenize, Token, TokenKind};

//! # newsparse
//!
//! Parses the raw text of a news article — as it arrives from scrapers and wires,
//! header lines, curly quotes, footers and all — into its structure, metadata and
//! entities, and serves that over gRPC.
//!
//! ```text
//!  raw text ──► metadata::analyze ──► layout (header / title / body / boilerplate)
//!                                       │  + publication date, title, dateline, lead
//!                                       ▼
//!                doc::Doc (text::tokenize once, readable sentences, quote passages)
//!                                       │
//!              time::TimexRecognizer (anchor) ──┐
//!                        entities::EntityStage: recognizers ──┤ candidates
//!                        (ner model, gazetteer, numeric,      │
//!                        titles, institutions, contacts)      ▼
//!                          entities::resolve (one resolver) ─► assemble: group, salience
//!                                       ▼
//!                          quotes::QuoteStage (speakers resolved to entities)
//! ```
//!
//! * [`doc`] is the segmented article: built once after the metadata stage, it is
//!   what the time, entity and quote stages read.
//! * [`pipeline`] is the one entry point: `Pipeline::analyze(&self, text, options)`,
//!   pure and synchronous. Every position it reports is a [`text::Span`], a byte range
//!   into the untouched input.
//! * [`resources`] loads and validates every model and table once; a broken one is an
//!   error naming it, and `serve` refuses to start.
//! * [`grpc`] is the thin network edge (tonic): validation, limits, conversion of
//!   offsets into the client's unit, streaming, health and reflection.
//! * [`eval`] scores entities as a client gets them; it runs the [`pipeline`], so it
//!   sits above it rather than inside [`entities`].
//! * `learn` is the tagging toolkit both statistical taggers (the NER model, the quote
//!   tagger) are built from: feature hashing, weight tables, the averaged perceptron,
//!   Viterbi and the beam search.
//! * The feature `train` (default) adds the trainers, the corpus readers and [`eval`];
//!   the service needs none of them (`--no-default-features`).
//! * `main.rs` only parses flags and dispatches.

pub mod auth;
pub mod cli;
pub mod config;
pub mod cpu;
pub mod doc;
pub mod entities;
pub mod error;
#[cfg(feature = "train")]
pub mod eval;
pub mod grpc;
pub(crate) mod learn;
pub mod metadata;
pub mod pipeline;
pub mod quotes;
pub mod resources;
pub mod text;
pub mod time;

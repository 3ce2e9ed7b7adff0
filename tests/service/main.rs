//! The one integration-test binary: a real server on 127.0.0.1:0 and real tonic
//! clients, golden files for every fixture article, the error table, streaming,
//! offsets in every encoding, lifecycle, and the CLI.

mod cli;
mod companies;
mod corpus;
mod errors;
mod fixture;
mod forms;
mod golden;
mod harness;
mod lifecycle;
#[cfg(feature = "train")]
mod ner_served;
mod offsets;
mod ops_auth;
mod ops_connections;
mod ops_metrics;
mod ops_resources;
mod ops_tls;
mod stream;

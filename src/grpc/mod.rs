//! The gRPC edge: generated types, wire ↔ domain conversion, the service and the
//! server. Nothing outside this module sees `tonic` or the generated types.

pub mod auth;
mod convert;
mod convert_metadata;
mod convert_quotes;
mod deadline;
mod limiter;
mod method;
mod metrics;
mod pool;
mod server;
mod service;
pub mod status;
mod wire;

pub use server::{run, Listeners, ServerError};

/// Parses one request in-process, exactly as the service would answer it (CLI, benches).
pub fn parse_local(
    pipeline: &crate::pipeline::Pipeline,
    req: pb::ParseRequest,
    max_text_bytes: usize,
) -> Result<pb::ParseResponse, crate::error::RequestError> {
    let input = convert::ParseInput::from_request(req, max_text_bytes)?;
    let analysis = pipeline.analyze(&input.text, &input.options);
    Ok(convert::response(&input, &analysis))
}
pub use service::ArticleSvc;

/// Generated protobuf and gRPC types of `newsparse.v1`, for clients (tests, the
/// load generator, other Rust services).
pub use generated::newsparse::v1 as pb;

/// `google.rpc.Status`, the per-article error of a ParseStream answer.
pub use generated::google::rpc;

/// Generated code, quarantined: packages nest as prost expects, so the
/// `newsparse.v1` types can name `google.rpc.Status`.
#[allow(missing_docs, clippy::all, clippy::pedantic)]
mod generated;

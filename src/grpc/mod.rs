//! The gRPC edge: generated types, wire ↔ domain conversion, the service and the
//! server. Nothing outside this module sees `tonic` or the generated types.

mod convert;
mod convert_metadata;
mod convert_quotes;
mod deadline;
mod limiter;
mod server;
mod service;
pub mod status;

pub use server::{run, ServerError};

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
#[allow(missing_docs, clippy::all, clippy::pedantic)]
pub mod pb {
    tonic::include_proto!("newsparse.v1");
    include!(concat!(env!("OUT_DIR"), "/newsparse.v1.serde.rs"));

    /// Encoded descriptor set of `newsparse.v1`, served by gRPC reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/newsparse_descriptor.bin"));
}

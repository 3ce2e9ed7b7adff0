//! Compiles `proto/` with protox (pure Rust, no system `protoc`), writes the
//! encoded descriptor set that the server hands to gRPC reflection, and generates
//! proto3-JSON serde impls (pbjson) so the CLI prints exactly what grpcurl shows.
//!
//! `proto/google/rpc/status.proto` (the public `google.rpc.Status` shape) is
//! compiled with it: ParseStream answers per-article errors in it, and the
//! descriptor set includes it and `google/protobuf/any.proto`, so reflection
//! serves every file a client needs.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let protos = ["proto/newsparse/v1/article.proto"];
    println!("cargo:rerun-if-changed=proto");
    let fds = protox::compile(protos, ["proto"])?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    let descriptor = prost::Message::encode_to_vec(&fds);
    std::fs::write(out.join("newsparse_descriptor.bin"), &descriptor)?;
    tonic_prost_build::configure()
        .build_client(true)
        .build_server(true)
        .compile_fds(fds)?;
    // The CLI prints Parse answers only; stream answers hold a google.rpc.Status,
    // whose `Any` details have no proto3-JSON mapping in prost-types.
    pbjson_build::Builder::new()
        .register_descriptors(&descriptor)?
        .exclude([".newsparse.v1.ParseStreamResponse"])
        .build(&[".newsparse.v1"])?;
    Ok(())
}

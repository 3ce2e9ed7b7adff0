//! The code `build.rs` generates from `proto/`, included as is.

pub mod google {
    pub mod rpc {
        tonic::include_proto!("google.rpc");
    }
}
pub mod newsparse {
    pub mod v1 {
        tonic::include_proto!("newsparse.v1");
        include!(concat!(env!("OUT_DIR"), "/newsparse.v1.serde.rs"));

        /// Encoded descriptor set of `newsparse.v1` and the files it imports
        /// (`google/rpc/status.proto`, `google/protobuf/any.proto`), served by
        /// gRPC reflection.
        pub const FILE_DESCRIPTOR_SET: &[u8] =
            include_bytes!(concat!(env!("OUT_DIR"), "/newsparse_descriptor.bin"));
    }
}

# newsparse image, default path: build from source in the official Rust image, then copy
# the one static binary into an empty root. Needs registry access (the rust image and
# crates.io). Without a registry, use Dockerfile.prebuilt (see deploy/README.md).
#
#   docker build -t newsparse:local .
#   docker build --build-arg RUST_IMAGE=registry.example/rust:1.95-bookworm -t newsparse:local .
#
# Keep the runtime stage in step with Dockerfile.prebuilt.
ARG RUST_IMAGE=rust:1.95-bookworm

FROM ${RUST_IMAGE} AS build
WORKDIR /src
# The whole crate (.dockerignore keeps target/ and .git out): models and data are embedded
# with include_bytes!, so they must be in the build, not mounted at run time.
COPY . .
# target-cpu as in .cargo/config.toml (RUSTFLAGS replaces that file's flags);
# --build-arg TARGET_CPU=x86-64-v2 for CPUs without AVX2.
ARG TARGET_CPU=x86-64-v3
RUN RUSTFLAGS="-C target-feature=+crt-static -C target-cpu=${TARGET_CPU}" \
        cargo build --release --locked --target x86_64-unknown-linux-gnu --bin newsparse \
    && objcopy --strip-debug target/x86_64-unknown-linux-gnu/release/newsparse /newsparse \
    && /newsparse --version

FROM scratch AS runtime
# No shell, no libc files: glibc is linked in. passwd/group give the non-root user a name.
COPY deploy/rootfs/ /
COPY --from=build /newsparse /newsparse
# Numeric, so Kubernetes runAsNonRoot can verify it.
USER 10001:10001
ENV NEWSPARSE_ADDR=0.0.0.0:50051 \
    NEWSPARSE_LOG_FORMAT=json
EXPOSE 50051 9090
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=5s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/newsparse", "health", "--timeout-secs", "3"]
ENTRYPOINT ["/newsparse"]
CMD ["serve"]

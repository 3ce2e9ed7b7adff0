#!/usr/bin/env bash
# Builds the statically linked release binary that the pull-nothing image
# (Dockerfile.prebuilt) copies, and leaves it at deploy/bin/newsparse, inside the
# Docker build context. One command on the host, no registry needed:
#
#   scripts/build-static.sh          # honours CARGO_TARGET_DIR; NICE=0 to build at full priority
#   scripts/build-static.sh newsparse newsparse-loadgen   # also the load generator
#                                    # (for the client image of scripts/swarm-smoke.sh)
#
# Why --target: with an explicit target, RUSTFLAGS reach only the target crates, so the
# build scripts and proc-macros stay dynamic (they cannot be built with crt-static).
set -euo pipefail
cd "$(dirname "$0")/.."

triple=x86_64-unknown-linux-gnu
target_dir=${CARGO_TARGET_DIR:-target}
bins=("${@:-newsparse}")
bin_flags=()
for b in "${bins[@]}"; do bin_flags+=(--bin "$b"); done

# target-cpu as in .cargo/config.toml (RUSTFLAGS replaces that file's flags); TARGET_CPU=x86-64-v2
# for CPUs without AVX2 (the binary refuses to start on a CPU that lacks what it was built for).
RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-C target-feature=+crt-static -C target-cpu=${TARGET_CPU:-x86-64-v3}" \
    nice -n "${NICE:-10}" cargo build --release --locked --target "$triple" "${bin_flags[@]}"

for name in "${bins[@]}"; do
    bin="$target_dir/$triple/release/$name"
    out=deploy/bin/$name
    # A dynamic binary would start on the host and die in the empty image: refuse it here.
    if readelf -lW "$bin" | grep -q 'Requesting program interpreter'; then
        echo "build-static: $bin is dynamically linked (has an ELF interpreter)" >&2
        exit 1
    fi
    mkdir -p "$(dirname "$out")"
    # Debug line tables triple the size; symbols stay, so panics still name their functions.
    objcopy --strip-debug "$bin" "$out.tmp"
    chmod 0755 "$out.tmp"
    mv "$out.tmp" "$out"
    echo "build-static: $out ($(du -h "$out" | cut -f1), $("$out" --version))"
done

#!/usr/bin/env bash
# Runs the `analyze` fuzz target at the lowest CPU priority for $SECONDS_TO_RUN seconds (default 1800).
# Needs a nightly toolchain and `cargo install cargo-fuzz`. Not part of .ci/run.
# No sanitizer: the crate forbids unsafe code, so what we hunt are panics (slicing
# off char boundaries, overflow and debug assertions, which --debug-assertions keeps).
# -max_len=8192: the first 8 KB of each seed keep the header, title and dateline the
# layout stage reads, at many more executions per second than whole articles.
# -fork=1 with -ignore_crashes keeps fuzzing past a crash; each one is saved under
# fuzz/artifacts/analyze/ (reproduce: cargo +nightly fuzz run analyze FILE).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bash "$root/scripts/fuzz/seed.sh"
cd "$root/fuzz"
exec nice -n 19 cargo +nightly fuzz run --sanitizer none --debug-assertions analyze corpus/analyze -- \
  -dict=analyze.dict -max_len=8192 -max_total_time="${SECONDS_TO_RUN:-1800}" \
  -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1

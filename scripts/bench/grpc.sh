#!/usr/bin/env bash
# The gRPC figures of BENCHMARKS.md: start-to-SERVING, closed loop, open loop at the
# target rate and at half of it, ParseStream, peak RSS. Loopback only; every run is
# bounded (DURATION seconds each). Usage, from the repository root:
#   cargo build --release --bins && bash scripts/bench/grpc.sh
# Env: DURATION (default 10), SERVER, LOADGEN (default target/release/...).
set -euo pipefail
cd "$(dirname "$0")/../.."
SERVER=${SERVER:-target/release/newsparse}
LOADGEN=${LOADGEN:-target/release/newsparse-loadgen}
DURATION=${DURATION:-10}
# Articles of about 500 words (39 Wikinews articles of 350-700 words, mean 459).
MID=(--min-words 350 --max-words 700)

# A run with errors exits 2; report it and go on.
say() { printf '\n## %s\n$ %s\n' "$1" "${*:2}"; "${@:2}" || echo "(exit $?)"; }

echo "# $(date -u +%FT%TZ)  $(nproc) cores  $(lscpu | sed -n 's/^Model name: *//p')"
echo "# load: $(uptime)"
say "start to SERVING (10 spawns)" "$LOADGEN" startup --server "$SERVER" --runs 10
for c in 1 2 4 8; do
  say "closed loop unary, $c in flight" "$LOADGEN" run --spawn "$SERVER" --duration "$DURATION" --concurrency "$c" "${MID[@]}"
done
say "closed loop ParseStream, 2 streams x 8" "$LOADGEN" run --spawn "$SERVER" --duration "$DURATION" --mode stream --concurrency 2 --stream-window 8 "${MID[@]}"
for r in 250 500 1000 2000; do
  say "open loop unary at $r/s" "$LOADGEN" run --spawn "$SERVER" --duration "$DURATION" --rate "$r" "${MID[@]}"
done
echo "# load after: $(uptime)"

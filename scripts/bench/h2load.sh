#!/usr/bin/env bash
# Unary Parse through the real server under h2load (nghttp2's C load generator), so the
# figure comes from a client that is not ours. Usage, from the repository root:
#   cargo build --release --bin newsparse && bash scripts/bench/h2load.sh
# Env: SERVER (binary), ARTICLE (text file; default the median-length Wikinews article,
# 271 words), DURATION (s, default 10), CLIENTS (connections, 4), STREAMS (per connection,
# 16: 64 calls in flight), TASKSET (e.g. "taskset -c 0" to pin the server), LANGUAGE_HINT (e.g.
# en: the request's language_hint, which skips language detection), NEWSPARSE_* (server
# settings, passed through). Needs h2load (apt-get install nghttp2-client), curl, python3, and
# buf (pip install buf-bin; installed into a venv under $TMPDIR when missing).
#
# How the answers are checked: h2load counts HTTP/2 responses but not gRPC status, which
# travels in trailers. So one call is first made with curl and decoded with buf against our
# proto (it must carry sentences and entities, grpc-status 0); the parse is deterministic, so
# every answer of the load run must have that same size. The run fails unless
# data bytes == succeeded x that size: an error answer (no message) or a partial one cannot
# hide in the rate.
set -euo pipefail
cd "$(dirname "$0")/../.."
SERVER=${SERVER:-target/release/newsparse}
ARTICLE=${ARTICLE:-../shared/corpus/wikinews/meantime_115064_Global_markets_surge_in_value.txt}
DURATION=${DURATION:-10}
CLIENTS=${CLIENTS:-4}
STREAMS=${STREAMS:-16}
TASKSET=${TASKSET:-}
LANGUAGE_HINT=${LANGUAGE_HINT:-}
# shellcheck source=scripts/bench/server.sh
. scripts/bench/server.sh

for tool in h2load curl python3; do
  command -v "$tool" >/dev/null || { echo "h2load.sh: $tool not found" >&2; exit 1; }
done
if ! command -v buf >/dev/null; then
  venv="${TMPDIR:-/tmp}/newsparse-bench-buf"
  [ -x "$venv/bin/buf" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q buf-bin; }
  PATH="$venv/bin:$PATH"
fi

# The request: JSON -> protobuf by buf from proto/, then the 5-byte gRPC frame header
# (uncompressed flag, big-endian length).
python3 -c '
import json, sys
req = {"text": open(sys.argv[1], encoding="utf-8").read()}
if sys.argv[3]:
    req["languageHint"] = sys.argv[3]
json.dump(req, open(sys.argv[2], "w"))' "$ARTICLE" "$work/req.json" "$LANGUAGE_HINT"
buf convert proto --type newsparse.v1.ParseRequest --from "$work/req.json" --to "$work/req.binpb"
python3 - "$work/req.binpb" "$work/body.grpc" <<'EOF'
import struct, sys
msg = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(b"\0" + struct.pack(">I", len(msg)) + msg)
EOF

PIN=$TASKSET start_server
url=http://$addr/newsparse.v1.ArticleService/Parse

# One checked answer.
curl -sS --http2-prior-knowledge -H 'content-type: application/grpc' -H 'te: trailers' \
  --data-binary @"$work/body.grpc" -D "$work/headers" -o "$work/resp.grpc" "$url"
grep -qi '^grpc-status: 0' "$work/headers" || { echo "h2load.sh: first call failed:" >&2; cat "$work/headers" >&2; exit 1; }
python3 -c 'import sys; b=open(sys.argv[1],"rb").read(); open(sys.argv[2],"wb").write(b[5:])' \
  "$work/resp.grpc" "$work/resp.binpb"
buf convert proto --type newsparse.v1.ParseResponse --from "$work/resp.binpb" --to "$work/resp.json"
answer=$(python3 - "$work/resp.json" "$work/resp.grpc" <<'EOF'
import json, os, sys
r = json.load(open(sys.argv[1]))
sentences = len(r.get("sentences", []))
entities = len(r.get("entities", []))
if sentences == 0 or entities == 0:
    sys.exit(f"h2load.sh: the answer is not a full parse ({sentences} sentences, {entities} entities)")
print(os.path.getsize(sys.argv[2]), sentences, entities)
EOF
)
read -r size sentences entities <<<"$answer"
words=$(wc -w <"$ARTICLE")
echo "# $(date -u +%FT%TZ)  $(nproc) cores  load: $(cut -d' ' -f1-3 /proc/loadavg)  server: ${TASKSET:-both cores}"
echo "# article: $ARTICLE ($words words); answer: $size bytes, $sentences sentences, $entities entities"
echo "\$ h2load -D $DURATION -c $CLIENTS -m $STREAMS -d body.grpc $url"

# Warm-up as a run of its own: h2load 1.52's --warm-up-time still counts the warm-up's data
# bytes in the summary, which would break the size check below.
h2load -n 1000 -c "$CLIENTS" -m "$STREAMS" -d "$work/body.grpc" \
  -H 'content-type: application/grpc' -H 'te: trailers' "$url" >/dev/null
h2load -D "$DURATION" -c "$CLIENTS" -m "$STREAMS" -d "$work/body.grpc" \
  -H 'content-type: application/grpc' -H 'te: trailers' "$url" | tee "$work/h2load.out"

echo "# server peak RSS: $(grep VmHWM /proc/$server_pid/status | tr -s ' ')"
python3 - "$work/h2load.out" "$size" "$words" <<'EOF'
import re, sys
out = open(sys.argv[1]).read()
size, words = int(sys.argv[2]), int(sys.argv[3])
done = re.search(r"requests: \d+ total, \d+ started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored", out)
data = re.search(r"traffic: .*?, [\d.]+\w*B \((\d+)\) data", out)
rate = re.search(r"finished in ([\d.]+)s, ([\d.]+) req/s", out)
if not (done and data and rate):
    sys.exit("h2load.sh: could not read h2load's summary")
ok, failed, errored = int(done.group(2)), int(done.group(3)), int(done.group(4))
started = int(re.search(r"requests: \d+ total, (\d+) started", out).group(1))
body = int(data.group(1))
# The data counter also holds answers that were still arriving when the clock stopped
# (started, not done), so it may exceed ok x size, by whole answers only.
whole = body % size == 0 and ok <= body // size <= started
if ok == 0 or failed or errored or not whole:
    sys.exit(f"h2load.sh: NOT every answer is a full parse: {ok} succeeded, {failed} failed, "
             f"{errored} errored, {body} data bytes for {ok} x {size} ({started} started)")
per_s = float(rate.group(2))
print(f"RESULT {per_s:.0f} articles/s, {per_s * words:.0f} words/s; "
      f"{ok} answers, every one {size} bytes (a full parse)")
EOF

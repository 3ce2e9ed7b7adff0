#!/usr/bin/env bash
# Served ParseStream throughput on one core (issue 13's "250k words/s" line): the server
# pinned to core 0 with one parse slot, the load generator on core 1, CoNLL-2003 dev as
# 216 article texts (one sentence per line, tokens joined by spaces; written to a temporary
# directory at run time from ../shared, never committed). Usage, from the repository root:
#   cargo build --release --bins && bash scripts/bench/stream-one-core.sh
# Env: SERVER, LOADGEN (binaries), DURATION (s, default 10), CONLL (the .conll file).
set -euo pipefail
cd "$(dirname "$0")/../.."
SERVER=${SERVER:-target/release/newsparse}
LOADGEN=${LOADGEN:-target/release/newsparse-loadgen}
DURATION=${DURATION:-10}
CONLL=${CONLL:-../shared/data/ner/conll2003/dev.conll}
# shellcheck source=scripts/bench/server.sh
. scripts/bench/server.sh

python3 - "$CONLL" "$work/texts" <<'EOF'
import os, sys
src, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
docs, sent, sents = [], [], []
for line in open(src, encoding="utf-8"):
    line = line.strip()
    if line.startswith("-DOCSTART-"):
        if sent: sents.append(" ".join(sent)); sent = []
        if sents: docs.append("\n".join(sents)); sents = []
    elif not line:
        if sent: sents.append(" ".join(sent)); sent = []
    else:
        sent.append(line.split()[0])
if sent: sents.append(" ".join(sent))
if sents: docs.append("\n".join(sents))
for i, d in enumerate(docs):
    open(os.path.join(out, f"{i:04d}.txt"), "w", encoding="utf-8").write(d + "\n")
print(f"# {len(docs)} texts, {sum(len(d.split()) for d in docs)} words", file=sys.stderr)
EOF

PIN="taskset -c 0" start_server --max-concurrent-parses 1
echo "# $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)  server: $SERVER"
taskset -c 1 "$LOADGEN" run --addr "$addr" --mode stream --concurrency 1 \
  --stream-window 8 --duration "$DURATION" --warmup 2 --corpus "$work/texts"

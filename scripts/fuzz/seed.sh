#!/usr/bin/env bash
# Seeds fuzz/corpus/analyze with the real articles in ../shared (Wikinews corpus and
# PolNeAR train/dev text) and our own fixtures, and writes fuzz/analyze.dict.
# Both are build products, git-ignored: the articles are not ours to commit.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="$root/../shared"
[ -d "$shared/corpus" ] || { echo "no $shared/corpus" >&2; exit 1; }
out="$root/fuzz/corpus/analyze"
mkdir -p "$out"
n=0
for f in "$shared"/corpus/*/*.txt "$shared"/data/attribution/polnear/{train,dev}/text/* \
  "$root"/tests/fixtures/*.txt; do
  [ -f "$f" ] || continue
  cp "$f" "$out/$(basename "$(dirname "$f")")-$(basename "$f")"
  n=$((n + 1))
done
bash "$root/scripts/fuzz/dict.sh" > "$root/fuzz/analyze.dict"
echo "seeded $n files into $out; $(wc -l < "$root/fuzz/analyze.dict") dictionary entries"

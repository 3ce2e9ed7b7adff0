#!/usr/bin/env bash
# Prints one line per answer the given binary gives: a digest of `parse` on every article under
# ../shared (corpus and fixtures) and tests/fixtures, and of the `eval` reports on CoNLL dev, the
# out-of-domain sets and PolNeAR dev. Two binaries answer identically when their outputs diff
# empty:  scripts/eval/answers_digest.sh OLD > a; scripts/eval/answers_digest.sh NEW > b; diff a b
set -euo pipefail
bin=$(realpath "${1:?usage: answers_digest.sh PATH/TO/newsparse}")
cd "$(dirname "$0")/../.."
shared=../shared
digest() { sha256sum | cut -c1-16; }
for f in "$shared"/corpus/wikinews/*.txt "$shared"/fixtures/*.txt tests/fixtures/*.txt; do
    [ -e "$f" ] || continue
    echo "$("$bin" parse "$f" | digest)  parse $f"
done
reports=(
    "eval $shared/data/ner/conll2003/dev.conll"
    "eval tests/data/ner-ood/ner-ood.conll"
    "eval --fine tests/data/ner-fine/ner-ood-fine.conll"
    "eval --fine tests/data/ner-fine/ner-fine-new.conll"
    "eval-quotes $shared/data/attribution/polnear/dev"
)
for r in "${reports[@]}"; do
    # shellcheck disable=SC2086
    echo "$("$bin" $r | grep -v -i 'seconds\|elapsed\|per second\|/s\b' | digest)  $r"
done

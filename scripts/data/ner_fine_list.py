#!/usr/bin/env python3
"""List every entity of tests/data/ner-ood/ner-ood.conll with its context.

Writes a TSV (doc index, sentence index, token start, token end, text, old tag,
context) to stdout. Token indices count the tokens of a document from 0, end exclusive.
Used to build scripts/data/ner_fine_decisions.tsv (issue 23).
"""
import sys

def read_conll(path):
    """Return docs: list of list of sentences; sentence = list of (token, tag, line)."""
    docs, sent = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                docs.append([])
                continue
            if not line:
                if sent:
                    docs[-1].append(sent)
                    sent = []
                continue
            parts = line.split(" ")
            sent.append((parts[0], parts[-1], line))
    if sent:
        docs[-1].append(sent)
    return docs

def entities(docs):
    for di, doc in enumerate(docs, 1):
        ti = 0
        for si, sent in enumerate(doc):
            cur = None
            for k, (tok, tag, _) in enumerate(sent):
                if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
                    if cur:
                        yield cur + (sent,)
                        cur = None
                    if tag != "O":
                        cur = [di, si, tag[2:], ti + k, ti + k + 1, k, k + 1]
                        cur = tuple(cur)
                else:
                    cur = cur[:4] + (ti + k + 1, cur[5], k + 1)
            if cur:
                yield cur + (sent,)
            ti += len(sent)

if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else "tests/data/ner-ood/ner-ood.conll"
    docs = read_conll(path)
    print("doc\tsent\tstart\tend\ttext\told\tcontext")
    for di, si, typ, s, e, ks, ke, sent in entities(docs):
        toks = [t for t, _, _ in sent]
        text = " ".join(toks[ks:ke])
        ctx = " ".join(toks[max(0, ks - 8):ks] + ["[["] + toks[ks:ke] + ["]]"] + toks[ke:ke + 8])
        print(f"{di}\t{si}\t{s}\t{e}\t{text}\t{typ}\t{ctx}")

#!/usr/bin/env python3
"""Apply scripts/data/ner_fine_decisions.tsv to tests/data/ner-ood/ner-ood.conll and
write tests/data/ner-fine/ner-ood-fine.conll (issue 23).

Checks: every entity of the CoNLL-typed file has exactly one row in the table (same doc,
span and text); every new tag is an OntoNotes name type or O; the first column, the
sentence breaks and the -DOCSTART- lines of the output are byte-identical to the input.
"""
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from ner_fine_list import read_conll, entities

TYPES = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "O"}
SRC = "tests/data/ner-ood/ner-ood.conll"
TABLE = "scripts/data/ner_fine_decisions.tsv"
OUT = "tests/data/ner-fine/ner-ood-fine.conll"

def main():
    docs = read_conll(SRC)
    rows = {}
    with open(TABLE, encoding="utf-8") as f:
        header = f.readline()
        for n, line in enumerate(f, 2):
            doc, start, end, text, old, new, note = line.rstrip("\n").split("\t")
            key = (int(doc), int(start), int(end))
            assert key not in rows, f"line {n}: duplicate {key}"
            assert new in TYPES, f"line {n}: bad new tag {new!r}"
            rows[key] = (text, old, new)
    # new tags per doc, per document token index
    newtags = {}
    seen = set()
    for di, si, typ, s, e, ks, ke, sent in entities(docs):
        key = (di, s, e)
        assert key in rows, f"entity without a decision: {key}"
        text = " ".join(t for t, _, _ in sent[ks:ke])
        assert rows[key][0] == text and rows[key][1] == typ, f"mismatch at {key}: {rows[key]} vs {text} {typ}"
        seen.add(key)
        new = rows[key][2]
        if new != "O":
            for i in range(s, e):
                newtags[(di, i)] = ("B-" if i == s else "I-") + new
    assert seen == set(rows), f"rows without an entity: {sorted(set(rows) - seen)}"
    out = []
    with open(SRC, encoding="utf-8") as f:
        di, ti = 0, 0
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-") or not line:
                if line.startswith("-DOCSTART-"):
                    di += 1
                    ti = 0
                out.append(line)
                continue
            parts = line.split(" ")
            assert len(parts) == 4
            out.append(" ".join(parts[:3] + [newtags.get((di, ti), "O")]))
            ti += 1
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    # verify
    a = open(SRC, encoding="utf-8").read().split("\n")
    b = open(OUT, encoding="utf-8").read().split("\n")
    assert len(a) == len(b)
    for x, y in zip(a, b):
        assert x.split(" ")[:3] == y.split(" ")[:3], (x, y)
    from collections import Counter
    c = Counter(r[2] for r in rows.values())
    print(f"wrote {OUT}: {len(rows)} decisions", dict(sorted(c.items())))

if __name__ == "__main__":
    main()

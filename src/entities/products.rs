//! Products: phones, aircraft, cars, chips, software, drugs. A second-pass
//! recognizer: it reads the other recognizers' candidates (who the makers are,
//! what the model left as a bare MISC) as well as the words.
//!
//! The shapes it trusts, all from the article itself, never from a list of
//! product names:
//! - a brand or maker followed by a model token, with the words that finish a
//!   model name ("Boeing 737 MAX 8", "Galaxy S25 Edge", "Xbox Series X");
//! - a model token standing alone, when the article names the same model with its
//!   brand elsewhere ("the A321neo", "737s") or says what it is nearby ("the
//!   A350-1000 jets", "ordered 20 E175s");
//! - a known maker followed by a name that is not a company word ("Cadillac
//!   Lyriq", "Google Chrome");
//! - a name the model could only call MISC, right beside a word for a kind of
//!   product ("the weight-loss drug Wegovy", "Kindle e-readers"), and words
//!   written like "iPhone" (lower-case first, then a capital).
//!
//! Every candidate is `Source::Rule` with a type of its own, so it outranks the
//! model's reading of the same span and loses to a longer name.

use super::candidate::{Candidate, Source};
use super::product_list::{ProductKind, MAX_WORDS};
use super::types::EntityType;
use super::words::{words, Word};
use crate::doc::Doc;
use crate::text::Span;
use rustc_hash::FxHashSet;

/// A product candidate of this recognizer.
fn product(span: Span, confidence: f32) -> Candidate {
    Candidate::new(span, EntityType::Product, Source::Rule, confidence)
}

/// How sure a product candidate is, by the evidence behind it.
const SURE: f32 = 0.9;
const LIKELY: f32 = 0.8;

/// What the company and product tables say about a name, in one article.
pub(crate) trait Known {
    /// The name is a known company.
    fn is_maker(&self, name: &str) -> bool;
    /// The name, written with single spaces, is a listed product.
    fn listed(&self, name: &str) -> Option<ListedProduct<'_>>;
}

/// What the product list says about a name in one article.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ListedProduct<'a> {
    pub kind: ProductKind,
    /// The article settles it as the product without a word for its kind.
    pub settled: bool,
    /// The make as written ("Mozilla"), or empty.
    pub maker: &'a str,
}

/// The products of `doc`, given every other recognizer's candidates.
pub(crate) fn propose(doc: &Doc<'_>, cands: &[Candidate], known: &dyn Known) -> Vec<Candidate> {
    let is_maker = &|n: &str| known.is_maker(n);
    let text = doc.text;
    let sentences: Vec<Vec<Word<'_>>> = doc.sentences.iter().map(|s| words(text, s.span)).collect();
    let ctx = Context {
        text,
        cands,
        is_maker,
        known,
        org_ends: org_ends(cands),
        claimed: Overlaps::of(cands, |c| {
            matches!(
                c.kind,
                EntityType::Person | EntityType::Title | EntityType::Date | EntityType::Time
            )
        }),
        places: Overlaps::of(cands, |c| {
            matches!(
                c.kind,
                EntityType::Gpe | EntityType::Loc | EntityType::Person | EntityType::Norp
            )
        }),
        // What a word for a kind of product cannot be followed by: titles, dates and
        // places the lists know (the model's guesses at an unknown drug name are no
        // evidence: "Zepbound" PERSON, "Ozempic" GPE).
        hard: Overlaps::of(cands, |c| {
            matches!(
                c.kind,
                EntityType::Title | EntityType::Date | EntityType::Time
            ) || (c.source == Source::Gazetteer
                && matches!(c.kind, EntityType::Gpe | EntityType::Loc | EntityType::Norp))
        }),
    };
    let mut out = Vec::new();
    // Model tokens seen with a brand: the same token alone is the same product.
    let mut known: FxHashSet<String> = FxHashSet::default();
    // Model names need a digit, or a named series ("Model Y", "Series X").
    let numbered: Vec<bool> = (doc.sentences.iter())
        .map(|s| {
            let t = s.span.slice(text);
            t.bytes().any(|b| b.is_ascii_digit()) || t.contains("Model ") || t.contains("Series ")
        })
        .collect();
    for (ws, _) in sentences.iter().zip(&numbered).filter(|(_, n)| **n) {
        branded(&ctx, ws, &mut known, &mut out);
    }
    for (ws, numbered) in sentences.iter().zip(&numbered) {
        if *numbered {
            standalone(&ctx, ws, &known, &mut out);
        }
        maker_names(&ctx, ws, &mut out);
    }
    for ws in &sentences {
        makers_own_names(&ctx, ws, &mut out);
    }
    for ws in &sentences {
        plural_makes(&ctx, ws, &mut out);
        named_after_kind(&ctx, ws, &mut out);
        listed_names(&ctx, ws, &mut out);
    }
    retyped_misc(&ctx, &sentences, &mut out);
    every_mention(&ctx, &mut out);
    initials(&ctx, &sentences, &mut out);
    out.sort_by_key(|c| (c.span, c.confidence.to_bits()));
    out.dedup_by_key(|c| c.span);
    for c in &mut out {
        c.group = model_key(c.text(text));
    }
    out
}

/// What joins a product's mentions: its model from the first distinctive model
/// token on, the last word without a plural ending ("Boeing 787-9" and "the
/// 787-9s" → "787-9"; "Airbus A321neo" → "A321neo"). A short number alone is no
/// key ("Switch 2" and "PlayStation 2" are different products).
fn model_key(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = words.iter().position(|w| match shape(w) {
        Shape::Mixed | Shape::Variant => true,
        Shape::Digits => plural_stem(w).len() >= 3,
        _ => false,
    })?;
    let mut key: Vec<&str> = words[first..].to_vec();
    if let Some(last) = key.last_mut() {
        *last = plural_stem(last);
        if let Some(stem) = last.strip_suffix('s').filter(|s| FINISHERS.contains(s)) {
            *last = stem;
        }
    }
    Some(key.join(" "))
}

struct Context<'a> {
    text: &'a str,
    cands: &'a [Candidate],
    is_maker: &'a dyn Fn(&str) -> bool,
    known: &'a dyn Known,
    /// End → start of every ORG candidate.
    org_ends: rustc_hash::FxHashMap<usize, usize>,
    /// Spans read as people, titles, dates or times.
    claimed: Overlaps,
    /// Spans read as places, people or nationalities.
    places: Overlaps,
    /// Titles, dates and known places.
    hard: Overlaps,
}

fn org_ends(cands: &[Candidate]) -> rustc_hash::FxHashMap<usize, usize> {
    let mut out = rustc_hash::FxHashMap::default();
    for c in cands.iter().filter(|c| c.kind == EntityType::Org) {
        let start = out.entry(c.span.end).or_insert(c.span.start);
        *start = (*start).min(c.span.start);
    }
    out
}

/// Spans sorted by start with the running maximum end, so "does anything overlap
/// this span" is one binary search, not a scan of every candidate.
struct Overlaps {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Overlaps {
    fn of(cands: &[Candidate], keep: impl Fn(&Candidate) -> bool) -> Self {
        let mut spans: Vec<Span> = cands.iter().filter(|c| keep(c)).map(|c| c.span).collect();
        spans.sort();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut m = 0;
        for s in &spans {
            m = m.max(s.end);
            max_end.push(m);
        }
        Overlaps {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    fn any(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < span.end);
        before_end > 0 && self.max_end[before_end - 1] > span.start
    }
}

impl Context<'_> {
    /// A company: the company table knows it, or a recognizer read it as ORG.
    /// An ORG read by another recognizer counts only when it ends with this word:
    /// in "Movimento 5 Stelle" the ORG is the whole name, not a maker before it.
    fn maker(&self, w: &Word<'_>) -> bool {
        (self.is_maker)(w.text)
            || self
                .org_ends
                .get(&w.span.end)
                .is_some_and(|&start| start <= w.span.start)
    }

    /// A span read as a place right after a word that puts things on a map
    /// ("a dealership in Tucson").
    fn placed(&self, span: Span) -> bool {
        let before = self.text.get(..span.start).unwrap_or("").trim_end();
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        LOCATIVES.contains(&word) && self.places.any(span)
    }

    /// A span some recognizer read as a person, a title, a date or a place.
    fn claimed(&self, span: Span) -> bool {
        self.claimed.any(span)
    }
}

/// What a word can be inside a product name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Letters and digits together: "A321neo", "S25", "RAV4", "777X", "A350-1000".
    Mixed,
    /// Two to four digits: "737", "365"; "737s" as a plural.
    Digits,
    /// One digit, only after a brand: "Switch 2", "PlayStation 5".
    Digit,
    /// A three-digit family and its variant: "787-9", "747-400"; also a cricket
    /// score ("108-3"), so it needs the evidence digits need.
    Variant,
    /// Not a model token.
    None,
}

fn shape(w: &str) -> Shape {
    let stem = plural_stem(w);
    if stem.is_empty() || stem.len() > 16 || !stem.chars().any(|c| c.is_ascii_digit()) {
        return Shape::None;
    }
    if !stem
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '+')
        || stem.starts_with(['-', '+'])
        || stem.contains("--")
    {
        return Shape::None;
    }
    if stem.chars().all(|c| c.is_ascii_digit()) {
        if stem.len() < w.len() && (year_like(stem) || stem.len() == 2) {
            // "1990s", "30s": decades and ages.
            return Shape::None;
        }
        return match stem.len() {
            1 => Shape::Digit,
            2..=4 => Shape::Digits,
            _ => Shape::None,
        };
    }
    if stem == "0" || not_a_model(stem) {
        return Shape::None;
    }
    if stem.contains('-') && stem.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return Shape::Variant;
    }
    Shape::Mixed
}

/// "737s" → "737", "E175s" → "E175", "A321neos" → "A321neo"; other words unchanged.
fn plural_stem(w: &str) -> &str {
    match w.strip_suffix('s') {
        Some(stem)
            if stem.len() >= 2
                && stem
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
                || stem.ends_with("neo") =>
        {
            stem
        }
        _ => w,
    }
}

/// Tokens with digits and letters that are not model names: ordinals, decades,
/// quantities with a unit, quarters and fiscal years, diseases, groups of
/// countries, standards.
fn not_a_model(stem: &str) -> bool {
    let lead_letters = stem.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    if year_like(family(stem)) {
        // "1996-A", "2020-02-07".
        return true;
    }
    if lead_letters > 5 {
        // "Facility-1", "Brentford3": a word with a number, not a model series.
        return true;
    }
    if lead_letters > 0 && !stem[..lead_letters].chars().any(|c| c.is_ascii_uppercase()) {
        // "lb-3", "under-21": a count, not a model.
        return true;
    }
    if lead_letters == 0 {
        let tail = stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-');
        if tail.is_empty() {
            // "787-9", "747-400": a family and its variant, not a date, score or range.
            let mut parts = stem.split('-');
            let family = parts.next().unwrap_or("");
            return !(family.len() == 3 && parts.count() == 1);
        }
        if matches!(tail, "a" | "e" | "i" | "neo") {
            return false;
        }
        // "777X", "747-400F", "777-200LR"; never "22-year-old" or "10am".
        let capitals = tail
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        return !capitals || UNIT_SUFFIXES.contains(&tail);
    }
    let upper = stem.to_ascii_uppercase();
    let (prefix, rest) = upper.split_at(lead_letters);
    NOT_MODELS.contains(&upper.as_str())
        || NOT_MODEL_PREFIXES.contains(&prefix)
        || (matches!(prefix, "Q" | "H")
            && rest.len() == 1
            && ('1'..='4').contains(&rest.chars().next().unwrap_or('0')))
        || (prefix == "G" && rest.len() <= 2 && rest.chars().all(|c| c.is_ascii_digit()))
}

/// Capital unit suffixes after digits: "8GB", "4K", "3D", "5G", "12MP".
const UNIT_SUFFIXES: [&str; 16] = [
    "GB", "TB", "MB", "K", "M", "B", "D", "G", "W", "V", "MP", "GHZ", "KW", "MW", "GW", "BN",
];

const NOT_MODELS: [&str; 17] = [
    "CO2", "B2B", "B2C", "P2P", "MP3", "MP4", "H1N1", "H5N1", "N95", "X86", "F1", "U2", "A1",
    "MI5", "MI6", "UK2", "G7",
];

const NOT_MODEL_PREFIXES: [&str; 8] = ["FY", "PM", "U", "NO", "COP", "SARS", "COVID", "UNDER"];

/// Words that finish a model name after its model token ("Galaxy S25 Edge",
/// "iPhone 16 Pro Max", "Xbox Series X", "Snapdragon 8 Gen 3").
const FINISHERS: [&str; 27] = [
    "Pro",
    "Max",
    "MAX",
    "Ultra",
    "Plus",
    "Mini",
    "mini",
    "Air",
    "Edge",
    "Lite",
    "Neo",
    "XL",
    "SE",
    "Series",
    "Gen",
    "Fold",
    "Flip",
    "Dreamliner",
    "Freighter",
    "EV",
    "Hybrid",
    "Turbo",
    "Classic",
    "Sport",
    "Duo",
    "Flex",
    "Slim",
];

/// Capitalised words that count things or places rather than brand them: "Flight
/// 370", "Chapter 11", "Route 66", "Phase 3", "Formula 1".
const NOT_BRANDS: [&str; 62] = [
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "Of",
    "For",
    "To",
    "And",
    "From",
    "With",
    "Chapter",
    "Article",
    "Section",
    "Title",
    "Route",
    "Highway",
    "Interstate",
    "Flight",
    "Terminal",
    "Gate",
    "Room",
    "Level",
    "Phase",
    "Stage",
    "Category",
    "Grade",
    "Class",
    "Group",
    "Pool",
    "Week",
    "Day",
    "Game",
    "Round",
    "Season",
    "Episode",
    "Volume",
    "Vol",
    "Part",
    "Book",
    "Act",
    "Figure",
    "Table",
    "Page",
    "Line",
    "Platform",
    "Bill",
    "Resolution",
    "Amendment",
    "Proposition",
    "Prop",
    "Channel",
    "Radio",
    "Studio",
    "Unit",
    "Formula",
    "Top",
    "Type",
    "No",
    "Number",
];

const MONTHS_DAYS: [&str; 21] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
];

/// Words for kinds of products: beside a name they say it is one.
const PRODUCT_NOUNS: [&str; 82] = [
    "airplane",
    "airplanes",
    "wide-body",
    "widebody",
    "phone",
    "phones",
    "smartphone",
    "smartphones",
    "handset",
    "handsets",
    "tablet",
    "tablets",
    "laptop",
    "laptops",
    "computer",
    "computers",
    "console",
    "consoles",
    "chip",
    "chips",
    "chipset",
    "processor",
    "processors",
    "GPU",
    "GPUs",
    "software",
    "app",
    "apps",
    "browser",
    "chatbot",
    "jet",
    "jets",
    "jetliner",
    "jetliners",
    "aircraft",
    "airliner",
    "airliners",
    "plane",
    "planes",
    "freighter",
    "freighters",
    "engine",
    "engines",
    "rocket",
    "rockets",
    "car",
    "cars",
    "SUV",
    "SUVs",
    "sedan",
    "sedans",
    "truck",
    "trucks",
    "pickup",
    "pickups",
    "hatchback",
    "crossover",
    "vehicle",
    "vehicles",
    "EV",
    "EVs",
    "drug",
    "drugs",
    "vaccine",
    "vaccines",
    "pill",
    "pills",
    "injection",
    "injections",
    "medicine",
    "medication",
    "treatment",
    "headset",
    "headsets",
    "smartwatch",
    "e-reader",
    "e-readers",
    "satellite",
    "missile",
    "missiles",
    "drone",
    "drones",
];

/// Heads of names that are places, events or institutions, whoever sponsors them:
/// "Google Science Fair", "Ford Foundation", "Toyota Stadium".
const NOT_PRODUCT_HEADS: [&str; 20] = [
    "Fair",
    "Festival",
    "Awards",
    "Award",
    "Prize",
    "Conference",
    "Summit",
    "Center",
    "Centre",
    "Foundation",
    "Institute",
    "University",
    "School",
    "Campus",
    "Park",
    "Tower",
    "Building",
    "Stadium",
    "Arena",
    "Cup",
];

/// Product words that follow a product's name but rarely a company's: a company
/// is said to make chips or drugs ("Nvidia chips" is rare beside "Nvidia's
/// chips"), while airlines, carmakers and planemakers stand before "jets" and "cars".
const GADGETS: [&str; 24] = [
    "drugs",
    "vaccines",
    "chip",
    "chips",
    "processor",
    "processors",
    "GPU",
    "GPUs",
    "software",
    "app",
    "browser",
    "chatbot",
    "drug",
    "vaccine",
    "pill",
    "pills",
    "injection",
    "injections",
    "smartphone",
    "smartphones",
    "console",
    "consoles",
    "headset",
    "headsets",
];

/// Words after a possessive name that make it a part of the company, not a
/// product ("Boeing's Defense unit", "Apple's Services chief").
const ORG_PARTS: [&str; 17] = [
    "unit",
    "units",
    "division",
    "subsidiary",
    "arm",
    "board",
    "team",
    "chief",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "executive",
    "executives",
    "founder",
    "headquarters",
    "business",
];

/// Words near a bare model token that say it names a product.
const PRODUCT_CUES: [&str; 29] = [
    "fly",
    "flies",
    "flown",
    "flying",
    "powered",
    "model",
    "models",
    "version",
    "variant",
    "variants",
    "fleet",
    "order",
    "orders",
    "ordered",
    "delivered",
    "delivery",
    "deliveries",
    "flew",
    "launched",
    "unveiled",
    "released",
    "introduced",
    "shipped",
    "sold",
    "sells",
    "new",
    "latest",
    "upgrade",
    "operate",
];

/// Words that make a capitalised name after a maker a company, not a product.
const COMPANY_WORDS: [&str; 44] = [
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Corporation",
    "Co",
    "Co.",
    "Company",
    "Group",
    "Holdings",
    "Ltd",
    "Ltd.",
    "plc",
    "PLC",
    "AG",
    "SA",
    "NV",
    "LLC",
    "Motor",
    "Motors",
    "Airlines",
    "Airways",
    "Bank",
    "Foundation",
    "Research",
    "Labs",
    "Electronics",
    "Energy",
    "Capital",
    "Securities",
    "Pharmaceuticals",
    "Technologies",
    "Systems",
    "Services",
    "International",
    "Industries",
    "Entertainment",
    "Studios",
    "Media",
    "Financial",
    "Stock",
    "Exchange",
    "Market",
    "Index",
];

fn brandlike(w: &Word<'_>) -> bool {
    let mut cs = w.text.chars();
    let first = cs.next().unwrap_or(' ');
    let camel = first.is_ascii_lowercase() && cs.next().is_some_and(|c| c.is_ascii_uppercase());
    (first.is_uppercase() || camel)
        && w.text.chars().any(char::is_alphabetic)
        && !NOT_BRANDS.contains(&w.text)
        && !MONTHS_DAYS.contains(&w.text)
        && !w.text.ends_with(':')
}

/// "iPhone", "PlayStation", "eBay": a capital inside the word.
fn inner_capital(w: &str) -> bool {
    w.chars().skip(1).any(|c| c.is_uppercase())
        && w.chars().any(|c| c.is_lowercase())
        && w.chars().all(char::is_alphanumeric)
}

/// The model family a token belongs to: "A350-1000" and "A350-900s" → "A350",
/// "A321neo" → "A321", "777-200LR" → "777", "737s" → "737".
fn family(w: &str) -> &str {
    let stem = plural_stem(w);
    let letters = stem.len()
        - stem
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    let digits = stem[letters..].len()
        - stem[letters..]
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    &stem[..letters + digits]
}

fn year_like(w: &str) -> bool {
    w.len() == 4 && (w.starts_with("19") || w.starts_with("20"))
}

/// A cue word within `reach` words of the words `i..=j`.
fn cue_near(ws: &[Word<'_>], i: usize, j: usize, reach: usize) -> bool {
    let lo = i.saturating_sub(reach);
    let hi = (j + reach + 1).min(ws.len());
    ws[lo..hi]
        .iter()
        .any(|w| PRODUCT_CUES.contains(&w.text) || PRODUCT_NOUNS.contains(&w.text))
}

/// The words after a model token that still belong to the name: finishers, more
/// model tokens and single capitals ("Series X", "MAX 8", "Gen 3").
fn finish_right(ws: &[Word<'_>], i: usize) -> usize {
    let mut j = i;
    while j + 1 < ws.len() && !ws[j].closed {
        let next = ws[j + 1].text;
        let after_finisher = FINISHERS.contains(&ws[j].text);
        let single_cap = next.len() == 1 && next.chars().all(|c| c.is_ascii_uppercase());
        let stem = plural_stem(next);
        let numberish = stem.starts_with(|c: char| c.is_ascii_digit())
            && stem.chars().all(|c| c.is_ascii_digit() || c == '-');
        let finisher = |w: &str| {
            FINISHERS.contains(&w) || w.strip_suffix('s').is_some_and(|s| FINISHERS.contains(&s))
        };
        let ok = finisher(next)
            || (after_finisher && (numberish || shape(next) != Shape::None))
            || (after_finisher && single_cap);
        if !ok {
            break;
        }
        j += 1;
    }
    j
}

/// Results tables and score lines: few lower-case words among the names and numbers.
/// A short sentence has few words of any kind, so it needs almost none ("The Boeing
/// 737 MAX 9 awaits certification" is prose).
fn tabular(ws: &[Word<'_>]) -> bool {
    let lower = ws
        .iter()
        .filter(|w| w.text.starts_with(|c: char| c.is_lowercase()))
        .count();
    match ws.len() {
        0..=9 => lower <= 1,
        n => lower * 10 < n * 3,
    }
}

/// "Feyenoord 3 Ajax 1", "Sampras 6 Agassi 4": a result, not a model.
fn scoreline(ws: &[Word<'_>], j: usize) -> bool {
    let digits = |w: &Word<'_>| w.text.chars().all(|c| c.is_ascii_digit() || c == '-');
    ws.get(j + 1)
        .is_some_and(|n| n.text.starts_with(char::is_uppercase))
        && ws.get(j + 2).is_some_and(digits)
        || ws.get(j + 1).is_some_and(digits)
}

/// "Meta 200 employees": a number that counts the plural noun after it.
fn counted(ws: &[Word<'_>], j: usize) -> bool {
    !ws[j].closed
        && ws.get(j + 1).is_some_and(|n| {
            let plural = n.text.len() > 3
                && n.text.ends_with('s')
                && n.text.chars().all(|c| c.is_ascii_lowercase())
                && !PRODUCT_NOUNS.contains(&n.text);
            plural
                || matches!(
                    n.text,
                    "million"
                        | "billion"
                        | "trillion"
                        | "thousand"
                        | "hundred"
                        | "percent"
                        | "per"
                        | "%"
                )
        })
}

/// A brand (and maker) before a model token: "Boeing 737", "Galaxy Z Fold6",
/// "Xbox Series X".
fn branded(
    ctx: &Context<'_>,
    ws: &[Word<'_>],
    known: &mut FxHashSet<String>,
    out: &mut Vec<Candidate>,
) {
    let mut i = 0;
    while i < ws.len() {
        let sh = shape(ws[i].text);
        let single_cap =
            ws[i].text.len() == 1 && ws[i].text.chars().all(|c| c.is_ascii_uppercase());
        if sh == Shape::None && !single_cap {
            i += 1;
            continue;
        }
        // Up to three brand words, with single capitals between them ("Galaxy Z").
        let mut k = i;
        let mut brands = 0;
        while k > 0 && brands < 3 && !ws[k - 1].closed && brandlike(&ws[k - 1]) {
            k -= 1;
            brands += 1;
        }
        while k < i && NOT_BRANDS.contains(&ws[k].text) {
            k += 1;
        }
        // "Alaska Airlines 737 MAX 9": an operator's name is not the brand; "Qantas
        // Airbus A350": the brand starts at the last maker.
        if let Some(c) = (k..i).rev().find(|&c| COMPANY_WORDS.contains(&ws[c].text)) {
            k = c + 1;
        }
        if let Some(m) = (k + 1..i).rev().find(|&m| (ctx.is_maker)(ws[m].text)) {
            k = m;
        }
        let head = &ws[k..i];
        let real_head = head.iter().any(|w| w.text.len() > 1);
        let named_series = head
            .last()
            .is_some_and(|w| w.text == "Model" || FINISHERS.contains(&w.text));
        if !real_head || (single_cap && !named_series) {
            i += 1;
            continue;
        }
        let j = finish_right(ws, i);
        let span = Span::new(ws[k].span.start, ws[j].span.end);
        // A maker from the company table; an ORG another recognizer read counts
        // only beside a product word ("Feyenoord 3 Ajax 1" is a score).
        let listed = head.iter().any(|w| (ctx.is_maker)(w.text));
        let maker = listed || head.iter().any(|w| ctx.maker(w));
        let brand_shape = head.iter().any(|w| inner_capital(w.text));
        let cue = cue_near(ws, k, j, 4);
        let accept = match sh {
            _ if scoreline(ws, j) => false,
            Shape::Digits | Shape::Digit | Shape::Variant if tabular(ws) => false,
            Shape::Mixed => true,
            // "Office 2019", "Windows 2000": a year after a product line.
            Shape::Digits if year_like(plural_stem(ws[i].text)) => {
                listed && (cue || head.len() == 1)
            }
            // "Meta 200 employees"; after a finisher the number is the variant ("737
            // MAX 9 awaits"), and a verb in -s reads like a plural noun.
            _ if j == i && counted(ws, j) => false,
            Shape::Digits | Shape::Digit | Shape::Variant => {
                listed || brand_shape || (maker && cue) || cue_near(ws, k, j, 1)
            }
            // "Model Y", "Series X": a named series of a maker in the sentence.
            Shape::None => listed || cue || ctx_maker_in(ctx, ws),
        };
        if accept && !ctx.claimed(Span::new(ws[k].span.start, ws[k].span.end)) {
            for w in &ws[i..=j] {
                if shape(w.text) != Shape::None {
                    known.insert(family(w.text).to_owned());
                } else if FINISHERS.contains(&w.text) && w.text.len() > 2 {
                    known.insert(w.text.to_owned());
                }
            }
            let conf = if maker || sh == Shape::Mixed {
                SURE
            } else {
                LIKELY
            };
            out.push(product(span, conf));
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

/// A model token with no brand before it: the same model the article named with
/// its brand, or a letters-and-digits model beside a product word.
fn standalone(
    ctx: &Context<'_>,
    ws: &[Word<'_>],
    known: &FxHashSet<String>,
    out: &mut Vec<Candidate>,
) {
    // Names already found in this sentence: "MAX 9" of "Boeing 737 MAX 9" is inside one.
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return;
    };
    let found: Vec<Span> = (out.iter())
        .map(|c| c.span)
        .filter(|s| first.span.start <= s.start && s.end <= last.span.end)
        .collect();
    let mut i = 0;
    while i < ws.len() {
        if found
            .iter()
            .any(|s| s.start <= ws[i].span.start && ws[i].span.end <= s.end)
        {
            i += 1;
            continue;
        }
        let sh = shape(ws[i].text);
        let after_brand = i > 0 && !ws[i - 1].closed && brandlike(&ws[i - 1]);
        // "the MAX 10s" after "Boeing 737 MAX 10": the model by its finisher.
        if known.contains(ws[i].text) && !after_brand && !ws[i].closed {
            let j = finish_right(ws, i);
            if j > i && ws[i + 1..=j].iter().any(|w| shape(w.text) != Shape::None) {
                let span = Span::new(ws[i].span.start, ws[j].span.end);
                out.push(product(span, LIKELY));
                i = j + 1;
                continue;
            }
        }
        // "25 A321neo jets": a count before a model.
        let count = sh == Shape::Digits
            && !ws[i].closed
            && ws.get(i + 1).is_some_and(|n| shape(n.text) == Shape::Mixed);
        if !matches!(sh, Shape::Mixed | Shape::Digits | Shape::Variant) || after_brand || count {
            i += 1;
            continue;
        }
        let j = finish_right(ws, i);
        let seen = known.contains(family(ws[i].text));
        // "Boeing's 737 MAX": the maker's own model.
        let makers_own =
            i > 0 && ws[i - 1].closed && ctx.maker(&ws[i - 1]) && possessive(ctx.text, &ws[i - 1]);
        // "ten 787-10 aircraft", "the 787-9 Dreamliner jets", "the 737 MAX" with
        // Boeing in the sentence: a family number gets a product word right after
        // it, or a finisher and a maker; a bare count ("200 aircraft") gets neither.
        let numbered_model = (sh == Shape::Variant || (sh == Shape::Digits && j > i))
            && !tabular(ws)
            && !scoreline(ws, j)
            && (ws
                .get(j + 1)
                .is_some_and(|n| PRODUCT_NOUNS.contains(&n.text))
                && !ws[j].closed
                || (j > i && ctx_maker_in(ctx, ws)));
        let accept = seen
            || makers_own
            || numbered_model
            || (sh == Shape::Mixed
                && short_prefix(ws[i].text)
                && (cue_near(ws, i, j, 8) || ctx_maker_in(ctx, ws)));
        let span = Span::new(ws[i].span.start, ws[j].span.end);
        if accept && !ctx.claimed(span) {
            let conf = if seen { SURE } else { LIKELY };
            out.push(product(span, conf));
        }
        i = j + 1;
    }
    // "the MAX", "the Edge": a finisher standing for the model named before.
}

/// "A321neo", "777X", "GB300", not "Brentford3": a model series is a few letters.
fn short_prefix(w: &str) -> bool {
    w.chars().take_while(|c| c.is_ascii_alphabetic()).count() <= 3
}

fn possessive(text: &str, w: &Word<'_>) -> bool {
    let after = text.get(w.span.end..).unwrap_or("").trim_start_matches(' ');
    after.starts_with("'s ") || after.starts_with("’s ")
}

fn ctx_maker_in(ctx: &Context<'_>, ws: &[Word<'_>]) -> bool {
    ws.iter()
        .any(|w| w.text.starts_with(char::is_uppercase) && ctx.maker(w))
}

/// A known maker followed by a capitalised name that is not a company word:
/// "Cadillac Lyriq", "Google Chrome", "Jeep Cherokee".
fn maker_names(ctx: &Context<'_>, ws: &[Word<'_>], out: &mut Vec<Candidate>) {
    for i in 0..ws.len().saturating_sub(1) {
        let (m, n) = (&ws[i], &ws[i + 1]);
        let capital = m.text.starts_with(char::is_uppercase);
        if m.closed
            || !capital
            || !brandlike(n)
            || shape(n.text) != Shape::None
            || !(ctx.is_maker)(m.text)
        {
            continue;
        }
        let mut j = i + 1;
        if !ws[j].closed
            && j + 1 < ws.len()
            && (FINISHERS.contains(&ws[j + 1].text) || brandlike(&ws[j + 1]))
        {
            j += 1;
        }
        let name = &ws[i + 1..=j];
        // "Qantas Airbus": another maker (or a model, which `branded` reads) follows.
        let company = name.iter().any(|w| {
            COMPANY_WORDS.contains(&w.text)
                || NOT_PRODUCT_HEADS.contains(&w.text)
                || (ctx.is_maker)(w.text)
                || shape(w.text) != Shape::None
        }) || (ctx.is_maker)(
            ctx.text.get(m.span.start..ws[j].span.end).unwrap_or(""),
        ) || name.iter().any(|w| {
            w.text.chars().all(|c| c.is_uppercase())
                && w.text.len() <= 4
                && !FINISHERS.contains(&w.text)
        });
        let span = Span::new(m.span.start, ws[j].span.end);
        if company || ctx.claimed(Span::new(n.span.start, ws[j].span.end)) {
            continue;
        }
        let place_or_person = ctx.places.any(Span::new(n.span.start, span.end));
        if !place_or_person {
            out.push(product(span, LIKELY));
        }
    }
}

/// "Merck's Keytruda", "Google's Chrome", "Nvidia's Blackwell processors": a
/// capitalised name a known company owns, when it is no person, title, place,
/// date or company, and no part of the company ("Boeing's Defense unit").
fn makers_own_names(ctx: &Context<'_>, ws: &[Word<'_>], out: &mut Vec<Candidate>) {
    for i in 0..ws.len().saturating_sub(1) {
        let m = &ws[i];
        if !m.closed || !possessive(ctx.text, m) || !(ctx.is_maker)(m.text) {
            continue;
        }
        let mut j = i + 1;
        if !brandlike(&ws[j]) || shape(ws[j].text) != Shape::None {
            continue;
        }
        while j + 1 < ws.len() && j < i + 3 && !ws[j].closed && brandlike(&ws[j + 1]) {
            j += 1;
        }
        let span = Span::new(ws[i + 1].span.start, ws[j].span.end);
        let name = &ws[i + 1..=j];
        let next = ws.get(j + 1).filter(|_| !ws[j].closed).map(|w| w.text);
        let part = next.is_some_and(|n| ORG_PARTS.contains(&n));
        let company = name.iter().any(|w| COMPANY_WORDS.contains(&w.text))
            || (ctx.is_maker)(span.slice(ctx.text))
            || name.iter().any(|w| (ctx.is_maker)(w.text))
            || name
                .iter()
                .any(|w| w.text.len() <= 4 && w.text.chars().all(|c| c.is_ascii_uppercase()));
        if part || company || ctx.claimed(span) || ctx.places.any(span) {
            continue;
        }
        out.push(product(span, LIKELY));
    }
}

/// "the weight-loss drug Wegovy", "the chatbot Gemini": a capitalised name right
/// after a singular word for a kind of device, drug or software.
fn named_after_kind(ctx: &Context<'_>, ws: &[Word<'_>], out: &mut Vec<Candidate>) {
    for i in 0..ws.len().saturating_sub(1) {
        let kind = ws[i].text;
        let kind_word = GADGETS.contains(&kind) && kind.chars().all(|c| c.is_ascii_lowercase());
        if !kind_word || ws[i].closed || !brandlike(&ws[i + 1]) || (ctx.is_maker)(ws[i + 1].text) {
            continue;
        }
        let mut j = i + 1;
        while j + 1 < ws.len() && j < i + 3 && !ws[j].closed && brandlike(&ws[j + 1]) {
            j += 1;
        }
        let span = Span::new(ws[i + 1].span.start, ws[j].span.end);
        if ctx.hard.any(span) {
            continue;
        }
        out.push(product(span, LIKELY));
        // "the drugs Ozempic and Mounjaro": a second name joined by "and" or "or".
        let joined = ws
            .get(j + 1)
            .is_some_and(|w| matches!(w.text, "and" | "or"));
        if kind.ends_with('s') && !ws[j].closed && joined {
            if let Some(next) = ws
                .get(j + 2)
                .filter(|w| brandlike(w) && !(ctx.is_maker)(w.text))
            {
                if !ctx.hard.any(next.span) {
                    out.push(product(next.span, LIKELY));
                }
            }
        }
    }
}

/// "Polaroids", "two Teslas", "iPhones": a company's or brand's name in the
/// plural counts the things it makes.
fn plural_makes(ctx: &Context<'_>, ws: &[Word<'_>], out: &mut Vec<Candidate>) {
    for w in ws {
        let Some(one) = w.text.strip_suffix('s') else {
            continue;
        };
        let plural_noun = one.len() >= 3
            && w.text.starts_with(char::is_uppercase)
            && !one.ends_with(['s', '\''])
            && one.chars().all(char::is_alphanumeric);
        if plural_noun && !(ctx.is_maker)(w.text) && (ctx.is_maker)(one) && !ctx.claimed(w.span) {
            out.push(product(w.span, LIKELY));
        }
    }
}

/// A name from the product lists ("Internet Explorer", "Qashqai"), with a version
/// after it ("Windows 8.1", "Firefox 3") and its maker before it ("Mozilla
/// Firefox"). A name that is also a word, a person or a place ("Chrome",
/// "Tucson") needs its maker or owner named in the article, or a word for its kind
/// in the sentence ("browser", "SUV").
fn listed_names(ctx: &Context<'_>, ws: &[Word<'_>], out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < ws.len() {
        // Every listed name starts with a capital, a digit or a camel-case word.
        let b = ws[i].text.as_bytes();
        if b[0].is_ascii_lowercase() && b.get(1).is_none_or(u8::is_ascii_lowercase) {
            i += 1;
            continue;
        }
        let hit = (i..ws.len().min(i + MAX_WORDS)).rev().find_map(|j| {
            if ws[i..j].iter().any(|w| w.closed) {
                return None;
            }
            // The words joined by single spaces, as the list writes them.
            let spaced = ctx.text.get(ws[i].span.start..ws[j].span.end)?;
            let joined = ws[i..=j].iter().map(|w| w.text.len()).sum::<usize>() + (j - i);
            let single = spaced.len() == joined && !spaced.contains(['\t', '\n', '\r']);
            single.then(|| ctx.known.listed(spaced).map(|l| (j, l)))?
        });
        let Some((mut j, listing)) = hit else {
            i += 1;
            continue;
        };
        if !ws[j].closed && ws.get(j + 1).is_some_and(|n| version(n.text)) {
            j += 1;
        }
        let before = i.checked_sub(1).map(|p| &ws[p]).filter(|p| !p.closed);
        let maker_before = before.is_some_and(|p| p.text == listing.maker || ctx.maker(p));
        let next_name = (ws.get(j + 1))
            .filter(|n| !ws[j].closed && brandlike(n) && !listing.kind.words().contains(&n.text));
        // Inside some other name: "Opera House", "Safari Park", "Las Vegas Golf".
        let inside =
            next_name.is_some() || before.is_some_and(|p| i > 1 && brandlike(p) && !maker_before);
        let said = ws.iter().any(|w| listing.kind.words().contains(&w.text));
        // "a dealership in Tucson": a place the sentence puts something in.
        let placed = ctx.placed(ws[i].span);
        let start = if maker_before { i - 1 } else { i };
        let span = Span::new(ws[start].span.start, ws[j].span.end);
        let evidence = listing.settled || said;
        if !inside && !placed && evidence && !ctx.claimed(span) {
            out.push(product(span, if listing.settled { SURE } else { LIKELY }));
        }
        i = j + 1;
    }
}

/// Words that put what follows them on a map.
const LOCATIVES: [&str; 6] = ["in", "at", "from", "near", "outside", "to"];

/// A version number after a product name: "8.1", "11", "3.6.2".
fn version(w: &str) -> bool {
    let mut parts = w.split('.');
    parts.clone().count() <= 3
        && parts.all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Once the article shows a name is a product, its other mentions are too,
/// whatever the model read there ("Wegovy" after "the drug Wegovy").
fn every_mention(ctx: &Context<'_>, out: &mut Vec<Candidate>) {
    let names: FxHashSet<&str> = out.iter().map(|c| c.text(ctx.text)).collect();
    let more: Vec<Candidate> = ctx
        .cands
        .iter()
        .filter(|c| {
            c.source == Source::Model
                && c.kind.is_name()
                && names.contains(c.text(ctx.text))
                && !ctx.placed(c.span)
        })
        .map(|c| product(c.span, LIKELY))
        .collect();
    out.extend(more);
}

/// "Internet Explorer" … "IE", "IE6": the initials of a product name of two or
/// more capitalised words, alone or with a version, name the same product.
fn initials(ctx: &Context<'_>, sentences: &[Vec<Word<'_>>], out: &mut Vec<Candidate>) {
    let mut short: FxHashSet<String> = FxHashSet::default();
    for c in out.iter() {
        let words: Vec<&str> = c.text(ctx.text).split(' ').collect();
        let named = words
            .iter()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count();
        if words.len() >= 2 && named >= 2 {
            short.insert(
                words
                    .iter()
                    .filter_map(|w| w.chars().next())
                    .filter(|c| c.is_uppercase())
                    .collect(),
            );
        }
    }
    if short.is_empty() {
        return;
    }
    for w in sentences.iter().flatten() {
        let letters = w.text.trim_end_matches(|c: char| c.is_ascii_digit());
        let version = &w.text[letters.len()..];
        if version.len() <= 2 && short.contains(letters) && !ctx.claimed(w.span) {
            out.push(product(w.span, LIKELY));
        }
    }
}

/// "Dupixent, its best-selling eczema drug,": a comma after word `b`, then within
/// a few words a determiner and a word for a drug or device that is the phrase's
/// head (never "Pfizer, a drug maker").
fn appositive_kind(text: &str, ws: &[Word<'_>], b: usize) -> bool {
    let comma = text
        .get(ws[b].span.end..)
        .is_some_and(|t| t.trim_start().starts_with(','));
    if !comma {
        return false;
    }
    let rest = &ws[b + 1..ws.len().min(b + 7)];
    let Some(det) = rest
        .iter()
        .position(|w| matches!(w.text, "a" | "an" | "its" | "the" | "their"))
    else {
        return false;
    };
    if det > 0 {
        return false;
    }
    rest.iter().enumerate().skip(1).take(4).any(|(k, w)| {
        let head = GADGETS.contains(&w.text) && !w.text.ends_with('s');
        let before_closed = rest[..k].iter().all(|p| !p.closed);
        let maker = rest.get(k + 1).is_some_and(|n| {
            matches!(
                n.text,
                "maker"
                    | "makers"
                    | "company"
                    | "giant"
                    | "firm"
                    | "group"
                    | "developer"
                    | "producer"
            )
        });
        head && before_closed && !maker
    })
}

/// Names the model could only call MISC (or a person) that stand beside a word
/// for a kind of product, and words written like "iPhone".
fn retyped_misc(ctx: &Context<'_>, sentences: &[Vec<Word<'_>>], out: &mut Vec<Candidate>) {
    for c in ctx.cands {
        let name = c.text(ctx.text);
        let typed = c.source == Source::Model
            && matches!(
                c.kind,
                EntityType::Misc | EntityType::Person | EntityType::Org
            );
        let last = name.rsplit(' ').next().unwrap_or(name);
        // "North American", "Amman-bound", "Leeds-based": words about a place or people.
        let adjective = [
            "an", "ese", "ish", "ic", "-bound", "-based", "-made", "-owned", "-led",
        ]
        .iter()
        .any(|e| last.ends_with(e));
        if !typed || !name.starts_with(char::is_uppercase) || adjective {
            continue;
        }
        let at =
            sentences.partition_point(|ws| ws.first().is_none_or(|w| w.span.start <= c.span.start));
        let Some(ws) = at.checked_sub(1).map(|k| &sentences[k]) else {
            continue;
        };
        if ws.last().is_none_or(|w| w.span.end < c.span.end) {
            continue;
        }
        let first = ws.iter().position(|w| w.span.end > c.span.start);
        let last = ws.iter().rposition(|w| w.span.start < c.span.end);
        let (Some(a), Some(b)) = (first, last) else {
            continue;
        };
        let next = ws.get(b + 1).filter(|_| !ws[b].closed).map(|w| w.text);
        let noun = |w: &Word<'_>| {
            PRODUCT_NOUNS.contains(&w.text) && w.text.chars().all(|c| c.is_lowercase() || c == '-')
        };
        let before = ws[a.saturating_sub(2)..a].iter().any(noun);
        // "the drug Wegovy", never "drug maker Pfizer".
        let just_before = a > 0 && noun(&ws[a - 1]) && !ws[a - 1].closed;
        let after = next.is_some_and(|n| PRODUCT_NOUNS.contains(&n));
        // "Blackwell chips": a name the model read as ORG before a word for a
        // device or drug, unless the company table knows it ("Pfizer vaccine").
        let gadget_after = next.is_some_and(|n| GADGETS.contains(&n));
        let apposed = appositive_kind(ctx.text, ws, b);
        let ok = match c.kind {
            _ if apposed => !(ctx.is_maker)(name),
            EntityType::Misc => after || before,
            EntityType::Person => after || just_before,
            _ => (just_before || gadget_after) && !(ctx.is_maker)(name),
        };
        if ok {
            out.push(product(c.span, LIKELY));
        }
    }
    for ws in sentences {
        for w in ws {
            let b = w.text.as_bytes();
            // "iPhone", "iPad", "eBay", never "mRNA" or "pH".
            let camel = b.len() >= 4
                && b[0].is_ascii_lowercase()
                && b[1].is_ascii_uppercase()
                && b[2..].iter().any(u8::is_ascii_lowercase)
                && b.iter().all(u8::is_ascii_alphanumeric);
            if camel && !(ctx.is_maker)(w.text) {
                out.push(product(w.span, LIKELY));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The products in `text` (one sentence per line), given other recognizers'
    /// ORG names and the makers the company table knows.
    /// Makers by name, and four listed products (two of them ambiguous).
    struct Table<'a>(&'a [&'a str]);

    impl Known for Table<'_> {
        fn is_maker(&self, name: &str) -> bool {
            self.0.contains(&name)
        }

        fn listed(&self, name: &str) -> Option<ListedProduct<'_>> {
            let (kind, settled, maker) = match name {
                "Internet Explorer" => (ProductKind::Browser, true, "Microsoft"),
                "Firefox" => (ProductKind::Browser, true, "Mozilla"),
                "Chrome" => (ProductKind::Browser, false, "Google"),
                "Tucson" => (ProductKind::Vehicle, false, "Hyundai"),
                _ => return None,
            };
            Some(ListedProduct {
                kind,
                settled,
                maker,
            })
        }
    }

    fn products(text: &str, orgs: &[&str], makers: &[&str]) -> Vec<String> {
        products_placed(text, orgs, &[], makers)
    }

    /// As `products`, with the last occurrence of each of `places` read as a GPE.
    fn products_placed(text: &str, orgs: &[&str], places: &[&str], makers: &[&str]) -> Vec<String> {
        let mut at = 0;
        let sentences: Vec<Span> = text
            .split('\n')
            .map(|line| {
                let s = Span::new(at, at + line.len());
                at += line.len() + 1;
                s
            })
            .collect();
        let doc = Doc::with_sentences(text, &[], &sentences);
        let cands: Vec<Candidate> = orgs
            .iter()
            .map(|o| {
                let start = text.find(o).expect("org in text");
                Candidate::new(
                    Span::new(start, start + o.len()),
                    EntityType::Org,
                    Source::Model,
                    0.9,
                )
            })
            .chain(places.iter().map(|p| {
                let start = text.rfind(p).expect("place in text");
                Candidate::new(
                    Span::new(start, start + p.len()),
                    EntityType::Gpe,
                    Source::Gazetteer,
                    0.9,
                )
            }))
            .collect();
        propose(&doc, &cands, &Table(makers))
            .iter()
            .map(|c| c.text(text).to_owned())
            .collect()
    }

    #[test]
    fn listed_names_take_their_version_and_their_maker() {
        let text = "Microsoft will stop supporting Internet Explorer 6 next year.\n\
                    Mozilla Firefox and Chrome are faster browsers.";
        assert_eq!(
            products(text, &[], &["Microsoft"]),
            ["Internet Explorer 6", "Mozilla Firefox", "Chrome"]
        );
    }

    #[test]
    fn initials_of_a_product_name_are_the_product() {
        let text = "Microsoft retired Internet Explorer on Monday.\nIE6 and IE users must move; the EU agreed.";
        assert_eq!(
            products(text, &[], &["Microsoft"]),
            ["Internet Explorer", "IE6", "IE"]
        );
    }

    #[test]
    fn an_ambiguous_listed_name_needs_its_kind_or_maker_and_no_place_reading() {
        assert!(products("Chrome plating is expensive.", &[], &[]).is_empty());
        let text =
            "The Tucson SUV sells well.\nShe runs a dealership in Tucson, Arizona, with ten cars.";
        assert_eq!(products_placed(text, &[], &["Tucson"], &[]), ["Tucson"]);
        // A no-break space (two bytes) before the word that places the name.
        let nbsp =
            "The Tucson SUV sells well.\nA dealership\u{a0}in Tucson, Arizona, has ten cars.";
        assert_eq!(products_placed(nbsp, &[], &["Tucson"], &[]), ["Tucson"]);
        let inside = "Microsoft ran The Internet Explorer 6 Countdown site.";
        assert!(products(inside, &[], &["Microsoft"]).is_empty());
    }

    #[test]
    fn a_maker_and_its_model_are_one_product_and_the_model_alone_is_it_too() {
        let text = "Delta ordered 30 Airbus A350-1000 jets on Monday.\nThe A350 has been reliable.";
        assert_eq!(
            products(text, &[], &["Airbus"]),
            ["Airbus A350-1000", "A350"]
        );
    }

    #[test]
    fn the_brand_starts_at_the_last_maker() {
        let text = "A Qantas Airbus A350-1000ULR landed at London Heathrow on Saturday.";
        assert_eq!(
            products(text, &["Qantas"], &["Qantas", "Airbus"]),
            ["Airbus A350-1000ULR"]
        );
    }

    #[test]
    fn a_name_after_a_word_for_a_drug_is_a_product_and_so_are_its_other_mentions() {
        let text = "Novo Nordisk will cut the price of its weight-loss drug Wegovy.";
        assert_eq!(products(text, &[], &["Novo Nordisk"]), ["Wegovy"]);
        assert!(products("The drug maker Pfizer said so.", &[], &["Pfizer"]).is_empty());
    }

    #[test]
    fn drugs_named_in_a_list_or_an_apposition_are_products() {
        let text = "Patients switched from the drugs Ozempic and Mounjaro.";
        assert_eq!(products(text, &[], &[]), ["Ozempic", "Mounjaro"]);
        let maker = "Sanofi, a drug maker, said so.";
        assert!(products(maker, &["Sanofi"], &[]).is_empty());
    }

    #[test]
    fn finishers_and_variants_belong_to_the_model() {
        let text = "The carrier had 181 Boeing 737 MAX 8-200 jets and Xbox Series X consoles.";
        assert_eq!(
            products(text, &[], &["Boeing", "Xbox"]),
            ["Boeing 737 MAX 8-200", "Xbox Series X"]
        );
    }

    #[test]
    fn a_family_number_needs_a_product_word_or_a_finisher_and_a_maker() {
        let text = "Delta ordered ten 787-10 aircraft and twenty 787-9 Dreamliner jets.\n\
                    Boeing said the 737 MAX would return.\nThe airline ordered 200 aircraft.";
        assert_eq!(
            products(text, &[], &["Boeing"]),
            ["787-10", "787-9 Dreamliner", "737 MAX"]
        );
    }

    #[test]
    fn a_short_sentence_and_a_verb_after_the_variant_do_not_hide_a_product() {
        let text = "The Boeing 737 MAX 9 awaits certification.";
        assert_eq!(products(text, &[], &["Boeing"]), ["Boeing 737 MAX 9"]);
    }

    #[test]
    fn scores_counts_ages_and_results_tables_are_no_products() {
        assert!(products("Feyenoord 3 Ajax 1", &["Feyenoord", "Ajax"], &[]).is_empty());
        let fine = "The Commission fined Apple 500 million euros.";
        assert!(products(fine, &[], &["Apple"]).is_empty());
        assert!(products("The 22-year-old scored in the 75th minute.", &[], &[]).is_empty());
        assert!(products("Scores : Australia 228-9 , Sri Lanka 232-6", &[], &[]).is_empty());
    }

    #[test]
    fn a_makers_possessive_name_is_its_product_unless_it_is_a_part_of_it() {
        let text = "Merck's Keytruda won approval.\nBoeing's Defense unit grew.";
        assert_eq!(products(text, &[], &["Merck", "Boeing"]), ["Keytruda"]);
    }

    #[test]
    fn plural_and_maker_less_mentions_share_the_models_key() {
        assert_eq!(model_key("Boeing 787-9"), model_key("787-9s"));
        assert_eq!(model_key("Airbus A321neo"), model_key("A321neos"));
        assert_eq!(model_key("Switch 2"), None);
    }

    #[test]
    fn model_tokens_have_letters_and_digits_or_stand_after_a_brand() {
        for w in [
            "A321neo",
            "S25",
            "RAV4",
            "777X",
            "A350-1000",
            "E175s",
            "GB300",
            "XWB-97",
            "9a",
        ] {
            assert_eq!(shape(w), Shape::Mixed, "{w}");
        }
        for w in ["737", "737s", "365"] {
            assert_eq!(shape(w), Shape::Digits, "{w}");
        }
        for w in [
            "75th",
            "1990s",
            "5km",
            "COVID-19",
            "G20",
            "Q3",
            "FY2025",
            "CO2",
            "10am",
            "3D",
            "5G",
            "abc",
            "2020-02-07",
        ] {
            assert_eq!(shape(w), Shape::None, "{w}");
        }
    }
}

//! Product names from open lists (`data/companies/products.tsv`, built by
//! `scripts/data/build_companies.py`): browsers, operating systems, game consoles,
//! car models, the team's device and software lines, and companies' infobox
//! products. A name that is also a word, a person, a place or a company
//! ("Chrome", "Tucson", "Focus") is *ambiguous*: it is a product only where the
//! article names its maker or owner, or says what kind of thing it is.

use super::error::LexiconError;
use rustc_hash::FxHashMap;

/// What a listed product is; each kind has the words that say so in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProductKind {
    Browser,
    Os,
    Console,
    Vehicle,
    Device,
    Software,
    /// From a company's infobox: no kind words, only its owner settles it.
    Infobox,
}

impl ProductKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "browser" => Self::Browser,
            "os" => Self::Os,
            "console" => Self::Console,
            "vehicle" => Self::Vehicle,
            "device" => Self::Device,
            "software" => Self::Software,
            "infobox" => Self::Infobox,
            _ => return None,
        })
    }

    /// Lower-case words that, in the same sentence, say a name of this kind is
    /// the product ("the Tucson SUV", "Chrome and other browsers").
    pub(crate) fn words(self) -> &'static [&'static str] {
        match self {
            Self::Browser => &["browser", "browsers", "web"],
            Self::Os | Self::Software => &[
                "software",
                "computer",
                "computers",
                "operating",
                "PC",
                "PCs",
                "app",
                "apps",
                "smartphone",
                "smartphones",
                "update",
            ],
            Self::Console => &["console", "consoles", "game", "games", "gaming"],
            Self::Vehicle => &[
                "car",
                "cars",
                "SUV",
                "SUVs",
                "sedan",
                "sedans",
                "hatchback",
                "crossover",
                "vehicle",
                "vehicles",
                "model",
                "models",
                "pickup",
                "EV",
                "EVs",
                "carmaker",
                "automaker",
            ],
            Self::Device => &[
                "device",
                "devices",
                "phone",
                "phones",
                "smartphone",
                "smartphones",
                "tablet",
                "tablets",
                "laptop",
                "laptops",
                "speaker",
                "speakers",
                "console",
                "chip",
                "chips",
            ],
            Self::Infobox => &[],
        }
    }
}

/// One listed product name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Listing {
    pub kind: ProductKind,
    /// The make as written ("Hyundai", "Mozilla"); empty when only the owner is known.
    pub maker: String,
    /// Row of the owning company in the company table.
    pub owner: Option<u32>,
    /// Also a word, a name, a place or a company.
    pub ambiguous: bool,
}

/// Most words in a listed name ("Nintendo Wii U").
pub(crate) const MAX_WORDS: usize = 4;

/// The product names, by name as written.
#[derive(Debug, Clone, Default)]
pub(crate) struct ProductList {
    names: FxHashMap<String, Listing>,
}

impl ProductList {
    /// Reads a products TSV (`product`, `maker`, `owner` id, `kind`, `ambiguous`);
    /// `owner` maps a company id to its row, and every owner must be known.
    pub(crate) fn parse(
        file: &'static str,
        tsv: &str,
        owner: &dyn Fn(&str) -> Option<u32>,
    ) -> Result<Self, LexiconError> {
        let rows = tsv
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        let mut out = ProductList::default();
        for (n, line) in rows.skip(1) {
            let bad = |reason: String| LexiconError::BadRow {
                file,
                line: n + 1,
                reason,
            };
            let cells: Vec<&str> = line.split('\t').collect();
            let [name, maker, owner_id, kind, ambiguous] = cells[..] else {
                return Err(bad(format!("{} cells, want 5", cells.len())));
            };
            if name.is_empty() || name.split(' ').count() > MAX_WORDS {
                return Err(bad(format!(
                    "product `{name}`: empty or over {MAX_WORDS} words"
                )));
            }
            let owner = match owner_id {
                "" => None,
                id => Some(owner(id).ok_or_else(|| bad(format!("unknown owner `{id}`")))?),
            };
            let kind =
                ProductKind::parse(kind).ok_or_else(|| bad(format!("unknown kind `{kind}`")))?;
            let ambiguous = match ambiguous {
                "" => false,
                "yes" => true,
                other => return Err(bad(format!("ambiguous is `{other}`, want yes or empty"))),
            };
            let listing = Listing {
                kind,
                maker: maker.to_owned(),
                owner,
                ambiguous,
            };
            out.names.insert(name.to_owned(), listing);
        }
        Ok(out)
    }

    /// The listing of a name written with single spaces.
    pub(crate) fn get(&self, name: &str) -> Option<&Listing> {
        self.names.get(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "# c\nproduct\tmaker\towner\tkind\tambiguous\n\
        Internet Explorer\tMicrosoft\tMS\tbrowser\t\nTucson\tHyundai\t\tvehicle\tyes\n";

    #[test]
    fn reads_names_owners_and_ambiguity() {
        let list = ProductList::parse("p", TSV, &|id| (id == "MS").then_some(7)).expect("valid");
        let ie = list.get("Internet Explorer").expect("listed");
        assert_eq!(
            (ie.kind, ie.owner, ie.ambiguous),
            (ProductKind::Browser, Some(7), false)
        );
        let tucson = list.get("Tucson").expect("listed");
        assert_eq!((tucson.maker.as_str(), tucson.ambiguous), ("Hyundai", true));
        assert!(list.get("Explorer").is_none());
    }

    #[test]
    fn rejects_unknown_owner_kind_and_short_rows() {
        let none = |_: &str| None;
        let owner = "product\tmaker\towner\tkind\tambiguous\nX1\t\tNope\tvehicle\t\n";
        let kind = "product\tmaker\towner\tkind\tambiguous\nX1\t\t\tboat\t\n";
        let short = "product\tmaker\towner\tkind\tambiguous\nX1\tBMW\n";
        let long = "product\tmaker\towner\tkind\tambiguous\nA B C D E\t\t\tvehicle\t\n";
        for tsv in [owner, kind, short, long] {
            assert!(matches!(
                ProductList::parse("p", tsv, &none),
                Err(LexiconError::BadRow { line: 2, .. })
            ));
        }
    }
}

//! The public result types; they become the JSON and gRPC shape of the metadata API.

use super::agencies::Agency;
use crate::text::Span;
use serde::Serialize;

/// Layout plus metadata of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    /// The blocks of the text in reading order.
    pub layout: Layout,
    /// What the text says about itself: dates, credits, title, contacts, language.
    pub metadata: Metadata,
}

/// The article as a sequence of typed blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Layout {
    /// Every non-blank paragraph-like block in order.
    pub blocks: Vec<Block>,
}

/// One paragraph-like block (lines between blank lines, or one header line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Block {
    /// The block, trimmed of surrounding white space.
    pub span: Span,
    /// What role the block plays; only `Body` blocks go on to sentence splitting.
    pub kind: BlockKind,
}

/// Role of a block in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The headline.
    Title,
    /// A date line, possibly with a byline (` date 2020-02-07 By Trend`).
    Header,
    /// Credits only (`By Jane Doe, Reuters`, `Reporting by X; Editing by Y`).
    Byline,
    /// A dateline standing alone on its line (`WASHINGTON (AP) —`).
    Dateline,
    /// Article prose.
    Body,
    /// Navigation, promotion and legal text; its kind is in `Metadata::boilerplate`.
    Boilerplate,
}

/// Everything found about the article; every value carries its span.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Metadata {
    /// Headline, only when the text has one (never invented).
    pub title: Option<TextField>,
    /// Publication date from a header line.
    pub published: Option<DateField>,
    /// Last-updated date from an `Updated ...` header line.
    pub updated: Option<DateField>,
    /// People credited in bylines and credit lines.
    pub authors: Vec<Author>,
    /// Known agencies credited in bylines, header lines or the dateline.
    pub agencies: Vec<AgencyRef>,
    /// Who published the text (footer handle, copyright line).
    pub publisher: Option<Publisher>,
    /// `BAKU, Feb 6 (Reuters) -` at the start of the body.
    pub dateline: Option<Dateline>,
    /// Who reported what, citing whom (`Trend reports ... referring to Y`, `according to Y`).
    pub attributions: Vec<Attribution>,
    /// First sentence of the body, after any dateline.
    pub lead: Option<TextField>,
    /// Language of the body.
    pub language: Option<Language>,
    /// Words in Body blocks (white-space tokens with a letter or digit).
    pub word_count: usize,
    /// `word_count` at 238 words per minute, rounded up, in seconds.
    pub reading_time_seconds: u64,
    /// Social media handles with their platform when the context names it.
    pub handles: Vec<Handle>,
    /// Web addresses (`http(s)://...`, `www....`).
    pub urls: Vec<TextField>,
    /// E-mail addresses.
    pub emails: Vec<TextField>,
    /// Boilerplate blocks with what kind of boilerplate they are.
    pub boilerplate: Vec<Boilerplate>,
}

/// A piece of text: its value as written and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextField {
    /// The text as it appears in the input.
    pub value: String,
    /// Where it appears.
    pub span: Span,
}

impl TextField {
    /// The text under `span` of `text`.
    pub(crate) fn at(text: &str, span: Span) -> Self {
        let value = text.get(span.start..span.end).unwrap_or("").to_string();
        TextField { value, span }
    }
}

/// A normalized calendar date and the expression it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateField {
    /// ISO 8601 date, e.g. `2020-02-07`.
    pub value: String,
    /// The date expression in the input.
    pub span: Span,
}

/// A credited person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Author {
    /// The name as written.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// What the credit says the person did.
    pub role: AuthorRole,
}

/// Credit roles seen in bylines and credit lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorRole {
    /// `By X`, `Written by X`, `Posted by X`.
    Author,
    /// `Reporting by X`.
    Reporter,
    /// `Additional reporting by X`.
    Contributor,
    /// `Editing by X`.
    Editor,
}

/// A mention of an agency from the agency table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgencyRef {
    /// Stable table key, e.g. `reuters`.
    pub id: String,
    /// Canonical name, e.g. `Reuters`.
    pub name: String,
    /// Wikidata item when known.
    pub qid: Option<String>,
    /// Where it is mentioned.
    pub span: Span,
}

impl AgencyRef {
    /// A reference to `a` at `span`.
    pub(crate) fn new(a: &Agency, span: Span) -> Self {
        let (id, name, qid) = (a.id.clone(), a.name.clone(), a.qid.clone());
        AgencyRef {
            id,
            name,
            qid,
            span,
        }
    }
}

/// The publisher and how it was derived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Publisher {
    /// Publisher name (canonical when from the table).
    pub name: String,
    /// Wikidata item when known.
    pub qid: Option<String>,
    /// The handle or copyright holder it was derived from.
    pub span: Span,
    /// Which rule produced it, most reliable first.
    pub source: PublisherSource,
}

/// How a publisher was derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PublisherSource {
    /// A footer/header handle listed in the agency table (`@AzerNewsAz`).
    HandleTable,
    /// The holder of a copyright line (`© 2021 Daily Planet`).
    Copyright,
    /// A follow-us handle with a news word in it (`@XyzNews`), see `publisher.rs`.
    HandleRule,
}

/// A wire dateline at the start of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// The whole dateline including its closing dash.
    pub span: Span,
    /// `BAKU`, `WASHINGTON`, `KYIV, Ukraine`.
    pub place: TextField,
    /// The date, normalized against the publication date.
    pub date: Option<DateField>,
    /// `(Reuters)`, `(AP)`.
    pub agency: Option<AgencyRef>,
}

/// "X reported (on DATE), citing Y".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// From reporter (or cue) to the end of the source.
    pub span: Span,
    /// Who reports (`Trend`, `the ministry`); absent for a bare `according to`.
    pub reporter: Option<TextField>,
    /// The reporter when it is a known agency.
    pub reporter_agency: Option<AgencyRef>,
    /// When it was reported, normalized against the publication date.
    pub date: Option<DateField>,
    /// The cited source (`Azerbaijan’s Defense Ministry`).
    pub source: TextField,
    /// The cue phrase (`referring to`, `citing`, `according to`, `quoting`).
    pub cue: TextField,
}

/// Detected language of the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Language {
    /// ISO 639-1 code, e.g. `en`.
    pub code: String,
    /// ISO 639-3 code as detected, e.g. `eng`.
    pub iso639_3: String,
    /// Detector confidence, 0..=1.
    pub confidence: f64,
    /// The detector's own reliability verdict.
    pub reliable: bool,
}

/// A social media handle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Handle {
    /// The handle with its `@`.
    pub value: String,
    /// Where it is.
    pub span: Span,
    /// The platform named before it on the same line, if any.
    pub platform: Option<Platform>,
}

/// Social platforms recognized from context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// Twitter, now X.
    Twitter,
    /// Instagram.
    Instagram,
    /// Facebook.
    Facebook,
    /// Telegram.
    Telegram,
    /// YouTube.
    Youtube,
    /// TikTok.
    Tiktok,
    /// LinkedIn.
    Linkedin,
    /// Threads.
    Threads,
    /// Mastodon.
    Mastodon,
    /// Bluesky.
    Bluesky,
    /// VKontakte.
    Vk,
}

/// A boilerplate block and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Boilerplate {
    /// The block.
    pub span: Span,
    /// What kind of boilerplate.
    pub kind: BoilerplateKind,
}

/// Kinds of boilerplate kept out of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// `---`, `***`, `___`, `* * *`.
    Separator,
    /// `Follow us on Twitter @X`.
    FollowUs,
    /// `Read more:`, `Also read`, `See also`.
    ReadMore,
    /// `Subscribe ...`, `Sign up for our newsletter`.
    Subscribe,
    /// `© 2021 ...`, `Copyright ...`, `All rights reserved`.
    Copyright,
    /// `Share this article`.
    Share,
    /// `Photo: ...`, `(AP Photo/...)`, `REUTERS/...`.
    PhotoCredit,
    /// `Advertisement`.
    Advertisement,
    /// Cookie and consent notices, `This article was originally published on ...`.
    Notice,
}

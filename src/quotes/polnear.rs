//! Reader for PolNeAR (Newell, Margolin and Ruths, LREC 2018): `text/NAME.txt` with
//! brat stand-off files `attributions/NAME_ANNOTATOR.ann`. `T` lines are Source, Cue
//! or Content spans in character (code point) offsets, a Content possibly
//! discontinuous (`s1 e1;s2 e2`); `E` lines tie one attribution together.
//!
//! Some articles were annotated by several annotators. We read one file per article,
//! the first annotator in file-name order: a fixed choice that does not look at the
//! annotations, so neither training nor scoring favours the annotator we agree with.

use crate::text::Span;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One gold attribution, in byte spans of the article text.
#[derive(Debug, Clone, Default)]
pub struct GoldQuote {
    /// What was said (one or more spans).
    pub content: Vec<Span>,
    /// The attributing words.
    pub cue: Vec<Span>,
    /// The speaker as written, when annotated.
    pub source: Vec<Span>,
}

/// One article with its gold attributions.
#[derive(Debug, Clone)]
pub struct Article {
    /// File stem of the text.
    pub name: String,
    /// The raw text.
    pub text: String,
    /// Gold attributions of the chosen annotator.
    pub quotes: Vec<GoldQuote>,
}

/// Why a split could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// A file or directory could not be read.
    #[error("cannot read {path}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of an annotation file is not brat.
    #[error("{path}:{line}: {reason}")]
    Bad {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> CorpusError + '_ {
    move |source| CorpusError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Reads every article of a split directory (holding `text/` and `attributions/`),
/// sorted by name.
pub fn read_split(dir: &Path) -> Result<Vec<Article>, CorpusError> {
    let ann_dir = dir.join("attributions");
    let mut first_ann: HashMap<String, PathBuf> = HashMap::new();
    let mut files = list(&ann_dir)?;
    files.sort();
    for f in files {
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if let Some((name, _annotator)) = stem.rsplit_once('_') {
            first_ann.entry(name.to_owned()).or_insert(f);
        }
    }
    let mut names: Vec<&String> = first_ann.keys().collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = dir.join("text").join(format!("{name}.txt"));
            let text = std::fs::read_to_string(&path).map_err(io(&path))?;
            let quotes = read_ann(&first_ann[name], &text)?;
            Ok(Article {
                name: name.clone(),
                text,
                quotes,
            })
        })
        .collect()
}

fn list(dir: &Path) -> Result<Vec<PathBuf>, CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(io(dir))?;
    let mut out = Vec::new();
    for e in entries {
        out.push(e.map_err(io(dir))?.path());
    }
    Ok(out)
}

/// Reads one `.ann` file into attributions with byte spans of `text`.
pub fn read_ann(path: &Path, text: &str) -> Result<Vec<GoldQuote>, CorpusError> {
    let raw = std::fs::read_to_string(path).map_err(io(path))?;
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let bad = |line: usize, reason: String| CorpusError::Bad {
        path: path.to_owned(),
        line,
        reason,
    };
    let mut spans: HashMap<&str, Vec<Span>> = HashMap::new();
    let mut events = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        let mut cols = line.split('\t');
        let (id, body) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""));
        // A span's text may hold line breaks, which spill into lines of their own.
        let numbered = |p: char| {
            id.strip_prefix(p)
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        };
        if numbered('T') {
            let (_, ranges) = body
                .split_once(' ')
                .ok_or_else(|| bad(n + 1, "no range".into()))?;
            let parsed = ranges
                .split(';')
                .map(|r| char_range(r, &bytes))
                .collect::<Option<Vec<Span>>>()
                .ok_or_else(|| bad(n + 1, format!("bad range {ranges:?}")))?;
            spans.insert(id, parsed);
        } else if numbered('E') {
            events.push(body);
        }
    }
    Ok(events
        .into_iter()
        .map(|body| gold(body, &spans))
        .filter(|g| !g.content.is_empty())
        .collect())
}

fn char_range(r: &str, bytes: &[usize]) -> Option<Span> {
    let (s, e) = r.trim().split_once(' ')?;
    let (s, e): (usize, usize) = (s.parse().ok()?, e.parse().ok()?);
    (s <= e).then_some(())?;
    Some(Span::new(*bytes.get(s)?, *bytes.get(e)?))
}

fn gold(body: &str, spans: &HashMap<&str, Vec<Span>>) -> GoldQuote {
    let mut g = GoldQuote::default();
    for arg in body.split_whitespace() {
        let Some((role, id)) = arg.split_once(':') else {
            continue;
        };
        let found = spans.get(id).cloned().unwrap_or_default();
        let role = role.trim_end_matches(|c: char| c.is_ascii_digit());
        match role {
            "Content" => g.content.extend(found),
            "Cue" => g.cue.extend(found),
            "Source" => g.source.extend(found),
            _ => {}
        }
    }
    g.content.sort_by_key(|s| (s.start, s.end));
    g
}

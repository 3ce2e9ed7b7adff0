//! The articles to send: files named on the command line, or the committed fixture
//! plus the Wikinews corpus when it is present.

use anyhow::{bail, Context};
use std::path::{Path, PathBuf};

const FIXTURE: &str = "tests/fixtures/trend-2020-02-07-sadigov-gerasimov.txt";
const WIKINEWS: &str = "../shared/corpus/wikinews";

/// One article, ready to send.
pub struct Article {
    /// Where it came from (used as the request id).
    pub name: String,
    /// The raw text.
    pub text: String,
    /// Whitespace-separated words.
    pub words: usize,
}

/// Loads the articles whose word count lies in `min..=max`.
pub fn load(paths: &[PathBuf], min: usize, max: usize) -> anyhow::Result<Vec<Article>> {
    let paths = if paths.is_empty() {
        default_paths()
    } else {
        paths.to_vec()
    };
    let mut files = Vec::new();
    for p in &paths {
        files.extend(expand(p)?);
    }
    let mut articles = Vec::new();
    for f in files {
        let text =
            std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let words = text.split_whitespace().count();
        if (min..=max).contains(&words) {
            articles.push(Article {
                name: f.display().to_string(),
                text,
                words,
            });
        }
    }
    if articles.is_empty() {
        bail!("no article with {min}..={max} words in {paths:?}");
    }
    Ok(articles)
}

fn default_paths() -> Vec<PathBuf> {
    let wikinews = std::env::var_os("NEWSPARSE_WIKINEWS")
        .map_or_else(|| PathBuf::from(WIKINEWS), PathBuf::from);
    let mut out = vec![PathBuf::from(FIXTURE)];
    if wikinews.is_dir() {
        out.push(wikinews);
    }
    out
}

/// A file as itself, a directory as its `.txt` files in name order.
fn expand(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("listing {}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    Ok(files)
}

//! TempEval-3 style evaluation over a folder of TimeML files, and the
//! predictions JSONL that `timexeval.py --byte-offsets` reads.
//!
//! `run(dir)` reads every `.tml` under `dir` (one level of sub-folders, each
//! reported as its own part, e.g. `TimeBank` and `AQUAINT`), recognizes with the
//! document's DCT as anchor and scores exactly like the Python reference.

mod error;
mod report;
mod score;
mod tml;

pub use error::EvalError;
pub use report::{prf as prf_of, EvalReport};
pub use score::{score_doc, to_predicted, Counts, Predicted};
pub use tml::{read_tml, GoldDoc, GoldTimex};

use super::{parse_anchor, Timex, TimexRecognizer};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Loads every `.tml` in `dir` and its immediate sub-folders, sorted by part then name.
pub fn load(dir: &Path) -> Result<Vec<GoldDoc>, EvalError> {
    let mut docs = Vec::new();
    for (part, path) in tml_files(dir)? {
        docs.push(read_tml(&path, &part)?);
    }
    if docs.is_empty() {
        return Err(EvalError::Empty(dir.to_path_buf()));
    }
    Ok(docs)
}

fn tml_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, EvalError> {
    let io = |source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            let part = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            for sub in std::fs::read_dir(&path).map_err(io)? {
                let p = sub.map_err(io)?.path();
                if p.extension().is_some_and(|e| e == "tml") {
                    out.push((part.clone(), p));
                }
            }
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push((String::new(), path));
        }
    }
    out.sort();
    Ok(out)
}

/// Recognizes one document with its DCT (when parseable) as anchor.
pub fn predict(rec: &TimexRecognizer, doc: &GoldDoc) -> Vec<Timex> {
    let anchor = doc.dct.as_deref().and_then(|d| parse_anchor(d).ok());
    rec.recognize(&doc.text, anchor.as_ref())
}

/// Reads, recognizes and scores everything under `dir`.
pub fn run(dir: &Path) -> Result<EvalReport, EvalError> {
    let docs = load(dir)?;
    let rec = TimexRecognizer::new();
    let preds: Vec<Vec<Timex>> = docs.iter().map(|d| predict(&rec, d)).collect();
    Ok(EvalReport::new(&dir.display().to_string(), &docs, &preds))
}

/// Writes one JSON line per document in the `timexeval.py` PRED.jsonl format
/// (UTF-8 byte offsets: score with `--byte-offsets`).
pub fn write_predictions(dir: &Path, out: &mut impl Write) -> Result<(), EvalError> {
    let docs = load(dir)?;
    let rec = TimexRecognizer::new();
    let io = |source| EvalError::Io {
        path: PathBuf::from("<predictions>"),
        source,
    };
    for doc in &docs {
        let timexes: Vec<serde_json::Value> = predict(&rec, doc)
            .iter()
            .map(|t| {
                serde_json::json!({"start": t.span.start, "end": t.span.end,
                    "type": t.kind.as_str(), "value": t.value})
            })
            .collect();
        let line = serde_json::json!({"doc": doc.name, "timexes": timexes});
        writeln!(out, "{line}").map_err(io)?;
    }
    Ok(())
}

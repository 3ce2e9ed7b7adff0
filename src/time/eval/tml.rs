//! A minimal TimeML reader: the `<TEXT>` content with tags removed (entities
//! decoded, whitespace kept), its TIMEX3 elements as byte spans, and the DCT.

use super::error::EvalError;
use std::path::Path;

/// One gold TIMEX3: byte span into [`GoldDoc::text`], type and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte offset of the first character (after trimming white space).
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// TIMEX3 `type`, upper-cased.
    pub kind: String,
    /// TIMEX3 `value`.
    pub value: String,
}

/// One TimeML document as the scorer sees it.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// File name (`wsj_0006.tml`).
    pub name: String,
    /// Which sub-corpus folder it came from (`TimeBank`, `AQUAINT`, or empty).
    pub part: String,
    /// `<TEXT>` content with tags removed.
    pub text: String,
    /// Document creation time value, if present.
    pub dct: Option<String>,
    /// Non-empty TIMEX3s inside `<TEXT>`, sorted.
    pub timexes: Vec<GoldTimex>,
}

/// Reads and parses one `.tml` file.
pub fn read_tml(path: &Path, part: &str) -> Result<GoldDoc, EvalError> {
    let raw = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let bad = |why: &str| EvalError::Format {
        path: path.to_path_buf(),
        why: why.to_string(),
    };
    let dct = find_dct(&raw);
    let open = raw.find("<TEXT>").ok_or_else(|| bad("no <TEXT> element"))?;
    let close = raw[open..]
        .find("</TEXT>")
        .ok_or_else(|| bad("unclosed <TEXT>"))?
        + open;
    let (text, timexes) = strip(&raw[open + 6..close]).ok_or_else(|| bad("malformed tag"))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(GoldDoc {
        name,
        part: part.to_string(),
        text,
        dct,
        timexes,
    })
}

/// Value of the first TIMEX3 in `<DCT>`, else of the CREATION_TIME TIMEX3.
fn find_dct(raw: &str) -> Option<String> {
    let from_dct = raw.find("<DCT>").and_then(|i| {
        let end = raw[i..].find("</DCT>")? + i;
        let tag_at = raw[i..end].find("<TIMEX3")? + i;
        let tag_end = raw[tag_at..].find('>')? + tag_at;
        attr(&raw[tag_at..tag_end], "value")
    });
    from_dct.or_else(|| {
        let i = raw.find("functionInDocument=\"CREATION_TIME\"")?;
        let tag_at = raw[..i].rfind('<')?;
        let tag_end = raw[i..].find('>')? + i;
        attr(&raw[tag_at..tag_end], "value")
    })
}

/// The value of attribute `name` inside a start tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(decode(&tag[i..j]))
}

/// Removes tags from `body`, collecting TIMEX3 spans over the resulting text.
fn strip(body: &str) -> Option<(String, Vec<GoldTimex>)> {
    let mut text = String::with_capacity(body.len());
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut found = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode(&rest[..lt]));
        let gt = rest[lt..].find('>')? + lt;
        let tag = &rest[lt + 1..gt];
        if tag.starts_with("TIMEX3") && !tag.ends_with('/') {
            let kind = attr(tag, "type").unwrap_or_default().to_uppercase();
            open.push((text.len(), kind, attr(tag, "value").unwrap_or_default()));
        } else if tag == "/TIMEX3" {
            let (start, kind, value) = open.pop()?;
            found.push(trimmed(&text, start, text.len(), kind, value));
        }
        rest = &rest[gt + 1..];
    }
    text.push_str(&decode(rest));
    let mut timexes: Vec<GoldTimex> = found.into_iter().flatten().collect();
    timexes.sort_by_key(|t| (t.start, t.end));
    Some((text, timexes))
}

fn trimmed(text: &str, start: usize, end: usize, kind: String, value: String) -> Option<GoldTimex> {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let s = slice.trim();
    (!s.is_empty()).then(|| GoldTimex {
        start: start + lead,
        end: start + lead + s.len(),
        kind,
        value,
    })
}

/// Decodes the five XML entities (and numeric references).
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let semi = tail.find(';').filter(|j| *j < 10);
        let ent = semi.map(|j| &tail[1..j]);
        let ch = ent.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            _ if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        });
        match (ch, semi) {
            (Some(c), Some(j)) => {
                out.push(c);
                rest = &tail[j + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

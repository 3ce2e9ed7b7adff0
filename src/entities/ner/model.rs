//! The trained model: quantized weight tables, the cluster table, and recognition.

use super::clusters::Clusters;
use super::decode::{doc_info, set_pass1, tag_sentence, Scorer};
use super::lexicon::Lexicon;
use super::names::NameLists;
use super::perceptron::row;
use super::tags::{decode, N_TAGS};
#[cfg(test)]
use super::NerLabel;
use super::NerMention;
use crate::text::{Sentence, Token};

const MAGIC: &[u8; 8] = b"NPNER\x00\x00\x04";
/// Version 3 files have no name lists; they still load (with empty lists).
const MAGIC_V3: &[u8; 8] = b"NPNER\x00\x00\x03";
static EMBEDDED_BYTES: &[u8] = include_bytes!("../../../models/ner/model.bin");

/// Why model bytes could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The bytes do not start with the model file magic (wrong file or version).
    #[error("not a newsparse NER model (bad magic or version)")]
    BadMagic,
    /// The file ends before the structure it announces.
    #[error("model file truncated at byte {at}")]
    Truncated {
        /// Offset where more bytes were needed.
        at: usize,
    },
    /// A header field is out of range.
    #[error("model file field {field} has invalid value {value}")]
    Invalid {
        /// Name of the field.
        field: &'static str,
        /// Its value.
        value: u64,
    },
}

/// One quantized weight table: `2^bits` rows of `N_TAGS` `i16`s times `scale`.
pub(crate) struct Table {
    bits: u32,
    scale: f32,
    w: Vec<i16>,
}

impl Table {
    /// Quantizes averaged weights; rows whose largest weight rounds below `prune` are dropped.
    pub(crate) fn quantize(bits: u32, w: &[f32], prune: i16) -> Table {
        let max = w.iter().fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
        let scale = max / 32000.0;
        let mut q: Vec<i16> = w.iter().map(|x| (x / scale).round() as i16).collect();
        for r in q.chunks_mut(N_TAGS) {
            if r.iter().all(|x| x.abs() < prune) {
                r.fill(0);
            }
        }
        Table { bits, scale, w: q }
    }
}

impl Scorer for Table {
    fn score(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        let mut acc = [0i32; N_TAGS];
        for h in feats {
            let r = row(*h, self.bits);
            for (a, w) in acc.iter_mut().zip(&self.w[r..r + N_TAGS]) {
                *a += i32::from(*w);
            }
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s += a as f32 * self.scale;
        }
    }
}

/// The statistical NER model: a first-pass and an optional document-level second-pass table.
pub struct NerModel {
    pass1: Table,
    pass2: Option<Table>,
    clusters: Clusters,
    lexicon: Lexicon,
    names: NameLists,
}

/// The word tables a model carries: clusters, the small lexicon and the name lists.
pub(crate) type Words = (Clusters, Lexicon, NameLists);

impl NerModel {
    /// The model committed under `models/ner/`, compiled in. A broken file is an
    /// error for the resource loader (`crate::resources`) to report, so the
    /// server refuses to start instead of serving with an empty model.
    pub fn embedded() -> Result<NerModel, ModelError> {
        NerModel::from_bytes(EMBEDDED_BYTES)
    }

    pub(crate) fn new(pass1: Table, pass2: Option<Table>, words: Words) -> NerModel {
        NerModel {
            pass1,
            pass2,
            clusters: words.0,
            lexicon: words.1,
            names: words.2,
        }
    }

    /// Finds entity mentions in a whole document (both passes run over all its sentences).
    pub fn recognize(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
    ) -> Vec<NerMention> {
        let words = (&self.clusters, &self.lexicon, &self.names);
        let mut doc = doc_info(text, tokens, sentences, words);
        let mut tags = vec![0u8; tokens.len()];
        let mut probs = vec![1f32; tokens.len()];
        for s in 0..doc.sentences.len() {
            tag_sentence(&self.pass1, &doc, s, &mut tags, &mut probs);
        }
        if let Some(pass2) = &self.pass2 {
            set_pass1(&mut doc, &tags);
            for s in 0..doc.sentences.len() {
                tag_sentence(pass2, &doc, s, &mut tags, &mut probs);
            }
        }
        let mut out = Vec::new();
        for r in &doc.sentences {
            for (range, label) in decode(&tags[r.clone()]) {
                let idx = r.start + range.start..r.start + range.end;
                let confidence = probs[idx.clone()].iter().fold(1f32, |m, p| m.min(*p));
                out.push(NerMention {
                    span: tokens[idx.start].span.cover(&tokens[idx.end - 1].span),
                    tokens: idx,
                    label,
                    confidence,
                });
            }
        }
        out
    }

    /// Loads a model written by [`NerModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, ModelError> {
        let mut r = Reader { b: bytes, at: 0 };
        let magic = r.take(8)?;
        if magic != MAGIC && magic != MAGIC_V3 {
            return Err(ModelError::BadMagic);
        }
        let n_tables = r.u32()?;
        if !(1..=2).contains(&n_tables) {
            return Err(ModelError::Invalid {
                field: "tables",
                value: n_tables.into(),
            });
        }
        let pass1 = read_table(&mut r)?;
        let pass2 = if n_tables == 2 {
            Some(read_table(&mut r)?)
        } else {
            None
        };
        let n = r.u32()? as usize;
        let raw = r.take(
            n.checked_mul(12)
                .ok_or(ModelError::Truncated { at: r.at })?,
        )?;
        let clusters = Clusters::from_entries(raw.chunks_exact(12).map(|c| {
            let (k, p) = c.split_at(8);
            (u64_le(k), u64_le(p) as u32)
        }));
        let n = r.u32()? as usize;
        let mut entries = Vec::with_capacity(n.min(bytes.len() / 9));
        for _ in 0..n {
            entries.push((r.u64()?, r.array::<1>()?[0]));
        }
        let lexicon = Lexicon::from_entries(entries.into_iter());
        let names = if magic == MAGIC {
            let n = r.u32()? as usize;
            let mut entries = Vec::with_capacity(n.min(bytes.len() / 10));
            for _ in 0..n {
                entries.push((r.u64()?, u16::from_le_bytes(r.array()?)));
            }
            NameLists::from_entries(entries.into_iter())
        } else {
            NameLists::default()
        };
        Ok(NerModel {
            pass1,
            pass2,
            clusters,
            lexicon,
            names,
        })
    }

    /// Serializes the model (only non-zero rows are stored). A model without name lists is
    /// written in the version 3 layout, so models trained without them stay byte-identical.
    pub fn to_bytes(&self) -> Vec<u8> {
        let names = self.names.entries();
        let mut out = if names.is_empty() { MAGIC_V3 } else { MAGIC }.to_vec();
        let tables: Vec<&Table> = std::iter::once(&self.pass1).chain(&self.pass2).collect();
        out.extend((tables.len() as u32).to_le_bytes());
        for t in tables {
            write_table(t, &mut out);
        }
        let entries = self.clusters.entries();
        out.extend((entries.len() as u32).to_le_bytes());
        for (k, p) in entries {
            out.extend(k.to_le_bytes());
            out.extend(p.to_le_bytes());
        }
        let entries = self.lexicon.entries();
        out.extend((entries.len() as u32).to_le_bytes());
        for (k, c) in entries {
            out.extend(k.to_le_bytes());
            out.push(c);
        }
        if !names.is_empty() {
            out.extend((names.len() as u32).to_le_bytes());
            for (k, c) in names {
                out.extend(k.to_le_bytes());
                out.extend(c.to_le_bytes());
            }
        }
        out
    }
}

fn write_table(t: &Table, out: &mut Vec<u8>) {
    out.extend(t.bits.to_le_bytes());
    out.extend(t.scale.to_le_bytes());
    let rows: Vec<(usize, &[i16])> =
        t.w.chunks(N_TAGS)
            .enumerate()
            .filter(|(_, r)| r.iter().any(|x| *x != 0))
            .collect();
    out.extend((rows.len() as u32).to_le_bytes());
    for (i, r) in rows {
        out.extend((i as u32).to_le_bytes());
        for x in r {
            out.extend(x.to_le_bytes());
        }
    }
}

fn read_table(r: &mut Reader) -> Result<Table, ModelError> {
    let bits = r.u32()?;
    if !(1..=24).contains(&bits) {
        return Err(ModelError::Invalid {
            field: "bits",
            value: bits.into(),
        });
    }
    let scale = f32::from_le_bytes(r.array()?);
    let n_rows = 1usize << bits;
    let mut w = vec![0i16; n_rows * N_TAGS];
    for _ in 0..r.u32()? {
        let i = r.u32()? as usize;
        if i >= n_rows {
            return Err(ModelError::Invalid {
                field: "row",
                value: i as u64,
            });
        }
        let raw = r.take(2 * N_TAGS)?;
        let row = &mut w[i * N_TAGS..(i + 1) * N_TAGS];
        for (dst, src) in row.iter_mut().zip(raw.chunks_exact(2)) {
            *dst = i16::from_le_bytes([src[0], src[1]]);
        }
    }
    Ok(Table { bits, scale, w })
}

/// Little-endian integer from up to 8 bytes.
fn u64_le(b: &[u8]) -> u64 {
    b.iter().rev().fold(0, |v, x| (v << 8) | u64::from(*x))
}

/// Bounds-checked little-endian reader.
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or(ModelError::Truncated { at: self.at })?;
        self.at += n;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{split_sentences, tokenize, Span};

    /// The embedded model, parsed once for all tests.
    fn model() -> &'static NerModel {
        static MODEL: std::sync::OnceLock<NerModel> = std::sync::OnceLock::new();
        MODEL.get_or_init(|| NerModel::embedded().expect("embedded model loads"))
    }

    #[test]
    fn embedded_model_loads() {
        assert!(NerModel::from_bytes(EMBEDDED_BYTES).is_ok());
    }

    #[test]
    fn rejects_garbage_without_panicking() {
        assert!(matches!(
            NerModel::from_bytes(b"nope"),
            Err(ModelError::Truncated { .. })
        ));
        assert!(matches!(
            NerModel::from_bytes(b"12345678...."),
            Err(ModelError::BadMagic)
        ));
        let good = model().to_bytes();
        for cut in [9, 20, good.len() / 2, good.len() - 1] {
            assert!(NerModel::from_bytes(&good[..cut]).is_err());
        }
    }

    #[test]
    fn name_lists_survive_a_round_trip() {
        let table = || Table::quantize(2, &vec![0.5; 4 * N_TAGS], 0);
        let names = NameLists::from_tsv("New York\tCITY\n");
        let words = (Clusters::default(), Lexicon::default(), names);
        let bytes = NerModel::new(table(), None, words).to_bytes();
        assert_eq!(&bytes[..8], MAGIC);
        let back = NerModel::from_bytes(&bytes).expect("round trip");
        assert_eq!(back.names.entries().len(), 2);
        assert_eq!(back.to_bytes(), bytes);
    }

    proptest::proptest! {
        #[test]
        fn recognize_never_panics(s in "\\PC{0,200}|([A-Z][a-z]{1,8} ){0,12}") {
            let tokens = tokenize(&s);
            let sentences = split_sentences(&s, &tokens, Span::new(0, s.len()));
            for m in model().recognize(&s, &tokens, &sentences) {
                proptest::prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                proptest::prop_assert!(m.tokens.end <= tokens.len() && (0.0..=1.0).contains(&m.confidence));
            }
        }
    }

    #[test]
    fn finds_obvious_entities() {
        let text = "Azerbaijan’s President Ilham Aliyev met Russian officials in Moscow on Monday.";
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens, Span::new(0, text.len()));
        let found: Vec<(&str, NerLabel)> = model()
            .recognize(text, &tokens, &sentences)
            .iter()
            .map(|m| (m.span.slice(text), m.label))
            .collect();
        assert!(
            found.contains(&("Ilham Aliyev", NerLabel::Per)),
            "{found:?}"
        );
        assert!(found.contains(&("Moscow", NerLabel::Loc)), "{found:?}");
    }
}

//! The trained model: quantized weight tables, the cluster table, and recognition.

use super::clusters::Clusters;
use super::decode::{doc_info, tag_document, DocInfo, Scorer, Served, TagPairs};
use super::lexicon::Lexicon;
use super::names::NameLists;
use super::tags::{decode, Row, Table, N_TAGS};
use super::word_rows;
#[cfg(test)]
use super::NerLabel;
use super::NerMention;
use crate::learn::bytes::{write_varint, ReadError, Reader};
use crate::learn::table::TableError;
use crate::text::{Sentence, Span, Token, TokenKind};

const MAGIC: &[u8; 8] = b"NPNER\x00\x00\x05";
/// Version 4 files store table rows whole (34 bytes of weights each); they still load.
const MAGIC_V4: &[u8; 8] = b"NPNER\x00\x00\x04";
/// Version 3 files are version 4 without name lists; they still load (with empty lists).
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

/// A number no other model of this process has.
fn next_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Scorer for Table {
    fn score(&self, feats: &[u64], scores: &mut [f32; N_TAGS]) {
        self.add_scores(feats, scores);
    }
}

/// The statistical NER model: a first-pass and an optional document-level second-pass table.
pub struct NerModel {
    /// Tells this model's word rows (module `word_rows`) from another model's.
    id: u64,
    pass1: Table,
    pass2: Option<Table>,
    /// The tag-pair rows of `pass1` and `pass2`, summed at load.
    pairs: (TagPairs, Option<TagPairs>),
    clusters: Clusters,
    lexicon: Lexicon,
    names: NameLists,
}

/// The word tables a model carries: clusters, the small lexicon and the name lists.
#[cfg(any(test, feature = "train"))]
pub(crate) type Words = (Clusters, Lexicon, NameLists);

impl NerModel {
    /// The model committed under `models/ner/`, compiled in. A broken file is an
    /// error for the resource loader (`crate::resources`) to report, so the
    /// server refuses to start instead of serving with an empty model.
    pub fn embedded() -> Result<NerModel, ModelError> {
        NerModel::from_bytes(EMBEDDED_BYTES)
    }

    #[cfg(any(test, feature = "train"))]
    pub(crate) fn new(pass1: Table, pass2: Option<Table>, words: Words) -> NerModel {
        NerModel {
            id: next_id(),
            pairs: (TagPairs::new(&pass1), pass2.as_ref().map(TagPairs::new)),
            pass1,
            pass2,
            clusters: words.0,
            lexicon: words.1,
            names: words.2,
        }
    }

    /// [`NerModel::recognize`] with the article's headline: a title-case `title` is shown
    /// to the model in sentence case, as far as the rest of the article supports
    /// (module `ner::headline`); spans still index `text`.
    pub fn recognize_titled(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        title: Option<Span>,
    ) -> Vec<NerMention> {
        let known = |w: &str| {
            let h = crate::learn::hash::hash_bytes(w.as_bytes());
            self.clusters.get(h, h) != 0
        };
        let view = title
            .and_then(|t| super::headline::sentence_case_view(text, tokens, sentences, t, known));
        self.recognize(view.as_deref().unwrap_or(text), tokens, sentences)
    }

    /// Finds entity mentions in a whole document (both passes run over all its sentences).
    pub fn recognize(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
    ) -> Vec<NerMention> {
        let (doc, tags, probs) = self.tag(text, tokens, sentences);
        let mut out = Vec::new();
        for r in &doc.sentences {
            for (range, label) in decode(&tags[r.clone()]) {
                let Some(idx) =
                    trim_marks(text, tokens, r.start + range.start..r.start + range.end)
                else {
                    continue;
                };
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

    /// Both passes over a document: its context, and each token's tag and probability.
    fn tag(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
    ) -> (DocInfo, Vec<u8>, Vec<f32>) {
        let words = (&self.clusters, &self.lexicon, &self.names);
        let mut tags = vec![0u8; tokens.len()];
        let mut probs = vec![1f32; tokens.len()];
        let served = |table, pairs| Served { table, pairs };
        let second = (self.pass2.as_ref()).zip(self.pairs.1.as_ref());
        let tables = (
            served(&self.pass1, &self.pairs.0),
            second.map(|(t, p)| served(t, p)),
        );
        let doc = word_rows::with_cache(|cache| {
            cache.for_model(self.id);
            let mut doc = doc_info(text, tokens, sentences, words, Some(&mut *cache));
            tag_document(tables, cache, &mut doc, &mut tags, &mut probs);
            doc
        });
        (doc, tags, probs)
    }

    /// Loads a model written by [`NerModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<NerModel, ModelError> {
        let mut r = Reader::new(bytes);
        let magic = r.take(8)?;
        if ![MAGIC, MAGIC_V4, MAGIC_V3].contains(&magic.try_into().unwrap_or(&[0; 8])) {
            return Err(ModelError::BadMagic);
        }
        let packed = magic == MAGIC;
        let n_tables = r.u32()?;
        if !(1..=2).contains(&n_tables) {
            return Err(ModelError::Invalid {
                field: "tables",
                value: n_tables.into(),
            });
        }
        let pass1 = read_table(&mut r, packed)?;
        let pass2 = if n_tables == 2 {
            Some(read_table(&mut r, packed)?)
        } else {
            None
        };
        let n = r.u32()? as usize;
        let raw = r.take(
            n.checked_mul(12)
                .ok_or(ModelError::Truncated { at: r.at() })?,
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
        let names = if magic != MAGIC_V3 {
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
            id: next_id(),
            pairs: (TagPairs::new(&pass1), pass2.as_ref().map(TagPairs::new)),
            pass1,
            pass2,
            clusters,
            lexicon,
            names,
        })
    }

    /// Serializes the model in the version 5 layout: only the rows that have weights,
    /// and of each row only its non-zero weights (three in four are zero: an update
    /// touches the gold and the predicted tag), so the file and the binary stay small.
    pub fn to_bytes(&self) -> Vec<u8> {
        let names = self.names.entries();
        let mut out = MAGIC.to_vec();
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
        out.extend((names.len() as u32).to_le_bytes());
        for (k, c) in names {
            out.extend(k.to_le_bytes());
            out.extend(c.to_le_bytes());
        }
        out
    }
}

/// A table in the version 5 layout: bits, scale, row count, then per row the gap to the
/// previous row number (varint), a 3-byte mask of the tags with a non-zero weight, and
/// those weights as zigzag varints.
fn write_table(t: &Table, out: &mut Vec<u8>) {
    out.extend(t.bits().to_le_bytes());
    out.extend(t.scale().to_le_bytes());
    out.extend((t.rows().count() as u32).to_le_bytes());
    let mut prev = 0usize;
    for (i, r) in t.rows() {
        write_varint(out, (i - prev) as u64);
        prev = i;
        let mask = r
            .iter()
            .enumerate()
            .fold(0u32, |m, (k, x)| m | (u32::from(*x != 0) << k));
        out.extend(&mask.to_le_bytes()[..3]);
        for x in r.iter().filter(|x| **x != 0) {
            write_varint(out, u64::from(((x << 1) ^ (x >> 15)) as u16));
        }
    }
}

/// Reads a table: the version 5 layout when `packed`, else version 3/4 (whole rows);
/// rows must come in increasing order, each once.
fn read_table(r: &mut Reader, packed: bool) -> Result<Table, ModelError> {
    let bits = r.u32()?;
    let scale = f32::from_le_bytes(r.array()?);
    let n = r.u32()?;
    let mut rows = Vec::with_capacity((n as usize).min(r.total() / 4));
    let mut at = 0u64;
    for k in 0..n {
        let mut row: Row = [0; N_TAGS];
        if packed {
            let gap = r.varint()?;
            if k > 0 && gap == 0 {
                return Err(ModelError::Invalid {
                    field: "row",
                    value: at,
                });
            }
            at = at.saturating_add(gap);
            let m = r.array::<3>()?;
            let mask = u32::from_le_bytes([m[0], m[1], m[2], 0]);
            if mask >> N_TAGS != 0 {
                return Err(ModelError::Invalid {
                    field: "mask",
                    value: mask.into(),
                });
            }
            for (t, w) in row.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    let z = r.varint()?;
                    let z = u16::try_from(z).map_err(|_| ModelError::Invalid {
                        field: "weight",
                        value: z,
                    })?;
                    *w = ((z >> 1) as i16) ^ -((z & 1) as i16);
                }
            }
        } else {
            at = r.u32()?.into();
            for (dst, src) in row.iter_mut().zip(r.take(2 * N_TAGS)?.chunks_exact(2)) {
                *dst = i16::from_le_bytes([src[0], src[1]]);
            }
        }
        rows.push((usize::try_from(at).unwrap_or(usize::MAX), row));
    }
    Table::from_rows(bits, scale, rows).map_err(|e| match e {
        TableError::Bits(b) => ModelError::Invalid {
            field: "bits",
            value: b.into(),
        },
        TableError::Row(i) => ModelError::Invalid {
            field: "row",
            value: i,
        },
    })
}

/// Little-endian integer from up to 8 bytes.
fn u64_le(b: &[u8]) -> u64 {
    b.iter().rev().fold(0, |v, x| (v << 8) | u64::from(*x))
}

impl From<ReadError> for ModelError {
    fn from(e: ReadError) -> ModelError {
        match e {
            ReadError::Truncated { at } => ModelError::Truncated { at },
            ReadError::Varint { value } => ModelError::Invalid {
                field: "varint",
                value,
            },
        }
    }
}

/// Sentence marks and quotes: no name begins or ends with one.
const MARKS: &[char] = &[
    '.', ',', ';', ':', '!', '?', '"', '\'', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}',
];

/// The tokens of a tagged mention without the sentence marks and quotes at its ends:
/// after a word the model has never seen, it may carry the name on into the full stop
/// ("in Cupertino."). `None` when nothing is left.
fn trim_marks(
    text: &str,
    tokens: &[Token],
    mut idx: std::ops::Range<usize>,
) -> Option<std::ops::Range<usize>> {
    let mark = |i: usize| {
        let t = &tokens[i];
        t.kind == TokenKind::Punct && t.span.slice(text).chars().all(|c| MARKS.contains(&c))
    };
    while idx.start < idx.end && mark(idx.end - 1) {
        idx.end -= 1;
    }
    while idx.start < idx.end && mark(idx.start) {
        idx.start += 1;
    }
    (idx.start < idx.end).then_some(idx)
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

    /// Both passes with no word cache, every feature of every token listed and looked
    /// up: the oracle the cached tagger must match exactly.
    fn tag_uncached(
        m: &NerModel,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
    ) -> (Vec<u8>, Vec<f32>) {
        use crate::entities::ner::decode::{beam_sentence, set_pass1, static_feats, BEAM, BEAM2};
        use crate::entities::ner::features::{Feats, Take};
        let words = (&m.clusters, &m.lexicon, &m.names);
        let mut doc = doc_info(text, tokens, sentences, words, None);
        let (mut tags, mut probs) = (vec![0u8; tokens.len()], vec![1f32; tokens.len()]);
        let passes = [
            (&m.pass1, false),
            (m.pass2.as_ref().expect("two passes"), true),
        ];
        for (table, second) in passes {
            if second {
                set_pass1(&mut doc, &tags);
            }
            let d = &doc;
            for s in 0..d.sentences.len() {
                let r = d.sentences[s].clone();
                let statics = |i, f: &mut Feats, b: &mut [f32; N_TAGS]| {
                    static_feats(d, s, i, f);
                    table.add_scores(f.as_slice(), b);
                };
                let (t, p) = (&mut tags, &mut probs);
                if second {
                    beam_sentence::<_, BEAM2>(table, d, &r, Take::All, t, p, statics);
                } else {
                    beam_sentence::<_, BEAM>(table, d, &r, Take::All, t, p, statics);
                }
            }
        }
        (tags, probs)
    }

    #[test]
    fn word_cache_changes_no_tag_and_no_probability() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .expect("fixtures")
            .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("fixture text"))
            .collect();
        texts.sort();
        assert!(texts.len() > 10);
        let m = model();
        // Twice: the first pass fills the cache, the second reads every word from it.
        for round in 0..2 {
            for text in &texts {
                let tokens = tokenize(text);
                let sentences = split_sentences(text, &tokens, Span::new(0, text.len()));
                let (want_tags, want_probs) = tag_uncached(m, text, &tokens, &sentences);
                let (_, tags, probs) = m.tag(text, &tokens, &sentences);
                assert_eq!(tags, want_tags, "round {round}");
                let bits = |p: &[f32]| p.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&probs), bits(&want_probs), "round {round}");
            }
        }
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
    fn a_mention_never_ends_in_a_sentence_mark() {
        let text = "An office opened in Cupertino.";
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens, Span::new(0, text.len()));
        for m in model().recognize(text, &tokens, &sentences) {
            let s = m.span.slice(text);
            assert!(!s.ends_with('.') && !s.starts_with('"'), "{s:?}");
        }
        let idx = trim_marks(text, &tokens, 4..6).expect("a word is left");
        assert_eq!(tokens[idx.end - 1].span.slice(text), "Cupertino");
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

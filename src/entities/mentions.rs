//! Groups merged candidates into clusters, one per real-world entity.
//!
//! Names are grouped by a normalized key ("Trend" in the header and "Trend
//! reports") or a shared knowledge-base id; a lone surname joins the full name
//! that ends with it ("Sadigov" -> "Najmaddin Sadigov"); times by their TimeML
//! value; numbers by value and unit. Every key lookup is a hash lookup, so the
//! pass is linear in the number of candidates.

use super::candidate::{Candidate, Source};
use super::types::{Attributes, EntityType, Mention, MentionKind};
use rustc_hash::FxHashMap;

/// A growing entity: its mentions and what is known about it.
#[derive(Debug, Clone)]
pub(crate) struct Cluster {
    /// Type, settled by a confidence-weighted vote at the end.
    pub kind: EntityType,
    /// Mentions in insertion order (sorted at the end).
    pub mentions: Vec<Mention>,
    /// Attributes gathered from the candidates.
    pub attrs: Attributes,
    /// Lower-case canonical titles of a person, for nominal matching.
    pub titles: Vec<String>,
    /// Kept-candidate indices of affiliated entities (persons only).
    pub affiliations: Vec<usize>,
    /// Set when an acronym pass folded this cluster into another one.
    pub merged_into: Option<usize>,
    votes: Vec<(EntityType, f32)>,
}

/// Clusters plus the map from kept-candidate index to cluster index.
#[derive(Debug, Default)]
pub(crate) struct Groups {
    /// All clusters, including folded ones (see `Cluster::merged_into`).
    pub clusters: Vec<Cluster>,
    /// `cluster_of[i]` is the cluster of kept candidate `i`, if it became a mention.
    pub cluster_of: Vec<Option<usize>>,
    /// Fx, not SipHash: keys are our own strings, looked up several times per mention.
    keys: FxHashMap<String, usize>,
}

/// Lower-cased, trimmed of "the" and possessive endings, with one kind of
/// apostrophe, hyphen and space: the grouping key of a name.
pub(crate) fn norm_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2019}' | '`' => out.push('\''),
                '\u{2010}'..='\u{2013}' => out.push('-'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    let out = out
        .strip_suffix("'s")
        .or_else(|| out.strip_suffix('\''))
        .unwrap_or(&out);
    out.strip_prefix("the ").unwrap_or(out).to_owned()
}

/// True for "NATO", "SACEUR": two to eight capitals, no lower case.
pub(crate) fn looks_like_acronym(s: &str) -> bool {
    (2..=8).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'&')
        && s.bytes().filter(u8::is_ascii_uppercase).count() >= 2
}

impl Groups {
    /// An empty grouping for `n` kept candidates.
    pub fn new(n: usize) -> Self {
        Groups {
            cluster_of: vec![None; n],
            ..Groups::default()
        }
    }

    /// Adds kept candidate `i` as a mention, to the cluster its keys point at.
    pub fn add(&mut self, text: &str, i: usize, cand: &Candidate, kind: MentionKind) {
        let keys = keys_of(text, cand);
        let c = self.find_or_create(&keys, cand.kind);
        self.cluster_of[i] = Some(c);
        self.push(c, cand, kind);
    }

    /// Adds a candidate that is not in the kept list (a nested part).
    pub fn add_extra(&mut self, text: &str, cand: &Candidate, kind: MentionKind) {
        let keys = keys_of(text, cand);
        let c = self.find_or_create(&keys, cand.kind);
        self.push(c, cand, kind);
    }

    /// Adds kept candidate `i` to an existing cluster (surname, acronym).
    pub fn add_to(&mut self, c: usize, i: usize, cand: &Candidate, kind: MentionKind) {
        self.cluster_of[i] = Some(c);
        self.push(c, cand, kind);
    }

    /// The cluster registered under `key`, following folds.
    pub fn lookup(&self, key: &str) -> Option<usize> {
        self.keys.get(key).map(|&c| self.live(c))
    }

    /// Registers one more key for cluster `c`.
    pub fn register(&mut self, key: String, c: usize) {
        self.keys.entry(key).or_insert(c);
    }

    /// Follows `merged_into` links to the surviving cluster.
    pub fn live(&self, mut c: usize) -> usize {
        while let Some(next) = self.clusters.get(c).and_then(|k| k.merged_into) {
            c = next;
        }
        c
    }

    /// Moves every mention of cluster `from` into `into`.
    pub fn fold(&mut self, from: usize, into: usize) {
        let (from, into) = (self.live(from), self.live(into));
        if from == into {
            return;
        }
        let moved = std::mem::take(&mut self.clusters[from].mentions);
        let votes = std::mem::take(&mut self.clusters[from].votes);
        self.clusters[into].mentions.extend(moved);
        self.clusters[into].votes.extend(votes);
        self.clusters[from].merged_into = Some(into);
    }

    /// Creates an empty cluster and returns its index.
    pub fn create(&mut self, kind: EntityType) -> usize {
        self.clusters.push(Cluster {
            kind,
            mentions: Vec::new(),
            attrs: Attributes::default(),
            titles: Vec::new(),
            affiliations: Vec::new(),
            merged_into: None,
            votes: Vec::new(),
        });
        self.clusters.len() - 1
    }

    /// Settles each live cluster's type by its weighted vote.
    pub fn settle_kinds(&mut self) {
        for c in self.clusters.iter_mut().filter(|c| c.merged_into.is_none()) {
            let mut tally: Vec<(EntityType, f32)> = Vec::new();
            for &(k, w) in &c.votes {
                match tally.iter_mut().find(|(t, _)| *t == k) {
                    Some(slot) => slot.1 += w,
                    None => tally.push((k, w)),
                }
            }
            let best = tally.iter().max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some(&(k, _)) = best {
                c.kind = k;
            }
        }
    }

    fn find_or_create(&mut self, keys: &[String], kind: EntityType) -> usize {
        let c = match keys.iter().find_map(|k| self.lookup(k)) {
            Some(c) => c,
            None => self.create(kind),
        };
        for k in keys {
            self.register(k.clone(), c);
        }
        c
    }

    fn push(&mut self, c: usize, cand: &Candidate, kind: MentionKind) {
        let cluster = &mut self.clusters[c];
        cluster.mentions.push(Mention {
            span: cand.span,
            kind,
        });
        let weight = cand.confidence + if cand.link.is_some() { 0.5 } else { 0.0 };
        cluster.votes.push((cand.kind, weight));
        merge_attrs(&mut cluster.attrs, cand);
    }
}

/// Grouping keys of a candidate: link ids first, then its normalized form.
fn keys_of(text: &str, cand: &Candidate) -> Vec<String> {
    let k = cand.kind;
    let mut keys = Vec::with_capacity(2);
    if let Some(l) = cand
        .link
        .as_ref()
        .filter(|_| k.is_name() && k != EntityType::Person)
    {
        keys.extend(l.wikidata.iter().map(|id| format!("wd:{id}")));
        keys.extend(l.geonames.iter().map(|id| format!("gn:{id}")));
        keys.extend(l.iso3166.iter().map(|id| format!("iso:{id}")));
        keys.extend(l.wikipedia.iter().map(|id| format!("wp:{id}")));
    }
    if let Some(g) = &cand.group {
        keys.push(format!("g:{}:{g}", k.as_str()));
    }
    let norm = norm_key(cand.text(text));
    keys.push(match k {
        EntityType::Person => format!("p:{norm}"),
        EntityType::Title => format!(
            "title:{}",
            cand.title.as_ref().map_or(&norm, |t| &t.canonical)
        ),
        _ if k.is_timex() => match &cand.timex {
            Some(t) => format!("t:{}:{}", k.as_str(), t.value),
            None => format!("t:{}:{norm}", k.as_str()),
        },
        _ if k.is_numeric() => match &cand.numeric {
            Some(n) => format!("#:{}:{}:{:?}", k.as_str(), n.value, n.unit),
            None => format!("#:{}:{norm}", k.as_str()),
        },
        _ if k.is_metadata() => format!("m:{norm}"),
        _ => format!("n:{}:{norm}", name_family(k)),
    });
    // A list's context-free type cannot tell the club from the city: a list name
    // joins a same-spelled name of any family ("Springfield" read as ORG in a
    // headline is the city the body names).
    if k.is_name() && k != EntityType::Person && cand.source != Source::Model {
        for family in ["org", "place", "other"]
            .into_iter()
            .filter(|f| *f != name_family(k))
        {
            keys.push(format!("n:{family}:{norm}"));
        }
    }
    keys
}

/// Names of one spelling that the model read as different families are
/// different entities: the club "Kansas City" beats Detroit in the city "Kansas
/// City". Places (GPE, LOC, FAC) are one family, so "Georgia" typed GPE and LOC
/// stays one entity.
fn name_family(k: EntityType) -> &'static str {
    match k {
        EntityType::Org => "org",
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => "place",
        _ => "other",
    }
}

fn merge_attrs(attrs: &mut Attributes, cand: &Candidate) {
    if let Some(l) = &cand.link {
        attrs.links.fill_from(l);
    }
    attrs.country = attrs.country.take().or_else(|| cand.country.clone());
    attrs.timex = attrs.timex.take().or_else(|| cand.timex.clone());
    attrs.numeric = attrs.numeric.take().or_else(|| cand.numeric.clone());
    attrs.title = attrs.title.take().or_else(|| cand.title.clone());
}

/// Mention kind of a kept name: acronym by shape, compound part when glued by a
/// hyphen to a neighbouring kept name ("Azerbaijan-Russia"), proper otherwise.
pub(crate) fn proper_kind(text: &str, cands: &[Candidate], i: usize) -> MentionKind {
    let c = &cands[i];
    if let Some(t) = &c.title {
        let acro = t.acronym.as_deref() == Some(c.text(text));
        return if acro {
            MentionKind::Acronym
        } else {
            MentionKind::Proper
        };
    }
    if looks_like_acronym(c.text(text)) {
        return MentionKind::Acronym;
    }
    let glued = |a: &Candidate, b: &Candidate| {
        a.kind.is_name() && b.kind.is_name() && is_hyphen(text, a.span.end, b.span.start)
    };
    let prev = i
        .checked_sub(1)
        .and_then(|p| cands.get(p))
        .is_some_and(|p| glued(p, c));
    let next = cands.get(i + 1).is_some_and(|n| glued(c, n));
    if prev || next {
        MentionKind::CompoundPart
    } else {
        MentionKind::Proper
    }
}

fn is_hyphen(text: &str, from: usize, to: usize) -> bool {
    let gap = if from <= to { text.get(from..to) } else { None };
    matches!(gap, Some("-" | "\u{2010}" | "\u{2011}" | "\u{2013}"))
}

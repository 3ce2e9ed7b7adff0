//! Surface forms → ranked candidate entries, plus the automaton that finds them in text.

use std::borrow::Cow;
use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::entry::{EntryId, GazEntry, GazKind, PlaceKind};
use super::error::GazError;

/// Cities smaller than this (and not capitals) can be looked up but are not searched for in
/// running text: small towns are mostly named after people ("Montalvo", "Obama") and cost
/// more false hits than they bring.
const FIND_POPULATION: u64 = 100_000;

/// Distinct surfaces, candidate range starts, and candidates (see [`SurfaceIndex`]).
type Grouped = (Vec<Cow<'static, str>>, Vec<u32>, Vec<EntryId>);

/// Sorted distinct surface forms with their ranked candidates, and the automaton.
pub(crate) struct SurfaceIndex {
    surfaces: Vec<Cow<'static, str>>,
    /// `cands[starts[s]..starts[s + 1]]` are the entries of surface `s`, best first.
    starts: Vec<u32>,
    cands: Vec<EntryId>,
    /// Surface index of each automaton pattern (only searchable surfaces are patterns).
    pattern_surface: Vec<u32>,
    automaton: AhoCorasick,
}

impl SurfaceIndex {
    /// Sorts and groups `(surface, entry)` pairs and compiles the automaton.
    pub(crate) fn build(
        entries: &[GazEntry],
        quiet: &HashSet<EntryId>,
        mut names: Vec<(Cow<'static, str>, EntryId)>,
    ) -> Result<SurfaceIndex, GazError> {
        names.sort_unstable_by(|(a, x), (b, y)| {
            a.cmp(b)
                .then_with(|| rank(&entries[y.0 as usize]).cmp(&rank(&entries[x.0 as usize])))
                .then(x.cmp(y))
        });
        names.dedup_by(|(a, x), (b, y)| a == b && x == y);
        let (surfaces, starts, cands) = group(names);
        let pattern_surface: Vec<u32> = (0..surfaces.len())
            .filter(|&s| {
                let range = starts[s] as usize..starts[s + 1] as usize;
                cands[range]
                    .iter()
                    .any(|id| !quiet.contains(id) && searchable(&entries[id.0 as usize]))
            })
            .map(|s| s as u32)
            .collect();
        let patterns = pattern_surface
            .iter()
            .map(|&s| surfaces[s as usize].as_bytes());
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(patterns)?;
        Ok(SurfaceIndex {
            surfaces,
            starts,
            cands,
            pattern_surface,
            automaton,
        })
    }

    /// Every occurrence of a searchable surface in `text`, overlapping, as
    /// `(start, end, surface)`; callers apply boundaries and choose among overlaps.
    pub(crate) fn occurrences<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.automaton.find_overlapping_iter(text).map(|m| {
            let surface = self.pattern_surface[m.pattern().as_usize()];
            (m.start(), m.end(), surface as usize)
        })
    }

    /// Candidates of surface `s`, best first.
    pub(crate) fn candidates(&self, s: usize) -> &[EntryId] {
        match (self.starts.get(s), self.starts.get(s + 1)) {
            (Some(&a), Some(&b)) => &self.cands[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Candidates of an exact surface form, best first; empty when unknown.
    pub(crate) fn lookup(&self, surface: &str) -> &[EntryId] {
        match self.surfaces.binary_search_by(|s| s.as_ref().cmp(surface)) {
            Ok(s) => self.candidates(s),
            Err(_) => &[],
        }
    }

    /// Number of distinct surface forms.
    pub(crate) fn len(&self) -> usize {
        self.surfaces.len()
    }
}

/// Groups pairs sorted by surface into (surfaces, range starts, candidates).
fn group(names: Vec<(Cow<'static, str>, EntryId)>) -> Grouped {
    let (mut surfaces, mut starts) = (Vec::new(), Vec::new());
    let mut cands = Vec::with_capacity(names.len());
    for (surface, id) in names {
        if surfaces.last() != Some(&surface) {
            starts.push(cands.len() as u32);
            surfaces.push(surface);
        }
        cands.push(id);
    }
    starts.push(cands.len() as u32);
    (surfaces, starts, cands)
}

/// True when the entry's names are searched for in running text.
fn searchable(e: &GazEntry) -> bool {
    e.kind != GazKind::Place(PlaceKind::City)
        || e.capital
        || e.population.unwrap_or(0) >= FIND_POPULATION
}

/// Ranking of homonyms: countries, then curated kinds, continents, capitals and cities of a
/// million or more ("New York" before the state), regions and states ("Ontario" before the
/// Californian city), then other cities; population breaks ties.
fn rank(e: &GazEntry) -> (u8, u64) {
    let population = e.population.unwrap_or(0);
    let class = match e.kind {
        GazKind::Place(PlaceKind::Country) => 9,
        GazKind::Organization | GazKind::Event | GazKind::Nationality | GazKind::Product => 8,
        GazKind::Place(PlaceKind::Continent) => 7,
        GazKind::Place(PlaceKind::City) if e.capital || population >= 1_000_000 => 6,
        GazKind::Place(PlaceKind::Region) => 5,
        GazKind::Place(PlaceKind::City) => 4,
    };
    (class, population)
}

//! Word lists the tagger reads as features: verbs and phrases that introduce what
//! someone said or thinks, and pronouns that stand for a speaker.
//!
//! The cue list is the reporting vocabulary of English grammars (verbs of saying,
//! of thinking and believing, of announcing and arguing) plus the prepositional cues
//! "according to" and "in the view of"; it is not drawn from any corpus. Being a
//! feature, not a rule, a word here only makes the model look: "said" in "the said
//! product" stays untagged when the context says so.

use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Verbs of saying, thinking and reporting, by lemma. Regular forms are derived.
const REGULAR: &[&str] = &[
    "add",
    "acknowledge",
    "admit",
    "affirm",
    "agree",
    "allege",
    "announce",
    "answer",
    "argue",
    "assert",
    "assure",
    "believe",
    "boast",
    "caution",
    "charge",
    "cite",
    "claim",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confirm",
    "contend",
    "declare",
    "deny",
    "describe",
    "disclose",
    "dismiss",
    "emphasize",
    "emphasise",
    "estimate",
    "explain",
    "express",
    "fear",
    "hint",
    "hope",
    "indicate",
    "inform",
    "insist",
    "joke",
    "mention",
    "maintain",
    "note",
    "object",
    "observe",
    "point",
    "pledge",
    "predict",
    "proclaim",
    "promise",
    "propose",
    "question",
    "recall",
    "recount",
    "remark",
    "remind",
    "reply",
    "report",
    "respond",
    "reveal",
    "say",
    "signal",
    "state",
    "stress",
    "suggest",
    "suspect",
    "testify",
    "tweet",
    "urge",
    "vow",
    "warn",
    "wonder",
    "worry",
    "ask",
    "call",
    "accuse",
    "criticize",
    "blast",
    "demand",
    "expect",
    "want",
    "plan",
    "intend",
    "doubt",
    "imply",
    "reiterate",
    "underline",
    "underscore",
    "highlight",
    "voice",
    "lament",
    "recommend",
    "assess",
    "decline",
    "refuse",
    "show",
    "suppose",
    "reckon",
    "counter",
    "retort",
    "quip",
    "muse",
    "post",
    "quote",
    "continue",
];

/// Irregular forms, listed whole.
const IRREGULAR: &[&str] = &[
    "said",
    "says",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "think",
    "thinks",
    "thought",
    "thinking",
    "write",
    "writes",
    "wrote",
    "written",
    "writing",
    "speak",
    "speaks",
    "spoke",
    "spoken",
    "speaking",
    "feel",
    "feels",
    "felt",
    "feeling",
    "know",
    "knows",
    "knew",
    "known",
    "find",
    "finds",
    "found",
    "hold",
    "holds",
    "held",
    "forecast",
    "forecasts",
    "understand",
    "understands",
    "understood",
    "according",
    "per",
    "told",
    "put",
    "puts",
    "swear",
    "swore",
    "sworn",
    "foresee",
    "foresaw",
    "shown",
];

/// Personal and relative pronouns that can name a speaker.
pub(crate) const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "who", "which", "his", "her", "their", "its",
];

fn regular_forms(lemma: &str, out: &mut FxHashSet<String>) {
    out.insert(lemma.to_owned());
    let (stem, es) = match lemma.strip_suffix('y') {
        Some(s) if !s.ends_with(['a', 'e', 'o', 'u']) => (format!("{s}i"), "es"),
        _ if lemma.ends_with(['s', 'x', 'h']) => (lemma.to_owned(), "es"),
        _ => (lemma.to_owned(), "s"),
    };
    out.insert(format!("{stem}{es}"));
    let base = lemma.strip_suffix('e').unwrap_or(lemma);
    let past = if lemma.ends_with('y') && stem.ends_with('i') {
        format!("{stem}ed")
    } else if lemma.ends_with('e') {
        format!("{lemma}d")
    } else {
        format!("{lemma}ed")
    };
    out.insert(past);
    out.insert(format!("{base}ing"));
    // The one verb here whose final consonant doubles.
    if lemma == "admit" {
        out.insert("admitted".into());
        out.insert("admitting".into());
    }
}

/// Fx, not SipHash: every token of every block is looked up.
fn cues() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut out = FxHashSet::default();
        for lemma in REGULAR {
            regular_forms(lemma, &mut out);
        }
        out.extend(IRREGULAR.iter().map(|s| (*s).to_owned()));
        out
    })
}

/// True when the lower-cased word can introduce what someone said or thinks.
pub(crate) fn is_cue_word(lower: &str) -> bool {
    cues().contains(lower)
}

/// True when the lower-cased word is a pronoun that can name a speaker.
pub(crate) fn is_pronoun(lower: &str) -> bool {
    PRONOUNS.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_are_derived() {
        for w in [
            "says",
            "said",
            "saying",
            "stressed",
            "emphasized",
            "denies",
            "denied",
        ] {
            assert!(is_cue_word(w), "{w}");
        }
        for w in ["admitted", "noted", "noting", "argues", "according", "told"] {
            assert!(is_cue_word(w), "{w}");
        }
        assert!(!is_cue_word("table"));
        assert!(is_pronoun("she") && !is_pronoun("table"));
    }
}

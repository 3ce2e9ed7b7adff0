//! Every resource the pipeline needs, loaded and validated once, with one failure
//! policy: a broken resource is an error naming it, and `serve` refuses to start.
//!
//! One policy because a stage left to its own (a gazetteer that panics, an NER model
//! that falls back to an empty one, an agency table that empties, attribution that
//! turns itself off) lets a bad build serve wrong answers without a word.

use crate::entities::gazetteer::Gazetteer;
use crate::entities::institutions::InstitutionRecognizer;
use crate::entities::ner::NerModel;
use crate::entities::{Companies, NumericRecognizer, TitleRecognizer};
use crate::error::ResourceError;
use crate::metadata::Tables;
use crate::quotes::QuoteStage;
use std::path::{Path, PathBuf};

/// Where resources come from when not the copies compiled into the binary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResourcePaths {
    /// A NER model file (`newsparse train --out`) to serve instead of the embedded one.
    pub ner_model: Option<PathBuf>,
}

/// The loaded models and tables, handed to [`crate::pipeline::Pipeline::new`].
pub struct Resources {
    /// Places, organizations, nationalities and events with their ids.
    pub gazetteer: Gazetteer,
    /// The statistical NER model.
    pub ner: NerModel,
    /// The metadata stage's agency table and attribution cues.
    pub tables: Tables,
    /// Ranks, offices and honorifics.
    pub titles: TitleRecognizer,
    /// Numbers, money, percentages and units.
    pub numeric: NumericRecognizer,
    /// State institutions.
    pub institutions: InstitutionRecognizer,
    /// The quote tagger (Source/Cue/Content) and its grouping rules.
    pub quotes: QuoteStage,
    /// Listed and well-known companies with their ids.
    pub companies: Companies,
}

impl Resources {
    /// Loads everything compiled into the binary.
    pub fn embedded() -> Result<Resources, ResourceError> {
        Resources::load(&ResourcePaths::default())
    }

    /// Loads everything, reading overridden resources from their files.
    ///
    /// The gazetteer (two thirds of the start-up work: 33k cities and the other lists indexed) is built on a
    /// second thread while this one reads the models, which halves the time to SERVING
    /// on a machine with two cores. Errors are reported in a fixed order, the gazetteer's
    /// first, so a broken build always names the same resource whichever thread ends first.
    pub fn load(paths: &ResourcePaths) -> Result<Resources, ResourceError> {
        std::thread::scope(|scope| {
            let gazetteer = scope.spawn(Gazetteer::embedded);
            let ner = ner_model(paths.ner_model.as_deref());
            let quotes = QuoteStage::embedded();
            let gazetteer = gazetteer
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            Ok(Resources {
                gazetteer: gazetteer.map_err(invalid("gazetteer", "data/gazetteer"))?,
                ner: ner?,
                tables: Tables::builtin().map_err(invalid("metadata tables", "embedded"))?,
                titles: TitleRecognizer::builtin()
                    .map_err(invalid("title lexicon", "data/titles.tsv"))?,
                numeric: NumericRecognizer::new().map_err(invalid("unit lexicon", "embedded"))?,
                institutions: InstitutionRecognizer::builtin()
                    .map_err(invalid("institution lexicon", "data/institutions.tsv"))?,
                quotes: quotes.map_err(invalid("quote model", "models/quotes/model.bin"))?,
                companies: Companies::builtin()
                    .map_err(invalid("company table", "data/companies/companies.tsv"))?,
            })
        })
    }
}

/// The embedded NER model, or the one in `path` (also for `newsparse eval --model`).
pub fn ner_model(path: Option<&Path>) -> Result<NerModel, ResourceError> {
    let Some(path) = path else {
        return NerModel::embedded().map_err(invalid("NER model", "models/ner/model.bin"));
    };
    let origin = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| ResourceError::Read {
        name: "NER model",
        path: origin.clone(),
        source,
    })?;
    NerModel::from_bytes(&bytes).map_err(|e| invalid("NER model", origin)(e))
}

/// Wraps a loader's own error with the resource's name and origin.
fn invalid<E>(name: &'static str, origin: impl Into<String>) -> impl FnOnce(E) -> ResourceError
where
    E: std::error::Error + Send + Sync + 'static,
{
    let origin = origin.into();
    move |e| ResourceError::Invalid {
        name,
        origin,
        source: Box::new(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::gazetteer::Sources;

    #[test]
    fn embedded_resources_load() {
        let r = Resources::embedded().expect("every embedded resource is valid");
        assert!(
            r.gazetteer.len() > 10_000,
            "gazetteer has {}",
            r.gazetteer.len()
        );
        assert!(r.tables.agencies.lookup("Reuters").is_some());
    }

    /// The message with its causes, as `newsparse serve` prints it.
    fn chain(e: ResourceError) -> String {
        format!("{:#}", anyhow::Error::new(e))
    }

    #[test]
    fn a_corrupt_ner_model_file_is_an_error_naming_it() {
        let path = std::env::temp_dir().join(format!("newsparse-bad-{}.bin", std::process::id()));
        std::fs::write(&path, b"not a model at all").expect("write temp file");
        let paths = ResourcePaths {
            ner_model: Some(path.clone()),
        };
        let err = Resources::load(&paths)
            .err()
            .expect("a corrupt model is refused");
        let _ = std::fs::remove_file(&path);
        let msg = err.to_string();
        assert!(msg.starts_with("resource `NER model`"), "{msg}");
        assert!(msg.contains(&path.display().to_string()), "{msg}");
    }

    #[test]
    fn a_missing_ner_model_file_is_an_error_naming_it() {
        let paths = ResourcePaths {
            ner_model: Some(PathBuf::from("no-such-dir/model.bin")),
        };
        let msg = Resources::load(&paths).err().expect("refused").to_string();
        assert!(
            msg.contains("resource `NER model`") && msg.contains("cannot read"),
            "{msg}"
        );
    }

    #[test]
    fn corrupt_gazetteer_bytes_are_an_error_naming_the_file() {
        let broken = Sources {
            countries: "no header columns here\nAZ\n",
            ..Sources::EMBEDDED
        };
        let err = Gazetteer::from_sources(&broken).expect_err("refused");
        let msg = chain(invalid("gazetteer", "data/gazetteer")(err));
        assert!(
            msg.starts_with("resource `gazetteer`") && msg.contains("countries.tsv"),
            "{msg}"
        );
    }

    #[test]
    fn a_corrupt_agency_table_is_an_error_not_an_empty_table() {
        let t = crate::metadata::AgencyTable::parse("reuters\tReuters\n");
        let err = t.expect_err("refused");
        let msg = chain(invalid("metadata tables", "embedded")(err));
        assert!(msg.contains("agency table line 1"), "{msg}");
    }
}

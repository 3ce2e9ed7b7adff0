//! The entity accuracy a client gets: the served pipeline must score at least
//! what the bare model scores on the same text (the stages around the model may
//! only add), on CoNLL-2003 dev (needs `../shared` beside the crate, as CI has
//! it) and on our own out-of-domain set.

use newsparse::eval::{self, Comparison};
use newsparse::pipeline::Pipeline;
use std::path::Path;

/// Scores `path` served and bare; fails when served F1 is below bare F1.
fn served_at_least_bare(path: &Path, min_docs: usize) {
    assert!(
        path.exists(),
        "{} is missing: this test needs the data beside the crate",
        path.display()
    );
    let docs = eval::load(path).expect("the CoNLL file reads");
    assert!(docs.len() >= min_docs, "only {} documents read", docs.len());
    let pipeline = Pipeline::shared().expect("embedded resources load");
    let both = Comparison::run(&pipeline, pipeline.ner_model(), &docs);
    let (_, _, served) = both.served.overall().prf();
    let (_, _, bare) = both.bare.overall().prf();
    assert!(
        served >= bare,
        "served F1 {served:.4} < bare model F1 {bare:.4}\n{both}"
    );
}

#[test]
#[ignore = "needs ../shared/data/ner/conll2003/dev.conll: run with --include-ignored"]
fn served_entities_score_at_least_the_bare_model_on_conll_dev() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    served_at_least_bare(&root.join("../shared/data/ner/conll2003/dev.conll"), 200);
}

/// Wikinews and articles we wrote (tests/data/ner-ood/).
#[test]
fn served_entities_score_at_least_the_bare_model_out_of_domain() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    served_at_least_bare(&root.join("tests/data/ner-ood/ner-ood.conll"), 20);
}

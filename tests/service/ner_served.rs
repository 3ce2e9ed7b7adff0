//! The entity accuracy a client gets: the served pipeline over CoNLL-2003 dev must
//! score at least what the bare model scores on the same text (the stages around
//! the model may only add). Needs `../shared` beside the crate, as CI has it.

use newsparse::entities::eval::{self, Comparison};
use newsparse::pipeline::Pipeline;
use std::path::Path;

#[test]
fn served_entities_score_at_least_the_bare_model_on_conll_dev() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ner/conll2003/dev.conll");
    assert!(
        path.exists(),
        "{} is missing: this test needs the shared data beside the crate",
        path.display()
    );
    let docs = eval::load(&path).expect("dev.conll reads");
    assert!(docs.len() > 200, "only {} documents read", docs.len());
    let pipeline = Pipeline::shared().expect("embedded resources load");
    let both = Comparison::run(&pipeline, pipeline.ner_model(), &docs);
    let (_, _, served) = both.served.overall().prf();
    let (_, _, bare) = both.bare.overall().prf();
    assert!(
        served >= bare,
        "served F1 {served:.4} < bare model F1 {bare:.4}\n{both}"
    );
}

/// The same on our own out-of-domain set (Wikinews and articles we wrote,
/// tests/data/ner-ood/): the stages around the model may only add there too.
#[test]
fn served_entities_score_at_least_the_bare_model_out_of_domain() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ner-ood/ner-ood.conll");
    let docs = eval::load(&path).expect("ner-ood.conll reads");
    assert!(docs.len() >= 20, "only {} documents read", docs.len());
    let pipeline = Pipeline::shared().expect("embedded resources load");
    let both = Comparison::run(&pipeline, pipeline.ner_model(), &docs);
    let (_, _, served) = both.served.overall().prf();
    let (_, _, bare) = both.bare.overall().prf();
    assert!(
        served >= bare,
        "served F1 {served:.4} < bare model F1 {bare:.4}\n{both}"
    );
}

//! Prints every served-pipeline error on a CoNLL file, one per line, for error analysis:
//! `cargo run --release --example served_errors -- ../shared/data/ner/conll2003/dev.conll`
//! Columns: kind (FN/FP), CoNLL type, the mention text, then the overlapping
//! predictions (for FN) or gold entities (for FP) as `type:text`.

use newsparse::entities::ner::NerModel;
use newsparse::eval::{self, served_names, EvalDoc};
use newsparse::pipeline::{Options, Pipeline};
use newsparse::text::Span;

fn main() -> anyhow::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_default();
    let pipeline = Pipeline::shared()?;
    for doc in eval::load(std::path::Path::new(&path))? {
        let analysis = pipeline.analyze(&doc.text, &Options::default());
        let pred = served_names(&analysis);
        let gold: Vec<(Span, &str)> = doc
            .gold
            .iter()
            .map(|(r, l)| {
                (
                    doc.tokens[r.start].cover(&doc.tokens[r.end - 1]),
                    l.as_str(),
                )
            })
            .collect();
        let pred: Vec<(Span, &str)> = pred.iter().map(|(s, l)| (*s, l.as_str())).collect();
        let bare = bare_spans(pipeline.ner_model(), &doc.text);
        report(&doc, "FN", &gold, &pred, &bare);
        report(&doc, "FP", &pred, &gold, &bare);
    }
    Ok(())
}

fn bare_spans(model: &NerModel, text: &str) -> Vec<(Span, &'static str)> {
    let tokens = newsparse::text::tokenize(text);
    let sents = newsparse::text::split_sentences(text, &tokens, Span::new(0, text.len()));
    let found = model.recognize(text, &tokens, &sents);
    found.iter().map(|m| (m.span, m.label.as_str())).collect()
}

fn report(
    doc: &EvalDoc,
    kind: &str,
    these: &[(Span, &str)],
    other: &[(Span, &str)],
    bare: &[(Span, &str)],
) {
    for (s, l) in these {
        if other.contains(&(*s, *l)) {
            continue;
        }
        let near: Vec<String> = other
            .iter()
            .filter(|(o, _)| o.start < s.end && s.start < o.end)
            .map(|(o, ol)| format!("{ol}:{}", o.slice(&doc.text)))
            .collect();
        let b: Vec<String> = bare
            .iter()
            .filter(|(o, _)| o.start < s.end && s.start < o.end)
            .map(|(o, ol)| format!("{ol}:{}", o.slice(&doc.text)))
            .collect();
        let line = doc.text[..s.start].rsplit('\n').next().unwrap_or("");
        let ctx: String = line
            .chars()
            .rev()
            .take(30)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        println!(
            "{kind}\t{l}\t{}\t{}\tbare {}\t…{ctx}",
            s.slice(&doc.text),
            near.join(" | "),
            b.join(" | ")
        );
    }
}

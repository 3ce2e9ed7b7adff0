//! Prints the raw model mentions for a file (debugging aid).
use newsparse::entities::ner::NerModel;
use newsparse::text::{split_sentences, tokenize, Span};
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).expect("read");
    let tokens = tokenize(&text);
    let sents = split_sentences(&text, &tokens, Span::new(0, text.len()));
    let model = NerModel::embedded().expect("embedded NER model");
    for m in model.recognize(&text, &tokens, &sents) {
        println!(
            "{:?} {:?} {:.2}",
            m.label,
            m.span.slice(&text),
            m.confidence
        );
    }
}

//! Prints a model's CoNLL errors, one line per missed or spurious mention (debugging aid).
use newsparse::entities::ner::{conll, NerModel};
use newsparse::text::{split_sentences, tokenize, Span};
fn main() {
    let mut args = std::env::args().skip(1);
    let (model, file) = (args.next().expect("model"), args.next().expect("conll"));
    let model = NerModel::from_bytes(&std::fs::read(model).expect("read")).expect("model");
    for doc in conll::read_conll(file.as_ref()).expect("conll") {
        let t = &doc.text;
        let tokens = tokenize(t);
        let sents = split_sentences(t, &tokens, Span::new(0, t.len()));
        let pred: Vec<_> = model
            .recognize(t, &tokens, &sents)
            .into_iter()
            .map(|m| (m.span, m.label))
            .collect();
        for g in &doc.entities {
            if !pred.contains(g) {
                let p = pred
                    .iter()
                    .find(|p| p.0.start < g.0.end && g.0.start < p.0.end);
                let got = p.map_or("-".to_string(), |p| format!("{:?} {}", p.1, p.0.slice(t)));
                println!("MISS {:?} {} | got {}", g.1, g.0.slice(t), got);
            }
        }
        for p in &pred {
            if !doc
                .entities
                .iter()
                .any(|g| g.0.start < p.0.end && p.0.start < g.0.end)
            {
                println!("SPUR {:?} {}", p.1, p.0.slice(t));
            }
        }
    }
}

//! Prints gazetteer candidates for a file (debugging aid).
use newsparse::entities::gazetteer::Gazetteer;
use newsparse::entities::recognizers::gazetteer_candidates;
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).expect("read");
    let gazetteer = Gazetteer::embedded().expect("embedded gazetteer");
    for c in gazetteer_candidates(&gazetteer, &text) {
        println!("{:?} {:?} {:.2}", c.kind, c.span.slice(&text), c.confidence);
    }
}

//! Layout inference: one paragraph per line, blank-line paragraphs and hard-wrapped
//! prose yield the same paragraphs; headlines and wire datelines in each layout.

use super::tests::run;
use super::*;

const PARAS: &[&str] = &[
    "WASHINGTON (AP) — The Senate on Tuesday passed a bill that would extend funding for rural hospitals through the end of next year, sending the measure to the House.",
    "The vote was 71 to 27. Supporters said the money would keep dozens of small hospitals from closing, while opponents argued that the program had grown without oversight since it began.",
    "“We heard from nurses and doctors in every county,” said Sen. Maria Lopez, who sponsored the bill. “They told us the same thing.”",
    "The House is expected to take up the measure next week.",
];

/// Greedy wrap at `width` columns, as mail clients and wire terminals do.
fn wrap(p: &str, width: usize) -> String {
    let mut out = String::new();
    let mut col = 0;
    for w in p.split(' ') {
        let n = w.chars().count();
        if col > 0 && col + 1 + n > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += n;
    }
    out
}

/// The body paragraphs with white space collapsed, so layouts compare.
fn paragraphs(text: &str) -> Vec<String> {
    run(text)
        .layout
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Body | BlockKind::Dateline))
        .map(|b| {
            b.span
                .slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn layouts(head: &str) -> Vec<(&'static str, String)> {
    let wrapped = |sep: &str, w: usize| {
        let ps: Vec<String> = PARAS.iter().map(|p| wrap(p, w)).collect();
        format!("{head}{}\n", ps.join(sep))
    };
    vec![
        ("one per line", format!("{head}{}\n", PARAS.join("\n"))),
        ("blank lines", format!("{head}{}\n", PARAS.join("\n\n"))),
        ("wrapped 72, blank lines", wrapped("\n\n", 72)),
        ("wrapped 72, no blank lines", wrapped("\n", 72)),
        ("wrapped 78, no blank lines", wrapped("\n", 78)),
        ("wrapped 70, CRLF", wrapped("\n", 70).replace('\n', "\r\n")),
    ]
}

#[test]
fn every_layout_yields_the_same_paragraphs() {
    let want: Vec<String> = PARAS.iter().map(|p| p.to_string()).collect();
    for head in ["", "Senate Extends Funding for Rural Hospitals\n"] {
        for (name, text) in layouts(head) {
            assert_eq!(paragraphs(&text), want, "{name} (head {head:?}):\n{text}");
        }
    }
}

#[test]
fn a_set_headline_is_the_title_in_every_layout() {
    for (name, text) in layouts("Senate Extends Funding for Rural Hospitals\n") {
        let a = run(&text);
        let title = a.metadata.title.as_ref().map(|t| t.value.as_str());
        assert_eq!(
            title,
            Some("Senate Extends Funding for Rural Hospitals"),
            "{name}"
        );
        assert_eq!(a.layout.blocks[0].kind, BlockKind::Title, "{name}");
    }
}

#[test]
fn no_title_is_invented_from_prose_or_a_label() {
    for text in [
        "The council met on Tuesday and voted to approve the plan.\nIt will cost $3 million.\n",
        "the council met\nIt will cost $3 million and take two years to build.\n",
        "Politics\nThe council met on Tuesday and voted to approve the plan.\n",
        "Council votes, then adjourns, and members go home for the summer.\nMore text follows here.\n",
    ] {
        let a = run(text);
        assert!(a.metadata.title.is_none(), "{text:?} got {:?}", a.metadata.title);
    }
}

#[test]
fn reuters_layout_headline_dateline_line_and_one_paragraph_per_line() {
    let t = "Central Bank Holds Rates Steady\nLONDON 1996-08-30\nThe bank left its key rate unchanged on Friday, citing weak growth.\nIt will meet again next month.\n";
    let a = run(t);
    let m = &a.metadata;
    assert_eq!(
        m.title.as_ref().map(|x| x.value.as_str()),
        Some("Central Bank Holds Rates Steady")
    );
    let d = m.dateline.as_ref().expect("dateline");
    assert_eq!(d.place.value, "LONDON");
    assert_eq!(
        d.date.as_ref().map(|x| x.value.as_str()),
        Some("1996-08-30")
    );
    assert_eq!(
        m.published.as_ref().map(|x| x.value.as_str()),
        Some("1996-08-30")
    );
    let kinds: Vec<BlockKind> = a.layout.blocks.iter().map(|b| b.kind).collect();
    use BlockKind::*;
    assert_eq!(kinds, [Title, Dateline, Body, Body]);
    assert!(m
        .lead
        .as_ref()
        .is_some_and(|l| l.value.starts_with("The bank left")));
}

/// `head` above the paragraphs is the title in every layout.
fn title_in_every_layout(head: &str) {
    for (name, text) in layouts(head) {
        let a = run(&text);
        let title = a.metadata.title.as_ref().map(|t| t.value.as_str());
        assert_eq!(title, Some(head.trim()), "{name}");
    }
}

#[test]
fn a_long_headline_is_not_joined_to_wrapped_prose() {
    title_in_every_layout(
        "Regional Council Approves Plan for New Tram Line Through the Old Town\n",
    );
}

#[test]
fn a_sentence_case_headline_standing_alone_is_the_title() {
    title_in_every_layout("Senate extends funding for rural hospitals\n\n");
}

#[test]
fn a_headline_closed_by_a_full_stop_needs_a_dateline_or_byline_under_it() {
    for (text, want) in [
        ("Senate extends hospital funding.\nWASHINGTON 2021-03-02\nThe Senate voted 71 to 27 on Tuesday to extend the funding.\n", Some("Senate extends hospital funding.")),
        ("SENATE EXTENDS HOSPITAL FUNDING .\nJane Doe\nWASHINGTON 2021-03-02\nThe Senate voted 71 to 27 on Tuesday to extend the funding.\n", Some("SENATE EXTENDS HOSPITAL FUNDING .")),
        ("Senate Extends Funding for Rural Hospitals.\n\nThe Senate voted 71 to 27 on Tuesday to extend the funding for two more years.\n", Some("Senate Extends Funding for Rural Hospitals.")),
        ("FULL-TIME: Liverpool 2-0 Real Madrid.\n\nTwo goals in the second half sent the home side top of the group on Tuesday night.\n", None),
        ("The Senate extended hospital funding.\n\nThe vote was 71 to 27 on Tuesday, and the bill now goes to the House.\n", None),
    ] {
        let a = run(text);
        let title = a.metadata.title.as_ref().map(|t| t.value.as_str());
        assert_eq!(title, want, "{text:?}");
        if text.contains("WASHINGTON") {
            assert_eq!(value_of(&a.metadata.published), Some("2021-03-02"), "{text:?}");
        }
        if text.contains("Jane Doe") {
            assert_eq!(a.metadata.authors[0].name, "Jane Doe");
        }
    }
}

fn value_of(d: &Option<DateField>) -> Option<&str> {
    d.as_ref().map(|d| d.value.as_str())
}

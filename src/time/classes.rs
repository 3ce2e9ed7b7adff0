//! Token-class matchers: each recognises one kind of time word at a position,
//! records its value in [`Caps`] and says how many tokens it used.

use super::class::{Caps, Class};
use super::lexicon as lx;
use super::scan::{digits, glued, Kind, Scanned};

/// Tokens used by `class` at token `i`, or `None` when it does not apply.
pub(crate) fn class_at(class: Class, s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    match class {
        Class::Month => month(s, i, c),
        Class::Weekday => weekday(s, i, c),
        Class::Day => day(s, i, c),
        Class::Year => year(s, i, c),
        Class::Decade => decade(s, i, c),
        Class::Num => num(s, i, c),
        Class::Ord => ordinal(s, i, c),
        Class::Unit => {
            c.unit = Some(lx::unit(s.low(i))?);
            c.plural = s.low(i).ends_with('s');
            Some(1)
        }
        Class::Season => season(s, i, c),
        Class::Pod => {
            c.pod = Some(lx::part_of_day(s.low(i))?);
            c.plural = s.low(i).ends_with('s');
            Some(1)
        }
        Class::Clock => clock(s, i, c),
        Class::MonthNum => {
            c.month = Some(digits(s, i, 2).filter(|m| (1..=12).contains(m))? as u8);
            Some(1)
        }
        Class::YearShort => year_short(s, i, c),
        Class::Meridiem => meridiem(s, i, c),
        Class::Zone => ZONES.contains(&s.low(i)).then_some(1),
    }
}

/// US and universal time zone abbreviations that may follow a clock time.
const ZONES: [&str; 9] = [
    "est", "edt", "cst", "cdt", "mst", "pst", "pdt", "gmt", "utc",
];

fn month(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    let w = s.low(i);
    let m = lx::month(w)?;
    // "may"/"march" are also verbs: month names must be capitalised. A bare
    // three-letter form ("Jan", "Mar") needs its dot or a number after it, as in
    // wire copy's "Feb 6" or "Jan 2020".
    let cap = s.tok(i)?.cap;
    let next = s.low(i + 1);
    let numeric_next = next.bytes().next().is_some_and(|b| b.is_ascii_digit());
    (cap && (w.len() > 3 || m == 5 || next == "." || numeric_next)).then_some(())?;
    c.month = Some(m);
    let abbrev = w.len() <= 4 && !matches!(w, "may" | "june" | "july");
    Some(1 + if abbrev { dot(s, i + 1) } else { 0 })
}

fn weekday(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    let w = s.low(i);
    c.weekday = Some(lx::weekday(w)?);
    (s.tok(i)?.cap && (w.len() > 5 || s.low(i + 1) == ".")).then_some(())?;
    Some(1 + if w.len() <= 5 { dot(s, i + 1) } else { 0 })
}

fn season(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    let w = s.low(i);
    // "fall" is usually the verb unless a determiner or capital says otherwise.
    let det = matches!(
        s.low(i.wrapping_sub(1)),
        "last" | "this" | "next" | "the" | "early" | "late" | "in" | "-"
    );
    (w != "fall" || det || s.tok(i)?.cap).then_some(())?;
    c.season = Some(lx::season(w)?);
    Some(1)
}

fn year_short(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    let t = s.tok(i)?;
    let y = digits(s, i, 4)? as i32;
    c.year = Some(match t.end - t.start {
        2 if y < 30 => 2000 + y,
        2 => 1900 + y,
        4 => y,
        _ => return None,
    });
    Some(1)
}

/// 1 when token `i` is an abbreviation dot glued to the word before it.
fn dot(s: &Scanned, i: usize) -> usize {
    usize::from(s.low(i) == "." && glued(s, i))
}

fn day(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    let d = digits(s, i, 2)?;
    if !(1..=31).contains(&d) {
        return None;
    }
    c.day = Some(d as u8);
    let suffix = matches!(s.low(i + 1), "st" | "nd" | "rd" | "th") && glued(s, i + 1);
    Some(1 + usize::from(suffix))
}

fn year(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    if let Some(n) = spoken_year(s, i, c) {
        return Some(n);
    }
    if s.low(i) == "'" {
        let t = s.tok(i + 1)?;
        let y = digits(s, i + 1, 2).filter(|_| t.end - t.start == 2)?;
        (glued(s, i + 1) && s.low(i + 2) != "s").then_some(())?;
        c.year = Some(if y < 30 {
            2000 + y as i32
        } else {
            1900 + y as i32
        });
        return Some(2);
    }
    let t = s.tok(i)?;
    let y = digits(s, i, 4).filter(|_| t.end - t.start == 4)?;
    // "1990s" is a decade, "$1990" money, "1,990" a count, "1990-91" handled by the rule.
    let decade_or_pct = glued(s, i + 1) && matches!(s.low(i + 1), "s" | "%");
    let money = i > 0 && glued(s, i) && matches!(s.low(i - 1), "$" | "," | "." | "#");
    // "2082.1" is an index level, not a year.
    let decimal =
        s.low(i + 1) == "." && glued(s, i + 1) && glued(s, i + 2) && digits(s, i + 2, 9).is_some();
    if decimal {
        return None;
    }
    if !(1000..=2199).contains(&y) || decade_or_pct || money {
        return None;
    }
    c.year = Some(y as i32);
    Some(1)
}

/// A year read out in broadcast transcripts: `nineteen ninety-four`, and
/// `two thousand` right after `year` or a month name (elsewhere it is a count).
fn spoken_year(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    match s.low(i) {
        "nineteen" => {
            let mut tens = Caps::default();
            let n = num(s, i + 1, &mut tens)?;
            let v = tens.num??;
            (v.fract() == 0.0 && (10.0..100.0).contains(&v)).then_some(())?;
            c.year = Some(1900 + v as i32);
            Some(1 + n)
        }
        "two" if s.low(i + 1) == "thousand" => {
            let prev = s.low(i.wrapping_sub(1));
            (prev == "year" || lx::month(prev).is_some()).then_some(())?;
            c.year = Some(2000);
            Some(2)
        }
        _ => None,
    }
}

fn decade(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    let apostrophe = usize::from(s.low(i) == "'");
    let j = i + apostrophe;
    let t = s.tok(j)?;
    let v = digits(s, j, 4)?;
    let len = t.end - t.start;
    if s.low(j + 1) != "s" || !glued(s, j + 1) || v % 10 != 0 {
        return None;
    }
    c.decade = Some(match (len, apostrophe) {
        (4, 0) if (1000..2200).contains(&v) => (v / 10) as i32,
        (2, 1) => 190 + (v / 10) as i32,
        _ => return None,
    });
    Some(apostrophe + 2)
}

fn num(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    let w = s.low(i);
    if matches!(
        w,
        "several" | "few" | "many" | "some" | "numerous" | "couple"
    ) {
        c.num = Some(if w == "couple" { Some(2.0) } else { None });
        return Some(1 + usize::from(w == "couple" && s.low(i + 1) == "of"));
    }
    if w == "a" && matches!(s.low(i + 1), "few" | "couple") {
        return num(s, i + 1, c).map(|n| n + 1);
    }
    if let Some(v) = digits(s, i, 3) {
        return Some(numeric(s, i, c, v));
    }
    let v = lx::number_word(w)?;
    if matches!(w, "a" | "an") {
        c.push("a");
    }
    let mut used = 1;
    if (20..100).contains(&v) && v % 10 == 0 {
        let k = if s.low(i + 1) == "-" { 2 } else { 1 };
        if let Some(u) = lx::number_word(s.low(i + k)).filter(|u| (1..10).contains(u)) {
            c.num = Some(Some(f64::from(v + u)));
            return Some(1 + k);
        }
    }
    c.num = Some(Some(f64::from(v)));
    if s.low(i + 1) == "and" && s.low(i + 2) == "a" && s.low(i + 3) == "half" {
        c.num = Some(Some(f64::from(v) + 0.5));
        used += 3;
    }
    Some(used)
}

/// Digits, optionally with a glued fraction (`2 1/2`, `1.5`).
fn numeric(s: &Scanned, i: usize, c: &mut Caps, v: u32) -> usize {
    let mut value = f64::from(v);
    let mut used = 1;
    if s.low(i + 1) == "." && glued(s, i + 1) && glued(s, i + 2) {
        if let Some(frac) = digits(s, i + 2, 2) {
            let places = s.low(i + 2).len() as i32;
            value += f64::from(frac) / 10f64.powi(places);
            used = 3;
        }
    } else if let (Some(a), "/", Some(b)) = (digits(s, i + 1, 1), s.low(i + 2), digits(s, i + 3, 1))
    {
        if b > a && s.tok(i + 1).is_some_and(|t| t.kind == Kind::Num) {
            value += f64::from(a) / f64::from(b);
            used = 4;
        }
    }
    c.num = Some(Some(value));
    used
}

fn ordinal(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    if let Some(v) = lx::ordinal_word(s.low(i)) {
        c.ord = Some(v);
        return Some(1);
    }
    let v = digits(s, i, 2)?;
    (matches!(s.low(i + 1), "st" | "nd" | "rd" | "th") && glued(s, i + 1)).then_some(())?;
    c.ord = Some(v);
    Some(2)
}

fn clock(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    let h = digits(s, i, 2)?;
    let mut used = 1;
    let mut minute = 0;
    if matches!(s.low(i + 1), ":" | ".") && glued(s, i + 1) && glued(s, i + 2) {
        let t = s.tok(i + 2)?;
        if t.end - t.start == 2 {
            minute = digits(s, i + 2, 2).filter(|m| *m < 60)?;
            used = 3;
            c.push(":");
        }
    }
    (h <= 24).then_some(())?;
    c.hour = Some(h as u8);
    c.minute = Some(minute as u8);
    Some(used)
}

fn meridiem(s: &Scanned, i: usize, c: &mut Caps) -> Option<usize> {
    let w = s.low(i);
    let pm = match w {
        "am" | "a" => false,
        "pm" | "p" => true,
        _ => return None,
    };
    c.pm = Some(pm);
    if w.len() == 2 {
        return Some(1 + dot(s, i + 1));
    }
    // "a.m." / "p.m." scan as a . m .
    (s.low(i + 1) == "." && s.low(i + 2) == "m").then_some(())?;
    // A sentence-final "p.m." lends its last dot to the sentence.
    let next = s.low(i + 4);
    let continues =
        ZONES.contains(&next) || lx::weekday(next).is_some() || lx::month(next).is_some();
    let ends_sentence = s
        .tok(i + 4)
        .is_none_or(|t| t.para_before || (t.cap && !continues));
    Some(3 + if ends_sentence { 0 } else { dot(s, i + 3) })
}

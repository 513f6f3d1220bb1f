//! Lines that look like headings and are not: a table of contents and numbered lists of
//! sentences.

use super::markers::{marker_at, Tier};
use std::collections::HashMap;

/// A table-of-contents line: ends in leader dots or a page number after a gap.
pub(super) fn toc_line(line: &str) -> bool {
    let t = line.trim_end();
    let digits = t.chars().rev().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let head: String = t.chars().rev().skip(digits).take(2).collect();
    head.chars()
        .all(|c| matches!(c, '.' | '…' | '·' | '─' | '-' | ' ' | '\u{3000}'))
}

/// Lines that are items of a numbered list rather than headings: two or more lines in a row,
/// each one numbered sentence and nothing more (`1、全年完成项目12项。⏎2、新增企业5家。`).
/// A heading is followed by its body, on its line or the next.
pub(super) fn list_items(lines: &[&str]) -> Vec<bool> {
    let one_sentence = |line: &str| -> bool {
        let t = line.trim();
        // Only these tiers make list items: lines that start otherwise (most) are not read.
        if !t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '(' | '（' | '①'..='⑳'))
        {
            return false;
        }
        // A marker of these tiers is at most 6 chars (`（12）`) and the body under 100: a longer
        // line is no item, and is not copied into chars to be told so.
        if crate::text::count_char_starts(t.as_bytes()) >= 106 {
            return false;
        }
        let chars: Vec<char> = t.chars().collect();
        let Some((tier, _, len)) = marker_at(&chars, 0) else {
            return false;
        };
        if !matches!(tier, Tier::Arabic | Tier::ArParen | Tier::Circled) {
            return false;
        }
        let body = chars.get(len..).unwrap_or(&[]);
        // `1.“某某计划”：指…。`: a term and its gloss, an entry of a glossary, heads its text.
        let label = body
            .iter()
            .take(25)
            .position(|&c| matches!(c, '：' | ':' | '，' | ',' | '。'))
            .filter(|&p| p >= 2 && matches!(body.get(p), Some('：' | ':')));
        if label.is_some() {
            return false;
        }
        let ends = body
            .iter()
            .filter(|&&c| matches!(c, '。' | '；' | ';' | '！' | '？'))
            .count();
        // A short phrase (`1、抓项目。`) is a heading's; a sentence is longer or holds a number.
        let sentence = body.len() > 12 || body.iter().any(|c| c.is_ascii_digit());
        sentence
            && body.len() < 100
            && ends == 1
            && body.last().is_some_and(|&c| matches!(c, '。' | '；' | ';'))
    };
    let flags: Vec<bool> = lines.iter().map(|l| one_sentence(l)).collect();
    let mut out = vec![false; lines.len()];
    let mut i = 0;
    while i < flags.len() {
        let run = flags.iter().skip(i).take_while(|&&f| f).count();
        if run >= 2 {
            for o in out.iter_mut().skip(i).take(run) {
                *o = true;
            }
        }
        i += run.max(1);
    }
    out
}

/// A candidate that opens a line holding nothing but its heading (`一、基本情况`).
pub(super) struct HeadingLine {
    /// Char offsets of the marker, of its end (where the title begins) and of the end of
    /// its line.
    pub(super) start: usize,
    pub(super) title_from: usize,
    pub(super) line_end: usize,
}

/// Candidates that are lines of a table of contents without page numbers: a run of two or
/// more heading lines in a row (nothing but white space between them) whose first two
/// headings the body gives again, in that order, later on. A table of contents stands before
/// the body: only the candidates before the first that is no such run's are read (`lines`:
/// each candidate's heading line where it is one). `title` reads a title from its offset;
/// titles are read only when the text opens with such a run.
pub(super) fn repeated_runs(
    chars: &[char],
    lines: &[Option<HeadingLine>],
    title: impl Fn(usize) -> String,
) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let follows = |a: &HeadingLine, b: &HeadingLine| {
        b.start >= a.line_end
            && b.start - a.line_end <= 64
            && chars
                .get(a.line_end..b.start)
                .is_some_and(|gap| gap.iter().all(|c| c.is_whitespace()))
    };
    // Most texts open with a heading that has its body under it: nothing to read.
    match (lines.first(), lines.get(1)) {
        (Some(Some(a)), Some(Some(b))) if follows(a, b) => {}
        _ => return out,
    }
    let keys: Vec<Option<(&[char], String)>> = lines
        .iter()
        .map(|h| {
            let h = h.as_ref()?;
            Some((chars.get(h.start..h.title_from)?, title(h.title_from)))
        })
        .collect();
    // The last place each heading stands.
    let mut last: HashMap<(&[char], &str), usize> = HashMap::new();
    for (k, key) in keys.iter().enumerate() {
        if let Some((m, t)) = key {
            last.insert((m, t.as_str()), k);
        }
    }
    let same = |i: usize, j: usize| matches!((keys.get(i), keys.get(j)), (Some(Some(a)), Some(Some(b))) if a == b);
    let mut k = 0;
    while k < lines.len() {
        let mut end = k;
        while let (Some(Some(a)), Some(Some(b))) = (lines.get(end), lines.get(end + 1)) {
            // The body's first heading repeats the run's first: the run ended before it.
            if !follows(a, b) || same(k, end + 1) {
                break;
            }
            end += 1;
        }
        if end == k {
            // A heading of the body: no table of contents follows it.
            break;
        }
        let later = |j: usize| {
            keys.get(j)
                .and_then(Option::as_ref)
                .and_then(|(m, t)| last.get(&(*m, t.as_str())))
                .copied()
                .filter(|&l| l > end)
        };
        let repeated = matches!((later(k), later(k + 1)), (Some(a), Some(b)) if a < b);
        if !repeated {
            // The body's first headings, in a row.
            break;
        }
        for o in out.iter_mut().take(end + 1).skip(k) {
            *o = true;
        }
        k = end + 1;
    }
    out
}

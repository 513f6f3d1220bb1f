//! Spacing: letter-spacing, indentation, blank lines, ideographic paragraph gaps.

use crate::edit::Rewriter;
use crate::report::CleanKind;
use crate::text::{is_cjk, is_cjk_punct, is_han, Gate};

pub(super) fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}'
}

/// Where the spaces are: ASCII space and tab, and U+3000 (led by E3).
pub(super) const SPACE_GATE: Gate = Gate {
    ascii: |b| b == b' ' || b == b'\t',
    leads: &[0xE3],
};

/// True when the space between `a` and `b` is letter-spacing, not a word break.
pub(super) fn spacing_between(a: char, b: char) -> bool {
    (is_cjk(a) && (is_cjk(b) || b.is_ascii_digit()))
        || (a.is_ascii_digit() && is_cjk(b))
        || (is_cjk_punct(a) || is_cjk_punct(b))
        || (is_han(a) && matches!(b, '(' | '%'))
        || (a == ')' && is_han(b))
}

pub(super) fn spacing(text: &str, rw: &mut Rewriter) {
    for line in crate::text::lines(text) {
        let body = line.strip_suffix('\n').unwrap_or(line);
        // Most lines hold no space at all: nothing to do but copy them.
        if !body.is_empty() && !SPACE_GATE.any(body, is_space) {
            rw.keep(line);
            continue;
        }
        let trimmed = body.trim_matches(is_space);
        if trimmed.is_empty() {
            // A blank line: paragraphs are lines, so blank lines go.
            rw.remove(line, CleanKind::Spacing);
            continue;
        }
        let lead = body.len() - body.trim_start_matches(is_space).len();
        if lead > 0 {
            rw.remove(body.get(..lead).unwrap_or(""), CleanKind::Spacing);
        }
        space_inside(trimmed, rw);
        let trail = body.len() - body.trim_end_matches(is_space).len();
        if trail > 0 {
            rw.remove(
                body.get(body.len() - trail..).unwrap_or(""),
                CleanKind::Spacing,
            );
        }
        if line.len() > body.len() {
            rw.keep("\n");
        }
    }
}

/// True when `line` is a row of a table: two or more short cells parted by tabs, and no other
/// menu separator or sentence. The cells of a table row are kept apart (one tab each) where
/// spacing would join them: `指标\t单位` is two cells, not a letter-spaced `指标单位`.
pub(crate) fn table_row(line: &str) -> bool {
    if !line.contains('\t')
        || line.contains(['|', '｜', '>', '›', '»', '\u{3000}', '。', '；'])
        || line.contains("  ")
    {
        return false;
    }
    let mut cells = line
        .split('\t')
        .map(|c| c.trim_matches(' '))
        .filter(|c| !c.is_empty());
    let Some(first) = cells.next() else {
        return false;
    };
    // A heading's marker and its title, parted by the tab Word writes after a list number:
    // `一、\t主要工作`, `（一）\t…`, `1.\t…`.
    let marker = first.chars().count() <= 5
        && first.ends_with(['、', '．', '.', ')', '）', '〕', ']', '】']);
    let mut n = 1;
    for c in cells {
        if c.chars().count() > 40 {
            return false;
        }
        n += 1;
    }
    n >= 2 && !marker && first.chars().count() <= 40
}

pub(super) fn space_inside(line: &str, rw: &mut Rewriter) {
    if table_row(line) {
        return cells_apart(line, rw);
    }
    // The text between runs of spaces is kept whole; each run is judged by the chars around it.
    let mut kept = 0;
    // The two chars before the current place (spaces of an earlier run included).
    let (mut before_prev, mut prev): (Option<char>, Option<char>) = (None, None);
    let mut chars = line.char_indices().peekable();
    while let Some((b, c)) = chars.next() {
        if !is_space(c) {
            (before_prev, prev) = (prev, Some(c));
            continue;
        }
        let mut e = b + c.len_utf8();
        let mut last_two = (prev, c);
        while let Some(&(x, d)) = chars.peek().filter(|&&(_, d)| is_space(d)) {
            e = x + d.len_utf8();
            last_two = (Some(last_two.1), d);
            chars.next();
        }
        let run = line.get(b..e).unwrap_or("");
        let mut after = line.get(e..).unwrap_or("").chars();
        let (next, after_next) = (after.next(), after.next());
        rw.keep(line.get(kept..b).unwrap_or(""));
        let gap = run.chars().filter(|&c| c == '\u{3000}').count() >= 2 || run.len() >= 4;
        match (prev, next) {
            // An ideographic gap inside a line is a paragraph indent: the break before it was
            // lost (national reports often come as one long line).
            (Some(_), Some(_)) if gap => {
                rw.replace(run, "\n", Some(CleanKind::Spacing));
            }
            (Some(p), Some(n)) if spacing_between(p, n) => rw.remove(run, CleanKind::Spacing),
            // Letter-spaced digits: `1 9 9 8`.
            (Some(p), Some(n))
                if p.is_ascii_digit()
                    && n.is_ascii_digit()
                    && before_prev.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '.')
                    && after_next.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '.') =>
            {
                rw.remove(run, CleanKind::Spacing)
            }
            _ => rw.keep(run),
        }
        kept = e;
        (before_prev, prev) = (last_two.0, Some(last_two.1));
    }
    rw.keep(line.get(kept..).unwrap_or(""));
}

/// A table row: each run of spaces and tabs between cells becomes one tab; spaces inside a
/// cell are judged as in any line.
fn cells_apart(line: &str, rw: &mut Rewriter) {
    let mut kept = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((b, c)) = chars.next() {
        if !is_space(c) {
            continue;
        }
        let mut e = b + c.len_utf8();
        while let Some(&(x, d)) = chars.peek().filter(|&&(_, d)| is_space(d)) {
            e = x + d.len_utf8();
            chars.next();
        }
        let run = line.get(b..e).unwrap_or("");
        if run.contains('\t') {
            space_inside(line.get(kept..b).unwrap_or(""), rw);
            if run == "\t" {
                rw.keep(run);
            } else {
                rw.replace(run, "\t", Some(CleanKind::Spacing));
            }
            kept = e;
        }
    }
    space_inside(line.get(kept..).unwrap_or(""), rw);
}

//! Page fragments: `N、` markers at line starts that a document-sharing site put where it cut
//! the text into pages, and page-number lines.

use crate::edit::Rewriter;
use crate::report::CleanKind;
use crate::text::is_terminal;

/// `N、` at a line start, with the byte length of the marker.
pub(super) fn fragment_marker(line: &str) -> Option<(u32, usize)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || !line.get(digits..).unwrap_or("").starts_with('、') {
        return None;
    }
    let n = line.get(..digits).unwrap_or("").parse().ok()?;
    Some((n, digits + '、'.len_utf8()))
}

/// The last visible character of a line.
pub(super) fn last_visible(line: &str) -> Option<char> {
    line.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .chars()
        .next_back()
}

/// The lines that open with a fragment marker: (line, number, marker length).
pub(super) fn fragment_candidates(lines: &[&str]) -> Vec<(usize, u32, usize)> {
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| fragment_marker(l).map(|(n, len)| (i, n, len)))
        .collect()
}

/// Finds the chain of page-fragment markers: `1、 2、 3、 …` at line starts, running through
/// the document, where most lines before a marker end mid-sentence. Real numbered lists end
/// their items with punctuation and restart their numbering under each heading.
pub(super) fn fragment_chain(lines: &[&str], follows_cut: &[bool]) -> Vec<(usize, usize)> {
    let cands = fragment_candidates(lines);
    // From each candidate the chain goes on at the first candidate after it numbered one
    // more, so chains that meet go on alike: each candidate's next is found once (walking
    // back, remembering the first candidate of each number), and the lengths and the cut
    // joins of the chains summed back from the end. Trying every start afresh was quadratic.
    let mut first_of: Vec<Option<usize>> = vec![None; 1001];
    let mut nexts: Vec<Option<usize>> = vec![None; cands.len()];
    for (idx, &(_, n, _)) in cands.iter().enumerate().rev() {
        let k = n as usize;
        if let Some(next) = nexts.get_mut(idx) {
            *next = first_of.get(k + 1).copied().flatten();
        }
        if let Some(f) = first_of.get_mut(k) {
            *f = Some(idx);
        }
    }
    // (length, cut joins) of the chain from each candidate.
    let from = chain_sums(&nexts, |next| {
        let line = cands.get(next).map_or(0, |c| c.0);
        usize::from(follows_cut.get(line).copied().unwrap_or(false))
    });
    // Of the chains that are mostly cuts, the one with the most cut joins, then the longest:
    // a chain from a real list's 1、 can run on into the pages (4、 5、 …) and be as long as
    // theirs, but its first links end whole sentences.
    let mut best: Option<(usize, (usize, usize))> = None; // (start, (cut joins, length))
    for (start, &(_, n0, _)) in cands.iter().enumerate() {
        let (len, cut) = from.get(start).copied().unwrap_or((0, 0));
        let joins = len.saturating_sub(1);
        if n0 <= 2 && len >= 3 && cut * 5 >= joins * 3 && best.is_none_or(|(_, k)| (cut, len) > k) {
            best = Some((start, (cut, len)));
        }
    }
    follow(&nexts, best.map(|(start, _)| start))
        .filter_map(|idx| cands.get(idx).map(|&(i, _, len)| (i, len)))
        .collect()
}

/// For candidates each linked to at most one next (`nexts`), the length of the chain from
/// each and the sum of `weight(next)` over its links: summed back from the end, so each link is
/// looked at once (chains that meet go on alike).
pub(super) fn chain_sums(
    nexts: &[Option<usize>],
    weight: impl Fn(usize) -> usize,
) -> Vec<(usize, usize)> {
    let mut from = vec![(1, 0); nexts.len()];
    for (idx, next) in nexts.iter().enumerate().rev() {
        if let Some(next) = *next {
            let (len, sum) = from.get(next).copied().unwrap_or((0, 0));
            if let Some(f) = from.get_mut(idx) {
                *f = (len + 1, sum + weight(next));
            }
        }
    }
    from
}

/// The chain from `start`, following `nexts`.
pub(super) fn follow(
    nexts: &[Option<usize>],
    start: Option<usize>,
) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(start, |&idx| nexts.get(idx).copied().flatten())
}

pub(super) fn join_fragments(text: &str, rw: &mut Rewriter) {
    let lines: Vec<&str> = crate::text::lines(text).collect();
    // For each line: does the last non-blank line before it end mid-sentence?
    let mut follows_cut = Vec::with_capacity(lines.len());
    let mut cut = false;
    for line in &lines {
        follows_cut.push(cut);
        if !line.trim().is_empty() {
            cut = last_visible(line).is_some_and(|c| !is_terminal(c));
        }
    }
    let chain = fragment_chain(&lines, &follows_cut);
    // For each marked line: the marker length, and whether it continues a cut sentence.
    let mut mark: Vec<Option<(usize, bool)>> = vec![None; lines.len()];
    let mut prev_text: Option<usize> = None;
    let mut chain_iter = chain.iter().peekable();
    for (i, line) in lines.iter().enumerate() {
        if let Some(&&(li, len)) = chain_iter.peek() {
            if li == i {
                chain_iter.next();
                let cut = prev_text
                    .and_then(|p| lines.get(p))
                    .and_then(|l| last_visible(l))
                    .is_some_and(|c| !is_terminal(c));
                if let Some(m) = mark.get_mut(i) {
                    *m = Some((len, cut));
                }
            }
        }
        if !line.trim().is_empty() {
            prev_text = Some(i);
        }
    }
    // A line whose next non-blank line joins it loses its newline and the blank lines between.
    let mut joins = vec![false; lines.len()];
    let mut next_joins = false;
    for (i, line) in lines.iter().enumerate().rev() {
        if let Some(j) = joins.get_mut(i) {
            *j = next_joins;
        }
        if !line.trim().is_empty() {
            next_joins = matches!(mark.get(i), Some(Some((_, true))));
        }
    }
    let joins_next = |i: usize| joins.get(i).copied().unwrap_or(false);
    // The newline (and blank lines) a join removes, logged with the marker that follows.
    let mut pending = String::new();
    for (i, line) in lines.iter().enumerate() {
        let blank = line.trim().is_empty();
        if !pending.is_empty() && blank {
            pending.push_str(line);
            continue;
        }
        let (marker, rest) = match mark.get(i).copied().flatten() {
            Some((len, _)) => (line.get(..len).unwrap_or(""), line.get(len..).unwrap_or("")),
            None => ("", *line),
        };
        if !marker.is_empty() || !pending.is_empty() {
            pending.push_str(marker);
            rw.remove(&pending, CleanKind::PageMarker);
            pending.clear();
        }
        match rest.strip_suffix('\n') {
            Some(body) if !blank && joins_next(i) => {
                rw.keep(body);
                pending.push('\n');
            }
            _ => rw.keep(rest),
        }
    }
    if !pending.is_empty() {
        rw.keep(&pending);
    }
}

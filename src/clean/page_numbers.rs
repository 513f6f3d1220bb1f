//! Page numbers left inside words by a conversion from PDF or Word (`组2长` → `组长`), found
//! by the page sequence.

use super::pages::{chain_sums, follow};
use crate::edit::Rewriter;
use crate::report::CleanKind;
use crate::text::is_han;

/// Measure words and units: a number before one of them is a quantity, never a page number.
pub(super) const AFTER_QUANTITY: &str = "个项家件名人次所份册条篇场期批只座台套元万亿千百年月日号时分秒天周倍岁位户种类级届度米吨亩克斤里栋幢辆架艘部本张篇处间";

/// Removes page numbers that a conversion from PDF or Word left inside words: digits between
/// two Han characters (or at a line start before one) whose values run 1, 2, 3 … through
/// the document, a page apart.
pub(super) fn page_numbers_in_words(text: &str, rw: &mut Rewriter) {
    // Candidates: (byte start, byte end, value), found by scanning bytes for ASCII digits.
    let bytes = text.as_bytes();
    let mut cands: Vec<(usize, usize, u32)> = Vec::new();
    let mut k = 0;
    while let Some(start) = crate::text::next_ascii_digit(bytes, k) {
        k = start;
        while bytes.get(k).is_some_and(u8::is_ascii_digit) {
            k += 1;
        }
        let before = text.get(..start).and_then(|s| s.chars().next_back());
        let after = text.get(k..).and_then(|s| s.chars().next());
        // Before: a Han character, a line start, or clause punctuation (`…科技项目,5帮助他们`).
        let ok_before = before.is_none_or(|c| {
            is_han(c) || matches!(c, '\n' | '。' | '，' | ',' | '；' | '、' | '：')
        });
        let ok_after = after.is_some_and(|c| is_han(c) && !AFTER_QUANTITY.contains(c));
        let not_ordinal =
            before.is_none_or(|c| !matches!(c, '第' | '约' | '近' | '共' | '达' | '逾' | '超'));
        if k - start <= 3 && ok_before && ok_after && not_ordinal {
            if let Some(v) = text.get(start..k).and_then(|d| d.parse::<u32>().ok()) {
                cands.push((start, k, v));
            }
        }
    }
    let best = page_chain(&cands);
    if best.len() < 4 {
        rw.keep(text);
        return;
    }
    let mut last = 0;
    for idx in best {
        if let Some(&(b, e, _)) = cands.get(idx) {
            rw.keep(text.get(last..b).unwrap_or(""));
            rw.remove(text.get(b..e).unwrap_or(""), CleanKind::PageNumber);
            last = e;
        }
    }
    rw.keep(text.get(last..).unwrap_or(""));
}
/// The longest chain of rising values among `cands` (byte start, byte end, value), each a
/// page's length after the one before, as indices: from each candidate of value 1 or 2, the
/// chain takes the first candidate after its last that goes on from it (a value one or two
/// higher, `MIN_GAP` bytes or more on, some 150 chars of Chinese); of the longest chains, the
/// first.
///
/// Each candidate has one next, so chains that meet go on alike: the next of every candidate
/// is found once (by binary search among those of the next two values) and the lengths summed
/// back from the end. Trying every start afresh was quadratic: 800 KB of `中1中1…` took 13 s.
pub(super) fn page_chain(cands: &[(usize, usize, u32)]) -> Vec<usize> {
    const MIN_GAP: usize = 450;
    // The indices of the candidates of each value, in text order.
    let mut by_value: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
    for (idx, &(_, _, v)) in cands.iter().enumerate() {
        by_value.entry(v).or_default().push(idx);
    }
    let next = |idx: usize| -> Option<usize> {
        let &(pos, _, v) = cands.get(idx)?;
        [v.saturating_add(1), v.saturating_add(2)]
            .iter()
            .filter_map(|u| {
                let list = by_value.get(u)?;
                // Positions rise with the index: the first far enough is after `idx`.
                let k =
                    list.partition_point(|&j| cands.get(j).is_some_and(|c| c.0 < pos + MIN_GAP));
                list.get(k).copied()
            })
            .min()
    };
    let nexts: Vec<Option<usize>> = (0..cands.len()).map(next).collect();
    let lens = chain_sums(&nexts, |_| 0);
    let len = |s: usize| lens.get(s).map_or(0, |&(n, _)| n);
    let mut best: Option<usize> = None;
    for (s, &(_, _, v)) in cands.iter().enumerate() {
        if v <= 2 && best.is_none_or(|b| len(s) > len(b)) {
            best = Some(s);
        }
    }
    follow(&nexts, best).collect()
}

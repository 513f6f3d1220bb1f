//! Full-width digits and Latin letters made ASCII.

use super::normalize::by_line;
use crate::edit::Rewriter;
use crate::report::CleanKind;
use crate::text::Gate;

pub(super) fn narrow_char(c: char) -> Option<char> {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '＋' => {
            char::from_u32(c as u32 - 0xFEE0)
        }
        '﹪' => Some('%'),
        _ => None,
    }
}

/// Where the full-width forms that narrow are: led by EF (U+FE6A, U+FF05..U+FF5A).
pub(super) const NARROW_GATE: Gate = Gate {
    ascii: |_| false,
    leads: &[0xEF],
};

pub(super) fn narrow(text: &str, rw: &mut Rewriter) {
    by_line(
        text,
        rw,
        &NARROW_GATE,
        |c| narrow_char(c).is_some(),
        narrow_line,
    );
}

pub(super) fn narrow_line(text: &str, rw: &mut Rewriter) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while let Some(&(i, c)) = chars.get(k) {
        // A run of narrowable characters (and a full stop between digits) is one change.
        let mut j = k;
        let mut out = String::new();
        while let Some(&(_, d)) = chars.get(j) {
            if let Some(n) = narrow_char(d) {
                out.push(n);
            } else if d == '．' && j > k && out.ends_with(|p: char| p.is_ascii_digit()) {
                out.push('.');
            } else {
                break;
            }
            j += 1;
        }
        if j > k {
            let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
            rw.replace(text.get(i..end).unwrap_or(""), &out, Some(CleanKind::Width));
            k = j;
        } else {
            rw.keep_char(c);
            k += 1;
        }
    }
}

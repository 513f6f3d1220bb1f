//! Heading markers and article dividers: the numbering a heading opens with (`壹、` `一、`
//! `（一）` `1、`/`1.` `（1）` `①` `第一，` `第一部分`) and the `【篇一】` lines that divide a page
//! into articles. Cleaning asks these too (a line that opens with a marker is no wrap to join),
//! so they stand in a file of their own.

use crate::text::{cn_digit, small_cn_number, string_of};

/// The numbering tiers of Chinese official documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Tier {
    /// `第一部分`
    Part,
    /// `第一，`
    Ordinal,
    /// `壹、`
    Formal,
    /// `一、`
    CnComma,
    /// `（一）` `(一)`
    CnParen,
    /// `1、` `1.` `1．`
    Arabic,
    /// `（1）` `(1)`
    ArParen,
    /// `①`
    Circled,
    /// No numbering: a short line that names a part (`存在的问题`), or such a phrase glued
    /// between a sentence end and a paragraph that opens with a year (`…。岁首谈思路2007年是…`).
    Plain,
    /// `、` alone: a heading whose numeral was lost; it takes the tier of the innermost
    /// open heading numbered with `、`.
    Lost,
}

pub(super) const MAX_ARABIC_HEADING: u32 = 40;

/// Reads a marker at `chars[i..]`.
pub(super) fn marker_at(chars: &[char], i: usize) -> Option<(Tier, u32, usize)> {
    let c = *chars.get(i)?;
    let rest = chars.get(i..)?;
    // 【篇一】 and friends are handled by `article_divider`.
    if c == '（' || c == '(' {
        let close = rest.iter().take(6).position(|&d| d == '）' || d == ')')?;
        let inner = string_of(rest.get(1..close)?);
        if let Some(v) = small_cn_number(&inner) {
            return Some((Tier::CnParen, v, close + 1));
        }
        if !inner.is_empty() && inner.len() <= 2 && inner.chars().all(|d| d.is_ascii_digit()) {
            let v: u32 = inner.parse().ok()?;
            return Some((Tier::ArParen, v, close + 1));
        }
        return None;
    }
    if c == '、' && rest.get(1).is_some_and(|&n| crate::text::is_han(n)) {
        return Some((Tier::Lost, 0, 1));
    }
    if ('①'..='⑳').contains(&c) {
        return Some((Tier::Circled, c as u32 - '①' as u32 + 1, 1));
    }
    if c.is_ascii_digit() {
        let n = rest.iter().take_while(|d| d.is_ascii_digit()).count();
        if n > 2 {
            return None;
        }
        let sep = *rest.get(n)?;
        let v: u32 = string_of(rest.get(..n)?).parse().ok()?;
        if v == 0 || v > MAX_ARABIC_HEADING {
            return None;
        }
        let after = rest.get(n + 1).copied();
        let ok = match sep {
            '、' => true,
            // `1.` but not `1.5` or `5.12`
            '.' | '．' => after.is_some_and(|a| !a.is_ascii_digit() && !a.is_whitespace()),
            _ => false,
        };
        return ok.then_some((Tier::Arabic, v, n + 1));
    }
    if c == '第' {
        let n = rest
            .get(1..)?
            .iter()
            .take_while(|&&d| cn_digit(d).is_some() || d == '十')
            .count();
        let num = string_of(rest.get(1..1 + n)?);
        let v = small_cn_number(&num)?;
        let after = string_of(rest.get(1 + n..(3 + n).min(rest.len()))?);
        if after.starts_with("部分") {
            let extra = if matches!(rest.get(3 + n), Some('、' | '，' | ',' | '：' | ':')) {
                1
            } else {
                0
            };
            return Some((Tier::Part, v, 3 + n + extra));
        }
        if matches!(rest.get(1 + n), Some('，' | ',' | '、' | '：' | ':')) {
            return Some((Tier::Ordinal, v, 2 + n));
        }
        return None;
    }
    let n = rest
        .iter()
        .take(4)
        .take_while(|&&d| cn_digit(d).is_some() || matches!(d, '十' | '拾' | '参'))
        .count();
    if n == 0 || rest.get(n) != Some(&'、') {
        return None;
    }
    let num = string_of(rest.get(..n)?);
    let formal = num.chars().any(|d| "壹贰叁参肆伍陆柒捌玖拾".contains(d));
    // 參 (a formal 3) is 参 after conversion to simplified.
    let num = num.replace('参', "叁");
    if num.contains('两') || num.contains('〇') || num.contains('零') {
        return None;
    }
    let v = small_cn_number(&num)?;
    Some((if formal { Tier::Formal } else { Tier::CnComma }, v, n + 1))
}

/// True for every char a first marker (`（一）` `(1)` `①` `1、` `01.` `第一，` `一、` `壹、`:
/// value 1) can start with: [`marker_at`] is not asked at the others.
pub(super) fn may_open_first(c: char) -> bool {
    matches!(c, '（' | '(' | '①' | '0' | '1' | '第' | '一' | '壹')
}

/// True when a line opens with heading numbering (`一、`, `（二）`, `3、`, `①`, `第一，`).
pub(crate) fn starts_with_marker(line: &str) -> bool {
    let chars: Vec<char> = line.trim_start().chars().take(8).collect();
    marker_at(&chars, 0).is_some_and(|(t, _, _)| t != Tier::Lost)
}

/// `【篇一】`, `篇一`, `篇1`, `第一篇` alone on a line (a few characters around allowed).
pub(crate) fn article_divider(line: &str) -> bool {
    let t = line.trim();
    // Only the first 9 chars are counted: a longer line is no divider.
    let n = t.chars().take(9).count();
    if n == 0 || n > 8 {
        return false;
    }
    let inner = t
        .trim_start_matches(['【', '[', '〖'])
        .trim_end_matches(['】', ']', '〗']);
    let num = |s: &str| {
        !s.is_empty() && (s.chars().all(|c| c.is_ascii_digit()) || small_cn_number(s).is_some())
    };
    inner.strip_prefix('篇').is_some_and(num)
        || inner
            .strip_prefix('第')
            .and_then(|s| s.strip_suffix('篇'))
            .is_some_and(num)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_markers_open_only_with_the_chars_told() {
        // Every BMP char before tails that complete a marker: where marker_at reads a first
        // marker, may_open_first must have said so, or heading_end would miss it.
        let tails = [
            "、",
            "）",
            ")",
            "一）",
            "1）",
            "1)",
            "、这",
            ".这",
            "一、",
            "一，",
            "一部分",
            "1、",
        ];
        let mut firsts = 0;
        for c in (0..0x1_0000u32).filter_map(char::from_u32) {
            for t in tails {
                let cs: Vec<char> = std::iter::once(c).chain(t.chars()).collect();
                if matches!(marker_at(&cs, 0), Some((_, 1, _))) {
                    assert!(may_open_first(c), "{c}{t}");
                    firsts += 1;
                }
            }
        }
        // （一） (一) （1） (1) ① 1、 1. 01、 第一， 一、 壹、 and their variants.
        assert!(firsts >= 11, "{firsts}");
    }
}

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
    marker_at_loose(chars, i).and_then(|(t, v, len, strict)| strict.then_some((t, v, len)))
}

/// The value of an ASCII or full-width digit.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// [`marker_at`], and the markers that are headings only where their tier's sequence asks for
/// them (`strict` false): an Arabic number glued to a number (`20.2026年…`, `21.5+2…`: `20.`
/// and `21.` only after `19.` and `20.`), and paragraph numbers past
/// [`MAX_ARABIC_HEADING`] (`61.` of a policy address).
pub(super) fn marker_at_loose(chars: &[char], i: usize) -> Option<(Tier, u32, usize, bool)> {
    let c = *chars.get(i)?;
    let rest = chars.get(i..)?;
    // 【篇一】 and friends are handled by `article_divider`.
    if c == '（' || c == '(' {
        let close = rest.iter().take(6).position(|&d| d == '）' || d == ')')?;
        let inner = string_of(rest.get(1..close)?);
        if let Some(v) = small_cn_number(&inner) {
            return Some((Tier::CnParen, v, close + 1, true));
        }
        let ds: Option<Vec<u32>> = inner.chars().map(digit).collect();
        if let Some(ds) = ds.filter(|d| !d.is_empty() && d.len() <= 2) {
            let v = ds.iter().fold(0, |a, d| a * 10 + d);
            return Some((Tier::ArParen, v, close + 1, true));
        }
        return None;
    }
    if c == '、' && rest.get(1).is_some_and(|&n| crate::text::is_han(n)) {
        return Some((Tier::Lost, 0, 1, true));
    }
    if ('①'..='⑳').contains(&c) {
        return Some((Tier::Circled, c as u32 - '①' as u32 + 1, 1, true));
    }
    if digit(c).is_some() {
        let n = rest.iter().take_while(|&&d| digit(d).is_some()).count();
        if n > 3 {
            return None;
        }
        let sep = *rest.get(n)?;
        let v = rest
            .iter()
            .take(n)
            .filter_map(|&d| digit(d))
            .fold(0, |a, d| a * 10 + d);
        if v == 0 {
            return None;
        }
        let after = rest.get(n + 1).copied();
        let (ok, glued) = match sep {
            // `1、2、3月份…` lists numbers; `1、2020年…` heads a section.
            '、' => (
                !number_list(rest.get(n + 1..).unwrap_or(&[]), |d| digit(d).is_some()),
                false,
            ),
            // `1.` but not `1.5` or `5.12` (those only where the sequence wants them); `6. “…`
            // with a space, and `61.` alone on its line, above its paragraph.
            '.' | '．' => match after {
                None | Some('\n') => (true, false),
                Some(a) if digit(a).is_some() => (true, true),
                Some(' ' | '\u{3000}') => (
                    rest.iter()
                        .skip(n + 1)
                        .find(|&&d| d != ' ' && d != '\u{3000}')
                        .is_some_and(|&d| digit(d).is_none() && !d.is_whitespace()),
                    false,
                ),
                Some(a) => (!a.is_whitespace(), false),
            },
            _ => (false, false),
        };
        let strict = !glued && v <= MAX_ARABIC_HEADING;
        return ok.then_some((Tier::Arabic, v, n + 1, strict));
    }
    // `上篇` `中篇` `下篇` heading the parts of a long report, alone or before their name.
    if matches!(c, '上' | '中' | '下') && rest.get(1) == Some(&'篇') {
        let v = match c {
            '上' => 1,
            '中' => 2,
            _ => 3,
        };
        return match rest.get(2) {
            None | Some('\n' | ' ' | '\u{3000}') => Some((Tier::Part, v, 2, true)),
            Some('：' | ':' | '、' | '，' | ',') => Some((Tier::Part, v, 3, true)),
            _ => None,
        };
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
            return Some((Tier::Part, v, 3 + n + extra, true));
        }
        if matches!(rest.get(1 + n), Some('，' | ',' | '、' | '：' | ':')) {
            return Some((Tier::Ordinal, v, 2 + n, true));
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
    // `一、二、三等奖`, `一、二产业` after a dash: numbers listed, no heading.
    if number_list(rest.get(n + 1..).unwrap_or(&[]), |d| {
        cn_digit(d).is_some() || matches!(d, '十' | '拾')
    }) {
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
    Some((
        if formal { Tier::Formal } else { Tier::CnComma },
        v,
        n + 1,
        true,
    ))
}

/// The chars after a `、` marker go on listing numbers of its kind (`2、` of `1、2、3月`,
/// `二、` or `二产业` of `一、二、三产业`): a run of digits then `、`, or a Chinese digit then a
/// word that counts industries or places (`产业`).
fn number_list(after: &[char], is_digit: impl Fn(char) -> bool) -> bool {
    let n = after.iter().take(3).take_while(|&&d| is_digit(d)).count();
    n > 0 && matches!(after.get(n), Some('、'))
        || n == 1 && matches!((after.get(1), after.get(2)), (Some('产'), Some('业')))
}

/// True for every char a first marker (`（一）` `(1)` `①` `1、` `01.` `第一，` `一、` `壹、` `上篇`:
/// value 1) can start with: [`marker_at`] is not asked at the others.
pub(super) fn may_open_first(c: char) -> bool {
    matches!(
        c,
        '（' | '(' | '①' | '0' | '1' | '０' | '１' | '第' | '一' | '壹' | '上'
    )
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

/// A line that names an article and ends in its divider (`某局2024年工作计划 篇2`,
/// `…总结【篇三】`, `…工作计划篇2` once cleaning took the space): the char offset in the line
/// where the divider begins. The words before it are a short title, with no sentence.
pub(super) fn titled_divider(line: &str) -> Option<usize> {
    let t = line.trim_end();
    let chars: Vec<char> = t.chars().rev().take(12).collect();
    // The divider, read from the end: `】一篇【`, `2篇`.
    let mut k = 0;
    let bracket = matches!(chars.first(), Some('】' | ']' | '〗'));
    if bracket {
        k += 1;
    }
    let digits = chars
        .iter()
        .skip(k)
        .take_while(|&&c| c.is_ascii_digit() || cn_digit(c).is_some() || c == '十')
        .count();
    if digits == 0 || chars.get(k + digits) != Some(&'篇') {
        return None;
    }
    k += digits + 1;
    if bracket {
        if !matches!(chars.get(k), Some('【' | '[' | '〖')) {
            return None;
        }
        k += 1;
    }
    let end = t.chars().count();
    let at = end.checked_sub(k)?;
    let head: String = line.chars().take(at).collect();
    let head = head.trim();
    let n = head.chars().count();
    ((2..=40).contains(&n) && !head.contains(['。', '，', ',', '；', '！', '？'])).then_some(at)
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

    fn read(s: &str) -> Option<(Tier, u32, usize, bool)> {
        let cs: Vec<char> = s.chars().collect();
        marker_at_loose(&cs, 0)
    }

    #[test]
    fn markers_of_real_reports() {
        // Full-width digits, a space after the dot, a marker alone on its line.
        assert_eq!(read("３、抓落实"), Some((Tier::Arabic, 3, 2, true)));
        assert_eq!(read("7. “某某”"), Some((Tier::Arabic, 7, 2, true)));
        assert_eq!(read("12.\n段落"), Some((Tier::Arabic, 12, 3, true)));
        // Glued to a number, or past 40: only where a sequence wants it.
        assert_eq!(read("14.2030年目标"), Some((Tier::Arabic, 14, 3, false)));
        assert_eq!(read("75.本届政府"), Some((Tier::Arabic, 75, 3, false)));
        assert_eq!(read("1.5亿元").map(|m| m.3), Some(false));
        assert_eq!(read("2. 5"), None);
        assert_eq!(read("2024.全年"), None);
        // Formal numerals to eleven, parts.
        assert_eq!(read("拾壹、展望"), Some((Tier::Formal, 11, 3, true)));
        assert_eq!(read("下篇\n"), Some((Tier::Part, 3, 2, true)));
        assert_eq!(read("上篇：回顾"), Some((Tier::Part, 1, 3, true)));
        assert_eq!(read("上篇文章"), None);
        // Numbers listed are no marker; a year after the marker is a heading's.
        assert_eq!(read("一、二、三等奖"), None);
        assert_eq!(read("一、二产业融合"), None);
        assert_eq!(read("1、2、3月份"), None);
        assert_eq!(read("1、2020年工作回顾"), Some((Tier::Arabic, 1, 2, true)));
        assert_eq!(read("二、三季度经济"), Some((Tier::CnComma, 2, 2, true)));
    }

    #[test]
    fn dividers_with_a_title() {
        assert_eq!(titled_divider("某局2024年工作计划 篇2"), Some(12));
        assert_eq!(titled_divider("某局工作总结【篇三】"), Some(6));
        assert_eq!(titled_divider("某局工作计划篇2"), Some(6));
        assert_eq!(titled_divider("篇2"), None);
        assert_eq!(titled_divider("我们学习了文件，写了心得篇1"), None);
        assert_eq!(titled_divider("某局工作计划"), None);
    }
}

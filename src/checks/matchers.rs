//! Hand-written matchers for the few patterns only the checks look for (masked and lost numbers,
//! bare shares). They replaced regexes: the regex engine was a third of the page's wasm, and
//! each of these patterns is a short sequence of choices that a cursor reads plainly.

use crate::text::{CharSet, Cursor};
use std::sync::OnceLock;

/// Byte ranges of masked numbers: `20xx`, `xx县`, `**家`, `××个` (a run of x/X of two or more
/// with the digits around it, of two or more asterisks, or of × signs).
pub(crate) fn masked_runs(text: &str) -> Vec<(usize, usize)> {
    // The chars and bytes of the run that `f` accepts from byte `i`.
    let run = |i: usize, f: &dyn Fn(char) -> bool| {
        text.get(i..).map_or((0, 0), |s| {
            s.chars()
                .take_while(|&c| f(c))
                .fold((0, 0), |(n, b), c| (n + 1, b + c.len_utf8()))
        })
    };
    let mut out = Vec::new();
    // Where the scan reads on: a run taken is not looked at again.
    let mut from = 0;
    for (i, _) in crate::text::char_positions(text, &['x', 'X', '*', '＊', '×', 'Ｘ']) {
        if i < from {
            continue;
        }
        let (xs, _) = run(i, &|c| c == 'x' || c == 'X');
        let (stars, star_bytes) = run(i, &|c| c == '*' || c == '＊');
        let (times, times_bytes) = run(i, &|c| c == '×' || c == 'Ｘ');
        if xs >= 2 {
            let s = i - text.get(..i).map_or(0, |h| {
                h.bytes().rev().take_while(u8::is_ascii_digit).count()
            });
            let (_, digits) = run(i + xs, &|c| c.is_ascii_digit());
            let e = i + xs + digits;
            out.push((s, e));
            from = e;
        } else if stars >= 2 {
            out.push((i, i + star_bytes));
            from = i + star_bytes;
        } else if times >= 1 {
            out.push((i, i + times_bytes));
            from = i + times_bytes;
        }
    }
    out
}

const TAKES_A_COUNT: &[&str] = &[
    "有", "共", "达", "新增", "申报", "获批", "认定", "引进", "建成", "培育", "组织", "立项",
    "选派", "举办",
];
const COUNTED_BY: &[&str] = &["家", "项", "个", "名", "件", "所", "人次", "场次"];
const NOUN_START: &str = "企单项子科省市国县高专人学机公园基";

/// Byte ranges where a measure word stands with no number: `有家企业`, `基金项目项、`.
pub(crate) fn lost_numbers(text: &str) -> Vec<(usize, usize)> {
    // Where a verb or a doubled 项目 may start: at each of their first chars the cursor tries
    // them all (`立项目项` is tried at 立 and at 项).
    static FIRSTS: OnceLock<CharSet> = OnceLock::new();
    let firsts =
        FIRSTS.get_or_init(|| CharSet::of_firsts(TAKES_A_COUNT.iter().copied().chain(["项目项"])));
    // The verbs are one or two chars, so a measure word starts one or two chars on (项目项 too:
    // its last 项 is one). So the measure words are found (a SIMD search each), and the two
    // chars before each are where a verb may start: most of the text is never decoded.
    static MEASURES: OnceLock<Vec<char>> = OnceLock::new();
    let measures = MEASURES.get_or_init(|| {
        let mut cs: Vec<char> = COUNTED_BY.iter().filter_map(|w| w.chars().next()).collect();
        cs.sort_unstable();
        cs.dedup();
        cs
    });
    let mut starts: Vec<usize> = Vec::new();
    for (j, _) in crate::text::char_positions(text, measures) {
        let before = text.get(..j).unwrap_or("");
        starts.extend(
            before
                .char_indices()
                .rev()
                .take(2)
                .filter(|&(_, c)| firsts.contains(c))
                .map(|(i, _)| i),
        );
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::new();
    let mut last_end = 0;
    for i in starts {
        if i < last_end {
            continue;
        }
        let rest = text.get(i..).unwrap_or("");
        let mut by_verb = Cursor::new(rest);
        let mut doubled = Cursor::new(rest);
        let punct = |n: char| matches!(n, '，' | ',' | '。' | '、' | '；' | ';' | '）' | ')');
        let matched = if by_verb.eat_any(TAKES_A_COUNT)
            && by_verb.eat_any(COUNTED_BY)
            && by_verb.eat_char(|n| NOUN_START.contains(n))
        {
            Some(by_verb)
        } else if doubled.eat("项目项") && doubled.eat_char(punct) {
            Some(doubled)
        } else {
            None
        };
        if let Some(c) = matched {
            let end = text.len() - c.rest.len();
            out.push((i, end));
            last_end = end;
        }
    }
    out
}

/// Byte ranges of shares that lost their `%`: `占全区工业总产值73，` (占, a few words, a
/// number of at most three digits with no unit, then a clause end).
pub(crate) fn bare_shares(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, _) in crate::text::char_positions(text, &['占']) {
        let rest = text.get(i..).unwrap_or("");
        let mut c = Cursor::new(rest);
        c.eat("占");
        // More than 16 words is no share's phrase: 17 tell it.
        let words = c.eat_while_max(|ch| crate::text::is_han(ch) && !"的了是为".contains(ch), 17);
        let digits = c.digits();
        let mut frac = c;
        if frac.eat(".") && frac.digits() > 0 {
            c = frac;
        }
        let ends = c
            .rest
            .chars()
            .next()
            .is_none_or(|ch| matches!(ch, '，' | ',' | '。' | '；' | ';' | '、'));
        if (2..=16).contains(&words) && (1..=3).contains(&digits) && ends {
            out.push((i, text.len() - c.rest.len()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_without_percent() {
        let t =
            "工业产值46.34亿元，占全区工业总产值73，其中机械五金16家；占比达到21.4%，占地33亩。";
        let found: Vec<&str> = bare_shares(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["占全区工业总产值73"]);
    }

    #[test]
    fn masks_and_lost_numbers() {
        let t = "20xx年，xx县，**家，××个，3×4";
        let found: Vec<&str> = masked_runs(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["20xx", "xx", "**", "××", "×"]);
        let t = "有家企业被列入，基金项目项、省级，国家有关部门";
        let found: Vec<&str> = lost_numbers(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["有家企", "项目项、"]);
        // Tried at every first char, also inside a verb just tried (立项 / 项目项).
        let t = "年度立项目项、新增家企业";
        let found: Vec<&str> = lost_numbers(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["项目项、", "新增家企"]);
        // Two-char verbs and measure words, at the text's ends; measure words one after
        // another (家 then 项) each look back for a verb.
        let t = "引进人次专家，选派名学生，达家项单位，有个";
        let found: Vec<&str> = lost_numbers(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["引进人次专", "选派名学", "达家项"]);
    }
}

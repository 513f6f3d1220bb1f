//! What a careful reader would flag (SPEC §6).

mod matchers;

use crate::facts::fmt_num;
use crate::report::{Fact, Section, SectionRole, Warning, WarningKind};
use crate::text::is_han;

/// Runs every check over the cleaned text and its facts.
pub(crate) fn check(
    text: &str,
    facts: &[Fact],
    sections: &[Section],
    title: Option<&str>,
) -> Vec<Warning> {
    // Every check finds its few places by bytes and reads the text there: none decodes the
    // whole text into chars.
    let mut out = check_text(text);
    check_facts(text, facts, sections, title, &mut out);
    out
}

/// The checks that read the text alone (masked and missing numbers, shares, garbled runs):
/// the native build runs them while the facts are found.
pub(crate) fn check_text(text: &str) -> Vec<Warning> {
    let mut out = Vec::new();
    masked(text, &mut out);
    missing(text, &mut out);
    shares(text, &mut out);
    garbled(text, &mut out);
    out
}

/// The checks that read the facts and sections too (sums, dates), after [`check_text`]'s.
pub(crate) fn check_facts(
    text: &str,
    facts: &[Fact],
    sections: &[Section],
    title: Option<&str>,
    out: &mut Vec<Warning>,
) {
    sums(text, facts, out);
    if let Some(title) = title {
        dates(text, sections, title, out);
    }
}

/// Years `19xx`/`20xx` followed by 年, as byte spans with the year.
fn years(text: &str) -> Vec<(usize, usize, u32)> {
    let bytes = text.as_bytes();
    // SIMD substring search: std's char search stops at every byte that ends 年 (0xB4, the
    // last byte of a sixty-fourth of Han chars) to check the two before.
    crate::text::char_positions(text, &['年'])
        .filter_map(|(p, _)| {
            let digits = bytes.get(p.checked_sub(4)?..p)?;
            let before_digit = p
                .checked_sub(5)
                .and_then(|b| bytes.get(b))
                .is_some_and(u8::is_ascii_digit);
            if before_digit || !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let y: u32 = std::str::from_utf8(digits).ok()?.parse().ok()?;
            (1949..=2100)
                .contains(&y)
                .then_some((p - 4, p + '年'.len_utf8(), y))
        })
        .collect()
}

/// A review that speaks of a year after the title's period as done: `2019年上半年工作总结`
/// reporting `2021年度` work. Years in plan sections, and years that a clause looks ahead to
/// (`到2021年`, `计划至2021年`), are not flagged.
fn dates(text: &str, sections: &[Section], title: &str, out: &mut Vec<Warning>) {
    let Some(last) = years(title).iter().map(|&(_, _, y)| y).max() else {
        return;
    };
    let doc_role = crate::outline::role_of(title).unwrap_or(SectionRole::Other);
    let mut pos = CharPos::new(text);
    for (b, e, y) in years(text) {
        if y <= last {
            continue;
        }
        let start = pos.at(b);
        // Outside every section (a report without headings), the title's role.
        let in_review = crate::outline::section_at(sections, start)
            .and_then(|i| sections.get(i))
            .map_or(doc_role, |s| s.role)
            == SectionRole::Review;
        // The four chars before the year.
        let head = text.get(..b).unwrap_or("");
        let from = head.char_indices().rev().nth(3).map_or(0, |(k, _)| k);
        let ahead = head.get(from..).unwrap_or("");
        let looks_ahead = ["至", "到", "前", "计划", "力争", "预计", "目标"]
            .iter()
            .any(|w| crate::text::contains_word(ahead, w));
        if in_review && !looks_ahead {
            let e = if text.get(e..).is_some_and(|r| r.starts_with('度')) {
                e + '度'.len_utf8()
            } else {
                e
            };
            let span = text.get(b..e).unwrap_or("");
            let mut w = Warning::new(
                WarningKind::DateAnomaly,
                start,
                pos.at(e),
                format!("“{span}” in a review of {last}: later than the title's period"),
            );
            w.figures.year = u16::try_from(last).ok();
            out.push(w);
        }
    }
}

/// Byte offsets to char offsets for matches that come in order: a cursor moves forward, so
/// converting every match of a pass costs one walk over the text.
struct CharPos<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharPos<'t> {
    fn new(text: &'t str) -> Self {
        CharPos {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self
            .text
            .get(self.byte..byte)
            .map_or(0, |s| s.chars().count());
        self.byte = byte;
        self.chars
    }

    /// The byte offset of char `n` (the text's length past its end).
    fn byte(&mut self, n: usize) -> usize {
        if n < self.chars {
            self.byte = 0;
            self.chars = 0;
        }
        // Whole blocks of 64 bytes go by a count of the chars starting in them (vectorized),
        // while char `n` is not among them; the rest (under 64 bytes) char by char.
        let bytes = self.text.as_bytes();
        while let Some(block) = bytes.get(self.byte..self.byte + 64) {
            let k = crate::text::count_char_starts(block);
            if self.chars + k > n {
                break;
            }
            self.chars += k;
            self.byte += 64;
            // Back onto a char boundary: the bytes left of a char that started in the block.
            while bytes
                .get(self.byte)
                .is_some_and(|b| (0x80..0xC0).contains(b))
            {
                self.byte += 1;
            }
        }
        let rest = self.text.get(self.byte..).unwrap_or("");
        match rest.char_indices().nth(n - self.chars) {
            Some((k, _)) => {
                self.byte += k;
                self.chars = n;
            }
            None => {
                self.chars += rest.chars().count();
                self.byte = self.text.len();
            }
        }
        self.byte
    }
}

/// `20xx年`, `xx县`, `**家`, `××个`: a number hidden by a template or a scrape.
fn masked(text: &str, out: &mut Vec<Warning>) {
    let mut pos = CharPos::new(text);
    for (start, end) in matchers::masked_runs(text) {
        let span = text.get(start..end).unwrap_or("");
        let before = text.get(..start).unwrap_or("").chars().next_back();
        let after = text.get(end..).unwrap_or("").chars().next();
        // Latin words and addresses (`xxx.com`, `Max`) and arithmetic (`3×4`) are not masks.
        let latin = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '@' | '_' | '-');
        if before.is_some_and(latin) || after.is_some_and(latin) {
            continue;
        }
        if !(after.is_some_and(is_han) || before.is_some_and(is_han)) {
            continue;
        }
        out.push(Warning::new(
            WarningKind::MaskedNumber,
            pos.at(start),
            pos.at(end),
            format!("“{span}” stands where a number was"),
        ));
    }
}

/// A measure word where a number is due: `有家企业`, `基金项目项`.
fn missing(text: &str, out: &mut Vec<Warning>) {
    // A verb that takes a count, then a measure word, then the noun counted; or a noun ending
    // in 项目 doubled by its own measure word.
    let mut pos = CharPos::new(text);
    for (start, end) in matchers::lost_numbers(text) {
        let s = text.get(start..end).unwrap_or("");
        // `有名`, `组织人` and friends are words, not a lost number.
        if ["有名", "有项目", "组织项目", "有个人", "有个别", "共个"]
            .iter()
            .any(|w| s.starts_with(w))
        {
            continue;
        }
        out.push(Warning::new(
            WarningKind::MissingNumber,
            pos.at(start),
            pos.at(end),
            format!("“{s}”: a measure word with no number; the number was lost"),
        ));
    }
}

/// A share whose `%` was lost: `占全区工业总产值73`.
fn shares(text: &str, out: &mut Vec<Warning>) {
    let mut pos = CharPos::new(text);
    for (start, end) in matchers::bare_shares(text) {
        let s = text.get(start..end).unwrap_or("");
        out.push(Warning::new(
            WarningKind::MissingUnit,
            pos.at(start),
            pos.at(end),
            format!("“{s}”: a share with no unit; the % was probably lost"),
        ));
    }
}

/// Runs that cannot be Chinese prose: a `?` or a replacement character inside CJK text.
fn garbled(text: &str, out: &mut Vec<Warning>) {
    let mut pos = CharPos::new(text);
    let mut from = 0;
    for (b, c) in crate::text::char_positions(text, &['\u{FFFD}', '?']) {
        if b < from {
            continue;
        }
        let after = b + c.len_utf8();
        let han_before = || {
            text.get(..b)
                .and_then(|h| h.chars().next_back())
                .is_some_and(is_han)
        };
        let han_after = || {
            text.get(after..)
                .and_then(|t| t.chars().next())
                .is_some_and(is_han)
        };
        if !(c == '\u{FFFD}' || (han_before() && han_after())) {
            continue;
        }
        // The damaged run: to the next punctuation or line end, 40 chars at most.
        let mut end = after;
        for d in text.get(after..).unwrap_or("").chars().take(39) {
            if !(is_han(d) || d == '?' || d == '\u{FFFD}' || d.is_ascii_alphanumeric()) {
                break;
            }
            end += d.len_utf8();
        }
        let span = text.get(b..end).unwrap_or("");
        out.push(Warning::new(
            WarningKind::Garbled,
            pos.at(b),
            pos.at(end),
            format!("“{span}” is damaged text (mis-decoded bytes); it cannot be repaired"),
        ));
        from = end;
    }
}

/// Verbs that open a clause about another quantity than the breakdown's.
const NEW_QUANTITY: &[&str] = &[
    "带动", "拉动", "实现", "形成", "带来", "共计", "合计", "累计", "另有", "此外",
];

/// A total followed by its parts in parentheses or after 其中 that do not add up. Only the
/// parts at the breakdown's own level count: `19项(星火计划4项、…)` is one part of 19.
fn sums(text: &str, facts: &[Fact], out: &mut Vec<Warning>) {
    let mut pos = CharPos::new(text);
    for (i, total) in facts.iter().enumerate() {
        if total.approx.is_some() || total.max.is_some() {
            continue;
        }
        let rest = text.get(pos.byte(total.end)..).unwrap_or("");
        let after: String = rest.chars().take(4).collect();
        let paren = after.starts_with('(') || after.starts_with('（');
        let partial = after
            .trim_start_matches(['(', '（', '，', ',', '。'])
            .starts_with("其中");
        if !paren && !partial {
            continue;
        }
        // Walk the breakdown: to the closing parenthesis, or to the sentence end; note the
        // depth of every position so that nested breakdowns are left out.
        let mut depth = 0i32;
        let mut end = total.end;
        let mut depth_at = Vec::new();
        for (n, (off, c)) in rest.char_indices().enumerate() {
            let k = total.end + n;
            end = k;
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => {
                    depth -= 1;
                    if paren && depth <= 0 {
                        break;
                    }
                }
                '。' | '；' | ';' | '\n' if !paren || depth <= 0 => break,
                // A clause that brings in a quantity of its own ends a 其中 breakdown:
                // `…其中…达到1.22亿元,带动…形成83亿销售`.
                '，' | ','
                    if !paren
                        && NEW_QUANTITY.iter().any(|w| {
                            rest.get(off + c.len_utf8()..)
                                .is_some_and(|r| r.starts_with(w))
                        }) =>
                {
                    break
                }
                _ => {}
            }
            depth_at.push(depth);
            if k - total.end > 400 {
                break;
            }
        }
        let level = if paren { 1 } else { 0 };
        let parts: Vec<&Fact> = facts
            .iter()
            .skip(i + 1)
            .take_while(|f| f.end <= end)
            .filter(|f| depth_at.get(f.start - total.end).copied() == Some(level))
            .filter(|f| f.unit == total.unit && f.kind == total.kind)
            .collect();
        // A part larger than the whole means these are no parts of it (`500万元以上的企业…,
        // 其中6家企业突破1000万元`).
        if parts.len() < 2
            || parts
                .iter()
                .any(|f| f.approx.is_some() || f.max.is_some() || f.value > total.value)
        {
            continue;
        }
        let sum: f64 = parts.iter().map(|f| f.value).sum();
        // 其中 may list only some of the parts: only a sum above the total is wrong there.
        let wrong = if partial {
            sum > total.value + 1e-6
        } else {
            (sum - total.value).abs() > 1e-6
        };
        if wrong {
            let stated = format!("{}{}", total.subject.as_deref().unwrap_or(""), total.text);
            let added = format!("{}{}", fmt_num(sum), total.unit);
            let mut w = Warning::new(
                WarningKind::SumMismatch,
                total.start,
                end + 1,
                format!("{stated}, but its parts add up to {added}"),
            );
            w.figures.parts = parts.iter().map(|f| f.text.clone()).collect();
            w.figures.total = Some(stated);
            w.figures.sum = Some(added);
            out.push(w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(t: &str) -> Vec<WarningKind> {
        check(t, &[], &[], None)
            .into_iter()
            .map(|w| w.kind)
            .collect()
    }

    #[test]
    fn years_after_the_title_in_a_review() {
        let r = crate::analyze_text(
            "某局2019年上半年工作总结\n一、上半年主要工作\n开展2021年度企业自查，计划至2021年建成。\n二、下半年工作打算\n2020年力争新增10家。\n",
            None,
        );
        let w: Vec<&str> = r
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::DateAnomaly)
            .map(|w| w.message.as_str())
            .collect();
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].contains("2021年度") && w[0].contains("2019"),
            "{}",
            w[0]
        );
    }

    #[test]
    fn masked_and_missing_numbers() {
        assert_eq!(kinds("20xx年，全县"), vec![WarningKind::MaskedNumber]);
        assert_eq!(
            kinds("浙江省知识产权示xx县(区)"),
            vec![WarningKind::MaskedNumber]
        );
        assert_eq!(kinds("引进**家企业"), vec![WarningKind::MaskedNumber]);
        assert!(kinds("访问www.xxx.com，面积3×4米").is_empty());
        assert_eq!(
            kinds("项目实施至今，有家企业被列入"),
            vec![WarningKind::MissingNumber]
        );
        assert_eq!(
            kinds("国家科技型中小企业技术创新基金项目项、省级"),
            vec![WarningKind::MissingNumber]
        );
        assert!(kinds("国家有关部门，企业家，有名企业").is_empty());
    }

    #[test]
    fn warning_spans_are_the_text_they_quote() {
        // Every check finds its places by bytes and gives char offsets: each warning's span
        // must be the text its message quotes, after lines of other width before it.
        let t =
            "某局2019年上半年工作总结\n一、上半年主要工作\n（一）引进**家企业，有家企业被列入，\
                 开展2021年度自查，成功舉辦“上?萍既瞬藕献鹘”活动，占全区工业总产值73，20xx年，\
                 末尾?\u{FFFD}\n";
        let r = crate::analyze_text(t, None);
        let chars: Vec<char> = r.text.chars().collect();
        let mut kinds = Vec::new();
        for w in &r.warnings {
            let span: String = chars.get(w.start..w.end).unwrap_or(&[]).iter().collect();
            assert!(
                w.message.contains(&format!("“{span}”")),
                "{span:?} vs {w:?}"
            );
            kinds.push(w.kind);
        }
        for k in [
            WarningKind::MaskedNumber,
            WarningKind::MissingNumber,
            WarningKind::Garbled,
            WarningKind::DateAnomaly,
        ] {
            assert!(kinds.contains(&k), "{k:?} missing from {kinds:?}");
        }
        // masked twice, missing twice (有家, the share), garbled twice (the ? and the U+FFFD).
        assert_eq!(kinds.len(), 7, "{:?}", r.warnings);
    }

    #[test]
    fn char_positions_go_both_ways() {
        let t = "a领b导\u{20000}c";
        let mut pos = CharPos::new(t);
        for (n, (b, _)) in t.char_indices().enumerate() {
            assert_eq!(pos.byte(n), b);
            assert_eq!(pos.at(b), n);
        }
        assert_eq!(pos.byte(6), t.len());
        assert_eq!(pos.byte(60), t.len());
        assert_eq!(pos.at(t.len()), 6);
        assert_eq!(pos.byte(1), 1, "a step back starts over");
    }

    #[test]
    fn char_positions_leap_long_texts_by_blocks() {
        // Long steps go by 64-byte blocks, which end inside chars of one to four bytes.
        let t = "全年专利申请量2924件，a𠀀é同比增长41.7%。".repeat(40);
        let starts: Vec<usize> = t.char_indices().map(|(b, _)| b).collect();
        for step in [1, 5, 63, 64, 65, 130, 401] {
            let mut pos = CharPos::new(&t);
            for n in (0..starts.len()).step_by(step) {
                assert_eq!(Some(&pos.byte(n)), starts.get(n), "step {step}, char {n}");
            }
        }
    }

    #[test]
    fn garbled_runs() {
        let w = check("成功舉辦“上?萍既瞬藕献鹘”活动", &[], &[], None);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].kind, WarningKind::Garbled);
        assert!(kinds("是否？请指正。").is_empty());
    }

    #[test]
    fn sum_mismatch_in_parentheses() {
        let t = "获省级项目26项(省重大专项8项、省重点项目10项、省面上项目9项)。";
        let (facts, _) = crate::facts::find(t, &[], crate::report::SectionRole::Other);
        let w = check(t, &facts, &[], None);
        let s: Vec<_> = w
            .iter()
            .filter(|w| w.kind == WarningKind::SumMismatch)
            .collect();
        assert_eq!(s.len(), 1, "{w:?}");
        assert!(
            s[0].message.contains("26项") && s[0].message.contains("27"),
            "{}",
            s[0].message
        );
        let t = "新列入项目148项,其中:国家级19项(星火计划4项、火炬计划15项),省级26项(重大专项8项、重点项目18项),其他103项。获奖10项(其中一等奖1项,二等奖6项)。";
        let (facts, _) = crate::facts::find(t, &[], crate::report::SectionRole::Other);
        assert!(
            check(t, &facts, &[], None).is_empty(),
            "{:?}",
            check(t, &facts, &[], None)
        );
        let t = "获省级项目27项(省重大专项8项、省重点项目10项、省面上项目9项)。";
        let (facts, _) = crate::facts::find(t, &[], crate::report::SectionRole::Other);
        assert!(check(t, &facts, &[], None).is_empty());
    }
}

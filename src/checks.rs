//! What a careful reader would flag (SPEC §6).

use crate::facts::fmt_num;
use crate::report::{Fact, Section, SectionRole, Warning, WarningKind};
use crate::text::{is_han, starts_with_at};

/// Runs every check over the cleaned text and its facts.
pub(crate) fn check(
    text: &str,
    facts: &[Fact],
    sections: &[Section],
    title: Option<&str>,
) -> Vec<Warning> {
    let cs: Vec<char> = crate::text::char_vec(text);
    let mut out = Vec::new();
    masked(text, &mut out);
    missing(text, &mut out);
    shares(text, &mut out);
    garbled(&cs, &mut out);
    sums(&cs, facts, &mut out);
    if let Some(title) = title {
        dates(&cs, sections, title, &mut out);
    }
    out
}

/// Years `19xx`/`20xx` followed by 年, with their char spans.
fn years(cs: &[char]) -> Vec<(usize, usize, u32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 < cs.len() + 1 {
        let digits = cs.get(i..i + 4).unwrap_or(&[]);
        let before_digit = i > 0 && cs.get(i - 1).is_some_and(|c| c.is_ascii_digit());
        if !before_digit
            && digits.len() == 4
            && digits.iter().all(|c| c.is_ascii_digit())
            && cs.get(i + 4) == Some(&'年')
        {
            let y: u32 = digits.iter().collect::<String>().parse().unwrap_or(0);
            if (1949..=2100).contains(&y) {
                out.push((i, i + 5, y));
            }
            i += 5;
        } else {
            i += 1;
        }
    }
    out
}

/// A review that speaks of a year after the title's period as done: `2019年上半年工作总结`
/// reporting `2021年度` work. Years in plan sections, and years that a clause looks ahead to
/// (`到2021年`, `计划至2021年`), are not flagged.
fn dates(cs: &[char], sections: &[Section], title: &str, out: &mut Vec<Warning>) {
    let title_chars: Vec<char> = title.chars().collect();
    let Some(last) = years(&title_chars).iter().map(|&(_, _, y)| y).max() else {
        return;
    };
    for (start, end, y) in years(cs) {
        if y <= last {
            continue;
        }
        let in_review = crate::outline::section_at(sections, start)
            .and_then(|i| sections.get(i))
            .is_some_and(|s| s.role == SectionRole::Review);
        let ahead: String = cs
            .get(start.saturating_sub(4)..start)
            .unwrap_or(&[])
            .iter()
            .collect();
        let looks_ahead = ["至", "到", "前", "计划", "力争", "预计", "目标"]
            .iter()
            .any(|w| ahead.contains(w));
        if in_review && !looks_ahead {
            let end = if cs.get(end) == Some(&'度') {
                end + 1
            } else {
                end
            };
            let span: String = cs.get(start..end).unwrap_or(&[]).iter().collect();
            out.push(Warning {
                kind: WarningKind::DateAnomaly,
                start,
                end,
                message: format!("“{span}” in a review of {last}: later than the title's period"),
            });
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
}

/// `20xx年`, `xx县`, `**家`, `××个`: a number hidden by a template or a scrape.
fn masked(text: &str, out: &mut Vec<Warning>) {
    let mut pos = CharPos::new(text);
    for (start, end) in crate::scan::masked_runs(text) {
        let span = &text[start..end];
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        // Latin words and addresses (`xxx.com`, `Max`) and arithmetic (`3×4`) are not masks.
        let latin = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '@' | '_' | '-');
        if before.is_some_and(latin) || after.is_some_and(latin) {
            continue;
        }
        if !(after.is_some_and(is_han) || before.is_some_and(is_han)) {
            continue;
        }
        out.push(Warning {
            kind: WarningKind::MaskedNumber,
            start: pos.at(start),
            end: pos.at(end),
            message: format!("“{span}” stands where a number was"),
        });
    }
}

/// A measure word where a number is due: `有家企业`, `基金项目项`.
fn missing(text: &str, out: &mut Vec<Warning>) {
    // A verb that takes a count, then a measure word, then the noun counted; or a noun ending
    // in 项目 doubled by its own measure word.
    let mut pos = CharPos::new(text);
    for (start, end) in crate::scan::lost_numbers(text) {
        let s = &text[start..end];
        // `有名`, `组织人` and friends are words, not a lost number.
        if ["有名", "有项目", "组织项目", "有个人", "有个别", "共个"]
            .iter()
            .any(|w| s.starts_with(w))
        {
            continue;
        }
        out.push(Warning {
            kind: WarningKind::MissingNumber,
            start: pos.at(start),
            end: pos.at(end),
            message: format!("“{s}”: a measure word with no number; the number was lost"),
        });
    }
}

/// A share whose `%` was lost: `占全区工业总产值73`.
fn shares(text: &str, out: &mut Vec<Warning>) {
    let mut pos = CharPos::new(text);
    for (start, end) in crate::scan::bare_shares(text) {
        let s = &text[start..end];
        out.push(Warning {
            kind: WarningKind::MissingNumber,
            start: pos.at(start),
            end: pos.at(end),
            message: format!("“{s}”: a share with no unit; the % was probably lost"),
        });
    }
}

/// Runs that cannot be Chinese prose: a `?` or a replacement character inside CJK text.
fn garbled(cs: &[char], out: &mut Vec<Warning>) {
    let mut i = 0;
    while i < cs.len() {
        let c = cs.get(i).copied().unwrap_or(' ');
        let bad = c == '\u{FFFD}'
            || (c == '?'
                && i > 0
                && cs.get(i - 1).is_some_and(|&p| is_han(p))
                && cs.get(i + 1).is_some_and(|&n| is_han(n)));
        if !bad {
            i += 1;
            continue;
        }
        // The damaged run: to the next punctuation or line end.
        let mut end = i + 1;
        while end < cs.len() && end - i < 40 {
            let d = cs.get(end).copied().unwrap_or('\n');
            if !(is_han(d) || d == '?' || d == '\u{FFFD}' || d.is_ascii_alphanumeric()) {
                break;
            }
            end += 1;
        }
        let span: String = cs.get(i..end).unwrap_or(&[]).iter().collect();
        out.push(Warning {
            kind: WarningKind::Garbled,
            start: i,
            end,
            message: format!("“{span}” is damaged text (mis-decoded bytes); it cannot be repaired"),
        });
        i = end;
    }
}

/// Verbs that open a clause about another quantity than the breakdown's.
const NEW_QUANTITY: &[&str] = &[
    "带动", "拉动", "实现", "形成", "带来", "共计", "合计", "累计", "另有", "此外",
];

/// A total followed by its parts in parentheses or after 其中 that do not add up. Only the
/// parts at the breakdown's own level count: `19项(星火计划4项、…)` is one part of 19.
fn sums(cs: &[char], facts: &[Fact], out: &mut Vec<Warning>) {
    for (i, total) in facts.iter().enumerate() {
        if total.approx.is_some() || total.max.is_some() {
            continue;
        }
        let after: String = cs.iter().skip(total.end).take(4).collect();
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
        for (k, &c) in cs.iter().enumerate().skip(total.end) {
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
                    if !paren && NEW_QUANTITY.iter().any(|w| starts_with_at(cs, k + 1, w)) =>
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
            out.push(Warning {
                kind: WarningKind::SumMismatch,
                start: total.start,
                end: end + 1,
                message: format!(
                    "{}{}, but its parts add up to {}{}",
                    total.subject.as_deref().unwrap_or(""),
                    total.text,
                    fmt_num(sum),
                    total.unit
                ),
            });
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

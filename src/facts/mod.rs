//! Numeric facts (SPEC §5): a number with what it measures.
//!
//! The span grammar, left to right:
//!
//! ```text
//! [prefix] number [多|余] [万|亿] [多|余] [range-sep number [多|余] [万|亿]] unit [suffix]
//! prefix    逾 超过 超 近 约 将近 接近 大约 不足 不到 数        (approximations, in the span)
//! number    Arabic (1,234.5; 22、5 before 万/亿 is a typed decimal point) or Chinese (两千三百)
//! range-sep - — – － ~ ～ 至 到
//! unit      a closed list of measure words and units (UNITS)
//! suffix    以上 以下 左右 上下
//! ```
//!
//! A number is a fact only with a unit (or a 万/亿 scale in a sentence about money). Dates,
//! ordinals (第), codes (a Latin letter or a dot next to the digits), and numbers inside short
//! quotations (slogans and names such as “三个代表”) are not facts: none of them reaches a unit
//! through this grammar, or they are refused by the checks in [`candidate_ok`].

use crate::outline::section_at;
use crate::report::{Approx, Fact, FactKind, FactRole, Section, SectionRole, Warning, WarningKind};
use crate::text::{
    contains_word, is_han, starts_with_at, starts_with_word, words, CharIndex, CharSet, Chars,
    Words,
};
use std::sync::OnceLock;

mod grammar;
mod kind;
mod numbers;
mod role;
mod subject;
mod units;

use grammar::*;
use kind::*;
use numbers::*;
use role::*;
use subject::*;
use units::*;

/// `a == b` for the short words of the grammar's lists, byte by byte in line: a call to
/// memcmp for a few bytes costs more than the comparison (this runs for every candidate
/// against lists of short words).
pub(super) fn same_str(a: &str, b: &str) -> bool {
    a.len() == b.len() && starts_with_word(a, b)
}

/// `s` without `w` at its start, if it starts with it (compared as [`same_str`] does).
pub(super) fn strip_word_prefix<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    if starts_with_word(s, w) {
        s.get(w.len()..)
    } else {
        None
    }
}

/// `s` without `w` at its end, if it ends with it (compared as [`same_str`] does).
pub(super) fn strip_word_suffix<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(w.len())?;
    let tail = s.get(cut..)?;
    if same_str(tail, w) {
        s.get(..cut)
    } else {
        None
    }
}

/// A list of words indexed by one char of each (the first, or the last), keeping the list's
/// order: the words tried in turn against a clause are only those with the clause's char.
pub(super) struct InOrder {
    chars: CharIndex,
    /// For each indexed char, in order, the indices in the list of its words, ascending.
    words: Vec<Vec<usize>>,
}

impl InOrder {
    fn new(list: &[&str], key: impl Fn(&str) -> Option<char>) -> Self {
        let chars = CharIndex::new(list.iter().filter_map(|w| key(w)));
        let mut words: Vec<Vec<usize>> = Vec::new();
        for (j, w) in list.iter().enumerate() {
            if let Some(k) = key(w).and_then(|c| chars.index(c)) {
                if words.len() <= k {
                    words.resize(k + 1, Vec::new());
                }
                if let Some(ws) = words.get_mut(k) {
                    ws.push(j);
                }
            }
        }
        InOrder { chars, words }
    }

    /// The first word from index `from` on whose char is `c`.
    fn next(&self, c: char, from: usize) -> Option<usize> {
        let ws = self.words.get(self.chars.index(c)?)?;
        ws.get(ws.partition_point(|&j| j < from)).copied()
    }
}

/// The facts and warnings of a run of lines, with what each fact's own words say of its role
/// until its section is known ([`settle`]).
pub(crate) struct Found {
    pub(crate) facts: Vec<Fact>,
    pub(crate) warnings: Vec<Warning>,
    /// What each fact's words say of its role.
    said: Vec<Said>,
    /// Where a lead announces the plans that follow (`为实现上述目标，重点做好以下工作：`).
    leads: Vec<usize>,
}

impl Found {
    fn new() -> Found {
        Found {
            facts: Vec::new(),
            warnings: Vec::new(),
            said: Vec::new(),
            leads: Vec::new(),
        }
    }

    /// The runs' facts and warnings one after another.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    pub(crate) fn joined(runs: impl IntoIterator<Item = Found>) -> Found {
        let mut all = Found::new();
        for mut run in runs {
            all.facts.append(&mut run.facts);
            all.warnings.append(&mut run.warnings);
            all.said.append(&mut run.said);
            all.leads.append(&mut run.leads);
        }
        all
    }
}

/// Finds every fact in cleaned text.
/// `doc_role` is the role of text outside any section (from the title: a 工作计划 plans
/// throughout).
pub(crate) fn find(
    text: &str,
    sections: &[Section],
    doc_role: SectionRole,
) -> (Vec<Fact>, Vec<Warning>) {
    // Known sections spare the look for cue words where every number plans anyway.
    let plan = |at: usize| {
        section_at(sections, at)
            .and_then(|s| sections.get(s))
            .map_or(doc_role, |s| s.role)
            == SectionRole::Plan
    };
    settle(lines_of(text, 0, &plan), sections, doc_role)
}

/// The facts of `text`, a run of whole lines that starts `base` chars into the cleaned text
/// (for the native build's threads; a wasm build has one).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn find_from(text: &str, base: usize) -> Found {
    lines_of(text, base, &|_| false)
}

/// [`find_from`], told by `plan` (given a char offset in the text) where a section plans.
fn lines_of(text: &str, base: usize, plan: &dyn Fn(usize) -> bool) -> Found {
    // A fact's grammar and context never reach past its line (every look back or ahead stops
    // at a clause or sentence end, and a line end is both), so each line is read on its own:
    // its chars fit in cache, and the whole text is never held as chars.
    let mut found = Found::new();
    let mut line = Found::new();
    // Chars before the line.
    let mut base = base;
    let mut cs = Chars::new("");
    for text in wrapped_lines(text) {
        cs.set(text);
        find_in_line(&cs, &mut line, &|at| plan(base + at));
        found.facts.extend(line.facts.drain(..).map(|mut f: Fact| {
            f.start += base;
            f.end += base;
            f
        }));
        found
            .warnings
            .extend(line.warnings.drain(..).map(|mut w: Warning| {
                w.start += base;
                w.end += base;
                w
            }));
        found.said.append(&mut line.said);
        found.leads.extend(line.leads.drain(..).map(|l| l + base));
        base += cs.len();
    }
    found
}

/// The lines of `text`, a line that a hard wrap cuts inside a number (`1⏎2248元`) joined with
/// the next ([`wraps_a_number`]; a thread's run never ends there either).
fn wrapped_lines(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut lines = crate::text::lines(text).peekable();
    let start_of = move |s: &str| (s.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    std::iter::from_fn(move || {
        let first = lines.next()?;
        let from = start_of(first);
        let mut end = from + first.len();
        // Bounded, as the split of runs is: a column of numbers is no wrapped sentence.
        for _ in 0..MAX_WRAPS {
            let Some(next) = lines.peek() else { break };
            if !wraps_a_number(text.as_bytes(), end) {
                break;
            }
            end = start_of(next) + next.len();
            lines.next();
        }
        text.get(from..end)
    })
}

/// How many line ends inside numbers are joined in a row, at most.
pub(crate) const MAX_WRAPS: usize = 64;

/// True when the line end right before byte `end` of `text` stands between a digit and a digit
/// or a char that may start a unit (a Han char): a hard wrap inside a number or before its unit.
pub(crate) fn wraps_a_number(text: &[u8], end: usize) -> bool {
    let Some(nl) = end.checked_sub(1) else {
        return false;
    };
    text.get(nl) == Some(&b'\n')
        && nl
            .checked_sub(1)
            .and_then(|p| text.get(p))
            .is_some_and(u8::is_ascii_digit)
        && text
            .get(end)
            .is_some_and(|b| b.is_ascii_digit() || *b >= 0xE0)
}

/// The facts found, given their sections and roles: a fact whose words say nothing takes its
/// section's role, and after a lead that announces plans a section of no role plans.
pub(crate) fn settle(
    mut found: Found,
    sections: &[Section],
    doc_role: SectionRole,
) -> (Vec<Fact>, Vec<Warning>) {
    let mut leads = found.leads.iter().peekable();
    let mut after_lead = false;
    for (f, said) in found.facts.iter_mut().zip(found.said) {
        while leads.next_if(|&&l| l <= f.start).is_some() {
            after_lead = true;
        }
        f.section = section_at(sections, f.start);
        let section_role = f
            .section
            .and_then(|s| sections.get(s))
            .map_or(doc_role, |s| s.role);
        let section_role = match section_role {
            SectionRole::Other if after_lead => SectionRole::Plan,
            role => role,
        };
        f.role = said.role(section_role);
    }
    (found.facts, found.warnings)
}

/// The facts of one line, at offsets in the line, in four steps for each number: its
/// quantity ([`read_quantity`]), its kind ([`kind_of`]), what its words say of its role
/// ([`role_of`], with what the line says: [`LineCues`]) and its subject ([`subject_for`]).
fn find_in_line(cs: &Chars, out: &mut Found, plan: &dyn Fn(usize) -> bool) {
    // The chars a number starts with, one bitmap look each (every char of the text is asked).
    static NUMERALS: OnceLock<CharSet> = OnceLock::new();
    let numerals = NUMERALS.get_or_init(|| CharSet::of_matching(is_cn_numeral));
    let mut cues = LineCues::new(cs);
    let mut i = 0;
    while i < cs.len() {
        let c = cs.get(i).copied().unwrap_or(' ');
        if !(c.is_ascii_digit() || numerals.contains(c)) {
            // Colons and brackets tell the roles of the numbers after them (one range check
            // passes the ideographs, most chars, by).
            if !ideograph(c)
                && matches!(
                    c,
                    '：' | ':' | '（' | '(' | '）' | ')' | '，' | ',' | '。' | '！' | '？'
                )
            {
                let prev = out.facts.last().zip(out.said.last());
                let prev = prev.map(|(f, s)| (f.end, *s == Said::Target));
                cues.mark(cs, i, prev, &mut out.leads);
            }
            i += 1;
            continue;
        }
        let Some(q) = read_quantity(cs, i) else {
            i = skip_number(cs, i);
            continue;
        };
        let prev = out.facts.last();
        let (kind, down) = kind_of(cs, &q, prev);
        let prev_end = prev.map_or(0, |f: &Fact| f.end);
        out.said
            .push(role_of(cs, &q, prev_end, &cues, plan(q.start)));
        let subject = subject_for(cs, &q, kind, prev);
        let span = cs.str(q.start, q.end).to_string();
        if q.decimal_comma {
            let mut w = Warning::new(
                WarningKind::DecimalComma,
                q.start,
                q.end,
                format!(
                    "“{span}”: a 、 stands where a decimal point belongs; read as {}",
                    fmt_num(q.value)
                ),
            );
            w.figures.read_as = Some(q.value);
            out.warnings.push(w);
        }
        // A share after 占 (`占全区产值73，`) is flagged by the checks already (`missing_unit`,
        // "a share with no unit"): one warning for one lost `%`.
        if q.lost_unit && !clause_before(cs, q.start).starts_with('占') {
            out.warnings.push(Warning::new(
                WarningKind::MissingUnit,
                q.start,
                q.end,
                format!("“{span}”: a rate with no unit; the % was probably lost"),
            ));
        }
        let sign = if q.negative || (kind == FactKind::Growth && down) {
            -1.0
        } else {
            1.0
        };
        out.facts.push(Fact {
            start: q.start,
            end: q.end,
            text: span,
            value: sign * q.value,
            max: q.max.map(|m| sign * m),
            unit: q.unit.to_string(),
            approx: q.approx,
            kind,
            role: FactRole::Achievement,
            subject,
            section: None,
        });
        i = q.end;
    }
}

/// Past a number that is no fact, so that its tail is not read as another.
fn skip_number(cs: &Chars, i: usize) -> usize {
    let mut j = i + 1;
    if cs.get(i).is_some_and(|c| c.is_ascii_digit()) {
        while cs.get(j).is_some_and(|d| d.is_ascii_digit() || *d == '.') {
            j += 1;
        }
    } else {
        while cs.get(j).is_some_and(|&d| is_cn_numeral(d)) {
            j += 1;
        }
    }
    j
}

/// The quantity whose number starts at `i`: an approximating prefix before it, a minus sign,
/// the number, its unit and suffix, refused when it is an ordinal, a code or a name.
fn read_quantity(cs: &Chars, i: usize) -> Option<Quantity> {
    // A prefix ends right before its number: the char there tells most numbers at once that
    // no prefix needs trying.
    static PREFIX_ENDS: OnceLock<CharSet> = OnceLock::new();
    let prefix_ends =
        PREFIX_ENDS.get_or_init(|| CharSet::of_lasts(PREFIXES.iter().map(|&(w, _)| w)));
    let may_have_prefix = i
        .checked_sub(1)
        .and_then(|p| cs.get(p))
        .is_some_and(|&c| prefix_ends.contains(c));
    let (pstart, prefix, bare_ok) = PREFIXES
        .iter()
        .filter(|_| may_have_prefix)
        .find(|(w, _)| word_before(cs, i, w) && prefix_ok(cs, i, w))
        .map_or((i, None, false), |(w, ap)| {
            (i - w.chars().count(), *ap, true)
        });
    let negative = i >= 2
        && matches!(cs.get(i - 1), Some('-' | '－'))
        && cs
            .get(i - 2)
            .is_some_and(|&c| is_han(c) || c == '为' || c == '：');
    let mut q = percent_in_words(cs, i).or_else(|| {
        quantity_at(cs, pstart, i, prefix, bare_ok)
            .filter(|q| candidate_ok(cs, i, q) && measures_a_result(cs, q))
    })?;
    if negative {
        q.negative = true;
        q.start = i - 1;
    }
    Some(q)
}

/// The kind of a quantity, growth when a cue of change stands before it; and whether the cue
/// says it fell.
fn kind_of(cs: &Chars, q: &Quantity, prev: Option<&Fact>) -> (FactKind, bool) {
    let (mut growth, mut down) = growth_cue(cs, q.start);
    // `同比分别增长4.3%和53.9%`: the second of a pair shares the first's cue.
    if let Some(prev) = prev.filter(|p| p.kind == FactKind::Growth) {
        if matches!(
            cs.str(prev.end, q.start),
            "和" | "、" | "与" | "及" | "，" | ","
        ) {
            growth = true;
            down = prev.value < 0.0;
        }
    }
    let rate = q.unit == "%" || q.unit.ends_with("百分点") || q.unit == "倍";
    // `比去年同期增加112家`: a change against a named base, whatever its unit.
    if growth && (rate || compared(cs, q.start)) {
        (FactKind::Growth, down)
    } else {
        (q.kind, down)
    }
}

/// The subject of a quantity: the words before it, or what the quantity before measured when
/// this one pairs with it or is its growth, or the noun after a count.
fn subject_for(cs: &Chars, q: &Quantity, kind: FactKind, prev: Option<&Fact>) -> Option<String> {
    let prev_end = prev.map_or(0, |f| f.end);
    // `八成以上行政村`, `三分之二的乡镇`: a share in words measures the noun after it.
    if q.unit == "%" && cs.get(q.start).is_some_and(|&c| is_cn_numeral(c)) {
        let from = if cs.get(q.end) == Some(&'的') {
            q.end + 1
        } else {
            q.end
        };
        if let Some(noun) = noun_after(cs, from) {
            return Some(noun);
        }
    }
    // `共批出3万个学位`: a count measures the noun after its measure word, when one stands.
    if kind == FactKind::Count && !q.unit.is_empty() {
        if let Some(noun) = noun_after(cs, q.end) {
            return Some(noun);
        }
    }
    let subject = subject_of(cs, q, prev_end);
    let prev = match prev {
        Some(prev) if subject.is_none() => prev,
        _ => return subject.or_else(|| count_noun(cs, q, kind)),
    };
    let between = cs.str(prev.end, q.start);
    // `收入分别达到5.2万元和2.8万元`: the second of a pair shares the first's subject.
    let pair = matches!(between, "和" | "、" | "与" | "及" | "至") && prev.unit == q.unit;
    // `一般公共预算收入增长6%达4.21亿元`: the level the growth reached, of the same quantity.
    let reached = prev.kind == FactKind::Growth
        && matches!(
            between,
            "达" | "达到" | "为" | "至" | "，达" | ",达" | "，达到" | ",达到"
        );
    // `规上新产品产值67.3亿元，同比增长22.1%`: the growth of the quantity before.
    let growth = kind == FactKind::Growth && !between.contains(is_sentence_end);
    if pair || growth || reached {
        if let Some(s) = &prev.subject {
            return Some(s.clone());
        }
    }
    count_noun(cs, q, kind)
}

/// The noun after a count with no measure word (`12.6万低收入人口`): one with a measure word
/// was tried first, in [`subject_for`].
fn count_noun(cs: &Chars, q: &Quantity, kind: FactKind) -> Option<String> {
    (kind == FactKind::Count && q.unit.is_empty())
        .then(|| noun_after(cs, q.end))
        .flatten()
}

/// Formats a value without a needless fraction.
pub(crate) fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_numbers_of_any_length_parse_as_the_standard_library_does() {
        // Short ones stay on the stack; past 40 digits and points they spill into a String,
        // across a thousands group and a decimal part.
        for text in [
            "2,924.5件",
            "12.75亿元",
            "22、5万人次",
            "123456789012345678901234567890123456789012345件",
            "1234567890123456789012345678901234567.8912345元",
            "123,456件",
        ] {
            let cs: Vec<char> = text.chars().collect();
            let num = parse_arabic(&cs, 0);
            let digits: String = text
                .chars()
                .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '、'))
                .filter(|c| *c != ',')
                .map(|c| if c == '、' { '.' } else { c })
                .collect();
            let expected: f64 = digits.parse().unwrap_or(f64::NAN);
            assert_eq!(num.map(|n| n.value), Some(expected), "{text}");
        }
    }

    #[test]
    fn words_in_order_by_one_char() {
        let list = ["甲", "乙", "甲乙", "丙甲"];
        let firsts = InOrder::new(&list, |w| w.chars().next());
        assert_eq!(firsts.next('甲', 0), Some(0));
        assert_eq!(firsts.next('甲', 1), Some(2));
        assert_eq!(firsts.next('甲', 3), None);
        assert_eq!(firsts.next('丙', 0), Some(3));
        assert_eq!(firsts.next('丁', 0), None);
        let lasts = InOrder::new(&list, |w| w.chars().next_back());
        assert_eq!(lasts.next('甲', 1), Some(3));
        assert_eq!(lasts.next('乙', 0), Some(1));
        assert_eq!(lasts.next('乙', 2), Some(2));
    }

    #[test]
    fn looks_agree_with_their_lists() {
        // unit_at tries only the units with the char's first char: the same unit as the
        // first of the whole list that stands there, at every place of every unit.
        for &(u, _) in UNITS {
            for tail in ["", "学时", "次年"] {
                let cs: Vec<char> = format!("{u}{tail}").chars().collect();
                let whole = UNITS.iter().find(|(w, _)| starts_with_at(&cs, 0, w));
                let found = unit_at(&cs, 0).map(|(_, _, e)| e);
                assert_eq!(found, whole.map(|(w, _)| w.chars().count()), "{u}{tail}");
            }
        }
        // unit_is_word reads every entry of UNIT_WORDS by its unit's char.
        for &(u, after) in UNIT_WORDS {
            assert_eq!(one_char(u).map(char::len_utf8), Some(u.len()), "{u}");
            for n in after.chars() {
                assert!(unit_is_word(u, Some(n)), "{u}{n}");
            }
            assert!(!unit_is_word(u, Some('。')));
            assert!(!unit_is_word(u, None));
        }
        assert!(!unit_is_word("学时", Some('员')));
        // The punctuation looks' quick reject of ideographs holds no mark.
        for c in (0x4E00..0x4E00 + 0x5200).filter_map(char::from_u32) {
            assert!(ideograph(c));
        }
        for c in "。；;！？\n，,：:、（()）“”《》".chars() {
            assert!(!ideograph(c) && is_boundary(c), "{c}");
        }
    }

    fn facts(t: &str) -> Vec<Fact> {
        find(t, &[], SectionRole::Other).0
    }

    fn one(t: &str) -> Fact {
        let f = facts(t);
        assert_eq!(f.len(), 1, "{t}: {f:?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn values_units_and_approximations() {
        let f = one("争取省级以上科技经费支持2100多万元。");
        assert_eq!(
            (f.text.as_str(), f.value, f.unit.as_str(), f.approx),
            ("2100多万元", 21000000.0, "元", Some(Approx::More))
        );
        assert_eq!(f.kind, FactKind::Money);
        let f = one("参与人次达22、5万人次。");
        assert_eq!((f.value, f.unit.as_str()), (225000.0, "人次"));
        let f = one("入库专家达到300-500人。");
        assert_eq!((f.value, f.max), (300.0, Some(500.0)));
        let f = one("全年完成投资3.08亿元");
        assert_eq!(f.value, 308000000.0);
        assert_eq!(one("总投资达8.2亿元").value, 820000000.0);
        let f = one("超过30多个学时");
        assert_eq!(
            (f.text.as_str(), f.approx, f.unit.as_str()),
            ("超过30多个学时", Some(Approx::More), "学时")
        );
        let f = one("培训逾千人。");
        assert_eq!((f.text.as_str(), f.value), ("逾千人", 1000.0));
        let f = one("指导两个社区创建示范社区");
        assert_eq!((f.value, f.unit.as_str()), (2.0, "个"));
        let f = one("占比10%以上");
        assert_eq!((f.approx, f.kind), (Some(Approx::More), FactKind::Percent));
        let f = one("覆盖率达到百分之三十以上");
        assert_eq!(
            (f.text.as_str(), f.value, f.unit.as_str(), f.approx),
            ("百分之三十以上", 30.0, "%", Some(Approx::More))
        );
        let f = one("比上年增长百分之十五点五");
        assert_eq!((f.value, f.kind), (15.5, FactKind::Growth));
        let f = one("增速回落1.2个百分点");
        assert_eq!(
            (f.value, f.kind, f.unit.as_str()),
            (-1.2, FactKind::Growth, "个百分点")
        );
        let f = one("参与70-80万人次");
        assert_eq!((f.value, f.max), (700000.0, Some(800000.0)));
    }

    #[test]
    fn growth_is_signed_and_tied_to_its_subject() {
        let f = facts("规上新产品产值67.3亿元，同比增长22.1%，新产品产值率19.1%。");
        assert_eq!(f.len(), 3);
        assert_eq!(f[1].kind, FactKind::Growth);
        assert_eq!(f[1].value, 22.1);
        assert_eq!(f[1].subject.as_deref(), Some("规上新产品产值"));
        assert_eq!(f[2].kind, FactKind::Percent);
        assert_eq!(f[2].subject.as_deref(), Some("新产品产值率"));
        let f = one("工业增加值下降6.3%");
        assert_eq!((f.value, f.kind), (-6.3, FactKind::Growth));
        let f = one("失业率降至3.43%");
        assert_eq!((f.value, f.kind), (3.43, FactKind::Percent));
        let f = one("民间投资成长5.6%");
        assert_eq!(f.kind, FactKind::Growth);
        let f = one("全年出口总值达4，501亿美元");
        assert_eq!((f.value, f.unit.as_str()), (450_100_000_000.0, "美元"));
        let f = one("增速-4.7%");
        assert_eq!((f.value, f.text.as_str()), (-4.7, "-4.7%"));
    }

    #[test]
    fn look_alikes_are_not_facts() {
        for t in [
            "2009年，我局深入开展活动",
            "11月17-19日举行了第四届百名专家教授与千名企业家科技对接活动",
            "1-6月份",
            "以f5创意园为主",
            "320创意广场",
            "纪念汶川“5.12”地震一周年",
            "全市排名第3位",
            "获得市级科技进步二等奖",
            "省委改革简报[2016]第3期",
            "五金机电产业，海峡两岸，进一步，一对一，三下乡",
            "以“三个代表”重要思想为指导",
            "以《四个创新加快科技成果转化》为题推广",
            "一是加强组织领导",
            "12396信息平台",
            "分为“一个展会、三大赛事、四场对接、五场发布”",
            "围绕一个中心、突出两大重点、抓好三项工作、建设四型机关",
            "全面贯彻落实市十三次党代会精神",
        ] {
            assert!(facts(t).is_empty(), "{t}: {:?}", facts(t));
        }
    }

    #[test]
    fn a_hard_wrap_inside_a_number_or_before_its_unit() {
        let f = one("居民人均收入3\n4512元。");
        assert_eq!((f.text.as_str(), f.value), ("3\n4512元", 34512.0));
        let f = facts("全年举办讲座9\n场,培训2\n千人。");
        assert_eq!((f[0].value, f[0].unit.as_str()), (9.0, "场"));
        // A run of a thread never ends inside such a number.
        let text = "第一段文字1\n2248元\n";
        let runs = crate::parallel::runs_of_lines(text, 1);
        assert_eq!(runs, vec![text]);
    }

    fn roles(text: &str) -> Vec<(String, FactRole)> {
        facts(text).into_iter().map(|f| (f.text, f.role)).collect()
    }

    #[test]
    fn plans_told_from_results_by_the_lines_own_words() {
        // A colon opening a list of targets; a bracket breaking down a planned total.
        let r = roles("本年度主要预期目标是:工业增加值增长7%,新增就业2100人以上。");
        assert!(r.iter().all(|(_, role)| *role == FactRole::Target), "{r:?}");
        let r = roles("年内计划新建学校6所,投资3亿元(其中:已完成设计的项目2个)。");
        assert!(r.iter().all(|(_, role)| *role == FactRole::Target), "{r:?}");
        // A lead announces the plans of the lines after it, in sections of no role.
        let r = roles("为实现上述目标,重点做好以下工作:\n新建公园4个。\n");
        assert_eq!(r, vec![("4个".to_string(), FactRole::Target)]);
        // A paragraph that looks back reports results, even in a plan section.
        let sections = [Section {
            start: 0,
            end: 100,
            level: 1,
            marker: "一、".to_string(),
            title: "今后五年目标任务".to_string(),
            role: SectionRole::Plan,
        }];
        let (f, _) = find(
            "过去五年,全县新增企业350家。\n",
            &sections,
            SectionRole::Other,
        );
        assert_eq!(f.first().map(|f| f.role), Some(FactRole::Achievement));
        // An estimate of a period just ended is a result; a forecast of the year is a target.
        assert_eq!(
            one("上半年预计完成产值12亿元。").role,
            FactRole::Achievement
        );
        assert_eq!(one("预计全年完成产值25亿元。").role, FactRole::Target);
        assert_eq!(
            one("经济恢复好于预期,增长3.2%。").role,
            FactRole::Achievement
        );
    }

    #[test]
    fn a_rate_that_lost_its_percent_is_a_fact_with_a_warning() {
        let (f, w) = find("税收收入同比增长17.5,", &[], SectionRole::Other);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].value, f[0].unit.as_str(), f[0].kind),
            (17.5, "", FactKind::Growth)
        );
        assert_eq!(w.first().map(|w| w.kind), Some(WarningKind::MissingUnit));
    }

    #[test]
    fn subject_after_a_bare_verb() {
        let f = one("2016年，申报1家省级科技孵化器。");
        assert_eq!(f.subject.as_deref(), Some("省级科技孵化器"));
        let f = one("组织7家农业企业到省农科院开展对接活动。");
        assert_eq!(f.subject.as_deref(), Some("农业企业"));
    }

    #[test]
    fn subjects_and_roles() {
        let f = one("全年专利申请量2924件。");
        assert_eq!(f.subject.as_deref(), Some("专利申请量"));
        assert_eq!(f.role, FactRole::Achievement);
        let f = one("积极动员企业申报高新技术企业，拟申报25家。");
        assert_eq!(f.role, FactRole::Target);
        let f = facts("下一步，在去年完成19家企业的基础上扩大到40家。");
        assert_eq!((f[0].value, f[0].role), (19.0, FactRole::Achievement));
        assert_eq!((f[1].value, f[1].role), (40.0, FactRole::Target));
        let f = one("力争获市级以上科学技术奖3项。");
        assert_eq!(f.role, FactRole::Target);
        let f = facts("力争全年新增高企5家，省级高新技术产品8个。");
        assert!(f.iter().all(|f| f.role == FactRole::Target));
        let f = one("对确保我区防震减灾事业持续发展具有重要意义，利用地震短信，加强了联系，制作地震报告图39张。");
        assert_eq!(f.role, FactRole::Achievement);
    }
}

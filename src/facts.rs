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

/// Measure words and units, longest first where one is a prefix of another.
const UNITS: &[(&str, FactKind)] = &[
    ("个百分点", FactKind::Percent),
    ("个学时", FactKind::Measure),
    ("个课时", FactKind::Measure),
    ("个小时", FactKind::Measure),
    ("个工作日", FactKind::Measure),
    ("工作日", FactKind::Measure),
    ("百分点", FactKind::Percent),
    ("%", FactKind::Percent),
    ("‰", FactKind::Percent),
    ("平方公里", FactKind::Measure),
    ("平方千米", FactKind::Measure),
    ("平方米", FactKind::Measure),
    ("立方米", FactKind::Measure),
    ("千瓦时", FactKind::Measure),
    ("千瓦", FactKind::Measure),
    ("兆瓦", FactKind::Measure),
    ("公顷", FactKind::Measure),
    ("公斤", FactKind::Measure),
    ("千克", FactKind::Measure),
    ("公里", FactKind::Measure),
    ("千米", FactKind::Measure),
    ("小时", FactKind::Measure),
    ("个月", FactKind::Measure),
    ("学时", FactKind::Measure),
    ("课时", FactKind::Measure),
    ("亩", FactKind::Measure),
    ("吨", FactKind::Measure),
    ("米", FactKind::Measure),
    ("天", FactKind::Measure),
    ("倍", FactKind::Measure),
    ("美元", FactKind::Money),
    ("欧元", FactKind::Money),
    ("港元", FactKind::Money),
    ("元", FactKind::Money),
    ("人次", FactKind::Count),
    ("场次", FactKind::Count),
    ("户次", FactKind::Count),
    ("批次", FactKind::Count),
    ("条次", FactKind::Count),
    ("家次", FactKind::Count),
    ("个", FactKind::Count),
    ("家", FactKind::Count),
    ("项", FactKind::Count),
    ("件", FactKind::Count),
    ("名", FactKind::Count),
    ("人", FactKind::Count),
    ("所", FactKind::Count),
    ("份", FactKind::Count),
    ("册", FactKind::Count),
    ("条", FactKind::Count),
    ("篇", FactKind::Count),
    ("场", FactKind::Count),
    ("次", FactKind::Count),
    ("期", FactKind::Count),
    ("批", FactKind::Count),
    ("只", FactKind::Count),
    ("座", FactKind::Count),
    ("台", FactKind::Count),
    ("套", FactKind::Count),
    ("户", FactKind::Count),
    ("位", FactKind::Count),
    ("种", FactKind::Count),
    ("类", FactKind::Count),
    ("部", FactKind::Count),
    ("本", FactKind::Count),
    ("张", FactKind::Count),
    ("处", FactKind::Count),
    ("间", FactKind::Count),
    ("栋", FactKind::Count),
    ("幢", FactKind::Count),
    ("辆", FactKind::Count),
    ("艘", FactKind::Count),
    ("株", FactKind::Count),
    ("头", FactKind::Count),
    ("棵", FactKind::Count),
    ("起", FactKind::Count),
    ("宗", FactKind::Count),
    ("笔", FactKind::Count),
    ("支", FactKind::Count),
    ("门", FactKind::Count),
    ("轮", FactKind::Count),
    ("幅", FactKind::Count),
    ("枚", FactKind::Count),
    ("盏", FactKind::Count),
    ("根", FactKind::Count),
    ("块", FactKind::Count),
    ("箱", FactKind::Count),
    ("袋", FactKind::Count),
    ("瓶", FactKind::Count),
    ("尾", FactKind::Count),
    ("羽", FactKind::Count),
    ("匹", FactKind::Count),
    ("首", FactKind::Count),
    ("集", FactKind::Count),
];

const PREFIXES: &[(&str, Option<Approx>)] = &[
    ("超过", Some(Approx::More)),
    ("将近", Some(Approx::About)),
    ("接近", Some(Approx::About)),
    ("大约", Some(Approx::About)),
    ("不足", Some(Approx::Less)),
    ("不到", Some(Approx::Less)),
    ("逾", Some(Approx::More)),
    ("超", Some(Approx::More)),
    ("近", Some(Approx::About)),
    ("约", Some(Approx::About)),
    ("数", Some(Approx::More)),
    ("几", Some(Approx::More)),
];

const SUFFIXES: &[(&str, Approx)] = &[
    ("以上", Approx::More),
    ("以下", Approx::Less),
    ("左右", Approx::About),
    ("上下", Approx::About),
];

/// The approximating suffix at `i` (`以上`, `左右`, …) and where it ends.
fn suffix_at(cs: &[char], i: usize) -> Option<(Approx, usize)> {
    SUFFIXES
        .iter()
        .find(|(w, _)| starts_with_at(cs, i, w))
        .map(|&(w, ap)| (ap, i + w.chars().count()))
}

const RANGE_SEPS: &[char] = &['-', '—', '–', '－', '~', '～', '至', '到'];

fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// A parsed number: value, end offset, and whether a 、 stood for the decimal point.
struct Num {
    value: f64,
    end: usize,
    decimal_comma: bool,
    chinese: bool,
}

fn parse_arabic(cs: &[char], i: usize) -> Option<Num> {
    let digits = |from: usize| {
        cs.iter()
            .skip(from)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let n = digits(i);
    if n == 0 {
        return None;
    }
    let mut s = Digits::default();
    s.extend(cs.get(i..i + n)?);
    let mut end = i + n;
    // Thousands separators: 1,234,567; in full-width text 4，501 before a scale or unit. Only
    // after a first group of at most three digits.
    let thousands = |end: usize| {
        let group = digits(end + 1) == 3 && !cs.get(end + 4).is_some_and(|c| c.is_ascii_digit());
        match cs.get(end) {
            Some(',') => group,
            Some('，') => group && cs.get(end + 4).is_some_and(|&c| is_han(c)),
            _ => false,
        }
    };
    if n <= 3 {
        while thousands(end) {
            s.extend(cs.get(end + 1..end + 4)?);
            end += 4;
        }
    }
    let mut decimal_comma = false;
    if matches!(cs.get(end), Some('.')) && digits(end + 1) > 0 {
        let f = digits(end + 1);
        s.push('.');
        s.extend(cs.get(end + 1..end + 1 + f)?);
        end += 1 + f;
    } else if cs.get(end) == Some(&'、') && digits(end + 1) > 0 {
        // `22、5万人次`: a 、 typed for the decimal point, only before a scale.
        let f = digits(end + 1);
        if matches!(cs.get(end + 1 + f), Some('万' | '亿')) {
            s.push('.');
            s.extend(cs.get(end + 1..end + 1 + f)?);
            end += 1 + f;
            decimal_comma = true;
        }
    }
    let value = s.parse()?;
    Some(Num {
        value,
        end,
        decimal_comma,
        chinese: false,
    })
}

/// A number's digits and point, gathered for `f64::from_str`: on the stack while they fit
/// (nearly always), in a `String` past that. A `String` per number cost the facts pass 2% of
/// its instructions (577 → 566 million on 10 MB).
struct Digits {
    small: [u8; 40],
    len: usize,
    spill: String,
}

impl Default for Digits {
    fn default() -> Digits {
        Digits {
            small: [0; 40],
            len: 0,
            spill: String::new(),
        }
    }
}

impl Digits {
    fn push(&mut self, c: char) {
        if self.spill.is_empty() && c.is_ascii() {
            if let Some(slot) = self.small.get_mut(self.len) {
                *slot = c as u8;
                self.len += 1;
                return;
            }
        }
        if self.spill.is_empty() {
            self.spill
                .extend(self.small.iter().take(self.len).map(|&b| char::from(b)));
        }
        self.spill.push(c);
    }

    fn extend(&mut self, cs: &[char]) {
        for &c in cs {
            self.push(c);
        }
    }

    fn parse(&self) -> Option<f64> {
        if self.spill.is_empty() {
            std::str::from_utf8(self.small.get(..self.len)?)
                .ok()?
                .parse()
                .ok()
        } else {
            self.spill.parse().ok()
        }
    }
}

/// Reads a Chinese numeral (`两`, `十二`, `一千二百`, `三万`). `bare_ok` allows a numeral that
/// begins with 百/千/万 (after 逾/近/数).
fn parse_chinese(cs: &[char], i: usize, bare_ok: bool) -> Option<Num> {
    let run = cs
        .iter()
        .skip(i)
        .take(12)
        .take_while(|&&c| is_cn_numeral(c))
        .count();
    if run == 0 {
        return None;
    }
    let first = *cs.get(i)?;
    if matches!(first, '百' | '千' | '万' | '亿') && !bare_ok {
        return None;
    }
    if matches!(first, '〇' | '零') {
        return None;
    }
    let (mut total, mut section, mut number) = (0f64, 0f64, 0f64);
    let mut last_digit = false;
    for &c in cs.get(i..i + run)? {
        match c {
            '十' => {
                section += if number == 0.0 { 10.0 } else { number * 10.0 };
                number = 0.0;
                last_digit = false;
            }
            '百' | '千' => {
                let m = if c == '百' { 100.0 } else { 1000.0 };
                section += if number == 0.0 { m } else { number * m };
                number = 0.0;
                last_digit = false;
            }
            '万' => {
                total += (section + number).max(1.0) * 1e4;
                section = 0.0;
                number = 0.0;
                last_digit = false;
            }
            '亿' => {
                total = (total + section + number).max(1.0) * 1e8;
                section = 0.0;
                number = 0.0;
                last_digit = false;
            }
            d => {
                // Two digits in a row (`一一`, `三四`) is not a numeral we read.
                if last_digit {
                    return None;
                }
                number = f64::from(crate::text::cn_digit(d)?);
                last_digit = true;
            }
        }
    }
    let value = total + section + number;
    // A lone 一 is an article (一个, 一批), not a count worth a fact.
    if run == 1 && first == '一' {
        return None;
    }
    Some(Num {
        value,
        end: i + run,
        decimal_comma: false,
        chinese: true,
    })
}

fn word_before(cs: &[char], i: usize, word: &str) -> bool {
    let n = word.chars().count();
    i >= n && starts_with_at(cs, i - n, word)
}

/// The scale after a number: 万, 亿, 万亿, 千万, 百万.
fn scale_at(cs: &[char], i: usize) -> Option<(f64, usize)> {
    for (w, m) in [
        ("万亿", 1e12),
        ("千万", 1e7),
        ("百万", 1e6),
        ("亿", 1e8),
        ("万", 1e4),
    ] {
        if starts_with_at(cs, i, w) {
            return Some((m, i + w.chars().count()));
        }
    }
    None
}

fn unit_at(cs: &[char], i: usize) -> Option<(&'static str, FactKind, usize)> {
    // Most numbers are followed by no unit's first char: one look answers for them; the
    // units tried, in the list's order, are only those that start with the char there.
    static FIRSTS: OnceLock<InOrder> = OnceLock::new();
    let firsts = FIRSTS.get_or_init(|| {
        let names: Vec<&str> = UNITS.iter().map(|&(u, _)| u).collect();
        InOrder::new(&names, |u| u.chars().next())
    });
    let c = *cs.get(i)?;
    let mut k = 0;
    while let Some(j) = firsts.next(c, k) {
        if let Some(&(u, kind)) = UNITS.get(j).filter(|(u, _)| starts_with_at(cs, i, u)) {
            // `30多个学时`: the unit is 学时; 个 only counts it.
            let name = match u {
                "个学时" | "个课时" | "个小时" | "个工作日" => {
                    u.trim_start_matches('个')
                }
                _ => u,
            };
            return Some((name, kind, i + u.chars().count()));
        }
        k = j + 1;
    }
    None
}

/// A measure word that is the first character of a longer word (`330人才计划`, `3台湾企业`)
/// is no measure word there.
const UNIT_WORDS: &[(&str, &str)] = &[
    ("人", "才员口民大工体们均"),
    ("个", "人体别性案"),
    ("台", "湾站账"),
    ("所", "有得属在以谓"),
    ("条", "件例款"),
    ("期", "间刊限望待"),
    ("部", "门署分委"),
    ("批", "准复示"),
    ("处", "理长置室级"),
    ("名", "单称录牌义"),
    ("场", "所地景馆"),
    ("位", "于置"),
    ("种", "植子养"),
    ("起", "步来点草"),
    ("天", "然津地"),
    ("元", "素旦宵"),
    ("次", "年日要序"),
    ("类", "似型别"),
    ("家", "庭长属具乡园"),
    ("项", "目"),
    ("本", "地级身市区县"),
    ("门", "户槛"),
    ("头", "部脑"),
    ("支", "持付撑出"),
    ("轮", "流换"),
    ("笔", "者记"),
    ("根", "据本源"),
    ("首", "批次届都府先位席个要"),
    ("集", "团中体聚成约群"),
    ("块", "状"),
    ("尾", "款声"),
    ("匹", "配"),
    ("瓶", "颈"),
];

/// `a == b` for the short words of the grammar's lists, byte by byte in line: a call to
/// memcmp for a few bytes costs more than the comparison (this runs for every candidate
/// against lists of short words).
fn same_str(a: &str, b: &str) -> bool {
    a.len() == b.len() && starts_with_word(a, b)
}

/// `s` without `w` at its start, if it starts with it (compared as [`same_str`] does).
fn strip_word_prefix<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    if starts_with_word(s, w) {
        s.get(w.len()..)
    } else {
        None
    }
}

/// `s` without `w` at its end, if it ends with it (compared as [`same_str`] does).
fn strip_word_suffix<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(w.len())?;
    let tail = s.get(cut..)?;
    if same_str(tail, w) {
        s.get(..cut)
    } else {
        None
    }
}

fn unit_is_word(unit: &str, next: Option<char>) -> bool {
    // The measure words of the list are single chars: the one `unit` is, by its rank among
    // them, names the chars that make a word of it.
    static AFTER: OnceLock<(CharIndex, Vec<String>)> = OnceLock::new();
    let (units, after) = AFTER.get_or_init(|| {
        let mut keyed: Vec<(char, &str)> = UNIT_WORDS
            .iter()
            .filter_map(|&(u, a)| Some((one_char(u)?, a)))
            .collect();
        keyed.sort_unstable();
        let units = CharIndex::new(keyed.iter().map(|&(c, _)| c));
        let mut after: Vec<String> = Vec::new();
        let mut last = None;
        for (c, a) in keyed {
            if last != Some(c) {
                after.push(String::new());
                last = Some(c);
            }
            if let Some(s) = after.last_mut() {
                s.push_str(a);
            }
        }
        (units, after)
    });
    let Some((u, n)) = one_char(unit).zip(next) else {
        return false;
    };
    units
        .index(u)
        .and_then(|k| after.get(k))
        .is_some_and(|a| a.contains(n))
}

/// The char `s` is, when it is one.
fn one_char(s: &str) -> Option<char> {
    let mut cs = s.chars();
    let c = cs.next()?;
    cs.next().is_none().then_some(c)
}

/// A one-character prefix that is the end of a word is no prefix: 签约7项, 最近3年, 赶超.
/// 数 approximates only a Chinese round number (数十家, 数千人).
fn prefix_ok(cs: &[char], i: usize, w: &str) -> bool {
    let before = i.checked_sub(2).and_then(|p| cs.get(p)).copied();
    match w {
        "约" => !before.is_some_and(|c| "签节合契公条制预特邀简履违相婚集大".contains(c)),
        "近" => !before.is_some_and(|c| "最附接将亲靠邻临贴就逼远新".contains(c)),
        "超" => !before.is_some_and(|c| "赶高特".contains(c)),
        "数" => cs
            .get(i)
            .is_some_and(|&c| matches!(c, '十' | '百' | '千' | '万')),
        _ => true,
    }
}

/// `百分之三十` (30%), `百分之十五点五`, `千分之五` (5‰), with a suffix such as 以上.
fn percent_in_words(cs: &[char], i: usize) -> Option<Quantity> {
    let (unit, from) = if starts_with_at(cs, i, "百分之") {
        ("%", i + 3)
    } else if starts_with_at(cs, i, "千分之") {
        ("‰", i + 3)
    } else {
        return None;
    };
    let num = if cs.get(from).is_some_and(|c| c.is_ascii_digit()) {
        parse_arabic(cs, from)?
    } else {
        parse_chinese(cs, from, false).or_else(|| {
            // 百分之一 is refused by parse_chinese (a lone 一 is an article elsewhere).
            (cs.get(from) == Some(&'一')).then_some(Num {
                value: 1.0,
                end: from + 1,
                decimal_comma: false,
                chinese: true,
            })
        })?
    };
    let mut value = num.value;
    let mut end = num.end;
    // 点 for the decimal point: 十五点五.
    if cs.get(end) == Some(&'点') {
        let digits: Vec<u32> = cs
            .iter()
            .skip(end + 1)
            .map_while(|&c| crate::text::cn_digit(c))
            .collect();
        if !digits.is_empty() {
            let frac: String = digits.iter().map(|d| d.to_string()).collect();
            value = format!("{}.{frac}", value as i64).parse().unwrap_or(value);
            end += 1 + digits.len();
        }
    }
    let approx = suffix_at(cs, end).map(|(ap, e)| {
        end = e;
        ap
    });
    Some(Quantity {
        start: i,
        end,
        value,
        max: None,
        unit,
        kind: FactKind::Percent,
        approx,
        decimal_comma: false,
        negative: false,
    })
}

/// One quantity as the grammar reads it.
struct Quantity {
    start: usize,
    end: usize,
    value: f64,
    max: Option<f64>,
    /// From the closed list of units: a string is made only for a fact.
    unit: &'static str,
    kind: FactKind,
    approx: Option<Approx>,
    decimal_comma: bool,
    negative: bool,
}

/// Reads a number with its modifiers and scale: `2100多万`, `22、5万`, `两千`.
fn number_with_scale(
    cs: &[char],
    i: usize,
    bare_ok: bool,
) -> Option<(Num, Option<f64>, bool, usize)> {
    let num = if cs.get(i).is_some_and(|c| c.is_ascii_digit()) {
        parse_arabic(cs, i)?
    } else {
        parse_chinese(cs, i, bare_ok)?
    };
    let mut k = num.end;
    let mut more = false;
    if !num.chinese && matches!(cs.get(k), Some('多' | '余' | '几')) {
        more = true;
        k += 1;
    }
    let mut scale = None;
    if !num.chinese {
        if let Some((m, e)) = scale_at(cs, k) {
            scale = Some(m);
            k = e;
        }
    }
    if matches!(cs.get(k), Some('多' | '余')) && (scale.is_some() || num.chinese) {
        more = true;
        k += 1;
    }
    Some((num, scale, more, k))
}

/// Reads a quantity whose number starts at `i` (after any prefix at `pstart..i`).
fn quantity_at(
    cs: &Chars,
    pstart: usize,
    i: usize,
    prefix: Option<Approx>,
    bare_ok: bool,
) -> Option<Quantity> {
    let (a, a_scale, a_more, mut k) = number_with_scale(cs, i, bare_ok)?;
    let a_more = a_more && !a.chinese;
    let value = a.value;
    let mut max = None;
    let mut approx = prefix.or(a_more.then_some(Approx::More));
    let mut scale = a_scale;
    // A range: `300-500人`, `70-80万人次`, `20-30%`, `1—2家`.
    if let Some(&sep) = cs.get(k) {
        if RANGE_SEPS.contains(&sep) {
            let next = cs.get(k + 1).copied();
            let same_kind = next.is_some_and(|c| {
                if a.chinese {
                    is_cn_numeral(c)
                } else {
                    c.is_ascii_digit()
                }
            });
            if same_kind && scale.is_none() {
                if let Some((b, b_scale, b_more, e)) = number_with_scale(cs, k + 1, false) {
                    if b.value > a.value || b_scale.is_some() {
                        scale = b_scale;
                        max = Some(b.value);
                        if b_more && approx.is_none() {
                            approx = Some(Approx::More);
                        }
                        k = e;
                    }
                }
            }
        }
    }
    // 8.2 × 1e8 is 819999999.9999999 in binary floating point: round off the noise.
    let mult = scale.unwrap_or(1.0);
    let value = scaled(value, mult);
    let max = max.map(|m| scaled(m, mult));
    let (unit, kind, mut end) = match unit_at(cs, k) {
        Some((u, _, e)) if unit_is_word(u, cs.get(e).copied()) => return None,
        Some((u, kind, e)) => (u, kind, e),
        None if scale.is_some() => {
            // `参与人次达15万`: the unit was named before the number; `累计7.8亿`: money when the
            // sentence speaks of it; else a plain count.
            match unit_named_before(cs, pstart) {
                Some((u, kind)) => (u, kind, k),
                None if about_money(cs, pstart) => ("元", FactKind::Money, k),
                None => ("", FactKind::Count, k),
            }
        }
        // `20多年`: an approximate number of years is a span, never a date.
        None if a_more && cs.get(k) == Some(&'年') => ("年", FactKind::Measure, k + 1),
        // `3000余企业主`: an approximate count whose measure word was left out.
        None if a_more
            && cs
                .get(k)
                .is_some_and(|&c| is_han(c) && !"月日号时".contains(c)) =>
        {
            ("", FactKind::Count, k)
        }
        None => return None,
    };
    if let Some((ap, e)) = suffix_at(cs, end) {
        approx = approx.or(Some(ap));
        end = e;
    }
    Some(Quantity {
        start: pstart,
        end,
        value,
        max,
        unit,
        kind,
        approx,
        decimal_comma: a.decimal_comma,
        negative: false,
    })
}

/// Words that say a sum of money is meant when a 万/亿 number has no unit after it.
const MONEY_WORDS: &[&str] = &[
    "投资",
    "资金",
    "经费",
    "产值",
    "收入",
    "税",
    "金额",
    "销售",
    "营业额",
    "融资",
    "贷款",
    "总额",
    "利润",
    "补助",
    "奖励",
    "GDP",
    "gdp",
    "生产总值",
    "元",
];

fn about_money(cs: &Chars, pstart: usize) -> bool {
    let from = back_to(cs, pstart, is_sentence_end);
    let sentence = cs.str(from, pstart);
    MONEY_WORDS.iter().any(|w| sentence.contains(w))
}

/// The unit a clause names before its number: `参与人次达15万` counts 人次.
fn unit_named_before(cs: &Chars, pstart: usize) -> Option<(&'static str, FactKind)> {
    let mut c = clause_before(cs, pstart);
    for w in [
        "达到", "达", "为", "共计", "共", "约", "超过", "突破", "逾", "近", "有",
    ] {
        if let Some(r) = c.strip_suffix(w) {
            c = r;
            break;
        }
    }
    ["人次", "场次", "户次", "人数"]
        .iter()
        .find(|u| c.ends_with(*u))
        .map(|u| (if *u == "人数" { "人" } else { *u }, FactKind::Count))
}

/// `v × mult`, rounded off the noise of binary floating point (8.2 × 1e8 is
/// 819999999.9999999).
fn scaled(v: f64, mult: f64) -> f64 {
    if mult == 1.0 {
        v
    } else {
        (v * mult * 1e4).round() / 1e4
    }
}

/// The clause before `i`, back to the last clause boundary.
fn clause_before<'a>(cs: &Chars<'a>, i: usize) -> &'a str {
    cs.str(back_to(cs, i, is_boundary), i)
}

/// [`clause_before`] `i`, only the words after `prev_end` (where the number before ended).
fn clause_since<'a>(cs: &Chars<'a>, i: usize, prev_end: usize) -> &'a str {
    cs.str(back_to(cs, i, is_boundary).max(prev_end.min(i)), i)
}

/// How far back the context of a number is read: bounded, so that text without punctuation
/// costs linear time.
const LOOKBACK: usize = 200;

/// The position after the last char before `i` (within [`LOOKBACK`]) for which `stop` holds.
fn back_to(cs: &[char], i: usize, stop: impl Fn(char) -> bool) -> usize {
    let lo = i.saturating_sub(LOOKBACK);
    cs.get(lo..i)
        .unwrap_or(&[])
        .iter()
        .rposition(|&c| stop(c))
        .map_or(lo, |p| lo + p + 1)
}

/// True for chars of the CJK Unified Ideographs block, most chars of a report, which no
/// look for punctuation stops at: one range check spares them the list of comparisons.
#[inline]
fn ideograph(c: char) -> bool {
    (c as u32).wrapping_sub(0x4E00) < 0x5200
}

fn is_boundary(c: char) -> bool {
    !ideograph(c)
        && matches!(
            c,
            '。' | '；'
                | ';'
                | '，'
                | ','
                | '：'
                | ':'
                | '、'
                | '！'
                | '？'
                | '\n'
                | '（'
                | '('
                | '）'
                | ')'
                | '“'
                | '”'
                | '《'
                | '》'
        )
}

fn is_sentence_end(c: char) -> bool {
    !ideograph(c) && matches!(c, '。' | '；' | ';' | '！' | '？' | '\n')
}

/// True when `i..end` sits inside a short quotation (`“三个代表”`, `“330海外英才计划”`) or a
/// title in book marks (`《四个创新加快科技成果转化》`): a slogan or a name, not a quantity.
fn in_quote_or_title(cs: &[char], i: usize, end: usize) -> bool {
    // The nearest mark or sentence end within `reach` before the number must be the opening
    // mark, and the nearest after it the closing one.
    let enclosed = |open: char, close: char, reach: usize| -> Option<(usize, usize)> {
        let stop = |c: char| !ideograph(c) && (c == open || c == close || is_sentence_end(c));
        let before = cs.get(i.saturating_sub(reach)..i)?;
        let o = before.iter().rev().position(|&c| stop(c))?;
        if before.len().checked_sub(o + 1).and_then(|p| before.get(p)) != Some(&open) {
            return None;
        }
        let after = cs.get(end..)?;
        let c = after.iter().take(reach).position(|&c| stop(c))?;
        (after.get(c) == Some(&close)).then_some((o, c))
    };
    if enclosed('《', '》', 40).is_some() {
        return true;
    }
    matches!(enclosed('“', '”', 12), Some((o, c)) if o + c + (end - i) <= 14)
}

/// A formula listed by numbers: `一个展会、三大赛事、四场对接、五场发布`, `围绕一个中心、突出两大
/// 重点、抓好三项工作` — three or more 、-items that open (after a verb of two characters at
/// most) with a Chinese numeral.
fn in_numeral_list(cs: &[char], i: usize) -> bool {
    let stop = |c: char| {
        matches!(
            c,
            '，' | ',' | '。' | '；' | ';' | '：' | ':' | '“' | '”' | '\n'
        )
    };
    let from = back_to(cs, i, stop);
    let to = cs
        .iter()
        .skip(i)
        .take(LOOKBACK)
        .position(|&c| stop(c))
        .map_or(cs.len().min(i + LOOKBACK), |p| i + p);
    let seg = cs.get(from..to).unwrap_or(&[]);
    let items = seg.split(|&c| c == '、');
    let numbered = items
        .filter(|item| {
            item.iter()
                .take(3)
                .any(|&c| "一二两三四五六七八九十".contains(c))
        })
        .count();
    numbered >= 3
}

/// Refuses ordinals, codes and names.
fn candidate_ok(cs: &[char], num_start: usize, q: &Quantity) -> bool {
    let before = num_start.checked_sub(1).and_then(|p| cs.get(p)).copied();
    // 第四届, 排名第3位, 居前三位
    if matches!(before, Some('第' | '前')) && q.start == num_start {
        return false;
    }
    let chinese = cs.get(num_start).is_some_and(|&c| is_cn_numeral(c));
    // Slogans made of numerals: 四换三名, 八倍增两提高, 三个“比以往任何时候都重要”.
    if chinese
        && (num_start
            .checked_sub(2)
            .and_then(|p| cs.get(p))
            .is_some_and(|&c| is_cn_numeral(c) && c != '万' && c != '亿')
            || cs.get(q.end) == Some(&'“'))
    {
        return false;
    }
    // f5创意园, SLB15, 5.12, v2.0
    if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '#') {
        return false;
    }
    let after = cs.get(q.end).copied();
    if after.is_some_and(|c| c.is_ascii_alphanumeric()) && q.unit != "%" {
        return false;
    }
    // 十三次党代会, 三次全会: an ordinal without 第.
    if q.unit == "次" && after.is_some_and(|c| "党全人代会".contains(c)) {
        return false;
    }
    if chinese && in_numeral_list(cs, num_start) {
        return false;
    }
    // 二期 (a phase), 八倍增 (a slogan): Chinese numerals before these are names.
    if chinese && (q.unit == "期" || (q.unit == "倍" && matches!(after, Some('增' | '速')))) {
        return false;
    }
    // 一等奖, 二等奖 never reach here (等 is no unit); 五金, 两岸, 进一步 neither.
    !in_quote_or_title(cs, q.start, q.end)
}

const GROWTH_UP: &[&str] = &[
    "成长",
    "增长",
    "增加",
    "提高",
    "提升",
    "上升",
    "增速",
    "增幅",
    "涨幅",
    "同比",
    "环比",
    "比上年",
    "比去年",
    "比增",
    "增",
];
const GROWTH_DOWN: &[&str] = &["下降", "减少", "降低", "回落", "下滑", "降幅", "减", "降"];

/// The growth cue right before a percent: (is growth, is a fall).
fn growth_cue(cs: &Chars, start: usize) -> (bool, bool) {
    let from = start.saturating_sub(6);
    let window = cs.str(from, start);
    // Only the part after the last clause boundary counts.
    let window = window.rsplit(|c: char| is_boundary(c)).next().unwrap_or("");
    // `降至3.43%`, `提高到5%`: the level reached, not a change.
    if window.ends_with('至') || window.ends_with('到') {
        return (false, false);
    }
    let window = window.trim_end_matches(['了', '达', '为']);
    static DOWN: OnceLock<Words> = OnceLock::new();
    static UP: OnceLock<Words> = OnceLock::new();
    let down = words(&DOWN, &[GROWTH_DOWN]).is_match(window);
    let up = words(&UP, &[GROWTH_UP]).is_match(window);
    (up || down, down && !contains_word(window, "增长"))
}

/// True when the clause before `start` names a base to compare with (`比去年同期`, `较上年`,
/// `同比`, `环比`).
fn compared(cs: &Chars, start: usize) -> bool {
    // 同比 and 环比 hold 比: the two chars say it.
    clause_before(cs, start).contains(['比', '较'])
}

/// Words that make the numbers after them in a sentence plans. Bare 将 and 要 are too
/// common (主要, 将…作为) to count; 计划 and 目标 also name programmes (科技计划项目) and
/// stock phrases (以…为目标), so only their verb uses count. 争取 is no cue outside a plan
/// section (争取资金 is money won), and inside one every number is a target already.
const TARGET_CUES: &[&str] = &[
    "力争",
    "拟",
    "预计",
    "确保",
    "力求",
    "预期",
    "打算",
    "计划于",
    "计划在",
    "计划到",
    "计划新",
    "计划完成",
    "计划实",
    "计划投",
    "计划建",
    "计划引",
    "计划开",
    "计划培",
    "计划用",
    "计划安",
    "目标是",
    "目标为",
    "目标：",
    "将达到",
    "将新增",
    "将实现",
    "将完成",
    "将建成",
    "将超过",
    "将突破",
    "要达到",
    "要完成",
    "明年",
    "下一步",
    "下半年将",
];
/// Words that hold a target cue without being one: 模拟 and 虚拟 are no 拟.
const NOT_CUES: &[&str] = &["模拟", "虚拟"];
/// Words that make a clause report a result. Bare 共 is not one (企校共建); 共 opening the
/// clause (`共列出服务企业230家`) or right before the number (`共12项`) is, checked apart.
const DONE_CUES: &[&str] = &[
    "已",
    "完成了",
    "累计",
    "去年",
    "上年",
    "实现了",
    "取得了",
    "共计",
    "共有",
    "总共",
];

/// What the sentence's own words say of a fact's role. `plan_section` tells whether the
/// fact stands in a plan section, None when that is not known yet (then a cue is looked for
/// wherever it stands).
fn role_of(cs: &Chars, q: &Quantity, plan_section: Option<bool>, prev_end: usize) -> Said {
    // A cue governs its own clause and the list that follows it (`力争新增高企5家，省级高新
    // 技术产品8个`): read back three clauses within the sentence.
    let from = back_to(cs, q.start, is_sentence_end);
    let mut start = q.start;
    for _ in 0..3 {
        if start <= from {
            break;
        }
        start = back_to(cs, start.saturating_sub(1), |c| matches!(c, '，' | ',')).max(from);
    }
    let sentence = cs.str(start, q.start);
    // The clause the number closes: `在去年完成19家企业的基础上` reports a result.
    let after_len = cs
        .iter()
        .skip(q.end)
        .take(16)
        .take_while(|&&c| !is_sentence_end(c) && c != '，')
        .count();
    let after = cs.str(q.end, q.end + after_len);
    // Only the words since the number before count: `在去年完成19家企业的基础上扩大到40家`
    // makes 19 a result and leaves 40 to the plan.
    let clause = clause_since(cs, q.start, prev_end);
    static DONE: OnceLock<Words> = OnceLock::new();
    let done = words(&DONE, &[DONE_CUES]).is_match(clause)
        || clause.ends_with('共')
        || (clause.starts_with('共') && !clause.starts_with("共建") && !clause.starts_with("共同"))
        || contains_word(after, "基础上");
    if done {
        return Said::Done;
    }
    // The cues and the words that hold one without being one (模拟 holds 拟): the leftmost
    // longest match of either list decides at each place.
    let cue = || {
        static TARGET: OnceLock<Words> = OnceLock::new();
        words(&TARGET, &[TARGET_CUES, NOT_CUES])
            .find_iter(sentence)
            .any(|(_, _, list)| list == 0)
    };
    if plan_section == Some(true) || cue() {
        Said::Target
    } else {
        Said::Open
    }
}

/// What a fact's own words say of its role; for [`Said::Open`] its section decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Said {
    /// A result (`已`, `累计`, `在…的基础上`), wherever it stands.
    Done,
    /// A target: a cue word (`力争`, `预计`), or a plan section.
    Target,
    /// No cue either way: a target in a plan section, else a result.
    Open,
}

impl Said {
    /// The role, in a section whose role is `section_role`.
    pub(crate) fn role(self, section_role: SectionRole) -> FactRole {
        match self {
            Said::Done => FactRole::Achievement,
            Said::Target => FactRole::Target,
            Said::Open if section_role == SectionRole::Plan => FactRole::Target,
            Said::Open => FactRole::Achievement,
        }
    }
}

const LEAD_WORDS: &[&str] = &[
    "其中",
    "共计",
    "共有",
    "共",
    "累计",
    "全年",
    "今年以来",
    "今年",
    "上半年",
    "下半年",
    "目前",
    "截至目前",
    "截止目前",
    "同时",
    "此外",
    "另外",
    "并且",
    "并",
    "还",
    "已经",
    "已",
    "和",
    "及",
    "与",
    "总计",
    "合计",
    "新增了",
    "我市",
    "我区",
    "我县",
    "我省",
    "我局",
    "我们",
    "今年我局",
    "力争",
    "计划",
    "拟",
    "预计",
    "确保",
    "去年",
    "上年",
    "一是",
    "二是",
    "三是",
    "四是",
    "五是",
    "六是",
    "七是",
    "八是",
    "九是",
    "十是",
];
const TRAIL_WORDS: &[&str] = &[
    "压缩至",
    "压缩到",
    "缩短至",
    "缩短到",
    "已",
    "降至",
    "降到",
    "升至",
    "提高到",
    "提高至",
    "增长到",
    "下降到",
    "成长",
    "分别达到",
    "分别为",
    "分别",
    "控制在",
    "保持在",
    "稳定在",
    "完成了",
    "实现了",
    "突破了",
    "超过了",
    "完成",
    "达到了",
    "达到",
    "达",
    "为",
    "有",
    "共计",
    "共",
    "累计",
    "约",
    "计",
    "总计",
    "合计",
    "是",
    "的",
    "超过",
    "突破",
    "实现",
    "同比增长",
    "同比下降",
    "同比",
    "比上年",
    "增长",
    "下降",
    "增加",
    "减少",
    "提高",
    "提升",
    "降低",
    "增速",
    "增幅",
    "了",
    "近",
    "逾",
    "超",
    "约",
    "不足",
    "到",
];

/// A clause's opening date (`2013年`, `1-6月份`, `5月`), which says when, not what.
fn strip_time_lead(s: &str) -> &str {
    let digits = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .count();
    if digits == 0 {
        return s;
    }
    let rest = &s[digits..];
    for w in ["年度", "年", "月份", "月"] {
        if let Some(r) = rest.strip_prefix(w) {
            return r;
        }
    }
    s
}

/// A list of words indexed by one char of each (the first, or the last), keeping the list's
/// order: the words tried in turn against a clause are only those with the clause's char.
struct InOrder {
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

/// The words that say what was counted: the clause before the number, without lead-ins and
/// linking verbs; null when nothing is left or the clause is too long to be a subject.
fn subject_of(cs: &Chars, q: &Quantity, prev_end: usize) -> Option<String> {
    // Only the words since the number before belong to this one.
    let mut s = clause_since(cs, q.start, prev_end);
    // A word is stripped only where the clause opens with a lead word's first char or closes
    // with a trail word's last: one look each tells most clauses that no word needs trying.
    static LEADS: OnceLock<InOrder> = OnceLock::new();
    static TRAILS: OnceLock<InOrder> = OnceLock::new();
    let leads = LEADS.get_or_init(|| InOrder::new(LEAD_WORDS, |w| w.chars().next()));
    let trails = TRAILS.get_or_init(|| InOrder::new(TRAIL_WORDS, |w| w.chars().next_back()));
    loop {
        let before = s.len();
        s = strip_time_lead(s);
        // Each list is tried in its order, word after word, on what the words before left:
        // only a word that starts (ends) with the clause's first (last) char can be stripped.
        let mut k = 0;
        while let Some(j) = s.chars().next().and_then(|c| leads.next(c, k)) {
            if let Some(r) = LEAD_WORDS.get(j).and_then(|w| strip_word_prefix(s, w)) {
                s = r;
            }
            k = j + 1;
        }
        let mut k = 0;
        while let Some(j) = s.chars().next_back().and_then(|c| trails.next(c, k)) {
            if let Some(r) = TRAIL_WORDS.get(j).and_then(|w| strip_word_suffix(s, w)) {
                s = r;
            }
            k = j + 1;
        }
        if s.len() == before {
            break;
        }
    }
    // `trim_end_matches("等等")` as a loop: a string pattern builds a substring searcher
    // at every call, for every fact.
    let mut s = s.trim();
    while let Some(r) = s.strip_suffix("等等") {
        s = r;
    }
    let s = s.trim_end_matches('等');
    // `较去年`, `比去年同期`: the base of a comparison, not what is counted.
    let s = if s.starts_with('比') || s.starts_with('较') {
        ""
    } else {
        s
    };
    let s = s.trim_start_matches(['对', '向', '为', '在', '与', '和', '把', '将']);
    let n = s.chars().count();
    // A lone character, or a verb with no object (`组织`, `申报`), says nothing of what was
    // counted: null rather than wrong.
    if n <= 1 || n > 30 || !s.chars().any(is_han) || BARE_VERBS.contains(&s) {
        return None;
    }
    Some(s.to_string())
}

/// The noun a count is followed by (`申报1家省级科技孵化器`, `组织7家农业企业到…`), when the
/// words before it name no subject: Han characters up to a verb, preposition or punctuation.
fn noun_after(cs: &Chars, end: usize) -> Option<String> {
    static STOP: OnceLock<CharSet> = OnceLock::new();
    let stop = STOP.get_or_init(|| {
        CharSet::of_matching(|c| "到在参加开展进行被为与对向了的等和及并将从于由把给让".contains(c))
    });
    let n = cs
        .iter()
        .skip(end)
        .take(13)
        .take_while(|&&c| is_han(c) && !stop.contains(c))
        .count();
    let noun = cs.str(end, end + n);
    ((2..=12).contains(&n) && !BARE_VERBS.contains(&noun)).then(|| noun.to_string())
}

/// Verbs that, standing alone before a number, name the action and not the thing counted.
const BARE_VERBS: &[&str] = &[
    "组织",
    "申报",
    "举办",
    "开展",
    "完成",
    "实现",
    "推荐",
    "引进",
    "培育",
    "建成",
    "新增",
    "新建",
    "获得",
    "获批",
    "争取",
    "确定",
    "选派",
    "发放",
    "制作",
    "印发",
    "召开",
    "走访",
    "帮助",
    "指导",
    "邀请",
    "签订",
    "达成",
    "解决",
    "征集",
    "收到",
    "列入",
    "认定",
    "筛选出",
    "投入",
    "安排",
];

/// Where the sections of the facts found come from.
#[derive(Clone, Copy)]
pub(crate) enum Sections<'s> {
    /// Known (the outline was made first), with the role of text outside every section (from
    /// the title: a 工作计划 plans throughout).
    Known(&'s [Section], SectionRole),
    /// Set afterwards by [`settle`]: the native build finds facts while the outline is made.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    Later,
}

/// The facts and warnings of a run of lines.
pub(crate) struct Found {
    pub(crate) facts: Vec<Fact>,
    pub(crate) warnings: Vec<Warning>,
    /// What each fact's words say of its role, when its section was not known
    /// ([`Sections::Later`]); empty otherwise.
    said: Vec<Said>,
}

#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
impl Found {
    /// The runs' facts and warnings one after another.
    pub(crate) fn joined(runs: impl IntoIterator<Item = Found>) -> Found {
        let mut all = Found {
            facts: Vec::new(),
            warnings: Vec::new(),
            said: Vec::new(),
        };
        for mut run in runs {
            all.facts.append(&mut run.facts);
            all.warnings.append(&mut run.warnings);
            all.said.append(&mut run.said);
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
    let found = find_from(text, 0, Sections::Known(sections, doc_role));
    (found.facts, found.warnings)
}

/// The facts of `text`, a run of whole lines that starts `base` chars into the cleaned text.
pub(crate) fn find_from(text: &str, base: usize, sections: Sections) -> Found {
    // A fact's grammar and context never reach past its line (every look back or ahead stops
    // at a clause or sentence end, and a line end is both), so each line is read on its own:
    // its chars fit in cache, and the whole text is never held as chars.
    let mut found = Found {
        facts: Vec::new(),
        warnings: Vec::new(),
        said: Vec::new(),
    };
    let mut line_facts = Vec::new();
    let mut line_warnings = Vec::new();
    // Chars before the line.
    let mut base = base;
    let mut cs = Chars::new("");
    for line in crate::text::lines(text) {
        cs.set(line);
        find_in_line(
            &cs,
            base,
            sections,
            &mut line_facts,
            &mut line_warnings,
            &mut found.said,
        );
        found.facts.extend(line_facts.drain(..).map(|mut f: Fact| {
            f.start += base;
            f.end += base;
            f
        }));
        found
            .warnings
            .extend(line_warnings.drain(..).map(|mut w: Warning| {
                w.start += base;
                w.end += base;
                w
            }));
        base += cs.len();
    }
    found
}

/// Facts found with [`Sections::Later`], given their sections and roles.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(crate) fn settle(
    mut found: Found,
    sections: &[Section],
    doc_role: SectionRole,
) -> (Vec<Fact>, Vec<Warning>) {
    for (f, said) in found.facts.iter_mut().zip(found.said) {
        f.section = section_at(sections, f.start);
        let section_role = f
            .section
            .and_then(|s| sections.get(s))
            .map_or(doc_role, |s| s.role);
        f.role = said.role(section_role);
    }
    (found.facts, found.warnings)
}

/// The facts of one line, at offsets in the line (`base` is the line's offset in the text, for
/// the sections).
fn find_in_line(
    cs: &Chars,
    base: usize,
    sections: Sections,
    facts: &mut Vec<Fact>,
    warnings: &mut Vec<Warning>,
    said: &mut Vec<Said>,
) {
    // A prefix ends right before its number: the char there tells most numbers at once that
    // no prefix needs trying.
    static PREFIX_ENDS: OnceLock<CharSet> = OnceLock::new();
    let prefix_ends =
        PREFIX_ENDS.get_or_init(|| CharSet::of_lasts(PREFIXES.iter().map(|&(w, _)| w)));
    // The chars a number starts with, one bitmap look each (every char of the text is asked).
    static NUMERALS: OnceLock<CharSet> = OnceLock::new();
    let numerals = NUMERALS.get_or_init(|| CharSet::of_matching(is_cn_numeral));
    let mut i = 0;
    while i < cs.len() {
        let c = cs.get(i).copied().unwrap_or(' ');
        let starts_number = c.is_ascii_digit() || numerals.contains(c);
        if !starts_number {
            i += 1;
            continue;
        }
        // An Arabic number in the middle of digits or a code was skipped with its run.
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
        let parsed = percent_in_words(cs, i).or_else(|| {
            quantity_at(cs, pstart, i, prefix, bare_ok).filter(|q| candidate_ok(cs, i, q))
        });
        match parsed {
            Some(mut q) => {
                q.negative = negative;
                let start = if negative { i - 1 } else { q.start };
                let (mut growth, mut down) = growth_cue(cs, start);
                // `同比分别增长4.3%和53.9%`: the second of a pair shares the first's cue.
                if let Some(prev) = facts.last().filter(|p| p.kind == FactKind::Growth) {
                    let between = cs.str(prev.end, start);
                    if matches!(between, "和" | "、" | "与" | "及" | "，" | ",") {
                        growth = true;
                        down = prev.value < 0.0;
                    }
                }
                let mut kind = q.kind;
                if growth && (q.unit == "%" || q.unit.ends_with("百分点") || q.unit == "倍") {
                    kind = FactKind::Growth;
                }
                // `比去年同期增加112家`: a change against a named base, whatever its unit.
                if growth && compared(cs, start) {
                    kind = FactKind::Growth;
                }
                let sign = if q.negative || (kind == FactKind::Growth && down) {
                    -1.0
                } else {
                    1.0
                };
                let prev_end = facts.last().map_or(0, |f: &Fact| f.end);
                let (section, role) = match sections {
                    Sections::Known(sections, doc_role) => {
                        let section = section_at(sections, base + start);
                        let section_role = section
                            .and_then(|s| sections.get(s))
                            .map_or(doc_role, |s| s.role);
                        let plan = section_role == SectionRole::Plan;
                        let role = role_of(cs, &q, Some(plan), prev_end).role(section_role);
                        (section, role)
                    }
                    Sections::Later => {
                        // Set by `settle`.
                        let s = role_of(cs, &q, None, prev_end);
                        said.push(s);
                        (None, s.role(SectionRole::Other))
                    }
                };
                let mut subject = subject_of(cs, &q, prev_end);
                // `收入分别达到5.2万元和2.8万元`: the second of a pair shares the first's subject.
                if subject.is_none() {
                    if let Some(prev) = facts.last() {
                        let between = cs.str(prev.end, start);
                        if matches!(between, "和" | "、" | "与" | "及" | "至")
                            && prev.unit == q.unit
                        {
                            subject = prev.subject.clone();
                        }
                    }
                }
                if subject.is_none() && kind == FactKind::Growth {
                    // `规上新产品产值67.3亿元，同比增长22.1%`: the growth of the quantity before.
                    subject = facts.last().and_then(|f: &Fact| {
                        let between = cs.str(f.end, start);
                        (!between.contains(is_sentence_end))
                            .then(|| f.subject.clone())
                            .flatten()
                    });
                }
                if subject.is_none() && kind == FactKind::Count {
                    subject = noun_after(cs, q.end);
                }
                let span = cs.str(start, q.end).to_string();
                if q.decimal_comma {
                    warnings.push(Warning {
                        kind: WarningKind::DecimalComma,
                        start,
                        end: q.end,
                        message: format!(
                            "“{span}”: a 、 stands where a decimal point belongs; read as {}",
                            fmt_num(q.value)
                        ),
                    });
                }
                facts.push(Fact {
                    start,
                    end: q.end,
                    text: span,
                    value: sign * q.value,
                    max: q.max.map(|m| sign * m),
                    unit: q.unit.to_string(),
                    approx: q.approx,
                    kind,
                    role,
                    subject,
                    section,
                });
                i = q.end;
            }
            None => {
                // Skip the rest of this number so that its tail is not read as another.
                let mut j = i + 1;
                if c.is_ascii_digit() {
                    while cs.get(j).is_some_and(|d| d.is_ascii_digit() || *d == '.') {
                        j += 1;
                    }
                } else {
                    while cs.get(j).is_some_and(|&d| is_cn_numeral(d)) {
                        j += 1;
                    }
                }
                i = j;
            }
        }
    }
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

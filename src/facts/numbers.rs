//! Numbers as reports write them: Arabic digits with their separators and decimal points,
//! Chinese numerals, percents in words, and the 万/亿 scales after them.

use super::*;

pub(super) const RANGE_SEPS: &[char] = &['-', '—', '–', '－', '~', '～', '至', '到'];

pub(super) fn is_cn_numeral(c: char) -> bool {
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
pub(super) struct Num {
    pub(super) value: f64,
    pub(super) end: usize,
    pub(super) decimal_comma: bool,
    pub(super) chinese: bool,
}

pub(super) fn parse_arabic(cs: &[char], i: usize) -> Option<Num> {
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
        // `77 100个`: a space for the separator, each group of three before a Han char.
        let spaced = |end: usize| {
            matches!(cs.get(end), Some(' ' | '\u{a0}' | '\u{2009}'))
                && digits(end + 1) == 3
                && cs.get(end + 4).is_some_and(|&c| is_han(c) || c == ' ')
        };
        if end == i + n {
            while spaced(end) {
                s.extend(cs.get(end + 1..end + 4)?);
                end += 4;
            }
        }
    }
    // `1⏎2248元`: a hard wrap inside the digits, when the number goes on to a Han char.
    if cs.get(end) == Some(&'\n') && digits(end + 1) > 0 {
        let d = digits(end + 1);
        if cs.get(end + 1 + d).is_some_and(|&c| is_han(c)) {
            s.extend(cs.get(end + 1..end + 1 + d)?);
            end += 1 + d;
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
pub(super) struct Digits {
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
pub(super) fn parse_chinese(cs: &[char], i: usize, bare_ok: bool) -> Option<Num> {
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

pub(super) fn word_before(cs: &[char], i: usize, word: &str) -> bool {
    let n = word.chars().count();
    i >= n && starts_with_at(cs, i - n, word)
}

/// The scale after a number: 万, 亿, 万亿, 千万, 百万.
pub(super) fn scale_at(cs: &[char], i: usize) -> Option<(f64, usize)> {
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

/// `三分之二` (two thirds, 66.6667 %), with a suffix such as 以上.
fn fraction_in_words(cs: &[char], i: usize) -> Option<Quantity> {
    // A denominator of one or two numerals (三, 十二): one look at the chars after it tells
    // nearly every numeral of a text that no fraction starts there.
    if cs.get(i + 1) != Some(&'分') && cs.get(i + 2) != Some(&'分') {
        return None;
    }
    let den = parse_chinese(cs, i, false)?;
    if !starts_with_at(cs, den.end, "分之") || den.value < 2.0 {
        return None;
    }
    let from = den.end + 2;
    let num = parse_chinese(cs, from, false).or_else(|| {
        (cs.get(from) == Some(&'一')).then_some(Num {
            value: 1.0,
            end: from + 1,
            decimal_comma: false,
            chinese: true,
        })
    })?;
    if num.value >= den.value {
        return None;
    }
    let value = (num.value / den.value * 100.0 * 1e4).round() / 1e4;
    Some(in_words(cs, i, num.end, value))
}

/// `八成以上` (80 % or more): a Chinese digit with 成 for tenths; not 成 that starts a word
/// (`三成员`, `成为`, `成果`) nor a lone 一 (`一成不变`).
fn tenths(cs: &[char], i: usize) -> Option<Quantity> {
    let d = crate::text::cn_digit(*cs.get(i)?)?;
    if d <= 1 || cs.get(i + 1) != Some(&'成') {
        return None;
    }
    let before_numeral = i
        .checked_sub(1)
        .and_then(|p| cs.get(p))
        .is_some_and(|&c| is_cn_numeral(c));
    let word_after = cs
        .get(i + 2)
        .is_some_and(|&c| "员为立功效果本长就绩交熟型品片群套规倍不".contains(c));
    if before_numeral || word_after {
        return None;
    }
    Some(in_words(cs, i, i + 2, f64::from(d) * 10.0))
}

/// A percent written in words from `start`, its number ending at `end`, with its suffix.
fn in_words(cs: &[char], start: usize, end: usize, value: f64) -> Quantity {
    let mut end = end;
    let approx = suffix_at(cs, end).map(|(ap, e)| {
        end = e;
        ap
    });
    Quantity {
        start,
        end,
        value,
        max: None,
        unit: "%",
        kind: FactKind::Percent,
        approx,
        decimal_comma: false,
        negative: false,
        lost_unit: false,
    }
}

/// `百分之三十` (30%), `百分之十五点五`, `千分之五` (5‰), with a suffix such as 以上.
pub(super) fn percent_in_words(cs: &[char], i: usize) -> Option<Quantity> {
    let (unit, from) = if starts_with_at(cs, i, "百分之") {
        ("%", i + 3)
    } else if starts_with_at(cs, i, "千分之") {
        ("‰", i + 3)
    } else if starts_with_at(cs, i, "万分之") {
        ("‱", i + 3)
    } else {
        return fraction_in_words(cs, i).or_else(|| tenths(cs, i));
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
        lost_unit: false,
    })
}

/// Reads a number with its modifiers and scale: `2100多万`, `22、5万`, `两千`.
pub(super) fn number_with_scale(
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
        // `4万多亿元`: more than 4 万亿.
        if let Some((m2, e)) = scale.and_then(|_| scale_at(cs, k)) {
            scale = scale.map(|m| m * m2);
            k = e;
        }
    }
    let mut num = num;
    if let Some(m) = scale.filter(|_| !more && !num.chinese) {
        if let Some((rest, e)) = lower_magnitude(cs, k, m) {
            num.value += rest / m;
            k = e;
        }
    }
    Some((num, scale, more, k))
}

/// The lower part of a number of mixed magnitudes after its scale `m` (`12 万 345 人次`,
/// `3万4,567人`, `1 亿 2,000 万元`): its value in base units and where it ends. A bare number
/// must be below the scale and have its unit after it; a scaled one a smaller scale.
fn lower_magnitude(cs: &[char], k: usize, m: f64) -> Option<(f64, usize)> {
    let spaces = |from: usize| {
        cs.iter()
            .skip(from)
            .take_while(|&&c| c == ' ' || c == '\u{a0}')
            .count()
    };
    let at = k + spaces(k);
    if !cs.get(at).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let n = parse_arabic(cs, at)?;
    if n.decimal_comma || n.value.fract() != 0.0 {
        return None;
    }
    let after = n.end + spaces(n.end);
    match scale_at(cs, after) {
        Some((m2, e)) if m2 < m && n.value * m2 < m => Some((n.value * m2, e)),
        Some(_) => None,
        None if n.value < m && unit_at(cs, after).is_some() => Some((n.value, after)),
        None => None,
    }
}

/// `v × mult`, rounded off the noise of binary floating point (8.2 × 1e8 is
/// 819999999.9999999).
pub(super) fn scaled(v: f64, mult: f64) -> f64 {
    if mult == 1.0 {
        return v;
    }
    // A number written with a few decimals times a 万 or 亿 is whole: 9356.7 × 1e8 is
    // 935670000000.0002 in binary floating point.
    let x = v * mult;
    let whole = x.round();
    if (x - whole).abs() <= 1e-9 * x.abs().max(1.0) {
        whole
    } else {
        (x * 1e4).round() / 1e4
    }
}

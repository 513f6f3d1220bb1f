//! The span grammar: an approximating prefix, the number (or a range), its unit and an
//! approximating suffix; and the checks that refuse ordinals, codes, names and slogans.

use super::*;

pub(super) const PREFIXES: &[(&str, Option<Approx>)] = &[
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

pub(super) const SUFFIXES: &[(&str, Approx)] = &[
    ("及以上", Approx::More),
    ("及以下", Approx::Less),
    ("以上", Approx::More),
    ("以内", Approx::Less),
    ("以下", Approx::Less),
    ("左右", Approx::About),
    ("上下", Approx::About),
];

/// The approximating suffix at `i` (`以上`, `左右`, …) and where it ends.
pub(super) fn suffix_at(cs: &[char], i: usize) -> Option<(Approx, usize)> {
    SUFFIXES
        .iter()
        .find(|(w, _)| starts_with_at(cs, i, w))
        .map(|&(w, ap)| (ap, i + w.chars().count()))
}

/// A one-character prefix that is the end of a word is no prefix: 签约7项, 最近3年, 赶超.
/// 数 approximates only a Chinese round number (数十家, 数千人).
pub(super) fn prefix_ok(cs: &[char], i: usize, w: &str) -> bool {
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

/// One quantity as the grammar reads it.
pub(super) struct Quantity {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) max: Option<f64>,
    /// From the closed list of units: a string is made only for a fact.
    pub(super) unit: &'static str,
    pub(super) kind: FactKind,
    pub(super) approx: Option<Approx>,
    pub(super) decimal_comma: bool,
    pub(super) negative: bool,
    /// A rate or share whose `%` was lost (`增长26.1`).
    pub(super) lost_unit: bool,
}

/// Reads a quantity whose number starts at `i` (after any prefix at `pstart..i`).
pub(super) fn quantity_at(
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
    // `7⏎场`: a hard wrap between the number and its unit.
    let k = if !a.chinese && cs.get(k) == Some(&'\n') && unit_at(cs, k + 1).is_some() {
        k + 1
    } else {
        k
    };
    let (unit, kind, mut end) = match unit_at(cs, k) {
        Some((u, _, e)) if unit_is_word(u, cs.get(e).copied()) => return None,
        Some((u, kind, e)) => (u, kind, e),
        None if scale.is_some() => {
            // `参与人次达15万`: the unit was named before the number; `拨出426亿及100亿澳门元`:
            // after the number it pairs with; `累计7.8亿`: money when the clause speaks of it
            // and nothing is counted after the number (`71.3万监测对象` counts 监测对象); else
            // a plain count.
            match unit_named_before(cs, pstart).or_else(|| unit_of_pair(cs, k)) {
                Some((u, kind)) => (u, kind, k),
                None if about_money(cs, pstart) && !noun_follows(cs, pstart, k) => {
                    ("元", FactKind::Money, k)
                }
                None => ("", FactKind::Count, k),
            }
        }
        // `受教育年限提高到11.3年`: a number of years with a fraction is a level, never a date.
        None if a.value.fract() != 0.0 && cs.get(k) == Some(&'年') => {
            ("年", FactKind::Measure, k + 1)
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
        // `比去年同期增长42。`: a rate whose `%` the site lost.
        None if !a.chinese
            && scale.is_none()
            && ends_clause(cs, k)
            && !matches!(cs.get(k), Some(':' | '：')) =>
        {
            match lost_rate(cs, pstart) {
                Some(kind) => ("", kind, k),
                None => return None,
            }
        }
        None => return None,
    };
    let lost_unit = unit.is_empty() && matches!(kind, FactKind::Growth | FactKind::Percent);
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
        lost_unit,
    })
}

/// True when the clause ends at `k` (a mark, the line's end, or an approximating suffix).
fn ends_clause(cs: &Chars, k: usize) -> bool {
    cs.get(k).is_none_or(|&c| is_boundary(c) || c == '？') || suffix_at(cs, k).is_some()
}

/// The kind of a number with no unit whose clause says it is a rate: a change (`同比增长`,
/// `下降`) or a share or rate (`占…比重`, `失业率`).
fn lost_rate(cs: &Chars, pstart: usize) -> Option<FactKind> {
    if growth_cue(cs, pstart).0 {
        return Some(FactKind::Growth);
    }
    let clause = clause_before(cs, pstart);
    let clause = clause.trim_end_matches(['为', '达', '是', '了']);
    let share = clause.starts_with('占')
        || ["比重", "比例", "占比", "率"]
            .iter()
            .any(|w| clause.ends_with(w));
    share.then_some(FactKind::Percent)
}

/// The unit of the number that `k` (right after a scaled number with none) pairs with:
/// `426亿及100亿澳门元`.
fn unit_of_pair(cs: &Chars, k: usize) -> Option<(&'static str, FactKind)> {
    if !matches!(cs.get(k), Some('及' | '和' | '与' | '、')) {
        return None;
    }
    let (b, b_scale, _, e) = number_with_scale(cs, k + 1, false)?;
    if b.chinese || b_scale.is_none() {
        return None;
    }
    unit_at(cs, e)
        .filter(|&(u, _, e2)| !unit_is_word(u, cs.get(e2).copied()))
        .map(|(u, kind, _)| (u, kind))
}

/// True when a scaled number opens its clause and Han chars follow it: it counts the noun
/// after it (`71.3万监测对象稳定脱贫`), it is no sum of money.
fn noun_follows(cs: &Chars, pstart: usize, k: usize) -> bool {
    clause_before(cs, pstart).trim().is_empty() && cs.get(k).is_some_and(|&c| is_han(c))
}

/// The clause before `i`, back to the last clause boundary.
pub(super) fn clause_before<'a>(cs: &Chars<'a>, i: usize) -> &'a str {
    cs.str(back_to(cs, i, is_boundary), i)
}

/// [`clause_before`] `i`, only the words after `prev_end` (where the number before ended).
pub(super) fn clause_since<'a>(cs: &Chars<'a>, i: usize, prev_end: usize) -> &'a str {
    cs.str(back_to(cs, i, is_boundary).max(prev_end.min(i)), i)
}

/// How far back the context of a number is read: bounded, so that text without punctuation
/// costs linear time.
pub(super) const LOOKBACK: usize = 200;

/// The position after the last char before `i` (within [`LOOKBACK`]) for which `stop` holds.
pub(super) fn back_to(cs: &[char], i: usize, stop: impl Fn(char) -> bool) -> usize {
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
pub(super) fn ideograph(c: char) -> bool {
    (c as u32).wrapping_sub(0x4E00) < 0x5200
}

pub(super) fn is_boundary(c: char) -> bool {
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

pub(super) fn is_sentence_end(c: char) -> bool {
    !ideograph(c) && matches!(c, '。' | '；' | ';' | '！' | '？' | '\n')
}

/// True when `i..end` sits inside a short quotation (`“三个代表”`, `“330海外英才计划”`) or a
/// title in book marks (`《四个创新加快科技成果转化》`): a slogan or a name, not a quantity.
pub(super) fn in_quote_or_title(cs: &[char], i: usize, end: usize) -> bool {
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
pub(super) fn in_numeral_list(cs: &[char], i: usize) -> bool {
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

/// Refuses quantities that measure no result: a class or threshold (`20户以上自然村`,
/// `150万吨以上的园区`, `不到100万元的部分`, `起征点`), a specification in a name (`25兆瓦级`,
/// `最高10米的支架`), a count that names a set's parts (`五个方面`) or a body of rules
/// (`八项规定`), or a text's length
/// (`28337个字`), a duration (`通过3个月的筹备`, `连续3年`), a circumstance (`在…减少200人的
/// 情况下`), a base to compare with (`从不到70万亿元增加到…`) and a rate in a policy's name
/// (`加计扣除75%政策`).
pub(super) fn measures_a_result(cs: &Chars, q: &Quantity) -> bool {
    // Each look is made only where its cheap condition holds: this runs for every fact.
    let next = cs.get(q.end).copied();
    let after = cs.str(q.end, (q.end + 8).min(cs.len()));
    let before = || clause_before(cs, q.start);
    let char_before = q.start.checked_sub(1).and_then(|p| cs.get(p)).copied();
    let measure_or_money = matches!(q.kind, FactKind::Measure | FactKind::Money);
    if measure_or_money && next == Some('级') {
        return false;
    }
    if q.kind == FactKind::Measure {
        let before = before();
        if ["最高", "最大", "最长", "最深", "最宽", "首台", "首套"]
            .iter()
            .any(|w| before.ends_with(w))
        {
            return false;
        }
    }
    // A bound followed by what it bounds: a class of things, not a quantity of them.
    if q.approx.is_some_and(|ap| ap != Approx::About) {
        let text = cs.str(q.start, q.end);
        let bound = SUFFIXES
            .iter()
            .any(|&(w, ap)| ap != Approx::About && text.ends_with(w))
            || (q.approx == Some(Approx::Less) && next == Some('的'));
        let noun_next =
            next.is_some_and(|c| c == '的' || (is_han(c) && !"和及并等将要在为是或与".contains(c)));
        if bound && noun_next {
            let before = before();
            let opens = before.is_empty() || before.ends_with(['和', '及', '与', '或']);
            if measure_or_money || opens {
                return false;
            }
        }
    }
    if q.kind == FactKind::Money {
        let before = before();
        if before.contains(['征', '槛'])
            && ["起征点", "门槛", "免征额"]
                .iter()
                .any(|w| contains_word(before, w))
        {
            return false;
        }
    }
    if matches!(q.unit, "个") && (after.starts_with("方面") || after.starts_with('字')) {
        return false;
    }
    let duration = matches!(q.unit, "个月" | "天" | "小时" | "年" | "周");
    if duration
        && (next == Some('的')
            || ["连续", "历时", "经过", "通过", "为期", "用了"]
                .iter()
                .any(|w| before().ends_with(w)))
    {
        return false;
    }
    if after.starts_with('的')
        && ["的情况下", "的前提下", "的背景下"]
            .iter()
            .any(|w| after.starts_with(w))
    {
        return false;
    }
    let base_of_change = matches!(char_before, Some('从' | '由'))
        && [
            "增加到",
            "提高到",
            "增长到",
            "扩大到",
            "上升到",
            "下降到",
            "减少到",
            "降至",
            "降到",
            "提高至",
            "增至",
            "到",
            "至",
        ]
        .iter()
        .any(|w| after.starts_with(w));
    if base_of_change {
        return false;
    }
    if q.unit == "%" && after.starts_with("政策") {
        return false;
    }
    // `在31个省区中，…有23个…`: a sentence opened by a set of peers (`在…中，`) and what its
    // members do, not the report's own (`在12个基地考核中居前列` counts the report's peers and
    // stays a fact). The frame opens the sentence a few clauses before: 60 chars back are
    // enough, and a 在 among them is looked for first.
    let among = |s: &str| contains_word(s, "中，") || contains_word(s, "中,");
    let lo = q.start.saturating_sub(60);
    let back = cs.get(lo..q.start).unwrap_or(&[]);
    if back.contains(&'在') {
        let opens = back
            .iter()
            .rposition(|&c| is_sentence_end(c))
            .map_or(lo, |p| lo + p + 1);
        let sentence = cs.str(opens, q.start);
        let frame = sentence.strip_prefix('在').is_some_and(|r| {
            r.starts_with(|c: char| c.is_ascii_digit() || is_cn_numeral(c)) && among(r)
        });
        let frame_itself = before().starts_with('在') && {
            let rest_len = cs
                .iter()
                .skip(q.end)
                .take(16)
                .take_while(|&&c| !matches!(c, '。' | '；' | ';' | '\n'))
                .count();
            among(cs.str(q.end, q.end + rest_len + 1))
        };
        if frame || frame_itself {
            return false;
        }
    }
    if next == Some('的') {
        // `根据中央确定的增长7%的目标`: another body's figure cited as the basis.
        let before = before();
        if before.starts_with("根据") || before.starts_with("依据") {
            return false;
        }
        // `保障好14亿人的粮食安全`: a population as the background of a sentence.
        if q.unit == "人" && q.value >= 1e8 {
            return false;
        }
    }
    // `18条产业链`, `10个产业集群` before their noun: the count names a set.
    if q.kind == FactKind::Count {
        let noun = cs.str(q.end, (q.end + 10).min(cs.len()));
        let noun = noun.split(|c: char| !is_han(c)).next().unwrap_or("");
        if noun.contains(['链', '群'])
            && (contains_word(noun, "产业链") || contains_word(noun, "集群"))
        {
            return false;
        }
        // `中央八项规定`, `六项纪律`: a body of rules named by how many it holds, in words.
        let in_words = cs.get(q.start).is_some_and(|&c| is_cn_numeral(c));
        if in_words
            && matches!(q.unit, "项" | "条" | "个")
            && RULE_SETS.iter().any(|w| noun.starts_with(w))
        {
            return false;
        }
    }
    true
}

/// Nouns that, after a count in words, name a body of rules (`八项规定`, `六项纪律`), not
/// rules made or met.
const RULE_SETS: &[&str] = &["规定", "纪律", "原则", "禁令", "准则", "铁律"];

/// Refuses ordinals, codes and names.
pub(super) fn candidate_ok(cs: &[char], num_start: usize, q: &Quantity) -> bool {
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

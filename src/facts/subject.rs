//! Subject: the noun phrase the number measures, from the clause before it (without lead-ins
//! and linking verbs) or the noun after a count.

use super::*;

pub(super) const LEAD_WORDS: &[&str] = &[
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
    "安排",
    "完成",
    "实现",
    "实际",
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
pub(super) const TRAIL_WORDS: &[&str] = &[
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
    // Adverbs of a pair or a set moving together (`存贷款余额双双增长12%`).
    "双双",
    "同步",
];

/// A clause's opening date (`2013年`, `1-6月份`, `5月`), which says when, not what.
pub(super) fn strip_time_lead(s: &str) -> &str {
    let digits = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .count();
    if digits == 0 {
        return s;
    }
    let rest = s.get(digits..).unwrap_or("");
    for w in ["年度", "年", "月份", "月"] {
        if let Some(r) = rest.strip_prefix(w) {
            return r;
        }
    }
    s
}

/// The words that say what was counted: the clause before the number, without lead-ins and
/// linking verbs; null when nothing is left or the clause is too long to be a subject.
pub(super) fn subject_of(cs: &Chars, q: &Quantity, prev_end: usize) -> Option<String> {
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
    // `人均收入从不到3万元增加到4.6万元`: the base of the change is not part of the subject.
    // `棉花由224万吨增加到`: 由 likewise.
    let s = match s.find(['从', '由']) {
        Some(b)
            if s.get(b + '从'.len_utf8()..).is_some_and(|r| {
                r.chars()
                    .take(3)
                    .any(|c| c.is_ascii_digit() || is_cn_numeral(c))
            }) =>
        {
            s.get(..b).unwrap_or(s)
        }
        _ => s,
    };
    let n = s.chars().count();
    // A lone character, or a verb with no object (`组织`, `申报`), says nothing of what was
    // counted: null rather than wrong.
    if n <= 1 || n > 30 || !s.chars().any(is_han) || (n <= 3 && BARE_VERBS.contains(&s)) {
        return None;
    }
    Some(s.to_string())
}

/// The noun a count is followed by (`申报1家省级科技孵化器`, `组织7家农业企业到…`), when the
/// words before it name no subject: Han characters up to a verb, preposition or punctuation.
pub(super) fn noun_after(cs: &Chars, end: usize) -> Option<String> {
    static STOP: OnceLock<CharSet> = OnceLock::new();
    let stop = STOP.get_or_init(|| {
        CharSet::of_matching(|c| {
            "到在参加开展进行被为与对向了的等和及并将从于由把给让均已都".contains(c)
        })
    });
    let n = cs
        .iter()
        .skip(end)
        .take(13)
        .take_while(|&&c| is_han(c) && !stop.contains(c))
        .count();
    let noun = cs.str(end, end + n);
    // The verb the noun goes on to (`三分之二的乡镇完成改造`) is no part of it.
    static VERB_FIRSTS_SET: OnceLock<CharSet> = OnceLock::new();
    let verb_firsts =
        VERB_FIRSTS_SET.get_or_init(|| CharSet::of_matching(|c| VERB_FIRSTS.contains(c)));
    let cut = noun.char_indices().find(|&(b, c)| {
        verb_firsts.contains(c)
            && noun
                .get(b..)
                .is_some_and(|r| VERBS_AFTER.iter().any(|v| starts_with_word(r, v)))
    });
    let noun = cut.and_then(|(b, _)| noun.get(..b)).unwrap_or(noun);
    let n = noun.chars().count();
    // The bare verbs are of two or three chars: a longer noun is none of them.
    ((2..=12).contains(&n) && (n > 3 || !BARE_VERBS.contains(&noun))).then(|| noun.to_string())
}

/// The first chars of [`VERBS_AFTER`].
const VERB_FIRSTS: &str = "完建实达获纳全稳通开设";

/// Verbs that end the noun after a number: `…的乡镇完成改造`.
const VERBS_AFTER: &[&str] = &[
    "完成", "建成", "实现", "达到", "获得", "纳入", "全部", "稳定", "通过", "开展", "设立",
];

/// Verbs that, standing alone before a number, name the action and not the thing counted.
pub(super) const BARE_VERBS: &[&str] = &[
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

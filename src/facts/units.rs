//! Units and measure words: the closed list a number must reach to be a fact, the words
//! that begin with a measure word without being one, and the unit a clause names before its
//! number.

use super::*;

/// Measure words and units, longest first where one is a prefix of another.
pub(super) const UNITS: &[(&str, FactKind)] = &[
    // Rates, before the units they start with.
    ("微克/立方米", FactKind::Measure),
    ("毫克/立方米", FactKind::Measure),
    ("百亿亿次/秒", FactKind::Measure),
    ("亿亿次/秒", FactKind::Measure),
    ("次/秒", FactKind::Measure),
    ("公里/小时", FactKind::Measure),
    ("千米/小时", FactKind::Measure),
    ("立方米/秒", FactKind::Measure),
    ("元/吨", FactKind::Money),
    ("元/千瓦时", FactKind::Money),
    ("元/平方米", FactKind::Money),
    ("元/人", FactKind::Money),
    ("元/亩", FactKind::Money),
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
    ("斤", FactKind::Measure),
    ("担", FactKind::Measure),
    ("岁", FactKind::Measure),
    ("吨", FactKind::Measure),
    ("米", FactKind::Measure),
    ("天", FactKind::Measure),
    ("倍", FactKind::Measure),
    ("美元", FactKind::Money),
    ("澳门元", FactKind::Money),
    ("澳门币", FactKind::Money),
    ("新台币", FactKind::Money),
    ("港币", FactKind::Money),
    ("人民币", FactKind::Money),
    ("日元", FactKind::Money),
    ("英镑", FactKind::Money),
    ("欧元", FactKind::Money),
    ("港元", FactKind::Money),
    ("元", FactKind::Money),
    ("人次", FactKind::Count),
    ("班次", FactKind::Count),
    ("架次", FactKind::Count),
    ("百羽", FactKind::Count),
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
    ("例", FactKind::Count),
    ("列", FactKind::Count),
];

pub(super) fn unit_at(cs: &[char], i: usize) -> Option<(&'static str, FactKind, usize)> {
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
pub(super) const UNIT_WORDS: &[(&str, &str)] = &[
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
    ("次", "年日要序产"),
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
    ("例", "如外行会"),
    ("列", "入为车出席举支明"),
    ("担", "任当负保心忧纲子"),
    ("岁", "月末"),
    ("斤", "斤"),
];

pub(super) fn unit_is_word(unit: &str, next: Option<char>) -> bool {
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
pub(super) fn one_char(s: &str) -> Option<char> {
    let mut cs = s.chars();
    let c = cs.next()?;
    cs.next().is_none().then_some(c)
}

/// Words that say a sum of money is meant when a 万/亿 number has no unit after it.
pub(super) const MONEY_WORDS: &[&str] = &[
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

pub(super) fn about_money(cs: &Chars, pstart: usize) -> bool {
    let from = back_to(cs, pstart, is_sentence_end);
    let sentence = cs.str(from, pstart);
    MONEY_WORDS.iter().any(|w| contains_word(sentence, w))
}

/// The unit a clause names before its number: `参与人次达15万` counts 人次.
pub(super) fn unit_named_before(cs: &Chars, pstart: usize) -> Option<(&'static str, FactKind)> {
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

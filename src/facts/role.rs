//! Role: what the clause's own words say (a result, a target, or open) and, when they say
//! nothing, what the section says.

use super::*;

/// Words that make the numbers after them in a sentence plans. Bare 将 and 要 are too
/// common (主要, 将…作为) to count; 计划 and 目标 also name programmes (科技计划项目) and
/// stock phrases (以…为目标), so only their verb uses count. 争取 is no cue outside a plan
/// section (争取资金 is money won), and inside one every number is a target already.
pub(super) const TARGET_CUES: &[&str] = &[
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
pub(super) const NOT_CUES: &[&str] = &["模拟", "虚拟"];
/// Words that make a clause report a result. Bare 共 is not one (企校共建); 共 opening the
/// clause (`共列出服务企业230家`) or right before the number (`共12项`) is, checked apart.
pub(super) const DONE_CUES: &[&str] = &[
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
pub(super) fn role_of(
    cs: &Chars,
    q: &Quantity,
    plan_section: Option<bool>,
    prev_end: usize,
) -> Said {
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

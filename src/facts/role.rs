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
    "将于",
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
/// Life expectancy (`预期寿命`) is no 预期 (nor an expectation met or missed:
/// [`met_or_missed`]); an
/// estimate of what a period just ended came to (`预计完成`, `预计全县生产总值…`) is no plan.
pub(super) const NOT_CUES: &[&str] = &[
    "模拟",
    "虚拟",
    "预期寿命",
    "预计完成",
    "预计实现",
    "预计数",
    "预计全县",
    "预计全市",
    "预计全区",
    "预计全省",
];
/// True when the cue at byte `at` of `sentence` is an expectation met or missed (`好于预期`,
/// `超出预期`): told by the words before it, so that the list of cues needs no words that
/// start with chars as common as 不 or 高.
fn met_or_missed(sentence: &str, at: usize) -> bool {
    let before = sentence.get(..at).unwrap_or("");
    sentence.get(at..).is_some_and(|s| s.starts_with("预期"))
        && ["好于", "超出", "超", "高于", "低于", "不及", "符合", "不如"]
            .iter()
            .any(|w| before.ends_with(w))
}

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

/// What the sentence's own words say of a fact's role, and what its line says ([`LineCues`]);
/// the section decides the rest ([`Said::role`]). `plan` says the number stands in a plan
/// section, when that is known (it only spares looking for cues).
pub(super) fn role_of(
    cs: &Chars,
    q: &Quantity,
    prev_end: usize,
    line: &LineCues,
    plan: bool,
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
    // The parts of a planned total are planned (`已立项的项目12个` among the projects to
    // start); so is an estimated total of a time to come (`预计共有`).
    let estimated_total = || {
        clause.contains('预')
            && (contains_word(clause, "预计共") || contains_word(clause, "预计累计"))
    };
    if line.in_target_breakdown() || estimated_total() {
        return Said::Target;
    }
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
            .any(|(at, _, list)| list == 0 && !met_or_missed(sentence, at))
    };
    // `兴建约2万个单位的目标`, `其中3千个单位将于明年完工`: the number is
    // what a target holds, or what the clause says is to come.
    // One char look before each word: nearly no clause after a number holds 目 or 将.
    let to_come = || {
        static TO_COME: OnceLock<Words> = OnceLock::new();
        after.contains(['目', '将'])
            && words(&TO_COME, &[&["的目标", "将于", "将在"]]).is_match(after)
    };
    // In a plan section every number that reports no result is a target, cue or none.
    if plan && !line.review {
        return Said::Target;
    }
    if line.target_list || line.target_sentence || cue() || to_come() {
        Said::Target
    } else if line.review {
        Said::Done
    } else if clause.contains('控')
        && contains_word(clause, "控制在")
        && q.approx == Some(Approx::Less)
    {
        // `失业率控制在5%以内`: a ceiling set, unless a review reports it was kept.
        Said::Bound
    } else {
        Said::Open
    }
}

/// What a line says of the roles of its numbers: it opens by looking back (`过去五年，…`,
/// `一年来`), or a colon has opened a list of targets (`主要预期目标是：…`) before the number.
pub(super) struct LineCues {
    pub(super) review: bool,
    pub(super) target_list: bool,
    /// A comma has opened a list of targets that runs to the sentence's end (`主要预期目标
    /// 是，生产总值增长7%左右，…，…。`).
    pub(super) target_sentence: bool,
    /// The open brackets, each with whether it breaks down a target just before it
    /// (`计划开工项目42个，总投资14亿元（包括：已立项的项目12个…）`: the parts are planned too).
    brackets: Vec<bool>,
}

/// Openings of a paragraph that looks back on the period reported.
const REVIEW_OPENERS: &[&str] = &["过去", "去年", "上年", "回顾", "这一年", "这五年"];

/// Words of a sentence that announces the targets listed after its colon, and words that
/// make it report on them instead (`目标完成情况：`, `围绕年初确定的目标：`).
const PLAN_LEADS: &[&str] = &[
    "目标",
    "预期",
    "工作安排",
    "体系安排",
    "工作计划",
    "工作打算",
    "工作思路",
    "做好以下",
    "抓好以下",
    "主要任务",
    "重点工作",
];
const REPORT_WORDS: &[&str] = &[
    "完成",
    "情况",
    "实现",
    "成效",
    "成绩",
    "取得",
    "回顾",
    "确定的",
    "年初",
    "围绕",
];

impl LineCues {
    pub(super) fn new(cs: &Chars) -> LineCues {
        let opening = cs.str(0, cs.len().min(12));
        let opening = opening.trim_start_matches([' ', '\u{3000}', '\t']);
        // `一年来`, `五年来`, `今年以来` within the first words.
        let years = opening
            .char_indices()
            .nth(6)
            .and_then(|(b, _)| opening.get(..b))
            .unwrap_or(opening);
        let review = REVIEW_OPENERS.iter().any(|w| opening.starts_with(w))
            || (years.contains('年')
                && (contains_word(years, "年来") || contains_word(years, "年以来")));
        LineCues {
            review,
            target_list: false,
            target_sentence: false,
            brackets: Vec::new(),
        }
    }

    /// Takes in a mark the line reader passes at `k`: a colon that opens a list of targets
    /// (also a lead for the rest of the document: `leads`, line offsets), a comma that opens
    /// one for its sentence, a sentence end that closes it, or a bracket;
    /// `prev` is where the fact before ended and whether it is a target.
    pub(super) fn mark(
        &mut self,
        cs: &Chars,
        k: usize,
        prev: Option<(usize, bool)>,
        leads: &mut Vec<usize>,
    ) {
        match cs.get(k) {
            Some('：' | ':') => {
                // The clause before the colon, or when it names nothing its whole sentence
                // (`…指标体系安排，具体为：`).
                let clause = cs.str(back_to(cs, k, is_boundary), k);
                let sentence = cs.str(back_to(cs, k, is_sentence_end), k);
                static LEADS: OnceLock<Words> = OnceLock::new();
                static REPORTS: OnceLock<Words> = OnceLock::new();
                let leads_in = |s: &str| words(&LEADS, &[PLAN_LEADS]).is_match(s);
                let span = if leads_in(clause) { clause } else { sentence };
                if leads_in(span) && !words(&REPORTS, &[REPORT_WORDS]).is_match(span) {
                    self.target_list = true;
                    leads.push(k);
                }
            }
            Some('，' | ',') => {
                // `目标是，` / `目标为，`: looked at only where the two chars before say so.
                let lead = k >= 2
                    && cs.get(k - 2) == Some(&'标')
                    && matches!(cs.get(k - 1), Some('是' | '为'));
                if lead {
                    static REPORTS: OnceLock<Words> = OnceLock::new();
                    let clause = cs.str(back_to(cs, k, is_boundary), k);
                    if !words(&REPORTS, &[REPORT_WORDS]).is_match(clause) {
                        self.target_sentence = true;
                    }
                }
            }
            Some('。' | '！' | '？') => self.target_sentence = false,
            Some('（' | '(') => {
                let opens_breakdown = prev.is_some_and(|(end, target)| {
                    target
                        && end <= k
                        && cs
                            .get(end..k)
                            .is_some_and(|s| s.iter().all(|&c| matches!(c, '，' | ',')))
                });
                self.brackets.push(opens_breakdown);
            }
            Some('）' | ')') => {
                self.brackets.pop();
            }
            _ => {}
        }
    }

    /// True inside a breakdown of a target (see `brackets`).
    pub(super) fn in_target_breakdown(&self) -> bool {
        self.brackets.last() == Some(&true)
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
    /// A ceiling set (`控制在…以内`): a result in a review section, else a target.
    Bound,
}

impl Said {
    /// The role, in a section whose role is `section_role`.
    pub(crate) fn role(self, section_role: SectionRole) -> FactRole {
        match self {
            Said::Done => FactRole::Achievement,
            Said::Target => FactRole::Target,
            Said::Open if section_role == SectionRole::Plan => FactRole::Target,
            Said::Open => FactRole::Achievement,
            Said::Bound if section_role == SectionRole::Review => FactRole::Achievement,
            Said::Bound => FactRole::Target,
        }
    }
}

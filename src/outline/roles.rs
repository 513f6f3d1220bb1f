//! Section roles (`review`, `plan`, `problems`, `other`) from a heading's words, an article's
//! opening paragraph and the years headings name.

use crate::report::{Section, SectionRole};
use crate::text::Words;
use std::sync::OnceLock;

/// The role a heading's words give, if any.
pub(crate) fn role_of(title: &str) -> Option<SectionRole> {
    // Work said to be done is a review, whatever plan words it names (`目标任务圆满完成`).
    const DONE: &[&str] = &[
        "全面完成",
        "圆满完成",
        "超额完成",
        "顺利完成",
        "胜利完成",
        "如期完成",
    ];
    if DONE.iter().any(|w| title.contains(w)) {
        return Some(SectionRole::Review);
    }
    // Not bare 计划 or 规划: 科技计划项目 and 规划编制 are work done.
    const PLAN: &[&str] = &[
        "思路",
        "工作计划",
        "年计划",
        "计划与",
        "打算",
        "工作重点",
        "重点工作",
        "下一步",
        "下半年",
        "明年",
        "工作安排",
        "要点",
        "目标任务",
        "主要任务",
        "展望",
        "今后",
        "工作任务",
        "未来",
        "施政重点",
        "施政方针",
        "施政规划",
        "总体要求",
        "政策取向",
        "预期目标",
        "建议",
        "下一阶段",
        "计划草案",
        // What a coming period is meant to bring (`“十五五”时期发展的主要考虑`, `…的主要目标`).
        "主要考虑",
        "总体考虑",
        "主要目标",
        "发展目标",
        "奋斗目标",
    ];
    const PROBLEMS: &[&str] = &[
        "存在问题",
        "存在的问题",
        "问题",
        "不足",
        "困难",
        "差距",
        "短板",
    ];
    const REVIEW: &[&str] = &[
        "主要工作",
        "工作总结",
        "总结",
        "成效",
        "成绩",
        "回顾",
        "完成情况",
        "开展情况",
        "主要做法",
        "取得",
        "工作情况",
        "进展",
        "上半年",
        "一年来",
        "亮点",
        "成果",
        "施政成果",
        "过去一年",
        "过去五年",
        "执行情况",
    ];
    const SUMMARY: &[&str] = &["总结"];
    // How a plan was carried out is a review of it (`…计划执行情况`, `目标任务完成情况`).
    const CARRIED_OUT: &[&str] = &[
        "计划完成情况",
        "计划执行情况",
        "计划落实情况",
        "计划的执行情况",
        "目标完成情况",
        "任务完成情况",
    ];
    static WORDS: OnceLock<Words> = OnceLock::new();
    let lists = WORDS
        .get_or_init(|| Words::new(&[PLAN, PROBLEMS, REVIEW, SUMMARY, CARRIED_OUT]))
        .lists_in(title);
    let (plan, problems, review, summary, carried_out) = (
        lists & 1 != 0,
        lists & 2 != 0,
        lists & 4 != 0,
        lists & 8 != 0,
        lists & 16 != 0,
    );
    if carried_out {
        Some(SectionRole::Review)
    } else if plan && !summary {
        Some(SectionRole::Plan)
    } else if problems {
        Some(SectionRole::Problems)
    } else if review {
        Some(SectionRole::Review)
    } else if plan {
        Some(SectionRole::Plan)
    } else {
        None
    }
}

/// The role an article's opening paragraph gives: a review speaks of the year done.
pub(super) fn intro_role(intro: &str) -> Option<SectionRole> {
    const REVIEW: &[&str] = &[
        "一年来",
        "今年以来",
        "过去一年",
        "取得了",
        "取得显著",
        "回顾",
    ];
    const PLAN: &[&str] = &["明年", "下一步", "今后", "将继续", "计划"];
    if REVIEW.iter().any(|w| intro.contains(w)) {
        Some(SectionRole::Review)
    } else if PLAN.iter().any(|w| intro.contains(w)) {
        Some(SectionRole::Plan)
    } else {
        None
    }
}

/// A year named in a heading (`2016年`, `2017年度`).
fn year_in(title: &str) -> Option<u32> {
    let cs: Vec<char> = title.chars().collect();
    cs.windows(5).find_map(|w| {
        let digits: String = w.get(..4)?.iter().collect();
        let y: u32 = digits.parse().ok()?;
        ((1950..=2100).contains(&y) && w.get(4) == Some(&'年')).then_some(y)
    })
}

/// Top headings without role words but with years (`…推进2016年科技工作`, `…推进2017年科技
/// 工作`): within an article the earliest year is the review, the latest the plan.
pub(super) fn year_roles(sections: &[Section]) -> Vec<Option<SectionRole>> {
    let mut roles = vec![None; sections.len()];
    let mut k = 0;
    while k < sections.len() {
        let e = (k + 1..sections.len())
            .find(|&j| sections.get(j).is_some_and(|s| s.level == 0))
            .unwrap_or(sections.len());
        let years: Vec<(usize, u32)> = (k..e)
            .filter_map(|j| {
                let s = sections.get(j)?;
                (s.level == 1)
                    .then(|| year_in(&s.title))
                    .flatten()
                    .map(|y| (j, y))
            })
            .collect();
        let lo = years.iter().map(|&(_, y)| y).min();
        let hi = years.iter().map(|&(_, y)| y).max();
        if let (Some(lo), Some(hi)) = (lo, hi) {
            if lo < hi {
                for &(j, y) in &years {
                    let has_words = sections.get(j).is_some_and(|s| role_of(&s.title).is_some());
                    if let Some(r) = roles.get_mut(j).filter(|_| !has_words) {
                        *r = if y == lo {
                            Some(SectionRole::Review)
                        } else if y == hi {
                            Some(SectionRole::Plan)
                        } else {
                            None
                        };
                    }
                }
            }
        }
        k = e.max(k + 1);
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_and_review_cues_of_real_reports() {
        let plan = Some(SectionRole::Plan);
        let review = Some(SectionRole::Review);
        assert_eq!(role_of("今年经济社会发展总体要求和政策取向"), plan);
        assert_eq!(role_of("主要预期目标"), plan);
        assert_eq!(role_of("下一阶段施政规划"), plan);
        assert_eq!(role_of("某市国民经济和社会发展计划草案"), plan);
        assert_eq!(role_of("过去五年工作回顾"), review);
        assert_eq!(role_of("本年度施政成果"), review);
        assert_eq!(role_of("上年计划执行情况"), review);
        assert_eq!(role_of("年度目标任务完成情况"), review);
        assert_eq!(role_of("年度目标任务圆满完成"), review);
        assert_eq!(role_of("确保完成年度目标任务"), Some(SectionRole::Plan));
        // A coming period's aims, not a review of the one ending.
        assert_eq!(role_of("“十六五”时期发展的主要考虑"), plan);
        assert_eq!(role_of("未来五年的奋斗目标"), plan);
        assert_eq!(role_of("某县今后五年的总体考虑和主要目标"), plan);
        assert_eq!(role_of("上年主要目标完成情况"), review);
        // A programme's name is no plan.
        assert_eq!(role_of("实施人才倍增计划"), None);
        assert_eq!(role_of("推动文化城市计划"), None);
    }
}

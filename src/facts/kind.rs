//! A fact's kind beyond its unit's: growth, when a cue of change stands before the number.

use super::*;

pub(super) const GROWTH_UP: &[&str] = &[
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
pub(super) const GROWTH_DOWN: &[&str] =
    &["下降", "减少", "降低", "回落", "下滑", "降幅", "减", "降"];

/// The growth cue right before a percent: (is growth, is a fall).
pub(super) fn growth_cue(cs: &Chars, start: usize) -> (bool, bool) {
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
pub(super) fn compared(cs: &Chars, start: usize) -> bool {
    // 同比 and 环比 hold 比: the two chars say it.
    clause_before(cs, start).contains(['比', '较'])
}

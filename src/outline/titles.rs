//! Where a heading's title ends: at its first sentence end, a short phrase before a colon,
//! a sub-heading run straight on, or the heading phrase of a heading run into its paragraph.

use super::markers::{marker_at, may_open_first};
use crate::text::string_of;

/// The heading title after a marker at `from`, trimmed. A marker alone on its line (`61.`)
/// takes its title from the line below.
pub(super) fn heading_title(chars: &[char], from: usize) -> String {
    let blank = chars
        .get(from..(from + 20).min(chars.len()))
        .unwrap_or(&[])
        .iter()
        .position(|&c| !c.is_whitespace() || c == '\n');
    let from = match blank.map(|b| from + b) {
        Some(nl) if chars.get(nl) == Some(&'\n') => nl + 1,
        _ => from,
    };
    let title = chars.get(from..heading_end(chars, from)).unwrap_or(&[]);
    string_of(crate::text::trim_chars(title))
}

/// Where the heading title after a marker at `from` ends: at the end of the first sentence,
/// or the line end, never longer than a heading can be.
pub(super) fn heading_end(chars: &[char], from: usize) -> usize {
    // A heading is short: look no further than 200 chars (linear time on one huge line).
    let reach = chars.len().min(from + 200);
    let line_end = chars
        .get(from..reach)
        .unwrap_or(&[])
        .iter()
        .position(|&c| c == '\n')
        .map_or(reach, |p| from + p);
    let seg = chars.get(from..line_end).unwrap_or(&[]);
    let stop = seg
        .iter()
        .position(|&c| matches!(c, '。' | '；' | ';' | '！' | '？'));
    // `（一）出口：全年出口总值…`: a short phrase before a colon is the heading.
    let stop = match seg.iter().take(13).position(|&c| c == '：' || c == ':') {
        Some(p) if p >= 2 && stop.is_none_or(|s| p < s) => Some(p),
        _ => stop,
    };
    let (cut, runs_on) = match stop {
        None if seg.len() <= 60 => (seg.len(), false),
        Some(p) if p <= 60 => (p, false),
        _ => {
            // No sentence end nearby: the heading phrase ends at the first comma or colon.
            let c = seg
                .iter()
                .take(40)
                .position(|&c| matches!(c, '，' | ',' | '：' | ':'))
                .unwrap_or(seg.len().min(30));
            (c, true)
        }
    };
    // A sub-heading run straight on (`…知识产权力度1、充分利用…`) ends this one.
    let cut = (4..cut)
        .find(|&p| {
            seg.get(p).is_some_and(|&c| may_open_first(c))
                && matches!(marker_at(chars, from + p), Some((_, 1, _)))
                && !seg.get(p - 1).is_some_and(|c| c.is_ascii_digit())
        })
        .unwrap_or(cut);
    // A transcript's clock time or a footnote after the heading (`…工作回顾 [09:05]`).
    let cut = (0..cut)
        .find(|&p| {
            matches!(seg.get(p), Some('[' | '【' | '〔'))
                && seg.get(p + 1).is_some_and(char::is_ascii_digit)
        })
        .unwrap_or(cut);
    // A heading run into its paragraph with no punctuation between needs its end found.
    let cut = if runs_on { run_in_end(seg, cut) } else { cut };
    let cut = body_verb_start(seg, cut).unwrap_or(cut);
    from + cut
}

/// A short heading run straight into a past-tense sentence (`监测预报加强了与市地震局的业务
/// 联系`): the body begins with the two-character verb before the first 了. Only for a title
/// with no comma before that verb (`…引导创新,彰显了…` is a two-part heading) and a heading of
/// at least four characters.
fn body_verb_start(seg: &[char], cut: usize) -> Option<usize> {
    let title = seg.get(..cut)?;
    let le = title.iter().position(|&c| c == '了')?;
    let verb = le.checked_sub(2)?;
    let before = title.get(..verb)?;
    (verb >= 4
        && !before
            .iter()
            .any(|&c| matches!(c, '，' | ',' | '、' | '：' | ':')))
    .then_some(verb)
}

/// Words that end a heading phrase (`…开展情况和成效`, `…工作计划与打算`).
const HEADING_FINAL: &[&str] = &[
    "情况", "成效", "成绩", "打算", "计划", "思路", "工作", "问题", "不足", "措施", "建议", "做法",
    "体会", "目标", "任务", "重点", "经验", "亮点", "安排", "总结",
];

/// A heading run into its paragraph with no punctuation between (`一、上半年主要工作开展情况
/// 和成效今年以来，我局…`): the phrase ends at the last heading-final word before the first
/// comma, when the text up to that comma is too long to be all heading.
fn run_in_end(seg: &[char], cut: usize) -> usize {
    let comma = seg
        .iter()
        .position(|&c| matches!(c, '，' | ',' | '：' | ':' | '。' | '；'))
        .unwrap_or(seg.len());
    if comma <= 14 || cut < comma.min(seg.len()) && cut <= 14 {
        return cut;
    }
    let window = string_of(seg.get(..comma.min(30).min(seg.len())).unwrap_or(&[]));
    let mut best = None;
    for w in HEADING_FINAL {
        for (b, _) in window.match_indices(w) {
            let end = window.get(..b).unwrap_or("").chars().count() + w.chars().count();
            if end >= 4 && end < comma && best.is_none_or(|e| end > e) {
                best = Some(end);
            }
        }
    }
    best.map_or(cut, |e| e.min(cut))
}

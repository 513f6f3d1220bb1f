//! The heading tree (SPEC §4): the candidates of each line, then the tier stack that
//! accepts them.
//!
//! Headings are found by their numbering ([`markers`]), at a line start (debris before the
//! marker allowed) or run into a paragraph right after a sentence ends. A run-in marker counts
//! only when it continues its tier's sequence, so `…。2、…` inside a paragraph is a heading
//! only where `1、` came before it. Levels follow the order in which tiers first appear in
//! each article (`【篇一】` dividers are level 0), so a report without `（一）` puts `1、` under
//! `一、`. Contents and lists are left out by `toc`, titles cut by `titles`, roles given by
//! `roles`.

pub(crate) mod markers;
mod roles;
mod titles;
mod toc;

pub(crate) use markers::{article_divider, starts_with_marker};
pub(crate) use roles::role_of;

use crate::report::{Section, SectionRole};
use crate::text::string_of;
use markers::{marker_at, marker_at_loose, titled_divider, Tier};
use roles::{intro_role, year_roles};
use titles::{heading_end, heading_title};
use toc::{list_items, toc_line, HeadingLine};

/// A heading marker found in the text.
#[derive(Debug, Clone)]
struct Marker {
    tier: Tier,
    value: u32,
    /// Char offset of the marker.
    start: usize,
    /// Char length of the marker.
    len: usize,
    /// At a line start (true) or run into a paragraph (false).
    line_start: bool,
    /// Run in after a comma: a heading only when the next marker of its tier is its 2.
    weak: bool,
    /// Where the title ends, when the scan knows better than [`heading_end`].
    title_end: Option<usize>,
    /// False for a marker that is a heading only where its tier's sequence wants it
    /// ([`marker_at_loose`]).
    strict: bool,
}

/// A value for each tier.
#[derive(Default)]
struct TierMap<T>([Option<T>; 10]);

impl<T: Copy> TierMap<T> {
    fn get(&self, t: Tier) -> Option<T> {
        self.0.get(t as usize).copied().flatten()
    }
    fn set(&mut self, t: Tier, v: T) {
        if let Some(slot) = self.0.get_mut(t as usize) {
            *slot = Some(v);
        }
    }
}

impl Marker {
    fn new(tier: Tier, value: u32, start: usize, len: usize, line_start: bool) -> Marker {
        Marker {
            tier,
            value,
            start,
            len,
            line_start,
            weak: false,
            title_end: None,
            strict: true,
        }
    }
}

/// Builds the outline of cleaned text. `title` gives the role of text outside any section.
pub(crate) fn outline(text: &str, title: Option<&str>) -> Vec<Section> {
    let chars: Vec<char> = crate::text::char_vec(text);
    let doc_role = title.and_then(role_of).unwrap_or(SectionRole::Other);
    // Candidates in document order, with article dividers as level-0 entries.
    let mut found: Vec<(Option<Marker>, usize, usize)> = Vec::new(); // (marker, start, len) ; None = divider
    let mut pos = 0;
    // The first line is the title's, never a plain heading.
    let mut seen_text = false;
    let lines: Vec<&str> = crate::text::lines(text).collect();
    let items = list_items(&lines);
    for (li, line) in lines.iter().enumerate() {
        let line = *line;
        let n = crate::text::count_char_starts(line.as_bytes());
        if items.get(li).copied().unwrap_or(false) {
            // A numbered sentence in a list: text, not a heading.
        } else if article_divider(line) {
            let lead = line.chars().take_while(|c| c.is_whitespace()).count();
            let len = line.trim().chars().count();
            found.push((None, pos + lead, len));
        } else if let Some(at) = titled_divider(line) {
            // `…工作计划 篇2`: the divider is the number; the words before it name the article.
            let len = line.trim_end().chars().count().saturating_sub(at);
            found.push((None, pos + at, len));
        } else if seen_text && plain_heading_line(line) && !title_copy(line, title) {
            let lead = line.chars().take_while(|c| c.is_whitespace()).count();
            let m = Marker::new(Tier::Plain, 0, pos + lead, 0, true);
            found.push((Some(m), pos + lead, 0));
        } else if !toc_line(line) {
            let before = found.len();
            scan_line(&chars, pos, pos + n, &mut found);
            // `…新建了一批便民服务⏎2、站点，…`: a sharing site's page number, cut into a
            // sentence that the line before leaves open.
            let fragment = matches!(found.get(before), Some((Some(m), _, _))
                if m.line_start && m.tier == Tier::Arabic && m.value >= 2)
                && li > 0
                && lines.get(li - 1).is_some_and(|p| sentence_left_open(p));
            if fragment {
                found.remove(before);
            }
        }
        seen_text |= !line.trim().is_empty();
        pos += n;
    }
    // In document order, each place once: a marker that two looks find (a line's start and a
    // run-in look, as on a line that a damaged first line leaves without a title) is one
    // candidate, and sections stay in order whatever the looks found.
    found.sort_by_key(|&(_, start, _)| start);
    found.dedup_by_key(|&mut (_, start, _)| start);
    // Accept markers by sequence. `open` is the stack of tiers from the outermost heading to
    // the innermost, with the last number seen in each: a tier already open continues (a
    // sibling), a new tier opens under the innermost heading (a child).
    let toc = toc::repeated_runs(&chars, &heading_lines(&chars, &found), |from| {
        heading_title(&chars, from)
    });
    let (next_any, next_at_line) = next_of_tier(&found);
    let ahead = Ahead::of(&found);
    // The last number of each tier a higher heading closed: paragraph numbers that run on
    // through a report's chapters (`（二）…⏎3.…` after `（一）…⏎1.…⏎2.…`) continue it.
    let mut closed: TierMap<u32> = TierMap::default();
    let mut sections: Vec<Section> = Vec::new();
    let mut open: Vec<(Tier, u32)> = Vec::new();
    // The article so far holds no heading, or only headings of an excerpt that begins inside
    // a numbering (`（四）…⏎61.…`): a new tier may then start at any number.
    let mut article_empty = true;
    let mut excerpt = false;
    for (idx, (m, start, len)) in found.iter().cloned().enumerate() {
        let Some(m) = m else {
            let marker = string_of(chars.get(start..start + len).unwrap_or(&[]));
            open.clear();
            closed = TierMap::default();
            article_empty = true;
            excerpt = false;
            // An article's role: its intro's words (`一年来…取得了…`), else the document's.
            let intro_end = found
                .iter()
                .skip(idx + 1)
                .map(|(_, st, _)| *st)
                .next()
                .unwrap_or(chars.len());
            let intro = string_of(chars.get(start..intro_end.min(start + 400)).unwrap_or(&[]));
            let role = intro_role(&intro).unwrap_or(doc_role);
            // `…工作计划 篇2`: the words before the number are the article's title.
            let line_start = chars
                .get(..start)
                .unwrap_or(&[])
                .iter()
                .rposition(|&c| c == '\n')
                .map_or(0, |p| p + 1);
            let title = string_of(crate::text::trim_chars(
                chars.get(line_start..start).unwrap_or(&[]),
            ));
            let role = roles::role_of(&title)
                .filter(|_| !title.is_empty())
                .unwrap_or(role);
            sections.push(Section {
                level: 0,
                marker,
                title,
                start,
                end: chars.len(),
                role,
            });
            continue;
        };
        if toc.get(idx).copied().unwrap_or(false) {
            // A line of a table of contents that the body repeats as its headings.
            continue;
        }
        let mut m = m;
        // `第一，` heads a section only at a line start; run into a paragraph it enumerates
        // (`…培训。第一，充分利用…。第二，…`), like 一是.
        if m.tier == Tier::Ordinal && (!m.line_start || !ordinal_heading(&chars, &m)) {
            continue;
        }
        if m.tier == Tier::Plain {
            // An unnumbered part heading closes every open tier and heads what follows.
            open.clear();
        }
        if m.weak {
            let confirmed = ahead
                .weak_next
                .get(idx)
                .copied()
                .flatten()
                .is_some_and(|(v, weak)| v == 2 && !weak);
            if !confirmed {
                continue;
            }
        }
        if m.tier == Tier::Lost {
            // The numeral was lost: which heading it was, the next marker tells.
            let next = ahead
                .known_next
                .get(idx)
                .copied()
                .flatten()
                .and_then(|k| found.get(k))
                .and_then(|(n, _, _)| n.as_ref());
            let Some((tier, value)) = lost_identity(&open, next) else {
                continue;
            };
            m.tier = tier;
            m.value = value;
            m.line_start = false;
        }
        let next_any = next_any.get(idx).copied().flatten();
        let next_at_line = next_at_line.get(idx).copied().flatten();
        let depth = match open.iter().position(|(t, _)| *t == m.tier) {
            Some(d) => {
                let prev = open.get(d).map_or(0, |&(_, v)| v);
                // In sequence, or at a line start (numbering that skips or repeats is
                // tolerated there: a heading was lost, or a list restarted).
                if m.value != prev + 1 && (!m.line_start || !m.strict) {
                    continue;
                }
                // A run-in item whose number the line starts take up later (`方向是：一、…；
                // 二、…。三、…` before `三、` heads its own line) is an inline list.
                if !m.line_start && next_at_line.is_some_and(|w| prev < w && w <= m.value) {
                    continue;
                }
                d
            }
            None => {
                // A new tier starts at 1 (or 2 at a line start, when the first was lost), or
                // anywhere in an excerpt that begins inside a numbering.
                let runs_on = m.line_start && closed.get(m.tier).is_some_and(|p| p + 1 == m.value);
                let starts = m.value == 1 || (m.line_start && m.value == 2) || runs_on;
                let mid = m.line_start
                    && (excerpt || article_empty)
                    && heading_line(&chars, m.start + m.len);
                if m.tier != Tier::Plain && !((m.strict || runs_on) && starts) && !mid {
                    continue;
                }
                // A first marker run into a paragraph is a heading only when its 2 follows
                // (`…加以规划。一、今年以来的亮点…` in a text cut before its 二、).
                // A heading's first child in its opening sentences needs no such witness.
                if m.tier != Tier::Plain
                    && !m.line_start
                    && !m.weak
                    && next_any.is_none_or(|(_, v)| v != 2)
                    && !sections
                        .last()
                        .is_some_and(|s| s.level > 0 && opens_body(&chars, s.start, m.start))
                {
                    continue;
                }
                // A page that opens at its tier's 2 (`（二）…⏎41.…`) may be an excerpt as
                // much as one that opens at 3: only a 1 (or a run-on) proves a beginning.
                if m.tier != Tier::Plain {
                    excerpt = !(m.value == 1 || runs_on);
                }
                open.len()
            }
        };
        // Tiers that would be level 5 or deeper enumerate; they head no section.
        if depth >= 4 {
            continue;
        }
        let title = match m.title_end {
            Some(e) => string_of(chars.get(m.start..e).unwrap_or(&[])),
            None => heading_title(&chars, m.start + m.len),
        };
        let marker = string_of(chars.get(m.start..m.start + m.len).unwrap_or(&[]));
        let level = (depth + 1) as u8;
        // The same heading found twice in a row (run in, then on its line) is one section.
        if sections
            .last()
            .is_some_and(|s| s.level == level && s.marker == marker && s.title == title)
        {
            continue;
        }
        for &(t, v) in open.iter().skip(depth) {
            closed.set(t, v);
        }
        open.truncate(depth);
        open.push((m.tier, m.value));
        article_empty = false;
        sections.push(Section {
            level,
            marker,
            title,
            start: m.start,
            end: chars.len(),
            role: SectionRole::Other,
        });
    }
    finish(&mut sections, chars.len(), doc_role);
    sections
}

/// For each candidate that opens a line and holds nothing but its heading (`一、基本情况`),
/// where its title begins and its line ends; None for the others.
fn heading_lines(
    chars: &[char],
    found: &[(Option<Marker>, usize, usize)],
) -> Vec<Option<HeadingLine>> {
    found
        .iter()
        .map(|(m, _, _)| {
            let m = m.as_ref()?;
            if !m.line_start || matches!(m.tier, Tier::Plain | Tier::Lost) {
                return None;
            }
            let from = m.start + m.len;
            let line_end = heading_line_end(chars, from)?;
            Some(HeadingLine {
                start: m.start,
                title_from: from,
                line_end,
            })
        })
        .collect()
}

/// What the acceptance of a candidate looks ahead for, found in one walk back over them.
struct Ahead {
    /// The next marker of the candidate's tier, dividers passed over, weak ones included:
    /// its number and whether it is weak.
    weak_next: Vec<Option<(u32, bool)>>,
    /// The index of the next marker whose numeral was not lost.
    known_next: Vec<Option<usize>>,
}

impl Ahead {
    fn of(found: &[(Option<Marker>, usize, usize)]) -> Ahead {
        let mut weak_next = vec![None; found.len()];
        let mut known_next = vec![None; found.len()];
        let mut last: TierMap<(u32, bool)> = TierMap::default();
        let mut known = None;
        for (k, (m, _, _)) in found.iter().enumerate().rev() {
            let Some(m) = m else {
                continue;
            };
            if let Some(w) = weak_next.get_mut(k) {
                *w = last.get(m.tier);
            }
            if let Some(n) = known_next.get_mut(k) {
                *n = known;
            }
            last.set(m.tier, (m.value, m.weak));
            if m.tier != Tier::Lost {
                known = Some(k);
            }
        }
        Ahead {
            weak_next,
            known_next,
        }
    }
}

/// For each candidate, the next candidate of its tier (at a line start or not, with its
/// number), and the number of the next one of its tier that stands at a line start: one walk
/// back over the candidates.
#[allow(clippy::type_complexity)]
fn next_of_tier(
    found: &[(Option<Marker>, usize, usize)],
) -> (Vec<Option<(bool, u32)>>, Vec<Option<u32>>) {
    let mut any: Vec<Option<(bool, u32)>> = vec![None; found.len()];
    let mut at_line: Vec<Option<u32>> = vec![None; found.len()];
    let mut last_any: TierMap<(bool, u32)> = TierMap::default();
    let mut last_line: TierMap<u32> = TierMap::default();
    for (k, (m, _, _)) in found.iter().enumerate().rev() {
        let Some(m) = m else {
            // An article divider: numbering starts again after it.
            last_any = TierMap::default();
            last_line = TierMap::default();
            continue;
        };
        if let Some(a) = any.get_mut(k) {
            *a = last_any.get(m.tier);
        }
        if let Some(a) = at_line.get_mut(k) {
            *a = last_line.get(m.tier);
        }
        if m.weak {
            continue;
        }
        last_any.set(m.tier, (m.line_start, m.value));
        if m.line_start {
            last_line.set(m.tier, m.value);
        }
    }
    (any, at_line)
}

/// A marker at `at` stands in the first two sentences after a heading at `heading`, within
/// the reach of a short opening: read back from `at` over at most three sentence ends.
fn opens_body(chars: &[char], heading: usize, at: usize) -> bool {
    if at.saturating_sub(heading) > 300 {
        return false;
    }
    let mut ends = 0;
    for &c in chars.get(heading..at).unwrap_or(&[]).iter().rev() {
        if matches!(c, '。' | '！' | '？') {
            ends += 1;
            if ends > 2 {
                return false;
            }
        }
    }
    true
}

/// `第一，坚持创新驱动。` (or `第一，稳增长，促改革。`) heads a section; `第一、我们从…利益出发，
/// …` is a numbered sentence of an enumeration: the words up to the sentence end hold a comma
/// and run past 20 chars.
fn ordinal_heading(chars: &[char], m: &Marker) -> bool {
    let from = m.start + m.len;
    let phrase = chars.get(from..(from + 80).min(chars.len())).unwrap_or(&[]);
    let len = phrase
        .iter()
        .take_while(|&&c| !matches!(c, '。' | '；' | ';' | '！' | '？' | '\n'))
        .count();
    let comma = phrase.iter().take(len).any(|&c| matches!(c, '，' | ','));
    !(comma && len > 20)
}

/// The rest of a marker's line reads as a heading of its own: a short phrase with no sentence
/// in it (`（四）住房与交通`), or nothing (`61.` alone, its paragraph on the next line).
fn heading_line(chars: &[char], from: usize) -> bool {
    heading_line_end(chars, from).is_some()
}

/// [`heading_line`], with where the line ends.
fn heading_line_end(chars: &[char], from: usize) -> Option<usize> {
    let mut visible = 0;
    let mut first: Option<char> = None;
    let ok = |visible: usize, first: Option<char>| {
        visible <= 30 && !first.is_some_and(|f| f.is_ascii_digit())
    };
    for (k, &c) in chars.get(from..)?.iter().enumerate().take(41) {
        if c == '\n' {
            return ok(visible, first).then_some(from + k);
        }
        if matches!(c, '。' | '；' | ';' | '！' | '？' | '，' | ',') {
            return None;
        }
        if !c.is_whitespace() {
            first.get_or_insert(c);
            visible += 1;
        }
    }
    (chars.len() <= from + 41 && ok(visible, first)).then_some(chars.len())
}

/// A line of body text cut inside a sentence: 16 chars or more (over 60 when it opens with a
/// marker: longer than a heading), ending in a character or a comma rather than a sentence
/// end, a colon or a bracket.
fn sentence_left_open(line: &str) -> bool {
    let t = line.trim();
    let Some(last) = t.chars().next_back() else {
        return false;
    };
    let least = if starts_with_marker(t) { 61 } else { 16 };
    (crate::text::is_han(last) || last.is_ascii_digit() || matches!(last, '，' | ',' | '、'))
        && t.chars().take(least).count() >= least
}

/// A line that repeats the report's title (or the end of a breadcrumb title that holds it)
/// is the title again, not a part heading, though it ends in 总结 or 计划.
fn title_copy(line: &str, title: Option<&str>) -> bool {
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let Some(title) = title.map(squeeze).filter(|t| !t.is_empty()) else {
        return false;
    };
    let line = squeeze(line);
    !line.is_empty() && (title.ends_with(&line) || line.ends_with(&title))
}

/// Words that name a part of a report: an unnumbered line holding one is a heading.
const PART_WORDS: &[&str] = &[
    "思路",
    "打算",
    "工作计划",
    "工作安排",
    "工作要点",
    "工作重点",
    "总结",
    "回顾",
    "存在问题",
    "存在的问题",
    "不足",
    "主要做法",
    "主要成效",
    "主要成绩",
    "下一步",
    "工作任务",
];

/// A short line without sentence punctuation that names a part (`存在的问题和不足`,
/// `2024年工作安排`).
fn plain_heading_line(line: &str) -> bool {
    let t = line.trim();
    let n = t.chars().take(21).count();
    (2..=20).contains(&n)
        && !t.contains([
            '。', '，', ',', '；', ';', '：', ':', '！', '？', '!', '?', '（', '(',
        ])
        && PART_WORDS.iter().any(|w| t.contains(w))
        && t.chars()
            .next()
            .is_some_and(|c| !c.is_ascii_digit() && crate::text::cn_digit(c).is_none() && c != '第')
}

/// A part heading glued between a sentence end and a paragraph that opens with a year:
/// `…任务。岁首谈思路2007年是…`. Returns where the heading phrase ends.
fn glued_plain_heading(chars: &[char], from: usize) -> Option<usize> {
    // The words are looked for in the 12 chars from `from`.
    let head_end = (from + 12).min(chars.len());
    if from >= head_end {
        return None;
    }
    // A year follows the word, and the word ends 3 or more chars in: with no digit where a
    // year could start, no word needs looking for (most sentences).
    let year_may_start = chars.get(from + 3..=head_end).unwrap_or(&[]);
    if !year_may_start.iter().any(char::is_ascii_digit) {
        return None;
    }
    for w in ["思路", "打算", "计划", "安排", "要点", "总结", "回顾"] {
        let wlen = w.chars().count();
        let Some(at) = (from..head_end.saturating_sub(wlen - 1))
            .find(|&k| crate::text::starts_with_at(chars, k, w))
        else {
            continue;
        };
        let end = at + wlen;
        let year = chars.get(end..end + 4)?;
        let after = chars.get(end + 4..end + 6).unwrap_or(&[]);
        if end - from >= 3
            && year.iter().all(|c| c.is_ascii_digit())
            && after.iter().find(|c| !c.is_whitespace()) == Some(&'年')
            && chars
                .get(from..end)?
                .iter()
                .all(|&c| crate::text::is_han(c))
        {
            return Some(end);
        }
    }
    None
}

/// What a heading with a lost numeral was: the next number of an open `、` tier (innermost
/// first), or the first of a new tier, whichever the next marker continues. `二、…。、加大…。
/// 2、认真…` makes the lost one `1、`; `…2、…。、加大…。三、` makes it `3、`.
fn lost_identity(open: &[(Tier, u32)], next: Option<&Marker>) -> Option<(Tier, u32)> {
    let comma = |t: &Tier| matches!(t, Tier::CnComma | Tier::Arabic | Tier::Formal);
    let Some(next) = next else {
        return open
            .iter()
            .rev()
            .find(|(t, _)| comma(t))
            .map(|&(t, p)| (t, p + 1));
    };
    let next_depth = open.iter().position(|(t, _)| *t == next.tier);
    for (d, &(t, p)) in open.iter().enumerate().rev().filter(|(_, (t, _))| comma(t)) {
        let fits = match next_depth {
            Some(nd) if nd == d => next.value == p + 2,
            Some(nd) if nd < d => open.get(nd).is_some_and(|&(_, np)| next.value == np + 1),
            Some(_) => false,
            None => next.value == 1,
        };
        if fits {
            return Some((t, p + 1));
        }
    }
    // A first child whose numeral was lost: the next marker is its sibling 2.
    (next_depth.is_none() && comma(&next.tier) && next.value == 2).then_some((next.tier, 1))
}

/// Scans one line (chars `from..to`) for a line-start marker and run-in markers.
fn scan_line(
    chars: &[char],
    from: usize,
    to: usize,
    out: &mut Vec<(Option<Marker>, usize, usize)>,
) {
    let lead = chars
        .get(from..to)
        .unwrap_or(&[])
        .iter()
        .take_while(|c| c.is_whitespace())
        .count();
    let push = |out: &mut Vec<(Option<Marker>, usize, usize)>, start: usize, line_start: bool| {
        // At a line start, markers that only a sequence makes headings are read too.
        let (tier, value, len, strict) = if line_start {
            marker_at_loose(chars, start)?
        } else {
            let (t, v, l) = marker_at(chars, start)?;
            (t, v, l, true)
        };
        let mut m = Marker::new(tier, value, start, len, line_start);
        m.strict = strict;
        out.push((Some(m), start, len));
        // A sub-heading that follows this heading's phrase with no break.
        let title_end = heading_end(chars, start + len);
        if let Some((tier, 1, sub_len)) = marker_at(chars, title_end) {
            let m = Marker::new(tier, 1, title_end, sub_len, false);
            out.push((Some(m), title_end, sub_len));
        }
        Some(start + len)
    };
    let mut i = from + lead;
    if i >= to {
        // A line of white space: the next line's start is that line's to read.
        return;
    }
    // Debris before the marker on its line (a bullet, an ad's broken emoji `??`, a speaker
    // tag or clock time of a transcript, a page title before a dash) does not make it less
    // of a line start.
    let at = debris_before_marker(chars, i, to, true).unwrap_or(i);
    if let Some(next) = push(out, at, true) {
        i = next;
    }
    while i < to {
        let c = chars.get(i).copied().unwrap_or('\n');
        if matches!(c, '。' | '！' | '？') {
            if let Some(next) = push(out, i + 1, false) {
                i = next;
                continue;
            }
            // `…意见。[09:05][某某]:一、…`: a transcript's tags between a sentence and the
            // heading that opens the next paragraph.
            if let Some(at) = debris_before_marker(chars, i + 1, to, false) {
                if let Some(next) = push(out, at, true) {
                    i = next;
                    continue;
                }
            }
            if let Some(end) = glued_plain_heading(chars, i + 1) {
                let mut m = Marker::new(Tier::Plain, 0, i + 1, 0, false);
                m.title_end = Some(end);
                out.push((Some(m), i + 1, 0));
                i = end;
                continue;
            }
        }
        if matches!(c, '，' | ',') {
            // `…具有重要意义,1、监测预报…。2、震灾预防…`: a list of headings whose first
            // lost its line break; confirmed by the 2 that follows.
            if let Some((tier @ (Tier::Arabic | Tier::CnParen | Tier::ArParen), 1, len)) =
                marker_at(chars, i + 1)
            {
                let mut m = Marker::new(tier, 1, i + 1, len, false);
                m.weak = true;
                out.push((Some(m), i + 1, len));
                i += 1 + len;
                continue;
            }
        }
        i += 1;
    }
}

/// Where a marker stands after debris that opens a line (`from`, `line_start`) or follows a
/// sentence end: bullets and broken emoji (`??` `•` `■`), bracketed tags (`[09:05]`
/// `[某某]:`), and, at a line start, a page title before a dash (`…施政报告—一、…`). None when
/// no marker follows such debris.
fn debris_before_marker(chars: &[char], from: usize, to: usize, line_start: bool) -> Option<usize> {
    const BULLETS: &[char] = &[
        '?', '？', '\u{FFFD}', '•', '·', '●', '○', '◆', '◇', '■', '□', '▪', '▶', '►', '★', '☆',
        '※', '◎', '√',
    ];
    let mut j = from;
    let mut tags = 0;
    while j < to && j < from + 40 {
        let c = chars.get(j).copied()?;
        if line_start && (BULLETS.contains(&c) || c.is_whitespace()) {
            j += 1;
        } else if matches!(c, '[' | '【' | '〔') {
            let close = chars
                .get(j + 1..(j + 14).min(to))?
                .iter()
                .position(|&d| matches!(d, ']' | '】' | '〕'))?;
            j += close + 2;
            if matches!(chars.get(j), Some(':' | '：')) {
                j += 1;
            }
            tags += 1;
        } else {
            break;
        }
    }
    if j > from && (line_start || tags > 0) && marker_at(chars, j).is_some() {
        return Some(j);
    }
    if !line_start {
        return None;
    }
    // A page title glued before the heading by a dash: a short name, no sentence in it.
    let seg = chars.get(from..(from + 48).min(to))?;
    let dash = seg.iter().position(|&c| matches!(c, '—' | '―' | '–'))?;
    if dash < 4
        || seg
            .get(..dash)?
            .iter()
            .any(|&c| matches!(c, '。' | '，' | ',' | '；' | '！' | '？' | '：' | ':'))
    {
        return None;
    }
    let after = seg
        .get(dash..)?
        .iter()
        .take_while(|&&c| matches!(c, '—' | '―' | '–' | '-' | ' ' | '\u{3000}'))
        .count();
    let at = from + dash + after;
    marker_at(chars, at).map(|_| at)
}

/// Sets ends (a section runs to the next heading at its level or above) and roles
/// (from the heading's words, else inherited from the parent).
fn finish(sections: &mut [Section], text_len: usize, doc_role: SectionRole) {
    let n = sections.len();
    for i in 0..n {
        let level = sections.get(i).map_or(0, |s| s.level);
        let end = sections
            .iter()
            .skip(i + 1)
            .find(|s| s.level <= level)
            .map_or(text_len, |s| s.start);
        if let Some(s) = sections.get_mut(i) {
            s.end = end;
        }
    }
    let by_year = year_roles(sections);
    let mut stack: Vec<(u8, SectionRole)> = Vec::new();
    // Whether a sibling before, under the same parent, was a plan: a report that has moved
    // on to its plan stays there (`三、…` to `八、…` after `二、…总体要求`) unless a heading's
    // own words say otherwise.
    let mut plan_before = [false; 6];
    for (s, year_role) in sections.iter_mut().zip(by_year) {
        while stack.last().is_some_and(|&(l, _)| l >= s.level) {
            stack.pop();
        }
        let level = usize::from(s.level).min(plan_before.len() - 1);
        for p in plan_before.iter_mut().skip(level + 1) {
            *p = false;
        }
        if level == 0 {
            plan_before = [false; 6];
        }
        let parent = stack.last().map_or(doc_role, |&(_, r)| r);
        // A sub-heading keeps its parent's role unless the parent has none or the
        // sub-heading names problems: `4、…要有新进展` in a plan is still the plan.
        let own = role_of(&s.title).or(year_role);
        let after_plan = plan_before.get(level).copied().unwrap_or(false);
        s.role = match (s.level, own) {
            (0, _) => s.role,
            (1, Some(r)) => r,
            (_, Some(SectionRole::Problems)) => SectionRole::Problems,
            (_, Some(r)) if parent == SectionRole::Other => r,
            (_, None) if after_plan => SectionRole::Plan,
            _ => parent,
        };
        if s.role == SectionRole::Plan && level > 0 {
            if let Some(p) = plan_before.get_mut(level) {
                *p = true;
            }
        }
        stack.push((s.level, s.role));
    }
}

/// Index of the innermost section holding char offset `pos`. Sections are in document order
/// and nest, so the innermost is the last one starting at or before `pos` that has not ended:
/// a binary search and a short walk back to its parents.
pub(crate) fn section_at(sections: &[Section], pos: usize) -> Option<usize> {
    let last = sections.partition_point(|s| s.start <= pos);
    (0..last)
        .rev()
        .find(|&i| sections.get(i).is_some_and(|s| pos < s.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brief(text: &str) -> Vec<(u8, String, String, SectionRole)> {
        outline(text, None)
            .into_iter()
            .map(|s| (s.level, s.marker, s.title, s.role))
            .collect()
    }

    #[test]
    fn blank_lines_and_the_text_end_take_no_heading_twice() {
        // A line of spaces reads no marker from the line after it; a heading at the very end
        // of the text, with no line feed, is read to the end.
        let o =
            brief("报告\n一、主要工作\n完成12项。\n \u{3000}\n\n二、工作计划\n完成。三、下步打算");
        let markers: Vec<&str> = o.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(markers, vec!["一、", "二、", "三、"]);
        assert_eq!(o.last().map(|s| s.2.as_str()), Some("下步打算"));
    }

    #[test]
    fn tiers_nest_by_first_appearance() {
        let t = "一、2009年主要工作\n（一）加强创新\n1、注重学习教育。组织学习。\n2、注重开门纳谏。\n二、2010年工作思路\n（一）大力推进。\n";
        let o = brief(t);
        assert_eq!(o.len(), 6);
        assert_eq!(
            o[0],
            (
                1,
                "一、".into(),
                "2009年主要工作".into(),
                SectionRole::Review
            )
        );
        assert_eq!(o[1].0, 2);
        assert_eq!(
            o[2],
            (3, "1、".into(), "注重学习教育".into(), SectionRole::Review)
        );
        assert_eq!(
            o[4],
            (1, "二、".into(), "2010年工作思路".into(), SectionRole::Plan)
        );
        assert_eq!(o[5].3, SectionRole::Plan);
    }

    #[test]
    fn without_paren_tier_arabic_is_level_two() {
        let o = brief("一、主要工作\n1、抓项目。\n2、抓平台。\n二、存在问题\n");
        assert_eq!(o.iter().map(|s| s.0).collect::<Vec<_>>(), vec![1, 2, 2, 1]);
        assert_eq!(o[3].3, SectionRole::Problems);
    }

    #[test]
    fn run_in_headings_follow_the_sequence() {
        let t = "一、上半年工作情况今年以来成效明显。（一）发展产业。一是加强领导。（二）推进改革。数据为5.12地震。3、不是标题。二、下半年打算下半年我们将推进。\n";
        let o = brief(t);
        let markers: Vec<&str> = o.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(markers, vec!["一、", "（一）", "（二）", "二、"]);
        assert_eq!(o[3].3, SectionRole::Plan);
    }

    #[test]
    fn roles_from_words() {
        assert_eq!(role_of("组织实施科技计划项目"), None);
        assert_eq!(role_of("加强科技计划项目的申报、实施和绩效考核工作"), None);
        assert_eq!(role_of("2010年工作思路"), Some(SectionRole::Plan));
        assert_eq!(role_of("下半年工作计划与打算"), Some(SectionRole::Plan));
        assert_eq!(role_of("存在问题"), Some(SectionRole::Problems));
        assert_eq!(role_of("主要做法及取得的成效"), Some(SectionRole::Review));
    }

    #[test]
    fn not_headings() {
        let o = brief(
            "2013年，我们大力实施。\n5.12地震一周年。\n一是加强领导。二是扶持企业。\n壹、前言……1\n",
        );
        // No section: the report's title is not one (SPEC §4).
        assert_eq!(o, vec![]);
    }

    #[test]
    fn lost_numeral_and_years() {
        let t = "一、坚持创新，推进2016年科技工作\n1、抓项目。成效明显。、抓平台建设。成效明显。3、抓人才。\n二、扎实推进2017年科技工作\n";
        let o = brief(t);
        let markers: Vec<&str> = o.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(markers, vec!["一、", "1、", "、", "3、", "二、"]);
        assert_eq!(o[2].2, "抓平台建设");
        assert_eq!(o[0].3, SectionRole::Review);
        assert_eq!(o[4].3, SectionRole::Plan);
    }

    #[test]
    fn no_headings_no_sections() {
        // A text without headings has no outline: its facts take the title's role, and the
        // title is not a section.
        let o = outline("全年完成项目12项。\n", Some("某局2023年工作总结"));
        assert!(o.is_empty());
    }

    #[test]
    fn unnumbered_part_headings() {
        let t = "某局工作总结\n一、主要工作\n1、抓项目。成效明显。\n存在的问题\n一是投入不足。\n完成任务。岁首谈思路2007 年是关键一年。1、抓落实。\n";
        let o = brief(t);
        let got: Vec<(u8, &str, SectionRole)> =
            o.iter().map(|s| (s.0, s.2.as_str(), s.3)).collect();
        assert_eq!(
            got,
            vec![
                (1, "主要工作", SectionRole::Review),
                (2, "抓项目", SectionRole::Review),
                (1, "存在的问题", SectionRole::Problems),
                (1, "岁首谈思路", SectionRole::Plan),
                (2, "抓落实", SectionRole::Plan),
            ]
        );
    }

    #[test]
    fn list_of_sentences_is_no_headings() {
        let t = "一、主要成绩\n1、全年完成项目12项。\n2、新增企业5家。\n二、下一步打算\n1、抓落实。\n狠抓项目落实。\n";
        let o = brief(t);
        let markers: Vec<&str> = o.iter().map(|s| s.1.as_str()).collect();
        assert_eq!(markers, vec!["一、", "二、", "1、"]);
    }

    #[test]
    fn parenthesised_and_circled_tiers() {
        let o = brief("一、总体情况\n（一）工业\n（1）规模以上工业。增长较快。\n①新产品。产值增长。\n（2）小微企业\n");
        let levels: Vec<u8> = o.iter().map(|s| s.0).collect();
        assert_eq!(levels, vec![1, 2, 3, 4, 3]);
    }

    #[test]
    fn articles_are_level_zero() {
        let t = "【篇一】\n一、工作总结\n1、抓项目。\n【篇二】\n（一）优化环境\n1、研究部署。\n";
        let o = brief(t);
        assert_eq!(
            o.iter().map(|s| s.0).collect::<Vec<_>>(),
            vec![0, 1, 2, 0, 1, 2]
        );
    }

    #[test]
    fn ends_and_innermost_section() {
        let t = "一、甲\n1、乙。\n二、丙\n";
        let o = outline(t, None);
        assert_eq!(o[0].end, o[2].start);
        assert_eq!(o[1].end, o[2].start);
        assert_eq!(section_at(&o, o[1].start + 3), Some(1));
        assert_eq!(section_at(&o, 0), Some(0));
    }
}

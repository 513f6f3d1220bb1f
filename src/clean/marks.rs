//! Marks glued into the prose by whoever passed the report on, removed where they stand:
//!
//! - a copy-protection watermark: a short meaningless Latin token repeated at paragraph ends;
//! - a live transcript's speaker tags (`[某某]:`), clock times (`[09:05]`), applause marks
//!   (`（掌声）`) and the reporter's lines before the first speaker tag;
//! - a news agency's dateline (`（新华社北京3月5日电）`, `本报讯(记者 某某)`), a newspaper's page
//!   line (`《某某日报》（2024年03月06日 01 版）`), a photo caption (`… 新华社记者 某某 摄`), a
//!   publisher's credit at a paragraph's end (`（某县融媒体中心）`), an editor's note (`编按：…`);
//! - a paywall's count of what it hides (`……此处隐藏12345个字……`);
//! - doubled punctuation a scrape left (`,,`, `，、`, `、、`): a comma right before another
//!   clause mark, or a 、 right after one, goes.
//!
//! Each is a shape (brackets, digits, a closed class of agency and office words), never a
//! report's own words. Runs after conversion, so the words are simplified, and after
//! full-width forms are made ASCII.

use std::sync::OnceLock;

use crate::edit::Rewriter;
use crate::report::CleanKind;
use crate::text::is_han;

/// News agencies and papers that open a dateline.
/// (Their first chars are matched first in [`find_marks`]: a new agency's first char goes
/// there too.)
const AGENCIES: &[&str] = &[
    "新华社",
    "中新社",
    "中新网",
    "人民网",
    "新华网",
    "央视网",
    "央广网",
    "本报",
];
/// What a publisher's credit in brackets at a paragraph's end names.
const PUBLISHERS: &[&str] = &[
    "融媒体中心",
    "新闻中心",
    "报社",
    "广播电视台",
    "电视台",
    "日报",
    "记者站",
    "新闻网",
];
/// Applause and laughter in a transcript.
const APPLAUSE: &[&str] = &["掌声", "鼓掌", "笑声", "热烈掌声", "长时间掌声", "掌声雷动"];

/// Removes every mark of this module from `text`.
pub(super) fn marks(text: &str, rw: &mut Rewriter) {
    let watermarks = watermark_tokens(text);
    let transcript = speaker_tag_lines(text) >= 2;
    let mut before_first_tag = transcript;
    for line in crate::text::lines(text) {
        let body = line.trim_end_matches(['\n', '\r']);
        let t = body.trim_start_matches([' ', '\t', '\u{3000}']);
        if before_first_tag {
            if speaker_tag(t).is_some() {
                before_first_tag = false;
            } else {
                // The reporter's lines before the speech.
                if t.trim().is_empty() {
                    rw.keep(line);
                } else {
                    rw.remove(body, CleanKind::Boilerplate);
                    rw.keep(line.get(body.len()..).unwrap_or(""));
                }
                continue;
            }
        }
        if editor_note(t) {
            rw.remove(body, CleanKind::Boilerplate);
            rw.keep(line.get(body.len()..).unwrap_or(""));
            continue;
        }
        let mut cuts = Vec::new();
        let lead = body.len() - t.len();
        if transcript {
            if let Some(n) = speaker_tag(t) {
                cuts.push((lead, lead + n));
            }
        }
        find_marks(body, &watermarks, &mut cuts);
        emit(line, &mut cuts, rw);
    }
}

/// Keeps `line` but the byte ranges in `cuts`, which are removed as boilerplate.
fn emit(line: &str, cuts: &mut [(usize, usize)], rw: &mut Rewriter) {
    cuts.sort_unstable();
    let mut at = 0;
    for &(s, e) in cuts.iter() {
        if s < at || e <= s {
            continue;
        }
        rw.keep(line.get(at..s).unwrap_or(""));
        rw.remove(line.get(s..e).unwrap_or(""), CleanKind::Boilerplate);
        at = e;
    }
    rw.keep(line.get(at..).unwrap_or(""));
}

/// Every mark inside a line but speaker tags: byte ranges into `line`.
fn find_marks(line: &str, watermarks: &[String], cuts: &mut Vec<(usize, usize)>) {
    for w in watermarks {
        for (i, _) in line.match_indices(w.as_str()) {
            if is_token_at(line, i, w.len()) {
                cuts.push((i, i + w.len()));
            }
        }
    }
    doubled_punctuation(line, cuts);
    // What each other mark needs somewhere in the line, looked for once by SIMD searchers
    // built once: most lines hold none, and then their chars are not read one by one.
    let b = line.as_bytes();
    let has = |k: Needle| {
        needles()
            .get(k as usize)
            .is_some_and(|f| f.find(b).is_some())
    };
    use Needle::*;
    let agency = has(DayWire) || has(DayNews) || has(OwnNews);
    let paged_word = has(Page);
    let jumped = paged_word && (has(Turn) || has(Join));
    let walled = has(Login);
    let clocked =
        (memchr::memchr(b'[', b).is_some() || has(Lenticular)) && memchr::memchr(b':', b).is_some();
    let applauded = has(Palm) || has(Drum) || has(Laugh);
    let credited = line.trim_end().ends_with([')', '）']);
    let paged = paged_word && has(Book);
    let hidden = has(Hidden);
    let lead = line.len() - line.trim_start().len();
    if agency || clocked || applauded || credited || paged || hidden || jumped || walled {
        for (i, c) in line.char_indices() {
            let rest = line.get(i..).unwrap_or("");
            let n = match c {
                '[' | '【' if clocked => clock(rest),
                '(' | '（' => applause(rest)
                    .filter(|_| applauded)
                    .or_else(|| dateline(rest, i == lead).filter(|_| agency))
                    .or_else(|| jump_line(rest).filter(|_| jumped))
                    .or_else(|| login_wall(rest).filter(|_| walled))
                    .or_else(|| credit(rest, line.len() - i).filter(|_| credited)),
                '《' if paged => page_line(rest),
                '…' | '.' | '此' if hidden => paywall(rest),
                '新' | '中' | '人' | '央' | '本' if agency => AGENCIES
                    .iter()
                    .any(|a| rest.starts_with(a))
                    .then(|| dateline(rest, i == lead))
                    .flatten(),
                _ if agency && i == lead && is_han(c) => dateline(rest, true),
                _ => None,
            };
            if let Some(n) = n {
                cuts.push((i, i + n));
            }
        }
    }
    if let Some(s) = caption(line) {
        cuts.push(s);
    }
}

/// The words the marks need somewhere in a line (see [`find_marks`]), in [`needles`]'s order.
#[derive(Clone, Copy)]
enum Needle {
    DayWire,
    DayNews,
    OwnNews,
    Login,
    Hidden,
    Comma,
    Pause,
    Page,
    Turn,
    Join,
    Lenticular,
    Palm,
    Drum,
    Laugh,
    Book,
}

/// SIMD searchers for the [`Needle`] words, built once (a searcher built per line cost more
/// than the search).
fn needles() -> &'static [memchr::memmem::Finder<'static>] {
    static NEEDLES: OnceLock<Vec<memchr::memmem::Finder<'static>>> = OnceLock::new();
    NEEDLES.get_or_init(|| {
        // in the order of `Needle`
        [
            "日电",
            "日讯",
            "本报讯",
            "登录",
            "隐藏",
            "，",
            "、、",
            "版",
            "转",
            "接",
            "【",
            "掌",
            "鼓",
            "笑",
            "《",
        ]
        .iter()
        .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
        .collect()
    })
}

/// A comma right before another clause mark, or a 、 right after one (not a marker's 、:
/// `3、、…` is a page-fragment number before the text's own 、): byte ranges of the extra
/// marks.
fn doubled_punctuation(line: &str, cuts: &mut Vec<(usize, usize)>) {
    let b = line.as_bytes();
    let next_char = |at: usize| line.get(at..).and_then(|r| r.chars().next());
    let clause = |c: Option<char>| matches!(c, Some(',' | '，' | '、' | ';' | '；' | '。'));
    for i in memchr::memchr_iter(b',', b) {
        if clause(next_char(i + 1)) {
            cuts.push((i, i + 1));
        }
    }
    let (comma, pause) = (
        needles().get(Needle::Comma as usize),
        needles().get(Needle::Pause as usize),
    );
    for i in comma.into_iter().flat_map(|f| f.find_iter(b)) {
        if clause(next_char(i + 3)) {
            cuts.push((i, i + 3));
        }
    }
    for i in pause.into_iter().flat_map(|f| f.find_iter(b)) {
        let digit_before = line
            .get(..i)
            .and_then(|p| p.chars().next_back())
            .is_some_and(|p| p.is_ascii_digit());
        if !digit_before {
            cuts.push((i, i + 3));
        }
    }
}

/// True when `line[i..i + n]` stands as a token: after a char that is no Latin letter or
/// digit, and not followed by one.
fn is_token_at(line: &str, i: usize, n: usize) -> bool {
    let before = line.get(..i).and_then(|s| s.chars().next_back());
    let after = line.get(i + n..).and_then(|s| s.chars().next());
    before.is_some_and(|c| !c.is_ascii_alphanumeric())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Tokens of 2 to 6 Latin letters and digits, mixing at least two of digits, capitals and
/// small letters (so no word, unit or abbreviation), found at three or more line ends right
/// after a Chinese char.
fn watermark_tokens(text: &str) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for line in crate::text::lines(text) {
        let t = line.trim_end();
        let n = t
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphanumeric)
            .take(7)
            .count();
        if !(2..=6).contains(&n) {
            continue;
        }
        let tail = t.get(t.len() - n..).unwrap_or("").to_string();
        let before = t.get(..t.len() - n).and_then(|s| s.chars().next_back());
        if before.is_none_or(|c| c.is_ascii()) {
            continue;
        }
        let classes = [
            tail.bytes().any(|b| b.is_ascii_digit()),
            tail.bytes().any(|b| b.is_ascii_uppercase()),
            tail.bytes().any(|b| b.is_ascii_lowercase()),
        ];
        if classes.iter().filter(|x| **x).count() < 2 {
            continue;
        }
        match counts.iter().position(|(w, _)| *w == tail) {
            Some(i) => {
                if let Some((_, k)) = counts.get_mut(i) {
                    *k += 1;
                }
            }
            None if counts.len() < 64 => counts.push((tail, 1)),
            None => {}
        }
    }
    counts
        .into_iter()
        .filter(|(_, k)| *k >= 3)
        .map(|(w, _)| w)
        .collect()
}

/// `[某某]:` or `【某某】：` at a line start: a speaker's name of 2 to 8 chars. Its length.
fn speaker_tag(t: &str) -> Option<usize> {
    let mut it = t.char_indices();
    let (_, open) = it.next()?;
    let close = match open {
        '[' => ']',
        '【' => '】',
        _ => return None,
    };
    for (n, (i, c)) in it.by_ref().enumerate() {
        if c == close {
            let after = t.get(i + c.len_utf8()..)?;
            let colon = after.chars().next().filter(|c| matches!(c, ':' | '：'))?;
            return ((2..=8).contains(&n)).then_some(i + c.len_utf8() + colon.len_utf8());
        }
        if !(is_han(c) || c == '·') || n > 8 {
            return None;
        }
    }
    None
}

fn speaker_tag_lines(text: &str) -> usize {
    crate::text::lines(text)
        .filter(|l| speaker_tag(l.trim_start_matches([' ', '\t', '\u{3000}'])).is_some())
        .take(2)
        .count()
}

/// An editor's note that introduces the text: `编按：…`, `编者按：…`.
fn editor_note(t: &str) -> bool {
    ["编按", "编者按"].iter().any(|w| {
        t.strip_prefix(w)
            .and_then(|r| r.trim_start().chars().next())
            .is_some_and(|c| matches!(c, ':' | '：'))
    })
}

/// Digits from the start of `s`: how many bytes.
fn digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// `[09:05]`, `[9:05:30]`, or a stamp cut at the text's end (`[09:`). Its length.
fn clock(s: &str) -> Option<usize> {
    let open = s.chars().next()?.len_utf8();
    let mut i = open;
    let h = digits(s.get(i..)?);
    if !(1..=2).contains(&h) {
        return None;
    }
    i += h;
    for _ in 0..2 {
        if !s.get(i..)?.starts_with(':') {
            break;
        }
        let rest = s.get(i + 1..)?;
        let dd = digits(rest);
        if dd < 2 && rest.get(dd..)?.trim().is_empty() {
            // cut by truncation
            return Some(i + 1 + dd);
        }
        if digits(rest) != 2 {
            return None;
        }
        i += 3;
    }
    let close = s.get(i..)?.chars().next()?;
    (i > open + h && matches!(close, ']' | '】')).then_some(i + close.len_utf8())
}

/// `（掌声）`. Its length.
fn applause(s: &str) -> Option<usize> {
    let open = s.chars().next()?.len_utf8();
    let inner = s.get(open..)?;
    APPLAUSE.iter().find_map(|w| {
        let r = inner.strip_prefix(w)?;
        let c = r.chars().next().filter(|c| matches!(c, ')' | '）'))?;
        Some(open + w.len() + c.len_utf8())
    })
}

/// `（新华社北京3月5日电）`, `新华社北京3月5日电`, `本报讯(记者 某某)`, `本报讯`: an agency,
/// a place of up to eight chars, a date and 电, or 本报讯, with a reporter in brackets. Its
/// length.
fn dateline(s: &str, line_start: bool) -> Option<usize> {
    let first = s.chars().next()?;
    let open = if matches!(first, '(' | '（') {
        first.len_utf8()
    } else {
        0
    };
    let body = s.get(open..)?;
    let agency = AGENCIES
        .iter()
        .find(|a| body.starts_with(**a))
        .map(|a| a.len())
        .or_else(|| line_start.then(|| outlet(body)).flatten())?;
    let mut i = open + agency;
    if s.get(i..)?.starts_with('讯') {
        i += '讯'.len_utf8();
    } else {
        // a place, then 3月5日电
        for (place, c) in s.get(i..)?.chars().enumerate() {
            if !is_han(c) || place >= 8 {
                break;
            }
            i += c.len_utf8();
        }
        let m = digits(s.get(i..)?);
        if m == 0 || !s.get(i + m..)?.starts_with('月') {
            return None;
        }
        i += m + '月'.len_utf8();
        let d = digits(s.get(i..)?);
        let tail = s.get(i + d..)?;
        if d == 0 || !(tail.starts_with("日电") || tail.starts_with("日讯")) {
            return None;
        }
        i += d + "日电".len();
    }
    // (记者 某某 通讯员 某某)
    if let Some(c) = s
        .get(i..)?
        .chars()
        .next()
        .filter(|c| matches!(c, '(' | '（'))
    {
        let rest = s.get(i + c.len_utf8()..)?;
        if rest.starts_with("记者") {
            if let Some(end) = rest.find([')', '）']).filter(|&e| e <= 60) {
                let close = rest.get(end..)?.chars().next()?.len_utf8();
                i += c.len_utf8() + end + close;
            }
        }
    }
    if open > 0 {
        let c = s
            .get(i..)?
            .chars()
            .next()
            .filter(|c| matches!(c, ')' | '）'))?;
        i += c.len_utf8();
    }
    Some(i)
}

/// A news outlet's name at a line's start (`某某网`, `某某日报`): two to five Han chars ending
/// in 网, 社, 报 or 台. Its byte length.
fn outlet(s: &str) -> Option<usize> {
    let mut len = 0;
    for (n, c) in s.chars().take(5).enumerate() {
        if !is_han(c) {
            return None;
        }
        len += c.len_utf8();
        if n >= 1 && matches!(c, '网' | '社' | '报' | '台') {
            return Some(len);
        }
    }
    None
}

/// `（下转第四版）`, `(上接第1版)`: a paper's jump line. Its length.
fn jump_line(s: &str) -> Option<usize> {
    let open = s.chars().next()?.len_utf8();
    let inner = s.get(open..)?;
    let word = ["下转", "上接", "转", "接", "续"]
        .iter()
        .find(|w| inner.starts_with(**w))?;
    let rest = inner.get(word.len()..)?.strip_prefix('第')?;
    let num: usize = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || crate::text::cn_digit(*c).is_some())
        .map(char::len_utf8)
        .sum();
    let after = rest.get(num..)?.strip_prefix('版')?;
    let close = after.chars().next().filter(|c| matches!(c, ')' | '）'))?;
    (num > 0).then(|| s.len() - after.len() + close.len_utf8())
}

/// `(阅读全部内容,您需要先登录!)`: a login wall's notice in brackets. Its length.
fn login_wall(s: &str) -> Option<usize> {
    let open = s.chars().next()?.len_utf8();
    let end = s.find([')', '）']).filter(|&e| e <= 90)?;
    let inner = s.get(open..end)?;
    let asks = ["阅读", "查看", "全部", "需要", "请先", "全文"]
        .iter()
        .any(|w| inner.contains(w));
    let close = s.get(end..)?.chars().next()?.len_utf8();
    (inner.contains("登录") && asks).then_some(end + close)
}

/// `《某某日报》（2024年03月06日 01 版）`: a paper's name and its page. Its length.
fn page_line(s: &str) -> Option<usize> {
    let close = s.find('》').filter(|&c| c <= 40)?;
    let mut i = close + '》'.len_utf8();
    i += s.get(i..)?.len() - s.get(i..)?.trim_start().len();
    let open = s
        .get(i..)?
        .chars()
        .next()
        .filter(|c| matches!(c, '(' | '（'))?;
    let inner_start = i + open.len_utf8();
    let end = s
        .get(inner_start..)?
        .find([')', '）'])
        .filter(|&e| e <= 40)?;
    let inner = s.get(inner_start..inner_start + end)?;
    let compact: String = inner.chars().filter(|c| !c.is_whitespace()).collect();
    let dated = compact.contains('年') && compact.contains('月') && compact.contains('日');
    if !(dated && compact.ends_with('版')) {
        return None;
    }
    let close_len = s.get(inner_start + end..)?.chars().next()?.len_utf8();
    Some(inner_start + end + close_len)
}

/// `……此处隐藏12345个字……`. Its length.
fn paywall(s: &str) -> Option<usize> {
    let lead = s.len() - s.trim_start_matches(['…', '.']).len();
    let rest = s.get(lead..)?.strip_prefix("此处隐藏")?;
    let d = digits(rest);
    if d == 0 {
        return None;
    }
    let after = rest.get(d..)?;
    let unit = ["个字", "字"].iter().find(|u| after.starts_with(**u))?;
    let tail = after.get(unit.len()..)?;
    let trail = tail.len() - tail.trim_start_matches(['…', '.']).len();
    Some(lead + "此处隐藏".len() + d + unit.len() + trail)
}

/// `（某县融媒体中心）` at the line's end (`left` bytes remain from its start). Its length.
fn credit(s: &str, left: usize) -> Option<usize> {
    let open = s.chars().next()?.len_utf8();
    let end = s.find([')', '）'])?;
    let inner = s.get(open..end)?;
    let close = s.get(end..)?.chars().next()?.len_utf8();
    let n = inner.chars().count();
    let at_end = s.get(end + close..)?.trim().is_empty() && end + close <= left;
    (at_end
        && (3..=20).contains(&n)
        && inner.chars().all(is_han)
        && PUBLISHERS.iter().any(|p| inner.ends_with(p)))
    .then_some(end + close)
}

/// A photo caption: a short run of text from the line's start, or from a wide gap in a line
/// that holds many paragraphs, to `记者 某某 摄` (or `某某/摄`). Byte range into the line.
fn caption(line: &str) -> Option<(usize, usize)> {
    let shot = line.find('摄')?;
    let end = shot + '摄'.len_utf8();
    // the credit: 记者 and a name of two to four chars (spaces allowed) before 摄
    let before = line.get(..shot)?.trim_end().trim_end_matches('/');
    let credit_at = before.rfind("记者")?;
    let name: Vec<char> = before
        .get(credit_at + "记者".len()..)?
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if !((2..=4).contains(&name.len()) && name.iter().all(|c| is_han(*c))) {
        return None;
    }
    // the caption starts at the line start or after the last wide gap before the credit
    let head = line.get(..credit_at)?;
    let start = [
        head.rfind("\u{3000}\u{3000}").map(|i| i + 6),
        head.rfind("\u{3000} ").map(|i| i + 4),
        head.rfind("  ").map(|i| i + 2),
        head.rfind('\t').map(|i| i + 1),
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0);
    let start = start + (line.get(start..)?.len() - line.get(start..)?.trim_start().len());
    let caption = line.get(start..end)?;
    (caption.chars().count() <= 120).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Doc;

    fn run(t: &str) -> String {
        let mut doc = Doc::new(t);
        doc.pass(marks);
        doc.finish().0
    }

    #[test]
    fn a_watermark_token_at_paragraph_ends_goes_everywhere() {
        let t = "工 作 总 结Xq7\n某局局长某某Xq7\n同志们：Xq7\n一年来，我们做了大量工作。Xq7\n\
                 简介：某局 Xq7 一年来\n各位代表:Xq7\n实现GDP增长5%，PM2.5浓度下降。\n";
        let out = run(t);
        assert!(!out.contains("Xq7"), "{out}");
        assert!(out.contains("实现GDP增长5%，PM2.5浓度下降。"), "{out}");
        // a unit or abbreviation at line ends is no watermark
        let t = "装机100kW\n新增50kW\n合计80kW\n";
        assert_eq!(run(t), t);
    }

    #[test]
    fn a_transcript_loses_its_tags_times_applause_and_intro() {
        let t = "今天上午9时，大会开幕，听取某某作报告。\n[某某]:各位代表： [10:01]\n\
                 [某某]:一、过去一年的工作 [10:02]\n[某某]:我们完成了目标。（掌声） [10:0";
        let out = run(t);
        assert_eq!(
            out, "\n各位代表： \n一、过去一年的工作 \n我们完成了目标。 ",
            "{out:?}"
        );
        // one bracketed name with a colon is no transcript
        let t = "【说明】：以下为全文。\n";
        assert_eq!(run(t), t);
    }

    #[test]
    fn datelines_page_lines_credits_and_captions_go() {
        let t = "新华社某地4月2日电 某省今年经济增长。\n本报讯（记者 某某 通讯员 某某）3日上午，会议召开。\n\
                 全年实现收入12亿元。（某县融媒体中心）\n大会开幕。某某作报告。 新华社记者 某 某 摄\n\
                 文末。　　（新华社某地3月9日电） 　　《 某某日报 》（ 2023年03月10日 02 版） \n";
        let out = run(t);
        assert_eq!(
            out,
            " 某省今年经济增长。\n3日上午，会议召开。\n全年实现收入12亿元。\n\n文末。　　 　　 \n",
            "{out:?}"
        );
    }

    #[test]
    fn prose_that_only_resembles_marks_stays() {
        for t in [
            "本报告所称（某县融媒体中心）项目已建成，年接待群众3万人次。\n",
            "我们拍摄了宣传片，记者站建设完成。\n",
            "编排：按年度整理。\n",
            "（一）深化改革，（二）扩大开放。\n",
            "此处隐藏的风险不容忽视。\n",
            "见《规划纲要》（2021年版）。\n",
        ] {
            assert_eq!(run(t), t, "{t}");
        }
    }

    #[test]
    fn each_needle_is_its_word() {
        use Needle::*;
        let words = [
            (DayWire, "日电"),
            (DayNews, "日讯"),
            (OwnNews, "本报讯"),
            (Login, "登录"),
            (Hidden, "隐藏"),
            (Comma, "，"),
            (Pause, "、、"),
            (Page, "版"),
            (Turn, "转"),
            (Join, "接"),
            (Lenticular, "【"),
            (Palm, "掌"),
            (Drum, "鼓"),
            (Laugh, "笑"),
            (Book, "《"),
        ];
        assert_eq!(needles().len(), words.len());
        for (k, w) in words {
            assert_eq!(
                needles().get(k as usize).map(|f| f.needle()),
                Some(w.as_bytes())
            );
        }
    }

    #[test]
    fn doubled_punctuation_loses_the_extra_mark() {
        assert_eq!(
            run("一,、加强领导,,落实责任，；完善制度、、健全机制。\n"),
            "一、加强领导,落实责任；完善制度、健全机制。\n"
        );
        // an ellipsis and a dash are marks of their own; a page-fragment number keeps its 、
        let t = "等等……——以及更多。\n3、、某区\n";
        assert_eq!(run(t), t);
    }

    #[test]
    fn outlets_jump_lines_and_login_walls_go() {
        let out = run(
            "某某网某市2月3日讯(记者 某某 某某)今天上午，会议开幕。\n收入增长5%;社会(下转第三版)\n\
                       综合实力显著增强\n(阅读全部内容,请先登录!)\n",
        );
        assert_eq!(
            out, "今天上午，会议开幕。\n收入增长5%;社会\n综合实力显著增强\n\n",
            "{out:?}"
        );
        // prose that names an outlet, a page or a login keeps them
        for t in [
            "据某某网报道，全市新增企业3家。\n",
            "（转第二版的内容另见附件）\n",
            "（群众可登录网站查询）\n",
        ] {
            assert_eq!(run(t), t, "{t}");
        }
    }

    #[test]
    fn an_editor_note_and_a_paywall_count_go() {
        let out = run("编按：本报连载该报告。\n收入增长，总……此处隐藏2345个字……投资增长。\n");
        assert_eq!(out, "\n收入增长，总投资增长。\n", "{out:?}");
    }
}

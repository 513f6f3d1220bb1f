//! The head of a document: the report's title, and the page furniture around it, judged by
//! shape rather than by a site's words.
//!
//! Sites put their furniture where it cannot be missed: above and around the title, before
//! the first paragraph. So the head is the run of lines before the body (the first line of
//! prose, the salutation, or the first numbered heading). In the head each line is one of:
//!
//! - a **keeper** the authors wrote: the title, the occasion line (`——在…会议上`), the speaker
//!   or issuer line (`某省人民政府省长 某某`), a date line;
//! - **furniture**: a line that scores high on the signs of page furniture, in the manner of
//!   boilerplate removers such as jusText, adapted to plain text: short, no sentence
//!   punctuation, no function words, mostly Latin, a date-and-time row, a site's vocabulary,
//!   repeated elsewhere, a breadcrumb. A word list raises the score; it never decides alone.
//!   Furniture above the title goes; below it, a line that names an organisation (an issuer)
//!   stays.
//!
//! The title is the line that reads as one: short, no sentence end, naming a kind of report
//! (报告 总结 计划 要点 思路 打算 公报 …), never a salutation, dateline, speaker line, site
//! name, breadcrumb or button. A site's headline (with `(全文)`, `精选`, a region tag, a
//! section label, a serial number) yields to the report's own title line when both stand in
//! the head; alone it is the title, the site's marks removed. A title glued to the first
//! paragraph (`…工作总结一、…`) is split from it.

use crate::edit::Rewriter;
use crate::report::CleanKind;
use crate::text::is_han;

/// Words that name a kind of report at a title's end (or before its theme or marks).
const KINDS: &[&str] = &[
    "报告",
    "总结",
    "工作计划",
    "年计划",
    "发展计划",
    "计划草案",
    "要点",
    "思路",
    "打算",
    "公报",
    "规划",
    "纲要",
    "汇报",
    "讲话",
    "施政报告",
];
/// Marks a site adds to a headline.
const SITE_SUFFIXES: &[&str] = &[
    "(全文)",
    "（全文）",
    "【全文】",
    "全文",
    "精选",
    "范文",
    "范本",
    "大全",
    "最新",
    "汇编",
    "(完整版)",
    "（完整版）",
    "完整版",
];
/// Words of a site's furniture: navigation, buttons, language and font switches, badges.
const FURNITURE_WORDS: &[&str] = &[
    "导航",
    "首页",
    "简体",
    "繁体",
    "English",
    "字体",
    "字号",
    "无障碍",
    "在线",
    "网站",
    "登录",
    "注册",
    "关注",
    "收藏",
    "分享",
    "下载",
    "打印",
    "全屏",
    "推荐",
    "答疑",
    "搜索",
    "投稿",
    "订阅",
    "客户端",
    "扫码",
    "返回",
    "更多",
    "栏目",
    "频道",
    "专题",
];
/// Words of an office: a speaker or issuer line holds one.
const OFFICES: &[&str] = &[
    "总理",
    "省长",
    "市长",
    "县长",
    "区长",
    "州长",
    "旗长",
    "盟长",
    "乡长",
    "镇长",
    "主席",
    "书记",
    "局长",
    "主任",
    "委员长",
    "行政长官",
    "厅长",
    "部长",
    "报告人",
    "秘书长",
    "院长",
    "校长",
    "经理",
    "代表",
];
/// Endings of an organisation's name.
const ORGS: &[&str] = &[
    "局",
    "委",
    "办",
    "政府",
    "委员会",
    "办公室",
    "中心",
    "公司",
    "学校",
    "医院",
    "厅",
    "部",
    "处",
    "科",
    "站",
    "街道",
    "乡",
    "镇",
    "社区",
    "党委",
    "党组",
    "支部",
    "管委会",
    "研究院",
    "研究所",
];
/// Labels that open a breadcrumb.
const LOCATION_LABELS: &[&str] = &[
    "您现在的位置",
    "您的位置",
    "当前位置",
    "现在位置",
    "所在位置",
    "位置",
];
/// Words of the function class: prose has them, furniture has next to none.
const FUNCTION_CHARS: &[char] = &[
    '的', '了', '和', '是', '在', '对', '为', '把', '被', '将', '与', '等', '并', '已', '我',
];

/// Visible chars of a line: white space and letter-spacing do not count.
fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

fn has_sentence_punct(s: &str) -> bool {
    s.contains(['。', '，', '；', '！', '？', '、', ';'])
}

/// Prose: a line of the body.
fn prose(c: &str) -> bool {
    let n = c.chars().count();
    (n >= 30 && (has_sentence_punct(c) || c.matches(',').count() >= 2))
        || n >= 90
        || (n >= 12 && c.ends_with('。'))
}

/// `各位代表：`, `同志们：`.
fn salutation(c: &str) -> bool {
    let n = c.chars().count();
    n <= 24
        && c.ends_with([':', '：', '！', '!'])
        && [
            "代表", "同志", "委员", "各位", "朋友", "女士", "先生", "领导", "议员", "议长",
        ]
        .iter()
        .any(|w| c.contains(w))
}

/// `——在某某大会上`, `（2024年1月8日在某县第一次会议上）`.
fn occasion(c: &str) -> bool {
    (c.starts_with(['—', '─', '-', '(', '（']) && (c.contains("会议") || c.contains("大会")))
        || (c.starts_with('在') && c.contains("会上"))
        || (c.contains("会议上")
            && c.chars().count() <= 60
            && !has_sentence_punct(c)
            && !c.split("——").next().is_some_and(names_kind))
}

/// `某省人民政府省长 某某`, `报告人：某某`.
fn speaker(c: &str) -> bool {
    c.chars().count() <= 30 && !has_sentence_punct(c) && OFFICES.iter().any(|w| c.contains(w))
}

/// `2024年1月8日`: the report's date line.
fn date_line(c: &str) -> bool {
    c.chars().count() <= 16
        && c.contains('年')
        && c.ends_with('日')
        && c.chars()
            .all(|ch| ch.is_ascii_digit() || "年月日〇○零一二三四五六七八九十".contains(ch))
}

/// A row of a date or a time and little else (`2016-03-07`, `• 2015-11-22`,
/// `某网 2021-07-27 17:14:09 某类`).
fn date_row(c: &str) -> bool {
    let digits = c.chars().filter(char::is_ascii_digit).count();
    let iso = c.as_bytes().windows(10).any(|w| {
        w.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-' || *b == b'/' || *b == b'.',
            _ => b.is_ascii_digit(),
        })
    });
    let n = c.chars().count();
    iso && digits >= 8 && n <= 40
}

/// A clock time (`17:14`) in the line.
fn clock_time(c: &str) -> bool {
    c.as_bytes().windows(5).any(|w| {
        w.first().is_some_and(u8::is_ascii_digit)
            && w.get(1).is_some_and(u8::is_ascii_digit)
            && w.get(2) == Some(&b':')
            && w.get(3).is_some_and(u8::is_ascii_digit)
            && w.get(4).is_some_and(u8::is_ascii_digit)
    })
}

/// A line names a kind of report: the kind word at its end, or before a theme (`…报告, 主题`),
/// a dash (`…报告—一、…`), a site's mark or a serial (`…报告-1`).
fn names_kind(c: &str) -> bool {
    let c = strip_suffixes(c);
    KINDS.iter().any(|k| {
        c.match_indices(k).any(|(i, _)| {
            let after = c.get(i + k.len()..).unwrap_or("");
            after.is_empty()
                || after.starts_with([',', '，', '—', '-', '─', ':', '：', ' ', '(', '（', '》'])
                || after.starts_with("和")
                || after.starts_with("及")
                || after.starts_with("与")
        })
    })
}

/// Title-like: short, no sentence end, names a kind of report.
pub(super) fn title_like(c: &str) -> bool {
    let n = c.chars().count();
    (4..=80).contains(&n)
        && !c.contains('。')
        && !date_row(c)
        && !clock_time(c)
        && !salutation(c)
        && !occasion(c)
        && !c.starts_with(['—', '─'])
        && names_kind(c)
}

/// The line without the marks a site adds after a headline.
pub(super) fn strip_suffixes(c: &str) -> &str {
    let mut c = c.trim();
    loop {
        let before = c;
        for s in SITE_SUFFIXES {
            if let Some(r) = c.strip_suffix(s) {
                c = r.trim_end();
            }
        }
        c = c
            .trim_end_matches(|ch: char| ch.is_ascii_digit())
            .trim_end_matches('-');
        if let Some(i) = c.rfind(['-', '_', '|', '｜', '—']) {
            if i > 0 && site_name_suffix(c.get(i..).unwrap_or("")) > 0 {
                c = c.get(..i).unwrap_or(c).trim_end();
            }
        }
        c = c.trim_end_matches([' ', '|', '｜']);
        let status = status_suffix(c);
        c = c.get(..c.len() - status).unwrap_or(c).trim_end();
        if c.len() == before.len() {
            return c;
        }
    }
}

/// Section label (`专题报导/`) or region tag (`(某省)`) a site puts before a headline: its
/// byte length.
fn site_prefix(c: &str) -> usize {
    // a metadata label: `标题:…`
    for l in ["标题", "题目", "名称", "文件名称", "文章标题"] {
        if let Some(r) = c.strip_prefix(l) {
            if let Some(colon) = r.chars().next().filter(|c| matches!(c, ':' | '：')) {
                return l.len() + colon.len_utf8();
            }
        }
    }
    // a category tag: `【某类总结】`, not an article divider (`【篇一】`)
    if let Some(rest) = c.strip_prefix('【') {
        if let Some(end) = rest.find('】') {
            let inner = rest.get(..end).unwrap_or("");
            let n = inner.chars().count();
            if (2..=8).contains(&n) && !inner.contains('篇') && !inner.starts_with('第') {
                return '【'.len_utf8() + end + '】'.len_utf8();
            }
        }
    }
    if let Some(i) = c.find('/') {
        let label = c.get(..i).unwrap_or("");
        let n = label.chars().count();
        if (2..=6).contains(&n) && label.chars().all(is_han) {
            return i + 1;
        }
    }
    if let Some(open) = c.chars().next().filter(|c| matches!(c, '(' | '（')) {
        let rest = c.get(open.len_utf8()..).unwrap_or("");
        if let Some(end) = rest.find([')', '）']) {
            let inner = rest.get(..end).unwrap_or("");
            let n = inner.chars().count();
            let region = ["省", "市", "县", "区", "州", "盟", "旗"]
                .iter()
                .any(|r| inner.ends_with(r));
            if (2..=8).contains(&n) && inner.chars().all(is_han) && region {
                let close = rest
                    .get(end..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8);
                return open.len_utf8() + end + close;
            }
        }
    }
    0
}

/// A headline that a site marked: a suffix, a prefix, or a serial after the kind.
fn site_marked(c: &str) -> bool {
    strip_suffixes(c).len() < c.trim().len()
        || site_prefix(c) > 0
        || ["范文", "精选", "范本"].iter().any(|w| c.contains(w))
        || status_suffix(c) > 0
}

/// A short bracketed note an uploader puts after a headline's kind word (`…总结(正稿)`,
/// `…报告（定稿）`): its byte length.
fn status_suffix(c: &str) -> usize {
    let t = c.trim_end();
    let Some(close) = t.chars().next_back().filter(|c| matches!(c, ')' | '）')) else {
        return 0;
    };
    let inner_end = t.len() - close.len_utf8();
    let Some(open) = t.get(..inner_end).and_then(|r| r.rfind(['(', '（'])) else {
        return 0;
    };
    let inner = t.get(open..inner_end).unwrap_or("");
    let inner = inner.trim_start_matches(['(', '（']);
    let n = inner.chars().count();
    let before = t.get(..open).unwrap_or("");
    if (1..=4).contains(&n)
        && inner.chars().all(is_han)
        && KINDS.iter().any(|k| before.ends_with(k))
    {
        t.len() - open
    } else {
        0
    }
}

/// A site's name after a page title (`… - 某某文库`, `…_某某网`): its byte length, when it
/// runs to the end.
fn site_name_suffix(s: &str) -> usize {
    let t = s.trim_start();
    let Some(rest) = t.strip_prefix(['-', '_', '|', '｜', '—']) else {
        return 0;
    };
    let name = rest.trim();
    let n = name.chars().count();
    let sitey = ["文库", "网", "在线", "范文", "百科", "文档", "论坛", "频道"]
        .iter()
        .any(|w| name.ends_with(w));
    if (2..=10).contains(&n) && sitey && !name.contains(['，', '。', ',']) {
        s.len()
    } else {
        0
    }
}

/// Letter-spaced: the chars of a typeset title line copied with a space between each.
fn letter_spaced(line: &str) -> bool {
    let segs: Vec<&str> = line
        .split([' ', '\u{3000}'])
        .filter(|s| !s.is_empty())
        .collect();
    segs.len() >= 4 && segs.iter().all(|s| s.chars().count() == 1)
}

/// Two or more titles in a row, parted by spaces: a site's list of editions or links.
fn title_list(line: &str) -> bool {
    line.split([' ', '\u{3000}', '|'])
        .filter(|s| s.chars().count() >= 4 && title_like(s))
        .count()
        >= 2
}

/// The score of a line's signs of furniture; three or more is furniture.
fn furniture_score(c: &str, repeated: bool) -> i32 {
    let n = c.chars().count();
    let mut s = 0;
    if n <= 12 {
        s += 2;
    } else if n <= 25 {
        s += 1;
    }
    if !has_sentence_punct(c) && !c.contains(',') {
        s += 1;
    }
    let latin = c.chars().filter(char::is_ascii_alphabetic).count();
    if latin * 2 >= n && latin > 0 {
        s += 2;
    }
    if date_row(c) {
        s += 3;
    }
    if FURNITURE_WORDS.iter().any(|w| c.contains(w)) {
        s += 2;
    }
    if repeated {
        s += 1;
    }
    if c.contains(['|', '｜', '>', '›', '»', '【', '】']) {
        s += 1;
    }
    let function = c.chars().filter(|ch| FUNCTION_CHARS.contains(ch)).count();
    if function >= 2 && n >= 12 && function * 10 >= n {
        s -= 2;
    }
    if c.ends_with(['。', '！', '？']) {
        s -= 2;
    }
    s
}

/// A breadcrumb: a location label, or three or more short items parted by `>`, `›`, `»`.
/// The byte length of what precedes its last item, and whether the line is one.
fn breadcrumb(c: &str) -> Option<usize> {
    let labelled = LOCATION_LABELS.iter().any(|l| {
        c.strip_prefix(l)
            .is_some_and(|r| r.trim_start().starts_with([':', '：']))
    });
    let last = c.rfind(['>', '›', '»', '→'])?;
    let items = c
        .split(['>', '›', '»', '→'])
        .filter(|s| !s.trim().is_empty())
        .count();
    (labelled || items >= 3).then(|| {
        let sep = c
            .get(last..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        last + sep
    })
}

/// What the head pass found.
#[derive(Debug, Default)]
pub(super) struct Head {
    /// The report's title.
    pub(super) title: Option<String>,
}

/// One line of the head, as judged.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Judged {
    Keep,
    Furniture,
    /// A site headline that yields to the report's own title.
    Headline,
    /// The line opens with a breadcrumb, `.0` bytes long, before its last item.
    Crumbs(usize),
    /// A teaser: a copy of the text that follows.
    Teaser,
    /// The title.
    Title,
}

/// The first lines of a text, as they are before spacing: [`head`] reads their spaces.
pub(super) fn raw_lines(text: &str) -> Vec<String> {
    crate::text::lines(text)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(60)
        .map(str::to_string)
        .collect()
}

/// Removes the head's furniture and finds the title. `hint` is a title a wrapper gave; `raw`
/// the first lines as they were before spacing ([`raw_lines`]).
pub(super) fn head(text: &str, rw: &mut Rewriter, hint: Option<&str>, raw: &[String]) -> Head {
    let lines: Vec<&str> = crate::text::lines(text).collect();
    let raw_compact: Vec<String> = raw.iter().map(|r| compact(r)).collect();
    // a line as it stood before spacing, when it did
    let before_spacing = |line: &str| -> String {
        let c = compact(line);
        raw_compact
            .iter()
            .position(|r| *r == c)
            .and_then(|k| raw.get(k))
            .map_or_else(|| line.trim().to_string(), String::clone)
    };
    // The head ends at the body's first line.
    let mut end = 0;
    let mut chars = 0;
    for (i, l) in lines.iter().enumerate() {
        let c = compact(l);
        end = i;
        if !c.is_empty()
            && (prose(&c)
                || salutation(&c)
                || crate::outline::starts_with_marker(l)
                || chars > 2_000
                || i >= 40)
        {
            break;
        }
        chars += c.chars().count();
        end = i + 1;
    }
    let head_lines = lines.get(..end).unwrap_or(&[]);
    let compacts: Vec<String> = head_lines.iter().map(|l| compact(l)).collect();
    let mut judged = vec![Judged::Keep; head_lines.len()];

    // Breadcrumbs first: their last item may be the title.
    for (j, c) in judged.iter_mut().zip(head_lines) {
        let t = c.trim();
        if let Some(n) = breadcrumb(t) {
            let last = compact(t.get(n..).unwrap_or(""));
            *j = if title_like(&last) && last.chars().count() >= 8 {
                Judged::Crumbs(c.len() - c.trim_start().len() + n)
            } else {
                Judged::Furniture
            };
        }
    }
    let items: Vec<String> = (0..head_lines.len())
        .map(|i| match judged.get(i) {
            Some(Judged::Crumbs(n)) => {
                compact(head_lines.get(i).and_then(|l| l.get(*n..)).unwrap_or(""))
            }
            _ => compacts.get(i).cloned().unwrap_or_default(),
        })
        .collect();
    let item = |i: usize| -> &str { items.get(i).map_or("", String::as_str) };
    // Title candidates, in order; a site's headline yields to a later plain one.
    let candidates: Vec<usize> = (0..head_lines.len())
        .filter(|&i| judged.get(i) != Some(&Judged::Furniture) && title_like(item(i)))
        .collect();
    // A typeset title line (letter-spaced) is the document's own; else the first that no
    // site marked.
    let spaced = candidates.iter().copied().find(|&i| {
        head_lines
            .get(i)
            .is_some_and(|l| letter_spaced(&before_spacing(l)))
    });
    let plain = spaced.or_else(|| candidates.iter().copied().find(|&i| !site_marked(item(i))));
    let hinted = hint.and_then(|h| {
        let h = compact(h);
        candidates
            .iter()
            .copied()
            .find(|&i| item(i) == h || strip_suffixes(item(i)) == h)
    });
    let title_at = plain.or(hinted).or_else(|| candidates.first().copied());
    if let Some(t) = title_at {
        for &i in &candidates {
            // a headline above the title that a site marked, or any above a typeset title
            if i < t && (site_marked(item(i)) || spaced == Some(t)) {
                if let Some(j) = judged.get_mut(i) {
                    *j = Judged::Headline;
                }
            }
        }
        // later copies of a yielded headline go too
        for i in t + 1..head_lines.len() {
            let c = item(i);
            let yielded = (0..t).any(|k| judged.get(k) == Some(&Judged::Headline) && item(k) == c);
            if yielded {
                if let Some(j) = judged.get_mut(i) {
                    *j = Judged::Headline;
                }
            }
        }
        if let Some(j) = judged.get_mut(t) {
            if !matches!(j, Judged::Crumbs(_)) {
                *j = Judged::Title;
            }
        }
    }
    // Teasers: a long line that repeats the text after it.
    let after: Vec<String> = (0..lines.len().min(end + 16))
        .map(|i| compact(lines.get(i).unwrap_or(&"")))
        .collect();
    for i in 0..head_lines.len() {
        if judged.get(i) == Some(&Judged::Keep) && repeats_what_follows(&after, i) {
            if let Some(j) = judged.get_mut(i) {
                *j = Judged::Teaser;
            }
        }
    }
    // Furniture by its score: every line above the title; below it, lines that name no
    // organisation.
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for c in &compacts {
        *seen.entry(c.as_str()).or_default() += 1;
    }
    let scores: Vec<i32> = compacts
        .iter()
        .map(|c| {
            let mut score = furniture_score(c, seen.get(c.as_str()).copied().unwrap_or(0) > 1);
            if title_like(c) {
                score -= 1;
            }
            score
        })
        .collect();
    // the scores of the non-blank lines next to line i
    let neighbour = |i: usize| -> i32 {
        let prev = (0..i)
            .rev()
            .find(|&k| compacts.get(k).is_some_and(|c| !c.is_empty()));
        let next =
            (i + 1..compacts.len()).find(|&k| compacts.get(k).is_some_and(|c| !c.is_empty()));
        [prev, next]
            .into_iter()
            .flatten()
            .filter_map(|k| scores.get(k).copied())
            .max()
            .unwrap_or(0)
    };
    for i in 0..head_lines.len() {
        if judged.get(i) != Some(&Judged::Keep) {
            continue;
        }
        let c = compacts.get(i).map(String::as_str).unwrap_or("");
        if c.is_empty()
            || occasion(c)
            || speaker(c)
            || date_line(c)
            || crate::outline::article_divider(c)
        {
            continue;
        }
        let above = title_at.is_some_and(|t| i < t);
        let org = ORGS.iter().any(|o| c.ends_with(o)) && c.chars().count() <= 20;
        let score = scores.get(i).copied().unwrap_or(0);
        // Strong signs decide alone; a short plain line goes above the title, or in a run of
        // such lines (a menu), never alone.
        let listed = head_lines
            .get(i)
            .is_some_and(|l| title_list(&before_spacing(l)));
        let furniture = listed || score >= 4 || (score >= 3 && (above || neighbour(i) >= 3));
        if furniture && (above || !org) {
            if let Some(j) = judged.get_mut(i) {
                *j = Judged::Furniture;
            }
        }
    }
    // Smoothing: a short line between two furniture lines is furniture too.
    for i in 1..head_lines.len() {
        let prev = judged.get(i - 1) == Some(&Judged::Furniture);
        let next = judged.get(i + 1) == Some(&Judged::Furniture);
        let c = compacts.get(i).map(String::as_str).unwrap_or("");
        if prev
            && next
            && judged.get(i) == Some(&Judged::Keep)
            && !c.is_empty()
            && !occasion(c)
            && !speaker(c)
            && !crate::outline::article_divider(c)
            && furniture_score(c, false) >= 2
        {
            if let Some(j) = judged.get_mut(i) {
                *j = Judged::Furniture;
            }
        }
    }

    let mut out = Head::default();
    for (i, line) in head_lines.iter().enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        let rest = line.get(body.len()..).unwrap_or("");
        match judged.get(i).copied().unwrap_or(Judged::Keep) {
            Judged::Keep => rw.keep(line),
            // whole lines go with their line ends: spacing has run, and leaves no blank line
            Judged::Furniture | Judged::Headline => rw.remove(line, CleanKind::Boilerplate),
            Judged::Teaser => rw.remove(line, CleanKind::Duplicate),
            Judged::Crumbs(n) => {
                rw.remove(body.get(..n).unwrap_or(""), CleanKind::Boilerplate);
                let t = body.get(n..).unwrap_or("");
                if title_at == Some(i) {
                    out.title = Some(emit_title(t, rw));
                } else {
                    rw.keep(t);
                }
                rw.keep(rest);
            }
            Judged::Title => {
                out.title = Some(emit_title(body, rw));
                rw.keep(rest);
            }
        }
    }
    let body_lines = lines.get(end..).unwrap_or(&[]);
    let mut body_iter = body_lines.iter();
    let mut consumed = 0;
    // No title in the head: one glued to the first paragraph (`…工作总结一、…`).
    if out.title.is_none() {
        if let Some(first) = body_iter.next() {
            consumed = 1;
            match glued_title(first) {
                // The title is read from the line; the line stays as the site left it (its
                // heading markers run into the text are no headings of its outline).
                Some(n) => {
                    out.title = Some(emit_title(first.get(..n).unwrap_or(""), rw));
                    rw.keep(first.get(n..).unwrap_or(""));
                }
                None => rw.keep(first),
            }
        }
    }
    for (k, l) in body_iter.enumerate() {
        if k < 3 && repeats_what_follows(&after, end + consumed + k) {
            rw.remove(l, CleanKind::Duplicate);
            continue;
        }
        match out
            .title
            .as_deref()
            .filter(|_| k < 3)
            .and_then(|t| glued_copy(l, t))
        {
            Some(n) => {
                rw.remove(l.get(..n).unwrap_or(""), CleanKind::Duplicate);
                rw.keep(l.get(n..).unwrap_or(""));
            }
            None => rw.keep(l),
        }
    }
    out
}

/// A copy of the title glued before a paragraph, with its serial number (`某某工作总结1` before
/// `2023年以来…`): the byte length of the copy and the serial.
fn glued_copy(line: &str, title: &str) -> Option<usize> {
    let rest = line.strip_prefix(title)?;
    if rest.trim().chars().count() < 20 {
        return None;
    }
    let d = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest.get(d..).unwrap_or("");
    // a serial of one or two digits before a year of four (`120xx年`, `12023年`)
    let serial = if after.starts_with(['x', 'X']) && (3..=4).contains(&d) {
        d - 2
    } else if after.starts_with('年') && (5..=6).contains(&d) {
        d - 4
    } else {
        0
    };
    Some(title.len() + serial)
}

/// True when line `i` of `lines` (compact) is a teaser: a long line whose middle stands again
/// in the dozen lines after it.
fn repeats_what_follows(lines: &[String], i: usize) -> bool {
    let Some(c) = lines.get(i) else { return false };
    let n = c.chars().count();
    if n < 30 {
        return false;
    }
    let following: String = lines.get(i + 1..).unwrap_or(&[]).concat();
    let probe: String = c.chars().skip(n / 2).take(16).collect();
    following.contains(&probe)
}

/// Emits a title line, removing a site's marks and an archive label glued before the title;
/// returns the title.
fn emit_title(line: &str, rw: &mut Rewriter) -> String {
    let lead = line.len() - line.trim_start().len();
    rw.keep(line.get(..lead).unwrap_or(""));
    let t = line.get(lead..).unwrap_or("");
    let mut start = site_prefix(t);
    // An archive label glued before the report's own title: `某年政府工作报告关于…的报告`.
    if let Some(i) = t
        .get(start..)
        .and_then(|r| r.find("关于"))
        .map(|i| i + start)
    {
        let label = t.get(start..i).unwrap_or("");
        if i > start
            && title_like(&compact(label))
            && names_kind(&compact(t.get(i..).unwrap_or("")))
        {
            start = i;
        }
    }
    // A site's headline glued before the document's own title: `…计划范文某局…总结`.
    for s in ["范文", "精选", "(全文)", "（全文）"] {
        if let Some(i) = t
            .get(start..)
            .and_then(|r| r.find(s))
            .map(|i| i + start + s.len())
        {
            let own = compact(t.get(i..).unwrap_or(""));
            let joined = own.starts_with(['和', '及', '与', '暨']);
            if own.chars().count() >= 6 && title_like(&own) && !joined {
                start = i;
            }
        }
    }
    rw.remove(t.get(..start).unwrap_or(""), CleanKind::Boilerplate);
    let body = t.get(start..).unwrap_or("");
    // The title runs to a dash before a heading (`…施政报告— 一、…`), or to the kind word and
    // its theme or subtitle; a site's marks after it go, a speaker after it stays.
    let (title_part, tail) = split_dash_heading(body);
    let title = title_of(title_part);
    match title_part.find(title.as_str()).map(|i| i + title.len()) {
        Some(p) => {
            rw.keep(title_part.get(..p).unwrap_or(""));
            let (marks, rest) = split_marks(title_part.get(p..).unwrap_or(""));
            if !marks.is_empty() {
                rw.remove(marks, CleanKind::Boilerplate);
            }
            rw.keep(rest);
        }
        None => rw.keep(title_part),
    }
    if let Some((dash, heading)) = tail {
        rw.remove(dash, CleanKind::Boilerplate);
        rw.replace("", "\n", Some(CleanKind::Spacing));
        rw.keep(heading);
    }
    title
}

/// A title's words, from a title line: up to the kind word, with a theme after a comma or a
/// subtitle after a dash, but not a serial, a site's mark or a speaker after it; an occasion
/// before it (`第N次大会 某县施政报告`) left out; letter-spacing removed.
fn title_of(t: &str) -> String {
    let t = t.trim();
    let segs: Vec<&str> = t
        .split([' ', '\u{3000}'])
        .filter(|s| !s.is_empty())
        .collect();
    if segs.len() > 2 && segs.iter().all(|s| s.chars().count() <= 2) {
        return compact(t);
    }
    let mut start = 0;
    for w in ["大会", "会议"] {
        if let Some(i) = t.rfind(w) {
            let before = t.get(..i).unwrap_or("");
            let rest = t.get(i + w.len()..).unwrap_or("").trim_start();
            if before.contains('第') && rest.chars().count() >= 4 && names_kind(rest) {
                start = start.max(t.len() - rest.len());
            }
        }
    }
    let t = t.get(start..).unwrap_or(t);
    let mut end = t.len();
    'kinds: for k in KINDS {
        for (i, _) in t.match_indices(k) {
            let e = i + k.len();
            let after = t.get(e..).unwrap_or("");
            if !split_marks(after).0.is_empty() {
                end = end.min(e);
                continue;
            }
            if after.is_empty()
                || after.starts_with([',', '，', '—', '─', '(', '（', ':', '：'])
                || after.starts_with("和")
                || after.starts_with("及")
                || after.starts_with("与")
            {
                continue 'kinds;
            }
            let marks = split_marks(after).0;
            if !marks.is_empty()
                || after.starts_with([' ', '\u{3000}'])
                || OFFICES.iter().any(|o| after.starts_with(o))
            {
                end = end.min(e);
            }
        }
    }
    t.get(..end).unwrap_or(t).trim().to_string()
}

/// `(the title's part, Some((the dash, the heading)))` when a dash parts the title from a
/// numbered heading.
fn split_dash_heading(t: &str) -> (&str, Option<(&str, &str)>) {
    for (i, c) in t.char_indices() {
        if matches!(c, '—' | '─') {
            let dash_end = i + t.get(i..).map_or(0, |r| {
                r.len() - r.trim_start_matches(['—', '─', ' ', '\u{3000}']).len()
            });
            let rest = t.get(dash_end..).unwrap_or("");
            if crate::outline::starts_with_marker(rest) {
                return (
                    t.get(..i).unwrap_or(""),
                    Some((t.get(i..dash_end).unwrap_or(""), rest)),
                );
            }
        }
    }
    (t, None)
}

/// Splits a site's marks (`-1`, `(全文)`, `精选`) from the words after them.
fn split_marks(s: &str) -> (&str, &str) {
    let mut i = 0;
    loop {
        let rest = s.get(i..).unwrap_or("");
        let status = status_suffix(rest);
        let site = site_name_suffix(rest);
        let seps = rest.len() - rest.trim_start_matches([' ', '|', '｜']).len();
        let next = SITE_SUFFIXES
            .iter()
            .find(|m| rest.starts_with(**m))
            .map(|m| m.len())
            .or((status > 0 && status == rest.trim_end().len()).then_some(status))
            .or((site > 0).then_some(site))
            .or((seps > 0
                && rest.contains(['|', '｜'])
                && rest.trim_start_matches([' ', '|', '｜']).is_empty())
            .then_some(seps))
            .or_else(|| {
                let d = rest
                    .strip_prefix('-')
                    .map_or(0, |r| r.bytes().take_while(u8::is_ascii_digit).count());
                (d > 0).then_some(1 + d)
            });
        match next {
            Some(n) => i += n,
            None => return s.split_at(i),
        }
    }
}

/// A title at the start of the first paragraph, before its first heading marker or sentence:
/// the byte length of the title.
fn glued_title(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let lead = line.len() - t.len();
    for (i, c) in t.char_indices() {
        if i > 160 || matches!(c, '。' | '，' | ',' | '；') {
            return None;
        }
        if i > 0
            && crate::outline::starts_with_marker(t.get(i..).unwrap_or(""))
            && "一二三四五六七八九十壹".contains(c)
        {
            let head = t.get(..i).unwrap_or("");
            return title_like(&compact(head)).then_some(lead + i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Doc;

    fn run(t: &str) -> (String, Option<String>) {
        let mut doc = Doc::new(t);
        let mut title = None;
        doc.pass(|t, rw| title = head(t, rw, None, &[]).title);
        (doc.finish().0, title)
    }

    #[test]
    fn navigation_above_the_title_goes_and_the_speaker_stays() {
        let t = "某某资讯网\n某某资讯网\n\n热门专业\n招生简章\n在线问答\n2023年政府工作报告\n2023-03-06\n新华网\n\
                 关注我们\n\n  某省人民政府省长 某某\n\n  各位代表：\n  现在，我代表省人民政府，向大会报告工作。\n";
        let (out, title) = run(t);
        assert_eq!(title.as_deref(), Some("2023年政府工作报告"));
        assert_eq!(out, "\n2023年政府工作报告\n\n  某省人民政府省长 某某\n\n  各位代表：\n  现在，我代表省人民政府，向大会报告工作。\n");
    }

    #[test]
    fn language_and_font_switches_go_though_they_hold_a_function_word() {
        let (out, title) =
            run("某区2020年工作报告\nEnglish繁体默认字号较大的字号最大的字号\n一、工作回顾\n");
        assert_eq!(title.as_deref(), Some("某区2020年工作报告"));
        assert_eq!(out, "某区2020年工作报告\n一、工作回顾\n");
    }

    #[test]
    fn a_salutation_is_never_the_title() {
        let (out, title) = run("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n");
        assert_eq!(title, None);
        assert!(out.starts_with("各位代表："));
    }

    #[test]
    fn a_site_headline_yields_to_the_reports_own_title() {
        let t = "(某省)2022年某县人民政府工作报告(全文)\n某某搜 2023-01-02 10:11:12 政府报告\n\
                 政 府 工 作 报 告\n某县人民政府县长 某某\n各位代表：\n现在，我代表县人民政府向大会作报告。\n";
        let (out, title) = run(t);
        assert_eq!(title.as_deref(), Some("政府工作报告"));
        assert!(!out.contains("(全文)") && !out.contains("某某搜"), "{out}");
        assert!(
            out.contains("政 府 工 作 报 告\n某县人民政府县长 某某\n各位代表："),
            "{out}"
        );
    }

    #[test]
    fn a_lone_headline_loses_only_the_sites_marks() {
        let (out, title) = run("某局2021年工作总结和2022年工作计划精选\n一、主要工作\n");
        assert_eq!(title.as_deref(), Some("某局2021年工作总结和2022年工作计划"));
        assert_eq!(out, "某局2021年工作总结和2022年工作计划\n一、主要工作\n");
        let (out, title) = run("栏目名/第3次大会 某县政府施政报告-2 报告人:某某(县长)\n  • 2019-11-20\n今年以来，我们全力推进各项工作，取得了一定成效。\n");
        assert_eq!(title.as_deref(), Some("某县政府施政报告"));
        assert!(
            out.starts_with("第3次大会 某县政府施政报告 报告人:某某(县长)\n"),
            "{out}"
        );
        assert!(!out.contains("2019-11-20"), "{out}");
    }

    #[test]
    fn a_page_titles_site_name_goes() {
        let (out, title) =
            run("某局2022年工作总结 - 某某文库\n今年以来，我局认真履职，各项工作取得新成效。\n");
        assert_eq!(title.as_deref(), Some("某局2022年工作总结"));
        assert!(out.starts_with("某局2022年工作总结\n今年"), "{out}");
    }

    #[test]
    fn a_breadcrumbs_last_item_can_be_the_title() {
        let (out, title) = run("您的位置:某某网>总结>年终总结>某镇2022年工作总结\n某镇2022年工作总结\n今年以来，全镇上下团结一心，各项工作取得新进展。\n");
        assert_eq!(title.as_deref(), Some("某镇2022年工作总结"));
        assert!(out.starts_with("某镇2022年工作总结\n"), "{out}");
    }

    #[test]
    fn a_title_before_a_heading_is_split_from_it_or_read_where_it_is_glued() {
        let (out, title) = run("某某年度施政报告— 一、上年施政回顾\n下面，我就上年的施政作简要回顾和总结，请各位审议。\n");
        assert_eq!(title.as_deref(), Some("某某年度施政报告"));
        assert!(
            out.starts_with("某某年度施政报告\n一、上年施政回顾\n"),
            "{out}"
        );
        let (out, title) = run("2023年工作总结范文某中心 xx 年工作总结和 xx 年工作打算一、xx 年工作与成效xx 年,我中心紧紧围绕中心工作,开展了各项活动,效果明显。\n");
        assert_eq!(
            title.as_deref(),
            Some("某中心 xx 年工作总结和 xx 年工作打算")
        );
        assert!(
            out.starts_with("某中心 xx 年工作总结和 xx 年工作打算一、xx 年工作与成效"),
            "{out}"
        );
    }

    #[test]
    fn an_archive_label_glued_before_the_title_goes() {
        let (out, title) = run("2001年政府工作报告关于某某计划的报告——2001年3月5日在某次会议上\n国务院总理某某\n各位代表：\n");
        assert_eq!(
            title.as_deref(),
            Some("关于某某计划的报告——2001年3月5日在某次会议上")
        );
        assert!(out.starts_with("关于某某计划的报告——"), "{out}");
    }

    #[test]
    fn a_teaser_that_repeats_the_opening_goes() {
        let t = "某县2023年工作总结\n简介：某县2023年工作总结 一年来，在县委的坚强领导下，全县上下攻坚克难，经济\n\
                 一年来，在县委的坚强领导下，全县上下攻坚克难，经济社会发展取得新成效。\n";
        let (out, _) = run(t);
        assert_eq!(out, "某县2023年工作总结\n一年来，在县委的坚强领导下，全县上下攻坚克难，经济社会发展取得新成效。\n");
    }

    #[test]
    fn a_page_with_no_title_keeps_none_and_loses_its_viewer_furniture() {
        let toc = "1 目 录 壹 总 则... 1 一 适 用 范 围 二 基 本 原 则 贰 组 织 机 构 叁 附 则\n";
        let (out, title) = run(&format!(
            "Size: px\nStart display at page:\n\nDownload \"\"\n\n{toc}"
        ));
        assert_eq!(title, None);
        assert_eq!(out, format!("\n\n{toc}"));
        // a short line alone, with no title above it, is no menu
        let t = "目 录\n一、总则……1\n";
        assert_eq!(run(t), (t.to_string(), None));
    }

    #[test]
    fn an_issuer_under_the_title_stays() {
        let (out, title) = run("2022年工作总结\n某县教育局\n2022年12月30日\n今年以来，我局认真贯彻落实上级决策部署，各项工作稳步推进。\n");
        assert_eq!(title.as_deref(), Some("2022年工作总结"));
        assert!(
            out.starts_with("2022年工作总结\n某县教育局\n2022年12月30日\n"),
            "{out}"
        );
    }
}

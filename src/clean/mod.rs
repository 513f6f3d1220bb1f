//! Cleaning (SPEC §3): remove what the scrape added, restore what it broke, log every change.
//!
//! Passes, in order (each is one function below):
//!
//! 1. [`normalize`]: line endings, invisible and control characters.
//! 2. [`strip_pinyin`]: `領(lǐng)導(dǎo)` → `領導`, before conversion, since a gloss inside a word
//!    breaks zhconv's phrase rules.
//! 3. conversion to simplified ([`crate::convert`]), so that the later rules, which look for
//!    words, see one script.
//! 4. [`narrow`]: full-width digits and Latin letters to ASCII.
//! 5. [`chrome`]: site chrome, metadata rows, page counters, teasers, paywall text.
//! 6. [`join_fragments`]: `N、` page-fragment markers that cut sentences; page-number lines.
//! 7. [`join_wraps`]: line breaks inside sentences (page ends, PDF line ends).
//! 8. [`page_numbers_in_words`]: `组2长` → `组长`, by the page sequence.
//! 9. [`spacing`]: letter-spacing, indentation, blank lines, ideographic paragraph gaps.
//! 10. [`title_and_duplicates`]: the title kept once, repeated paragraphs dropped.

mod head;
mod marks;
mod wrapper;

use std::sync::OnceLock;

use crate::convert::convert_doc;
use crate::edit::{Doc, Rewriter};
use crate::parallel::Split;
use crate::report::{CleanKind, Cleaning, Script};
use crate::text::{is_cjk, is_cjk_punct, is_han, is_terminal, words, Gate, Words};

/// What cleaning gives the later stages.
#[derive(Debug, Clone)]
pub(crate) struct Cleaned {
    pub(crate) text: String,
    pub(crate) log: Vec<Cleaning>,
    pub(crate) title: Option<String>,
    pub(crate) script: Script,
}

/// Runs every pass over decoded text.
pub(crate) fn clean(input: &str, split: Split) -> Cleaned {
    clean_observed(input, split, &mut |_| {})
}

/// [`clean`], telling `after` the name of each pass as it ends (the throughput example times
/// the passes with it).
pub(crate) fn clean_observed(
    input: &str,
    split: Split,
    after: &mut dyn FnMut(&'static str),
) -> Cleaned {
    // The two passes that read each line alone and cost more than copying the text (pinyin
    // glosses, conversion) run on every thread `split` allows (one in a wasm build): a pass
    // split over threads copies its text twice, which costs the cheap line-local passes
    // (normalizing, full-width forms, spacing) more than the threads save. The others read
    // across lines.
    let mut doc = Doc::with_split(input, split);
    doc.pass(normalize);
    after("normalize");
    let mut wrapper_title = None;
    doc.pass(|t, rw| wrapper_title = wrapper::unwrap_table(t, rw));
    after("wrapper");
    doc.pass_by_lines(strip_pinyin);
    after("pinyin glosses");
    let script = convert_doc(&mut doc);
    after("conversion");
    doc.pass(narrow);
    after("width");
    doc.pass(marks::marks);
    after("marks");
    let mut doc_title = None;
    let split = doc.split();
    doc.pass(|t, rw| doc_title = chrome(t, rw, split));
    after("chrome");
    doc.pass(join_fragments);
    after("fragments");
    doc.pass(|t, rw| join_wraps(t, rw, split));
    after("wraps");
    doc.pass(page_numbers_in_words);
    after("page numbers");
    doc.pass(spacing);
    after("spacing");
    let mut head_title = None;
    let hint = wrapper_title.as_deref().or(doc_title.as_deref());
    doc.pass(|t, rw| head_title = head::head(t, rw, hint).title);
    after("head");
    let mut title = None;
    doc.pass(|t, rw| {
        title = title_and_duplicates(t, rw, doc_title.as_deref(), head_title.as_deref())
    });
    after("title and duplicates");
    let (text, log) = doc.finish();
    after("log sorted");
    Cleaned {
        text,
        log,
        // A site's file name (`某局工作总结.doc`) when the document has no title line of its own.
        title: title.or(doc_title),
        script,
    }
}

// ---------------------------------------------------------------------------------------
// 1. normalize

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Runs `f` on the lines holding a character `needs` picks, and copies the others whole:
/// most lines of most reports need no change, and copying a line is much cheaper. `gate`
/// tells where in a line to look for the chars `needs` picks.
fn by_line(
    text: &str,
    rw: &mut Rewriter,
    gate: &Gate,
    needs: impl Fn(char) -> bool,
    mut f: impl FnMut(&str, &mut Rewriter),
) {
    for line in crate::text::lines(text) {
        if gate.any(line, &needs) {
            f(line, rw);
        } else {
            rw.keep(line);
        }
    }
}

/// Where the chars normalizing changes are: ASCII controls but tab and line feed, and chars
/// led by C2 (U+0080..U+00AD), E2 (U+200B..U+2069) or EF (U+FEFF).
const NORMALIZE_GATE: Gate = Gate {
    ascii: |b| b.is_ascii_control() && b != b'\t' && b != b'\n',
    leads: &[0xC2, 0xE2, 0xEF],
};

fn normalize(text: &str, rw: &mut Rewriter) {
    let needs = |c: char| c == '\r' || c == '\u{A0}' || is_invisible(c);
    by_line(text, rw, &NORMALIZE_GATE, needs, normalize_line);
}

fn normalize_line(text: &str, rw: &mut Rewriter) {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\r' {
            if matches!(chars.peek(), Some((_, '\n'))) {
                rw.replace("\r", "", None);
            } else {
                rw.replace("\r", "\n", None);
            }
        } else if c == '\u{2028}' || c == '\u{2029}' {
            rw.replace(&text[i..i + c.len_utf8()], "\n", None);
        } else if is_invisible(c) {
            rw.remove(&text[i..i + c.len_utf8()], CleanKind::Control);
        } else if c == '\u{A0}' {
            rw.replace("\u{A0}", " ", None);
        } else {
            rw.keep_char(c);
        }
    }
}

// ---------------------------------------------------------------------------------------
// 2. pinyin glosses

fn strip_pinyin(text: &str, rw: &mut Rewriter) {
    let mut last = 0;
    let glosses = crate::scan::pinyin_glosses(text);
    rw.reserve(glosses.len());
    for (start, end) in glosses {
        rw.keep(&text[last..start]);
        rw.remove(&text[start..end], CleanKind::Pinyin);
        last = end;
    }
    rw.keep(&text[last..]);
}

// ---------------------------------------------------------------------------------------
// 4. full-width forms

fn narrow_char(c: char) -> Option<char> {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '％' | '＋' => {
            char::from_u32(c as u32 - 0xFEE0)
        }
        '﹪' => Some('%'),
        _ => None,
    }
}

/// Where the full-width forms that narrow are: led by EF (U+FE6A, U+FF05..U+FF5A).
const NARROW_GATE: Gate = Gate {
    ascii: |_| false,
    leads: &[0xEF],
};

fn narrow(text: &str, rw: &mut Rewriter) {
    by_line(
        text,
        rw,
        &NARROW_GATE,
        |c| narrow_char(c).is_some(),
        narrow_line,
    );
}

fn narrow_line(text: &str, rw: &mut Rewriter) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while let Some(&(i, c)) = chars.get(k) {
        // A run of narrowable characters (and a full stop between digits) is one change.
        let mut j = k;
        let mut out = String::new();
        while let Some(&(_, d)) = chars.get(j) {
            if let Some(n) = narrow_char(d) {
                out.push(n);
            } else if d == '．' && j > k && out.ends_with(|p: char| p.is_ascii_digit()) {
                out.push('.');
            } else {
                break;
            }
            j += 1;
        }
        if j > k {
            let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
            rw.replace(&text[i..end], &out, Some(CleanKind::Width));
            k = j;
        } else {
            rw.keep_char(c);
            k += 1;
        }
    }
}

// ---------------------------------------------------------------------------------------
// 5. site chrome

/// Words of document-sharing and portal sites. A short line that holds one of them and no
/// sentence is chrome.
const SITE_WORDS: &[&str] = &[
    "收藏",
    "分享",
    "下载",
    "举报",
    "点击",
    "展开阅读",
    "阅读全文",
    "资源描述",
    "相关资源",
    "猜你喜欢",
    "相关搜索",
    "资源标签",
    "本站",
    "客服",
    "版权所有",
    "ICP",
    "备案",
    "营业执照",
    "许可证",
    "会员",
    "权限",
    "免费查看",
    "打印本页",
    "关闭窗口",
    "返回顶部",
    "上一篇",
    "下一篇",
    "推荐",
    "相关文章",
    "微信",
    "扫码",
    "扫一扫",
    "登录",
    "注册",
    "首页",
    "微博",
    "知乎",
    "在线阅读",
    "文库",
    "范文",
    "网友",
    "评论",
    "投稿",
    "联系我们",
    "加入收藏",
    "设为首页",
    "浏览",
    "字号",
    "字体",
    "打印",
    "全文",
    "付费",
    "VIP",
    "vip",
    "复制",
    "公众号",
];

/// Phrases that only a site writes; any line holding one is chrome, however long
/// (teasers quote the report's first sentences).
const SITE_PHRASES: &[&str] = &[
    "由会员分享",
    "可在线阅读",
    "小编",
    "供大家参考",
    "仅供参考",
    "欢迎阅读",
    "欢迎大家阅读",
    "希望对大家有所帮助",
    "希望对你有所帮助",
    "版权所有",
    "ICP备",
    "ICP证",
    "如有侵权",
    "请联系删除",
    "本文档由",
    "本站不保证",
    "文档下载",
    "免费下载",
    "下载文档",
    "下载本文",
    "原创力文档",
    "用户上传",
    "请在",
    "以下是",
    "感谢您的阅读",
    "本文由",
    "转载请注明",
    "文章来源",
    "本文来源",
    "©",
];

/// Paywall and teaser phrases that sites glue into the body; removed where they stand.
const INLINE_PHRASES: &[&str] = &[
    "此处内容需要权限查看",
    "会员免费查看",
    "此处内容需要付费查看",
    "展开阅读全文",
    "点击查看更多>>",
    "点击查看全文",
    "阅读全文>>",
    "查看全文",
    "…展开…",
    "(完整版)",
    "（完整版）",
];

static INLINE: OnceLock<Words> = OnceLock::new();
static SITE: OnceLock<Words> = OnceLock::new();
static ANY_PHRASE: OnceLock<Words> = OnceLock::new();

/// True when a line holds a site or an inline phrase: one look tells most lines, which hold
/// neither, that both searches can be skipped.
fn any_phrase(line: &str) -> bool {
    words(&ANY_PHRASE, &[SITE_PHRASES, INLINE_PHRASES]).is_match(line)
}

/// Names a removed whole line, or None when the line is not chrome.
#[cfg(test)]
fn chrome_line(line: &str) -> Option<CleanKind> {
    chrome_line_with(line, any_phrase(line))
}

/// [`chrome_line`], told whether the line holds any phrase ([`any_phrase`]).
fn chrome_line_with(line: &str, phrase: bool) -> Option<CleanKind> {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if t.is_empty() {
        return None;
    }
    let n = crate::text::count_char_starts(t.as_bytes());
    if n <= 150 && crate::scan::metadata_row(t) {
        return Some(CleanKind::Boilerplate);
    }
    // A page counter is short, even with the file name some sites put before it.
    if n <= 150 && crate::scan::page_counter(t) {
        return Some(CleanKind::PageMarker);
    }
    if crate::scan::bare_page_number(t) {
        return Some(CleanKind::PageNumber);
    }
    if LINK_LABELS.iter().any(|l| t.starts_with(l))
        || ["上一篇", "下一篇", "上一条", "下一条"]
            .iter()
            .any(|l| t.starts_with(l))
    {
        return Some(CleanKind::Boilerplate);
    }
    if phrase && words(&SITE, &[SITE_PHRASES]).is_match(t) {
        return Some(CleanKind::Boilerplate);
    }
    if crate::scan::file_name_line(t) {
        return Some(CleanKind::Boilerplate);
    }
    // A site word makes chrome of a short line that is no sentence: a button row (`收藏 分享
    // 下载`) or a label (`相关推荐`). Up to 40 chars only when spaces or bars part its items: a
    // line of prose wrapped at a page's width (`推荐三鼎织造、真爱毛纺、…等5家公司申报高新`)
    // is longer than a label and runs on without gaps.
    let short = n <= 20 || (n <= 40 && t.contains([' ', '\u{3000}', '\t', '|', '｜']));
    let sentence = || t.contains(['。', '，', ',', '、', '；']);
    if short && !sentence() && SITE_WORDS.iter().any(|w| t.contains(w)) {
        return Some(CleanKind::Boilerplate);
    }
    if is_menu(t) {
        return Some(CleanKind::Boilerplate);
    }
    None
}

/// Labels that head a block of links to other documents, or a page's footer links.
const LINK_LABELS: &[&str] = &[
    "推荐访问",
    "相关推荐",
    "相关文章",
    "相关阅读",
    "热门文章",
    "热门推荐",
    "猜你喜欢",
    "延伸阅读",
    "相关资源",
    "相关搜索",
    "资源标签",
    "本站链接",
    "友情链接",
    "热门搜索",
    "相关专题",
    "精选文章",
    "最新文章",
    "更多相关",
    "你可能感兴趣",
    "您可能感兴趣",
    "推荐阅读",
    "相关报道",
];

/// A navigation row: short items separated by `|`, `>` or runs of spaces.
fn is_menu(t: &str) -> bool {
    if t.contains('。') || t.chars().count() > 80 {
        return false;
    }
    let items: Vec<&str> = t
        .split(['|', '｜', '>', '›', '»', '\u{3000}', '\t'])
        .flat_map(|s| s.split("  "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    items.len() >= 3 && items.iter().all(|s| s.chars().count() <= 8)
}

/// Removes chrome lines and glued paywall phrases. Returns the document name a site
/// printed, if any.
fn chrome(text: &str, rw: &mut Rewriter, split: Split) -> Option<String> {
    let mut name = None;
    // After a "related documents" label, the short lines that follow are its links.
    let mut in_links = false;
    // Each line is judged alone (on every thread `split` allows), and the judgements are
    // read in order.
    let judged = crate::parallel::map_lines(text, split, |line| {
        let phrase = any_phrase(line);
        (phrase, chrome_line_with(line, phrase))
    });
    for (line, (phrase, chrome)) in crate::text::lines(text).zip(judged) {
        let t = line.trim();
        if let Some(kind) = chrome {
            if name.is_none() {
                name = crate::scan::doc_name(line);
            }
            in_links = links_label(t);
            rw.remove(line, kind);
            continue;
        }
        if in_links && !t.is_empty() {
            if t.chars().count() <= 40 && !t.contains(['。', '，', ',', '；']) {
                rw.remove(line, CleanKind::Boilerplate);
                continue;
            }
            in_links = false;
        }
        if phrase {
            keep_without_phrases(line, rw);
        } else {
            rw.keep(line);
        }
    }
    name
}

/// A label that heads a block of links to other documents (not a footer's 推荐访问 line,
/// which carries its links itself).
fn links_label(t: &str) -> bool {
    LINK_LABELS
        .iter()
        .any(|l| *l != "推荐访问" && t.starts_with(l))
}

fn keep_without_phrases(line: &str, rw: &mut Rewriter) {
    let mut rest = line;
    loop {
        match words(&INLINE, &[INLINE_PHRASES]).find(rest) {
            Some((start, end, _)) => {
                rw.keep(rest.get(..start).unwrap_or(""));
                rw.remove(rest.get(start..end).unwrap_or(""), CleanKind::Boilerplate);
                rest = rest.get(end..).unwrap_or("");
            }
            None => {
                rw.keep(rest);
                return;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// 6. page fragments

/// `N、` at a line start, with the byte length of the marker.
fn fragment_marker(line: &str) -> Option<(u32, usize)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || !line[digits..].starts_with('、') {
        return None;
    }
    let n = line[..digits].parse().ok()?;
    Some((n, digits + '、'.len_utf8()))
}

/// The last visible character of a line.
fn last_visible(line: &str) -> Option<char> {
    line.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .chars()
        .next_back()
}

/// The lines that open with a fragment marker: (line, number, marker length).
fn fragment_candidates(lines: &[&str]) -> Vec<(usize, u32, usize)> {
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| fragment_marker(l).map(|(n, len)| (i, n, len)))
        .collect()
}

/// Finds the chain of page-fragment markers: `1、 2、 3、 …` at line starts, running through
/// the document, where most lines before a marker end mid-sentence. Real numbered lists end
/// their items with punctuation and restart their numbering under each heading.
fn fragment_chain(lines: &[&str], follows_cut: &[bool]) -> Vec<(usize, usize)> {
    let cands = fragment_candidates(lines);
    // From each candidate the chain goes on at the first candidate after it numbered one
    // more, so chains that meet go on alike: each candidate's next is found once (walking
    // back, remembering the first candidate of each number), and the lengths and the cut
    // joins of the chains summed back from the end. Trying every start afresh was quadratic.
    let mut first_of: Vec<Option<usize>> = vec![None; 1001];
    let mut nexts: Vec<Option<usize>> = vec![None; cands.len()];
    for (idx, &(_, n, _)) in cands.iter().enumerate().rev() {
        let k = n as usize;
        if let Some(next) = nexts.get_mut(idx) {
            *next = first_of.get(k + 1).copied().flatten();
        }
        if let Some(f) = first_of.get_mut(k) {
            *f = Some(idx);
        }
    }
    // (length, cut joins) of the chain from each candidate.
    let from = chain_sums(&nexts, |next| {
        let line = cands.get(next).map_or(0, |c| c.0);
        usize::from(follows_cut.get(line).copied().unwrap_or(false))
    });
    // Of the chains that are mostly cuts, the one with the most cut joins, then the longest:
    // a chain from a real list's 1、 can run on into the pages (4、 5、 …) and be as long as
    // theirs, but its first links end whole sentences.
    let mut best: Option<(usize, (usize, usize))> = None; // (start, (cut joins, length))
    for (start, &(_, n0, _)) in cands.iter().enumerate() {
        let (len, cut) = from.get(start).copied().unwrap_or((0, 0));
        let joins = len.saturating_sub(1);
        if n0 <= 2 && len >= 3 && cut * 5 >= joins * 3 && best.is_none_or(|(_, k)| (cut, len) > k) {
            best = Some((start, (cut, len)));
        }
    }
    follow(&nexts, best.map(|(start, _)| start))
        .filter_map(|idx| cands.get(idx).map(|&(i, _, len)| (i, len)))
        .collect()
}

/// For candidates each linked to at most one next (`nexts`), the length of the chain from
/// each and the sum of `weight(next)` over its links: summed back from the end, so each link is
/// looked at once (chains that meet go on alike).
fn chain_sums(nexts: &[Option<usize>], weight: impl Fn(usize) -> usize) -> Vec<(usize, usize)> {
    let mut from = vec![(1, 0); nexts.len()];
    for (idx, next) in nexts.iter().enumerate().rev() {
        if let Some(next) = *next {
            let (len, sum) = from.get(next).copied().unwrap_or((0, 0));
            if let Some(f) = from.get_mut(idx) {
                *f = (len + 1, sum + weight(next));
            }
        }
    }
    from
}

/// The chain from `start`, following `nexts`.
fn follow(nexts: &[Option<usize>], start: Option<usize>) -> impl Iterator<Item = usize> + '_ {
    std::iter::successors(start, |&idx| nexts.get(idx).copied().flatten())
}

fn join_fragments(text: &str, rw: &mut Rewriter) {
    let lines: Vec<&str> = crate::text::lines(text).collect();
    // For each line: does the last non-blank line before it end mid-sentence?
    let mut follows_cut = Vec::with_capacity(lines.len());
    let mut cut = false;
    for line in &lines {
        follows_cut.push(cut);
        if !line.trim().is_empty() {
            cut = last_visible(line).is_some_and(|c| !is_terminal(c));
        }
    }
    let chain = fragment_chain(&lines, &follows_cut);
    // For each marked line: the marker length, and whether it continues a cut sentence.
    let mut mark: Vec<Option<(usize, bool)>> = vec![None; lines.len()];
    let mut prev_text: Option<usize> = None;
    let mut chain_iter = chain.iter().peekable();
    for (i, line) in lines.iter().enumerate() {
        if let Some(&&(li, len)) = chain_iter.peek() {
            if li == i {
                chain_iter.next();
                let cut = prev_text
                    .and_then(|p| lines.get(p))
                    .and_then(|l| last_visible(l))
                    .is_some_and(|c| !is_terminal(c));
                if let Some(m) = mark.get_mut(i) {
                    *m = Some((len, cut));
                }
            }
        }
        if !line.trim().is_empty() {
            prev_text = Some(i);
        }
    }
    // A line whose next non-blank line joins it loses its newline and the blank lines between.
    let mut joins = vec![false; lines.len()];
    let mut next_joins = false;
    for (i, line) in lines.iter().enumerate().rev() {
        if let Some(j) = joins.get_mut(i) {
            *j = next_joins;
        }
        if !line.trim().is_empty() {
            next_joins = matches!(mark.get(i), Some(Some((_, true))));
        }
    }
    let joins_next = |i: usize| joins.get(i).copied().unwrap_or(false);
    // The newline (and blank lines) a join removes, logged with the marker that follows.
    let mut pending = String::new();
    for (i, line) in lines.iter().enumerate() {
        let blank = line.trim().is_empty();
        if !pending.is_empty() && blank {
            pending.push_str(line);
            continue;
        }
        let (marker, rest) = match mark.get(i).copied().flatten() {
            Some((len, _)) => (&line[..len], &line[len..]),
            None => ("", *line),
        };
        if !marker.is_empty() || !pending.is_empty() {
            pending.push_str(marker);
            rw.remove(&pending, CleanKind::PageMarker);
            pending.clear();
        }
        match rest.strip_suffix('\n') {
            Some(body) if !blank && joins_next(i) => {
                rw.keep(body);
                pending.push('\n');
            }
            _ => rw.keep(rest),
        }
    }
    if !pending.is_empty() {
        rw.keep(&pending);
    }
}

// ---------------------------------------------------------------------------------------
// 7. hard wraps

/// Words that end a report's title: the kind of document it is.
const DOC_KINDS: &[&str] = &[
    "总结", "思路", "计划", "报告", "要点", "安排", "打算", "汇报", "规划", "方案",
];

/// A line of a report's own body ends a sentence or a heading. A line that ends mid-sentence
/// was cut by the scrape: a page end (a long line: `…使新成果加以快速推⏎广转化`), or the fixed
/// width of PDF text (many lines of one length). Joined, unless the next line opens a heading.
fn join_wraps(text: &str, rw: &mut Rewriter, split: Split) {
    let lines: Vec<&str> = crate::text::lines(text).collect();
    // Lengths in visible characters: letter-spacing (removed later) makes a line no longer.
    let lens = crate::parallel::map_lines(text, split, crate::text::visible_len);
    // The width of PDF text: the most common length among lines of some length.
    let mut counts = std::collections::HashMap::new();
    for &n in &lens {
        if n >= 15 {
            *counts.entry(n).or_insert(0usize) += 1;
        }
    }
    let width = counts
        .iter()
        .filter(|(_, &c)| c >= 5)
        .max_by_key(|(&n, &c)| (c, n))
        .map(|(&n, _)| n);
    let at_width = |n: usize| width.is_some_and(|w| n + 2 >= w && n <= w + 1);
    // The first line, when it names the kind of document (`…2009年工作总结和2010年工作思路`),
    // is the title, however wide: never run into the text.
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let title_line = |i: usize, body: &str| {
        Some(i) == first && DOC_KINDS.iter().any(|k| body.trim_end().ends_with(k))
    };
    for (i, line) in lines.iter().enumerate() {
        let Some(body) = line.strip_suffix('\n') else {
            rw.keep(line);
            continue;
        };
        let next = lines.get(i + 1).copied().unwrap_or("");
        let n = lens.get(i).copied().unwrap_or(0);
        // Cut inside a sentence: the line ends in no sentence end (a comma or 、 included).
        let cut = last_visible(body).is_some_and(|c| !is_terminal(c));
        // A numbered line is a heading unless it fills the PDF width (a wrapped paragraph).
        let heading = crate::outline::starts_with_marker(body) && n <= 60 && !at_width(n);
        let joins = cut
            && !heading
            && !title_line(i, body)
            && (n > 60 || (n > 20 && body.contains('。')) || at_width(n))
            && !next.trim().is_empty()
            && !crate::outline::starts_with_marker(next)
            && !crate::outline::article_divider(next);
        rw.keep(body);
        if joins {
            rw.remove("\n", CleanKind::Wrap);
        } else {
            rw.keep("\n");
        }
    }
}

// ---------------------------------------------------------------------------------------
// 8. page numbers inside words

/// Measure words and units: a number before one of them is a quantity, never a page number.
const AFTER_QUANTITY: &str = "个项家件名人次所份册条篇场期批只座台套元万亿千百年月日号时分秒天周倍岁位户种类级届度米吨亩克斤里栋幢辆架艘部本张篇处间";

/// Removes page numbers that a conversion from PDF or Word left inside words: digits between
/// two Han characters (or at a line start before one) whose values run 1, 2, 3 … through
/// the document, a page apart.
fn page_numbers_in_words(text: &str, rw: &mut Rewriter) {
    // Candidates: (byte start, byte end, value), found by scanning bytes for ASCII digits.
    let bytes = text.as_bytes();
    let mut cands: Vec<(usize, usize, u32)> = Vec::new();
    let mut k = 0;
    while let Some(start) = crate::text::next_ascii_digit(bytes, k) {
        k = start;
        while bytes.get(k).is_some_and(u8::is_ascii_digit) {
            k += 1;
        }
        let before = text.get(..start).and_then(|s| s.chars().next_back());
        let after = text.get(k..).and_then(|s| s.chars().next());
        // Before: a Han character, a line start, or clause punctuation (`…科技项目,5帮助他们`).
        let ok_before = before.is_none_or(|c| {
            is_han(c) || matches!(c, '\n' | '。' | '，' | ',' | '；' | '、' | '：')
        });
        let ok_after = after.is_some_and(|c| is_han(c) && !AFTER_QUANTITY.contains(c));
        let not_ordinal =
            before.is_none_or(|c| !matches!(c, '第' | '约' | '近' | '共' | '达' | '逾' | '超'));
        if k - start <= 3 && ok_before && ok_after && not_ordinal {
            if let Some(v) = text.get(start..k).and_then(|d| d.parse::<u32>().ok()) {
                cands.push((start, k, v));
            }
        }
    }
    let best = page_chain(&cands);
    if best.len() < 4 {
        rw.keep(text);
        return;
    }
    let mut last = 0;
    for idx in best {
        if let Some(&(b, e, _)) = cands.get(idx) {
            rw.keep(&text[last..b]);
            rw.remove(&text[b..e], CleanKind::PageNumber);
            last = e;
        }
    }
    rw.keep(&text[last..]);
}
/// The longest chain of rising values among `cands` (byte start, byte end, value), each a
/// page's length after the one before, as indices: from each candidate of value 1 or 2, the
/// chain takes the first candidate after its last that goes on from it (a value one or two
/// higher, `MIN_GAP` bytes or more on, some 150 chars of Chinese); of the longest chains, the
/// first.
///
/// Each candidate has one next, so chains that meet go on alike: the next of every candidate
/// is found once (by binary search among those of the next two values) and the lengths summed
/// back from the end. Trying every start afresh was quadratic: 800 KB of `中1中1…` took 13 s.
fn page_chain(cands: &[(usize, usize, u32)]) -> Vec<usize> {
    const MIN_GAP: usize = 450;
    // The indices of the candidates of each value, in text order.
    let mut by_value: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
    for (idx, &(_, _, v)) in cands.iter().enumerate() {
        by_value.entry(v).or_default().push(idx);
    }
    let next = |idx: usize| -> Option<usize> {
        let &(pos, _, v) = cands.get(idx)?;
        [v.saturating_add(1), v.saturating_add(2)]
            .iter()
            .filter_map(|u| {
                let list = by_value.get(u)?;
                // Positions rise with the index: the first far enough is after `idx`.
                let k =
                    list.partition_point(|&j| cands.get(j).is_some_and(|c| c.0 < pos + MIN_GAP));
                list.get(k).copied()
            })
            .min()
    };
    let nexts: Vec<Option<usize>> = (0..cands.len()).map(next).collect();
    let lens = chain_sums(&nexts, |_| 0);
    let len = |s: usize| lens.get(s).map_or(0, |&(n, _)| n);
    let mut best: Option<usize> = None;
    for (s, &(_, _, v)) in cands.iter().enumerate() {
        if v <= 2 && best.is_none_or(|b| len(s) > len(b)) {
            best = Some(s);
        }
    }
    follow(&nexts, best).collect()
}

// ---------------------------------------------------------------------------------------
// 9. spacing

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}'
}

/// Where the spaces are: ASCII space and tab, and U+3000 (led by E3).
const SPACE_GATE: Gate = Gate {
    ascii: |b| b == b' ' || b == b'\t',
    leads: &[0xE3],
};

/// True when the space between `a` and `b` is letter-spacing, not a word break.
fn spacing_between(a: char, b: char) -> bool {
    (is_cjk(a) && (is_cjk(b) || b.is_ascii_digit()))
        || (a.is_ascii_digit() && is_cjk(b))
        || (is_cjk_punct(a) || is_cjk_punct(b))
        || (is_han(a) && matches!(b, '(' | '%'))
        || (a == ')' && is_han(b))
}

fn spacing(text: &str, rw: &mut Rewriter) {
    for line in crate::text::lines(text) {
        let body = line.strip_suffix('\n').unwrap_or(line);
        // Most lines hold no space at all: nothing to do but copy them.
        if !body.is_empty() && !SPACE_GATE.any(body, is_space) {
            rw.keep(line);
            continue;
        }
        let trimmed = body.trim_matches(is_space);
        if trimmed.is_empty() {
            // A blank line: paragraphs are lines, so blank lines go.
            rw.remove(line, CleanKind::Spacing);
            continue;
        }
        let lead = body.len() - body.trim_start_matches(is_space).len();
        if lead > 0 {
            rw.remove(&body[..lead], CleanKind::Spacing);
        }
        space_inside(trimmed, rw);
        let trail = body.len() - body.trim_end_matches(is_space).len();
        if trail > 0 {
            rw.remove(&body[body.len() - trail..], CleanKind::Spacing);
        }
        if line.len() > body.len() {
            rw.keep("\n");
        }
    }
}

fn space_inside(line: &str, rw: &mut Rewriter) {
    // The text between runs of spaces is kept whole; each run is judged by the chars around it.
    let mut kept = 0;
    // The two chars before the current place (spaces of an earlier run included).
    let (mut before_prev, mut prev): (Option<char>, Option<char>) = (None, None);
    let mut chars = line.char_indices().peekable();
    while let Some((b, c)) = chars.next() {
        if !is_space(c) {
            (before_prev, prev) = (prev, Some(c));
            continue;
        }
        let mut e = b + c.len_utf8();
        let mut last_two = (prev, c);
        while let Some(&(x, d)) = chars.peek().filter(|&&(_, d)| is_space(d)) {
            e = x + d.len_utf8();
            last_two = (Some(last_two.1), d);
            chars.next();
        }
        let run = line.get(b..e).unwrap_or("");
        let mut after = line.get(e..).unwrap_or("").chars();
        let (next, after_next) = (after.next(), after.next());
        rw.keep(line.get(kept..b).unwrap_or(""));
        let gap = run.chars().filter(|&c| c == '\u{3000}').count() >= 2 || run.len() >= 4;
        match (prev, next) {
            // An ideographic gap inside a line is a paragraph indent: the break before it was
            // lost (national reports often come as one long line).
            (Some(_), Some(_)) if gap => {
                rw.replace(run, "\n", Some(CleanKind::Spacing));
            }
            (Some(p), Some(n)) if spacing_between(p, n) => rw.remove(run, CleanKind::Spacing),
            // Letter-spaced digits: `1 9 9 8`.
            (Some(p), Some(n))
                if p.is_ascii_digit()
                    && n.is_ascii_digit()
                    && before_prev.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '.')
                    && after_next.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '.') =>
            {
                rw.remove(run, CleanKind::Spacing)
            }
            _ => rw.keep(run),
        }
        kept = e;
        (before_prev, prev) = (last_two.0, Some(last_two.1));
    }
    rw.keep(line.get(kept..).unwrap_or(""));
}

// ---------------------------------------------------------------------------------------
// 10. title and duplicates

/// A site's category tag glued before a title: `【科技总结】`. Article dividers such as
/// `【篇一】` stand alone and are kept.
fn category_tag(line: &str) -> Option<usize> {
    let rest = line.strip_prefix('【')?;
    let close = rest.find('】')?;
    let tag = &rest[..close];
    if tag.chars().count() > 10 || tag.starts_with('篇') || tag.ends_with('篇') {
        return None;
    }
    let after = rest[close + '】'.len_utf8()..].trim();
    if after.chars().count() < 4 {
        return None;
    }
    Some('【'.len_utf8() + close + '】'.len_utf8())
}

fn looks_like_title(t: &str) -> bool {
    let n = t.chars().count();
    (4..=60).contains(&n)
        && !t.contains('。')
        && !t.contains('，')
        && !t.contains(',')
        && !crate::outline::article_divider(t)
}

/// Keeps the title once (dropping a category tag, repeats and a copy wrapped over two lines),
/// splits a title glued to the first paragraph, and drops repeated paragraphs.
/// Returns the title.
fn title_and_duplicates(
    text: &str,
    rw: &mut Rewriter,
    doc_name: Option<&str>,
    head_title: Option<&str>,
) -> Option<String> {
    let lines: Vec<&str> = crate::text::lines(text).collect();
    fn body(l: &str) -> &str {
        l.trim_end_matches('\n')
    }
    /// The text after a category tag, or the whole line.
    fn untagged(b: &str) -> &str {
        match category_tag(b) {
            Some(n) => b.get(n..).unwrap_or("").trim(),
            None => b,
        }
    }
    let mut title: Option<String> = head_title.map(str::to_string);
    // The head pass found the title in place: its first stand-alone line is kept.
    let mut title_line_kept = head_title.is_none();
    // Paragraphs are compared as borrowed text: no line is copied to be looked up.
    let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
    let mut i = 0;
    while let Some(&line) = lines.get(i) {
        let b = body(line);
        if title.is_none() && i == 0 {
            let tag_len = category_tag(b).unwrap_or(0);
            let rest = untagged(b);
            if looks_like_title(rest) && head::title_like(rest) {
                if tag_len > 0 {
                    rw.remove(b.get(..tag_len).unwrap_or(""), CleanKind::Boilerplate);
                    rw.keep(line.get(tag_len..).unwrap_or(""));
                } else {
                    rw.keep(line);
                }
                title = Some(rest.to_string());
                i += 1;
                continue;
            }
            // A title glued to the first paragraph: split it off.
            if let Some(name) = doc_name.filter(|n| b.starts_with(n) && b.len() > n.len()) {
                rw.keep(name);
                rw.replace("", "\n", Some(CleanKind::Spacing));
                rw.keep(line.get(name.len()..).unwrap_or(""));
                title = Some(name.to_string());
                i += 1;
                continue;
            }
        }
        if let Some(t) = &title {
            if untagged(b) == t && !title_line_kept {
                title_line_kept = true;
                rw.keep(line);
                i += 1;
                continue;
            }
            if untagged(b) == t {
                rw.remove(line, CleanKind::Duplicate);
                i += 1;
                continue;
            }
            // The title wrapped over two lines.
            if let Some(&next) = lines.get(i + 1) {
                if t.strip_prefix(b.trim()) == Some(body(next).trim()) {
                    rw.remove(line, CleanKind::Duplicate);
                    rw.remove(next, CleanKind::Duplicate);
                    i += 2;
                    continue;
                }
            }
        }
        if crate::text::count_char_starts(b.as_bytes()) >= 20 && !seen.insert(b) {
            rw.remove(line, CleanKind::Duplicate);
        } else {
            rw.keep(line);
        }
        i += 1;
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::below;

    #[test]
    fn line_gates_agree_with_their_char_tests_for_every_char() {
        let normalize = |c: char| c == '\r' || c == '\u{A0}' || is_invisible(c);
        assert_eq!(NORMALIZE_GATE.disagreement(normalize), None);
        let narrows = |c: char| narrow_char(c).is_some();
        assert_eq!(NARROW_GATE.disagreement(narrows), None);
        assert_eq!(SPACE_GATE.disagreement(is_space), None);
        // And the gate finds them in a line of Han text.
        let line = |c: char| format!("科技工作{c}取得成效。\n");
        for c in [
            '\u{200B}', '\u{FEFF}', '\u{7}', '\r', '\u{A0}', '\u{AD}', '\u{2066}',
        ] {
            assert!(NORMALIZE_GATE.any(&line(c), normalize), "{c:?}");
        }
        assert!(!NORMALIZE_GATE.any(&line('，'), normalize));
        assert!(NARROW_GATE.any(&line('５'), narrows));
        assert!(!NARROW_GATE.any(&line('5'), narrows));
    }

    fn run(f: impl FnOnce(&str, &mut Rewriter), s: &str) -> (String, Vec<Cleaning>) {
        let mut d = Doc::new(s.to_string());
        d.pass(f);
        d.finish()
    }

    #[test]
    fn pinyin_glosses_go_after_han_and_latin() {
        let (t, log) = run(strip_pinyin, "領(lǐng)導(dǎo)和g(shù)dp，(注)保留");
        assert_eq!(t, "領導和gdp，(注)保留");
        assert_eq!(log.len(), 3);
        assert!(log.iter().all(|c| c.kind == CleanKind::Pinyin));
    }

    #[test]
    fn full_width_digits_narrow() {
        let (t, _) = run(narrow, "１９８８年增长１２．５％（一）");
        assert_eq!(t, "1988年增长12.5%（一）");
    }

    #[test]
    fn chrome_lines_by_kind() {
        assert_eq!(
            chrome_line("上传人:某某 文档编号:123 上传时间:2019-04-12"),
            Some(CleanKind::Boilerplate)
        );
        assert_eq!(
            chrome_line("发布时间：2020-01-01  来源：本站"),
            Some(CleanKind::Boilerplate)
        );
        assert_eq!(chrome_line("第2页 / 共16页"), Some(CleanKind::PageMarker));
        assert_eq!(chrome_line("第2页共18页"), Some(CleanKind::PageMarker));
        assert_eq!(
            chrome_line("某局工作总结.doc_第3页"),
            Some(CleanKind::PageMarker)
        );
        assert_eq!(chrome_line("- 12 -"), Some(CleanKind::PageNumber));
        assert_eq!(
            chrome_line("首页 | 范文大全 | 工作总结 | 工作计划"),
            Some(CleanKind::Boilerplate)
        );
        assert_eq!(chrome_line("一、2009年主要工作"), None);
        assert_eq!(
            chrome_line("全年共举办培训班12期，培训农民2000多人次。"),
            None
        );
    }

    #[test]
    fn fragments_join_and_lists_stay() {
        let s = "一、工作\n1、注重学习。\n2、注重纳谏。\n3、全面开展。\n";
        let (t, log) = run(join_fragments, s);
        assert_eq!(t, s);
        assert!(log.is_empty());
        let s =
            "1、开头享受企业\n2、所得税优惠政策自查，帮助企业\n3、落实税收优惠。继续\n4、推进\n";
        let (t, log) = run(join_fragments, s);
        assert_eq!(
            t,
            "开头享受企业所得税优惠政策自查，帮助企业落实税收优惠。继续推进\n"
        );
        assert_eq!(log.len(), 4);
    }

    #[test]
    fn a_real_list_before_page_fragments_keeps_its_numbers() {
        // A list `1、 2、 3、` of whole sentences, then pages numbered from 1 whose lines are cut
        // mid-sentence. A chain from the list's 1、 runs on into the pages (4、 5、 …) as long
        // as the pages' own: the one whose links are cuts is the pages'.
        let list = "一、工作\n1、注重学习。\n2、注重纳谏。\n3、全面开展。\n二、打算\n重点如下。\n";
        let words = [
            "推进科技",
            "创新体系",
            "建设完善",
            "企业主体",
            "技术创新",
            "深度融合",
        ];
        let pages: String = (1..=8)
            .map(|n| {
                format!(
                    "{n}、{}\n",
                    words.get(n % words.len()).copied().unwrap_or("")
                )
            })
            .collect();
        let (t, log) = run(join_fragments, &format!("{list}{pages}"));
        assert!(t.starts_with(list), "{t}");
        let joined: String = (1..=8)
            .map(|n| words.get(n % words.len()).copied().unwrap_or(""))
            .collect();
        assert_eq!(t, format!("{list}{joined}\n"));
        assert_eq!(log.len(), 8);
    }

    #[test]
    fn wraps_join_inside_sentences_only() {
        let long =
            "培训科技人员2万人次。四是为了加快引推速度，使引进试验、示范的新技术、新成果加以快速推";
        let s =
            format!("{long}\n广转化，打造基地。\n（四）加快企业科技创新步伐\n按照市委部署推进。\n");
        let wraps = |t: &str, rw: &mut Rewriter| join_wraps(t, rw, Split::new(Some(1)));
        let (t, log) = run(wraps, &s);
        assert_eq!(
            t,
            format!("{long}广转化，打造基地。\n（四）加快企业科技创新步伐\n按照市委部署推进。\n")
        );
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].kind, CleanKind::Wrap);
        // PDF text: lines of one width.
        let pdf = "我局深入开展学习实践科学发展观活\n动，把科学发展观贯彻落实到科技工\n作中，创新思路，开拓进取，努力有\n为。在加快推进产学研合作方面取得\n了显著成效，通过了试点城市验收，\n全市科技工作再上新台阶，成绩喜人\n二、2010年工作思路\n";
        let (t, _) = run(wraps, pdf);
        assert_eq!(t, "我局深入开展学习实践科学发展观活动，把科学发展观贯彻落实到科技工作中，创新思路，开拓进取，努力有为。在加快推进产学研合作方面取得了显著成效，通过了试点城市验收，全市科技工作再上新台阶，成绩喜人\n二、2010年工作思路\n");
    }

    /// The chain search as first written: every start tried afresh (quadratic).
    fn page_chain_by_every_start(cands: &[(usize, usize, u32)]) -> Vec<usize> {
        let mut best: Vec<usize> = Vec::new();
        for (s, &(pos0, _, v0)) in cands.iter().enumerate() {
            if v0 > 2 {
                continue;
            }
            let mut chain = vec![s];
            let (mut last_pos, mut last_v) = (pos0, v0);
            for (idx, &(pos, _, v)) in cands.iter().enumerate().skip(s + 1) {
                if v > last_v && v <= last_v + 2 && pos >= last_pos + 450 {
                    chain.push(idx);
                    last_pos = pos;
                    last_v = v;
                }
            }
            if chain.len() > best.len() {
                best = chain;
            }
        }
        best
    }

    #[test]
    fn page_chain_is_the_chain_every_start_finds() {
        // Random candidate lists, dense and sparse, small values and large: the chain found
        // by following each candidate's next once is the one trying every start finds.
        let mut rand = below(0x2545_F491_4F6C_DD1D);
        for round in 0..400 {
            let n = rand(60) as usize;
            let (step, top) = if round % 2 == 0 { (300, 8) } else { (900, 30) };
            let mut pos = 0;
            let cands: Vec<(usize, usize, u32)> = (0..n)
                .map(|_| {
                    pos += 1 + rand(step) as usize;
                    (pos, pos + 1, rand(top) as u32)
                })
                .collect();
            assert_eq!(
                page_chain(&cands),
                page_chain_by_every_start(&cands),
                "{cands:?}"
            );
        }
    }

    /// The fragment chain search tried from every start afresh (quadratic), as first written
    /// but for its choice (the most cut joins, then the longest).
    fn fragment_chain_by_every_start(lines: &[&str], follows_cut: &[bool]) -> Vec<(usize, usize)> {
        let cands = fragment_candidates(lines);
        let mut best: Vec<(usize, usize)> = Vec::new();
        let mut best_key = (0, 0);
        for (start, &(_, n0, _)) in cands.iter().enumerate() {
            if n0 > 2 {
                continue;
            }
            let mut chain = Vec::new();
            let mut expected = n0;
            let mut cut = 0usize;
            for &(i, n, len) in cands.iter().skip(start) {
                if n != expected {
                    continue;
                }
                if !chain.is_empty() && follows_cut.get(i).copied().unwrap_or(false) {
                    cut += 1;
                }
                chain.push((i, len));
                expected += 1;
            }
            let joins = chain.len().saturating_sub(1);
            if chain.len() >= 3 && cut * 5 >= joins * 3 && (cut, chain.len()) > best_key {
                best_key = (cut, chain.len());
                best = chain;
            }
        }
        best
    }

    #[test]
    fn fragment_chain_is_the_chain_every_start_finds() {
        let mut rand = below(0x9E37_79B9_7F4A_7C15);
        let markers: Vec<String> = (0..12).map(|n| format!("{n}、")).collect();
        for round in 0..400 {
            let top = if round % 2 == 0 { 4 } else { 12 };
            let n = rand(50) as usize;
            let lines: Vec<String> = (0..n)
                .map(|_| match rand(3) {
                    0 => "正文。\n".to_string(),
                    _ => format!(
                        "{}内容\n",
                        markers.get(rand(top) as usize).map_or("", |m| m)
                    ),
                })
                .collect();
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            let follows_cut: Vec<bool> = (0..n).map(|_| rand(4) != 0).collect();
            assert_eq!(
                fragment_chain(&lines, &follows_cut),
                fragment_chain_by_every_start(&lines, &follows_cut),
                "{lines:?} {follows_cut:?}"
            );
        }
    }

    #[test]
    fn page_numbers_of_a_long_run_of_tiny_numbers_are_found_in_one_pass() {
        // `中1中1…` gives a candidate every 4 bytes: tried from every start, 800 KB of it took
        // 13 s. None is a page's length after another of its value, so nothing goes.
        let text = "中1".repeat(20_000);
        let (t, log) = run(page_numbers_in_words, &text);
        assert_eq!((t.len(), log.len()), (text.len(), 0));
    }

    #[test]
    fn letter_spacing_goes_latin_words_stay() {
        let (t, _) = run(spacing, "洛 江 区 科 技 局 有 1 人，5 项，1 9 9 8 年\n");
        assert_eq!(t, "洛江区科技局有1人，5项，1998年\n");
        let (t, _) = run(spacing, "  GAP 示范基地 and Open Source 项目\n\n\n下一段\n");
        assert_eq!(t, "GAP 示范基地 and Open Source 项目\n下一段\n");
    }

    #[test]
    fn ideographic_gap_after_a_sentence_is_a_paragraph_break() {
        let (t, _) = run(
            spacing,
            "一年来成效显著。\u{3000}\u{3000}二、主要做法\u{3000}\u{3000}一年来\n",
        );
        assert_eq!(t, "一年来成效显著。\n二、主要做法\n一年来\n");
    }

    #[test]
    fn title_kept_once() {
        let s = "【科技总结】某局2009年工作总结\n某局2009年\n工作总结\n正文开始，成效显著。\n某局2009年工作总结\n";
        let mut title = None;
        let (t, _) = run(|t, rw| title = title_and_duplicates(t, rw, None, None), s);
        assert_eq!(title.as_deref(), Some("某局2009年工作总结"));
        assert_eq!(t, "某局2009年工作总结\n正文开始，成效显著。\n");
    }
}

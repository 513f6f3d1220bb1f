//! Site chrome judged line by line: metadata rows, page counters, file names, a site's
//! phrases and word rows, menus, link blocks, and paywall phrases glued into the body.

use crate::edit::Rewriter;
use crate::report::CleanKind;
use std::sync::OnceLock;

use crate::parallel::Split;
use crate::text::{words, Words};

/// Words of document-sharing and portal sites. A short line that holds one of them and no
/// sentence is chrome.
pub(super) const SITE_WORDS: &[&str] = &[
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
pub(super) const SITE_PHRASES: &[&str] = &[
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
pub(super) const INLINE_PHRASES: &[&str] = &[
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

pub(super) static INLINE: OnceLock<Words> = OnceLock::new();
pub(super) static SITE: OnceLock<Words> = OnceLock::new();
pub(super) static ANY_PHRASE: OnceLock<Words> = OnceLock::new();

/// True when a line holds a site or an inline phrase: one look tells most lines, which hold
/// neither, that both searches can be skipped.
pub(super) fn any_phrase(line: &str) -> bool {
    words(&ANY_PHRASE, &[SITE_PHRASES, INLINE_PHRASES]).is_match(line)
}

/// Names a removed whole line, or None when the line is not chrome.
#[cfg(test)]
pub(super) fn chrome_line(line: &str) -> Option<CleanKind> {
    chrome_line_with(line, any_phrase(line))
}

/// [`chrome_line`], told whether the line holds any phrase ([`any_phrase`]).
pub(super) fn chrome_line_with(line: &str, phrase: bool) -> Option<CleanKind> {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if t.is_empty() {
        return None;
    }
    let n = crate::text::count_char_starts(t.as_bytes());
    if n <= 150 && super::rows::metadata_row(t) {
        return Some(CleanKind::Boilerplate);
    }
    // A page counter is short, even with the file name some sites put before it.
    if n <= 150 && super::rows::page_counter(t) {
        return Some(CleanKind::PageMarker);
    }
    if super::rows::bare_page_number(t) {
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
    if super::rows::file_name_line(t) {
        return Some(CleanKind::Boilerplate);
    }
    // A site word makes chrome of a short line that is no sentence: a button row (`收藏 分享
    // 下载`) or a label (`相关推荐`). Up to 40 chars only when spaces or bars part its items: a
    // line of prose wrapped at a page's width (`推荐三鼎织造、真爱毛纺、…等5家公司申报高新`)
    // is longer than a label and runs on without gaps.
    let short = n <= 20 || (n <= 40 && t.contains([' ', '\u{3000}', '\t', '|', '｜']));
    let sentence = || t.contains(['。', '，', ',', '、', '；']);
    // A headline that names a report (`…工作总结范文`) is left to the head pass, which knows
    // the title from a site's copy of it.
    if short
        && !sentence()
        && SITE_WORDS.iter().any(|w| t.contains(w))
        && !super::head::title_like(t)
    {
        return Some(CleanKind::Boilerplate);
    }
    if is_menu(t) {
        return Some(CleanKind::Boilerplate);
    }
    None
}

/// Labels that head a block of links to other documents, or a page's footer links.
pub(super) const LINK_LABELS: &[&str] = &[
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
pub(super) fn is_menu(t: &str) -> bool {
    if t.contains('。') || t.chars().count() > 80 {
        return false;
    }
    // Cells parted by tabs alone are a table's row (the page reads a .docx's or a saved
    // page's tables so, and browsers copy tables so): `指标\t单位\t2022年`. A portal laid out
    // in a table copies its menu the same way, but names itself (`首页\t机构概况…`).
    if super::spacing::table_row(t) && !SITE_WORDS.iter().any(|w| t.contains(w)) {
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
pub(super) fn chrome(text: &str, rw: &mut Rewriter, split: Split) -> Option<String> {
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
                name = super::rows::doc_name(line);
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
pub(super) fn links_label(t: &str) -> bool {
    LINK_LABELS
        .iter()
        .any(|l| *l != "推荐访问" && t.starts_with(l))
}

pub(super) fn keep_without_phrases(line: &str, rw: &mut Rewriter) {
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

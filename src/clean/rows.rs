//! Rows a site prints around a document, matched by hand-written cursors: metadata rows
//! (`发布时间：…`, `上传人:… 文档编号:…`), page counters (`第2页 / 共16页`), page-number lines,
//! file-name lines and the document name they give.

use crate::text::Cursor;

/// Labels of metadata rows on portal and document-library pages.
const META_LABELS: &[&str] = &[
    "时间",
    "日期",
    "来源",
    "作者",
    "编辑",
    "责任编辑",
    "浏览次数",
    "浏览量",
    "浏览",
    "阅读次数",
    "阅读量",
    "阅读",
    "点击数",
    "点击量",
    "点击",
    "上传人",
    "上传者",
    "文档编号",
    "文档页数",
    "格式",
    "页数",
    "大小",
    "索引号",
    "发布机构",
    "发文机关",
    "主题分类",
    "文号",
    "字体",
    "字号",
    "当前位置",
    "所在位置",
    "您的位置",
    "你的位置",
    "所属分类",
    "分类",
    "标签",
    "关键词",
    "关键字",
    "下载次数",
    "贡献者",
    "积分",
    "价格",
    "人气",
];

/// `发布时间：…`, `【字体：大 中 小】`, `上传人:… 文档编号:…`: a label and a colon.
pub(super) fn metadata_row(t: &str) -> bool {
    let labelled = |mut c: Cursor| {
        if !c.eat_any(META_LABELS) {
            return false;
        }
        c.eat_any(&["】", "]"]);
        c.spaces();
        c.eat_any(&[":", "："])
    };
    let mut c = Cursor::new(t);
    c.eat_any(&["【", "["]);
    // With or without a prefix: `发布时间：`, and `上传人：` whose 上传 is no prefix.
    let mut prefixed = c;
    labelled(c)
        || (prefixed.eat_any(&["发布", "更新", "上传", "创建", "成文", "修改"])
            && labelled(prefixed))
}

/// `第2页 / 共16页`, `第2页共18页`, `共16页`, `第3页`, `3/16`, `Page 3 of 16`,
/// `某局工作总结.doc_第3页`.
pub(super) fn page_counter(t: &str) -> bool {
    // Every form names a page (页, page) or counts with a slash; most lines do neither.
    if !t.contains(['页', '/']) && !t.as_bytes().iter().any(|b| b.eq_ignore_ascii_case(&b'p')) {
        return false;
    }
    let compact: String = t
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let whole = |f: &dyn Fn(&mut Cursor) -> bool| {
        let mut c = Cursor::new(&compact);
        f(&mut c) && c.done()
    };
    let nth_page = |c: &mut Cursor| c.eat("第") && c.digits() > 0 && c.eat("页");
    let of_pages = |c: &mut Cursor| c.eat("共") && c.digits() > 0 && c.eat("页");
    if whole(&|c| {
        nth_page(c) && {
            c.eat_any(&["/", "／", ",", "，"]);
            of_pages(c)
        }
    }) || whole(&|c| of_pages(c))
        || whole(&|c| nth_page(c))
        || whole(&|c| {
            c.digits() > 0 && c.eat("/") && c.digits() > 0 && {
                c.eat("页");
                true
            }
        })
        || whole(&|c| {
            c.eat("page") && c.digits() > 0 && {
                let mut of = *c;
                if of.eat("of") && of.digits() > 0 {
                    *c = of;
                }
                true
            }
        })
    {
        return true;
    }
    // `….doc_第3页`: a file name with a page number, the heading of a page of a preview.
    compact.rfind("_第").is_some_and(|i| {
        let (name, page) = compact.split_at(i);
        let mut c = Cursor::new(page);
        c.eat("_");
        nth_page(&mut c)
            && c.done()
            && [".doc", ".docx", ".pdf", ".wps", ".txt", ".ppt", ".pptx"]
                .iter()
                .any(|e| name.ends_with(e))
    })
}

/// A page number on its own line: `12`, `- 12 -`, `— 3 —`.
pub(super) fn bare_page_number(t: &str) -> bool {
    let dash = |c: char| matches!(c, '-' | '—' | '－') || c.is_whitespace();
    let inner = t.trim_matches(dash);
    (1..=3).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit())
}

const FILE_EXTS: &[&str] = &[
    ".doc", ".docx", ".pdf", ".wps", ".txt", ".ppt", ".pptx", ".xls", ".xlsx",
];

/// A line that is a file name: `洛江区科技局工作总结.doc`.
pub(super) fn file_name_line(t: &str) -> bool {
    t.chars().next().is_some_and(|c| !c.is_whitespace())
        && FILE_EXTS.iter().any(|e| ends_with_ignore_ascii_case(t, e))
        && t.chars().count() <= 90
}

/// `t` ends with `suffix` (ASCII) in any case: `报告.DOC`.
fn ends_with_ignore_ascii_case(t: &str, suffix: &str) -> bool {
    let (t, s) = (t.as_bytes(), suffix.as_bytes());
    t.len()
        .checked_sub(s.len())
        .and_then(|k| t.get(k..))
        .is_some_and(|tail| tail.eq_ignore_ascii_case(s))
}

/// The document name a site shows (`《X.docx》`, `X.doc`, `X.doc_第1页`): the report's title.
pub(super) fn doc_name(line: &str) -> Option<String> {
    let t = line.trim();
    // ASCII only, so that byte offsets in `lower` are offsets in `t`.
    let lower = t.to_ascii_lowercase();
    for ext in [".docx", ".doc", ".pdf", ".wps", ".txt"] {
        let mut from = 0;
        while let Some(found) = lower.get(from..).and_then(|s| s.find(ext)) {
            let at = from + found;
            from = at + ext.len();
            // `.doc` inside `.docx` is the longer one's business.
            let after = lower.get(at + ext.len()..).unwrap_or("");
            if ext == ".doc" && after.starts_with('x') {
                continue;
            }
            let closed =
                after.starts_with('》') || after.starts_with("_第") || after.trim().is_empty();
            if !closed {
                continue;
            }
            // The name runs back to a 《 or the line start.
            let head = t.get(..at)?;
            let name = match head.rfind('《') {
                Some(i) => head.get(i + '《'.len_utf8()..)?,
                None => head,
            };
            let name = name.trim();
            let n = name.chars().count();
            if (4..=81).contains(&n) && !name.contains(['《', '》']) {
                return Some(name.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_rows() {
        assert!(metadata_row("上传人:杨桃文库 文档编号:6424523"));
        assert!(metadata_row("发布时间：2020-01-01  来源：本站"));
        assert!(metadata_row("【字体：大 中 小】"));
        assert!(metadata_row("时间:2023-05-07 10:30:03 公文范文 浏览次数:"));
        assert!(!metadata_row("时间过得真快，一年又过去了。"));
        assert!(!metadata_row("一、2009年主要工作"));
    }

    #[test]
    fn page_counters() {
        for t in [
            "第2页 / 共16页",
            "第2页共18页",
            "共16页",
            "第 3 页",
            "3/16",
            "3 / 16 页",
            "Page 3 of 16",
            "某局工作总结.doc_第3页",
        ] {
            assert!(page_counter(t), "{t}");
        }
        for t in ["第3期", "共完成16项", "1/3的企业", "第二页"] {
            assert!(!page_counter(t), "{t}");
        }
        assert!(bare_page_number("- 12 -"));
        assert!(bare_page_number("— 3 —"));
        assert!(bare_page_number("7"));
        assert!(!bare_page_number("2009"));
        assert!(!bare_page_number("12家"));
    }

    #[test]
    fn file_names() {
        assert!(file_name_line("洛江区科技局某年1-9月工作总结.doc"));
        assert!(file_name_line("Report.PDF"));
        assert!(!file_name_line("打开 doc 文件"));
        assert_eq!(
            doc_name("《市科技局2019年工作总结.docx》由会员分享").as_deref(),
            Some("市科技局2019年工作总结")
        );
        assert_eq!(
            doc_name("洛江区科技局工作总结.doc").as_deref(),
            Some("洛江区科技局工作总结")
        );
        assert_eq!(
            doc_name("洛江区科技局工作总结.doc_第1页").as_deref(),
            Some("洛江区科技局工作总结")
        );
        assert_eq!(doc_name("请用.doc格式保存"), None);
    }
}

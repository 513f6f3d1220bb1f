//! Hand-written matchers for the few patterns that cleaning and the checks look for. They
//! replaced regexes: the regex engine was a third of the page's wasm, and every one of these
//! patterns is a short sequence of choices that a cursor reads plainly.

use crate::text::CharSet;
use std::sync::OnceLock;

/// A cursor over the rest of a string.
#[derive(Clone, Copy)]
struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor { rest: s }
    }

    /// Takes `p` if the rest starts with it.
    fn eat(&mut self, p: &str) -> bool {
        match self.rest.strip_prefix(p) {
            Some(r) => {
                self.rest = r;
                true
            }
            None => false,
        }
    }

    /// Takes the longest of `ps` that the rest starts with.
    fn eat_any(&mut self, ps: &[&str]) -> bool {
        // Compared in line, byte by byte: most words differ at their first byte or two, and a
        // call to memcmp per word cost more than that.
        let best = ps
            .iter()
            .filter(|p| crate::text::starts_with_word(self.rest, p))
            .max_by_key(|p| p.len());
        match best {
            Some(p) => self.eat(p),
            None => false,
        }
    }

    /// Takes one char that `f` accepts.
    fn eat_char(&mut self, f: impl Fn(char) -> bool) -> bool {
        match self.rest.chars().next() {
            Some(c) if f(c) => {
                self.rest = &self.rest[c.len_utf8()..];
                true
            }
            _ => false,
        }
    }

    /// Takes chars while `f` accepts them; returns how many.
    fn eat_while(&mut self, f: impl Fn(char) -> bool) -> usize {
        self.eat_while_max(f, usize::MAX)
    }

    /// Takes at most `max` chars while `f` accepts them; returns how many. A matcher tried at
    /// many places of a text bounds its runs so, or a text of one long run costs the square
    /// of its length.
    fn eat_while_max(&mut self, f: impl Fn(char) -> bool, max: usize) -> usize {
        let mut n = 0;
        while n < max && self.eat_char(&f) {
            n += 1;
        }
        n
    }

    fn digits(&mut self) -> usize {
        self.eat_while(|c| c.is_ascii_digit())
    }

    fn spaces(&mut self) {
        self.eat_while(char::is_whitespace);
    }

    fn done(&self) -> bool {
        self.rest.is_empty()
    }
}

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
pub(crate) fn metadata_row(t: &str) -> bool {
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
pub(crate) fn page_counter(t: &str) -> bool {
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
pub(crate) fn bare_page_number(t: &str) -> bool {
    let dash = |c: char| matches!(c, '-' | '—' | '－') || c.is_whitespace();
    let inner = t.trim_matches(dash);
    (1..=3).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit())
}

const FILE_EXTS: &[&str] = &[
    ".doc", ".docx", ".pdf", ".wps", ".txt", ".ppt", ".pptx", ".xls", ".xlsx",
];

/// A line that is a file name: `洛江区科技局工作总结.doc`.
pub(crate) fn file_name_line(t: &str) -> bool {
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
pub(crate) fn doc_name(line: &str) -> Option<String> {
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

fn tone_mark(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

fn pinyin_char(c: char) -> bool {
    c.is_ascii_alphabetic()
        || c == 'ü'
        || c == ' '
        || tone_mark(c)
        || ('\u{300}'..='\u{36F}').contains(&c)
}

/// Byte ranges of pinyin glosses: a parenthesised run of pinyin syllables with at least one
/// tone mark (`(lǐng)`, `（dǎo）`), right after a Han character or a Latin letter.
pub(crate) fn pinyin_glosses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in crate::text::char_positions(text, &['(', '（']) {
        let prev = text.get(..i).and_then(|h| h.chars().next_back());
        if prev.is_some_and(|p| crate::text::is_han(p) || p.is_ascii_alphabetic())
            && out.last().is_none_or(|&(_, e)| e <= i)
        {
            let body = text.get(i + c.len_utf8()..).unwrap_or("");
            let mut cur = Cursor::new(body);
            // 39 chars tell a run too long for a gloss.
            let n = cur.eat_while_max(pinyin_char, 39);
            let inner = body.get(..body.len() - cur.rest.len()).unwrap_or("");
            if n > 0 && n <= 38 && inner.chars().any(tone_mark) && (cur.eat(")") || cur.eat("）"))
            {
                out.push((i, text.len() - cur.rest.len()));
            }
        }
    }
    out
}

/// Byte ranges of masked numbers: `20xx`, `xx县`, `**家`, `××个` (a run of x/X of two or more
/// with the digits around it, of two or more asterisks, or of × signs).
pub(crate) fn masked_runs(text: &str) -> Vec<(usize, usize)> {
    // The chars and bytes of the run that `f` accepts from byte `i`.
    let run = |i: usize, f: &dyn Fn(char) -> bool| {
        text.get(i..).map_or((0, 0), |s| {
            s.chars()
                .take_while(|&c| f(c))
                .fold((0, 0), |(n, b), c| (n + 1, b + c.len_utf8()))
        })
    };
    let mut out = Vec::new();
    // Where the scan reads on: a run taken is not looked at again.
    let mut from = 0;
    for (i, _) in crate::text::char_positions(text, &['x', 'X', '*', '＊', '×', 'Ｘ']) {
        if i < from {
            continue;
        }
        let (xs, _) = run(i, &|c| c == 'x' || c == 'X');
        let (stars, star_bytes) = run(i, &|c| c == '*' || c == '＊');
        let (times, times_bytes) = run(i, &|c| c == '×' || c == 'Ｘ');
        if xs >= 2 {
            let s = i - text.get(..i).map_or(0, |h| {
                h.bytes().rev().take_while(u8::is_ascii_digit).count()
            });
            let (_, digits) = run(i + xs, &|c| c.is_ascii_digit());
            let e = i + xs + digits;
            out.push((s, e));
            from = e;
        } else if stars >= 2 {
            out.push((i, i + star_bytes));
            from = i + star_bytes;
        } else if times >= 1 {
            out.push((i, i + times_bytes));
            from = i + times_bytes;
        }
    }
    out
}

const TAKES_A_COUNT: &[&str] = &[
    "有", "共", "达", "新增", "申报", "获批", "认定", "引进", "建成", "培育", "组织", "立项",
    "选派", "举办",
];
const COUNTED_BY: &[&str] = &["家", "项", "个", "名", "件", "所", "人次", "场次"];
const NOUN_START: &str = "企单项子科省市国县高专人学机公园基";

/// Byte ranges where a measure word stands with no number: `有家企业`, `基金项目项、`.
pub(crate) fn lost_numbers(text: &str) -> Vec<(usize, usize)> {
    // Where a verb or a doubled 项目 may start: at each of their first chars the cursor tries
    // them all (`立项目项` is tried at 立 and at 项).
    static FIRSTS: OnceLock<CharSet> = OnceLock::new();
    let firsts =
        FIRSTS.get_or_init(|| CharSet::of_firsts(TAKES_A_COUNT.iter().copied().chain(["项目项"])));
    // The verbs are one or two chars, so a measure word starts one or two chars on (项目项 too:
    // its last 项 is one). So the measure words are found (a SIMD search each), and the two
    // chars before each are where a verb may start: most of the text is never decoded.
    static MEASURES: OnceLock<Vec<char>> = OnceLock::new();
    let measures = MEASURES.get_or_init(|| {
        let mut cs: Vec<char> = COUNTED_BY.iter().filter_map(|w| w.chars().next()).collect();
        cs.sort_unstable();
        cs.dedup();
        cs
    });
    let mut starts: Vec<usize> = Vec::new();
    for (j, _) in crate::text::char_positions(text, measures) {
        let before = text.get(..j).unwrap_or("");
        starts.extend(
            before
                .char_indices()
                .rev()
                .take(2)
                .filter(|&(_, c)| firsts.contains(c))
                .map(|(i, _)| i),
        );
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::new();
    let mut last_end = 0;
    for i in starts {
        if i < last_end {
            continue;
        }
        let rest = text.get(i..).unwrap_or("");
        let mut by_verb = Cursor::new(rest);
        let mut doubled = Cursor::new(rest);
        let punct = |n: char| matches!(n, '，' | ',' | '。' | '、' | '；' | ';' | '）' | ')');
        let matched = if by_verb.eat_any(TAKES_A_COUNT)
            && by_verb.eat_any(COUNTED_BY)
            && by_verb.eat_char(|n| NOUN_START.contains(n))
        {
            Some(by_verb)
        } else if doubled.eat("项目项") && doubled.eat_char(punct) {
            Some(doubled)
        } else {
            None
        };
        if let Some(c) = matched {
            let end = text.len() - c.rest.len();
            out.push((i, end));
            last_end = end;
        }
    }
    out
}

/// Byte ranges of shares that lost their `%`: `占全区工业总产值73，` (占, a few words, a
/// number of at most three digits with no unit, then a clause end).
pub(crate) fn bare_shares(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, _) in crate::text::char_positions(text, &['占']) {
        let rest = text.get(i..).unwrap_or("");
        let mut c = Cursor::new(rest);
        c.eat("占");
        // More than 16 words is no share's phrase: 17 tell it.
        let words = c.eat_while_max(|ch| crate::text::is_han(ch) && !"的了是为".contains(ch), 17);
        let digits = c.digits();
        let mut frac = c;
        if frac.eat(".") && frac.digits() > 0 {
            c = frac;
        }
        let ends = c
            .rest
            .chars()
            .next()
            .is_none_or(|ch| matches!(ch, '，' | ',' | '。' | '；' | ';' | '、'));
        if (2..=16).contains(&words) && (1..=3).contains(&digits) && ends {
            out.push((i, text.len() - c.rest.len()));
        }
    }
    out
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

    #[test]
    fn pinyin() {
        let t = "領(lǐng)導(dǎo)和g(shù)dp，(注)保留，（ zhōng ）";
        let found: Vec<&str> = pinyin_glosses(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["(lǐng)", "(dǎo)", "(shù)"]);
    }

    #[test]
    fn shares_without_percent() {
        let t =
            "工业产值46.34亿元，占全区工业总产值73，其中机械五金16家；占比达到21.4%，占地33亩。";
        let found: Vec<&str> = bare_shares(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["占全区工业总产值73"]);
    }

    #[test]
    fn masks_and_lost_numbers() {
        let t = "20xx年，xx县，**家，××个，3×4";
        let found: Vec<&str> = masked_runs(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["20xx", "xx", "**", "××", "×"]);
        let t = "有家企业被列入，基金项目项、省级，国家有关部门";
        let found: Vec<&str> = lost_numbers(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["有家企", "项目项、"]);
        // Tried at every first char, also inside a verb just tried (立项 / 项目项).
        let t = "年度立项目项、新增家企业";
        let found: Vec<&str> = lost_numbers(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["项目项、", "新增家企"]);
        // Two-char verbs and measure words, at the text's ends; measure words one after
        // another (家 then 项) each look back for a verb.
        let t = "引进人次专家，选派名学生，达家项单位，有个";
        let found: Vec<&str> = lost_numbers(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["引进人次专", "选派名学", "达家项"]);
    }
}

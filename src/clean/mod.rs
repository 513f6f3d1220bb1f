//! Cleaning (SPEC §3): remove what the scrape added, restore what it broke, log every change.
//!
//! Passes, in order, one file a kind:
//!
//! 1. `normalize`: line endings, invisible and control characters.
//! 2. `wrapper`: a CSV or TSV file whose cell holds the report is unwrapped.
//! 3. `pinyin`: `領(lǐng)導(dǎo)` → `領導`, before conversion, since a gloss inside a word breaks
//!    zhconv's phrase rules.
//! 4. conversion to simplified ([`crate::convert`]), so that the later rules, which look for
//!    words, see one script.
//! 5. `width`: full-width digits and Latin letters to ASCII.
//! 6. `marks`: marks glued into the prose (watermarks, transcript tags and clock times,
//!    datelines, captions, credits, editor's notes, paywall counts, doubled punctuation).
//! 7. `chrome`: site chrome line by line (metadata rows, page counters and file names from
//!    `rows`, a site's phrases, menus, link blocks, paywall phrases).
//! 8. `pages`: `N、` page-fragment markers that cut sentences; page-number lines.
//! 9. `wraps`: line breaks inside sentences (page ends, PDF line ends).
//! 10. `page_numbers`: `组2长` → `组长`, by the page sequence.
//! 11. `spacing`: letter-spacing, indentation, blank lines, ideographic paragraph gaps.
//! 12. `head`: the page furniture around the title, judged by its shape, and the title.
//! 13. `title`: the title kept once, repeated paragraphs dropped.

mod chrome;
mod head;
mod marks;
mod normalize;
mod page_numbers;
mod pages;
mod pinyin;
mod rows;
mod spacing;
mod title;
mod width;
mod wrapper;
mod wraps;

use chrome::*;
use normalize::*;
use page_numbers::*;
use pages::*;
use pinyin::*;
use spacing::*;
use title::*;
use width::*;
use wraps::*;

use crate::convert::convert_doc;
use crate::edit::Doc;
use crate::parallel::Split;
use crate::report::{Cleaning, Script};

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
    // The head is judged after spacing (a report on one line is in paragraphs by then), but
    // letter-spaced titles and lists of titles are known by their spaces: the first lines
    // are kept as they were.
    let mut raw_head = Vec::new();
    doc.pass(|t, rw| {
        raw_head = head::raw_lines(t);
        spacing(t, rw)
    });
    after("spacing");
    let mut head_title = None;
    let hint = wrapper_title.as_deref().or(doc_title.as_deref());
    doc.pass(|t, rw| head_title = head::head(t, rw, hint, &raw_head).title);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Rewriter;
    use crate::report::CleanKind;
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
    fn a_long_run_of_tiny_numbers_is_no_page_chain() {
        // `中1中1…` gives a candidate every 4 bytes, and none is a page's length after another
        // of its value: nothing goes. (Its speed, once quadratic, is the benchmarks' to watch,
        // not a test's.)
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
    fn a_sites_headline_is_the_title_without_its_mark_and_its_copy_goes() {
        let t = "某某谷\n\n位置:首页 > 事务文书 > 工作总结\n\n关于某局年度目标任务完成情况的总结范文\n\n\
                 今年以来，我局在区委的正确领导下，顺利完成了各项目标任务，现汇报如下：\n\n\
                 关于某局年度目标任务完成情况的总结范文\n\n一、主要工作成绩\n今年共组织申报项目36项。\n";
        let c = clean(t, Split::new(Some(1)));
        assert_eq!(
            c.title.as_deref(),
            Some("关于某局年度目标任务完成情况的总结")
        );
        assert_eq!(
            c.text,
            "关于某局年度目标任务完成情况的总结\n今年以来，我局在区委的正确领导下，顺利完成了各项目标任务，\
             现汇报如下：\n一、主要工作成绩\n今年共组织申报项目36项。\n"
        );
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

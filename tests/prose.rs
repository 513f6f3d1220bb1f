//! Properties of cleaning over many damaged copies of prose (issue 7): cleaning never loses
//! a character of the report's own text, whatever debris a scrape adds around and inside it;
//! clean text is a fixed point; the same input gives the same Report.
//!
//! The prose is the clean report fixture and the seeds as cleaned (each checked by eye and by
//! tests/seeds.rs). Each case damages it the way the sites do, with a seeded generator so that
//! a failure names a case that can be run again: site chrome lines, page counters and page
//! numbers between paragraphs, letter-spacing, indentation, blank lines, Windows line ends,
//! invisible characters, pinyin glosses after Han characters, and PDF-style line wrapping.

#[path = "support/seeds.rs"]
mod seeds;

use zhreport::{analyze, analyze_text, Options};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// Lines that sites put between a report's paragraphs: chrome, counters, page numbers.
fn debris_line(rng: &mut Rng) -> String {
    let n = 1 + rng.below(40);
    let of = n + rng.below(20);
    match rng.below(9) {
        0 => format!("第{n}页 / 共{of}页"),
        1 => format!("- {n} -"),
        2 => format!("{n}"),
        3 => format!(
            "上传人:文库用户{n}  文档编号:{}",
            100_000 + rng.below(900_000)
        ),
        4 => format!(
            "发布时间：2023-0{}-1{} 来源：本站",
            1 + rng.below(9),
            rng.below(10)
        ),
        5 => rng
            .pick(&[
                "收藏 分享 下载 举报",
                "点击查看更多>>",
                "© 版权所有 粤ICP备12345678号",
            ])
            .to_string(),
        6 => rng
            .pick(&["首页 > 工作总结 > 正文", "上一篇：2022年工作总结"])
            .to_string(),
        7 => format!("某局工作总结.doc_第{n}页"),
        _ => "下面是小编为大家整理的工作总结，供大家参考。".to_string(),
    }
}

const TONED: &[&str] = &["lǐng", "dǎo", "zuò", "gōng", "jì", "shù", "chǎn", "yè"];

/// One damaged copy of `prose`: a few of the kinds of damage, chosen by `rng`.
fn damage(prose: &str, rng: &mut Rng) -> String {
    let paras: Vec<&str> = prose.lines().collect();
    let spaced = rng.below(4) == 0;
    let glossed = rng.below(4) == 0;
    let wrapped = rng.below(4) == 0;
    let crlf = rng.below(5) == 0;
    // PDF lines: a break after every `width` chars of a long paragraph, one width a document.
    // A paragraph with no closing punctuation (a heading) whose last line is as long as a full
    // line could run on or not, to a reader as to the cleaner: widths that make one are not
    // drawn.
    let ambiguous = |w: usize| {
        paras.iter().any(|p| {
            let n = p.chars().count();
            let last = if n > w + 10 { (n - 1) % w + 1 } else { n };
            !p.ends_with(['。', '；', '！', '？', '：']) && (w - 2..=w + 1).contains(&last)
        })
    };
    let mut width = 28 + rng.below(14);
    for _ in 0..20 {
        if !ambiguous(width) {
            break;
        }
        width = 28 + rng.below(14);
    }
    let mut out = String::new();
    for (i, p) in paras.iter().enumerate() {
        if rng.below(6) == 0 {
            out.push_str(&debris_line(rng));
            out.push('\n');
        }
        if rng.below(5) == 0 {
            out.push('\n');
        }
        if rng.below(3) == 0 {
            out.push_str(rng.pick(&["　　", "    ", "\t", " "]));
        }
        let chars: Vec<char> = p.chars().collect();
        for (k, &c) in chars.iter().enumerate() {
            out.push(c);
            let next_han = chars.get(k + 1).is_some_and(|n| is_han(*n));
            // A gloss follows its character at once; letter-spacing comes after both.
            if glossed && is_han(c) && rng.below(25) == 0 {
                out.push('(');
                out.push_str(rng.pick(TONED));
                out.push(')');
            }
            if spaced && is_han(c) && next_han && k < 12 {
                out.push(' ');
            }
            if rng.below(400) == 0 {
                out.push(['\u{200B}', '\u{FEFF}', '\u{AD}'][rng.below(3)]);
            }
            if wrapped && chars.len() > width + 10 && (k + 1) % width == 0 && k + 1 < chars.len() {
                out.push('\n');
            }
        }
        if i + 1 < paras.len() || prose.ends_with('\n') {
            out.push_str(if crlf { "\r\n" } else { "\n" });
        }
    }
    out
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The first character of `prose` (with its offset) that `text` does not hold in order, or
/// None when every one is there. Line breaks count (a lost paragraph break merges two);
/// spaces do not (one between a Latin word and Han text may go with a wrap it ended).
fn first_lost(prose: &str, text: &str) -> Option<(usize, char)> {
    let mut rest = text.chars().filter(|&c| c == '\n' || !c.is_whitespace());
    for (i, c) in prose.chars().enumerate() {
        if c != '\n' && c.is_whitespace() {
            continue;
        }
        if !rest.any(|t| t == c) {
            return Some((i, c));
        }
    }
    None
}

/// The texts the properties run over.
fn proses() -> Vec<(String, String)> {
    let mut out = vec![(
        "clean_report".to_string(),
        include_str!("fixtures/clean_report.txt").to_string(),
    )];
    for n in ["000", "001", "002", "003", "004"] {
        let r = analyze(&seeds::bytes(n), &Options::default()).unwrap();
        out.push((format!("seed {n}, cleaned"), r.text));
    }
    out
}

#[test]
fn clean_text_is_a_fixed_point() {
    for (name, prose) in proses() {
        let again = analyze_text(&prose, None);
        assert_eq!(
            again.text, prose,
            "{name}: cleaning its own output changed it"
        );
    }
}

#[test]
fn damage_never_costs_a_character_of_prose() {
    let cases_per_text = 60;
    let mut exact = 0;
    let mut total = 0;
    for (name, prose) in proses() {
        for case in 0..cases_per_text {
            let seed = 0x9E37_79B9_7F4A_7C15 ^ ((case as u64 + 1) * 0x1000_0000_01B3);
            let mut rng = Rng::new(seed);
            let damaged = damage(&prose, &mut rng);
            let r = analyze_text(&damaged, None);
            if let Some((at, c)) = first_lost(&prose, &r.text) {
                let around: String = prose.chars().skip(at.saturating_sub(20)).take(40).collect();
                panic!(
                    "{name}, case {case}: cleaning lost {c:?} at char {at} of the prose, in \
                     “{around}”\n--- damaged input ---\n{damaged}\n--- cleaned ---\n{}",
                    r.text
                );
            }
            // Analysis is deterministic: the same input, the same Report.
            assert_eq!(analyze_text(&damaged, None), r, "{name}, case {case}");
            total += 1;
            exact += usize::from(r.text == prose);
        }
    }
    // How often the report comes back exactly as written, not only without loss: 292 of 360
    // when written. The rest keep a line break of the damage where a wrap cannot be told from
    // a paragraph end: a PDF line that ends at a full stop (`…体会。⏎中层以上…`), and the
    // wrapped lines of a report too short to show its line width. Keeping the break costs
    // nothing of the text; joining two paragraphs would lose one. A fall below three in four
    // means a rule that used to hold has broken.
    println!("restored exactly: {exact} of {total} damaged copies");
    assert!(
        exact * 4 >= total * 3,
        "only {exact} of {total} restored exactly"
    );
}

/// The corpus of real reports (tests/corpus), each as the analysis cleans it.
fn corpus_proses() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/docs");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| {
            let r = analyze(&std::fs::read(p).unwrap(), &Options::default()).unwrap();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                r.text,
            )
        })
        .collect()
}

/// What held for the seeds holds for the 25 real reports of the corpus: their cleaned text,
/// damaged again as the sites damage text, comes back without a character lost, and it is a
/// fixed point of cleaning. Line breaks are not counted here: real pages hold long lines that
/// end in no punctuation (a table of contents run into one line), whose end no reader can
/// tell from a PDF wrap once the damage has wrapped them.
#[test]
fn real_reports_lose_no_character_under_damage() {
    let mut unstable = Vec::new();
    for (name, prose) in corpus_proses() {
        if analyze_text(&prose, None).text != prose {
            unstable.push(name.clone());
        }
        for case in 0..6 {
            let seed = 0x2545_F491_4F6C_DD1D ^ ((case as u64 + 1) * 0x1000_0000_01B3);
            let mut rng = Rng::new(seed);
            let damaged = damage(&prose, &mut rng);
            let r = analyze_text(&damaged, None);
            let flat = |s: &str| s.replace('\n', "");
            if let Some((at, c)) = first_lost(&flat(&prose), &flat(&r.text)) {
                let around: String = flat(&prose)
                    .chars()
                    .skip(at.saturating_sub(20))
                    .take(40)
                    .collect();
                panic!("{name}, case {case}: cleaning lost {c:?} at char {at}, in “{around}”");
            }
        }
    }
    // One is known: a PDF transcription whose table of contents runs into one long line with
    // no closing punctuation, then a page number and a blank line. The first cleaning keeps
    // the break (the blank line says a paragraph ends); cleaning its output again, where the
    // blank line is gone, joins the two as a wrap.
    println!("not a fixed point: {unstable:?}");
    assert!(
        unstable.len() <= 1,
        "cleaning its own output changed it: {unstable:?}"
    );
}

//! The full outline of each seed against a fixture a reader can check by eye
//! (`tests/fixtures/outlines/NNN.txt`).

use zhreport::{analyze, Options};

#[path = "support/seeds.rs"]
mod seeds;

/// One heading as the fixture writes it.
fn render(level: u8, marker: &str, title: &str, role: &str) -> String {
    let marker = if marker.is_empty() { "·" } else { marker };
    format!(
        "{}{level} {marker} {title} | {role}",
        "  ".repeat(level as usize)
    )
}

fn check(n: &str) -> (usize, Vec<String>) {
    let r = analyze(&seeds::bytes(n), &Options::default()).unwrap();
    let path = format!(
        "{}/tests/fixtures/outlines/{n}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let want: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let got: Vec<String> = r
        .sections
        .iter()
        .map(|s| {
            let role = serde_json::to_string(&s.role).unwrap();
            render(s.level, &s.marker, &s.title, role.trim_matches('"'))
        })
        .collect();
    let mut problems = Vec::new();
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        let ok = match w.split_once("… | ") {
            // A known run-on title: the start of the title and everything else must hold.
            Some((head, role)) => g.starts_with(head) && g.ends_with(&format!(" | {role}")),
            None => w == g,
        };
        if !ok {
            problems.push(format!(
                "heading {}: want {w:?}\n            got  {g:?}",
                i + 1
            ));
        }
    }
    if want.len() != got.len() {
        problems.push(format!(
            "want {} headings, got {}: {:?}",
            want.len(),
            got.len(),
            got.get(want.len()..).or(want.get(got.len()..))
        ));
    }
    (want.len(), problems)
}

#[test]
fn seed_outlines_match_their_fixtures() {
    let mut total = 0;
    let mut failed = Vec::new();
    for n in ["000", "001", "002", "003", "004"] {
        let (count, problems) = check(n);
        total += count;
        println!("seed {n}: {count} headings, {} wrong", problems.len());
        for p in &problems {
            failed.push(format!("seed {n}: {p}"));
        }
    }
    println!(
        "outline: {} of {total} headings right",
        total - failed.len()
    );
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

fn brief(text: &str) -> Vec<String> {
    let r = zhreport::analyze_text(text, None);
    r.sections
        .iter()
        .map(|s| {
            let role = serde_json::to_string(&s.role).unwrap();
            render(s.level, &s.marker, &s.title, role.trim_matches('"'))
        })
        .collect()
}

#[test]
fn taiwan_policy_report_with_formal_numerals_and_contents() {
    let text = "行政院施政報告\n目錄\n壹、前言……1\n貳、施政成果……3\n參、未來施政重點……8\n\
壹、前言\n本院施政以民為本。\n貳、施政成果\n一、經濟發展\n（一）出口成長\n全年出口成長12.5%。\n\
（二）投資增加\n二、社會福利\n參、未來施政重點\n一、推動產業升級\n";
    assert_eq!(
        brief(text),
        vec![
            "  1 壹、 前言 | other",
            "  1 贰、 施政成果 | review",
            "    2 一、 经济发展 | review",
            "      3 （一） 出口成长 | review",
            "      3 （二） 投资增加 | review",
            "    2 二、 社会福利 | review",
            "  1 参、 未来施政重点 | plan",
            "    2 一、 推动产业升级 | plan",
        ]
    );
}

#[test]
fn national_report_on_one_line_with_ideographic_gaps() {
    let text = "政府工作报告\u{3000}\u{3000}各位代表：现在，我代表国务院，向大会报告政府工作。\
\u{3000}\u{3000}一、2023年工作回顾\u{3000}\u{3000}过去一年，国内生产总值增长5.2%。\
\u{3000}\u{3000}二、2024年经济社会发展总体要求和政策取向\u{3000}\u{3000}今年发展主要预期目标是。\
\u{3000}\u{3000}三、2024年政府工作任务\u{3000}\u{3000}（一）大力推进现代化产业体系建设。";
    assert_eq!(
        brief(text),
        vec![
            "  1 一、 2023年工作回顾 | review",
            "  1 二、 2024年经济社会发展总体要求和政策取向 | plan",
            "  1 三、 2024年政府工作任务 | plan",
            "    2 （一） 大力推进现代化产业体系建设 | plan",
        ]
    );
}

#[test]
fn city_report_with_ordinals() {
    let text = "某市科技局工作总结\n第一，坚持创新驱动。全年新增企业12家。\n第二，强化人才支撑。引进人才30名。\n\
第三，稳增长，促改革。全年改革任务完成。\n二是加强培训。第一批学员结业。\n\
第四、我们从本地群众的长远利益和根本利益出发，推动各项工作。\n";
    assert_eq!(
        brief(text),
        vec![
            "  1 第一， 坚持创新驱动 | review",
            "  1 第二， 强化人才支撑 | review",
            "  1 第三， 稳增长，促改革 | review"
        ]
    );
}

// One test per kind of real report the outline must read (issue 19). Every example is made
// up: no sentence, place or number of the corpus.

#[test]
fn formal_numerals_stand_above_chinese_ones_up_to_eleven() {
    let names = [
        "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾", "拾壹",
    ];
    let mut text = String::from("某县施政报告\n");
    for (k, n) in names.iter().enumerate() {
        text.push_str(&format!(
            "{n}、第{}项施政\n一、小项\n本项推进顺利。\n",
            k + 1
        ));
    }
    let o = brief(&text);
    let tops: Vec<&String> = o.iter().filter(|l| l.starts_with("  1 ")).collect();
    assert_eq!(tops.len(), 11, "{o:?}");
    assert!(tops[10].starts_with("  1 拾壹、 第11项施政"), "{o:?}");
    assert!(o.iter().filter(|l| l.starts_with("    2 一、")).count() == 11);
}

#[test]
fn numbered_paragraphs_of_an_excerpt_under_a_chapter() {
    // A page of a policy address: chapter (三), then paragraphs 27. 28. alone on their lines.
    let text = "首长施政报告\n(三)教育与青年\n27.\n青年是社会的希望。本届政府会增加资助。\n\
28.\n我们会扩建两所校舍,惠及更多学生。\n";
    assert_eq!(
        brief(text),
        vec![
            "  1 (三) 教育与青年 | other",
            "    2 27. 青年是社会的希望 | other",
            "    2 28. 我们会扩建两所校舍,惠及更多学生 | other",
        ]
    );
}

#[test]
fn paragraph_numbers_that_run_on_across_chapters() {
    // Paragraphs are numbered through the whole address, not from 1 in each chapter.
    let text = "某区施政报告\n（一）经济\n1.经济稳步回升。\n2.就业保持稳定。\n（二）民生\n3.医疗服务扩充。\n\
4.长者照顾加强。\n";
    let o = brief(text);
    let markers: Vec<&str> = o
        .iter()
        .map(|l| l.split_whitespace().nth(1).unwrap_or(""))
        .collect();
    assert_eq!(
        markers,
        vec!["（一）", "1.", "2.", "（二）", "3.", "4."],
        "{o:?}"
    );
    assert!(o[4].starts_with("    2 3."), "{o:?}");
}

#[test]
fn full_width_glued_and_spaced_arabic_markers() {
    let text = "某局工作报告\n一、主要工作\n１、抓好项目建设。全年开工三个项目。\n２、抓好招商引资。引进企业若干家。\n\
附件\n名词解释\n1.“三早”机制：早发现、早报告、早处置。\n2. “一窗通办”：群众办事只进一个窗口。\n\
3.2030行动：到2030年完成改造的专项行动。\n4.3+1服务体系：三个中心加一个平台。\n";
    let o = brief(text);
    let markers: Vec<&str> = o
        .iter()
        .map(|l| l.split_whitespace().nth(1).unwrap_or(""))
        .collect();
    assert_eq!(
        markers,
        vec!["一、", "1、", "2、", "1.", "2.", "3.", "4."],
        "{o:?}"
    );
    assert!(o[4].contains("2. “一窗通办”"), "{o:?}");
    assert!(o[5].contains("3. 2030行动 "), "{o:?}");
    assert!(o[6].contains("4. 3+1服务体系 "), "{o:?}");
}

#[test]
fn headings_after_a_page_title_tags_and_debris() {
    let text =
        "某市年度施政报告—一、过去一年施政回顾\n下面回顾一年工作。\n(一)经济企稳回升\n经济平稳。\n\
?? 二、来年施政方针\n方针如下。\n[主持人]:请继续。[10:15][市长]:三、结语 [10:16]\n谢谢大家。\n";
    assert_eq!(
        brief(text),
        vec![
            "  1 一、 过去一年施政回顾 | review",
            "    2 (一) 经济企稳回升 | review",
            "  1 二、 来年施政方针 | plan",
            "  1 三、 结语 | plan",
        ]
    );
}

#[test]
fn a_one_line_report_with_ideographic_gaps() {
    let text = "某省政府工作报告\u{3000}\u{3000}各位代表：\u{3000}\u{3000}一、过去一年的工作\
\u{3000}\u{3000}一年来经济回升。\u{3000}\u{3000}（一）产业升级\u{3000}\u{3000}新建园区若干。\
\u{3000}\u{3000}二、今年的主要任务\u{3000}\u{3000}（一）扩大内需。\u{3000}\u{3000}（二）稳定就业。";
    let o = brief(text);
    assert_eq!(o.len(), 5, "{o:?}");
    assert_eq!(o[2], "  1 二、 今年的主要任务 | plan");
}

#[test]
fn a_table_of_contents_is_not_the_outline() {
    // Dot leaders and page numbers, then a run of short numbered lines that the body repeats.
    let dots = "某市施政报告\n目录\n壹、前言……1\n贰、施政成果……4\n壹、前言\n本年度施政以民为先。\n\
贰、施政成果\n一、交通\n新辟公交线路。\n";
    assert_eq!(
        brief(dots),
        vec![
            "  1 壹、 前言 | other",
            "  1 贰、 施政成果 | review",
            "    2 一、 交通 | review",
        ]
    );
    let run = "某局年度工作总结\n一、基本情况\n二、主要做法\n三、存在问题\n一、基本情况\n全年运行平稳。\n\
二、主要做法\n（一）强化管理\n管理加强。\n三、存在问题\n人手不足。\n";
    assert_eq!(
        brief(run),
        vec![
            "  1 一、 基本情况 | review",
            "  1 二、 主要做法 | review",
            "    2 （一） 强化管理 | review",
            "  1 三、 存在问题 | problems",
        ]
    );
}

#[test]
fn enumerations_run_into_prose_are_not_headings() {
    let text =
        "某局工作总结\n一、主要工作\n重点抓了三件事：1、修路；2、建桥；3、治水。完成较好。\n\
今年突出抓好：一、稳增长；二、促改革。三、惠民生也有进展。\n二、下步打算\n继续努力。\n";
    let o = brief(text);
    let markers: Vec<&str> = o
        .iter()
        .map(|l| l.split_whitespace().nth(1).unwrap_or(""))
        .collect();
    assert_eq!(markers, vec!["一、", "二、"], "{o:?}");
}

#[test]
fn dividers_are_level_zero_wherever_they_stand() {
    let text = "某街道工作计划范文\n某街道2025年工作计划 篇1\n一、总体目标\n完成各项任务。\n\
（一）稳增长\n篇2\n一、总体目标\n【篇三】\n一、重点任务\n";
    let o = brief(text);
    let levels: Vec<u8> = o
        .iter()
        .map(|l| {
            l.trim_start()
                .chars()
                .next()
                .and_then(|c| c.to_digit(10))
                .unwrap_or(9) as u8
        })
        .collect();
    assert_eq!(levels, vec![0, 1, 2, 0, 1, 0, 1], "{o:?}");
    assert!(o[0].contains("篇1 某街道2025年工作计划"), "{o:?}");
}

#[test]
fn parts_stand_above_their_own_series() {
    let text = "某市五年规划纲要\n第一部分 回顾\n一、发展基础\n二、面临形势\n第二部分 任务\n一、产业升级\n\
（一）制造业\n二、城乡协调\n";
    let o = brief(text);
    let levels: Vec<&str> = o
        .iter()
        .map(|l| l.split(" | ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        levels,
        vec![
            "  1 第一部分 回顾",
            "    2 一、 发展基础",
            "    2 二、 面临形势",
            "  1 第二部分 任务",
            "    2 一、 产业升级",
            "      3 （一） 制造业",
            "    2 二、 城乡协调",
        ],
        "{o:?}"
    );
    let halves = "某县政府工作报告\n上篇\n一、过去一年\n二、主要经验\n下篇\n一、今年任务\n";
    let o = brief(halves);
    assert_eq!(o.len(), 5, "{o:?}");
    assert!(o[3].starts_with("  1 下篇"), "{o:?}");
    assert!(o[4].starts_with("    2 一、 今年任务"), "{o:?}");
}

#[test]
fn the_same_heading_twice_is_one_section() {
    let text = "某局工作总结\n一、基本情况\n运行平稳。二、创新举措\n二、创新举措\n推出新办法。\n";
    let o = brief(text);
    assert_eq!(o.len(), 2, "{o:?}");
}

#[test]
fn a_garbled_marker_does_not_break_the_tiers_around_it() {
    let text = "某局工作总结\n一、主要成绩\n（一）项目建设\n完成。\n鍔犲己管理\n强化。\n（三）队伍建设\n加强。\n\
二、存在问题\n不足。\n";
    let o = brief(text);
    let levels: Vec<&str> = o
        .iter()
        .map(|l| l.split(" | ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        levels,
        vec![
            "  1 一、 主要成绩",
            "    2 （一） 项目建设",
            "    2 （三） 队伍建设",
            "  1 二、 存在问题",
        ],
        "{o:?}"
    );
}

#[test]
fn roles_follow_the_report() {
    // A national-style report: review, then plan sections; later siblings are the year's tasks.
    let text = "政府工作报告\n一、过去五年的工作回顾\n成绩显著。\n二、今年经济社会发展总体要求\n要求如下。\n\
三、扩大有效投资\n投资增加。\n四、推进文化强市计划\n文化繁荣。\n五、加强政府自身建设\n作风转变。\n";
    let o = brief(text);
    let roles: Vec<&str> = o
        .iter()
        .map(|l| l.rsplit(" | ").next().unwrap_or(""))
        .collect();
    assert_eq!(
        roles,
        vec!["review", "plan", "plan", "plan", "plan"],
        "{o:?}"
    );
    // A programme's name holding 计划 is no plan cue.
    let review =
        "某局2024年工作总结\n一、实施人才倍增计划\n引进人才。\n二、推进数字乡村计划\n建设完成。\n";
    let o = brief(review);
    let roles: Vec<&str> = o
        .iter()
        .map(|l| l.rsplit(" | ").next().unwrap_or(""))
        .collect();
    assert_eq!(roles, vec!["review", "review"], "{o:?}");
    // A plan document is a plan throughout unless a section reviews.
    let plan = "某镇2025年工作要点\n一、稳定粮食生产\n二、改善人居环境\n三、上年工作回顾\n";
    let o = brief(plan);
    let roles: Vec<&str> = o
        .iter()
        .map(|l| l.rsplit(" | ").next().unwrap_or(""))
        .collect();
    assert_eq!(roles, vec!["plan", "plan", "review"], "{o:?}");
    // Taiwanese headings: 施政成果 reviews, 施政重点 plans.
    let tw = "某县施政报告\n壹、施政成果\n贰、未来施政重点\n叁、推动文化城市计划\n";
    let o = brief(tw);
    let roles: Vec<&str> = o
        .iter()
        .map(|l| l.rsplit(" | ").next().unwrap_or(""))
        .collect();
    assert_eq!(roles, vec!["review", "plan", "plan"], "{o:?}");
}

#[test]
fn page_fragment_numbers_are_not_headings() {
    // A sharing site cut the text into pages and numbered each page at its start, inside a
    // sentence: `2、` and `3、` continue the words before them.
    let text = "某局工作总结\n一、主要成绩\n全年我们在城乡各处共新建了一批便民服务\n2、站点，群众办事更加方便。我们还完善了\n\
3、制度建设。\n二、下步打算\n继续推进。\n";
    let o = brief(text);
    let markers: Vec<&str> = o
        .iter()
        .map(|l| l.split_whitespace().nth(1).unwrap_or(""))
        .collect();
    assert_eq!(markers, vec!["一、", "二、"], "{o:?}");
}

#[test]
fn corner_quotes_become_mainland_quotes_in_headings() {
    // A policy address in traditional characters quotes with 「」; the report is given in
    // mainland simplified Chinese (zhconv's zh-CN), whose quotation marks are “”. The
    // heading is found, its words kept, its quotes the mainland's. The page opens at its
    // chapter's 2, an excerpt like one opening at 3: its paragraph numbers start mid-way.
    let text = "某區施政報告\n（二）房屋\n41.\n政府會增建公屋。\n42.\n此外，「納米樓」的居住問題值得關注。\n";
    assert_eq!(
        brief(text),
        vec![
            "  1 （二） 房屋 | other",
            "    2 41. 政府会增建公屋 | other",
            "    2 42. 此外，“纳米楼”的居住问题值得关注 | problems",
        ]
    );
}

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
二是加强培训。第一批学员结业。\n";
    assert_eq!(
        brief(text),
        vec![
            "  1 第一， 坚持创新驱动 | review",
            "  1 第二， 强化人才支撑 | review"
        ]
    );
}

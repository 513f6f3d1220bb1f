//! Worst shapes: `cargo run --release --example worst [KB]`. Each shape repeats one thing a
//! matcher starts at (a run of 占, a line of `1、` after another, a paren, a mask, …) to about
//! KB kilobytes (default 1,000), then at four times that, and prints the throughput of each.
//! A shape whose time grows with the square of its length shows as a throughput that falls
//! by four at the larger size; every shape should stay near the same throughput at both.
//! Session 5 found three such shapes (page numbers, fragment chains, shares) this way.

use std::time::Instant;

/// (name, the unit repeated). Units hold the chars the matchers start at.
const SHAPES: &[(&str, &str)] = &[
    ("a run of 占", "占"),
    ("占 and a phrase", "占全区工业"),
    ("numbers between Han", "中1"),
    ("numbers 1 to 3 between Han", "中1中2中3"),
    ("list lines", "1、全年完成项目12项。\n"),
    ("fragment lines", "1、内容内容\n2、内容内容\n"),
    ("blank lines", "\n"),
    ("spaces", " "),
    ("open parens", "（"),
    ("pinyin glosses", "领(lǐng)"),
    ("unclosed glosses", "领(lǐng"),
    ("masks", "xx"),
    ("years", "2024年"),
    ("Chinese numerals", "一二三四五六七八九十"),
    ("headings", "一、工作总结\n"),
    ("glued headings", "工作打算2024年。"),
    ("lost numerals in a row", "甲乙。、丙丁"),
    ("weak run-in markers", "测试，1、甲乙"),
    ("transcript tags before markers", "[09:05][某]:甲。"),
    ("heading lines in a row", "一、甲乙\n二、丙丁\n"),
    ("run-in first markers", "一、甲\n乙丙。（一）丁"),
    ("counts in one line", "新增企业1家，"),
    ("breakdowns", "共100家（其中10家、20家）"),
    ("open breakdowns", "共100家（其中"),
    ("ranges", "1-2-3-4-5-"),
    ("quotes", "“"),
    ("page counters", "第1页\n"),
    ("long digit runs", "全年实现产值11111111111111111111亿元"),
    ("traditional text, one line", "堅持創新驅動發展戰略，"),
    ("longer conversion sources", "著名乾隆記憶體"),
    ("simplified phrases that convert", "著力部份"),
];

fn main() {
    let kb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    println!("| shape | {kb} KB | {} KB |\n|---|---:|---:|", kb * 4);
    for (name, unit) in SHAPES {
        let mut cells = Vec::new();
        for size in [kb, kb * 4] {
            let text = unit.repeat((size << 10) / unit.len() + 1);
            let t0 = Instant::now();
            let report = zhreport::analyze(text.as_bytes(), &zhreport::Options::default());
            let secs = t0.elapsed().as_secs_f64();
            drop(report);
            let mb = text.len() as f64 / (1 << 20) as f64;
            cells.push(format!("{:.2} s ({:.1} MB/s)", secs, mb / secs));
        }
        println!("| {name} | {} |", cells.join(" | "));
    }
}

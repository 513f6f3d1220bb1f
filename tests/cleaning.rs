//! Cleaning on pages from sites other than the seeds': a government portal and a document
//! library, written in their styles. Chrome goes by what it is, the report stays whole.

use zhreport::{analyze_text, CleanKind, Report};

#[path = "support/seeds.rs"]
mod seeds;
use seeds::page;

#[test]
fn government_portal_chrome() {
    let r = page("gov_portal.txt");
    assert_eq!(
        r.title.as_deref(),
        Some("某市科技局2020年工作总结和2021年工作思路")
    );
    for chrome in [
        "首页",
        "索引号",
        "发布机构",
        "发布日期",
        "浏览次数",
        "字体",
        "打印本页",
        "关闭窗口",
        "主办单位",
        "ICP",
    ] {
        assert!(!r.text.contains(chrome), "{chrome} survived:\n{}", r.text);
    }
    assert_eq!(
        r.text,
        "某市科技局2020年工作总结和2021年工作思路\n\
2020年，我局坚持创新驱动发展战略，全年新认定国家高新技术企业86家，同比增长21%。\n\
一、2020年主要工作\n\
（一）培育创新主体。全年新增省科技型中小企业312家。\n\
二、2021年工作思路\n\
（一）力争新增高新技术企业100家。\n"
    );
    let targets: Vec<&str> = r
        .facts
        .iter()
        .filter(|f| f.role == zhreport::FactRole::Target)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(targets, vec!["100家"]);
}

#[test]
fn document_library_chrome_and_repeated_title() {
    let r = page("wenku.txt");
    assert_eq!(
        r.title.as_deref(),
        Some("某县农业农村局2022年上半年工作总结")
    );
    assert_eq!(
        r.text.matches("某县农业农村局2022年上半年工作总结").count(),
        1
    );
    for chrome in [
        "百度文库",
        "第 1 页",
        "本文档由用户上传",
        "相关推荐",
        "下载文档",
        "工作计划\n",
    ] {
        assert!(!r.text.contains(chrome), "{chrome} survived:\n{}", r.text);
    }
    assert!(
        r.text.ends_with("力争全年粮食总产稳定在5万吨以上。\n"),
        "{}",
        r.text
    );
    assert!(r.cleaning.iter().any(|c| c.kind == CleanKind::Duplicate));
    let f = r.facts.iter().find(|f| f.text == "2300余万元").unwrap();
    assert_eq!(f.value, 23_000_000.0);
}

/// Seed 000's body as PDF text: cut into lines of 38 characters, with a running header and a
/// page number every 40 lines. Cleaning must give back the same report: the same outline and
/// the same facts as the seed itself.
#[test]
fn pdf_wrapped_text_reads_like_the_original() {
    let seed = include_str!("fixtures/seeds/000_704a2224e5f2d412.txt");
    let start = seed.find("\n\n2009年,我局深入").unwrap();
    let body = seed[start..].split("推荐访问").next().unwrap();
    let mut lines: Vec<String> = Vec::new();
    for para in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let chars: Vec<char> = para.chars().collect();
        for chunk in chars.chunks(38) {
            lines.push(chunk.iter().collect());
        }
    }
    let header = "义乌市科技局、知识产权局、地震局2009年工作总结和2010年工作思路";
    let mut pdf = format!("{header}\n");
    for (k, line) in lines.iter().enumerate() {
        if k % 40 == 0 && k > 0 {
            pdf.push_str(&format!("— {} —\n{header}\n", k / 40));
        }
        pdf.push_str(line);
        pdf.push('\n');
    }
    pdf.push_str(&format!("— {} —\n", lines.len() / 40 + 1));

    let wrapped = analyze_text(&pdf, None);
    let original = zhreport::analyze(seed.as_bytes(), &zhreport::Options::default()).unwrap();
    assert_eq!(wrapped.title, original.title);
    let outline = |r: &Report| -> Vec<(u8, String, String)> {
        r.sections
            .iter()
            .map(|s| (s.level, s.marker.clone(), s.title.clone()))
            .collect()
    };
    assert_eq!(outline(&wrapped), outline(&original));
    let facts = |r: &Report| -> Vec<(String, f64)> {
        r.facts.iter().map(|f| (f.text.clone(), f.value)).collect()
    };
    assert_eq!(facts(&wrapped), facts(&original));
    assert!(wrapped.cleaning.iter().any(|c| c.kind == CleanKind::Wrap));
    assert!(!wrapped.text.contains('—'), "page numbers gone");
}

/// A table as the page reads it from a .docx or a saved page: one row a line, its cells parted
/// by tabs. The rows stay rows: neither their tabs (the cells would run together, `指标单位`)
/// nor the rows themselves (short cells look like a site's menu) are cleaned away, while a tab
/// after a heading's marker, which Word writes, still goes.
#[test]
fn table_rows_keep_their_cells() {
    let text = "某县统计局2023年工作总结\n\
一、\t主要指标完成情况\n\
指标\t单位\t2022年\t2023年\n\
项目\t单位\t完成\t增长\n\
地区生产总值\t亿元\t312.5\t338.1\n\
一般公共预算收入\t亿元 \t 21.3\t23.0\n\
城镇居民人均可支配收入\t4.6万元\t增长5.1%\n\
全年经济运行总体平稳。\n";
    let r = analyze_text(text, None);
    for row in [
        "指标\t单位\t2022年\t2023年\n",
        "项目\t单位\t完成\t增长\n",
        "地区生产总值\t亿元\t312.5\t338.1\n",
        "一般公共预算收入\t亿元\t21.3\t23.0\n",
        "城镇居民人均可支配收入\t4.6万元\t增长5.1%\n",
    ] {
        assert!(r.text.contains(row), "{row:?} lost:\n{}", r.text);
    }
    assert!(r.text.contains("一、主要指标完成情况\n"), "{}", r.text);
    // Where a cell holds its unit the cell is a fact, as in prose. (A number whose unit stands
    // in a column of its own is not read yet.)
    let facts: Vec<&str> = r.facts.iter().map(|f| f.text.as_str()).collect();
    assert!(facts.contains(&"4.6万元"), "{facts:?}");
    assert!(facts.iter().any(|f| f.contains("5.1%")), "{facts:?}");
}

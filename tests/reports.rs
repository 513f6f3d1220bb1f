//! Reports in other styles than the seeds', written for these tests: a city 政府工作报告 with
//! ideographic indents and full-width digits; a town's 工作计划 with 第一部分 and 第一，; a
//! bureau's half-year summary full of 一是…二是… and comparisons.

use zhreport::{FactKind, FactRole, SectionRole};

#[path = "support/seeds.rs"]
mod seeds;
use seeds::page as report;

#[test]
fn government_work_report() {
    let r = report("gov_work_report.txt");
    assert_eq!(r.title.as_deref(), Some("政府工作报告"));
    let outline: Vec<(u8, &str, SectionRole)> = r
        .sections
        .iter()
        .map(|s| (s.level, s.title.as_str(), s.role))
        .collect();
    assert_eq!(
        outline,
        vec![
            (1, "2023年工作回顾", SectionRole::Review),
            (2, "坚持创新驱动，新动能加快成长", SectionRole::Review),
            (2, "坚持项目为王，有效投资持续扩大", SectionRole::Review),
            (1, "2024年工作安排", SectionRole::Plan),
            (2, "着力发展新质生产力", SectionRole::Plan),
        ]
    );
    let facts: Vec<(&str, f64, FactKind, FactRole, Option<&str>)> = r
        .facts
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.value,
                f.kind,
                f.role,
                f.subject.as_deref(),
            )
        })
        .collect();
    let has = |text: &str, value: f64, kind: FactKind, role: FactRole, subject: &str| {
        assert!(
            facts.contains(&(text, value, kind, role, Some(subject))),
            "{text} {value} {kind:?} {role:?} {subject}: {facts:#?}"
        );
    };
    // Full-width digits read as numbers.
    has(
        "1234.5亿元",
        123_450_000_000.0,
        FactKind::Money,
        FactRole::Achievement,
        "全市地区生产总值",
    );
    has(
        "6.2%",
        6.2,
        FactKind::Growth,
        FactRole::Achievement,
        "全市地区生产总值",
    );
    has(
        "98.7亿元",
        9_870_000_000.0,
        FactKind::Money,
        FactRole::Achievement,
        "一般公共预算收入",
    );
    // A pair shares its subject: 分别达到5.2万元和2.8万元, 分别增长5.1%和7.3%.
    has(
        "2.8万元",
        28_000.0,
        FactKind::Money,
        FactRole::Achievement,
        "城乡居民人均可支配收入",
    );
    has(
        "7.3%",
        7.3,
        FactKind::Growth,
        FactRole::Achievement,
        "城乡居民人均可支配收入",
    );
    has(
        "0.3个百分点",
        0.3,
        FactKind::Growth,
        FactRole::Achievement,
        "研发经费投入强度",
    );
    // The plan's targets.
    has(
        "6%左右",
        6.0,
        FactKind::Growth,
        FactRole::Target,
        "地区生产总值",
    );
    has(
        "5.5%以内",
        5.5,
        FactKind::Percent,
        FactRole::Target,
        "城镇调查失业率",
    );
    has(
        "300家以上",
        300.0,
        FactKind::Count,
        FactRole::Target,
        "新增国家高新技术企业",
    );
    // Dates and congress ordinals are not facts.
    assert!(r
        .facts
        .iter()
        .all(|f| !f.text.contains("15日") && !f.text.contains("十七届")));
}

#[test]
fn town_work_plan() {
    let r = report("town_work_plan.txt");
    let outline: Vec<(u8, &str, &str, SectionRole)> = r
        .sections
        .iter()
        .map(|s| (s.level, s.marker.as_str(), s.title.as_str(), s.role))
        .collect();
    assert_eq!(
        outline,
        vec![
            (1, "第一部分", "重点任务", SectionRole::Plan),
            (2, "第一，", "抓好粮食生产", SectionRole::Plan),
            (2, "第二，", "推进人居环境整治", SectionRole::Plan),
            (1, "第二部分", "保障措施", SectionRole::Plan),
        ]
    );
    // A plan throughout, before its first heading too; what was done last year is a result.
    let roles: Vec<(&str, FactRole)> = r.facts.iter().map(|f| (f.text.as_str(), f.role)).collect();
    assert_eq!(
        roles,
        vec![
            ("3.2万亩以上", FactRole::Target),
            ("7%", FactRole::Target),
            ("5000亩", FactRole::Target),
            ("20家", FactRole::Target),
            ("5家", FactRole::Target),
            ("1.5万吨", FactRole::Target),
            ("300户", FactRole::Target),
            ("280户", FactRole::Achievement),
        ]
    );
}

#[test]
fn half_year_summary() {
    let r = report("half_year_summary.txt");
    assert_eq!(
        seeds::top_sections(&r),
        vec![
            ("主要工作成效", SectionRole::Review),
            ("存在的问题", SectionRole::Problems),
            ("下半年工作打算", SectionRole::Plan),
        ]
    );
    let get = |text: &str| r.facts.iter().find(|f| f.text == text).unwrap();
    // A change against a named base is growth, whatever its unit, and the base is no subject.
    let f = get("112家");
    assert_eq!(
        (f.kind, f.subject.as_deref()),
        (FactKind::Growth, Some("企业"))
    );
    let f = get("1.2个百分点");
    assert_eq!(
        (f.kind, f.subject.as_deref()),
        (FactKind::Growth, Some("全区抽检合格率"))
    );
    assert_eq!(get("2.3个百分点").value, -2.3);
    // 一是… is no part of a subject; 压缩至 is no part of one either.
    assert_eq!(get("48件").subject.as_deref(), Some("受理投诉举报"));
    assert_eq!(get("1个工作日").subject.as_deref(), Some("办理时限"));
    assert_eq!(get("约80万元").approx, Some(zhreport::Approx::About));
    assert_eq!(get("不足5人").approx, Some(zhreport::Approx::Less));
    assert_eq!(get("1.1万户").role, FactRole::Target);
    // 排名全市第3位 and 零的突破 are no facts.
    assert!(r
        .facts
        .iter()
        .all(|f| !f.text.contains("3位") && !f.text.contains('零')));
}

#[test]
fn a_lost_percent_sign_is_a_null_unit_in_the_report() {
    // A site that strips every `%` leaves 增长12.4: the fact stands, with no unit to show.
    let r = zhreport::analyze_text(
        "某县工作总结\n全县规模以上工业增加值增长12.4，税收收入120万元。\n",
        None,
    );
    let json = serde_json::to_value(&r).unwrap();
    let units: Vec<serde_json::Value> = json["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["unit"].clone())
        .collect();
    assert_eq!(
        units,
        vec![serde_json::Value::Null, serde_json::json!("元")]
    );
    // And it reads back as it was.
    let back: zhreport::Report = serde_json::from_value(json).unwrap();
    assert_eq!(back, r);
}

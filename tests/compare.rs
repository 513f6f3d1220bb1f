//! Compare across years: the period reader on every corpus document and seed
//! (`tests/data/periods.txt`), and the matcher on reports of several years written for these
//! tests in the manner of county 政府工作报告.

use std::path::{Path, PathBuf};
use zhreport::compare::{compare, period_of, Adjust, Comparison, Period};
use zhreport::{analyze, analyze_text, FactKind, Options};

fn find(name: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    ["corpus/docs", "corpus/extra/docs", "fixtures/seeds"]
        .iter()
        .map(|d| root.join(d).join(name))
        .find(|p| p.exists())
}

fn show(p: &Period) -> String {
    let y = |y: Option<u16>| y.map_or("-".to_string(), |y| y.to_string());
    format!(
        "{} | {} | {} | {}",
        y(p.year),
        p.part.map_or("-", |p| p.as_str()),
        y(p.plan_year),
        p.issuer.as_deref().unwrap_or("-")
    )
}

/// How many rows of tests/data/periods.txt the reader gets right; raise it with the rules.
const PERIODS_RIGHT: usize = 38;

#[test]
fn periods_of_every_corpus_document_and_seed() {
    let table = include_str!("data/periods.txt");
    let (mut right, mut rows, mut wrong) = (0, 0, Vec::new());
    for line in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (name, want) = line.split_once(" | ").unwrap();
        let path = find(name).unwrap_or_else(|| panic!("{name}: not in the corpus or seeds"));
        let r = analyze(&std::fs::read(path).unwrap(), &Options::default()).unwrap();
        let got = show(&period_of(&r));
        rows += 1;
        if got == want {
            right += 1;
        } else {
            wrong.push(format!("{name}: want {want}, got {got}"));
        }
    }
    println!("periods right: {right}/{rows}\n{}", wrong.join("\n"));
    assert_eq!(rows, 42, "every corpus document and seed has a row");
    assert!(
        right >= PERIODS_RIGHT,
        "{right}/{rows} right\n{}",
        wrong.join("\n")
    );
}

/// Three reports of one county, given in January of 2020, 2021 and 2022.
const Y2020: &str = "某县2020年政府工作报告\n一、2019年工作回顾\n全县地区生产总值达到210亿元，增长7.5%。\
一般公共预算收入12.3亿元，增长6%。\n二、2020年工作安排\n今年全县经济社会发展的主要预期目标是：地区生产总值\
增长7%左右，一般公共预算收入增长6%，城镇登记失业率控制在4%以内。\n";
const Y2021: &str = "某县2021年政府工作报告\n一、2020年工作回顾\n全县地区生产总值达到220亿元，增长3.6%。\
一般公共预算收入13.1亿元，增长6.5%。城镇登记失业率3.8%。\n二、2021年工作安排\n今年全县经济社会发展的主要预期\
目标是：地区生产总值增长8%左右，一般公共预算收入增长6%。\n";
const Y2022: &str =
    "某县2022年政府工作报告\n一、2021年工作回顾\n全县地区生产总值达到240亿元，增长8.1%。\
一般公共预算收入13.6亿元，增长3.8%。\n二、2022年工作安排\n";

fn row<'a>(c: &'a Comparison, subject: &str, kind: FactKind) -> &'a zhreport::compare::Row {
    c.rows
        .iter()
        .find(|r| r.subject == subject && r.kind == kind)
        .unwrap_or_else(|| {
            panic!(
                "no row {subject} {kind:?}: {:#?}",
                c.rows.iter().map(|r| &r.key).collect::<Vec<_>>()
            )
        })
}

#[test]
fn three_years_in_time_order_with_targets_met_and_missed() {
    // Given out of order: the columns follow the years.
    let reports = [
        analyze_text(Y2022, None),
        analyze_text(Y2020, None),
        analyze_text(Y2021, None),
    ];
    let c = compare(&reports, &Adjust::default());
    let labels: Vec<&str> = c.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["2019", "2020", "2021"]);
    assert_eq!(
        c.columns.iter().map(|c| c.report).collect::<Vec<_>>(),
        [1, 2, 0]
    );

    // GDP growth: 7%左右 set for 2020, 3.6% reached: missed; 8%左右 for 2021, 8.1%: met.
    let gdp = row(&c, "地区生产总值", FactKind::Growth);
    let checks: Vec<(u16, bool)> = gdp.checks.iter().map(|k| (k.year, k.met)).collect();
    assert_eq!(checks, [(2020, false), (2021, true)]);
    // Revenue growth: 6% for 2020, 6.5% reached: met; 6% for 2021, 3.8%: missed.
    let revenue = row(&c, "一般公共预算收入", FactKind::Growth);
    let checks: Vec<(u16, bool)> = revenue.checks.iter().map(|k| (k.year, k.met)).collect();
    assert_eq!(checks, [(2020, true), (2021, false)]);
    // A ceiling: unemployment kept within 4%: 3.8% meets it.
    let jobless = row(&c, "城镇登记失业率", FactKind::Percent);
    assert_eq!(
        jobless.checks.iter().map(|k| k.met).collect::<Vec<_>>(),
        [true]
    );

    // GDP in money: 210 → 220 → 240 亿元, each beside the year before.
    let sums = row(&c, "地区生产总值", FactKind::Money);
    let changes: Vec<(f64, i64)> = sums
        .changes
        .iter()
        .map(|ch| {
            (
                ch.by / 1e8,
                (ch.percent.unwrap_or(0.0) * 10.0).round() as i64,
            )
        })
        .collect();
    assert_eq!(changes, [(10.0, 48), (20.0, 91)]);
}

#[test]
fn a_reader_splits_a_wrong_match_and_pins_two_subjects() {
    let reports = [analyze_text(Y2020, None), analyze_text(Y2021, None)];
    let plain = compare(&reports, &Adjust::default());
    let key = row(&plain, "地区生产总值", FactKind::Money).key.clone();
    // Split: the sums stand each in a row of its own, so no row holds both years.
    let split = compare(
        &reports,
        &Adjust {
            splits: vec![key.clone()],
            ..Adjust::default()
        },
    );
    assert!(split
        .rows
        .iter()
        .all(|r| r.subject != "地区生产总值" || r.kind != FactKind::Money));
    // Pin: revenue growth joins GDP growth (a reader's choice, tested for the mechanics).
    let gdp = row(&plain, "地区生产总值", FactKind::Growth).key.clone();
    let revenue = row(&plain, "一般公共预算收入", FactKind::Growth)
        .key
        .clone();
    let pinned = compare(
        &reports,
        &Adjust {
            pins: vec![(gdp.clone(), revenue.clone())],
            ..Adjust::default()
        },
    );
    assert!(pinned.rows.iter().any(|r| r.key == gdp));
    assert!(pinned.rows.iter().all(|r| r.key != revenue));
}

#[test]
fn a_period_set_by_hand_moves_its_column() {
    let reports = [analyze_text(Y2020, None), analyze_text(Y2021, None)];
    let late = Period {
        year: Some(2030),
        ..Period::default()
    };
    let c = compare(
        &reports,
        &Adjust {
            periods: vec![Some(late)],
            ..Adjust::default()
        },
    );
    assert_eq!(
        c.columns.iter().map(|c| c.report).collect::<Vec<_>>(),
        [1, 0]
    );
    assert_eq!(c.columns.get(1).map(|c| c.label.as_str()), Some("2030"));
}

#[test]
fn three_national_reports_of_the_corpus_side_by_side() {
    // 1986, 2010 and 2021, given out of order. The 1986 report measures other things
    // (国民生产总值, 工农业总产值) and matches nothing; 2010 and 2021 share GDP, its growth,
    // new urban jobs.
    let read = |name: &str| {
        analyze(
            &std::fs::read(find(name).unwrap()).unwrap(),
            &Options::default(),
        )
        .unwrap()
    };
    let reports = [
        read("cn_gwr2021_oneline.txt"),
        read("cn_gwr1986_oneline_7th_fyp.txt"),
        read("cn_gwr2010_oneline_fullwidth.txt"),
    ];
    let c = compare(&reports, &Adjust::default());
    let labels: Vec<&str> = c.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["1985", "2009", "2020"]);
    let results = |subject: &str, kind: FactKind| -> Vec<Option<String>> {
        row(&c, subject, kind)
            .cells
            .iter()
            .map(|cell| cell.result.as_ref().map(|v| v.text.clone()))
            .collect()
    };
    assert_eq!(
        results("国内生产总值", FactKind::Growth),
        [None, Some("8.7%".into()), Some("2.3%".into())]
    );
    assert_eq!(
        results("城镇新增就业", FactKind::Count),
        [None, Some("1102万人".into()), Some("1186万人".into())]
    );
    // Each year's target stands beside its results, but the targets set for 2010 and 2021
    // have no report of those years here: no check is made.
    assert!(c.rows.iter().all(|r| r.checks.is_empty()));
}

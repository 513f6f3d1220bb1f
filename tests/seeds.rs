//! The five seed reports, exactly as they were scraped, through the whole pipeline.
//! Each test asserts on passages a reader can find in the seed.

use zhreport::{
    analyze, Approx, CleanKind, FactKind, FactRole, Options, Report, Script, SectionRole,
    WarningKind,
};

#[path = "support/seeds.rs"]
mod seeds;

fn seed(prefix: &str) -> Report {
    analyze(&seeds::bytes(prefix), &Options::default()).unwrap()
}

fn fact<'a>(r: &'a Report, text: &str) -> &'a zhreport::Fact {
    r.facts
        .iter()
        .find(|f| f.text == text)
        .unwrap_or_else(|| panic!("no fact {text}"))
}

fn no_fact_contains(r: &Report, s: &str) {
    if let Some(f) = r.facts.iter().find(|f| f.text.contains(s)) {
        panic!("look-alike {s} taken as fact {f:?}");
    }
}

/// Every offset points into the text, and each fact's span is its text.
fn offsets_hold(r: &Report) {
    let chars: Vec<char> = r.text.chars().collect();
    for f in &r.facts {
        let span: String = chars[f.start..f.end].iter().collect();
        assert_eq!(span, f.text);
    }
    for s in &r.sections {
        assert!(s.start < s.end && s.end <= chars.len(), "{s:?}");
        let at: String = chars[s.start..]
            .iter()
            .take(s.marker.chars().count())
            .collect();
        assert_eq!(at, s.marker);
    }
    for w in &r.warnings {
        assert!(w.start <= w.end && w.end <= chars.len(), "{w:?}");
    }
    for c in &r.cleaning {
        assert!(c.at <= chars.len(), "{c:?}");
    }
}

#[test]
fn seed_000_title_once_chrome_gone() {
    let r = seed("000");
    offsets_hold(&r);
    let title = r.title.as_deref().unwrap();
    assert_eq!(
        title,
        "义乌市科技局、知识产权局、地震局2009年工作总结和2010年工作思路"
    );
    assert_eq!(r.text.matches(title).count(), 1, "title kept once");
    assert!(r.text.starts_with(title));
    for chrome in ["小编", "浏览次数", "推荐访问", "【科技总结】", "供大家参考"]
    {
        assert!(!r.text.contains(chrome), "{chrome} survived");
    }
    // The body right after the chrome survives whole.
    assert!(r.text.contains("2009年,我局深入开展学习实践科学发展观活动"));
    assert!(r.cleaning.iter().any(|c| c.kind == CleanKind::Duplicate));

    let top: Vec<(&str, &str, SectionRole)> = r
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| (s.marker.as_str(), s.title.as_str(), s.role))
        .collect();
    assert_eq!(
        top,
        vec![
            ("一、", "2009年主要工作", SectionRole::Review),
            ("二、", "2010年工作思路", SectionRole::Plan)
        ]
    );
    assert_eq!(r.sections.iter().filter(|s| s.level == 2).count(), 14);

    let f = fact(&r, "1000多万元");
    assert_eq!(
        (f.value, f.unit.as_str(), f.approx, f.kind, f.role),
        (
            10_000_000.0,
            "元",
            Some(Approx::More),
            FactKind::Money,
            FactRole::Achievement
        )
    );
    assert_eq!(f.subject.as_deref(), Some("争取省级以上科技经费支持"));
    assert_eq!(fact(&r, "逾千人").value, 1000.0);
    assert_eq!(fact(&r, "超过30多个学时").unit, "学时");
    assert_eq!(
        fact(&r, "2144件").subject.as_deref(),
        Some("全市专利申请量")
    );
    for look_alike in ["第四届", "5.12", "17-19", "十一五", "三下乡"] {
        no_fact_contains(&r, look_alike);
    }
}

#[test]
fn seed_001_fragments_joined() {
    let r = seed("001");
    offsets_hold(&r);
    assert_eq!(
        r.title.as_deref(),
        Some("市科技局2019年上半年工作总结和下半年工作思路")
    );
    assert!(!r.text.contains("由会员分享"));
    // Sentences cut at page ends read as one again.
    assert!(r.text.contains("高新技术企业享受企业所得税优惠政策自查"));
    assert!(r.text.contains("参与人次达15万,发放资料1000余份"));
    assert!(!r.text.lines().any(|l| l.starts_with("2、所得税")));
    assert_eq!(
        r.cleaning
            .iter()
            .filter(|c| c.kind == CleanKind::PageMarker)
            .count(),
        12
    );

    assert_eq!(
        seeds::top_sections(&r),
        vec![
            ("上半年主要工作开展情况和成效", SectionRole::Review),
            ("下半年工作计划与打算", SectionRole::Plan)
        ]
    );
    assert_eq!(r.sections.iter().filter(|s| s.level == 2).count(), 7);

    let f = fact(&r, "300-500人");
    assert_eq!((f.value, f.max), (300.0, Some(500.0)));
    let f = fact(&r, "22.1%");
    assert_eq!(f.kind, FactKind::Growth);
    assert_eq!(f.subject.as_deref(), Some("规上新产品产值"));
    assert_eq!(fact(&r, "67.3亿元").value, 6_730_000_000.0);
    assert_eq!(fact(&r, "25家").role, FactRole::Target);
    assert_eq!(fact(&r, "45项").role, FactRole::Achievement);
    no_fact_contains(&r, "1-6");
    // A 2019 half-year review that reports 2021 work: the years were templated wrong.
    let dates: Vec<&str> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::DateAnomaly)
        .map(|w| w.message.as_str())
        .collect();
    assert!(
        !dates.is_empty()
            && dates
                .iter()
                .all(|m| m.contains("2021年") && m.contains("2019")),
        "{dates:?}"
    );
}

#[test]
fn seed_002_chrome_page_numbers_spacing() {
    let r = seed("002");
    offsets_hold(&r);
    assert_eq!(r.title.as_deref(), Some("洛江区科技局某年1-9月工作总结"));
    for chrome in [
        "上传人",
        "文档编号",
        "共16页",
        "_第1页",
        "点击查看更多",
        "资源描述",
        "展开阅读全文",
        "相关资源",
        "客服QQ",
        "ICP备",
        "版权所有",
        "收藏",
        "举报",
    ] {
        assert!(!r.text.contains(chrome), "{chrome} survived");
    }
    // Page numbers inside words are gone, real numbers beside them stay.
    for healed in [
        "担任组长的",
        "经济社会发展和产业",
        "三是统一认识",
        "争取建设国家火炬计划",
        "我区技术创新服务体系",
        "反对封建迷信",
        "良好的精神面貌",
        "中国21世纪议程",
        "科技项目,帮助他们进行科技成果的转化",
        "科技合作和交流。重点扶持泉美、华丰",
    ] {
        assert!(r.text.contains(healed), "{healed}");
    }
    assert_eq!(
        r.cleaning
            .iter()
            .filter(|c| c.kind == CleanKind::PageNumber)
            .count(),
        16,
        "pages 1 to 16"
    );
    // Letter-spacing removed, real numbers kept.
    assert!(r.text.contains("洛江区科技局年工作总结"));
    assert!(r.text.contains("并有1人被评为先进个人"));
    assert!(r.text.contains("国家级科技计划项目5项"));
    assert_eq!(fact(&r, "125家").subject.as_deref(), Some("全区规模企业"));
    assert_eq!(fact(&r, "46.34亿元").value, 4_634_000_000.0);
    // Lost numbers are flagged, not invented.
    let missing = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::MissingNumber)
        .count();
    assert!(missing >= 4, "{missing}");
    // A share that lost its %: flagged, and no fact.
    assert!(r
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::MissingUnit && w.message.contains("占全区工业总产值73")));
    assert!(r.facts.iter().all(|f| f.text != "项"));
    no_fact_contains(&r, "6.18");
    assert_eq!(
        r.sections.iter().filter(|s| s.level == 1).count(),
        8,
        "一、 to 七、 run into the joined paragraphs, and the unnumbered 岁首谈思路"
    );
}

#[test]
fn seed_003_sum_mismatch_and_paywall() {
    let r = seed("003");
    offsets_hold(&r);
    assert!(!r.text.contains("此处内容需要权限查看"));
    assert!(!r.text.contains("会员免费查看"));
    assert!(r
        .text
        .contains("\n4、以网上技术市场建设为重点,大力开展政产学研合作"));
    let sums: Vec<&str> = r
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::SumMismatch)
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(sums.len(), 1, "{sums:?}");
    assert!(
        sums[0].contains("26项") && sums[0].contains("27"),
        "{}",
        sums[0]
    );
    assert!(r
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::MaskedNumber));
    assert_eq!(fact(&r, "3.08亿元").value, 308_000_000.0);
    let f = fact(&r, "7.8亿");
    assert_eq!((f.unit.as_str(), f.kind), ("元", FactKind::Money));
    no_fact_contains(&r, "f5");
    no_fact_contains(&r, "330");
}

#[test]
fn seed_004_traditional_with_pinyin() {
    let r = seed("004");
    offsets_hold(&r);
    assert_eq!(r.source.script, Script::Traditional);
    assert_eq!(
        r.cleaning
            .iter()
            .filter(|c| c.kind == CleanKind::Pinyin)
            .count(),
        1485
    );
    let tone = |c: char| "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".contains(c);
    assert!(!r.text.chars().any(tone), "a gloss survived");
    assert!(r.text.contains("着力搭建技术创新平台"), "著力 → 着力");
    assert!(r.text.contains("在省厅和荆门市科技局的领导下"));
    assert!(!r.text.contains("領導") && !r.text.contains("創新"));
    assert_eq!(r.sections.iter().filter(|s| s.level == 0).count(), 3);
    let f = fact(&r, "22、5万人次");
    assert_eq!((f.value, f.unit.as_str()), (225_000.0, "人次"));
    assert!(r
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::DecimalComma && w.message.contains("22、5万人次")));
    assert!(r.warnings.iter().any(|w| w.kind == WarningKind::Garbled));
    assert_eq!(fact(&r, "2924件").subject.as_deref(), Some("专利申请量"));
    assert_eq!(
        fact(&r, "13家").subject.as_deref(),
        Some("新认定国家高新技术企业")
    );
    let f = fact(&r, "41.7%");
    assert_eq!((f.kind, f.value), (FactKind::Growth, 41.7));
    no_fact_contains(&r, "[2016]");
    let plan = r
        .sections
        .iter()
        .find(|s| s.title == "2011年工作重点")
        .unwrap();
    assert_eq!(plan.role, SectionRole::Plan);
}

#[test]
fn gbk_and_big5_files_read_like_their_seeds() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/encodings");
    let gbk = std::fs::read(format!("{dir}/000.gbk.txt")).unwrap();
    let r = analyze(&gbk, &Options::default()).unwrap();
    assert_eq!(r.source.encoding, "gb18030");
    let utf8 = seed("000");
    assert_eq!(r.text, utf8.text);
    assert_eq!(r.facts, utf8.facts);

    let big5 = std::fs::read(format!("{dir}/004.big5.txt")).unwrap();
    let r = analyze(&big5, &Options::default()).unwrap();
    assert_eq!(r.source.encoding, "big5");
    assert_eq!(r.source.script, Script::Traditional);
    assert!(r.text.contains("着力搭建技术创新平台"));
    assert_eq!(r.sections.len(), seed("004").sections.len());
}

#[test]
fn a_clean_report_passes_through_unchanged() {
    let text = include_str!("fixtures/clean_report.txt");
    let r = zhreport::analyze_text(text, None);
    assert_eq!(r.text, text);
    assert!(r.cleaning.is_empty(), "{:?}", r.cleaning);
    assert_eq!(r.source.script, Script::Simplified);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let roles: Vec<SectionRole> = r
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.role)
        .collect();
    assert_eq!(roles, vec![SectionRole::Review, SectionRole::Plan]);
    assert_eq!(fact(&r, "6.5%").kind, FactKind::Growth);
    assert_eq!(fact(&r, "1.2万个").value, 12_000.0);
    assert_eq!(fact(&r, "5%左右").role, FactRole::Target);
}

/// Every character of the input is accounted for: what cleaning removed and inserted, as
/// logged, takes the input to the output. Prints the characters removed per kind and seed
/// (the table in docs/CLEANING.md).
#[test]
fn cleaning_log_accounts_for_every_character() {
    use std::collections::BTreeMap;
    let kinds = [
        CleanKind::Boilerplate,
        CleanKind::PageMarker,
        CleanKind::PageNumber,
        CleanKind::Wrap,
        CleanKind::Spacing,
        CleanKind::Pinyin,
        CleanKind::Width,
        CleanKind::Duplicate,
        CleanKind::Control,
    ];
    println!(
        "| seed | {} |",
        kinds
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("|---|{}", "---:|".repeat(kinds.len()));
    for n in ["000", "001", "002", "003", "004"] {
        let r = seed(n);
        let input = String::from_utf8(seeds::bytes(n)).unwrap();
        let mut removed: BTreeMap<CleanKind, usize> = BTreeMap::new();
        let mut net: i64 = 0;
        for c in &r.cleaning {
            let rm = c.removed.chars().count();
            *removed.entry(c.kind).or_default() += rm;
            net += rm as i64 - c.inserted.chars().count() as i64;
        }
        // Conversion to simplified is one character for one in these reports.
        assert_eq!(
            input.chars().count() as i64 - net,
            r.text.chars().count() as i64,
            "seed {n}: the log does not account for every character"
        );
        println!(
            "| {n} | {} |",
            kinds
                .iter()
                .map(|k| removed.get(k).copied().unwrap_or(0).to_string())
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
}

/// Each page-fragment join of 001 and 002, as the words either side of it: every one reads
/// on across the join (`tests/fixtures/joins/`).
#[test]
fn fragment_joins_read_as_one_sentence() {
    for n in ["001", "002"] {
        let r = seed(n);
        let chars: Vec<char> = r.text.chars().collect();
        let got: Vec<String> = r
            .cleaning
            .iter()
            .filter(|c| c.kind == CleanKind::PageMarker && c.removed.starts_with('\n'))
            .map(|c| {
                let l: String = chars[c.at.saturating_sub(8)..c.at].iter().collect();
                let r: String = chars[c.at..(c.at + 8).min(chars.len())].iter().collect();
                format!("{l}|{r}")
            })
            .collect();
        let path = format!(
            "{}/tests/fixtures/joins/{n}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let want: Vec<String> = std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(str::to_string)
            .collect();
        assert_eq!(got, want, "seed {n}");
        // No join point sits after a sentence end: only cut sentences were joined.
        for w in &got {
            assert!(!w.split('|').next().unwrap().ends_with('。'), "{w}");
        }
    }
}

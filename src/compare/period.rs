//! A report's period: the year its results are of, the year its plans are for, the part of
//! a year it covers and who issued it, read from its title and, where the title is silent,
//! from its dateline and headings.

use crate::report::{Report, SectionRole};
use serde::{Deserialize, Serialize};

/// When a report's numbers are of, and whose they are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The year its results are of (`2021年工作总结` → 2021; a 2021 政府工作报告 → 2020).
    pub year: Option<u16>,
    /// The part of that year, when the report covers less than a year.
    pub part: Option<Part>,
    /// The year its targets are for (`…和2022年工作计划` → 2022; a 2021 政府工作报告 → 2021).
    pub plan_year: Option<u16>,
    /// Who issued it, when the title or the dateline says (`某县科技局`, `某市`).
    pub issuer: Option<String>,
}

/// A part of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// `一季度`, `1-3月`.
    FirstQuarter,
    /// `上半年`, `1-6月`.
    FirstHalf,
    /// `前三季度`, `1-9月`.
    FirstThreeQuarters,
    /// `下半年`.
    SecondHalf,
}

impl Part {
    /// The part's name as the page and the CLI show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::FirstQuarter => "一季度",
            Part::FirstHalf => "上半年",
            Part::FirstThreeQuarters => "前三季度",
            Part::SecondHalf => "下半年",
        }
    }
}

impl Period {
    /// The year the report is placed at on a time line: its results' year, else the year
    /// before its plans.
    pub fn sort_year(&self) -> Option<u16> {
        self.year.or(self.plan_year.map(|y| y.saturating_sub(1)))
    }

    /// A short label: the year and part, or the plan year for a plan alone.
    pub fn label(&self) -> String {
        match (self.year, self.plan_year) {
            (Some(y), _) => format!("{y}{}", self.part.map_or("", Part::as_str)),
            (None, Some(p)) => format!("{p}计划"),
            (None, None) => String::new(),
        }
    }
}

/// Words of a title that make it a plan (its year is the plans' year).
const PLAN_WORDS: &[&str] = &[
    "工作计划",
    "工作要点",
    "计划草案",
    "工作安排",
    "工作思路",
    "工作打算",
    "发展计划",
    "预期目标",
];
/// Words of a title that make it a report delivered at the start of its year: its results
/// are the year before's, its plans its own year's.
const ANNUAL_ADDRESS: &[&str] = &["政府工作报告", "施政报告", "施政方针"];

/// Reads the period of an analysed report.
pub fn period_of(report: &Report) -> Period {
    // The text's head, after what cleaning took from its top (a page's title line).
    let removed: String = report
        .cleaning
        .iter()
        .take_while(|c| c.at < 40)
        .filter(|c| c.removed.chars().nth(5).is_some())
        .take(12)
        .map(|c| format!("{}\n", c.removed))
        .collect();
    let head: String = removed
        .chars()
        .take(400)
        .chain(report.text.chars().take(400))
        .collect();
    // The title, else a line or a 《…》 of the head that names the report's kind (a title
    // lost in a page's head, a news lead citing the report).
    // A template's title (`xx年工作总结`) names no year on purpose: a site's headline above
    // it names the site's year, not the report's.
    let own: String = report
        .title
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let template = ["xx年", "XX年", "××年", "某年", "ｘｘ年"]
        .iter()
        .any(|w| own.contains(w));
    let title = report
        .title
        .as_deref()
        .filter(|t| template || !years_in(t).is_empty())
        .map(str::to_string)
        .or_else(|| titled_in(&head))
        .or_else(|| report.title.clone())
        .unwrap_or_default();
    let title = title.as_str();
    let title_years = years_in(title);
    let plan_title = PLAN_WORDS.iter().any(|w| title.contains(w));
    let summary = ["总结", "回顾", "执行情况", "完成"]
        .iter()
        .any(|w| title.contains(w));
    // Given to an assembly at the start of its year: by its kind, or by its opening words.
    let address = ANNUAL_ADDRESS.iter().any(|w| title.contains(w))
        || head.trim_start().starts_with("各位代表");
    let has_plans = report.sections.iter().any(|s| s.role == SectionRole::Plan)
        || report
            .facts
            .iter()
            .any(|f| f.role == crate::report::FactRole::Target);
    // A speech given for a government (`我代表某县人民政府`) or dated at an assembly is an
    // address like a 政府工作报告.
    let spoken = issuer_in_dateline(&head).or_else(|| issuer_in_speech(&head));
    let address = address || spoken.is_some();
    let mut p = Period {
        part: part_in(title).or_else(|| {
            // `上半年，实现生产总值…`: a text that opens with the part it covers.
            let opening: String = report.text.trim_start().chars().take(8).collect();
            part_in(&opening)
        }),
        issuer: issuer_in(title).or(spoken),
        ..Period::default()
    };
    // `——1986年3月25日在…大会…上`: the year it was given, whatever the title's kind.
    let delivered = if template {
        None
    } else {
        dateline_year(title).or_else(|| dateline_year(&head))
    };
    match (title_years.as_slice(), delivered) {
        ([first, _, ..], _) => {
            // `2021年工作总结和2022年工作计划`: results of the first, plans for the last.
            let last = title_years.iter().copied().max().unwrap_or(*first);
            p.year = title_years.iter().copied().min();
            p.plan_year = Some(last);
        }
        (_, Some(d)) => {
            p.year = Some(d.saturating_sub(1));
            p.plan_year = Some(d);
        }
        ([y], None) => {
            let y = *y;
            if address && !summary {
                p.year = Some(y.saturating_sub(1));
                p.plan_year = Some(y);
            } else if plan_title && !summary {
                p.plan_year = Some(y);
            } else {
                p.year = Some(y);
                // A summary that ends with plans plans for the next period: the next year,
                // or the same year's second half after a first half.
                if (has_plans || plan_title) && p.part.is_none() {
                    p.plan_year = Some(y.saturating_add(1));
                } else if has_plans || plan_title {
                    p.plan_year = Some(y);
                }
            }
        }
        ([], None) => {
            // The years its review and plan headings name (`一、2020年工作回顾`), else the
            // year its text opens with (`2021年，全县…`).
            p.year = heading_year(report, SectionRole::Review).or_else(|| opening_year(&head));
            p.plan_year = heading_year(report, SectionRole::Plan);
            if address {
                p.year = p.year.or(p.plan_year.map(|y| y.saturating_sub(1)));
                p.plan_year = p.plan_year.or(p.year.map(|y| y.saturating_add(1)));
            }
        }
    }
    p
}

/// A short line, or a 《…》, of a text's head that names a report's kind and a year.
fn titled_in(head: &str) -> Option<String> {
    const KINDS: &[&str] = &[
        "工作报告",
        "施政报告",
        "工作总结",
        "工作计划",
        "计划草案",
        "工作要点",
    ];
    let quoted = head
        .split('《')
        .skip(1)
        .filter_map(|s| s.split('》').next());
    let lines = head.lines().take(6).filter(|l| l.chars().count() <= 60);
    quoted
        .chain(lines)
        .map(str::trim)
        .find(|t| KINDS.iter().any(|w| t.contains(w)) && !years_in(t).is_empty())
        .map(str::to_string)
}

/// `2021年，…`: the year a text's first sentence opens with.
fn opening_year(head: &str) -> Option<u16> {
    let t = head.trim_start();
    let years = years_in(t.get(..t.char_indices().nth(5).map_or(t.len(), |(b, _)| b))?);
    let rest = t.get(t.char_indices().nth(5).map_or(t.len(), |(b, _)| b)..)?;
    years
        .first()
        .copied()
        .filter(|_| starts_with_year(t) && rest.starts_with(['，', ',']))
}

/// Years written in a text, in order, each once: `2021年`, `2021年度`, `二〇二一年`.
pub fn years_in(s: &str) -> Vec<u16> {
    let cs: Vec<char> = s.chars().collect();
    let mut out: Vec<u16> = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let run = cs
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&c| c.is_ascii_digit() || year_digit(c).is_some())
            .count();
        if run == 4 && cs.get(i + 4) == Some(&'年') {
            let year = cs
                .get(i..i + 4)
                .unwrap_or(&[])
                .iter()
                .try_fold(0u16, |y, &c| Some(y * 10 + digit_of(c)?));
            if let Some(y) = year.filter(|y| (1949..=2100).contains(y)) {
                if !out.contains(&y) {
                    out.push(y);
                }
            }
        }
        i += run.max(1);
    }
    out
}

fn digit_of(c: char) -> Option<u16> {
    c.to_digit(10).map(|d| d as u16).or_else(|| year_digit(c))
}

/// The digits of a year written in words (`二〇二一`, `一九八六`).
fn year_digit(c: char) -> Option<u16> {
    Some(match c {
        '〇' | '零' | 'Ｏ' | '○' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The part of a year a title names.
fn part_in(title: &str) -> Option<Part> {
    let months = |a: &str| {
        ["-", "—", "－", "～", "~", "至"]
            .iter()
            .any(|d| title.contains(&format!("1{d}{a}月")))
    };
    if title.contains("前三季度") || months("9") {
        Some(Part::FirstThreeQuarters)
    } else if title.contains("上半年") || months("6") {
        Some(Part::FirstHalf)
    } else if title.contains("下半年") {
        Some(Part::SecondHalf)
    } else if title.contains("一季度") || months("3") {
        Some(Part::FirstQuarter)
    } else {
        None
    }
}

/// The issuer a title names before its year or its kind (`某县科技局2021年工作总结`,
/// `某市政府工作报告`, `关于某镇2020年…`).
fn issuer_in(title: &str) -> Option<String> {
    const KINDS: &[&str] = &[
        "政府工作报告",
        "施政报告",
        "工作总结",
        "工作计划",
        "工作要点",
        "上半年",
        "下半年",
        "国民经济",
    ];
    let mut t = title.trim().trim_start_matches("关于");
    // A part of the year before the issuer (`上半年某区…总结`) is no kind yet.
    for w in ["上半年", "下半年"] {
        t = t.strip_prefix(w).unwrap_or(t);
    }
    // The words before the kind (`…2019年某县人民政府工作报告` → `…2019年某县人民`).
    let kind_at = t
        .char_indices()
        .find(|&(b, _)| {
            t.get(b..)
                .is_some_and(|r| KINDS.iter().any(|w| r.starts_with(w)))
        })
        .map_or(t.len(), |(b, _)| b);
    let before_kind = t.get(..kind_at)?;
    // The words between the last year and the kind name the issuer (`2019年某县`); where
    // they name nothing, the words before the first year do (`某县科技局2021年`).
    let years: Vec<usize> = before_kind
        .char_indices()
        .filter(|&(b, _)| before_kind.get(b..).is_some_and(starts_with_year))
        .map(|(b, _)| b)
        .collect();
    let after_year = years.last().and_then(|&b| {
        let rest = before_kind.get(b..)?;
        let y = rest.find('年')? + '年'.len_utf8();
        rest.get(y..)
    });
    let before_year = years.first().and_then(|&b| before_kind.get(..b));
    [after_year, before_year.or(Some(before_kind))]
        .into_iter()
        .flatten()
        .find_map(name_in)
}

/// The name a phrase holds: up to its last place's or body's char (`…县`, `…局`, `…政府`;
/// what follows, `目标任务完成情况` or `xx`, is not the name), without brackets.
fn name_in(phrase: &str) -> Option<String> {
    let phrase = phrase.trim();
    let end = phrase
        .char_indices()
        .rfind(|&(_, c)| ORG_ENDS.contains(c))
        .map(|(b, c)| b + c.len_utf8())?;
    let name = phrase.get(..end)?;
    // `(某省)` before the name: a region's label.
    let name = match name.rfind([')', '）']) {
        Some(b) => name.get(b + ')'.len_utf8()..).unwrap_or(name),
        None => name,
    };
    let name = name.trim_start_matches(['(', '（']).trim();
    // A date or a place of delivery (`3月25日在…大会`) is no name.
    if name.contains(|c: char| c.is_ascii_digit() || matches!(c, '在' | '日' | '—')) {
        return None;
    }
    // A bare place word (`政府`) or one char is no issuer; nor a long phrase of prose.
    let n = name.chars().count();
    ((2..=24).contains(&n) && !matches!(name, "政府" | "人民政府" | "本市" | "全市"))
        .then(|| name.to_string())
}

/// The last chars of the names of places and bodies.
const ORG_ENDS: &str = "省市县区镇乡村州盟旗局委办厅处室院会府部署所站队校司心道";

/// `2021年…`, `二〇二一年…`: four digits and 年.
fn starts_with_year(s: &str) -> bool {
    let mut cs = s.chars();
    cs.by_ref()
        .take(4)
        .filter(|&c| digit_of(c).is_some())
        .count()
        == 4
        && cs.next() == Some('年')
}

/// The body a dateline names: `在某市第十五届人民代表大会第四次会议上`.
fn issuer_in_dateline(head: &str) -> Option<String> {
    let at = head.find("人民代表大会")?;
    if head.get(..at).is_some_and(|b| b.ends_with("全国")) {
        return Some("国务院".to_string());
    }
    let before = head.get(..at)?;
    let from = before.rfind('在')? + '在'.len_utf8();
    let body = before.get(from..)?;
    // The body ends where its session's ordinal begins (`第十五届`).
    let body = body.split('第').next().unwrap_or(body).trim();
    let n = body.chars().count();
    (2..=12).contains(&n).then(|| body.to_string())
}

/// The government a speech is given for: `我代表国务院`, `我代表某县人民政府`.
fn issuer_in_speech(head: &str) -> Option<String> {
    if head.contains("代表国务院") {
        return Some("国务院".to_string());
    }
    let at = head.find("我代表")? + "我代表".len();
    let rest = head.get(at..)?;
    let end = rest.find("政府")?;
    let body = rest.get(..end)?.trim_end_matches("人民");
    let n = body.chars().count();
    (2..=12).contains(&n).then(|| body.to_string())
}

/// The year a dateline says the report was given in (`2021年1月23日在…大会…上`).
fn dateline_year(head: &str) -> Option<u16> {
    head.lines().find_map(|line| {
        let line = line.trim();
        let dateline = line.contains("大会") || line.starts_with("——") || line.starts_with('—');
        if !dateline || !line.contains('月') {
            return None;
        }
        years_in(line).first().copied()
    })
}

/// The year named by the first top heading of the given role (`一、2020年工作回顾`).
fn heading_year(report: &Report, role: SectionRole) -> Option<u16> {
    report
        .sections
        .iter()
        .filter(|s| s.level <= 1 && s.role == role)
        .find_map(|s| years_in(&s.title).first().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_figures_and_words() {
        assert_eq!(years_in("2021年工作总结和2022年工作计划"), vec![2021, 2022]);
        assert_eq!(years_in("二〇二一年政府工作报告"), vec![2021]);
        assert_eq!(years_in("一九八六年"), vec![1986]);
        // A number that is no year, and a year with no 年.
        assert_eq!(years_in("增长12345年 2021"), Vec::<u16>::new());
    }

    #[test]
    fn parts_of_a_year() {
        assert_eq!(part_in("某局2020年上半年工作总结"), Some(Part::FirstHalf));
        assert_eq!(part_in("某局2020年1-6月工作总结"), Some(Part::FirstHalf));
        assert_eq!(
            part_in("某局2018年一季度工作总结"),
            Some(Part::FirstQuarter)
        );
        assert_eq!(
            part_in("某局2018年前三季度工作总结"),
            Some(Part::FirstThreeQuarters)
        );
        assert_eq!(part_in("某局2018年工作总结"), None);
    }

    #[test]
    fn issuers_before_the_year_or_the_kind() {
        assert_eq!(
            issuer_in("某县科技局2021年工作总结").as_deref(),
            Some("某县科技局")
        );
        assert_eq!(issuer_in("某市政府工作报告").as_deref(), Some("某市"));
        assert_eq!(issuer_in("2021年工作总结"), None);
        assert_eq!(issuer_in("政府工作报告"), None);
        assert_eq!(
            issuer_in_dateline("——2021年1月23日在某市第十五届人民代表大会第四次会议上").as_deref(),
            Some("某市")
        );
    }
}

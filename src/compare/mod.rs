//! Compare across years and places: the facts of several Reports matched by what they
//! measure, in columns by period, with each year's targets set beside the results of the year
//! they were for and each result beside the one before.
//!
//! Plain Rust over finished [`Report`]s, so the page (through `wasm.rs`) and the CLI share it.
//! A row's key is the fact's subject with its time and place words dropped and its cue words
//! (`新增`, `累计`) kept apart, its unit and its kind; a reader's corrections (a period set by
//! hand, two rows pinned together, a row split) come in as [`Adjust`].

mod period;

pub use period::{period_of, years_in, Part, Period};

use crate::report::{Approx, Fact, FactKind, FactRole, Report};
use serde::{Deserialize, Serialize};

/// What a reader corrected.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Adjust {
    /// Periods set by hand, by report index (`None`: read from the report).
    #[serde(default)]
    pub periods: Vec<Option<Period>>,
    /// Row keys to merge: each pair's second row joins the first.
    #[serde(default)]
    pub pins: Vec<(String, String)>,
    /// Row keys whose reports' facts are shown each in a row of its own.
    #[serde(default)]
    pub splits: Vec<String>,
}

/// Reports side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// One column per report, in time order (then by issuer, then as given).
    pub columns: Vec<Column>,
    /// The facts matched in two or more columns, or a target with the result it was for.
    pub rows: Vec<Row>,
}

/// A report as a column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Index of the report in the input.
    pub report: usize,
    /// Its period (read or set by hand).
    pub period: Period,
    /// The column's heading: the period's label, the issuer where reports share a year.
    pub label: String,
}

/// One quantity across the reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The row's key (subject, cue, unit, kind), to pin or split by.
    pub key: String,
    /// What is measured: the subject without time and place words.
    pub subject: String,
    /// `新增` or `累计` when the subject said it: a flow or a stock, never matched with the
    /// bare subject.
    pub cue: Option<String>,
    /// The unit.
    pub unit: String,
    /// The kind of quantity.
    pub kind: FactKind,
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// Each target beside the result of the year it was for.
    pub checks: Vec<Check>,
    /// Each result beside the result of the column before it that has one.
    pub changes: Vec<Change>,
}

/// What one report says of a row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// The first result it reports.
    pub result: Option<Value>,
    /// The first target it sets.
    pub target: Option<Value>,
    /// How many more facts of the report have the row's key (shown, not compared).
    pub more: usize,
}

/// A fact as a cell shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Value {
    /// Index into the report's facts.
    pub fact: usize,
    /// The value in base units.
    pub value: f64,
    /// The high end of a range.
    pub max: Option<f64>,
    /// How the number is qualified.
    pub approx: Option<Approx>,
    /// The span as written.
    pub text: String,
}

/// A target set beside the result of its year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// The year the target was for.
    pub year: u16,
    /// The column that set it.
    pub target_column: usize,
    /// The column that reports the result.
    pub result_column: usize,
    /// Whether the result met the target.
    pub met: bool,
}

/// A result beside an earlier one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// The earlier column.
    pub from: usize,
    /// The later column.
    pub to: usize,
    /// The later value less the earlier (points for percents and growth).
    pub by: f64,
    /// The change as a percent of the earlier value, for counts, money and measures.
    pub percent: Option<f64>,
}

/// Words that say when or where, not what: dropped from the front of a subject.
const TIME_PLACE: &[&str] = &[
    "全年",
    "今年",
    "去年",
    "上年",
    "当年",
    "本年",
    "年末",
    "年底",
    "年内",
    "全市",
    "全省",
    "全县",
    "全区",
    "全镇",
    "全乡",
    "全国",
    "全州",
    "全旗",
    "全局",
    "全委",
    "我市",
    "我省",
    "我县",
    "我区",
    "我镇",
    "我局",
    "本市",
    "本县",
    "共",
    "其中",
    "目前",
    "截至目前",
];
/// Cue words kept apart: a flow (`新增`) or a stock (`累计`) of a thing.
const CUES: &[&str] = &["新增", "累计"];

/// The key parts of a subject: what it measures, and its cue.
pub fn normalise_subject(subject: &str) -> (String, Option<String>) {
    let mut s = subject.trim();
    let mut cue = None;
    loop {
        let before = s.len();
        s = strip_year(s);
        for w in TIME_PLACE {
            if let Some(r) = s.strip_prefix(w) {
                s = r;
            }
        }
        for w in CUES {
            if let Some(r) = s.strip_prefix(w) {
                cue = Some(w.to_string());
                s = r;
            }
        }
        s = s.trim_start_matches(['，', ',', '、', ' ', '　']);
        if s.len() == before {
            break;
        }
    }
    // A cue inside the subject (`城镇新增就业`) is part of its name and stays, but it still
    // keeps the flow apart from the stock.
    if cue.is_none() {
        cue = CUES.iter().find(|w| s.contains(*w)).map(|w| w.to_string());
    }
    (s.to_string(), cue)
}

/// Drops a leading `2021年`, `2021年度`, `1-6月`, `上半年`.
fn strip_year(s: &str) -> &str {
    let digits = s
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '-' | '—' | '－'))
        .last()
        .map_or(0, |(b, c)| b + c.len_utf8());
    let rest = s.get(digits..).unwrap_or(s);
    if digits > 0 {
        for w in ["年度", "年", "月份", "月"] {
            if let Some(r) = rest.strip_prefix(w) {
                return r;
            }
        }
        return s;
    }
    for w in ["上半年", "下半年", "前三季度", "一季度"] {
        if let Some(r) = s.strip_prefix(w) {
            return r;
        }
    }
    s
}

fn kind_str(k: FactKind) -> &'static str {
    match k {
        FactKind::Count => "count",
        FactKind::Money => "money",
        FactKind::Percent => "percent",
        FactKind::Growth => "growth",
        FactKind::Measure => "measure",
    }
}

fn key_of(subject: &str, cue: Option<&str>, unit: &str, kind: FactKind) -> String {
    format!("{subject}|{}|{unit}|{}", cue.unwrap_or(""), kind_str(kind))
}

/// Compares reports: periods read from each (or as `adjust` sets them), facts matched by key.
pub fn compare(reports: &[Report], adjust: &Adjust) -> Comparison {
    let periods: Vec<Period> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            adjust
                .periods
                .get(i)
                .cloned()
                .flatten()
                .unwrap_or_else(|| period_of(r))
        })
        .collect();
    // Columns in time order; reports of no known year after the rest, as given.
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (periods.get(a), periods.get(b));
        let key = |p: Option<&Period>| {
            let p = p.cloned().unwrap_or_default();
            (p.sort_year().is_none(), p.sort_year(), p.part, p.issuer)
        };
        key(pa).cmp(&key(pb)).then(a.cmp(&b))
    });
    let columns: Vec<Column> = order
        .iter()
        .map(|&i| {
            let period = periods.get(i).cloned().unwrap_or_default();
            let shared = periods.iter().enumerate().any(|(j, q)| {
                j != i && q.sort_year() == period.sort_year() && q.part == period.part
            });
            let mut label = period.label();
            if shared || label.is_empty() {
                if let Some(who) = &period.issuer {
                    label = if label.is_empty() {
                        who.clone()
                    } else {
                        format!("{label} {who}")
                    };
                }
            }
            if label.is_empty() {
                label = format!("#{}", i + 1);
            }
            Column {
                report: i,
                period,
                label,
            }
        })
        .collect();

    // Rows, in the order their keys are first met (by column, then in the document).
    let pins = |key: String| -> String {
        adjust
            .pins
            .iter()
            .find(|(_, b)| *b == key)
            .map_or(key, |(a, _)| a.clone())
    };
    let mut rows: Vec<Row> = Vec::new();
    for (c, col) in columns.iter().enumerate() {
        let Some(report) = reports.get(col.report) else {
            continue;
        };
        for (fi, f) in report.facts.iter().enumerate() {
            let Some(subject) = f.subject.as_deref() else {
                continue;
            };
            let (subject, cue) = normalise_subject(subject);
            if subject.chars().count() < 2 {
                continue;
            }
            let mut key = pins(key_of(&subject, cue.as_deref(), &f.unit, f.kind));
            if adjust.splits.contains(&key) {
                key = format!("{key}#{c}");
            }
            let at = match rows.iter().position(|r| r.key == key) {
                Some(at) => at,
                None => {
                    rows.push(Row {
                        key,
                        subject,
                        cue,
                        unit: f.unit.clone(),
                        kind: f.kind,
                        cells: vec![Cell::default(); columns.len()],
                        checks: Vec::new(),
                        changes: Vec::new(),
                    });
                    rows.len() - 1
                }
            };
            if let Some(cell) = rows.get_mut(at).and_then(|r| r.cells.get_mut(c)) {
                let slot = match f.role {
                    FactRole::Achievement => &mut cell.result,
                    FactRole::Target => &mut cell.target,
                };
                if slot.is_none() {
                    *slot = Some(value_of(fi, f));
                } else {
                    cell.more += 1;
                }
            }
        }
    }
    for row in &mut rows {
        row.checks = checks_of(row, &columns);
        row.changes = changes_of(row);
    }
    rows.retain(|r| {
        let filled = r
            .cells
            .iter()
            .filter(|c| c.result.is_some() || c.target.is_some())
            .count();
        filled >= 2 || !r.checks.is_empty()
    });
    Comparison { columns, rows }
}

fn value_of(fact: usize, f: &Fact) -> Value {
    Value {
        fact,
        value: f.value,
        max: f.max,
        approx: f.approx,
        text: f.text.clone(),
    }
}

/// Each column's target beside the result of a column whose year is the target's year.
fn checks_of(row: &Row, columns: &[Column]) -> Vec<Check> {
    let mut out = Vec::new();
    for (tc, col) in columns.iter().enumerate() {
        let (Some(target), Some(year)) = (
            row.cells.get(tc).and_then(|c| c.target.as_ref()),
            col.period.plan_year,
        ) else {
            continue;
        };
        let result = columns.iter().enumerate().find_map(|(rc, other)| {
            let whole_year = other.period.part.is_none();
            (other.period.year == Some(year) && whole_year)
                .then(|| {
                    row.cells
                        .get(rc)
                        .and_then(|c| c.result.as_ref())
                        .map(|v| (rc, v))
                })
                .flatten()
        });
        if let Some((rc, result)) = result {
            out.push(Check {
                year,
                target_column: tc,
                result_column: rc,
                met: met(target, result),
            });
        }
    }
    out
}

/// Whether a result meets a target. A ceiling (`控制在3.5%以内`) is met at or below it; a
/// planned fall (`下降3%`, a negative value) by a fall as deep or deeper; an aim `左右` (about)
/// within a twentieth of it; any other target at or above it.
fn met(target: &Value, result: &Value) -> bool {
    let (t, r) = (target.value, result.value);
    match target.approx {
        Some(Approx::Less) => r <= t,
        _ if t < 0.0 => r <= t,
        Some(Approx::About) => r >= t - t.abs() / 20.0,
        _ => r >= t,
    }
}

/// Each result beside the latest earlier column with a result.
fn changes_of(row: &Row) -> Vec<Change> {
    let mut out = Vec::new();
    let mut last: Option<(usize, f64)> = None;
    for (c, cell) in row.cells.iter().enumerate() {
        let Some(v) = cell.result.as_ref() else {
            continue;
        };
        if let Some((from, before)) = last {
            let by = v.value - before;
            let percent = (matches!(
                row.kind,
                FactKind::Count | FactKind::Money | FactKind::Measure
            ) && before != 0.0)
                .then(|| by / before.abs() * 100.0);
            out.push(Change {
                from,
                to: c,
                by,
                percent,
            });
        }
        last = Some((c, v.value));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_lose_time_and_place_and_keep_their_cue_apart() {
        assert_eq!(
            normalise_subject("全年地区生产总值"),
            ("地区生产总值".into(), None)
        );
        assert_eq!(
            normalise_subject("2020年全市地区生产总值"),
            ("地区生产总值".into(), None)
        );
        assert_eq!(
            normalise_subject("全年新增高新技术企业"),
            ("高新技术企业".into(), Some("新增".into()))
        );
        assert_eq!(
            normalise_subject("城镇新增就业"),
            ("城镇新增就业".into(), Some("新增".into()))
        );
        assert_eq!(
            normalise_subject("上半年税收收入"),
            ("税收收入".into(), None)
        );
    }
}

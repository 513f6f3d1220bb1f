//! The Report of SPEC §2: what every stage of the pipeline adds up to.
//!
//! All offsets (`start`, `end`, `at`) count Unicode scalar values (`char`s) in
//! [`Report::text`], end exclusive. The wasm binding rewrites them to UTF-16 code units.

use serde::{Deserialize, Serialize, Serializer};

/// The version of the Report layout; bumped when a field changes meaning.
pub const SCHEMA: u32 = 1;

/// One analysed report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: u32,
    /// The report's own title, when one could be found.
    pub title: Option<String>,
    /// Where the text came from and how it was read.
    pub source: Source,
    /// The cleaned report in mainland simplified Chinese.
    pub text: String,
    /// Every change cleaning made, in the order of `at`.
    pub cleaning: Vec<Cleaning>,
    /// The heading tree, flattened in document order.
    pub sections: Vec<Section>,
    /// Every numeric fact, in document order.
    pub facts: Vec<Fact>,
    /// What a careful reader would flag.
    pub warnings: Vec<Warning>,
}

/// Where the text came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The file name, or null for pasted text.
    pub name: Option<String>,
    /// The encoding the bytes were read as (`utf-8`, `gb18030`, `big5`, `utf-16le`, …).
    pub encoding: String,
    /// The size of the input in bytes.
    pub bytes: usize,
    /// The script of the text before conversion.
    pub script: Script,
}

/// The script of a text before conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Nothing that converts to simplified.
    Simplified,
    /// Mostly traditional characters.
    Traditional,
    /// Some traditional characters in a simplified text.
    Mixed,
}

/// One change made by cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cleaning {
    /// What kind of damage was undone.
    pub kind: CleanKind,
    /// The text taken out (before conversion to simplified, where it was removed before).
    pub removed: String,
    /// The text put in its place; empty for a pure removal.
    pub inserted: String,
    /// Where in [`Report::text`] the change now sits.
    pub at: usize,
}

/// The kinds of cleaning (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CleanKind {
    /// Site chrome, ads, metadata rows, teasers.
    Boilerplate,
    /// Page-fragment markers (`2、` continuing a cut sentence) and page counters.
    PageMarker,
    /// Page numbers on their own or inside words.
    PageNumber,
    /// Letter-spacing, indentation and blank lines.
    Spacing,
    /// Pinyin glosses such as `(lǐng)`.
    Pinyin,
    /// Full-width digits and letters made ASCII.
    Width,
    /// A repeated title or paragraph.
    Duplicate,
    /// Invisible or control characters.
    Control,
    /// A line break inside a sentence (a page or PDF line end), joined.
    Wrap,
}

/// A heading and the extent of its section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// 1..4 by numbering tier; 0 for an article divider such as `【篇一】`.
    pub level: u8,
    /// The numbering as written (`一、`, `（一）`, `1、`, `【篇一】`).
    pub marker: String,
    /// The heading phrase without its marker.
    pub title: String,
    /// Where the marker begins.
    pub start: usize,
    /// Where the section's body ends (exclusive).
    pub end: usize,
    /// What the section does.
    pub role: SectionRole,
}

/// What a section does in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionRole {
    /// Reviews work done.
    Review,
    /// Plans work to come.
    Plan,
    /// Names problems and shortcomings.
    Problems,
    /// Anything else.
    Other,
}

/// A number with what it measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Where the span begins.
    pub start: usize,
    /// Where the span ends (exclusive).
    pub end: usize,
    /// The exact span, modifiers included.
    pub text: String,
    /// The number in base units (万 and 亿 multiplied out); the low end of a range.
    #[serde(serialize_with = "ser_number")]
    pub value: f64,
    /// The high end of a range.
    #[serde(serialize_with = "ser_opt_number")]
    pub max: Option<f64>,
    /// The measure word or unit; empty when the text lost it (`增长26.1` where a site stripped
    /// the `%`), which the Report writes as `null`.
    #[serde(serialize_with = "ser_unit", deserialize_with = "de_unit")]
    pub unit: String,
    /// How the number is qualified.
    pub approx: Option<Approx>,
    /// What sort of quantity it is.
    pub kind: FactKind,
    /// A result or a plan.
    pub role: FactRole,
    /// What was counted, when it can be found.
    pub subject: Option<String>,
    /// Index into [`Report::sections`] of the innermost section holding the fact.
    pub section: Option<usize>,
}

/// How a number is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Approx {
    /// 多, 余, 逾, 超过, 以上.
    More,
    /// 约, 近, 左右, 上下.
    About,
    /// 不足, 以下, 不到.
    Less,
}

/// What sort of quantity a fact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// Things counted with a measure word.
    Count,
    /// Sums of money.
    Money,
    /// A share or a rate.
    Percent,
    /// A change against a base.
    Growth,
    /// Area, weight, length, time spans.
    Measure,
}

/// Whether a number reports a result or states a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactRole {
    /// A result the report states.
    Achievement,
    /// A plan or goal.
    Target,
}

/// Something a careful reader would flag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// Where the flagged span begins.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// A sentence for the reader.
    pub message: String,
    /// The numbers the message states, for a reader told in another language.
    #[serde(default, skip_serializing_if = "Figures::is_empty")]
    pub figures: Figures,
}

impl Warning {
    /// A warning with no figures.
    pub fn new(kind: WarningKind, start: usize, end: usize, message: String) -> Self {
        Warning {
            kind,
            start,
            end,
            message,
            figures: Figures::default(),
        }
    }
}

/// What a warning's message says in numbers, so that the page tells it in Chinese without
/// reading the English.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// `sum_mismatch`: the total with its subject, as written (`全市规上企业120家`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<String>,
    /// `sum_mismatch`: the parts as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<String>,
    /// `sum_mismatch`: what the parts add up to, with the unit (`110家`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sum: Option<String>,
    /// `date_anomaly`: the year the review is of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// `decimal_comma`: the value the number is read as (`22、5万` → 225000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_as: Option<f64>,
}

impl Figures {
    /// No figures.
    pub fn is_empty(&self) -> bool {
        *self == Figures::default()
    }
}

/// The kinds of warning (SPEC §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// A total whose parts do not add up.
    SumMismatch,
    /// A measure word with no number where one is due.
    MissingNumber,
    /// A rate or share whose `%` was lost: `增长26.1` (a fact with no unit), `占全区产值73`
    /// (a bare share the checks find).
    MissingUnit,
    /// `xx`, `**` or `×` where a number was.
    MaskedNumber,
    /// Characters that cannot be Chinese prose.
    Garbled,
    /// A year that contradicts the title.
    DateAnomaly,
    /// A `、` typed for a decimal point.
    DecimalComma,
}

/// Gives a kind enum `ALL` (every variant, in order) and `as_str` (its name in the Report,
/// as serde writes it: a test holds the two together), so the CLI and the page name kinds from
/// one table.
macro_rules! names {
    ($t:ident { $($v:ident => $s:literal),* $(,)? }) => {
        impl $t {
            /// Every kind, in order.
            pub const ALL: &'static [$t] = &[$($t::$v),*];
            /// Its name in the Report.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($t::$v => $s),*
                }
            }
        }
    };
}

names!(Script { Simplified => "simplified", Traditional => "traditional", Mixed => "mixed" });
names!(CleanKind {
    Boilerplate => "boilerplate",
    PageMarker => "page_marker",
    PageNumber => "page_number",
    Spacing => "spacing",
    Pinyin => "pinyin",
    Width => "width",
    Duplicate => "duplicate",
    Control => "control",
    Wrap => "wrap",
});
names!(SectionRole { Review => "review", Plan => "plan", Problems => "problems", Other => "other" });
names!(Approx { More => "more", About => "about", Less => "less" });
names!(FactKind {
    Count => "count",
    Money => "money",
    Percent => "percent",
    Growth => "growth",
    Measure => "measure",
});
names!(FactRole { Achievement => "achievement", Target => "target" });
names!(WarningKind {
    SumMismatch => "sum_mismatch",
    MissingNumber => "missing_number",
    MissingUnit => "missing_unit",
    MaskedNumber => "masked_number",
    Garbled => "garbled",
    DateAnomaly => "date_anomaly",
    DecimalComma => "decimal_comma",
});

/// Writes whole numbers without a fraction (`10000000`, not `10000000.0`).
fn ser_number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn ser_opt_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => ser_number(v, s),
        None => s.serialize_none(),
    }
}

/// An empty unit is no unit: `null` in the Report.
fn ser_unit<S: Serializer>(u: &str, s: S) -> Result<S::Ok, S::Error> {
    if u.is_empty() {
        s.serialize_none()
    } else {
        s.serialize_str(u)
    }
}

/// `null` (or a missing unit) reads back as empty.
fn de_unit<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

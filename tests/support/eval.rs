//! Scores the analysis against the corpus of real reports in `tests/corpus/` (documents nobody
//! on the team wrote, with hand-made gold), the way the reference scorer of the corpus does,
//! figure for figure: the outline, the facts and their roles, the look-alikes taken as facts,
//! the title, the debris left and the report's passages lost.
//!
//! Used by the floor test (`tests/corpus.rs`) and by the report a person reads
//! (`cargo run --release --example eval`). It calls the library, not the CLI, so it needs no
//! build beside the test's own; where the reference scorer runs `zhreport convert` over gold
//! strings, this calls [`zhreport::to_simplified`], which is what that command does.

#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use regex::Regex;
use serde_json::{json, Map, Value};
use unicode_normalization::UnicodeNormalization;
use zhreport::{analyze, Options, Report};

/// The shared corpus, copied byte for byte.
pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

/// What one document scored.
#[derive(Debug, Default, Clone)]
pub struct DocScore {
    /// The document's name (its file name without `.txt`).
    pub name: String,
    /// Gold headings (level 1 and deeper).
    pub o_gold: usize,
    /// Sections we report (level 1 and deeper).
    pub o_ours: usize,
    /// Gold headings found.
    pub o_tp: usize,
    /// Of those, found at the gold level.
    pub o_level_ok: usize,
    /// Gold headings not found (marker and the title's first chars).
    pub o_missed: Vec<String>,
    /// Sections we report that match no gold heading.
    pub o_extra: Vec<String>,
    /// Whether the gold annotates facts.
    pub facts_annotated: bool,
    /// Gold quantities (achievements and targets).
    pub f_gold: usize,
    /// Of those, found by value and unit.
    pub f_found: usize,
    /// Of those found, with the gold role.
    pub f_role_ok: usize,
    /// Facts with a digit that no gold quantity has.
    pub f_extra: Vec<String>,
    /// Gold look-alikes in the sample.
    pub f_look_n: usize,
    /// Look-alikes reported as facts.
    pub f_looks: Vec<String>,
    /// Gold quantities not found.
    pub f_missed: Vec<String>,
    /// Gold quantities found with the other role (`text→role we gave`).
    pub f_wrong_role: Vec<String>,
    /// Generic scraping leftovers in the cleaned text, by kind.
    pub debris: Vec<(&'static str, usize)>,
    /// Whether the gold has cleaning items.
    pub has_cleaning: bool,
    /// Gold debris items.
    pub c_debris_n: usize,
    /// Gold debris items still in the text.
    pub c_left: Vec<String>,
    /// Gold passages of the report.
    pub c_keep_n: usize,
    /// Gold passages lost or cut.
    pub c_lost: Vec<String>,
    /// Whether the title is right.
    pub c_title_ok: bool,
    /// The title we gave.
    pub c_title: Option<String>,
    /// The gold title.
    pub c_title_want: Option<String>,
}

/// The corpus totals, named as the reference scorer names them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Totals {
    /// Documents scored.
    pub documents: usize,
    /// Outline F1 (rounded to 3 places, as every ratio here).
    pub outline_f1: f64,
    /// Outline precision.
    pub outline_precision: f64,
    /// Outline recall.
    pub outline_recall: f64,
    /// Share of found headings at the gold level.
    pub outline_level: f64,
    /// Gold quantities found.
    pub facts_recall: f64,
    /// Role right on those found.
    pub facts_role: f64,
    /// Facts no gold quantity has.
    pub facts_extra: usize,
    /// Gold quantities.
    pub facts_gold: usize,
    /// Look-alikes reported as facts.
    pub lookalikes: usize,
    /// Look-alikes in the gold samples.
    pub lookalikes_of: usize,
    /// Generic scraping leftovers.
    pub debris: usize,
    /// Documents with cleaning gold.
    pub cleaning_docs: usize,
    /// Titles right.
    pub titles_right: usize,
    /// Gold debris items.
    pub debris_items: usize,
    /// Gold debris items left in the text.
    pub debris_items_left: usize,
    /// Gold passages.
    pub keep_items: usize,
    /// Gold passages lost or cut.
    pub keep_items_lost: usize,
}

impl Totals {
    /// The totals as the JSON object the reference scorer writes (`totals`).
    pub fn to_json(&self) -> Value {
        json!({
            "documents": self.documents,
            "outline_f1": self.outline_f1,
            "outline_precision": self.outline_precision,
            "outline_recall": self.outline_recall,
            "outline_level": self.outline_level,
            "facts_recall": self.facts_recall,
            "facts_role": self.facts_role,
            "facts_extra": self.facts_extra,
            "facts_gold": self.facts_gold,
            "lookalikes": self.lookalikes,
            "lookalikes_of": self.lookalikes_of,
            "debris": self.debris,
            "cleaning_docs": self.cleaning_docs,
            "titles_right": self.titles_right,
            "debris_items": self.debris_items,
            "debris_items_left": self.debris_items_left,
            "keep_items": self.keep_items,
            "keep_items_lost": self.keep_items_lost,
        })
    }

    /// A figure by its JSON name.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.to_json().get(name).and_then(Value::as_f64)
    }

    /// The one line the reference scorer prints.
    pub fn line(&self, t: &Sums) -> String {
        format!(
            "TOTAL {} documents (0 failed): outline F1 {:.3} (P {:.3} R {:.3}), level {:.3}; \
             facts recall {}/{}={:.3}, role {:.3}, extra {}, look-alikes {}/{}; debris {}; \
             cleaning gold ({} docs): titles {}/{}, debris items left {}/{}, passages lost {}/{}",
            self.documents,
            self.outline_f1,
            self.outline_precision,
            self.outline_recall,
            self.outline_level,
            t.f_found,
            self.facts_gold,
            self.facts_recall,
            self.facts_role,
            self.facts_extra,
            self.lookalikes,
            self.lookalikes_of,
            self.debris,
            self.cleaning_docs,
            self.titles_right,
            self.cleaning_docs,
            self.debris_items_left,
            self.debris_items,
            self.keep_items_lost,
            self.keep_items,
        )
    }
}

/// The raw counts behind [`Totals`].
#[derive(Debug, Default, Clone)]
pub struct Sums {
    /// Gold headings.
    pub o_gold: usize,
    /// Our sections.
    pub o_ours: usize,
    /// Headings found.
    pub o_tp: usize,
    /// Found at the gold level.
    pub o_level_ok: usize,
    /// Gold quantities.
    pub f_gold: usize,
    /// Found.
    pub f_found: usize,
    /// Role right.
    pub f_role_ok: usize,
}

/// Every document of a corpus folder (`docs/NAME.txt` with `gold/NAME.json`), scored.
pub fn score_corpus(dir: &Path) -> Result<(Vec<DocScore>, Totals, Sums), String> {
    let mut golds: Vec<PathBuf> = std::fs::read_dir(dir.join("gold"))
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    golds.sort();
    let mut docs = Vec::new();
    for g in &golds {
        let name = g
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(g).map_err(|e| format!("{}: {e}", g.display()))?,
        )
        .map_err(|e| format!("{}: {e}", g.display()))?;
        let doc = dir.join("docs").join(format!("{name}.txt"));
        let bytes = std::fs::read(&doc).map_err(|e| format!("{}: {e}", doc.display()))?;
        let options = Options {
            name: Some(format!("{name}.txt")),
            ..Options::default()
        };
        let report = analyze(&bytes, &options).map_err(|e| format!("{name}: {e}"))?;
        let text = String::from_utf8_lossy(&bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        docs.push(score_doc(&name, &gold, text, &report));
    }
    let (totals, sums) = total(&docs);
    Ok((docs, totals, sums))
}

/// One document against its gold.
pub fn score_doc(name: &str, gold: &Value, doc_text: &str, rep: &Report) -> DocScore {
    let mut d = DocScore {
        name: name.to_string(),
        ..DocScore::default()
    };
    score_outline(&mut d, gold, rep);
    d.facts_annotated = gold
        .get("facts_annotated")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    if d.facts_annotated {
        score_facts(&mut d, gold, rep);
    }
    d.debris = score_debris(&rep.text);
    score_cleaning(&mut d, gold, doc_text, rep);
    d
}

fn total(docs: &[DocScore]) -> (Totals, Sums) {
    let mut s = Sums::default();
    let mut t = Totals {
        documents: docs.len(),
        ..Totals::default()
    };
    for d in docs {
        s.o_gold += d.o_gold;
        s.o_ours += d.o_ours;
        s.o_tp += d.o_tp;
        s.o_level_ok += d.o_level_ok;
        s.f_gold += d.f_gold;
        s.f_found += d.f_found;
        s.f_role_ok += d.f_role_ok;
        t.facts_extra += d.f_extra.len();
        t.lookalikes += d.f_looks.len();
        t.lookalikes_of += d.f_look_n;
        t.debris += d.debris.iter().map(|(_, n)| n).sum::<usize>();
        if d.has_cleaning {
            t.cleaning_docs += 1;
            t.titles_right += usize::from(d.c_title_ok);
            t.debris_items += d.c_debris_n;
            t.debris_items_left += d.c_left.len();
            t.keep_items += d.c_keep_n;
            t.keep_items_lost += d.c_lost.len();
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let p = ratio(s.o_tp, s.o_ours);
    let r = ratio(s.o_tp, s.o_gold);
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    t.outline_f1 = round3(f1);
    t.outline_precision = round3(p);
    t.outline_recall = round3(r);
    t.outline_level = round3(ratio(s.o_level_ok, s.o_tp));
    t.facts_recall = round3(ratio(s.f_found, s.f_gold));
    t.facts_role = round3(ratio(s.f_role_ok, s.f_found));
    t.facts_gold = s.f_gold;
    (t, s)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// NFKC with every white-space char dropped (Python's `str.isspace`, which also takes the
/// separators U+001C–U+001F).
pub fn norm(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace() && !('\u{1c}'..='\u{1f}').contains(c))
        .collect()
}

/// Python's `str.isdigit`: decimal digits and digits such as ① and ², not numerals such as 〇
/// or Ⅻ (letters with a numeric value).
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || (c.is_numeric()
            && !matches!(c, '\u{3007}' | '\u{3021}'..='\u{3029}' | '\u{3038}'..='\u{303a}'
                | '\u{2160}'..='\u{2188}' | '\u{16ee}'..='\u{16f0}')
            && !('\u{2150}'..='\u{215f}').contains(&c)
            && c != '\u{00bc}'
            && c != '\u{00bd}'
            && c != '\u{00be}')
}

fn chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn same_heading(h: &Value, title: &str, marker: &str) -> bool {
    let want = chars(&norm(str_of(h, "title")), 6);
    let got = chars(&norm(title), 6);
    let n = 4.min(want.chars().count()).min(got.chars().count());
    if n < 2 || chars(&want, n) != chars(&got, n) {
        return false;
    }
    let m = norm(marker);
    m.is_empty() || m == norm(str_of(h, "marker")) || m == norm(str_of(h, "marker_in_doc"))
}

fn score_outline(d: &mut DocScore, gold: &Value, rep: &Report) {
    let ours: Vec<_> = rep.sections.iter().filter(|s| s.level >= 1).collect();
    let gh: Vec<_> = list(gold, "headings")
        .iter()
        .filter(|h| h.get("level").and_then(Value::as_u64).unwrap_or(1) >= 1)
        .collect();
    d.o_gold = gh.len();
    d.o_ours = ours.len();
    let mut used = vec![false; ours.len()];
    let mut j = 0;
    for h in gh {
        let found = (j..ours.len()).find(|&k| {
            ours.get(k)
                .is_some_and(|s| same_heading(h, &s.title, &s.marker))
        });
        match found {
            Some(k) => {
                d.o_tp += 1;
                j = k + 1;
                if let Some(u) = used.get_mut(k) {
                    *u = true;
                }
                let level = h.get("level").and_then(Value::as_u64);
                if ours.get(k).map(|s| u64::from(s.level)) == level {
                    d.o_level_ok += 1;
                }
            }
            None => d.o_missed.push(format!(
                "{}{}",
                str_of(h, "marker"),
                chars(&norm(str_of(h, "title")), 12)
            )),
        }
    }
    d.o_extra = ours
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(s, _)| format!("L{} {}{}", s.level, s.marker, chars(&norm(&s.title), 12)))
        .collect();
}

/// A quantity's key: its magnitude in base units rounded to four places (Python's `round`:
/// the exact binary value, correctly rounded; a float error as in 9356.7 × 1e8 stays a
/// difference, as it does in the reference scorer), and its unit.
type Key = (String, String);

fn key(value: f64, unit: &str) -> Key {
    // the Report signs a fall (下降4.7% → -4.7), the gold keeps the number as written
    let v = format!("{:.4}", value.abs());
    (v, norm(unit).replace('％', "%"))
}

fn base(value: f64, unit: &str) -> (f64, String) {
    for (p, m) in [("万亿", 1e12), ("亿", 1e8), ("万", 1e4)] {
        if let Some(rest) = unit.strip_prefix(p) {
            return (value * m, rest.to_string());
        }
    }
    (value, unit.to_string())
}

fn score_facts(d: &mut DocScore, gold: &Value, rep: &Report) {
    let mut left: HashMap<Key, Vec<usize>> = HashMap::new();
    let mut left_role: HashMap<(Key, &'static str), usize> = HashMap::new();
    for (i, f) in rep.facts.iter().enumerate() {
        if f.value.is_finite() && f.text.nfkc().any(is_digit) {
            let k = key(f.value, &f.unit);
            let role = match f.role {
                zhreport::FactRole::Achievement => "achievement",
                zhreport::FactRole::Target => "target",
            };
            *left_role.entry((k.clone(), role)).or_default() += 1;
            left.entry(k).or_default().push(i);
        }
    }
    for (role, lst) in [("achievement", "achievements"), ("target", "targets")] {
        for a in list(gold, lst) {
            d.f_gold += 1;
            let value = a.get("value").and_then(Value::as_f64).unwrap_or(f64::NAN);
            let (v, u) = base(value, str_of(a, "unit"));
            let k = key(v, &u);
            match left.get_mut(&k) {
                Some(v) if !v.is_empty() => {
                    v.remove(0);
                    d.f_found += 1;
                    match left_role.get_mut(&(k, role)) {
                        Some(n) if *n > 0 => {
                            *n -= 1;
                            d.f_role_ok += 1;
                        }
                        _ => d.f_wrong_role.push(format!(
                            "{}→{}",
                            norm(str_of(a, "text")),
                            if role == "achievement" {
                                "target"
                            } else {
                                "achievement"
                            }
                        )),
                    }
                }
                _ => d.f_missed.push(norm(str_of(a, "text"))),
            }
        }
    }
    let mut extra: Vec<usize> = left.into_values().flatten().collect();
    extra.sort_unstable();
    d.f_extra = extra
        .into_iter()
        .filter_map(|i| rep.facts.get(i))
        .map(|f| format!("{}({})", norm(&f.text), f.unit))
        .collect();
    let texts: Vec<String> = rep.facts.iter().map(|f| norm(&f.text)).collect();
    let looks = list(gold, "not_achievements");
    d.f_look_n = looks.len();
    d.f_looks = looks
        .iter()
        .map(|la| str_of(la, "text"))
        .filter(|t| {
            let nt = norm(t);
            texts
                .iter()
                .any(|x| !x.is_empty() && nt.contains(x.as_str()) && x.chars().any(is_digit))
        })
        .map(str::to_string)
        .collect();
}

fn gloss() -> Regex {
    Regex::new(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)").unwrap_or_else(|e| panic!("{e}"))
}

fn score_debris(text: &str) -> Vec<(&'static str, usize)> {
    let kinds: [(&'static str, &str); 5] = [
        ("pinyin gloss", r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)"),
        (
            "letter-spacing",
            r"[\x{4e00}-\x{9fff}] [\x{4e00}-\x{9fff}] [\x{4e00}-\x{9fff}]",
        ),
        (
            "page counter",
            r"第\s*\d+\s*页\s*[/／,，]?\s*共\s*\d+\s*页|\d+\s*/\s*\d+\s*页",
        ),
        (
            "site furniture",
            "浏览次数|上传人|文档编号|点击查看更多|展开阅读全文|客服QQ|ICP备|版权所有|\
             推荐访问|需要权限查看|会员免费|由会员分享|小编|字体大小|当前位置|\
             索引号|打印本页|关闭窗口|预览结束|本文简介|本文内容|精心整理|\
             下载文档|免费下载|收藏本文|分享到|相关推荐|上一篇|下一篇",
        ),
        (
            "timestamp row",
            r"(时间|日期|发布时间|发布日期)\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}",
        ),
    ];
    kinds
        .iter()
        .filter_map(|(k, p)| {
            let n = Regex::new(p)
                .unwrap_or_else(|e| panic!("{e}"))
                .find_iter(text)
                .count();
            (n > 0).then_some((*k, n))
        })
        .collect()
}

/// A gold string as the analysis writes it: glosses and line ends out, simplified, normalized.
fn converted(s: &str, gloss: &Regex) -> String {
    let plain = gloss.replace_all(s, "").replace('\n', " ");
    norm(&zhreport::to_simplified(&plain))
}

fn score_cleaning(d: &mut DocScore, gold: &Value, doc_text: &str, rep: &Report) {
    let Some(obj) = gold.as_object() else { return };
    if !["title", "debris", "keep"]
        .iter()
        .any(|k| obj.contains_key(*k))
    {
        return;
    }
    d.has_cleaning = true;
    let re = gloss();
    let out = norm(&rep.text);
    let debris: Vec<&str> = list(gold, "debris")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let keep: Vec<&str> = list(gold, "keep")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    d.c_debris_n = debris.len();
    d.c_keep_n = keep.len();
    let doc_n = norm(doc_text);
    let mut listed: HashMap<String, usize> = HashMap::new();
    for x in &debris {
        *listed.entry(norm(&re.replace_all(x, ""))).or_default() += 1;
    }
    for x in &debris {
        let c = converted(x, &re);
        if c.chars().count() < 2 {
            continue;
        }
        // every occurrence of a debris string is debris; what the text holds of the same
        // characters elsewhere (a page number's digits inside a figure) may stay
        let nd = norm(&re.replace_all(x, ""));
        let listed_n = listed.get(&nd).copied().unwrap_or(0);
        let allowed = count(&doc_n, &nd).saturating_sub(count(doc_text, x).max(listed_n));
        if count(&out, &c) > allowed {
            let item = chars(x.trim(), 24);
            if !d.c_left.contains(&item) {
                d.c_left.push(item);
            }
        }
    }
    for x in &keep {
        let c = converted(x, &re);
        if !c.is_empty() && !out.contains(c.as_str()) {
            d.c_lost.push(chars(x.trim(), 24));
        }
    }
    let want = gold.get("title").and_then(Value::as_str);
    let got = norm(rep.title.as_deref().unwrap_or(""));
    d.c_title_ok = match want {
        None => got.is_empty(),
        Some(w) => [converted(w, &re), norm(w)].iter().any(|w| {
            !w.is_empty()
                && (got == *w
                    || got
                        .strip_prefix(w.as_str())
                        .and_then(|r| r.chars().next())
                        .is_some_and(|c| matches!(c, '—' | '-' | '－')))
        }),
    };
    d.c_title = rep.title.clone();
    d.c_title_want = want.map(str::to_string);
}

/// Non-overlapping occurrences, as Python's `str.count`.
fn count(hay: &str, needle: &str) -> usize {
    if needle.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(needle).count()
    }
}

/// A document's figures and misses, as a person reads them.
pub fn describe(d: &DocScore) -> String {
    let mut s = String::new();
    let facts = if d.facts_annotated {
        format!(
            "facts {}/{} (role {}, extra {}, look-alikes {}/{})",
            d.f_found,
            d.f_gold,
            d.f_role_ok,
            d.f_extra.len(),
            d.f_looks.len(),
            d.f_look_n
        )
    } else {
        "facts not annotated".to_string()
    };
    let _ = writeln!(
        s,
        "{}: headings {}/{} (ours {}, level {}); {}; debris {}",
        d.name,
        d.o_tp,
        d.o_gold,
        d.o_ours,
        d.o_level_ok,
        facts,
        d.debris.iter().map(|(_, n)| n).sum::<usize>()
    );
    let lists: [(&str, &[String], &str); 7] = [
        ("headings missed", &d.o_missed, ", "),
        ("sections not in the gold", &d.o_extra, ", "),
        ("facts missed", &d.f_missed, ", "),
        ("role wrong", &d.f_wrong_role, ", "),
        ("extra facts", &d.f_extra, ", "),
        ("look-alikes reported", &d.f_looks, ", "),
        ("debris items left", &d.c_left, " | "),
    ];
    for (label, items, sep) in lists {
        if !items.is_empty() {
            let _ = writeln!(s, "  {label}: {}", items.join(sep));
        }
    }
    if !d.debris.is_empty() {
        let kinds: Vec<String> = d.debris.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
        let _ = writeln!(s, "  debris left: {}", kinds.join(", "));
    }
    if d.has_cleaning && !d.c_title_ok {
        let _ = writeln!(s, "  title: {:?}, want {:?}", d.c_title, d.c_title_want);
    }
    if !d.c_lost.is_empty() {
        let _ = writeln!(s, "  passages lost or cut: {}", d.c_lost.join(" | "));
    }
    s
}

/// A document's figures as JSON, for `--json`.
pub fn doc_json(d: &DocScore) -> Value {
    let mut m = Map::new();
    m.insert(
        "outline".into(),
        json!({"gold": d.o_gold, "ours": d.o_ours, "tp": d.o_tp, "level_ok": d.o_level_ok,
               "missed": d.o_missed, "extra": d.o_extra}),
    );
    m.insert(
        "facts".into(),
        if d.facts_annotated {
            json!({"gold": d.f_gold, "found": d.f_found, "role_ok": d.f_role_ok,
                   "extra": d.f_extra.len(), "extra_facts": d.f_extra, "look_n": d.f_look_n,
                   "looks": d.f_looks, "missed": d.f_missed, "wrong_role": d.f_wrong_role})
        } else {
            Value::Null
        },
    );
    m.insert(
        "debris".into(),
        Value::Object(
            d.debris
                .iter()
                .map(|(k, n)| ((*k).to_string(), json!(n)))
                .collect(),
        ),
    );
    m.insert(
        "cleaning".into(),
        if d.has_cleaning {
            json!({"debris_n": d.c_debris_n, "left": d.c_left, "keep_n": d.c_keep_n,
                   "lost": d.c_lost, "title_ok": d.c_title_ok, "title": d.c_title,
                   "title_want": d.c_title_want})
        } else {
            Value::Null
        },
    );
    Value::Object(m)
}

/// The figures per document and in total as Markdown tables, for `docs/ACCURACY.md`.
pub fn markdown(docs: &[DocScore], t: &Totals, s: &Sums) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "| figure | value |\n|---|---:|");
    let rows = [
        (
            "outline F1 (precision, recall)",
            format!(
                "{:.3} ({:.3}, {:.3})",
                t.outline_f1, t.outline_precision, t.outline_recall
            ),
        ),
        (
            "outline: found headings at the gold level",
            format!("{:.3}", t.outline_level),
        ),
        (
            "facts: gold quantities found (value and unit)",
            format!("{}/{} = {:.3}", s.f_found, s.f_gold, t.facts_recall),
        ),
        (
            "facts: role right on those found",
            format!("{:.3}", t.facts_role),
        ),
        (
            "facts: extra facts (a digit quantity no gold item has)",
            t.facts_extra.to_string(),
        ),
        (
            "look-alikes reported as facts",
            format!("{} of {}", t.lookalikes, t.lookalikes_of),
        ),
        (
            "cleaning: titles right",
            format!("{} of {}", t.titles_right, t.cleaning_docs),
        ),
        (
            "cleaning: debris items still in the text",
            format!("{} of {}", t.debris_items_left, t.debris_items),
        ),
        (
            "cleaning: report passages lost or cut",
            format!("{} of {}", t.keep_items_lost, t.keep_items),
        ),
        (
            "generic scraping leftovers in the text",
            t.debris.to_string(),
        ),
    ];
    for (k, v) in rows {
        let _ = writeln!(out, "| {k} | {v} |");
    }
    let _ = writeln!(
        out,
        "\n| document | headings found/gold (ours, level right) | facts found/gold | role right | extra | look-alikes | title | debris left | passages lost |\n|---|---|---|---:|---:|---|:-:|---|---:|"
    );
    for d in docs {
        let (facts, role, extra, looks) = if d.facts_annotated {
            (
                format!("{}/{}", d.f_found, d.f_gold),
                d.f_role_ok.to_string(),
                d.f_extra.len().to_string(),
                format!("{}/{}", d.f_looks.len(), d.f_look_n),
            )
        } else {
            ("not annotated".into(), "".into(), "".into(), "".into())
        };
        let _ = writeln!(
            out,
            "| {} | {}/{} ({}, {}) | {} | {} | {} | {} | {} | {}/{} | {} |",
            d.name,
            d.o_tp,
            d.o_gold,
            d.o_ours,
            d.o_level_ok,
            facts,
            role,
            extra,
            looks,
            if d.c_title_ok { "yes" } else { "no" },
            d.c_left.len(),
            d.c_debris_n,
            d.c_lost.len()
        );
    }
    out
}

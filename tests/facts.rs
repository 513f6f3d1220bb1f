//! Table-driven: every fact of 200-odd real sentences from the seeds, and the look-alikes
//! that must not be facts (`tests/data/facts.txt`). Prints the score.

use zhreport::{analyze_text, Fact};

struct Case {
    line: usize,
    sentence: String,
    role: Option<String>,
    want: Vec<String>,
    not: Vec<String>,
}

fn cases() -> Vec<Case> {
    let data = include_str!("data/facts.txt");
    let mut cases: Vec<Case> = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if let Some(s) = line.strip_prefix("> ") {
            cases.push(Case {
                line: i + 1,
                sentence: s.to_string(),
                role: None,
                want: Vec::new(),
                not: Vec::new(),
            });
        } else if let Some(c) = cases.last_mut() {
            if let Some(r) = line.strip_prefix("@ ") {
                c.role = Some(r.trim().to_string());
            } else if let Some(f) = line.strip_prefix("= ") {
                c.want.push(normal(f));
            } else if let Some(n) = line.strip_prefix("! ") {
                c.not.push(n.trim().to_string());
            }
        }
    }
    cases
}

/// A fact line with its fields trimmed:
/// `text | value | max | unit | approx | kind | role | subject` (`-` for no subject).
fn normal(line: &str) -> String {
    line.split('|')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" | ")
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn word<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v)
        .unwrap()
        .trim_matches('"')
        .to_string()
}

fn render(f: &Fact) -> String {
    normal(&format!(
        "{} | {} | {} | {} | {} | {} | {} | {}",
        f.text,
        num(f.value),
        f.max.map_or("-".to_string(), num),
        f.unit,
        f.approx.as_ref().map_or("-".to_string(), word),
        word(&f.kind),
        word(&f.role),
        f.subject.as_deref().unwrap_or("-")
    ))
}

/// The sentence under a heading of its section's role, so that plans are read as plans.
fn in_context(c: &Case) -> String {
    let heading = match c.role.as_deref() {
        Some("plan") => "一、下一步工作打算\n",
        Some("review") => "一、主要工作\n",
        Some("problems") => "一、存在问题\n",
        _ => "",
    };
    format!("{heading}{}\n", c.sentence)
}

#[test]
fn facts_of_real_sentences() {
    let cases = cases();
    assert!(cases.len() >= 150, "{} sentences", cases.len());
    let (mut want_n, mut got_n, mut right) = (0usize, 0usize, 0usize);
    let mut looks = 0usize;
    let mut failures = Vec::new();
    for c in &cases {
        let r = analyze_text(&in_context(c), None);
        let got: Vec<String> = r.facts.iter().map(render).collect();
        want_n += c.want.len();
        got_n += got.len();
        right += c.want.iter().filter(|w| got.contains(w)).count();
        let mut bad = Vec::new();
        if got != c.want {
            bad.push(format!("want {:#?}\n  got {:#?}", c.want, got));
        }
        for n in &c.not {
            looks += 1;
            if let Some(f) = r.facts.iter().find(|f| f.text.contains(n.as_str())) {
                bad.push(format!("look-alike {n:?} taken as {:?}", f.text));
            }
        }
        if !bad.is_empty() {
            failures.push(format!(
                "line {}: {}\n  {}",
                c.line,
                c.sentence,
                bad.join("\n  ")
            ));
        }
    }
    let precision = right as f64 / got_n.max(1) as f64;
    let recall = right as f64 / want_n.max(1) as f64;
    println!(
        "facts: {} sentences, {want_n} facts expected, {got_n} found, {right} exactly right \
         (precision {:.1}%, recall {:.1}%); {looks} look-alikes; {} sentences wrong",
        cases.len(),
        precision * 100.0,
        recall * 100.0,
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

//! The floors CI holds on the corpus of real reports (`tests/corpus/`, documents nobody on
//! the team wrote, with hand-made gold): every total of the evaluation must stay at or above
//! (for counts of errors: at or below) the figure recorded in `tests/corpus/floor.json`.
//!
//! A change that earns a better figure raises the floor in the same commit; lowering one
//! needs its reason in the commit message. `cargo run --release --example eval` lists every
//! miss behind the figures.

use std::path::Path;

#[path = "support/eval.rs"]
mod eval;

/// Figures where more is better; every other figure in the floor file counts errors.
const HIGHER_IS_BETTER: &[&str] = &[
    "outline_f1",
    "outline_precision",
    "outline_recall",
    "outline_level",
    "facts_recall",
    "facts_role",
    "titles_right",
];

#[test]
fn corpus_totals_hold_their_floors() {
    hold_floors(Path::new(eval::CORPUS), 25);
}

/// The extra real pages (`tests/corpus/extra`, annotated by the same rules apart from the
/// code, after the shared corpus's rules were written): scored and floored apart, so that
/// the shared 25 stay comparable with the reference scorer's figures.
#[test]
fn extra_corpus_totals_hold_their_floors() {
    hold_floors(&Path::new(eval::CORPUS).join("extra"), 12);
}

fn hold_floors(dir: &Path, documents: usize) {
    let (docs, totals, sums) = eval::score_corpus(dir).unwrap();
    assert_eq!(docs.len(), documents, "documents in {}", dir.display());
    let floor: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("floor.json")).unwrap()).unwrap();
    let floor = floor.as_object().unwrap();
    let mut below = Vec::new();
    let mut above = Vec::new();
    for (name, want) in floor {
        let want = want.as_f64().unwrap();
        let got = totals
            .get(name)
            .unwrap_or_else(|| panic!("floor.json names no figure of the evaluation: {name}"));
        let higher = HIGHER_IS_BETTER.contains(&name.as_str());
        let worse = if higher { got < want } else { got > want };
        let better = if higher { got > want } else { got < want };
        if worse {
            below.push(format!("{name}: {got} (floor {want})"));
        } else if better {
            above.push(format!("{name}: {got} (floor {want})"));
        }
    }
    if !above.is_empty() {
        println!("better than the floor, raise it: {}", above.join(", "));
    }
    if !below.is_empty() {
        let mut misses = String::new();
        for d in &docs {
            misses.push_str(&eval::describe(d));
        }
        panic!(
            "corpus figures fell below their floors: {}\n{}\n\n{misses}",
            below.join(", "),
            totals.line(&sums)
        );
    }
}

/// The evaluation itself scores right: a gold heading is found only with its marker and the
/// first chars of its title; a quantity only by its magnitude in base units and unit.
#[test]
fn the_scoring_counts_what_it_says() {
    let gold = serde_json::json!({
        "headings": [
            {"level": 1, "marker": "一、", "title": "过去一年的工作"},
            {"level": 2, "marker": "（一）", "title": "经济稳中有进"},
            {"level": 1, "marker": "二、", "title": "今年的主要任务"}
        ],
        "achievements": [{"text": "增长5.2%", "value": 5.2, "unit": "%"},
                         {"text": "1.2亿元", "value": 1.2, "unit": "亿元"}],
        "targets": [{"text": "6%左右", "value": 6, "unit": "%"}],
        "not_achievements": [{"text": "2023年", "reason": "date"}],
        "title": "某县2023年政府工作报告",
        "debris": ["首页>政务公开"],
        "keep": ["过去一年的工作"]
    });
    let doc = "首页>政务公开\n某县2023年政府工作报告\n一、过去一年的工作\n（一）经济稳中有进\n\
               地区生产总值增长5.2%，财政收入1.2亿元。\n二、今年的主要任务\n\
               地区生产总值增长6%左右。\n";
    let rep = zhreport::analyze_text(doc, None);
    let d = eval::score_doc("made-up", &gold, doc, &rep);
    assert_eq!((d.o_gold, d.o_tp), (3, 3), "{d:?}");
    assert_eq!(d.o_level_ok, 3, "{d:?}");
    assert_eq!((d.f_gold, d.f_found), (3, 3), "{d:?}");
    assert_eq!(d.f_role_ok, 3, "{d:?}");
    assert!(d.f_extra.is_empty() && d.f_looks.is_empty(), "{d:?}");
    assert!(d.c_title_ok, "{d:?}");
    // the breadcrumb row is debris the gold lists; whether cleaning removes it or not, the
    // report's own heading is kept
    assert!(d.c_lost.is_empty(), "{d:?}");

    // a report that lost its second heading and gave a target as a result scores so
    let mut worse = rep.clone();
    worse.sections.retain(|s| !s.title.starts_with("今年"));
    for f in &mut worse.facts {
        f.role = zhreport::FactRole::Achievement;
    }
    worse.title = None;
    let w = eval::score_doc("made-up", &gold, doc, &worse);
    assert_eq!(w.o_tp, 2, "{w:?}");
    assert_eq!(w.o_missed, vec!["二、今年的主要任务".to_string()]);
    assert_eq!(w.f_role_ok, 2, "{w:?}");
    assert_eq!(w.f_wrong_role, vec!["6%左右→achievement".to_string()]);
    assert!(!w.c_title_ok);
}

//! A small deterministic mutation fuzzer over `analyze`, shared by the bounded run in
//! `tests/robust.rs` and the long run `cargo run --release --example fuzz -- N`.
//!
//! Inputs are slices of the seeds, mutated: bytes flipped, inserted and deleted, ranges
//! duplicated, other seeds spliced in, and tokens that the pipeline reacts to (heading markers,
//! page-fragment markers, pinyin glosses, scales, ranges, masks, control characters) inserted.
//! Each Report must hold: offsets inside the text, facts in order and apart, sections in
//! order with start ≤ end, and the same Report from the same input.

#![allow(dead_code)]

use zhreport::{analyze, analyze_text, Options, Report};

const SEEDS: [&[u8]; 7] = [
    include_bytes!("../fixtures/seeds/000_704a2224e5f2d412.txt"),
    include_bytes!("../fixtures/seeds/001_48f06f93053fb20d.txt"),
    include_bytes!("../fixtures/seeds/002_9128da77581183e3.txt"),
    include_bytes!("../fixtures/seeds/003_920708b5502905a0.txt"),
    include_bytes!("../fixtures/seeds/004_f11c072e94adb095.txt"),
    include_bytes!("../fixtures/encodings/000.gbk.txt"),
    include_bytes!("../fixtures/encodings/004.big5.txt"),
];

const TOKENS: &[&str] = &[
    "1、",
    "2、",
    "12、",
    "一、",
    "二、",
    "（一）",
    "(二)",
    "（1）",
    "①",
    "第一，",
    "【篇一】",
    "篇2",
    "壹、",
    "\n",
    "\n\n",
    "。",
    "，",
    "、",
    "；",
    "(lǐng)",
    "（dǎo）",
    "　　",
    " ",
    "万",
    "亿",
    "多",
    "余",
    "%",
    "个百分点",
    "-",
    "—",
    "~",
    "至",
    "第",
    "逾",
    "近",
    "约",
    "百分之",
    "xx",
    "**",
    "×",
    "?",
    "\u{FFFD}",
    "其中(",
    ")",
    "（",
    "）",
    "“",
    "”",
    "《",
    "》",
    "\u{202E}",
    "\u{200B}",
    "\r",
    "\r\n",
    "项",
    "家",
    "人次",
    "元",
    "年",
    "月",
    "日",
    "２０１９",
    "ｘｘ",
    "1.5",
    "22、5",
    "3000余",
    "上传人:",
    "第1页 / 共9页",
    "下面是小编",
    "此处内容需要权限查看",
    "增长",
    "下降",
    "力争",
    "累计",
];

#[path = "rng.rs"]
mod rng;
pub use rng::Rng;

fn slice(rng: &mut Rng) -> Vec<u8> {
    let seed = SEEDS[rng.below(SEEDS.len())];
    let len = 1 + rng.below(4096.min(seed.len()));
    let start = rng.below(seed.len() - len + 1);
    seed[start..start + len].to_vec()
}

/// One mutated input.
pub fn input(rng: &mut Rng) -> Vec<u8> {
    let mut b = slice(rng);
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(b.len() + 1);
        match rng.below(7) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 => b.insert(at, rng.next() as u8),
            2 if !b.is_empty() => {
                let end = (at + rng.below(16)).min(b.len());
                b.drain(at.min(end)..end);
            }
            3 if !b.is_empty() => {
                let s = rng.below(b.len());
                let e = (s + rng.below(64)).min(b.len());
                let piece = b[s..e].to_vec();
                b.splice(at..at, piece);
            }
            4 => {
                let piece = slice(rng);
                let n = piece.len().min(512);
                b.splice(at..at, piece[..n].iter().copied());
            }
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(at..at, t.iter().copied());
            }
        }
    }
    b
}

/// The invariants every Report holds; the first that fails, as a sentence.
pub fn violation(r: &Report) -> Option<String> {
    let n = r.text.chars().count();
    let mut last = 0;
    for f in &r.facts {
        if !(f.start < f.end && f.end <= n && f.start >= last) {
            return Some(format!("fact out of place: {f:?}"));
        }
        let span: String = r.text.chars().skip(f.start).take(f.end - f.start).collect();
        if span != f.text {
            return Some(format!("fact text {:?} is not its span {span:?}", f.text));
        }
        if f.section.is_some_and(|s| s >= r.sections.len()) {
            return Some(format!("fact section out of range: {f:?}"));
        }
        last = f.end;
    }
    let mut prev = 0;
    for s in &r.sections {
        if !(s.start <= s.end && s.end <= n && s.start >= prev) {
            return Some(format!("section out of place: {s:?}"));
        }
        prev = s.start;
    }
    for w in &r.warnings {
        if !(w.start <= w.end && w.end <= n) {
            return Some(format!("warning out of place: {w:?}"));
        }
    }
    for c in &r.cleaning {
        if c.at > n {
            return Some(format!("cleaning entry past the end: {c:?}"));
        }
    }
    None
}

/// Runs `count` inputs from `seed`; returns the failures (input, what failed).
pub fn run(seed: u64, count: usize) -> Vec<(Vec<u8>, String)> {
    let mut rng = Rng::new(seed);
    let mut failures = Vec::new();
    for k in 0..count {
        let bytes = input(&mut rng);
        let outcome = std::panic::catch_unwind(|| {
            let r = analyze(&bytes, &Options::default());
            if let Ok(r) = &r {
                if let Some(v) = violation(r) {
                    return Some(v);
                }
                if k % 16 == 0 {
                    let again = analyze(&bytes, &Options::default());
                    if again.as_ref().ok() != Some(r) {
                        return Some("two runs on the same input differ".to_string());
                    }
                    let text = analyze_text(&String::from_utf8_lossy(&bytes), None);
                    if let Some(v) = violation(&text) {
                        return Some(format!("analyze_text: {v}"));
                    }
                }
            }
            None
        });
        match outcome {
            Ok(None) => {}
            Ok(Some(v)) => failures.push((bytes, v)),
            Err(_) => failures.push((bytes, "panic".to_string())),
        }
    }
    failures
}

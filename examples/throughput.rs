//! Whole-pipeline and per-stage throughput on corpora of 1, 10 and 100 MB made from the seeds:
//! `cargo run --release --example throughput [MB...]`. One timed run per size (the sizes are
//! large enough for the clock); the figures go to docs/BENCHMARKS.md.

use std::time::Instant;

#[path = "../benches/support/corpus.rs"]
mod corpus;
use corpus::corpus;

fn time<T>(what: &str, mb: f64, f: impl FnOnce() -> T) -> T {
    let t0 = Instant::now();
    let out = f();
    let s = t0.elapsed().as_secs_f64();
    println!("| {what} | {:.2} s | {:.1} MB/s |", s, mb / s);
    out
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1, 10, 100]
    } else {
        sizes
    };
    for mb in sizes {
        let text = corpus(mb << 20);
        let m = text.len() as f64 / (1 << 20) as f64;
        println!("\n{m:.1} MB\n\n| stage | time | throughput |\n|---|---:|---:|");
        time("convert alone (zhconv zh-CN)", m, || {
            zhreport::to_simplified(&text)
        });
        let _ = time("decode", m, || zhreport::decode(text.as_bytes(), None));
        let (clean, title) = time("clean (with convert)", m, || zhreport::stages::clean(&text));
        let mut passes = Vec::new();
        let mut t0 = Instant::now();
        zhreport::stages::clean_observed(&text, &mut |pass| {
            passes.push(format!("{pass} {:.0}", t0.elapsed().as_secs_f64() * 1e3));
            t0 = Instant::now();
        });
        println!("| cleaning passes (ms) | {} | |", passes.join(", "));
        let sections = time("outline", m, || {
            zhreport::stages::outline(&clean, title.as_deref())
        });
        let facts = time("facts", m, || zhreport::stages::facts(&clean, &sections));
        time("checks", m, || {
            zhreport::stages::checks(&clean, &facts, &sections, title.as_deref())
        });
        let r = time("whole: analyze (bytes)", m, || {
            zhreport::analyze(text.as_bytes(), &zhreport::Options::default())
        });
        if let Ok(r) = r {
            println!(
                "\n{} facts, {} sections, {} warnings",
                r.facts.len(),
                r.sections.len(),
                r.warnings.len()
            );
        }
    }
}

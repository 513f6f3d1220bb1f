//! Whole-pipeline and per-stage throughput on corpora of 1, 10 and 100 MB made from the seeds:
//! `cargo run --release --example throughput [MB...]`. Each figure is the best of three runs
//! (one at 100 MB and over): the machine is shared, and a run is only ever slowed by it. The
//! figures go to docs/BENCHMARKS.md.

use std::time::Instant;

#[path = "../benches/support/corpus.rs"]
mod corpus;
use corpus::{corpus, corpus_where};

fn time<T>(what: &str, mb: f64, f: impl Fn() -> T) -> T {
    let runs = if mb >= 100.0 { 1 } else { 3 };
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..runs {
        let t0 = Instant::now();
        out = Some(f());
        best = best.min(t0.elapsed().as_secs_f64());
    }
    println!("| {what} | {:.3} s | {:.1} MB/s |", best, mb / best);
    out.unwrap_or_else(f)
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
        // Each pass's best of three.
        let mut passes: Vec<(&str, f64)> = Vec::new();
        for _ in 0..3 {
            let mut k = 0;
            let mut t0 = Instant::now();
            zhreport::stages::clean_observed(&text, &mut |pass| {
                let ms = t0.elapsed().as_secs_f64() * 1e3;
                match passes.get_mut(k) {
                    Some(p) => p.1 = p.1.min(ms),
                    None => passes.push((pass, ms)),
                }
                k += 1;
                t0 = Instant::now();
            });
        }
        let passes: Vec<String> = passes
            .iter()
            .map(|(p, ms)| format!("{p} {ms:.0}"))
            .collect();
        println!("| cleaning passes (ms) | {} | |", passes.join(", "));
        let sections = time("outline", m, || {
            zhreport::stages::outline(&clean, title.as_deref())
        });
        let facts = time("facts", m, || zhreport::stages::facts(&clean, &sections));
        time("checks", m, || {
            zhreport::stages::checks(&clean, &facts, &sections, title.as_deref())
        });
        let one = zhreport::Options {
            threads: Some(1),
            ..Default::default()
        };
        let _ = time("whole: analyze (bytes), one thread", m, || {
            zhreport::analyze(text.as_bytes(), &one)
        });
        let r = time("whole: analyze (bytes), every core", m, || {
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
        // The same size made only of the seeds judged simplified (no glosses to strip, next
        // to nothing to convert): what most reports cost.
        let simplified = corpus_where(mb << 20, |seed| {
            zhreport::analyze_text(seed, None).source.script == zhreport::Script::Simplified
        });
        let ms = simplified.len() as f64 / (1 << 20) as f64;
        println!();
        let _ = time(
            &format!("whole, simplified seeds only ({ms:.1} MB), one thread"),
            ms,
            || zhreport::analyze(simplified.as_bytes(), &one),
        );
        let _ = time(
            &format!("whole, simplified seeds only ({ms:.1} MB), every core"),
            ms,
            || zhreport::analyze(simplified.as_bytes(), &zhreport::Options::default()),
        );
    }
}

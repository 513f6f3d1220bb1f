//! Whole-pipeline and per-stage throughput on corpora of 1, 10 and 100 MB made from the seeds:
//! `cargo run --release --example throughput [MB...]`. One timed run per size (the sizes are
//! large enough for the clock); the figures go to docs/BENCHMARKS.md.

use std::time::Instant;

const SEEDS: [&str; 5] = [
    include_str!("../tests/fixtures/seeds/000_704a2224e5f2d412.txt"),
    include_str!("../tests/fixtures/seeds/001_48f06f93053fb20d.txt"),
    include_str!("../tests/fixtures/seeds/002_9128da77581183e3.txt"),
    include_str!("../tests/fixtures/seeds/003_920708b5502905a0.txt"),
    include_str!("../tests/fixtures/seeds/004_f11c072e94adb095.txt"),
];

fn corpus(bytes: usize) -> String {
    // In each copy every number is raised by the copy's count, so that copies are not
    // duplicates (which cleaning would rightly drop) while every shape of the seeds stays.
    // Lines without a number still repeat, and are dropped as the repeats they are.
    let mut s = String::with_capacity(bytes + 60_000);
    let mut copy = 0u64;
    while s.len() < bytes {
        for seed in SEEDS {
            let mut num = String::new();
            for c in seed.chars().chain(std::iter::once('\n')) {
                if c.is_ascii_digit() {
                    num.push(c);
                    continue;
                }
                if !num.is_empty() {
                    let n: u64 = num.parse().unwrap_or(0);
                    s.push_str(&(n + copy).to_string());
                    num.clear();
                }
                s.push(c);
            }
            s.push('\n');
        }
        copy += 1;
    }
    s
}

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

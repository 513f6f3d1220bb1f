//! Throughput of the pipeline, whole and by stage, on a corpus made from the seeds.
//!
//! `cargo bench --bench pipeline` (criterion, 1 MB corpus). For 10 MB and 100 MB, and a
//! per-stage table, `cargo run --release --example throughput`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SEEDS: [&str; 5] = [
    include_str!("../tests/fixtures/seeds/000_704a2224e5f2d412.txt"),
    include_str!("../tests/fixtures/seeds/001_48f06f93053fb20d.txt"),
    include_str!("../tests/fixtures/seeds/002_9128da77581183e3.txt"),
    include_str!("../tests/fixtures/seeds/003_920708b5502905a0.txt"),
    include_str!("../tests/fixtures/seeds/004_f11c072e94adb095.txt"),
];

/// The seeds repeated, joined by blank lines, to at least `bytes`.
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

fn bench(c: &mut Criterion) {
    let text = corpus(1 << 20);
    let bytes = text.as_bytes();
    let mut g = c.benchmark_group("1MB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("analyze (bytes, with decode)", |b| {
        b.iter(|| zhreport::analyze(bytes, &zhreport::Options::default()))
    });
    g.bench_function("decode", |b| b.iter(|| zhreport::decode(bytes, None)));
    g.bench_function("convert (zhconv zh-CN)", |b| {
        b.iter(|| zhreport::to_simplified(&text))
    });
    g.bench_function("clean (with convert)", |b| {
        b.iter(|| zhreport::stages::clean(&text))
    });
    let (clean, title) = zhreport::stages::clean(&text);
    g.bench_function("outline", |b| {
        b.iter(|| zhreport::stages::outline(&clean, title.as_deref()))
    });
    let sections = zhreport::stages::outline(&clean, title.as_deref());
    g.bench_function("facts", |b| {
        b.iter(|| zhreport::stages::facts(&clean, &sections))
    });
    let facts = zhreport::stages::facts(&clean, &sections);
    g.bench_function("checks", |b| {
        b.iter(|| zhreport::stages::checks(&clean, &facts, &sections, title.as_deref()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Throughput of the pipeline, whole and by stage, on a corpus made from the seeds.
//!
//! `cargo bench --bench pipeline` (criterion, 1 MB corpus). For 10 MB and 100 MB, and a
//! per-stage table, `cargo run --release --example throughput`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "support/corpus.rs"]
mod corpus;
use corpus::corpus;

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

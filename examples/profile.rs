//! Runs one stage five times on the 10 MB corpus, for a profiler:
//! `CARGO_PROFILE_RELEASE_DEBUG=true cargo build --release --example profile`, then
//! `perf record -e cpu-clock --call-graph dwarf target/release/examples/profile STAGE`, where
//! STAGE is clean, outline, facts, checks or (anything else) the whole analysis.

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let text = corpus::corpus(10 << 20);
    let stage = std::env::args().nth(1).unwrap_or_default();
    let (clean, title) = zhreport::stages::clean(&text);
    let sections = zhreport::stages::outline(&clean, title.as_deref());
    let facts = zhreport::stages::facts(&clean, &sections);
    for _ in 0..5 {
        match stage.as_str() {
            "clean" => drop(zhreport::stages::clean(&text)),
            "outline" => drop(zhreport::stages::outline(&clean, title.as_deref())),
            "facts" => drop(zhreport::stages::facts(&clean, &sections)),
            "checks" => {
                zhreport::stages::checks(&clean, &facts, &sections, title.as_deref());
            }
            _ => drop(zhreport::analyze(
                text.as_bytes(),
                &zhreport::Options::default(),
            )),
        }
    }
}

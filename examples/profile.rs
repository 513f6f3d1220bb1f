//! Runs one stage five times on the 10 MB corpus, for a profiler:
//! `CARGO_PROFILE_RELEASE_DEBUG=true cargo build --release --example profile`, then
//! `perf record -e cpu-clock --call-graph dwarf target/release/examples/profile STAGE`, where
//! STAGE is clean, outline, facts, checks or (anything else) the whole analysis.
//!
//! `passes` runs the whole analysis once, calling [`mark`] after each cleaning pass and each
//! stage, for callgrind's instruction counts per pass (repeatable on a shared machine):
//! `valgrind --tool=callgrind --dump-after=profile::mark target/release/examples/profile
//! passes`, then `callgrind_annotate` on each dump (`callgrind.out.PID.N`, one per mark).

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let text = corpus::corpus(10 << 20);
    let stage = std::env::args().nth(1).unwrap_or_default();
    if stage == "passes" {
        return passes(&text);
    }
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

/// A point callgrind dumps its counts after (`--dump-after=profile::mark`).
#[inline(never)]
fn mark(what: &str) {
    println!("{what}");
}

fn passes(text: &str) {
    // Built once first (zhconv's tables, the word lists), as in every run after a page's first.
    let _ = zhreport::analyze(text.as_bytes(), &zhreport::Options::default());
    mark("warm-up");
    let (clean, title) = zhreport::stages::clean_observed(text, &mut |pass| mark(pass));
    let sections = zhreport::stages::outline(&clean, title.as_deref());
    mark("outline");
    let facts = zhreport::stages::facts(&clean, &sections);
    mark("facts");
    zhreport::stages::checks(&clean, &facts, &sections, title.as_deref());
    mark("checks");
}

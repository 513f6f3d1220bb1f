//! The benchmark corpus: the five seeds repeated to a given size, shared by
//! `benches/pipeline.rs` and `examples/throughput.rs`.

const SEEDS: [&str; 5] = [
    include_str!("../../tests/fixtures/seeds/000_704a2224e5f2d412.txt"),
    include_str!("../../tests/fixtures/seeds/001_48f06f93053fb20d.txt"),
    include_str!("../../tests/fixtures/seeds/002_9128da77581183e3.txt"),
    include_str!("../../tests/fixtures/seeds/003_920708b5502905a0.txt"),
    include_str!("../../tests/fixtures/seeds/004_f11c072e94adb095.txt"),
];

/// The seeds repeated, joined by blank lines, to at least `bytes`.
pub fn corpus(bytes: usize) -> String {
    corpus_of(&SEEDS, bytes)
}

/// The corpus of the seeds that `keep` holds for (the throughput example keeps the seeds the
/// analysis judges simplified: most reports are).
#[allow(dead_code)]
pub fn corpus_where(bytes: usize, keep: impl Fn(&str) -> bool) -> String {
    let seeds: Vec<&str> = SEEDS.into_iter().filter(|s| keep(s)).collect();
    corpus_of(&seeds, bytes)
}

fn corpus_of(seeds: &[&str], bytes: usize) -> String {
    // In each copy every number is raised by the copy's count, so that copies are not
    // duplicates (which cleaning would rightly drop) while every shape of the seeds stays.
    // Lines without a number still repeat, and are dropped as the repeats they are.
    let mut s = String::with_capacity(bytes + 60_000);
    let mut copy = 0u64;
    while s.len() < bytes && !seeds.is_empty() {
        for &seed in seeds {
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

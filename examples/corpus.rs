//! Writes the benchmark corpus of MB megabytes to stdout, for the wasm timing script:
//! `cargo run --release --example corpus -- 10 > /tmp/corpus10.txt`.

use std::io::Write;

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let text = corpus::corpus(mb << 20);
    if let Err(e) = std::io::stdout().write_all(text.as_bytes()) {
        eprintln!("corpus: {e}");
        std::process::exit(1);
    }
}

//! Scores the analysis against the corpus of real reports (`tests/corpus/`): the figures per
//! document and in total, with every miss listed, so that a failure is one look away.
//!
//! ```sh
//! cargo run --release --example eval                      # every document, then the totals
//! cargo run --release --example eval -- --quiet           # the totals only
//! cargo run --release --example eval -- --json out.json   # every figure and miss as JSON
//! cargo run --release --example eval -- --corpus DIR      # another folder of docs/ and gold/
//! cargo run --release --example eval -- --markdown        # the tables of docs/ACCURACY.md
//! ```
//!
//! The figures are those of the corpus's reference scorer (`score.py`), computed the same way.

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../tests/support/eval.rs"]
mod eval;

fn main() -> ExitCode {
    let mut quiet = false;
    let mut markdown = false;
    let mut json = None;
    let mut corpus = PathBuf::from(eval::CORPUS);
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        match a.to_str() {
            Some("--quiet") => quiet = true,
            Some("--markdown") => markdown = true,
            Some("--json") => json = args.next().map(PathBuf::from),
            Some("--corpus") => match args.next() {
                Some(d) => corpus = PathBuf::from(d),
                None => return usage(),
            },
            _ => return usage(),
        }
    }
    let (docs, totals, sums) = match eval::score_corpus(&corpus) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("eval: {e}");
            return ExitCode::FAILURE;
        }
    };
    if markdown {
        print!("{}", eval::markdown(&docs, &totals, &sums));
        return ExitCode::SUCCESS;
    }
    if !quiet {
        for d in &docs {
            print!("{}", eval::describe(d));
        }
    }
    println!("{}", totals.line(&sums));
    if let Some(path) = json {
        let documents: serde_json::Map<String, serde_json::Value> = docs
            .iter()
            .map(|d| (d.name.clone(), eval::doc_json(d)))
            .collect();
        let all = serde_json::json!({"totals": totals.to_json(), "documents": documents});
        let text = serde_json::to_string_pretty(&all).unwrap_or_default();
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("eval: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: eval [--quiet] [--markdown] [--json FILE] [--corpus DIR]");
    ExitCode::from(2)
}

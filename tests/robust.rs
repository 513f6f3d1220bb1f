//! No input may crash the pipeline: odd, empty, truncated and hostile texts all give a Report
//! whose offsets hold.

use zhreport::{analyze, analyze_text, Options};

fn holds(text: &str) {
    let r = analyze_text(text, None);
    let n = r.text.chars().count();
    for f in &r.facts {
        assert!(f.start < f.end && f.end <= n, "{text:?}: {f:?}");
    }
    for s in &r.sections {
        assert!(s.start <= s.end && s.end <= n, "{text:?}: {s:?}");
    }
    for w in &r.warnings {
        assert!(w.start <= w.end && w.end <= n, "{text:?}: {w:?}");
    }
    for c in &r.cleaning {
        assert!(c.at <= n, "{text:?}: {c:?}");
    }
}

#[test]
fn odd_texts() {
    for t in [
        "",
        "\n\n\n",
        " \u{3000} ",
        "1、\n2、\n3、\n4、\n",
        "（",
        "(一",
        "第",
        "【",
        "【篇",
        "%%%",
        "1-",
        "22、",
        "22、5",
        "百分之",
        "逾",
        "99999999999999999999999999999999万亿元",
        "0.0000000001%",
        "1,000,000,000,000,000,000元",
        "\u{FFFD}\u{FFFD}?",
        "上?",
        "领(lǐng",
        "(lǐng)",
        "一、\r\n（一）\r1、\u{2028}(1)\u{85}①",
        "项目项，有家企业，20xx年，**家，××",
        "其中(其中(其中(",
        "26项(1项、2项",
        "𠀀𠀁𠀂 1 2 3 4 5 6 7 8 9 页",
        "第1页 / 共2页\n第2页 / 共2页",
        "。一、。二、。三、。一、",
        "\u{202E}反转\u{200B}零宽",
    ] {
        holds(t);
    }
}

#[test]
fn long_texts_without_breaks() {
    holds(&"一、主要工作。1、共完成12项任务，增长5%。".repeat(2000));
    holds(&"科技".repeat(50_000));
    holds(&"12345、".repeat(10_000));
    holds(&"。1、".repeat(10_000));
}

#[test]
fn arbitrary_bytes() {
    // A fixed pseudo-random sequence: every byte value, in every encoding path.
    let mut x: u32 = 0x2545_F491;
    let bytes: Vec<u8> = (0..20_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x & 0xFF) as u8
        })
        .collect();
    for enc in [
        None,
        Some("gbk"),
        Some("big5"),
        Some("utf-16le"),
        Some("utf-8"),
    ] {
        let options = Options {
            name: None,
            encoding: enc.map(str::to_string),
            threads: None,
        };
        // Either a clear refusal or a Report; never a panic.
        if let Ok(r) = analyze(&bytes, &options) {
            holds(&r.text);
        }
        for cut in [1, 2, 3, 7, 1000] {
            let _ = analyze(bytes.get(..cut).unwrap(), &options);
        }
    }
}

#[path = "support/fuzz.rs"]
mod fuzz;

/// A bounded fuzz run on every test: mutated slices of the seeds (the long run is
/// `cargo run --release --example fuzz`, recorded in docs/BENCHMARKS.md).
#[test]
fn fuzz_bounded() {
    let failures = fuzz::run(20261122, 200);
    for (bytes, why) in &failures {
        eprintln!("{why}: {:?}", String::from_utf8_lossy(bytes));
    }
    assert!(failures.is_empty(), "{} failures", failures.len());
}

#[path = "../benches/support/corpus.rs"]
mod corpus;

/// A long report (the benchmarks' corpus of the seeds, 1.5 MB: several runs of lines before
/// and after cleaning) gives the same Report on one thread, on three, and on one per core.
#[test]
fn threads_do_not_change_the_report() {
    let bytes = corpus::corpus(1_500_000).into_bytes();
    let with = |threads| {
        let options = Options {
            threads,
            ..Options::default()
        };
        analyze(&bytes, &options).unwrap()
    };
    let one = with(Some(1));
    assert!(one.text.len() > 1_000_000, "{}", one.text.len());
    assert_ne!(one.source.script, zhreport::Script::Simplified);
    assert_eq!(with(Some(3)), one);
    assert_eq!(with(None), one);
}

/// Inputs the long fuzz runs found failing, kept: each must now give a Report that holds
/// every invariant (`tests/fixtures/fuzz/`; `outline-order-*`: a marker two looks found gave a
/// section twice, out of order, its end before its start).
#[test]
fn kept_fuzz_failures_hold() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(r) = zhreport::analyze(&bytes, &zhreport::Options::default()) {
            assert_eq!(fuzz::violation(&r), None, "{}", path.display());
        }
        n += 1;
    }
    assert!(n >= 4, "the kept inputs are there");
}

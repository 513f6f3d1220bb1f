//! A long text on every core, in a native build (the page's wasm build has no threads, and
//! runs everything on one).
//!
//! - The costliest cleaning passes that read each line alone (pinyin glosses, conversion)
//!   rewrite runs of whole lines on every thread ([`crate::edit::Doc::pass_by_lines`]); the
//!   others read across lines, or cost less than the copy a split pass makes, and run on one.
//! - After cleaning, while one thread makes the outline and runs the checks that read the
//!   text alone, the facts are found a run of lines at a time by every thread, and given
//!   their sections once the outline is made ([`after_cleaning`]).
//!
//! The Report is the one the same stages give on one thread: a line-local pass over runs of
//! whole lines is the pass over the text, a fact never reads past its line, and what a fact's
//! own words say of its role is kept until its section is known ([`crate::facts::Said`]).

#[cfg(not(target_arch = "wasm32"))]
use std::sync::atomic::{AtomicUsize, Ordering};

#[cfg(not(target_arch = "wasm32"))]
use crate::facts::{self, Found};
#[cfg(not(target_arch = "wasm32"))]
use crate::report::{Fact, Section, SectionRole, Warning};
use crate::text::count_char_starts;

/// The size of a run of lines that one thread rewrites or finds the facts of at a time, and
/// the shortest text that is split at all: small enough that the threads finish together,
/// large enough that taking a run costs nothing (the stages after cleaning take about 3 ms
/// for 256 KB; starting a thread, some microseconds).
pub(crate) const RUN_BYTES: usize = 256 << 10;

/// How a text is split over threads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Split {
    /// At most this many threads (None: one per core).
    pub(crate) threads: Option<usize>,
    /// The size of a run of lines (the last of a text may be shorter).
    pub(crate) run_bytes: usize,
}

impl Split {
    /// Up to `threads` threads (None: one per core), over runs of [`RUN_BYTES`].
    pub(crate) fn new(threads: Option<usize>) -> Self {
        Split {
            threads,
            run_bytes: RUN_BYTES,
        }
    }

    /// How many threads to use for a text of `len` bytes: 1 (the one-thread path) for a text
    /// of less than two runs, a machine with one core, or a wasm build.
    pub(crate) fn threads_for(self, len: usize) -> usize {
        let runs = len / self.run_bytes.max(1);
        if runs < 2 || cfg!(target_arch = "wasm32") {
            return 1;
        }
        let cores = || std::thread::available_parallelism().map_or(1, |n| n.get());
        self.threads.unwrap_or_else(cores).min(runs).max(1)
    }
}

/// `f` of each run of `runs`, in the runs' order, on up to `threads` threads: each takes the
/// next run not yet taken until none is left.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn map_runs<'t, R: Send>(
    runs: &[&'t str],
    threads: usize,
    f: impl Fn(&'t str) -> R + Sync,
) -> Vec<R> {
    let mut done = on_threads(runs, threads, &f, || ());
    done.0.sort_unstable_by_key(|&(k, _)| k);
    done.0.into_iter().map(|(_, r)| r).collect()
}

/// [`map_runs`] in a wasm build: one run after another.
#[cfg(target_arch = "wasm32")]
pub(crate) fn map_runs<'t, R>(
    runs: &[&'t str],
    _threads: usize,
    f: impl Fn(&'t str) -> R,
) -> Vec<R> {
    runs.iter().map(|&run| f(run)).collect()
}

/// `f` of every line of `text` (with its line feed), in order, on the threads `split` gives a
/// text of its length.
pub(crate) fn map_lines<T: Send>(text: &str, split: Split, f: impl Fn(&str) -> T + Sync) -> Vec<T> {
    let threads = split.threads_for(text.len());
    if threads <= 1 {
        return crate::text::lines(text).map(f).collect();
    }
    let runs = runs_of_lines(text, split.run_bytes);
    let each = map_runs(&runs, threads, |run| {
        crate::text::lines(run).map(&f).collect::<Vec<T>>()
    });
    each.into_iter().flatten().collect()
}

/// Runs `f` over the runs on `threads` threads (the calling one among them), while the
/// calling thread first does `first`: the results of `f` with their run's index, in no
/// order, and what `first` gave.
#[cfg(not(target_arch = "wasm32"))]
fn on_threads<U: Copy + Sync, R: Send, T>(
    runs: &[U],
    threads: usize,
    f: &(impl Fn(U) -> R + Sync),
    first: impl FnOnce() -> T,
) -> (Vec<(usize, R)>, T) {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut mine = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(&run) = runs.get(k) else {
                return mine;
            };
            mine.push((k, f(run)));
        }
    };
    std::thread::scope(|scope| {
        // A thread that cannot be started leaves its share to the others.
        let helpers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        let t = first();
        let mut done = work();
        for h in helpers {
            match h.join() {
                Ok(theirs) => done.extend(theirs),
                // A panic is the caller's, as on one thread.
                Err(e) => std::panic::resume_unwind(e),
            }
        }
        (done, t)
    })
}

/// The sections, facts and warnings of cleaned `text` (the facts' warnings, then the
/// checks', as the one-thread path orders them), on `threads` threads, finding facts in runs
/// of `split.run_bytes`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn after_cleaning(
    text: &str,
    title: Option<&str>,
    doc_role: SectionRole,
    threads: usize,
    split: Split,
) -> (Vec<Section>, Vec<Fact>, Vec<Warning>) {
    let runs = with_char_offsets(&runs_of_lines(text, split.run_bytes));
    let find = |(run, base): (&str, usize)| facts::find_from(run, base);
    let (mut found, (sections, text_warnings)) = on_threads(&runs, threads, &find, || {
        (
            crate::outline::outline(text, title),
            crate::checks::check_text(text),
        )
    });
    found.sort_unstable_by_key(|&(k, _)| k);
    let found = Found::joined(found.into_iter().map(|(_, f)| f));
    let (facts, mut warnings) = facts::settle(found, &sections, doc_role);
    warnings.extend(text_warnings);
    crate::checks::check_facts(text, &facts, &sections, title, &mut warnings);
    (sections, facts, warnings)
}

/// `text` cut into runs of whole lines of at least `run_bytes` (the last may be shorter).
pub(crate) fn runs_of_lines(text: &str, run_bytes: usize) -> Vec<&str> {
    let mut runs = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let past = from.saturating_add(run_bytes.max(1));
        let next_line_end = |at: usize| {
            text.as_bytes()
                .get(at..)
                .and_then(|rest| memchr::memchr(b'\n', rest))
                .map_or(text.len(), |p| at + p + 1)
        };
        // Never between the two lines of a number a hard wrap cuts (`1⏎2248元`): the facts
        // join them, as one thread does.
        let mut end = next_line_end(past);
        for _ in 0..crate::facts::MAX_WRAPS {
            if end >= text.len() || !crate::facts::wraps_a_number(text.as_bytes(), end) {
                break;
            }
            end = next_line_end(end);
        }
        let Some(run) = text.get(from..end) else {
            break;
        };
        runs.push(run);
        from = end;
    }
    runs
}

/// The runs, each with the number of chars before it.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(crate) fn with_char_offsets<'t>(runs: &[&'t str]) -> Vec<(&'t str, usize)> {
    let mut base = 0;
    runs.iter()
        .map(|&run| {
            let at = base;
            base += count_char_starts(run.as_bytes());
            (run, at)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture (seeds, pages, joins, outlines, encodings), decoded.
    #[cfg(not(target_arch = "wasm32"))]
    fn fixtures() -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures"
        ))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(d) = crate::decode(&std::fs::read(&path).unwrap(), None) {
                    out.push((path.display().to_string(), d.text.into_owned()));
                }
            }
        }
        out.sort();
        assert!(out.len() >= 10, "fixtures not found");
        out
    }

    /// The Report split over threads in runs of a few hundred bytes (cut at many places in
    /// every fixture) is the one-thread Report, whatever the number of threads.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn reports_on_threads_are_the_one_thread_reports() {
        let run = |text: &str, split: Split| {
            crate::run(text, None, "utf-8".into(), text.len(), split, &mut |_| {})
        };
        let mut split_any = false;
        // Numbers a hard wrap cuts and leads that announce plans, at every place of a run.
        let mut synthetic = String::new();
        for k in 0..300 {
            synthetic.push_str(&format!(
                "第{k}段，收入增长6%达1\n{k}万元。\n为实现上述目标，重点做好以下工作：\n\
                 新建公园{k}个。\n过去五年，新增企业3\n{k}家。\n"
            ));
        }
        let mut texts = fixtures();
        texts.push(("synthetic".to_string(), synthetic));
        for (name, text) in texts {
            let one = run(&text, Split::new(Some(1)));
            for (threads, run_bytes) in [(2, 300), (3, 1000), (4, 4096)] {
                let split = Split {
                    threads: Some(threads),
                    run_bytes,
                };
                split_any |= split.threads_for(text.len()) > 1;
                let many = run(&text, split);
                assert_eq!(one, many, "{name}: {threads} threads, runs of {run_bytes}");
            }
        }
        assert!(split_any);
    }

    #[test]
    fn threads_for_a_text() {
        let split = Split {
            threads: Some(4),
            run_bytes: 100,
        };
        assert_eq!(split.threads_for(199), 1);
        assert_eq!(split.threads_for(0), 1);
        let many = if cfg!(target_arch = "wasm32") { 1 } else { 2 };
        assert_eq!(split.threads_for(200), many);
        assert_eq!(split.threads_for(10_000), many * 2);
        assert_eq!(Split::new(Some(1)).threads_for(100 << 20), 1);
    }

    #[test]
    fn runs_are_whole_lines_with_their_char_offsets() {
        let text = "一二三\nab\n\n四五六七八\n九";
        for size in [0, 1, 2, 5, 9, 100] {
            let runs = with_char_offsets(&runs_of_lines(text, size));
            let joined: String = runs.iter().map(|&(r, _)| r).collect();
            assert_eq!(joined, text, "size {size}");
            let mut chars = 0;
            for (k, &(run, base)) in runs.iter().enumerate() {
                assert_eq!(base, chars, "size {size}");
                chars += run.chars().count();
                if k + 1 < runs.len() {
                    assert!(
                        run.ends_with('\n') && run.len() >= size,
                        "size {size}: {run:?}"
                    );
                }
            }
        }
        assert!(runs_of_lines("", 4).is_empty());
    }
}

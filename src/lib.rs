//! zhreport reads Chinese government work reports as they reach people: scraped from
//! document-sharing sites, saved as GBK, in traditional characters with pinyin glosses, cut
//! into page fragments. It gives back the report its authors wrote, in mainland simplified
//! Chinese, with its outline, its numeric facts and what a careful reader would flag.
//!
//! The pipeline (SPEC §1), one module a stage:
//!
//! ```text
//! bytes ─▶ decode ─▶ clean (with convert) ─▶ outline ─▶ facts ─▶ checks ─▶ Report
//! ```
//!
//! ```
//! let report = zhreport::analyze_text("一、主要工作\n全年專利申請量2924件，同比增長41.7%。\n", None);
//! assert_eq!(report.text, "一、主要工作\n全年专利申请量2924件，同比增长41.7%。\n");
//! assert_eq!(report.facts.len(), 2);
//! assert_eq!(report.facts[0].subject.as_deref(), Some("专利申请量"));
//! ```
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]
#![forbid(unsafe_code)]
// Outside tests nothing that input could break may panic: no unwrap, expect or panic, and no
// indexing or slicing of slices or strings (`get` instead).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

mod checks;
mod clean;
pub mod compare;
mod convert;
pub mod csv;
mod decode;
mod edit;
mod error;
mod facts;
mod outline;
mod parallel;
mod report;

use parallel::Split;
#[cfg(test)]
#[path = "../tests/support/rng.rs"]
mod test_rng;
mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use convert::to_simplified;
#[cfg(not(target_arch = "wasm32"))]
pub use decode::{decode, encoding_rs_legacy};
pub use decode::{decode_with, no_legacy, Decoded, Legacy};
pub use error::Error;
pub use report::*;

/// How to read an input.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The file name to record in the Report (`None` for pasted text).
    pub name: Option<String>,
    /// An encoding to use instead of detection (`gbk`, `big5`, `utf-16le`, …).
    pub encoding: Option<String>,
    /// How many threads a native build may analyse a long text on (`None`: one per core;
    /// `Some(1)`: the calling thread only). The Report is the same whatever the number; a
    /// wasm build always uses one.
    pub threads: Option<usize>,
}

/// Analyses the bytes of a report file.
///
/// Fails only when the bytes are not text (a PDF, a .doc, an image, an archive) or the
/// forced encoding is unknown; every text gives a Report. In a wasm build GB18030 and Big5
/// need a decoder from the host: see [`analyze_with_decoder`].
pub fn analyze(bytes: &[u8], options: &Options) -> Result<Report, Error> {
    analyze_with_progress(bytes, options, &mut |_| {})
}

/// Analyses text that is already decoded (pasted text, say).
pub fn analyze_text(text: &str, name: Option<&str>) -> Report {
    analyze_text_with_progress(text, name, &mut |_| {})
}

/// A stage of the pipeline, announced to a progress callback as it begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Bytes to text.
    Decode,
    /// Cleaning, with conversion to simplified.
    Clean,
    /// The heading tree.
    Outline,
    /// Numeric facts.
    Facts,
    /// Checks.
    Checks,
}

impl Stage {
    /// The stage's name (`decode`, `clean`, `outline`, `facts`, `checks`).
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Decode => "decode",
            Stage::Clean => "clean",
            Stage::Outline => "outline",
            Stage::Facts => "facts",
            Stage::Checks => "checks",
        }
    }
}

/// [`analyze`], telling `progress` each stage as it begins (the page shows them).
pub fn analyze_with_progress(
    bytes: &[u8],
    options: &Options,
    progress: &mut dyn FnMut(Stage),
) -> Result<Report, Error> {
    #[cfg(not(target_arch = "wasm32"))]
    let legacy: Legacy = &encoding_rs_legacy;
    #[cfg(target_arch = "wasm32")]
    let legacy: Legacy = &no_legacy;
    analyze_with_decoder(bytes, options, legacy, progress)
}

/// [`analyze_with_progress`] with the decoder for legacy and forced encodings given (the
/// page passes the browser's `TextDecoder`).
pub fn analyze_with_decoder(
    bytes: &[u8],
    options: &Options,
    legacy: Legacy,
    progress: &mut dyn FnMut(Stage),
) -> Result<Report, Error> {
    progress(Stage::Decode);
    let decoded = decode_with(bytes, options.encoding.as_deref(), legacy)?;
    Ok(run(
        &decoded.text,
        options.name.clone(),
        decoded.encoding,
        bytes.len(),
        Split::new(options.threads),
        progress,
    ))
}

/// [`analyze_text`], telling `progress` each stage as it begins.
pub fn analyze_text_with_progress(
    text: &str,
    name: Option<&str>,
    progress: &mut dyn FnMut(Stage),
) -> Report {
    run(
        text,
        name.map(str::to_string),
        "utf-8".to_string(),
        text.len(),
        Split::new(None),
        progress,
    )
}

/// The stages one at a time, each on one thread, for the benchmarks (`benches/pipeline.rs`)
/// only: not part of the API, and free to change.
#[doc(hidden)]
pub mod stages {
    use crate::report::{Fact, Section};

    /// Cleaning (with conversion): the cleaned text and its title.
    pub fn clean(text: &str) -> (String, Option<String>) {
        let c = crate::clean::clean(text, crate::parallel::Split::new(Some(1)));
        (c.text, c.title)
    }

    /// [`clean`], calling `after` with the name of each cleaning pass as it ends.
    pub fn clean_observed(
        text: &str,
        after: &mut dyn FnMut(&'static str),
    ) -> (String, Option<String>) {
        let c = crate::clean::clean_observed(text, crate::parallel::Split::new(Some(1)), after);
        (c.text, c.title)
    }

    /// The outline of cleaned text.
    pub fn outline(text: &str, title: Option<&str>) -> Vec<Section> {
        crate::outline::outline(text, title)
    }

    /// The facts of cleaned text.
    pub fn facts(text: &str, sections: &[Section]) -> Vec<Fact> {
        crate::facts::find(text, sections, crate::report::SectionRole::Other).0
    }

    /// The checks over cleaned text and its facts.
    pub fn checks(text: &str, facts: &[Fact], sections: &[Section], title: Option<&str>) -> usize {
        crate::checks::check(text, facts, sections, title).len()
    }
}

/// The stages after cleaning: on every core for a long text in a native build (see
/// `parallel.rs`; the Report is the same), else one after another (a wasm build has no
/// threads).
fn after_cleaning(
    text: &str,
    title: Option<&str>,
    doc_role: SectionRole,
    split: Split,
    progress: &mut dyn FnMut(Stage),
) -> (Vec<Section>, Vec<Fact>, Vec<Warning>) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = split.threads_for(text.len());
        if threads > 1 {
            // All three begin at once.
            for stage in [Stage::Outline, Stage::Facts, Stage::Checks] {
                progress(stage);
            }
            return parallel::after_cleaning(text, title, doc_role, threads, split);
        }
    }
    #[cfg(target_arch = "wasm32")]
    let _ = split;
    one_after_another(text, title, doc_role, progress)
}

/// The stages after cleaning one after another.
fn one_after_another(
    text: &str,
    title: Option<&str>,
    doc_role: SectionRole,
    progress: &mut dyn FnMut(Stage),
) -> (Vec<Section>, Vec<Fact>, Vec<Warning>) {
    progress(Stage::Outline);
    let sections = outline::outline(text, title);
    progress(Stage::Facts);
    let (facts, mut warnings) = facts::find(text, &sections, doc_role);
    progress(Stage::Checks);
    warnings.extend(checks::check(text, &facts, &sections, title));
    (sections, facts, warnings)
}

fn run(
    text: &str,
    name: Option<String>,
    encoding: String,
    bytes: usize,
    split: Split,
    progress: &mut dyn FnMut(Stage),
) -> Report {
    progress(Stage::Clean);
    let cleaned = clean::clean(text, split);
    let doc_role = cleaned
        .title
        .as_deref()
        .and_then(outline::role_of)
        .unwrap_or(SectionRole::Other);
    let (sections, facts, mut warnings) = after_cleaning(
        &cleaned.text,
        cleaned.title.as_deref(),
        doc_role,
        split,
        progress,
    );
    warnings.sort_by_key(|w| (w.start, w.end));
    Report {
        schema: SCHEMA,
        title: cleaned.title,
        source: Source {
            name,
            encoding,
            bytes,
            script: cleaned.script,
        },
        text: cleaned.text,
        cleaning: cleaned.log,
        sections,
        facts,
        warnings,
    }
}

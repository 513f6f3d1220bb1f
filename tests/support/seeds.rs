//! Finding a seed report by its number, and a page fixture by its name, for the integration
//! tests.

#![allow(dead_code)]

use std::path::PathBuf;

/// The seeds' folder.
pub const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");

/// The path of the seed whose file name starts with `prefix` (`"000"` … `"004"`).
pub fn path(prefix: &str) -> PathBuf {
    std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap()
}

/// The seed's bytes, exactly as scraped.
pub fn bytes(prefix: &str) -> Vec<u8> {
    std::fs::read(path(prefix)).unwrap()
}

/// A report of `tests/fixtures/pages/` (reports and pages in other styles than the seeds'),
/// analysed as pasted text under its file name.
pub fn page(name: &str) -> zhreport::Report {
    let path = format!("{}/tests/fixtures/pages/{name}", env!("CARGO_MANIFEST_DIR"));
    zhreport::analyze_text(&std::fs::read_to_string(path).unwrap(), Some(name))
}

/// The title and role of each level-1 section, in order.
pub fn top_sections(r: &zhreport::Report) -> Vec<(&str, zhreport::SectionRole)> {
    r.sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| (s.title.as_str(), s.role))
        .collect()
}

//! Finding a seed report by its number, for the integration tests.

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

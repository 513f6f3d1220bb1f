//! The one error type: opaque, with a message a reader can act on.

use std::fmt;

/// Why an input could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    Binary(&'static str),
    UnknownEncoding(String),
}

impl Error {
    pub(crate) fn binary(what: &'static str) -> Self {
        Error {
            kind: ErrorKind::Binary(what),
        }
    }

    pub(crate) fn encoding(label: &str) -> Self {
        Error {
            kind: ErrorKind::UnknownEncoding(label.chars().take(40).collect()),
        }
    }

    /// True when the input is a binary file (a PDF, a .doc, an image, an archive) rather
    /// than text.
    pub fn is_binary(&self) -> bool {
        matches!(self.kind, ErrorKind::Binary(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Binary(what) => write!(
                f,
                "this is {what}, not text: open it in its program and save or copy it as plain text (.txt)"
            ),
            ErrorKind::UnknownEncoding(label) => write!(
                f,
                "unknown encoding '{label}': use utf-8, gb18030 (gbk), big5, utf-16le or utf-16be"
            ),
        }
    }
}

impl std::error::Error for Error {}

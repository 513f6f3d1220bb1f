//! The CSV that zhreport writes, in one place: RFC 4180 fields separated by commas, records
//! ended by CRLF, UTF-8 after a byte order mark (so that spreadsheet programs do not take
//! the file for the system's legacy code page).
//!
//! A spreadsheet runs a cell whose first character is `=`, `+`, `-` or `@` as a formula (and
//! some strip a leading tab or CR first), so a file made from scraped text could run
//! whatever a page put there. A text cell that starts with one of those six characters is
//! written with a `'` before it: the spreadsheet shows it as text. The cases are in
//! `tests/data/csv_cells.txt`, which the page's export can test against too.
//!
//! Numbers are a kind of field of their own. A numeric column (a fact's value, a change) is
//! written as a plain decimal number, `-3.2` included, with no `'`: a cell that is nothing
//! but a number is read as that number and cannot run anything, and a `'` would turn the
//! column into text a spreadsheet no longer sums. The prefix rule is for text cells only, so
//! a text cell `-3.2` (a span as written, say) does get its `'`: what it holds is decided by
//! its column, never guessed from its content.

use std::borrow::Cow;
use std::io::{self, Write};

/// The byte order mark every CSV file starts with.
pub const BOM: &str = "\u{FEFF}";

/// What ends every record, the last one included.
pub const EOL: &str = "\r\n";

/// One cell of a record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Field<'a> {
    /// Text: made safe from formulas, quoted when it must be.
    Text(&'a str),
    /// A number: written plainly, never prefixed.
    Number(f64),
    /// A number that may be missing: empty when it is.
    MaybeNumber(Option<f64>),
}

/// The characters that make a text cell a formula when they start it.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as a CSV field: a `'` before a formula's first character, then quoted (with
/// its quotes doubled) when it holds a comma, a quote, a CR or a LF.
pub fn text(cell: &str) -> Cow<'_, str> {
    let cell: Cow<'_, str> = if cell.starts_with(FORMULA_START) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    };
    if cell.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", cell.replace('"', "\"\"")))
    } else {
        cell
    }
}

/// A number as a CSV field: decimal digits, a point and a minus at most (never an exponent,
/// never `.0` after a whole number); empty for a value that is not finite.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        String::new()
    } else if value == 0.0 {
        // Not `-0`.
        "0".to_string()
    } else {
        format!("{value}")
    }
}

/// Writes one record: the fields, separated by commas, and [`EOL`].
pub fn write_record(out: &mut impl Write, fields: &[Field<'_>]) -> io::Result<()> {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        match *field {
            Field::Text(s) => out.write_all(text(s).as_bytes())?,
            Field::Number(v) => out.write_all(number(v).as_bytes())?,
            Field::MaybeNumber(v) => {
                if let Some(v) = v {
                    out.write_all(number(v).as_bytes())?;
                }
            }
        }
    }
    out.write_all(EOL.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_ends_in_crlf_and_numbers_stay_numbers() {
        let mut out = Vec::new();
        write_record(
            &mut out,
            &[
                Field::Text("-3.2"),
                Field::Number(-3.2),
                Field::MaybeNumber(None),
                Field::Number(1e7),
                Field::Text("a,b"),
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "'-3.2,-3.2,,10000000,\"a,b\"\r\n"
        );
    }
}

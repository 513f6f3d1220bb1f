//! The CSV contract (`src/csv.rs`): every case of `tests/data/csv_cells.txt`, the file the
//! page's export can be tested against too, and numbers, which are not in it.

use zhreport::csv::{number, text, write_record, Field, BOM, EOL};

/// Undoes the file's four escapes: `\t`, `\r`, `\n`, `\\`.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('n') => out.push('\n'),
            Some('\\') => out.push('\\'),
            other => panic!("unknown escape \\{other:?} in {s:?}"),
        }
    }
    out
}

#[test]
fn every_cell_of_the_shared_table() {
    let table = include_str!("data/csv_cells.txt");
    let mut cases = 0;
    let mut wrong = Vec::new();
    for line in table
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (cell, want) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("no tab in {line:?}"));
        assert!(!want.contains('\t'), "two tabs in {line:?}");
        let (cell, want) = (unescape(cell), unescape(want));
        let got = text(&cell);
        if got != want {
            wrong.push(format!("{cell:?}: want {want:?}, got {got:?}"));
        }
        cases += 1;
    }
    assert!(cases >= 29, "only {cases} cases read");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Numeric columns are written plainly and never prefixed, a negative number included: a
/// cell that is only a number cannot run as a formula (see src/csv.rs). The same `-3.2` in a
/// text column gets its `'`.
#[test]
fn numbers_are_plain_and_never_prefixed() {
    for (v, want) in [
        (-3.2, "-3.2"),
        (41.7, "41.7"),
        (2924.0, "2924"),
        (1e7, "10000000"),
        (2.2e10, "22000000000"),
        (1e17, "100000000000000000"),
        (0.000_5, "0.0005"),
        (-0.0, "0"),
        (f64::NAN, ""),
        (f64::INFINITY, ""),
    ] {
        assert_eq!(number(v), want, "{v}");
    }
    assert_eq!(text("-3.2"), "'-3.2");
}

#[test]
fn a_record_is_fields_joined_by_commas_and_ended_by_crlf() {
    let mut out = Vec::new();
    out.extend_from_slice(BOM.as_bytes());
    write_record(&mut out, &[Field::Text("subject"), Field::Text("value")]).unwrap();
    write_record(
        &mut out,
        &[
            Field::Text("=增长,\"快\""),
            Field::Number(-3.2),
            Field::MaybeNumber(None),
            Field::MaybeNumber(Some(7.0)),
        ],
    )
    .unwrap();
    assert_eq!(EOL, "\r\n");
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "\u{FEFF}subject,value\r\n\"'=增长,\"\"快\"\"\",-3.2,,7\r\n"
    );
}

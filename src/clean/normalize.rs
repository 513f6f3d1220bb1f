//! Normalizing: line endings, invisible and control characters.

use crate::edit::Rewriter;
use crate::report::CleanKind;
use crate::text::Gate;

pub(super) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Runs `f` on the lines holding a character `needs` picks, and copies the others whole:
/// most lines of most reports need no change, and copying a line is much cheaper. `gate`
/// tells where in a line to look for the chars `needs` picks.
pub(super) fn by_line(
    text: &str,
    rw: &mut Rewriter,
    gate: &Gate,
    needs: impl Fn(char) -> bool,
    mut f: impl FnMut(&str, &mut Rewriter),
) {
    for line in crate::text::lines(text) {
        if gate.any(line, &needs) {
            f(line, rw);
        } else {
            rw.keep(line);
        }
    }
}

/// Where the chars normalizing changes are: ASCII controls but tab and line feed, and chars
/// led by C2 (U+0080..U+00AD), E2 (U+200B..U+2069) or EF (U+FEFF).
pub(super) const NORMALIZE_GATE: Gate = Gate {
    ascii: |b| b.is_ascii_control() && b != b'\t' && b != b'\n',
    leads: &[0xC2, 0xE2, 0xEF],
};

pub(super) fn normalize(text: &str, rw: &mut Rewriter) {
    let needs = |c: char| c == '\r' || c == '\u{A0}' || is_invisible(c);
    by_line(text, rw, &NORMALIZE_GATE, needs, normalize_line);
}

pub(super) fn normalize_line(text: &str, rw: &mut Rewriter) {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\r' {
            if matches!(chars.peek(), Some((_, '\n'))) {
                rw.replace("\r", "", None);
            } else {
                rw.replace("\r", "\n", None);
            }
        } else if c == '\u{2028}' || c == '\u{2029}' {
            rw.replace(text.get(i..i + c.len_utf8()).unwrap_or(""), "\n", None);
        } else if is_invisible(c) {
            rw.remove(
                text.get(i..i + c.len_utf8()).unwrap_or(""),
                CleanKind::Control,
            );
        } else if c == '\u{A0}' {
            rw.replace("\u{A0}", " ", None);
        } else {
            rw.keep_char(c);
        }
    }
}

//! Traditional to mainland simplified Chinese (SPEC §1, convert), with zhconv's `zh-CN`
//! tables: `ZhHans` would give 餘→馀 and 諮→谘, which mainland text does not use.

use std::borrow::Cow;

use zhconv::{zhconv, Variant};

use crate::edit::{Doc, Rewriter};
use crate::report::Script;

/// Converts `text` to mainland simplified Chinese. No cleaning.
pub fn to_simplified(text: &str) -> String {
    zhconv(text, Variant::ZhCN)
}

/// Converts the document line by line, so that offsets of earlier cleaning move with it.
/// Returns the script the text was in.
pub(crate) fn convert_doc(doc: &mut Doc) -> Script {
    let mut han = 0usize;
    let mut changed = 0usize;
    doc.pass(|text, rw: &mut Rewriter| {
        // One conversion of the whole text: simplified text comes back unchanged, and is
        // kept as it is (the script is then simplified whatever the count of Han).
        let whole = to_simplified(text);
        if whole == text {
            rw.keep(text);
            return;
        }
        // No conversion rule holds a line break, so the lines of the whole converted text are
        // the conversions of the lines; should their count ever differ, convert line by line.
        let mut converted = crate::text::lines(&whole);
        let same_lines = crate::text::lines(&whole).count() == crate::text::lines(text).count();
        // The Han chars of the whole text at once: counted line by line, each count's set-up
        // (a substring searcher among others) cost more than the count.
        han = crate::text::count_han(text);
        for line in crate::text::lines(text) {
            let out: Cow<str> = match converted.next() {
                Some(out) if same_lines => Cow::Borrowed(out),
                _ => Cow::Owned(to_simplified(line)),
            };
            if out == line {
                rw.keep(line);
                continue;
            }
            // Most conversions are one character for one: a line whose every char became one
            // of the same length in bytes is replaced in place (no offset moves); otherwise
            // unchanged characters are kept as they are, so offsets stay exact. A phrase that
            // changes length replaces the line.
            let (mut differ, mut same_widths, mut n) = (0, true, 0);
            for (a, b) in line.chars().zip(out.chars()) {
                differ += usize::from(a != b);
                same_widths &= a.len_utf8() == b.len_utf8();
                n += 1;
            }
            let same_count = n == line.chars().count() && n == out.chars().count();
            if same_count && same_widths {
                changed += differ;
                rw.replace_in_place(line, &out);
            } else if same_count {
                for (a, b) in line.chars().zip(out.chars()) {
                    if a == b {
                        rw.keep_char(a);
                    } else {
                        changed += 1;
                        let mut ab = [0u8; 4];
                        let mut bb = [0u8; 4];
                        rw.replace(a.encode_utf8(&mut ab), b.encode_utf8(&mut bb), None);
                    }
                }
            } else {
                changed += line
                    .chars()
                    .zip(out.chars())
                    .filter(|(a, b)| a != b)
                    .count()
                    .max(1);
                rw.replace(line, &out, None);
            }
        }
    });
    judge(han, changed)
}

/// The script from how many Han characters conversion changed.
fn judge(han: usize, changed: usize) -> Script {
    // One stray variant form in a thousand characters (部份 for 部分) is still simplified text.
    if changed == 0 || changed * 1000 <= han {
        Script::Simplified
    } else if changed * 10 >= han {
        // In running traditional text about a quarter of the characters differ from
        // simplified; a tenth is well clear of a simplified text with a few stray forms.
        Script::Traditional
    } else {
        Script::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mainland_forms() {
        assert_eq!(to_simplified("著力"), "着力");
        assert_eq!(to_simplified("剩餘"), "剩余");
        assert_eq!(to_simplified("領導"), "领导");
        assert_eq!(to_simplified("科技局"), "科技局");
    }

    #[test]
    fn doc_conversion_judges_script() {
        let mut d = Doc::new("科技工作\n堅持創新驅動發展戰略\n".to_string());
        assert_eq!(convert_doc(&mut d), Script::Traditional);
        assert_eq!(d.text, "科技工作\n坚持创新驱动发展战略\n");
        let mut d = Doc::new("坚持创新驱动发展战略，科技工作取得显著成效\n".to_string());
        assert_eq!(convert_doc(&mut d), Script::Simplified);
    }
}

//! Wrappers: a report that reaches us inside a CSV or TSV file (a data set of reports, one
//! row each, the text in one quoted cell). The cell is the report; the header row, the other
//! fields and the quotes are the wrapper, removed and logged as boilerplate. A header named
//! like a title (`title`, `标题`) gives the wrapper's copy of the title, which helps find the
//! report's own title line inside the cell.

use crate::edit::Rewriter;
use crate::report::CleanKind;

/// Header names of the field that holds the report's text.
const TEXT_FIELDS: &[&str] = &[
    "full_text",
    "fulltext",
    "text",
    "content",
    "body",
    "article",
    "正文",
    "全文",
    "内容",
];
/// Header names of the field that holds the title.
const TITLE_FIELDS: &[&str] = &["title", "name", "标题", "题目", "名称"];

/// A header row: three or more short field names, parted by `sep`, one of which names a text.
fn header(line: &str, sep: char) -> Option<Vec<String>> {
    let names: Vec<String> = line
        .trim_end_matches(['\n', '\r'])
        .split(sep)
        .map(|s| s.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let plain = names.iter().all(|n| {
        let len = n.chars().count();
        (1..=24).contains(&len)
            && n.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == ' ' || c == '-')
    });
    let names_text = names.iter().any(|n| TEXT_FIELDS.contains(&n.as_str()));
    (names.len() >= 3 && plain && names_text).then_some(names)
}

/// One field of a record: `(start, end)` of its content in `s` (inside the quotes, where it
/// is quoted), whether it was quoted, and where the next field starts (None at the record's
/// end, or at the text's end).
fn field(s: &str, from: usize, sep: char) -> Option<(usize, usize, bool, Option<usize>)> {
    let rest = s.get(from..)?;
    if let Some(inner) = rest.strip_prefix('"') {
        // A quoted field runs to a quote that is not doubled.
        let mut i = 0;
        let b = inner.as_bytes();
        while i < b.len() {
            if b.get(i) == Some(&b'"') {
                if b.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                let start = from + 1;
                let end = start + i;
                let after = end + 1;
                return Some(match s.get(after..).and_then(|r| r.chars().next()) {
                    Some(c) if c == sep => (start, end, true, Some(after + c.len_utf8())),
                    _ => (start, end, true, None),
                });
            }
            i += 1;
        }
        // An unclosed quote: the field runs to the end.
        return Some((from + 1, s.len(), true, None));
    }
    let stop = rest.find([sep, '\n']).map_or(s.len(), |i| from + i);
    let next = match s.get(stop..).and_then(|r| r.chars().next()) {
        Some(c) if c == sep => Some(stop + c.len_utf8()),
        _ => None,
    };
    Some((from, stop, false, next))
}

/// Unwraps a table whose first data row holds the report. Returns the title field's value,
/// when the header has one. Text that is no such table passes unchanged.
pub(super) fn unwrap_table(text: &str, rw: &mut Rewriter) -> Option<String> {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let first = text.get(..first_end)?;
    let sep = if first.contains('\t') { '\t' } else { ',' };
    let Some(names) = header(first, sep) else {
        rw.keep(text);
        return None;
    };
    let mut fields = Vec::new();
    let mut at = Some(first_end);
    while let Some(from) = at {
        if fields.len() > names.len() + 4 {
            break;
        }
        let Some((start, end, quoted, next)) = field(text, from, sep) else {
            break;
        };
        fields.push((start, end, quoted));
        at = next;
    }
    let cell = names
        .iter()
        .position(|n| TEXT_FIELDS.contains(&n.as_str()))
        .and_then(|i| fields.get(i).copied())
        .filter(|&(s, e, _)| text.get(s..e).is_some_and(|c| c.chars().count() >= 200));
    let Some((start, end, quoted)) = cell else {
        rw.keep(text);
        return None;
    };
    let title = names
        .iter()
        .position(|n| TITLE_FIELDS.contains(&n.as_str()))
        .and_then(|i| fields.get(i))
        .and_then(|&(s, e, _)| text.get(s..e))
        .map(|t| t.replace("\"\"", "\"").trim().to_string())
        .filter(|t| !t.is_empty());
    rw.remove(text.get(..start).unwrap_or(""), CleanKind::Boilerplate);
    let inner = text.get(start..end).unwrap_or("");
    if quoted {
        // Doubled quotes inside the cell are one quote of the report.
        let mut rest = inner;
        while let Some(i) = rest.find("\"\"") {
            rw.keep(rest.get(..i).unwrap_or(""));
            rw.replace(
                rest.get(i..i + 2).unwrap_or(""),
                "\"",
                Some(CleanKind::Boilerplate),
            );
            rest = rest.get(i + 2..).unwrap_or("");
        }
        rw.keep(rest);
    } else {
        rw.keep(inner);
    }
    // The rest of the row (the closing quote, later fields) is wrapper; later rows are kept.
    let row_end = text
        .get(end..)
        .and_then(|r| r.find('\n'))
        .map_or(text.len(), |i| end + i);
    let row_end = if quoted { row_end } else { end };
    rw.remove(text.get(end..row_end).unwrap_or(""), CleanKind::Boilerplate);
    rw.keep(text.get(row_end..).unwrap_or(""));
    title
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Doc;

    fn unwrap(t: &str) -> (String, Option<String>) {
        let mut doc = Doc::new(t);
        let mut title = None;
        doc.pass(|t, rw| title = unwrap_table(t, rw));
        (doc.finish().0, title)
    }

    #[test]
    fn the_cell_holding_the_report_is_the_text() {
        let body = "某市2024年政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告工作，\
                    请予审议。过去一年，全市经济运行稳中向好，“十大工程”全面推进，"
            .repeat(4);
        let csv = format!(
            "city,year,title,url,full_text\n某市,2024,某市2024年政府工作报告,http://example.org/a,\"{}\"\n",
            body.replace(['“', '”'], "\"\"")
        );
        let (text, title) = unwrap(&csv);
        assert_eq!(title.as_deref(), Some("某市2024年政府工作报告"));
        assert!(
            text.starts_with("某市2024年政府工作报告\n各位代表："),
            "{text}"
        );
        assert!(text.contains("\"十大工程\"全面推进"), "{text}");
        assert!(
            !text.contains("full_text") && !text.contains("http://"),
            "{text}"
        );
        assert!(!text.ends_with("\"\n") && !text.ends_with('"'), "{text:?}");
    }

    #[test]
    fn text_that_is_no_table_passes_unchanged() {
        for t in [
            "一、工作回顾\n今年以来，我们做了三件事，一是，二是，三是。\n",
            "a,b,c\n1,2,3\n",
            "name,year,text\nx,2024,short\n",
        ] {
            assert_eq!(unwrap(t), (t.to_string(), None));
        }
    }
}

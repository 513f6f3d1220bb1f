//! The title kept once (a site's category tag dropped, a copy wrapped over two lines), a
//! title glued to the first paragraph split off, repeated paragraphs dropped.

use super::head;
use crate::edit::Rewriter;
use crate::report::CleanKind;

/// A site's category tag glued before a title: `【科技总结】`. Article dividers such as
/// `【篇一】` stand alone and are kept.
pub(super) fn category_tag(line: &str) -> Option<usize> {
    let rest = line.strip_prefix('【')?;
    let close = rest.find('】')?;
    let tag = rest.get(..close).unwrap_or("");
    if tag.chars().count() > 10 || tag.starts_with('篇') || tag.ends_with('篇') {
        return None;
    }
    let after = rest.get(close + '】'.len_utf8()..).unwrap_or("").trim();
    if after.chars().count() < 4 {
        return None;
    }
    Some('【'.len_utf8() + close + '】'.len_utf8())
}

pub(super) fn looks_like_title(t: &str) -> bool {
    let n = t.chars().count();
    (4..=60).contains(&n)
        && !t.contains('。')
        && !t.contains('，')
        && !t.contains(',')
        && !crate::outline::article_divider(t)
}

/// Keeps the title once (dropping a category tag, repeats and a copy wrapped over two lines),
/// splits a title glued to the first paragraph, and drops repeated paragraphs.
/// Returns the title.
pub(super) fn title_and_duplicates(
    text: &str,
    rw: &mut Rewriter,
    doc_name: Option<&str>,
    head_title: Option<&str>,
) -> Option<String> {
    let lines: Vec<&str> = crate::text::lines(text).collect();
    fn body(l: &str) -> &str {
        l.trim_end_matches('\n')
    }
    /// The text after a category tag, or the whole line.
    fn untagged(b: &str) -> &str {
        match category_tag(b) {
            Some(n) => b.get(n..).unwrap_or("").trim(),
            None => b,
        }
    }
    let mut title: Option<String> = head_title.map(str::to_string);
    // The head pass found the title in place: its first stand-alone line is kept.
    let mut title_line_kept = head_title.is_none();
    // Paragraphs are compared as borrowed text: no line is copied to be looked up.
    let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
    let mut i = 0;
    while let Some(&line) = lines.get(i) {
        let b = body(line);
        if title.is_none() && i == 0 {
            let tag_len = category_tag(b).unwrap_or(0);
            let rest = untagged(b);
            if looks_like_title(rest) && head::title_like(rest) {
                if tag_len > 0 {
                    rw.remove(b.get(..tag_len).unwrap_or(""), CleanKind::Boilerplate);
                    rw.keep(line.get(tag_len..).unwrap_or(""));
                } else {
                    rw.keep(line);
                }
                title = Some(rest.to_string());
                i += 1;
                continue;
            }
        }
        // A title glued to the first paragraph, that the site's file name shows to be the
        // title: split it off.
        if i == 0 {
            if let Some(name) = doc_name.filter(|n| b.starts_with(n) && b.len() > n.len()) {
                rw.keep(name);
                rw.replace("", "\n", Some(CleanKind::Spacing));
                rw.keep(line.get(name.len()..).unwrap_or(""));
                title = title.or_else(|| Some(name.to_string()));
                title_line_kept = true;
                i += 1;
                continue;
            }
        }
        if let Some(t) = &title {
            if untagged(b) == t && !title_line_kept {
                title_line_kept = true;
                rw.keep(line);
                i += 1;
                continue;
            }
            // a copy, or a site's copy with its marks (`…总结范文`)
            if untagged(b) == t || (title_line_kept && head::strip_suffixes(untagged(b)) == t) {
                rw.remove(line, CleanKind::Duplicate);
                i += 1;
                continue;
            }
            // The title wrapped over two lines.
            if let Some(&next) = lines.get(i + 1) {
                if t.strip_prefix(b.trim()) == Some(body(next).trim()) {
                    rw.remove(line, CleanKind::Duplicate);
                    rw.remove(next, CleanKind::Duplicate);
                    i += 2;
                    continue;
                }
            }
        }
        if crate::text::count_char_starts(b.as_bytes()) >= 20 && !seen.insert(b) {
            rw.remove(line, CleanKind::Duplicate);
        } else {
            rw.keep(line);
        }
        i += 1;
    }
    title
}

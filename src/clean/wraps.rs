//! Hard wraps: line breaks inside sentences (a page's or a PDF's line ends), joined.

use super::pages::last_visible;
use crate::edit::Rewriter;
use crate::parallel::Split;
use crate::report::CleanKind;
use crate::text::is_terminal;

/// Words that end a report's title: the kind of document it is.
pub(super) const DOC_KINDS: &[&str] = &[
    "总结", "思路", "计划", "报告", "要点", "安排", "打算", "汇报", "规划", "方案",
];

/// A line of a report's own body ends a sentence or a heading. A line that ends mid-sentence
/// was cut by the scrape: a page end (a long line: `…使新成果加以快速推⏎广转化`), or the fixed
/// width of PDF text (many lines of one length). Joined, unless the next line opens a heading.
pub(super) fn join_wraps(text: &str, rw: &mut Rewriter, split: Split) {
    let lines: Vec<&str> = crate::text::lines(text).collect();
    // Lengths in visible characters: letter-spacing (removed later) makes a line no longer.
    let lens = crate::parallel::map_lines(text, split, crate::text::visible_len);
    // The width of PDF text: the most common length among lines of some length.
    let mut counts = std::collections::HashMap::new();
    for &n in &lens {
        if n >= 15 {
            *counts.entry(n).or_insert(0usize) += 1;
        }
    }
    let width = counts
        .iter()
        .filter(|(_, &c)| c >= 5)
        .max_by_key(|(&n, &c)| (c, n))
        .map(|(&n, _)| n);
    let at_width = |n: usize| width.is_some_and(|w| n + 2 >= w && n <= w + 1);
    // The first line, when it names the kind of document (`…2009年工作总结和2010年工作思路`),
    // is the title, however wide: never run into the text.
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let title_line = |i: usize, body: &str| {
        Some(i) == first && DOC_KINDS.iter().any(|k| body.trim_end().ends_with(k))
    };
    for (i, line) in lines.iter().enumerate() {
        let Some(body) = line.strip_suffix('\n') else {
            rw.keep(line);
            continue;
        };
        let next = lines.get(i + 1).copied().unwrap_or("");
        let n = lens.get(i).copied().unwrap_or(0);
        // Cut inside a sentence: the line ends in no sentence end (a comma or 、 included).
        let cut = last_visible(body).is_some_and(|c| !is_terminal(c));
        // A numbered line is a heading unless it fills the PDF width (a wrapped paragraph).
        let heading = crate::outline::starts_with_marker(body) && n <= 60 && !at_width(n);
        let joins = cut
            && !heading
            && !title_line(i, body)
            && (n > 60 || (n > 20 && body.contains('。')) || at_width(n))
            && !next.trim().is_empty()
            && !crate::outline::starts_with_marker(next)
            && !crate::outline::article_divider(next);
        rw.keep(body);
        if joins {
            rw.remove("\n", CleanKind::Wrap);
        } else {
            rw.keep("\n");
        }
    }
}

//! Text rewriting that remembers where everything went.
//!
//! Each cleaning pass reads its input and tells a [`Rewriter`] what to keep and what to
//! replace, in order. The result is the new text (or none, when the pass changed nothing: most
//! passes change nothing in most reports, and then nothing is copied), the log entries the
//! pass made, and an [`EditMap`] that moves the offsets of earlier log entries into the new
//! text. Offsets are bytes while cleaning runs; [`Doc::finish`] turns them into the chars the
//! Report counts, once.

use std::borrow::Cow;

use crate::parallel::Split;
use crate::report::{CleanKind, Cleaning};

/// One replaced span: bytes `[in_start, in_end)` of the input became `[out_start, out_end)`.
#[derive(Debug, Clone, Copy)]
struct Span {
    in_start: usize,
    in_end: usize,
    out_start: usize,
    out_end: usize,
}

/// Moves byte offsets of a pass's input to byte offsets of its output.
#[derive(Debug, Clone, Default)]
pub(crate) struct EditMap {
    spans: Vec<Span>,
}

impl EditMap {
    /// The output offset of input offset `pos`. A position inside a replaced span moves to
    /// the start of its replacement.
    #[cfg(test)]
    pub(crate) fn map(&self, pos: usize) -> usize {
        let idx = self.spans.partition_point(|s| s.in_start <= pos);
        Self::map_after(idx.checked_sub(1).and_then(|i| self.spans.get(i)), pos)
    }

    /// `pos` moved by `last`, the last span starting at or before it (None: no such span).
    fn map_after(last: Option<&Span>, pos: usize) -> usize {
        match last {
            Some(s) if pos < s.in_end => s.out_start,
            Some(s) => s.out_end + (pos - s.in_end),
            None => pos,
        }
    }

    /// Moves sorted offsets in one walk (the mapping keeps their order).
    fn map_sorted<'a>(&self, positions: impl Iterator<Item = &'a mut usize>) {
        let mut next = 0; // index of the first span starting after the current position
        for pos in positions {
            while self.spans.get(next).is_some_and(|s| s.in_start <= *pos) {
                next += 1;
            }
            let last = next.checked_sub(1).and_then(|i| self.spans.get(i));
            *pos = Self::map_after(last, *pos);
        }
    }
}

/// Builds a pass's output from its input, recording every replacement. The pass must hand it
/// the whole input, in order, as kept or replaced pieces.
pub(crate) struct Rewriter<'a> {
    input: &'a str,
    /// The output, from the first replacement on; until then the output is the input.
    out: Option<String>,
    /// A buffer to write the output into (a text an earlier pass left): fresh pages for
    /// every pass cost more than the copying.
    spare: String,
    in_pos: usize,
    /// Whether replacements are recorded: only earlier log entries need moving, and a pass
    /// with none before it (the first that logs anything) records nothing.
    map: bool,
    spans: Vec<Span>,
    log: Vec<Cleaning>,
}

impl<'a> Rewriter<'a> {
    #[cfg(test)]
    pub(crate) fn new(input: &'a str) -> Self {
        Self::with_buffer(input, String::new(), true)
    }

    /// A rewriter that writes its output into `spare` (emptied first), recording its
    /// replacements when `map` (when there are earlier log entries to move).
    pub(crate) fn with_buffer(input: &'a str, spare: String, map: bool) -> Self {
        Rewriter {
            input,
            out: None,
            spare,
            in_pos: 0,
            map,
            spans: Vec::new(),
            log: Vec::new(),
        }
    }

    /// Makes room for `n` more replacements (a pass that knows how many it will make).
    pub(crate) fn reserve(&mut self, n: usize) {
        if self.map {
            self.spans.reserve(n);
        }
        self.log.reserve(n);
    }

    /// Copies input text unchanged.
    pub(crate) fn keep(&mut self, s: &str) {
        debug_assert!(
            self.input
                .get(self.in_pos..)
                .is_some_and(|r| r.starts_with(s)),
            "kept text is not the input at {}",
            self.in_pos
        );
        self.in_pos += s.len();
        if let Some(out) = &mut self.out {
            out.push_str(s);
        }
    }

    /// Copies one input char unchanged.
    pub(crate) fn keep_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.keep(c.encode_utf8(&mut buf));
    }

    /// The output so far, made a copy of the input read so far on the first replacement.
    fn out(&mut self) -> &mut String {
        let (input, in_pos) = (self.input, self.in_pos);
        let spare = &mut self.spare;
        self.out.get_or_insert_with(|| {
            let mut out = std::mem::take(spare);
            out.clear();
            out.reserve(input.len());
            out.push_str(input.get(..in_pos).unwrap_or(""));
            out
        })
    }

    /// Replaces input text `removed` by `inserted`, logging the change under `kind`
    /// (no log entry when `kind` is `None`).
    pub(crate) fn replace(&mut self, removed: &str, inserted: &str, kind: Option<CleanKind>) {
        if removed == inserted {
            self.keep(removed);
            return;
        }
        debug_assert!(
            self.input
                .get(self.in_pos..)
                .is_some_and(|r| r.starts_with(removed)),
            "replaced text is not the input at {}",
            self.in_pos
        );
        let in_start = self.in_pos;
        let out = self.out();
        let out_start = out.len();
        out.push_str(inserted);
        if self.map {
            self.spans.push(Span {
                in_start,
                in_end: in_start + removed.len(),
                out_start,
                out_end: out_start + inserted.len(),
            });
        }
        if let Some(kind) = kind {
            self.log.push(Cleaning {
                kind,
                removed: removed.to_string(),
                inserted: inserted.to_string(),
                at: out_start,
            });
        }
        self.in_pos += removed.len();
    }

    /// Replaces input text by text whose chars have, one by one, the lengths of those they
    /// replace: no offset moves, so nothing is recorded (a conversion of one char for one).
    pub(crate) fn replace_in_place(&mut self, removed: &str, inserted: &str) {
        debug_assert!(
            removed.len() == inserted.len()
                && removed
                    .chars()
                    .zip(inserted.chars())
                    .all(|(a, b)| a.len_utf8() == b.len_utf8()),
            "an in-place replacement moves offsets"
        );
        if removed == inserted {
            self.keep(removed);
            return;
        }
        self.out().push_str(inserted);
        self.in_pos += removed.len();
    }

    /// Removes input text, logging it under `kind`.
    pub(crate) fn remove(&mut self, removed: &str, kind: CleanKind) {
        self.replace(removed, "", Some(kind));
    }

    /// The new text (Err with the unused buffer when nothing was replaced), the log entries
    /// in order, and the map.
    pub(crate) fn finish(self) -> (Result<String, String>, Vec<Cleaning>, EditMap) {
        debug_assert_eq!(self.in_pos, self.input.len(), "a pass left input unread");
        let out = self.out.ok_or(self.spare);
        (out, self.log, EditMap { spans: self.spans })
    }
}

/// The running state of the cleaning pipeline: the current text and the log so far, whose
/// byte offsets always point into the current text.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    /// Borrowed until a pass changes it: most passes change nothing in most reports, and
    /// copying the input before the first that does would copy it for nothing.
    pub(crate) text: Cow<'a, str>,
    /// The entries of each pass that made any, in pass order; each sorted by position.
    runs: Vec<Vec<Cleaning>>,
    /// The text before the last change, reused as the next pass's output buffer.
    spare: String,
    /// How [`Doc::pass_by_lines`] splits the text over threads.
    split: Split,
}

impl<'a> Doc<'a> {
    /// A document whose passes all run on the calling thread.
    #[cfg(test)]
    pub(crate) fn new(text: impl Into<Cow<'a, str>>) -> Self {
        Self::with_split(text, Split::new(Some(1)))
    }

    /// A document whose line-local passes are split over threads by `split`.
    pub(crate) fn with_split(text: impl Into<Cow<'a, str>>, split: Split) -> Self {
        Doc {
            text: text.into(),
            runs: Vec::new(),
            spare: String::new(),
            split,
        }
    }

    /// Runs one pass: `f` reads the current text and tells the rewriter the new one.
    pub(crate) fn pass(&mut self, f: impl FnOnce(&str, &mut Rewriter)) {
        let spare = std::mem::take(&mut self.spare);
        let mut rw = Rewriter::with_buffer(&self.text, spare, !self.runs.is_empty());
        f(&self.text, &mut rw);
        let (out, log, map) = rw.finish();
        self.apply(out, log, map);
    }

    /// How the document's text is split over threads.
    pub(crate) fn split(&self) -> Split {
        self.split
    }

    /// How many threads [`Doc::pass_by_lines`] will use on the current text.
    pub(crate) fn line_threads(&self) -> usize {
        self.split.threads_for(self.text.len())
    }

    /// Runs a pass that reads each line alone: `f` rewrites runs of whole lines, on every
    /// thread the document may use ([`Doc::line_threads`]; on one, the text is one run), and
    /// their rewritings are joined. `f` of a run of lines must be what `f` of the text does
    /// there: no state across lines. What `f` says of each run comes back in the runs' order.
    pub(crate) fn pass_by_lines<R: Send>(
        &mut self,
        f: impl Fn(&str, &mut Rewriter) -> R + Sync,
    ) -> Vec<R> {
        let threads = self.line_threads();
        if threads <= 1 {
            let mut said = Vec::new();
            self.pass(|text, rw| said.push(f(text, rw)));
            return said;
        }
        let map = !self.runs.is_empty();
        let runs = crate::parallel::runs_of_lines(&self.text, self.split.run_bytes);
        let done = crate::parallel::map_runs(&runs, threads, |run| {
            let mut rw = Rewriter::with_buffer(run, String::new(), map);
            let said = f(run, &mut rw);
            (rw.finish(), said)
        });
        let mut said = Vec::with_capacity(done.len());
        if done.iter().all(|((out, _, _), _)| out.is_err()) {
            // Nothing replaced (a replacement is all a log entry records).
            said.extend(done.into_iter().map(|(_, r)| r));
            return said;
        }
        let mut text = std::mem::take(&mut self.spare);
        text.clear();
        text.reserve(self.text.len());
        let (mut spans, mut log) = (Vec::new(), Vec::new());
        let mut in_at = 0;
        for (run, ((out, run_log, run_map), r)) in runs.iter().zip(done) {
            let out_at = text.len();
            text.push_str(out.as_deref().unwrap_or(run));
            spans.extend(run_map.spans.into_iter().map(|s| Span {
                in_start: s.in_start + in_at,
                in_end: s.in_end + in_at,
                out_start: s.out_start + out_at,
                out_end: s.out_end + out_at,
            }));
            log.extend(run_log.into_iter().map(|mut c| {
                c.at += out_at;
                c
            }));
            in_at += run.len();
            said.push(r);
        }
        self.apply(Ok(text), log, EditMap { spans });
        said
    }

    /// Takes a pass's result: the new text (Err: unchanged, with the unused buffer), its log
    /// entries and the map that moves the earlier ones.
    fn apply(&mut self, out: Result<String, String>, log: Vec<Cleaning>, map: EditMap) {
        match out {
            Ok(text) => {
                // The mapping keeps order: each run stays sorted.
                for run in &mut self.runs {
                    map.map_sorted(run.iter_mut().map(|c| &mut c.at));
                }
                self.spare = match std::mem::replace(&mut self.text, Cow::Owned(text)) {
                    Cow::Owned(old) => old,
                    Cow::Borrowed(_) => String::new(),
                };
            }
            Err(spare) => self.spare = spare,
        }
        if !log.is_empty() {
            self.runs.push(log);
        }
    }

    /// The text, and the log sorted by position (among equal positions, in the order the
    /// entries were made) with its offsets in chars.
    pub(crate) fn finish(self) -> (String, Vec<Cleaning>) {
        // The runs are joined in the longest one's room (a fresh log as long as all of them
        // would be as many fresh pages), in pass order: a stable sort of a few sorted runs
        // is a merge of them.
        let mut runs = self.runs;
        let longest = (0..runs.len()).max_by_key(|&k| runs.get(k).map_or(0, Vec::len));
        let mut log = match longest {
            Some(k) => {
                let tail = runs.split_off(k);
                let mut tail = tail.into_iter();
                let mut log = tail.next().unwrap_or_default();
                // Runs before the longest go in front of it, those after it behind.
                log.splice(0..0, runs.into_iter().flatten());
                log.extend(tail.flatten());
                log
            }
            None => Vec::new(),
        };
        log.sort_by_key(|c| c.at);
        let mut chars = 0;
        let mut byte = 0;
        for c in &mut log {
            let at = c.at.min(self.text.len());
            chars += self
                .text
                .get(byte..at)
                .map_or(0, |s| crate::text::count_char_starts(s.as_bytes()));
            byte = at;
            c.at = chars;
        }
        (self.text.into_owned(), log)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_moves_offsets_past_replacements() {
        let mut rw = Rewriter::new("abXYZcd1e");
        rw.keep("ab");
        rw.remove("XYZ", CleanKind::Boilerplate);
        rw.keep("cd");
        rw.replace("1", "一二", Some(CleanKind::Width));
        rw.keep("e");
        let (out, log, map) = rw.finish();
        assert_eq!(out.as_deref(), Ok("abcd一二e"));
        // Byte offsets: 一 and 二 take three bytes each.
        assert_eq!(map.map(0), 0);
        assert_eq!(map.map(1), 1);
        assert_eq!(map.map(3), 2); // inside the removed span
        assert_eq!(map.map(5), 2); // 'c'
        assert_eq!(map.map(6), 3); // 'd'
        assert_eq!(map.map(7), 4); // '1' became 一二
        assert_eq!(map.map(8), 10); // 'e'
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].at, 2);
        assert_eq!(log[1].at, 4);
    }

    #[test]
    fn a_pass_that_changes_nothing_copies_nothing() {
        let mut rw = Rewriter::new("领导");
        rw.keep("领");
        rw.keep_char('导');
        let (out, log, map) = rw.finish();
        assert!(out.is_err());
        assert!(log.is_empty());
        assert_eq!(map.map(3), 3);
    }

    #[test]
    fn doc_moves_old_entries() {
        let mut doc = Doc::new("xxAByy".to_string());
        doc.pass(|t, rw| {
            rw.keep(&t[..2]);
            rw.remove("AB", CleanKind::Boilerplate);
            rw.keep(&t[4..]);
        });
        doc.pass(|t, rw| {
            rw.remove(&t[..1], CleanKind::Spacing);
            rw.keep(&t[1..]);
        });
        let (text, log) = doc.finish();
        assert_eq!(text, "xyy");
        assert_eq!(log[0].kind, CleanKind::Spacing);
        assert_eq!(log[0].at, 0);
        assert_eq!(log[1].kind, CleanKind::Boilerplate);
        assert_eq!(log[1].at, 1);
    }

    #[test]
    fn log_offsets_end_in_chars_with_ties_in_pass_order() {
        let mut doc = Doc::new("甲乙AB丙CD丁".to_string());
        doc.pass(|t, rw| {
            rw.keep(&t[..6]);
            rw.remove("AB", CleanKind::Boilerplate);
            rw.keep(&t[8..11]);
            rw.remove("CD", CleanKind::Spacing);
            rw.keep(&t[13..]);
        });
        // A later pass logs an entry before the earlier ones (甲), and one where they now
        // stand (丙, whose removal moves both to 乙's end): ties keep the order of passes.
        doc.pass(|t, rw| {
            rw.remove("甲", CleanKind::Duplicate);
            rw.keep("乙");
            rw.remove("丙", CleanKind::Duplicate);
            rw.keep(&t[9..]);
        });
        let (text, log) = doc.finish();
        assert_eq!(text, "乙丁");
        let got: Vec<(CleanKind, usize)> = log.iter().map(|c| (c.kind, c.at)).collect();
        assert_eq!(
            got,
            [
                (CleanKind::Duplicate, 0),
                (CleanKind::Boilerplate, 1),
                (CleanKind::Spacing, 1),
                (CleanKind::Duplicate, 1)
            ]
        );
    }

    #[test]
    fn the_longest_run_in_the_middle_keeps_ties_in_pass_order() {
        // Three passes, the second with the most entries: the log is built in its room,
        // and entries at one place still come in the order of the passes.
        let mut doc = Doc::new("abcdef");
        doc.pass(|t, rw| {
            rw.remove("a", CleanKind::Boilerplate);
            rw.keep(&t[1..]);
        });
        doc.pass(|t, rw| {
            rw.remove("b", CleanKind::Spacing);
            rw.remove("c", CleanKind::Spacing);
            rw.remove("d", CleanKind::Spacing);
            rw.keep(&t[3..]);
        });
        doc.pass(|t, rw| {
            rw.remove("e", CleanKind::Duplicate);
            rw.keep(&t[1..]);
        });
        let (text, log) = doc.finish();
        assert_eq!(text, "f");
        let kinds: Vec<CleanKind> = log.iter().map(|c| c.kind).collect();
        assert_eq!(
            kinds,
            [
                CleanKind::Boilerplate,
                CleanKind::Spacing,
                CleanKind::Spacing,
                CleanKind::Spacing,
                CleanKind::Duplicate
            ]
        );
        assert!(log.iter().all(|c| c.at == 0));
    }
}

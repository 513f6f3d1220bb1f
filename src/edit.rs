//! Text rewriting that remembers where everything went.
//!
//! Each cleaning pass copies its input into a [`Rewriter`], keeping most of it and replacing a
//! few spans. The result is the new text, the log entries the pass made, and an [`EditMap`]
//! that moves the offsets of earlier log entries into the new text.

use crate::report::{CleanKind, Cleaning};

/// One replaced span: `[in_start, in_end)` of the input became `[out_start, out_end)`.
#[derive(Debug, Clone, Copy)]
struct Span {
    in_start: usize,
    in_end: usize,
    out_start: usize,
    out_end: usize,
}

/// Moves char offsets of a pass's input to char offsets of its output.
#[derive(Debug, Clone, Default)]
pub(crate) struct EditMap {
    spans: Vec<Span>,
}

impl EditMap {
    /// The output offset of input offset `pos`. A position inside a replaced span moves to
    /// the start of its replacement.
    pub(crate) fn map(&self, pos: usize) -> usize {
        // Spans are sorted by input offset; find the last one starting at or before pos.
        let idx = self.spans.partition_point(|s| s.in_start <= pos);
        if idx == 0 {
            return pos;
        }
        match self.spans.get(idx - 1) {
            Some(s) if pos < s.in_end => s.out_start,
            Some(s) => s.out_end + (pos - s.in_end),
            None => pos,
        }
    }

    /// True when the pass changed nothing.
    pub(crate) fn is_identity(&self) -> bool {
        self.spans.is_empty()
    }
}

/// Builds a pass's output from its input, recording every replacement.
pub(crate) struct Rewriter {
    out: String,
    in_pos: usize,
    out_pos: usize,
    spans: Vec<Span>,
    log: Vec<Cleaning>,
}

impl Rewriter {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Rewriter {
            out: String::with_capacity(n),
            in_pos: 0,
            out_pos: 0,
            spans: Vec::new(),
            log: Vec::new(),
        }
    }

    /// Copies input text unchanged.
    pub(crate) fn keep(&mut self, s: &str) {
        let n = s.chars().count();
        self.out.push_str(s);
        self.in_pos += n;
        self.out_pos += n;
    }

    /// Copies one input char unchanged.
    pub(crate) fn keep_char(&mut self, c: char) {
        self.out.push(c);
        self.in_pos += 1;
        self.out_pos += 1;
    }

    /// Replaces input text `removed` by `inserted`, logging the change under `kind`
    /// (no log entry when `kind` is `None`).
    pub(crate) fn replace(&mut self, removed: &str, inserted: &str, kind: Option<CleanKind>) {
        if removed == inserted {
            self.keep(removed);
            return;
        }
        let rn = removed.chars().count();
        let insn = inserted.chars().count();
        self.spans.push(Span {
            in_start: self.in_pos,
            in_end: self.in_pos + rn,
            out_start: self.out_pos,
            out_end: self.out_pos + insn,
        });
        if let Some(kind) = kind {
            self.log.push(Cleaning {
                kind,
                removed: removed.to_string(),
                inserted: inserted.to_string(),
                at: self.out_pos,
            });
        }
        self.out.push_str(inserted);
        self.in_pos += rn;
        self.out_pos += insn;
    }

    /// Removes input text, logging it under `kind`.
    pub(crate) fn remove(&mut self, removed: &str, kind: CleanKind) {
        self.replace(removed, "", Some(kind));
    }

    pub(crate) fn finish(self) -> (String, Vec<Cleaning>, EditMap) {
        (self.out, self.log, EditMap { spans: self.spans })
    }
}

/// The running state of the cleaning pipeline: the current text and the log so far, whose
/// offsets always point into the current text.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub(crate) text: String,
    pub(crate) log: Vec<Cleaning>,
}

impl Doc {
    pub(crate) fn new(text: String) -> Self {
        Doc {
            text,
            log: Vec::new(),
        }
    }

    /// Runs one pass: `f` reads the current text and writes the new one into the rewriter.
    pub(crate) fn pass(&mut self, f: impl FnOnce(&str, &mut Rewriter)) {
        let mut rw = Rewriter::with_capacity(self.text.len());
        f(&self.text, &mut rw);
        let (text, log, map) = rw.finish();
        self.apply(text, log, &map);
    }

    /// Replaces the text by `text`, moving the old log through `map` and adding `log`.
    pub(crate) fn apply(&mut self, text: String, mut log: Vec<Cleaning>, map: &EditMap) {
        if !map.is_identity() {
            for c in &mut self.log {
                c.at = map.map(c.at);
            }
        }
        self.text = text;
        self.log.append(&mut log);
    }

    /// Sorts the log by position, keeping the order of passes among equal positions.
    pub(crate) fn finish(mut self) -> (String, Vec<Cleaning>) {
        self.log.sort_by_key(|c| c.at);
        (self.text, self.log)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_moves_offsets_past_replacements() {
        let mut rw = Rewriter::with_capacity(16);
        rw.keep("ab");
        rw.remove("XYZ", CleanKind::Boilerplate);
        rw.keep("cd");
        rw.replace("1", "一二", Some(CleanKind::Width));
        rw.keep("e");
        let (out, log, map) = rw.finish();
        assert_eq!(out, "abcd一二e");
        assert_eq!(map.map(0), 0);
        assert_eq!(map.map(1), 1);
        assert_eq!(map.map(3), 2); // inside the removed span
        assert_eq!(map.map(5), 2); // 'c'
        assert_eq!(map.map(6), 3); // 'd'
        assert_eq!(map.map(8), 6); // 'e'
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].at, 2);
        assert_eq!(log[1].at, 4);
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
}

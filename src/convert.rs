//! Traditional to mainland simplified Chinese (SPEC §1, convert), with zhconv's `zh-CN`
//! tables: `ZhHans` would give 餘→馀 and 諮→谘, which mainland text does not use.

use std::sync::OnceLock;

use zhconv::{get_builtin_converter, get_builtin_tables, tables::expand_table, zhconv, Variant};

use crate::edit::{Doc, Rewriter};
use crate::report::Script;
use crate::text::{CharIndex, CharSet};

/// Converts `text` to mainland simplified Chinese. No cleaning.
pub fn to_simplified(text: &str) -> String {
    zhconv(text, Variant::ZhCN)
}

/// What conversion can change, read once from zhconv's own `zh-CN` tables.
///
/// Conversion replaces the rules' source words found in the text; a rule whose target is its
/// source (zhconv keeps such rules to stop shorter ones, as 著名 stops 著) changes nothing.
/// So a line in which no changing rule's source occurs comes back unchanged, and need not be
/// converted: each changing source holds a char that changes alone (業, 發: nearly every
/// traditional char) or is one of a few hundred phrases of simplified chars (著力, 部份), looked
/// for where their first two chars stand (their first chars alone are common: 。, 大, 一).
/// Most reports are simplified, and this look costs a fraction of conversion's.
struct Changes {
    /// Chars that a one-char rule changes.
    alone: CharSet,
    /// The changing sources that hold no char of `alone`, sorted by bytes (so by first char).
    phrases: Vec<String>,
    /// The first chars of `phrases`, numbered in order.
    firsts: CharIndex,
    /// Where each first char's run of `phrases` starts, in order; and then their end.
    runs: Vec<usize>,
    /// The first two chars of each phrase (every phrase has two: a source of one char is in
    /// `alone`, or outside the plane and so always converted).
    pairs: PairSet,
}

/// A set of pairs of chars, as a bitmap of their hashes (8 KB): no false negatives, a few
/// false positives (which only cost a look at the phrases).
struct PairSet([u64; 1024]);

impl PairSet {
    fn bit(a: char, b: char) -> (usize, u64) {
        let h = (a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32);
        let h = h.wrapping_mul(0x85EB_CA77) >> 16;
        ((h >> 6) as usize, 1 << (h & 63))
    }

    fn insert(&mut self, a: char, b: char) {
        let (w, m) = Self::bit(a, b);
        if let Some(word) = self.0.get_mut(w) {
            *word |= m;
        }
    }

    fn may_hold(&self, a: char, b: char) -> bool {
        let (w, m) = Self::bit(a, b);
        self.0.get(w).is_some_and(|word| word & m != 0)
    }
}

impl Changes {
    fn new() -> Self {
        let rules: Vec<(String, String)> = get_builtin_tables(Variant::ZhCN)
            .iter()
            .flat_map(|&table| expand_table(table))
            .filter(|(from, to)| from != to)
            .collect();
        let alone = CharSet::of_chars(rules.iter().filter_map(|(from, _)| {
            let mut cs = from.chars();
            cs.next().filter(|_| cs.next().is_none())
        }));
        let mut phrases: Vec<String> = rules
            .into_iter()
            .map(|(from, _)| from)
            .filter(|from| !from.chars().any(|c| alone.contains(c)))
            .collect();
        phrases.sort_unstable();
        phrases.dedup();
        let mut runs = Vec::new();
        let mut last = None;
        for (k, p) in phrases.iter().enumerate() {
            let c = p.chars().next();
            if c != last {
                runs.push(k);
                last = c;
            }
        }
        runs.push(phrases.len());
        let mut pairs = PairSet([0; 1024]);
        for p in &phrases {
            let mut cs = p.chars();
            if let (Some(a), Some(b)) = (cs.next(), cs.next()) {
                pairs.insert(a, b);
            }
        }
        Changes {
            alone,
            firsts: CharIndex::new(phrases.iter().filter_map(|p| p.chars().next())),
            phrases,
            runs,
            pairs,
        }
    }

    /// False only when conversion leaves `line` as it is. (True for any char outside the
    /// Basic Multilingual Plane, which the sets do not hold: such lines are converted.)
    fn may_change(&self, line: &str) -> bool {
        // The char before, where a phrase would start.
        let mut prev: Option<(usize, char)> = None;
        for (i, c) in line.char_indices() {
            if self.alone.contains(c) || c > '\u{FFFF}' {
                return true;
            }
            if let Some((p, a)) = prev.filter(|&(_, a)| self.pairs.may_hold(a, c)) {
                if self.phrase_at(line.get(p..).unwrap_or(""), a) {
                    return true;
                }
            }
            prev = Some((i, c));
        }
        false
    }

    /// True when `rest` (which starts with `first`) starts with a phrase.
    fn phrase_at(&self, rest: &str, first: char) -> bool {
        let Some(run) = self.firsts.index(first) else {
            return false;
        };
        let phrases = match (self.runs.get(run), self.runs.get(run + 1)) {
            (Some(&a), Some(&b)) => self.phrases.get(a..b).unwrap_or(&[]),
            _ => &[],
        };
        phrases.iter().any(|p| rest.starts_with(p.as_str()))
    }
}

fn changes() -> &'static Changes {
    static CHANGES: OnceLock<Changes> = OnceLock::new();
    CHANGES.get_or_init(Changes::new)
}

/// Converts the document line by line, so that offsets of earlier cleaning move with it.
/// Returns the script the text was in.
pub(crate) fn convert_doc(doc: &mut Doc) -> Script {
    let mut han = None;
    let mut changed = 0usize;
    doc.pass(|text, rw: &mut Rewriter| {
        let changes = changes();
        let converter = get_builtin_converter(Variant::ZhCN);
        let mut out = String::new();
        // No conversion rule holds a line break, so converting line by line is converting
        // the text.
        for line in crate::text::lines(text) {
            if !changes.may_change(line) {
                rw.keep(line);
                continue;
            }
            out.clear();
            converter.convert_to(line, &mut out);
            if out == line {
                rw.keep(line);
                continue;
            }
            // The Han chars of the whole text at once, the first time a line changes:
            // counted line by line, each count's set-up cost more than the count.
            han.get_or_insert_with(|| crate::text::count_han(text));
            // Most conversions are one character for one: a line whose every char became one
            // of the same length in bytes is replaced in place (no offset moves); otherwise
            // unchanged characters are kept as they are, so offsets stay exact. A phrase that
            // changes length replaces the line.
            // One walk over both: how many chars differ, whether all kept their width in
            // bytes, and whether the two have as many chars.
            let (mut ins, mut outs) = (line.chars(), out.chars());
            let (mut differ, mut same_widths) = (0, true);
            let same_count = loop {
                match (ins.next(), outs.next()) {
                    (Some(a), Some(b)) => {
                        differ += usize::from(a != b);
                        same_widths &= a.len_utf8() == b.len_utf8();
                    }
                    (None, None) => break true,
                    _ => break false,
                }
            };
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
                changed += differ.max(1);
                rw.replace(line, &out, None);
            }
        }
    });
    judge(han.unwrap_or(0), changed)
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
    fn lines_that_cannot_change_are_told_apart() {
        let changes = changes();
        // Simplified text: none of its chars or phrases is a rule that changes.
        assert!(!changes.may_change("坚持创新驱动发展战略，科技工作取得显著成效。\n"));
        assert!(!changes.may_change("著名品牌12个，部分指标完成"));
        // A traditional char; a phrase of simplified chars that changes (著力→着力, 部份→部分).
        assert!(changes.may_change("堅持"));
        assert!(changes.may_change("全年著力推进"));
        assert!(changes.may_change("著力推进"));
        assert!(changes.may_change("大部份"));
        // Outside the Basic Multilingual Plane the table says nothing: converted.
        assert!(changes.may_change("\u{20000}"));
    }

    #[test]
    fn every_rule_that_changes_text_is_seen() {
        let changes = changes();
        let rules = get_builtin_tables(Variant::ZhCN)
            .iter()
            .flat_map(|&t| expand_table(t));
        let mut n = 0;
        for (from, _) in rules {
            if to_simplified(&from) != from {
                assert!(changes.may_change(&from), "{from}");
                n += 1;
            }
        }
        assert!(n > 4000, "{n} rules");
        // And every char that converts alone.
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            if to_simplified(&s) != s {
                assert!(changes.may_change(&s), "{c}");
            }
        }
    }

    #[test]
    fn lines_passed_over_are_those_conversion_leaves() {
        // Random lines of simplified chars, the chars of the phrase rules and traditional
        // chars: whatever the look passes over, conversion leaves unchanged.
        let changes = changes();
        let pool: Vec<char> = "科技工作著力部份名分么二三叔反覆回上昇提人智慧能一釐穿者，。1業發"
            .chars()
            .collect();
        let mut below = crate::text::below(0x9E37_79B9_7F4A_7C15);
        let mut next = |n: usize| below(n as u64) as usize;
        let (mut passed, mut seen) = (0, 0);
        for _ in 0..20_000 {
            let len = 1 + next(12);
            let line: String = (0..len)
                .filter_map(|_| pool.get(next(pool.len())))
                .collect();
            if changes.may_change(&line) {
                seen += 1;
            } else {
                assert_eq!(to_simplified(&line), line);
                passed += 1;
            }
        }
        assert!(passed > 1000 && seen > 1000, "{passed} passed, {seen} seen");
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

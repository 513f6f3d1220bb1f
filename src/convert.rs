//! Traditional to mainland simplified Chinese (SPEC §1, convert), with zhconv's `zh-CN`
//! tables: `ZhHans` would give 餘→馀 and 諮→谘, which mainland text does not use.

use std::sync::OnceLock;

use zhconv::{get_builtin_converter, get_builtin_tables, tables::expand_table, zhconv, Variant};

use crate::edit::{Doc, Rewriter};
use crate::report::Script;
use crate::text::{CharIndex, CharSet, Runs};

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
    /// The changing sources that hold no char of `alone`.
    phrases: Phrases,
}

/// A list of words of two chars or more, looked for where their first two chars stand.
struct Phrases {
    /// Sorted by bytes, so by first char.
    list: Vec<String>,
    /// The runs of `list` by first char.
    runs: Runs,
    /// The first two chars of each word.
    pairs: PairSet,
}

impl Phrases {
    /// The words of `list` (a word of one char is never found: each caller handles those).
    fn new(mut list: Vec<String>) -> Self {
        list.sort_unstable();
        list.dedup();
        let mut pairs = PairSet(vec![0; PAIR_WORDS]);
        for p in &list {
            let mut cs = p.chars();
            if let (Some(a), Some(b)) = (cs.next(), cs.next()) {
                pairs.insert(a, b);
            }
        }
        Phrases {
            runs: Runs::new(list.iter().map(|p| p.chars().next())),
            list,
            pairs,
        }
    }

    /// True when a word starts at `p` in `line`, whose char there is `a` and next `b`.
    fn at(&self, line: &str, p: usize, a: char, b: char) -> bool {
        if !self.pairs.may_hold(a, b) {
            return false;
        }
        let words = self
            .runs
            .of(a)
            .and_then(|r| self.list.get(r))
            .unwrap_or(&[]);
        let rest = line.get(p..).unwrap_or("");
        words.iter().any(|w| crate::text::starts_with_word(rest, w))
    }
}

/// The bits of a bitmap of pairs (32 KB): with a few thousand pairs, one pair in a hundred
/// that starts no word looks like one.
const PAIR_BITS: u32 = 18;
const PAIR_WORDS: usize = 1 << (PAIR_BITS - 6);

/// A set of pairs of chars, as a bitmap of their hashes: no false negatives, a few false
/// positives (which only cost a look at the words).
struct PairSet(Vec<u64>);

impl PairSet {
    fn bit(&self, a: char, b: char) -> (usize, u64) {
        let h = (a as u32).wrapping_mul(0x9E37_79B1) ^ (b as u32);
        // The top bits of the product, as many as the bitmap needs (its size is a power of
        // two).
        let h = (h.wrapping_mul(0x85EB_CA77) >> (32 - PAIR_BITS)) as usize;
        (h >> 6, 1 << (h & 63))
    }

    fn insert(&mut self, a: char, b: char) {
        let (w, m) = self.bit(a, b);
        if let Some(word) = self.0.get_mut(w) {
            *word |= m;
        }
    }

    fn may_hold(&self, a: char, b: char) -> bool {
        let (w, m) = self.bit(a, b);
        self.0.get(w).is_some_and(|word| word & m != 0)
    }
}

impl Changes {
    fn new() -> Self {
        let rules: Vec<(String, String)> = rules().filter(|(from, to)| from != to).collect();
        let alone = CharSet::of_chars(rules.iter().filter_map(|(from, _)| one_char(from)));
        // A source of one char not in `alone` is outside the plane: lines with such chars
        // are always converted.
        let phrases = rules
            .into_iter()
            .map(|(from, _)| from)
            .filter(|from| !from.chars().any(|c| alone.contains(c)))
            .collect();
        Changes {
            alone,
            phrases: Phrases::new(phrases),
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
            if prev.is_some_and(|(p, a)| self.phrases.at(line, p, a, c)) {
                return true;
            }
            prev = Some((i, c));
        }
        false
    }
}

/// zhconv's `zh-CN` rules, (source, target), as its converter is built from them.
fn rules() -> impl Iterator<Item = (String, String)> {
    get_builtin_tables(Variant::ZhCN)
        .iter()
        .flat_map(|&table| expand_table(table))
}

/// The char of a one-char string.
fn one_char(s: &str) -> Option<char> {
    let mut cs = s.chars();
    cs.next().filter(|_| cs.next().is_none())
}

fn changes() -> &'static Changes {
    static CHANGES: OnceLock<Changes> = OnceLock::new();
    CHANGES.get_or_init(Changes::new)
}

/// Conversion char by char, for the lines that hold no source of two chars or more: zhconv
/// replaces only whole sources, the longest first, so where no longer source stands each char
/// becomes what it becomes alone. Most lines of a traditional report are such lines (in the
/// seeds, nine in ten), and this is a few times quicker than the automaton.
struct ByChars {
    /// The chars that a one-char rule changes, numbered in order.
    chars: CharIndex,
    /// What zhconv makes of each of `chars` alone, in their order: one char (all of them in
    /// zhconv's tables), or a string.
    targets: Vec<Result<char, String>>,
    /// Every source of two chars or more, changing or not (著名 stops 著).
    longer: Phrases,
}

impl ByChars {
    fn new() -> Self {
        let alone = &changes().alone;
        let chars: Vec<char> = (0..=0xFFFF)
            .filter_map(char::from_u32)
            .filter(|&c| alone.contains(c))
            .collect();
        let mut buf = [0u8; 4];
        let targets = chars
            .iter()
            .map(|c| {
                let t = to_simplified(c.encode_utf8(&mut buf));
                one_char(&t).ok_or(t)
            })
            .collect();
        let longer = rules()
            .map(|(from, _)| from)
            .filter(|from| from.chars().nth(1).is_some())
            .collect();
        ByChars {
            chars: CharIndex::new(chars),
            targets,
            longer: Phrases::new(longer),
        }
    }

    /// Writes the conversion of `line` to `out` and returns how the two differ, or returns
    /// None (with `out` cut short) when a source of two chars or more may stand in it, or a
    /// char outside the plane, which the table does not hold.
    fn convert(&self, line: &str, out: &mut String) -> Option<Diff> {
        out.reserve(line.len());
        let mut prev: Option<(usize, char)> = None;
        let (mut differ, mut same_widths, mut one_for_one) = (0, true, true);
        for (i, c) in line.char_indices() {
            if c > '\u{FFFF}' || prev.is_some_and(|(p, a)| self.longer.at(line, p, a, c)) {
                return None;
            }
            match self.chars.index(c).and_then(|k| self.targets.get(k)) {
                Some(&Ok(t)) => {
                    out.push(t);
                    differ += usize::from(t != c);
                    same_widths &= t.len_utf8() == c.len_utf8();
                }
                Some(Err(t)) => {
                    out.push_str(t);
                    one_for_one = false;
                }
                None => out.push(c),
            }
            prev = Some((i, c));
        }
        // A char that became several shifts the chars after it: counted as the walk over both
        // counts them.
        Some(if one_for_one {
            Diff {
                differ,
                same_widths,
                same_count: true,
            }
        } else {
            Diff::of(line, out)
        })
    }
}

fn by_chars() -> &'static ByChars {
    static BY_CHARS: OnceLock<ByChars> = OnceLock::new();
    BY_CHARS.get_or_init(ByChars::new)
}

/// How a line and its conversion differ, char by char in order.
struct Diff {
    /// How many chars differ (of those the two have at the same places).
    differ: usize,
    /// Every char has the width in bytes of the one in its place.
    same_widths: bool,
    /// The two have as many chars.
    same_count: bool,
}

impl Diff {
    /// One walk over both.
    fn of(line: &str, out: &str) -> Self {
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
        Diff {
            differ,
            same_widths,
            same_count,
        }
    }
}

/// Converts the document line by line, so that offsets of earlier cleaning move with it.
/// Returns the script the text was in.
pub(crate) fn convert_doc(doc: &mut Doc) -> Script {
    // The Han chars are counted only when a line changes (a simplified report needs no
    // count), a run of lines at a time; on many threads every run counts its own, as the
    // runs that change cannot tell the others to.
    let every_run = doc.line_threads() > 1;
    let runs = doc.pass_by_lines(|text, rw: &mut Rewriter| {
        let mut han = None;
        let mut changed = 0usize;
        let changes = changes();
        let mut out = String::new();
        // No conversion rule holds a line break, so converting line by line is converting
        // the text.
        for line in crate::text::lines(text) {
            if !changes.may_change(line) {
                rw.keep(line);
                continue;
            }
            out.clear();
            let diff = match by_chars().convert(line, &mut out) {
                Some(diff) => diff,
                None => {
                    // Built on first use: a simplified report never builds the automaton.
                    out.clear();
                    get_builtin_converter(Variant::ZhCN).convert_to(line, &mut out);
                    Diff::of(line, &out)
                }
            };
            let Diff {
                differ,
                same_widths,
                same_count,
            } = diff;
            if differ == 0 && same_count {
                rw.keep(line);
                continue;
            }
            // The Han chars of the whole run at once, the first time a line changes:
            // counted line by line, each count's set-up cost more than the count.
            han.get_or_insert_with(|| crate::text::count_han(text));
            // Most conversions are one character for one: a line whose every char became one
            // of the same length in bytes is replaced in place (no offset moves); otherwise
            // unchanged characters are kept as they are, so offsets stay exact. A phrase that
            // changes length replaces the line.
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
        if every_run {
            han.get_or_insert_with(|| crate::text::count_han(text));
        }
        (han, changed)
    });
    let changed = runs.iter().map(|&(_, c)| c).sum();
    let han = runs.iter().filter_map(|&(h, _)| h).sum();
    judge(han, changed)
}

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
        let mut n = 0;
        for (from, _) in rules() {
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

    /// 20,000 lines of 1 to 12 chars drawn from `pool`, the same for the same seed.
    fn random_lines(pool: &str, seed: u64) -> impl Iterator<Item = String> {
        let pool: Vec<char> = pool.chars().collect();
        let mut below = crate::text::below(seed);
        let mut next = move |n: usize| below(n as u64) as usize;
        (0..20_000).map(move |_| {
            let len = 1 + next(12);
            (0..len)
                .filter_map(|_| pool.get(next(pool.len())))
                .collect()
        })
    }

    #[test]
    fn lines_passed_over_are_those_conversion_leaves() {
        // Random lines of simplified chars, the chars of the phrase rules and traditional
        // chars: whatever the look passes over, conversion leaves unchanged.
        let changes = changes();
        let pool = "科技工作著力部份名分么二三叔反覆回上昇提人智慧能一釐穿者，。1業發";
        let (mut passed, mut seen) = (0, 0);
        for line in random_lines(pool, 0x9E37_79B9_7F4A_7C15) {
            if changes.may_change(&line) {
                seen += 1;
            } else {
                assert_eq!(to_simplified(&line), line);
                passed += 1;
            }
        }
        assert!(passed > 1000 && seen > 1000, "{passed} passed, {seen} seen");
    }

    /// What zhconv makes of `line`, and how it differs, when the char-by-char conversion
    /// takes the line (None when it leaves it to zhconv).
    fn by_chars_of(line: &str) -> Option<(String, Diff)> {
        let mut out = String::new();
        by_chars().convert(line, &mut out).map(|d| (out, d))
    }

    fn same_diff(a: &Diff, b: &Diff) -> bool {
        (a.differ, a.same_widths, a.same_count) == (b.differ, b.same_widths, b.same_count)
    }

    #[test]
    fn char_by_char_conversion_is_zhconvs() {
        // Each char a one-char rule changes, alone.
        let mut n = 0;
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            let z = to_simplified(&s);
            if let Some((out, diff)) = by_chars_of(&s) {
                assert_eq!(out, z, "{c}");
                assert!(same_diff(&diff, &Diff::of(&s, &z)), "{c}");
                n += usize::from(z != s);
            }
        }
        assert!(n > 3500, "{n} chars converted");
        // Every source of two chars or more is left to zhconv: its rule may not be its
        // chars' one by one (著名 stays, 乾隆 stays, 記憶體 becomes 内存).
        for (from, _) in rules() {
            if from.chars().nth(1).is_some() {
                assert!(by_chars_of(&from).is_none(), "{from}");
            }
        }
    }

    #[test]
    fn lines_converted_char_by_char_are_converted_as_zhconv_does() {
        // Random lines of traditional chars, chars that start longer rules and chars around
        // them: what the char-by-char conversion takes, it converts as zhconv does.
        let pool = "業發展顯著名乾隆記憶體軟體著力部份科技工作領導，。1a堅持創新";
        let (mut taken, mut left) = (0, 0);
        for line in random_lines(pool, 0x2545_F491_4F6C_DD1D) {
            match by_chars_of(&line) {
                Some((out, diff)) => {
                    let z = to_simplified(&line);
                    assert_eq!(out, z, "{line}");
                    assert!(same_diff(&diff, &Diff::of(&line, &z)), "{line}");
                    taken += 1;
                }
                None => left += 1,
            }
        }
        assert!(taken > 1000 && left > 1000, "{taken} taken, {left} left");
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

//! Character classes and small helpers shared by the stages.

use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

/// One automaton for constant lists of words (their patterns numbered in order, list after
/// list), built on first use and kept in `cell`.
#[allow(clippy::expect_used)]
pub(crate) fn words(
    cell: &'static OnceLock<AhoCorasick>,
    lists: &[&[&str]],
    kind: MatchKind,
) -> &'static AhoCorasick {
    // The lists are constants: building cannot fail on any input.
    cell.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(kind)
            .build(lists.iter().flat_map(|l| l.iter()))
            .expect("constant word list")
    })
}

/// Every occurrence of one of `targets` in `text`, with its byte offset, in order. Each
/// target is found by a SIMD substring search of its UTF-8 bytes (a full-width `（` shares its
/// lead byte with all the punctuation of Chinese text, so a scan of lead bytes would stop at
/// every comma), and the searches are merged.
pub(crate) fn char_positions<'a>(
    text: &'a str,
    targets: &[char],
) -> impl Iterator<Item = (usize, char)> + 'a {
    let hay = text.as_bytes();
    // Per target: its finder and its next occurrence.
    let mut found: Vec<(Option<usize>, char, memchr::memmem::Finder<'static>)> = targets
        .iter()
        .map(|&c| {
            let mut buf = [0u8; 4];
            let f = memchr::memmem::Finder::new(c.encode_utf8(&mut buf).as_bytes()).into_owned();
            (f.find(hay), c, f)
        })
        .collect();
    std::iter::from_fn(move || {
        let (at, c, f) = found
            .iter_mut()
            .filter(|(at, _, _)| at.is_some())
            .min_by_key(|(at, _, _)| *at)?;
        let p = (*at)?;
        let from = p + c.len_utf8();
        *at = hay.get(from..).and_then(|h| f.find(h)).map(|q| from + q);
        Some((p, *c))
    })
}

/// A set of chars of the Basic Multilingual Plane as a bitmap (8 KB): one look per char, for
/// scans that stop at a few dozen chars among all the Han text. Chars above the plane are
/// never members.
pub(crate) struct CharSet([u64; 1024]);

impl CharSet {
    /// The first chars of `words`.
    pub(crate) fn of_firsts<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        Self::of(words.into_iter().filter_map(|w| w.chars().next()))
    }

    /// The last chars of `words`.
    pub(crate) fn of_lasts<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        Self::of(words.into_iter().filter_map(|w| w.chars().next_back()))
    }

    fn of(chars: impl Iterator<Item = char>) -> Self {
        let mut bits = [0u64; 1024];
        for c in chars {
            let n = c as usize;
            if let Some(word) = bits.get_mut(n >> 6) {
                *word |= 1 << (n & 63);
            }
        }
        CharSet(bits)
    }

    /// True when `c` is in the set.
    pub(crate) fn contains(&self, c: char) -> bool {
        let n = c as usize;
        self.0.get(n >> 6).is_some_and(|w| w >> (n & 63) & 1 == 1)
    }
}

/// True when `word` stands in `cs` at `i`.
pub(crate) fn starts_with_at(cs: &[char], i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| cs.get(i + k) == Some(&w))
}

/// The chars of a whole text, in a vector sized first (growing one of millions page-faults
/// and copies).
pub(crate) fn char_vec(text: &str) -> Vec<char> {
    let mut cs = Vec::with_capacity(text.chars().count());
    cs.extend(text.chars());
    cs
}

/// A text as chars, each with its byte offset: read by char index (it derefs to `[char]`)
/// and any span borrowed as a `&str`, so that no string is built to look at one.
pub(crate) struct Chars<'a> {
    text: &'a str,
    cs: Vec<char>,
    /// The byte offset of each char, and the text's length after the last.
    at: Vec<usize>,
}

impl<'a> Chars<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        // Sized first: growing vectors of millions page-faults and copies.
        let n = text.chars().count();
        let mut cs = Vec::with_capacity(n);
        let mut at = Vec::with_capacity(n + 1);
        for (i, c) in text.char_indices() {
            at.push(i);
            cs.push(c);
        }
        at.push(text.len());
        Chars { text, cs, at }
    }

    /// The chars `a..b` as text (clamped to the text; empty when `a >= b`).
    pub(crate) fn str(&self, a: usize, b: usize) -> &'a str {
        let n = self.cs.len();
        let (a, b) = (a.min(n), b.min(n));
        match (self.at.get(a), self.at.get(b)) {
            (Some(&x), Some(&y)) if x < y => self.text.get(x..y).unwrap_or(""),
            _ => "",
        }
    }
}

impl std::ops::Deref for Chars<'_> {
    type Target = [char];
    fn deref(&self) -> &[char] {
        &self.cs
    }
}

/// A Han ideograph (CJK Unified Ideographs and their extensions, compatibility ideographs).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// How many chars of `s` `pred` holds for, where `by_lead` may answer for a char from its
/// first byte alone (`Some`), so that most chars of Chinese text are never decoded.
pub(crate) fn count_chars(
    s: &str,
    by_lead: impl Fn(u8) -> Option<bool>,
    pred: impl Fn(char) -> bool,
) -> usize {
    let bytes = s.as_bytes();
    let (mut n, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        // `i` is always on a char boundary, so `b` leads a char and tells its width.
        if let Some(yes) = by_lead(b) {
            n += usize::from(yes);
            i += match b {
                0..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            continue;
        }
        match s.get(i..).and_then(|r| r.chars().next()) {
            Some(c) => {
                n += usize::from(pred(c));
                i += c.len_utf8();
            }
            None => break,
        }
    }
    n
}

/// How many chars of `s` are Han ([`is_han`]).
pub(crate) fn count_han(s: &str) -> usize {
    // E5..E9 lead the three-byte forms of U+5000..U+9FFF, all CJK Unified Ideographs.
    count_chars(s, |b| (0xE5..=0xE9).contains(&b).then_some(true), is_han)
}

/// How many chars of `s` are not whitespace.
pub(crate) fn visible_len(s: &str) -> usize {
    // Whitespace beyond ASCII (U+0085, U+00A0, U+1680, U+2000.., U+3000) starts with C2, E1,
    // E2 or E3: only chars with those first bytes are decoded.
    let by_lead = |b: u8| match b {
        0..=0x7F => Some(!char::from(b).is_whitespace()),
        0xC2 | 0xE1..=0xE3 => None,
        _ => Some(true),
    };
    count_chars(s, by_lead, |c| !c.is_whitespace())
}

/// CJK punctuation and full-width forms that sit between Han characters without spaces.
pub(crate) fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

/// Han or CJK punctuation: the characters letter-spacing is removed between.
pub(crate) fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Ends a sentence (or a clause that can end a paragraph).
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '；'
            | ';'
            | '…'
            | '”'
            | '’'
            | '"'
            | '）'
            | ')'
            | '：'
            | ':'
            | '】'
            | '》'
    )
}

/// The value of a Chinese digit (一…九, 〇/零, 两).
pub(crate) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Reads a Chinese numeral of tens and units (一, 十, 十二, 二十三, 九十九) as a number.
/// Larger numbers are the facts stage's business.
pub(crate) fn small_cn_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] if *d == '十' || *d == '拾' => Some(10),
        [d] => cn_digit(*d),
        [t, d] if *t == '十' || *t == '拾' => cn_digit(*d).map(|v| 10 + v),
        [d, t] if *t == '十' || *t == '拾' => cn_digit(*d).map(|v| v * 10),
        [d, t, u] if *t == '十' || *t == '拾' => Some(cn_digit(*d)? * 10 + cn_digit(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_positions_find_full_width_chars_among_punctuation() {
        // ， (EF BC 8C) shares its first two bytes with （ (EF BC 88): only （ is found.
        let t = "领(lǐng)导，组（zǔ）长(";
        let found: Vec<(usize, char)> = char_positions(t, &['(', '（']).collect();
        let expected: Vec<(usize, char)> = t
            .char_indices()
            .filter(|&(_, c)| c == '(' || c == '（')
            .collect();
        assert_eq!(found, expected);
        assert_eq!(found.len(), 3);
        assert_eq!(char_positions("", &['(']).count(), 0);
    }

    #[test]
    fn char_positions_merge_several_targets_in_order() {
        let t = "x＊×Ｘ*X，x";
        let found: Vec<char> = char_positions(t, &['x', 'X', '*', '＊', '×', 'Ｘ'])
            .map(|(_, c)| c)
            .collect();
        assert_eq!(found, vec!['x', '＊', '×', 'Ｘ', '*', 'X', 'x']);
    }

    #[test]
    fn char_sets_of_first_and_last_chars() {
        let firsts = CharSet::of_firsts(["有", "新增", "项目项"]);
        for c in ['有', '新', '项'] {
            assert!(firsts.contains(c), "{c}");
        }
        for c in ['增', '目', 'a', '\u{20000}'] {
            assert!(!firsts.contains(c), "{c}");
        }
        let lasts = CharSet::of_lasts(["超过", "逾", "\u{20000}"]);
        assert!(lasts.contains('过') && lasts.contains('逾') && !lasts.contains('超'));
        // Above the Basic Multilingual Plane nothing is a member.
        assert!(!lasts.contains('\u{20000}'));
    }

    #[test]
    fn chars_borrow_spans_by_char_index() {
        let t = "共12项，a领导";
        let cs = Chars::new(t);
        assert_eq!(cs.len(), 8);
        assert_eq!(cs.get(1), Some(&'1'));
        assert_eq!(cs.str(0, 4), "共12项");
        assert_eq!(cs.str(5, 8), "a领导");
        assert_eq!(cs.str(6, 99), "领导");
        assert_eq!(cs.str(4, 2), "");
        assert_eq!(Chars::new("").str(0, 1), "");
    }

    #[test]
    fn visible_len_counts_what_is_not_whitespace() {
        let t = "一、 领 导\u{3000}\u{A0}\u{85}\u{1680}\u{2003}\u{202F}x\u{1F}é𠀀\t\r\n";
        let expected = t.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(visible_len(t), expected);
        assert_eq!(expected, 8);
    }

    #[test]
    fn count_han_agrees_with_is_han() {
        let t = "領(lǐng)導䷀㐀丁鿿﨑𠀀𱍐 ab，。\u{4DC0}";
        let expected = t.chars().filter(|&c| is_han(c)).count();
        assert_eq!(count_han(t), expected);
        assert_eq!(expected, 7); // not ䷀ (U+4DC0) nor U+31350
        assert_eq!(count_han(""), 0);
    }

    #[test]
    fn small_numbers() {
        assert_eq!(small_cn_number("一"), Some(1));
        assert_eq!(small_cn_number("十"), Some(10));
        assert_eq!(small_cn_number("十二"), Some(12));
        assert_eq!(small_cn_number("二十"), Some(20));
        assert_eq!(small_cn_number("三十四"), Some(34));
        assert_eq!(small_cn_number("百"), None);
    }

    #[test]
    fn classes() {
        assert!(is_han('科'));
        assert!(is_han('𠀀'));
        assert!(!is_han('A'));
        assert!(is_cjk_punct('，'));
        assert!(is_cjk_punct('。'));
        assert!(!is_cjk_punct(','));
    }
}

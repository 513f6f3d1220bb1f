//! Character classes and small helpers shared by the stages.

use std::sync::OnceLock;

/// Constant lists of words, searched by their first chars: one bitmap look per char of the
/// text, and only the words that start with the char met are compared. Over the short clauses
/// the facts read this is quicker than an automaton (no set-up per search), and over whole
/// lines of Chinese text it is as quick (no prefilter skips bytes that every Han char shares).
pub(crate) struct Words {
    /// Every word with the index of its list, sorted, so that the words with one first char
    /// are a run.
    sorted: Vec<(&'static str, usize)>,
    /// The runs of `sorted` by first char.
    runs: Runs,
}

/// The runs of a sorted list of words by their first chars: for a char, the range of the
/// words it starts, found by the char's rank among the first chars (no search).
pub(crate) struct Runs {
    /// The first chars, numbered in order.
    firsts: CharIndex,
    /// Where each first char's run starts, in the order of the chars; and then the end of
    /// the last run.
    starts: Vec<usize>,
}

impl Runs {
    /// The runs of words whose first chars are `firsts`, in the words' (sorted) order.
    pub(crate) fn new(firsts: impl IntoIterator<Item = Option<char>>) -> Self {
        let mut starts = Vec::new();
        let mut chars = Vec::new();
        let mut last = None;
        let mut n = 0;
        for c in firsts {
            if c != last {
                starts.push(n);
                chars.extend(c);
                last = c;
            }
            n += 1;
        }
        starts.push(n);
        Runs {
            firsts: CharIndex::new(chars),
            starts,
        }
    }

    /// True when some word starts with `c` (one bitmap look).
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        self.firsts.contains(c)
    }

    /// The range of the words that start with `c`.
    pub(crate) fn of(&self, c: char) -> Option<std::ops::Range<usize>> {
        let run = self.firsts.index(c)?;
        Some(*self.starts.get(run)?..*self.starts.get(run + 1)?)
    }
}

impl Words {
    /// The words of `lists` (empty words are left out: they would match everywhere).
    pub(crate) fn new(lists: &[&[&'static str]]) -> Self {
        let mut sorted: Vec<(&'static str, usize)> = lists
            .iter()
            .enumerate()
            .flat_map(|(k, l)| l.iter().map(move |&w| (w, k)))
            .filter(|(w, _)| !w.is_empty())
            .collect();
        sorted.sort_unstable();
        Words {
            runs: Runs::new(sorted.iter().map(|&(w, _)| w.chars().next())),
            sorted,
        }
    }

    /// The longest word `s` starts with (`c` is its first char): its length in bytes and its
    /// list. Of two equally long, the one of the earlier list.
    fn longest_at(&self, s: &str, c: char) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for &(w, k) in self.sorted.get(self.runs.of(c)?).unwrap_or(&[]) {
            if starts_with_word(s, w) && best.is_none_or(|(n, _)| w.len() > n) {
                best = Some((w.len(), k));
            }
        }
        best
    }

    /// True when a word stands anywhere in `s`.
    pub(crate) fn is_match(&self, s: &str) -> bool {
        // The bitmap look inline; the words only where it says one may start.
        s.char_indices().any(|(i, c)| {
            self.runs.contains(c) && self.longest_at(s.get(i..).unwrap_or(""), c).is_some()
        })
    }

    /// The lists that have a word anywhere in `s`, as bits: list `k` is bit `k` (lists past
    /// the 64th are never told). Every word at every place is looked at, overlapping or not.
    pub(crate) fn lists_in(&self, s: &str) -> u64 {
        let mut bits = 0u64;
        for (i, c) in s.char_indices() {
            if !self.runs.contains(c) {
                continue;
            }
            let rest = s.get(i..).unwrap_or("");
            for &(w, k) in self
                .sorted
                .get(self.runs.of(c).unwrap_or(0..0))
                .unwrap_or(&[])
            {
                if starts_with_word(rest, w) {
                    bits |= u32::try_from(k)
                        .ok()
                        .and_then(|k| 1u64.checked_shl(k))
                        .unwrap_or(0);
                }
            }
        }
        bits
    }

    /// The words in `s` as (start, end, list), leftmost first and of those the longest, each
    /// search going on after the word found.
    pub(crate) fn find_iter<'s>(
        &'s self,
        s: &'s str,
    ) -> impl Iterator<Item = (usize, usize, usize)> + 's {
        let mut from = 0;
        std::iter::from_fn(move || {
            let rest = s.get(from..)?;
            let (i, (len, k)) = rest.char_indices().find_map(|(i, c)| {
                if !self.runs.contains(c) {
                    return None;
                }
                self.longest_at(rest.get(i..).unwrap_or(""), c)
                    .map(|m| (i, m))
            })?;
            let start = from + i;
            from = start + len;
            Some((start, start + len, k))
        })
    }

    /// The first word found by [`Words::find_iter`].
    pub(crate) fn find(&self, s: &str) -> Option<(usize, usize, usize)> {
        self.find_iter(s).next()
    }
}

/// `s.starts_with(w)` for a short word, byte by byte in line: a call to memcmp for a few
/// bytes costs more than the comparison.
pub(crate) fn starts_with_word(s: &str, w: &str) -> bool {
    s.as_bytes()
        .get(..w.len())
        .is_some_and(|head| head.iter().zip(w.bytes()).all(|(&x, y)| x == y))
}

/// `s.contains(w)` for a short `s` and word: `str::contains` builds a substring searcher at
/// every call, which costs more than reading a clause.
pub(crate) fn contains_word(s: &str, w: &str) -> bool {
    s.char_indices()
        .any(|(i, _)| s.get(i..).is_some_and(|r| starts_with_word(r, w)))
}

/// The [`Words`] of `lists`, built on first use and kept in `cell`.
pub(crate) fn words(cell: &'static OnceLock<Words>, lists: &[&[&'static str]]) -> &'static Words {
    cell.get_or_init(|| Words::new(lists))
}

/// The lines of `text`, each with its line feed, as `split_inclusive('\n')` gives them, but
/// found by SIMD `memchr` (std's char search reads a word at a time): every pass of cleaning
/// and every stage after it splits the whole text into lines.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut from = 0;
    let mut feeds = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        if from >= text.len() {
            return None;
        }
        let end = feeds.next().map_or(text.len(), |i| i + 1);
        let line = text.get(from..end);
        from = end;
        line
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

    /// The chars of the Basic Multilingual Plane that `pred` holds for.
    pub(crate) fn of_matching(pred: impl Fn(char) -> bool) -> Self {
        Self::of((0..=0xFFFF).filter_map(char::from_u32).filter(|&c| pred(c)))
    }

    /// The chars of `chars` (those of the Basic Multilingual Plane).
    pub(crate) fn of_chars(chars: impl IntoIterator<Item = char>) -> Self {
        Self::of(chars.into_iter())
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

/// A [`CharSet`] that also numbers its members in order (the rank of a char among them), in
/// one look and a bit count: a sorted table keyed by chars (the words that start with each,
/// say) is indexed without a search.
pub(crate) struct CharIndex {
    set: CharSet,
    /// How many members come before each word of the bitmap.
    before: Vec<u32>,
}

impl CharIndex {
    /// The index of `chars` (those of the Basic Multilingual Plane).
    pub(crate) fn new(chars: impl IntoIterator<Item = char>) -> Self {
        let set = CharSet::of(chars.into_iter());
        let mut before = Vec::with_capacity(set.0.len());
        let mut n = 0u32;
        for w in set.0 {
            before.push(n);
            n += w.count_ones();
        }
        CharIndex { set, before }
    }

    /// True when `c` is a member.
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        self.set.contains(c)
    }

    /// How many members are less than `c`, when `c` is one.
    pub(crate) fn index(&self, c: char) -> Option<usize> {
        let n = c as usize;
        let word = *self.set.0.get(n >> 6)?;
        let bit = 1u64 << (n & 63);
        if word & bit == 0 {
            return None;
        }
        let below = (word & (bit - 1)).count_ones();
        Some(self.before.get(n >> 6).map_or(0, |&b| b + below) as usize)
    }
}

/// A repeatable pseudo-random source for the unit tests: each call gives a number below its
/// argument, from the tests' one generator (`tests/support/rng.rs`).
#[cfg(test)]
pub(crate) fn below(seed: u64) -> impl FnMut(u64) -> u64 {
    let mut rng = crate::test_rng::Rng::new(seed);
    move |n| rng.below(usize::try_from(n).unwrap_or(usize::MAX)) as u64
}

/// True when `word` stands in `cs` at `i`.
pub(crate) fn starts_with_at(cs: &[char], i: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| cs.get(i + k) == Some(&w))
}

/// `chars` as a string, sized first: collecting chars into a `String` reserves a byte per
/// char and grows twice for Han text.
pub(crate) fn string_of(chars: &[char]) -> String {
    let mut s = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    s.extend(chars);
    s
}

/// `chars` without leading and trailing whitespace (as `str::trim`).
pub(crate) fn trim_chars(chars: &[char]) -> &[char] {
    let start = chars.iter().position(|c| !c.is_whitespace());
    let end = chars.iter().rposition(|c| !c.is_whitespace());
    match (start, end) {
        (Some(a), Some(b)) => chars.get(a..=b).unwrap_or(&[]),
        _ => &[],
    }
}

/// The chars of a whole text, in a vector sized first (growing one of millions page-faults
/// and copies).
pub(crate) fn char_vec(text: &str) -> Vec<char> {
    let mut cs = Vec::with_capacity(count_char_starts(text.as_bytes()));
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
        let mut cs = Chars {
            text,
            cs: Vec::new(),
            at: Vec::new(),
        };
        cs.set(text);
        cs
    }

    /// Makes this the chars of `text`, in the buffers of the text before (a stage that reads
    /// line after line allocates them once).
    pub(crate) fn set(&mut self, text: &'a str) {
        self.text = text;
        self.cs.clear();
        self.at.clear();
        // Sized first: growing vectors of millions page-faults and copies.
        let n = count_char_starts(text.as_bytes());
        self.cs.reserve(n);
        self.at.reserve(n + 1);
        for (i, c) in text.char_indices() {
            self.at.push(i);
            self.cs.push(c);
        }
        self.at.push(text.len());
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

/// How many bytes of `b` `pred` holds for: counted in blocks of 255 into a byte, a loop the
/// compiler vectorizes (a tenth of a nanosecond a byte; a char-by-char decode takes ~2 ns a
/// char).
fn count_bytes(b: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    b.chunks(255)
        .map(|block| usize::from(block.iter().fold(0u8, |n, &x| n + u8::from(pred(x)))))
        .sum()
}

/// The first ASCII digit of `b` at or after `from`: blocks of 64 bytes with none go by a
/// vectorized count (Chinese text holds few digits), then byte by byte.
pub(crate) fn next_ascii_digit(b: &[u8], mut from: usize) -> Option<usize> {
    while let Some(block) = b.get(from..from + 64) {
        if count_bytes(block, |x| x.is_ascii_digit()) > 0 {
            break;
        }
        from += 64;
    }
    let at = b.get(from..)?.iter().position(u8::is_ascii_digit)?;
    Some(from + at)
}

/// How many chars start in `b` (its bytes that are not continuation bytes).
pub(crate) fn count_char_starts(b: &[u8]) -> usize {
    count_bytes(b, |x| !(0x80..0xC0).contains(&x))
}

/// The char that starts at byte `i` of `s`, if a char starts there.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

/// Where a scan for a few chars looks, by their first byte: the ASCII bytes it wants, found
/// without decoding, and the (at most three) first bytes of the other chars it may want,
/// found by `memchr` and only then decoded. Most chars of Chinese text are never decoded.
pub(crate) struct Gate {
    /// The ASCII chars wanted.
    pub(crate) ascii: fn(u8) -> bool,
    /// The first bytes of every wanted char beyond ASCII.
    pub(crate) leads: &'static [u8],
}

impl Gate {
    /// True when `pred` holds for some char of `s`. `pred` must hold for every ASCII char
    /// `ascii` picks, and for no other char than those and chars led by one of `leads`.
    pub(crate) fn any(&self, s: &str, pred: impl Fn(char) -> bool) -> bool {
        let b = s.as_bytes();
        if count_bytes(b, self.ascii) > 0 {
            return true;
        }
        // A lead byte (C2 and up) only ever starts a char.
        let ask = |i: usize| char_at(s, i).is_some_and(&pred);
        match *self.leads {
            [] => false,
            [x] => memchr::memchr_iter(x, b).any(ask),
            [x, y] => memchr::memchr2_iter(x, y, b).any(ask),
            [x, y, z] => memchr::memchr3_iter(x, y, z, b).any(ask),
            _ => s.chars().any(pred),
        }
    }

    /// The first char this gate and `pred` disagree on (one `pred` holds for that the gate
    /// would never look at, or an ASCII one the gate takes and `pred` does not), or None.
    #[cfg(test)]
    pub(crate) fn disagreement(&self, pred: impl Fn(char) -> bool) -> Option<char> {
        (0..=0x10FFFF).filter_map(char::from_u32).find(|&c| {
            let mut buf = [0u8; 4];
            let first = c
                .encode_utf8(&mut buf)
                .as_bytes()
                .first()
                .copied()
                .unwrap_or(0);
            if c.is_ascii() {
                (self.ascii)(first) != pred(c)
            } else {
                pred(c) && !self.leads.contains(&first)
            }
        })
    }
}

/// How many chars of `s` are Han ([`is_han`]), told by bytes: E4..E9 lead U+4000..U+9FFF,
/// all Han but U+4DC0..U+4DFF (E4 B7); E3 leads Han from E3 90 (U+3400) on, EF from EF A4 to
/// EF AB (U+F900..U+FAFF). Chars beyond the BMP are decoded when F0 leads any.
pub(crate) fn count_han(s: &str) -> usize {
    let b = s.as_bytes();
    let next_is = |lead: u8, pred: fn(u8) -> bool| {
        memchr::memchr_iter(lead, b)
            .filter(|&i| b.get(i + 1).is_some_and(|&y| pred(y)))
            .count()
    };
    let bmp = (count_bytes(b, |x| matches!(x, 0xE4..=0xE9))
        + next_is(0xE3, |y| y >= 0x90)
        + next_is(0xEF, |y| matches!(y, 0xA4..=0xAB)))
    .saturating_sub(memchr::memmem::find_iter(b, &[0xE4, 0xB7]).count());
    let astral = match memchr::memchr(0xF0, b) {
        Some(i) => s
            .get(i..)
            .unwrap_or("")
            .chars()
            .filter(|&c| c > '\u{FFFF}' && is_han(c))
            .count(),
        None => 0,
    };
    bmp + astral
}

/// How many chars of `s` are not whitespace: its chars (the bytes that are no continuation
/// byte) less its whitespace, ASCII counted by bytes and the rest (U+0085, U+00A0, U+1680,
/// U+2000.., U+3000) decoded where C2, E1, E2 or E3 leads a char.
pub(crate) fn visible_len(s: &str) -> usize {
    let b = s.as_bytes();
    let chars = count_char_starts(b);
    let ascii_space = count_bytes(b, |x| matches!(x, b'\t'..=b'\r' | b' '));
    let is_space = |i: usize| char_at(s, i).is_some_and(char::is_whitespace);
    let other_space = memchr::memchr2_iter(0xC2, 0xE1, b)
        .filter(|&i| is_space(i))
        .count()
        + memchr::memchr2_iter(0xE2, 0xE3, b)
            .filter(|&i| is_space(i))
            .count();
    chars.saturating_sub(ascii_space + other_space)
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

/// A cursor over the rest of a string.
#[derive(Clone, Copy)]
pub(crate) struct Cursor<'a> {
    pub(crate) rest: &'a str,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        Cursor { rest: s }
    }

    /// Takes `p` if the rest starts with it.
    pub(crate) fn eat(&mut self, p: &str) -> bool {
        match self.rest.strip_prefix(p) {
            Some(r) => {
                self.rest = r;
                true
            }
            None => false,
        }
    }

    /// Takes the longest of `ps` that the rest starts with.
    pub(crate) fn eat_any(&mut self, ps: &[&str]) -> bool {
        // Compared in line, byte by byte: most words differ at their first byte or two, and a
        // call to memcmp per word cost more than that.
        let best = ps
            .iter()
            .filter(|p| crate::text::starts_with_word(self.rest, p))
            .max_by_key(|p| p.len());
        match best {
            Some(p) => self.eat(p),
            None => false,
        }
    }

    /// Takes one char that `f` accepts.
    pub(crate) fn eat_char(&mut self, f: impl Fn(char) -> bool) -> bool {
        match self.rest.chars().next() {
            Some(c) if f(c) => {
                self.rest = self.rest.get(c.len_utf8()..).unwrap_or("");
                true
            }
            _ => false,
        }
    }

    /// Takes chars while `f` accepts them; returns how many.
    pub(crate) fn eat_while(&mut self, f: impl Fn(char) -> bool) -> usize {
        self.eat_while_max(f, usize::MAX)
    }

    /// Takes at most `max` chars while `f` accepts them; returns how many. A matcher tried at
    /// many places of a text bounds its runs so, or a text of one long run costs the square
    /// of its length.
    pub(crate) fn eat_while_max(&mut self, f: impl Fn(char) -> bool, max: usize) -> usize {
        let mut n = 0;
        while n < max && self.eat_char(&f) {
            n += 1;
        }
        n
    }

    pub(crate) fn digits(&mut self) -> usize {
        self.eat_while(|c| c.is_ascii_digit())
    }

    pub(crate) fn spaces(&mut self) {
        self.eat_while(char::is_whitespace);
    }

    pub(crate) fn done(&self) -> bool {
        self.rest.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimmed_chars_are_trimmed_strings() {
        for t in [
            "",
            "  ",
            "\u{3000}一、总结 \u{3000}",
            "abc",
            " a b ",
            "\t甲\n",
        ] {
            let cs: Vec<char> = t.chars().collect();
            assert_eq!(string_of(trim_chars(&cs)), t.trim(), "{t:?}");
            assert_eq!(string_of(&cs), t);
        }
    }

    #[test]
    fn lists_in_tells_every_list_with_a_word_even_overlapping() {
        let w = Words::new(&[&["主要工作"], &["工作重点"], &["总结"], &[]]);
        // 主要工作 and 工作重点 share 工作: both lists are told.
        assert_eq!(w.lists_in("今年主要工作重点"), 0b011);
        assert_eq!(w.lists_in("工作总结"), 0b100);
        assert_eq!(w.lists_in("工作"), 0);
        assert_eq!(w.lists_in(""), 0);
    }

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
    fn contains_word_is_contains() {
        for (s, w) in [
            ("在去年的基础上", "基础上"),
            ("基础上扩大", "基础上"),
            ("基础", "基础上"),
            ("同比下降", "增长"),
            ("增长了", "增长"),
            ("", "增长"),
            ("a增长b", "增长"),
        ] {
            assert_eq!(contains_word(s, w), s.contains(w), "{s} {w}");
        }
    }

    #[test]
    fn char_index_numbers_its_members_in_order() {
        // Members spread over several words of the bitmap, and one at each end of a word.
        let members = ['\0', 'a', '\u{3f}', '\u{40}', '年', '新', '\u{FFFF}'];
        let index = CharIndex::new(members.iter().rev().copied());
        let mut sorted = members.to_vec();
        sorted.sort_unstable();
        for (k, &c) in sorted.iter().enumerate() {
            assert_eq!(index.index(c), Some(k), "{c:?}");
        }
        for c in ['b', '\u{41}', '长', '\u{FFFE}', '\u{20000}'] {
            assert_eq!(index.index(c), None, "{c:?}");
        }
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
        let odd = CharSet::of_matching(|c| c as u32 % 2 == 1);
        assert!(odd.contains('a') && !odd.contains('b') && !odd.contains('\u{10001}'));
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
        // Set to another text, it forgets the first.
        let mut cs = Chars::new(t);
        cs.set("领导");
        assert_eq!((cs.len(), cs.str(0, 2), cs.str(2, 9)), (2, "领导", ""));
    }

    #[test]
    fn next_digit_found_across_blocks() {
        let mut t = "领导".repeat(50).into_bytes();
        assert_eq!(next_ascii_digit(&t, 0), None);
        t.extend_from_slice(b"x7");
        let at = t.len() - 1;
        for from in [0, 1, 63, 64, 65, at] {
            assert_eq!(next_ascii_digit(&t, from), Some(at), "from {from}");
        }
        assert_eq!(next_ascii_digit(&t, at + 1), None);
        assert_eq!(next_ascii_digit(b"", 0), None);
    }

    #[test]
    fn lines_split_as_split_inclusive_does() {
        for t in ["", "\n", "a", "a\n", "一\n\n二\r\n三", "\n\n末", "领导\n"] {
            let expected: Vec<&str> = t.split_inclusive('\n').collect();
            assert_eq!(lines(t).collect::<Vec<_>>(), expected, "{t:?}");
        }
    }

    #[test]
    fn words_found_leftmost_then_longest_with_their_list() {
        let w = Words::new(&[&["拟", "计划", "力争"], &["模拟", "计划书"]]);
        // 模拟 starts before 拟 and wins; 计划书 is longer than 计划; then 拟 alone.
        let found: Vec<(usize, usize, usize)> = w.find_iter("模拟计划书，拟建").collect();
        assert_eq!(found, vec![(0, 6, 1), (6, 15, 1), (18, 21, 0)]);
        assert_eq!(w.find("今年力争"), Some((6, 12, 0)));
        assert!(w.is_match("全年力争"));
        assert!(!w.is_match("全年完成计"));
        assert_eq!(w.find(""), None);
        // Of two equal words the earlier list's wins.
        let dup = Words::new(&[&["拟"], &["拟"]]);
        assert_eq!(dup.find("拟"), Some((0, 3, 0)));
    }

    #[test]
    fn gates_catch_a_char_they_would_miss() {
        let han_gate = Gate {
            ascii: |_| false,
            leads: &[0xE4, 0xE5],
        };
        assert_eq!(han_gate.disagreement(|c| c == '丁'), None);
        assert_eq!(
            han_gate.disagreement(|c| c == '丁' || c == '技'),
            Some('技')
        );
        assert!(han_gate.any("科丁", |c| c == '丁'));
        assert!(!han_gate.any("科技", |c| c == '丁'));
    }

    #[test]
    fn han_counted_by_bytes_agrees_with_is_han_for_every_char() {
        let all: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        assert_eq!(count_han(&all), all.chars().filter(|&c| is_han(c)).count());
        for c in (0..=0x10FFFF).filter_map(char::from_u32).step_by(97) {
            let s = format!("a{c}，");
            assert_eq!(count_han(&s), usize::from(is_han(c)), "{c:?}");
        }
    }

    #[test]
    fn visible_len_agrees_with_is_whitespace_for_every_char() {
        let all: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        let expected = all.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(visible_len(&all), expected);
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

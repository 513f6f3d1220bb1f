//! Pinyin glosses after characters (`領(lǐng)導(dǎo)` → `領導`), stripped before conversion, since a
//! gloss inside a word breaks zhconv's phrase rules.

use crate::edit::Rewriter;
use crate::report::CleanKind;
use crate::text::Cursor;

pub(super) fn strip_pinyin(text: &str, rw: &mut Rewriter) {
    let mut last = 0;
    let glosses = pinyin_glosses(text);
    rw.reserve(glosses.len());
    for (start, end) in glosses {
        rw.keep(text.get(last..start).unwrap_or(""));
        rw.remove(text.get(start..end).unwrap_or(""), CleanKind::Pinyin);
        last = end;
    }
    rw.keep(text.get(last..).unwrap_or(""));
}

fn tone_mark(c: char) -> bool {
    matches!(
        c,
        'ā' | 'á'
            | 'ǎ'
            | 'à'
            | 'ē'
            | 'é'
            | 'ě'
            | 'è'
            | 'ī'
            | 'í'
            | 'ǐ'
            | 'ì'
            | 'ō'
            | 'ó'
            | 'ǒ'
            | 'ò'
            | 'ū'
            | 'ú'
            | 'ǔ'
            | 'ù'
            | 'ǖ'
            | 'ǘ'
            | 'ǚ'
            | 'ǜ'
            | 'ń'
            | 'ň'
            | 'ǹ'
            | 'ḿ'
    )
}

fn pinyin_char(c: char) -> bool {
    c.is_ascii_alphabetic()
        || c == 'ü'
        || c == ' '
        || tone_mark(c)
        || ('\u{300}'..='\u{36F}').contains(&c)
}

/// Byte ranges of pinyin glosses: a parenthesised run of pinyin syllables with at least one
/// tone mark (`(lǐng)`, `（dǎo）`), right after a Han character or a Latin letter.
pub(super) fn pinyin_glosses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, c) in crate::text::char_positions(text, &['(', '（']) {
        let prev = text.get(..i).and_then(|h| h.chars().next_back());
        if prev.is_some_and(|p| crate::text::is_han(p) || p.is_ascii_alphabetic())
            && out.last().is_none_or(|&(_, e)| e <= i)
        {
            let body = text.get(i + c.len_utf8()..).unwrap_or("");
            let mut cur = Cursor::new(body);
            // 39 chars tell a run too long for a gloss.
            let n = cur.eat_while_max(pinyin_char, 39);
            let inner = body.get(..body.len() - cur.rest.len()).unwrap_or("");
            if n > 0 && n <= 38 && inner.chars().any(tone_mark) && (cur.eat(")") || cur.eat("）"))
            {
                out.push((i, text.len() - cur.rest.len()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin() {
        let t = "領(lǐng)導(dǎo)和g(shù)dp，(注)保留，（ zhōng ）";
        let found: Vec<&str> = pinyin_glosses(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(found, vec!["(lǐng)", "(dǎo)", "(shù)"]);
    }
}

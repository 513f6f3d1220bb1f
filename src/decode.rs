//! Bytes to text (SPEC §1, decode).
//!
//! Order of decisions: a known binary signature is refused; a BOM decides; strict UTF-8 wins;
//! UTF-16 without a BOM is recognised by its NUL bytes; otherwise GB18030 and Big5 both decode
//! the bytes and the one that reads as more common Chinese wins. UTF-8 with a few broken
//! sequences (a scrape cut inside a character) stays UTF-8.
//!
//! UTF-8 and UTF-16 are decoded here. The legacy encodings (and any encoding a caller forces)
//! go through a [`Legacy`] decoder: encoding_rs on native targets, the browser's `TextDecoder`
//! in the page, whose tables the page then need not download.

use std::borrow::Cow;

use crate::error::Error;

/// Decodes bytes in a legacy or forced encoding: given a WHATWG label (`gb18030`, `big5`,
/// `gbk`, `utf-16le`, …), the text (malformed bytes as U+FFFD) and the encoding's canonical
/// name; `None` for a label it does not know.
pub type Legacy<'a> = &'a dyn Fn(&str, &[u8]) -> Option<(String, String)>;

/// Text read from bytes, and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text, without a BOM: the bytes themselves when they were well-formed UTF-8
    /// (the most common case: a copy of a large file would cost its size again).
    pub text: Cow<'a, str>,
    /// The lower-case WHATWG name of the encoding (`utf-8`, `gb18030`, `big5`, `utf-16le`).
    pub encoding: String,
}

/// Decodes `bytes` with encoding_rs. `forced` names an encoding (any WHATWG label: `gbk`,
/// `big5`, `utf-16le`, …) to use instead of detection.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode<'a>(bytes: &'a [u8], forced: Option<&str>) -> Result<Decoded<'a>, Error> {
    decode_with(bytes, forced, &encoding_rs_legacy)
}

/// The native legacy decoder.
#[cfg(not(target_arch = "wasm32"))]
pub fn encoding_rs_legacy(label: &str, bytes: &[u8]) -> Option<(String, String)> {
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let (text, _) = enc.decode_without_bom_handling(bytes);
    Some((text.into_owned(), enc.name().to_ascii_lowercase()))
}

/// Without a legacy decoder: GB18030 and Big5 are not read (UTF-8 with replacement stands in).
pub fn no_legacy(_label: &str, _bytes: &[u8]) -> Option<(String, String)> {
    None
}

/// Decodes `bytes`, with `legacy` for the legacy and forced encodings.
pub fn decode_with<'a>(
    bytes: &'a [u8],
    forced: Option<&str>,
    legacy: Legacy,
) -> Result<Decoded<'a>, Error> {
    if let Some(kind) = binary_signature(bytes) {
        return Err(Error::binary(kind));
    }
    if let Some(label) = forced
        .map(str::trim)
        .filter(|l| !l.is_empty() && *l != "auto")
    {
        let (bom, rest) = split_bom(bytes);
        let body = if bom.is_some() { rest } else { bytes };
        let (text, name) = legacy(label, body).ok_or_else(|| Error::encoding(label))?;
        return Ok(Decoded {
            text: Cow::Owned(text),
            encoding: name,
        });
    }
    if let (Some(bom), rest) = split_bom(bytes) {
        let text = match bom {
            Bom::Utf8 => String::from_utf8_lossy(rest).into_owned(),
            Bom::Utf16Le => utf16(rest, u16::from_le_bytes),
            Bom::Utf16Be => utf16(rest, u16::from_be_bytes),
        };
        return Ok(done(text, bom.name()));
    }
    if let Some(s) = utf8(bytes) {
        // UTF-16 of ASCII and of many Han characters (U+4E00–U+7FFF give two bytes below 0x80
        // in big-endian order) is valid UTF-8 holding NULs: it is tried below.
        if !s.contains('\0') {
            return Ok(Decoded {
                text: Cow::Borrowed(s),
                encoding: "utf-8".to_string(),
            });
        }
        if utf16_without_bom(bytes).is_none() {
            return Err(Error::binary("a file with NUL bytes"));
        }
    }
    if let Some(bom) = utf16_without_bom(bytes) {
        let text = match bom {
            Bom::Utf16Be => utf16(bytes, u16::from_be_bytes),
            _ => utf16(bytes, u16::from_le_bytes),
        };
        if !text.contains('\u{FFFD}') {
            return Ok(done(text, bom.name()));
        }
    }
    if bytes.iter().filter(|&&b| b == 0).count() > bytes.len() / 100 {
        return Err(Error::binary("a file with NUL bytes"));
    }
    let utf8 = String::from_utf8_lossy(bytes).into_owned();
    let utf8_bad = replacements(&utf8);
    let multibyte = bytes.iter().filter(|&&b| b >= 0x80).count();
    // A few bad sequences among many good ones: a UTF-8 file cut inside a character.
    if utf8_bad * 200 <= multibyte && utf8_bad <= 8 {
        return Ok(done(utf8, "utf-8"));
    }
    let mut best = (score(&utf8, utf8_bad), utf8, "utf-8".to_string());
    for label in ["gb18030", "big5"] {
        if let Some((text, name)) = legacy(label, bytes) {
            let s = score(&text, replacements(&text));
            // Ties go to GB18030, the more common, which comes first.
            if s > best.0 || (s == best.0 && best.2 == "utf-8") {
                best = (s, text, name);
            }
        }
    }
    Ok(Decoded {
        text: Cow::Owned(best.1),
        encoding: best.2,
    })
}

/// `bytes` as text when they are well-formed UTF-8.
fn utf8(bytes: &[u8]) -> Option<&str> {
    #[cfg(not(target_arch = "wasm32"))]
    return simdutf8::basic::from_utf8(bytes).ok();
    #[cfg(target_arch = "wasm32")]
    return std::str::from_utf8(bytes).ok();
}

fn done(text: String, name: &str) -> Decoded<'static> {
    Decoded {
        text: Cow::Owned(text),
        encoding: name.to_string(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bom {
    Utf8,
    Utf16Le,
    Utf16Be,
}

impl Bom {
    fn name(self) -> &'static str {
        match self {
            Bom::Utf8 => "utf-8",
            Bom::Utf16Le => "utf-16le",
            Bom::Utf16Be => "utf-16be",
        }
    }
}

fn split_bom(bytes: &[u8]) -> (Option<Bom>, &[u8]) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (Some(Bom::Utf8), rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (Some(Bom::Utf16Le), rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (Some(Bom::Utf16Be), rest)
    } else {
        (None, bytes)
    }
}

/// UTF-16 code units from byte pairs (an odd last byte is a broken unit), decoded with
/// replacement.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let mut units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| match p {
            [a, b] => unit([*a, *b]),
            _ => 0xFFFD,
        })
        .collect();
    if bytes.len() % 2 == 1 {
        units.push(0xFFFD);
    }
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

fn replacements(text: &str) -> usize {
    text.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// How much a decoding reads like Chinese: common characters count for, replacement
/// characters, private-use characters and C1 controls count against.
fn score(text: &str, bad: usize) -> i64 {
    let mut s: i64 = 0;
    for c in text.chars() {
        if COMMON.contains(c) {
            s += 2;
        } else if ('\u{E000}'..='\u{F8FF}').contains(&c) || ('\u{80}'..='\u{9F}').contains(&c) {
            s -= 4;
        } else if crate::text::is_cjk_punct(c) {
            s += 1;
        }
    }
    s - 10 * bad as i64
}

/// Recognises UTF-16 without a BOM by where its NUL bytes fall (ASCII characters, line
/// breaks and digits have a zero high byte).
fn utf16_without_bom(bytes: &[u8]) -> Option<Bom> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    // Han characters whose code ends in 00 (一 is U+4E00) put a few NULs on the other side:
    // one side must hold nearly all of them, not every one.
    let pairs = bytes.len() / 2;
    if odd > 3 * even && odd * 50 >= pairs.min(5000) {
        Some(Bom::Utf16Le)
    } else if even > 3 * odd && even * 50 >= pairs.min(5000) {
        Some(Bom::Utf16Be)
    } else {
        None
    }
}

/// Names the kind of file when `bytes` start with a known binary signature.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "a Word .doc (or other Office 97) file",
        ),
        (b"PK\x03\x04", "a zip archive (.docx, .xlsx or .zip)"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"RIFF", "a RIFF (WebP, WAV or AVI) file"),
        (b"\x7FELF", "an executable"),
        (b"MZ\x90\x00", "a Windows executable"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"{\\rtf", "an RTF document"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
    ];
    SIGS.iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, name)| *name)
}

/// Frequent characters of Chinese administrative prose, in both scripts: a decoding that
/// produces many of them is the right one.
const COMMON: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效院查江型眼王按格养易置派层片始却专状育厂京识适属包火住调满县局照参红细引听该铁价严\
這個們來時為說國會對發現於動過產種經學進與實開關當還點從業體長應問內總區標機頭資邊級圖統較將組見計別運農幾強決戰給門規熱領導壓濟階術極聯認權證單風書復顯項務區縣務計劃報績創發產業專設參與號稱難準質營際織裝響約團歷構勞廣傳許記條黨辦議雙億萬兩變據興義們";

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, UTF_16BE, UTF_16LE};

    const SAMPLE: &str =
        "二、堅持“六個抓手”，扎實推進科技工作。全年專利申請量2924件，同比增長41.7%。";
    const SIMPLE: &str =
        "二、坚持六个抓手，扎实推进科技工作。全年专利申请量2924件，同比增长41.7%。";

    #[test]
    fn utf8_plain_and_bom() {
        let d = decode(SIMPLE.as_bytes(), None).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.text, SIMPLE);
        // Well-formed UTF-8 is the bytes themselves, not a copy of them.
        assert!(matches!(d.text, Cow::Borrowed(_)));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(SIMPLE.as_bytes());
        let d = decode(&b, None).unwrap();
        assert_eq!(d.text, SIMPLE);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        for (enc, bom) in [(UTF_16LE, [0xFF, 0xFE]), (UTF_16BE, [0xFE, 0xFF])] {
            let units: Vec<u16> = SIMPLE.encode_utf16().collect();
            let mut body = Vec::new();
            for u in units {
                let b = if enc == UTF_16LE {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                };
                body.extend_from_slice(&b);
            }
            let mut with = bom.to_vec();
            with.extend_from_slice(&body);
            let d = decode(&with, None).unwrap();
            assert_eq!(d.text, SIMPLE);
            assert_eq!(d.encoding, enc.name().to_ascii_lowercase());
            let d = decode(&body, None).unwrap();
            assert_eq!(d.text, SIMPLE, "{}", enc.name());
        }
    }

    #[test]
    fn utf16_without_bom_holding_han_chars_that_end_in_00() {
        // 一 (U+4E00) puts a NUL on the side ASCII does not: still UTF-16, in both orders.
        let text = "某县2021年工作总结\n一、主要工作\n全年新增企业12家，一是抓项目。\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "utf-16le"), (be, "utf-16be")] {
            let d = decode(&bytes, None).unwrap();
            assert_eq!(d.text, text, "{name}");
            assert_eq!(d.encoding, name);
        }
    }

    #[test]
    fn gbk_and_big5_without_marker() {
        let (gbk, _, _) = encoding_rs::GBK.encode(SIMPLE);
        let d = decode(&gbk, None).unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(d.text, SIMPLE);
        let (big5, _, bad) = BIG5.encode(SAMPLE);
        assert!(!bad);
        let d = decode(&big5, None).unwrap();
        assert_eq!(d.encoding, "big5");
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn forced_encoding_wins_and_unknown_is_refused() {
        let (gbk, _, _) = encoding_rs::GBK.encode(SIMPLE);
        let d = decode(&gbk, Some("gbk")).unwrap();
        assert_eq!(d.text, SIMPLE);
        let e = decode(&gbk, Some("klingon")).unwrap_err();
        assert!(e.to_string().contains("klingon"), "{e}");
    }

    #[test]
    fn binary_files_are_refused() {
        for (bytes, word) in [
            (&b"%PDF-1.7\n..."[..], "PDF"),
            (&b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"[..], ".doc"),
            (&b"PK\x03\x04\x14\0"[..], ".docx"),
            (&b"\x89PNG\r\n\x1a\n"[..], "PNG"),
        ] {
            let e = decode(bytes, None).unwrap_err();
            assert!(e.to_string().contains(word), "{e}");
        }
        let e = decode(b"abc\0def\0\0\x01\x02\xff\xfe\x00", None).unwrap_err();
        assert!(e.to_string().contains("NUL"), "{e}");
    }

    #[test]
    fn utf8_cut_inside_a_character_stays_utf8() {
        let mut b = SIMPLE.repeat(20).into_bytes();
        b.extend_from_slice(&"科".as_bytes()[..2]);
        let d = decode(&b, None).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.starts_with(SIMPLE));
    }
}

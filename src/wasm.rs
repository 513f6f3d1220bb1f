//! The JavaScript binding: translation only. Offsets become UTF-16 code units, the unit of
//! JavaScript strings, so `text.slice(start, end)` in the page gives the span.
//!
//! The page loads two modules built from this file (`scripts/build`): the analysis
//! (feature `wasm-analyze`), at once, and compare (feature `wasm-compare`), only when its view
//! is opened, so that the first load carries no code for a view most visits never open. Both
//! features are on by default, so the wasm tests see every function.

use wasm_bindgen::prelude::*;

#[cfg(feature = "wasm-analyze")]
use crate::Options;
use crate::Report;

#[cfg(feature = "wasm-analyze")]
/// Moves char offsets to UTF-16 offsets for `text`.
struct Utf16Map {
    /// UTF-16 offset of each char offset, with one extra entry for the end.
    at: Vec<u32>,
}

#[cfg(feature = "wasm-analyze")]
impl Utf16Map {
    fn new(text: &str) -> Self {
        let mut at = Vec::with_capacity(text.len() + 1);
        let mut u = 0u32;
        for c in text.chars() {
            at.push(u);
            u += c.len_utf16() as u32;
        }
        at.push(u);
        Utf16Map { at }
    }

    fn map(&self, pos: usize) -> usize {
        self.at
            .get(pos)
            .or(self.at.last())
            .map_or(0, |&u| u as usize)
    }
}

#[cfg(feature = "wasm-analyze")]
/// Rewrites every offset of a Report from chars to UTF-16 code units.
pub fn to_utf16_offsets(mut r: Report) -> Report {
    let m = Utf16Map::new(&r.text);
    for c in &mut r.cleaning {
        c.at = m.map(c.at);
    }
    for s in &mut r.sections {
        s.start = m.map(s.start);
        s.end = m.map(s.end);
    }
    for f in &mut r.facts {
        f.start = m.map(f.start);
        f.end = m.map(f.end);
    }
    for w in &mut r.warnings {
        w.start = m.map(w.start);
        w.end = m.map(w.end);
    }
    r
}

#[cfg(feature = "wasm-analyze")]
fn to_js(r: Report) -> Result<JsValue, JsValue> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&to_utf16_offsets(r), &ser)
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

#[cfg(feature = "wasm-analyze")]
/// Calls `on_stage` (when given) with each stage's name as it begins.
fn reporter(on_stage: Option<js_sys::Function>) -> impl FnMut(crate::Stage) {
    move |stage| {
        if let Some(f) = &on_stage {
            let _ = f.call1(&JsValue::NULL, &JsValue::from_str(stage.as_str()));
        }
    }
}

#[cfg(feature = "wasm-analyze")]
/// Analyses the bytes of a file. `encoding` may be empty for detection; `on_stage`, if given,
/// is called with each stage's name (`decode`, `clean`, …) as it begins; `decoder`, if given,
/// reads legacy and forced encodings: `(label, bytes) => [text, encodingName]` or `undefined`
/// (the page passes one built on `TextDecoder`; without it GB18030 and Big5 are not read).
/// Throws a string for a file that is not text. Offsets in the result are UTF-16 code units.
#[wasm_bindgen(js_name = analyzeBytes)]
pub fn analyze_bytes(
    bytes: &[u8],
    name: Option<String>,
    encoding: Option<String>,
    on_stage: Option<js_sys::Function>,
    decoder: Option<js_sys::Function>,
) -> Result<JsValue, JsValue> {
    let options = Options {
        name,
        encoding: encoding.filter(|e| !e.is_empty()),
        threads: None,
    };
    let legacy = |label: &str, bytes: &[u8]| -> Option<(String, String)> {
        let f = decoder.as_ref()?;
        let out = f
            .call2(
                &JsValue::NULL,
                &JsValue::from_str(label),
                &js_sys::Uint8Array::from(bytes),
            )
            .ok()?;
        let pair = js_sys::Array::from(&out);
        Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
    };
    let report = crate::analyze_with_decoder(bytes, &options, &legacy, &mut reporter(on_stage))
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    to_js(report)
}

#[cfg(feature = "wasm-analyze")]
/// Analyses pasted text, calling `on_stage` as [`analyze_bytes`] does. Offsets in the result
/// are UTF-16 code units.
#[wasm_bindgen(js_name = analyzeText)]
pub fn analyze_text(
    text: &str,
    name: Option<String>,
    on_stage: Option<js_sys::Function>,
) -> Result<JsValue, JsValue> {
    to_js(crate::analyze_text_with_progress(
        text,
        name.as_deref(),
        &mut reporter(on_stage),
    ))
}

#[cfg(feature = "wasm-compare")]
/// Compares Reports (as [`analyze_bytes`] gave them) across years and places: see
/// [`crate::compare`]. `adjust`, when given, holds the reader's corrections (`periods`,
/// `pins`, `splits`). Throws a string when an input is not a Report.
#[wasm_bindgen(js_name = compareReports)]
pub fn compare_reports(reports: JsValue, adjust: JsValue) -> Result<JsValue, JsValue> {
    let reports: Vec<Report> = serde_wasm_bindgen::from_value(reports)
        .map_err(|e| JsValue::from_str(&format!("not a list of Reports: {e}")))?;
    let adjust: crate::compare::Adjust = if adjust.is_undefined() || adjust.is_null() {
        crate::compare::Adjust::default()
    } else {
        serde_wasm_bindgen::from_value(adjust)
            .map_err(|e| JsValue::from_str(&format!("not a compare adjustment: {e}")))?
    };
    let out = crate::compare::compare(&reports, &adjust);
    serde::Serialize::serialize(&out, &serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

#[cfg(feature = "wasm-analyze")]
/// Traditional to mainland simplified Chinese, nothing else.
#[wasm_bindgen(js_name = toSimplified)]
pub fn to_simplified(text: &str) -> String {
    crate::to_simplified(text)
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

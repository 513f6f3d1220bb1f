//! The wasm binding in a real browser (headless Chromium through wasm-bindgen-test-runner):
//! it gives the same Report as the core, with offsets in UTF-16 code units.
#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use zhreport::{wasm, Report};

wasm_bindgen_test_configure!(run_in_browser);

const SEED_004: &[u8] = include_bytes!("fixtures/seeds/004_f11c072e94adb095.txt");
const GBK_000: &[u8] = include_bytes!("fixtures/encodings/000.gbk.txt");
const BIG5_004: &[u8] = include_bytes!("fixtures/encodings/004.big5.txt");

/// The decoder the page gives the binding: the browser's TextDecoder.
fn text_decoder() -> js_sys::Function {
    js_sys::Function::new_with_args(
        "label, bytes",
        "try { const d = new TextDecoder(label); return [d.decode(bytes), d.encoding]; } catch (e) { return undefined; }",
    )
}

fn from_js(v: JsValue) -> Report {
    serde_wasm_bindgen::from_value(v).expect("a Report")
}

#[wasm_bindgen_test]
fn binding_equals_core_on_a_seed() {
    let js =
        wasm::analyze_bytes(SEED_004, Some("004.txt".into()), None, None, None).expect("analysed");
    let got = from_js(js);
    let core = zhreport::analyze(
        SEED_004,
        &zhreport::Options {
            name: Some("004.txt".into()),
            encoding: None,
            threads: None,
        },
    )
    .expect("analysed");
    // Seed 004 is all in the BMP: UTF-16 offsets equal char offsets.
    assert_eq!(got, core);
    assert!(got.text.contains("着力搭建技术创新平台"));
    let f = got
        .facts
        .iter()
        .find(|f| f.text == "22、5万人次")
        .expect("fact");
    assert_eq!(f.value, 225_000.0);
    assert_eq!(got.sections.iter().filter(|s| s.level == 0).count(), 3);
}

#[wasm_bindgen_test]
fn utf16_offsets_outside_the_bmp() {
    // 𠀀 (U+20000) is one char but two UTF-16 code units.
    let text = "𠀀𠀁科技局\n一、主要工作\n全年专利申请量2924件，同比增长41.7%。\n";
    let js = wasm::analyze_text(text, None, None).expect("analysed");
    let got = from_js(js);
    let core = zhreport::analyze_text(text, None);
    assert_eq!(got.text, core.text);
    assert_eq!(got.facts.len(), 2);
    let jstext = JsString::from(got.text.as_str());
    for (g, c) in got.facts.iter().zip(&core.facts) {
        assert_eq!(g.start, c.start + 2, "two astral chars before");
        let span = jstext.slice(g.start as u32, g.end as u32);
        assert_eq!(String::from(span), g.text);
    }
    let s = &got.sections[0];
    assert_eq!(
        String::from(jstext.slice(s.start as u32, s.start as u32 + 2)),
        "一、"
    );
}

#[wasm_bindgen_test]
fn gbk_and_big5_bytes_decode_in_the_browser() {
    let got = from_js(
        wasm::analyze_bytes(GBK_000, None, None, None, Some(text_decoder())).expect("analysed"),
    );
    assert_eq!(got.source.encoding, "gb18030");
    // Without a decoder the page would not read GBK: no tables of its own in the wasm.
    let without = from_js(wasm::analyze_bytes(GBK_000, None, None, None, None).expect("analysed"));
    assert_ne!(without.text, got.text);
    assert!(got
        .text
        .starts_with("义乌市科技局、知识产权局、地震局2009年工作总结和2010年工作思路"));
    let big5 = from_js(
        wasm::analyze_bytes(BIG5_004, None, None, None, Some(text_decoder())).expect("analysed"),
    );
    assert_eq!(big5.source.encoding, "big5");
    assert!(big5.text.contains("着力搭建技术创新平台"));
    let forced = from_js(
        wasm::analyze_bytes(
            GBK_000,
            None,
            Some("gbk".into()),
            None,
            Some(text_decoder()),
        )
        .expect("analysed"),
    );
    assert_eq!(forced.text, got.text);
}

#[wasm_bindgen_test]
fn binary_files_are_refused_with_a_message() {
    let err =
        wasm::analyze_bytes(b"%PDF-1.7\n%...", Some("a.pdf".into()), None, None, None).unwrap_err();
    let msg = err.as_string().unwrap_or_default();
    assert!(msg.contains("PDF"), "{msg}");
}

#[wasm_bindgen_test]
fn stages_are_announced_in_order() {
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let sink = seen.clone();
    let cb = wasm_bindgen::closure::Closure::<dyn FnMut(String)>::new(move |s: String| {
        sink.borrow_mut().push(s)
    });
    let f: &js_sys::Function = cb.as_ref().unchecked_ref();
    wasm::analyze_bytes(SEED_004, None, None, Some(f.clone()), None).expect("analysed");
    assert_eq!(
        *seen.borrow(),
        vec!["decode", "clean", "outline", "facts", "checks"]
    );
}

#[wasm_bindgen_test]
fn reports_from_the_binding_compare_in_the_browser() {
    // Two years of one county, analysed by the binding and compared by it, as the page does.
    let a = wasm::analyze_text(
        "某县2021年政府工作报告\n一、2020年工作回顾\n全县地区生产总值增长3.6%。\n二、2021年工作安排\n主要预期目标是：地区生产总值增长8%左右。\n",
        None,
        None,
    )
    .expect("analysed");
    let b = wasm::analyze_text(
        "某县2022年政府工作报告\n一、2021年工作回顾\n全县地区生产总值增长8.1%。\n",
        None,
        None,
    )
    .expect("analysed");
    let list = js_sys::Array::of2(&b, &a);
    let out = wasm::compare_reports(list.into(), JsValue::UNDEFINED).expect("compared");
    let c: zhreport::compare::Comparison =
        serde_wasm_bindgen::from_value(out).expect("a Comparison");
    let labels: Vec<&str> = c.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["2020", "2021"]);
    let gdp = c
        .rows
        .iter()
        .find(|r| r.subject == "地区生产总值")
        .expect("a row");
    assert_eq!(
        gdp.checks
            .iter()
            .map(|k| (k.year, k.met))
            .collect::<Vec<_>>(),
        [(2021, true)]
    );
    // Not a Report: a message, not a crash.
    assert!(wasm::compare_reports(JsValue::from_str("x"), JsValue::UNDEFINED).is_err());
}

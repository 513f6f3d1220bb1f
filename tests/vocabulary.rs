//! One vocabulary from core to page: every kind the core can emit has its name (`as_str`,
//! the name serde writes) and the page's strings tell it in Chinese and in English.

use zhreport::{Approx, CleanKind, FactKind, FactRole, Script, SectionRole, WarningKind};

/// Each family: the page's map that names it, and the names the core emits.
fn families() -> Vec<(&'static str, Vec<&'static str>, Vec<String>)> {
    fn names<T: serde::Serialize + Copy>(
        all: &[T],
        as_str: fn(T) -> &'static str,
    ) -> (Vec<&'static str>, Vec<String>) {
        let serde: Vec<String> = all
            .iter()
            .map(|k| {
                serde_json::to_value(k)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default()
            })
            .collect();
        (all.iter().map(|&k| as_str(k)).collect(), serde)
    }
    let mut out = Vec::new();
    let mut add =
        |map: &'static str, (a, s): (Vec<&'static str>, Vec<String>)| out.push((map, a, s));
    add("cleanKind", names(CleanKind::ALL, CleanKind::as_str));
    add("warnKind", names(WarningKind::ALL, WarningKind::as_str));
    add("kind", names(FactKind::ALL, FactKind::as_str));
    add("role", names(FactRole::ALL, FactRole::as_str));
    add("approx", names(Approx::ALL, Approx::as_str));
    add("sectionRole", names(SectionRole::ALL, SectionRole::as_str));
    add("SCRIPT", names(Script::ALL, Script::as_str));
    out
}

#[test]
fn as_str_is_the_name_serde_writes() {
    for (map, names, serde) in families() {
        let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        assert_eq!(names, serde, "{map}");
    }
}

/// The keys of `map: { key: '…', … }` on the first line that opens it after `from`.
fn keys_of(js: &str, map: &str, from: usize) -> Vec<String> {
    let Some(at) = js.get(from..).and_then(|r| r.find(&format!("{map}: {{"))) else {
        return Vec::new();
    };
    let line = js[from + at..].lines().next().unwrap_or("");
    let body = line.split_once('{').map_or("", |(_, b)| b);
    body.split(',')
        .filter_map(|kv| kv.split_once(':'))
        .map(|(k, _)| k.trim().to_string())
        .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect()
}

#[test]
fn the_page_names_every_kind_in_both_languages() {
    let js = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/app.js"))
        .expect("www/app.js");
    let zh = js.find("  zh: {").expect("the Chinese strings");
    let en = js.find("  en: {").expect("the English strings");
    let script = js.find("const SCRIPT = {").expect("the script names");
    let mut missing = Vec::new();
    for (map, names, _) in families() {
        let starts: Vec<(&str, usize)> = if map == "SCRIPT" {
            vec![
                ("zh", script),
                (
                    "en",
                    js[script..].find("  en: {").map_or(script, |e| script + e),
                ),
            ]
        } else {
            vec![("zh", zh), ("en", en)]
        };
        for (lang, from) in starts {
            let key = if map == "SCRIPT" { lang } else { map };
            let keys = keys_of(&js, key, from);
            for n in &names {
                if !keys.iter().any(|k| k == n) {
                    missing.push(format!("{lang} {map}.{n}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "the page lacks: {missing:?}");
}

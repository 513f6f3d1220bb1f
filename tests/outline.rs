//! The full outline of each seed against a fixture a reader can check by eye
//! (`tests/fixtures/outlines/NNN.txt`).

use zhreport::{analyze, Options};

fn seed_bytes(prefix: &str) -> Vec<u8> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    std::fs::read(path).unwrap()
}

/// One heading as the fixture writes it.
fn render(level: u8, marker: &str, title: &str, role: &str) -> String {
    let marker = if marker.is_empty() { "·" } else { marker };
    format!(
        "{}{level} {marker} {title} | {role}",
        "  ".repeat(level as usize)
    )
}

fn check(n: &str) -> (usize, Vec<String>) {
    let r = analyze(&seed_bytes(n), &Options::default()).unwrap();
    let path = format!(
        "{}/tests/fixtures/outlines/{n}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let want: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    let got: Vec<String> = r
        .sections
        .iter()
        .map(|s| {
            let role = serde_json::to_string(&s.role).unwrap();
            render(s.level, &s.marker, &s.title, role.trim_matches('"'))
        })
        .collect();
    let mut problems = Vec::new();
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        let ok = match w.split_once("… | ") {
            // A known run-on title: the start of the title and everything else must hold.
            Some((head, role)) => g.starts_with(head) && g.ends_with(&format!(" | {role}")),
            None => w == g,
        };
        if !ok {
            problems.push(format!(
                "heading {}: want {w:?}\n            got  {g:?}",
                i + 1
            ));
        }
    }
    if want.len() != got.len() {
        problems.push(format!(
            "want {} headings, got {}: {:?}",
            want.len(),
            got.len(),
            got.get(want.len()..).or(want.get(got.len()..))
        ));
    }
    (want.len(), problems)
}

#[test]
fn seed_outlines_match_their_fixtures() {
    let mut total = 0;
    let mut failed = Vec::new();
    for n in ["000", "001", "002", "003", "004"] {
        let (count, problems) = check(n);
        total += count;
        println!("seed {n}: {count} headings, {} wrong", problems.len());
        for p in &problems {
            failed.push(format!("seed {n}: {p}"));
        }
    }
    println!(
        "outline: {} of {total} headings right",
        total - failed.len()
    );
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

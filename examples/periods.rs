//! Prints the period read from each report file given (or every file of a folder): a quick
//! look before writing rows for tests/data/periods.txt.
use std::path::Path;

fn main() {
    for arg in std::env::args_os().skip(1) {
        let p = Path::new(&arg);
        let files: Vec<_> = if p.is_dir() {
            let mut v: Vec<_> = std::fs::read_dir(p)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .collect();
            v.sort();
            v
        } else {
            vec![p.to_path_buf()]
        };
        for f in files {
            let Ok(bytes) = std::fs::read(&f) else {
                continue;
            };
            let Ok(r) = zhreport::analyze(&bytes, &zhreport::Options::default()) else {
                continue;
            };
            let p = zhreport::compare::period_of(&r);
            let show = |y: Option<u16>| y.map_or("-".to_string(), |y| y.to_string());
            println!(
                "{} | {} | {} | {} | {} | {}",
                f.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                show(p.year),
                p.part.map_or("-", |p| p.as_str()),
                show(p.plan_year),
                p.issuer.as_deref().unwrap_or("-"),
                r.title.as_deref().unwrap_or("-"),
            );
        }
    }
}

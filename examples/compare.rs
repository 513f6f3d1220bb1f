//! Prints what `compare` matches across the report files given: a look at real reports before
//! writing tests (`cargo run --release --example compare -- A.txt B.txt C.txt`).
use zhreport::compare::{compare, Adjust};

fn main() {
    let reports: Vec<zhreport::Report> = std::env::args_os()
        .skip(1)
        .filter_map(|a| std::fs::read(&a).ok())
        .filter_map(|b| zhreport::analyze(&b, &zhreport::Options::default()).ok())
        .collect();
    let c = compare(&reports, &Adjust::default());
    let labels: Vec<&str> = c.columns.iter().map(|c| c.label.as_str()).collect();
    println!("columns: {labels:?}; rows: {}", c.rows.len());
    for r in &c.rows {
        let cells: Vec<String> = r
            .cells
            .iter()
            .map(|c| {
                let v = |v: &Option<zhreport::compare::Value>| {
                    v.as_ref().map_or("·".to_string(), |v| v.text.clone())
                };
                format!("{} / {}", v(&c.result), v(&c.target))
            })
            .collect();
        let checks: Vec<String> = r
            .checks
            .iter()
            .map(|k| format!("{}:{}", k.year, if k.met { "met" } else { "missed" }))
            .collect();
        println!(
            "{} [{}] {:?} | {} | {}",
            r.subject,
            r.unit,
            r.kind,
            cells.join(" | "),
            checks.join(" ")
        );
    }
}

//! The command line (SPEC §7): formats, several files, failures that do not stop the rest,
//! exit codes.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_zhreport");

#[path = "support/seeds.rs"]
mod seeds;

fn seed(prefix: &str) -> String {
    seeds::path(prefix).to_string_lossy().into_owned()
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_os(args, stdin)
}

fn run_os<S: AsRef<OsStr>>(args: &[S], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn json_lines_one_report_per_file() {
    let out = run(&["analyze", &seed("000"), &seed("003")], b"");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let r: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(r["schema"], 1);
    assert_eq!(
        r["title"],
        "义乌市科技局、知识产权局、地震局2009年工作总结和2010年工作思路"
    );
    let f = r["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["text"] == "1000多万元")
        .unwrap();
    // Whole numbers are written without a fraction.
    assert_eq!(f["value"].to_string(), "10000000");
    assert_eq!(f["approx"], "more");
}

#[test]
fn a_failed_file_does_not_stop_the_others() {
    let dir = std::env::temp_dir().join(format!("zhreport-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("scan.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n...").unwrap();
    let pdf = pdf.to_string_lossy().into_owned();
    let out = run(
        &[
            "analyze",
            "--format",
            "text",
            &pdf,
            "/no/such/file.txt",
            &seed("004"),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("scan.pdf") && err.contains("PDF"), "{err}");
    assert!(err.contains("/no/such/file.txt"), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("着力搭建技术创新平台"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn csv_has_a_bom_a_header_and_a_row_per_fact() {
    let out = run(
        &["analyze", "--format", "csv", "-"],
        "一、主要工作\n全年专利申请量2924件，同比增长41.7%。\n".as_bytes(),
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with('\u{FEFF}'));
    // Every record ends in CRLF, the last one too.
    let body = text.trim_start_matches('\u{FEFF}');
    assert!(body.ends_with("\r\n") && !body.replace("\r\n", "").contains('\n'));
    let rows: Vec<&str> = body.split_terminator("\r\n").collect();
    assert_eq!(
        rows[0],
        "file,section,subject,text,value,max,unit,kind,role,approx"
    );
    // stdin has no file name: the cell is empty (it was `-`, which the formula guard would
    // now write `'-`).
    assert_eq!(
        rows[1],
        ",一、主要工作,专利申请量,2924件,2924,,件,count,achievement,"
    );
    assert_eq!(
        rows[2],
        ",一、主要工作,专利申请量,41.7%,41.7,,%,growth,achievement,"
    );
    assert_eq!(rows.len(), 3);
}

/// Cells of a report that a spreadsheet would run get a `'`; a negative value stays a number.
#[test]
fn csv_cells_that_look_like_formulas_are_made_text() {
    let out = run(
        &["analyze", "--format", "csv", "-"],
        "+全年专利申请量2924件，同比下降3.2%。\n".as_bytes(),
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.split_terminator("\r\n").collect();
    let fall = rows.iter().find(|r| r.contains("3.2%")).unwrap();
    let cells: Vec<&str> = fall.split(',').collect();
    // The subject, as scraped with a stray plus before it, is text; the fall is a number.
    assert_eq!(cells[2], "'+全年专利申请量", "{fall}");
    assert_eq!(cells[4], "-3.2", "{fall}");
}

#[test]
fn forced_encoding_and_usage_errors() {
    let gbk = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/encodings/000.gbk.txt"
    ))
    .unwrap();
    let out = run(
        &["analyze", "--encoding", "gbk", "--format", "text", "-"],
        &gbk,
    );
    assert!(out.status.success());
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("义乌市科技局"));
    assert_eq!(run(&["analyze"], b"").status.code(), Some(2));
    assert_eq!(
        run(&["analyze", "--format", "xml", "a"], b"").status.code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate"], b"").status.code(), Some(2));
    for bad in ["0", "x", "-1"] {
        let out = run(&["analyze", "--threads", bad, "-"], b"");
        assert_eq!(out.status.code(), Some(2), "--threads {bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--threads"));
    }
    let out = run(&["analyze", "--encoding", "klingon", "-"], b"abc");
    assert_eq!(out.status.code(), Some(1));
}

#[path = "../benches/support/corpus.rs"]
mod corpus;

/// A report long enough to be split over threads gives the same output on one.
#[test]
fn threads_bound_the_work_not_the_output() {
    let long = corpus::corpus(600_000);
    let one = run(&["analyze", "--threads", "1", "-"], long.as_bytes());
    let two = run(&["analyze", "-j", "2", "-"], long.as_bytes());
    assert!(one.status.success() && two.status.success());
    assert!(one.stdout.len() > 600_000);
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn convert_is_conversion_only() {
    let out = run(&["convert"], "領導著力推進，剩餘  空格\n".as_bytes());
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "领导着力推进，剩余  空格\n"
    );
}

#[test]
fn a_folder_is_every_file_in_it() {
    let out = run(&["analyze", "--format", "csv", seeds::DIR], b"");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for n in ["000_", "001_", "002_", "003_", "004_"] {
        assert!(text.lines().any(|l| l.contains(n)), "{n} missing");
    }
}

/// A fresh empty folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhreport-cli-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A file name that is not UTF-8: 报告.txt in GBK bytes, as a zip made on a Chinese Windows
/// unpacks it. The old CLI panicked reading such an argument, and its folder walk turned
/// the name into a lossy string that named no file.
#[cfg(unix)]
#[test]
fn a_file_name_in_gbk_bytes_alone_and_in_a_folder() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("gbk-name");
    let file = dir.join(OsStr::from_bytes(b"\xb1\xa8\xb8\xe6.txt"));
    std::fs::write(&file, "一、主要工作\n全年专利申请量2924件。\n".as_bytes()).unwrap();

    let alone = run_os(
        &[OsString::from("analyze"), file.clone().into_os_string()],
        b"",
    );
    assert_eq!(
        alone.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&alone.stderr)
    );
    let text = String::from_utf8(alone.stdout).unwrap();
    let r: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(r["facts"][0]["text"], "2924件");
    // The name is recorded in its lossy form (the Report is JSON, which holds text only).
    let name = r["source"]["name"].as_str().unwrap();
    assert!(name.ends_with("\u{FFFD}.txt"), "{name}");

    let folder = run_os(
        &[OsString::from("analyze"), dir.clone().into_os_string()],
        b"",
    );
    assert_eq!(
        folder.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&folder.stderr)
    );
    assert_eq!(String::from_utf8(folder.stdout).unwrap().lines().count(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_option_value_after_an_equals_sign_or_as_the_next_argument() {
    let input = "全年专利申请量2924件，同比增长41.7%。\n".as_bytes();
    let joined = run(&["analyze", "--format=csv", "-"], input);
    let apart = run(&["analyze", "--format", "csv", "-"], input);
    assert_eq!(
        joined.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&joined.stderr)
    );
    assert!(apart.status.success());
    assert_eq!(joined.stdout, apart.stdout);
    assert!(String::from_utf8(joined.stdout).unwrap().contains("2924件"));
    let threads = run(&["analyze", "--threads=1", "--format=text", "-"], input);
    assert!(threads.status.success());
    assert!(String::from_utf8(threads.stdout)
        .unwrap()
        .starts_with("全年专利申请量"));
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    for args in [
        &["analyze", "--frobnicate", "-"][..],
        &["analyze", "--frobnicate=3", "-"][..],
        &["analyze", "-q", "-"][..],
        &["--frobnicate"][..],
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        let opt = args
            .iter()
            .find(|a| a.starts_with('-') && a.len() > 1)
            .unwrap();
        let opt = opt.split('=').next().unwrap();
        assert!(
            err.contains(&format!("unknown option '{opt}'")),
            "{args:?}: {err}"
        );
        assert!(err.contains("Usage:"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn help_and_version() {
    for args in [&["--help"][..], &["-h"], &["help"], &["analyze", "--help"]] {
        let out = run(args, b"");
        assert!(out.status.success(), "{args:?}");
        assert!(String::from_utf8(out.stdout).unwrap().contains("Usage:"));
    }
    for flag in ["--version", "-V"] {
        let out = run(&[flag], b"");
        assert!(out.status.success());
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            format!("zhreport {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

/// Three reports of one made-up district, delivered in 2019, 2020 and 2021: each reviews the
/// year before and the first two set targets for their own year.
const DISTRICT_2019: &str = "某区2019年政府工作报告\n一、2018年工作回顾\n全区社会消费品零售总额实现85亿元，\
增长9.2%。城镇居民人均可支配收入达到3.6万元，增长8%。\n二、2019年主要任务\n今年全区发展的主要预期目标是：\
社会消费品零售总额增长9%，城镇居民人均可支配收入增长8%左右。\n";
const DISTRICT_2020: &str = "某区2020年政府工作报告\n一、2019年工作回顾\n全区社会消费品零售总额实现92亿元，\
增长8.3%。城镇居民人均可支配收入达到3.9万元，增长7.9%。\n二、2020年主要任务\n今年全区发展的主要预期目标是：\
社会消费品零售总额增长8%。\n";
const DISTRICT_2021: &str =
    "某区2021年政府工作报告\n一、2020年工作回顾\n全区社会消费品零售总额实现90亿元，\
下降2.1%。城镇居民人均可支配收入达到4.1万元，增长5.1%。\n";

/// The three district reports in a fresh folder, under names whose order is not the years'
/// (丙 < 乙 < 甲 in bytes: 2020, 2019, 2021); the paths in the order 2021, 2019, 2020.
fn district_reports(name: &str) -> (PathBuf, Vec<PathBuf>) {
    let dir = temp_dir(name);
    let files = [
        ("甲.txt", DISTRICT_2021),
        ("乙.txt", DISTRICT_2019),
        ("丙.txt", DISTRICT_2020),
    ];
    let paths = files
        .iter()
        .map(|(n, text)| {
            let p = dir.join(n);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    (dir, paths)
}

#[test]
fn compare_csv_has_the_years_in_order_and_a_shared_subject_in_one_row() {
    let (dir, paths) = district_reports("compare-csv");
    let pdf = std::env::temp_dir().join(format!("zhreport-cli-cmp-{}.pdf", std::process::id()));
    std::fs::write(&pdf, b"%PDF-1.4\n...").unwrap();
    let mut args = vec![OsString::from("compare")];
    args.extend(paths.iter().map(|p| p.clone().into_os_string()));
    args.insert(2, pdf.clone().into_os_string());
    let out = run_os(&args, b"");
    // The PDF is a message and exit 1; the three reports are compared all the same.
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(".pdf") && err.contains("PDF"), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with('\u{FEFF}'));
    let rows: Vec<Vec<&str>> = text
        .trim_start_matches('\u{FEFF}')
        .split_terminator("\r\n")
        .map(|r| r.split(',').collect())
        .collect();
    // Columns by the years the reports' results are of, whatever order they came in.
    assert_eq!(
        rows[0],
        ["subject", "cue", "unit", "kind", "2018", "2019", "2020", "targets", "changes"]
    );
    let find = |subject: &str, kind: &str| -> Vec<&Vec<&str>> {
        rows.iter()
            .filter(|r| r[0] == subject && r[3] == kind)
            .collect()
    };
    // A subject all three share is one row with its three values, as written.
    let sales = find("社会消费品零售总额", "money");
    assert_eq!(sales.len(), 1, "{text}");
    assert_eq!(
        sales[0][2..7],
        ["元", "money", "85亿元", "92亿元", "90亿元"]
    );
    assert_eq!(
        sales[0][8],
        "2018→2019: +7亿元 (+8.2%); 2019→2020: -2亿元 (-2.2%)"
    );
    // Growth: each report's target beside its result; the 2021 report's fall keeps its word.
    let growth = find("社会消费品零售总额", "growth");
    assert_eq!(growth.len(), 1, "{text}");
    assert_eq!(
        growth[0][4..8],
        [
            "9.2%；2019年目标9%",
            "8.3%；2020年目标8%",
            "下降2.1%",
            "2019: 9% → 8.3% missed; 2020: 8% → 下降2.1% missed"
        ]
    );
    let income = find("城镇居民人均可支配收入", "money");
    assert_eq!(income[0][4..7], ["3.6万元", "3.9万元", "4.1万元"]);

    // The folder gives the same comparison (its files are read in name order, compared in
    // time order).
    let folder = run_os(
        &[OsString::from("compare"), dir.clone().into_os_string()],
        b"",
    );
    assert!(folder.status.success());
    assert_eq!(String::from_utf8(folder.stdout).unwrap(), text);
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_file(&pdf).ok();
}

#[test]
fn compare_jsonl_is_a_line_of_columns_then_a_line_per_row() {
    let (dir, paths) = district_reports("compare-jsonl");
    let mut args = vec![OsString::from("compare"), OsString::from("--format=jsonl")];
    args.extend(paths.iter().map(|p| p.clone().into_os_string()));
    let out = run_os(&args, b"");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let columns = lines[0]["columns"].as_array().unwrap();
    let labels: Vec<&str> = columns
        .iter()
        .map(|c| c["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["2018", "2019", "2020"]);
    // `report` is the input's place among those analysed (here all), `file` its path.
    let reports: Vec<u64> = columns
        .iter()
        .map(|c| c["report"].as_u64().unwrap())
        .collect();
    assert_eq!(reports, [1, 2, 0]);
    assert!(columns[0]["file"].as_str().unwrap().ends_with("乙.txt"));
    assert_eq!(columns[2]["period"]["plan_year"], 2021);
    let sales = lines[1..]
        .iter()
        .find(|r| r["subject"] == "社会消费品零售总额" && r["kind"] == "money")
        .unwrap();
    let values: Vec<f64> = sales["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["result"]["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [85e8, 92e8, 90e8]);
    assert!(lines[1..].iter().all(|r| r.get("key").is_some()));
    // Usage errors: no input, a format compare does not write.
    assert_eq!(run(&["compare"], b"").status.code(), Some(2));
    assert_eq!(
        run(&["compare", "--format", "text", "-"], b"")
            .status
            .code(),
        Some(2)
    );
    std::fs::remove_dir_all(&dir).ok();
}

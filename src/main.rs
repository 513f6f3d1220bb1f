//! The `zhreport` command line: a thin layer over the library (SPEC §7).

use std::io::{self, Read, Write};
use std::process::ExitCode;

use zhreport::{analyze, to_simplified, Options, Report};

const USAGE: &str = "\
zhreport: read Chinese government work reports

Usage:
  zhreport analyze [--format json|csv|text] [--encoding ENC] FILE...   ('-' reads stdin;
                                                                       a folder: every file in it)
  zhreport convert [FILE]                                              (traditional to simplified)

  --format json   one Report per input, one per line (JSON Lines; the default)
  --format csv    one row per fact, UTF-8 with a BOM
  --format text   the cleaned, simplified text
  --encoding ENC  read every input as ENC (gbk, gb18030, big5, utf-8, utf-16le, utf-16be)
  --threads N     analyse a long report on at most N threads (default: one per core; the
                  Report is the same whatever N)

Exit status: 0 when every input was analysed, 1 when some failed, 2 for a usage error.
";

/// GB18030 and Big5 through encoding_rs (the binary is native; the wasm build of it only has
/// to compile, for the wasm tests).
#[cfg(not(target_arch = "wasm32"))]
const LEGACY: zhreport::Legacy<'static> = &zhreport::encoding_rs_legacy;
#[cfg(target_arch = "wasm32")]
const LEGACY: zhreport::Legacy<'static> = &zhreport::no_legacy;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Csv,
    Text,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => cmd_analyze(args.get(1..).unwrap_or(&[])),
        Some("convert") => cmd_convert(args.get(1..).unwrap_or(&[])),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("-V" | "--version") => {
            println!("zhreport {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ => usage_error("expected a command: analyze or convert"),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("zhreport: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}

fn read_input(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

fn cmd_analyze(args: &[String]) -> ExitCode {
    let mut format = Format::Json;
    let mut encoding = None;
    let mut threads = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => match it.next().map(String::as_str) {
                Some("json") => format = Format::Json,
                Some("csv") => format = Format::Csv,
                Some("text") => format = Format::Text,
                Some(other) => return usage_error(&format!("unknown format '{other}'")),
                None => return usage_error("--format needs a value"),
            },
            "--encoding" | "-e" => match it.next() {
                Some(e) => encoding = Some(e.clone()),
                None => return usage_error("--encoding needs a value"),
            },
            "--threads" | "-j" => match it.next().map(|n| n.parse::<usize>()) {
                Some(Ok(n)) if n > 0 => threads = Some(n),
                _ => return usage_error("--threads needs a number of threads, 1 or more"),
            },
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => return usage_error(&format!("unknown option '{s}'")),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return usage_error("analyze needs at least one FILE (or '-')");
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    if format == Format::Csv {
        let _ = out.write_all("\u{FEFF}".as_bytes());
        let _ = writeln!(
            out,
            "file,section,subject,text,value,max,unit,kind,role,approx"
        );
    }
    for path in &expand(&files) {
        let bytes = match read_input(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("zhreport: {path}: {e}");
                failed = true;
                continue;
            }
        };
        let name = if path == "-" {
            None
        } else {
            Some(path.clone())
        };
        let options = Options {
            name,
            encoding: encoding.clone(),
            threads,
        };
        match analyze(&bytes, &options) {
            Ok(report) => {
                let res = write_report(&mut out, path, &report, format);
                if let Err(e) = res {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return ExitCode::SUCCESS;
                    }
                    eprintln!("zhreport: {path}: {e}");
                    failed = true;
                }
            }
            Err(e) => {
                eprintln!("zhreport: {path}: {e}");
                failed = true;
            }
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The inputs, with each folder replaced by the files under it (hidden ones left out),
/// in name order; a folder of thousands of reports is read one file at a time.
fn expand(args: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for a in args {
        let path = std::path::Path::new(a);
        if a != "-" && path.is_dir() {
            walk(path, &mut out);
        } else {
            out.push(a.clone());
        }
    }
    out
}

fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
    let mut entries: Vec<std::path::PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("zhreport: {}: {e}", dir.display());
            return;
        }
    };
    entries.sort();
    for p in entries {
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p.to_string_lossy().into_owned());
        }
    }
}

fn write_report(out: &mut impl Write, path: &str, r: &Report, format: Format) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer(&mut *out, r).map_err(io::Error::other)?;
            writeln!(out)
        }
        Format::Text => {
            out.write_all(r.text.as_bytes())?;
            if !r.text.ends_with('\n') {
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => {
            for f in &r.facts {
                let section = f
                    .section
                    .and_then(|i| r.sections.get(i))
                    .map(|s| format!("{}{}", s.marker, s.title))
                    .unwrap_or_default();
                let num = |v: f64| {
                    serde_json::to_string(&v)
                        .unwrap_or_default()
                        .trim_end_matches(".0")
                        .to_string()
                };
                let fields = [
                    path.to_string(),
                    section,
                    f.subject.clone().unwrap_or_default(),
                    f.text.clone(),
                    num(f.value),
                    f.max.map(num).unwrap_or_default(),
                    f.unit.clone(),
                    json_word(&f.kind),
                    json_word(&f.role),
                    f.approx.as_ref().map(json_word).unwrap_or_default(),
                ];
                let row: Vec<String> = fields.iter().map(|s| csv_field(s)).collect();
                writeln!(out, "{}", row.join(","))?;
            }
            Ok(())
        }
    }
}

/// The JSON name of an enum value (`count`, `achievement`, …).
fn json_word<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .trim_matches('"')
        .to_string()
}

fn csv_field(s: &str) -> String {
    // Spreadsheet programs run cells that start with = + - @ as formulas: quote them safe.
    let risky = s.starts_with(['=', '+', '@'])
        || (s.len() > 1 && s.starts_with('-') && s.parse::<f64>().is_err());
    let s = if risky {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn cmd_convert(args: &[String]) -> ExitCode {
    if args.len() > 1 {
        return usage_error("convert takes at most one FILE");
    }
    let path = args.first().map_or("-", String::as_str);
    let bytes = match read_input(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("zhreport: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let text = match zhreport::decode_with(&bytes, None, LEGACY) {
        Ok(d) => d.text,
        Err(e) => {
            eprintln!("zhreport: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = io::stdout().lock();
    match out.write_all(to_simplified(&text).as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhreport: {e}");
            ExitCode::from(1)
        }
    }
}

//! The `zhreport` command line: a thin layer over the library (SPEC §7).

// The wasm build compiles the binary for the wasm tests but runs none of it.
#![cfg_attr(target_arch = "wasm32", allow(dead_code))]

use std::borrow::Cow;
use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhreport::{analyze, csv, to_simplified, Options, Report};

const USAGE: &str = "\
zhreport: read Chinese government work reports

Usage:
  zhreport analyze [OPTIONS] FILE|FOLDER...   analyse each input ('-' reads stdin; a folder:
                                              every file under it, hidden ones left out)
  zhreport convert [FILE]                     traditional to simplified, nothing else
  zhreport --help | --version

Options of analyze:
  -f, --format json   one Report per input, one per line (JSON Lines; the default)
  -f, --format csv    one row per fact: file (empty for stdin), section, subject, text,
                      value, max, unit, kind, role, approx (CSV: see below)
  -f, --format text   the cleaned, simplified text
  -e, --encoding ENC  read every input as ENC (gbk, gb18030, big5, utf-8, utf-16le, utf-16be)
  -j, --threads N     analyse a long report on at most N threads (default: one per core; the
                      Report is the same whatever N)

An option's value follows it (--format csv) or an equals sign (--format=csv). After '--'
every argument is an input, even one that starts with '-'.

CSV is UTF-8 with a byte order mark, CRLF line ends and RFC 4180 quotes; a text cell that
starts with = + - @, a tab or a CR gets a ' before it, so that no spreadsheet runs it as a
formula (numeric columns hold plain numbers, -3.2 included).

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

/// An input named on the command line or found in a folder. A path stays an `OsString`
/// from the argument to the file system (a name in GBK bytes opens as it is); only messages
/// and the Report's `source.name` show it in its lossy UTF-8 form.
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn from_arg(arg: OsString) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::File(PathBuf::from(arg))
        }
    }

    /// How messages name it.
    fn show(&self) -> Cow<'_, str> {
        match self {
            Input::Stdin => Cow::Borrowed("-"),
            Input::File(p) => p.to_string_lossy(),
        }
    }

    /// The name the Report records (`None` for stdin).
    fn name(&self) -> Option<String> {
        match self {
            Input::Stdin => None,
            Input::File(p) => Some(p.to_string_lossy().into_owned()),
        }
    }

    fn read(&self) -> io::Result<Vec<u8>> {
        match self {
            Input::Stdin => {
                let mut buf = Vec::new();
                io::stdin().read_to_end(&mut buf)?;
                Ok(buf)
            }
            Input::File(p) => std::fs::read(p),
        }
    }
}

/// What `analyze` was asked to do.
struct Analyze {
    format: Format,
    encoding: Option<String>,
    threads: Option<usize>,
    inputs: Vec<Input>,
}

/// What a command line asks for, once parsed.
enum Command {
    Analyze(Analyze),
    Convert(Input),
    Help,
    Version,
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let command = match parse(lexopt::Parser::from_env()) {
        Ok(c) => c,
        Err(msg) => return usage_error(&msg),
    };
    match command {
        Command::Analyze(a) => cmd_analyze(a),
        Command::Convert(input) => cmd_convert(&input),
        Command::Help => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Command::Version => {
            println!("zhreport {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
    }
}

/// The wasm build of the binary only has to compile (for the wasm tests): it has no command
/// line to read.
#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    eprintln!("zhreport: the command line is for native builds");
    ExitCode::from(2)
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("zhreport: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}

/// An option this command does not know, named as it was written.
#[cfg(not(target_arch = "wasm32"))]
fn unknown(arg: lexopt::Arg<'_>) -> String {
    match arg {
        lexopt::Arg::Short(c) => format!("unknown option '-{c}'"),
        lexopt::Arg::Long(name) => format!("unknown option '--{name}'"),
        lexopt::Arg::Value(v) => format!("unexpected argument '{}'", v.to_string_lossy()),
    }
}

/// The value of option `--{name}` (after `=` or as the next argument), as UTF-8.
#[cfg(not(target_arch = "wasm32"))]
fn text_value(p: &mut lexopt::Parser, name: &str) -> Result<String, String> {
    let v = p.value().map_err(|_| format!("--{name} needs a value"))?;
    v.into_string()
        .map_err(|v| format!("--{name}: '{}' is not UTF-8", v.to_string_lossy()))
}

/// Parses a whole command line: the command, then its options and inputs. `Err` is a usage
/// error's message.
#[cfg(not(target_arch = "wasm32"))]
fn parse(mut p: lexopt::Parser) -> Result<Command, String> {
    use lexopt::Arg::{Long, Short, Value};
    let first = p.next().map_err(|e| e.to_string())?;
    match first {
        Some(Value(cmd)) => match cmd.to_str() {
            Some("analyze") => parse_analyze(&mut p),
            Some("convert") => parse_convert(&mut p),
            Some("help") => Ok(Command::Help),
            _ => Err(format!(
                "unknown command '{}': expected analyze or convert",
                cmd.to_string_lossy()
            )),
        },
        Some(Short('h') | Long("help")) => Ok(Command::Help),
        Some(Short('V') | Long("version")) => Ok(Command::Version),
        Some(arg) => Err(unknown(arg)),
        None => Err("expected a command: analyze or convert".into()),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_analyze(p: &mut lexopt::Parser) -> Result<Command, String> {
    use lexopt::Arg::{Long, Short, Value};
    let mut a = Analyze {
        format: Format::Json,
        encoding: None,
        threads: None,
        inputs: Vec::new(),
    };
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        match arg {
            Short('f') | Long("format") => {
                a.format = match text_value(p, "format")?.as_str() {
                    "json" | "jsonl" => Format::Json,
                    "csv" => Format::Csv,
                    "text" => Format::Text,
                    other => return Err(format!("unknown format '{other}'")),
                }
            }
            Short('e') | Long("encoding") => a.encoding = Some(text_value(p, "encoding")?),
            Short('j') | Long("threads") => a.threads = Some(threads_value(p)?),
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(v) => a.inputs.push(Input::from_arg(v)),
            arg => return Err(unknown(arg)),
        }
    }
    if a.inputs.is_empty() {
        return Err("analyze needs at least one FILE (or '-')".into());
    }
    Ok(Command::Analyze(a))
}

#[cfg(not(target_arch = "wasm32"))]
fn threads_value(p: &mut lexopt::Parser) -> Result<usize, String> {
    let bad = || "--threads needs a number of threads, 1 or more".to_string();
    match text_value(p, "threads")
        .map_err(|_| bad())?
        .parse::<usize>()
    {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(bad()),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_convert(p: &mut lexopt::Parser) -> Result<Command, String> {
    use lexopt::Arg::{Long, Short, Value};
    let mut input = None;
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(v) if input.is_none() => input = Some(Input::from_arg(v)),
            Value(_) => return Err("convert takes at most one FILE".into()),
            arg => return Err(unknown(arg)),
        }
    }
    Ok(Command::Convert(input.unwrap_or(Input::Stdin)))
}

fn cmd_analyze(a: Analyze) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    if a.format == Format::Csv {
        let header = FACT_COLUMNS.map(csv::Field::Text);
        let _ = out.write_all(csv::BOM.as_bytes());
        let _ = csv::write_record(&mut out, &header);
    }
    for input in expand(a.inputs) {
        let shown = input.show();
        let bytes = match input.read() {
            Ok(b) => b,
            Err(e) => {
                eprintln!("zhreport: {shown}: {e}");
                failed = true;
                continue;
            }
        };
        let options = Options {
            name: input.name(),
            encoding: a.encoding.clone(),
            threads: a.threads,
        };
        match analyze(&bytes, &options) {
            Ok(report) => {
                let res = write_report(&mut out, &report, a.format);
                if let Err(e) = res {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return ExitCode::SUCCESS;
                    }
                    eprintln!("zhreport: {shown}: {e}");
                    failed = true;
                }
            }
            Err(e) => {
                eprintln!("zhreport: {shown}: {e}");
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
fn expand(inputs: Vec<Input>) -> Vec<Input> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::File(p) if p.is_dir() => walk(&p, &mut out),
            other => out.push(other),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Input>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("zhreport: {}: {e}", dir.display());
            return;
        }
    };
    entries.sort();
    for p in entries {
        // The lossy form is enough to see a leading dot.
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(Input::File(p));
        }
    }
}

/// The columns of `analyze --format csv`, one row per fact.
const FACT_COLUMNS: [&str; 10] = [
    "file", "section", "subject", "text", "value", "max", "unit", "kind", "role", "approx",
];

fn write_report(out: &mut impl Write, r: &Report, format: Format) -> io::Result<()> {
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
            // The file as the Report names it: empty for stdin, as the page leaves it for
            // pasted text.
            let file = r.source.name.as_deref().unwrap_or("");
            for f in &r.facts {
                let section = f
                    .section
                    .and_then(|i| r.sections.get(i))
                    .map(|s| format!("{}{}", s.marker, s.title))
                    .unwrap_or_default();
                let (kind, role) = (json_word(&f.kind), json_word(&f.role));
                let approx = f.approx.as_ref().map(json_word).unwrap_or_default();
                use csv::Field::{MaybeNumber, Number, Text};
                csv::write_record(
                    out,
                    &[
                        Text(file),
                        Text(&section),
                        Text(f.subject.as_deref().unwrap_or("")),
                        Text(&f.text),
                        Number(f.value),
                        MaybeNumber(f.max),
                        Text(&f.unit),
                        Text(&kind),
                        Text(&role),
                        Text(&approx),
                    ],
                )?;
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

fn cmd_convert(input: &Input) -> ExitCode {
    let shown = input.show();
    let bytes = match input.read() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("zhreport: {shown}: {e}");
            return ExitCode::from(1);
        }
    };
    let text = match zhreport::decode_with(&bytes, None, LEGACY) {
        Ok(d) => d.text,
        Err(e) => {
            eprintln!("zhreport: {shown}: {e}");
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

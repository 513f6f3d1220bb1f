//! The `zhreport` command line: a thin layer over the library (SPEC §7).

// The wasm build compiles the binary for the wasm tests but runs none of it.
#![cfg_attr(target_arch = "wasm32", allow(dead_code))]

use std::borrow::Cow;
use std::ffi::OsString;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use zhreport::compare::{self, Comparison};
use zhreport::{analyze, csv, to_simplified, FactKind, Options, Report};

const USAGE: &str = "\
zhreport: read Chinese government work reports

Usage:
  zhreport analyze [OPTIONS] FILE|FOLDER...   analyse each input ('-' reads stdin; a folder:
                                              every file under it, hidden ones left out)
  zhreport compare [OPTIONS] FILE|FOLDER...   analyse each input, then set their facts side
                                              by side, a column per report in time order
  zhreport convert [FILE]                     traditional to simplified, nothing else
  zhreport --help | --version

Options of analyze:
  -f, --format json   one Report per input, one per line (JSON Lines; the default)
  -f, --format csv    one row per fact: file (empty for stdin), section, subject, text,
                      value, max, unit, kind, role, approx
  -f, --format text   the cleaned, simplified text
  -e, --encoding ENC  read every input as ENC (gbk, gb18030, big5, utf-8, utf-16le, utf-16be)
  -j, --threads N     analyse a long report on at most N threads (default: one per core; the
                      Report is the same whatever N)

Options of compare: --encoding and --threads as for analyze, and
  -f, --format csv    one row per quantity found in two or more reports (or a target with
                      its year's result): subject, cue, unit, kind; then a column per report,
                      headed by the year of its results (the file name when none was found),
                      holding the value as written and the target the report set
                      (2021年目标6%); then targets (each set beside its year's result: met or
                      missed) and changes (from each result to the next). The default.
  -f, --format jsonl  a first line {\"columns\": [...]}, each column's report (its place among
                      the inputs analysed), file, period and label; then one line per row as
                      the library's compare::Row (cells, checks, changes indexed by column)

An option's value follows it (--format csv) or an equals sign (--format=csv). After '--'
every argument is an input, even one that starts with '-'.

CSV is UTF-8 with a byte order mark, CRLF line ends and RFC 4180 quotes; a text cell that
starts with = + - @, a tab or a CR gets a ' before it, so that no spreadsheet runs it as a
formula (numeric columns hold plain numbers, -3.2 included).

Exit status: 0 when every input was analysed, 1 when some failed (each said on stderr, the
rest still done), 2 for a usage error.
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

/// What `analyze` or `compare` was asked to do.
struct Job {
    format: Format,
    encoding: Option<String>,
    threads: Option<usize>,
    inputs: Vec<Input>,
}

/// What a command line asks for, once parsed.
enum Command {
    Analyze(Job),
    Compare(Job),
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
        Command::Analyze(job) => cmd_analyze(job),
        Command::Compare(job) => cmd_compare(job),
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
            Some("analyze") => {
                Ok(parse_job(&mut p, "analyze")?.map_or(Command::Help, Command::Analyze))
            }
            Some("compare") => {
                Ok(parse_job(&mut p, "compare")?.map_or(Command::Help, Command::Compare))
            }
            Some("convert") => parse_convert(&mut p),
            Some("help") => Ok(Command::Help),
            _ => Err(format!(
                "unknown command '{}': expected analyze, compare or convert",
                cmd.to_string_lossy()
            )),
        },
        Some(Short('h') | Long("help")) => Ok(Command::Help),
        Some(Short('V') | Long("version")) => Ok(Command::Version),
        Some(arg) => Err(unknown(arg)),
        None => Err("expected a command: analyze, compare or convert".into()),
    }
}

/// The options and inputs of `analyze` or `compare` (`cmd`); `None` when help was asked for.
#[cfg(not(target_arch = "wasm32"))]
fn parse_job(p: &mut lexopt::Parser, cmd: &str) -> Result<Option<Job>, String> {
    use lexopt::Arg::{Long, Short, Value};
    let compare = cmd == "compare";
    let mut job = Job {
        format: if compare { Format::Csv } else { Format::Json },
        encoding: None,
        threads: None,
        inputs: Vec::new(),
    };
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        match arg {
            Short('f') | Long("format") => {
                job.format = match text_value(p, "format")?.as_str() {
                    "json" | "jsonl" => Format::Json,
                    "csv" => Format::Csv,
                    "text" if !compare => Format::Text,
                    other => return Err(format!("{cmd}: unknown format '{other}'")),
                }
            }
            Short('e') | Long("encoding") => job.encoding = Some(text_value(p, "encoding")?),
            Short('j') | Long("threads") => job.threads = Some(threads_value(p)?),
            Short('h') | Long("help") => return Ok(None),
            Value(v) => job.inputs.push(Input::from_arg(v)),
            arg => return Err(unknown(arg)),
        }
    }
    if job.inputs.is_empty() {
        return Err(format!("{cmd} needs at least one FILE (or '-')"));
    }
    Ok(Some(job))
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

/// How a run over the inputs ended.
enum Run {
    /// Every input was read and analysed, or `failed` is set (each failure said on stderr).
    Done { failed: bool },
    /// Standard output was closed (`| head`): stop quietly.
    Closed,
}

impl Run {
    fn exit_code(self) -> ExitCode {
        match self {
            Run::Done { failed: true } => ExitCode::from(1),
            Run::Done { failed: false } | Run::Closed => ExitCode::SUCCESS,
        }
    }
}

/// Reads and analyses each input in turn (each folder's files in name order) and hands each
/// Report to `each`. An input that cannot be read or is not text is a message on stderr and
/// the rest go on; so is an error `each` returns, except a closed standard output.
fn each_report(job: &Job, mut each: impl FnMut(&Input, Report) -> io::Result<()>) -> Run {
    let mut failed = false;
    for input in expand(&job.inputs) {
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
            encoding: job.encoding.clone(),
            threads: job.threads,
        };
        match analyze(&bytes, &options) {
            Ok(report) => match each(&input, report) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Run::Closed,
                Err(e) => {
                    eprintln!("zhreport: {shown}: {e}");
                    failed = true;
                }
            },
            Err(e) => {
                eprintln!("zhreport: {shown}: {e}");
                failed = true;
            }
        }
    }
    Run::Done { failed }
}

fn cmd_analyze(job: Job) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if job.format == Format::Csv {
        let header = FACT_COLUMNS.map(csv::Field::Text);
        let _ = out.write_all(csv::BOM.as_bytes());
        let _ = csv::write_record(&mut out, &header);
    }
    let run = each_report(&job, |_, report| {
        write_report(&mut out, &report, job.format)
    });
    let _ = out.flush();
    run.exit_code()
}

/// Analyses every input, then writes the comparison of the Reports (`zhreport::compare`).
fn cmd_compare(job: Job) -> ExitCode {
    let mut reports = Vec::new();
    let mut names = Vec::new();
    let run = each_report(&job, |input, report| {
        names.push(input.name());
        reports.push(report);
        Ok(())
    });
    if let Run::Closed = run {
        return ExitCode::SUCCESS;
    }
    let comparison = compare::compare(&reports, &compare::Adjust::default());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match job.format {
        Format::Csv => write_comparison_csv(&mut out, &comparison, &reports, &names),
        _ => write_comparison_jsonl(&mut out, &comparison, &names),
    }
    .and_then(|()| out.flush());
    match written {
        Ok(()) => run.exit_code(),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => run.exit_code(),
        Err(e) => {
            eprintln!("zhreport: {e}");
            ExitCode::from(1)
        }
    }
}

/// The inputs, with each folder replaced by the files under it (hidden ones left out),
/// in name order; a folder of thousands of reports is read one file at a time.
fn expand(inputs: &[Input]) -> Vec<Input> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::File(p) if p.is_dir() => walk(p, &mut out),
            Input::File(p) => out.push(Input::File(p.clone())),
            Input::Stdin => out.push(Input::Stdin),
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

/// The file name a column is known by: the name without its folder (`stdin` for `-`).
fn file_label(name: Option<&str>) -> String {
    match name {
        Some(n) => Path::new(n)
            .file_name()
            .map_or_else(|| n.to_string(), |f| f.to_string_lossy().into_owned()),
        None => "stdin".to_string(),
    }
}

/// Each column's heading: its label (the period, with the issuer where two reports share
/// one), the file name for a report whose period was not found, and the file name added in
/// brackets where two columns would be headed alike.
fn column_headings(c: &Comparison, names: &[Option<String>]) -> Vec<String> {
    let file = |report: usize| file_label(names.get(report).and_then(|n| n.as_deref()));
    let mut headings: Vec<String> = c
        .columns
        .iter()
        .map(|col| {
            if col.period.label().is_empty() && col.period.issuer.is_none() {
                file(col.report)
            } else {
                col.label.clone()
            }
        })
        .collect();
    let twice: Vec<bool> = headings
        .iter()
        .map(|h| headings.iter().filter(|o| *o == h).count() > 1)
        .collect();
    for ((h, col), twice) in headings.iter_mut().zip(&c.columns).zip(twice) {
        if twice {
            *h = format!("{h} ({})", file(col.report));
        }
    }
    headings
}

/// What a report says of a row, as written: its result, its target after `目标` (after
/// `2021年目标` when the report's plans year is known: a 2021 report's column is headed 2020,
/// the year of its results), or both.
fn cell_text(
    cell: &compare::Cell,
    column: Option<&compare::Column>,
    report: Option<&Report>,
) -> String {
    let target = cell.target.as_ref().map(|t| {
        let t = written(t, report);
        match column.and_then(|c| c.period.plan_year) {
            Some(y) => format!("{y}年目标{t}"),
            None => format!("目标{t}"),
        }
    });
    match (cell.result.as_ref().map(|r| written(r, report)), target) {
        (Some(r), Some(t)) => format!("{r}；{t}"),
        (Some(r), None) => r,
        (None, Some(t)) => t,
        (None, None) => String::new(),
    }
}

/// Words of a fall, as the reports write them before the number (`下降2.1%`).
const FALLS: &[&str] = &["下降", "减少", "降低", "回落", "下滑", "降幅", "减", "降"];

/// A value as written. The span of a fall (`下降2.1%`: value -2.1) is only `2.1%`, which
/// would read as a rise: the fall's word just before it in the report is put back, or, where
/// none is found, a minus.
fn written(v: &compare::Value, report: Option<&Report>) -> String {
    if v.value >= 0.0 || v.text.starts_with(['-', '－', '−']) {
        return v.text.clone();
    }
    let word = report.and_then(|r| {
        let start = r.facts.get(v.fact)?.start;
        let from = start.saturating_sub(4);
        let before: String = r.text.chars().skip(from).take(start - from).collect();
        let before = before.trim_end_matches(['了', '为']);
        FALLS.iter().find(|w| before.ends_with(**w))
    });
    match word {
        Some(word) => format!("{word}{}", v.text),
        None => format!("-{}", v.text),
    }
}

/// A change in the row's unit, with a sign, to two decimals, large ones in 万 or 亿.
fn amount(by: f64, row: &compare::Row) -> String {
    let round = |v: f64| (v * 100.0).round() / 100.0;
    let sign = if by > 0.0 { "+" } else { "" };
    if matches!(row.kind, FactKind::Percent | FactKind::Growth) {
        return format!("{sign}{}个百分点", csv::number(round(by)));
    }
    let (v, scale) = if by.abs() >= 1e8 {
        (by / 1e8, "亿")
    } else if by.abs() >= 1e4 {
        (by / 1e4, "万")
    } else {
        (by, "")
    };
    format!("{sign}{}{scale}{}", csv::number(round(v)), row.unit)
}

/// `compare --format csv`: a row per compared quantity; its subject, cue, unit and kind; a
/// column per report in time order; then the targets set beside their year's result and the
/// changes from one column's result to the next.
fn write_comparison_csv(
    out: &mut impl Write,
    c: &Comparison,
    reports: &[Report],
    names: &[Option<String>],
) -> io::Result<()> {
    use csv::Field::Text;
    let headings = column_headings(c, names);
    out.write_all(csv::BOM.as_bytes())?;
    let mut header = vec![Text("subject"), Text("cue"), Text("unit"), Text("kind")];
    header.extend(headings.iter().map(|h| Text(h)));
    header.extend([Text("targets"), Text("changes")]);
    csv::write_record(out, &header)?;
    let heading = |i: usize| headings.get(i).map_or("?", String::as_str);
    for row in &c.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let column = c.columns.get(i);
                cell_text(cell, column, column.and_then(|col| reports.get(col.report)))
            })
            .collect();
        let targets: Vec<String> = row
            .checks
            .iter()
            .map(|k| {
                // A target or result as written, from the report of its column.
                let text = |column: usize, target: bool| {
                    let cell = row.cells.get(column);
                    let v = cell.and_then(|c| {
                        if target {
                            c.target.as_ref()
                        } else {
                            c.result.as_ref()
                        }
                    });
                    let report = c
                        .columns
                        .get(column)
                        .and_then(|col| reports.get(col.report));
                    v.map_or("?".to_string(), |v| written(v, report))
                };
                format!(
                    "{}: {} → {} {}",
                    k.year,
                    text(k.target_column, true),
                    text(k.result_column, false),
                    if k.met { "met" } else { "missed" }
                )
            })
            .collect();
        let changes: Vec<String> = row
            .changes
            .iter()
            .map(|ch| {
                let percent = ch
                    .percent
                    .map(|p| format!(" ({}{:.1}%)", if p > 0.0 { "+" } else { "" }, p))
                    .unwrap_or_default();
                let (from, to) = (heading(ch.from), heading(ch.to));
                format!("{from}→{to}: {}{percent}", amount(ch.by, row))
            })
            .collect();
        let kind = json_word(&row.kind);
        let (targets, changes) = (targets.join("; "), changes.join("; "));
        let mut record = vec![
            Text(&row.subject),
            Text(row.cue.as_deref().unwrap_or("")),
            Text(&row.unit),
            Text(&kind),
        ];
        record.extend(cells.iter().map(|c| Text(c)));
        record.extend([Text(&targets), Text(&changes)]);
        csv::write_record(out, &record)?;
    }
    Ok(())
}

/// `compare --format jsonl`: a first line `{"columns": [...]}`, each column as the
/// Comparison has it (`report`, `period`, `label`) with the `file` it was read from (`null`
/// for stdin); then one line per row, the Comparison's `Row` as it is, its `cells`, `checks`
/// and `changes` indexed by column.
fn write_comparison_jsonl(
    out: &mut impl Write,
    c: &Comparison,
    names: &[Option<String>],
) -> io::Result<()> {
    let mut columns = Vec::new();
    for col in &c.columns {
        let mut v = serde_json::to_value(col).map_err(io::Error::other)?;
        if let Some(map) = v.as_object_mut() {
            let file = names.get(col.report).cloned().flatten();
            map.insert("file".into(), serde_json::Value::from(file));
        }
        columns.push(v);
    }
    serde_json::to_writer(&mut *out, &serde_json::json!({ "columns": columns }))
        .map_err(io::Error::other)?;
    writeln!(out)?;
    for row in &c.rows {
        serde_json::to_writer(&mut *out, row).map_err(io::Error::other)?;
        writeln!(out)?;
    }
    Ok(())
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

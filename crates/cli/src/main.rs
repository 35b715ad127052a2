//! `tahlil`: analyze and normalize Arabic text from the shell.
//!
//! ```text
//! tahlil analyze [FILE|-] [--format json|jsonl] [--reference-date YYYY-MM-DD] [--encoding E] [--threads N]
//! tahlil normalize [FILE|-] [--preset search|display|none] [--encoding E]
//! ```
//!
//! Files are read with `tahlil_core::input`: `.html`/`.htm` and `.docx` by
//! their text, and the encoding detected unless `--encoding` names it.

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;
use tahlil_core::input::{self, EncodingChoice, Format};
use tahlil_core::normalize::{Normalizer, Preset};
use tahlil_core::{AnalyzeOptions, Analyzer};

const USAGE: &str = "usage:
  tahlil analyze [FILE|-] [--format json|jsonl] [--reference-date YYYY-MM-DD] [--encoding E] [--threads N]
      json:  the whole input is one document; prints one analysis
      jsonl: every input line is one document; prints one analysis per line
             (lines are analyzed in batches on the threads, printed in order)
      --threads: most threads for the sections of a text over 512 KiB (default: the
                 machine's cores, at most 8); the output is the same for any N
  tahlil normalize [FILE|-] [--preset search|display|none] [--encoding E]
  E: auto (default), utf-8, utf-16, windows-1256, iso-8859-6.
  .html/.htm files are read as their text, .docx files as their paragraphs.
  tahlil --help | --version";

/// A one-line error for the user; `main` prints it and exits non-zero.
struct CliError(String);

impl<E: std::fmt::Display> From<E> for CliError {
    fn from(e: E) -> Self {
        CliError(e.to_string())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError(msg)) => {
            eprintln!("tahlil: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Parsed command-line arguments of one subcommand.
#[derive(Default)]
struct Args {
    input: Option<String>,
    format: Option<String>,
    preset: Option<String>,
    reference_date: Option<String>,
    encoding: Option<String>,
    threads: Option<String>,
}

impl Args {
    /// The `--encoding` asked for (auto when absent).
    fn encoding(&self) -> Result<EncodingChoice, CliError> {
        let label = self.encoding.as_deref().unwrap_or("auto");
        EncodingChoice::from_label(label).ok_or_else(|| {
            CliError(format!(
                "unknown encoding {label:?}; use auto, utf-8, utf-16, windows-1256 or iso-8859-6"
            ))
        })
    }
}

fn parse_args(args: &[String]) -> Result<Args, CliError> {
    let mut out = Args::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| CliError(format!("{name} needs a value")))
        };
        match a.as_str() {
            "--format" => out.format = Some(value("--format")?),
            "--preset" => out.preset = Some(value("--preset")?),
            "--reference-date" => out.reference_date = Some(value("--reference-date")?),
            "--encoding" => out.encoding = Some(value("--encoding")?),
            "--threads" => out.threads = Some(value("--threads")?),
            s if s.starts_with("--") => {
                return Err(CliError(format!("unknown option {s}\n{USAGE}")))
            }
            s if out.input.is_none() => out.input = Some(s.to_string()),
            s => return Err(CliError(format!("unexpected argument {s}"))),
        }
    }
    Ok(out)
}

fn run(args: &[String]) -> Result<(), CliError> {
    let Some(command) = args.first() else {
        return Err(CliError(USAGE.to_string()));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        "-V" | "--version" => {
            println!(
                "tahlil {} (contract version {})",
                env!("CARGO_PKG_VERSION"),
                tahlil_core::CONTRACT_VERSION
            );
            Ok(())
        }
        "analyze" => analyze(parse_args(&args[1..])?),
        "normalize" => normalize(parse_args(&args[1..])?),
        other => Err(CliError(format!("unknown command {other:?}\n{USAGE}"))),
    }
}

/// Opens the input: a file path, or standard input for `-` or nothing.
fn open_input(path: Option<&str>) -> Result<Box<dyn BufRead>, CliError> {
    match path {
        None | Some("-") => Ok(Box::new(io::BufReader::new(io::stdin()))),
        Some(p) => {
            let meta =
                std::fs::metadata(p).map_err(|e| CliError(format!("cannot read {p}: {e}")))?;
            if meta.is_dir() {
                return Err(CliError(format!("{p} is a directory, not a text file")));
            }
            let f =
                std::fs::File::open(p).map_err(|e| CliError(format!("cannot read {p}: {e}")))?;
            Ok(Box::new(io::BufReader::new(f)))
        }
    }
}

/// Reads the whole input as text: decoded as `encoding` says, and the text
/// of an HTML or .docx file (by its extension or content).
fn read_text(path: Option<&str>, encoding: EncodingChoice) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    let name = path.unwrap_or("-");
    open_input(path)?
        .read_to_end(&mut bytes)
        .map_err(|e| CliError(format!("cannot read {name}: {e}")))?;
    input::read_file(name, &bytes, encoding)
        .map(|decoded| decoded.text)
        .map_err(|e| CliError(format!("{name}: {e}")))
}

/// Decodes one line of `--format jsonl` input (`number` counts from 1).
fn decode_line(line: &[u8], number: usize, encoding: EncodingChoice) -> Result<String, CliError> {
    let line = if number == 1 {
        line.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(line)
    } else {
        line
    };
    match encoding {
        EncodingChoice::Auto | EncodingChoice::Utf8 => input::encoding::str_from_utf8(line)
            .map(str::to_string)
            .map_err(|e| {
                CliError(format!(
                    "line {number} is not valid UTF-8 (byte {}); name the encoding with --encoding",
                    e.valid_up_to()
                ))
            }),
        EncodingChoice::Utf16 => Err(CliError(
            "--format jsonl reads lines of UTF-8 or a single-byte encoding, not UTF-16; use --format json"
                .into(),
        )),
        single_byte => input::encoding::decode(line, single_byte)
            .map(|(text, _)| text)
            .map_err(|e| CliError(format!("line {number}: {e}"))),
    }
}

/// `--format jsonl` reads lines in batches of about this many bytes ...
const JSONL_BATCH_BYTES: usize = 1 << 20;
/// ... or of this many lines, whichever comes first.
const JSONL_BATCH_LINES: usize = 1024;

/// The analysis JSON of each document of `batch`, in order, made on up to
/// the analyzer's number of threads.
fn analyze_batch(
    analyzer: &Analyzer,
    batch: &[String],
    options: &AnalyzeOptions,
) -> Vec<Result<String, tahlil_core::AnalyzeError>> {
    tahlil_core::parallel::map_in_order(batch.len(), analyzer.threads(), |k| {
        analyzer.analyze(&batch[k], options).map(|a| a.to_json())
    })
}

fn analyze(args: Args) -> Result<(), CliError> {
    let encoding = args.encoding()?;
    let options = AnalyzeOptions {
        reference_date: args.reference_date,
        ..Default::default()
    };
    let threads = match args.threads.as_deref() {
        None => None,
        Some(n) => match n.parse::<usize>() {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                return Err(CliError(format!(
                    "--threads takes a whole number of at least 1, not {n:?}"
                )))
            }
        },
    };
    let build = || {
        let analyzer = Analyzer::new();
        match threads {
            Some(n) => analyzer.with_threads(n),
            None => analyzer,
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format.as_deref().unwrap_or("json") {
        "json" => {
            // The analyzer's tables (~7 ms) are built on a second thread while
            // the input is read and decoded.
            let (analyzer, text) = std::thread::scope(|scope| {
                let building = scope.spawn(build);
                let text = read_text(args.input.as_deref(), encoding);
                (building.join().expect("building the analyzer"), text)
            });
            let analysis = analyzer.analyze(&text?, &options)?;
            writeln!(out, "{}", analysis.to_json())?;
        }
        "jsonl" => {
            // One document per line, streamed in batches: memory stays bounded.
            if let Some(p) = args.input.as_deref() {
                if input::detect_format(p, b"") != Format::Text {
                    return Err(CliError(format!(
                        "{p}: --format jsonl reads text lines; use --format json for .html and .docx files"
                    )));
                }
            }
            let mut reader = open_input(args.input.as_deref())?;
            let analyzer = build();
            let mut line = Vec::new();
            let mut number = 0usize;
            let mut end_of_input = false;
            while !end_of_input {
                // A batch of lines, analyzed on the analyzer's threads and printed in order:
                // memory stays bounded by the batch, whatever the input's size.
                let mut batch = Vec::new();
                let mut batch_bytes = 0;
                let mut failure = None;
                while batch_bytes < JSONL_BATCH_BYTES && batch.len() < JSONL_BATCH_LINES {
                    line.clear();
                    if reader.read_until(b'\n', &mut line)? == 0 {
                        end_of_input = true;
                        break;
                    }
                    number += 1;
                    if line.ends_with(b"\n") {
                        line.pop();
                        if line.ends_with(b"\r") {
                            line.pop();
                        }
                    }
                    match decode_line(&line, number, encoding) {
                        Ok(text) => {
                            batch_bytes += text.len();
                            batch.push(text);
                        }
                        Err(e) => {
                            failure = Some(e);
                            break;
                        }
                    }
                }
                // The lines before a failing one are printed first.
                for json in analyze_batch(&analyzer, &batch, &options) {
                    writeln!(out, "{}", json?)?;
                }
                if let Some(e) = failure {
                    out.flush()?;
                    return Err(e);
                }
            }
        }
        other => {
            return Err(CliError(format!(
                "unknown format {other:?}; use json or jsonl"
            )))
        }
    }
    out.flush()?;
    Ok(())
}

fn normalize(args: Args) -> Result<(), CliError> {
    let name = args.preset.as_deref().unwrap_or("search");
    let preset = Preset::from_name(name).ok_or_else(|| {
        CliError(format!(
            "unknown preset {name:?}; use search, display or none"
        ))
    })?;
    let text = read_text(args.input.as_deref(), args.encoding()?)?;
    let normalized = Normalizer::new(preset.options()).normalize(&text);
    let mut out = io::stdout().lock();
    out.write_all(normalized.text.as_bytes())?;
    out.flush()?;
    Ok(())
}

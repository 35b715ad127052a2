//! `tahlil`: analyze and normalize Arabic text from the shell.
//!
//! ```text
//! tahlil analyze [FILE|-] [--format json|jsonl] [--reference-date YYYY-MM-DD]
//! tahlil normalize [FILE|-] [--preset search|display|none]
//! ```

use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;
use tahlil_core::normalize::{Normalizer, Preset};
use tahlil_core::{AnalyzeOptions, Analyzer};

const USAGE: &str = "usage:
  tahlil analyze [FILE|-] [--format json|jsonl] [--reference-date YYYY-MM-DD]
      json:  the whole input is one document; prints one analysis
      jsonl: every input line is one document; prints one analysis per line
  tahlil normalize [FILE|-] [--preset search|display|none]
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

/// Reads the whole input as UTF-8 text.
fn read_text(path: Option<&str>) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    open_input(path)?.read_to_end(&mut bytes)?;
    decode_utf8(bytes, path.unwrap_or("-"))
}

fn decode_utf8(mut bytes: Vec<u8>, name: &str) -> Result<String, CliError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        CliError(format!(
            "{name} is not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn analyze(args: Args) -> Result<(), CliError> {
    let options = AnalyzeOptions {
        reference_date: args.reference_date,
        ..Default::default()
    };
    let analyzer = Analyzer::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format.as_deref().unwrap_or("json") {
        "json" => {
            let text = read_text(args.input.as_deref())?;
            let analysis = analyzer.analyze(&text, &options)?;
            writeln!(out, "{}", analysis.to_json())?;
        }
        "jsonl" => {
            // One document per line, streamed: memory stays constant.
            let mut reader = open_input(args.input.as_deref())?;
            let mut line = Vec::new();
            let mut number = 0usize;
            loop {
                line.clear();
                if reader.read_until(b'\n', &mut line)? == 0 {
                    break;
                }
                number += 1;
                if line.ends_with(b"\n") {
                    line.pop();
                    if line.ends_with(b"\r") {
                        line.pop();
                    }
                }
                let text = std::str::from_utf8(&line).map_err(|e| {
                    CliError(format!(
                        "line {number} is not valid UTF-8 (byte {})",
                        e.valid_up_to()
                    ))
                })?;
                let analysis = analyzer.analyze(text, &options)?;
                writeln!(out, "{}", analysis.to_json())?;
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
    let text = read_text(args.input.as_deref())?;
    let normalized = Normalizer::new(preset.options()).normalize(&text);
    let mut out = io::stdout().lock();
    out.write_all(normalized.text.as_bytes())?;
    out.flush()?;
    Ok(())
}

//! The names layer alone, with a person-name table read from a file (and,
//! when given, a table of learned organization and place names): for
//! cross-validating those learned tables (`scripts/eval/eval_names.py --cv`).
//!
//! ```sh
//! cargo run --release -p tahlil-core --example names_cv -- TABLE.tsv [LEARNED.tsv] < lines.txt
//! ```
//!
//! Reads one document a line on standard input (its lines joined by
//! U+2028, read as line breaks) and prints, for each, one
//! line of JSON: `{"entities":[{"kind","char_start","char_end"}...]}` with
//! offsets in code points of the line, as the CLI's `--format jsonl` does,
//! and the rule or table that proposed each one in `value.source`.

use std::io::{BufRead, Write};
use tahlil_core::recognize::names::{resolve, NamesRecognizer};
use tahlil_core::recognize::Document;
use tahlil_core::span::Span;
use tahlil_core::tokenize::tokenize;
use tahlil_core::{Normalizer, Preset};

fn main() {
    let usage = "usage: names_cv TABLE.tsv [LEARNED.tsv] < lines.txt";
    let path = std::env::args().nth(1).expect(usage);
    let table = std::fs::read_to_string(&path).expect("person-name table readable");
    let names = match std::env::args().nth(2) {
        Some(learned) => NamesRecognizer::with_tables(
            &table,
            &std::fs::read_to_string(&learned).expect("learned-name table readable"),
        ),
        None => NamesRecognizer::with_person_words(&table),
    };
    let normalizer = Normalizer::new(Preset::Search.options());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in std::io::stdin().lock().lines() {
        // Several sentences of one document come joined by U+2028
        // (`eval_names.py --docs`): each its own line, as in a file.
        let line = line.expect("UTF-8 input").replace('\u{2028}', "\n");
        let normalized = normalizer.normalize(&line);
        let tokens = tokenize(&normalized.text);
        let mut doc = Document::new(&normalized.text, &tokens);
        doc.set_original(&line, &normalized);
        let entities: Vec<serde_json::Value> = resolve(names.candidates(&doc))
            .iter()
            .map(|c| {
                let span = normalized.to_original(Span::new(
                    tokens[c.first].span.start + c.skip,
                    tokens[c.last].span.end,
                ));
                serde_json::json!({
                    "kind": c.kind.name(),
                    "char_start": line[..span.start].chars().count(),
                    "char_end": line[..span.end].chars().count(),
                    "value": { "source": format!("{:?}", c.source) },
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::json!({ "entities": entities })).expect("stdout");
    }
}

//! Runs the shared test vectors (tests/vectors/*.toml) on the native build.

#[path = "../../../tests/vectors/runner.rs"]
mod runner;

use tahlil_core::normalize::{Normalizer, Preset};
use tahlil_core::{AnalyzeOptions, Analyzer};

#[test]
fn vectors_pass_natively() {
    let analyzer = Analyzer::new();
    let analyze = |text: &str, reference: Option<&str>| {
        let options = AnalyzeOptions {
            reference_date: reference.map(str::to_string),
            ..Default::default()
        };
        serde_json::from_str(&analyzer.analyze(text, &options).unwrap().to_json()).unwrap()
    };
    let normalize = |text: &str, preset: &str| {
        let n = Normalizer::new(Preset::from_name(preset).unwrap().options());
        let out = n.normalize(text).text;
        // The UTF-16 path (JavaScript strings) gives the same text.
        let mut utf16 = Vec::new();
        n.normalize_utf16_into(&text.encode_utf16().collect::<Vec<_>>(), &mut utf16);
        assert_eq!(
            String::from_utf16(&utf16).unwrap(),
            out,
            "UTF-16 path on {text:?}"
        );
        out
    };
    runner::assert_all_pass(&analyze, &normalize);
}

#[test]
fn every_vector_file_is_listed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".toml") {
            assert!(
                runner::FILES.iter().any(|(f, _)| *f == name),
                "{name} is not listed in tests/vectors/files.rs"
            );
        }
    }
}

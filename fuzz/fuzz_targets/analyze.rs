//! Fuzzes `Analyzer::analyze` on arbitrary text and checks the contract's
//! invariants on every result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tahlil_core::{AnalyzeOptions, Analyzer};

fuzz_target!(|data: &[u8]| {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    let analyzer = ANALYZER.get_or_init(Analyzer::new);
    let text = String::from_utf8_lossy(data);
    let analysis = analyzer.analyze(&text, &AnalyzeOptions::default()).expect("analysis of valid text");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for e in &analysis.entities {
        assert!(e.byte_start >= last_end, "entities overlap or are unsorted");
        assert!(e.byte_start < e.byte_end, "empty entity");
        last_end = e.byte_end;
        assert_eq!(&text[e.byte_start..e.byte_end], e.text);
        assert_eq!(String::from_utf16(&utf16[e.start..e.end]).unwrap(), e.text);
        assert_eq!(chars[e.char_start..e.char_end].iter().collect::<String>(), e.text);
    }
    let json = analysis.to_json();
    assert!(json.starts_with("{\"version\":1,"));
});

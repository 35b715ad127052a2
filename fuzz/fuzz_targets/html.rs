//! Fuzzes the HTML reader: never a panic, and no tag survives: the text of
//! `<b>` + output + `</b>` read again is the output (idempotent on text
//! without `<`, `&` or line breaks).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tahlil_core::input::html::html_to_text;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let text = html_to_text(&html);
    assert!(!text.contains('\u{E000}'), "block marker leaked");
    assert!(!text.starts_with('\n') && !text.ends_with('\n'));
    if !text.contains(['<', '&', '\n']) {
        assert_eq!(html_to_text(&text), text, "text read again changed");
    }
});

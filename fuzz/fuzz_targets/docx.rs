//! Fuzzes the .docx reader (ZIP directory, inflate, WordprocessingML) on
//! arbitrary bytes, and the XML paragraph reader on arbitrary text: never a
//! panic, never more text than the inflate limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tahlil_core::input::docx::{document_xml_to_text, docx_to_text, MAX_DOCUMENT_XML};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = docx_to_text(data) {
        assert!(text.len() <= MAX_DOCUMENT_XML);
    }
    let xml = String::from_utf8_lossy(data);
    let _ = document_xml_to_text(&xml);
});

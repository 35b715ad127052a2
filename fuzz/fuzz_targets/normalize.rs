//! Fuzzes the normalizer with arbitrary options and text: idempotent, and
//! every mapped span lies on char boundaries of the original, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tahlil_core::normalize::{NormalizeOptions, Normalizer};
use tahlil_core::Span;


fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let normalizer = Normalizer::new(NormalizeOptions::from_bits(u16::from_le_bytes([data[0], data[1]])));
    let text = String::from_utf8_lossy(&data[2..]);
    let out = normalizer.normalize(&text);
    out.alignment.check().expect("alignment invariants");
    assert_eq!(normalizer.normalize(&out.text).text, out.text, "not idempotent");
    let mut last = Span::new(0, 0);
    for (i, c) in out.text.char_indices() {
        let span = out.to_original(Span::new(i, i + c.len_utf8()));
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(span.start >= last.start && span.end >= last.end, "mapping not monotone");
        last = span;
    }
});

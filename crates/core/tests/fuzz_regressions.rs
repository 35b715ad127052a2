//! Inputs found by the fuzzers (`fuzz/`), kept as regression tests.

use tahlil_core::normalize::{NormalizeOptions, Normalizer};

/// Found by `fuzz/normalize` (options bits 0x847A, minimized by hand): with
/// `compose` and `alef` on and `hamza` off, `إ` + U+0654 folds to `ا` +
/// U+0654, which the next pass composes to `أ` and folds to `ا`: the
/// normalizer was not idempotent. Fixed by composing on the folded letter.
#[test]
fn normalize_is_idempotent_on_alef_with_hamza_below_then_hamza_above() {
    let normalizer = Normalizer::new(NormalizeOptions::from_bits(0x847A));
    let once = normalizer.normalize("إ\u{654}").text;
    assert_eq!(normalizer.normalize(&once).text, once);
}

/// The crash input itself, as the fuzzer found it.
#[test]
fn normalize_fuzz_crash_d4fa2f14() {
    let data: &[u8] = include_bytes!("data/fuzz/normalize-crash-d4fa2f14");
    let normalizer = Normalizer::new(NormalizeOptions::from_bits(u16::from_le_bytes([
        data[0], data[1],
    ])));
    let once = normalizer
        .normalize(&String::from_utf8_lossy(&data[2..]))
        .text;
    assert_eq!(normalizer.normalize(&once).text, once);
}

/// The option bits map onto the fields the fuzz target sets (a guard for the copies above).
#[test]
fn fuzz_options_decode_bits() {
    let o = NormalizeOptions::from_bits(0x847A);
    assert!(o.compose && o.alef && o.tatweel && o.separators && !o.hamza && !o.diacritics);
}

//! Inputs found by the fuzzers (`fuzz/`), kept as regression tests.

use tahlil_core::normalize::{NormalizeOptions, Normalizer};

/// The options the `normalize` fuzz target builds from its first two bytes.
fn fuzz_options(bits: u16) -> NormalizeOptions {
    let on = |i: u32| bits & (1 << i) != 0;
    NormalizeOptions {
        compatibility: on(0),
        compose: on(1),
        diacritics: on(2),
        tatweel: on(3),
        alef: on(4),
        alef_maqsura: on(5),
        teh_marbuta: on(6),
        hamza: on(7),
        persian: on(8),
        digits: on(9),
        separators: on(10),
        punctuation: on(11),
        invisible: on(12),
        joiners: on(13),
        whitespace: on(14),
    }
}

/// Found by `fuzz/normalize` (options bits 0x847A, minimized by hand): with
/// `compose` and `alef` on and `hamza` off, `إ` + U+0654 folds to `ا` +
/// U+0654, which the next pass composes to `أ` and folds to `ا`: the
/// normalizer was not idempotent. Fixed by composing on the folded letter.
#[test]
fn normalize_is_idempotent_on_alef_with_hamza_below_then_hamza_above() {
    let normalizer = Normalizer::new(fuzz_options(0x847A));
    let once = normalizer.normalize("إ\u{654}").text;
    assert_eq!(normalizer.normalize(&once).text, once);
}

/// The crash input itself, as the fuzzer found it.
#[test]
fn normalize_fuzz_crash_d4fa2f14() {
    let data: &[u8] = include_bytes!("data/fuzz/normalize-crash-d4fa2f14");
    let normalizer = Normalizer::new(fuzz_options(u16::from_le_bytes([data[0], data[1]])));
    let once = normalizer
        .normalize(&String::from_utf8_lossy(&data[2..]))
        .text;
    assert_eq!(normalizer.normalize(&once).text, once);
}

/// The option bits map onto the fields the fuzz target sets (a guard for the copies above).
#[test]
fn fuzz_options_decode_bits() {
    let o = fuzz_options(0x847A);
    assert!(o.compose && o.alef && o.tatweel && o.separators && !o.hamza && !o.diacritics);
}

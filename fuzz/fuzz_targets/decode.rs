//! Fuzzes encoding detection and decoding with every encoding choice: never
//! a panic; decoded text holds no NUL; UTF-8 input that is accepted
//! round-trips exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tahlil_core::input::encoding::{decode, Encoding, EncodingChoice};

const CHOICES: [EncodingChoice; 5] = [
    EncodingChoice::Auto,
    EncodingChoice::Utf8,
    EncodingChoice::Utf16,
    EncodingChoice::Windows1256,
    EncodingChoice::Iso8859_6,
];

fuzz_target!(|data: &[u8]| {
    for choice in CHOICES {
        if let Ok((text, encoding)) = decode(data, choice) {
            assert!(!text.contains('\0'));
            if encoding == Encoding::Utf8 {
                assert_eq!(text.as_bytes(), data);
            }
        }
    }
});

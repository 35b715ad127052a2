//! Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE, Windows-1256 and
//! ISO-8859-6. Without a BOM and when the bytes are not valid UTF-8, the
//! legacy encoding whose decoding reads most like Arabic wins. Binary data is
//! refused with [`InputError::Binary`].

use super::InputError;
use std::sync::OnceLock;

/// An encoding the readers can decode, as found or as asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 after a byte-order mark (EF BB BF).
    Utf8Bom,
    /// UTF-16, little-endian, after a byte-order mark (FF FE).
    Utf16LeBom,
    /// UTF-16, big-endian, after a byte-order mark (FE FF).
    Utf16BeBom,
    /// UTF-16, little-endian, without a BOM (only when asked for UTF-16).
    Utf16Le,
    /// UTF-16, big-endian, without a BOM (only when asked for UTF-16).
    Utf16Be,
    /// Windows-1256 (Arabic code page of Windows).
    Windows1256,
    /// ISO-8859-6 (Latin/Arabic).
    Iso8859_6,
}

impl Encoding {
    /// The name shown to users (`UTF-8`, `UTF-8 (BOM)`, `UTF-16LE (BOM)`, `Windows-1256`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16LeBom => "UTF-16LE (BOM)",
            Encoding::Utf16BeBom => "UTF-16BE (BOM)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1256 => "Windows-1256",
            Encoding::Iso8859_6 => "ISO-8859-6",
        }
    }
}

/// What the caller says the bytes are: a given encoding, or `Auto` to detect it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EncodingChoice {
    /// Detect: BOM, then UTF-8, then the more Arabic-looking legacy encoding.
    #[default]
    Auto,
    /// UTF-8 (a BOM is skipped).
    Utf8,
    /// UTF-16: byte order from the BOM, else guessed from where the zero bytes are.
    Utf16,
    /// Windows-1256.
    Windows1256,
    /// ISO-8859-6.
    Iso8859_6,
}

impl EncodingChoice {
    /// Parses a label: `auto`, `utf-8`, `utf-16`, `windows-1256`, `iso-8859-6`
    /// (case-insensitive, a few aliases such as `utf8`, `cp1256`).
    pub fn from_label(label: &str) -> Option<Self> {
        let l = label.trim().to_ascii_lowercase();
        ENCODING_LABELS
            .iter()
            .find(|(name, _)| *name == l)
            .map(|&(_, choice)| choice)
    }
}

/// Labels accepted by [`EncodingChoice::from_label`].
const ENCODING_LABELS: &[(&str, EncodingChoice)] = &[
    ("auto", EncodingChoice::Auto),
    ("utf-8", EncodingChoice::Utf8),
    ("utf8", EncodingChoice::Utf8),
    ("utf-16", EncodingChoice::Utf16),
    ("utf16", EncodingChoice::Utf16),
    ("windows-1256", EncodingChoice::Windows1256),
    ("cp1256", EncodingChoice::Windows1256),
    ("iso-8859-6", EncodingChoice::Iso8859_6),
    ("iso8859-6", EncodingChoice::Iso8859_6),
];

/// Relative frequency (per mille) of Arabic letters and punctuation in news
/// text: the score of a legacy decoding.
const ARABIC_FREQUENCY: &[(char, i32)] = &[
    ('ا', 125),
    ('ل', 110),
    ('ي', 75),
    ('م', 63),
    ('و', 60),
    ('ن', 58),
    ('ه', 30),
    ('ة', 28),
    ('ر', 45),
    ('ت', 42),
    ('ب', 37),
    ('ع', 30),
    ('د', 27),
    ('ف', 25),
    ('س', 24),
    ('ك', 20),
    ('ق', 20),
    ('ح', 18),
    ('ج', 11),
    ('ش', 9),
    ('ط', 8),
    ('ص', 8),
    ('ى', 8),
    ('أ', 20),
    ('إ', 9),
    ('خ', 7),
    ('ز', 5),
    ('ث', 5),
    ('ض', 5),
    ('غ', 4),
    ('ذ', 6),
    ('ظ', 2),
    ('ء', 3),
    ('ئ', 3),
    ('ؤ', 1),
    ('آ', 1),
    ('،', 6),
    ('؛', 1),
    ('؟', 1),
];

/// A single-byte table: the code point of each byte 0x80..=0xFF, `None` where undefined.
type HighHalf = [Option<char>; 128];

fn parse_table(tsv: &str) -> HighHalf {
    let mut table = [None; 128];
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let (byte, cp) = line.split_once('\t').expect("byte<TAB>code point");
        let byte = u8::from_str_radix(byte, 16).expect("hex byte");
        if cp != "-" {
            let cp = u32::from_str_radix(cp, 16).expect("hex code point");
            table[usize::from(byte - 0x80)] = char::from_u32(cp);
        }
    }
    table
}

fn windows_1256() -> &'static HighHalf {
    static TABLE: OnceLock<HighHalf> = OnceLock::new();
    TABLE.get_or_init(|| parse_table(data_table!(include_str!("../../data/windows-1256.tsv"))))
}

fn iso_8859_6() -> &'static HighHalf {
    static TABLE: OnceLock<HighHalf> = OnceLock::new();
    TABLE.get_or_init(|| parse_table(data_table!(include_str!("../../data/iso-8859-6.tsv"))))
}

/// Decodes `bytes` as `choice` says; returns the text and the encoding used.
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Result<(String, Encoding), InputError> {
    let (text, encoding) = match choice {
        EncodingChoice::Auto => decode_auto(bytes)?,
        EncodingChoice::Utf8 => match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
            Some(rest) => (utf8(rest, Encoding::Utf8Bom)?, Encoding::Utf8Bom),
            None => (utf8(bytes, Encoding::Utf8)?, Encoding::Utf8),
        },
        EncodingChoice::Utf16 => decode_utf16_any(bytes)?,
        EncodingChoice::Windows1256 => (
            single_byte(bytes, windows_1256(), Encoding::Windows1256)?,
            Encoding::Windows1256,
        ),
        EncodingChoice::Iso8859_6 => (
            single_byte(bytes, iso_8859_6(), Encoding::Iso8859_6)?,
            Encoding::Iso8859_6,
        ),
    };
    check_text(&text)?;
    Ok((text, encoding))
}

fn decode_auto(bytes: &[u8]) -> Result<(String, Encoding), InputError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok((utf8(rest, Encoding::Utf8Bom)?, Encoding::Utf8Bom));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return decode_utf16_any(bytes);
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary("it contains NUL bytes".into()));
    }
    if let Ok(text) = str_from_utf8(bytes) {
        return Ok((text.to_string(), Encoding::Utf8));
    }
    let mut best: Option<(f64, String, Encoding)> = None;
    for (table, encoding) in [
        (windows_1256(), Encoding::Windows1256),
        (iso_8859_6(), Encoding::Iso8859_6),
    ] {
        let Ok(text) = single_byte(bytes, table, encoding) else {
            continue;
        };
        let score = arabic_score(&text);
        if best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, text, encoding));
        }
    }
    match best {
        Some((score, text, encoding)) if score > 0.0 => Ok((text, encoding)),
        _ => Err(InputError::Binary(
            "it is not text in UTF-8, UTF-16, Windows-1256 or ISO-8859-6".into(),
        )),
    }
}

/// `bytes` as text if they are valid UTF-8: [`std::str::from_utf8`], with
/// SIMD natively (`simdutf8`, same result and error position).
pub fn str_from_utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    // Invalid (or in wasm): std says where the valid text ends.
    std::str::from_utf8(bytes)
}

fn utf8(bytes: &[u8], encoding: Encoding) -> Result<String, InputError> {
    str_from_utf8(bytes)
        .map(str::to_string)
        .map_err(|e| InputError::Invalid {
            encoding: encoding.name(),
            offset: e.valid_up_to(),
        })
}

fn decode_utf16_any(bytes: &[u8]) -> Result<(String, Encoding), InputError> {
    let (body, big_endian, bom) = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (rest, false, true)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (rest, true, true)
    } else {
        // No BOM: the high byte of ASCII and Arabic code units is 0x00 or 0x06.
        let high = |first: usize| {
            bytes
                .iter()
                .skip(first)
                .step_by(2)
                .take(1 << 16)
                .filter(|&&b| b == 0 || b == 6)
                .count()
        };
        (bytes, high(0) > high(1), false)
    };
    let encoding = match (big_endian, bom) {
        (true, true) => Encoding::Utf16BeBom,
        (false, true) => Encoding::Utf16LeBom,
        (true, false) => Encoding::Utf16Be,
        (false, false) => Encoding::Utf16Le,
    };
    if body.len() % 2 != 0 {
        return Err(InputError::Invalid {
            encoding: encoding.name(),
            offset: body.len() - 1,
        });
    }
    let units = body.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut text = String::with_capacity(body.len());
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(InputError::Invalid {
                    encoding: encoding.name(),
                    offset: i * 2 + (bytes.len() - body.len()),
                })
            }
        }
    }
    Ok((text, encoding))
}

fn single_byte(bytes: &[u8], table: &HighHalf, encoding: Encoding) -> Result<String, InputError> {
    let mut text = String::with_capacity(bytes.len() * 2);
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            text.push(char::from(b));
        } else {
            match table[usize::from(b - 0x80)] {
                Some(c) => text.push(c),
                None => {
                    return Err(InputError::Invalid {
                        encoding: encoding.name(),
                        offset: i,
                    })
                }
            }
        }
    }
    Ok(text)
}

/// How much a decoding reads like Arabic: the mean frequency weight of its
/// non-ASCII characters (other non-ASCII characters cost 60). Positive for
/// plausible Arabic text. Looks at the first 256 Ki characters.
pub fn arabic_score(text: &str) -> f64 {
    let mut score = 0i64;
    let mut non_ascii = 0i64;
    for c in text.chars().take(1 << 18).filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        score += match ARABIC_FREQUENCY.iter().find(|(l, _)| *l == c) {
            Some(&(_, f)) => i64::from(f),
            None if ('\u{064B}'..='\u{0652}').contains(&c) => 2,
            None if c == '\u{0640}' => 0,
            None => -60,
        };
    }
    if non_ascii == 0 {
        0.0
    } else {
        score as f64 / non_ascii as f64
    }
}

/// Refuses decoded text that holds what text files do not: NUL, or many
/// control characters (C0 other than tab, line feed, form feed, carriage
/// return) in the first MiB.
/// Chars of the text that [`check_text`] looks at.
const CHECKED_CHARS: usize = 1 << 20;

fn check_text(text: &str) -> Result<(), InputError> {
    // Counted on bytes, in loops the compiler vectorizes: a char starts at each
    // byte that is not `10xxxxxx`, control characters are ASCII bytes, U+FFFD
    // is EF BF BD.
    let bytes = &text.as_bytes()[..checked_len(text)];
    if count_bytes(bytes, |b| b == 0) > 0 {
        return Err(InputError::Binary("it contains NUL characters".into()));
    }
    let seen = count_bytes(bytes, starts_char);
    let mut controls = count_bytes(bytes, |b| {
        (b < b' ') & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C)
    });
    // U+FFFD, looked for only in the blocks of 128 bytes where a char starts
    // with EF (few in Arabic text: presentation forms, U+FFFD).
    for (k, block) in bytes.chunks(128).enumerate() {
        if count_bytes(block, |b| b == 0xEF) > 0 {
            let from = k * 128;
            let window = &bytes[from..(from + 130).min(bytes.len())];
            controls += (0..block.len())
                .filter(|&i| window[i..].starts_with(&[0xEF, 0xBF, 0xBD]))
                .count();
        }
    }
    if controls > 2.max(seen / 200) {
        return Err(InputError::Binary(format!(
            "it holds {controls} control characters"
        )));
    }
    Ok(())
}

/// Whether `b` starts a char of UTF-8 (it is not a `10xxxxxx` byte).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// How many bytes of `bytes` are `matching`: summed in bytes over blocks of
/// 128, so that the compiler adds 16 or 32 of them at once.
fn count_bytes(bytes: &[u8], matching: impl Fn(u8) -> bool) -> usize {
    let blocks = bytes.chunks_exact(128);
    let rest = blocks.remainder();
    let in_blocks: usize = blocks
        .map(|block| usize::from(block.iter().map(|&b| u8::from(matching(b))).sum::<u8>()))
        .sum();
    in_blocks + rest.iter().filter(|&&b| matching(b)).count()
}

/// Bytes of the first [`CHECKED_CHARS`] chars of `text`.
fn checked_len(text: &str) -> usize {
    if text.len() <= CHECKED_CHARS {
        return text.len();
    }
    let mut chars = 0;
    let mut at = 0;
    for block in text.as_bytes().chunks(4096) {
        let here = count_bytes(block, starts_char);
        if chars + here > CHECKED_CHARS {
            // The cut is in this block: the start of the char after the last
            // one checked.
            let i = block.iter().enumerate().filter(|(_, &b)| starts_char(b));
            return i
                .map(|(i, _)| at + i)
                .nth(CHECKED_CHARS - chars)
                .unwrap_or(text.len());
        }
        chars += here;
        at += block.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str =
        "ارتفعت الأسعار بنسبة 12% في عام 2024، وقال الوزير إن الحكومة ستعمل على خفضها.";

    /// `check_text` as it was written first, a char at a time.
    fn check_text_by_chars(text: &str) -> Result<(), InputError> {
        let mut controls = 0usize;
        let mut seen = 0usize;
        for c in text.chars().take(1 << 20) {
            seen += 1;
            if c == '\0' {
                return Err(InputError::Binary("it contains NUL characters".into()));
            }
            if (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || c == '\u{FFFD}' {
                controls += 1;
            }
        }
        if controls > 2.max(seen / 200) {
            return Err(InputError::Binary(format!(
                "it holds {controls} control characters"
            )));
        }
        Ok(())
    }

    #[test]
    fn text_check_by_bytes_agrees_with_chars() {
        let mut cases = vec![
            String::new(),
            ARABIC.to_string(),
            "a\u{1}b\u{2}c\u{3}".to_string(),
            "\u{FFFD}\u{FFFD}\u{FFFD}".to_string(),
            format!("{}\u{FFFD}\u{7}\u{FFFD}", ARABIC),
            "x\0".to_string(),
            "\u{EFBF}\u{FFFD}".to_string(),
        ];
        // Controls just inside and just past the first 2^20 chars, and a
        // density on either side of one in 200.
        let prefix = "ب".repeat((1 << 20) - 1);
        cases.push(format!("{prefix}\u{1}\u{1}\u{1}\u{1}"));
        cases.push(format!("{prefix}x\u{1}\u{1}\u{1}\u{1}"));
        cases.push(format!("{prefix}\u{FFFD}\0"));
        cases.push(format!("{prefix}x\0"));
        // Three-byte chars: 4096-byte blocks end inside them.
        let prefix = "ﻻ".repeat((1 << 20) - 1);
        cases.push(format!("{prefix}\u{1}\u{1}\u{1}\u{1}"));
        cases.push(format!("{prefix}x\u{1}\u{1}\u{1}\u{1}"));
        cases.push(format!("{prefix}\u{FFFD}\0"));
        cases.push(format!("{prefix}x\0"));
        // U+FFFD across the ends of 128-byte blocks.
        for at in 124..131 {
            cases.push(format!("{}\u{FFFD}\u{FFFD}\u{FFFD}", "a".repeat(at)));
        }
        for density in [150, 199, 200, 201, 250] {
            let unit = format!("{}\u{1}", "ج".repeat(density - 1));
            cases.push(unit.repeat(40));
        }
        for text in &cases {
            let by_bytes = check_text(text).map_err(|e| e.to_string());
            let by_chars = check_text_by_chars(text).map_err(|e| e.to_string());
            assert_eq!(by_bytes, by_chars, "{:?}", &text[..text.len().min(40)]);
        }
    }

    #[test]
    fn fast_utf8_check_agrees_with_std() {
        let long = ARABIC.repeat(40);
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            long.clone().into_bytes(),
            "😀 emoji و ١٢٫٥٪".as_bytes().to_vec(),
        ];
        // Broken at every kind of place: a cut sequence, a stray continuation
        // byte, an overlong form, a surrogate, past U+10FFFF.
        for bad in [
            &[0xD8][..],
            &[0x80],
            &[0xC0, 0xAF],
            &[0xED, 0xA0, 0x80],
            &[0xF4, 0x90, 0x80, 0x80],
        ] {
            for at in [0, 7, long.len() / 2, long.len()] {
                let mut bytes = long.as_bytes()[..at].to_vec();
                bytes.extend_from_slice(bad);
                bytes.extend_from_slice(ARABIC.as_bytes());
                cases.push(bytes);
            }
        }
        for bytes in &cases {
            let fast = str_from_utf8(bytes).map_err(|e| e.valid_up_to());
            let std = std::str::from_utf8(bytes).map_err(|e| e.valid_up_to());
            assert_eq!(fast, std, "{bytes:?}");
        }
    }

    fn legacy(text: &str, table: &HighHalf) -> Vec<u8> {
        text.chars()
            .map(|c| {
                if c.is_ascii() {
                    c as u8
                } else {
                    0x80 + table.iter().position(|&t| t == Some(c)).unwrap() as u8
                }
            })
            .collect()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(ARABIC.as_bytes(), EncodingChoice::Auto).unwrap();
        assert_eq!(plain, (ARABIC.to_string(), Encoding::Utf8));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(ARABIC.as_bytes());
        assert_eq!(
            decode(&bom, EncodingChoice::Auto).unwrap(),
            (ARABIC.to_string(), Encoding::Utf8Bom)
        );
    }

    #[test]
    fn utf16_both_orders_with_bom_and_guessed() {
        let le: Vec<u8> = ARABIC.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = ARABIC.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let with = |bom: [u8; 2], body: &[u8]| [&bom[..], body].concat();
        assert_eq!(
            decode(&with([0xFF, 0xFE], &le), EncodingChoice::Auto).unwrap(),
            (ARABIC.to_string(), Encoding::Utf16LeBom)
        );
        assert_eq!(
            decode(&with([0xFE, 0xFF], &be), EncodingChoice::Auto).unwrap(),
            (ARABIC.to_string(), Encoding::Utf16BeBom)
        );
        assert_eq!(
            decode(&le, EncodingChoice::Utf16).unwrap().1,
            Encoding::Utf16Le
        );
        assert_eq!(
            decode(&be, EncodingChoice::Utf16).unwrap(),
            (ARABIC.to_string(), Encoding::Utf16Be)
        );
        // Without a BOM, UTF-16 is binary for auto-detection (NUL bytes).
        assert!(matches!(
            decode(&le, EncodingChoice::Auto),
            Err(InputError::Binary(_))
        ));
    }

    #[test]
    fn legacy_encodings_are_told_apart() {
        let cp = legacy(ARABIC, windows_1256());
        assert_eq!(
            decode(&cp, EncodingChoice::Auto).unwrap(),
            (ARABIC.to_string(), Encoding::Windows1256)
        );
        let iso = legacy(ARABIC, iso_8859_6());
        assert_eq!(
            decode(&iso, EncodingChoice::Auto).unwrap(),
            (ARABIC.to_string(), Encoding::Iso8859_6)
        );
        assert_eq!(
            decode(&iso, EncodingChoice::Iso8859_6).unwrap().0,
            ARABIC.to_string()
        );
    }

    #[test]
    fn tables_match_known_code_points() {
        // Windows-1256 0xC7 = ALEF, 0xE1 = LAM; ISO-8859-6 0xC7 = ALEF, 0xE4 = LAM, 0xA1 undefined.
        assert_eq!(windows_1256()[0xC7 - 0x80], Some('ا'));
        assert_eq!(windows_1256()[0xE1 - 0x80], Some('ل'));
        assert_eq!(iso_8859_6()[0xC7 - 0x80], Some('ا'));
        assert_eq!(iso_8859_6()[0xE4 - 0x80], Some('ل'));
        assert_eq!(iso_8859_6()[0xA1 - 0x80], None);
        assert_eq!(windows_1256().iter().filter(|c| c.is_none()).count(), 0);
    }

    #[test]
    fn binary_and_invalid_input_are_refused() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
        ];
        assert!(matches!(
            decode(&png, EncodingChoice::Auto),
            Err(InputError::Binary(_))
        ));
        let noise: Vec<u8> = (0..200u8).map(|i| i.wrapping_mul(37) | 0x80).collect();
        assert!(decode(&noise, EncodingChoice::Auto).is_err());
        assert_eq!(
            decode(b"ab\xFFcd", EncodingChoice::Utf8),
            Err(InputError::Invalid {
                encoding: "UTF-8",
                offset: 2
            })
        );
        assert!(matches!(
            decode(&[0xFF, 0xFE, 0x41], EncodingChoice::Auto),
            Err(InputError::Invalid { .. })
        ));
        // A lone surrogate.
        assert!(decode(&[0xFF, 0xFE, 0x00, 0xD8], EncodingChoice::Auto).is_err());
        let controls = "a\u{1}b\u{2}c\u{3}d\u{4}";
        assert!(matches!(
            decode(controls.as_bytes(), EncodingChoice::Auto),
            Err(InputError::Binary(_))
        ));
    }

    #[test]
    fn labels() {
        assert_eq!(
            EncodingChoice::from_label("Windows-1256"),
            Some(EncodingChoice::Windows1256)
        );
        assert_eq!(EncodingChoice::from_label("latin1"), None);
        assert_eq!(
            EncodingChoice::from_label("AUTO"),
            Some(EncodingChoice::Auto)
        );
    }
}

//! Statistics of a text: counts people read at a glance.

use serde::Serialize;
use std::collections::BTreeMap;

/// Counts of digits by writing system.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DigitCounts {
    /// `0-9`.
    pub western: usize,
    /// `٠-٩` (U+0660–U+0669).
    pub arabic_indic: usize,
    /// `۰-۹` (U+06F0–U+06F9).
    pub persian: usize,
}

/// Statistics of the original text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Unicode code points.
    pub characters: usize,
    /// UTF-16 code units (JavaScript's `length`).
    pub utf16_length: usize,
    /// UTF-8 bytes.
    pub bytes: usize,
    /// Runs of letters or digits separated by whitespace or punctuation.
    pub words: usize,
    /// Sentences: text between `.`, `!`, `?`, `؟`, `۔` (followed by a space or the end) and line breaks.
    pub sentences: usize,
    /// Non-empty lines.
    pub lines: usize,
    /// Arabic letters (Arabic blocks, marks excluded).
    pub arabic_letters: usize,
    /// Latin letters.
    pub latin_letters: usize,
    /// Other letters.
    pub other_letters: usize,
    /// Arabic letters as a share of all letters, 0–1 (0 when there are no letters).
    pub arabic_share: crate::entity::Num,
    /// Arabic diacritics (harakat, tanween, shadda, sukun, dagger alef, Quranic marks).
    pub diacritics: usize,
    /// Tatweel characters.
    pub tatweel: usize,
    /// Digits by system.
    pub digits: DigitCounts,
    /// Entities found, per kind.
    pub entities: BTreeMap<String, usize>,
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32, 0x0620..=0x063F | 0x0641..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5 | 0x06EE..=0x06EF | 0x06FA..=0x06FC | 0x06FF | 0x0750..=0x077F | 0x08A0..=0x08C9 | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC)
        && crate::tokenize::is_letter(c)
}

/// What one character counts as (its category in the chain of
/// [`compute`]), in the low four bits; [`WORDISH`] marks word characters.
mod class {
    pub const NONE: u8 = 0;
    pub const DIACRITIC: u8 = 1;
    pub const TATWEEL: u8 = 2;
    pub const WESTERN: u8 = 3;
    pub const ARABIC_INDIC: u8 = 4;
    pub const PERSIAN: u8 = 5;
    pub const ARABIC_LETTER: u8 = 6;
    pub const LATIN_LETTER: u8 = 7;
    pub const OTHER_LETTER: u8 = 8;
    /// Letters, digits, numerals, diacritics and tatweel: what makes up words.
    pub const WORDISH: u8 = 16;
    /// May end a sentence or a line (`.`, `!`, `?`, `؟`, `۔`, `\n`).
    pub const ENDER: u8 = 32;
}

/// The class of `c` ([`class`]): the definition the table caches.
fn classify(c: char) -> u8 {
    let u = c as u32;
    let wordish = crate::tokenize::is_letter(c)
        || c.is_ascii_digit()
        || c.is_numeric()
        || crate::normalize::is_diacritic(c)
        || c == '\u{0640}';
    let category = if crate::normalize::is_diacritic(c) {
        class::DIACRITIC
    } else if c == '\u{0640}' {
        class::TATWEEL
    } else if c.is_ascii_digit() {
        class::WESTERN
    } else if (0x0660..=0x0669).contains(&u) {
        class::ARABIC_INDIC
    } else if (0x06F0..=0x06F9).contains(&u) {
        class::PERSIAN
    } else if is_arabic_letter(c) {
        class::ARABIC_LETTER
    } else if c.is_ascii_alphabetic()
        || (matches!(u, 0xC0..=0x24F | 0x1E00..=0x1EFF) && c.is_alphabetic())
    {
        class::LATIN_LETTER
    } else if crate::tokenize::is_letter(c) {
        class::OTHER_LETTER
    } else {
        class::NONE
    };
    let ender = matches!(c, '.' | '!' | '?' | '؟' | '۔' | '\n');
    category | if wordish { class::WORDISH } else { 0 } | if ender { class::ENDER } else { 0 }
}

/// Characters below this (ASCII, Latin, Arabic and its supplements) are
/// classified once, in a table; the others one by one.
const TABLE_SIZE: usize = 0x900;

/// [`classify`] of every character below [`TABLE_SIZE`].
fn class_table() -> &'static [u8; TABLE_SIZE] {
    static TABLE: std::sync::OnceLock<[u8; TABLE_SIZE]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u8; TABLE_SIZE];
        for (u, slot) in t.iter_mut().enumerate() {
            *slot = char::from_u32(u as u32).map_or(0, classify);
        }
        t
    })
}

/// Computes the statistics of `text` (entity counts are filled in by the analysis).
pub fn compute(text: &str) -> Stats {
    let mut s = Stats {
        bytes: text.len(),
        ..Stats::default()
    };
    let table = class_table();
    let mut counts = [[0usize; 16]; 2];
    let mut in_word = 0usize;
    let mut sentence_has_content = false;
    let mut line_has_content = false;
    let mut four_byte = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    // The word/non-word branch of every character, taken out: counts and
    // flags are updated with arithmetic; only the rare enders branch.
    while i < text.len() {
        let b0 = bytes[i];
        let (u, len) = if b0 < 0xE0 {
            // No branch between ASCII and two-byte characters (spaces and
            // Arabic letters alternate).
            let two = b0 >= 0xC0;
            let b1 = bytes.get(i + 1).copied().unwrap_or(0);
            let wide = ((b0 as u32 & 0x1F) << 6) | (b1 as u32 & 0x3F);
            (if two { wide } else { b0 as u32 }, 1 + usize::from(two))
        } else {
            crate::tokenize::decode_at(text, i)
        };
        i += len;
        s.characters += 1;
        four_byte += usize::from(len == 4);
        let class = match table.get(u as usize) {
            Some(&class) => class,
            None => char::from_u32(u).map_or(0, classify),
        };
        let wordish = usize::from(class & class::WORDISH != 0);
        s.words += wordish & !in_word & 1;
        in_word = wordish;
        // Two sets of counters, by the parity of the character count: a run of
        // one class does not wait for its counter's previous store.
        counts[s.characters & 1][(class & 15) as usize] += 1;
        sentence_has_content |= wordish != 0;
        line_has_content |= wordish != 0;
        if class & class::ENDER == 0 {
            continue;
        }
        let ends_sentence =
            u != u32::from(b'.') || text[i..].chars().next().is_none_or(|n| n.is_whitespace());
        if ends_sentence && sentence_has_content {
            s.sentences += 1;
            sentence_has_content = false;
        }
        if u == u32::from(b'\n') {
            if line_has_content {
                s.lines += 1;
            }
            line_has_content = false;
        }
    }
    s.utf16_length = s.characters + four_byte;
    let counts: Vec<usize> = (0..9).map(|k| counts[0][k] + counts[1][k]).collect();
    s.diacritics = counts[class::DIACRITIC as usize];
    s.tatweel = counts[class::TATWEEL as usize];
    s.digits.western = counts[class::WESTERN as usize];
    s.digits.arabic_indic = counts[class::ARABIC_INDIC as usize];
    s.digits.persian = counts[class::PERSIAN as usize];
    s.arabic_letters = counts[class::ARABIC_LETTER as usize];
    s.latin_letters = counts[class::LATIN_LETTER as usize];
    s.other_letters = counts[class::OTHER_LETTER as usize];
    if sentence_has_content {
        s.sentences += 1;
    }
    if line_has_content {
        s.lines += 1;
    }
    let letters = s.arabic_letters + s.latin_letters + s.other_letters;
    if letters > 0 {
        s.arabic_share = crate::entity::Num(
            (s.arabic_letters as f64 / letters as f64 * 10_000.0).round() / 10_000.0,
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Same counts as the character-by-character definition gave before the table.
    #[test]
    fn counts_every_class() {
        let s = compute("قالَ ـ 12 و٣٤ و۵ Café ΩΨ. جملة؟\n\nسطر 😀");
        assert_eq!((s.characters, s.utf16_length, s.bytes), (38, 39, 62));
        assert_eq!((s.words, s.sentences, s.lines), (9, 3, 2));
        assert_eq!(
            (s.arabic_letters, s.latin_letters, s.other_letters),
            (12, 4, 2)
        );
        assert_eq!((s.diacritics, s.tatweel), (1, 1));
        assert_eq!(
            (s.digits.western, s.digits.arabic_indic, s.digits.persian),
            (2, 2, 1)
        );
    }

    /// The byte loop against the character-by-character definition, on
    /// edge cases: sentence dots before text or at the end, four-byte
    /// characters, characters above the table, a last ASCII byte.
    #[test]
    fn byte_loop_matches_the_definition() {
        for text in [
            "",
            "a",
            "ب",
            "3.5 ok. ن.\n\n\nx!",
            "𝟘😀 क़ि ـٰ. ؟؟ ۔\r\n٫ end.",
            "كلمةٌ\u{200F}أخرى 12a3 ...",
        ] {
            let s = compute(text);
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(s.characters, chars.len(), "{text:?}");
            assert_eq!(s.utf16_length, text.encode_utf16().count(), "{text:?}");
            let wordish = |c: char| classify(c) & class::WORDISH != 0;
            let words = (0..chars.len())
                .filter(|&k| wordish(chars[k]) && (k == 0 || !wordish(chars[k - 1])))
                .count();
            assert_eq!(s.words, words, "{text:?}");
            let letters: usize = chars.iter().filter(|&&c| is_arabic_letter(c)).count();
            assert_eq!(s.arabic_letters, letters, "{text:?}");
        }
        let s = compute("جملة. أخرى.جملة\nسطر.");
        assert_eq!((s.sentences, s.lines), (3, 2));
    }

    /// The statistics by the definition, one character at a time.
    fn by_characters(text: &str) -> Stats {
        let mut s = Stats {
            bytes: text.len(),
            characters: text.chars().count(),
            utf16_length: text.encode_utf16().count(),
            ..Stats::default()
        };
        let (mut in_word, mut sentence, mut line) = (false, false, false);
        for (i, c) in text.char_indices() {
            let class = classify(c);
            let wordish = class & class::WORDISH != 0;
            s.words += usize::from(wordish && !in_word);
            in_word = wordish;
            sentence |= wordish;
            line |= wordish;
            match class & 15 {
                class::DIACRITIC => s.diacritics += 1,
                class::TATWEEL => s.tatweel += 1,
                class::WESTERN => s.digits.western += 1,
                class::ARABIC_INDIC => s.digits.arabic_indic += 1,
                class::PERSIAN => s.digits.persian += 1,
                class::ARABIC_LETTER => s.arabic_letters += 1,
                class::LATIN_LETTER => s.latin_letters += 1,
                class::OTHER_LETTER => s.other_letters += 1,
                _ => {}
            }
            let after = &text[i + c.len_utf8()..];
            let ends = matches!(c, '!' | '?' | '؟' | '۔' | '\n')
                || (c == '.' && after.chars().next().is_none_or(char::is_whitespace));
            if ends && sentence {
                s.sentences += 1;
                sentence = false;
            }
            if c == '\n' {
                s.lines += usize::from(line);
                line = false;
            }
        }
        s.sentences += usize::from(sentence);
        s.lines += usize::from(line);
        let letters = s.arabic_letters + s.latin_letters + s.other_letters;
        if letters > 0 {
            let share = s.arabic_letters as f64 / letters as f64;
            s.arabic_share = crate::entity::Num((share * 10_000.0).round() / 10_000.0);
        }
        s
    }

    /// The byte loop against the definition on pseudo-random mixes of
    /// one- to four-byte characters, enders, marks and tatweel.
    #[test]
    fn byte_loop_matches_the_definition_on_mixes() {
        let pool: Vec<char> = "اب ت.\n؟۔!?ـًّ٣۵7aZéΩक़\u{200F}\u{0900}\u{08FF}😀𝟘،\t"
            .chars()
            .collect();
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for len in 0..400 {
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    pool[(seed % pool.len() as u64) as usize]
                })
                .collect();
            let (got, want) = (compute(&text), by_characters(&text));
            assert_eq!(got, want, "{text:?}");
        }
    }
}

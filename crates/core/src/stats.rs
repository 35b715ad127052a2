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

/// Computes the statistics of `text` (entity counts are filled in by the analysis).
pub fn compute(text: &str) -> Stats {
    let mut s = Stats {
        bytes: text.len(),
        ..Stats::default()
    };
    let mut in_word = false;
    let mut sentence_has_content = false;
    let mut line_has_content = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        s.characters += 1;
        s.utf16_length += c.len_utf16();
        let u = c as u32;
        let wordish = crate::tokenize::is_letter(c)
            || c.is_ascii_digit()
            || c.is_numeric()
            || crate::normalize::is_diacritic(c)
            || c == '\u{0640}';
        if wordish && !in_word {
            s.words += 1;
        }
        in_word = wordish;
        if crate::normalize::is_diacritic(c) {
            s.diacritics += 1;
        } else if c == '\u{0640}' {
            s.tatweel += 1;
        } else if c.is_ascii_digit() {
            s.digits.western += 1;
        } else if (0x0660..=0x0669).contains(&u) {
            s.digits.arabic_indic += 1;
        } else if (0x06F0..=0x06F9).contains(&u) {
            s.digits.persian += 1;
        } else if is_arabic_letter(c) {
            s.arabic_letters += 1;
        } else if c.is_ascii_alphabetic()
            || (matches!(u, 0xC0..=0x24F | 0x1E00..=0x1EFF) && c.is_alphabetic())
        {
            s.latin_letters += 1;
        } else if crate::tokenize::is_letter(c) {
            s.other_letters += 1;
        }
        if wordish {
            sentence_has_content = true;
            line_has_content = true;
        }
        let ends_sentence = matches!(c, '!' | '?' | '؟' | '۔' | '\n')
            || (c == '.' && chars.peek().is_none_or(|n| n.is_whitespace()));
        if ends_sentence && sentence_has_content {
            s.sentences += 1;
            sentence_has_content = false;
        }
        if c == '\n' {
            if line_has_content {
                s.lines += 1;
            }
            line_has_content = false;
        }
    }
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

//! Splits a normalized text into tokens for the recognizers.
//!
//! Tokens are words (runs of letters and combining marks), digit runs (ASCII
//! `0-9`: the normalizer has already folded the other digit systems) and
//! single characters of punctuation or symbols. Whitespace is not a token;
//! each token records whether whitespace or a line break came before it.

use crate::span::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (any script) and combining marks.
    Word,
    /// ASCII digits.
    Digits,
    /// One character that is neither letter, digit nor whitespace.
    Punct,
}

/// One token of the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the normalized text.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
    /// Whitespace (of any kind) comes right before it.
    pub space_before: bool,
    /// A line break comes right before it (possibly among other whitespace).
    pub newline_before: bool,
}

/// True for characters that make up words.
#[inline]
pub fn is_word_char(c: char) -> bool {
    is_letter(c) || is_mark(c)
}

/// True for letters of any script, with fast paths for ASCII and the Arabic
/// block (the standard library's general lookup is slow for non-ASCII).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x0621..=0x063F | 0x0641..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5 => true,
        0x0600..=0x0620 | 0x0640 | 0x064B..=0x066D | 0x0670 => false,
        _ => c.is_alphabetic(),
    }
}

/// Combining marks that may sit inside a word (Arabic harakat and general combining marks).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x08D3..=0x08FF | 0x200C | 0x200D)
}

/// What a character is to the tokenizer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CharClass {
    /// Whitespace other than a line break.
    Space,
    /// `\n`.
    Newline,
    /// ASCII digit.
    Digit,
    /// Letter or mark ([`is_word_char`]).
    Word,
    /// Anything else.
    Punct,
}

/// The class of `c`: the definition the table caches.
fn classify(c: char) -> CharClass {
    if c == '\n' {
        CharClass::Newline
    } else if c.is_whitespace() {
        CharClass::Space
    } else if c.is_ascii_digit() {
        CharClass::Digit
    } else if is_word_char(c) {
        CharClass::Word
    } else {
        CharClass::Punct
    }
}

/// Characters below this (ASCII, Latin, Arabic and its supplements) are
/// classified once, in a table; the others one by one.
const TABLE_SIZE: usize = 0x900;

/// [`classify`] of every character below [`TABLE_SIZE`].
fn class_table() -> &'static [CharClass; TABLE_SIZE] {
    static TABLE: std::sync::OnceLock<[CharClass; TABLE_SIZE]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|u| char::from_u32(u as u32).map_or(CharClass::Punct, classify))
    })
}

/// The code point and UTF-8 length of the character at byte `i` of `text`
/// (a character boundary), with fast paths for the one- and two-byte
/// characters of Arabic text. (Tried: one path for both, without a branch
/// between them: tokenizing 39 -> 49 ms per 10 MB; inside a word the branch
/// is predicted.)
#[inline(always)]
pub(crate) fn decode_at(text: &str, i: usize) -> (u32, usize) {
    let b = text.as_bytes();
    let b0 = b[i];
    if b0 < 0x80 {
        (b0 as u32, 1)
    } else if b0 < 0xE0 {
        (((b0 as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F), 2)
    } else {
        let c = text[i..].chars().next().expect("a character boundary");
        (c as u32, c.len_utf8())
    }
}

/// The class and UTF-8 length of the character at byte `i` of `text` (a
/// character boundary): one table lookup for the characters of Arabic text.
#[inline(always)]
fn class_at(text: &str, i: usize, table: &[CharClass; TABLE_SIZE]) -> (CharClass, usize) {
    let (u, len) = decode_at(text, i);
    let class = match table.get(u as usize) {
        Some(&class) => class,
        None => char::from_u32(u).map_or(CharClass::Punct, classify),
    };
    (class, len)
}

/// Tokenizes `text` (normally the search-normalized text).
pub fn tokenize(text: &str) -> Vec<Token> {
    // News text has ~9.8 bytes per token: room for one per 8 bytes rarely
    // regrows. Not more: for 10 MB, 30 MB of 24-byte tokens stays under
    // glibc's 32 MB mmap ceiling, so a second analysis reuses the heap's
    // pages (48 MB were mapped afresh, and 24 MB faulted in, every time).
    let mut tokens = Vec::with_capacity(text.len() / 8 + 16);
    for_each_token(text, |t| tokens.push(t));
    tokens
}

/// Calls `f` with each token of `text`, in order: [`tokenize`] without the
/// vector, for a caller that does more per token in the same pass.
#[inline(always)]
pub fn for_each_token(text: &str, mut f: impl FnMut(Token)) {
    let table = class_table();
    let mut space_before = true;
    let mut newline_before = true;
    let mut i = 0;
    while i < text.len() {
        let (class, len) = class_at(text, i, table);
        let kind = match class {
            CharClass::Space => {
                space_before = true;
                i += len;
                continue;
            }
            CharClass::Newline => {
                space_before = true;
                newline_before = true;
                i += len;
                continue;
            }
            CharClass::Digit => TokenKind::Digits,
            CharClass::Word => TokenKind::Word,
            CharClass::Punct => TokenKind::Punct,
        };
        let mut end = i + len;
        if kind != TokenKind::Punct {
            while end < text.len() {
                let (next, len) = class_at(text, end, table);
                if next != class {
                    break;
                }
                end += len;
            }
        }
        f(Token {
            span: Span::new(i, end),
            kind,
            space_before,
            newline_before,
        });
        space_before = false;
        newline_before = false;
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_digits_and_punctuation() {
        let text = "عام 2024، بنسبة 17.5%\nDCCI";
        let toks = tokenize(text);
        let parts: Vec<&str> = toks.iter().map(|t| &text[t.span.range()]).collect();
        assert_eq!(
            parts,
            ["عام", "2024", "،", "بنسبة", "17", ".", "5", "%", "DCCI"]
        );
        assert!(toks[8].newline_before);
        assert!(!toks[2].space_before);
    }
}

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

/// Tokenizes `text` (normally the search-normalized text).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut space_before = true;
    let mut newline_before = true;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            space_before = true;
            newline_before |= c == '\n';
            continue;
        }
        let kind = if c.is_ascii_digit() {
            TokenKind::Digits
        } else if is_word_char(c) {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        let mut end = i + c.len_utf8();
        if kind != TokenKind::Punct {
            while let Some(&(j, d)) = iter.peek() {
                let same = match kind {
                    TokenKind::Digits => d.is_ascii_digit(),
                    _ => is_word_char(d) && !d.is_ascii_digit(),
                };
                if !same {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
        }
        tokens.push(Token {
            span: Span::new(i, end),
            kind,
            space_before,
            newline_before,
        });
        space_before = false;
        newline_before = false;
    }
    tokens
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

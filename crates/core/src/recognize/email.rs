//! E-mail addresses: `info@spa.gov.sa`.

use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Value};
use crate::span::Span;

/// Finds e-mail addresses.
#[derive(Debug, Default)]
pub struct EmailRecognizer;

/// Bytes of the local part (before `@`).
fn local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')
}

impl Recognizer for EmailRecognizer {
    fn name(&self) -> &'static str {
        "email"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        let text = doc.text.as_bytes();
        let mut from = 0;
        // `str::match_indices` of a character skips the other bytes a word at a time.
        for (at, _) in doc.text.match_indices('@') {
            if at < from {
                continue;
            }
            let mut start = at;
            while start > from && local_byte(text[start - 1]) {
                start -= 1;
            }
            while start < at && text[start] == b'.' {
                start += 1;
            }
            // Domain: labels joined by single dots, the last of 2+ letters.
            let mut end = at + 1;
            while end < text.len()
                && (text[end].is_ascii_alphanumeric() || text[end] == b'-' || text[end] == b'.')
            {
                if text[end] == b'.' && matches!(text[end - 1], b'.' | b'@') {
                    break;
                }
                end += 1;
            }
            while end > at + 1 && matches!(text[end - 1], b'.' | b'-') {
                end -= 1;
            }
            let last_dot = text[at + 1..end]
                .iter()
                .rposition(|&b| b == b'.')
                .map(|d| at + 1 + d);
            let tld_ok = last_dot.is_some_and(|d| {
                d < end && end - d > 2 && text[d + 1..end].iter().all(u8::is_ascii_alphabetic)
            });
            if start < at && tld_ok {
                out.push(Candidate {
                    kind: EntityKind::Email,
                    span: Span::new(start, end),
                    value: Value::Empty {},
                    priority: 60,
                });
                from = end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn addresses() {
        let text = "راسلونا على info@spa.gov.sa. أو first.last+x@mail.example.com، لا @user ولا a@b";
        let tokens = tokenize(text);
        let doc = Document::new(text, &tokens);
        let mut out = Vec::new();
        EmailRecognizer.recognize(&doc, &mut out);
        let found: Vec<&str> = out.iter().map(|c| &text[c.span.range()]).collect();
        assert_eq!(found, ["info@spa.gov.sa", "first.last+x@mail.example.com"]);
    }
}

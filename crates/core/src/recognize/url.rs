//! Web addresses: `https://laichau.gov.vn/tin-tuc/...`, `www.example.com`,
//! and bare domains with a known top-level domain (`moh.gov.sa`).

use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Value};
use crate::span::Span;

/// Top-level domains accepted in bare domains (with a scheme or `www.` any is).
const TLDS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "int", "info", "io", "news", "tv", "me", "co", "uk", "us",
    "sa", "ae", "eg", "qa", "kw", "bh", "om", "jo", "lb", "sy", "iq", "ps", "ma", "dz", "tn", "ly",
    "sd", "ye", "vn", "fr", "de", "ru", "cn", "tr", "ir", "in", "ly",
];

/// Characters that end a URL when they come last (`.` or `)` after an address).
const TRAILING: &[u8] = b".,;:!?)]}'\"";

/// Finds web addresses.
#[derive(Debug, Default)]
pub struct UrlRecognizer;

/// True for bytes that may appear in a URL (ASCII, no space or quotes/brackets that close it).
fn url_byte(b: u8) -> bool {
    b.is_ascii_graphic()
        && !matches!(
            b,
            b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
        )
}

/// True for bytes of a domain label.
fn label_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// True for the Arabic letters (and marks) a path may hold unencoded
/// (`aljazeera.net/news/2024/1/1/عنوان-الخبر`); Arabic punctuation (`،`, `؛`, `؟`) is not one.
fn path_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{065F}' | '\u{0660}'..='\u{0669}' | '\u{0671}'..='\u{06D3}')
}

/// End of the URL starting at `start` (the first non-URL byte), trailing punctuation left out.
/// After the host, the path may hold Arabic letters.
fn url_end(text: &[u8], start: usize) -> usize {
    let mut end = start;
    let mut in_path = false;
    while end < text.len() {
        let b = text[end];
        if b.is_ascii() {
            if !url_byte(b) {
                break;
            }
            // A `/` not part of `://` or `//` opens the path.
            let prev = if end > start { text[end - 1] } else { 0 };
            if b == b'/' && prev != b':' && prev != b'/' && text.get(end + 1) != Some(&b'/') {
                in_path = true;
            }
            end += 1;
            continue;
        }
        // A UTF-8 sequence: take it when it is an Arabic letter of the path.
        let len = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let letter = std::str::from_utf8(&text[end..(end + len).min(text.len())])
            .ok()
            .and_then(|c| c.chars().next())
            .is_some_and(path_letter);
        if !in_path || !letter {
            break;
        }
        end += len;
    }
    while end > start && TRAILING.contains(&text[end - 1]) {
        // Keep a `)` that closes a `(` inside the URL.
        if text[end - 1] == b')' && text[start..end].contains(&b'(') {
            break;
        }
        end -= 1;
    }
    end
}

/// A bare domain at `start` (`moh.gov.sa`), with its path: its end.
fn bare_domain(text: &[u8], start: usize) -> Option<usize> {
    let mut end = start;
    let mut labels = 0;
    let mut last_label;
    loop {
        let label_start = end;
        while end < text.len() && label_byte(text[end]) {
            end += 1;
        }
        if end == label_start {
            return None;
        }
        labels += 1;
        last_label = label_start;
        if end + 1 < text.len() && text[end] == b'.' && label_byte(text[end + 1]) {
            end += 1;
        } else {
            break;
        }
    }
    if labels < 2 {
        return None;
    }
    let tld = std::str::from_utf8(&text[last_label..end])
        .ok()?
        .to_ascii_lowercase();
    if !TLDS.contains(&tld.as_str()) || text.get(end) == Some(&b'@') {
        return None;
    }
    if text.get(end) == Some(&b'/') {
        return Some(url_end(text, start));
    }
    Some(end)
}

impl Recognizer for UrlRecognizer {
    fn name(&self) -> &'static str {
        "url"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        let text = doc.text.as_bytes();
        // A URL starts at an ASCII letter or digit: inside a digit token or
        // a word holding an ASCII letter (asked once per distinct word).
        // Their bytes alone are visited, in order, skipping what a reading
        // or a failed ASCII run covered, as a walk over every byte would.
        let latin_words = super::number_words::word_tokens(doc, super::number_words::ASCII_LETTER);
        let starts = super::merge_tokens(doc.digit_tokens(), latin_words);
        let mut next = 0;
        for &k in &starts {
            let token = doc.tokens[k as usize].span;
            for p in token.start.max(next)..token.end {
                if p < next {
                    continue;
                }
                if let Some(skip_to) = self.try_at(text, p, out) {
                    next = skip_to;
                }
            }
        }
    }
}

impl UrlRecognizer {
    /// Tries a URL at byte `p`: `None` when no URL can start there (not an
    /// ASCII letter or digit at a boundary), else where to go on (after the
    /// URL pushed to `out`, or after the ASCII run that held none).
    fn try_at(&self, text: &[u8], p: usize, out: &mut Vec<Candidate>) -> Option<usize> {
        let b = text[p];
        if !b.is_ascii_alphanumeric() {
            return None;
        }
        let at_boundary = p == 0 || !(url_byte(text[p - 1]) && text[p - 1] != b'(');
        if !at_boundary {
            return None;
        }
        let rest = &text[p..];
        let lower_starts =
            |s: &[u8]| rest.len() > s.len() && rest[..s.len()].eq_ignore_ascii_case(s);
        let end = if lower_starts(b"https://") || lower_starts(b"http://") || lower_starts(b"www.")
        {
            Some(url_end(text, p))
        } else {
            bare_domain(text, p)
        };
        match end {
            Some(e) if e > p + 4 => {
                out.push(Candidate {
                    kind: EntityKind::Url,
                    span: Span::new(p, e),
                    value: Value::Empty {},
                    priority: 50,
                });
                Some(e)
            }
            _ => {
                // Skip the rest of this ASCII run.
                let mut q = p;
                while q < text.len() && url_byte(text[q]) {
                    q += 1;
                }
                Some(q)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn urls(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        let doc = Document::new(text, &tokens);
        let mut out = Vec::new();
        UrlRecognizer.recognize(&doc, &mut out);
        out.iter().map(|c| &text[c.span.range()]).collect()
    }

    #[test]
    fn schemes_www_and_bare_domains() {
        assert_eq!(
            urls("المصدر: https://laichau.gov.vn/tin-tuc/a-b.html. وموقع www.spa.gov.sa، و moh.gov.sa/ar و (https://x.org/a)"),
            ["https://laichau.gov.vn/tin-tuc/a-b.html", "www.spa.gov.sa", "moh.gov.sa/ar", "https://x.org/a"]
        );
        assert_eq!(
            urls("موقع 2share.com.sa/thursday"),
            ["2share.com.sa/thursday"]
        );
        assert!(urls("info@spa.gov.sa و 12.5 و file.txt و e.g").is_empty());
        assert_eq!(
            urls("الرابط: https://example.com/مقال-جديد، وwww.x.com/أخبار؟ وhttps://x.comالمقال"),
            [
                "https://example.com/مقال-جديد",
                "www.x.com/أخبار",
                "https://x.com"
            ]
        );
    }
}

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

/// End of the URL starting at `start` (the first non-URL byte), trailing punctuation left out.
fn url_end(text: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < text.len() && url_byte(text[end]) {
        end += 1;
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
    let tld = std::str::from_utf8(&text[last_label..end])
        .ok()?
        .to_ascii_lowercase();
    if labels < 2 || !TLDS.contains(&tld.as_str()) || text.get(end) == Some(&b'@') {
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
        let mut p = 0;
        while p < text.len() {
            let b = text[p];
            if !b.is_ascii_alphanumeric() {
                p += 1;
                continue;
            }
            let at_boundary = p == 0 || !(url_byte(text[p - 1]) && text[p - 1] != b'(');
            if !at_boundary {
                p += 1;
                continue;
            }
            let rest = &text[p..];
            let lower_starts =
                |s: &[u8]| rest.len() > s.len() && rest[..s.len()].eq_ignore_ascii_case(s);
            let end =
                if lower_starts(b"https://") || lower_starts(b"http://") || lower_starts(b"www.") {
                    Some(url_end(text, p))
                } else if b.is_ascii_alphanumeric() {
                    bare_domain(text, p)
                } else {
                    None
                };
            match end {
                Some(e) if e > p + 4 => {
                    out.push(Candidate {
                        kind: EntityKind::Url,
                        span: Span::new(p, e),
                        value: Value::Empty {},
                        priority: 50,
                    });
                    p = e;
                }
                _ => {
                    // Skip the rest of this ASCII run.
                    while p < text.len() && url_byte(text[p]) {
                        p += 1;
                    }
                }
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
    }
}

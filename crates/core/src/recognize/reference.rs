//! Document references: `القرار رقم 31-NQ/TU`, `التوجيه رقم 05-CT/TW`,
//! `القانون رقم 12 لسنة 2020`, `الاستنتاج 01`, and bare codes shaped like
//! `144-QD/TW`. The value is the code as written (`31-NQ/TU`, `12`).

use super::number::is_clitic;
use super::number_words::{WordMap, DOCUMENT_WORD};
use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Value};
use crate::normalize::search_form;
use crate::span::Span;
use crate::tokenize::TokenKind;

/// Words naming a document, singular, without the article (it is allowed).
const DOCUMENT_WORDS: &[&str] = &[
    "قرار",
    "توجيه",
    "قانون",
    "مرسوم",
    "أمر",
    "تعميم",
    "لائحة",
    "نظام",
    "استنتاج",
    "قرار بقانون",
    "منشور",
    "بلاغ",
    "إعلان",
    "اتفاقية",
    "خطة",
    "تقرير",
    "وثيقة",
    "مذكرة",
    "توصية",
    "إشعار",
];

/// Document words whose bare digits are a number even without `رقم`
/// (`القرار 2254`); after the others (`الخطة 5 سنوات`) they are not.
const NUMBERED_DOCUMENTS: &[&str] = &["قرار", "قانون", "مرسوم", "توجيه", "تعميم", "استنتاج"];

/// The word `رقم` (number), between the document word and its code.
const NUMBER_WORD: &str = "رقم";

/// Words before the year of a law: `لسنة 2020`, `لعام 2020`.
const YEAR_WORDS: &[&str] = &["لسنة", "لعام", "سنة", "عام"];

/// Finds document references.
#[derive(Debug)]
pub struct ReferenceRecognizer {
    documents: WordMap<()>,
    numbered: WordMap<()>,
    number_word: String,
    year_words: Vec<String>,
}

impl Default for ReferenceRecognizer {
    fn default() -> Self {
        ReferenceRecognizer {
            documents: DOCUMENT_WORDS
                .iter()
                .filter(|w| !w.contains(' '))
                .map(|w| (search_form(w), ()))
                .collect(),
            numbered: NUMBERED_DOCUMENTS
                .iter()
                .map(|w| (search_form(w), ()))
                .collect(),
            number_word: search_form(NUMBER_WORD),
            year_words: YEAR_WORDS.iter().map(|w| search_form(w)).collect(),
        }
    }
}

/// A code read at token `i`: tokens `i..=last` glued together, made of
/// digits, Latin letters, `-`, `/` and `.`, starting with a digit or a
/// letter and holding at least one digit.
#[derive(Debug, Clone, Copy)]
struct Code {
    last: usize,
    has_latin: bool,
    /// Shaped like `31-NQ/TU`: digits, then `-` or `/`, then Latin letters.
    structured: bool,
}

fn is_latin_word(doc: &Document<'_>, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word
        && doc.token_text(i).bytes().all(|b| b.is_ascii_alphabetic())
}

fn code_at(doc: &Document<'_>, i: usize) -> Option<Code> {
    let t = doc.tokens;
    let first = t.get(i)?;
    if first.kind != TokenKind::Digits && !is_latin_word(doc, i) {
        return None;
    }
    let mut last = i;
    let mut has_digit = first.kind == TokenKind::Digits;
    let mut has_latin = first.kind == TokenKind::Word;
    let mut separators = 0;
    loop {
        let j = last + 1;
        // A separator glued on both sides, then a digit run or a Latin word.
        let sep = j + 1 < t.len()
            && !t[j].space_before
            && !t[j + 1].space_before
            && ["-", "/", "."].iter().any(|p| doc.is_punct(j, p))
            && (t[j + 1].kind == TokenKind::Digits || is_latin_word(doc, j + 1));
        // Digits and letters glued: `QD12`.
        let glued = j < t.len()
            && !t[j].space_before
            && (t[j].kind == TokenKind::Digits || is_latin_word(doc, j));
        if sep {
            separators += 1;
            last = j + 1;
        } else if glued {
            last = j;
        } else {
            break;
        }
        has_digit |= t[last].kind == TokenKind::Digits;
        has_latin |= t[last].kind == TokenKind::Word;
    }
    // A decimal number (`12.5`) is not a code.
    if !has_digit || (!has_latin && separators > 0 && doc.is_punct(i + 1, ".")) {
        return None;
    }
    // Digits, `-` or `/`, then capitals only: `31-NQ/TU`, `144-QD/TW`.
    let dash_or_slash = doc.is_punct(i + 1, "-") || doc.is_punct(i + 1, "/");
    let capitals = (i..=last).all(|k| {
        t[k].kind != TokenKind::Word || doc.token_text(k).bytes().all(|b| b.is_ascii_uppercase())
    });
    let structured =
        first.kind == TokenKind::Digits && has_latin && separators > 0 && dash_or_slash && capitals;
    Some(Code {
        last,
        has_latin,
        structured,
    })
}

impl ReferenceRecognizer {
    /// The recognizer, compiled once per process (the number family's word
    /// tables ask it which words are document words).
    pub(crate) fn shared() -> &'static ReferenceRecognizer {
        static SHARED: std::sync::OnceLock<ReferenceRecognizer> = std::sync::OnceLock::new();
        SHARED.get_or_init(ReferenceRecognizer::default)
    }

    /// True when the word `w` is a document word (`القرار`, `بالقرار`).
    pub(crate) fn is_document_word(&self, w: &str) -> bool {
        self.document_word(w).is_some()
    }

    /// If the word `w` is a document word (`القرار`, `بالقرار`): the byte length of its clitics.
    /// Also whether its bare digits count without `رقم` ([`NUMBERED_DOCUMENTS`]).
    fn document_word(&self, w: &str) -> Option<(usize, bool)> {
        // Document words are 3+ letters (6+ bytes); skip short words unhashed.
        if w.len() < 6 {
            return None;
        }
        let mut rest = w;
        let mut clitic = 0;
        for c in ["و", "ف", "ب", "ل"] {
            if let Some(r) = rest.strip_prefix(c) {
                if r.len() >= 4 {
                    clitic += c.len();
                    rest = r;
                }
            }
        }
        // Without a clitic the second reading is the first: looked up once.
        let readings = [(0, w), (clitic, rest)];
        readings[..1 + usize::from(clitic > 0)]
            .iter()
            .find_map(|&(c, r)| {
                let bare = r.strip_prefix("ال").unwrap_or(r);
                self.documents
                    .contains_key(bare)
                    .then(|| (c, self.numbered.contains_key(bare)))
            })
    }
}

impl Recognizer for ReferenceRecognizer {
    fn name(&self) -> &'static str {
        "reference"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        let t = doc.tokens;
        // A reference starts at a document word (`القرار`), digits or a
        // Latin word: only those tokens are visited.
        // (The document words come from the number family's start lists:
        // every reference recognizer has the same table.)
        let document_words = super::number_words::word_tokens(doc, DOCUMENT_WORD);
        let codes = super::merge_tokens(doc.digit_tokens(), doc.latin_tokens());
        super::walk(&super::merge_tokens(document_words, &codes), |i| {
            let mut found: Option<(Span, usize, usize)> = None; // span, code first, code last
            let document_word = (t[i].kind == TokenKind::Word)
                .then(|| self.document_word(doc.token_text(i)))
                .flatten();
            if let Some((clitic, numbered)) = document_word {
                // The document word, up to two words (`الوزاري`), `رقم`, the code.
                let mut j = i + 1;
                let mut k = 0;
                while k < 2
                    && j < t.len()
                    && t[j].kind == TokenKind::Word
                    && doc.token_text(j) != self.number_word
                    && !is_latin_word(doc, j)
                {
                    j += 1;
                    k += 1;
                }
                let has_number_word = j < t.len() && doc.token_text(j) == self.number_word;
                let mut code_start = if has_number_word { j + 1 } else { i + 1 };
                // `رقم (12)`: the code in parentheses.
                let in_parens = has_number_word
                    && doc.is_punct(code_start, "(")
                    && t[code_start].space_before
                    && code_at(doc, code_start + 1).is_some_and(|c| doc.is_punct(c.last + 1, ")"));
                if in_parens {
                    code_start += 1;
                }
                let code = code_at(doc, code_start).or_else(|| {
                    // `المرسوم الملكي رقم م/15`: an Arabic letter, `/`, the code.
                    let letter = code_start + 2 < t.len()
                        && has_number_word
                        && t[code_start].kind == TokenKind::Word
                        && doc.token_text(code_start).chars().count() == 1
                        && doc.is_punct(code_start + 1, "/")
                        && !t[code_start + 1].space_before
                        && !t[code_start + 2].space_before;
                    let rest = code_at(doc, code_start + 2).filter(|_| letter)?;
                    Some(Code {
                        has_latin: true,
                        ..rest
                    })
                });
                if let Some(code) = code {
                    let text = &doc.text[t[code_start].span.start..t[code.last].span.end];
                    // Without `رقم`: codes with letters, a leading zero
                    // (`الاستنتاج 01`) or digits that are no year (`القرار 2254`).
                    let year_like = text.len() == 4
                        && text
                            .parse::<u32>()
                            .is_ok_and(|y| (1900..=2100).contains(&y));
                    let plain_digits = numbered && code.last == code_start && !year_like;
                    let accepted =
                        has_number_word || code.has_latin || text.starts_with('0') || plain_digits;
                    if accepted && (t[code_start].space_before || in_parens) {
                        let mut end = code.last + usize::from(in_parens);
                        // `لسنة 2020`
                        if let Some(w) = t.get(end + 1).map(|_| doc.token_text(end + 1)) {
                            let year = t.get(end + 2).is_some_and(|y| {
                                y.kind == TokenKind::Digits && doc.token_text(end + 2).len() == 4
                            });
                            if year && self.year_words.iter().any(|y| y == w) {
                                end += 2;
                            }
                        }
                        let mut span = t[i].span.union(&t[end].span);
                        span.start += clitic;
                        found = Some((span, code_start, code.last));
                    }
                }
            }
            // Codes start with digits or a Latin word.
            let may_start_code = t[i].kind == TokenKind::Digits || is_latin_word(doc, i);
            if found.is_none() && may_start_code {
                // A bare structured code: `144-QD/TW`, not glued to a word before it.
                let free = i == 0
                    || t[i].space_before
                    || (t[i - 1].kind == TokenKind::Word && is_clitic(doc.token_text(i - 1)))
                    || t[i - 1].kind == TokenKind::Punct && !doc.is_punct(i - 1, "-");
                if let Some(code) = code_at(doc, i).filter(|c| c.structured && free) {
                    found = Some((t[i].span.union(&t[code.last].span), i, code.last));
                }
            }
            match found {
                Some((span, cs, ce)) => {
                    let code = doc.text[t[cs].span.start..t[ce].span.end].to_string();
                    out.push(Candidate {
                        kind: EntityKind::Reference,
                        span,
                        value: Value::Reference { code },
                        priority: 40,
                    });
                    ce + 1
                }
                None => i + 1,
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn refs(text: &str) -> Vec<(String, String)> {
        let norm = search_form(text);
        let tokens = tokenize(&norm);
        let doc = Document::new(&norm, &tokens);
        let mut out = Vec::new();
        ReferenceRecognizer::default().recognize(&doc, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Reference { code } => (norm[c.span.range()].to_string(), code),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn references_with_and_without_marker() {
        let r = refs("بالقرار رقم 31-NQ/TU الصادر والتوجيه رقم 05-CT/TW واللائحة رقم 144-QD/TW");
        assert_eq!(
            r,
            [
                ("القرار رقم 31-NQ/TU".into(), "31-NQ/TU".into()),
                ("التوجيه رقم 05-CT/TW".into(), "05-CT/TW".into()),
                ("اللاءحه رقم 144-QD/TW".into(), "144-QD/TW".into()),
            ]
        );
        let r = refs("القانون رقم 12 لسنة 2020 و تنفيذ الاستنتاج 01 للمكتب و 41-CT/TU");
        assert_eq!(
            r,
            [
                ("القانون رقم 12 لسنه 2020".into(), "12".into()),
                ("الاستنتاج 01".into(), "01".into()),
                ("41-CT/TU".into(), "41-CT/TU".into()),
            ]
        );
        assert_eq!(
            refs("قرار مجلس الأمن رقم 2254 و القرار 242"),
            [
                ("قرار مجلس الامن رقم 2254".into(), "2254".into()),
                ("القرار 242".into(), "242".into())
            ]
        );
        assert!(refs("الخطة 5 سنوات").is_empty());
        assert!(refs("القانون 2020 و القرار الجديد و 2025-2030 و 12.5 و 2share.com").is_empty());
    }
}

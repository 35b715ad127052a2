//! Telephone numbers: international (`+966 11 234 5678`, `+84-24-3825-3536`,
//! `00971 4 123 4567`, `00971-4-1234567`), local with a trunk zero
//! (`0501234567`, `(02) 2345678`, `02-2345678`), the North American
//! `800-123-4567`, and any digit groups after a phone word (`هاتف: 2345678`).
//! A long number alone is not a phone.

use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Value};
use crate::normalize::search_form;
use crate::tokenize::TokenKind;
use crate::word_hash::WordHashMap;

/// Words that announce a phone number (clitics and the article allowed).
const PHONE_WORDS: &[&str] = &[
    "هاتف",
    "الهاتف",
    "هاتفه",
    "تلفون",
    "تليفون",
    "جوال",
    "الجوال",
    "موبايل",
    "فاكس",
    "الفاكس",
    "واتساب",
    "واتس",
    "للاتصال",
    "اتصال",
    "tel",
    "Tel",
    "phone",
    "Phone",
    "fax",
    "Fax",
];

/// Words of calling, besides [`PHONE_WORDS`], that announce a short service
/// number a few words later (`اتصلوا على الرقم 911`, `الخط الساخن 19999`).
const CALL_WORDS: &[&str] = &[
    "اتصل",
    "اتصلوا",
    "اتصلي",
    "يتصل",
    "تتصل",
    "يتصلون",
    "الاتصال",
    "بالاتصال",
    "الطوارئ",
    "للطوارئ",
    "الساخن",
    "المجاني",
    "الموحد",
    "الإسعاف",
    "بالإسعاف",
];

/// Words that may stand right before a short service number, after a call
/// word: the number word and the prepositions of calling.
const SERVICE_LEADS: &[&str] = &["الرقم", "رقم", "بالرقم", "برقم", "على", "ب"];

/// Nouns counted by a number after a call word (`تلقى الخط الساخن 500
/// مكالمة`): then the number is a count, not a phone.
const CALL_COUNTS: &[&str] = &[
    "مكالمة",
    "مكالمات",
    "اتصالا",
    "اتصالات",
    "بلاغا",
    "بلاغات",
    "بلاغ",
    "مرة",
    "مرات",
];

/// How many words before a short number a call word may stand.
const CALL_WINDOW: usize = 4;

/// Finds phone numbers.
#[derive(Debug)]
pub struct PhoneRecognizer {
    words: Vec<String>,
    /// [`PHONE_WORDS`] and [`CALL_WORDS`], search form.
    call_words: WordHashMap<String, ()>,
    /// [`SERVICE_LEADS`], search form.
    leads: WordHashMap<String, ()>,
    /// [`CALL_COUNTS`], search form.
    counts: WordHashMap<String, ()>,
}

impl Default for PhoneRecognizer {
    fn default() -> Self {
        let fold = |words: &[&str]| words.iter().map(|w| (search_form(w), ())).collect();
        let mut call_words: WordHashMap<String, ()> = fold(CALL_WORDS);
        call_words.extend(fold(PHONE_WORDS));
        PhoneRecognizer {
            words: PHONE_WORDS.iter().map(|w| search_form(w)).collect(),
            call_words,
            leads: fold(SERVICE_LEADS),
            counts: fold(CALL_COUNTS),
        }
    }
}

/// Digit groups starting at token `i`, joined by one space, `-`, `.` or
/// brackets around the first group: `(last token, digit count, groups)`.
/// With `single`, one-digit groups are taken too (`+971 4 123 4567`), but
/// never as the last group.
fn digit_groups(doc: &Document<'_>, i: usize, single: bool) -> (usize, usize, usize) {
    let t = doc.tokens;
    let mut last = i;
    let mut digits = doc.token_text(i).len();
    let mut groups = 1;
    // `(02) 2345678`: the bracket after the first group.
    let mut j = i + 1;
    if doc.is_punct(j, ")") && !t[j].space_before {
        last = j;
        j += 1;
    }
    while let Some(next) = t.get(j) {
        if next.newline_before {
            break;
        }
        let (k, ok) = if next.kind == TokenKind::Digits && next.space_before {
            (j, true)
        } else if ["-", "."].iter().any(|p| doc.is_punct(j, p)) {
            (
                j + 1,
                t.get(j + 1)
                    .is_some_and(|d| d.kind == TokenKind::Digits && !d.newline_before),
            )
        } else {
            (j, false)
        };
        // Groups of 2+ digits (a lone digit after a space is another number).
        let len = if ok { doc.token_text(k).len() } else { 0 };
        let single_inside = single
            && len == 1
            && (t.get(k + 1).is_some_and(|n| {
                n.kind == TokenKind::Digits && n.space_before && !n.newline_before
            }) || (["-", "."].iter().any(|p| doc.is_punct(k + 1, p))
                && t.get(k + 2).is_some_and(|d| d.kind == TokenKind::Digits)));
        if !ok || (len < 2 && !single_inside) || digits + len > 15 {
            break;
        }
        digits += doc.token_text(k).len();
        groups += 1;
        last = k;
        j = k + 1;
    }
    (last, digits, groups)
}

/// The North American number at token `i` (`800-123-4567`, `800.123.4567`,
/// `(800) 123-4567` with `(` before `i`): groups of 3, 3 and 4 digits glued
/// by `-` or `.`, the first digit 2–9, nothing glued after: its last token.
fn north_american(doc: &Document<'_>, i: usize) -> Option<usize> {
    let t = doc.tokens;
    let group = |k: usize, len: usize| {
        t.get(k)
            .is_some_and(|d| d.kind == TokenKind::Digits && doc.token_text(k).len() == len)
    };
    let glued = |k: usize| t.get(k).is_some_and(|d| !d.space_before);
    let sep = |k: usize| ["-", "."].iter().find(|p| doc.is_punct(k, p) && glued(k));
    if !group(i, 3) || doc.token_text(i).as_bytes()[0] < b'2' {
        return None;
    }
    let bracketed = i > 0 && doc.is_punct(i - 1, "(") && doc.is_punct(i + 1, ")") && glued(i + 1);
    // Token of the exchange (second group).
    let exchange = if bracketed {
        (t.get(i + 2).is_some_and(|d| !d.newline_before)).then_some(i + 2)?
    } else {
        let s = sep(i + 1)?;
        (sep(i + 3) == Some(s)).then_some(i + 2)?
    };
    let tail = exchange + 2;
    let ok = group(exchange, 3)
        && sep(exchange + 1).is_some()
        && group(tail, 4)
        && glued(tail)
        && (bracketed || glued(exchange));
    let ends = t
        .get(tail + 1)
        .is_none_or(|n| n.space_before || n.kind == TokenKind::Word);
    (ok && ends).then_some(tail)
}

impl PhoneRecognizer {
    /// True for a short service number (`911`, `997`, `19999`) at tokens
    /// `first..=last`: a call word or a phone word at most [`CALL_WINDOW`]
    /// words before, and right before it that word, the number word or a
    /// preposition (`اتصلوا على الرقم 911`, `هاتف 997`, `اتصل بـ911`), not
    /// followed by what calls count (`500 مكالمة`).
    fn service_number(&self, doc: &Document<'_>, first: usize, last: usize) -> bool {
        // The word of token `k` (without a glued `و`) is in `table`.
        let in_table = |table: &WordHashMap<String, ()>, k: usize| match doc.tokens.get(k) {
            Some(t) if t.kind == TokenKind::Word => {
                let w = doc.token_text(k);
                table.contains_key(w.strip_prefix('و').filter(|r| r.len() > 2).unwrap_or(w))
            }
            _ => false,
        };
        let mut k = first;
        while k > 0 && doc.is_punct(k - 1, ":") {
            k -= 1;
        }
        if k == 0 {
            return false;
        }
        // `اتصل بـ999 أو 112`: one of several numbers.
        let listed = ["او", "و"].contains(&doc.token_text(k - 1))
            && k >= 2
            && doc.tokens[k - 2].kind == TokenKind::Digits;
        let lead = in_table(&self.call_words, k - 1) || in_table(&self.leads, k - 1) || listed;
        let called = (k.saturating_sub(CALL_WINDOW)..k).any(|j| in_table(&self.call_words, j));
        lead && called && !in_table(&self.counts, last + 1)
    }

    /// True when a phone word comes right before token `i` (`هاتف:`, `هاتف`).
    fn announced(&self, doc: &Document<'_>, i: usize) -> bool {
        let mut j = i;
        while j > 0 && doc.tokens[j - 1].kind == TokenKind::Punct && i - j < 2 {
            j -= 1;
        }
        j > 0 && doc.tokens[j - 1].kind == TokenKind::Word && {
            let w = doc.token_text(j - 1);
            let w = w.strip_prefix('و').filter(|r| !r.is_empty()).unwrap_or(w);
            self.words.iter().any(|p| p == w)
        }
    }
}

impl Recognizer for PhoneRecognizer {
    fn name(&self) -> &'static str {
        "phone"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        let t = doc.tokens;
        let phone = |first: usize, last: usize| Candidate {
            kind: EntityKind::Phone,
            span: t[first].span.union(&t[last].span),
            value: Value::Empty {},
            priority: 25,
        };
        // A phone number starts at digits: only those are visited.
        super::walk(doc.digit_tokens(), |i| {
            if i > 0 && !t[i].space_before && t[i - 1].kind == TokenKind::Digits {
                return i + 1;
            }
            let mut first = i;
            let plus = i > 0 && doc.is_punct(i - 1, "+") && !t[i].space_before;
            let open = i > 0 && doc.is_punct(i - 1, "(") && !t[i].space_before;
            // Glued to a word before it (a code such as `QD12`): no phone.
            let glued_word = i > 0 && !t[i].space_before && t[i - 1].kind == TokenKind::Word;
            // `بـ911`: a preposition glued to a short service number.
            let glued_clitic = glued_word && doc.token_text(i - 1) == "ب";
            if plus || open {
                first = i - 1;
            }
            let lead = doc.token_text(i);
            if !glued_word && !plus {
                if let Some(last) = north_american(doc, i) {
                    out.push(phone(first, last));
                    return last + 1;
                }
            }
            let (last, digits, groups) = digit_groups(doc, i, plus || lead.starts_with("00"));
            let international = (plus || lead.starts_with("00")) && (8..=15).contains(&digits);
            let local = lead.starts_with('0')
                && !lead.starts_with("00")
                && (9..=11).contains(&digits)
                && (groups == 1 || lead.len() <= 4);
            let announced = (6..=15).contains(&digits) && self.announced(doc, first);
            let service = !plus
                && groups == 1
                && (3..=10).contains(&digits)
                && (!glued_word || glued_clitic)
                && self.service_number(doc, first, last);
            // A decimal (`0.4`) never: its groups would be one digit run and a `.`.
            if service || !glued_word && (international || local || announced) {
                out.push(phone(first, last));
                last + 1
            } else {
                i + 1
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn phones(text: &str) -> Vec<String> {
        let norm = search_form(text);
        let tokens = tokenize(&norm);
        let doc = Document::new(&norm, &tokens);
        let mut out = Vec::new();
        PhoneRecognizer::default().recognize(&doc, &mut out);
        out.iter()
            .map(|c| norm[c.span.range()].to_string())
            .collect()
    }

    #[test]
    fn international_local_and_announced() {
        assert_eq!(
            phones("اتصل على +966 11 234 5678 أو 0501234567 أو +84-24-3825-3536 أو ٠٠٩٧١٤١٢٣٤٥٦٧"),
            [
                "+966 11 234 5678",
                "0501234567",
                "+84-24-3825-3536",
                "0097141234567"
            ]
        );
        assert_eq!(phones("هاتف: 2345678"), ["2345678"]);
        assert_eq!(
            phones("اتصل 800-123-4567 أو 00971-4-1234567 أو (02) 1234567 أو ٠٥٥٥١٢٣٤٥٦"),
            [
                "800-123-4567",
                "00971-4-1234567",
                "(02) 1234567",
                "0555123456"
            ]
        );
        assert_eq!(phones("هاتف: 0123456789"), ["0123456789"]);
        // Not NANP: a first digit 1, dates, a longer last group, a period, a ratio.
        assert_eq!(
            phones("المراجع 100-200-3000 و 2024-12-02 و 223-456-78901 و 12.05.2024 و 2025-2030 و 34/37"),
            Vec::<String>::new()
        );
        assert!(phones("استقبلت 2619 مواطنا و 53,389.7 و 20250101 و 0.4% و 2025-2030").is_empty());
    }

    #[test]
    fn short_service_numbers_after_a_call_word() {
        assert_eq!(phones("اتصلوا على الرقم 911 فورا"), ["911"]);
        assert_eq!(phones("يرجى الاتصال على هاتف 997"), ["997"]);
        assert_eq!(phones("اتصل بـ911"), ["911"]);
        assert_eq!(phones("للطوارئ اتصل بـ 999 أو 112"), ["999", "112"]);
        assert_eq!(phones("الخط الساخن 19999 للشكاوى"), ["19999"]);
        // Counts after a call word, and short numbers with no call word.
        assert!(phones("تلقى الخط الساخن 500 مكالمة").is_empty());
        assert!(phones("قتل 911 شخصا والقرار رقم 997").is_empty());
    }
}

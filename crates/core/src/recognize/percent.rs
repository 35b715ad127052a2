//! Percentages: `17.5%`, `%17.5`, `١٢٫٥٪`, `٪ 5`, `20 في المائة`, `20 بالمئة`,
//! and numbers in words: `خمسة في المائة`.

use super::date::is_bare_year;
use super::number::parse_number_at;
use super::number_words::{cardinal_at, cardinal_tokens};
use super::range::is_range_connector;
use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Num, Value};
use crate::normalize::search_form;
use crate::tokenize::TokenKind;

/// Phrases after a number that make it a percentage, in ordinary spelling.
const PERCENT_PHRASES: &[&str] = &[
    "في المائة",
    "في المئة",
    "بالمائة",
    "بالمئة",
    "في المية",
    "بالمية",
];

/// The most tokens a number in words spans before its sign or phrase.
const MAX_WORDS_BEFORE_SIGN: usize = 24;

/// True when a number ends right before the `%` at token `sign` (then the
/// sign belongs to it, not to the number after).
fn ends_number(doc: &Document<'_>, sign: usize) -> bool {
    sign > 0 && doc.tokens[sign - 1].kind == TokenKind::Digits
}

/// `12,5%` (a decimal comma, as written in the Maghreb and by some
/// keyboards): the comma, one or two glued digits, then the sign. Returns
/// the last digit token and the value.
fn decimal_comma(doc: &Document<'_>, n: &super::number::ParsedNumber) -> Option<(usize, f64)> {
    let (comma, digits) = (n.last + 1, n.last + 2);
    let t = doc.tokens;
    let shape = !n.has_fraction
        && !n.grouped
        && doc.is_punct(comma, ",")
        && !t[comma].space_before
        && t.get(digits).is_some_and(|d| {
            d.kind == TokenKind::Digits && !d.space_before && doc.token_text(digits).len() <= 2
        })
        && doc.is_punct(digits + 1, "%")
        && !t[digits + 1].space_before;
    if !shape {
        return None;
    }
    let text = format!("{}.{}", doc.token_text(n.last), doc.token_text(digits));
    let v: f64 = text.parse().ok()?;
    Some((digits, if n.value < 0.0 { -v } else { v }))
}

/// Finds percentages.
#[derive(Debug)]
pub struct PercentRecognizer {
    /// [`PERCENT_PHRASES`] in search form, split into words.
    phrases: Vec<Vec<String>>,
}

impl Default for PercentRecognizer {
    fn default() -> Self {
        let phrases = PERCENT_PHRASES
            .iter()
            .map(|p| search_form(p).split(' ').map(str::to_string).collect())
            .collect();
        PercentRecognizer { phrases }
    }
}

impl PercentRecognizer {
    /// True when a range connector (`و`, `إلى`, `حتى`, `-`) follows token
    /// `last`, then a number in digits with its sign or phrase.
    fn range_into_percent(&self, doc: &Document<'_>, last: usize) -> bool {
        if !is_range_connector(doc, last + 1) {
            return false;
        }
        let Some(m) = parse_number_at(doc, last + 2).filter(|m| m.first == last + 2) else {
            return false;
        };
        let sign = doc.is_punct(m.last + 1, "%") && !doc.tokens[m.last + 1].newline_before;
        sign || self.phrase_after(doc, m.last).is_some()
    }

    /// A percent phrase (`في المائة`, `بالمئة`) right after token `last`: its last token.
    fn phrase_after(&self, doc: &Document<'_>, last: usize) -> Option<usize> {
        self.phrases.iter().find_map(|words| {
            let matches = words.iter().enumerate().all(|(k, w)| {
                let t = last + 1 + k;
                t < doc.tokens.len()
                    && doc.tokens[t].kind == TokenKind::Word
                    && doc.token_text(t) == w
            });
            matches.then_some(last + words.len())
        })
    }
}

impl Recognizer for PercentRecognizer {
    fn name(&self) -> &'static str {
        "percent"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        // Numbers in words are only read near a sign or a phrase (an
        // anchor), looked at from the few tokens where a cardinal starts.
        let is_anchor = |k: usize| {
            let text = doc.token_text(k);
            text == "%" || self.phrases.iter().any(|p| p[0] == text)
        };
        let near_anchor =
            |i: usize| (i..doc.tokens.len().min(i + MAX_WORDS_BEFORE_SIGN + 1)).any(is_anchor);
        // Token after the last sign used, so that `5% 6` does not give the `%` to both.
        let mut free_from = 0;
        // A number starts at digits or at a cardinal in words: only those are visited.
        let starts = super::merge_tokens(doc.digit_tokens(), cardinal_tokens(doc));
        super::walk(&starts, |i| {
            let digits = doc.tokens[i].kind == TokenKind::Digits;
            if !digits && !near_anchor(i) {
                return i + 1;
            }
            // The number: digits (`17.5`) or words (`خمسة`, `عشرين`).
            let (first, last, span, value) = if let Some(n) = parse_number_at(doc, i) {
                match decimal_comma(doc, &n) {
                    // `12,5%`: a decimal comma, only right before the sign.
                    Some((last, value)) => (
                        n.first,
                        last,
                        n.span(doc).union(&doc.tokens[last].span),
                        value,
                    ),
                    None => (n.first, n.last, n.span(doc), n.value),
                }
            } else if let Some(n) = cardinal_at(doc, i) {
                (n.first, n.last, n.span, n.value)
            } else {
                return i + 1;
            };
            let mut found = None;
            if doc.is_punct(last + 1, "%") && !doc.tokens[last + 1].newline_before {
                // Sign after: `17.5%` or `17.5 %`.
                found = Some((span.union(&doc.tokens[last + 1].span), last + 1));
            } else if first > free_from
                && doc.is_punct(first - 1, "%")
                && !doc.tokens[first].newline_before
                && (!doc.tokens[first].space_before || !ends_number(doc, first - 1))
            {
                // Sign before (as typed in right-to-left text): `%17.5`, `% 17.5`.
                found = Some((doc.tokens[first - 1].span.union(&span), last));
            } else if let Some(end) = self.phrase_after(doc, last) {
                found = Some((span.union(&doc.tokens[end].span), end));
            }
            // `بين 20 و30%`, `من 20 إلى 30 في المائة`, `20-30%`: the first
            // number of a range of percentages is one too (its span stays its own).
            // Not a year (`من 2014 إلى 4.82%` goes from a date to a rate).
            let year_like = value.fract() == 0.0 && is_bare_year(value as i32);
            if found.is_none() && digits && !year_like && self.range_into_percent(doc, last) {
                found = Some((span, last));
            }
            if let Some((span, end)) = found {
                out.push(Candidate {
                    kind: EntityKind::Percent,
                    span,
                    value: Value::Scalar { value: Num(value) },
                    priority: 10,
                });
                free_from = end + 1;
                end + 1
            } else {
                last + 1
            }
        });
        self.lone_words(doc, out);
    }
}

/// Words before a percent phrase that the cardinal reader leaves alone
/// (`واحد` alone, a fraction), with their value, in search form:
/// `واحد بالمئة` is 1%, `نصفا في المائة` 0.5%.
const LONE_WORDS: &[(&str, f64)] = &[
    ("واحد", 1.0),
    ("واحدا", 1.0),
    ("صفر", 0.0),
    ("نصف", 0.5),
    ("نصفا", 0.5),
    ("ربع", 0.25),
];

impl PercentRecognizer {
    /// `واحد بالمئة`, `نصفا في المائة`, `الأربعين بالمئة` (a ten with the
    /// article: `قرابة الأربعين بالمئة`): a percent of a word that is no
    /// cardinal alone, read only right before a percent phrase.
    fn lone_words(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        // Every phrase ends in `ه` (`الماءه`, `بالمءه`): a cheap test first.
        let ends = doc.tokens_where_word(|w| {
            w.ends_with('ه') && self.phrases.iter().any(|p| p[p.len() - 1] == w)
        });
        for k in ends {
            let k = k as usize;
            let Some(words) = self.phrases.iter().find(|p| {
                let n = p.len();
                k + 1 > n
                    && (0..n).all(|j| {
                        let t = k + 1 - n + j;
                        doc.tokens[t].kind == TokenKind::Word && doc.token_text(t) == p[j]
                    })
            }) else {
                continue;
            };
            let w = k + 1 - words.len() - 1;
            if doc.tokens[w].kind != TokenKind::Word
                || doc.tokens[w + 1].newline_before
                || cardinal_at(doc, w).is_some()
            {
                continue;
            }
            let word = doc.token_text(w);
            let (clitic, text) = match word.strip_prefix('و') {
                Some(rest)
                    if rest.starts_with("ال") || LONE_WORDS.iter().any(|(l, _)| *l == rest) =>
                {
                    ('و'.len_utf8(), rest)
                }
                _ => (0, word),
            };
            let value = match LONE_WORDS.iter().find(|(l, _)| *l == text) {
                Some(&(_, v)) => v,
                // `الأربعين`: a ten with the article (not `المئة`: `المئة في المائة`).
                None => match super::number_words::definite_tens(text) {
                    Some(v) if v < 100.0 => v,
                    _ => continue,
                },
            };
            let mut span = doc.tokens[w].span.union(&doc.tokens[k].span);
            span.start += clitic;
            out.push(Candidate {
                kind: EntityKind::Percent,
                span,
                value: Value::Scalar { value: Num(value) },
                priority: 10,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::search_form;
    use crate::tokenize::tokenize;

    fn percents(text: &str) -> Vec<(String, f64)> {
        let norm = search_form(text);
        let tokens = tokenize(&norm);
        let doc = Document::new(&norm, &tokens);
        let mut out = Vec::new();
        PercentRecognizer::default().recognize(&doc, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Scalar { value } => (norm[c.span.range()].to_string(), value.0),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn signs_on_either_side_phrases_and_words() {
        assert_eq!(
            percents("17.5% و٪ 5 و%3 وخمسة في المائة و20 بالمئة وعشرين بالمائة"),
            [
                ("17.5%".to_string(), 17.5),
                ("% 5".to_string(), 5.0),
                ("%3".to_string(), 3.0),
                ("خمسه في الماءه".to_string(), 5.0),
                ("20 بالمءه".to_string(), 20.0),
                ("عشرين بالماءه".to_string(), 20.0),
            ]
        );
        assert_eq!(
            percents("١٢،٥٪ و 3,25%"),
            [("12,5%".to_string(), 12.5), ("3,25%".to_string(), 3.25)]
        );
        assert_eq!(
            percents("بين 20 و30% ومن 3 إلى 5 في المئة و10-15%"),
            [
                ("20".to_string(), 20.0),
                ("30%".to_string(), 30.0),
                ("3".to_string(), 3.0),
                ("5 في المءه".to_string(), 5.0),
                ("10".to_string(), 10.0),
                ("15%".to_string(), 15.0),
            ]
        );
        assert_eq!(percents("من 2014 إلى 4.82%"), [("4.82%".to_string(), 4.82)]);
        assert_eq!(
            percents("واحد بالمئة ونصفا في المائة والخمسين في المائة"),
            [
                ("واحد بالمءه".to_string(), 1.0),
                ("نصفا في الماءه".to_string(), 0.5),
                ("الخمسين في الماءه".to_string(), 50.0),
            ]
        );
        // Not a lone word: `العاشر`, `الأول`, a name.
        assert!(percents("الخامس في المائة والأول بالمئة وأحمد بالمئة").is_empty());
        // The sign of `5%` is not also the sign before `6`.
        assert_eq!(percents("5% 6"), [("5%".to_string(), 5.0)]);
    }
}

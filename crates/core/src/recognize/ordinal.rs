//! Ordinals: in words (`الأول`, `الأولى`, `الرابع عشر`, `الخامسة والتسعين`,
//! read by [`super::number_words::ordinal_at`]) and in digits behind the
//! article (`الـ14`, `ال 14` is not one).

use super::number::parse_number_at;
use super::number_words::ordinal_at;
use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Num, Value};
use crate::tokenize::TokenKind;

/// The article as it prefixes digits once tatweel is gone (`الـ14` → `ال14`),
/// possibly behind a clitic (`وال14`, `لل14`).
const ARTICLES: &[&str] = &["ال", "وال", "بال", "فال", "كال", "لل", "ولل"];

/// Finds ordinals.
#[derive(Debug, Default)]
pub struct OrdinalRecognizer;

impl Recognizer for OrdinalRecognizer {
    fn name(&self) -> &'static str {
        "ordinal"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        let mut i = 0;
        while i < doc.tokens.len() {
            let token = &doc.tokens[i];
            if token.kind != TokenKind::Word {
                i += 1;
                continue;
            }
            if let Some(n) = ordinal_at(doc, i) {
                out.push(Candidate {
                    kind: EntityKind::Ordinal,
                    span: n.span,
                    value: Value::Scalar {
                        value: Num(n.value),
                    },
                    priority: 5,
                });
                i = n.last + 1;
                continue;
            }
            // `الـ14`: the article glued to a whole number.
            let word = doc.token_text(i);
            let glued_digits = doc
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Digits && !n.space_before);
            if !glued_digits {
                i += 1;
                continue;
            }
            if let Some(article) = ARTICLES.iter().find(|a| **a == word) {
                if let Some(n) = parse_number_at(doc, i + 1) {
                    let whole = !n.has_fraction && n.first == i + 1 && n.value >= 1.0;
                    if whole && !doc.tokens[i + 1].space_before {
                        let clitic = article.len() - "ال".len();
                        let mut span = token.span.union(&n.span(doc));
                        span.start += clitic;
                        out.push(Candidate {
                            kind: EntityKind::Ordinal,
                            span,
                            value: Value::Scalar {
                                value: Num(n.value),
                            },
                            priority: 5,
                        });
                        i = n.last + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::search_form;
    use crate::tokenize::tokenize;

    fn ordinals(text: &str) -> Vec<(String, f64)> {
        let norm = search_form(text);
        let tokens = tokenize(&norm);
        let doc = Document::new(&norm, &tokens);
        let mut out = Vec::new();
        OrdinalRecognizer.recognize(&doc, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Scalar { value } => (norm[c.span.range()].to_string(), value.0),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn words_and_article_digits() {
        assert_eq!(
            ordinals("المؤتمر الوطني الرابع عشر والدورة الـ14 والذكرى الخامسة والتسعين"),
            [
                ("الرابع عشر".to_string(), 14.0),
                ("ال14".to_string(), 14.0),
                ("الخامسه والتسعين".to_string(), 95.0),
            ]
        );
        assert_eq!(ordinals("للمرة الأولى"), [("الاولي".to_string(), 1.0)]);
        assert!(ordinals("التقرير الأولي").is_empty());
    }
}

//! Percentages: `17.5%`, `%17.5`, `١٢٫٥٪`, `20 في المائة`, `20 بالمئة`.

use super::number::parse_number_at;
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

impl Recognizer for PercentRecognizer {
    fn name(&self) -> &'static str {
        "percent"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        let mut i = 0;
        while i < doc.tokens.len() {
            let Some(n) = parse_number_at(doc, i) else {
                i += 1;
                continue;
            };
            let mut span = None;
            // Sign after: `17.5%` or `17.5 %`.
            if doc.is_punct(n.last + 1, "%") {
                span = Some(n.span(doc).union(&doc.tokens[n.last + 1].span));
            } else if n.first > 0
                && doc.is_punct(n.first - 1, "%")
                && !doc.tokens[n.first].space_before
            {
                // Sign before, glued: `%17.5` (as typed in right-to-left text).
                span = Some(doc.tokens[n.first - 1].span.union(&n.span(doc)));
            } else {
                for words in &self.phrases {
                    let matches = words.iter().enumerate().all(|(k, w)| {
                        let t = n.last + 1 + k;
                        t < doc.tokens.len()
                            && doc.tokens[t].kind == TokenKind::Word
                            && doc.token_text(t) == w
                    });
                    if matches {
                        span = Some(n.span(doc).union(&doc.tokens[n.last + words.len()].span));
                        break;
                    }
                }
            }
            if let Some(span) = span {
                out.push(Candidate {
                    kind: EntityKind::Percent,
                    span,
                    value: Value::Scalar {
                        value: Num(n.value),
                    },
                    priority: 10,
                });
            }
            i = n.last + 1;
        }
    }
}

//! Years named by a marker word: `عام 2024`, `لعام ٢٠٢٤`, `سنة 1999`.

use super::{Candidate, Document, Recognizer};
use crate::entity::{DateValue, EntityKind, Value};
use crate::tokenize::TokenKind;

/// Marker words before a year (search-normalized), without clitics.
const YEAR_MARKERS: &[&str] = &["عام", "سنه", "العام", "السنه"];

/// Clitics that may be attached before a marker word; they stay outside the span.
const CLITICS: &[&str] = &["و", "ب", "ل", "ف", "ك", "وب", "ول", "فل", "فب"];

/// Finds years after `عام` and `سنة`.
#[derive(Debug, Default)]
pub struct YearRecognizer;

impl YearRecognizer {
    /// If `word` is a marker, possibly behind a clitic, the byte length of that clitic.
    fn marker_clitic_len(word: &str) -> Option<usize> {
        if YEAR_MARKERS.contains(&word) {
            return Some(0);
        }
        CLITICS.iter().find_map(|c| {
            let rest = word.strip_prefix(c)?;
            // `لل` + `عام` would read `للعام`: ل + ال + عام.
            let rest_is_marker = YEAR_MARKERS.contains(&rest)
                || (rest.starts_with('ل') && YEAR_MARKERS.contains(&format!("ا{rest}").as_str()));
            rest_is_marker.then_some(c.len())
        })
    }
}

impl Recognizer for YearRecognizer {
    fn name(&self) -> &'static str {
        "year"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        for i in 0..doc.tokens.len().saturating_sub(1) {
            if doc.tokens[i].kind != TokenKind::Word {
                continue;
            }
            let Some(clitic) = Self::marker_clitic_len(doc.token_text(i)) else {
                continue;
            };
            let next = &doc.tokens[i + 1];
            let digits = doc.token_text(i + 1);
            if next.kind != TokenKind::Digits || digits.len() != 4 {
                continue;
            }
            // Not the start of a longer number (`عام 2024.5`, `2,024`): a
            // glued `.` or `,` followed by glued digits.
            let longer = (doc.is_punct(i + 2, ".") || doc.is_punct(i + 2, ","))
                && !doc.tokens[i + 2].space_before
                && doc
                    .tokens
                    .get(i + 3)
                    .is_some_and(|t| t.kind == TokenKind::Digits && !t.space_before);
            if longer {
                continue;
            }
            let year: i32 = digits.parse().expect("four ASCII digits");
            let mut span = doc.tokens[i].span.union(&next.span);
            span.start += clitic;
            out.push(Candidate {
                kind: EntityKind::Date,
                span,
                value: Value::Date(DateValue::gregorian(Some(year), None, None)),
                priority: 20,
            });
        }
    }
}

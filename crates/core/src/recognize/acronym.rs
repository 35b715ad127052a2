//! Latin-letter acronyms: `DCCI`, `PAPI`, `NTM`, `NQ/TU` (inside a document
//! reference the reference wins, being longer).

use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Value};
use crate::tokenize::TokenKind;

/// Finds acronyms: runs of 2 to 10 Latin capitals, and such runs joined by `/`.
#[derive(Debug, Default)]
pub struct AcronymRecognizer;

/// True when token `i` is 2–10 Latin capitals.
fn capitals(doc: &Document<'_>, i: usize) -> bool {
    let t = &doc.tokens[i];
    let w = doc.token_text(i);
    t.kind == TokenKind::Word
        && (2..=10).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
}

impl Recognizer for AcronymRecognizer {
    fn name(&self) -> &'static str {
        "acronym"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        let t = doc.tokens;
        // An acronym starts at a Latin word: only those are visited.
        super::walk(doc.latin_tokens(), |i| {
            // Not the tail of a longer Latin word or code (`fooBAR`, `31-NQ`).
            if !capitals(doc, i)
                || (i > 0 && !t[i].space_before && t[i - 1].kind != TokenKind::Punct)
            {
                return i + 1;
            }
            let mut last = i;
            while last + 2 < t.len()
                && doc.is_punct(last + 1, "/")
                && !t[last + 1].space_before
                && !t[last + 2].space_before
                && capitals(doc, last + 2)
            {
                last += 2;
            }
            // Glued digits or letters after (`COVID19`, `ABCdef`): not an acronym on its own.
            let glued_after = t
                .get(last + 1)
                .is_some_and(|n| !n.space_before && n.kind != TokenKind::Punct);
            if !glued_after {
                out.push(Candidate {
                    kind: EntityKind::Acronym,
                    span: t[i].span.union(&t[last].span),
                    value: Value::Empty {},
                    priority: 5,
                });
            }
            last + 1
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn capitals_only() {
        let text = "مؤشر (DCCI) و NQ/TU و Hanoi و A و PhD";
        let tokens = tokenize(text);
        let doc = Document::new(text, &tokens);
        let mut out = Vec::new();
        AcronymRecognizer.recognize(&doc, &mut out);
        let found: Vec<&str> = out.iter().map(|c| &text[c.span.range()]).collect();
        assert_eq!(found, ["DCCI", "NQ/TU"]);
    }
}

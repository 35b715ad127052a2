//! Ratios of counts: `34/37`, `12/13`, `23/23` (a part of a whole, never a
//! date: the numerator is at most the denominator, and no third number
//! follows as in `1/12/2024`).

use super::number::is_clitic;
use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Num, Value};
use crate::tokenize::TokenKind;

/// Finds ratios.
#[derive(Debug, Default)]
pub struct RatioRecognizer;

/// True when token `i` is a digit run glued to the token before it.
fn glued_digits(doc: &Document<'_>, i: usize) -> bool {
    i < doc.tokens.len() && doc.tokens[i].kind == TokenKind::Digits && !doc.tokens[i].space_before
}

/// True for four digits, as in year pairs (`2020/2021` is a season,
/// `1435/1436` a Hijri year pair): not ratios.
fn looks_like_year(s: &str) -> bool {
    s.len() == 4
}

/// Words before a sports score (`بنتيجة 2/2`, `النتيجة 1/0`), in search
/// form: its two numbers stay numbers, as in `2-1`.
const SCORE_WORDS: &[&str] = &["بنتيجه", "نتيجه", "النتيجه", "وبنتيجه", "بالنتيجه"];

/// True when a score word ([`SCORE_WORDS`]) stands right before token `i`.
fn score_before(doc: &Document<'_>, i: usize) -> bool {
    i > 0
        && doc.tokens[i - 1].kind == TokenKind::Word
        && SCORE_WORDS.contains(&doc.token_text(i - 1))
}

impl Recognizer for RatioRecognizer {
    fn name(&self) -> &'static str {
        "ratio"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        let t = doc.tokens;
        // A ratio starts at digits: only those are visited.
        super::walk(doc.digit_tokens(), |i| {
            let is_ratio_shape = i + 2 < t.len()
                && doc.is_punct(i + 1, "/")
                && !t[i + 1].space_before
                && glued_digits(doc, i + 2);
            if !is_ratio_shape {
                return i + 1;
            }
            // Not inside a longer code or date: nothing glued before
            // (except a clitic: `و21/23`) and no `/`, `-`, `.` or letters glued after.
            let glued_before = i > 0
                && !t[i].space_before
                && !(t[i - 1].kind == TokenKind::Word && is_clitic(doc.token_text(i - 1)));
            let glued_after = t.get(i + 3).is_some_and(|n| {
                !n.space_before
                    && (n.kind != TokenKind::Punct || {
                        let p = doc.token_text(i + 3);
                        matches!(p, "/" | "-" | "." | "," | ":") && glued_digits(doc, i + 4)
                            || matches!(p, "/" | "-")
                                && t.get(i + 4).is_some_and(|x| !x.space_before)
                    })
            });
            let (a, b) = (doc.token_text(i), doc.token_text(i + 2));
            if glued_before
                || glued_after
                || (looks_like_year(a) && looks_like_year(b))
                || score_before(doc, i)
            {
                return i + 3;
            }
            let (Ok(num), Ok(den)) = (a.parse::<f64>(), b.parse::<f64>()) else {
                return i + 3;
            };
            if den > 0.0 && num <= den {
                out.push(Candidate {
                    kind: EntityKind::Ratio,
                    span: t[i].span.union(&t[i + 2].span),
                    value: Value::Ratio {
                        numerator: Num(num),
                        denominator: Num(den),
                    },
                    priority: 30,
                });
            }
            i + 3
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn ratios(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        let doc = Document::new(text, &tokens);
        let mut out = Vec::new();
        RatioRecognizer.recognize(&doc, &mut out);
        out.iter()
            .map(|c| text[c.span.range()].to_string())
            .collect()
    }

    #[test]
    fn ratios_but_not_dates_or_codes() {
        assert_eq!(
            ratios("حلت 34/37 شكوى و21/23 بلاغ و 12/13"),
            ["34/37", "21/23", "12/13"]
        );
        assert!(ratios("1/12/2024 و 2020/2021 و 1435/1436 و 15/3 و 31/NQ").is_empty());
    }
}

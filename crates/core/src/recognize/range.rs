//! Ranges of amounts: `بين 20 و25 عاما`, `20-25 عاما`, `من 3 إلى 5 ملايين
//! دولار`, `بين 10 و15 ألف شخص`. Not a recognizer: a helper of the
//! number, money and duration recognizers.
//!
//! The contract has no range kind (periods of dates aside), so a range is
//! two entities, one per end. The near end is often a bare number that
//! borrows the far end's unit and scale word: in `من 3 إلى 5 ملايين دولار`
//! the `3` is 3,000,000 USD (money), in `بين 20-25 عاما` the `20` is a
//! duration of 20 years. The near end's span stays its own digits.

use super::date::is_bare_year;
use super::number::parse_number_at;
use super::number_words::{cardinal_at, scale_at};
use super::Document;
use crate::tokenize::TokenKind;

/// Words joining the two ends of a range, in search form.
pub const RANGE_CONNECTORS: &[&str] = &["و", "الي", "حتي"];

/// The far end of a range whose near end is a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FarEnd {
    /// First token of the far end's digits.
    pub first: usize,
    /// The multiplier of the scale word after the far end's digits (1 without one).
    pub scale: f64,
}

/// True when a range connector (`و`, `إلى`, `حتى`, `-`, `–`) is token `k`
/// on the line of the number before it.
pub fn is_range_connector(doc: &Document<'_>, k: usize) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    if t.newline_before {
        return false;
    }
    let word = doc.token_text(k);
    match t.kind {
        TokenKind::Word => RANGE_CONNECTORS.contains(&word),
        TokenKind::Punct => word == "-" || word == "–" || word == "—",
        _ => false,
    }
}

/// True when the word before the near end of a range (at token `first`)
/// allows the connector `word` (search form): `و` needs `بين` (`بين 20
/// و25`; a list `20 و25` is no range), `إلى`/`حتى` need `من` or `بين`, a
/// dash nothing.
pub fn is_introduced(doc: &Document<'_>, first: usize, word: &str) -> bool {
    let lead = first
        .checked_sub(1)
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
        .map(|k| doc.token_text(k))
        .map(|w| w.strip_prefix('و').filter(|r| !r.is_empty()).unwrap_or(w));
    match word {
        "و" => lead == Some("بين"),
        "الي" | "حتي" => matches!(lead, Some("من" | "بين")),
        _ => true,
    }
}

/// When the bare number at tokens `first..=last` (value `value`, no scale
/// word of its own; digits or words) is the near end of a range, the far
/// end (digits or words). `و` needs `بين` before the near end (`بين 20
/// و25`: a list `20 و25` is not a range) and may be glued to a far end in
/// words (`بين ثلاثة وخمسة أيام`); `إلى`/`حتى` need `من` or `بين`; a dash
/// needs nothing. A near end that reads as a year before a smaller far end
/// is a date, not an amount (`من 2014 إلى 4.82%`), and a near end ten
/// times the far end does not share its unit (`من 300 إلى 5 ملايين`).
pub fn far_end_after(doc: &Document<'_>, first: usize, last: usize, value: f64) -> Option<FarEnd> {
    let next = doc.tokens.get(last + 1)?;
    let (word, far) = if is_range_connector(doc, last + 1) {
        (doc.token_text(last + 1), last + 2)
    } else if next.kind == TokenKind::Word
        && !next.newline_before
        && doc.token_text(last + 1).starts_with('و')
    {
        ("و", last + 1)
    } else {
        return None;
    };
    let t = doc.tokens.get(far)?;
    if !is_introduced(doc, first, word) || t.newline_before {
        return None;
    }
    // The far end's count (before its scale word) and its scale.
    let (count, scale) = match t.kind {
        TokenKind::Digits => {
            let n = parse_number_at(doc, far).filter(|n| n.first == far)?;
            let after = n.last + 1;
            let scale = doc
                .tokens
                .get(after)
                .filter(|t| !t.newline_before)
                .and_then(|_| scale_at(doc, after))
                .unwrap_or(1.0);
            (n.value, scale)
        }
        TokenKind::Word => {
            let n = cardinal_at(doc, far).filter(|n| n.first == far)?;
            // The glued `و` is the only clitic: `وبخمسة` is no range end.
            let clitic = n.span.start - t.span.start;
            if clitic != if far == last + 1 { "و".len() } else { 0 } {
                return None;
            }
            // `سبعة ملايين`: the cardinal's value holds its scale word.
            let scale = scale_at(doc, n.last)
                .filter(|&m| n.value > m)
                .unwrap_or(1.0);
            (n.value / scale, scale)
        }
        TokenKind::Punct => return None,
    };
    let year_like = value.fract() == 0.0 && is_bare_year(value as i32);
    if value < 0.0 || count <= 0.0 || (year_like && count < value) || value > 10.0 * count {
        return None;
    }
    Some(FarEnd { first: far, scale })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::search_form;
    use crate::tokenize::tokenize;

    /// The far end after the first number of `text`: (its digits, scale).
    fn far(text: &str) -> Option<(String, f64)> {
        let norm = search_form(text);
        let tokens = tokenize(&norm);
        let doc = Document::new(&norm, &tokens);
        let i = tokens.iter().position(|t| t.kind == TokenKind::Digits)?;
        let n = parse_number_at(&doc, i)?;
        far_end_after(&doc, n.first, n.last, n.value)
            .map(|f| (doc.token_text(f.first).to_string(), f.scale))
    }

    #[test]
    fn connectors_need_their_lead_word() {
        assert_eq!(far("بين 20 و25 عاما"), Some(("25".into(), 1.0)));
        assert_eq!(far("تراوحت بين 20-25 عاما"), Some(("25".into(), 1.0)));
        assert_eq!(far("ومن 3 إلى 5 ملايين"), Some(("5".into(), 1e6)));
        assert_eq!(far("ما بين ٣٠ حتى ٤٠ ألف"), Some(("40".into(), 1e3)));
        assert_eq!(far("بين 3 وخمسة"), Some(("وخمسه".into(), 1.0)));
        assert_eq!(far("من 5 إلى سبعة ملايين"), Some(("سبعه".into(), 1e6)));
        // A list, not a range; a year before a smaller rate; a near end too large.
        assert_eq!(far("قتل 20 و25 جريحا"), None);
        assert_eq!(far("3 إلى 5 ملايين"), None);
        assert_eq!(far("من 2014 إلى 4.82%"), None);
        assert_eq!(far("من 300 إلى 5 ملايين"), None);
    }
}

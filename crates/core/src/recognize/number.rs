//! Numbers written in digits: `2024`, `53,389.7`, `-3.5`, `١٢٫٥` (digits and
//! separators arrive ASCII from the normalizer), and digits followed by a
//! scale word: `5 ملايين` (5000000), `53,389.7 مليار` (53389700000000).

use super::number_words::scale_at;
use super::range::far_end_after;
use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Num, Value};
use crate::span::Span;
use crate::tokenize::TokenKind;

/// A number parsed from tokens `first..=last` of a document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParsedNumber {
    /// Index of the first token (the sign, if any).
    pub first: usize,
    /// Index of the last token.
    pub last: usize,
    /// The value.
    pub value: f64,
    /// True when written with a decimal point.
    pub has_fraction: bool,
    /// True when written with thousands separators.
    pub grouped: bool,
    /// Digits after the decimal point (0 for a whole number).
    pub decimals: u32,
}

impl ParsedNumber {
    /// Byte span in the normalized text.
    pub fn span(&self, doc: &Document<'_>) -> Span {
        doc.tokens[self.first]
            .span
            .union(&doc.tokens[self.last].span)
    }
}

/// True when token `i` is a digit run glued (no space) to the token before it.
fn glued_digits(doc: &Document<'_>, i: usize) -> bool {
    i < doc.tokens.len() && doc.tokens[i].kind == TokenKind::Digits && !doc.tokens[i].space_before
}

/// The text of a number being read (digit runs, `.`), on the stack while
/// it fits in 64 bytes: no allocation per number.
enum DigitText {
    /// The first `.1` bytes of `.0`.
    Inline([u8; 64], usize),
    /// A longer number.
    Heap(String),
}

impl DigitText {
    /// The text `s`.
    fn new(s: &str) -> Self {
        let mut d = DigitText::Inline([0; 64], 0);
        d.push(s);
        d
    }

    /// Appends `s`.
    fn push(&mut self, s: &str) {
        match self {
            DigitText::Inline(buf, len) if *len + s.len() <= buf.len() => {
                buf[*len..*len + s.len()].copy_from_slice(s.as_bytes());
                *len += s.len();
            }
            DigitText::Inline(..) => {
                let mut text = self.as_str().to_string();
                text.push_str(s);
                *self = DigitText::Heap(text);
            }
            DigitText::Heap(text) => text.push_str(s),
        }
    }

    /// The text so far.
    fn as_str(&self) -> &str {
        match self {
            DigitText::Inline(buf, len) => {
                std::str::from_utf8(&buf[..*len]).expect("digits and dots are ASCII")
            }
            DigitText::Heap(text) => text,
        }
    }
}

/// Parses the number whose first digit run is token `i`: thousands groups
/// (`53,389`), a decimal part (`.7`) and a sign glued before it. Returns
/// `None` when token `i` is not a digit run. The numbers of all the digit
/// tokens are parsed once per document, on the first call ([`DigitNumbers`]):
/// five to seven recognizers ask about each.
pub fn parse_number_at(doc: &Document<'_>, i: usize) -> Option<ParsedNumber> {
    let table = doc.digit_numbers(|| DigitNumbers::parse(doc));
    table.get(doc.digit_tokens(), i)
}

/// A digit token's number ([`parse_number_at`]), packed in 24 bytes.
#[derive(Clone, Copy)]
struct PackedNumber {
    /// The value.
    value: f64,
    /// How many tokens after the digit token the number ends.
    last_ahead: u32,
    /// [`ParsedNumber::decimals`].
    decimals: u32,
    /// [`PackedNumber::PARSED`], [`PackedNumber::SIGN`],
    /// [`PackedNumber::FRACTION`], [`PackedNumber::GROUPED`].
    flags: u8,
}

impl PackedNumber {
    /// The token reads as a number.
    const PARSED: u8 = 1;
    /// The number starts at the sign before the digit token.
    const SIGN: u8 = 2;
    /// [`ParsedNumber::has_fraction`].
    const FRACTION: u8 = 4;
    /// [`ParsedNumber::grouped`].
    const GROUPED: u8 = 8;
}

/// The numbers of a document's digit tokens, parsed once for all the
/// recognizers that read them ([`parse_number_at`]).
pub(crate) struct DigitNumbers {
    /// Per digit token, by its place in [`Document::digit_tokens`].
    numbers: Vec<PackedNumber>,
    /// The place of the token asked last: the recognizers mostly walk the
    /// digit tokens in order, so the next answer is there or just after.
    hint: std::cell::Cell<usize>,
}

impl DigitNumbers {
    /// Parses the number at each digit token of `doc`, in one pass.
    pub(crate) fn parse(doc: &Document<'_>) -> Self {
        let numbers = doc
            .digit_tokens()
            .iter()
            .map(|&k| {
                let k = k as usize;
                match parse_number_uncached(doc, k) {
                    Some(n) => PackedNumber {
                        value: n.value,
                        last_ahead: (n.last - k) as u32,
                        decimals: n.decimals,
                        flags: PackedNumber::PARSED
                            | (u8::from(n.first < k) * PackedNumber::SIGN)
                            | (u8::from(n.has_fraction) * PackedNumber::FRACTION)
                            | (u8::from(n.grouped) * PackedNumber::GROUPED),
                    },
                    None => PackedNumber {
                        value: 0.0,
                        last_ahead: 0,
                        decimals: 0,
                        flags: 0,
                    },
                }
            })
            .collect();
        DigitNumbers {
            numbers,
            hint: std::cell::Cell::new(0),
        }
    }

    /// The number at token `i`, `digits` being the document's digit tokens
    /// (`None` when `i` is no digit token or reads as no number).
    fn get(&self, digits: &[u32], i: usize) -> Option<ParsedNumber> {
        let target = u32::try_from(i).ok()?;
        let h = self.hint.get();
        let place = if digits.get(h) == Some(&target) {
            h
        } else if digits.get(h + 1) == Some(&target) {
            h + 1
        } else {
            digits.binary_search(&target).ok()?
        };
        self.hint.set(place);
        let p = self.numbers[place];
        (p.flags & PackedNumber::PARSED != 0).then(|| ParsedNumber {
            first: i - usize::from(p.flags & PackedNumber::SIGN != 0),
            last: i + p.last_ahead as usize,
            value: p.value,
            decimals: p.decimals,
            has_fraction: p.flags & PackedNumber::FRACTION != 0,
            grouped: p.flags & PackedNumber::GROUPED != 0,
        })
    }
}

/// [`parse_number_at`] without the memo.
fn parse_number_uncached(doc: &Document<'_>, i: usize) -> Option<ParsedNumber> {
    let tokens = doc.tokens;
    if tokens.get(i)?.kind != TokenKind::Digits {
        return None;
    }
    // `5ر15`: the reversed notation with `ر`, read from its first digits only.
    if reversed_separator_before(doc, i) {
        return None;
    }
    if reversed_separator_at(doc, i + 1) {
        return reversed_number_at(doc, i);
    }
    let mut digits = DigitText::new(doc.token_text(i));
    let mut last = i;
    let mut grouped = false;
    // Thousands groups: `,ddd` repeated, only after a run of 1-3 digits.
    if digits.as_str().len() <= 3 {
        while doc.is_punct(last + 1, ",")
            && !doc.tokens[last + 1].space_before
            && glued_digits(doc, last + 2)
            && doc.token_text(last + 2).len() == 3
        {
            digits.push(doc.token_text(last + 2));
            last += 2;
            grouped = true;
        }
    }
    // `5.000.000`: dots as thousands separators, recognizable only when
    // there are two groups or more (`1.234` stays a decimal).
    let group_after = |k: usize, sep: &str| {
        doc.is_punct(k + 1, sep)
            && !doc.tokens[k + 1].space_before
            && glued_digits(doc, k + 2)
            && doc.token_text(k + 2).len() == 3
    };
    if !grouped
        && digits.as_str().len() <= 3
        && group_after(last, ".")
        && group_after(last + 2, ".")
    {
        while group_after(last, ".") {
            digits.push(doc.token_text(last + 2));
            last += 2;
        }
        grouped = true;
    }
    let mut has_fraction = false;
    let decimal_comma = !grouped
        && doc.is_punct(last + 1, ",")
        && !doc.tokens[last + 1].space_before
        && glued_digits(doc, last + 2)
        && doc.token_text(last + 2).len() != 3
        // Not a list of digits (`1,2,3`).
        && !(doc.is_punct(last + 3, ",") && glued_digits(doc, last + 4))
        && !(i >= 2 && doc.is_punct(i - 1, ",") && !tokens[i].space_before);
    let decimal_point = doc.is_punct(last + 1, ".")
        && !doc.tokens[last + 1].space_before
        && glued_digits(doc, last + 2);
    // `3,5 مليون`: a comma before other than three digits is a decimal comma.
    if decimal_point || decimal_comma {
        digits.push(".");
        digits.push(doc.token_text(last + 2));
        last += 2;
        has_fraction = true;
    }
    let value: f64 = digits.as_str().parse().ok()?;
    let decimals = match has_fraction {
        true => doc.token_text(last).len() as u32,
        false => 0,
    };
    Some(with_sign(
        doc,
        ParsedNumber {
            first: i,
            last,
            value,
            has_fraction,
            grouped,
            decimals,
        },
    ))
}

/// True when digits at token `i` follow a glued `ر` that follows glued
/// digits: the tail of a number in the reversed notation (`5ر15`).
fn reversed_separator_before(doc: &Document<'_>, i: usize) -> bool {
    i >= 2 && doc.tokens[i - 2].kind == TokenKind::Digits && reversed_separator_at(doc, i - 1)
}

/// True when token `k` is a `ر` glued between digits (`5ر15`).
fn reversed_separator_at(doc: &Document<'_>, k: usize) -> bool {
    let t = doc.tokens;
    k + 1 < t.len()
        && t[k].kind == TokenKind::Word
        && !t[k].space_before
        && doc.token_text(k) == "ر"
        && t[k + 1].kind == TokenKind::Digits
        && !t[k + 1].space_before
}

/// A number in the reversed notation of some Arabic newspapers and wire
/// services, `ر` for the separator and the groups in reverse order (typeset
/// for display, stored right to left): `5ر15` is 15.5, `82ر52` 52.82,
/// `951ر625ر34` 34,625,951. One `ر` after one or two digits is a decimal
/// point; two or more, after groups of three, separate thousands. One `ر`
/// after three digits (`500ر1`: 1.5 or 1,500?) is read as nothing.
fn reversed_number_at(doc: &Document<'_>, i: usize) -> Option<ParsedNumber> {
    let mut last = i;
    while reversed_separator_at(doc, last + 1) {
        last += 2;
    }
    // Parts in the order written: `fraction ر whole` or `ones ر thousands ر ...`.
    let len = |k: usize| doc.token_text(k).len();
    let two = last == i + 2;
    let (text, has_fraction, decimals) = if two {
        if len(i) > 2 || len(last) > 6 {
            return None;
        }
        let mut text = DigitText::new(doc.token_text(last));
        text.push(".");
        text.push(doc.token_text(i));
        (text, true, len(i) as u32)
    } else {
        if len(last) > 3 || (i..last).step_by(2).any(|k| len(k) != 3) {
            return None;
        }
        let mut text = DigitText::new(doc.token_text(last));
        for k in (i..last).step_by(2).rev() {
            text.push(doc.token_text(k));
        }
        (text, false, 0)
    };
    let value: f64 = text.as_str().parse().ok()?;
    Some(with_sign(
        doc,
        ParsedNumber {
            first: i,
            last,
            value,
            has_fraction,
            grouped: !has_fraction,
            decimals,
        },
    ))
}

/// `n` with a sign glued before its first token, when there is one.
fn with_sign(doc: &Document<'_>, n: ParsedNumber) -> ParsedNumber {
    let tokens = doc.tokens;
    let i = n.first;
    let mut value = n.value;
    let mut first = i;
    // A sign glued to the number, itself not glued to a number before it
    // (so `2025-2030` is no negative number).
    if i >= 1
        && !tokens[i].space_before
        && (doc.is_punct(i - 1, "-") || doc.is_punct(i - 1, "+") || doc.is_punct(i - 1, "−"))
    {
        // Nor glued to a word before it (`إف-35` is a name, not -35).
        let sign_is_free = i == 1
            || tokens[i - 1].space_before
            || tokens[i - 2].kind == TokenKind::Punct && doc.token_text(i - 2) != "-"
            || tokens[i - 2].kind == TokenKind::Word && is_clitic(doc.token_text(i - 2));
        if sign_is_free {
            if doc.token_text(i - 1) != "+" {
                value = -value;
            }
            first = i - 1;
        }
    }
    ParsedNumber { first, value, ..n }
}

/// The value of a digit (ASCII, Arabic-Indic or Persian).
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// The reversed decimal of one newspaper's wire copy: a right-to-left mark
/// after the point, the fraction first (`5.\u{200F}0 في المائة` is 0.5%,
/// `2.\u{200F}10 مليون` 10.2 million). The normalizer drops the mark, so
/// the recognizers read `5.0`; this reads the candidate's original text
/// (`original` is the text its span is now in) and puts the value right.
/// Only a candidate whose sole digits are that number is changed.
pub fn restore_reversed_decimal(original: &str, c: &mut Candidate) {
    let value = match &mut c.value {
        Value::Scalar { value } => value,
        Value::Money { amount, .. } => amount,
        Value::Duration { value, .. } => value,
        _ => return,
    };
    let Some(text) = original.get(c.span.range()) else {
        return;
    };
    let Some(mark) = text.find('\u{200F}') else {
        return;
    };
    let Some(head) = text[..mark].strip_suffix(['.', '\u{066B}']) else {
        return;
    };
    // `A.‏B`: A the digits ending the text before the point, B those
    // starting the text after the mark, and no other digit.
    let (mut a, mut a_len, mut b, mut b_len) = (0u64, 0i32, 0u64, 0i32);
    for ch in head.chars() {
        match digit_value(ch) {
            // More than three digits before the point: not this notation
            // (and no overflow of `a`).
            Some(_) if a_len == 3 => return,
            Some(d) => {
                a = a * 10 + u64::from(d);
                a_len += 1;
            }
            None if a_len > 0 => return,
            None => {}
        }
    }
    let mut in_b = true;
    for ch in text[mark + '\u{200F}'.len_utf8()..].chars() {
        match digit_value(ch) {
            Some(_) if !in_b || b_len == 15 => return,
            Some(d) => {
                b = b * 10 + u64::from(d);
                b_len += 1;
            }
            None => in_b = false,
        }
    }
    if a_len == 0 || b_len == 0 {
        return;
    }
    let read = a as f64 + b as f64 / 10f64.powi(b_len);
    if read == 0.0 {
        return;
    }
    // The value is the number read times a scale word's multiplier.
    let ratio = value.0 / read;
    let Some(scale) = [1.0, 1e3, 1e6, 1e9, 1e12]
        .into_iter()
        .find(|m| ((ratio.abs() / m) - 1.0).abs() < 1e-9)
    else {
        return;
    };
    let power = 10f64.powi(a_len);
    let meant = (b as f64) * power + a as f64;
    value.0 = (meant * scale / power).copysign(ratio);
}

/// A number in digits, possibly followed by a scale word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaledNumber {
    /// The number in digits.
    pub number: ParsedNumber,
    /// Index of the last token (the scale word, or the last part after `و`).
    pub last: usize,
    /// The multiplier of the first scale word (1 without one).
    pub scale: f64,
    /// The value, scale applied.
    pub value: f64,
}

impl ScaledNumber {
    /// Byte span in the normalized text.
    pub fn span(&self, doc: &Document<'_>) -> Span {
        doc.tokens[self.number.first]
            .span
            .union(&doc.tokens[self.last].span)
    }
}

/// Parses the number at token `i` (see [`parse_number_at`]) and a scale word
/// right after it on the same line (`5 ملايين`, `1.5 مليار`, `25 ألف`). The
/// product is exact for amounts written with up to 15 significant digits.
pub fn parse_scaled_number_at(doc: &Document<'_>, i: usize) -> Option<ScaledNumber> {
    let mut n = parse_number_at(doc, i)?;
    let scale_after = |next: usize| {
        (next < doc.tokens.len() && !doc.tokens[next].newline_before)
            .then(|| scale_at(doc, next))
            .flatten()
    };
    let mut next = n.last + 1;
    let mut scale = scale_after(next);
    // `(140) ألف`: the digits in brackets, then the scale word; the
    // brackets are then in the span (`first` is the opening one).
    if scale.is_none() && n.first > 0 && is_bracketed(doc, n.first, n.last) {
        if let Some(m) = scale_after(n.last + 2) {
            scale = Some(m);
            next = n.last + 2;
            n.first -= 1;
        }
    }
    let Some(m) = scale else {
        return Some(ScaledNumber {
            number: n,
            last: n.last,
            value: n.value,
            scale: 1.0,
        });
    };
    // Multiply the digits as an integer, then divide by the power of ten
    // of the decimals: 533897 × 1e9 / 10 is exact, 53389.7 × 1e9 is not.
    let power = 10f64.powi(n.decimals as i32);
    let mantissa = (n.value.abs() * power).round();
    let mut value = mantissa * m / power;
    if n.value < 0.0 {
        value = -value;
    }
    let mut scaled = ScaledNumber {
        number: n,
        last: next,
        value,
        scale: m,
    };
    // `2 مليار و300 مليون`: a smaller part after `و` (not after `1.5 مليار`,
    // which starts a list of amounts).
    let whole = !n.has_fraction;
    if let Some((part, last)) = smaller_part_after(doc, next, m).filter(|_| whole) {
        scaled.value += part.copysign(scaled.value);
        scaled.last = last;
    } else if let Some((part, last)) = units_after_accusative(doc, next, m).filter(|_| whole) {
        scaled.value += part.copysign(scaled.value);
        scaled.last = last;
    }
    Some(scaled)
}

/// True when the number at tokens `first..=last` stands alone in brackets
/// on its line: `(140)`.
pub fn is_bracketed(doc: &Document<'_>, first: usize, last: usize) -> bool {
    first > 0
        && doc.is_punct(first - 1, "(")
        && doc.is_punct(last + 1, ")")
        && !doc.tokens[first].newline_before
        && !doc.tokens[last + 1].newline_before
}

/// After a scale word `m` ending at token `end`: `و` and whole digits with a
/// smaller scale (`و300 مليون` after `مليار`, `و500 ألف` after `مليون`).
/// Bare digits (`ثلاثة آلاف و15`) are not taken: they usually count
/// something else. Returns the part's value and last token.
pub fn smaller_part_after(doc: &Document<'_>, end: usize, m: f64) -> Option<(f64, usize)> {
    let conj = end + 1;
    let t = doc.tokens.get(conj)?;
    if t.newline_before || t.kind != TokenKind::Word || doc.token_text(conj) != "و" {
        return None;
    }
    let digits = doc.tokens.get(conj + 1)?;
    if digits.kind != TokenKind::Digits || digits.newline_before {
        return None;
    }
    let part = parse_scaled_number_at(doc, conj + 1)?;
    // Whole digits below the next scale up: `و300 مليون` after `مليار`
    // (300 < 1000), not `و1.5 مليون` (a list of amounts).
    let smaller = !part.number.has_fraction
        && part.scale > 1.0
        && part.scale < m
        && part.number.value < m / part.scale;
    (smaller && part.number.first == conj + 1 && part.value >= 0.0)
        .then_some((part.value, part.last))
}

/// After the accusative scale word of 11–99 thousands or millions (`12
/// ألفًا`, folded `الفا`) at token `end`: `و` and bare whole digits below the
/// scale, the rest of the same count (`12 ألفًا و500` is 12500). After other
/// forms bare digits stay apart (`ثلاثة ملايين و15`, lists).
fn units_after_accusative(doc: &Document<'_>, end: usize, m: f64) -> Option<(f64, usize)> {
    let conj_ok = doc
        .tokens
        .get(end + 1)
        .is_some_and(|t| t.kind == TokenKind::Word && !t.newline_before);
    if !conj_ok || !doc.token_text(end).ends_with('ا') || doc.token_text(end + 1) != "و" {
        return None;
    }
    let conj = end + 1;
    let part = parse_number_at(doc, conj + 1)?;
    let alone = doc
        .tokens
        .get(part.last + 1)
        .is_none_or(|t| t.space_before && scale_at(doc, part.last + 1).is_none());
    let ok = part.first == conj + 1
        && !doc.tokens[conj + 1].newline_before
        && !part.has_fraction
        && (1.0..m).contains(&part.value)
        && alone;
    ok.then_some((part.value, part.last))
}

/// Words for minus before a number (search form): `سالب 5` is -5.
const MINUS_WORDS: &[&str] = &["سالب"];

/// When a minus word (`سالب 5 درجات`, `سالب خمسة`) stands right before
/// token `first` on its line: its span, to extend the number's over it.
pub fn minus_word_before(doc: &Document<'_>, first: usize) -> Option<Span> {
    let k = first.checked_sub(1)?;
    let t = &doc.tokens[k];
    (t.kind == TokenKind::Word
        && !doc.tokens[first].newline_before
        && MINUS_WORDS.contains(&doc.token_text(k)))
    .then_some(t.span)
}

/// Clitics that may be glued to a number (`و15`, `ب5`), in search form.
const CLITICS: &[&str] = &["و", "ب", "ل", "ف", "ك", "وب", "ول", "فب", "فل", "وك"];

/// True when `word` is only clitics (`و`, `وب`): digits glued after it are
/// still a number, while digits glued after other letters are part of a code.
pub fn is_clitic(word: &str) -> bool {
    CLITICS.contains(&word)
}

/// Finds numbers in digits.
#[derive(Debug, Default)]
pub struct NumberRecognizer;

impl Recognizer for NumberRecognizer {
    fn name(&self) -> &'static str {
        "number"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        // A number starts at digits: only those are visited.
        super::walk(doc.digit_tokens(), |i| {
            // A digit run glued after letters or another number's tail is part of a code (`05-CT`), skip those.
            let prev_glued_word = i > 0
                && !doc.tokens[i].space_before
                && doc.tokens[i - 1].kind == TokenKind::Word
                && !is_clitic(doc.token_text(i - 1));
            match parse_scaled_number_at(doc, i) {
                Some(n) if !prev_glued_word => {
                    // `بين 10 و15 ألف`: the near end of a range takes the far end's scale.
                    let shared_scale = match n.last == n.number.last {
                        true => far_end_after(doc, n.number.first, n.last, n.value)
                            .map_or(1.0, |f| f.scale),
                        false => 1.0,
                    };
                    let (span, sign) = match minus_word_before(doc, n.number.first) {
                        Some(minus) if n.value > 0.0 => (minus.union(&n.span(doc)), -1.0),
                        _ => (n.span(doc), 1.0),
                    };
                    out.push(Candidate {
                        kind: EntityKind::Number,
                        span,
                        value: Value::Scalar {
                            value: Num(sign * n.value * shared_scale),
                        },
                        priority: 0,
                    });
                    n.last + 1
                }
                _ => i + 1,
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    #[test]
    fn digit_memo_answers_as_the_parser_in_any_order() {
        let text =
            "في 2024 بلغ -3.5 و+7 ثم 53,389.7 و5.000.000 و1,2,3 و3,5 مليون إف-35 و-12 ١٢٫٥ 7";
        let tokens = tokenize(text);
        let doc = Document::new(text, &tokens);
        let direct: Vec<_> = (0..=tokens.len())
            .map(|i| parse_number_uncached(&doc, i))
            .collect();
        assert!(direct.iter().filter(|n| n.is_some()).count() >= 10);
        assert!(direct
            .iter()
            .flatten()
            .any(|n| n.first < n.last && n.value < 0.0));
        // Backwards, forwards, then skipping: the hint must not change the answers.
        for i in (0..=tokens.len())
            .rev()
            .chain(0..=tokens.len())
            .chain((0..=tokens.len()).step_by(3))
        {
            assert_eq!(parse_number_at(&doc, i), direct[i], "token {i}");
        }
    }

    fn numbers(text: &str) -> Vec<(String, f64)> {
        let tokens = tokenize(text);
        let doc = Document::new(text, &tokens);
        let mut out = Vec::new();
        NumberRecognizer.recognize(&doc, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Scalar { value } => (text[c.span.range()].to_string(), value.0),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn grouped_decimal_and_signed() {
        assert_eq!(
            numbers("53,389.7 و 17.5 و -3"),
            [
                ("53,389.7".into(), 53389.7),
                ("17.5".into(), 17.5),
                ("-3".into(), -3.0)
            ]
        );
        assert_eq!(
            numbers("2025-2030"),
            [("2025".into(), 2025.0), ("2030".into(), 2030.0)]
        );
        // A glued comma before other than three digits is a decimal comma
        // (`3,5 مليون`, `٣٫٥`'s Maghrebi spelling); a list of digits is not.
        assert_eq!(numbers("1,23"), [("1,23".into(), 1.23)]);
        assert_eq!(
            numbers("1,2,3"),
            [("1".into(), 1.0), ("2".into(), 2.0), ("3".into(), 3.0)]
        );
        assert_eq!(numbers("5.000.000"), [("5.000.000".into(), 5e6)]);
        assert_eq!(numbers("1.234"), [("1.234".into(), 1.234)]);
        assert_eq!(numbers("إف-35"), [("35".into(), 35.0)]);
        assert_eq!(numbers("(-3)"), [("-3".into(), -3.0)]);
        assert_eq!(numbers("سالب 5 درجات"), [("سالب 5".into(), -5.0)]);
    }

    #[test]
    fn reversed_notation_with_ra() {
        assert_eq!(numbers("5ر15"), [("5ر15".into(), 15.5)]);
        assert_eq!(
            numbers("82ر52 و01ر32"),
            [("82ر52".into(), 52.82), ("01ر32".into(), 32.01)]
        );
        assert_eq!(numbers("(951ر625ر34)"), [("951ر625ر34".into(), 34625951.0)]);
        // One `ر` after three digits: 1.5 or 1,500; nor groups of other sizes.
        assert!(numbers("500ر1 و95ر625ر34").is_empty());
        let text = crate::normalize::search_form("3ر1 مليار");
        assert_eq!(numbers(&text), [("3ر1 مليار".into(), 1.3e9)]);
    }

    #[test]
    fn reversed_decimal_after_a_mark() {
        let fix = |text: &str, value: Value| {
            let mut c = Candidate {
                kind: EntityKind::Number,
                span: Span::new(0, text.len()),
                value,
                priority: 0,
            };
            restore_reversed_decimal(text, &mut c);
            c.value
        };
        let scalar = |v: f64| Value::Scalar { value: Num(v) };
        assert_eq!(fix("5.\u{200F}0 في المائة", scalar(5.0)), scalar(0.5));
        assert_eq!(fix("2.\u{200F}10 مليون", scalar(2.1e6)), scalar(10.2e6));
        assert_eq!(fix("-7.\u{200F}0%", scalar(-7.0)), scalar(-0.7));
        assert_eq!(fix("٦٦.\u{200F}١٤٩٦١", scalar(66.14961)), scalar(14961.66));
        // No mark, or other digits in the span: unchanged.
        assert_eq!(fix("5.0", scalar(5.0)), scalar(5.0));
        assert_eq!(fix("5.\u{200F}1 و3", scalar(5.1)), scalar(5.1));
        // Long digit runs on either side are not this notation (and do not overflow).
        let long = format!("{}.\u{200F}5", "9".repeat(30));
        assert_eq!(fix(&long, scalar(1e30)), scalar(1e30));
        let long = format!("5.\u{200F}{}", "9".repeat(30));
        assert_eq!(fix(&long, scalar(5.0)), scalar(5.0));
    }

    #[test]
    fn digits_with_scale_words() {
        let text =
            crate::normalize::search_form("5 ملايين، و53,389.7 مليار، و1.5 مليون، و25 ألفاً، و٣ آلاف");
        assert_eq!(
            numbers(&text),
            [
                ("5 ملايين".into(), 5e6),
                ("53,389.7 مليار".into(), 53389700000000.0),
                ("1.5 مليون".into(), 1.5e6),
                ("25 الفا".into(), 25000.0),
                ("3 الاف".into(), 3000.0),
            ]
        );
        let text =
            crate::normalize::search_form("2 مليار و300 مليون، و5 آلاف و200 و7 ملايين و9 مليارات");
        assert_eq!(
            numbers(&text),
            [
                ("2 مليار و300 مليون".into(), 2.3e9),
                ("5 الاف".into(), 5000.0),
                ("200".into(), 200.0),
                ("7 ملايين".into(), 7e6),
                ("9 مليارات".into(), 9e9),
            ]
        );
        let text = crate::normalize::search_form("قتل 12 ألفًا و500 شخص و3 آلاف و15 آخرون");
        assert_eq!(
            numbers(&text),
            [
                ("12 الفا و500".into(), 12500.0),
                ("3 الاف".into(), 3000.0),
                ("15".into(), 15.0),
            ]
        );
        // The near end of a range takes the far end's scale word.
        let text = crate::normalize::search_form("بين 10 و15 ألف ومن 3 إلى 5 ملايين و2-3 مليار");
        assert_eq!(
            numbers(&text),
            [
                ("10".into(), 1e4),
                ("15 الف".into(), 15e3),
                ("3".into(), 3e6),
                ("5 ملايين".into(), 5e6),
                ("2".into(), 2e9),
                ("3 مليار".into(), 3e9),
            ]
        );
    }
}

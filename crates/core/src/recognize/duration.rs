//! Durations: a count and a unit of time (`5 سنوات`, `٢١ يوماً`, `ثلاثة
//! أيام`, `خمسة وعشرين عاماً`), a dual (`شهرين`, `لعامين`), or one unit
//! after `لمدة` (`لمدة عام`). `لمدة 5 سنوات متتالية` gives the span `5 سنوات`.

use super::date_words::{glued_to_word, DateFamily, DateLexicon, DateWord, UnitForm};
use super::number::parse_number_at;
use super::number_words::{cardinal_at, scale_at};
use super::ordinal::ARTICLES;
use super::range::far_end_after;
use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Num, TimeUnit, Value};
use crate::span::Span;
use crate::tokenize::TokenKind;
use std::sync::Arc;

/// Priority of duration candidates.
pub const DURATION_PRIORITY: i32 = 20;

/// Singular units with the article (search form), as they follow a fraction
/// (`14 عامًا ونصف العام`).
const UNITS_WITH_ARTICLE: &[&str] = &[
    "العام",
    "السنه",
    "الشهر",
    "الاسبوع",
    "اليوم",
    "الساعه",
    "الدقيقه",
    "الثانيه",
];

/// Words after which a singular unit alone is one unit (`لمدة عام`).
const FOR_WORDS: &[&str] = &["لمده", "مده", "طوال", "طيله"];

/// True when a duration may start at a word of the date lexicon whose
/// phrases, a clitic allowed, can mean `any`: a fraction (`نصف ساعة`), a
/// dual unit (`شهرين`) or a singular one (`لمدة عام`, `ساعة ونصف`), or
/// `word` is a definite plural or dual unit (`الأشهر الستة الماضية`) or
/// the definite decade (`العقد الماضي`).
/// (Counted durations start at digits and at cardinals in words.)
pub(super) fn may_start_word(lex: &DateLexicon, word: &str, any: &[DateWord]) -> bool {
    any.iter().any(|w| {
        matches!(
            w,
            DateWord::Fraction(_) | DateWord::Unit(_, UnitForm::Singular | UnitForm::Dual, _)
        )
    }) || definite_unit_word(lex, word).is_some_and(|u| u.1 != UnitForm::Singular || u.2 == 10)
}

/// A duration parsed from tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParsedDuration {
    /// First token.
    pub first: usize,
    /// Last token.
    pub last: usize,
    /// Bytes of clitic glued before the first token, outside the span.
    pub clitic: usize,
    /// How many units.
    pub value: f64,
    /// The unit.
    pub unit: TimeUnit,
}

impl ParsedDuration {
    /// Byte span in the normalized text.
    pub fn span(&self, doc: &Document<'_>) -> Span {
        Span::new(
            doc.tokens[self.first].span.start + self.clitic,
            doc.tokens[self.last].span.end,
        )
    }
}

/// The unit after a count (which starts at token `count`) at token `i`
/// (singular or plural, no clitic): the unit, how many of it one word
/// counts, and its last token.
fn counted_unit(
    lex: &DateLexicon,
    doc: &Document<'_>,
    count: usize,
    i: usize,
) -> Option<(TimeUnit, f64, usize)> {
    // A unit on the next line belongs to another sentence (a heading, a list).
    if doc.tokens.get(i).is_some_and(|t| t.newline_before) {
        return None;
    }
    let m = lex.find(doc, i, false, |w| {
        matches!(
            w,
            DateWord::Unit(_, UnitForm::Singular | UnitForm::Plural, _)
        )
    })?;
    // A singular unit followed by a number is a marker of that number
    // (`53 عام 2023` → `عام 2023`), not a counted unit.
    let next_is_number = doc
        .tokens
        .get(m.last + 1)
        .is_some_and(|t| t.kind == TokenKind::Digits);
    match m.word {
        DateWord::Unit(_, UnitForm::Singular, _) if next_is_number => None,
        DateWord::Unit(unit, form, factor) if unit_word_fits(doc, count, m.last, form, factor) => {
            Some((unit, f64::from(factor), m.last))
        }
        _ => None,
    }
}

/// Words up to three words before a count of `عقد` that make it
/// contracts, not decades (`وقعت الوزارة ثلاثة عقود`), in search form.
const SIGNING_WORDS: &[&str] = &[
    "وقع",
    "وقعت",
    "وقعا",
    "توقيع",
    "ابرم",
    "ابرمت",
    "ابرام",
    "منح",
    "منحت",
];

/// Words after `عقود`, `عقدين` that make them contracts (`عقدين مع`,
/// `عقود بقيمة`, `عقود عمل`), in search form.
const CONTRACT_WORDS: &[&str] = &[
    "مع",
    "بقيمه",
    "بين",
    "عمل",
    "لتوريد",
    "لبناء",
    "لتنفيذ",
    "لانشاء",
    "توريد",
    "جديده",
    "جديدين",
    "اخري",
    "تجاريه",
    "ايجار",
    "بيع",
    "شراء",
];

/// Words after a lone `عقد`, `قرن` that make it one decade or century
/// (`عقد من الزمن`, `قرن كامل`); elsewhere the singular is a noun or a
/// verb (`قبل عقد الاجتماع`: before holding the meeting). The words of
/// [`WHOLE`] do too.
const ONE_LONG_UNIT_AFTER: &[&str] = &["من", "تقريبا", "مضي", "ونيف", "ونصف"];

/// `كامل`, `كاملاً`, `كاملة` ("whole"), search form.
const WHOLE: &[&str] = &["كامل", "كاملا", "كامله"];

/// True when the unit word ending at token `last`, whose phrase (with its
/// count) starts at token `first`, reads as time: a decade or century word also names contracts (`عقد`)
/// or is a verb, so it needs a context that allows time.
pub fn unit_word_fits(
    doc: &Document<'_>,
    first: usize,
    last: usize,
    form: UnitForm,
    factor: u8,
) -> bool {
    if factor == 1 {
        return true;
    }
    let word_at = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|_| doc.token_text(k))
    };
    match form {
        UnitForm::Singular => {
            match word_at(last + 1).filter(|_| !doc.tokens[last + 1].newline_before) {
                None => true,
                Some("من") => word_at(last + 2) == Some("الزمن"),
                Some(w) => ONE_LONG_UNIT_AFTER.contains(&w) || WHOLE.contains(&w),
            }
        }
        _ => {
            // The signing verb may stand before its subject (`وقعت الوزارة ثلاثة عقود`).
            let signed = (1..=3)
                .map_while(|back| {
                    let k = first.checked_sub(back)?;
                    (!doc.tokens[k + 1].newline_before).then(|| word_at(k))?
                })
                .any(|w| {
                    SIGNING_WORDS.contains(&w)
                        || w.strip_prefix('و')
                            .is_some_and(|r| SIGNING_WORDS.contains(&r))
                });
            !signed
                && !word_at(last + 1).is_some_and(|w| {
                    !doc.tokens[last + 1].newline_before && CONTRACT_WORDS.contains(&w)
                })
        }
    }
}

/// A word of [`WHOLE`] after a unit ending at token `last`: its token.
fn whole_after(doc: &Document<'_>, last: usize) -> Option<usize> {
    let k = last + 1;
    let t = doc.tokens.get(k)?;
    (t.kind == TokenKind::Word && !t.newline_before && WHOLE.contains(&doc.token_text(k)))
        .then_some(k)
}

/// `من الزمن` after a unit ending at token `last`: its last token.
pub fn of_time_after(doc: &Document<'_>, last: usize) -> Option<usize> {
    let is = |k: usize, w: &str| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word && doc.token_text(k) == w)
    };
    (is(last + 1, "من") && is(last + 2, "الزمن")).then_some(last + 2)
}

/// `ونصف`, `و نصف`, `وربع` at token `i`: the fraction of a unit (0.5, 0.25)
/// and its last token.
fn and_fraction_at(lex: &DateLexicon, doc: &Document<'_>, i: usize) -> Option<(f64, usize)> {
    let (at, clitic) = if i < doc.tokens.len() && doc.token_text(i) == "و" {
        (i + 1, false)
    } else {
        (i, true)
    };
    let m = lex.find(doc, at, clitic, |w| matches!(w, DateWord::Fraction(_)))?;
    if clitic && m.clitic != "و".len() {
        return None;
    }
    // `ونصف مليون`: the fraction of something else.
    if doc
        .tokens
        .get(m.last + 1)
        .is_some_and(|t| t.kind == TokenKind::Word)
        && (cardinal_at(doc, m.last + 1).is_some()
            || lex
                .find(doc, m.last + 1, false, |w| matches!(w, DateWord::Unit(..)))
                .is_some())
    {
        return None;
    }
    let DateWord::Fraction(h) = m.word else {
        return None;
    };
    // `ونصف العام`, `ونصف الساعة`: the unit again, with the article.
    let last = match doc.tokens.get(m.last + 1) {
        Some(t)
            if t.kind == TokenKind::Word
                && UNITS_WITH_ARTICLE.contains(&doc.token_text(m.last + 1)) =>
        {
            m.last + 1
        }
        _ => m.last,
    };
    Some((h as f64 / 100.0, last))
}

/// The duration starting at token `i`, if any, with a fraction after its
/// unit (`ثلاثة أشهر ونصف` is 3.5 months, `ساعة ونصف` 1.5 hours).
pub fn parse_duration_at(
    lex: &DateLexicon,
    doc: &Document<'_>,
    i: usize,
) -> Option<ParsedDuration> {
    let Some(mut d) = parse_whole_duration_at(lex, doc, i) else {
        // `ساعة ونصف`: one unit and a fraction.
        if !lex.may_start(doc, i) {
            return None;
        }
        let unit = lex.find(doc, i, true, |w| {
            matches!(w, DateWord::Unit(_, UnitForm::Singular, _))
        })?;
        let (f, last) = and_fraction_at(lex, doc, unit.last + 1)?;
        let DateWord::Unit(unit_kind, _, factor) = unit.word else {
            return None;
        };
        return Some(ParsedDuration {
            first: i,
            last,
            clitic: unit.clitic,
            value: (1.0 + f) * f64::from(factor),
            unit: unit_kind,
        });
    };
    if d.value.fract() == 0.0 {
        if let Some((f, last)) = and_fraction_at(lex, doc, d.last + 1) {
            d.value += f;
            d.last = last;
        }
    }
    Some(d)
}

/// The duration starting at token `i`, without a trailing fraction.
fn parse_whole_duration_at(
    lex: &DateLexicon,
    doc: &Document<'_>,
    i: usize,
) -> Option<ParsedDuration> {
    let tok = doc.tokens.get(i)?;
    if tok.kind == TokenKind::Digits {
        // Digits glued after a word belong to a code (`COVID19`).
        // Not so the article: `الـ48 ساعة` counts 48 hours.
        let after_article = i > 0 && ARTICLES.contains(&doc.token_text(i - 1));
        if glued_to_word(doc, i) && !after_article {
            return None;
        }
        let n = parse_number_at(doc, i)?;
        if n.value <= 0.0 || n.first != i {
            return None;
        }
        let (unit, factor, last) = counted_unit(lex, doc, i, n.last + 1)?;
        return Some(ParsedDuration {
            first: i,
            last,
            clitic: 0,
            value: n.value * factor,
            unit,
        });
    }
    // A count in words (`ثلاثة`, `خمسة وعشرين`, `مائة`): the reader shared
    // with the number recognizers (memoized per document).
    let counted = (tok.kind == TokenKind::Word)
        .then(|| cardinal_at(doc, i))
        .flatten()
        .filter(|n| n.first == i && n.value > 0.0);
    if let Some(n) = counted {
        if let Some((unit, factor, last)) = counted_unit(lex, doc, i, n.last + 1) {
            return Some(ParsedDuration {
                first: i,
                last,
                clitic: n.span.start - doc.tokens[i].span.start,
                value: n.value * factor,
                unit,
            });
        }
    }
    if !lex.may_start(doc, i) {
        return None;
    }
    // `نصف ساعة`, `ربع قرن` (25 years).
    if let Some(f) = lex.find(doc, i, true, |w| matches!(w, DateWord::Fraction(_))) {
        let unit = lex.find(doc, f.last + 1, false, |w| {
            matches!(w, DateWord::Unit(_, UnitForm::Singular, _))
        });
        if let (DateWord::Fraction(h), Some(DateWord::Unit(unit, _, factor)), Some(last)) =
            (f.word, unit.map(|u| u.word), unit.map(|u| u.last))
        {
            return Some(ParsedDuration {
                first: i,
                last,
                clitic: f.clitic,
                value: h as f64 / 100.0 * f64::from(factor),
                unit,
            });
        }
    }
    if let Some(m) = lex.find(doc, i, true, |w| {
        matches!(w, DateWord::Unit(_, UnitForm::Dual, _))
    }) {
        if let DateWord::Unit(unit, form, factor) = m.word {
            if unit_word_fits(doc, i, m.last, form, factor) {
                return Some(ParsedDuration {
                    first: i,
                    last: m.last,
                    clitic: m.clitic,
                    value: 2.0 * f64::from(factor),
                    unit,
                });
            }
        }
    }
    let after_for = i > 0 && {
        let w = doc.token_text(i - 1);
        FOR_WORDS.contains(&w.strip_prefix('و').unwrap_or(w))
    };
    // `لمدة عام`, and anywhere `عقد من الزمن`, `عاماً كاملاً`: one unit.
    let m = lex.find(doc, i, !after_for, |w| {
        matches!(w, DateWord::Unit(_, UnitForm::Singular, _))
    })?;
    let of_time = of_time_after(doc, m.last).or_else(|| whole_after(doc, m.last));
    if after_for || of_time.is_some() {
        if let DateWord::Unit(unit, form, factor) = m.word {
            if unit_word_fits(doc, i, m.last, form, factor) {
                return Some(ParsedDuration {
                    first: i,
                    last: of_time.unwrap_or(m.last),
                    clitic: m.clitic,
                    value: f64::from(factor),
                    unit,
                });
            }
        }
    }
    None
}

/// Adjectives that place a definite count of units in time (`الماضية`,
/// `المقبلين`, `الأخيرة`, `الأولى`), in search form, every gender and number.
const FRAME_ADJECTIVES: &[&str] = &[
    "الماضي",
    "الماضيه",
    "الماضيين",
    "الماضيتين",
    "المقبل",
    "المقبله",
    "المقبلين",
    "المقبلتين",
    "القادم",
    "القادمه",
    "القادمين",
    "القادمتين",
    "الاخير",
    "الاخيره",
    "الاخيرين",
    "الاخيرتين",
    "المنصرم",
    "المنصرمه",
    "المنصرمين",
    "المنصرمتين",
    "الفاءت",
    "الفاءته",
    "الفاءتين",
    "الفاءتتين",
    "الاولي",
    "الاولين",
];

/// `العشر`, `العشرين` ... `التسعين` (search form): after a plural unit the
/// count 10, 20 ... 90 (`السنوات العشر الماضية`), which the cardinal reader
/// leaves alone (they are also ordinals).
const DEFINITE_TENS: &[&str] = &[
    "العشر",
    "العشرين",
    "الثلاثين",
    "الاربعين",
    "الخمسين",
    "الستين",
    "السبعين",
    "الثمانين",
    "التسعين",
];

/// Adjectives after the singular `العقد` that make it the decade before or
/// after the date of writing, in search form.
const DECADE_ADJECTIVES: &[&str] = &["الماضي", "المنصرم", "الفاءت", "المقبل", "القادم"];

/// Words before a definite count of units that make it a stretch of time
/// (`خلال السنوات الخمس`), in search form, also after `و`.
const FRAME_WORDS: &[&str] = &["خلال", "طوال", "طيله", "مدي", "لمده", "مده", "عبر"];

/// The definite unit word at token `k` (`السنوات`, `والأشهر`, `العامين`):
/// its unit, form, factor and the bytes of clitic before the article
/// (`لل` is ل + ال: the span then starts after both lams, as in dates).
fn definite_unit_at(
    lex: &DateLexicon,
    doc: &Document<'_>,
    k: usize,
) -> Option<(TimeUnit, UnitForm, u8, usize)> {
    if doc.tokens.get(k)?.kind != TokenKind::Word {
        return None;
    }
    definite_unit_word(lex, doc.token_text(k))
}

/// [`definite_unit_at`] of the word `word`.
fn definite_unit_word(lex: &DateLexicon, word: &str) -> Option<(TimeUnit, UnitForm, u8, usize)> {
    let (article, rest) = ARTICLES
        .iter()
        .find_map(|a| Some((*a, word.strip_prefix(a).filter(|r| !r.is_empty())?)))?;
    let (unit, form, factor) = lex.unit_word(rest)?;
    let clitic = if article.ends_with("لل") {
        article.len()
    } else {
        article.len() - "ال".len()
    };
    Some((unit, form, factor, clitic))
}

/// A definite count of units placed in time, starting at the unit at token
/// `i`: `الأشهر الستة الماضية`, `السنوات الخمس الأخيرة`, `الساعات الـ24
/// الماضية`, `العامين الماضيين`, `خلال السنوات العشر`. The count follows its
/// plural unit, or is the unit itself in the dual; an adjective of time
/// after it, or a word such as `خلال` before the unit, is required.
fn time_frame_at(lex: &DateLexicon, doc: &Document<'_>, i: usize) -> Option<ParsedDuration> {
    let (unit, form, factor, clitic) = definite_unit_at(lex, doc, i)?;
    let (count, last) = match form {
        UnitForm::Dual => (2.0, i),
        // `العقد الماضي`, `العقد المقبل`: one decade before or after the
        // date of writing (not `القرن الماضي`, the twentieth century by name,
        // nor `العقد الحالي`, more often the current contract).
        UnitForm::Singular
            if factor == 10
                && doc.tokens.get(i + 1).is_some_and(|t| !t.newline_before)
                && DECADE_ADJECTIVES.contains(&doc.token_text(i + 1)) =>
        {
            if !unit_word_fits(doc, i, i, UnitForm::Plural, factor) {
                return None;
            }
            (1.0, i)
        }
        UnitForm::Singular => return None,
        UnitForm::Plural => {
            let next = doc.tokens.get(i + 1)?;
            if next.kind == TokenKind::Word && ARTICLES.contains(&doc.token_text(i + 1)) {
                // `الساعات الـ24`: the article, then the digits.
                let n = parse_number_at(doc, i + 2).filter(|n| n.first == i + 2)?;
                (n.value, n.last)
            } else {
                match cardinal_at(doc, i + 1) {
                    Some(n) if n.first == i + 1 => (n.value, n.last),
                    _ => {
                        let word = doc.token_text(i + 1);
                        let k = DEFINITE_TENS.iter().position(|w| *w == word)?;
                        (10.0 * (k + 1) as f64, i + 1)
                    }
                }
            }
        }
    };
    if count <= 0.0 || (form == UnitForm::Plural && count <= 2.0) {
        return None;
    }
    let first = i;
    let adjective = doc
        .tokens
        .get(last + 1)
        .is_some_and(|t| t.kind == TokenKind::Word && !t.newline_before)
        && FRAME_ADJECTIVES.contains(&doc.token_text(last + 1));
    let after_frame_word = first > 0 && doc.tokens[first - 1].kind == TokenKind::Word && {
        let w = doc.token_text(first - 1);
        FRAME_WORDS.contains(&w.strip_prefix('و').unwrap_or(w))
    };
    // The singular decade had its test above, with its adjective.
    let fits = form == UnitForm::Singular || unit_word_fits(doc, first, first, form, factor);
    if !(adjective || after_frame_word) || !fits {
        return None;
    }
    Some(ParsedDuration {
        first,
        last: last + usize::from(adjective),
        clitic,
        value: count * f64::from(factor),
        unit,
    })
}

/// Finds durations.
#[derive(Debug)]
pub struct DurationRecognizer {
    lex: Arc<DateLexicon>,
}

impl Default for DurationRecognizer {
    fn default() -> Self {
        DurationRecognizer {
            lex: DateLexicon::shared(),
        }
    }
}

impl Recognizer for DurationRecognizer {
    fn name(&self) -> &'static str {
        "duration"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        // A duration starts at digits, at a word of the date lexicon or at
        // a cardinal in words: only those tokens are visited.
        let starts = super::merge_tokens(
            self.lex.start_tokens(doc, DateFamily::Duration),
            super::number_words::cardinal_tokens(doc),
        );
        super::walk(&starts, |i| {
            match time_frame_at(&self.lex, doc, i).or_else(|| parse_duration_at(&self.lex, doc, i))
            {
                Some(d) => {
                    out.push(Candidate {
                        kind: EntityKind::Duration,
                        span: d.span(doc),
                        value: Value::Duration {
                            value: Num(d.value),
                            unit: d.unit,
                        },
                        priority: DURATION_PRIORITY,
                    });
                    d.last + 1
                }
                None => {
                    // `بين 20 و25 عاما`, `20-25 عاما`: the near end of a range.
                    match near_end_of_range(&self.lex, doc, i) {
                        Some((span, value, unit, last)) => {
                            out.push(Candidate {
                                kind: EntityKind::Duration,
                                span,
                                value: Value::Duration {
                                    value: Num(value),
                                    unit,
                                },
                                priority: DURATION_PRIORITY,
                            });
                            last + 1
                        }
                        None => i + 1,
                    }
                }
            }
        });
    }
}

/// When a bare count at token `i`, digits or words, is the near end of a
/// range of durations (`بين 20 و25 عاما`, `من 3 إلى 5 أيام`, `2-3 ساعات`,
/// `بين ثلاثة وخمسة أيام`): its span, value, the far end's unit and its last token.
fn near_end_of_range(
    lex: &DateLexicon,
    doc: &Document<'_>,
    i: usize,
) -> Option<(Span, f64, TimeUnit, usize)> {
    let (first, last, span, value) = match doc.tokens[i].kind {
        TokenKind::Digits if !glued_to_word(doc, i) => {
            let n = parse_number_at(doc, i).filter(|n| n.first == i && n.value > 0.0)?;
            (n.first, n.last, n.span(doc), n.value)
        }
        TokenKind::Word => {
            let n = cardinal_at(doc, i).filter(|n| n.first == i && n.value > 0.0)?;
            scale_at(doc, n.last).is_none().then_some(())?;
            (n.first, n.last, n.span, n.value)
        }
        _ => return None,
    };
    let far = far_end_after(doc, first, last, value)?;
    let d = parse_duration_at(lex, doc, far.first).filter(|d| d.first == far.first)?;
    Some((span, value * far.scale, d.unit, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::search_form;
    use crate::tokenize::tokenize;

    fn durations(text: &str) -> Vec<(String, f64, TimeUnit)> {
        let text = search_form(text);
        let tokens = tokenize(&text);
        let doc = Document::new(&text, &tokens);
        let mut out = Vec::new();
        DurationRecognizer::default().recognize(&doc, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Duration { value, unit } => {
                    (text[c.span.range()].to_string(), value.0, unit)
                }
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn decades_and_centuries_count_years() {
        assert_eq!(
            durations("استمر عقدان وخلال عقد من الزمن ونحو ربع قرن وثلاثة عقود"),
            [
                ("عقدان".into(), 20.0, TimeUnit::Year),
                ("عقد من الزمن".into(), 10.0, TimeUnit::Year),
                ("ربع قرن".into(), 25.0, TimeUnit::Year),
                ("ثلاثه عقود".into(), 30.0, TimeUnit::Year),
            ]
        );
        // Contracts and the verb `عقد` (held) are not decades.
        assert!(durations("وقعت الوزارة ثلاثة عقود وعقدين مع شركات").is_empty());
        assert!(durations("عقد المجلس جلسة").is_empty());
        assert_eq!(
            durations("قد يحكم عقدا كاملا وبقي شهرا كاملا")[1],
            ("شهرا كاملا".into(), 1.0, TimeUnit::Month)
        );
        assert_eq!(durations("قد يحكم عقدا كاملا")[0].1, 10.0);
    }

    #[test]
    fn counts_duals_and_words() {
        assert_eq!(
            durations("لمدة 5 سنوات متتالية و شهرين وثلاثة أيام و21 يوماً ولمدة عام"),
            [
                ("5 سنوات".into(), 5.0, TimeUnit::Year),
                ("شهرين".into(), 2.0, TimeUnit::Month),
                ("ثلاثه ايام".into(), 3.0, TimeUnit::Day),
                ("21 يوما".into(), 21.0, TimeUnit::Day),
                ("عام".into(), 1.0, TimeUnit::Year),
            ]
        );
        assert_eq!(
            durations("خمسة وعشرين عاماً")[0],
            ("خمسه وعشرين عاما".into(), 25.0, TimeUnit::Year)
        );
        // The count stays a number; the definite dual with its adjective is a duration.
        assert_eq!(
            durations("2619 مواطنا في العامين الماضيين"),
            [("العامين الماضيين".into(), 2.0, TimeUnit::Year)]
        );
        // Both ends of a range of durations.
        assert_eq!(
            durations("تراوحت أعمارهم بين 20-25 عاما ومن 3 إلى 5 أيام"),
            [
                ("20".into(), 20.0, TimeUnit::Year),
                ("25 عاما".into(), 25.0, TimeUnit::Year),
                ("3".into(), 3.0, TimeUnit::Day),
                ("5 ايام".into(), 5.0, TimeUnit::Day),
            ]
        );
        assert_eq!(
            durations("بين ثلاثة وخمسة أيام")[0],
            ("ثلاثه".into(), 3.0, TimeUnit::Day)
        );
        assert_eq!(
            durations("ونصف ساعة")[0],
            ("نصف ساعه".into(), 0.5, TimeUnit::Hour)
        );
    }

    #[test]
    fn definite_counts_placed_in_time() {
        assert_eq!(
            durations("خلال الأشهر الستة الماضية وفي الساعات الـ24 الأخيرة"),
            [
                ("الاشهر السته الماضيه".into(), 6.0, TimeUnit::Month),
                ("الساعات ال24 الاخيره".into(), 24.0, TimeUnit::Hour),
            ]
        );
        assert_eq!(
            durations("خلال السنوات العشر المقبلة والعقدين الماضيين"),
            [
                ("السنوات العشر المقبله".into(), 10.0, TimeUnit::Year),
                ("العقدين الماضيين".into(), 20.0, TimeUnit::Year),
            ]
        );
        // A word such as `خلال` before the unit stands for the adjective.
        assert_eq!(
            durations("طوال السنوات الخمس"),
            [("السنوات الخمس".into(), 5.0, TimeUnit::Year)]
        );
        // Neither: people, not time; no count; contracts.
        assert!(durations("وقع الأعضاء الثلاثة").is_empty());
        assert!(durations("في السنوات الماضية").is_empty());
        assert!(durations("الأشهر الستة").is_empty());
        assert!(durations("وقعت الشركة العقود الثلاثة الماضية").is_empty());
    }
}

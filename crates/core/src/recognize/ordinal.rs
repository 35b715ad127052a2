//! Ordinals: in words (`الأول`, `الأولى`, `الرابع عشر`, `الخامسة والتسعين`,
//! read by [`super::number_words::ordinal_at`]), in digits behind the
//! article (`الـ14`, `ال 14` is not one), after a rank or designator word
//! (`المرتبة 44`, `المادة ( 103 )`) and opening a list item (`1 - يحق`).

use super::date_words::{DateLexicon, DateWord};
use super::number::{parse_number_at, parse_scaled_number_at};
use super::number_words::{ordinal_at, ordinal_tokens};
use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Num, Value};
use crate::normalize::search_form;
use crate::tokenize::TokenKind;
use crate::word_hash::WordHashMap;
use std::sync::OnceLock;

/// Definite broken and sound plurals after which the article + digits is a
/// count (`data/count_plurals.txt`).
const COUNT_PLURALS: &str = data_table!(include_str!("../../data/count_plurals.txt"));

/// [`COUNT_PLURALS`] in search form, built once.
fn count_plurals() -> &'static WordHashMap<String, ()> {
    static TABLE: OnceLock<WordHashMap<String, ()>> = OnceLock::new();
    TABLE.get_or_init(|| {
        COUNT_PLURALS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| (search_form(l), ()))
            .collect()
    })
}

/// True when `word` (search form) is a definite plural, possibly behind a
/// clitic (`والدول`, `للدول`, `بالدول`): ending in `ات` or listed in
/// [`COUNT_PLURALS`].
fn is_definite_plural(word: &str) -> bool {
    let bare = word.strip_prefix(['و', 'ف']).unwrap_or(word);
    let definite = match bare.strip_prefix("لل") {
        Some(rest) => format!("ال{rest}"),
        None => bare
            .strip_prefix(['ب', 'ك'])
            .filter(|r| r.starts_with("ال"))
            .unwrap_or(bare)
            .to_string(),
    };
    // Sound plurals of nisba nouns (`الموسيقيون`, `الفلسطينيين`) by their ending.
    definite.starts_with("ال")
        && (definite.ends_with("ات")
            || definite.ends_with("يون")
            || definite.ends_with("يين")
            || count_plurals().contains_key(&definite))
}

/// The article as it prefixes digits once tatweel is gone (`الـ14` → `ال14`),
/// possibly behind a clitic (`وال14`, `لل14`).
pub(crate) const ARTICLES: &[&str] = &["ال", "وال", "بال", "فال", "كال", "لل", "ولل"];

/// Rank and designator words (search form) after which digits are an
/// ordinal: `احتل المرتبة 44` is the 44th place, and Arabic reads the
/// numbered parts of a text as ordinals (`المادة 103` is المادة الثالثة بعد
/// المائة, `الفقرة ( 1 )` الفقرة الأولى, `العدد 80` العدد الثمانون).
/// `رقم 5` stays a number (رقم is followed by a cardinal), and so do
/// indefinite nouns that also count (`عدد 5 أشخاص`).
const RANK_WORDS: &[&str] = &[
    "المرتبه",
    "الرتبه",
    "المركز",
    "الترتيب",
    "الماده",
    "ماده",
    "الفقره",
    "فقره",
    "البند",
    "بند",
    "الفصل",
    "الباب",
    "الجزء",
    "العدد",
    "الحلقه",
    "القسم",
    "المشهد",
    "مشهد",
    "الطبعه",
    "المجلد",
    "الصفحه",
    "صفحه",
];

/// [`RANK_WORDS`] as a table, built once, with the forms behind `ل`
/// (`للمركز`, `وللمركز`) of those with the article.
fn rank_words() -> &'static WordHashMap<String, ()> {
    static TABLE: OnceLock<WordHashMap<String, ()>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = WordHashMap::default();
        for w in RANK_WORDS {
            if let Some(stem) = w.strip_prefix("ال") {
                table.insert(format!("لل{stem}"), ());
                table.insert(format!("ولل{stem}"), ());
            }
            table.insert(w.to_string(), ());
        }
        table
    })
}

/// True when token `i` is a rank word, possibly behind a clitic (`بالمرتبة`, `للمركز`).
fn is_rank_word(doc: &Document<'_>, i: usize) -> bool {
    if doc.tokens[i].kind != TokenKind::Word {
        return false;
    }
    let w = doc.token_text(i);
    let bare = ["و", "ف", "ب", "وب", "فب"]
        .iter()
        .find_map(|c| w.strip_prefix(c).filter(|r| r.starts_with("ال")))
        .unwrap_or(w);
    rank_words().contains_key(bare)
}

/// Finds ordinals.
#[derive(Debug, Default)]
pub struct OrdinalRecognizer;

impl Recognizer for OrdinalRecognizer {
    fn name(&self) -> &'static str {
        "ordinal"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        // An ordinal starts at digits (after a rank word), at the word
        // before glued digits (`الـ14`) or at an ordinal word: only those
        // tokens are visited.
        let digits = doc.digit_tokens();
        let before_digits: Vec<u32> = digits.iter().filter(|&&d| d > 0).map(|d| d - 1).collect();
        let starts = super::merge_tokens(
            &super::merge_tokens(digits, &before_digits),
            &ordinal_tokens(doc),
        );
        super::walk(&starts, |i| {
            let token = &doc.tokens[i];
            if let Some(last) = list_item_number(doc, i) {
                let n = parse_number_at(doc, i).expect("list_item_number read it");
                out.push(Candidate {
                    kind: EntityKind::Ordinal,
                    span: n.span(doc),
                    value: Value::Scalar {
                        value: Num(n.value),
                    },
                    priority: 5,
                });
                return last + 1;
            }
            // `المادة ( 103 )`: the number in brackets after the word.
            let bracketed = i > 1 && doc.is_punct(i - 1, "(") && is_rank_word(doc, i - 2);
            if token.kind == TokenKind::Digits
                && i > 0
                && (token.space_before || bracketed)
                && (bracketed || is_rank_word(doc, i - 1))
            {
                // `المرتبة 44`: a whole number standing alone after a rank word.
                if let Some(n) = parse_number_at(doc, i) {
                    let alone = match bracketed {
                        true => doc.is_punct(n.last + 1, ")"),
                        false => doc.tokens.get(n.last + 1).is_none_or(|t| t.space_before),
                    };
                    if n.first == i && !n.has_fraction && n.value >= 1.0 && alone {
                        out.push(Candidate {
                            kind: EntityKind::Ordinal,
                            span: n.span(doc),
                            value: Value::Scalar {
                                value: Num(n.value),
                            },
                            priority: 5,
                        });
                        return n.last + 1;
                    }
                }
            }
            if token.kind != TokenKind::Word {
                return i + 1;
            }
            if let Some(n) = ordinal_at(doc, i) {
                if military_rank(doc, i, n.last) {
                    return n.last + 1;
                }
                out.push(Candidate {
                    kind: EntityKind::Ordinal,
                    span: n.span,
                    value: Value::Scalar {
                        value: Num(n.value),
                    },
                    priority: 5,
                });
                return n.last + 1;
            }
            // `الـ14`: the article glued to a whole number.
            let word = doc.token_text(i);
            let glued_digits = doc
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.kind == TokenKind::Digits && !n.space_before);
            if !glued_digits {
                return i + 1;
            }
            if let Some(article) = ARTICLES.iter().find(|a| **a == word) {
                if let Some(n) = parse_number_at(doc, i + 1) {
                    let whole = !n.has_fraction && n.first == i + 1 && n.value >= 1.0;
                    // `الـ42%`: a percentage, read by its recognizer.
                    if whole && percent_after(doc, n.last) {
                        return n.last + 1;
                    }
                    // `ال90 مليون مصري`: a count with its scale word, the article left out.
                    if let Some(scaled) = parse_scaled_number_at(doc, i + 1)
                        .filter(|s| whole && s.last > n.last && s.number.last == n.last)
                    {
                        out.push(Candidate {
                            kind: EntityKind::Number,
                            span: scaled.span(doc),
                            value: Value::Scalar {
                                value: Num(scaled.value),
                            },
                            priority: 5,
                        });
                        return scaled.last + 1;
                    }
                    if whole && !doc.tokens[i + 1].space_before {
                        let clitic = article.len() - "ال".len();
                        let mut span = token.span.union(&n.span(doc));
                        span.start += clitic;
                        // A count (`الساعات الـ24`) is the number alone.
                        let (kind, span) = if counts(doc, i, n.last) {
                            (EntityKind::Number, n.span(doc))
                        } else {
                            (EntityKind::Ordinal, span)
                        };
                        out.push(Candidate {
                            kind,
                            span,
                            value: Value::Scalar {
                                value: Num(n.value),
                            },
                            priority: 5,
                        });
                        return n.last + 1;
                    }
                }
            }
            i + 1
        });
    }
}

/// Military ranks (search form, without the article) that `أول` ("first")
/// completes: `الجندي أول`, `ملازم أول`, `الفريق أول`.
const RANKS_WITH_FIRST: &[&str] = &["جندي", "عريف", "رقيب", "ملازم", "نقيب", "فريق"];

/// True when the ordinal at tokens `i..=last` is a bare `أول` completing a
/// military rank (`والجندي أول محمد`), not "the first of" (`أول من`).
fn military_rank(doc: &Document<'_>, i: usize, last: usize) -> bool {
    if i == 0 || last != i || doc.token_text(i) != "اول" || doc.tokens[i].newline_before {
        return false;
    }
    if doc
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.kind == TokenKind::Word)
        && doc.token_text(i + 1) == "من"
    {
        return false;
    }
    let prev = doc.token_text(i - 1);
    let bare = prev.strip_prefix('و').unwrap_or(prev);
    let bare = bare.strip_prefix("ال").unwrap_or(bare);
    doc.tokens[i - 1].kind == TokenKind::Word && RANKS_WITH_FIRST.contains(&bare)
}

/// The number of a list item at token `i`, read as its rank (`أولاً`,
/// `ثانياً`): 1–99 opening a line, then `-`, `.` or `)` and a word
/// (`1 - يحق لكل مرشح`, `2. تزويد الأطفال`). Not `3 - 1` nor `12.5`.
/// Returns the number's last token.
fn list_item_number(doc: &Document<'_>, i: usize) -> Option<usize> {
    let t = doc.tokens;
    if t[i].kind != TokenKind::Digits || (i > 0 && !t[i].newline_before) {
        return None;
    }
    let n = parse_number_at(doc, i).filter(|n| n.first == i && !n.has_fraction)?;
    let marker = ["-", ".", ")", "–"]
        .iter()
        .any(|p| doc.is_punct(n.last + 1, p));
    let word_after = t
        .get(n.last + 2)
        .is_some_and(|w| w.kind == TokenKind::Word && !w.newline_before);
    (marker && word_after && (1.0..100.0).contains(&n.value)).then_some(n.last)
}

/// True when a percent sign or phrase (`الـ42%`, `ال5 في المائة`) follows
/// digits ending at token `last`.
fn percent_after(doc: &Document<'_>, last: usize) -> bool {
    let word = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word && !t.newline_before)
            .map(|_| doc.token_text(k))
    };
    // `المائة`/`المئة` in search form, with and without `ب`.
    let hundred = |w: Option<&str>| {
        w.is_some_and(|w| {
            let bare = w.strip_prefix('ب').unwrap_or(w);
            bare == search_form("المائة") || bare == search_form("المئة")
        })
    };
    doc.is_punct(last + 1, "%")
        || (hundred(word(last + 1)) && word(last + 1).is_some_and(|w| w.starts_with('ب')))
        || (word(last + 1) == Some("في") && hundred(word(last + 2)))
}

/// Units of length and weight (search form) after which the article +
/// digits is a count: `الـ50 م الأخيرة`, `الـ1200 متر`.
const MEASURE_UNITS: &[&str] = &[
    "م",
    "متر",
    "مترا",
    "امتار",
    "كم",
    "كلم",
    "كيلومتر",
    "كيلومترا",
    "ميل",
    "ميلا",
    "كجم",
    "كغ",
    "كيلوغرام",
    "كيلوجرام",
    "طن",
    "طنا",
];

/// Relative pronouns of a plural (search form) after which the article +
/// digits is a count: `الموسيقيون الـ11 الذين`, `اللجنة الـ85 الذين`.
const PLURAL_RELATIVES: &[&str] = &["الذين", "اللذين", "اللواتي", "اللاتي", "اللائي"];

/// True when the article + digits in tokens `article..=last` is a count, not
/// an ordinal: before a unit of time (`الـ48 ساعة`) or of measure (`الـ50
/// م`), before a plural relative pronoun (`الـ11 الذين`) or after a definite
/// plural (`الساعات الـ24`, `الدول الـ27`, `الدول العربية الـ22`,
/// `الموسيقيون الـ11`).
fn counts(doc: &Document<'_>, article: usize, last: usize) -> bool {
    let unit_after = DateLexicon::shared()
        .find(doc, last + 1, false, |w| matches!(w, DateWord::Unit(..)))
        .is_some();
    let word_after = doc
        .tokens
        .get(last + 1)
        .filter(|t| t.kind == TokenKind::Word && !t.newline_before)
        .map(|_| doc.token_text(last + 1));
    let measure_or_relative_after =
        word_after.is_some_and(|w| MEASURE_UNITS.contains(&w) || PLURAL_RELATIVES.contains(&w));
    if unit_after || measure_or_relative_after {
        return true;
    }
    let definite_plural =
        |k: usize| doc.tokens[k].kind == TokenKind::Word && is_definite_plural(doc.token_text(k));
    // `الدول العربية الـ22`: a plural of things takes a feminine nisba
    // adjective (`العربية`, folded `العربيه`) between it and the number.
    let nisba = |k: usize| {
        let w = doc.token_text(k);
        doc.tokens[k].kind == TokenKind::Word && w.starts_with("ال") && w.ends_with("يه")
    };
    (article > 0 && definite_plural(article - 1))
        || (article > 1 && nisba(article - 1) && definite_plural(article - 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::search_form;
    use crate::tokenize::tokenize;

    fn ordinals(text: &str) -> Vec<(String, f64)> {
        found(text, EntityKind::Ordinal)
    }

    fn found(text: &str, kind: EntityKind) -> Vec<(String, f64)> {
        let norm = search_form(text);
        let tokens = tokenize(&norm);
        let doc = Document::new(&norm, &tokens);
        let mut out = Vec::new();
        OrdinalRecognizer.recognize(&doc, &mut out);
        out.into_iter()
            .filter(|c| c.kind == kind)
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
        assert_eq!(
            ordinals("احتل المرتبة 44 من بين 63 وحل بالمركز ٣ وللمركز 7"),
            [
                ("44".to_string(), 44.0),
                ("3".to_string(), 3.0),
                ("7".to_string(), 7.0)
            ]
        );
        assert!(ordinals("القرار رقم 103 والمرتبة 4.5 وعدد 5 أشخاص").is_empty());
        assert_eq!(
            ordinals("تنص المادة 103 والفقرة (2) من مادة ( 46 ) في العدد 80"),
            [
                ("103".to_string(), 103.0),
                ("2".to_string(), 2.0),
                ("46".to_string(), 46.0),
                ("80".to_string(), 80.0)
            ]
        );
        assert!(ordinals("خلال الـ48 ساعة الماضية").is_empty());
        assert_eq!(
            ordinals("1 - يحق لكل مرشح\n2. تزويد الأطفال\n3 - 1 النتيجة\n5 أشخاص"),
            [("1".to_string(), 1.0), ("2".to_string(), 2.0)]
        );
        assert_eq!(
            found("خلال الـ48 ساعة الماضية", EntityKind::Number),
            [("48".to_string(), 48.0)]
        );
        assert!(ordinals("نتائج المباريات الـ27").is_empty());
        assert_eq!(ordinals("قادة الدول الـ27 وللأعضاء الـ15 والأطفال الـ3"), []);
        assert_eq!(
            found("الدول الـ27", EntityKind::Number),
            [("27".to_string(), 27.0)]
        );
        assert_eq!(ordinals("القمة الـ27 للدول"), [("ال27".to_string(), 27.0)]);
        assert_eq!(ordinals("الدول العربية الـ22 والبلدان الأوروبية الـ٢٧"), []);
        assert_eq!(
            ordinals("القمة العربية الـ33"),
            [("ال33".to_string(), 33.0)]
        );
        assert_eq!(
            found("نتائج المباريات الـ27", EntityKind::Number),
            [("27".to_string(), 27.0)]
        );
        assert_eq!(
            ordinals("في القرن العشرين والذكرى الثمانين"),
            [
                ("العشرين".to_string(), 20.0),
                ("الثمانين".to_string(), 80.0)
            ]
        );
        assert!(ordinals("خلال السنوات العشرين الماضية").is_empty());
        // Counts: a sound nisba plural, a plural relative, a unit of measure.
        assert!(
            ordinals("الموسيقيون الـ11 والفلسطينيين الـ5 واللجنة الـ85 الذين وفي الـ50 م")
                .is_empty()
        );
        assert_eq!(
            found("من ال90 مليون مصري", EntityKind::Number),
            [(search_form("90 مليون"), 9e7)]
        );
        assert!(ordinals("يتجاوز الـ42% والـ5 في المائة").is_empty());
        assert!(ordinals("الجندي أول محمد والملازم أول").is_empty());
        assert_eq!(
            ordinals("كان الفريق أول من سجل"),
            [("اول".to_string(), 1.0)]
        );
        assert_eq!(
            ordinals("والذكرى الخامسة والثلاثين بعد المائة"),
            [(search_form("الخامسة والثلاثين بعد المائة"), 135.0)]
        );
    }
}

//! Decades named by their tens: `الثمانينيات`, `التسعينات الميلادية`,
//! `تسعينيات القرن الماضي`, `ستينيات القرن العشرين`, `الثمانينات الهجرية`.
//! Each is a `period` from its first year to its last (`الثمانينيات`:
//! 1980–1989); a word before it that names a part (`أواخر الثمانينيات`)
//! stays outside, as before a month (`منتصف مارس`).

use super::period::PERIOD_PRIORITY;
use super::{Candidate, Document, Recognizer};
use crate::entity::{Calendar, DateValue, EntityKind, Value};
use crate::span::Span;
use crate::tokenize::TokenKind;

/// The tens a decade is named by, in search form (`الثمانينيات` is
/// `ال` + `ثمانين` + `يات`). Tens below twenty name no decade.
const TENS: &[(&str, i32)] = &[
    ("عشرين", 20),
    ("ثلاثين", 30),
    ("اربعين", 40),
    ("خمسين", 50),
    ("ستين", 60),
    ("سبعين", 70),
    ("ثمانين", 80),
    ("تسعين", 90),
];

/// Clitics before a decade word, left out of the span.
const CLITICS: &[&str] = &["و", "ف", "ب", "ل", "ك"];

/// Words after `القرن` naming the century of the date of writing or the one
/// before it (search form), and how many centuries back: `القرن الماضي` is
/// the twentieth, for text written in the twenty-first.
const CENTURY_WORDS: &[(&str, i32)] = &[
    ("الماضي", 1),
    ("المنصرم", 1),
    ("الفاءت", 1),
    ("السابق", 1),
    ("الحالي", 0),
    ("الجاري", 0),
];

/// Era adjectives after a decade or its century (search form).
const ERAS: &[(&str, Calendar)] = &[
    ("الميلادي", Calendar::Gregorian),
    ("الميلاديه", Calendar::Gregorian),
    ("الهجري", Calendar::Hijri),
    ("الهجريه", Calendar::Hijri),
];

/// The century of writing, by calendar: the first year of the current
/// Gregorian (2000) and Hijri (1400) centuries.
fn current_century(calendar: Calendar) -> i32 {
    match calendar {
        Calendar::Gregorian => 2000,
        Calendar::Hijri => 1400,
    }
}

/// The decade a word names: its clitic's length, whether it has the
/// article, and its tens (`الثمانينيات` → 80, `وتسعينات` → 90).
fn decade_word(word: &str) -> Option<(usize, bool, i32)> {
    // Asked of every distinct word: most fail here.
    if !word.ends_with("ات") {
        return None;
    }
    [""].iter().chain(CLITICS).find_map(|c| {
        let rest = word.strip_prefix(c)?;
        // `لل` + `ثمانينيات` is ل + `الثمانينيات`.
        let (definite, bare) = match rest.strip_prefix("ال") {
            Some(b) => (true, b),
            None if *c == "ل" => rest.strip_prefix('ل').map_or((false, rest), |b| (true, b)),
            None => (false, rest),
        };
        let stem = bare
            .strip_suffix("يات")
            .or_else(|| bare.strip_suffix("ات"))?;
        let &(_, tens) = TENS.iter().find(|(t, _)| *t == stem)?;
        Some((c.len(), definite, tens))
    })
}

/// True when the words around token `i` make the decade an age (`في
/// الستينيات من عمره`, `في سن الخمسينات`).
fn is_age(doc: &Document<'_>, i: usize) -> bool {
    let word = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|_| doc.token_text(k))
    };
    let age_word = |w: &str| {
        [
            "عمر",
            "العمر",
            "سن",
            "السن",
            "عمره",
            "عمرها",
            "عمرهم",
            "عمري",
        ]
        .contains(&w)
            || w.starts_with("عمر")
    };
    let after = word(i + 1).is_some_and(|w| w == "من") && word(i + 2).is_some_and(age_word)
        || word(i + 1).is_some_and(age_word);
    let before = i > 0 && word(i - 1).is_some_and(|w| age_word(w) || w == "بسن");
    after || before
}

/// Words near a decade word that make it a band of measures, not years:
/// temperatures (`في الخمسينات بحفر الباطن` after `درجة`), prices
/// (`دولار`), scores; in search form.
const MEASURE_WORDS: &[&str] = &[
    "درجه",
    "درجات",
    "الحراره",
    "حراره",
    "مءويه",
    "العظمي",
    "الصغري",
    "دولار",
    "دولارا",
    "سعر",
    "اسعار",
    "برميل",
    "نقطه",
    "نقاط",
];

/// True when a measure word ([`MEASURE_WORDS`]) stands within ten tokens
/// before token `i` or three after `last`, in the same sentence.
fn near_measure(doc: &Document<'_>, i: usize, last: usize) -> bool {
    let is_measure = |k: usize| {
        let t = &doc.tokens[k];
        t.kind == TokenKind::Word && {
            let w = doc.token_text(k);
            MEASURE_WORDS.contains(&w)
                || ["و", "ب", "ل"].iter().any(|c| {
                    w.strip_prefix(c)
                        .is_some_and(|r| MEASURE_WORDS.contains(&r))
                })
        }
    };
    let stop = |k: usize| doc.is_punct(k, ".") || doc.tokens[k].newline_before;
    let mut k = i;
    for _ in 0..10 {
        if k == 0 || stop(k) {
            break;
        }
        k -= 1;
        if is_measure(k) {
            return true;
        }
    }
    (last + 1..(last + 4).min(doc.tokens.len()))
        .take_while(|&k| !stop(k))
        .any(is_measure)
}

/// Finds decades.
#[derive(Debug, Default)]
pub struct DecadeRecognizer;

impl DecadeRecognizer {
    /// The century and era after a decade ending at token `i`: `[من] القرن
    /// الماضي|العشرين|التاسع عشر [الهجري]`, or an era alone (`الميلادية`).
    /// Returns the first year of the century (when stated), the calendar
    /// (when stated) and the last token.
    fn century_after(
        &self,
        doc: &Document<'_>,
        i: usize,
    ) -> (Option<i32>, Option<Calendar>, usize) {
        let word = |k: usize| word_at(doc, k);
        let mut k = i + 1;
        if word(k) == Some("من") && word(k + 1) == Some("القرن") {
            k += 1;
        }
        if word(k) != Some("القرن") {
            return match era_at(doc, i + 1) {
                Some(c) => (None, Some(c), i + 1),
                None => (None, None, i),
            };
        }
        match century_named(doc, k + 1) {
            Some((start, calendar, last)) => (Some(start), calendar, last),
            None => (None, None, i),
        }
    }
}

/// The word at token `i`: a word token on the same line as the one before.
fn word_at<'a>(doc: &Document<'a>, i: usize) -> Option<&'a str> {
    doc.tokens
        .get(i)
        .filter(|t| t.kind == TokenKind::Word && !t.newline_before)
        .map(|_| doc.token_text(i))
}

/// The calendar an era adjective at token `k` names (`الهجري`), if it is one.
fn era_at(doc: &Document<'_>, k: usize) -> Option<Calendar> {
    let w = word_at(doc, k)?;
    ERAS.iter().find(|(e, _)| *e == w).map(|&(_, c)| c)
}

/// The ordinal at token `k`, in words (`العشرين`, `الحادي والعشرين`) or
/// digits (`21`, `الـ21`), when it is whole and in `1..=max`: its value
/// and last token.
fn ordinal_named(doc: &Document<'_>, k: usize, max: f64) -> Option<(i32, usize)> {
    let fits = |v: f64| v.fract() == 0.0 && (1.0..=max).contains(&v);
    if let Some(o) = super::number_words::ordinal_at(doc, k).filter(|o| o.first == k) {
        return fits(o.value).then_some((o.value as i32, o.last));
    }
    // `القرن الواحد والعشرين`: `الواحد` for `الحادي`, common in the news.
    if word_at(doc, k) == Some("الواحد")
        && word_at(doc, k + 1) == Some("والعشرين")
        && !doc.tokens[k + 1].newline_before
    {
        return fits(21.0).then_some((21, k + 1));
    }
    // `القرن 21`, `القرن الـ21` (`ال` and the digits are two tokens).
    let d = if word_at(doc, k) == Some("ال") {
        k + 1
    } else {
        k
    };
    let n = super::number::parse_number_at(doc, d).filter(|n| n.first == d)?;
    (fits(n.value) && !n.has_fraction && !doc.tokens[d].newline_before)
        .then_some((n.value as i32, n.last))
}

/// The century named from token `k` on, after `القرن`: by its ordinal
/// (`العشرين`, `التاسع عشر`, `21`) or relative to the date of writing
/// (`الماضي`), and an era after it (`الهجري`). Returns its first year (in
/// its calendar: `العشرين` 1900, `الرابع عشر الهجري` 1300), the calendar
/// when stated, and the last token.
fn century_named(doc: &Document<'_>, k: usize) -> Option<(i32, Option<Calendar>, usize)> {
    let (century, last) = if let Some(&(_, back)) =
        word_at(doc, k).and_then(|w| CENTURY_WORDS.iter().find(|(c, _)| *c == w))
    {
        (Err(back), k)
    } else {
        let (n, last) = ordinal_named(doc, k, 21.0)?;
        (Ok((n - 1) * 100), last)
    };
    let calendar = era_at(doc, last + 1);
    let last = if calendar.is_some() { last + 1 } else { last };
    let start = match century {
        Ok(start) => start,
        Err(back) => current_century(calendar.unwrap_or(Calendar::Gregorian)) - 100 * back,
    };
    Some((start, calendar, last))
}

/// Words before `القرن` that make it a length of time or a band of it,
/// not the century itself (`نصف القرن الماضي`: fifty years), in search form.
const NOT_CENTURY_BEFORE: &[&str] = &["نصف", "ربع", "ثلث", "ارباع"];

/// `القرن` or `الالفيه` at token `i`, after a clitic (`والقرن`, `للقرن`):
/// the length of what the span leaves out, and whether it is a millennium.
fn century_word(word: &str) -> Option<(usize, bool)> {
    // Asked of every distinct word: most fail here.
    if !word.ends_with("قرن") && !word.ends_with("الفيه") {
        return None;
    }
    ["", "ول", "فل"].iter().chain(CLITICS).find_map(|c| {
        let rest = word.strip_prefix(c)?;
        // `للقرن` is ل + `القرن`: the span starts at `قرن`.
        let (lead, bare) = match rest.strip_prefix("ال") {
            Some(b) => (c.len(), b),
            None if c.ends_with('ل') => (c.len() + 'ل'.len_utf8(), rest.strip_prefix('ل')?),
            None => return None,
        };
        match bare {
            "قرن" => Some((lead, false)),
            "الفيه" => Some((lead, true)),
            _ => None,
        }
    })
}

/// True when the words after token `last` put the century before the era
/// (`القرن الرابع قبل الميلاد`, `ق.م`): no year of the calendars here.
fn before_era(doc: &Document<'_>, last: usize) -> bool {
    word_at(doc, last + 1).is_some_and(|w| w == "قبل" || w == "ق")
}

impl DecadeRecognizer {
    /// Centuries and millennia named alone (`القرن العشرين`, `القرن الماضي`,
    /// `القرن الرابع عشر الهجري`, `الألفية الثالثة`): `period`s of their
    /// years, by the convention of the decades (`القرن العشرين` 1900–1999,
    /// as `الثمانينيات` is 1980–1989; `الألفية الثالثة` 2000–2999).
    fn century(&self, doc: &Document<'_>, i: usize, out: &mut Vec<Candidate>) {
        let Some((lead, millennium)) = century_word(doc.token_text(i)) else {
            return;
        };
        let fraction_before = i > 0 && !doc.tokens[i].newline_before && {
            let w = doc.token_text(i - 1);
            NOT_CENTURY_BEFORE.contains(&w.strip_prefix('و').unwrap_or(w))
        };
        if fraction_before {
            return;
        }
        let (start, calendar, last, years) = if millennium {
            let Some((n, last)) = ordinal_named(doc, i + 1, 3.0) else {
                return;
            };
            ((n - 1) * 1000, None, last, 1000)
        } else {
            let Some((start, calendar, last)) = century_named(doc, i + 1) else {
                return;
            };
            (start, calendar, last, 100)
        };
        if before_era(doc, last) {
            return;
        }
        let calendar = calendar.unwrap_or(Calendar::Gregorian);
        let mut span = doc.tokens[i].span.union(&doc.tokens[last].span);
        span.start += lead;
        // The first century starts at year 1: there is no year 0.
        out.push(years_period(
            calendar,
            span,
            start.max(1),
            start + years - 1,
        ));
    }
}

/// The period from year `first` to year `last` of `calendar`, found at `span`.
fn years_period(calendar: Calendar, span: Span, first: i32, last: i32) -> Candidate {
    let year = |y| DateValue {
        calendar,
        ..DateValue::gregorian(Some(y), None, None)
    };
    Candidate {
        kind: EntityKind::Period,
        span,
        value: Value::Period {
            start: year(first),
            end: year(last),
        },
        priority: PERIOD_PRIORITY,
    }
}

impl Recognizer for DecadeRecognizer {
    fn name(&self) -> &'static str {
        "decade"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        let starts =
            doc.tokens_where_word(|w| decade_word(w).is_some() || century_word(w).is_some());
        // The century of a decade (`تسعينيات القرن الماضي`) is not read again alone.
        let mut next = 0;
        for k in starts {
            let i = k as usize;
            let Some((clitic, definite, tens)) = decade_word(doc.token_text(i)) else {
                if i >= next {
                    self.century(doc, i, out);
                }
                continue;
            };
            let (century, calendar, last) = self.century_after(doc, i);
            // Without its century, only `الثمانينيات` (with the article) is a decade.
            if century.is_none() && (!definite || near_measure(doc, i, last))
                || is_age(doc, last)
                || is_age(doc, i)
            {
                continue;
            }
            let calendar = calendar.unwrap_or(Calendar::Gregorian);
            // Unstated, the century is the one before the current one: the
            // twentieth (`الثمانينيات`), the fourteenth Hijri (`التسعينات الهجرية`).
            let start = century.unwrap_or(current_century(calendar) - 100) + tens;
            next = last + 1;
            let mut span = doc.tokens[i].span.union(&doc.tokens[last].span);
            span.start += clitic;
            out.push(years_period(calendar, span, start, start + 9));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::search_form;
    use crate::tokenize::tokenize;

    fn decades(text: &str) -> Vec<(String, Calendar, i32, i32)> {
        let text = search_form(text);
        let tokens = tokenize(&text);
        let doc = Document::new(&text, &tokens);
        let mut out = Vec::new();
        DecadeRecognizer.recognize(&doc, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Period { start, end } => (
                    text[c.span.range()].to_string(),
                    start.calendar,
                    start.year.unwrap(),
                    end.year.unwrap(),
                ),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn decades_and_their_centuries() {
        let g = Calendar::Gregorian;
        assert_eq!(
            decades("في أواخر الثمانينيات وفي تسعينيات القرن الماضي"),
            [
                ("الثمانينيات".into(), g, 1980, 1989),
                ("تسعينيات القرن الماضي".into(), g, 1990, 1999),
            ]
        );
        assert_eq!(
            decades("ستينيات القرن التاسع عشر والسبعينات من القرن العشرين"),
            [
                ("ستينيات القرن التاسع عشر".into(), g, 1860, 1869),
                ("السبعينات من القرن العشرين".into(), g, 1970, 1979),
            ]
        );
        assert_eq!(
            decades("منذ التسعينات الهجرية"),
            [("التسعينات الهجريه".into(), Calendar::Hijri, 1390, 1399)]
        );
    }

    #[test]
    fn centuries_and_millennia_alone() {
        let (g, h) = (Calendar::Gregorian, Calendar::Hijri);
        assert_eq!(
            decades("في القرن العشرين وللقرن الثامن عشر والألفية الثالثة"),
            [
                ("القرن العشرين".into(), g, 1900, 1999),
                ("قرن الثامن عشر".into(), g, 1700, 1799),
                ("الالفيه الثالثه".into(), g, 2000, 2999),
            ]
        );
        assert_eq!(
            decades("القرن السابع الهجري والقرن الأول الهجري والقرن 21"),
            [
                ("القرن السابع الهجري".into(), h, 600, 699),
                ("القرن الاول الهجري".into(), h, 1, 99),
                ("القرن 21".into(), g, 2000, 2099),
            ]
        );
        // Before the era, a length of time, a place, a goal, a fourth millennium.
        assert!(decades("القرن الرابع قبل الميلاد والقرن الثالث ق.م").is_empty());
        assert!(decades("نصف القرن الماضي وربع القرن العشرين").is_empty());
        assert!(decades("القرن الأفريقي وأهداف الألفية والألفية الرابعة والقرن 22").is_empty());
    }

    #[test]
    fn not_ages_nor_other_words() {
        assert!(decades("رجل في الستينيات من عمره وفي سن الخمسينات").is_empty());
        assert!(decades("ثمانينيات فقط والعينات والتحسينات").is_empty());
        // Temperatures and prices.
        assert!(decades("بمعدل حرارة 40 درجة للعظمى وبداية العشرينات ليلا").is_empty());
        assert!(decades("وتراجع سعر البرميل إلى الخمسينات").is_empty());
    }
}

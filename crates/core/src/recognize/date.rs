//! Calendar dates, full or partial, Gregorian or Hijri: `2 ديسمبر 2024`,
//! `الاثنين 2 ديسمبر`, `الثاني من سبتمبر`, `أكتوبر 2023`, `يونيو (حزيران)`,
//! `15/1/2024`, `2024-01-15`, `14 رمضان 1445 هـ`, years after a marker
//! (`عام 2024`, `لسنة ٢٠٢٠`) or with an era (`2024م`, `1445هـ`), and bare
//! years after a preposition (`في 1948`).
//!
//! [`DateGrammar`] parses one date at a token; the period recognizer reuses it.

use super::date_words::{glued_to_word, DateFamily, DateLexicon, DateWord, WordMatch, DAY_WORDS};
use super::hijri::hijri_to_gregorian;
use super::{Candidate, Document, Recognizer};
use crate::analysis::days_in_month;
use crate::entity::{Calendar, DateValue, EntityKind, Relative, TimeUnit, Value};
use crate::span::Span;
use crate::tokenize::TokenKind;
use std::sync::Arc;

/// Priority of date candidates: above numbers and ratios of the same span.
pub const DATE_PRIORITY: i32 = 30;

/// Plausible years written in digits.
const YEARS: std::ops::RangeInclusive<i32> = 1000..=2200;

/// Years of numeric dates read as Hijri when no era says otherwise.
const HIJRI_YEARS: std::ops::RangeInclusive<i32> = 1300..=1500;

/// Bare years (no marker) that a preposition may introduce.
const BARE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2100;

/// `شهر` ("month") before a month name (`شهر رمضان`), bare or with a
/// clitic (outside the span), in search form.
const MONTH_WORDS: &[&str] = &["شهر", "وشهر", "لشهر", "بشهر", "فشهر"];

/// True when a date may start at `word`, a word of the date lexicon whose
/// phrases, a clitic allowed, can mean `any`: a weekday, a day in words, a
/// month name, a year marker, or `يوم` and `شهر` before them. (Dates in
/// digits start at digits.)
pub(super) fn may_start_word(word: &str, any: &[DateWord]) -> bool {
    any.iter().any(|w| {
        matches!(
            w,
            DateWord::Weekday(_) | DateWord::Day(_) | DateWord::Month { .. } | DateWord::YearMarker
        )
    }) || DAY_WORDS.contains(&word)
        || MONTH_WORDS.contains(&word)
}

/// A date parsed from tokens `first..=last`.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDate {
    /// First token.
    pub first: usize,
    /// Last token.
    pub last: usize,
    /// Bytes of clitic glued before the first token, outside the span.
    pub clitic: usize,
    /// The value: only the fields the text states.
    pub value: DateValue,
}

impl ParsedDate {
    /// Byte span in the normalized text.
    pub fn span(&self, doc: &Document<'_>) -> Span {
        Span::new(
            doc.tokens[self.first].span.start + self.clitic,
            doc.tokens[self.last].span.end,
        )
    }
}

/// A month name, possibly paired with its other name (`يونيو/حزيران`).
#[derive(Debug, Clone, Copy)]
struct MonthMatch {
    calendar: Calendar,
    month: u8,
    standalone: bool,
    first: usize,
    last: usize,
    clitic: usize,
}

/// The grammar of dates over tokens, with its word tables.
#[derive(Debug, Clone)]
pub struct DateGrammar {
    lex: Arc<DateLexicon>,
}

impl Default for DateGrammar {
    fn default() -> Self {
        DateGrammar {
            lex: DateLexicon::shared(),
        }
    }
}

/// True when token `i` exists and is glued (no space) to the token before it.
fn glued(doc: &Document<'_>, i: usize) -> bool {
    i < doc.tokens.len() && !doc.tokens[i].space_before
}

/// The digits of token `i` when it is a digit run.
fn digits<'a>(doc: &Document<'a>, i: usize) -> Option<&'a str> {
    (doc.tokens.get(i)?.kind == TokenKind::Digits).then(|| doc.token_text(i))
}

/// True when the number at token `i` goes on past it (`2024.5`, `2,024`, `20/30`).
fn continues(doc: &Document<'_>, i: usize) -> bool {
    [".", ",", "/", ":", "-"]
        .iter()
        .any(|p| doc.is_punct(i + 1, p) && glued(doc, i + 1))
        && doc
            .tokens
            .get(i + 2)
            .is_some_and(|t| t.kind == TokenKind::Digits && !t.space_before)
}

/// True when the number at token `i` is glued to a number or sign before it.
fn continued(doc: &Document<'_>, i: usize) -> bool {
    i >= 2
        && glued(doc, i)
        && doc.tokens[i - 1].kind == TokenKind::Punct
        && doc.tokens[i - 2].kind == TokenKind::Digits
        && glued(doc, i - 1)
}

impl DateGrammar {
    /// The word tables.
    pub fn lexicon(&self) -> &DateLexicon {
        &self.lex
    }

    /// The longest date starting at token `i` (a glued clitic allowed on its
    /// first word), or `None`.
    pub fn parse_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        if let Some(d) = self.weekday_date_at(doc, i) {
            return Some(d);
        }
        self.core_at(doc, i)
    }

    /// `[يوم] الاثنين[،] [الموافق] <date with a day>`, `يوم 30 مارس`: the
    /// weekday (and `يوم`, `الموافق`) is part of the span, and so is a day
    /// word right before the weekday (`أمس الجمعة الموافق 15/10/1436هـ`).
    fn weekday_date_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        if !self.lex.may_start(doc, i) {
            return None;
        }
        let is_weekday = |w| matches!(w, DateWord::Weekday(_));
        let (mut first, mut clitic, wd) = match self.lex.find(doc, i, true, is_weekday) {
            Some(m) => (i, m.clitic, m),
            None => {
                let t = doc.token_text(i);
                let day_word = DAY_WORDS.iter().position(|w| *w == t)?;
                let clitic = if day_word == 0 { 0 } else { "و".len() };
                let Some(m) = self.lex.find(doc, i + 1, false, is_weekday) else {
                    // `يوم 30 مارس 2019`: the day word heads the date.
                    let mut d = self.core_at(doc, i + 1)?;
                    if d.clitic != 0 || d.value.day.is_none() || d.value.relative.is_some() {
                        return None;
                    }
                    d.first = i;
                    d.clitic = clitic;
                    return Some(d);
                };
                (i, clitic, m)
            }
        };
        let mut j = wd.last + 1;
        if doc.is_punct(j, ",") {
            j += 1;
        }
        if j < doc.tokens.len() && doc.token_text(j) == "الموافق" {
            j += 1;
        }
        let mut d = self
            .core_at(doc, j)
            .or_else(|| self.day_slash_month_at(doc, j))?;
        if d.clitic != 0 || d.value.day.is_none() {
            return None;
        }
        if clitic == 0 && first == i && first > 0 {
            // `أمس الجمعة`, `اليوم الأحد`, `يوم غد الأحد` before the date.
            let before = doc.token_text(first - 1);
            if doc.tokens[first - 1].kind == TokenKind::Word
                && !doc.tokens[first].newline_before
                && DAYS_BEFORE_WEEKDAY.contains(&before)
            {
                first -= 1;
                if first > 0
                    && matches!(before, "امس" | "غد")
                    && DAY_WORDS.contains(&doc.token_text(first - 1))
                    && !doc.tokens[first].newline_before
                {
                    first -= 1;
                    clitic = if doc.token_text(first) == "يوم" {
                        0
                    } else {
                        "و".len()
                    };
                } else if before.starts_with('و') {
                    clitic = "و".len();
                }
            }
        }
        d.first = first;
        d.clitic = clitic;
        Some(d)
    }

    /// `يوم 5/6`, `الجمعة 5/6`: a day and a month in digits after a day
    /// word or a weekday (alone, `5/6` is a ratio). The day word is part of
    /// the span: it is what makes the pair a date.
    fn day_word_day_month_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let t = doc.token_text(i);
        let k = DAY_WORDS.iter().position(|w| *w == t)?;
        let mut d = self.day_slash_month_at(doc, i + 1)?;
        d.first = i;
        d.clitic = if k == 0 { 0 } else { "و".len() };
        Some(d)
    }

    /// `5/6`, `5-6`, `5.6` at token `i`: day and month (no year), glued, not
    /// part of a longer number or date.
    fn day_slash_month_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let a = digits(doc, i).filter(|a| a.len() <= 2)?;
        if !["/", "-", "."].iter().any(|p| doc.is_punct(i + 1, p)) {
            return None;
        }
        let b = digits(doc, i + 2).filter(|b| b.len() <= 2)?;
        if !glued(doc, i + 1) || !glued(doc, i + 2) || continued(doc, i) || continues(doc, i + 2) {
            return None;
        }
        let (day, month): (u8, u8) = (a.parse().ok()?, b.parse().ok()?);
        if day == 0 || !(1..=12).contains(&month) || day > days_in_month(2024, month) {
            return None;
        }
        Some(ParsedDate {
            first: i,
            last: i + 2,
            clitic: 0,
            value: DateValue::gregorian(None, Some(month), Some(day)),
        })
    }

    /// A date without a weekday.
    fn core_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let tok = doc.tokens.get(i)?;
        if tok.kind == TokenKind::Digits {
            return self
                .numeric_at(doc, i)
                .or_else(|| self.day_month_at(doc, i))
                .or_else(|| self.year_with_era_at(doc, i));
        }
        if !self.lex.may_start(doc, i) {
            return None;
        }
        self.day_words_month_at(doc, i)
            .or_else(|| self.day_word_day_month_at(doc, i))
            .or_else(|| self.month_year_at(doc, i))
            .or_else(|| self.marked_year_at(doc, i))
    }

    /// `15/1/2024`, `15-01-2024`, `15.1.2024`, `2024-01-15`, `2024/1/15`,
    /// `14-09-1432 هـ`: only real calendar dates. The separators are glued,
    /// except `/`, which may be spaced (`26 / 4 / 1947`).
    fn numeric_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let a = digits(doc, i)?;
        let sep = ["/", "-", "."]
            .into_iter()
            .find(|p| doc.is_punct(i + 1, p))?;
        let b = digits(doc, i + 2)?;
        if !doc.is_punct(i + 3, sep) {
            return None;
        }
        let c = digits(doc, i + 4)?;
        let all_glued = (1..=4).all(|k| glued(doc, i + k));
        if !all_glued && sep != "/" {
            return None;
        }
        if continued(doc, i) || continues(doc, i + 4) {
            return None;
        }
        let (y, m, d) = match (a.len(), b.len(), c.len()) {
            (4, 1..=2, 1..=2) => (a, b, c),
            (1..=2, 1..=2, 4) => (c, b, a),
            _ => return None,
        };
        let (y, mut m, mut d): (i32, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        // `4/22/1948`: month first (US order) only when the day cannot be a month.
        if c.len() == 4 && d <= 12 && m > 12 {
            std::mem::swap(&mut m, &mut d);
        }
        let mut last = i + 4;
        // Without an era, a year in AH 1300–1500 is Hijri: Gregorian dates of
        // those centuries hardly occur in numeric form.
        let mut calendar = if HIJRI_YEARS.contains(&y) {
            Calendar::Hijri
        } else {
            Calendar::Gregorian
        };
        if let Some(era) = self.era_at(doc, last + 1, y) {
            // `10/6/2015هـ`: a Hijri era on a year the Hijri calendar has not
            // reached is a slip; the digits are the Gregorian date.
            if era.0 == Calendar::Gregorian || y <= *HIJRI_YEARS.end() {
                calendar = era.0;
                last = era.1;
            }
        }
        let value = self.full_date(calendar, y, m, d)?;
        Some(ParsedDate {
            first: i,
            last,
            clitic: 0,
            value,
        })
    }

    /// A full date's value, checked: `None` when it does not exist.
    fn full_date(&self, calendar: Calendar, y: i32, m: u8, d: u8) -> Option<DateValue> {
        if !YEARS.contains(&y) || !(1..=12).contains(&m) || d == 0 {
            return None;
        }
        match calendar {
            Calendar::Gregorian => {
                (d <= days_in_month(y, m)).then(|| DateValue::gregorian(Some(y), Some(m), Some(d)))
            }
            // Not beyond the Hijri years: `1 رمضان 2015` is no Hijri year 2015.
            Calendar::Hijri if y > *HIJRI_YEARS.end() => None,
            Calendar::Hijri => {
                let gregorian = hijri_to_gregorian(y, m, d)?;
                Some(DateValue {
                    gregorian: Some(gregorian),
                    ..hijri(Some(y), Some(m), Some(d))
                })
            }
        }
    }

    /// An era marker at token `i` (`م`, `هـ`, `هجري`, `للهجرة`): its calendar and last token.
    /// A spaced `م` is also the metre: `1000 م` is a length unless the year is modern.
    pub fn era_at(&self, doc: &Document<'_>, i: usize, year: i32) -> Option<(Calendar, usize)> {
        let m = self
            .lex
            .find(doc, i, false, |w| matches!(w, DateWord::Era(_)))?;
        if doc.tokens[i].space_before && doc.token_text(i) == "م" && !BARE_YEARS.contains(&year) {
            return None;
        }
        match m.word {
            DateWord::Era(c) => Some((c, m.last)),
            _ => None,
        }
    }

    /// A month name at token `i`, optionally after `شهر`, optionally paired
    /// with its other name: `يونيو/حزيران`, `يونيو (حزيران)`, `حزيران - يونيو`.
    fn month_at(&self, doc: &Document<'_>, i: usize, clitics: bool) -> Option<MonthMatch> {
        let is_month = |w| matches!(w, DateWord::Month { .. });
        // `شهر رمضان`, `لشهر يناير`.
        let (first, clitic, m) = match self.lex.find(doc, i, clitics, is_month) {
            Some(m) => (i, m.clitic, m),
            None => {
                let t = doc.token_text(i);
                let clitic = MONTH_WORDS
                    .iter()
                    .find(|w| **w == t)
                    .map(|w| w.len() - "شهر".len())?;
                let m = self.lex.find(doc, i + 1, false, is_month)?;
                let WordMatch { word, last, .. } = m;
                let DateWord::Month {
                    calendar, month, ..
                } = word
                else {
                    return None;
                };
                return Some(self.paired(
                    doc,
                    MonthMatch {
                        calendar,
                        month,
                        standalone: true,
                        first: i,
                        last,
                        clitic,
                    },
                ));
            }
        };
        let DateWord::Month {
            calendar,
            month,
            standalone,
        } = m.word
        else {
            return None;
        };
        Some(self.paired(
            doc,
            MonthMatch {
                calendar,
                month,
                standalone,
                first,
                last: m.last,
                clitic,
            },
        ))
    }

    /// Extends a month over its paired name (`/حزيران`, `(حزيران)`, `- حزيران`,
    /// ` حزيران`).
    fn paired(&self, doc: &Document<'_>, mut m: MonthMatch) -> MonthMatch {
        let j = m.last + 1;
        let same = |w| matches!(w, DateWord::Month { month, .. } if month == m.month);
        let open = ["/", "(", "-"].into_iter().find(|p| doc.is_punct(j, p));
        let Some(open) = open else {
            // `مايو أيار`, `يوليو تموز`: the other name right after, spaced.
            if let Some(other) = self.lex.find(doc, j, false, same) {
                if !doc.tokens[j].newline_before && doc.token_text(j) != doc.token_text(m.last) {
                    m.last = other.last;
                    m.standalone = true;
                }
            }
            return m;
        };
        let Some(other) = self.lex.find(doc, j + 1, false, same) else {
            return m;
        };
        let mut last = other.last;
        if open == "(" {
            if !doc.is_punct(last + 1, ")") {
                return m;
            }
            last += 1;
        }
        m.last = last;
        m.standalone = true;
        m
    }

    /// A year after a month: `[،] 2024 [م]`, `(1984)`, `/ 1428 هـ` (as in
    /// `20 / شعبان / 1428`), `[من] [ال]عام 2024`. Returns the year, its era and the last token.
    fn year_after(&self, doc: &Document<'_>, i: usize) -> Option<(i32, Option<Calendar>, usize)> {
        let mut j = i;
        if doc.is_punct(j, ",") || doc.is_punct(j, "/") || doc.is_punct(j, "-") {
            j += 1;
        } else if j < doc.tokens.len() {
            // `مارس من العام 2024`, `مارس عام 2024`.
            let from = usize::from(doc.token_text(j) == "من");
            if let Some(m) = self
                .lex
                .find(doc, j + from, false, |w| w == DateWord::YearMarker)
            {
                if digits(doc, m.last + 1).is_some() {
                    j = m.last + 1;
                } else if let Some((year, _, last)) = self.words_year_at(doc, m.last + 1) {
                    // `مارس عام ألفين وعشرين`.
                    return Some(self.with_era(doc, year, last));
                }
            }
        }
        let (year, year_digits, last) = year_digits_at(doc, j)?;
        if !YEARS.contains(&year) && year_digits == 4 {
            return None;
        }
        Some(self.with_era(doc, year, last))
    }

    /// A year ending at token `last`, extended over the era after it: the
    /// year, the era's calendar and the last token.
    fn with_era(
        &self,
        doc: &Document<'_>,
        year: i32,
        last: usize,
    ) -> (i32, Option<Calendar>, usize) {
        match self.era_at(doc, last + 1, year) {
            Some((c, l)) => (year, Some(c), l),
            None => (year, None, last),
        }
    }

    /// `2 ديسمبر [2024]`, `9 من يناير`.
    fn day_month_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let d = digits(doc, i).filter(|d| d.len() <= 2)?;
        let day: u8 = d.parse().ok()?;
        if day == 0 || day > 31 || continued(doc, i) || continues(doc, i) {
            return None;
        }
        // The day must stand apart from what precedes it (not `رقم 2 ديسمبر`-like codes glued to words),
        // or behind the article (`الـ20 من ذي القعدة`, `وال5 من مارس`), which is in the span.
        if glued_to_word(doc, i) {
            let article = doc.token_text(i - 1);
            let clitic = super::ordinal::ARTICLES
                .contains(&article)
                .then(|| article.len() - "ال".len())?;
            return self.month_after_day(doc, i - 1, i, clitic, day);
        }
        self.month_after_day(doc, i, i, 0, day)
    }

    /// `5 مارس [2024]` at token `i` even when glued to what precedes it: the
    /// end of a day range (`3-5 مارس`).
    pub fn range_end_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let day: u8 = digits(doc, i).filter(|d| d.len() <= 2)?.parse().ok()?;
        if day == 0 || day > 31 || continues(doc, i) {
            return None;
        }
        self.month_after_day(doc, i, i, 0, day)
    }

    /// `الثاني من سبتمبر`, `الحادي والعشرين من مارس 2024`.
    fn day_words_month_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let m = self
            .lex
            .find(doc, i, true, |w| matches!(w, DateWord::Day(_)))?;
        let DateWord::Day(day) = m.word else {
            return None;
        };
        self.month_after_day(doc, i, m.last, m.clitic, day)
    }

    /// The month (and year) after a day that ends at token `day_last`.
    fn month_after_day(
        &self,
        doc: &Document<'_>,
        first: usize,
        day_last: usize,
        clitic: usize,
        day: u8,
    ) -> Option<ParsedDate> {
        let mut j = day_last + 1;
        // `9 من يناير`; after a day in digits also `20 / شعبان / 1428`,
        // `20-شعبان-1428` (not after words: `الثاني / كانون الأول` pairs months).
        let digit_day = doc.tokens[first].kind == TokenKind::Digits;
        // The separator of `20 / شعبان / 1428`: the same one must stand
        // between the month and a year (`2 - صفر` is a score, two-nil).
        let separator = ["/", "-"]
            .into_iter()
            .find(|p| digit_day && doc.is_punct(j, p));
        if j < doc.tokens.len() && doc.token_text(j) == "من" || separator.is_some() {
            j += 1;
        }
        if j >= doc.tokens.len() {
            return None;
        }
        let month = self.month_at(doc, j, false)?;
        if month.clitic != 0 {
            return None;
        }
        let mut last = month.last;
        let mut calendar = month.calendar;
        let mut year = None;
        if separator.is_some_and(|p| !doc.is_punct(last + 1, p)) {
            return None;
        }
        if let Some((y, era, l)) = self.year_after(doc, last + 1) {
            year = Some(y);
            last = l;
            if era == Some(Calendar::Hijri) {
                calendar = Calendar::Hijri;
            }
        } else if separator.is_some() {
            return None;
        }
        // A year the calendar cannot take (`26 من شهر صفر سنة 747`, before
        // the Umm al-Qura tables) leaves the day and month.
        let full = year.and_then(|y| self.full_date(calendar, y, month.month, day));
        if year.is_some() && full.is_none() {
            if separator.is_some() || calendar != Calendar::Hijri {
                return None;
            }
            year = None;
            last = month.last;
            calendar = month.calendar;
        }
        let mut value = match (calendar, year) {
            (_, Some(_)) => full?,
            (Calendar::Gregorian, None) => {
                if day > days_in_month(2000, month.month) {
                    return None;
                }
                DateValue::gregorian(None, Some(month.month), Some(day))
            }
            (Calendar::Hijri, None) => {
                if day > 30 {
                    return None;
                }
                hijri(None, Some(month.month), Some(day))
            }
        };
        if year.is_none() {
            // `25 يونيو الماضي`, `الثاني من سبتمبر المقبل`: as after a month alone.
            if let Some(offset) = direction_at(doc, last + 1) {
                last += 1;
                value.relative = Some(Relative {
                    unit: TimeUnit::Year,
                    offset,
                });
            }
        }
        Some(ParsedDate {
            first,
            last,
            clitic,
            value,
        })
    }

    /// `أكتوبر 2023`, `شهر رمضان 1445 هـ`, `يناير` (standalone names only),
    /// `شباط (28/2/1945)` (a name, then the same date in digits).
    fn month_year_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let month = self.month_at(doc, i, true)?;
        if doc.is_punct(month.last + 1, "(") {
            if let Some(d) = self.numeric_at(doc, month.last + 2) {
                if d.value.month == Some(month.month) && doc.is_punct(d.last + 1, ")") {
                    return Some(ParsedDate {
                        first: month.first,
                        last: d.last + 1,
                        clitic: month.clitic,
                        value: d.value,
                    });
                }
            }
        }
        let mut calendar = month.calendar;
        match self.year_after(doc, month.last + 1) {
            // `رمضان 2015م`, `رمضان 2015`: a Hijri month with a Gregorian
            // year (by its era, or beyond the Hijri years) is the month alone.
            Some((y, era, _))
                if calendar == Calendar::Hijri
                    && era != Some(Calendar::Hijri)
                    && (era == Some(Calendar::Gregorian) || y > *HIJRI_YEARS.end()) =>
            {
                Some(ParsedDate {
                    first: month.first,
                    last: month.last,
                    clitic: month.clitic,
                    value: hijri(None, Some(month.month), None),
                })
            }
            Some((y, era, last)) => {
                if era == Some(Calendar::Hijri) {
                    calendar = Calendar::Hijri;
                }
                let value = match calendar {
                    Calendar::Gregorian => DateValue::gregorian(Some(y), Some(month.month), None),
                    Calendar::Hijri => hijri(Some(y), Some(month.month), None),
                };
                Some(ParsedDate {
                    first: month.first,
                    last,
                    clitic: month.clitic,
                    value,
                })
            }
            None => {
                let mut value = match calendar {
                    Calendar::Gregorian => DateValue::gregorian(None, Some(month.month), None),
                    Calendar::Hijri => hijri(None, Some(month.month), None),
                };
                let mut last = month.last;
                let next = doc
                    .tokens
                    .get(last + 1)
                    .filter(|t| t.kind == TokenKind::Word && !t.newline_before)
                    .map(|_| doc.token_text(last + 1));
                if let Some(offset) = direction_at(doc, last + 1) {
                    // `يوليو الماضي`, `رمضان المقبل`, `شوال الجاري`: the
                    // named month of the year before, after or of the date of writing.
                    last += 1;
                    value.relative = Some(Relative {
                        unit: TimeUnit::Year,
                        offset,
                    });
                } else if calendar == Calendar::Hijri
                    && next.is_some_and(|w| HIJRI_HONORIFICS.contains(&w))
                {
                    // `رمضان المبارك`, `شهر رمضان المبارك`.
                    last += 1;
                } else if !(month.standalone
                    || after_part_of_month(doc, month.first)
                    || (month.clitic == 0
                        && !(calendar == Calendar::Hijri && month.month == 2)
                        && doc.token_text(month.first) != "اب"
                        && after_month_preposition(doc, month.first, calendar)))
                {
                    return None;
                }
                Some(ParsedDate {
                    first: i,
                    last,
                    clitic: month.clitic,
                    value,
                })
            }
        }
    }

    /// `عام 2024`, `لسنة ٢٠٢٠`, `العام (1993)`, `عام 1445 هـ`.
    fn marked_year_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let m = self.lex.find(doc, i, true, |w| w == DateWord::YearMarker)?;
        let (year, _, mut last) = year_digits_at(doc, m.last + 1)
            .or_else(|| self.early_year_at(doc, m.last + 1))
            .or_else(|| self.words_year_at(doc, m.last + 1))?;
        let mut calendar = Calendar::Gregorian;
        if let Some((c, l)) = self.era_at(doc, last + 1, year) {
            calendar = c;
            last = l;
        } else if doc
            .tokens
            .get(last + 1)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && doc.token_text(last + 1) == "م"
        {
            // After `عام`/`سنة`, a spaced `م` is the era even for an old
            // year (`سنة 632 م`), not the metre.
            last += 1;
        }
        Some(ParsedDate {
            first: i,
            last,
            clitic: m.clitic,
            value: year_value(calendar, year),
        })
    }

    /// A year of one or two digits after `عام`/`سنة`, which is a year only
    /// when an era follows: `سنة 40 للهجرة`, `عام 8 هـ` (not `سنة 40 عاما`).
    fn early_year_at(&self, doc: &Document<'_>, j: usize) -> Option<(i32, usize, usize)> {
        let y = digits(doc, j).filter(|d| (1..=2).contains(&d.len()))?;
        let year: i32 = y.parse().ok().filter(|&y| y > 0)?;
        if continues(doc, j) {
            return None;
        }
        // A spaced `م` after a small number is more often the metre.
        self.lex
            .find(doc, j + 1, false, |w| matches!(w, DateWord::Era(_)))
            .filter(|_| doc.token_text(j + 1) != "م")?;
        Some((year, y.len(), j))
    }

    /// A year written in words after `عام`/`سنة`: `ألفين وعشرين`, `ألف
    /// وتسعمائة وخمسين` (1000–2200), or a smaller one when an era follows
    /// (`سبعمائة وخمسين للهجرة`). The cardinal starts at token `j` without a
    /// clitic and is whole: the year, its number of words and its last token.
    fn words_year_at(&self, doc: &Document<'_>, j: usize) -> Option<(i32, usize, usize)> {
        let n = super::number_words::cardinal_at(doc, j)?;
        if n.first != j || n.span.start != doc.tokens.get(j)?.span.start || n.value.fract() != 0.0 {
            return None;
        }
        let year = n.value as i32;
        let era_after = || {
            self.lex
                .find(doc, n.last + 1, false, |w| matches!(w, DateWord::Era(_)))
                .is_some()
        };
        if !(YEARS.contains(&year) || (1..1000).contains(&year) && era_after()) {
            return None;
        }
        Some((year, n.last + 1 - n.first, n.last))
    }

    /// `2024م`, `1445 هـ`, `1990 ميلادية`.
    /// The year may stand in brackets, which the span then includes: `( 1343 ) هجري`.
    fn year_with_era_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let y = digits(doc, i).filter(|d| (3..=4).contains(&d.len()))?;
        if continued(doc, i) || continues(doc, i) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let bracketed = i > 0 && doc.is_punct(i - 1, "(") && doc.is_punct(i + 1, ")");
        let after = if bracketed { i + 2 } else { i + 1 };
        let (calendar, last) = self.era_at(doc, after, year)?;
        Some(ParsedDate {
            first: if bracketed { i - 1 } else { i },
            last,
            clitic: 0,
            value: year_value(calendar, year),
        })
    }

    /// A bare four-digit year at token `i` after a preposition (`في 1948`,
    /// `منذ 2011`), not followed by a unit (`خلال 2000 عام` is a duration).
    pub fn bare_year_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let y = digits(doc, i).filter(|d| d.len() == 4)?;
        let year: i32 = y.parse().ok()?;
        if !BARE_YEARS.contains(&year) || i == 0 || continued(doc, i) || continues(doc, i) {
            return None;
        }
        // `للفترة ٢٠٢٦-٢٠٣٠ و٢٠٢٦`, `عام 2020 و 2021`: a year joined by `و`
        // to a year before it is a year too.
        let and_after_year = i >= 2
            && doc.tokens[i - 1].kind == TokenKind::Word
            && doc.token_text(i - 1) == "و"
            && digits(doc, i - 2)
                .filter(|d| d.len() == 4)
                .and_then(|d| d.parse::<i32>().ok())
                .is_some_and(|y| BARE_YEARS.contains(&y));
        if glued(doc, i) && !and_after_year {
            return None;
        }
        // `(1948)`: a year alone in parentheses, as archives and captions date things.
        let in_parens = doc.is_punct(i - 1, "(") && doc.is_punct(i + 1, ")");
        if !in_parens && !and_after_year {
            // The year cue (preposition, event word, part of a year) ending at
            // token `end`: one lookup, its meaning told apart after.
            let cue_at = |end: usize| {
                self.lex
                    .find(doc, end, true, |w| {
                        matches!(
                            w,
                            DateWord::YearPreposition | DateWord::YearEvent | DateWord::YearPart
                        )
                    })
                    .filter(|p| p.last == end)
                    .map(|p| p.word)
            };
            let cue_ends_at = |end: usize, events_only: bool| match cue_at(end) {
                Some(DateWord::YearEvent) => true,
                Some(DateWord::YearPreposition) => !events_only,
                _ => false,
            };
            // `الانتفاضة الأولى 1987`, `الحرب العالمية الثانية 1939`, `كأس
            // العالم 2022`: an event word, then up to two definite words
            // (its adjectives, ordinal or complement); not a preposition
            // (`في الهجوم 2000 شخص` counts).
            let definite = |k: usize| {
                doc.tokens[k].kind == TokenKind::Word && doc.token_text(k).starts_with("ال")
            };
            let mut k = i - 1;
            let mut found = cue_ends_at(k, false);
            while !found && k > 0 && i - k <= 2 && definite(k) && !doc.tokens[k].newline_before {
                k -= 1;
                found = cue_ends_at(k, true);
            }
            // `الربع الأول من 2024`, `النصف الثاني من ٢٠٢٣`: a part of the year.
            let part_of_year = i >= 3
                && doc.token_text(i - 1) == "من"
                && super::number_words::ordinal_at(doc, i - 2).is_some_and(|o| o.last == i - 2)
                && cue_at(i - 3) == Some(DateWord::YearPart);
            if !found && !part_of_year {
                return None;
            }
        }
        if let Some(next) = doc.tokens.get(i + 1) {
            if !next.space_before && next.kind != TokenKind::Punct {
                return None;
            }
            if doc.is_punct(i + 1, "%") {
                return None;
            }
            if self
                .lex
                .find(doc, i + 1, false, |w| matches!(w, DateWord::Unit(..)))
                .is_some()
            {
                return None;
            }
        }
        Some(ParsedDate {
            first: i,
            last: i,
            clitic: 0,
            value: DateValue::gregorian(Some(year), None, None),
        })
    }

    /// Any month name alone at token `i` (even `مارس`), as the start of a
    /// range whose end names the year: `من مارس إلى يونيو 2024`.
    pub fn month_only_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        let m = self.month_at(doc, i, true)?;
        let value = match m.calendar {
            Calendar::Gregorian => DateValue::gregorian(None, Some(m.month), None),
            Calendar::Hijri => hijri(None, Some(m.month), None),
        };
        Some(ParsedDate {
            first: i,
            last: m.last,
            clitic: m.clitic,
            value,
        })
    }

    /// A year a period may start or end with: a date, or a bare four-digit
    /// year of 1800–2100 (`بين 1500 و2000 حبة` counts things).
    pub fn date_or_year_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        if let Some(d) = self.parse_at(doc, i) {
            return Some(d);
        }
        let y = digits(doc, i).filter(|d| d.len() == 4)?;
        let year: i32 = y.parse().ok()?;
        if !BARE_YEARS.contains(&year) || continues(doc, i) {
            return None;
        }
        Some(ParsedDate {
            first: i,
            last: i,
            clitic: 0,
            value: DateValue::gregorian(Some(year), None, None),
        })
    }
}

/// True when `year` is plausible as a bare year (no marker): 1800–2100.
pub fn is_bare_year(year: i32) -> bool {
    BARE_YEARS.contains(&year)
}

/// True when `year` is read as Hijri in numeric dates without an era: 1300–1500.
pub fn is_hijri_year(year: i32) -> bool {
    HIJRI_YEARS.contains(&year)
}

/// A Hijri date value with the given fields.
fn hijri(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> DateValue {
    DateValue {
        calendar: Calendar::Hijri,
        ..DateValue::gregorian(year, month, day)
    }
}

/// Words after a month name that place it in the year before (−1), after
/// (+1) or of (0) the date of writing (`يوليو الماضي`, `رمضان المقبل`,
/// `أغسطس الجاري`), in search form.
const MONTH_DIRECTIONS: &[(&str, i64)] = &[
    ("الماضي", -1),
    ("المنصرم", -1),
    ("الفاءت", -1),
    ("المقبل", 1),
    ("القادم", 1),
    ("الحالي", 0),
    ("الجاري", 0),
];

/// The offset in years of the direction word at token `i` ([`MONTH_DIRECTIONS`]),
/// on the same line.
fn direction_at(doc: &Document<'_>, i: usize) -> Option<i64> {
    doc.tokens
        .get(i)
        .filter(|t| t.kind == TokenKind::Word && !t.newline_before)?;
    let w = doc.token_text(i);
    MONTH_DIRECTIONS
        .iter()
        .find(|(d, _)| *d == w)
        .map(|&(_, offset)| offset)
}

/// Day words before a weekday that are part of a date's span (`أمس الجمعة
/// 5 مارس`, `اليوم الأحد الموافق ...`), in search form.
const DAYS_BEFORE_WEEKDAY: &[&str] = &["امس", "اليوم", "غدا", "غد", "وامس", "واليوم"];

/// Epithets after a Hijri month name (`رمضان المبارك`, `محرم الحرام`),
/// part of its span, in search form.
const HIJRI_HONORIFICS: &[&str] = &["المبارك", "الكريم", "المعظم", "الفضيل", "الحرام"];

/// Words before a month that name a part of it (`منتصف مارس`, `أواخر
/// مايو`), in search form: after them a month name that is also a common
/// word (`مارس`) is the month.
const PARTS_OF_MONTH: &[&str] = &[
    "منتصف",
    "مطلع",
    "اواءل",
    "اواخر",
    "اواسط",
    "بدايه",
    "نهايه",
    "مستهل",
    "غره",
];

/// True when the word before token `i` is a part of a month ([`PARTS_OF_MONTH`],
/// a clitic allowed: `بمنتصف`).
fn after_part_of_month(doc: &Document<'_>, i: usize) -> bool {
    i > 0 && doc.tokens[i - 1].kind == TokenKind::Word && {
        let w = doc.token_text(i - 1);
        let bare = ["و", "ب", "ل", "ف"]
            .iter()
            .find_map(|c| w.strip_prefix(c).filter(|r| PARTS_OF_MONTH.contains(r)));
        PARTS_OF_MONTH.contains(&w) || bare.is_some()
    }
}

/// The first token and clitic of a date that starts at token `first` with
/// no clitic, extended over a part of a month or year before it (`أواخر
/// مايو`, `مطلع عام 2020`, `بنهاية 2019`: the part is in the span, its clitic
/// out), or `None` when no part stands there.
pub(super) fn part_before(doc: &Document<'_>, first: usize) -> Option<(usize, usize)> {
    if first == 0
        || doc.tokens[first].newline_before
        || doc.tokens[first - 1].kind != TokenKind::Word
    {
        return None;
    }
    let w = doc.token_text(first - 1);
    if PARTS_OF_MONTH.contains(&w) {
        return Some((first - 1, 0));
    }
    ["وب", "ول", "فب", "و", "ب", "ل", "ف"]
        .iter()
        .find(|c| {
            w.strip_prefix(**c)
                .is_some_and(|r| PARTS_OF_MONTH.contains(&r))
        })
        .map(|c| (first - 1, c.len()))
}

/// Prepositions after which a month name that is also a common word or a
/// given name (`مارس`, `آب`, `رمضان`) is the month (`منذ مارس`, `في رمضان`),
/// in search form; not `صفر` ("zero": `حتى صفر`) nor `آب`, which folds with
/// `أب` ("father") and `إب` (the Yemeni city: `في إب`). The last two only before
/// Gregorian names: `قبل` is also a verb ("accepted"), and a Hijri month
/// name a given name (`قبل رجب طيب أردوغان الدعوة`).
const MONTH_PREPOSITIONS: &[&str] = &["في", "منذ", "حتي", "خلال", "طوال", "طيله", "قبل", "بعد"];

/// True when the word before token `i` is one of [`MONTH_PREPOSITIONS`],
/// bare or after `و`/`ف` (`وفي`).
fn after_month_preposition(doc: &Document<'_>, i: usize, calendar: Calendar) -> bool {
    let list = match calendar {
        Calendar::Gregorian => MONTH_PREPOSITIONS,
        Calendar::Hijri => &MONTH_PREPOSITIONS[..MONTH_PREPOSITIONS.len() - 2],
    };
    i > 0 && doc.tokens[i - 1].kind == TokenKind::Word && !doc.tokens[i].newline_before && {
        let w = doc.token_text(i - 1);
        let bare = ["و", "ف"]
            .iter()
            .find_map(|c| w.strip_prefix(c))
            .filter(|r| list.contains(r));
        list.contains(&w) || bare.is_some()
    }
}

/// A year-only date in `calendar`.
fn year_value(calendar: Calendar, year: i32) -> DateValue {
    match calendar {
        Calendar::Gregorian => DateValue::gregorian(Some(year), None, None),
        Calendar::Hijri => hijri(Some(year), None, None),
    }
}

/// Finds dates.
#[derive(Debug, Default)]
pub struct DateRecognizer {
    grammar: DateGrammar,
}

impl Recognizer for DateRecognizer {
    fn name(&self) -> &'static str {
        "date"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        // A date starts at digits or at a word of the lexicon: only those are visited.
        let starts = self.grammar.lexicon().start_tokens(doc, DateFamily::Date);
        super::walk(starts, |i| {
            let found = self
                .grammar
                .parse_at(doc, i)
                .or_else(|| self.grammar.bare_year_at(doc, i));
            match found {
                Some(mut d) => {
                    if d.clitic == 0 && d.value.day.is_none() {
                        if let Some((first, clitic)) = part_before(doc, d.first) {
                            d.first = first;
                            d.clitic = clitic;
                        }
                    }
                    out.push(Candidate {
                        kind: EntityKind::Date,
                        span: d.span(doc),
                        value: Value::Date(d.value),
                        priority: DATE_PRIORITY,
                    });
                    d.last + 1
                }
                None => i + 1,
            }
        });
    }
}

/// A year of 3-4 digits at token `j`, alone or in parentheses (`(1993)`),
/// not continued by more digits: the year, its number of digits and the last
/// token (the `)` when bracketed).
fn year_digits_at(doc: &Document<'_>, j: usize) -> Option<(i32, usize, usize)> {
    let paren = doc.is_punct(j, "(");
    let j = j + usize::from(paren);
    let y = digits(doc, j).filter(|d| (3..=4).contains(&d.len()))?;
    if continues(doc, j) {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    if paren && !doc.is_punct(j + 1, ")") {
        return None;
    }
    Some((year, y.len(), j + usize::from(paren)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::search_form;
    use crate::tokenize::tokenize;

    fn dates(text: &str) -> Vec<(String, DateValue)> {
        let text = search_form(text);
        let tokens = tokenize(&text);
        let doc = Document::new(&text, &tokens);
        let mut out = Vec::new();
        DateRecognizer::default().recognize(&doc, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Date(d) => (text[c.span.range()].to_string(), d),
                _ => unreachable!(),
            })
            .collect()
    }

    fn g(y: Option<i32>, m: Option<u8>, d: Option<u8>) -> DateValue {
        DateValue::gregorian(y, m, d)
    }

    #[test]
    fn month_names_days_and_years() {
        assert_eq!(
            dates("في 2 ديسمبر 2024 و9 يناير وأكتوبر 2023"),
            [
                ("2 ديسمبر 2024".into(), g(Some(2024), Some(12), Some(2))),
                ("9 يناير".into(), g(None, Some(1), Some(9))),
                ("اكتوبر 2023".into(), g(Some(2023), Some(10), None)),
            ]
        );
        assert_eq!(
            dates("الاثنين، 2 ديسمبر"),
            [("الاثنين, 2 ديسمبر".into(), g(None, Some(12), Some(2)))]
        );
        assert_eq!(
            dates("في الثاني من سبتمبر"),
            [("الثاني من سبتمبر".into(), g(None, Some(9), Some(2)))]
        );
        assert_eq!(
            dates("12 كانون الأول 1946 و يونيو (حزيران) 2020"),
            [
                (
                    "12 كانون الاول 1946".into(),
                    g(Some(1946), Some(12), Some(12))
                ),
                ("يونيو (حزيران) 2020".into(), g(Some(2020), Some(6), None)),
            ]
        );
    }

    #[test]
    fn day_and_month_after_a_day_word() {
        assert_eq!(
            dates("يوم 5/6 وفي الجمعة 12/5"),
            [
                ("يوم 5/6".into(), g(None, Some(6), Some(5))),
                ("الجمعه 12/5".into(), g(None, Some(5), Some(12)))
            ]
        );
        assert_eq!(
            dates("وصل يوم الاثنين 12/5"),
            [("يوم الاثنين 12/5".into(), g(None, Some(5), Some(12)))]
        );
        // Not a day and a month: `31/2`, a ratio without a day word.
        assert!(dates("يوم 31/2 و 5/6").is_empty());
    }

    #[test]
    fn months_after_a_part_and_bracketed_eras() {
        assert_eq!(
            dates("في منتصف مارس وأواخر صفر"),
            [
                ("منتصف مارس".into(), g(None, Some(3), None)),
                ("اواخر صفر".into(), hijri(None, Some(2), None))
            ]
        );
        assert!(dates("مارس الضغط").is_empty());
        assert_eq!(
            dates("من ( 1343 ) هجري"),
            [("( 1343 ) هجري".into(), hijri(Some(1343), None, None))]
        );
    }

    #[test]
    fn numeric_dates_are_checked() {
        assert_eq!(
            dates("15/1/2024 و2024-01-15"),
            [
                ("15/1/2024".into(), g(Some(2024), Some(1), Some(15))),
                ("2024-01-15".into(), g(Some(2024), Some(1), Some(15))),
            ]
        );
        assert!(dates("30/2/2024 و 34/37 و 12/13").is_empty());
        assert_eq!(dates("4/22/1948")[0].1, g(Some(1948), Some(4), Some(22)));
    }

    #[test]
    fn hijri_dates_carry_gregorian() {
        let d = dates("14 رمضان 1445 هـ");
        assert_eq!(d[0].0, "14 رمضان 1445 ه");
        assert_eq!(d[0].1.calendar, Calendar::Hijri);
        assert_eq!(d[0].1.gregorian.as_deref(), Some("2024-03-24"));
        assert_eq!(dates("1445هـ")[0].1, hijri(Some(1445), None, None));
    }

    #[test]
    fn years_need_a_marker_or_a_preposition() {
        assert_eq!(dates("عام 2024")[0].1, g(Some(2024), None, None));
        assert_eq!(dates("في 1948")[0].0, "1948");
        assert_eq!(dates("وفي 1948")[0].0, "1948");
        assert!(dates("2619 مواطنا و 96.5% و في 2000 عام").is_empty());
        assert!(dates("صفر و رمضان").is_empty());
        // An event word, up to two definite words, then the year.
        assert_eq!(dates("الانتفاضة الأولى 1987")[0].0, "1987");
        assert_eq!(dates("الحرب العالمية الثانية 1939")[0].0, "1939");
        assert_eq!(dates("كأس العالم 2022")[0].0, "2022");
        assert_eq!(dates("في صيف 2019")[0].0, "2019");
        assert_eq!(dates("الربع الأول من 2024")[0].0, "2024");
        // Not after a preposition and a noun, nor `من` after another ordinal.
        assert!(dates("قتل في الهجوم 2000 شخص").is_empty());
        assert!(dates("فاز الأول من 2000 متسابق").is_empty());
    }
}

//! Relative dates: `أمس`, `اليوم`, `غداً`, `العام الماضي`, `الشهر المقبل`,
//! `الأسبوع القادم`, `قبل شهرين`, `منذ 3 أيام`, `بعد ثلاثة أيام`. Each carries
//! `"relative": {"unit", "offset"}`; [`resolve`] turns it into a date when the
//! caller gives a reference date.

use super::date_words::{DateFamily, DateLexicon, DateWord, UnitForm, WordMatch, DAY_WORDS};
use super::duration::{of_time_after, parse_duration_at, unit_word_fits};
use super::{Candidate, Document, Recognizer};
use crate::entity::{Calendar, DateValue, EntityKind, Relative, TimeUnit, Value};
use crate::span::Span;
use crate::tokenize::TokenKind;
use icu_calendar::{Date, Iso};
use std::sync::Arc;

/// Priority of relative dates.
pub const RELATIVE_PRIORITY: i32 = 30;

/// The largest count a relative date takes (`قبل 10000 يوم`); larger
/// counts stay durations.
const MAX_OFFSET: i64 = 10_000;

/// Words before a duration that make it a date in the past (−1) or future (+1).
const DIRECTION_WORDS: &[(&str, i64)] = &[("قبل", -1), ("منذ", -1), ("بعد", 1)];

/// True when a relative date may start at `word`, a word of the date
/// lexicon whose phrases, a clitic allowed, can mean `any`: a weekday, a
/// relative date, `يوم`, or a direction word (`قبل`, `وبعد`).
pub(super) fn may_start_word(word: &str, any: &[DateWord]) -> bool {
    let direction = |w: &str| DIRECTION_WORDS.iter().any(|(d, _)| *d == w);
    any.iter()
        .any(|w| matches!(w, DateWord::Weekday(_) | DateWord::Relative(..)))
        || DAY_WORDS.contains(&word)
        || direction(word)
        || ["و", "ف"]
            .iter()
            .any(|c| word.strip_prefix(c).is_some_and(direction))
}

/// Words after a weekday that place it in the week before (−1) or after
/// (+1) the date of writing (`يوم الجمعة الماضي`, `الأحد المقبل`), in
/// search form.
const WEEKDAY_DIRECTIONS: &[(&str, i64)] = &[
    ("الماضي", -1),
    ("الماضيه", -1),
    ("المنصرم", -1),
    ("المنصرمه", -1),
    ("الفاءت", -1),
    ("الفاءته", -1),
    ("المقبل", 1),
    ("المقبله", 1),
    ("القادم", 1),
    ("القادمه", 1),
];

/// Titles that take `العام` as their adjective (`الأمين العام`, `النائب
/// العام`), in search form: `العام السابق` after them is "the former
/// secretary-general", not the year before.
const GENERAL_TITLES: &[&str] = &[
    "الامين",
    "المدير",
    "الناءب",
    "المدعي",
    "المراقب",
    "المشرف",
    "القاءد",
    "المفوض",
    "المنسق",
    "المرشد",
    "المفتش",
    "الرءيس",
    "المحامي",
];

/// Words after `اليوم` that make it "the day" rather than "today" (`اليوم
/// الوطني`) start with `ال`; weekdays (`اليوم الاثنين`) do not count.
fn day_word_is_today(lex: &DateLexicon, doc: &Document<'_>, next: usize) -> bool {
    if next >= doc.tokens.len() || doc.tokens[next].kind != TokenKind::Word {
        return true;
    }
    !doc.token_text(next).starts_with("ال")
        || lex
            .find(doc, next, false, |w| matches!(w, DateWord::Weekday(_)))
            .is_some()
}

/// Words before `اليوم` that make it the name of a newspaper (`عين اليوم`,
/// `صحيفة اليوم`, `دار اليوم`), in search form.
const TODAY_NAME_BEFORE: &[&str] = &["عين", "دار", "صحيفه", "جريده"];

/// True when `اليوم` at token `i` names a newspaper, not the day: after
/// [`TODAY_NAME_BEFORE`] (with a clitic: `لصحيفة`), or alone between
/// quotation marks (`لـ"اليوم"`, `«اليوم»`).
fn today_is_a_name(doc: &Document<'_>, i: usize) -> bool {
    if i == 0 || doc.tokens[i].newline_before {
        return false;
    }
    let quote = |k: usize| {
        k < doc.tokens.len()
            && doc.tokens[k].kind == TokenKind::Punct
            && matches!(doc.token_text(k), "\"" | "«" | "»" | "“" | "”")
    };
    if quote(i - 1) && quote(i + 1) {
        return true;
    }
    doc.tokens[i - 1].kind == TokenKind::Word && {
        let w = doc.token_text(i - 1);
        let bare = ["و", "ل", "ب", "ف"]
            .iter()
            .find_map(|c| w.strip_prefix(c).filter(|r| TODAY_NAME_BEFORE.contains(r)))
            .unwrap_or(w);
        TODAY_NAME_BEFORE.contains(&bare)
    }
}

/// The date `relative` points to from `reference` (year, month, day): `YYYY`
/// for years, `YYYY-MM` for months, `YYYY-MM-DD` for weeks and days (hours,
/// minutes and seconds give the day they fall on, counted whole days back).
pub fn resolve(relative: Relative, reference: (i32, u8, u8)) -> Option<String> {
    let (y, m, d) = reference;
    if relative.offset.abs() > MAX_OFFSET * 12 {
        return None;
    }
    let days = match relative.unit {
        TimeUnit::Year => {
            let year = y as i64 + relative.offset;
            return (1..=9999).contains(&year).then(|| format!("{year:04}"));
        }
        TimeUnit::Month => {
            let index = y as i64 * 12 + (m as i64 - 1) + relative.offset;
            if !(12..12 * 10_000).contains(&index) {
                return None;
            }
            return Some(format!(
                "{:04}-{:02}",
                index.div_euclid(12),
                index.rem_euclid(12) + 1
            ));
        }
        TimeUnit::Week => relative.offset * 7,
        TimeUnit::Day => relative.offset,
        TimeUnit::Hour => relative.offset / 24,
        TimeUnit::Minute => relative.offset / (24 * 60),
        TimeUnit::Second => relative.offset / (24 * 3600),
    };
    let date = Date::try_new_iso(y, m, d).ok()?;
    let moved = Date::from_rata_die(date.to_rata_die() + days, Iso);
    if !(1..=9999).contains(&moved.year().extended_year()) {
        return None;
    }
    Some(format!(
        "{:04}-{:02}-{:02}",
        moved.year().extended_year(),
        moved.month().ordinal,
        moved.day_of_month().0
    ))
}

/// Parses a `YYYY-MM-DD` reference date.
pub fn parse_reference_date(s: &str) -> Option<(i32, u8, u8)> {
    let mut parts = s.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some((y, m, d))
}

/// A four-digit year standing alone at token `i` (not `2024.5`, `2024/25`).
fn year_at(doc: &Document<'_>, i: usize) -> Option<i32> {
    let t = doc.tokens.get(i)?;
    let continues = doc.tokens.get(i + 1).is_some_and(|n| !n.space_before)
        && doc
            .tokens
            .get(i + 2)
            .is_some_and(|n| !n.space_before && n.kind == TokenKind::Digits);
    if t.kind != TokenKind::Digits || doc.token_text(i).len() != 4 || continues {
        return None;
    }
    doc.token_text(i)
        .parse()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
}

/// Finds relative dates.
#[derive(Debug)]
pub struct RelativeDateRecognizer {
    lex: Arc<DateLexicon>,
}

impl Default for RelativeDateRecognizer {
    fn default() -> Self {
        RelativeDateRecognizer {
            lex: DateLexicon::shared(),
        }
    }
}

impl RelativeDateRecognizer {
    /// The relative date at token `i`: span, unit, offset and last token.
    fn parse_at(
        &self,
        doc: &Document<'_>,
        i: usize,
    ) -> Option<(Span, TimeUnit, i64, usize, Option<i32>)> {
        if !self.lex.may_start(doc, i) {
            return None;
        }
        if let Some(found) = self.weekday_at(doc, i) {
            return Some(found);
        }
        let text = doc.token_text(i);
        let (clitic, bare) = ["و", "ف"]
            .iter()
            .find_map(|c| {
                let rest = text.strip_prefix(c)?;
                DIRECTION_WORDS
                    .iter()
                    .any(|(w, _)| *w == rest)
                    .then_some((c.len(), rest))
            })
            .unwrap_or((0, text));
        if let Some(&(_, sign)) = DIRECTION_WORDS.iter().find(|(w, _)| *w == bare) {
            // `قبل أسبوع`, `منذ شهر`, `بعد عام`: one unit.
            let one = self.lex.find(doc, i + 1, false, |w| {
                matches!(w, DateWord::Unit(_, UnitForm::Singular, _))
            });
            if let Some(WordMatch {
                word: DateWord::Unit(unit, form, factor),
                last,
                ..
            }) = one
            {
                let next_is_number = doc
                    .tokens
                    .get(last + 1)
                    .is_some_and(|t| t.kind == TokenKind::Digits);
                if !next_is_number && unit_word_fits(doc, i + 1, last, form, factor) {
                    // `قبل عقد من الزمن`: the phrase ends after `الزمن`.
                    let last = of_time_after(doc, last).unwrap_or(last);
                    let mut span = doc.tokens[i].span.union(&doc.tokens[last].span);
                    span.start += clitic;
                    return Some((span, unit, sign * i64::from(factor), last, None));
                }
            }
            if let Some(d) = parse_duration_at(&self.lex, doc, i + 1) {
                if d.clitic == 0 && d.value.fract() == 0.0 && d.value <= MAX_OFFSET as f64 {
                    let mut span = doc.tokens[i].span.union(&d.span(doc));
                    span.start += clitic;
                    return Some((span, d.unit, sign * d.value as i64, d.last, None));
                }
            }
        }
        let m = self
            .lex
            .find(doc, i, true, |w| matches!(w, DateWord::Relative(..)))?;
        let DateWord::Relative(unit, offset) = m.word else {
            return None;
        };
        if m.first == m.last
            && text.ends_with("اليوم")
            && (!day_word_is_today(&self.lex, doc, m.last + 1) || today_is_a_name(doc, i))
        {
            return None;
        }
        // `الأمين العام السابق`, `المدير العام السابق`: after a title,
        // `العام` is its adjective ("general"), not the year.
        if m.clitic == 0
            && text == "العام"
            && i > 0
            && doc.tokens[i - 1].kind == TokenKind::Word
            && !doc.tokens[i].newline_before
            && {
                let w = doc.token_text(i - 1);
                let bare = ["و", "ل", "ب", "ك"]
                    .iter()
                    .find_map(|c| w.strip_prefix(c).filter(|r| r.starts_with("ال")))
                    .unwrap_or(w);
                GENERAL_TITLES.contains(&bare)
            }
        {
            return None;
        }
        let mut last = m.last;
        // `أمس الجمعة`, `اليوم السبت`, `أول من أمس (الخميس)`: the weekday
        // names the same day and is part of the span.
        if unit == TimeUnit::Day {
            let paren = doc.is_punct(last + 1, "(");
            let k = last + 1 + usize::from(paren);
            let weekday = doc
                .tokens
                .get(k)
                .filter(|t| !t.newline_before)
                .and_then(|_| {
                    self.lex
                        .find(doc, k, false, |w| matches!(w, DateWord::Weekday(_)))
                });
            // Not when a date follows the weekday (`اليوم السبت 1 أغسطس`):
            // the weekday belongs to that date.
            let date_after = |w: &WordMatch| {
                let mut n = w.last + 1;
                if doc.is_punct(n, ",") {
                    n += 1;
                }
                doc.tokens
                    .get(n)
                    .is_some_and(|t| t.kind == TokenKind::Digits)
                    || self
                        .lex
                        .find(doc, n, false, |d| matches!(d, DateWord::Day(_)))
                        .is_some()
            };
            // Nor when the weekday has its own direction (`بعد غد الاثنين المقبل`).
            let directed = |w: &WordMatch| {
                doc.tokens.get(w.last + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && WEEKDAY_DIRECTIONS
                            .iter()
                            .any(|(d, _)| *d == doc.token_text(w.last + 1))
                })
            };
            if let Some(w) = weekday.filter(|w| paren || !date_after(w) && !directed(w)) {
                if !paren {
                    last = w.last;
                } else if doc.is_punct(w.last + 1, ")") {
                    last = w.last + 1;
                }
            }
        }
        // `العام الماضي 2024`: the year is part of it, and stated.
        let mut year = None;
        if unit == TimeUnit::Year {
            year = year_at(doc, last + 1);
            if let Some(y) = year {
                last += 1;
                // `هذا العام 2015م`: a Gregorian era after the year.
                let grammar = super::date::DateGrammar::default();
                if let Some((Calendar::Gregorian, l)) = grammar.era_at(doc, last + 1, y) {
                    last = l;
                }
            }
        }
        let span = Span::new(
            doc.tokens[i].span.start + m.clitic,
            doc.tokens[last].span.end,
        );
        Some((span, unit, offset, last, year))
    }

    /// `[يوم] الجمعة الماضي`, `الأحد المقبل`: a weekday of the week before or
    /// after the date of writing, a relative date of one week (resolved to
    /// the day itself by [`resolve_value`]).
    fn weekday_at(
        &self,
        doc: &Document<'_>,
        i: usize,
    ) -> Option<(Span, TimeUnit, i64, usize, Option<i32>)> {
        let is_weekday = |w| matches!(w, DateWord::Weekday(_));
        let (clitic, day) = match self.lex.find(doc, i, true, is_weekday) {
            Some(m) => (m.clitic, m),
            None => {
                let k = DAY_WORDS.iter().position(|w| *w == doc.token_text(i))?;
                let clitic = if k == 0 { 0 } else { "و".len() };
                (clitic, self.lex.find(doc, i + 1, false, is_weekday)?)
            }
        };
        let last = day.last + 1;
        let t = doc.tokens.get(last)?;
        if t.kind != TokenKind::Word || t.newline_before {
            return None;
        }
        let &(_, offset) = WEEKDAY_DIRECTIONS
            .iter()
            .find(|(w, _)| *w == doc.token_text(last))?;
        let span = Span::new(doc.tokens[i].span.start + clitic, doc.tokens[last].span.end);
        Some((span, TimeUnit::Week, offset, last, None))
    }
}

impl Recognizer for RelativeDateRecognizer {
    fn name(&self) -> &'static str {
        "relative_date"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        // A relative date starts at a word of the date lexicon: only the
        // tokens it may start at (and digits) are visited.
        super::walk(
            self.lex.start_tokens(doc, DateFamily::Relative),
            |i| match self.parse_at(doc, i) {
                Some((mut span, unit, offset, last, year)) => {
                    // `نهاية العام الماضي`, `مطلع الشهر المقبل`: the part in the span.
                    if matches!(unit, TimeUnit::Year | TimeUnit::Month)
                        && span.start == doc.tokens[i].span.start
                    {
                        if let Some((first, clitic)) = super::date::part_before(doc, i) {
                            span = Span::new(doc.tokens[first].span.start + clitic, span.end);
                        }
                    }
                    out.push(Candidate {
                        kind: EntityKind::Date,
                        span,
                        value: Value::Date(DateValue {
                            relative: Some(Relative { unit, offset }),
                            ..DateValue::gregorian(year, None, None)
                        }),
                        priority: RELATIVE_PRIORITY,
                    });
                    last + 1
                }
                None => i + 1,
            },
        );
    }
}

/// Fills `resolved` in every relative date of `value` against `reference`.
/// `text` is the entity's text (search form): a weekday in it
/// (`يوم الجمعة الماضي`) resolves to that day of the week before or after
/// the reference, and its offset becomes the count of days.
pub fn resolve_value(text: &str, value: &mut Value, reference: (i32, u8, u8)) {
    let weekday = || DateLexicon::shared().weekday_in(text);
    let fill = |d: &mut DateValue| {
        let (Some(r), Calendar::Gregorian) = (d.relative, d.calendar) else {
            return;
        };
        // `يوليو الماضي`: the named month before (after, or of) the
        // reference, its offset the exact count of months.
        if let (TimeUnit::Year, -1..=1, Some(month), Some(day)) = (r.unit, r.offset, d.month, d.day)
        {
            // `25 يونيو الماضي`: the last 25 June before the reference (the
            // next one after it, or the one of its year).
            let (y, m, dd) = reference;
            let year = match r.offset {
                -1 if (month, day) >= (m, dd) => y - 1,
                1 if (month, day) <= (m, dd) => y + 1,
                _ => y,
            };
            let exact = Relative {
                unit: TimeUnit::Month,
                offset: (i64::from(year) - i64::from(y)) * 12 + i64::from(month) - i64::from(m),
            };
            d.relative = Some(exact);
            d.resolved = (day <= crate::analysis::days_in_month(year, month))
                .then(|| format!("{year:04}-{month:02}-{day:02}"));
            return;
        }
        if let (TimeUnit::Year, -1..=1, Some(month), None) = (r.unit, r.offset, d.month, d.day) {
            let exact = Relative {
                unit: TimeUnit::Month,
                offset: months_to_month(reference.1, month, r.offset),
            };
            d.relative = Some(exact);
            d.resolved = resolve(exact, reference);
            return;
        }
        if let (TimeUnit::Week, 1 | -1, Some(day)) = (r.unit, r.offset, weekday()) {
            if let Some(days) = days_to_weekday(reference, day, r.offset) {
                let exact = Relative {
                    unit: TimeUnit::Day,
                    offset: days,
                };
                d.relative = Some(exact);
                d.resolved = resolve(exact, reference);
                return;
            }
        }
        d.resolved = resolve(r, reference);
    };
    match value {
        Value::Date(d) => fill(d),
        Value::Period { start, end } => {
            fill(start);
            fill(end);
        }
        _ => {}
    }
}

/// Months from the reference's month `current` to the nearest `month`
/// before it (`direction` −1: −12..=−1), after it (+1: 1..=12) or in its
/// year (0: −11..=11).
fn months_to_month(current: u8, month: u8, direction: i64) -> i64 {
    let ahead = (i64::from(month) - i64::from(current)).rem_euclid(12);
    match direction {
        0 => i64::from(month) - i64::from(current),
        d if d > 0 => {
            if ahead == 0 {
                12
            } else {
                ahead
            }
        }
        _ => {
            if ahead == 0 {
                -12
            } else {
                ahead - 12
            }
        }
    }
}

/// Days from `reference` to the nearest `weekday` (ISO) before it
/// (`direction` −1: −7..=−1) or after it (+1: 1..=7).
fn days_to_weekday(reference: (i32, u8, u8), weekday: u8, direction: i64) -> Option<i64> {
    let (y, m, d) = reference;
    let today = Date::try_new_iso(y, m, d).ok()?.weekday() as i64;
    let ahead = (weekday as i64 - today).rem_euclid(7);
    Some(if direction > 0 {
        if ahead == 0 {
            7
        } else {
            ahead
        }
    } else {
        let back = (today - weekday as i64).rem_euclid(7);
        -(if back == 0 { 7 } else { back })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::search_form;
    use crate::tokenize::tokenize;

    fn relatives(text: &str) -> Vec<(String, TimeUnit, i64)> {
        let text = search_form(text);
        let tokens = tokenize(&text);
        let doc = Document::new(&text, &tokens);
        let mut out = Vec::new();
        RelativeDateRecognizer::default().recognize(&doc, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Date(DateValue {
                    relative: Some(r), ..
                }) => (text[c.span.range()].to_string(), r.unit, r.offset),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn phrases_and_counted_offsets() {
        assert_eq!(
            relatives("أمس وفي العام الماضي قبل شهرين وبعد ثلاثة أيام منذ 3 أيام"),
            [
                ("امس".into(), TimeUnit::Day, -1),
                ("العام الماضي".into(), TimeUnit::Year, -1),
                ("قبل شهرين".into(), TimeUnit::Month, -2),
                ("بعد ثلاثه ايام".into(), TimeUnit::Day, 3),
                ("منذ 3 ايام".into(), TimeUnit::Day, -3),
            ]
        );
        assert!(relatives("اليوم الوطني").is_empty());
        assert_eq!(
            relatives("منذ شهر")[0],
            ("منذ شهر".into(), TimeUnit::Month, -1)
        );
        assert!(relatives("بعد عام 2020").is_empty());
        assert_eq!(relatives("اليوم الاثنين").len(), 1);
        assert_eq!(
            relatives("أمس الجمعة وأول من أمس (الخميس)"),
            [
                ("امس الجمعه".into(), TimeUnit::Day, -1),
                ("اول من امس (الخميس)".into(), TimeUnit::Day, -2),
            ]
        );
        assert_eq!(
            relatives("يوم الجمعة الماضي والأحد المقبل"),
            [
                ("يوم الجمعه الماضي".into(), TimeUnit::Week, -1),
                ("الاحد المقبل".into(), TimeUnit::Week, 1),
            ]
        );
        assert!(relatives("قبل عقد الاجتماع").is_empty());
        assert!(relatives("الأمين العام السابق للمجلس").is_empty());
        assert_eq!(relatives("وفي العام السابق").len(), 1);
        assert_eq!(relatives("في الطائف العام قبل الماضي").len(), 1);
        assert_eq!(
            relatives("قبل عقد من الزمن")[0],
            ("قبل عقد من الزمن".into(), TimeUnit::Year, -10)
        );
    }

    #[test]
    fn weekdays_resolve_to_the_day() {
        // 2024-03-01 is a Friday.
        let resolved = |text: &str| {
            let mut v = Value::Date(DateValue {
                relative: Some(Relative {
                    unit: TimeUnit::Week,
                    offset: if text.contains("الماضي") { -1 } else { 1 },
                }),
                ..DateValue::gregorian(None, None, None)
            });
            resolve_value(&search_form(text), &mut v, (2024, 3, 1));
            match v {
                Value::Date(d) => (d.resolved.unwrap(), d.relative.unwrap().offset),
                _ => unreachable!(),
            }
        };
        assert_eq!(resolved("يوم الجمعة الماضي"), ("2024-02-23".into(), -7));
        assert_eq!(resolved("الأحد الماضي"), ("2024-02-25".into(), -5));
        assert_eq!(resolved("الأحد المقبل"), ("2024-03-03".into(), 2));
        assert_eq!(resolved("الجمعة المقبلة"), ("2024-03-08".into(), 7));
        assert_eq!(resolved("الأسبوع الماضي"), ("2024-02-23".into(), -1));
    }

    #[test]
    fn named_months_resolve_to_the_month() {
        let resolved = |month: u8, offset: i64| {
            let mut v = Value::Date(DateValue {
                relative: Some(Relative {
                    unit: TimeUnit::Year,
                    offset,
                }),
                ..DateValue::gregorian(None, Some(month), None)
            });
            resolve_value("", &mut v, (2015, 8, 1));
            match v {
                Value::Date(d) => (d.resolved.unwrap(), d.relative.unwrap().offset),
                _ => unreachable!(),
            }
        };
        assert_eq!(resolved(7, -1), ("2015-07".into(), -1));
        assert_eq!(resolved(8, -1), ("2014-08".into(), -12));
        assert_eq!(resolved(9, -1), ("2014-09".into(), -11));
        assert_eq!(resolved(3, 1), ("2016-03".into(), 7));
        assert_eq!(resolved(8, 1), ("2016-08".into(), 12));
        assert_eq!(resolved(8, 0), ("2015-08".into(), 0));
        assert_eq!(resolved(1, 0), ("2015-01".into(), -7));
    }

    #[test]
    fn resolution() {
        let r = |unit, offset| resolve(Relative { unit, offset }, (2024, 3, 1)).unwrap();
        assert_eq!(r(TimeUnit::Day, -1), "2024-02-29");
        assert_eq!(r(TimeUnit::Month, -3), "2023-12");
        assert_eq!(r(TimeUnit::Year, 1), "2025");
        assert_eq!(r(TimeUnit::Week, 1), "2024-03-08");
        let far = Relative {
            unit: TimeUnit::Year,
            offset: -5000,
        };
        assert_eq!(resolve(far, (2024, 3, 1)), None);
    }
}

//! Periods between two dates: `2025-2030`, `2020 - 2025`, `٢٠٢٥-٢٠٢٦`,
//! `الفترة 2025-2030`, `من 2020 إلى 2025`, `من يناير إلى مارس 2024`,
//! `بين عامي 2020 و2025`, `2019/2020`.

use super::date::{is_bare_year, is_hijri_year, DateGrammar, ParsedDate, DATE_PRIORITY};
use super::date_words::{glued_to_word, DateFamily, DateWord};
use super::{Candidate, Document, Recognizer};
use crate::entity::{Calendar, DateValue, EntityKind, TimeUnit, Value};
use crate::span::Span;
use crate::tokenize::TokenKind;

/// Priority of periods (they are longer than their dates anyway).
pub const PERIOD_PRIORITY: i32 = DATE_PRIORITY;

/// Words before a year range that belong to the period's span (search form,
/// without clitics): `الفترة 2025-2030`, `عامي 2019-2020`.
const RANGE_MARKERS: &[&str] = &[
    "الفتره",
    "فتره",
    "عامي",
    "العامين",
    "الاعوام",
    "السنوات",
    "العام",
    "عام",
    "السنه",
    "سنه",
];

/// Dual year words: two years follow (`عامي 2019 و2020`).
const DUAL_MARKERS: &[&str] = &["عامي", "العامين", "سنتي"];

/// Words that open a range (`من`) and the words that join its ends.
const FROM_WORDS: &[&str] = &["من", "منذ"];
/// Words between the two ends of `من ... إلى ...`.
const TO_WORDS: &[&str] = &["الي", "حتي", "لغايه", "ولغايه", "وحتي", "والي"];
/// Dashes between two years.
const DASHES: &[&str] = &["-", "–", "—", "/"];

/// Clitics before a marker or `من`/`بين`, left out of the span.
const CLITICS: &[&str] = &["و", "ف", "ب", "ل"];

/// Finds periods.
#[derive(Debug, Default)]
pub struct PeriodRecognizer {
    grammar: DateGrammar,
}

/// Strips a clitic from `word` if the rest is in `list`: the clitic's byte length.
fn in_list(word: &str, list: &[&str]) -> Option<usize> {
    if list.contains(&word) {
        return Some(0);
    }
    CLITICS.iter().find_map(|c| {
        let rest = word.strip_prefix(c)?;
        if list.contains(&rest) {
            return Some(c.len());
        }
        // لل + فترة = ل + الفترة: the span starts after both lams (`فترة`).
        let lam = *c == "ل"
            && rest.starts_with('ل')
            && list.iter().any(|w| w.strip_prefix('ا') == Some(rest));
        lam.then_some(c.len() + 'ل'.len_utf8())
    })
}

/// True when a period may start at `word` (a word of the date lexicon): a
/// range marker (`الفترة`, `عامي`), `من` or `بين`, clitics allowed. (Year
/// and day ranges in digits start at digits.)
pub(super) fn may_start_word(word: &str) -> bool {
    in_list(word, RANGE_MARKERS).is_some()
        || in_list(word, FROM_WORDS).is_some()
        || in_list(word, BETWEEN).is_some()
}

/// `بين` ("between"), search form.
const BETWEEN: &[&str] = &["بين"];

/// A four-digit year standing alone at token `i` (no decimal, no grouping).
fn year_at(doc: &Document<'_>, i: usize) -> Option<i32> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Digits || doc.token_text(i).len() != 4 {
        return None;
    }
    doc.token_text(i).parse().ok()
}

/// The year after `start` written with its last two digits, glued after the
/// dash at token `i - 1`: `2023-24`, `2023/24` (seasons, fiscal and school years).
fn short_next_year(doc: &Document<'_>, i: usize, start: i32) -> Option<i32> {
    let t = doc.tokens.get(i)?;
    let glued = !t.space_before && !doc.tokens[i - 1].space_before;
    if t.kind != TokenKind::Digits || doc.token_text(i).len() != 2 || !glued {
        return None;
    }
    let yy: i32 = doc.token_text(i).parse().ok()?;
    (yy == (start + 1) % 100).then_some(start + 1)
}

/// Copies the end's year (and calendar) to a start that lacks one:
/// `من يناير إلى مارس 2024` starts in January 2024.
fn share_year(start: &mut DateValue, end: &DateValue) {
    if start.year.is_none() && start.relative.is_none() && end.year.is_some() {
        start.year = end.year;
        start.calendar = end.calendar;
    }
}

/// A day of the month alone at token `i` (`من 10 إلى 12 ديسمبر`): a
/// partial date the end completes ([`share_month`]).
fn day_at(doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
    let t = doc.tokens.get(i)?;
    if t.kind != TokenKind::Digits || doc.token_text(i).len() > 2 {
        return None;
    }
    let day: u8 = doc.token_text(i).parse().ok()?;
    (1..=31).contains(&day).then(|| ParsedDate {
        first: i,
        last: i,
        clitic: 0,
        value: DateValue::gregorian(None, None, Some(day)),
    })
}

/// Completes a start that is only a day with the end's month and year
/// (`10 إلى 12 ديسمبر 2024` starts on 10 December 2024). False when the
/// start is only a day and the end has no day after it.
fn share_month(start: &mut DateValue, end: &DateValue) -> bool {
    if start.month.is_some() || start.year.is_some() || start.relative.is_some() {
        return true;
    }
    match (start.day, end.month, end.day) {
        (Some(d), Some(m), Some(e)) if d < e => {
            start.month = Some(m);
            start.year = end.year;
            start.calendar = end.calendar;
            // `من 8 إلى 23 سبتمبر المقبل`: both days in the next September.
            start.relative = end.relative;
            true
        }
        _ => false,
    }
}

/// True when `end` is not before `start` (comparing the fields both state).
fn ordered(start: &DateValue, end: &DateValue) -> bool {
    if start.relative.is_some() || end.relative.is_some() || start.calendar != end.calendar {
        // Two days of one named month of a relative year (`من 8 إلى 23
        // سبتمبر المقبل`): in order of their days.
        if start.relative.is_some_and(|r| r.unit == TimeUnit::Year)
            && start.relative == end.relative
            && start.calendar == end.calendar
            && start.year.is_none()
            && end.year.is_none()
        {
            return (start.month, start.day) <= (end.month, end.day);
        }
        return start.relative.is_none() && end.relative.is_none();
    }
    let key = |d: &DateValue| (d.year, d.month, d.day);
    match (start.year, end.year) {
        (Some(_), Some(_)) => key(start) <= key(end),
        _ => true,
    }
}

impl PeriodRecognizer {
    /// `[الفترة] 2025-2030`, `2020 - 2025`, `2019/2020` at token `i`.
    fn year_range_at(
        &self,
        doc: &Document<'_>,
        i: usize,
    ) -> Option<(Span, DateValue, DateValue, usize)> {
        // `عام ( 1931 / 1932 )`: after a marker, the range may be bracketed.
        let mut paren = false;
        let (first, clitic, y) = match year_at(doc, i) {
            Some(_) => (i, 0, i),
            None => {
                let clitic = in_list(doc.token_text(i), RANGE_MARKERS)?;
                paren = doc.is_punct(i + 1, "(");
                let y = i + 1 + usize::from(paren);
                year_at(doc, y)?;
                (i, clitic, y)
            }
        };
        if paren && !doc.is_punct(y + 3, ")") {
            return None;
        }
        let start = year_at(doc, y)?;
        // Not the tail of a longer code or date (`15-1-2024`, `CT-2020`,
        // `CT2020`); `و2020` is fine.
        let glued_before = y >= 1 && !doc.tokens[y].space_before;
        let tail_of_number = glued_before
            && y >= 2
            && doc.tokens[y - 1].kind == TokenKind::Punct
            && !doc.tokens[y - 1].space_before
            && doc.tokens[y - 2].kind == TokenKind::Digits;
        if tail_of_number || (first == y && glued_to_word(doc, y)) {
            return None;
        }
        let dash = DASHES.iter().find(|d| doc.is_punct(y + 1, d))?;
        let end = year_at(doc, y + 2).or_else(|| short_next_year(doc, y + 2, start))?;
        // A glued continuation (`2025-2030-2035`, `2020/2021/2022`) is something else.
        if doc
            .tokens
            .get(y + 3)
            .is_some_and(|t| !t.space_before && t.kind != TokenKind::Word)
            && DASHES.iter().any(|d| doc.is_punct(y + 3, d))
        {
            return None;
        }
        // Bare ranges must look like modern years; after a marker
        // (`الفترة 1500-1600`) any four-digit years do.
        let era = self.grammar.era_at(doc, y + 3 + usize::from(paren), end);
        let plausible = if first == y && era.is_none() {
            is_bare_year(start) && is_bare_year(end)
        } else {
            (1000..=2200).contains(&start) && (1000..=2200).contains(&end)
        };
        let span_ok = if *dash == "/" {
            end == start + 1
        } else {
            end > start && end - start <= 100
        };
        if !plausible || !span_ok {
            return None;
        }
        // `العام 1435/1436هـ`: an era after the range is its calendar; years
        // of 1300–1500 after a marker are Hijri, as in numeric dates.
        let mut last = y + 2 + usize::from(paren);
        let mut calendar = if first != y && is_hijri_year(start) && is_hijri_year(end) {
            Calendar::Hijri
        } else {
            Calendar::Gregorian
        };
        if let Some((c, l)) = era {
            calendar = c;
            last = l;
        }
        let year = |y| DateValue {
            calendar,
            ..DateValue::gregorian(Some(y), None, None)
        };
        let span = Span::new(
            doc.tokens[first].span.start + clitic,
            doc.tokens[last].span.end,
        );
        Some((span, year(start), year(end), last))
    }

    /// `[الفترة] من X إلى Y` and `بين [عامي] X و Y` at token `i`.
    fn between_at(
        &self,
        doc: &Document<'_>,
        i: usize,
    ) -> Option<(Span, DateValue, DateValue, usize)> {
        let mut j = i;
        let mut clitic = 0;
        if let Some(c) = in_list(doc.token_text(j), RANGE_MARKERS) {
            clitic = c;
            j += 1;
            if j >= doc.tokens.len() {
                return None;
            }
        }
        let word = doc.token_text(j);
        let between = if let Some(c) = in_list(word, FROM_WORDS) {
            if j == i {
                clitic = c;
            }
            j += 1;
            false
        } else if let Some(c) = in_list(word, BETWEEN) {
            if j == i {
                clitic = c;
            }
            j += 1;
            true
        } else if j > i && in_list(doc.token_text(i), DUAL_MARKERS).is_some() {
            // `خلال عامي 2019 و2020`: a dual names both ends without `بين`.
            true
        } else {
            return None;
        };
        // `بين عامي 2020 و2025`: the dual marker applies to both years.
        if between && j < doc.tokens.len() && in_list(doc.token_text(j), DUAL_MARKERS) == Some(0) {
            j += 1;
        }
        let start = self.end_at(doc, j).or_else(|| day_at(doc, j))?;
        if start.clitic != 0 {
            return None;
        }
        let mut k = start.last + 1;
        let end = if between {
            if k < doc.tokens.len() && doc.token_text(k) == "و" {
                k += 1;
                self.end_at(doc, k)?
            } else {
                let e = self.end_at(doc, k)?;
                if e.clitic != "و".len() {
                    return None;
                }
                e
            }
        } else {
            if k >= doc.tokens.len() || !TO_WORDS.contains(&doc.token_text(k)) {
                // `إلى` may carry ل: `إلى` is written `الى`; `لعام` is a clitic on the end.
                return None;
            }
            k += 1;
            let e = self.end_at(doc, k)?;
            if e.clitic != 0 && e.clitic != "ل".len() {
                return None;
            }
            e
        };
        let mut start_value = start.value;
        if !share_month(&mut start_value, &end.value) {
            return None;
        }
        share_year(&mut start_value, &end.value);
        if !ordered(&start_value, &end.value) {
            return None;
        }
        let span = Span::new(
            doc.tokens[i].span.start + clitic,
            doc.tokens[end.last].span.end,
        );
        Some((span, start_value, end.value, end.last))
    }

    /// `10-12 ديسمبر 2024`: two days of one month.
    fn day_range_at(
        &self,
        doc: &Document<'_>,
        i: usize,
    ) -> Option<(Span, DateValue, DateValue, usize)> {
        let mut start = day_at(doc, i)?.value;
        if glued_to_word(doc, i) || !["-", "–"].iter().any(|d| doc.is_punct(i + 1, d)) {
            return None;
        }
        // Not the tail of a numeric date or a code (`2024-10-12 ديسمبر`).
        if i >= 1 && !doc.tokens[i].space_before && doc.tokens[i - 1].kind == TokenKind::Punct {
            return None;
        }
        let end = self.grammar.range_end_at(doc, i + 2)?;
        if !share_month(&mut start, &end.value) {
            return None;
        }
        let span = doc.tokens[i].span.union(&doc.tokens[end.last].span);
        Some((span, start, end.value, end.last))
    }

    /// A cheap test before the word patterns: a period starting with a word
    /// starts with a table word (`من`, `بين`, `الفترة`, `عام` are all in
    /// `data/date_words.tsv`) and has a number or a month name within its
    /// next three tokens.
    fn may_start_here(&self, doc: &Document<'_>, i: usize) -> bool {
        let lex = self.grammar.lexicon();
        if !lex.may_start(doc, i) {
            return false;
        }
        (i + 1..(i + 4).min(doc.tokens.len())).any(|j| {
            doc.tokens[j].kind == TokenKind::Digits
                || lex
                    .find(doc, j, false, |w| matches!(w, DateWord::Month { .. }))
                    .is_some()
        })
    }

    /// One end of a range: a date, a bare year or a month name.
    fn end_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedDate> {
        if i >= doc.tokens.len() {
            return None;
        }
        self.grammar
            .date_or_year_at(doc, i)
            .or_else(|| self.grammar.month_only_at(doc, i))
    }
}

impl Recognizer for PeriodRecognizer {
    fn name(&self) -> &'static str {
        "period"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        // A period starts at digits or at a word of the date lexicon: only those are visited.
        let starts = self.grammar.lexicon().start_tokens(doc, DateFamily::Period);
        super::walk(starts, |i| {
            let found = match doc.tokens[i].kind {
                TokenKind::Digits => self
                    .year_range_at(doc, i)
                    .or_else(|| self.day_range_at(doc, i)),
                TokenKind::Word if self.may_start_here(doc, i) => self
                    .between_at(doc, i)
                    .or_else(|| self.year_range_at(doc, i)),
                TokenKind::Word => None,
                TokenKind::Punct => None,
            };
            match found {
                Some((span, start, end, last)) => {
                    out.push(Candidate {
                        kind: EntityKind::Period,
                        span,
                        value: Value::Period { start, end },
                        priority: PERIOD_PRIORITY,
                    });
                    last + 1
                }
                None => i + 1,
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::search_form;
    use crate::tokenize::tokenize;

    /// The periods found in `text`: span (search form), start and end.
    fn period_values(text: &str) -> Vec<(String, DateValue, DateValue)> {
        let text = search_form(text);
        let tokens = tokenize(&text);
        let doc = Document::new(&text, &tokens);
        let mut out = Vec::new();
        PeriodRecognizer::default().recognize(&doc, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Period { start, end } => (text[c.span.range()].to_string(), start, end),
                _ => unreachable!(),
            })
            .collect()
    }

    fn periods(text: &str) -> Vec<(String, Option<i32>, Option<i32>)> {
        period_values(text)
            .into_iter()
            .map(|(span, start, end)| (span, start.year, end.year))
            .collect()
    }

    #[test]
    fn year_ranges() {
        assert_eq!(
            periods("للفترة 2025-2030 و 2020 - 2025 و ٢٠٢٥-٢٠٢٦"),
            [
                ("فتره 2025-2030".into(), Some(2025), Some(2030)),
                ("2020 - 2025".into(), Some(2020), Some(2025)),
                ("2025-2026".into(), Some(2025), Some(2026)),
            ]
        );
        assert!(periods("15-1-2024 و 2030-2025 و 34/37").is_empty());
        let hijri = |text: &str| {
            period_values(text)
                .into_iter()
                .map(|(span, start, end)| (span, start.calendar, end.year))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            hijri("في هذا العام 1435 /1436ه والعام 1435-1436"),
            [
                ("العام 1435 /1436ه".into(), Calendar::Hijri, Some(1436)),
                ("العام 1435-1436".into(), Calendar::Hijri, Some(1436)),
            ]
        );
    }

    #[test]
    fn day_ranges() {
        let text = search_form("من 10 إلى 12 ديسمبر 2024 و 3-5 مارس وبين 10 و 20 شخصا");
        let tokens = tokenize(&text);
        let doc = Document::new(&text, &tokens);
        let mut out = Vec::new();
        PeriodRecognizer::default().recognize(&doc, &mut out);
        let found: Vec<(&str, Option<u8>, Option<u8>)> = out
            .iter()
            .map(|c| match &c.value {
                Value::Period { start, end } => (&text[c.span.range()], start.day, end.day),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            found,
            [
                ("من 10 الي 12 ديسمبر 2024", Some(10), Some(12)),
                ("3-5 مارس", Some(3), Some(5)),
            ]
        );
    }

    #[test]
    fn from_to_and_between() {
        assert_eq!(
            periods("من 2020 إلى 2025 وبين عامي 2020 و2025"),
            [
                ("من 2020 الي 2025".into(), Some(2020), Some(2025)),
                ("بين عامي 2020 و2025".into(), Some(2020), Some(2025)),
            ]
        );
        assert_eq!(
            periods("خلال عامي 2019 و2020"),
            [("عامي 2019 و2020".into(), Some(2019), Some(2020))]
        );
        assert_eq!(
            periods("من يناير إلى مارس 2024"),
            [("من يناير الي مارس 2024".into(), Some(2024), Some(2024))]
        );
    }
}

//! Clock times: `10:30`, `٨:١٥ مساءً` (20:15), `الساعة 10 صباحاً`,
//! `الساعة التاسعة مساءً` (21:00), `العاشرة والنصف`, `الثانية عشرة ظهراً`,
//! `الساعة 9 و30 دقيقة`, `الثامنة إلا ربعاً` (7:45).

use super::date_words::{DateFamily, DateLexicon, DateWord, WordMatch};
use super::range::{is_introduced, is_range_connector};
use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Value};
use crate::normalize::search_form;
use crate::span::Span;
use crate::tokenize::TokenKind;
use std::sync::Arc;

/// Priority of time candidates.
pub const TIME_PRIORITY: i32 = 30;

/// The word `الساعة` in search form, as written after clitics.
const HOUR_WORDS: &[&str] = &["الساعه", "والساعه", "بالساعه", "فالساعه"];

/// The word `دقيقة` after minutes in digits (`الساعة 9 و30 دقيقة`), ordinary spelling.
const MINUTE_WORDS: &[&str] = &["دقيقة", "دقائق", "دقيقه"];

/// Words up to two words before `17:23` that make it a chapter and verse
/// of the Quran (`سورة الإسراء 17:23`, `الآية 2:255`), not a clock time, in
/// search form.
const VERSE_WORDS: &[&str] = &["سوره", "بسوره", "الايه", "ايه", "الايات", "ايات"];

/// True when a time may start at `word`, a word of the date lexicon whose
/// phrases can mean `bare` as it stands and `any` with a clitic off: a time
/// by name, an hour in words, or `الساعة`. (Clock times start at digits.)
pub(super) fn may_start_word(word: &str, bare: &[DateWord], any: &[DateWord]) -> bool {
    any.iter().any(|w| matches!(w, DateWord::NamedTime(_)))
        || bare.iter().any(|w| matches!(w, DateWord::Hour(_)))
        || HOUR_WORDS.contains(&word)
}

/// Words that start a time zone after a clock time, in search form.
const ZONE_WORDS: &[&str] = &["بتوقيت", "بالتوقيت", "توقيت"];

/// Names of Greenwich time, alone after a clock time, in search form.
const GREENWICH: &[&str] = &["غرينتش", "جرينتش", "غرينيتش", "جرينيتش"];

/// A time zone at token `i` (`بتوقيت القدس`, `بتوقيت مكة المكرمة`,
/// `بالتوقيت المحلي`, `غرينتش`): its last token. Two words at most follow
/// the zone word; the second only when it is definite (`مكة المكرمة`).
fn zone_at(doc: &Document<'_>, i: usize) -> Option<usize> {
    let word = |k: usize| {
        doc.tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word && !t.newline_before)
            .map(|_| doc.token_text(k))
    };
    let w = word(i)?;
    if GREENWICH.contains(&w) {
        return Some(i);
    }
    if !ZONE_WORDS.contains(&w) {
        return None;
    }
    word(i + 1)?;
    Some(match word(i + 2) {
        Some(n) if n.starts_with("ال") && n != "من" => i + 2,
        _ => i + 1,
    })
}

/// True when the digits at token `i` follow a verse word ([`VERSE_WORDS`]).
fn cites_a_verse(doc: &Document<'_>, i: usize) -> bool {
    (1..=2)
        .filter_map(|back| i.checked_sub(back))
        .take_while(|&k| doc.tokens[k].kind == TokenKind::Word)
        .map(|k| doc.token_text(k))
        .any(|w| VERSE_WORDS.contains(&w.strip_prefix('و').unwrap_or(w)))
}

/// The hour on a 24-hour clock for `hour` said with a part of the day
/// (see `day_period` in `data/date_words.tsv`), or `None` when they disagree.
pub fn with_day_period(hour: u8, period: Option<u8>) -> Option<u8> {
    match period {
        None => (hour <= 24).then_some(hour % 24),
        Some(_) if hour == 0 || hour > 12 => None,
        Some(1) => Some(hour % 12),
        Some(2) => Some(hour % 12 + 12),
        Some(3) => Some(if hour <= 5 { hour + 12 } else { hour }),
        Some(_) => Some(match hour {
            12 => 0,
            6..=11 => hour + 12,
            _ => hour,
        }),
    }
}

/// Finds clock times.
#[derive(Debug)]
pub struct TimeRecognizer {
    lex: Arc<DateLexicon>,
    /// [`MINUTE_WORDS`] in search form.
    minute_words: Vec<String>,
}

impl Default for TimeRecognizer {
    fn default() -> Self {
        TimeRecognizer {
            lex: DateLexicon::shared(),
            minute_words: MINUTE_WORDS.iter().map(|w| search_form(w)).collect(),
        }
    }
}

/// A time found: tokens `first..=last` (with a clitic before the first), hour and minute.
#[derive(Clone, Copy)]
struct ParsedTime {
    first: usize,
    last: usize,
    clitic: usize,
    hour: u8,
    minute: u8,
    /// The part of the day said after it (see [`with_day_period`]).
    period: Option<u8>,
}

impl TimeRecognizer {
    /// A part of the day at token `i`: its code and last token.
    fn day_period_at(&self, doc: &Document<'_>, i: usize) -> Option<(u8, usize)> {
        let m = self
            .lex
            .find(doc, i, false, |w| matches!(w, DateWord::DayPeriod(_)))?;
        match m.word {
            DateWord::DayPeriod(p) => Some((p, m.last)),
            _ => None,
        }
    }

    /// `HH:MM[:SS]` at token `i`: hour, minute and last token.
    fn clock_at(&self, doc: &Document<'_>, i: usize) -> Option<(u8, u8, usize)> {
        let t = doc.tokens.get(i)?;
        let glued = |k: usize| k < doc.tokens.len() && !doc.tokens[k].space_before;
        let is_digits = |k: usize| k < doc.tokens.len() && doc.tokens[k].kind == TokenKind::Digits;
        if t.kind != TokenKind::Digits || doc.token_text(i).len() > 2 {
            return None;
        }
        if !(doc.is_punct(i + 1, ":") && glued(i + 1) && is_digits(i + 2) && glued(i + 2)) {
            return None;
        }
        // Not the tail of a longer run (`1:2:30:45`, `a:10:30`).
        if i >= 1 && glued(i) && doc.tokens[i - 1].kind == TokenKind::Punct {
            return None;
        }
        let hour: u8 = doc.token_text(i).parse().ok()?;
        let mm = doc.token_text(i + 2);
        if mm.len() != 2 {
            return None;
        }
        let minute: u8 = mm.parse().ok()?;
        if hour > 23 || minute > 59 {
            return None;
        }
        let mut last = i + 2;
        if doc.is_punct(last + 1, ":") && glued(last + 1) && is_digits(last + 2) && glued(last + 2)
        {
            if doc.token_text(last + 2).len() != 2 {
                return None;
            }
            last += 2;
        }
        if doc.is_punct(last + 1, ":") && glued(last + 1) {
            return None;
        }
        Some((hour, minute, last))
    }

    /// `H.MM` at token `i` (after `الساعة` only: `الساعة 7.30 مساءً`).
    fn dotted_clock_at(&self, doc: &Document<'_>, i: usize) -> Option<(u8, u8, usize)> {
        let glued = |k: usize| k < doc.tokens.len() && !doc.tokens[k].space_before;
        let is_digits = |k: usize| k < doc.tokens.len() && doc.tokens[k].kind == TokenKind::Digits;
        if !is_digits(i) || !doc.is_punct(i + 1, ".") || !glued(i + 1) || !is_digits(i + 2) {
            return None;
        }
        if !glued(i + 2) || doc.token_text(i).len() > 2 || doc.token_text(i + 2).len() != 2 {
            return None;
        }
        // Not `7.30.5` or `7.30%`.
        if doc.tokens.get(i + 3).is_some_and(|t| !t.space_before) {
            return None;
        }
        let hour: u8 = doc.token_text(i).parse().ok()?;
        let minute: u8 = doc.token_text(i + 2).parse().ok()?;
        (hour <= 23 && minute <= 59).then_some((hour, minute, i + 2))
    }

    /// `HHMM` at token `i` before a time zone (`الساعة 0723 بتوقيت جرينتش`):
    /// four digits are a clock time only there.
    fn zoned_hhmm_at(&self, doc: &Document<'_>, i: usize) -> Option<(u8, u8, usize)> {
        let d = (doc.tokens.get(i)?.kind == TokenKind::Digits).then(|| doc.token_text(i))?;
        if d.len() != 4 || !d.is_ascii() || doc.tokens.get(i + 1).is_some_and(|t| !t.space_before) {
            return None;
        }
        zone_at(doc, i + 1)?;
        let hour: u8 = d[..2].parse().ok()?;
        let minute: u8 = d[2..].parse().ok()?;
        (hour <= 23 && minute <= 59).then_some((hour, minute, i))
    }

    /// The time starting at token `i`.
    fn parse_at(&self, doc: &Document<'_>, i: usize) -> Option<ParsedTime> {
        if doc.tokens[i].kind == TokenKind::Word && !self.lex.may_start(doc, i) {
            return None;
        }
        let named = self
            .lex
            .find(doc, i, true, |w| matches!(w, DateWord::NamedTime(_)));
        if let Some(WordMatch {
            word: DateWord::NamedTime(hour),
            last,
            clitic,
            ..
        }) = named
        {
            return Some(ParsedTime {
                first: i,
                last,
                clitic,
                hour,
                minute: 0,
                period: None,
            });
        }
        let text = doc.token_text(i);
        let hour_word = doc.tokens[i].kind == TokenKind::Word && HOUR_WORDS.contains(&text);
        let (mut start, clitic) = if hour_word {
            (i + 1, text.len() - "الساعه".len())
        } else {
            (i, 0)
        };
        // `الساعة الـ12 ظهراً`: the article before the digits.
        let article_digits = hour_word
            && start + 1 < doc.tokens.len()
            && doc.tokens[start].kind == TokenKind::Word
            && doc.token_text(start) == "ال"
            && doc.tokens[start + 1].kind == TokenKind::Digits
            && !doc.tokens[start + 1].space_before;
        if article_digits {
            start += 1;
        }
        let (hour, minute, mut last) = if let Some(c) = self.clock_at(doc, start) {
            if !hour_word && cites_a_verse(doc, start) {
                return None;
            }
            c
        } else if hour_word {
            match self
                .dotted_clock_at(doc, start)
                .or_else(|| self.zoned_hhmm_at(doc, start))
            {
                Some(c) => c,
                None => {
                    let (hour, minute, last, _) = self.spoken_at(doc, start)?;
                    (hour, minute, last)
                }
            }
        } else {
            // `حتى السابعة مساءً`, `حتى 5 مساءً`: an hour alone (in words, or
            // in digits up to 12) needs a part of the day after it, unless
            // words say the minutes (`التاسعة والنصف`, `الثامنة إلا ربعاً`).
            let (hour, minute, last, minutes_said) = self.spoken_at(doc, start)?;
            let digits = doc.tokens[start].kind == TokenKind::Digits;
            let glued_before = start > 0 && !doc.tokens[start].space_before;
            if digits && (hour == 0 || hour > 12 || glued_before) {
                return None;
            }
            if digits || !minutes_said {
                self.day_period_at(doc, last + 1)?;
            }
            // `10 م` is ten metres: after bare digits, the part of the day is
            // spelled out (`5 مساءً`).
            if digits && doc.token_text(last + 1).chars().count() == 1 {
                return None;
            }
            (hour, minute, last)
        };
        let mut period = None;
        if let Some((p, l)) = self.day_period_at(doc, last + 1) {
            period = Some(p);
            last = l;
        } else if let Some((p, l)) = zone_at(doc, last + 1)
            .and_then(|z| self.day_period_at(doc, z + 1))
            .filter(|_| hour_word)
        {
            // `الساعة الثامنة بتوقيت القدس من مساء الأحد`: 20:00.
            period = Some(p);
            last = l;
        }
        let hour = with_day_period(hour, period)?;
        Some(ParsedTime {
            first: i,
            last,
            clitic: if hour_word { clitic } else { 0 },
            hour,
            minute,
            period,
        })
    }

    /// The near end of a range of clock times (`من 9 إلى 11 صباحًا`,
    /// `من الساعة 8 حتى الساعة 10 مساءً`, `بين التاسعة والحادية عشرة ليلاً`):
    /// an hour with no part of the day of its own takes the far end's. The
    /// far end must be a time with a part of the day; the near end is an
    /// hour in digits (1–12), in words, or a time after `الساعة`, after
    /// `من` or `بين` (a dash needs neither).
    /// With `و` glued to a far end in words, that far end is returned too
    /// (the clitic outside its span).
    /// `parsed` is the time [`TimeRecognizer::parse_at`] found at `i`.
    fn near_end_at(
        &self,
        doc: &Document<'_>,
        i: usize,
        parsed: Option<&ParsedTime>,
    ) -> Option<(ParsedTime, Option<ParsedTime>)> {
        let near = match parsed {
            Some(t) if t.period.is_none() => *t,
            Some(_) => return None,
            None => {
                let (hour, minute, last, _) = self.spoken_at(doc, i)?;
                let digits = doc.tokens[i].kind == TokenKind::Digits;
                if digits && (!(1..=12).contains(&hour) || (i > 0 && !doc.tokens[i].space_before)) {
                    return None;
                }
                ParsedTime {
                    first: i,
                    last,
                    clitic: 0,
                    hour,
                    minute,
                    period: None,
                }
            }
        };
        let connector = near.last + 1;
        let far_period = if is_range_connector(doc, connector) {
            let introduced = is_introduced(doc, i, doc.token_text(connector));
            if !introduced || !doc.tokens.get(connector + 1)?.space_before {
                return None;
            }
            (self.parse_at(doc, connector + 1)?.period?, None)
        } else {
            // `بين التاسعة والحادية عشرة ليلاً`: `و` glued to an hour in words.
            if !is_introduced(doc, i, "و") || doc.tokens.get(connector)?.newline_before {
                return None;
            }
            let m = self
                .lex
                .find(doc, connector, true, |w| matches!(w, DateWord::Hour(_)))?;
            let DateWord::Hour(far_hour) = m.word else {
                return None;
            };
            if m.clitic != "و".len() {
                return None;
            }
            let (period, last) = self.day_period_at(doc, m.last + 1)?;
            let far = ParsedTime {
                first: connector,
                last,
                clitic: m.clitic,
                hour: with_day_period(far_hour, Some(period))?,
                minute: 0,
                period: Some(period),
            };
            (period, Some(far))
        };
        let (far_period, far) = far_period;
        let hour = with_day_period(near.hour, Some(far_period))?;
        Some((ParsedTime { hour, ..near }, far))
    }

    /// Minutes after an hour ending at token `i - 1`: in words from the
    /// table (`والنصف`, `إلا ربعاً`, negative before the hour) or in digits
    /// with the word `دقيقة` (`و30 دقيقة`, `و 30 دقيقة`, `إلا 10 دقائق`):
    /// minutes and last token.
    fn minutes_at(&self, doc: &Document<'_>, i: usize) -> Option<(i32, usize)> {
        if let Some(WordMatch {
            word: DateWord::Minutes(v),
            last,
            ..
        }) = self
            .lex
            .find(doc, i, false, |w| matches!(w, DateWord::Minutes(_)))
        {
            return Some((v, last));
        }
        let and = doc.tokens.get(i)?;
        let digits = doc.tokens.get(i + 1)?;
        let sign = match doc.token_text(i) {
            "و" => 1,
            "الا" => -1,
            _ => return None,
        };
        if and.kind != TokenKind::Word {
            return None;
        }
        if digits.kind != TokenKind::Digits || digits.newline_before {
            return None;
        }
        let mm = doc.token_text(i + 1);
        let minutes: i32 = if mm.len() <= 2 {
            mm.parse().ok()?
        } else {
            return None;
        };
        let unit = doc.tokens.get(i + 2)?;
        let said = unit.kind == TokenKind::Word
            && unit.space_before
            && self.minute_words.iter().any(|w| w == doc.token_text(i + 2));
        (said && (1..=59).contains(&minutes)).then_some((sign * minutes, i + 2))
    }

    /// After `الساعة`: an hour in digits (`10`, `9 و30 دقيقة`) or words
    /// (`التاسعة`, `العاشرة والنصف`, `الحادية عشرة إلا ربعاً`): hour (12-hour
    /// readings kept for the part of the day), minute, last token, and
    /// whether minutes were said.
    fn spoken_at(&self, doc: &Document<'_>, i: usize) -> Option<(u8, u8, usize, bool)> {
        let t = doc.tokens.get(i)?;
        let (hour, mut last) = if t.kind == TokenKind::Digits {
            let d = doc.token_text(i);
            let next_glued = doc.tokens.get(i + 1).is_some_and(|n| !n.space_before);
            if d.len() > 2 || next_glued {
                return None;
            }
            let hour: u8 = d.parse().ok()?;
            if hour > 24 {
                return None;
            }
            (hour, i)
        } else {
            let m = self
                .lex
                .find(doc, i, false, |w| matches!(w, DateWord::Hour(_)))?;
            let DateWord::Hour(hour) = m.word else {
                return None;
            };
            (hour, m.last)
        };
        let Some((minutes, l)) = self.minutes_at(doc, last + 1) else {
            return Some((hour, 0, last, false));
        };
        last = l;
        if hour > 23 {
            return None;
        }
        let total = (hour as i32 * 60 + minutes).rem_euclid(24 * 60);
        let (h, m) = ((total / 60) as u8, (total % 60) as u8);
        // Keep 12-hour readings for the part of the day: 0:45 from
        // `الواحدة إلا ربعاً` stays 12:45, as 11:45 stays 11.
        let twelve = h == 0 && (1..=12).contains(&hour);
        Some((if twelve { 12 } else { h }, m, last, true))
    }
}

impl Recognizer for TimeRecognizer {
    fn name(&self) -> &'static str {
        "time"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        // A time starts at digits or at a word of the date lexicon
        // (`الساعة`, `ظهرا`): only those are visited.
        let push = |out: &mut Vec<Candidate>, t: &ParsedTime| {
            out.push(Candidate {
                kind: EntityKind::Time,
                span: Span::new(
                    doc.tokens[t.first].span.start + t.clitic,
                    doc.tokens[t.last].span.end,
                ),
                value: Value::Time {
                    hour: t.hour,
                    minute: t.minute,
                },
                priority: TIME_PRIORITY,
            });
        };
        super::walk(self.lex.start_tokens(doc, DateFamily::Time), |i| {
            let parsed = self.parse_at(doc, i);
            if let Some((near, far)) = self.near_end_at(doc, i, parsed.as_ref()) {
                push(out, &near);
                return match far {
                    Some(far) => {
                        push(out, &far);
                        far.last + 1
                    }
                    None => near.last + 1,
                };
            }
            match parsed {
                Some(t) => {
                    push(out, &t);
                    t.last + 1
                }
                None => i + 1,
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn times(text: &str) -> Vec<(String, u8, u8)> {
        let text = search_form(text);
        let tokens = tokenize(&text);
        let doc = Document::new(&text, &tokens);
        let mut out = Vec::new();
        TimeRecognizer::default().recognize(&doc, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Time { hour, minute } => (text[c.span.range()].to_string(), hour, minute),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn clock_and_spoken_times() {
        assert_eq!(
            times("10:30 و ٨:١٥ مساءً والساعة التاسعة مساءً"),
            [
                ("10:30".into(), 10, 30),
                ("8:15 مساء".into(), 20, 15),
                ("الساعه التاسعه مساء".into(), 21, 0),
            ]
        );
        assert_eq!(times("الساعة العاشرة إلا ربعاً")[0].1, 9);
        assert_eq!(times("الساعة 12 ظهرا")[0].1, 12);
        assert_eq!(times("عند منتصف الليل")[0], ("منتصف الليل".into(), 0, 0));
        assert_eq!(
            times("الساعة 12:00 منتصف الليل"),
            [("الساعه 12:00 منتصف الليل".into(), 0, 0)]
        );
        assert!(times("25:10 و 3:1 و 10:30:45:1 والثانية").is_empty());
        assert_eq!(times("حتى السابعة مساء")[0], ("السابعه مساء".into(), 19, 0));
        assert_eq!(
            times("الساعة 9 و30 دقيقة والساعة التاسعة و 15 دقيقه مساء"),
            [
                ("الساعه 9 و30 دقيقه".into(), 9, 30),
                ("الساعه التاسعه و 15 دقيقه مساء".into(), 21, 15),
            ]
        );
        assert_eq!(times("التاسعة والنصف")[0], ("التاسعه والنصف".into(), 9, 30));
        assert_eq!(times("التاسعة وربع")[0].2, 15);
        assert_eq!(
            times("الثامنة إلا ربعًا")[0],
            ("الثامنه الا ربعا".into(), 7, 45)
        );
        assert_eq!(times("الساعة 0 و30 دقيقة")[0].1, 0);
        assert_eq!(times("الساعة 9 إلا 10 دقائق")[0].1, 8);
        assert_eq!(times("الساعة 9 إلا 10 دقائق")[0].2, 50);
        assert_eq!(
            times("العاشرة إلا خمس دقائق")[0],
            (search_form("العاشرة إلا خمس دقائق"), 9, 55)
        );
        assert_eq!(times("السادسة وعشر دقائق مساء")[0].1, 18);
        // Words alone, digits without `الساعة` or a unit: no time.
        assert!(times("الدورة التاسعة و30 عضوا و9 و30 دقيقة").is_empty());
    }

    #[test]
    fn ranges_share_the_far_end_part_of_the_day() {
        assert_eq!(
            times("من 9 إلى 11 صباحًا"),
            [("9".into(), 9, 0), ("11 صباحا".into(), 11, 0)]
        );
        assert_eq!(
            times("من الساعة 8 حتى الساعة 10 مساءً")[0],
            ("الساعه 8".into(), 20, 0)
        );
        assert_eq!(
            times("بين التاسعة والحادية عشرة ليلاً"),
            [
                ("التاسعه".into(), 21, 0),
                ("الحاديه عشره ليلا".into(), 23, 0)
            ]
        );
        // A count, not a time; a list, not a range.
        assert!(times("من 9 إلى 11 لاعبا").is_empty());
        assert_eq!(times("فاز 3 و 5 مساء").len(), 1);
    }

    #[test]
    fn verses_are_not_times() {
        assert!(times("سورة الإسراء 17:23 والآية 2:25").is_empty());
        assert_eq!(times("الخبر 17:23").len(), 1);
    }

    #[test]
    fn day_periods() {
        assert_eq!(with_day_period(12, Some(1)), Some(0));
        assert_eq!(with_day_period(3, Some(3)), Some(15));
        assert_eq!(with_day_period(11, Some(4)), Some(23));
        assert_eq!(with_day_period(15, Some(2)), None);
    }
}

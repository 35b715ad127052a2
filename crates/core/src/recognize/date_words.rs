//! The word tables of the date, period, duration, time and relative-date
//! recognizers (month names, day ordinals, clock hours,
//! weekdays, time units, relative phrases), loaded from `crates/core/data/`
//! and folded to the search form once, plus a phrase matcher over tokens.

use super::Document;
use crate::entity::{Calendar, TimeUnit};
use crate::normalize::search_form;
use crate::tokenize::TokenKind;
use std::hash::Hasher;
use std::sync::{Arc, OnceLock};

/// Month names (`data/months.tsv`).
const MONTHS_TSV: &str = include_str!("../../data/months.tsv");
/// Day ordinals, clock hours, weekdays (`data/date_words.tsv`).
const DATE_WORDS_TSV: &str = include_str!("../../data/date_words.tsv");
/// Units of durations (`data/time_units.tsv`).
const TIME_UNITS_TSV: &str = include_str!("../../data/time_units.tsv");
/// Relative dates (`data/relative_dates.tsv`).
const RELATIVE_DATES_TSV: &str = include_str!("../../data/relative_dates.tsv");

/// Clitics that may be glued before the first word of a phrase; they stay
/// outside the entity's span. Longest first.
const CLITICS: &[&str] = &["وب", "ول", "فب", "فل", "وك", "و", "ف", "ب", "ل", "ك"];

/// The word `يوم` ("day") before a weekday or a date (`يوم الجمعة`,
/// `يوم 5/6`), bare or with a clitic (outside the span: its length is that
/// of `و`), in search form.
pub const DAY_WORDS: &[&str] = &["يوم", "ويوم", "فيوم", "بيوم", "ليوم"];

/// How a time-unit word counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitForm {
    /// Singular: after a number (`21 يوماً`) or alone after `لمدة` (one unit).
    Singular,
    /// Dual: a count of two by itself (`شهرين`).
    Dual,
    /// Plural: after a number (`5 سنوات`).
    Plural,
}

/// What a phrase of the tables means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateWord {
    /// A month name.
    Month {
        /// Its calendar.
        calendar: Calendar,
        /// 1–12.
        month: u8,
        /// True when the name alone is a date.
        standalone: bool,
    },
    /// An ordinal day of the month in words (`الثاني`, `الحادي والعشرين`).
    Day(u8),
    /// A clock hour in words (`التاسعة`).
    Hour(u8),
    /// A weekday (ISO: 1 = Monday).
    Weekday(u8),
    /// A unit of time, and how many of it one word counts (10 for a
    /// decade, `عقد`; 100 for a century, `قرن`; else 1).
    Unit(TimeUnit, UnitForm, u8),
    /// A relative date (`أمس`, `العام الماضي`).
    Relative(TimeUnit, i64),
    /// A word before a year (`عام`, `سنة`).
    YearMarker,
    /// An era after a year (`م`, `هـ`), giving its calendar.
    Era(Calendar),
    /// A preposition after which a bare four-digit year is a date (`في`, `منذ`).
    YearPreposition,
    /// An event named by its year (`حرب 1948`), also across up to two
    /// definite words (`الحرب العالمية الثانية 1939`, `كأس العالم 2022`).
    YearEvent,
    /// A part of a year named by an ordinal (`الربع الأول من 2024`).
    YearPart,
    /// A part of the day after a clock time (`صباحاً` 1, `مساءً` 2, `ظهراً` 3, `ليلاً` 4).
    DayPeriod(u8),
    /// Minutes added to a clock hour in words (`والنصف` 30, `إلا ربعاً` −15).
    Minutes(i32),
    /// A fraction of one unit, in hundredths (`نصف` 50, `ربع` 25).
    Fraction(u8),
    /// A word that opens a period (`من`, `بين`, `الفترة`).
    RangeWord,
    /// A clock time by name (`منتصف الليل` 0, `منتصف النهار` 12).
    NamedTime(u8),
}

/// A phrase found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordMatch {
    /// What it means.
    pub word: DateWord,
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token.
    pub last: usize,
    /// Bytes of clitic glued before it in the first token (outside the span).
    pub clitic: usize,
}

/// Phrases (as search-form word sequences) keyed by their first word.
type PhraseMap = crate::word_hash::WordHashMap<String, Vec<(Vec<String>, DateWord)>>;

/// Every word table of the date recognizers, folded and indexed.
#[derive(Debug)]
pub struct DateLexicon {
    /// Phrases by first word; within a key, longest phrase first.
    phrases: PhraseMap,
    /// The same, for first words that start with `ال`, keyed without the
    /// `ا`: `للعام` is ل + `لعام`.
    lam_phrases: PhraseMap,
    /// For each slot of hashed word endings ([`ending_slot`]), 1 + the index
    /// in `ending_meanings` of what the table words with that ending can
    /// mean, or 0 for none. A clitic changes a word's start, never its end,
    /// so most words stop at this test, and most of the rest stop when no
    /// meaning in their slot is the one asked for.
    ending_index: Vec<u16>,
    /// The meanings per slot.
    ending_meanings: Vec<Vec<DateWord>>,
}

/// Bit of [`DateLexicon::may_start`]: some table word has the word's ending.
const MAY_START: u8 = 1;
/// Bit of a word that is, or with a clitic off is, the first word of a phrase.
const FIRST_WORD: u8 = 2;

/// Slots in [`DateLexicon::ending_index`].
const ENDING_SLOTS: usize = 1 << 14;

/// The slot of a word's ending (its last three characters, or the whole word).
#[inline]
fn ending_slot(word: &str) -> usize {
    // The start of the third character from the end (0 for shorter words),
    // found on the bytes: UTF-8 continuation bytes are `10xxxxxx`.
    let bytes = word.as_bytes();
    let mut start = bytes.len();
    for _ in 0..3 {
        if start == 0 {
            break;
        }
        start -= 1;
        while start > 0 && bytes[start] & 0xC0 == 0x80 {
            start -= 1;
        }
    }
    let mut h = crate::word_hash::WordHasher::default();
    h.write(&word.as_bytes()[start..]);
    (h.finish() as usize) & (ENDING_SLOTS - 1)
}

impl DateLexicon {
    /// The lexicon, built once per process and shared by the recognizers.
    pub fn shared() -> Arc<DateLexicon> {
        static LEXICON: OnceLock<Arc<DateLexicon>> = OnceLock::new();
        LEXICON
            .get_or_init(|| Arc::new(DateLexicon::build()))
            .clone()
    }

    /// Builds the lexicon from the data files.
    fn build() -> DateLexicon {
        let mut phrases = PhraseMap::default();
        let mut add = |phrase: &str, word: DateWord| {
            let words: Vec<String> = search_form(phrase)
                .split_whitespace()
                .map(str::to_string)
                .collect();
            if let Some(first) = words.first() {
                phrases
                    .entry(first.clone())
                    .or_default()
                    .push((words, word));
            }
        };
        for f in rows(MONTHS_TSV) {
            let calendar = match f[1] {
                "hijri" => Calendar::Hijri,
                _ => Calendar::Gregorian,
            };
            add(
                f[0],
                DateWord::Month {
                    calendar,
                    month: f[2].parse().expect("month number"),
                    standalone: f[3] == "1",
                },
            );
        }
        for f in rows(DATE_WORDS_TSV) {
            let v: u32 = f[2].parse().unwrap_or(0);
            let word = match f[1] {
                "day" => DateWord::Day(v as u8),
                "hour" => DateWord::Hour(v as u8),
                "weekday" => DateWord::Weekday(v as u8),
                "year_marker" => DateWord::YearMarker,
                "era" if v == 2 => DateWord::Era(Calendar::Hijri),
                "era" => DateWord::Era(Calendar::Gregorian),
                "year_preposition" => DateWord::YearPreposition,
                "year_event" => DateWord::YearEvent,
                "year_part" => DateWord::YearPart,
                "day_period" => DateWord::DayPeriod(v as u8),
                "minutes" => DateWord::Minutes(f[2].parse().expect("minutes")),
                "fraction" => DateWord::Fraction(v as u8),
                "range_word" => DateWord::RangeWord,
                "named_time" => DateWord::NamedTime(v as u8),
                other => panic!("date_words.tsv: unknown category {other}"),
            };
            add(f[0], word);
        }
        for f in rows(TIME_UNITS_TSV) {
            let form = match f[2] {
                "1" => UnitForm::Singular,
                "2" => UnitForm::Dual,
                _ => UnitForm::Plural,
            };
            let factor = f.get(3).map_or(1, |n| n.parse().expect("unit factor"));
            add(f[0], DateWord::Unit(parse_unit(f[1]), form, factor));
        }
        for f in rows(RELATIVE_DATES_TSV) {
            add(
                f[0],
                DateWord::Relative(parse_unit(f[1]), f[2].parse().expect("offset")),
            );
        }
        for list in phrases.values_mut() {
            crate::sort::sort_by_u64_key(list, |(words, _)| {
                crate::sort::longest_first(words.len())
            });
        }
        let mut ending_index = vec![0u16; ENDING_SLOTS];
        let mut ending_meanings: Vec<Vec<DateWord>> = Vec::new();
        let mut lam_phrases = PhraseMap::default();
        for (first, list) in &phrases {
            let mut slots = vec![ending_slot(first)];
            // A clitic changes the ending of a short word (`من` → `ومن`).
            if first.chars().count() < 3 {
                slots.extend(CLITICS.iter().map(|c| ending_slot(&format!("{c}{first}"))));
            }
            for slot in slots {
                if ending_index[slot] == 0 {
                    ending_meanings.push(Vec::new());
                    ending_index[slot] = ending_meanings.len() as u16;
                }
                let meanings = &mut ending_meanings[ending_index[slot] as usize - 1];
                for (_, word) in list {
                    if !meanings.contains(word) {
                        meanings.push(*word);
                    }
                }
            }
            if let Some(rest) = first.strip_prefix('ا').filter(|r| r.starts_with('ل')) {
                lam_phrases.insert(rest.to_string(), list.clone());
            }
        }
        DateLexicon {
            phrases,
            lam_phrases,
            ending_index,
            ending_meanings,
        }
    }

    /// False when no phrase of the tables can start at token `i` (a word
    /// whose ending no table word has, or not a word): a cheap test that
    /// lets the recognizers skip most words. Every word the recognizers
    /// compare directly (`يوم`, `شهر`, `قبل`, `الساعة`) is in the tables too.
    /// Computed once per document, for every token, on the first call.
    #[inline]
    pub fn may_start(&self, doc: &Document<'_>, i: usize) -> bool {
        self.word_bits(doc, i) & MAY_START != 0
    }

    /// The digit tokens and the tokens [`DateLexicon::may_start`] accepts,
    /// in order (computed once per document): the only tokens where the
    /// recognizers built on this lexicon and on digits can start.
    pub fn start_tokens<'d>(&self, doc: &'d Document<'_>) -> &'d [u32] {
        doc.date_start_tokens(|| {
            let starts = super::tokens_with(self.all_word_bits(doc), MAY_START);
            super::merge_tokens(doc.digit_tokens(), &starts)
        })
    }

    /// The [`MAY_START`] and [`FIRST_WORD`] bits of token `i`, computed
    /// once per distinct word of the document, on the first call.
    #[inline]
    fn word_bits(&self, doc: &Document<'_>, i: usize) -> u8 {
        self.all_word_bits(doc).get(i).copied().unwrap_or(0)
    }

    /// The [`MAY_START`] and [`FIRST_WORD`] bits of every token.
    #[inline]
    fn all_word_bits<'d>(&self, doc: &'d Document<'_>) -> &'d [u8] {
        doc.date_starts(|| doc.per_word(0, |w| self.bits_of(w)))
    }

    /// The [`MAY_START`] and [`FIRST_WORD`] bits of the word `word`.
    fn bits_of(&self, word: &str) -> u8 {
        if self.ending_index[ending_slot(word)] == 0 {
            return 0;
        }
        // The first-word lookups of `find`, with every clitic.
        let first_word = self.phrases.contains_key(word)
            || CLITICS.iter().any(|c| {
                word.strip_prefix(c).is_some_and(|rest| {
                    !rest.is_empty()
                        && (self.phrases.contains_key(rest)
                            || c.ends_with('ل')
                                && rest.starts_with('ل')
                                && self.lam_phrases.contains_key(rest))
                })
            });
        MAY_START | if first_word { FIRST_WORD } else { 0 }
    }

    /// The longest phrase starting at token `i` whose meaning passes `accept`.
    /// With `clitics`, the first word may carry a glued clitic (`وفي`, `لعام`,
    /// `للعام`), which is left out of the match.
    pub fn find(
        &self,
        doc: &Document<'_>,
        i: usize,
        clitics: bool,
        accept: impl Fn(DateWord) -> bool,
    ) -> Option<WordMatch> {
        let tok = doc.tokens.get(i)?;
        if tok.kind != TokenKind::Word {
            return None;
        }
        // No reading of the word starts a phrase: nothing to look up.
        if self.word_bits(doc, i) & FIRST_WORD == 0 {
            return None;
        }
        let word = doc.token_text(i);
        let index = self.ending_index[ending_slot(word)];
        if index == 0
            || !self.ending_meanings[index as usize - 1]
                .iter()
                .any(|w| accept(*w))
        {
            return None;
        }
        if let Some(m) = self.find_with_first(&self.phrases, doc, i, word, 0, &accept) {
            return Some(m);
        }
        if !clitics {
            return None;
        }
        for c in CLITICS {
            let Some(rest) = word.strip_prefix(c) else {
                continue;
            };
            if rest.is_empty() {
                continue;
            }
            if let Some(m) = self.find_with_first(&self.phrases, doc, i, rest, c.len(), &accept) {
                return Some(m);
            }
            // ل + ال is written لل: `للعام` is ل + العام; the span then
            // starts after both lams (`عام`).
            if c.ends_with('ل') && rest.starts_with('ل') {
                let skip = c.len() + 'ل'.len_utf8();
                if let Some(m) =
                    self.find_with_first(&self.lam_phrases, doc, i, rest, skip, &accept)
                {
                    return Some(m);
                }
            }
        }
        None
    }

    /// The time unit that the one word `word` (search form, no clitic)
    /// names, with its form and how many of the unit it counts.
    pub fn unit_word(&self, word: &str) -> Option<(TimeUnit, UnitForm, u8)> {
        self.phrases
            .get(word)?
            .iter()
            .find_map(|(words, meaning)| match *meaning {
                DateWord::Unit(unit, form, factor) if words.len() == 1 => {
                    Some((unit, form, factor))
                }
                _ => None,
            })
    }

    /// The weekday (ISO: 1 = Monday) named by a word of `text` (search
    /// form, without clitics: an entity's span leaves them out), if any.
    pub fn weekday_in(&self, text: &str) -> Option<u8> {
        text.split(' ').find_map(|word| {
            self.phrases
                .get(word)?
                .iter()
                .find_map(|(words, meaning)| match meaning {
                    DateWord::Weekday(d) if words.len() == 1 => Some(*d),
                    _ => None,
                })
        })
    }

    /// Phrases whose first word is `first` (token `i` without its clitic).
    fn find_with_first(
        &self,
        map: &PhraseMap,
        doc: &Document<'_>,
        i: usize,
        first: &str,
        clitic: usize,
        accept: &impl Fn(DateWord) -> bool,
    ) -> Option<WordMatch> {
        let list = map.get(first)?;
        for (words, meaning) in list {
            if !accept(*meaning) {
                continue;
            }
            let rest_match = words[1..].iter().enumerate().all(|(k, w)| {
                let t = i + 1 + k;
                t < doc.tokens.len()
                    && doc.tokens[t].kind == TokenKind::Word
                    && doc.token_text(t) == w
            });
            if rest_match {
                return Some(WordMatch {
                    word: *meaning,
                    first: i,
                    last: i + words.len() - 1,
                    clitic,
                });
            }
        }
        None
    }
}

/// True when token `i` is glued to a word before it that is more than a
/// one-letter clitic: `COVID19` or `CT2020` (codes), but not `و2025`.
pub fn glued_to_word(doc: &Document<'_>, i: usize) -> bool {
    i > 0
        && i < doc.tokens.len()
        && !doc.tokens[i].space_before
        && doc.tokens[i - 1].kind == TokenKind::Word
        && !["و", "ف", "ب", "ل", "ك"].contains(&doc.token_text(i - 1))
}

/// The data rows of a TSV table: no comments or blank lines, at least 3 fields.
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect::<Vec<_>>())
        .inspect(|f| assert!(f.len() >= 3, "bad table row {f:?}"))
}

/// A unit name of the tables (`day`, `year`, ...).
fn parse_unit(name: &str) -> TimeUnit {
    match name {
        "second" => TimeUnit::Second,
        "minute" => TimeUnit::Minute,
        "hour" => TimeUnit::Hour,
        "day" => TimeUnit::Day,
        "week" => TimeUnit::Week,
        "month" => TimeUnit::Month,
        "year" => TimeUnit::Year,
        other => panic!("unknown time unit {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn find_in(text: &str, i: usize) -> Option<WordMatch> {
        let text = search_form(text);
        let tokens = tokenize(&text);
        let doc = Document::new(&text, &tokens);
        DateLexicon::shared().find(&doc, i, true, |_| true)
    }

    #[test]
    fn months_days_and_clitics() {
        let m = find_in("كانون الأول", 0).unwrap();
        assert_eq!(
            m.word,
            DateWord::Month {
                calendar: Calendar::Gregorian,
                month: 12,
                standalone: true
            }
        );
        assert_eq!(m.last, 1);
        let m = find_in("وأغسطس", 0).unwrap();
        assert_eq!((m.clitic, m.last), ("و".len(), 0));
        assert_eq!(
            find_in("الحادي والعشرين", 0).unwrap().word,
            DateWord::Day(21)
        );
        assert_eq!(
            find_in("للعام الماضي", 0).unwrap().word,
            DateWord::Relative(TimeUnit::Year, -1)
        );
        assert_eq!(
            find_in("شهرين", 0).unwrap().word,
            DateWord::Unit(TimeUnit::Month, UnitForm::Dual, 1)
        );
        assert!(find_in("كتاب", 0).is_none());
    }
}
